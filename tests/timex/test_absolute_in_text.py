"""Absolute dates inside sentences: the timex stage reuses khabar.dates, in every calendar
and digit script, and keeps «يوم» and the weekday in the expression."""
from __future__ import annotations

import pytest

from tests.timex.helpers import D, only

PUB = D(2021, 7, 23)

ROWS = [
    ("جرت الانتخابات يوم الأحد 06 نوفمبر 2016 في كل المدن.", "يوم الأحد 06 نوفمبر 2016",
     "2016-11-06"),
    ("وقعت الأحداث يومي 27-28 أبريل 2011 في العاصمة.", "27-28 أبريل 2011", "2011-04-27"),
    ("هاجم المسلحون في 9 نوفمبر/تشرين الثاني 2022 البلدات.", "9 نوفمبر/تشرين الثاني 2022",
     "2022-11-09"),
    ("وُقع الاتفاق في ١٤ آب ٢٠١٨ في بيروت.", "١٤ آب ٢٠١٨", "2018-08-14"),
    ("أُعلن الخبر في 5 ذو الحجة 1442 هـ رسميا.", "5 ذو الحجة 1442 هـ", "2021-07-15"),
    # the last day of a 30-day and of a 29-day Ramadan
    ("انتهى الصيام في 30 رمضان 1442 هـ.", "30 رمضان 1442 هـ", "2021-05-12"),
    ("انتهى الصيام في 29 رمضان 1444 هـ.", "29 رمضان 1444 هـ", "2023-04-20"),
    ("وصدر المرسوم في ۱ فروردین ۱۴۰۳ في طهران.", "۱ فروردین ۱۴۰۳", "2024-03-20"),
    ("بدأت الأزمة في آب/أغسطس 2013 وما زالت.", "آب/أغسطس 2013", "2013-08"),
    ("ونشر البيان في 2021-07-20 على الموقع.", "2021-07-20", "2021-07-20"),
]


@pytest.mark.parametrize("sentence,expr,value", ROWS, ids=[r[1] for r in ROWS])
def test_absolute_dates_in_sentences(sentence, expr, value):
    t = only(sentence, PUB)
    assert (t.text, t.value, t.anchor) == (expr, value, "absolute")


def test_an_impossible_day_is_not_a_timex():
    # Ramadan 1444 had 29 days: the 30th does not exist
    assert [t.value for t in __import__("khabar.timex", fromlist=["x"]).find_timexes(
        "في 30 رمضان 1444 هـ", PUB)] == []


def test_two_dates_joined_by_a_conjunction():
    from tests.timex.helpers import found
    assert found("بين 7 أكتوبر 2023 و19 يناير 2025", PUB) == [
        ("7 أكتوبر 2023", "2023-10-07"), ("19 يناير 2025", "2025-01-19")]
