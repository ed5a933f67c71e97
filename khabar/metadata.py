"""The metadata cascade: each field is filled by the first source that gives it.

Order (first wins), after trafilatura's documented extraction sequence:
1. `given`: fields supplied with the input (a JSON/CSV record, HTML meta tags / JSON-LD);
2. labelled furniture in the text («تاريخ النشر: …», «رمز الخبر: …», «۳۵۹مشاهدات»);
3. the headline line and its site suffix («… - BBC Arabic»);
4. an unlabelled line that is only a date, a dateline opening the story («الرياض - 3 مايو
   2021: …»), a dated page address on a line of its own («…/2021/05/03/…»).
The temporal stage adds a last source of the publication date, flagged: a day the story
names both as a relative day and as a date («اليوم الجمعة 10 مارس 2017»: khabar.story_date).
A crawler header (an HTTP date such as «Mon, 03 Jun 2019 08:41:05 GMT») is the crawl time,
never the publication date. Every field records its source and, when read from the text,
the span it came from; rejected candidates are kept so a user can see the choice.
"""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import lru_cache
from email.utils import parsedate_to_datetime
from typing import Any

from khabar.dates import WEEKDAYS, find_dates, parse_date
from khabar.document import Article, Span
from khabar.normalize import NORMALIZERS
from khabar.resources import load

_LIGHT = NORMALIZERS["light"]
_MATCH = NORMALIZERS["match"]
_HTTP_DATE = re.compile(
    r"^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+\d{1,2}\s+[a-z]{3,9}\s+\d{4}\s+"
    r"\d{1,2}:\d{2}(?::\d{2})?\s*(?:gmt|utc|z|[+-]\d{2}:?\d{2})$")
_NUMBER = re.compile(r"\d[\d,.\s]*")


def parse_views(value: str) -> int | None:
    s = _LIGHT.fold(value).strip().lower()
    m = re.fullmatch(r"(\d{1,3}(?:[,.]\d{3})+|\d+)(?:\s*([km]))?", s)
    if not m:
        return None
    n = int(re.sub(r"[,.]", "", m.group(1)))
    return n * {"k": 1000, "m": 1000000}.get(m.group(2) or "", 1)


def line_date(value: str):
    """The first date a short string holds (a DateMatch, possibly invalid), or None."""
    found = find_dates(value)
    # a day before a month: «رمضان 1442 الموافق 3 مايو 2021» is dated by its second date
    return next((d for d in found if d.valid and d.granularity == "day"),
                next((d for d in found if d.valid), found[0] if found else None))


def whole_line_date(folded_line: str) -> str | None:
    """'crawl_header' for an HTTP date line, 'date_line' for a line that is only a date."""
    s = folded_line.strip()
    if len(s) > 60 or not any(c.isdigit() for c in s):
        return None
    if _HTTP_DATE.match(s):
        return "crawl_header"
    found = [d for d in find_dates(s) if getattr(d, "valid", True)]
    if not found:
        return None
    covered = sum(d.end - d.start for d in found)
    rest = re.sub(r"[\W_]+", "", s)
    return "date_line" if covered >= 0.6 * len(rest) else None


_AGO_UNITS = {"MI": timedelta(minutes=1), "H": timedelta(hours=1), "D": timedelta(days=1),
              "W": timedelta(weeks=1)}
_MAX_AGO_LINE = 30  # characters: «منذ ساعتين», «قبل 45 دقيقة», «منذ 3 أيام»


# «منذ», «قبل» (folded): the words a time-ago stamp opens with
AGO_OPENERS = frozenset(_MATCH.fold(w) for off, ws in load("time_expressions")["offsets"].items()
                        if int(off) < 0 for w in ws)


