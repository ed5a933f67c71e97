"""Throughput of the NER tagger on one core: CoNLL tagging and the article stage.

    python benchmarks/ner_speed.py [--conll FILE] [--articles DIR] [--repeat N]

Prints tokens per second, for each tagger mode side by side in one run, for `tag_conll`
(ANERcorp test by default) and for `khabar.ner.annotate` on segmented articles (tagging,
rules, grouping). Rates are CPU time of this process, which a busy machine disturbs less
than wall time. Model loading is timed apart: it happens once per process.
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

    import khabar.ner as ner
    from khabar.ner import tagger

    src = args.conll.read_text(encoding="utf-8")
    arts = _articles(args.articles, args.limit) if args.articles.is_dir() else []
    toks = sum(len(a.spans("tokens")) for a in arts)
    for mode in ner.MODES:
        t0 = time.perf_counter()
        tagger.default(mode)
        print(f"[{mode}] model load          {time.perf_counter() - t0:.2f} s")
        # the first run tags with cold caches, as a new process does; later runs are warm
        for run in range(args.repeat):
            t0 = time.process_time()
            n = ner.tag_conll(io.StringIO(src), io.StringIO(), mode)
            dt = time.process_time() - t0
            print(f"[{mode}] tag_conll, run {run + 1}   {n / dt:,.0f} tokens/s  "
                  f"({n:,} tokens, {args.conll.name}, CPU time)")
        if arts:
            for a in arts:
                a.layers.pop("mentions", None)
            t0 = time.process_time()
            for a in arts:
                ner.annotate(a, mode)
            dt = time.process_time() - t0
            print(f"[{mode}] annotate (articles) {toks / dt:,.0f} tokens/s  ({len(arts)} "
                  f"articles, {len(arts) / dt:,.0f} articles/s, CPU time)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
