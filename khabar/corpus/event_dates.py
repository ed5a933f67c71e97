"""An event's date as a sortable interval of days, for the store's date filters, order and
month counts (docs/corpus.md, "Event dates").

The events stage gives a TIMEX3 value at its own granularity: a day (`2024-05-02`, also
with a time of day), a month (`2024-05`), a year (`1982`), an ISO week (`2018-W14`) or its
weekend (`2018-W14-WE`), a quarter (`2024-Q2`), a decade (`198`) or a century (`19`). Each
of these is a calendar interval [first day, last day]. Durations (`PT2H` from «ساعتين»),
vague references (`PAST_REF`) and anything unreadable have none: such an event is
undated, and no date filter selects it. Comparing the values as strings, as the store
once did, fails for all but days: "1982" < "1982-01-01", and "2018-W14" sorts after
every month of 2018.
"""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:T[\d:.]*\S*)?")
_MONTH = re.compile(r"(\d{4})-(\d{2})")
_WEEK = re.compile(r"(\d{4})-W(\d{2})(-WE)?")
_QUARTER = re.compile(r"(\d{4})-Q([1-4])")
_YEARS = re.compile(r"\d{2,4}")  # a year, a decade (198) or a century (19)

# rank = (RANK_BASE - the first day's ordinal) * 2**32 + seq: one unique integer that
# orders events latest first, undated last, and keeps indexing order within a day, so an
# index on it serves the list's ORDER BY and its keyset cursor alike
RANK_BASE = 4_000_000
RANK_SHIFT = 32
UNDATED = "undated"
UNDATED_RANK = RANK_BASE * 2 ** RANK_SHIFT  # every undated event's rank is at least this


def interval(value: object) -> tuple[dt.date, dt.date] | None:
    """[first day, last day] of a calendar value, or None (a duration, a vague reference,
    an impossible date)."""
    if value is None:
        return None
    text = str(value).strip()
    try:
        if m := _DAY.fullmatch(text):
            d = dt.date(int(m[1]), int(m[2]), int(m[3]))
            return d, d
        if m := _MONTH.fullmatch(text):
            first = dt.date(int(m[1]), int(m[2]), 1)
            return first, _month_end(first)
        if m := _WEEK.fullmatch(text):
            monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
            if m[3]:  # the weekend: Saturday and Sunday of that week
                return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)
            return monday, monday + dt.timedelta(days=6)
        if m := _QUARTER.fullmatch(text):
            first = dt.date(int(m[1]), 3 * int(m[2]) - 2, 1)
            return first, _month_end(first.replace(month=first.month + 2))
        if _YEARS.fullmatch(text):
            span = 10 ** (4 - len(text))  # 1 year, 10 (a decade) or 100 (a century)
            start = int(text) * span
            if start == 0:
                return None
            return dt.date(start, 1, 1), dt.date(start + span - 1, 12, 31)
    except ValueError:  # month 13, week 54, day 31 of April...
        return None
    return None


def _month_end(first: dt.date) -> dt.date:
    return (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)


def period(start: dt.date, end: dt.date) -> str:
    """The key the event is counted under per month: its month when the interval lies
    within one; for a week that straddles two months, the month of its middle day (the
    Thursday, the month that holds most of its days, as ISO weeks are given to years);
    a year (or a quarter, or any span within one year) counts under the year, `YYYY`;
    a longer span under `YYYY/YYYY`, its first and last year."""
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.year:04d}-{start.month:02d}"
    if (end - start).days < 7:
        mid = start + (end - start) / 2
        return f"{mid.year:04d}-{mid.month:02d}"
    if start.year == end.year:
        return f"{start.year:04d}"
    return f"{start.year:04d}/{end.year:04d}"


def rank(start: dt.date | None, seq: int) -> int:
    return (RANK_BASE - (start.toordinal() if start else 0)) * 2 ** RANK_SHIFT + seq


def first_rank(day: dt.date) -> int:
    """The smallest rank of an event whose interval starts on `day`."""
    return (RANK_BASE - day.toordinal()) * 2 ** RANK_SHIFT


@lru_cache(maxsize=4096)  # an article's events share its dates: parsed once
def event_date(value: object, published: object) -> tuple[str | None, str | None, str | None,
                                                           str | None, bool]:
    """(day, first day, last day, period, from_publication) of an event's date value. An
    event without a value falls back to its article's publication day; one whose value is
    no calendar date (a duration) is undated: all None."""
    fallback = value is None or str(value).strip() == ""
    source = published if fallback else value
    if isinstance(source, str) and fallback:
        source = source[:10]
    got = interval(source)
    if got is None:
        return None, None, None, None, fallback
    start, end = got
    return (str(source).strip(), start.isoformat(), end.isoformat(), period(start, end),
            fallback)
