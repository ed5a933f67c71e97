"""In-place compaction of the per-form tables (scoring.py, neural.py) when they trim.

`table[:len(keep)] = table[keep]` builds the kept rows as a second array first: half a
full table beside the table itself, at the moment memory is highest. Copying a few
thousand rows at a time keeps that extra to one chunk.
"""
from __future__ import annotations

import numpy as np

CHUNK = 4096


def compact(table: np.ndarray, keep: np.ndarray, chunk: int | None = None) -> None:
    """Move rows `keep` (ascending, distinct) to the front of `table`, in that order.

    Safe in place because `keep[j] >= j`: a chunk only reads rows at or after its own
    destination, which no earlier chunk has written (earlier chunks write below it).
    """
    if len(keep) and np.any(np.diff(keep) <= 0):
        raise ValueError("rows to keep must be ascending and distinct")
    chunk = chunk or CHUNK  # read at each call, so that tests can make chunks tiny
    for lo in range(0, len(keep), chunk):
        hi = min(lo + chunk, len(keep))
        table[lo:hi] = table[keep[lo:hi]]
