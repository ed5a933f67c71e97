"""The metadata cascade: each field is filled by the first source that gives it.

Order (first wins), after trafilatura's documented extraction sequence:
1. `given`: fields supplied with the input (a JSON/CSV record, HTML meta tags / JSON-LD);
2. labelled furniture in the text («تاريخ النشر: …», «رمز الخبر: …», «۳۵۹مشاهدات»);
3. the headline line and its site suffix («… - BBC Arabic»);
4. an unlabelled line that is only a date.
A crawler header (an HTTP date such as «Mon, 03 Jun 2019 08:41:05 GMT») is the crawl time,
never the publication date. Every field records its source and, when read from the text,
the span it came from; rejected candidates are kept so a user can see the choice.
"""
from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from typing import Any

from khabar.dates import find_dates, parse_date
from khabar.document import Article, Span
from khabar.normalize import NORMALIZERS

_LIGHT = NORMALIZERS["light"]
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
    return next((d for d in found if d.valid), found[0] if found else None)


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
    for ln in lines:
        if not ln.blank:
            content_index += 1
        for name, (value, a, b) in ln.fields.items():
            span = Span(a, b, ln.kind or "field")
            if name in ("published", "updated", "crawled"):
                m = line_date(value)
                if m is None or not getattr(m, "valid", True):
                    reason = getattr(m, "reason", "unreadable") if m is not None else "unreadable"
                    article.flag("metadata.bad_date", f"{name} date {value!r}: {reason}")
                    continue
                kind = name if ln.kind != "date_line" else "unlabelled"
                if kind == "unlabelled" and content_index >= _DATE_LINE_TOP:
                    kind = "inline_date"  # a date line inside the story: an embed's, not ours
                candidates.append({"value": _date_value(m), "kind": kind,
                                   "source": f"text:{ln.kind}", "start": span.start,
                                   "end": span.end})
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

    # 3. the headline
    titles = article.spans("title")
    if titles:
        t = titles[0]
        article.set_meta("title", article.span_text(t).strip(), t.attrs.get("source", "text"), t)

    _choose_date(article, candidates)


_PREFERENCE = {"published": 0, "unlabelled": 1, "updated": 2, "crawled": 3}
_DATE_LINE_TOP = 6  # an unlabelled date line further down than this is not the page's date


def _choose_date(article: Article, candidates: list[dict[str, Any]]) -> None:
    """Publication date: given > labelled published > unlabelled date line. Updated and
    crawl times are kept as their own fields, never used as the publication date."""
    for c in candidates:
        if c["kind"] in ("updated", "crawled") and c["kind"] not in article.metadata:
            article.set_meta(c["kind"], c["value"], c["source"],
                             Span(c["start"], c["end"], c["kind"]) if "start" in c else None)
    pubs = [c for c in candidates if c["kind"] in ("published", "unlabelled")]
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
