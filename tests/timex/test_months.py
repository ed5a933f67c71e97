"""Months and dates without a year: every name family, dual names, «الماضي/المقبل/الجاري»,
«من العام الماضي», and a bare month placed in the past of the publication date."""
from __future__ import annotations

import pytest

from tests.timex.helpers import D, found, only

JUL = D(2021, 7, 23)
MAY = D(2018, 5, 16)
JAN = D(2022, 1, 10)
LEAP = D(2024, 3, 5)

ROWS = [
    ("في نيسان/أبريل الماضي أعلنت الحكومة خطتها.", JUL, "نيسان/أبريل الماضي", "2021-04"),
    ("في كانون الثاني/يناير الماضي تظاهر الآلاف.", JUL, "كانون الثاني/يناير الماضي", "2021-01"),
    ("بدأ التحقيق في شباط/فبراير بعد الانفجار.", JUL, "شباط/فبراير", "2021-02"),
    # bare month: the most recent one, even across the year boundary
    ("وقعت الاتفاقية في تشرين الأول/أكتوبر بعد مفاوضات.", MAY, "تشرين الأول/أكتوبر", "2017-10"),
    ("انتهت الانتخابات في ديسمبر بفوز المعارضة.", JAN, "ديسمبر", "2021-12"),
    # the publication month itself
    ("ستنتهي المهلة نهاية أيار/مايو وفق البيان.", MAY, "نهاية أيار/مايو", "2018-05"),
    # Maghrebi, Algerian, French and English names
    ("عقد المؤتمر في يوليوز الماضي بالرباط.", JUL, "يوليوز الماضي", "2020-07"),
    ("صدر القرار في غشت الماضي.", JUL, "غشت الماضي", "2020-08"),
    ("انطلقت الحملة في شتنبر الماضي.", JUL, "شتنبر الماضي", "2020-09"),
    ("اجتمع المجلس في جانفي الماضي.", JUL, "جانفي الماضي", "2021-01"),
    ("تنطلق الدورة في جوان المقبل.", JUL, "جوان المقبل", "2022-06"),
    ("تغيرت القوانين في دجنبر الماضي.", JUL, "دجنبر الماضي", "2020-12"),
    ("يبدأ المشروع في نونبر المقبل.", JUL, "نونبر المقبل", "2021-11"),
    # relation given as a year
    ("وقع الحادث في يناير من العام الماضي.", JUL, "يناير من العام الماضي", "2020-01"),
    ("تبدأ الأشغال في مارس من العام المقبل.", JUL, "مارس من العام المقبل", "2022-03"),
    # a day and a month
    ("وقع الهجوم في الثامن من نيسان/أبريل على المدينة.", MAY, "الثامن من نيسان/أبريل",
     "2018-04-08"),
    ("اجتمع الطرفان في 6 فبراير/شباط العام الجاري.", MAY, "6 فبراير/شباط العام الجاري",
     "2018-02-06"),
    ("تجري الانتخابات يوم 7 أكتوبر الجاري.", D(2016, 10, 3), "يوم 7 أكتوبر الجاري",
     "2016-10-07"),
    ("وصل المبعوث في 29 شباط إلى المنطقة.", LEAP, "29 شباط", "2024-02-29"),
    ("وقع الحادث في 21 يناير/كانون الثاني الماضي.", D(2025, 2, 2),
     "21 يناير/كانون الثاني الماضي", "2025-01-21"),
    ("وصلت القافلة في سابع أكتوبر إلى الميناء.", D(2023, 10, 9), "سابع أكتوبر", "2023-10-07"),
]


@pytest.mark.parametrize("sentence,pub,expr,value", ROWS, ids=[r[2] for r in ROWS])
def test_months(sentence, pub, expr, value):
    t = only(sentence, pub)
    assert (t.text, t.value) == (expr, value)


def test_a_range_of_days_is_one_expression_valued_by_its_first_day():
    t = only("ينعقد المعرض من 8 إلى 21 سبتمبر/أيلول الجاري.", D(2025, 9, 2))
    assert (t.text, t.value) == ("من 8 إلى 21 سبتمبر/أيلول الجاري", "2025-09-08")


@pytest.mark.parametrize("sentence", [
    "مارس الضغط على الوزراء حتى استقالوا.",      # «مارس» the verb
    "وقال الأب إن ابنه لم يعد.",                # «أب» the father
    "فاز الفريق واحد صفر على منافسه.",           # «صفر» the number
    "وصل رمضان المحمد إلى القاعة.",             # a lunar month as a given name
])
def test_month_names_that_are_ordinary_words(sentence):
    assert found(sentence, JUL) == []


def test_two_different_months_side_by_side_are_not_one_month():
    assert [t for t, _ in found("بين يناير/مارس", JUL)] != ["يناير/مارس"]


# news agencies write the two names of a month side by side, with or without a mark
@pytest.mark.parametrize("sentence,expr,value", [
    ("تراجعت الصادرات في فبراير شباط إلى أدنى مستوى.", "فبراير شباط", "2021-02"),
    ("وتنتهي المهلة بحلول 30 سبتمبر أيلول وفق الوزارة.", "30 سبتمبر أيلول", "2021-09-30"),
    ("وبقيت الحدود مغلقة منذ يوم 29 حزيران - يونيو الماضي.", "يوم 29 حزيران - يونيو الماضي",
     "2021-06-29"),
    ("وقعت الأزمة منذ ديسمبر عام 2015 في البلاد.", "ديسمبر عام 2015", "2015-12"),
    ("بدأ البناء في مارس من العام 2019 في المدينة.", "مارس من العام 2019", "2019-03"),
    ("تبدأ الدراسة في الخامس من الشهر المقبل.", "الخامس من الشهر المقبل", "2021-08-05"),
])
def test_month_names_side_by_side_and_years_after_them(sentence, expr, value):
    t = only(sentence, JUL)
    assert (t.text, t.value) == (expr, value)


def test_a_range_of_two_months_keeps_them_apart():
    assert found("امتد الموسم من يناير - مارس 2020 في الجنوب.", JUL)[-1] == ("مارس 2020", "2020-03")
