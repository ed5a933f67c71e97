"""Search over the store: an Arabic-aware query (folded and clitic-separated like the
index), filters, collapsed duplicates, marked snippets and facets.

Query syntax: words (all must occur), "quoted phrases", AND, OR, NOT and parentheses.
Each word is folded to its search terms (khabar.corpus.folding) and the FTS5 query is
built from quoted terms only, so no user text reaches FTS5's syntax unescaped.
"""
from __future__ import annotations

import datetime as dt
import re
import sqlite3
from dataclasses import dataclass, field
from typing import Any, Iterator

from khabar.corpus.folding import terms, word_terms
from khabar.corpus.speakers import fold_key, skeleton, strip_titles

SNIPPET = 240
_TOKEN = re.compile(r'"([^"]*)"|(\()|(\))|([^\s()"]+)')
_OPERATORS = {"AND", "OR", "NOT"}


class QueryError(ValueError):
    pass


@dataclass
class Query:
    fts: str = ""                                   # the FTS5 MATCH expression
    positive: list[list[str]] = field(default_factory=list)  # term sequences to mark
    literal: list[str] = field(default_factory=list)  # words/phrases as typed (for --exact)


def parse(text: str) -> Query:
    q = Query()
    parts: list[str] = []
    negate = False
    depth = 0
    for m in _TOKEN.finditer(text or ""):
        phrase, lpar, rpar, word = m.groups()
        if lpar:
            if parts and parts[-1] not in ("AND", "OR", "NOT", "("):
                parts.append("AND")
            parts.append("(")
            depth += 1
            continue
        if rpar:
            if depth > 0:  # an unmatched «)» is dropped
                while parts and parts[-1] in _OPERATORS:
                    parts.pop()
                if parts and parts[-1] == "(":
                    parts.pop()
                else:
                    parts.append(")")
                depth -= 1
            continue
        if word is not None and word.upper() in _OPERATORS:
            op = word.upper()
            parts.append(op)
            negate = op == "NOT"
            continue
        raw = phrase if phrase is not None else word
        seq = [t for w in raw.split() for t in word_terms(w)]
        if not seq:
            continue
        if parts and parts[-1] not in ("AND", "OR", "NOT", "("):
            parts.append("AND")
        parts.append('"' + " ".join(seq) + '"')
        if not negate:
            q.positive.append(seq)
            q.literal.append(raw.strip())
        negate = False
    while parts and parts[-1] in (*_OPERATORS, "("):
        if parts.pop() == "(":
            depth -= 1
    parts.extend(")" * depth)  # an unclosed «(» is closed
    while parts and parts[0] in ("AND", "OR"):
        parts.pop(0)
    if parts and parts[0] == "NOT":
        raise QueryError("a query cannot start with NOT: write what to find first "
                         "(«الحكومة NOT الوزير»)")
    q.fts = " ".join(parts)
    return q


def marks(text: str, query: Query) -> list[list[int]]:
    """[start, end] offsets in `text` of the words that make up the query's terms and phrases."""
    if not query.positive:
        return []
    words = list(terms(text))
    found: set[tuple[int, int]] = set()
    for seq in query.positive:
        n = len(seq)
        for i in range(len(words) - n + 1):
            if all(words[i + k].term == seq[k] for k in range(n)):
                found.update((w.start, w.end) for w in words[i:i + n])
    return [list(x) for x in sorted(found)]


