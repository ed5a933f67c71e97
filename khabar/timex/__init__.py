"""The temporal stage: every date and time reference in the article body, as TIMEX3 spans.

Relative expressions are resolved against the article's publication date
(`article.meta("published")`; a page that gives only its update date: that one, flagged),
never the wall clock. A page with neither takes the day its story names both as a
relative day and as a date («اليوم الجمعة 10 مارس 2017», khabar.story_date), which then
fills the publication date, flagged `metadata.story_date`. Without any, the value is None
(the record lists them under `timexes_unresolved`): a guessed year would pass for a fact.
The words live in `resources/ar/` (months, weekdays, number words, time expressions), the
grammar in `khabar.timex.grammar`, the arithmetic in `khabar.timex.resolve`.
"""
from __future__ import annotations

import datetime as dt
from functools import lru_cache

from khabar.dates import word_runs
from khabar.document import FoldedTokens, Span
from khabar.normalize import NORMALIZERS, fold
from khabar.resources import load
from khabar.story_date import story_date
from khabar.timex.grammar import Atom, Timex, parse, parse_atoms

__all__ = ["annotate", "find_timexes", "Timex", "published_date"]

LAYER = "timexes"
_MATCH = NORMALIZERS["match"]
_MARKS = frozenset("\u0640" + "".join(chr(c) for c in range(0x064B, 0x0660)) + "\u0670")


def published_date(value) -> dt.date | None:
    """The publication day of a metadata value: a date, a datetime or an ISO string."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _to_text(view, text: str, tx: Timex, offset: int = 0) -> Timex:
    """Map a span found at view position `offset` + (start, end) back onto `text`."""
    start, end = view.span_to_text(offset + tx.start, offset + tx.end)
    while end < len(text) and text[end] in _MARKS:
        end += 1  # a trailing mark the folded view dropped («هـ»)
    tx.start, tx.end = start, end
    tx.text = text[start:end]
    return tx


def find_timexes(text: str, published: dt.date | str | None) -> list[Timex]:
    """The temporal expressions of a string, offsets into it, resolved against `published`."""
    published = published_date(published)
    view = _MATCH.view(text)
    return [_to_text(view, text, tx) for tx in parse(view.text, published)]


def annotate(article) -> None:
    """Add the `timexes` layer over the body sentences of an article.

    Each span's label is its TIMEX3 type; attrs `value`, `mod`, `anchor`, `granularity`.
    The date lines that furniture took out of the body are read too.
    Sentences that follow one another with only white space between are read as one run
    (an expression never spans a sentence end: the grammar joins words across spaces only).
    """
    published = published_date(article.meta("published"))
    if published is None and (published := published_date(article.meta("updated"))):
        # the update day is the publication day or a later one: the nearest anchor there is
        article.flag("timex.updated_anchor", f"relative dates resolved against the update "
                     f"date {published.isoformat()}")
    text = article.text
    view = article.view("match")
    # a date line («جنيف 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس») is page furniture
    # for the body, but its date is the story's own
    lines = [(b.start, b.end) for b in article.spans("boilerplate") if b.label == "date_line"]
    runs = list(_body_runs(article, text))
    if lines:
        runs = sorted(runs + lines)
    tokens = article.folded_tokens
    read: list[list[Atom]] = []
    found = _read(text, view, runs, published, tokens, read)
    story = _story_date(text, found)
    if published is None and story is not None:
        published = _story_anchor(article, *story)
        # only the resolution depends on the anchor: the runs' atoms are read once
        found = _read(text, view, runs, published, tokens, read)
    elif published is not None and story is not None \
            and abs((story[0] - published).days) > _DATE_CONFLICT_DAYS:
        first = next(r for r in story[1] if r.published == story[0])
        said = text[first.start:first.end]
        article.flag("metadata.date_conflict", f"the publication date {published.isoformat()} "
                     f"and the story's {said!r} ({story[0].isoformat()}) disagree")
    for tx in found:
        article.add(LAYER, tx.start, tx.end, tx.type, value=tx.value, mod=tx.mod,
                    anchor=tx.anchor, granularity=tx.granularity)


def _read(text: str, view, runs, published: dt.date | None, tokens: FoldedTokens,
          read: list[list[Atom]]) -> list[Timex]:
    """The expressions of the runs, resolved against `published`. `read`: the atoms of
    each run, filled by a first reading, given back to a second one."""
    folded = view.text
    out = []
    again = bool(read)
    for r, (start, end) in enumerate(runs):
        vs, ve = view.from_text(start), view.from_text(end)
        if again:
            got = parse(folded[vs:ve], published, found=read[r])
        else:
            got, atoms = parse_atoms(folded[vs:ve], published,
                                     word_runs(*tokens.tokens(vs, ve), vs))
            read.append(atoms)
        for tx in got:
            tx = _to_text(view, text, tx, vs)
            if tx.anchor == "publication" and (_names_something(text, tx.start, tx.end)
                                               or _in_outlet_name(text, tx.start, tx.end)) \
                    or _inside_a_name(text, tx.start):
                continue
            out.append(tx)
    return out


_STORY_DATE_GAP = 60  # characters between a relative day and the date of the same day
# a page's date and its story's own may differ by a day (a time zone, a story filed at
# night, a crawl day given as the date); more than that is worth a look
_DATE_CONFLICT_DAYS = 1


def _story_date(text: str, found: list[Timex]):
    """(day, readings) of the publication day the story tells by naming a day both as a
    relative day and as a date («اليوم الجمعة 10 مارس 2017»: khabar.story_date), or None.
    Only the pairs of expressions the parse found next to each other are read."""
    windows = [(a.start, b.end) for a, b in zip(found, found[1:])
               if a.anchor == "publication" and a.granularity == "day"
               and b.anchor == "absolute" and b.granularity == "day"
               and 0 <= b.start - a.end <= _STORY_DATE_GAP and "\n" not in text[a.end:b.start]]
    return story_date(text, windows) if windows else None


def _story_anchor(article, day: dt.date, readings) -> dt.date:
    """A page with no date: the day its story tells is the publication day. It fills the
    publication date, with its evidence and a flag: the reader sees it was inferred."""
    first = next(r for r in readings if r.published == day)
    agree = sum(r.published == day for r in readings)
    said = article.text[first.start:first.end]
    article.set_meta("published", day.isoformat(), "text:story_date",
                     Span(first.start, first.end, "published"),
                     f"{said!r}: {agree} of {len(readings)} dated relative days agree")
    article.flag("metadata.story_date", f"publication date {day.isoformat()} from {said!r}")
    return day


_QUOTE_MARKS = "\"'«»“”„"


@lru_cache(maxsize=1)
def _outlet_kinds() -> frozenset[str]:
    return frozenset(fold(k) for k in load("media_outlets")["kinds"])


def _names_something(text: str, start: int, end: int) -> bool:
    """«صحيفة "الغد"», «قناة الغد»: a relative word standing as a name, not a time."""
    # walk out from the match over white space and one word: the cost is that of the
    # neighbourhood, never of the whole text (one article can hold many timexes)
    b = start
    while b > 0 and text[b - 1].isspace():
        b -= 1
    a = end
    while a < len(text) and text[a].isspace():
        a += 1
    if text[b - 1:b] in _QUOTE_MARKS and text[a:a + 1] in _QUOTE_MARKS:
        return True
    w = b
    while w > 0 and not text[w - 1].isspace():
        w -= 1
    return b > w and fold(text[w:b].strip(_QUOTE_MARKS)) in _outlet_kinds()


@lru_cache(maxsize=1)
def _outlets_by_word() -> dict[str, tuple[str, ...]]:
    """folded word -> the outlet names of several words that hold it («اليوم»: «روسيا اليوم»,
    «المصري اليوم», «اليوم السابع»…)."""
    out: dict[str, list[str]] = {}
    for name in load("media_outlets")["outlets"]:
        words = fold(name).split()
        if len(words) > 1:
            for w in set(words):
                out.setdefault(w, []).append(" ".join(words))
    return {w: tuple(ns) for w, ns in out.items()}


def _in_outlet_name(text: str, start: int, end: int) -> bool:
    """«عين اليوم», «روسيا اليوم», «اليوم السابع»: a time word inside an outlet's name."""
    said = fold(text[start:end])
    names = _outlets_by_word().get(said)
    if not names:
        return False
    reach = max(len(n) for n in names)
    lo = max(0, start - reach)
    window = fold(" ".join(text[lo:end + reach].split()))
    here = len(fold(" ".join(text[lo:start].split())))  # where the match sits in the window
    for n in names:
        at = window.find(n)
        while at >= 0:
            if at <= here + 1 and here < at + len(n):
                return True
            at = window.find(n, at + 1)
    return False


