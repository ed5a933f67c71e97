"""Events in the corpus: the record's `events` (khabar/events/, docs/events.md) as rows of
the `events` and `event_mentions` tables, and the queries over them (`Corpus.events`,
`Corpus.event_counts`, `khabar events`).

Actors, recipients and places keep the article's name key (`names.name_key`), like
statements and mentions do, so they resolve to the corpus-level ids of the speakers and
entities even when a later article merges two names.
"""
from __future__ import annotations

import datetime as dt
import sqlite3
from typing import Any, Callable, Iterator

from khabar.corpus.event_dates import UNDATED, UNDATED_RANK, event_date, first_rank, rank
from khabar.corpus.folding import key as fold_key
from khabar.corpus.search import QueryError, check_date, entity_keys, name_keys
from khabar.corpus.speakers import UNKNOWN

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


_INSERT_EVENT = "INSERT INTO events VALUES ({})"


def store_events(db: sqlite3.Connection, aid: str, record: dict, story: str,
                 published: str | None, outlet: str | None, entity_keys_: dict[str, str],
                 statements: list[tuple[str, str]], seqs: dict[str, int],
                 later: Callable[[str, list], None] | None = None) -> int:
    """Write the record's events; `entity_keys_` maps the record's entity ids (E1...) to
    name keys, `statements` holds (statement_id, name_key) by index in `quotes`.
    `later(sql, rows)`, when given, takes the rows to write instead (a slice's rows are
    written together)."""
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
        day, day_start, day_end, period, assumed = event_date(value, published)
        seq = seqs["events"] + len(rows)
        trig, sent = ev.get("trigger") or {}, ev.get("sentence") or {}
        others = [m for m in ev.get("mentions") or [] if isinstance(m, dict)]
        rows.append((
            seq, eid, aid, story, published, outlet, ev["type"],
            ev.get("mode"), ev.get("status"), int(bool(ev.get("from_statement"))), sid,
            *_span(trig), sent.get("start"), sent.get("end"),
            *_span(actor), actor.get("canonical"), actor_key,
            *_span(recipient), recipient.get("canonical"),
            entity_keys_.get(recipient.get("entity")),
            *_span(loc), entity_keys_.get(loc.get("entity")),
            fold_key(loc["text"]) if loc.get("text") else None,
            geo.get("lat"), geo.get("lon"), geo.get("country"), _int(geo.get("admin_level")),
            geo.get("source"), *_span(date), value,
            "publication" if assumed and day else date.get("source"),
            day, day_start, day_end, period,
            rank(dt.date.fromisoformat(day_start) if day_start else None, seq),
            _int(ev.get("dead")), _int(ev.get("injured")), _int(ev.get("arrested")),
            len(others)))
        for k, m in enumerate(others, 1):
            mt, ms = m.get("trigger") or {}, m.get("sentence") or {}
            mentions.append((eid, k, aid, *_span(mt), ms.get("start"), ms.get("end")))
    if rows:
        write = later or db.executemany
        write(_INSERT_EVENT.format(",".join("?" * len(rows[0]))), rows)
        write("INSERT OR IGNORE INTO event_mentions VALUES (?,?,?,?,?,?,?,?)", mentions)
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
  e.day_start, e.day_end, e.period,
  e.dead, e.injured, e.arrested, e.n_mentions, a.url, a.title,
  (SELECT copies FROM stories WHERE story_id = e.story_id) AS copies"""
JOINS = """JOIN articles a ON a.article_id = e.article_id
  LEFT JOIN names na ON na.name_key = e.actor_key
  LEFT JOIN names nr ON nr.name_key = e.recipient_key
  LEFT JOIN names np ON np.name_key = e.place_key"""
# a story's copies report its events once, from its earliest copy (`articles.first`,
# which changes when an earlier copy is indexed later, so it is read there, not copied):
# the few later copies, those of stories with more than one, are left out as a set, so
# no row of the many looks its article up
LATER_COPIES = """e.article_id NOT IN (SELECT c.article_id FROM stories s
  CROSS JOIN articles c ON c.story_id = s.story_id WHERE s.copies > 1 AND c.first = 0)"""


class EventFilters:
    """The WHERE clause shared by `Corpus.events` and `Corpus.event_counts`, over `events
    e` alone."""

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
        if place:  # 'unknown' (every ungeocoded name) is no place: matched by name only
            nks = name_keys(db, [k for k in entity_keys(db, place, ("LOC",)) if k != UNKNOWN])
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
        # an event matches when its interval of days overlaps [since, until]: it ends on
        # or after `since` and starts on or before `until`, which the rank says (ordered by
        # the first day, latest first, undated above every dated rank) to the indexes
        if until:
            where.append("e.rank >= ? AND e.rank < ?")
            args.extend([first_rank(dt.date.fromisoformat(until)), UNDATED_RANK])
        if since:
            where.append("e.day_end >= ?")
            args.append(since)
            earliest = db.execute("SELECT min(day_start) FROM events WHERE day_end >= ?",
                                  (since,)).fetchone()[0]
            if earliest is not None:  # no overlapping interval starts before it
                before = dt.date.fromisoformat(earliest) - dt.timedelta(days=1)
                where.append("e.rank < ?")
                args.append(first_rank(before))
        if collapse:
            where.append(LATER_COPIES)
        self.sql = " AND ".join(where) or "1"
        self.args = args
        # the counts per place and period read their own covering indexes (which hold
        # the type) rather than the type's index and every row it points to: `+` keeps
        # SQLite from choosing the type's index for them
        self.grouped_sql = self.sql.replace("e.type IN (", "+e.type IN (", 1)


def _dicts(cur: sqlite3.Cursor) -> Iterator[dict]:
    names = [d[0] for d in cur.description]
    for r in cur:
        yield dict(zip(names, r))


def rows(db: sqlite3.Connection, f: EventFilters, limit: int | None = None,
         after: int | None = None) -> Iterator[dict]:
    """Matching events, latest first by the first day of their date (undated last, then
    in indexing order), with offsets and article ids; `after`: the rank of the last row
    of the page before (a keyset cursor). The ordered ids are found first on the narrow
    index on rank, and the wide columns joined for the page's rows only."""
    where, args = f.sql, list(f.args)
    if after is not None:
        where += " AND e.rank > ?"
        args.append(after)
    if limit is None:
        yield from _dicts(db.execute(
            f"SELECT {COLUMNS} FROM events e {JOINS} WHERE {where} ORDER BY e.rank", args))
        return
    seqs = [r[0] for r in db.execute(
        f"SELECT e.seq FROM events e WHERE {where} ORDER BY e.rank LIMIT ?",
        [*args, int(limit)])]
    if not seqs:
        return
    yield from _dicts(db.execute(
        f"SELECT {COLUMNS}, e.rank AS rank FROM events e {JOINS} "
        f"WHERE e.seq IN ({','.join('?' * len(seqs))}) ORDER BY e.rank", seqs))


