"""Throughput and memory of the pipeline on real articles, stage sets side by side.

    python benchmarks/throughput.py [--corpus ../shared/data/corpus] [--n 5000]

The default run (5000 articles per row, five rows) takes many minutes on one core: about
N x (sum of the rows' ms/article), announced before it starts; `--n 200` gives a quick look.

Reads the corpus once (ingest is timed separately), repeats it to N articles and runs each
stage set over all of them in this one process, one core. Prints articles/s per stage set,
the resident memory after 20% and after 100% of the articles (flat means no growth with N),
and the peak. Run on a quiet machine; compare rows of one run, not runs of different days.
"""
from __future__ import annotations

import argparse
import gc
import resource
import time
from pathlib import Path

from khabar.document import Article
from khabar.ingest import read_path
from khabar.pipeline import Pipeline

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "data" / "corpus"

# cumulative stage sets: what each row adds to the one before (skipped stages, options);
# the last row is the full pipeline with the other entity tagger
STAGE_SETS = {
    "foundation (furniture, language, segment)": (("time", "entities", "quotes", "link",
                                                   "events"), None),
    "+ time": (("entities", "quotes", "link", "events"), None),
    "+ quotes": (("entities", "link", "events"), None),
    "+ entities, link (no events)": (("events",), None),
    "+ events (full pipeline)": ((), None),
    "full pipeline, --ner ensemble": ((), {"entities": {"mode": "ensemble"}}),
}


# a full-pipeline article's cost on this project's reference machine, for the warning
_MS_GUESS = 30


def rss_mb() -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def load(corpus: Path) -> tuple[list[tuple[str, dict, dict]], float, int]:
    t0 = time.perf_counter()
    templates = []
    nbytes = 0
    for path in sorted(corpus.iterdir()):
        if path.suffix not in (".txt", ".json", ".jsonl", ".html", ".csv"):
            continue
        for art in read_path(str(path)):
            if not art.failed:
                templates.append((art.text, art.source, art.given))
                nbytes += len(art.text.encode("utf-8"))
    return templates, time.perf_counter() - t0, nbytes


def run(templates, n: int, skip: tuple[str, ...], options: dict | None = None) -> dict:
    pipe = Pipeline(skip=skip, options=options)
    pipe.run(Article(*templates[0]))  # warm-up: lazy models and matchers load here
    gc.collect()
    rss_start = rss_mb()
    rss_20 = None
    t0 = time.perf_counter()
    for i in range(n):
        text, source, given = templates[i % len(templates)]
        pipe.run(Article(text, source, given))
        if i + 1 == max(1, n // 5):
            rss_20 = rss_mb()
    elapsed = time.perf_counter() - t0
    return {"rate": n / elapsed, "ms": 1000 * elapsed / n, "rss_start": rss_start,
            "rss_20": rss_20, "rss_end": rss_mb()}


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                 epilog="The default run takes many minutes on one core; "
                                        "--n 200 gives a quick look.")
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--n", type=int, default=5000)
    ap.add_argument("--only", choices=list(STAGE_SETS), default=None)
    args = ap.parse_args(argv)
    templates, load_s, nbytes = load(args.corpus)
    print(f"corpus: {len(templates)} articles, {nbytes / 1e6:.1f} MB UTF-8, read and decoded in "
          f"{load_s:.2f} s ({len(templates) / load_s:.0f} articles/s)")
    rows = 1 if args.only else len(STAGE_SETS)
    print(f"running {args.n} articles per row x {rows} rows, one process, one core: "
          f"expect {args.n * rows * _MS_GUESS / 60000:.1f} minutes or more "
          f"({_MS_GUESS} ms/article; --n sets the size)\n", flush=True)
    print(f"{'stages':44s} {'articles/s':>11s} {'ms/article':>11s} {'RSS@20%':>9s} "
          f"{'RSS@100%':>9s}")
    for name, (skip, options) in STAGE_SETS.items():
        if args.only and name != args.only:
            continue
        r = run(templates, args.n, skip, options)
        print(f"{name:44s} {r['rate']:11.0f} {r['ms']:11.2f} {r['rss_20']:8.0f}M "
              f"{r['rss_end']:8.0f}M")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\npeak resident memory of the whole run: {peak:.0f} MB")


if __name__ == "__main__":
    main()
