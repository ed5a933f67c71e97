"""Throughput of the NER tagger on one core: CoNLL tagging and the article stage.

    python benchmarks/ner_speed.py [--conll FILE] [--articles DIR] [--repeat N]

Prints tokens per second for `tag_conll` (features + both CRF passes, ANERcorp test by
default) and for `khabar.ner.annotate` on segmented articles (tagging, rules, grouping).
Model loading is timed apart: it happens once per process.
"""
from __future__ import annotations

import argparse
import io
import json
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"


def _articles(folder: Path, limit: int):
    from khabar.document import Article
    from khabar.segment import segment

    out = []
    for p in sorted(folder.iterdir())[:limit]:
        if p.suffix == ".json":
            rec = json.loads(p.read_text(encoding="utf-8"))
            text = (rec.get("title") or "") + "\n\n" + (rec.get("text") or "")
        elif p.suffix == ".txt":
            text = p.read_text(encoding="utf-8", errors="replace")
        else:
            continue
        a = Article(text)
        a.add("body", 0, len(text), "body")
        segment(a)
        out.append(a)
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
        from khabar.document import Article  # noqa: F401  (import cost outside the timing)

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
