"""Throughput of the NER tagger on one core: CoNLL tagging and the article stage.

    python benchmarks/ner_speed.py [--conll FILE] [--articles DIR] [--repeat N]

Prints tokens per second for `tag_conll` (features + both CRF passes, ANERcorp test by
default) and for `khabar.ner.annotate` on segmented articles (tagging, rules, grouping).
Model loading is timed apart: it happens once per process.
"""
from __future__ import annotations

import argparse
import io
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"


def _articles(folder: Path, limit: int):
    """The folder's articles through the project's own ingest and the stages before NER."""
    from khabar.ingest import read_path
    from khabar.pipeline import Pipeline

    before = Pipeline(skip=("time", "entities", "quotes", "link"))
    out = []
    for path in sorted(folder.iterdir())[:limit]:
        out.extend(before.run(a) for a in read_path(path) if not a.failed)
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--conll", type=Path, default=SHARED / "data/ner/anercorp/test.txt")
    ap.add_argument("--articles", type=Path, default=SHARED / "data/corpus")
    ap.add_argument("--limit", type=int, default=250)
    ap.add_argument("--repeat", type=int, default=2)
    args = ap.parse_args(argv)

    t0 = time.perf_counter()
    import khabar.ner as ner
    from khabar.ner import tagger

    tagger.default()
    print(f"model load          {time.perf_counter() - t0:.2f} s")

    src = args.conll.read_text(encoding="utf-8")
    best = 0.0
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        n = ner.tag_conll(io.StringIO(src), io.StringIO())
        best = max(best, n / (time.perf_counter() - t0))
    print(f"tag_conll           {best:,.0f} tokens/s  ({n:,} tokens, {args.conll.name})")

    if args.articles.is_dir():
        best = 0.0
        for _ in range(args.repeat):
            arts = _articles(args.articles, args.limit)
            toks = sum(len(a.spans("tokens")) for a in arts)
            t0 = time.perf_counter()
            for a in arts:
                ner.annotate(a)
            dt = time.perf_counter() - t0
            best = max(best, toks / dt)
        print(f"annotate (articles) {best:,.0f} tokens/s  ({len(arts)} articles, "
              f"{len(arts) / dt:,.0f} articles/s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
