"""An article record as a stream of open/text/close tokens that the template renders with
its default escaping: the record's spans (furniture, statements, events, entities, dates)
drawn over the text, nested by layer, and split where spans of two layers cross."""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any
from urllib.parse import quote

# outer layers first: a span of a lower rank encloses the spans of higher ranks
RANK = {"furniture": 0, "title": 0, "hl": 1, "speaker": 2, "cue": 2, "content": 2,
        "medium": 2, "event": 3, "entity": 4, "timex": 5}
ENTITY_TYPES = {"PER": "شخص", "ORG": "منظمة", "LOC": "مكان", "MISC": "أخرى"}
KIND_LABEL = {"direct": "مباشر", "indirect": "غير مباشر", "mixed": "مختلط",
              "partial": "جزئي"}
FURNITURE_LABEL = "عنصر من إطار الصفحة"
# page labels of the PLOVER codes (the codes themselves are shown beside them)
EVENT_TYPES = {"ASSAULT": "هجوم", "PROTEST": "احتجاج", "COERCE": "إكراه",
               "MOBILIZE": "تعبئة", "SANCTION": "عقوبات", "AID": "مساعدات",
               "COOPERATE": "تعاون", "RETREAT": "انسحاب", "CONSULT": "تشاور",
               "AGREE": "اتفاق", "ACCUSE": "اتهام", "THREATEN": "تهديد", "REQUEST": "طلب",
               "REJECT": "رفض", "SUPPORT": "تأييد", "CONCEDE": "تنازل"}
EVENT_STATUS = {"asserted": "مؤكَّد", "claimed": "منسوب إلى تصريح", "denied": "منفيّ",
                "future": "مستقبلي", "hypothetical": "افتراضي"}
EVENT_ROLES = {"trigger": "الحدث", "actor": "الفاعل", "recipient": "المستهدف",
               "location": "المكان", "date": "تاريخ الحدث"}
ADMIN_LEVELS = {0: "دولة", 1: "إقليم", 2: "منطقة", 3: "مدينة أو بلدة", 4: "موقع"}
_ID_SAFE = re.compile(r"[^A-Za-z0-9_-]")


def event_anchor(event: dict[str, Any], index: int) -> str:
    """The element id of an event's trigger in the article view (`ev-V1`)."""
    name = _ID_SAFE.sub("", str(event.get("id") or "")) or f"V{index + 1}"
    return f"ev-{name}"


def event_label(typ: str | None) -> str:
    return EVENT_TYPES.get(typ or "", typ or "")


def _offsets(part: Any, text_len: int | None = None) -> tuple[int, int] | None:
    if isinstance(part, dict) and isinstance(part.get("start"), int) \
            and isinstance(part.get("end"), int) \
            and (text_len is None or 0 <= part["start"] < part["end"] <= text_len):
        return part["start"], part["end"]
    return None


@dataclass
class Span:
    start: int
    end: int
    layer: str
    tag: str = "span"
    attrs: dict[str, str] = field(default_factory=dict)
    first_attrs: dict[str, str] = field(default_factory=dict)  # only on the first piece

    @property
    def key(self) -> tuple:
        return (RANK[self.layer], self.start, -self.end, self.layer, id(self))


@dataclass
class Token:
    kind: str  # "open", "text" or "close"
    text: str = ""
    tag: str = ""
    attrs: list[tuple[str, str]] = field(default_factory=list)


def default_speaker_href(quote_: dict[str, Any]) -> str | None:
    """The speaker page by name: the corpus resolves a name to its speaker (and the page
    redirects to the speaker's key), so a record needs no corpus key of its own."""
    spk = quote_.get("speaker") or {}
    name = spk.get("canonical") or spk.get("text")
    return f"/speakers/{quote(name, safe='')}" if name else None