def time_ago(folded_line: str) -> timedelta | None:
    """How long ago a page stamp alone on its line says it was published («منذ ساعتين»,
    «قبل 5 دقائق», «منذ 3 أيام»); None for anything else. Words from the timex lexicon."""
    s = folded_line.strip()
    if len(s) > _MAX_AGO_LINE or s.split(" ", 1)[0] not in AGO_OPENERS:
        return None  # most short lines: no look at their words
    from khabar.timex import grammar, lexicon as lx
    a = grammar.atoms(s)
    if len(a) not in (2, 3) or a[0].kind != "offset" or lx.OFFSETS[a[0].key] >= 0 \
            or a[-1].kind != "unit" or a[-1].end != len(s) or a[0].start != 0:
        return None
    unit, form = lx.UNITS[a[-1].key]
    if unit not in _AGO_UNITS or form.startswith("definite"):
        return None
    if len(a) == 3:
        mid = a[1]
        n = lx.CARDINALS.get(mid.key) if mid.kind == "numw" else \
            int(mid.key) if mid.kind == "num" and mid.key.isdigit() else None
        if n is None or form == "dual":
            return None
    else:
        n = 2 if form == "dual" else 1 if form == "singular" else None
        if n is None:
            return None
    return n * _AGO_UNITS[unit]


def iso(d: Any) -> str | None:
    if isinstance(d, datetime):
        return d.isoformat()
    if isinstance(d, date):
        return d.isoformat()
    return None


def given_date(raw: str) -> str | None:
    """A date supplied with the input, as ISO 8601. Machine formats (ISO 8601, the RFC 2822
    dates of feeds and HTTP) keep their time and zone; anything else goes to find_dates."""
    s = raw.strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", s):
        try:
            return date.fromisoformat(s).isoformat()
        except ValueError:
            return None
    try:
        return datetime.fromisoformat(s).isoformat()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(s).isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    return _date_value(parse_date(s))


def _date_value(m) -> str | None:
    """ISO value of a DateMatch: a timestamp when the time is known, else the day."""
    if m is None or not getattr(m, "valid", True):
        return None
    t = getattr(m, "time", None)
    if t is not None:
        return datetime.combine(m.date, t).isoformat()
    return m.date.isoformat()


def fill_metadata(article: Article, lines) -> None:
    given = article.given
    srcs = given.get("given_sources", {})
    candidates: list[dict[str, Any]] = []

    # 1. given fields
    for name in ("title", "author", "url", "article_id", "sitename"):
        if given.get(name):
            article.set_meta("outlet" if name == "sitename" else name, str(given[name]).strip(),
                             "given:" + srcs.get(name, name))
    if given.get("published"):
        raw = str(given["published"])
        value = given_date(raw)
        if value:
            candidates.append({"value": value, "kind": "published",
                               "source": "given:" + srcs.get("published", "published")})
        else:
            article.flag("metadata.bad_given_date", f"given date {raw!r} could not be read")

    # 2. labelled furniture, in page order
    content_index = -1
    stamps: list[tuple[timedelta | None, Span]] = []  # «منذ ساعتين» under the headline
    prose_seen = False  # a paragraph of the story stands above: later date lines are its
    for ln in lines:
        if not ln.blank:
            content_index += 1
        if ln.kind is None and not prose_seen and _is_prose(ln.raw):
            prose_seen = True
        for name, (value, a, b) in ln.fields.items():
            span = Span(a, b, ln.kind or "field")
            if name in ("published", "updated", "crawled"):
                m = line_date(value)
                if m is None or not getattr(m, "valid", True):
                    reason = getattr(m, "reason", "unreadable") if m is not None else "unreadable"
                    article.flag("metadata.bad_date", f"{name} date {value!r}: {reason}")
                    continue
                kind = name if ln.kind != "date_line" else "unlabelled"
                if kind == "unlabelled" and (content_index >= _DATE_LINE_TOP or prose_seen):
                    kind = "inline_date"  # a date line inside the story: an embed's, not ours
                candidates.append({"value": _date_value(m), "kind": kind,
                                   "source": f"text:{ln.kind}", "start": span.start,
                                   "end": span.end})
            elif name == "time_ago":
                if content_index < _DATE_LINE_TOP:
                    stamps.append((time_ago(value), span))
            elif name == "views":
                article.set_meta("views", parse_views(value), "text:view_counter", span)
            elif name == "agency":
                article.set_meta("agency", value, "text:credit_line", span)
            elif name == "dateline_agency":
                article.set_meta("agency", value, "text:dateline", span)
            else:
                value = article.text[a:b].strip()
                if name == "article_id":
                    value = _LIGHT.fold(value)  # ASCII digits; the span keeps the original
                article.set_meta(name, value, f"text:{name}_label", span)

    # a date opening the first line of the story («الرياض - 3 مايو 2021: …»), or in the
    # address of the page when the text carries it («…/2021/05/03/…»)
    if not any(c["kind"] in ("published", "unlabelled") for c in candidates):
        candidates.extend(_lead_dateline(article, lines) + _address_dates(article, lines))

    # 3. the headline
    titles = article.spans("title")
    if titles:
        t = titles[0]
        article.set_meta("title", article.span_text(t).strip(), t.attrs.get("source", "text"), t)

    _choose_date(article, candidates)
    if stamps and "published" not in article.metadata:
        _date_from_stamp(article, stamps[0])


