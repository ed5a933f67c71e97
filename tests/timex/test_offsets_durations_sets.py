"""Points counted from publication («قبل ثلاثة أشهر»), durations («ثلاثة أيام», P3D), sets
(«كل عام»), vague references («خلال الأيام الماضية») and ages that are none of these."""
from __future__ import annotations

import pytest

from tests.timex.helpers import D, found, only

JUL = D(2021, 7, 23)
MAR = D(2020, 3, 1)

ROWS = [
    ("وصل اللاجئون منذ يومين إلى المخيم.", JUL, "منذ يومين", "DATE", "2021-07-21"),
    ("وصل اللاجئون منذ يومين إلى المخيم.", MAR, "منذ يومين", "DATE", "2020-02-28"),
    ("أغلق المصنع قبل ثلاثة أشهر بسبب الديون.", JUL, "قبل ثلاثة أشهر", "DATE", "2021-04"),
    ("أغلق المصنع قبل ثلاثة أشهر بسبب الديون.", MAR, "قبل ثلاثة أشهر", "DATE", "2019-12"),
    ("تعود البعثة بعد أسبوع إلى بلادها.", JUL, "بعد أسبوع", "DATE", "2021-07-30"),
    ("انتقل إلى المدينة قبل عامين بحثا عن عمل.", JUL, "قبل عامين", "DATE", "2019"),
    ("وقعت الحادثة قبل 5 سنوات في القرية.", JUL, "قبل 5 سنوات", "DATE", "2016"),
    ("استمر الحصار ثلاثة أيام قبل أن ينتهي.", JUL, "ثلاثة أيام", "DURATION", "P3D"),
    ("استمرت المعارك 42 يوما في المدينة.", JUL, "42 يوما", "DURATION", "P42D"),
    ("انتظر الأهالي عاما واحدا قبل العودة.", JUL, "عاما واحدا", "DURATION", "P1Y"),
    ("تنظم البلدية المهرجان كل عام في الصيف.", JUL, "كل عام", "SET", "P1Y"),
    ("تصدر النشرة أسبوعيا عن الوزارة.", JUL, "أسبوعيا", "SET", "P1W"),
    ("تصاعد التوتر خلال الأيام الماضية على الحدود.", JUL, "الأيام الماضية", "DATE",
     "PAST_REF"),
]


@pytest.mark.parametrize("sentence,pub,expr,type_,value", ROWS)
def test_offsets_durations_sets(sentence, pub, expr, type_, value):
    t = only(sentence, pub)
    assert (t.text, t.type, t.value) == (expr, type_, value)


def test_counted_from_an_event_is_a_duration_not_a_date():
    t = only("استسلم المسلحون بعد يومين من الهجوم.", JUL)
    assert (t.type, t.value) == ("DURATION", "P2D")


def test_an_age_is_not_a_duration():
    assert found("قال الرجل البالغ من العمر 54 عاما إنه لن يغادر.", JUL) == []


def test_since_a_year_is_the_year():
    assert found("يعيش في المنفى منذ عام 2013 مع عائلته.", JUL) == [("عام 2013", "2013")]


def test_an_age_in_brackets_is_not_a_duration():
    assert found("ويتوقع المدرب (52 عاما) موسما صعبا.", JUL) == []


def test_since_a_day_followed_by_its_date_is_the_date():
    assert found("المستحقات متأخرة منذ يوم 30 يونيو الماضي.", JUL) == [
        ("يوم 30 يونيو الماضي", "2021-06-30")]


@pytest.mark.parametrize("sentence,expr,type_,value,mod", [
    ("أغلق المصنع قبل نحو ثلاثة أشهر بسبب الديون.", "قبل نحو ثلاثة أشهر", "DATE", "2021-04",
     "APPROX"),
    ("غادر البلاد قبل أكثر من عام ولم يعد.", "قبل أكثر من عام", "DATE", "2020", "BEFORE"),
    ("استمر الحصار على مدى نحو 11 شهرا في المدينة.", "نحو 11 شهرا", "DURATION", "P11M", "APPROX"),
    ("تضاعفت الأسعار خلال العامين الماضيين في المدن.", "العامين الماضيين", "DURATION", "P2Y",
     None),
    ("يجب أن ينتهي المشروع بحلول نهاية العام وفق العقد.", "نهاية العام", "DATE", "2021", "END"),
    ("ارتفعت الإصابات خلال الساعات الماضية في المدينة.", "الساعات الماضية", "DATE", "PAST_REF",
     None),
])
def test_approximations_two_periods_and_modified_periods(sentence, expr, type_, value, mod):
    t = only(sentence, JUL)
    assert (t.text, t.type, t.value, t.mod) == (expr, type_, value, mod)
