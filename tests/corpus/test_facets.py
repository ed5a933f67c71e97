"""Search facets on real SQLite files: on made-up corpora (statements, name keys, speakers,
outlets and dates drawn at random, written straight into the store's tables) every facet
equals a count made by brute force in Python, under each filter; the covering index is
made on open and used by a date-range facet query."""
from __future__ import annotations

import random
import sqlite3

import pytest

from khabar.corpus import Corpus
from khabar.corpus import search
from khabar.corpus.folding import index_text

WORDS = ["زيتون", "مطر", "جسر", "قمح", "نهر", "سحاب"]
OUTLETS = ["وكالة الشمال", "صحيفة الساحل", "إذاعة الوادي", None]
KINDS = ["direct", "indirect", "mixed"]


def made_up(path, seed: int, n: int = 400) -> list[dict]:
    """A corpus of `n` statements; returns the rows as written."""
    rnd = random.Random(seed)
    entities = [f"PER:شخص {i}" for i in range(25)]
    name_keys = [f"PER:اسم {i}" for i in range(60)]
    owner = {k: rnd.choice(entities) for k in name_keys[:50]}  # 10 keys without a names row
    rows = []
    with Corpus(path) as c:
        db = c.db
        db.execute("BEGIN")
        db.executemany("INSERT INTO names (name_key, type, entity_key) VALUES (?, 'PER', ?)",
                       owner.items())
        # some entities have no display row: they show as 'unknown'
        db.executemany("INSERT INTO entities (entity_key, type, name) VALUES (?, 'PER', ?)",
                       [(e, f"الاسم {i}") for i, e in enumerate(entities) if i % 7])
        for seq in range(1, n + 1):
            words = rnd.sample(WORDS, rnd.randint(1, 3))
            month = rnd.choice(["2024-01", "2024-02", "2024-03", "2023-12"])
            published = None if rnd.random() < 0.1 else f"{month}-{rnd.randint(1, 28):02d}"
            sid = f"{seq:016x}-0001"
            row = {"seq": seq, "statement_id": sid, "words": words,
                   "published": published, "outlet": rnd.choice(OUTLETS),
                   "kind": rnd.choice(KINDS),
                   "name_key": None if rnd.random() < 0.05 else rnd.choice(name_keys),
                   # a quarter are copies of an earlier statement
                   "primary_id": sid if rnd.random() < 0.75 or seq == 1
                   else f"{rnd.randint(1, seq - 1):016x}-0001"}
            rows.append(row)
            content = " ".join(words)
            db.execute("INSERT INTO statements (seq, statement_id, article_id, published, "
                       "outlet, kind, content, name_key, primary_id) VALUES "
                       "(?, ?, ?, ?, ?, ?, ?, ?, ?)",
                       (seq, sid, f"{seq:016x}", published, row["outlet"], row["kind"],
                        content, row["name_key"], row["primary_id"]))
            db.execute("INSERT INTO articles (seq, article_id, outlet, published, text, first) "
                       "VALUES (?, ?, ?, ?, ?, 1)",
                       (seq, f"{seq:016x}", row["outlet"], published, content))
            db.execute("INSERT INTO statements_fts (rowid, content, speaker) VALUES (?, ?, '')",
                       (seq, index_text(content)))
        db.execute("COMMIT")
    for r in rows:
        r["entity"] = owner.get(r["name_key"], "unknown") if r["name_key"] else "unknown"
    return rows


def brute_force(path, rows: list[dict], *, word=None, outlet=None, since=None, until=None,
                kind=None, collapse=True, top=10) -> dict[str, list]:
    def keep(r):
        return ((word is None or word in r["words"])
                and (outlet is None or r["outlet"] == outlet)
                and (since is None or (r["published"] is not None and r["published"] >= since))
                and (until is None or (r["published"] is not None and r["published"] <= until))
                and (kind is None or r["kind"] == kind)
                and (not collapse or r["statement_id"] == r["primary_id"]))

    hits = [r for r in rows if keep(r)]

    def counted(keys):
        out: dict = {}
        for k in keys:
            out[k] = out.get(k, 0) + 1
        return out

    with sqlite3.connect(path) as db:
        display = dict(db.execute("SELECT entity_key, name FROM entities"))
    speakers = sorted(counted(r["entity"] for r in hits).items(), key=lambda kv: (-kv[1], kv[0]))
    outlets = sorted(counted(r["outlet"] or "" for r in hits).items(),
                     key=lambda kv: (-kv[1], kv[0]))
    months = sorted(counted(r["published"][:7] for r in hits if r["published"]).items())
    return {"speaker": [(display.get(k, "unknown"), n) for k, n in speakers[:top]],
            "outlet": outlets[:top], "month": months}


FILTERS = [
    {},
    {"word": "زيتون"},
    {"word": "قمح", "collapse": False},
    {"since": "2024-01-01", "until": "2024-02-15"},
    {"since": "2024-02-01", "until": "2024-02-29", "collapse": False},
    {"outlet": "صحيفة الساحل"},
    {"kind": "direct", "word": "نهر"},
    {"word": "مطر", "since": "2024-01-10"},
    {"word": "سحاب", "outlet": "وكالة الشمال", "kind": "mixed"},
]


@pytest.fixture(scope="module", params=[3, 11, 29])
def corpus(request, tmp_path_factory):
    path = tmp_path_factory.mktemp("facets") / f"c{request.param}.db"
    return path, made_up(path, request.param)


@pytest.mark.parametrize("flt", FILTERS, ids=lambda f: ",".join(f"{k}={v}" for k, v in f.items())
                         or "all")
def test_facets_equal_a_brute_force_count(corpus, flt):
    path, rows = corpus
    expected = brute_force(path, rows, **flt)
    kw = {k: v for k, v in flt.items() if k != "word"}
    with Corpus(path, readonly=True) as c:
        got = c.search(flt.get("word", ""), facets=True, limit=1, **kw).facets
    assert got == expected
    assert sum(n for _, n in got["outlet"]) <= len(rows)


def test_a_corpus_without_the_covering_index_gains_it_on_open(tmp_path):
    path = tmp_path / "old.db"
    rows = made_up(path, 5, n=60)
    with sqlite3.connect(path) as db:  # a corpus of this version made before the index
        db.execute("DROP INDEX statements_facets")
    with Corpus(path, readonly=True) as c:  # read-only: answers by the indexes it has
        assert c.search("", facets=True).facets == brute_force(path, rows)
    with Corpus(path) as c:
        assert c.db.execute("SELECT 1 FROM sqlite_master WHERE name='statements_facets'"
                            ).fetchone()
        assert c.search("", facets=True).facets == brute_force(path, rows)


def test_a_date_range_facet_query_reads_the_covering_index(tmp_path):
    path = tmp_path / "c.db"
    made_up(path, 7, n=50)
    with Corpus(path, readonly=True) as c:
        f = search.Filters(c.db, search.parse(""), speaker=None, entity=None, outlet=None,
                           since="2024-01", until="2024-02", kind=None, exact=False,
                           articles=False, collapse=True)
        sql = search.FACET_SQL.format(speaker="s.name_key", s="s", table="statements",
                                      where=f.sql, speakers="")
        plan = " ".join(r[3] for r in c.db.execute("EXPLAIN QUERY PLAN " + sql,
                                                   [*f.args, 10, 10]))
    assert "COVERING INDEX statements_facets" in plan