def spans_of(record: dict[str, Any], highlight: tuple[int, int] | None = None,
             speaker_href: Callable[[dict], str | None] = default_speaker_href) -> list[Span]:
    text_len = len(record.get("text") or "")
    spans: list[Span] = []

    def add(span: Span) -> None:
        if 0 <= span.start < span.end <= text_len:
            spans.append(span)

    layers = record.get("layers") or {}
    for b in layers.get("boilerplate") or []:
        label = b.get("label") or ""
        add(Span(b["start"], b["end"], "furniture",
                 attrs={"class": "furniture", "data-label": label,
                        "title": f"{FURNITURE_LABEL}: {label}"}))
    for t in layers.get("title") or []:
        add(Span(t["start"], t["end"], "title", attrs={"class": "ttl"}))
    if highlight:
        add(Span(highlight[0], highlight[1], "hl", tag="mark", attrs={"class": "hl"},
                 first_attrs={"id": "hl"}))
    speakers_seen: dict[tuple[int, int], Span] = {}
    for i, q in enumerate(record.get("quotes") or []):
        n = str(i + 1)
        kind = q.get("kind") or ""
        for part in ("cue", "content", "medium"):
            p = q.get(part)
            if p and p.get("start") is not None:
                attrs = {"class": f"q-{part} k-{kind}", "data-q": n}
                if part == "content":
                    attrs["title"] = f"تصريح {n} ({KIND_LABEL.get(kind, kind)})"
                add(Span(p["start"], p["end"], part, attrs=attrs,
                         first_attrs={"id": f"q{n}"} if part == "content" else {}))
        spk = q.get("speaker")
        if spk and spk.get("start") is not None:
            where = (spk["start"], spk["end"])
            if where in speakers_seen:
                seen = speakers_seen[where]
                seen.attrs["data-q"] += f" {n}"
                continue
            href = speaker_href(q)
            name = spk.get("canonical") or spk.get("text") or ""
            attrs = {"class": "q-speaker", "data-q": n, "title": f"المتحدث: {name}"}
            tag = "span"
            if href:
                tag, attrs["href"] = "a", href
            span = Span(spk["start"], spk["end"], "speaker", tag=tag, attrs=attrs)
            speakers_seen[where] = span
            add(span)
    event_spans(record, add)
    for e in record.get("entities") or []:
        typ = e.get("type") or "MISC"
        for s, t in e.get("mentions") or []:
            add(Span(s, t, "entity",
                     attrs={"class": f"ent ent-{typ}",
                            "title": f"{ENTITY_TYPES.get(typ, typ)}: "
                                     f"{e.get('canonical') or e.get('text')}"}))
    for x in record.get("timexes") or []:
        value = x.get("value") or "?"
        add(Span(x["start"], x["end"], "timex", tag="time",
                 attrs={"class": "tx", "tabindex": "0", "data-value": value,
                        "aria-label": f"{x.get('text', '')} = {value}"}))
    return spans


def event_spans(record: dict[str, Any], add: Callable[[Span], None]) -> None:
    """Each event's trigger (with an id to scroll to, one per mention too) and its
    actor, recipient, place and date. An argument shared by several events is one span
    that names them all (`data-ev`); triggers stay one span per event, each keeping its
    own id even where two events share a word."""
    args: dict[tuple[str, int, int], Span] = {}
    for i, ev in enumerate(record.get("events") or []):
        if not isinstance(ev, dict):
            continue
        n, anchor = str(i + 1), event_anchor(ev, i)
        typ = str(ev.get("type") or "")
        label = f"حدث {n}: {event_label(typ)} ({typ})"
        where = _offsets(ev.get("trigger"))
        if where:
            add(Span(*where, "event", attrs={"class": f"ev-trigger ev-{_ID_SAFE.sub('', typ)}",
                                            "data-ev": n, "title": label},
                     first_attrs={"id": anchor}))
        for k, m in enumerate(ev.get("mentions") or [], 1):
            where = _offsets(m.get("trigger")) if isinstance(m, dict) else None
            if where:
                add(Span(*where, "event", attrs={"class": "ev-trigger ev-mention",
                                                "data-ev": n, "title": f"{label}، ذِكر آخر"},
                         first_attrs={"id": f"{anchor}-m{k}"}))
        for role in ("actor", "recipient", "location", "date"):
            where = _offsets(ev.get(role))
            if not where:
                continue
            seen = args.get((role, *where))
            if seen is not None:
                seen.attrs["data-ev"] += f" {n}"
                seen.attrs["title"] += f"، {n}"
                continue
            span = Span(*where, "event", attrs={"class": f"ev-{role}", "data-ev": n,
                                               "title": f"{EVENT_ROLES[role]} في الحدث {n}"})
            args[(role, *where)] = span
            add(span)


