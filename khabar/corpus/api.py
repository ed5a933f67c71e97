"""`Corpus`: the Python API of the store, used by the CLI and the HTTP service."""
from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from typing import Any, Iterable, Iterator

from khabar.corpus import search as _search
from khabar.corpus.schema import BATCH_SIZE, TABLES
from khabar.corpus.speakers import KIND
from khabar.corpus.store import CorpusError, IndexSummary, Indexer, connect, unpack

@dataclass
class SearchResult:
    rows: list[dict]
    next: str | None = None
    facets: dict[str, list] | None = None


class Corpus:
    def __init__(self, path: str | os.PathLike = "khabar.db", readonly: bool = False) -> None:
        self.path = os.fspath(path)
        self.readonly = readonly
        self.db = connect(self.path, readonly)
        if not readonly:  # display names a killed run left unsettled
            from khabar.corpus.speakers import settle

            settle(self.db)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "Corpus":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ------------------------------------------------------------------ writing
    def add(self, inputs: Iterable[str | os.PathLike], workers: int | str | None = None,
            progress: bool = False, batch_size: int = BATCH_SIZE,
            timeout: float | None = None) -> IndexSummary:
        """Index files, folders, JSONL/CSV (also .gz); inputs already recorded are skipped.
        `workers`: None or 1 in this process, N worker processes, or "auto" (every core
        for more than one input). The rows are the same whatever it is. `timeout`:
        seconds per article; one over it is an input error E_TIMEOUT."""
        if self.readonly:
            raise CorpusError(f"{self.path}: opened read-only; open it with readonly=False to add")
        from khabar.api import read_inputs
        from khabar.corpus.pipe import resolve_workers

        workers, articles = resolve_workers(read_inputs([os.fspath(p) for p in inputs]),
                                            workers)
        return Indexer(self.db, workers, batch_size, timeout).run(articles, progress)

    def add_records(self, records: Iterable[dict], progress: bool = False,
                    batch_size: int = BATCH_SIZE) -> IndexSummary:
        """Store records made earlier (`khabar extract --format jsonl` lines) as they are,
        without running the pipeline again."""
        if self.readonly:
            raise CorpusError(f"{self.path}: opened read-only; open it with readonly=False to add")
        return Indexer(self.db, None, batch_size).run(records, progress)

    # ------------------------------------------------------------------ searching
    def _filters(self, query, **kw):
        try:
            q = _search.parse(query)
            return q, _search.Filters(self.db, q, **kw)
        except _search.QueryError as err:
            raise CorpusError(str(err)) from err

    def search(self, query: str = "", *, speaker=None, entity=None, outlet=None, since=None,
               until=None, kind=None, exact=False, articles=False, collapse=True,
               limit: int = 20, cursor: str | None = None, facets=False) -> SearchResult:
        q, f = self._filters(query, speaker=speaker, entity=entity, outlet=outlet,
                             since=since, until=until, kind=kind, exact=exact,
                             articles=articles, collapse=collapse)
        offset, after = _search_cursor(cursor)
        keys: list = []
        try:
            got = list(_search.rows(self.db, q, f, articles, limit + 1, offset, after, keys))
            fac = _search.facets(self.db, f, articles) if facets else None
        except sqlite3.OperationalError as err:
            raise CorpusError(f"query {query!r}: {err}") from err
        more = len(got) > limit
        got = got[:limit]
        if not articles:
            for row in got:
                if row["copies"] > 1:
                    row["provenance"] = _search.provenance(self.db, row["statement_id"])
        return SearchResult(got, _keyset(keys[limit - 1]) if more else None, fac)

    def iter_search(self, query: str = "", **kw) -> Iterator[dict]:
        """All results, streamed (for CSV and JSONL output of any size)."""
        articles = kw.get("articles", False)
        kw.setdefault("collapse", True)
        for name in ("speaker", "entity", "outlet", "since", "until", "kind"):
            kw.setdefault(name, None)
        kw.setdefault("exact", False)
        kw["articles"] = articles
        q, f = self._filters(query, **kw)
        try:
            yield from _search.rows(self.db, q, f, articles, None, 0)
        except sqlite3.OperationalError as err:
            raise CorpusError(f"query {query!r}: {err}") from err

    def statements(self, speaker=None, **kw) -> list[dict]:
        return self.search(kw.pop("query", ""), speaker=speaker, **kw).rows

    # ------------------------------------------------------------------ records
    def article(self, article_id: str) -> dict | None:
        row = self.db.execute("SELECT record, story_id, text FROM articles WHERE article_id=?",
                              (article_id,)).fetchone()
        if row is None:
            return None
        record = unpack(row[0], row[2])
        record["article_id"] = article_id
        record["story_id"] = row[1]
        return record

    def story(self, story_id: str) -> dict | None:
        cur = self.db.execute(
            "SELECT article_id, outlet, url, published, title FROM articles WHERE story_id=? "
            "ORDER BY published IS NULL, published, article_id", (story_id,))
        names = [d[0] for d in cur.description]
        copies = [dict(zip(names, r)) for r in cur]
        return {"story_id": story_id, "copies": copies} if copies else None

    def stories(self, min_copies: int = 2, limit: int = 50) -> list[dict]:
        cur = self.db.execute("SELECT story_id FROM stories WHERE copies >= ? ORDER BY copies "
                              "DESC, story_id LIMIT ?", (min_copies, limit))
        return [self.story(r[0]) for r in cur.fetchall()]

    def speakers(self, query: str | None = None, entity=None, since=None, until=None,
                 limit: int = 50) -> list[dict]:
        """Who is quoted most (each statement once across a story's copies)."""
        _, f = self._filters(query or "", speaker=None, entity=entity, outlet=None,
                             since=since, until=until, kind=None, exact=False,
                             articles=False, collapse=True)
        cur = self.db.execute(
            f"SELECT coalesce(n.entity_key, 'unknown') AS k, e.name, e.type, count(*) AS c, "
            f"count(DISTINCT s.outlet) FROM statements s "
            f"JOIN articles a ON a.article_id = s.article_id {_search._JOIN_NAMES} "
            f"WHERE {f.sql} GROUP BY k ORDER BY c DESC, k LIMIT ?", [*f.args, limit])
        return [{"key": k, "name": name or "unknown", "kind": KIND.get(typ or "UNKNOWN", "unknown"),
                 "statements": c, "outlets": o} for k, name, typ, c, o in cur]

    def _entity_row(self, key: str) -> tuple[str, str, str] | None:
        row = self.db.execute("SELECT entity_key, name, type FROM entities WHERE entity_key=?",
                              (key,)).fetchone()
        if row is None:
            keys = _search.entity_keys(self.db, key)
            if len(keys) >= 1:
                row = self.db.execute("SELECT entity_key, name, type FROM entities WHERE "
                                      "entity_key=?", (keys[0],)).fetchone()
        return row

    def _variants(self, key: str) -> list[tuple[str, int]]:
        return [tuple(r) for r in self.db.execute(
            "SELECT v.variant, sum(v.n) AS k FROM name_variants v JOIN names n ON "
            "n.name_key = v.name_key WHERE n.entity_key=? GROUP BY v.variant ORDER BY k DESC, "
            "v.variant", (key,))]

    def speaker(self, key: str, limit: int = 50) -> dict | None:
        row = self._entity_row(key)
        if row is None:
            return None
        key, name, typ = row
        own = "s.statement_id = s.primary_id AND s.name_key IN (SELECT name_key FROM names " \
              "WHERE entity_key = ?)"

        def pairs(sql: str) -> list[tuple]:
            return [tuple(r) for r in self.db.execute(sql, (key,))]

        return {
            "key": key, "name": name, "kind": KIND.get(typ, "unknown"),
            "variants": self._variants(key),
            "statements": self.search(speaker=key, limit=limit).rows,
            "per_month": pairs(f"SELECT substr(s.published, 1, 7) AS m, count(*) FROM "
                               f"statements s WHERE {own} AND s.published IS NOT NULL "
                               f"GROUP BY m ORDER BY m"),
            "entities": pairs(
                f"SELECT n.entity_key, e.name, count(DISTINCT s.statement_id) AS k FROM "
                f"statements s JOIN mentions m ON m.article_id = s.article_id AND m.start >= "
                f"s.start AND m.\"end\" <= s.\"end\" JOIN names n ON n.name_key = m.name_key "
                f"JOIN entities e ON e.entity_key = n.entity_key WHERE {own} "
                f"GROUP BY n.entity_key ORDER BY k DESC, 2 LIMIT 20"),
            "outlets": pairs(f"SELECT coalesce(s.outlet, ''), count(*) AS k FROM statements s "
                             f"WHERE {own} GROUP BY s.outlet ORDER BY k DESC, 1"),
            "media": pairs(f"SELECT s.medium, count(*) AS k FROM statements s WHERE {own} AND "
                           f"s.medium IS NOT NULL GROUP BY s.medium ORDER BY k DESC, 1"),
        }

    def entity(self, key: str, limit: int = 50) -> dict | None:
        row = self._entity_row(key)
        if row is None:
            return None
        key, name, typ = row
        cur = self.db.execute(
            "SELECT a.article_id, a.title, a.outlet, a.url, a.published, count(*) AS mentions "
            "FROM mentions m JOIN articles a ON a.article_id = m.article_id WHERE m.name_key IN "
            "(SELECT name_key FROM names WHERE entity_key=?) GROUP BY a.article_id "
            "ORDER BY a.published IS NULL, a.published DESC, a.article_id LIMIT ?", (key, limit))
        names = [d[0] for d in cur.description]
        return {"key": key, "name": name, "type": typ, "variants": self._variants(key),
                "articles": [dict(zip(names, r)) for r in cur],
                "statements": self.search(speaker=key, limit=limit).rows}

    # ------------------------------------------------------------------ events
    def _event_filters(self, **kw):
        from khabar.corpus.events import EventFilters

        try:
            return EventFilters(self.db, **kw)
        except _search.QueryError as err:
            raise CorpusError(str(err)) from err

    def events(self, type=None, place=None, country=None, since=None, until=None, actor=None,
               status=None, verbal=False, collapse=True, limit: int | None = 20,
               cursor: str | None = None) -> SearchResult:
        """Coded events, latest first (by the first day of their date, undated last), with
        offsets and article ids. `type` is a PLOVER type (or several, comma-separated);
        `place` a place name or corpus id; `country` an ISO code; `since`/`until` select
        the events whose date (a day, week, month or year; the publication day when the
        event has none) overlaps that range, never an undated one (a duration); `verbal`
        adds the verbal acts of statements; `collapse` counts a story's copies once.
        `limit=None` gives every row; `cursor` is the `next` of the page before."""
        from khabar.corpus import events as _events

        f = self._event_filters(type=type, place=place, country=country, since=since,
                                until=until, actor=actor, status=status, verbal=verbal,
                                collapse=collapse)
        try:
            got, after = _events.page(self.db, f, limit, cursor)
        except _search.QueryError as err:
            raise CorpusError(str(err)) from err
        for row in got:
            row["mentions"] = _events.mentions(self.db, row["event_id"]) \
                if row["n_mentions"] else []
        return SearchResult(got, after)

    def iter_events(self, **kw) -> Iterator[dict]:
        """Every matching event, streamed (CSV and JSON Lines output of any size)."""
        from khabar.corpus import events as _events

        yield from _events.rows(self.db, self._event_filters(**kw), None)

    def event_counts(self, type=None, place=None, country=None, since=None, until=None,
                     actor=None, status=None, verbal=False, collapse=True,
                     limit: int = 50) -> dict[str, list]:
        """Events per type, per place (`limit` places) and per month, for the same filters
        as `events`."""
        from khabar.corpus import events as _events

        f = self._event_filters(type=type, place=place, country=country, since=since,
                                until=until, actor=actor, status=status, verbal=verbal,
                                collapse=collapse)
        return _events.counts(self.db, f, limit)

    def stats(self) -> dict[str, Any]:
        out: dict[str, Any] = {t: self.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                               for t in TABLES}
        out["stories_with_copies"] = self.db.execute(
            "SELECT count(*) FROM stories WHERE copies > 1").fetchone()[0]
        out["input_errors"] = self.db.execute(
            "SELECT count(*) FROM inputs WHERE status='error'").fetchone()[0]
        return out


def _keyset(key: tuple[str | None, int]) -> str:
    """A search cursor: the last row's seq and publication date ('k' marks the kind)."""
    published, seq = key
    return f"k{seq}" if published is None else f"k{seq}:{published}"


def _search_cursor(cursor: str | None) -> tuple[int, tuple[str | None, int] | None]:
    """(offset, keyset) of a search cursor: a keyset cursor of `_keyset`, or a plain
    offset (what earlier versions handed out)."""
    if cursor and cursor.startswith("k"):
        seq, _, published = cursor[1:].partition(":")
        if seq.isdigit():
            return 0, (published if _ else None, int(seq))
        raise CorpusError(f"cursor {cursor!r}: pass back the `next` value of an earlier "
                          f"result")
    return _cursor(cursor), None


def _cursor(cursor: str | None) -> int:
    if not cursor:
        return 0
    try:
        value = int(cursor)
        if value < 0:
            raise ValueError
        return value
    except ValueError:
        raise CorpusError(f"cursor {cursor!r}: pass back the `next` value of an earlier "
                          f"result") from None
