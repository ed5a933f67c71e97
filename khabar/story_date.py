"""The publication day told by the story itself, for a page that carries no date line.

A story that names a day twice, as a day relative to its own («اليوم», «أمس», «غدا») and as
a full date right after it («اليوم الجمعة 10 مارس 2017», «يوم أمس 6 نوفمبر 2015»), says
which day it was written on: the date minus the relative word's offset. Nothing weaker is
taken (the latest date of a story is as often a day to come or a day long past: measured
on the unlabelled corpus, `benchmarks/pubdate_unlabelled.py`). Between the relative word
and the date there may stand only the day word («يوم»), a weekday that agrees with the
date, a same-day word («الموافق») and commas or brackets. The words come from
`resources/ar/time_expressions.yaml` and `weekdays.yaml`.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from khabar.dates import WEEKDAYS, find_dates
from khabar.normalize import fold
from khabar.resources import load

__all__ = ["StoryDate", "story_dates", "story_date"]

_WORD = re.compile(r"[^\s,،()\[\]\-–—:]+")
# the most words a relative day is written in («الليلة البارحة», «أول من أمس»)
_LONGEST = 3


@dataclass(frozen=True, slots=True)
class StoryDate:
    """A publication day read from a relative day and its date; offsets into the text."""

    published: dt.date
    start: int  # the relative word
    end: int  # the end of the date
    offset: int  # the relative word's offset in days («أمس»: -1)


def _key(s: str) -> str:
    return " ".join(fold(str(s)).split())


@lru_cache(maxsize=1)
def _words() -> tuple[dict[str, int], frozenset[str]]:
    tx = load("time_expressions")
    days = {_key(p): int(off) for off, phrases in tx["relative_days"].items() for p in phrases}
    between = frozenset(_key(w) for w in (*tx["day_word"], *tx["same_day"]))
    return days, between


@lru_cache(maxsize=1)
def _not_today_before() -> frozenset[str]:
    """«ذلك اليوم» (a day of the story), «صحيفة اليوم» (a newspaper's name)."""
    words = (*load("time_expressions")["not_today_before"], *load("media_outlets")["kinds"])
    return frozenset(_key(w) for w in words)


def _word_before(text: str, pos: int) -> str:
    m = _LAST_WORD.search(text, max(0, pos - 30), pos)
    return _key(m.group(1)) if m else ""


_LAST_WORD = re.compile(r"(\w+)[\s\"'«“]*$")


_BACK = 60  # characters from a relative day to the end of its date


def story_dates(text: str, windows=None) -> list[StoryDate]:
    """Every relative day followed by its own full date in `text`, in order. `windows`:
    (start, end) spans of `text` to read, each from a relative day to the date after it
    (the temporal stage knows them from its own parse); by default every line."""
    if windows is None:
        windows, pos = [], 0
        for line in text.split("\n"):
            windows.append((pos, pos + len(line)))
            pos += len(line) + 1
    out: list[StoryDate] = []
    for start, end in windows:
        out.extend(StoryDate(s.published, s.start + start, s.end + start, s.offset)
                   for s in _in_window(text[start:end])
                   if _word_before(text, s.start + start) not in _not_today_before())
    return out


def _in_window(text: str) -> list[StoryDate]:
    days, between = _words()
    out: list[StoryDate] = []
    for d in find_dates(text):
        if not d.valid or d.date is None or d.granularity != "day":
            continue
        head = _WORD.match(text, d.start)
        if head is not None and WEEKDAYS.get(_key(head.group()), d.date.isoweekday()) \
                != d.date.isoweekday():
            continue  # «الخميس 10 مارس 2017» of a Friday: a slip, no evidence
        line_start = text.rfind("\n", 0, d.start) + 1
        words = [(m.start(), m.end(), _key(m.group()))
                 for m in _WORD.finditer(text, line_start, d.start)][-(_LONGEST + 3):]
        found = _relative_before(words, days, between, d.date)
        if found is not None:
            start, offset = found
            day = dt.date(d.date.year, d.date.month, d.date.day)  # a plain date, any calendar
            out.append(StoryDate(day - dt.timedelta(days=offset), start, d.end, offset))
    return out


def _relative_before(words, days, between, date: dt.date) -> tuple[int, int] | None:
    """(start, offset) of the relative day before a date, past the words that may stand
    between them; None when something else stands there."""
    k = len(words)
    weekday_seen = False
    while k:
        for n in range(min(_LONGEST, k), 0, -1):
            phrase = " ".join(w for _, _, w in words[k - n:k])
            if phrase in days:
                return words[k - n][0], days[phrase]
        w = words[k - 1][2]
        if w in WEEKDAYS and not weekday_seen:
            if WEEKDAYS[w] != date.isoweekday():
                return None  # «أمس الخميس 3 مارس» of a Friday: one of them is wrong
            weekday_seen = True
        elif w not in between:
            return None
        k -= 1
    return None


def story_date(text: str, windows=None) -> tuple[dt.date, list[StoryDate]] | None:
    """The publication day most of the story's dated relative days agree on (the first one
    on a tie), with all that were read; None when the story dates no relative day."""
    found = story_dates(text, windows)
    if not found:
        return None
    votes = Counter(s.published for s in found)
    best = max(votes.values())
    day = next(s.published for s in found if votes[s.published] == best)
    return day, found
