"""Latency percentiles shared by the benchmarks, by the nearest-rank rule: p is the smallest
sample that at least p% of the samples do not exceed. One rule for every benchmark keeps
their figures comparable, and p50 can never exceed p95, even over two samples."""
from __future__ import annotations

import math
from collections.abc import Iterable


def percentile(samples: Iterable[float], p: float) -> float:
    ordered = sorted(samples)
    if not ordered:
        raise ValueError("no samples")
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def p50_p95(samples: Iterable[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return percentile(ordered, 50), percentile(ordered, 95)
