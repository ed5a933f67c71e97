"""One event, once: the headline, the lead and a later recap of one strike are one event
with several mentions. Two mentions are merged when they have the same type and share
what identifies the occurrence (the place, or the target), and nothing they say
contradicts (another date, another count). The mention with the most arguments stays
the event's main one, as an annotator would choose it."""
from __future__ import annotations

from khabar.events.coref_words import modes_agree, tells_span
from khabar.events.lexicon import PLACE_HEADS
from khabar.normalize import fold

_ROLES = ("actor", "recipient", "location", "date", "dead", "injured", "arrested")


# set by build on a meeting or an agreement whose parties are a list («بين A وB»)
SYMMETRIC = "symmetric"


def _key(part: dict | None) -> str | None:
    if not part:
        return None
    geo = part.get("geo")
    if geo and geo.get("admin_level", 0) >= 3:  # one town, camp or site under two names
        return f"{geo['lat']},{geo['lon']}"
    return part.get("entity") or part.get("canonical") or part.get("text")


def _place_word(part: dict | None) -> str | None:
    """The first word of a place's name past its generic head and article: «منطقة
    المواصي» and «منطقة مواصي الساحل» both give «مواصي»."""
    if not part or not part.get("text"):
        return None
    for w in fold(part["text"]).split():
        if w in PLACE_HEADS:
            continue
        w = w[2:] if w.startswith("ال") and len(w) > 5 else w
        return w if len(w) >= 4 else None
    return None


def _updated_toll(a: dict, b: dict) -> bool:
    """An early and a later toll of one strike: the same place by name, the same day, the
    same means and actor; only the counts differ (a toll is revised as it is told)."""
    pa, pb = _place_word(a.get("location")), _place_word(b.get("location"))
    return bool(pa and pa == pb and _date(a) and _date(a) == _date(b) and a.get("mode")
                and a.get("mode") == b.get("mode") and _same_actor(a, b))


def _same_actor(a: dict, b: dict) -> bool:
    """No actor against another: an unnamed one, one key, or one name inside the other
    («الجيش الإسرائيلي», «الإسرائيلي»)."""
    pa, pb = a.get("actor"), b.get("actor")
    if not pa or not pb or _key(pa) == _key(pb):
        return True
    ta, tb = fold(pa.get("text") or ""), fold(pb.get("text") or "")
    return bool(ta and tb and (ta in tb or tb in ta))


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
                role not in a.get("vague", ()) and role not in b.get("vague", ()) and \
                not _updated_toll(a, b):
            return False
    if _bare(b):
        # «ومنذ بدء الحرب استشهد …» is a total, «وأصيب شاب بالرصاص» after a raid another
        return not tells_span(b) and modes_agree(a, b)
    same_place = (_key(a.get("location")) and _key(a.get("location")) == _key(b.get("location"))
                  ) or (_tolled(a) and _tolled(b) and _updated_toll(a, b))
    same_target = _target(a) and _target(a) == _target(b)
    return bool(same_place or same_target)


def _weight(ev: dict) -> int:
    # an exact toll outweighs a round one («105 شهداء» over «عشرات الشهداء»); a meeting
    # whose parties are only listed («اللقاء بين A وB») says less than one told with its
    # direction («زيارة A … ولقائه B»): its actor and recipient do not count
    return (sum(ev.get(r) is not None for r in _ROLES) + (ev.get("zone") == "body")
            - len(ev.get("vague", ())) - 2 * bool(ev.get(SYMMETRIC)))


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
    for role in ("dead", "injured", "arrested"):
        # two tolls of one strike: the higher is the later, revised one
        if isinstance(main.get(role), int) and isinstance(other.get(role), int) and \
                other[role] > main[role] and role not in other.get("vague", ()):
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
        for k in (_key(ev.get("location")), _target(ev), _name_key(ev)):
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
        for k in (_key(target.get("location")), _target(target), _name_key(target)):
            bucket = by_key.setdefault((target["type"], k), []) if k else None
            if bucket is not None and not any(x is target for x in bucket):
                bucket.append(target)
    for ev in out:
        ev["mentions"].sort(key=lambda m: m["trigger"]["start"])
    return out


def _tolled(ev: dict) -> bool:
    return ev.get("dead") is not None or ev.get("injured") is not None


def _name_key(ev: dict) -> str | None:
    """Two tolls of one strike may name its place in two ways: looked up by name only
    for events with a toll, the one case where a name alone joins two mentions."""
    if not _tolled(ev):
        return None
    word = _place_word(ev.get("location"))
    return f"place-name:{word}" if word else None
