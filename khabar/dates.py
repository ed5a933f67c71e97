"""Absolute calendar dates in a string: date lines, ISO stamps, «١٤ آب ٢٠١٨», «5 ذو الحجة 1442 هـ».

`find_dates` reports every date it reads, converted to the Gregorian calendar, with its
offsets in the given string; a date that cannot exist («30 شباط 2021») is reported with
`valid=False` and a `reason`, so a caller can flag it. `parse_date` gives the first valid one.
Matching runs on the folded view (any digit script, any alef), values are read from it and
offsets are mapped back to the original characters. The month and weekday names come from
`resources/ar/months.yaml` and `weekdays.yaml`; the timex stage reuses `scan`.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from itertools import compress, count, repeat
from operator import not_, or_, sub
from typing import Iterator

from hijridate import Gregorian, Hijri
from persiantools.jdatetime import JalaliDate

from khabar.document import fold_tokens
from khabar.normalize import NORMALIZERS, fold
from khabar.resources import load

GREGORIAN, HIJRI, PERSIAN = "gregorian", "hijri", "persian"
# plausible years per calendar; outside them a number next to a month name is not a year
YEAR_RANGE = {GREGORIAN: (1000, 2199), HIJRI: (1300, 1500), PERSIAN: (1200, 1500)}
_PERSIAN_DIGITS = set("۰۱۲۳۴۵۶۷۸۹")
# A numeric date without an era whose year is in the 1300s-1400s: solar year 1420 is 2041 and
# lunar year 1420 is 1999, so below it the solar reading is the recent one (an Iranian date
# line, «1400/05/01» = 2021), from it on the lunar one («1442/12/05» = 2021). Persian digits
# say solar and «هـ» says lunar whatever the year.
SOLAR_BEFORE = 1420


@dataclass(frozen=True, slots=True)
class DateMatch:
    """One date found in a string; `date` is Gregorian (None when the date is impossible)."""

    start: int
    end: int
    date: dt.date | None
    granularity: str  # "day", "month" or "year"
    calendar: str  # "gregorian", "hijri" or "persian": the calendar it was written in
    time: dt.time | None = None
    valid: bool = True
    reason: str | None = None

    @property
    def value(self) -> str | None:
        """The TIMEX3 value at the match's granularity (`2021-07-23`, `2021-07`, `2021`)."""
        if self.date is None:
            return None
        if self.granularity == "year":
            return f"{self.date.year:04d}"
        if self.granularity == "month":
            return f"{self.date.year:04d}-{self.date.month:02d}"
        return self.date.isoformat()


@dataclass(slots=True)
class RawDate:
    """What the grammar read, before conversion: numbers in the calendar they were written in.

    Offsets are positions in the *folded* string that `scan` was given.
    """

    start: int
    end: int
    year: int | None
    month: int | None
    day: int | None
    calendar: str
    time: dt.time | None = None
    weekday: int | None = None
    # the last day of a range of days («27-28 أبريل»)
    day2: int | None = None
    # written in figures only (2021-07-23, ۱۴۰۰/۰۵/۰۱): its calendar is a guess from the year
    numeric: bool = False


# ------------------------------------------------------------------ lexicon
def _alternation(words) -> str:
    keys = sorted({fold(w).strip() for w in words if fold(w).strip()}, key=len, reverse=True)
    return "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in keys)


def _month_table() -> tuple[dict[str, tuple[str, int]], set[str]]:
    data = load("months")
    table: dict[str, tuple[str, int]] = {}
    for cal in (GREGORIAN, HIJRI, PERSIAN):
        for num, names in data[cal].items():
            for n in names:
                table.setdefault(fold(n), (cal, int(num)))
    return table, {fold(n) for n in data.get("ambiguous", [])}


MONTHS, AMBIGUOUS_MONTHS = _month_table()
WEEKDAYS: dict[str, int] = {fold(n): int(k) for k, names in load("weekdays").items()
                            for n in names}
_NUM = load("number_words")
_ART = fold(_NUM["definite_article"])
ORDINAL_DAYS: dict[str, int] = {}
for _k, _names in _NUM["ordinals"].items():
    for _n in _names:
        _f = fold(_n)
        ORDINAL_DAYS[_f] = int(_k)
        if _f.startswith(_ART):  # «سابع أكتوبر»: the ordinal without its article
            ORDINAL_DAYS.setdefault(_f[len(_ART):], int(_k))
