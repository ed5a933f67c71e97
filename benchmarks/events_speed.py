"""Cost of the events stage alone, and how it grows with the article.

    python benchmarks/events_speed.py [--corpus ../shared/data/corpus] [--repeat 5]

The other stages run once per article (timed, for a ratio measured in the same run);
then `khabar.events.annotate` is timed over all of them, `--repeat` times, and its mean ms
per article printed. The growth check
builds articles of 1, 2, 4, 8 and 16 copies of the corpus's longest texts and prints the
stage's time per 1,000 characters for each: flat means linear, a rising column would mean
a scan per event over the whole article.
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

from khabar.document import Article
from khabar.events import annotate
from khabar.ingest import read_path
from khabar.pipeline import Pipeline

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "data" / "corpus"


def prepared(texts: list[tuple[str, dict, dict]], pipe: Pipeline) -> list[Article]:
    out = []
    for text, source, given in texts:
        art = Article(text, source, given)
        pipe.run(art)
        out.append(art)
    return out


def time_events(articles: list[Article], repeat: int) -> float:
    """Mean seconds per article of the events stage."""
    annotate(articles[0])  # warm-up: word tables and gazetteers load here
    t0 = time.perf_counter()
    for _ in range(repeat):
        for art in articles:
            annotate(art)
    return (time.perf_counter() - t0) / (repeat * len(articles))


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args(argv)
    texts = []
    for path in sorted(args.corpus.iterdir()):
        for art in read_path(str(path)):
            if not art.failed:
                texts.append((art.text, art.source, art.given))
    pipe = Pipeline(skip=("events", "link"))
    prepared(texts[:5], pipe)  # warm-up
    t0 = time.perf_counter()
    arts = prepared(texts, pipe)
    rest = (time.perf_counter() - t0) / len(arts)
    per = time_events(arts, args.repeat)
    n_events = sum(len(a.spans("events")) for a in arts)
    chars = sum(len(a.text) for a in arts) / len(arts)
    print(f"events stage: {1000 * per:.3f} ms/article over {len(arts)} articles "
          f"(mean {chars:.0f} characters, {n_events / len(arts):.1f} events/article)")
    print(f"the other stages: {1000 * rest:.2f} ms/article in the same run; events add "
          f"{100 * per / rest:.1f}%")
    longest = sorted(texts, key=lambda t: -len(t[0]))[:5]
    print("copies  chars/article  ms/article  ms per 1000 chars")
    for k in (1, 2, 4, 8, 16):
        grown = [("\n\n".join([t] * k), s, g) for t, s, g in longest]
        arts = prepared(grown, pipe)
        per = time_events(arts, max(1, args.repeat // 2))
        c = sum(len(a.text) for a in arts) / len(arts)
        print(f"{k:>6}  {c:>13.0f}  {1000 * per:>10.3f}  {1000 * per / c * 1000:>17.4f}")


if __name__ == "__main__":
    main()
