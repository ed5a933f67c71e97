"""The resolver's arithmetic, on its own: weekdays, months, periods, shifts and seasons
across month ends, year ends and leap days; properties checked with hypothesis."""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, strategies as st

from khabar.timex import resolve as rv

D = dt.date


@pytest.mark.parametrize("pub,days,value", [
    (D(2020, 3, 1), -1, "2020-02-29"),
    (D(2021, 3, 1), -1, "2021-02-28"),
    (D(2021, 1, 1), -1, "2020-12-31"),
    (D(2019, 12, 31), 2, "2020-01-02"),
    (D(2024, 2, 28), 1, "2024-02-29"),
])
def test_shift_days(pub, days, value):
    assert rv.shift_days(pub, days) == value


@pytest.mark.parametrize("pub,unit,offset,value", [
    (D(2021, 1, 15), "M", -1, "2020-12"),
    (D(2021, 12, 31), "M", 1, "2022-01"),
    (D(2021, 3, 31), "M", -1, "2021-02"),   # no 31 February: still February
    (D(2021, 1, 1), "Y", -1, "2020"),
    (D(2021, 1, 3), "W", 0, "2020-W53"),    # ISO weeks cross the year boundary
    (D(2021, 1, 4), "W", -1, "2020-W53"),
    (D(2024, 6, 1), "DE", -1, "201"),
])
def test_period(pub, unit, offset, value):
    assert rv.period(pub, unit, offset) == value


@pytest.mark.parametrize("pub,unit,n,value", [
    (D(2020, 3, 31), "M", -1, "2020-02"),
    (D(2020, 2, 29), "Y", -1, "2019"),
    (D(2021, 7, 23), "W", 1, "2021-07-30"),
    (D(2021, 7, 23), "H", -2, None),
])
def test_shift(pub, unit, n, value):
    assert rv.shift(pub, unit, n) == value


@pytest.mark.parametrize("pub,month,relation,future,year", [
    (D(2021, 7, 23), 4, -1, False, 2021),
    (D(2021, 7, 23), 7, -1, False, 2020),   # «تموز الماضي» in July: last year's
    (D(2021, 7, 23), 7, None, False, 2021),  # bare: this month
    (D(2021, 7, 23), 10, None, False, 2020),  # bare: the last October
    (D(2021, 7, 23), 10, None, True, 2021),   # a future verb: the next October
    (D(2021, 7, 23), 3, 1, False, 2022),
    (D(2021, 12, 31), 1, 1, False, 2022),
    (D(2021, 1, 1), 12, -1, False, 2020),
    (D(2021, 1, 1), 12, 0, False, 2021),
])
def test_month_year(pub, month, relation, future, year):
    assert rv.month_year(pub, month, relation, future) == year


@pytest.mark.parametrize("pub,first_month,relation,value", [
    (D(2018, 3, 13), 9, -1, "2017"),   # last autumn
    (D(2018, 3, 13), 12, -1, "2017"),  # last winter began in December 2017
    (D(2018, 3, 13), 6, 1, "2018"),    # next summer
    (D(2018, 10, 1), 9, 1, "2019"),
    (D(2018, 10, 1), 9, 0, "2018"),
])
def test_season(pub, first_month, relation, value):
    assert rv.season(pub, first_month, relation) == value


@pytest.mark.parametrize("n,unit,value", [
    (3, "D", "P3D"), (2, "Y", "P2Y"), (None, "M", "PXM"), (5, "H", "PT5H"), (10, "MI", "PT10M"),
])
def test_duration(n, unit, value):
    assert rv.duration(n, unit) == value


dates = st.dates(min_value=D(1950, 1, 1), max_value=D(2090, 12, 31))
weekdays = st.integers(min_value=1, max_value=7)


@given(dates, weekdays, st.sampled_from([None, -1, 0, 1]), st.booleans())
def test_weekday_lands_on_that_weekday_within_a_week(pub, wd, relation, future):
    got = D.fromisoformat(rv.weekday(pub, wd, relation, future))
    assert got.isoweekday() == wd
    delta = (got - pub).days
    assert -7 <= delta <= 7
    if relation == -1:
        assert delta < 0
    elif relation == 1:
        assert delta > 0
    elif relation is None:
        assert (0 <= delta if future else delta <= 0)


@given(dates, st.integers(min_value=1, max_value=12), st.sampled_from([None, -1, 1]),
       st.booleans())
def test_month_year_is_on_the_right_side_of_publication(pub, month, relation, future):
    y = rv.month_year(pub, month, relation, future)
    named, current = (y, month), (pub.year, pub.month)
    assert abs(y - pub.year) <= 1
    if relation == -1 or (relation is None and not future):
        assert named <= current
    if relation == 1 or (relation is None and future):
        assert named >= current
    if relation is not None:
        assert named != current