_TX = load("time_expressions")
ERAS: dict[str, str] = {fold(w).replace(" ", ""): cal for cal, ws in _TX["era"].items()
                        for w in ws}

MONTH_RE = _alternation(MONTHS)
WEEKDAY_RE = _alternation(WEEKDAYS)
ORDINAL_RE = _alternation(ORDINAL_DAYS)
_ERA_RE = _alternation(w for ws in _TX["era"].values() for w in ws)
ERA_AFTER = re.compile(rf"\s*(?P<era>{_ERA_RE})(?![\w])")
_CLOCK_RE = _alternation(_TX["clock"])
_ZONE_RE = _alternation(_TX["zones"])

_CLITIC_LETTERS = frozenset(fold(c) for cs in _TX["clitics"].values() for c in cs)
_CLITIC_CLASS = "[" + "".join(sorted(_CLITIC_LETTERS)) + "]"
_OF_RE = _alternation(_TX["of_words"])
_AND_RE = _alternation(w for w in _TX["range_close"] if w.isalpha() and len(w) == 1)
# nothing word-like just before, but a conjunction or preposition may be glued on («و19 يناير»)
_B = rf"(?:(?<![\w])|(?<={_CLITIC_CLASS})(?<![\w]{_CLITIC_CLASS}))"
_E = r"(?![\w])"  # nor just after
# «تموز/يوليو», «يوليو (تموز)», «حزيران - يونيو», «فبراير شباط»: one month under two names
MONTHS_RE = (rf"(?P<mo>{MONTH_RE}){_E}(?:(?:\s*(?:/|\\|\(|-|–)\s*|\s+)(?P<mo2>{MONTH_RE}){_E}"
             rf"(?:\s*\))?)?")
_DAY_SUFFIX_RE = _alternation(_TX["day_number_suffixes"])
_HALVES = {fold(w): half for half, ws in _TX["clock_parts"].items() for w in ws}
_HALF_RE = _alternation(_HALVES)
_DAY = (rf"(?P<day>[0-3]?\d)(?:\s*(?:-|–|{_AND_RE})\s*(?P<day2>[0-3]?\d))?"
        rf"(?:{_DAY_SUFFIX_RE})?")
_DAYW = rf"(?P<dayw>{ORDINAL_RE}){_E}(?:\s+(?:{_OF_RE}))?"
_YEAR = rf"(?P<year>\d{{4}})(?:\s*(?P<era>{_ERA_RE})(?![\w])|(?![\w]))"
_WD = rf"(?:(?P<wd>{WEEKDAY_RE}){_E}\s*[,،]?\s*)?"
_TIME = (rf"(?:\s*(?:[,،\-–|]|{_CLOCK_RE}|t)?\s*(?P<hh>[0-2]?\d):(?P<mi>[0-5]\d)"
         rf"(?::(?P<ss>[0-5]\d))?(?:\s*(?P<ampm>{_HALF_RE})(?![\w]))?"
         rf"(?:\s*(?:{_ZONE_RE}|[+-]\d{{2}}:?\d{{2}})(?![\w]))?)?")

