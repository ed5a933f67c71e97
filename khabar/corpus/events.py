"""Events in the corpus: the record's `events` (khabar/events/, docs/events.md) as rows of
the `events` and `event_mentions` tables, and the queries over them (`Corpus.events`,
`Corpus.event_counts`, `khabar events`).

Actors, recipients and places keep the article's name key (`names.name_key`), like
statements and mentions do, so they resolve to the corpus-level ids of the speakers and
entities even when a later article merges two names.
"""
from __future__ import annotations

import sqlite3
from typing import Any, Iterator

from khabar.corpus.folding import key as fold_key
from khabar.corpus.search import QueryError, check_date, day_after, entity_keys, name_keys

VERBAL = ("ACCUSE", "THREATEN", "REQUEST", "REJECT", "SUPPORT", "CONCEDE")
STATUSES = ("asserted", "claimed", "denied", "future", "hypothetical")


def _span(part: Any) -> tuple:
    if not isinstance(part, dict):
        return None, None, None
    return part.get("text"), part.get("start"), part.get("end")


def _int(value: Any) -> int | None:
    try:
        return None if value is None or isinstance(value, bool) else int(value)
    except (TypeError, ValueError):
        return None


def _day(value: Any) -> str | None:
    """A date value usable by the date filters: one that starts with a year."""
    value = None if value is None else str(value)
    return value if value and len(value) >= 4 and value[:4].isdigit() else None


def store_events(db: sqlite3.Connection, aid: str, record: dict, story: str,
                 published: str | None, outlet: str | None, entity_keys_: dict[str, str],
                 statements: list[tuple[str, str]], seqs: dict[str, int]) -> int:
    """Write the record's events; `entity_keys_` maps the record's entity ids (E1...) to
    name keys, `statements` holds (statement_id, name_key) by index in `quotes`."""
    events = record.get("events") or []
    rows, mentions = [], []
    for ev in events:
        if not isinstance(ev, dict) or not ev.get("type"):
            continue
        eid = f"{aid}-{ev.get('id') or len(rows) + 1}"
        n = _int(ev.get("statement"))
        sid, speaker_key = statements[n] if n is not None and 0 <= n < len(statements) \
            else (None, None)
        actor = ev.get("actor") if isinstance(ev.get("actor"), dict) else {}
        recipient = ev.get("recipient") if isinstance(ev.get("recipient"), dict) else {}
        loc = ev.get("location") if isinstance(ev.get("location"), dict) else {}
        geo = loc.get("geo") if isinstance(loc.get("geo"), dict) else {}
        date = ev.get("date") if isinstance(ev.get("date"), dict) else {}
        actor_key = entity_keys_.get(actor.get("entity"))
        if actor_key is None and ev.get("from_statement") and actor:
            actor_key = speaker_key  # the verbal act's actor is its statement's speaker
        value = None if date.get("value") is None else str(date.get("value"))
        trig, sent = ev.get("trigger") or {}, ev.get("sentence") or {}
        others = [m for m in ev.get("mentions") or [] if isinstance(m, dict)]
        rows.append((
            seqs["events"] + len(rows), eid, aid, story, published, outlet, ev["type"],
            ev.get("mode"), ev.get("status"), int(bool(ev.get("from_statement"))), sid,
            *_span(trig), sent.get("start"), sent.get("end"),
            *_span(actor), actor.get("canonical"), actor_key,
            *_span(recipient), recipient.get("canonical"),
            entity_keys_.get(recipient.get("entity")),
            *_span(loc), entity_keys_.get(loc.get("entity")),
            fold_key(loc["text"]) if loc.get("text") else None,
            geo.get("lat"), geo.get("lon"), geo.get("country"), _int(geo.get("admin_level")),
            geo.get("source"), *_span(date), value, date.get("source"),
            _day(value) or _day(published),
            _int(ev.get("dead")), _int(ev.get("injured")), _int(ev.get("arrested")),
            len(others)))
        for k, m in enumerate(others, 1):
            mt, ms = m.get("trigger") or {}, m.get("sentence") or {}
            mentions.append((eid, k, aid, *_span(mt), ms.get("start"), ms.get("end")))
    if rows:
        db.executemany(f"INSERT INTO events VALUES ({','.join('?' * len(rows[0]))})", rows)
        db.executemany("INSERT OR IGNORE INTO event_mentions VALUES (?,?,?,?,?,?,?,?)",
                       mentions)
    seqs["events"] += len(rows)
    return len(rows)


