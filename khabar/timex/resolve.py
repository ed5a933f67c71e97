"""TIMEX3 values of relative expressions, computed from the publication date alone.

Pure functions of `(published, …)`, never of the wall clock. Every function returns the
value string at its granularity (`2021-07-26`, `2021-04`, `2021`, `2021-W29`).
"""
from __future__ import annotations

import datetime as dt

from dateutil.relativedelta import relativedelta


def day(d: dt.date) -> str:
    return d.isoformat()


def month(year: int, m: int) -> str:
    return f"{year:04d}-{m:02d}"


def year(y: int) -> str:
    return f"{y:04d}"


def week(d: dt.date) -> str:
    iso = d.isocalendar()
    return f"{iso[0]:04d}-W{iso[1]:02d}"


def shift_days(published: dt.date, days: int) -> str:
    """«أمس», «بعد غد»: the publication day moved by whole days."""
    return day(published + dt.timedelta(days=days))


def weekday(published: dt.date, wd: int, relation: int | None, future: bool = False) -> str:
    """The weekday `wd` (ISO 1-7) nearest the publication date in the direction asked.

    relation -1 («الماضي»): the last one strictly before; +1 («المقبل»): the next one strictly
    after; 0 («هذا»): the one in the publication week. Bare (None): news reports the past,
    so the publication day itself or the nearest one before it, unless the verb is future,
    then the publication day or the nearest one after it.
    """
    diff = wd - published.isoweekday()
    if relation == -1:
        back = (-diff) % 7 or 7
        return day(published - dt.timedelta(days=back))
    if relation == 1:
        ahead = diff % 7 or 7
        return day(published + dt.timedelta(days=ahead))
    if relation == 0:
        return day(published + dt.timedelta(days=diff))
    if future:
        return day(published + dt.timedelta(days=diff % 7))
    return day(published - dt.timedelta(days=(-diff) % 7))


