"""PLOVER export: a record's events under the field names of the PLOVER manual (the
ontology of POLECAT): `event`, `mode`, `actor`, `recipient`, `event_loc`, `dead`,
`injured`, `arrested`, `text_info`, `cite_info`, plus `id` and `event_date`.

Works on records (dicts), so stored records export without re-running the pipeline.
"""
from __future__ import annotations

from typing import Any, Iterator


def _who(part: dict | None) -> dict | None:
    if not part:
        return None
    out = {"text": part.get("text"), "name": part.get("canonical") or part.get("text")}
    if part.get("entity"):
        out["entity_id"] = part["entity"]
    if part.get("type"):
        out["entity_type"] = part["type"]
    return out


def _where(part: dict | None) -> dict | None:
    if not part:
        return None
    out: dict[str, Any] = {"text": part.get("text"),
                           "name": part.get("canonical") or part.get("text")}
    geo = part.get("geo")
    if geo:
        out.update(lat=geo["lat"], lon=geo["lon"], country=geo["country"],
                   admin_level=geo["admin_level"], geo_source=geo.get("source"))
    return out


def plover_events(record: dict, include_verbal: bool = True) -> Iterator[dict]:
    """One PLOVER event per event of the record (verbal acts too unless asked not to)."""
    meta = record.get("metadata") or {}
    source = record.get("source") or {}
    for ev in record.get("events") or []:
        if ev.get("from_statement") and not include_verbal:
            continue
        date = ev.get("date") or {}
        yield {
            "id": f"{source.get('name') or 'article'}-{ev.get('id')}",
            "event": ev["type"],
            "mode": ev.get("mode"),
            "event_date": date.get("value"),
            "actor": _who(ev.get("actor")),
            "recipient": _who(ev.get("recipient")),
            "event_loc": _where(ev.get("location")),
            "dead": ev.get("dead"),
            "injured": ev.get("injured"),
            "arrested": ev.get("arrested"),
            "text_info": {
                "trigger": ev["trigger"]["text"],
                "sentence": ev["sentence"]["text"],
                "status": ev.get("status"),
                "from_statement": bool(ev.get("from_statement")),
                "mentions": len(ev.get("mentions") or []) + 1,
                "language": "ar",
            },
            "cite_info": {
                "source": source.get("path"),
                "name": source.get("name"),
                "outlet": meta.get("outlet"),
                "url": meta.get("url"),
                "published": meta.get("published"),
                "article_id": meta.get("article_id"),
                "trigger_offsets": [ev["trigger"]["start"], ev["trigger"]["end"]],
                "sentence_offsets": [ev["sentence"]["start"], ev["sentence"]["end"]],
                "statement": ev.get("statement"),
            },
        }
