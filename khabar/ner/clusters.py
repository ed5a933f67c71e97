"""Word clusters learned from unlabelled news: PPMI context vectors, truncated SVD, k-means.

Brown clustering in pure Python is too slow for 10 M words; this gets comparable
"words that appear in the same slots" classes in a few minutes with numpy. Each word
gets one cluster id per granularity (coarse to fine), which the tagger uses as features
the way Brown-cluster prefixes are used. Only the word -> cluster table is shipped.

    python -m khabar.ner.clusters --corpus ../shared/data/unlabeled/news.jsonl.gz \
        --out khabar/models/clusters.tsv.gz

Building the table is training work; tagging only reads it.
"""
from __future__ import annotations

import argparse
import gzip
import json
import re
import time
from collections import Counter
from pathlib import Path
from typing import Iterator

from khabar.ner.lexical import key

_WORD = re.compile(r"\w+|[^\w\s]", re.UNICODE)


def corpus_texts(corpus: Path, limit: int | None = None) -> Iterator[str]:
    """Each article's title, then its text, from the unlabelled corpus (JSONL, gzipped)."""
    with gzip.open(corpus, "rt", encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if limit and n >= limit:
                break
            rec = json.loads(line)
            for field in ("title", "text"):
                yield rec.get(field) or ""


def words(text: str) -> list[str]:
    """The keyed words and punctuation marks of a text, as the tables are built from."""
    return [key(t) for t in _WORD.findall(text)]


def _read_tokens(corpus: Path, limit: int | None = None) -> list[str]:
    toks: list[str] = []
    for text in corpus_texts(corpus, limit):
        toks.extend(words(text))
        toks.append("</s>")
    return toks


def build(corpus: Path, out: Path, vocab: int = 80000, contexts: int = 3000, dims: int = 100,
          ks: tuple[int, ...] = (64, 256, 1024), min_count: int = 3, seed: int = 13,
          limit: int | None = None) -> dict[str, tuple[int, ...]]:
    import numpy as np

    t0 = time.time()
    toks = _read_tokens(corpus, limit)
    counts = Counter(toks)
    words = [w for w, c in counts.most_common(vocab) if c >= min_count and w != "</s>"]
    index = {w: i for i, w in enumerate(words)}
    ids = np.fromiter((index.get(t, -1) for t in toks), dtype=np.int64, count=len(toks))
    del toks
    print(f"read {len(ids)} tokens, vocab {len(words)} ({time.time() - t0:.0f}s)", flush=True)

    n_w, n_c = len(words), min(contexts, len(words))
    width = 2 * n_c  # left-context block, right-context block
    cooc = np.zeros(n_w * width, dtype=np.float64)
    for off, weight in ((1, 1.0), (2, 0.5)):
        for side in (0, 1):  # 0: the context word stands left of the word, 1: right
            w = ids[off:] if side == 0 else ids[:-off]
            c = ids[:-off] if side == 0 else ids[off:]
            ok = (w >= 0) & (c >= 0) & (c < n_c)
            keys = w[ok] * width + side * n_c + c[ok]
            cooc += weight * np.bincount(keys, minlength=n_w * width)
    m = cooc.reshape(n_w, width).astype(np.float32)
    del cooc
    # positive PMI with context-distribution smoothing (alpha 0.75)
    total = m.sum()
    row = m.sum(1, keepdims=True) + 1e-9
    col = m.sum(0, keepdims=True) ** 0.75
    col = col / col.sum() * total + 1e-9
    for a in range(0, n_w, 10000):
        blk = m[a:a + 10000]
        with np.errstate(divide="ignore"):
            blk[:] = np.log(blk * total / (row[a:a + 10000] * col))
        np.maximum(blk, 0, out=blk)
    print(f"PPMI {m.shape} ({time.time() - t0:.0f}s)", flush=True)

    rng = np.random.default_rng(seed)
    omega = rng.standard_normal((width, dims + 20)).astype(np.float32)
    y = m @ omega
    for _ in range(2):
        y, _r = np.linalg.qr(y)
        y = m @ (m.T @ y)
    q, _r = np.linalg.qr(y)
    u_small, s, _vt = np.linalg.svd(q.T @ m, full_matrices=False)
    vec = (q @ u_small[:, :dims]) * np.sqrt(s[:dims])
    vec /= np.linalg.norm(vec, axis=1, keepdims=True) + 1e-9
    del m
    print(f"SVD ({time.time() - t0:.0f}s)", flush=True)

    labels = []
    for k in ks:
        labels.append(_kmeans(vec, k, rng))
        print(f"k-means {k} ({time.time() - t0:.0f}s)", flush=True)
    table = {w: tuple(int(lab[i]) for lab in labels) for i, w in enumerate(words)}
    out.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(out, "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write(f"# word clusters at k={','.join(map(str, ks))} (PPMI+SVD+k-means)\n")
        for w, cl in table.items():
            fh.write(w + "\t" + "\t".join(map(str, cl)) + "\n")
    return table


def _kmeans(x, k: int, rng, iters: int = 20):
    import numpy as np

    # spherical k-means, frequent words weighted by picking seeds among the first rows
    centers = x[rng.choice(min(len(x), 20 * k), size=k, replace=False)].copy()
    for _ in range(iters):
        lab = np.empty(len(x), dtype=np.int64)
        for a in range(0, len(x), 20000):
            lab[a:a + 20000] = (x[a:a + 20000] @ centers.T).argmax(1)
        sums = np.zeros_like(centers)
        np.add.at(sums, lab, x)
        empty = np.linalg.norm(sums, axis=1) == 0
        sums[empty] = x[rng.choice(len(x), size=int(empty.sum()), replace=False)]
        centers = sums / np.linalg.norm(sums, axis=1, keepdims=True)
    return lab


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, required=True)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--vocab", type=int, default=80000)
    ap.add_argument("--limit", type=int, default=None, help="read only this many articles")
    args = ap.parse_args(argv)
    build(args.corpus, args.out, vocab=args.vocab, limit=args.limit)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
