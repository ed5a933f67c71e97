"""One event, once: the headline, the lead and a later recap of one strike are one event
with several mentions. Two mentions are merged when they have the same type and share
what identifies the occurrence (the place, or the target), and nothing they say
contradicts (another date, another count). The mention with the most arguments stays
the event's main one, as an annotator would choose it."""
from __future__ import annotations

_ROLES = ("actor", "recipient", "location", "date", "dead", "injured", "arrested")


def _key(part: dict | None) -> str | None:
    if not part:
        return None
    return part.get("entity") or part.get("canonical") or part.get("text")


def _date(ev: dict) -> str | None:
    return (ev.get("date") or {}).get("value")


def _compatible(a: dict, b: dict) -> bool:
    if a["type"] != b["type"] or a["sentence"]["start"] == b["sentence"]["start"]:
        return False
    da, db = _date(a), _date(b)
    if da and db and not (da.startswith(db) or db.startswith(da)):
        return False
    if "title" in (a.get("zone"), b.get("zone")):
        # a headline names the article's main event of its type, in round figures
        return True
    for role in ("dead", "injured", "arrested"):
        if a.get(role) is not None and b.get(role) is not None and a[role] != b[role]:
            return False
    same_place = _key(a.get("location")) and _key(a.get("location")) == _key(b.get("location"))
    same_target = _key(a.get("recipient")) and _key(a.get("recipient")) == _key(b.get("recipient"))
    return bool(same_place or same_target)


def _weight(ev: dict) -> int:
    return sum(ev.get(r) is not None for r in _ROLES) + (ev.get("zone") == "body")


def merge(events: list[dict]) -> list[dict]:
    out: list[dict] = []
    for ev in events:
        for kept in out:
            if _compatible(kept, ev):
                main, other = (kept, ev) if _weight(kept) >= _weight(ev) else (ev, kept)
                mentions = [*kept.get("mentions", []), *ev.get("mentions", [])]
                mentions.append({"trigger": other["trigger"], "sentence": other["sentence"]})
                main = dict(main, mentions=sorted(mentions, key=lambda m: m["trigger"]["start"]))
                for role in _ROLES:
                    if main.get(role) is None and other.get(role) is not None:
                        main[role] = other[role]
                kept.clear()
                kept.update(main)
                break
        else:
            ev.setdefault("mentions", [])
            out.append(ev)
    return out