def event_rows(record: dict[str, Any]) -> list[dict[str, Any]]:
    """The events panel: one row per event, its parts as text, its mentions' anchors."""
    out = []
    size = len(record.get("text") or "")  # a span off the text is not drawn: no link to it
    for i, ev in enumerate(record.get("events") or []):
        if not isinstance(ev, dict):
            continue
        anchor = event_anchor(ev, i)

        def name(part: Any) -> str | None:
            if not isinstance(part, dict):
                return None
            return part.get("canonical") or part.get("text")
        loc = ev.get("location") if isinstance(ev.get("location"), dict) else {}
        geo = loc.get("geo") if isinstance(loc.get("geo"), dict) else {}
        date = ev.get("date") if isinstance(ev.get("date"), dict) else {}
        statement = ev.get("statement")
        mentions = [(f"{anchor}-m{k}", (m.get("trigger") or {}).get("text") or "")
                    for k, m in enumerate(ev.get("mentions") or [], 1)
                    if isinstance(m, dict) and _offsets(m.get("trigger"), size)]
        out.append({
            "n": i + 1, "anchor": anchor if _offsets(ev.get("trigger"), size) else None,
            "type": ev.get("type"), "label": event_label(ev.get("type")),
            "mode": ev.get("mode"), "status": ev.get("status"),
            "status_label": EVENT_STATUS.get(ev.get("status") or "", ev.get("status")),
            "trigger": (ev.get("trigger") or {}).get("text") or "",
            "actor": name(ev.get("actor")), "recipient": name(ev.get("recipient")),
            "place": name(loc), "country": geo.get("country"),
            "admin": ADMIN_LEVELS.get(geo.get("admin_level")),
            "date": date.get("value"), "date_assumed": date.get("source") == "publication",
            "dead": ev.get("dead"), "injured": ev.get("injured"),
            "arrested": ev.get("arrested"), "verbal": bool(ev.get("from_statement")),
            "statement": statement + 1 if isinstance(statement, int) else None,
            "mentions": mentions})
    return out


def tokens(text: str, spans: list[Span]) -> Iterator[Token]:
    """Properly nested tokens: at each boundary the open stack is closed down to the
    longest prefix still active, then the missing spans are opened in rank order."""
    cuts = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
    ordered = sorted(spans, key=lambda s: s.key)
    opened_once: set[int] = set()
    stack: list[Span] = []
    for a, b in pairwise(cuts):
        active = [s for s in ordered if s.start <= a and b <= s.end]
        keep = 0
        while keep < len(stack) and keep < len(active) and stack[keep] is active[keep]:
            keep += 1
        for s in reversed(stack[keep:]):
            yield Token("close", tag=s.tag)
        del stack[keep:]
        for s in active[keep:]:
            attrs = dict(s.attrs)
            if id(s) not in opened_once:
                attrs.update(s.first_attrs)
                opened_once.add(id(s))
            yield Token("open", tag=s.tag, attrs=sorted(attrs.items()))
            stack.append(s)
        yield Token("text", text=text[a:b])
    for s in reversed(stack):
        yield Token("close", tag=s.tag)


def article_view(record: dict[str, Any], highlight: tuple[int, int] | None = None,
                 speaker_href: Callable[[dict], str | None] = default_speaker_href
                 ) -> dict[str, Any]:
    """What the article template needs: tokens, and the side lists (statements, events,
    dates, entities by type, furniture)."""
    text = record.get("text") or ""
    entities: dict[str, list[str]] = {}
    for e in record.get("entities") or []:
        name = e.get("canonical") or e.get("text")
        bucket = entities.setdefault(e.get("type") or "MISC", [])
        if name and name not in bucket:
            bucket.append(name)
    statements = []
    for i, q in enumerate(record.get("quotes") or []):
        spk = q.get("speaker") or {}
        statements.append({
            "n": i + 1, "kind": KIND_LABEL.get(q.get("kind"), q.get("kind")),
            "speaker": spk.get("canonical") or spk.get("text") or "غير معروف",
            "href": speaker_href(q) if spk else None,
            "cue": (q.get("cue") or {}).get("text") or "",
            "content": (q.get("content") or {}).get("text") or "",
            "medium": (q.get("medium") or {}).get("canonical")
            or (q.get("medium") or {}).get("text")})
    return {
        "tokens": list(tokens(text, spans_of(record, highlight, speaker_href))),
        "statements": statements,
        "events": event_rows(record),
        "timexes": [{"text": x.get("text"), "value": x.get("value")}
                    for x in record.get("timexes") or []],
        "entities": [(typ, ENTITY_TYPES.get(typ, typ), names)
                     for typ, names in sorted(entities.items())],
        "furniture": len((record.get("layers") or {}).get("boilerplate") or []),
        "metadata": record.get("metadata") or {},
        "issues": record.get("issues") or [],
    }