def _date_from_stamp(article: Article, stamp: tuple[timedelta | None, Span]) -> None:
    """«منذ ساعتين» under the headline of a page whose crawl time is known (its HTTP date
    line): the publication time is the crawl time less that much."""
    ago, span = stamp
    crawled = article.meta("crawled")
    if ago is None or not crawled:
        return
    try:
        when = datetime.fromisoformat(str(crawled)) - ago
    except ValueError:
        return
    value = when.isoformat() if ago < timedelta(days=1) else when.date().isoformat()
    article.set_meta("published", value, "text:time_ago", Span(span.start, span.end,
                     "published"), f"{article.text[span.start:span.end].strip()!r} before the "
                     f"crawl time {crawled}")


_DATELINE_PLACE_WORDS = 3  # «الرياض», «أبو ظبي», «مكة المكرمة» before the date
_DATELINE_AFTER = re.compile(r"\s*(?:م\b|\.)?\s*[-–—:(/]")
_URL = re.compile(r"(?:https?://|www\.)\S+")
_URL_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)[/_-](0?[1-9]|1[0-2])[/_-](0?[1-9]|[12]\d|3[01])"
                       r"(?!\d)")


@lru_cache(maxsize=1)
def _sentence_words() -> frozenset[str]:
    """Words that make the start of a line a sentence, not a dateline's place."""
    tx = load("time_expressions")
    words = [*load("function_words")["words"], *tx["day_word"], *tx["past_openers"],
             *tx["range_open"]]
    return frozenset(_LIGHT.fold(w) for w in words)


# the same as written in the data files, for a first look at a line's words before any
# folding (a form written otherwise only costs a closer look)
_SENTENCE_WORDS_AS_WRITTEN = frozenset(
    w for w in (*load("function_words")["words"], *load("time_expressions")["day_word"],
                *load("time_expressions")["past_openers"],
                *load("time_expressions")["range_open"]))


@lru_cache(maxsize=1)
def _not_a_place() -> frozenset[str]:
    """The words above and the weekdays (a weekday is part of the date, not the place)."""
    return _sentence_words() | frozenset(WEEKDAYS)


@lru_cache(maxsize=1)
def _same_day() -> re.Pattern[str]:
    """What stands between one date and the same day in another calendar («هـ الموافق»)."""
    words = sorted((_LIGHT.fold(w) for w in load("time_expressions")["same_day"]), key=len,
                   reverse=True)
    return re.compile(r"[\sهـم.]*(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+")
                                               for w in words) + r")\s*ل?\s*")