# between the numbers of a numeric date: the same separator twice, spaced or not, the
# spaces need not agree («2021-07-23», «25 / 7 / 2015», «2 – 5 – 1435 هـ», «24 /10 / 1436»)
_NUM_SEP = r"[ \t]{0,2}(?P<s>[-/.–])[ \t]{0,2}"
_NUM_SEP2 = r"[ \t]{0,2}(?P=s)[ \t]{0,2}"
_PATTERNS: dict[str, re.Pattern] = {
    # 2021-07-23, 1442/12/05 هـ, ۱۴۰۰/۰۵/۰۱
    "ymd": re.compile(rf"{_B}{_WD}(?P<year>\d{{4}}){_NUM_SEP}(?P<mon>[01]?\d){_NUM_SEP2}"
                      rf"(?P<day>[0-3]?\d)(?!(?!t\d|{_ERA_RE})[\w.]|/\d)"
                      rf"(?:\s*(?P<era>{_ERA_RE})(?![\w]))?{_TIME}"),
    # 11/08/2017, 25 / 7 / 2015م
    "dmy": re.compile(rf"{_B}{_WD}(?P<day>[0-3]?\d){_NUM_SEP}(?P<mon>[01]?\d){_NUM_SEP2}"
                      rf"{_YEAR}{_TIME}"),
    # الأربعاء 5 يونيو 2019, Wed, 05 Jun 2019 06:12:30 +0000, السابع من أكتوبر
    "dm": re.compile(rf"{_B}{_WD}(?:{_DAY}\s*[-/.]?\s*|{_DAYW}\s+){MONTHS_RE}"
                     rf"(?:\s*[,،\-/.]?\s*{_YEAR})?{_TIME}"),
    # July 23, 2021
    "md": re.compile(rf"{_B}{_WD}{MONTHS_RE}\s*(?P<day>[0-3]?\d)(?:{_DAY_SUFFIX_RE})?\s*[,،]\s*"
                     rf"{_YEAR}{_TIME}"),
    # آب/أغسطس 2013
    "my": re.compile(rf"{_B}{MONTHS_RE}\s*[,،\-/.]?\s*{_YEAR}"),
}


# ------------------------------------------------------------------ grammar
# a word of the folded view that mixes letters and digits («2015م», «و2015») is read as
# its runs of letters and runs of digits
_RUN = re.compile(r"[^\W\d_]+|\d+")
# first words a date can begin with (besides digits): weekdays, ordinal days, month names
_STARTERS = frozenset(k.split()[0] for k in list(MONTHS) + list(WEEKDAYS) + list(ORDINAL_DAYS))


def tokens(folded: str) -> tuple[list[int], list[str]]:
    """(starts, words): every run of letters and every run of digits, with where it starts."""
    words, starts, _ends, _isword = fold_tokens(folded, 0, len(folded))
    return word_runs(words, starts, 0)


def word_runs(words: list[str], starts: list[int], base: int) -> tuple[list[int], list[str]]:
    """`tokens` from the folded view's tokens (`khabar.document.FoldedTokens`, shared by
    the stages): the words without the marks, a word that mixes letters and digits cut
    into its runs, starts counted from `base`."""
    isword = list(map(str.isalnum, words))
    ws = list(compress(words, isword))
    ss = list(compress(starts, isword))
    # a word all letters or all digits is one run; the rest (few) are cut here
    mixed = list(compress(count(), map(not_, map(or_, map(str.isalpha, ws),
                                                    map(str.isdecimal, ws)))))
    for k in reversed(mixed):
        at = ss[k]
        runs = list(_RUN.finditer(ws[k]))
        ws[k:k + 1] = [m.group() for m in runs]
        ss[k:k + 1] = [at + m.start() for m in runs]
    if base:
        ss = list(map(sub, ss, repeat(base)))
    return ss, ws


def _start_in(word: str) -> int | None:
    """Where a date may start inside a word: 0, or after one or two glued clitics («وأغسطس»)."""
    for k in range(3):
        if word[k:] in _STARTERS:
            return k
        if k < len(word) and word[k] not in _CLITIC_LETTERS:
            return None
    return None


def scan(folded: str, toks: tuple[list[int], list[str]] | None = None) -> list[RawDate]:
    """Every date-shaped stretch of a folded string, leftmost-longest, not overlapping.

    A day and month without a year are returned too (the timex stage anchors them);
    `find_dates` keeps only what carries its own year. The patterns are only tried where a
    word can begin a date (a number, a weekday, an ordinal, a month name).
    """
    starts = []
    for s, w in zip(*(tokens(folded) if toks is None else toks)):
        if w[0].isdigit():
            if len(w) <= 4:
                starts.append(s)
        elif (k := _start_in(w)) is not None:
            starts.append(s + k)
    return scan_at(folded, starts)