def page(db: sqlite3.Connection, f: EventFilters, limit: int | None, cursor: str | None
         ) -> tuple[list[dict], str | None]:
    """One page of `rows` and the cursor of the next (None on the last): `k` and the
    last row's rank. A cursor of digits alone is an offset (the cursors of versions 2 and 3)."""
    after, offset = _cursor(cursor)
    if limit is None:
        return list(rows(db, f, None, after))[offset:], None
    limit = max(0, int(limit))
    got = list(rows(db, f, offset + limit + 1, after))[offset:]
    more = len(got) > limit > 0
    got = got[:limit]
    ranks = [row.pop("rank") for row in got]
    return got, f"k{ranks[-1]}" if more else None


def _cursor(cursor: str | None) -> tuple[int | None, int]:
    text = (cursor or "").strip()
    try:
        if not text:
            return None, 0
        if text.startswith("k"):
            return int(text[1:]), 0
        if int(text) >= 0:
            return None, int(text)
    except ValueError:
        pass
    raise QueryError(f"cursor {cursor!r}: pass back the `next` value of an earlier result")


def mentions(db: sqlite3.Connection, event_id: str) -> list[dict]:
    cur = db.execute("SELECT trigger, trigger_start, trigger_end, sentence_start, "
                     "sentence_end FROM event_mentions WHERE event_id=? ORDER BY n",
                     (event_id,))
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r)) for r in cur]