def snippet_for(text: str, query: Query, width: int = SNIPPET) -> tuple[str, list[list[int]]]:
    """A window of the text around its first match, with the matches in it marked. Only
    the words up to the first match and the window are folded, not a whole long text."""
    if len(text) <= width:
        return text, marks(text, query)
    firsts = {seq[0] for seq in query.positive}
    first = next((t.start for t in terms(text) if t.term in firsts), 0)
    start = max(0, min(first - width // 3, len(text) - width))
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    end = min(len(text), start + width)
    while end < len(text) and not text[end].isspace():
        end += 1
    pre = "…" if start > 0 else ""
    post = "…" if end < len(text) else ""
    return pre + text[start:end] + post, [[a + len(pre), b + len(pre)]
                                           for a, b in marks(text[start:end], query)]


def day_after(day: str) -> str:
    return (dt.date.fromisoformat(day) + dt.timedelta(days=1)).isoformat()


def check_date(value: str | None, option: str) -> str | None:
    """A date filter as YYYY, YYYY-MM or YYYY-MM-DD, widened to a day."""
    if value is None:
        return None
    value = str(value).strip()
    try:
        if re.fullmatch(r"\d{4}", value):
            return value + ("-01-01" if option == "since" else "-12-31")
        if re.fullmatch(r"\d{4}-\d{2}", value):
            first = dt.date.fromisoformat(value + "-01")
            if option == "since":
                return first.isoformat()
            nxt = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
            return (nxt - dt.timedelta(days=1)).isoformat()
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        pass
    raise QueryError(f"--{option} {value!r}: write a date as YYYY-MM-DD (or YYYY-MM, YYYY)")


TYPES = ("PER", "ORG", "ANON", "LOC", "MISC")


def entity_keys(db: sqlite3.Connection, name: str, types: tuple[str, ...] = TYPES
                ) -> list[str]:
    """Corpus-level ids a user's name can mean: an id itself, the name's key, or full
    names ending with a one-word name."""
    name = (name or "").strip()
    if not name:
        return []
    if db.execute("SELECT 1 FROM entities WHERE entity_key=?", (name,)).fetchone():
        return [name]
    k = fold_key(strip_titles(name))
    marks_ = ",".join("?" * len(types))
    rows = db.execute(f"SELECT DISTINCT entity_key FROM names WHERE name_key IN ({marks_})",
                      [f"{t}:{k}" for t in types]).fetchall()
    if not rows and k and " " not in k:
        rows = db.execute(f"SELECT DISTINCT entity_key FROM names WHERE type IN ({marks_}) "
                          f"AND last_word=? AND words >= 2", [*types, skeleton(k)]).fetchall()
    return sorted({r[0] for r in rows})


def name_keys(db: sqlite3.Connection, keys: list[str]) -> list[str]:
    """The name keys that resolve to these corpus-level ids."""
    if not keys:
        return []
    return [r[0] for r in db.execute(
        f"SELECT name_key FROM names WHERE entity_key IN ({','.join('?' * len(keys))}) "
        f"ORDER BY name_key", keys)]


class Filters:
    """The WHERE clause shared by results and facets."""

    def __init__(self, db, query: Query, *, speaker, entity, outlet, since, until, kind,
                 exact, articles, collapse) -> None:
        where: list[str] = []
        args: list[Any] = []
        s = "a" if articles else "s"
        if query.fts:
            table = "articles_fts" if articles else "statements_fts"
            where.append(f"{s}.seq IN (SELECT rowid FROM {table} WHERE {table} MATCH ?)")
            args.append(query.fts)
        if exact:
            for lit in query.literal:
                where.append(f"instr({'a.text' if articles else 's.content'}, ?) > 0")
                args.append(lit)
        if collapse:
            where.append("a.first = 1" if articles else "s.statement_id = s.primary_id")
        if speaker:
            # the name keys as values: the planner then reads the speaker's rows by index
            nks = name_keys(db, entity_keys(db, speaker, ("PER", "ORG", "ANON")))
            sub = ",".join("?" * len(nks)) or "NULL"
            if articles:
                where.append(f"a.article_id IN (SELECT article_id FROM statements WHERE "
                             f"name_key IN ({sub}))")
            else:
                where.append(f"s.name_key IN ({sub})")
            args.extend(nks)
        if entity:
            nks = name_keys(db, entity_keys(db, entity))
            sub = ",".join("?" * len(nks)) or "NULL"
            where.append(f"{s}.article_id IN (SELECT m.article_id FROM mentions m WHERE "
                         f"m.name_key IN ({sub}))")
            args.extend(nks)
        if outlet:
            where.append(f"{s}.outlet = ?")
            args.append(outlet)
        since = check_date(since, "since")
        until = check_date(until, "until")
        if since:
            where.append(f"{s}.published >= ?")
            args.append(since)
        if until:
            where.append(f"{s}.published < ?")
            args.append(day_after(until))
        if kind:
            if articles:
                where.append("a.article_id IN (SELECT article_id FROM statements WHERE kind=?)")
            else:
                where.append("s.kind = ?")
            args.append(kind)
        self.sql = " AND ".join(where) or "1"
        self.args = args


# first the page of hits (only the filtered table, walking the (published, seq) index
# newest first), then their columns: the joins and the copy count run for 20 rows, not all
PAGE_SQL = """
SELECT {s}.seq, {s}.published FROM {table} {s} WHERE {where}
ORDER BY {s}.published DESC, {s}.seq DESC
"""
STATEMENT_SQL = """
SELECT s.statement_id, s.article_id, coalesce(e.name, s.speaker_canonical, s.speaker_text)
       AS speaker, coalesce(n.entity_key, 'unknown') AS speaker_key, s.speaker_text, s.kind,
       s.cue, s.speech_act, s.medium, s.content, s.published, s.outlet, a.url, a.title,
       s.start, s."end", s.story_id, s.time,
       (SELECT count(*) FROM statements c WHERE c.copy_group = s.copy_group AND c.article_id
        IN (SELECT article_id FROM articles WHERE story_id = s.story_id)) AS copies
FROM statements s JOIN articles a ON a.article_id = s.article_id
LEFT JOIN names n ON n.name_key = s.name_key
LEFT JOIN entities e ON e.entity_key = n.entity_key
WHERE s.seq = ?
"""
ARTICLE_SQL = """
SELECT a.article_id, a.title, a.outlet, a.url, a.published, a.story_id, a.text,
       a.n_statements AS statements,
       (SELECT copies FROM stories st WHERE st.story_id = a.story_id) AS copies
FROM articles a WHERE a.seq = ?
"""


def rows(db, query: Query, filters: Filters, articles: bool, limit: int | None,
         offset: int = 0, after: tuple[str | None, int] | None = None,
         keys: list | None = None) -> Iterator[dict]:
    """The matching rows, newest first. `after` (published, seq) of the last row of the
    previous page starts the page after it by the index (keyset: a deep page costs what
    the first does, unlike OFFSET); `keys` gets each row's (published, seq)."""
    s, table = ("a", "articles") if articles else ("s", "statements")
    where, args = filters.sql, list(filters.args)
    if after is not None:
        published, seq = after
        # newest first, undated last (NULL sorts lowest): rows strictly after `after`
        if published is None:
            where += f" AND {s}.published IS NULL AND {s}.seq < ?"
            args.append(seq)
        else:
            where += f" AND (({s}.published, {s}.seq) < (?, ?) OR {s}.published IS NULL)"
            args += [published, seq]
    sql = PAGE_SQL.format(s=s, table=table, where=where)
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        args += [limit, offset]
    detail = ARTICLE_SQL if articles else STATEMENT_SQL
    page = db.execute(sql, args)
    while chunk := page.fetchmany(256):
        for seq, published in chunk:
            cur = db.execute(detail, (seq,))
            names = [d[0] for d in cur.description]
            row = dict(zip(names, cur.fetchone()))
            text = row.pop("text") if articles else row["content"]
            row["snippet"], row["marks"] = snippet_for(text, query)
            if keys is not None:
                keys.append((published, seq))
            yield row


def provenance(db, statement_id: str) -> list[dict]:
    """The copies of a statement, the earliest-published first (ties: by article key)."""
    cur = db.execute(
        "SELECT c.statement_id, c.article_id, c.outlet, c.published, a.url FROM statements o "
        "JOIN articles a ON a.story_id = o.story_id JOIN statements c ON c.article_id = "
        "a.article_id AND c.copy_group = o.copy_group WHERE o.statement_id = ? "
        "ORDER BY c.published IS NULL, c.published, "
        "c.article_id, c.statement_id", (statement_id,))
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r)) for r in cur]


