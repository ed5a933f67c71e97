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
    geo = part.get("geo")
    if geo and geo.get("admin_level", 0) >= 3:  # one town, camp or site under two names
        return f"{geo['lat']},{geo['lon']}"
    return part.get("entity") or part.get("canonical") or part.get("text")


def _target(ev: dict) -> str | None:
    """A named target; a common noun («منزل», «فلسطينيين») names no one occurrence."""
    part = ev.get("recipient")
    return part.get("entity") if part else None


def _bare(ev: dict) -> bool:
    """A recap with no place, actor or named target of its own («من شهداء اليوم …»)."""
    return not (ev.get("location") or ev.get("actor") or _target(ev))


def _date(ev: dict) -> str | None:
    return (ev.get("date") or {}).get("value")


def _compatible(a: dict, b: dict) -> bool:
    if a["type"] != b["type"] or a["sentence"]["start"] == b["sentence"]["start"] or \
            b.get("another"):
        return False
    da, db = _date(a), _date(b)
    if da and db and not (da.startswith(db) or db.startswith(da)):
        return False
    for role in ("dead", "injured", "arrested"):
        if a.get(role) is not None and b.get(role) is not None and a[role] != b[role] and \
                role not in a.get("vague", ()) and role not in b.get("vague", ()):
            return False
    if _bare(b):
        return True
    same_place = _key(a.get("location")) and _key(a.get("location")) == _key(b.get("location"))
    same_target = _target(a) and _target(a) == _target(b)
    return bool(same_place or same_target)


def _weight(ev: dict) -> int:
    # an exact toll outweighs a round one («105 شهداء» over «عشرات الشهداء»)
    return (sum(ev.get(r) is not None for r in _ROLES) + (ev.get("zone") == "body")
            - len(ev.get("vague", ())))


def _absorb(kept: dict, ev: dict) -> None:
    """Make `kept` the one event of both, its main mention the fuller of the two."""
    main, other = (kept, ev) if _weight(kept) >= _weight(ev) else (ev, kept)
    # grown in place and sorted once by `merge`: a story told many times stays linear
    mentions = kept.pop("mentions", None) or []
    mentions.extend(ev.get("mentions", ()))
    mentions.append({"trigger": other["trigger"], "sentence": other["sentence"]})
    main = dict(main, mentions=mentions)
    if main.get("vague") and other.get("vague") is None:
        main.pop("vague")
    for role in _ROLES:
        if main.get(role) is None and other.get(role) is not None:
            main[role] = other[role]
    kept.clear()
    kept.update(main)


def merge(events: list[dict]) -> list[dict]:
    # a headline first joins the first body event of its type (the lead), which then
    # gathers the other mentions
    titles = [e for e in events if e.get("zone") == "title"]
    body = [e for e in events if e.get("zone") != "title"]
    for t in titles:
        lead = next((e for e in body if e["type"] == t["type"]), None)
        if lead is None:
            body.insert(0, t)
        else:
            lead.setdefault("mentions", []).append(
                {"trigger": t["trigger"], "sentence": t["sentence"]})
            for role in _ROLES:
                if lead.get(role) is None and t.get(role) is not None and role != "date":
                    lead[role] = t[role]
    events = sorted(body, key=lambda e: e["trigger"]["start"])
    out: list[dict] = []
    last_of_type: dict[str, dict] = {}
    by_key: dict[tuple[str, str | None], list[dict]] = {}
    for ev in events:
        # the events it may repeat: the nearest earlier one of its type (a recap refers
        # back to what was just told), and those with its place or its target
        seen: list[dict] = []
        if ev["type"] in last_of_type:
            seen.append(last_of_type[ev["type"]])
        for k in (_key(ev.get("location")), _target(ev)):
            if k:
                seen.extend(reversed(by_key.get((ev["type"], k), ())))
        target = next((kept for kept in seen if _compatible(kept, ev)), None)
        if target is None:
            ev.setdefault("mentions", [])
            out.append(ev)
            target = ev
        else:
            _absorb(target, ev)
        last_of_type[ev["type"]] = target
        for k in (_key(target.get("location")), _target(target)):
            bucket = by_key.setdefault((target["type"], k), []) if k else None
            if bucket is not None and not any(x is target for x in bucket):
                bucket.append(target)
    for ev in out:
        ev["mentions"].sort(key=lambda m: m["trigger"]["start"])
    return out
