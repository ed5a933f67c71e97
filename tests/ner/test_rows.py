"""In-place, chunked compaction of the per-form tables (khabar/ner/rows.py)."""
from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from khabar.ner.rows import compact


@st.composite
def tables(draw):
    n = draw(st.integers(0, 40))
    width = draw(st.integers(1, 3))
    keep = sorted(draw(st.sets(st.integers(0, max(n - 1, 0)), max_size=n)) if n else [])
    chunk = draw(st.integers(1, 9))
    seed = draw(st.integers(0, 2**16))
    table = np.random.default_rng(seed).normal(size=(n, width, 2))
    return table, np.array(keep, np.intp), chunk


@given(tables())
@settings(max_examples=200, deadline=None)
def test_compaction_equals_a_fresh_copy_of_the_kept_rows(case):
    table, keep, chunk = case
    expect = table[keep].copy()
    rest = table[len(keep):].copy() if not len(keep) else None
    compact(table, keep, chunk)
    np.testing.assert_array_equal(table[:len(keep)], expect)
    if rest is not None:  # nothing kept: nothing moved
        np.testing.assert_array_equal(table, rest)


@pytest.mark.parametrize("dtype", [bool, np.int64, np.float32])
def test_one_dimensional_tables_of_every_kind_compact(dtype):
    table = np.arange(10).astype(dtype)
    keep = np.array([1, 4, 5, 9])
    compact(table, keep, chunk=2)
    np.testing.assert_array_equal(table[:4], np.arange(10).astype(dtype)[keep])


@pytest.mark.parametrize("keep", [[3, 1], [2, 2], [0, 5, 4]])
def test_rows_out_of_order_are_refused(keep):
    # out of order, a chunk could read a row an earlier chunk already overwrote
    with pytest.raises(ValueError, match="ascending"):
        compact(np.zeros((6, 2)), np.array(keep))
