"""The benchmarks' one percentile rule (benchmarks/latency.py): nearest rank, so that the
figures of different benchmarks compare and p50 never exceeds p95."""
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from latency import p50_p95, percentile  # noqa: E402


@pytest.mark.parametrize("samples, p, expected", [
    ([7.0], 95, 7.0),
    ([1.0, 2.0], 50, 1.0),
    ([1.0, 2.0], 95, 2.0),
    ([3.0, 1.0, 2.0], 50, 2.0),
    (list(range(1, 101)), 95, 95),
    (list(range(1, 21)), 95, 19),
    (list(range(1, 21)), 100, 20),
])
def test_nearest_rank(samples, p, expected):
    assert percentile(samples, p) == expected


def test_no_samples_is_an_error():
    with pytest.raises(ValueError):
        percentile([], 50)


@given(st.lists(st.floats(min_value=0, max_value=1e6, allow_nan=False), min_size=1))
def test_p50_never_above_p95_and_both_are_samples(samples):
    p50, p95 = p50_p95(samples)
    assert p50 <= p95 <= max(samples)
    assert p50 in samples and p95 in samples
