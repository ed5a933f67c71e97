"""Year and week inference by the tense of the clause, days named in pairs, days of the
publication month, and a few spans (issue 12): sentences written for these tests."""
from __future__ import annotations

import pytest

from tests.timex.helpers import D, found, only

THU = D(2018, 3, 15)  # a Thursday
MON = D(2018, 2, 26)  # a Monday


@pytest.mark.parametrize("sentence, pub, expr, value", [
    # a future verb a few words back still governs the day or month
    ("سيصلون إلى موقع الحادث في البلدة الجبلية يوم الأربعاء.", THU,
     "يوم الأربعاء", "2018-03-21"),
    ("من المتوقع أن يزور الوزير العاصمة ويلتقي نظيره في سبتمبر.", THU,
     "سبتمبر", "2018-09"),
    # «، الجمعة»: the comma right before the day leaves the verb in the same clause
    ("سيشارك اللاعب الدولي في المباراة الحاسمة أمام المنتخب الضيف، الجمعة.", THU,
     "الجمعة", "2018-03-16"),
    ("وقبيل المباراة المرتقبة بين الفريقين، مساء الأحد.", THU, "مساء الأحد", "2018-03-18"),
    # a relative clause, «منذ», a past auxiliary or an earlier comma keep the past
    ("سترفع الحكومة الحظر الذي فرضته على الواردات في التاسع من فبراير.", THU,
     "التاسع من فبراير", "2018-02-09"),
    ("ستساعد النتائج في فهم ما حدث في الثالث من مارس.", THU, "الثالث من مارس",
     "2018-03-03"),
    ("ستبقى المحلات مغلقة منذ 12 يناير حتى إشعار آخر.", THU, "12 يناير", "2018-01-12"),
    ("كان الفريق سيلعب مباراته الودية الأحد لولا الأمطار.", THU, "الأحد", "2018-03-11"),
    ("ستبقى الحدود مغلقة، دعت المنظمة الأربعاء إلى فتحها.", THU, "الأربعاء", "2018-03-14"),
    # a verb of a schedule in the imperfect: what is planned
    ("تنطلق البطولة العربية للشباب الجمعة في العاصمة.", THU, "الجمعة", "2018-03-16"),
    ("ويبدأ سريان الرسوم الجديدة في أغسطس.", THU, "أغسطس", "2018-08"),
    ("رفعت الجلسة على أن تستأنف الأحد.", THU, "الأحد", "2018-03-18"),
    ("منح المدرب اللاعبين راحة على أن يستأنف الفريق تدريباته الاثنين.", THU, "الاثنين",
     "2018-03-19"),
    ("وأمام الشركات مهلة تنتهي في 20 يناير لتسوية أوضاعها.", D(2018, 11, 2), "20 يناير",
     "2019-01-20"),
    # a bracket glued to a name is no future particle
    ("قالت الشركة إن متجرها (ستور) حقق أرباحا في يناير.", THU, "يناير", "2018-01"),
])
def test_the_clause_tense_places_a_bare_day_or_month(sentence, pub, expr, value):
    assert (expr, value) in found(sentence, pub)


@pytest.mark.parametrize("sentence, pub, pair", [
    ("حذرت الأرصاد من هطول الثلوج يومي الاثنين والثلاثاء في الشمال.", MON,
     [("الاثنين", "2018-02-26"), ("الثلاثاء", "2018-02-27")]),
    ("تقام المباريات الودية السبت والأحد في الملعب البلدي.", D(2018, 2, 24),
     [("السبت", "2018-02-24"), ("الأحد", "2018-02-25")]),
    ("وصل الوفد إلى العاصمة الخميس أو الجمعة.", MON,
     [("الخميس", "2018-02-22"), ("الجمعة", "2018-02-23")]),
    ("يصل الوفد إلى العاصمة الخميس أو الجمعة.", MON,
     [("الخميس", "2018-03-01"), ("الجمعة", "2018-03-02")]),
])
def test_a_day_joined_to_the_day_before_it_follows_it(sentence, pub, pair):
    assert found(sentence, pub) == pair


@pytest.mark.parametrize("sentence, pub, value", [
    ("عرض الفيلم للمرة الأولى في 12 مايو الماضي.", D(2018, 5, 21), "2018-05-12"),
    ("عرض الفيلم للمرة الأولى في 25 مايو الماضي.", D(2018, 5, 21), "2017-05-25"),
    ("تنطلق البطولة في 30 مايو المقبل.", D(2018, 5, 21), "2018-05-30"),
    ("تنطلق البطولة في 10 مايو المقبل.", D(2018, 5, 21), "2019-05-10"),
])
def test_a_day_of_the_publication_month_with_past_or_next(sentence, pub, value):
    assert only(sentence, pub).value == value


@pytest.mark.parametrize("sentence, pub, expr, value", [
    ("تراجعت الصادرات مع نهاية العام الميلادي الماضي.", THU,
     "نهاية العام الميلادي الماضي", "2017"),
    ("ينتهي المشروع في العام الميلادي المقبل.", THU, "العام الميلادي المقبل", "2019"),
    ("تعرض القناة ثلاثة مسلسلات خلال الموسم الرمضاني الحالي.", D(2018, 6, 5),
     "الموسم الرمضاني الحالي", "2018-05"),
    ("مدد البرلمان حالة الطوارئ ثلاثة أشهر أخرى.", THU, "ثلاثة أشهر أخرى", "P3M"),
    ("منح القانون الضحايا عشرة أعوام إضافية لرفع الدعاوى.", THU, "عشرة أعوام إضافية",
     "P10Y"),
    ("وأعيد العمل بقانون الأراضي 1960 بما يسمح بمصادرة المزارع.", THU, "1960", "1960"),
])
def test_spans_and_values(sentence, pub, expr, value):
    assert (expr, value) in found(sentence, pub)


@pytest.mark.parametrize("sentence, value", [
    ("وقع الانفجار في الرابع من مارس.", "2018-03-04"),
    ("افتتح المعرض في الأول من ماي.", "2017-05-01"),
])
def test_an_ordinal_day_of_a_month_that_is_also_a_word(sentence, value):
    assert only(sentence, THU).value == value


def test_a_number_followed_by_an_amount_phrase_is_no_year():
    assert found("وزعت الجمعية 1950 بما في ذلك الأغطية والأدوية.", THU) == []


@pytest.mark.parametrize("sentence, expected", [
    # in a story told in the past, «بعد» counts from an event of the story: a duration
    ("وعاد اللاعب إلى ناديه بعد ثلاثة أعوام قضاها في الخارج.", ("ثلاثة أعوام", "P3Y")),
    ("استقال الوزير بعد أسبوع فقط من تعيينه.", ("أسبوع", "P1W")),
    ("وتوقف العمل في المصنع بعد عقد ونصف من افتتاحه.", ("عقد", "P1DE")),
    # a clause about the future counts from publication
    ("ستبدأ محاكمة المتهمين بعد أسبوعين.", ("بعد أسبوعين", "2018-03-29")),
    ("يقام لقاء الإياب بعد أسبوع في العاصمة.", ("بعد أسبوع", "2018-03-22")),
])
def test_after_a_count_of_time(sentence, expected):
    assert found(sentence, THU) == [expected]


def test_day_after_day_is_no_time():
    assert found("ترتفع الأسعار يوما بعد يوم في الأسواق.", THU) == []