def period(published: dt.date, unit: str, offset: int) -> str:
    """«العام الماضي», «الشهر الجاري», «الأسبوع المقبل»: the period `offset` units away."""
    if unit == "Y":
        return year(published.year + offset)
    if unit == "M":
        d = published + relativedelta(months=offset)
        return month(d.year, d.month)
    if unit == "W":
        return week(published + dt.timedelta(weeks=offset))
    if unit == "DE":
        return f"{published.year // 10 + offset:03d}"
    if unit == "C":
        return century((published.year - 1) // 100 + 1 + offset)
    if unit == "D":
        return shift_days(published, offset)
    raise ValueError(f"no period for unit {unit!r}")


def century(ordinal: int) -> str:
    """«القرن العشرين» (the 20th): TIMEX3 «19», the hundreds its years begin with."""
    return f"{ordinal - 1:02d}"


def shift(published: dt.date, unit: str, n: int) -> str | None:
    """«قبل ثلاثة أشهر» (n=-3, unit M): the point n units away, at that unit's granularity."""
    if unit == "D":
        return shift_days(published, n)
    if unit == "W":
        return shift_days(published, 7 * n)
    if unit == "M":
        d = published + relativedelta(months=n)
        return month(d.year, d.month)
    if unit == "Y":
        return year(published.year + n)
    if unit == "DE":
        return f"{(published.year + 10 * n) // 10:03d}"
    if unit == "C":
        return century((published.year + 100 * n - 1) // 100 + 1)
    return None  # hours and minutes: a time of day, not a date


def month_year(published: dt.date, m: int, relation: int | None, future: bool = False,
               year_offset: int | None = None) -> int:
    """The year of a month named without one.

    «يناير الماضي»: the last January strictly before the publication month; «يناير المقبل»:
    the next one strictly after; «يناير من العام الماضي»: the year is given relatively.
    Bare: the publication month itself, else the most recent one before it (news reports
    the past), or the next one when the sentence speaks of the future.
    """
    if year_offset is not None:
        return published.year + year_offset
    if relation == -1:
        return published.year if m < published.month else published.year - 1
    if relation == 1:
        return published.year if m > published.month else published.year + 1
    if relation == 0 or m == published.month:
        return published.year
    if future:
        return published.year if m > published.month else published.year + 1
    return published.year if m < published.month else published.year - 1


def day_month_year(published: dt.date, m: int, d: int, relation: int | None,
                   future: bool = False, year_offset: int | None = None) -> int:
    """The year of a day and month named without one (see `month_year`). In the
    publication month the day decides: «12 مايو الماضي» written on 21 May is nine days
    back, not a year; «30 مايو المقبل» written on 21 May is nine days ahead."""
    if year_offset is None and m == published.month:
        if relation == -1:
            return published.year if d < published.day else published.year - 1
        if relation == 1:
            return published.year if d > published.day else published.year + 1
    return month_year(published, m, relation, future, year_offset)


# a day and month named without a year that falls this close to the publication date, on
# the side the tense did not point to, is that near day: a plan reported a few days late
# («سترفع الأسعار اعتبارا من 30 يوليو», published 5 August) or an event a few days ahead
# whose clause shows no future («مباراته أمام النيجر يوم 8 سبتمبر», published 27 August);
# a story meaning the same day a year away would name the year or «الماضي»/«المقبل»
NEAR_DAYS = 14


def near_year(published: dt.date, m: int, d: int, y: int) -> int:
    """`y`, the year the tense gave a day and month, or the year before or after it when
    that one puts the day within NEAR_DAYS of the publication date and `y` does not."""
    def gap(year_: int) -> int | None:
        try:
            return abs((dt.date(year_, m, d) - published).days)
        except ValueError:
            return None

    here = gap(y)
    if here is None or here <= NEAR_DAYS:
        return y
    for other in (y - 1, y + 1):
        there = gap(other)
        if there is not None and there <= NEAR_DAYS:
            return other
    return y


def near_month_year(published: dt.date, m: int, y: int) -> int:
    """`y`, the year a clause with no future word gave a month (the last one), or the next
    year when that month begins within NEAR_DAYS of the publication date («منتصف أغسطس» in
    a story of 21 July is this August). A month just ended is not moved: a plan for it
    («قمة مرتقبة في فبراير» written in March) means the next one."""
    first = dt.date(y + 1, m, 1)
    return y + 1 if 0 < (first - published).days <= NEAR_DAYS else y


def nearest_weekday(d: dt.date, wd: int) -> str:
    """The day with ISO weekday `wd` nearest `d` (at most three days away)."""
    back = (d.isoweekday() - wd) % 7
    return day(d - dt.timedelta(days=back) if back <= 3 else d + dt.timedelta(days=7 - back))


def nearest_season(published: dt.date, first_month: int) -> str:
    """A bare season («في الصيف», «مع اقتراب فصل الشتاء»): the one under way, else the
    nearer of the last one (by its end) and the next one (by its start)."""
    last_start = dt.date(published.year, first_month, 1)
    while last_start > published:
        last_start = last_start.replace(year=last_start.year - 1)
    last_end = last_start + relativedelta(months=3)
    if published < last_end:
        return year(last_start.year)
    next_start = last_start.replace(year=last_start.year + 1)
    nearer = next_start if (next_start - published) < (published - last_end) else last_start
    return year(nearer.year)


def season(published: dt.date, first_month: int, relation: int) -> str:
    """«الخريف الماضي»: the year in which the last season of that name that has ended began
    («المقبل»: the next one to begin; «الحالي»: the one under way, else the last one)."""
    def start(y: int) -> dt.date:
        return dt.date(y, first_month, 1)

    if relation == 1:
        y = published.year if start(published.year) > published else published.year + 1
        return year(y)
    y = published.year
    while start(y) > published or (relation == -1 and start(y) + relativedelta(months=3)
                                    > published):
        y -= 1
    return year(y)


def weekend(published: dt.date, relation: int | None) -> str:
    d = published + dt.timedelta(weeks=relation or 0)
    return week(d) + "-WE"


def duration(n: float | int | None, unit: str) -> str:
    """P3D, P2Y, PT5H; `PXD` when the count is vague."""
    count = "X" if n is None else (str(int(n)) if float(n).is_integer() else str(n))
    if unit in ("H", "MI"):
        return f"PT{count}{'H' if unit == 'H' else 'M'}"
    if unit == "DE":
        return f"P{count}DE"
    return f"P{count}{unit}"