def _lead_dateline(article: Article, lines) -> list[dict[str, Any]]:
    """«المدينة - 3 مايو 2021: …», «المدينة 21 رمضان 1442 هـ الموافق 3 مايو 2021 م …»: a
    place of a few words, then a full date, then a dash, a colon or the same day in another
    calendar, at the start of the story's first line."""
    first = next((ln for ln in lines if ln.kind is None and not ln.blank), None)
    if first is None:
        return []
    # the place is a few words: a first figure further on opens no dateline (most lines)
    digit = _DIGIT.search(first.raw, 0, _MAX_LEAD)
    if digit is None:
        return []
    before = first.raw[:digit.start()].split()
    if len(before) > _DATELINE_PLACE_WORDS + 2 \
            or not _SENTENCE_WORDS_AS_WRITTEN.isdisjoint(before):
        return []  # «في 3 مايو …», «قال يوم 3 مايو …»: a sentence, read no further
    head = first.raw[:digit.start() + _DATELINE_REACH]
    found = [d for d in find_dates(head) if d.valid]
    if not found or found[0].granularity != "day":
        return []
    d = found[0]
    place = [_LIGHT.fold(w).strip("-–—,،()") for w in head[:d.start].split()]
    if not 1 <= len(place) <= _DATELINE_PLACE_WORDS or _not_a_place() & set(place):
        return []
    paired = len(found) > 1 and _same_day().fullmatch(_LIGHT.fold(head[d.end:found[1].start]))
    if not paired and not _DATELINE_AFTER.match(head, d.end):
        return []
    return [{"value": _date_value(d), "kind": "dateline", "source": "text:lead_dateline",
             "start": first.start + d.start, "end": first.start + d.end}]


def _address_dates(article: Article, lines) -> list[dict[str, Any]]:
    """A page address with a date in its path («…/2021/05/03/…»), on a short line."""
    out: list[dict[str, Any]] = []
    if "://" not in article.text and "www." not in article.text:
        return out  # most pages: one look at the text
    for ln in lines:
        if len(ln.raw) > _MAX_URL_LINE or ("://" not in ln.raw and "www." not in ln.raw) \
                or len(ln.raw.split()) > _MAX_URL_LINE_WORDS:
            continue
        for u in _URL.finditer(ln.raw):
            m = _URL_DATE.search(u.group())
            if m is None or _FILE_URL.search(u.group()):  # a picture's upload day
                continue
            try:
                day = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                continue
            a = ln.start + u.start() + m.start()
            out.append({"value": day.isoformat(), "kind": "address", "source": "text:address",
                        "start": a, "end": a + len(m.group())})
            return out  # the first address of the page is its own
    return out


_MAX_LEAD = 160
_DIGIT = re.compile(r"\d")
# characters from a dateline's first figure to the end of its second calendar's date
# («25 شوال 1436 هـ الموافق 10 أغسطس 2015 م»)
_DATELINE_REACH = 60
_MAX_URL_LINE = 300
_MAX_URL_LINE_WORDS = 8  # the address alone, or after a label («رابط الخبر: …»)
_FILE_URL = re.compile(r"\.(?:jpe?g|png|gif|webp|svg|mp4|mp3|pdf)(?:[?#]|$)", re.I)


_PROSE_WORDS = 12  # a line of the story: this many words, ending as a sentence ends
_SENTENCE_ENDS = (".", "!", "?", "؟", "…")


def _is_prose(line: str) -> bool:
    s = line.rstrip()
    return s.endswith(_SENTENCE_ENDS) and len(s.split()) >= _PROSE_WORDS


_PREFERENCE = {"published": 0, "unlabelled": 1, "dateline": 2, "address": 3, "updated": 4,
               "crawled": 5}
_DATE_LINE_TOP = 6  # an unlabelled date line further down than this is not the page's date


def _choose_date(article: Article, candidates: list[dict[str, Any]]) -> None:
    """Publication date: given > labelled published > unlabelled date line. Updated and
    crawl times are kept as their own fields, never used as the publication date."""
    for c in candidates:
        if c["kind"] in ("updated", "crawled") and c["kind"] not in article.metadata:
            article.set_meta(c["kind"], c["value"], c["source"],
                             Span(c["start"], c["end"], c["kind"]) if "start" in c else None)
    pubs = [c for c in candidates if c["kind"] in ("published", "unlabelled", "dateline",
                                                   "address")]
    if not pubs:
        return
    pubs.sort(key=lambda c: (not c["source"].startswith("given"), _PREFERENCE[c["kind"]]))
    best = pubs[0]
    span = Span(best["start"], best["end"], "published") if "start" in best else None
    note = None
    if len(candidates) > 1:
        note = f"chosen from {len(candidates)} candidates (" + ", ".join(
            f"{c['kind']}={c['value']}" for c in candidates) + ")"
    article.set_meta("published", best["value"], best["source"], span, note)
    if len(candidates) > 1:
        article.set_meta("date_candidates", candidates, "khabar:cascade")
