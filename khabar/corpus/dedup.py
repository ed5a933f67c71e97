"""Near-duplicate articles (syndicated copies, pages scraped twice) grouped into stories.

MinHash signatures come from datasketch; the LSH bands are kept in the database
(`lsh_bands`), not in memory, so a run started again after a kill finds the copies it
indexed before. An article joins the story of its most similar earlier article whose
estimated Jaccard similarity (over word 3-grams of the folded text) reaches THRESHOLD.
"""
from __future__ import annotations

import hashlib
import sqlite3
import zlib
from functools import lru_cache

import numpy as np
from datasketch import MinHash
from datasketch.lsh import _optimal_param

NUM_PERM = 64
THRESHOLD = 0.6
SHINGLE = 3
MIN_SHINGLES = 12  # shorter texts (a headline, a caption) are never grouped
SEED = 1


@lru_cache(maxsize=1)
def bands() -> tuple[int, int]:
    """(number of bands, rows per band) for THRESHOLD, as datasketch's MinHashLSH picks."""
    return _optimal_param(THRESHOLD, NUM_PERM, 0.5, 0.5)


@lru_cache(maxsize=1)
def _template() -> MinHash:
    return MinHash(num_perm=NUM_PERM, seed=SEED, hashfunc=zlib.crc32)


def signature(folded: str) -> np.ndarray | None:
    """The MinHash of a text's search terms (`khabar.corpus.folding.index_text`)."""
    words = folded.split()
    shingles = {" ".join(words[i:i + SHINGLE]).encode("utf-8")
                for i in range(len(words) - SHINGLE + 1)}
    if len(shingles) < MIN_SHINGLES:
        return None
    # crc32 (C code) hashes the shingles; the MinHash permutations mix its bits
    m = MinHash(num_perm=NUM_PERM, seed=SEED, hashfunc=zlib.crc32,
                permutations=_template().permutations)
    m.update_batch(list(shingles))
    return m.hashvalues.astype(np.uint32)


def band_hashes(sig: np.ndarray) -> list[tuple[int, int]]:
    b, r = bands()
    out = []
    for i in range(b):
        digest = hashlib.blake2b(sig[i * r:(i + 1) * r].tobytes(), digest_size=8).digest()
        out.append((i, int.from_bytes(digest, "big", signed=True)))
    return out


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.count_nonzero(a == b)) / len(a)


def assign(db: sqlite3.Connection, article_id: str, folded: str) -> tuple[str, float | None]:
    """Store the article's signature and bands; return (story_id, similarity to the copy
    it joined, or None when it starts a story). `folded` is the text's `index_text`."""
    sig = signature(folded)
    if sig is None:
        return article_id, None
    hashes = band_hashes(sig)
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
    db.execute("INSERT OR REPLACE INTO minhashes VALUES (?, ?)", (article_id, sig.tobytes()))
    db.executemany("INSERT INTO lsh_bands VALUES (?, ?, ?)",
                   [(band, h, article_id) for band, h in hashes])
    if best is not None and best_sim >= THRESHOLD:
        story = db.execute("SELECT story_id FROM articles WHERE article_id=?", (best,)).fetchone()
        if story and story[0]:
            return story[0], best_sim
    return article_id, None
