"""Word vectors learned from unlabelled news (fastText skip-gram), for the neural tagger.

fastText rather than plain word2vec: its letter n-grams give clitic-bearing and rare
forms («وللعراقيين») vectors near their stems, which a 10 M-word corpus needs. Only a
table of the most frequent word keys is shipped (float16), never the corpus nor the
n-gram buckets; a key missing from the table falls back to its bare-name forms
(`lexical.name_forms`), then to the tagger's own letter encoder.

    python -m khabar.ner.embeddings --corpus ../shared/data/unlabeled/news.jsonl.gz \
        --out /tmp/vectors.npz

gensim and numpy are needed here (training only).
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

from khabar.ner.clusters import corpus_texts, words

def read_sentences(corpus: Path, limit: int | None = None) -> list[list[str]]:
    """Every non-empty line of every article's title and text, as keyed tokens."""
    return [toks for text in corpus_texts(corpus, limit) for para in text.splitlines()
            if (toks := words(para))]


def build(corpus: Path, out: Path, dims: int = 100, vocab: int = 100_000, epochs: int = 5,
          min_count: int = 3, workers: int = 2, seed: int = 13, limit: int | None = None) -> None:
    import numpy as np
    from gensim.models import FastText

    t0 = time.time()
    sents = read_sentences(corpus, limit)
    print(f"read {len(sents)} lines ({time.time() - t0:.0f}s)", flush=True)
    model = FastText(sentences=sents, vector_size=dims, window=5, min_count=min_count,
                     sg=1, negative=5, min_n=2, max_n=5, epochs=epochs, workers=workers,
                     seed=seed)
    print(f"trained ({time.time() - t0:.0f}s)", flush=True)
    words = model.wv.index_to_key[:vocab]
    vecs = np.stack([model.wv[w] for w in words]).astype(np.float32)
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True) + 1e-9
    out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(out, words=np.array(words), vectors=vecs.astype(np.float16))
    model.save(str(out.with_suffix(".gensim")))
    print(f"wrote {len(words)} vectors to {out} ({time.time() - t0:.0f}s)", flush=True)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, required=True)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--dims", type=int, default=100)
    ap.add_argument("--vocab", type=int, default=100_000)
    ap.add_argument("--epochs", type=int, default=5)
    ap.add_argument("--limit", type=int, default=None, help="read only this many articles")
    args = ap.parse_args(argv)
    build(args.corpus, args.out, dims=args.dims, vocab=args.vocab, epochs=args.epochs,
          limit=args.limit)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
