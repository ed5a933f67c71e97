"""A month, a day of a month or a weekday without its year: past events take the most
recent past occurrence, plans the next one (published on Wednesday 10 March 2021).
Sentences written for these tests."""
from __future__ import annotations

import pytest

from khabar.timex import find_timexes

PUBLISHED = "2021-03-10"


@pytest.mark.parametrize("sentence, text, value", [
    ("وكان الوزير قد زار المدينة في نوفمبر وأعلن عن الخطة.", "نوفمبر", "2020-11"),
    ("سيزور الوزير المدينة في نوفمبر لافتتاح المشروع.", "نوفمبر", "2021-11"),
    ("زار الوفد العاصمة في مايو الماضي.", "مايو الماضي", "2020-05"),
    ("تعقد القمة في فبراير المقبل.", "فبراير المقبل", "2022-02"),
    ("اعتقل الناشط في ديسمبر الماضي.", "ديسمبر الماضي", "2020-12"),
    ("التقى الرئيس نظيره الخميس في العاصمة.", "الخميس", "2021-03-04"),
    ("سيلتقي الرئيس نظيره الخميس في العاصمة.", "الخميس", "2021-03-11"),
    ("وقع الحادث في 12 نوفمبر حين كان المبنى خاليا.", "12 نوفمبر", "2020-11-12"),
    ("ستفتتح الوزارة المعرض في 20 أبريل.", "20 أبريل", "2021-04-20"),
    ("وقع الانفجار يوم 5 من الشهر الجاري.", "يوم 5 من الشهر الجاري", "2021-03-05"),
    ("من المقرر أن يعقد الاجتماع يوم 19 من الشهر الجاري.", "يوم 19 من الشهر الجاري",
     "2021-03-19"),
    ("تظاهر المئات ليل الجمعة - السبت في الساحة.", "ليل الجمعة - السبت", "2021-03-05"),
])
def test_direction_of_a_date_without_its_year(sentence, text, value):
    found = {t.text: t.value for t in find_timexes(sentence, PUBLISHED)}
    assert found.get(text) == value


@pytest.mark.parametrize("sentence, values", [
    # the tense next to the verb places the pair; the second follows the first
    ("وتقام البطولة في الفترة ما بين يومي 14 يونيو و15 يوليو، بمشاركة ثمانية فرق.",
     ["2021-06-14", "2021-07-15"]),
    ("وتستعد الوزارة لتوزيع المنح على دفعتين في 6 أغسطس و4 نوفمبر.",
     ["2021-08-06", "2021-11-04"]),
    ("ستقام البطولة من 20 ديسمبر إلى 5 يناير.", ["2021-12-20", "2022-01-05"]),
    ("أقيمت البطولة من 20 ديسمبر إلى 5 يناير.", ["2020-12-20", "2021-01-05"]),
    ("انخفض التلوث في الفترة من أكتوبر إلى فبراير.", ["2020-10", "2021-02"]),
    ("ارتفع الاستهلاك في يونيو ويوليو.", ["2020-06", "2020-07"]),
    # a relation word on the second places both
    ("وتجري المباريات من 14 يونيو إلى 15 يوليو المقبلين.", ["2021-06-14", "2021-07-15"]),
    ("استمرت الحملة من يونيو إلى أكتوبر من العام الماضي.", ["2020-06", "2020-10"]),
    # one on the first places the second after it
    ("زار الوفد المدينة في 20 ديسمبر الماضي و3 يناير.", ["2020-12-20", "2021-01-03"]),
    # not joined: each keeps its own place
    ("زار الوفد المدينة في 20 ديسمبر، وسيعود في 3 أبريل.", ["2020-12-20", "2021-04-03"]),
])
def test_two_dates_without_a_year_joined_lie_in_order(sentence, values):
    assert [t.value for t in find_timexes(sentence, PUBLISHED)] == values


@pytest.mark.parametrize("sentence, value", [
    ("قبيل انتخابات مقررة في نوفمبر.", "2021-11"),
    ("وصلت الوفود قبيل قمة مرتقبة في فبراير.", "2022-02"),
    ("ويستعد الفريق لمواجهة منافسه في 20 فبراير.", "2022-02-20"),
])
def test_words_of_a_plan_place_a_date_ahead(sentence, value):
    assert [t.value for t in find_timexes(sentence, PUBLISHED)] == [value]


# published on Monday 3 August 2015, 18 Shawwal 1436 (1 Shawwal 1436 was 17 July 2015)
LUNAR_PUBLISHED = "2015-08-03"


@pytest.mark.parametrize("sentence, text, value", [
    ("آخر موعد للتسجيل 24 شوال الجاري.", "24 شوال الجاري", "2015-08-09"),
    ("وصل الوفد في 3 رمضان الماضي.", "3 رمضان الماضي", "2015-06-20"),
    ("زار الوفد المدينة في 20 شعبان.", "20 شعبان", "2015-06-07"),
    ("يعقد المؤتمر في 5 ذي القعدة المقبل.", "5 ذي القعدة المقبل", "2015-08-20"),
    ("يقام الحفل في 21 من رمضان.", "21 من رمضان", "2016-06-26"),
    ("أعيدت الرحلات اعتبارا من يوم السادس من شهر شوال.", "يوم السادس من شهر شوال",
     "2015-07-22"),
    ("يستمر المعسكر حتى 22 من شهر شوال الحالي.", "22 من شهر شوال الحالي", "2015-08-07"),
])
def test_a_day_of_a_lunar_month_without_its_year(sentence, text, value):
    found = {t.text: t.value for t in find_timexes(sentence, LUNAR_PUBLISHED)}
    assert found.get(text) == value


@pytest.mark.parametrize("sentence, values", [
    ("يبدأ التسجيل من السابع من شهر ذي القعدة المقبل وحتى اليوم الأول من شهر ذي الحجة.",
     ["2015-08-22", "2015-09-14"]),
    ("تقام الدورة من 25 ذي الحجة إلى 5 محرم.", ["2015-10-08", "2015-10-18"]),
    ("أقيمت الدورة من 25 ذي الحجة إلى 5 محرم.", ["2014-10-19", "2014-10-29"]),
    ("تقام البطولة من 3 مارس وحتى يوم 5 مايو.", ["2016-03-03", "2016-05-05"]),
])
def test_a_range_of_days_without_a_year_lies_in_order(sentence, values):
    assert [t.value for t in find_timexes(sentence, LUNAR_PUBLISHED)] == values