@lru_cache(maxsize=1)
def _name_heads() -> frozenset[str]:
    return frozenset(fold(k) for k in load("time_expressions")["name_heads"])


def _words_before(text: str, start: int, n: int) -> list[str]:
    """The n words before `start` (nearest last), folded, stopping at a line or sentence end."""
    out: list[str] = []
    b = start
    while len(out) < n:
        while b > 0 and text[b - 1] in " \t":
            b -= 1
        w = b
        while w > 0 and not text[w - 1].isspace() and text[w - 1] not in ".،,:؛!?؟":
            w -= 1
        if w == b:
            break
        out.insert(0, fold(text[w:b].strip(_QUOTE_MARKS + "()")))
        b = w
    return out


def _inside_a_name(text: str, start: int) -> bool:
    """«قناة القرن الحادي والعشرين», «شركة فوكس للقرن العشرين»: a period word inside the
    name of a company or an outlet (its head word right before it, or one name word
    between them when the period word carries «ل»)."""
    before = _words_before(text, start, 2)
    if not before:
        return False
    heads = _name_heads()
    if before[-1] in heads:
        return True
    return len(before) == 2 and before[0] in heads and fold(text[start:start + 2]) == "لل"


def _body_runs(article, text: str):
    """(start, end) of runs of body sentences separated by white space only."""
    run = None
    for sent in article.spans("sentences"):
        if sent.attrs.get("zone") != "body":
            if run:
                yield run
                run = None
            continue
        if run and text[run[1]:sent.start].isspace() or (run and run[1] == sent.start):
            run = (run[0], sent.end)
        else:
            if run:
                yield run
            run = (sent.start, sent.end)
    if run:
        yield run
