"""What the event tables read from a record: the material events of a text, one event by
its type and trigger word, and whether an argument names someone."""
from __future__ import annotations

from khabar import api
from khabar.normalize import fold
from khabar.record import to_record


def events_of(text: str, type_: str | None = None) -> list[dict]:
    """The material events (verbal acts from statements left out) of one made-up article."""
    record = to_record(api.extract_text(text, published="2024-05-02"))
    return [e for e in record["events"] if not e.get("from_statement")
            and (type_ is None or e["type"] == type_)]


def _triggered_by(event: dict, trigger: str) -> bool:
    words = [event["trigger"]["text"]] + [m["trigger"]["text"] for m in event.get("mentions", ())]
    return any(fold(trigger) in fold(w) for w in words)


def find_event(text: str, type_: str, trigger: str | None = None) -> dict:
    """The first event of `type_` whose trigger (or one of its mentions' triggers) holds
    `trigger`; a failed assertion when there is none."""
    evs = [e for e in events_of(text, type_) if trigger is None or _triggered_by(e, trigger)]
    assert evs, f"no {type_} event «{trigger}» in {text}"
    return evs[0]


def names(part: dict | None) -> str:
    """The folded text and canonical name of an argument, for substring checks."""
    part = part or {}
    return fold(" ".join(filter(None, (part.get("text"), part.get("canonical")))))


def part_has(part: dict | None, name: str) -> bool:
    """Whether the text or the canonical name of an argument and `name` contain one another."""
    part = part or {}
    for got in (fold(part.get("text") or ""), fold(part.get("canonical") or "")):
        if got and (fold(name) in got or got in fold(name)):
            return True
    return False