def scan_at(folded: str, starts: list[int]) -> list[RawDate]:
    """The longest date beginning at each of `starts` (ascending), not overlapping."""
    out: list[RawDate] = []
    last_end = -1
    for pos in starts:
        if pos < last_end:
            continue
        best: RawDate | None = None
        for kind, rx in _PATTERNS.items():
            m = rx.match(folded, pos)
            if m is not None and (best is None or m.end() > best.end):
                raw = _read(kind, m)
                if raw is not None and (best is None or raw.end > best.end):
                    best = raw
        if best is not None:
            out.append(best)
            last_end = best.end
    return out


def _read(kind: str, m: re.Match) -> RawDate | None:
    g = m.groupdict()
    year = int(g["year"]) if g.get("year") else None
    era = ERAS.get(re.sub(r"\s+", "", g["era"])) if g.get("era") else None
    day2 = None
    if kind in ("ymd", "dmy"):
        month, day = int(g["mon"]), int(g["day"])
        if kind == "dmy" and month > 12 and day <= 12:  # 08/23/2021, the US order
            month, day = day, month
        if not 1 <= month <= 12 or not 1 <= day <= 31:
            return None
        cal = era or (GREGORIAN if year >= 1600 else HIJRI if year >= SOLAR_BEFORE else PERSIAN)
    else:
        cal, month = MONTHS[re.sub(r"\s+", " ", g["mo"])]
        name = re.sub(r"\s+", " ", g["mo"])
        if g.get("mo2"):
            cal2, month2 = MONTHS[re.sub(r"\s+", " ", g["mo2"])]
            if (cal2, month2) != (cal, month):
                # two different months («يناير - مارس»): a range; keep the first day and month
                if kind != "dm" or cal != GREGORIAN or not g.get("day"):
                    return None
                end = m.end("mo")
                return RawDate(m.start(), end, None, month, int(g["day"]), cal, None,
                               _weekday(g), None)
        day = None
        if kind in ("dm", "md"):
            if g.get("day"):
                day = int(g["day"])
                if not 1 <= day <= 31:
                    return None
                if g.get("day2"):
                    day2 = int(g["day2"])
                    if not day < day2 <= 31:
                        return None
            elif g.get("dayw"):
                day = ORDINAL_DAYS[re.sub(r"\s+", " ", g["dayw"])]
        if cal != GREGORIAN and (year is None or (era and era != cal)):
            return None  # «5 صفر» is a score, «رجب» a name: a lunar/solar month needs its year
        # «الرابع من مارس»: an ordinal day and «من» make a month that is also a word a month
        of_day = bool(g.get("dayw")) and bool(_OF.fullmatch(
            m.string, m.end("dayw"), m.start("mo")))
        if name in AMBIGUOUS_MONTHS and not g.get("mo2") and year is None \
                and not g.get("day") and not of_day:
            return None
        if era and cal == GREGORIAN and era != GREGORIAN:
            return None
    if year is not None:
        lo, hi = YEAR_RANGE[cal]
        if not lo <= year <= hi:
            if kind == "my" or kind == "dm":
                return _without_year(kind, m, cal, month, day, day2, g)
            return None
    return RawDate(m.start(), m.end(), year, month, day, cal, _time(g), _weekday(g), day2,
                   numeric=kind in ("ymd", "dmy") and era is None)


_OF = re.compile(r"\s+من\s+")


def _without_year(kind, m, cal, month, day, day2, g) -> RawDate | None:
    """«14 أغسطس 2500 جندي»: the number is no year; keep the day and month if there is one."""
    if kind != "dm" or cal != GREGORIAN:
        return None
    end = m.start("year")
    while end > m.start() and not m.string[end - 1].isalnum():
        end -= 1
    return RawDate(m.start(), end, None, month, day, cal, None, _weekday(g), day2)


def _time(g: dict) -> dt.time | None:
    if not g.get("hh"):
        return None
    hh, mi, ss = int(g["hh"]), int(g["mi"]), int(g.get("ss") or 0)
    if g.get("ampm") and _HALVES.get(g["ampm"]) == "pm" and hh < 12:
        hh += 12
    if hh > 23:
        return None
    return dt.time(hh, mi, ss)


def _weekday(g: dict) -> int | None:
    return WEEKDAYS.get(g["wd"]) if g.get("wd") else None