def counts(db: sqlite3.Connection, f: EventFilters, limit: int = 50) -> dict[str, list]:
    """Events per type; per place (a corpus place, or the folded name as written when it
    is none, ungeocoded names such as «البيت الأبيض» each apart, with its country code
    and geocoded admin level when known); per period (`period`: a month YYYY-MM, a year
    YYYY or a longer span YYYY/YYYY, sorted, then `undated`: the events whose date is no
    calendar value). Each is a GROUP BY over the narrow rows; names are looked up for
    the groups kept."""
    per_type = [tuple(r) for r in db.execute(
        f"SELECT e.type, count(*) AS k FROM events e WHERE {f.sql} GROUP BY e.type "
        f"ORDER BY k DESC, e.type", f.args)]
    base = f"FROM events e WHERE {f.grouped_sql}"
    groups = db.execute(
        f"SELECT e.place_key, e.place_fold, max(e.country), max(e.admin_level), count(*) "
        f"{base} AND e.place_fold IS NOT NULL GROUP BY e.place_fold, e.place_key",
        f.args).fetchall()
    resolved = _place_entities(db, {g[0] for g in groups if g[0]})
    places: dict[str, list] = {}
    for nk, folded, country, level, k in groups:
        ek = resolved.get(nk)
        pk = ek or folded  # an ungeocoded or unlinked name stands for itself
        got = places.setdefault(pk, [pk, ek is not None, (folded, nk), country, level, 0])
        got[3] = max((v for v in (got[3], country) if v is not None), default=None)
        got[4] = max((v for v in (got[4], level) if v is not None), default=None)
        got[5] += k
    top = sorted(places.values(), key=lambda p: (-p[5], p[0]))[:limit]
    shown = _entity_names(db, [p[0] for p in top if p[1]])
    per_place = [{"place": shown.get(p[0]) or _written(db, *p[2]), "key": p[0],
                  "country": p[3], "admin_level": p[4], "events": p[5]} for p in top]
    periods = db.execute(f"SELECT e.period, count(*) {base} GROUP BY e.period",
                         f.args).fetchall()
    per_month = sorted((p, k) for p, k in periods if p is not None)
    per_month += [(UNDATED, k) for p, k in periods if p is None]
    return {"type": per_type, "place": per_place, "month": per_month}


def _place_entities(db: sqlite3.Connection, keys: set[str]) -> dict[str, str]:
    """name key -> corpus place id, leaving out 'unknown' (the names that matched none)."""
    out: dict[str, str] = {}
    ordered = sorted(keys)
    for i in range(0, len(ordered), 500):
        chunk = ordered[i:i + 500]
        out.update((nk, ek) for nk, ek in db.execute(
            f"SELECT name_key, entity_key FROM names WHERE name_key IN "
            f"({','.join('?' * len(chunk))})", chunk) if ek and ek != UNKNOWN)
    return out


def _written(db: sqlite3.Connection, folded: str, name_key: str | None) -> str:
    """A place name as one of its articles wrote it."""
    row = db.execute("SELECT place FROM events WHERE place_fold = ? AND place_key IS ? "
                     "LIMIT 1", (folded, name_key)).fetchone()
    return row[0] if row else folded


def _entity_names(db: sqlite3.Connection, keys: list[str]) -> dict[str, str]:
    if not keys:
        return {}
    return {ek: name for ek, name in db.execute(
        f"SELECT entity_key, name FROM entities WHERE entity_key IN "
        f"({','.join('?' * len(keys))})", keys) if name}