COLUMNS = """e.event_id, e.article_id, e.story_id, e.published, e.outlet, e.type, e.mode,
  e.status, e.from_statement, e.statement_id, e.trigger, e.trigger_start, e.trigger_end,
  e.sentence_start, e.sentence_end, e.actor, e.actor_start, e.actor_end, e.actor_canonical,
  coalesce(na.entity_key, CASE WHEN e.actor IS NULL THEN NULL ELSE 'unknown' END)
    AS actor_key,
  e.recipient, e.recipient_start, e.recipient_end, e.recipient_canonical,
  nr.entity_key AS recipient_key,
  e.place, e.place_start, e.place_end, np.entity_key AS place_key, e.lat, e.lon, e.country,
  e.admin_level, e.date_text, e.date_start, e.date_end, e.date, e.date_source, e.day,
  e.dead, e.injured, e.arrested, e.n_mentions, a.url, a.title,
  (SELECT copies FROM stories WHERE story_id = e.story_id) AS copies"""
JOINS = """JOIN articles a ON a.article_id = e.article_id
  LEFT JOIN names na ON na.name_key = e.actor_key
  LEFT JOIN names nr ON nr.name_key = e.recipient_key
  LEFT JOIN names np ON np.name_key = e.place_key"""


class EventFilters:
    """The WHERE clause shared by `Corpus.events` and `Corpus.event_counts`."""

    def __init__(self, db: sqlite3.Connection, *, type=None, place=None, country=None,
                 since=None, until=None, actor=None, status=None, verbal=False,
                 collapse=True) -> None:
        where, args = [], []
        types = [t.strip().upper() for t in (type.split(",") if isinstance(type, str)
                                             else type or ()) if t.strip()]
        if types:
            where.append(f"e.type IN ({','.join('?' * len(types))})")
            args.extend(types)
        if not verbal and not any(t in VERBAL for t in types):
            where.append("e.from_statement = 0")
        if place:
            nks = name_keys(db, entity_keys(db, place, ("LOC",)))
            where.append(f"(e.place_key IN ({','.join('?' * len(nks)) or 'NULL'}) OR "
                         f"e.place_fold = ?)")
            args.extend([*nks, fold_key(place)])
        if country:
            where.append("e.country = ?")
            args.append(country.strip().upper())
        if actor:
            nks = name_keys(db, entity_keys(db, actor))
            where.append(f"(e.actor_key IN ({','.join('?' * len(nks)) or 'NULL'}) OR "
                         f"e.actor = ? OR e.actor_canonical = ?)")
            args.extend([*nks, actor.strip(), actor.strip()])
        if status:
            if status not in STATUSES:
                raise QueryError(f"--status {status!r}: one of {', '.join(STATUSES)}")
            where.append("e.status = ?")
            args.append(status)
        since, until = check_date(since, "since"), check_date(until, "until")
        if since:
            where.append("e.day >= ?")
            args.append(since)
        if until:
            where.append("e.day < ?")
            args.append(day_after(until))
        if collapse:  # a story's copies report its events once: from its earliest copy
            where.append("a.first = 1")
        self.sql = " AND ".join(where) or "1"
        self.args = args


def rows(db: sqlite3.Connection, f: EventFilters, limit: int | None, offset: int = 0
         ) -> Iterator[dict]:
    """Matching events, latest first (undated last), with offsets and article ids."""
    page = "" if limit is None else f"LIMIT {int(limit)} OFFSET {int(offset)}"
    cur = db.execute(f"SELECT {COLUMNS} FROM events e {JOINS} WHERE {f.sql} "
                     f"ORDER BY e.day IS NULL, e.day DESC, e.seq {page}", f.args)
    names = [d[0] for d in cur.description]
    for r in cur:
        yield dict(zip(names, r))


def mentions(db: sqlite3.Connection, event_id: str) -> list[dict]:
    cur = db.execute("SELECT trigger, trigger_start, trigger_end, sentence_start, "
                     "sentence_end FROM event_mentions WHERE event_id=? ORDER BY n",
                     (event_id,))
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r)) for r in cur]


def counts(db: sqlite3.Connection, f: EventFilters, limit: int = 50) -> dict[str, list]:
    """Events per type, per place (a corpus place, or the name as written when it is
    none, with its country code and geocoded admin level when known) and per month of
    `day`."""
    base = f"FROM events e {JOINS} WHERE {f.sql}"
    per_type = [tuple(r) for r in db.execute(
        f"SELECT e.type, count(*) AS k {base} GROUP BY e.type ORDER BY k DESC, e.type",
        f.args)]
    per_place = [
        {"place": name, "key": key, "country": country, "admin_level": level, "events": k}
        for key, name, country, level, k in db.execute(
            f"SELECT coalesce(np.entity_key, e.place_fold) AS pk, "
            f"coalesce((SELECT name FROM entities WHERE entity_key = np.entity_key), "
            f"min(e.place)), max(e.country), max(e.admin_level), count(*) AS k "
            f"{base} AND e.place IS NOT NULL "
            f"GROUP BY pk ORDER BY k DESC, pk LIMIT ?", [*f.args, limit])]
    per_month = [tuple(r) for r in db.execute(
        f"SELECT substr(e.day, 1, 7) AS m, count(*) {base} AND e.day IS NOT NULL "
        f"GROUP BY m ORDER BY m", f.args)]
    return {"type": per_type, "place": per_place, "month": per_month}