_JOIN_NAMES = ("LEFT JOIN names n ON n.name_key = s.name_key "
               "LEFT JOIN entities e ON e.entity_key = n.entity_key")

# the filtered rows are read once (a materialized view of three short columns) and
# counted three ways inside SQLite: the rows never come up to Python one by one, and a
# speaker's name keys (counted first: fewer than the rows) meet their corpus-level ids by
# the names primary key in the same statement;
# only the top counts and the months come back
FACET_SQL = """
WITH m AS MATERIALIZED (SELECT {speaker} AS nk, {s}.outlet AS outlet,
                               substr({s}.published, 1, 7) AS month
                        FROM {table} {s} WHERE {where})
SELECT * FROM (SELECT 'speaker', CASE WHEN n.name_key IS NULL THEN 'unknown'
                                      ELSE n.entity_key END AS k, sum(g.c) AS c
               FROM (SELECT nk, count(*) AS c FROM m {speakers} GROUP BY nk) g
               LEFT JOIN names n ON n.name_key = g.nk
               GROUP BY k ORDER BY c DESC, k LIMIT ?)
UNION ALL
SELECT * FROM (SELECT 'outlet', coalesce(outlet, '') AS k, count(*) AS c FROM m
               GROUP BY k ORDER BY c DESC, k LIMIT ?)
UNION ALL
SELECT * FROM (SELECT 'month', month AS k, count(*) AS c FROM m WHERE month IS NOT NULL
               GROUP BY k ORDER BY k)
"""


def facets(db, filters: Filters, articles: bool, top: int = 10) -> dict[str, list]:
    """Counts by speaker, outlet and month over all the results (duplicates counted once
    when collapsed), exact, from one read of the filtered rows (FACET_SQL); speakers are
    counted by corpus-level id (their name keys merged)."""
    s, table = ("a", "articles") if articles else ("s", "statements")
    sql = FACET_SQL.format(speaker="NULL" if articles else "s.name_key", s=s, table=table,
                           where=filters.sql, speakers="WHERE 0" if articles else "")
    out: dict[str, list] = {"speaker": [], "outlet": [], "month": []}
    for facet, key, n in db.execute(sql, [*filters.args, top, top]):
        out[facet].append((key, n))
    best = out["speaker"]
    if best:
        names = dict(db.execute(f"SELECT entity_key, name FROM entities WHERE entity_key IN "
                                f"({','.join('?' * len(best))})", [k for k, _ in best]).fetchall())
        out["speaker"] = [(names.get(k, "unknown"), n) for k, n in best]
    return out
