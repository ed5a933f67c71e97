"""Clock times («الساعة 10:30 صباحا»): TIMEX3 TIME on the day named just before them, else on
the publication day; the hour word alone («على مدار الساعة») is no time."""
from __future__ import annotations

import pytest

from tests.timex.helpers import D, found

PUB = D(2020, 6, 15)  # a Monday


@pytest.mark.parametrize("sentence,expected", [
    ("يبدأ الاجتماع الساعة 5 مساء في القصر.", [("الساعة 5 مساء", "2020-06-15T17:00")]),
    ("أغلقت المحلات ابتداء من الساعة 23:59 بقرار رسمي.", [("الساعة 23:59", "2020-06-15T23:59")]),
    ("وقع الانفجار صباح الأحد الساعة 10:30 صباحا.",
     [("صباح الأحد", "2020-06-14"), ("الساعة 10:30 صباحا", "2020-06-14T10:30")]),
    ("تعمل الصيدليات على مدار الساعة في العاصمة.", []),
    ("يستمر البث الساعة 25 في تجربة.", []),
])
def test_clock_times(sentence, expected):
    assert found(sentence, PUB) == expected


def test_clock_time_without_publication_date_has_no_value():
    assert found("يبدأ الاجتماع الساعة 9 صباحا.", None) == [("الساعة 9 صباحا", None)]
