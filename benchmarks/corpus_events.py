"""The corpus's event queries: `Corpus.events(limit=20)` and `Corpus.event_counts()`,
unfiltered and filtered, p50/p95 in ms, beside the queries of schema version 2 (one
statement that joined and sorted every matching row with all its columns; counts that
joined the names of every row), run in the same process on the same database.

    python benchmarks/corpus_events.py [--db D] [--input news.jsonl.gz] [--articles N]
                                       [--repeat R] [--workers W]

The first N articles of the input are indexed into D when D does not exist yet (the
pipeline runs: about a minute per 3,000 articles on one core); later runs reuse it.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).parent))
DEFAULT_INPUT = REPO.parent / "shared" / "data" / "unlabeled" / "news.jsonl.gz"

from corpus import slice_input  # noqa: E402
from latency import p50_p95  # noqa: E402

from khabar.corpus import Corpus  # noqa: E402
from khabar.corpus.events import COLUMNS, JOINS, EventFilters  # noqa: E402
from khabar.corpus.search import check_date, day_after  # noqa: E402


# ---------------------------------------------------------------- the version-2 queries
def old_filters(db, kw: dict) -> tuple[str, list]:
    """The WHERE of version 2: today's filters, but dates compared as strings on `day`."""
    f = EventFilters(db, **{k: v for k, v in kw.items() if k not in ("since", "until")})
    sql, args = f.sql, list(f.args)
    since, until = check_date(kw.get("since"), "since"), check_date(kw.get("until"), "until")
    if since:
        sql += " AND e.day >= ?"
        args.append(since)
    if until:
        sql += " AND e.day < ?"
        args.append(day_after(until))
    return sql, args


def old_rows(db, kw: dict, limit: int = 20) -> list:
    sql, args = old_filters(db, kw)
    return db.execute(f"SELECT {COLUMNS} FROM events e {JOINS} WHERE {sql} ORDER BY "
                      f"e.day IS NULL, e.day DESC, e.seq LIMIT {limit + 1}", args).fetchall()


def old_counts(db, kw: dict, limit: int = 50) -> dict:
    sql, args = old_filters(db, kw)
    base = f"FROM events e {JOINS} WHERE {sql}"
    return {
        "type": db.execute(f"SELECT e.type, count(*) AS k {base} GROUP BY e.type ORDER BY k "
                           f"DESC, e.type", args).fetchall(),
        "place": db.execute(
            f"SELECT coalesce(np.entity_key, e.place_fold) AS pk, coalesce((SELECT name FROM "
            f"entities WHERE entity_key = np.entity_key), min(e.place)), max(e.country), "
            f"max(e.admin_level), count(*) AS k {base} AND e.place IS NOT NULL GROUP BY pk "
            f"ORDER BY k DESC, pk LIMIT ?", [*args, limit]).fetchall(),
        "month": db.execute(f"SELECT substr(e.day, 1, 7) AS m, count(*) {base} AND e.day IS "
                            f"NOT NULL GROUP BY m ORDER BY m", args).fetchall()}


# ---------------------------------------------------------------- measuring
def timed(fns: list, repeat: int) -> list[tuple[float, float]]:
    """p50 and p95 in ms of each function, run in turn (the old and the new query side by
    side, so the shared machine's load weighs on both alike)."""
    for fn in fns:
        fn()  # warm the page cache and the statement cache
    times: list[list[float]] = [[] for _ in fns]
    for _ in range(repeat):
        for fn, got in zip(fns, times):
            t = time.perf_counter()
            fn()
            got.append((time.perf_counter() - t) * 1000)
    return [p50_p95(got) for got in times]


def build(db: str, src: str, n: int, workers: int) -> None:
    sliced = slice_input(Path(src), 1, n, tempfile.gettempdir())
    t = time.perf_counter()
    with Corpus(db) as c:
        summary = c.add([str(sliced)], workers=workers)
    print(f"indexed {summary.new} articles, {summary.events} events in "
          f"{time.perf_counter() - t:.0f} s", file=sys.stderr)


def cases(c: Corpus) -> list[tuple[str, dict]]:
    """Filters taken from the corpus itself: its most frequent type, country and month."""
    db = c.db
    typ = db.execute("SELECT type FROM events WHERE from_statement=0 GROUP BY type "
                     "ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
    country = db.execute("SELECT country FROM events WHERE country IS NOT NULL GROUP BY "
                         "country ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
    month = db.execute("SELECT period FROM events WHERE period LIKE '____-__' GROUP BY "
                       "period ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
    year = month[:4]
    return [("unfiltered", {}), (f"type={typ}", {"type": typ}),
            (f"country={country}", {"country": country}),
            (f"since=until={month}", {"since": month, "until": month}),
            (f"since={year}", {"since": year}),
            ("type+country+year", {"type": typ, "country": country, "since": year,
                                    "until": year}),
            ("verbal, all copies", {"verbal": True, "collapse": False})]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", default=os.path.join(tempfile.gettempdir(),
                                                 "khabar-events-bench.db"))
    ap.add_argument("--input", default=str(DEFAULT_INPUT))
    ap.add_argument("--articles", type=int, default=3000)
    ap.add_argument("--repeat", type=int, default=30)
    ap.add_argument("--workers", type=int, default=1)
    a = ap.parse_args()
    if not os.path.exists(a.db):
        build(a.db, a.input, a.articles, a.workers)
    with Corpus(a.db, readonly=True) as c:
        st = c.stats()
        print(f"{st['articles']} articles, {st['events']} events ({a.db}); ms, p50 / p95 "
              f"over {a.repeat} runs")
        print(f"{'query':<34} {'events(limit=20) v2':>20} {'now':>14} {'x':>6}   "
              f"{'event_counts() v2':>18} {'now':>14} {'x':>6}")
        for name, kw in cases(c):
            r_old, r_new, c_old, c_new = timed([
                lambda kw=kw: old_rows(c.db, kw), lambda kw=kw: c.events(limit=20, **kw),
                lambda kw=kw: old_counts(c.db, kw), lambda kw=kw: c.event_counts(**kw)],
                a.repeat)
            print(f"{name:<34} {r_old[0]:>9.2f} / {r_old[1]:>7.2f} {r_new[0]:>6.2f} / "
                  f"{r_new[1]:>6.2f} {r_old[0] / r_new[0]:>6.1f}   {c_old[0]:>8.1f} / "
                  f"{c_old[1]:>7.1f} {c_new[0]:>6.1f} / {c_new[1]:>6.1f} "
                  f"{c_old[0] / c_new[0]:>6.1f}")
        first = c.events(limit=20)
        r_page, r_offset = timed([lambda: c.events(limit=20, cursor=first.next),
                                  lambda: old_rows(c.db, {}, 40)], a.repeat)
        print(f"{'page 2 (v2: offset; now: keyset)':<34} {r_offset[0]:>9.2f} / "
              f"{r_offset[1]:>7.2f} {r_page[0]:>6.2f} / {r_page[1]:>6.2f} "
              f"{r_offset[0] / r_page[0]:>6.1f}")


if __name__ == "__main__":
    main()
