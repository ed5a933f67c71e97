"""Growth of the pipeline's cost with the size of one input: is it linear?

    python benchmarks/growth.py [--article PATH] [--sizes 4K,40K,400K,4M,25M] [--stages]
    python benchmarks/growth.py --mix [--news PATH]      # many different articles

Builds inputs by repeating one article's paragraphs up to each size (UTF-8 bytes), or with
`--mix` by concatenating the paragraphs of many different articles of news.jsonl.gz, in
one shuffled order (repeated text flatters the caches of word forms; distinct text does
not), then, in
this one warm process, runs the whole default pipeline and the JSON record on each and
prints seconds, microseconds per character and the per-character cost relative to the
40 KB row. Costs are CPU seconds of this process (the machine may be shared: CPU time does
not count the time other programs took); the wall-clock seconds are shown beside them.
Linear time means a ratio near 1 at every size (the goal: at most 1.5 at 4 MB).
`--stages` adds the seconds of each stage, which points at the stage that grows.
"""
from __future__ import annotations

import argparse
import gc
import time
from pathlib import Path

from khabar.document import Article
from khabar.ingest import read_path
from khabar.pipeline import Pipeline
from khabar.record import dumps, to_record

REPO = Path(__file__).resolve().parents[1]
DEFAULT_ARTICLE = REPO.parent / "shared" / "data" / "corpus" / "002_aljazeera_20231007_29.txt"
NEWS = REPO.parent / "shared" / "data" / "unlabeled" / "news.jsonl.gz"
UNITS = {"K": 1000, "M": 1000_000}


def parse_size(s: str) -> int:
    s = s.strip().upper().removesuffix("B")
    return int(float(s[:-1]) * UNITS[s[-1]]) if s[-1] in UNITS else int(s)


def grown_text(text: str, size: int) -> str:
    """The article's first line (its title) once, then its other paragraphs over and over
    until `size` UTF-8 bytes are reached."""
    title, _, rest = text.strip().partition("\n")
    paras = [p.strip() for p in rest.split("\n") if p.strip()] or [title]
    out, n, i = [title], len(title.encode()), 0
    while n < size:
        p = paras[i % len(paras)]
        out.append(p)
        n += len(p.encode()) + 2
        i += 1
    return "\n\n".join(out)


def mixed_text(news: Path, size: int, seed: int = 11) -> str:
    """The paragraphs of many different articles of news.jsonl.gz, each article's text
    once, until `size` UTF-8 bytes are reached. The articles come in one shuffled order
    (fixed seed), the same for every size: each size is a sample of the same mix of
    outlets and styles, and a bigger one holds the smaller one as its beginning (the file's
    own order runs outlet after outlet, and sizes would compare different writing)."""
    import gzip
    import json
    import random

    global _NEWS
    if _NEWS is None or _NEWS[0] != news:
        with gzip.open(news, "rt", encoding="utf-8") as fh:
            _NEWS = (news, [str(json.loads(line).get("text") or "")
                            for line in fh if line.strip()])
    texts = list(_NEWS[1])
    random.Random(seed).shuffle(texts)
    out: list[str] = []
    n = 0
    for text in texts:
        for p in text.split("\n"):
            if p.strip():
                out.append(p.strip())
                n += len(out[-1].encode()) + 2
        if n >= size:
            return "\n\n".join(out)
    raise SystemExit(f"{news} holds less than {size:,} bytes of text")


_NEWS: tuple | None = None


def timed(pipe: Pipeline, text: str, stages: bool) -> tuple[float, float, dict[str, float]]:
    """(CPU seconds, wall seconds, CPU seconds per stage) of one article made of `text`."""
    clock = time.process_time
    article = Article(text, source={"format": "txt", "name": "grown"})
    per: dict[str, float] = {}
    gc.collect()
    wall0, t0 = time.perf_counter(), clock()
    if stages:
        for name, func in pipe._funcs:
            t = clock()
            func(article)
            per[name] = clock() - t
    else:
        pipe.run(article)
    t = clock()
    dumps(to_record(article))
    per["record"] = clock() - t
    elapsed, wall = clock() - t0, time.perf_counter() - wall0
    errors = [i.code for i in article.issues if i.severity == "error"]
    if errors:
        raise SystemExit(f"the pipeline failed on the grown input: {errors}")
    return elapsed, wall, per


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--article", type=Path, default=DEFAULT_ARTICLE)
    ap.add_argument("--sizes", default="4K,40K,400K,4M,25M")
    ap.add_argument("--stages", action="store_true", help="seconds per stage too")
    ap.add_argument("--ner", default="crf")
    ap.add_argument("--mix", action="store_true",
                    help="distinct articles' paragraphs (news.jsonl.gz), not one repeated")
    ap.add_argument("--news", type=Path, default=NEWS)
    ap.add_argument("--repeat", type=int, default=3,
                    help="runs of each size under 1 MB, the cheapest kept (default 3)")
    args = ap.parse_args(argv)
    base = next(iter(read_path(str(args.article)))).text
    # rows under 1 MB are the reference: run `repeat` times, the cheapest kept, so that a
    # busy moment of a shared machine does not skew every ratio; with --mix each run is
    # another sample (seed) of the mix, since a text met twice would find every word form
    # cached the second time
    make = ((lambda size, k=0: mixed_text(args.news, size, seed=11 + k)) if args.mix
            else (lambda size, k=0: grown_text(base, size)))
    sizes = [parse_size(s) for s in args.sizes.split(",")]
    pipe = Pipeline(options={"entities": {"mode": args.ner}} if args.ner != "crf" else None)
    timed(pipe, grown_text(base, 4000), args.stages)  # warm-up: models and matchers load
    rows = []
    for size in sizes:
        runs = []
        for k in range(args.repeat if size < 1_000_000 else 1):
            text = make(size, k)
            runs.append((*timed(pipe, text, args.stages), len(text)))
        elapsed, wall, per, chars = min(runs, key=lambda r: r[0] / r[3])
        rows.append((size, chars, elapsed, wall, per))
        print(f"  done {size:>10,} bytes in {elapsed:.2f} CPU s, {wall:.2f} s", flush=True)
    ref = next((r for r in rows if r[0] == 40_000), rows[0])
    ref_cost = ref[2] / ref[1]
    print(f"\nper-character cost relative to the {ref[0]:,}-byte row "
          f"(input: {'news mix' if args.mix else args.article.name}, --ner {args.ner})")
    head = (f"{'bytes':>12} {'chars':>11} {'CPU s':>9} {'wall s':>8} {'us/char':>8} "
            f"{'ratio':>6}")
    names = list(rows[0][4]) if args.stages else ["record"]
    print(head + "".join(f" {n[:9]:>9}" for n in names))
    for size, chars, elapsed, wall, per in rows:
        cost = elapsed / chars
        print(f"{size:>12,} {chars:>11,} {elapsed:>9.2f} {wall:>8.2f} {1e6 * cost:>8.2f} "
              f"{cost / ref_cost:>6.2f}" + "".join(f" {per.get(n, 0):>9.2f}" for n in names))


if __name__ == "__main__":
    main()
