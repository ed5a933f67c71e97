"""Near-duplicate articles (syndicated copies, pages scraped twice) grouped into stories.

MinHash signatures (a universal hash family, vectorised in numpy) with datasketch's LSH
band parameters; the LSH bands are kept in the database
(`lsh_bands`), not in memory, so a run started again after a kill finds the copies it
indexed before. An article joins the story of its most similar earlier article whose
estimated Jaccard similarity (over word 3-grams of the folded text) reaches THRESHOLD.
"""
from __future__ import annotations

import sqlite3
import zlib
from functools import lru_cache

import numpy as np

NUM_PERM = 64
THRESHOLD = 0.6
SHINGLE = 3
MIN_SHINGLES = 12  # shorter texts (a headline, a caption) are never grouped
SEED = 1
# (number of bands, rows per band) that datasketch's MinHashLSH picks for THRESHOLD and
# NUM_PERM (`datasketch.lsh._optimal_param(THRESHOLD, NUM_PERM, 0.5, 0.5)`, checked in
# tests/corpus/test_prepare.py), written down: the pipeline's worker processes compute
# the band hashes, and importing datasketch (and scipy with it) cost each ~0.6 s of CPU
BANDS = (10, 6)


class _WordHashes(dict):
    """crc32 of each word, looked up from C; emptied past `limit` (results unchanged)."""

    limit = 200_000

    def __missing__(self, word: str) -> int:
        if len(self) >= self.limit:
            self.clear()
        h = self[word] = zlib.crc32(word.encode("utf-8"))
        return h


_WORDS = _WordHashes()
# a shingle's 32-bit hash: its words' hashes mixed by odd 64-bit constants, top half kept
_MIX = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9], dtype=np.uint64)
_HALF = np.uint64(32)
_PREFIX = 4 * MIN_SHINGLES


@lru_cache(maxsize=1)
def _family() -> tuple[np.ndarray, np.ndarray]:
    """NUM_PERM hash functions h(x) = (a·x + b mod 2^64) >> 32, a odd: multiply-add-shift,
    a strongly universal family on 32-bit keys (Dietzfelbinger 1996), as good for MinHash
    as datasketch's (a·x + b mod p) and cheaper in numpy (no 64-bit division)."""
    gen = np.random.RandomState(SEED)
    a = gen.randint(0, 2 ** 63, size=(NUM_PERM, 1), dtype=np.uint64) * np.uint64(2) + np.uint64(1)
    b = gen.randint(0, 2 ** 63, size=(NUM_PERM, 1), dtype=np.uint64)
    return a, b


def signature(folded: str | list[str]) -> np.ndarray | None:
    """The MinHash of a text's word 3-grams (its search terms,
    `khabar.corpus.folding.index_text`), NUM_PERM unsigned 32-bit values; None when the
    text has fewer than MIN_SHINGLES distinct 3-grams. Vectorised: each word is hashed
    once, its 3-grams' hashes are mixed from their words', the permutations are one matrix."""
    words = folded.split() if isinstance(folded, str) else folded
    if len(words) - SHINGLE + 1 < MIN_SHINGLES:
        return None
    h = np.fromiter(map(_WORDS.__getitem__, words), dtype=np.uint64, count=len(words))
    mixed = h[:-2] * _MIX[0] + h[1:-1] * _MIX[1] + h[2:] * _MIX[2]
    shingles = mixed >> _HALF
    # a minimum does not care for repeats: the 3-grams are counted, not deduplicated, and
    # counted on a prefix first (as many distinct there are at least as many in the whole)
    if len(np.unique(shingles[:_PREFIX])) < MIN_SHINGLES and \
            len(np.unique(shingles)) < MIN_SHINGLES:
        return None
    a, b = _family()
    values = a * shingles
    values += b
    return (values.min(axis=1) >> _HALF).astype(np.uint32)


def band_hashes(sig: np.ndarray) -> list[tuple[int, int]]:
    """(band, a signed 64-bit hash of the band's rows) for each LSH band: the rows mixed by
    odd 64-bit constants, in one numpy expression for all bands."""
    b, r = BANDS
    rows = sig[:b * r].astype(np.uint64).reshape(b, r)
    mixed = (rows * _band_mix(r)).sum(axis=1, dtype=np.uint64)
    mixed ^= mixed >> np.uint64(31)
    mixed *= np.uint64(0xBF58476D1CE4E5B9)
    mixed ^= mixed >> np.uint64(29)
    return list(enumerate(mixed.view(np.int64).tolist()))


@lru_cache(maxsize=4)
def _band_mix(r: int) -> np.ndarray:
    gen = np.random.RandomState(SEED + 1)
    return gen.randint(0, 2 ** 63, size=r, dtype=np.uint64) * np.uint64(2) + np.uint64(1)


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.count_nonzero(a == b)) / len(a)


def sketch(folded: str | list[str]) -> tuple[bytes, list[tuple[int, int]]] | None:
    """(the MinHash signature as stored, its LSH band hashes) of a text's search terms, or
    None for a text too short to group: what `assign` needs of the article, computed
    without the database (in the pipeline's workers, khabar.corpus.prepare)."""
    sig = signature(folded)
    return None if sig is None else (sig.tobytes(), band_hashes(sig))


def assign(db: sqlite3.Connection, article_id: str, folded: str | list[str] | None = None,
           sketched: tuple[bytes, list[tuple[int, int]]] | None = None
           ) -> tuple[str, float | None]:
    """Store the article's signature and bands; return (story_id, similarity to the copy
    it joined, or None when it starts a story). `folded` is the text's `index_text`, or
    its terms as a list; or `sketched` is its `sketch`, made earlier."""
    if folded is not None:
        sketched = sketch(folded)
    if sketched is None:
        return article_id, None
    blob, hashes = sketched
    sig = np.frombuffer(blob, dtype=np.uint32)
    where = " OR ".join("(band=? AND hash=?)" for _ in hashes)  # one index search per band
    candidates = {r[0] for r in db.execute(
        f"SELECT article_id FROM lsh_bands WHERE {where}",
        [x for pair in hashes for x in pair])}
    best, best_sim = None, 0.0
    for other in sorted(candidates):
        if other == article_id:
            continue
        row = db.execute("SELECT signature FROM minhashes WHERE article_id=?", (other,)).fetchone()
        sim = similarity(sig, np.frombuffer(row[0], dtype=np.uint32))
        if sim > best_sim:
            best, best_sim = other, sim
    db.execute("INSERT OR REPLACE INTO minhashes VALUES (?, ?)", (article_id, blob))
    db.executemany("INSERT OR IGNORE INTO lsh_bands VALUES (?, ?, ?)",
                   [(band, h, article_id) for band, h in hashes])
    if best is not None and best_sim >= THRESHOLD:
        story = db.execute("SELECT story_id FROM articles WHERE article_id=?", (best,)).fetchone()
        if story and story[0]:
            return story[0], best_sim
    return article_id, None