# ------------------------------------------------------------------ conversion
def to_gregorian(year: int, month: int, day: int | None, calendar: str
                 ) -> tuple[dt.date | None, str | None]:
    """The Gregorian date of a day (or of a month's first day), or None and why not."""
    d = day or 1
    try:
        if calendar == GREGORIAN:
            return dt.date(year, month, d), None
        if calendar == HIJRI:
            return Hijri(year, month, d).to_gregorian(), None
        return JalaliDate(year, month, d).to_gregorian(), None
    except (ValueError, OverflowError) as err:
        msg = err.args[0] if err.args else str(err)
        return None, f"{calendar} date {year}-{month:02d}-{d:02d} does not exist ({msg})"


def hijri_of(day: dt.date) -> dt.date:
    """The lunar (Umm al-Qura) year, month and day of a Gregorian day, in a date object
    (its fields are the lunar ones: only `.year`, `.month` and `.day` are meaningful)."""
    h = Gregorian(day.year, day.month, day.day).to_hijri()
    return dt.date(h.year, h.month, h.day)


def find_dates(text: str, *, years_alone: bool = False) -> list[DateMatch]:
    """Every absolute date in `text` (valid or not), in order, with offsets into `text`.

    Only dates that carry their own year are absolute; «14 أغسطس» alone is left to the timex
    stage. A bare year is not returned (too many numbers look like one); with
    `years_alone=True` a year marked by its era («1442 هـ», «2021م») is.
    """
    view = NORMALIZERS["match"].view(text)
    out: list[DateMatch] = []
    for raw in scan(view.text):
        start, end = _text_span(text, view, raw.start, raw.end)
        if raw.year is None:
            continue
        if raw.calendar != GREGORIAN or _has_persian_digits(text, start, end):
            raw = _recalendar(raw, text[start:end])
        out.append(_convert(raw, start, end))
    if years_alone:
        out.extend(_era_years(text, view, out))
        out.sort(key=lambda d: d.start)
    return out


def _has_persian_digits(text: str, start: int, end: int) -> bool:
    return any(c in _PERSIAN_DIGITS for c in text[start:end])


def _recalendar(raw: RawDate, original: str) -> RawDate:
    """A numeric date in the 1300s-1400s written in Persian digits is a solar (Iranian) date."""
    if raw.numeric and raw.calendar == HIJRI and any(c in _PERSIAN_DIGITS for c in original):
        raw.calendar = PERSIAN
    return raw


def _convert(raw: RawDate, start: int, end: int) -> DateMatch:
    gran = "day" if raw.day else "month" if raw.month else "year"
    # a lunar/solar month stands as the Gregorian date of its first day
    date, reason = to_gregorian(raw.year, raw.month or 1, raw.day, raw.calendar)
    return DateMatch(start, end, date, gran, raw.calendar, raw.time,
                     valid=date is not None, reason=reason)


_ERA_YEAR = re.compile(rf"{_B}(?P<year>\d{{4}})\s*(?P<era>{_ERA_RE})(?![\w])")
_TRAILING_MARKS = frozenset("\u0640" + "".join(chr(c) for c in range(0x064B, 0x0660)) + "\u0670")


def _text_span(text: str, view, a: int, b: int) -> tuple[int, int]:
    """The text span of a view span, with marks deleted from the view («هـ») kept at its end."""
    start, end = view.span_to_text(a, b)
    while end < len(text) and text[end] in _TRAILING_MARKS:
        end += 1
    return start, end


def _era_years(text: str, view, taken: list[DateMatch]) -> Iterator[DateMatch]:
    for m in _ERA_YEAR.finditer(view.text):
        start, end = _text_span(text, view, m.start(), m.end())
        if any(d.start <= start < d.end for d in taken):
            continue
        cal = ERAS[re.sub(r"\s+", "", m["era"])]
        year = int(m["year"])
        lo, hi = YEAR_RANGE[cal]
        if not lo <= year <= hi:
            continue
        date, reason = to_gregorian(year, 1, 1, cal)
        yield DateMatch(start, end, date, "year", cal, None, date is not None, reason)


def parse_date(text: str) -> DateMatch | None:
    """The first valid absolute date in `text` (day or month granularity), or None."""
    for d in find_dates(text):
        if d.valid:
            return d
    return None
