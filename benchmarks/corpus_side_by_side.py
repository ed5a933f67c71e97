"""Search latency before and after a change of khabar/corpus/search.py, side by side in one
process over the fixed queries of corpus_queries.tsv: rounds alternate (before, after,
after, before...) so a change of load on a shared machine falls on both; round 0 warms
the page cache and is not counted; each query's figure is its median over the rounds.
Facets of the two sides are compared on every facet query.

    git show main:khabar/corpus/search.py > /tmp/search_before.py
    cp full.db before.db   # and e.g. drop a new index from it: sqlite3 before.db 'DROP INDEX ...'
    python benchmarks/corpus_side_by_side.py --before-db before.db --before-search \\
        /tmp/search_before.py --after-db full.db [--rounds 4]
"""
from __future__ import annotations

import argparse
import importlib.util
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).parent))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--before-db", required=True)
    ap.add_argument("--before-search", required=True, help="the old search.py")
    ap.add_argument("--after-db", required=True)
    ap.add_argument("--rounds", type=int, default=4)
    args = ap.parse_args()

    from corpus import read_queries
    from latency import p50_p95

    from khabar.corpus import Corpus, api
    from khabar.corpus import search as new

    spec = importlib.util.spec_from_file_location("search_before", args.before_search)
    assert spec and spec.loader
    old = importlib.util.module_from_spec(spec)
    sys.modules["search_before"] = old
    spec.loader.exec_module(old)

    queries = read_queries()
    sides = {"before": (old, Corpus(args.before_db, readonly=True)),
             "after": (new, Corpus(args.after_db, readonly=True))}
    times: dict[str, list[list[float]]] = {k: [[] for _ in queries] for k in sides}
    facets: dict[str, dict[int, dict]] = {k: {} for k in sides}
    for rnd in range(args.rounds):
        order = list(sides) if rnd % 2 == 0 else list(sides)[::-1]
        for name in order:
            module, corpus = sides[name]
            api._search = module  # Corpus.search calls the module through this name
            for i, (q, o) in enumerate(queries):
                t = time.perf_counter()
                result = corpus.search(q, **o)
                if rnd:
                    times[name][i].append((time.perf_counter() - t) * 1000)
                if o.get("facets"):
                    facets[name][i] = result.facets
    api._search = new
    differ = [queries[i] for i in facets["after"] if facets["before"][i] != facets["after"][i]]
    print(f"facets identical on {len(facets['after']) - len(differ)} of {len(facets['after'])} "
          f"facet queries" + "".join(f"\n  DIFFERENT: {q!r} {o}" for q, o in differ))
    med = {name: [statistics.median(x) for x in times[name]] for name in sides}
    for name in sides:
        p50, p95 = p50_p95(med[name])
        print(f"{name:>6}: p50 {p50:.1f} ms, p95 {p95:.1f} ms, max {max(med[name]):.1f} ms "
              f"(median of {args.rounds - 1} rounds per query)")
    for i in sorted(range(len(queries)), key=lambda i: -med["before"][i])[:10]:
        print(f"  {med['before'][i]:7.1f} -> {med['after'][i]:7.1f} ms  {queries[i][0]!r} "
              f"{queries[i][1]}")


if __name__ == "__main__":
    main()
