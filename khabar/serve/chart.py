"""Statements per month as an SVG bar chart drawn on the server (no script, no library):
the months run right to left, as the page reads; empty months between two quoted months
are drawn as gaps, not skipped."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

ARABIC_MONTHS = ("يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس",
                 "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر")


@dataclass
class Bar:
    month: str
    count: int
    x: float
    y: float
    width: float
    height: float
    label: str
    show_label: bool


def is_month(value: object) -> bool:
    """A value that starts with a calendar month, YYYY-MM."""
    return isinstance(value, str) and len(value) >= 7 and value[:4].isdigit() \
        and value[4] == "-" and value[5:7].isdigit() and 1 <= int(value[5:7]) <= 12


def month_range(first: str, last: str) -> list[str]:
    y, m = map(int, first.split("-")[:2])
    ly, lm = map(int, last.split("-")[:2])
    out = []
    while (y, m) <= (ly, lm) and len(out) < 600:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def month_label(month: str) -> str:
    y, m = month.split("-")[:2]
    return f"{ARABIC_MONTHS[int(m) - 1]} {y}"


def bars(per_month: list[tuple[str, int]], width: int = 960, height: int = 220,
         pad: int = 28) -> dict:
    """Geometry of the chart: bars, the y-axis maximum, and the drawing size."""
    counts: dict[str, int] = {}
    for month, n in per_month:
        if is_month(month):  # a year, a span of years or 'undated' is no month
            counts[month[:7]] = counts.get(month[:7], 0) + int(n)
    if not counts:
        return {"bars": [], "width": width, "height": height, "max": 0, "pad": pad}
    months = month_range(min(counts), max(counts))
    top = max(counts.values())
    inner_w, inner_h = width - 2 * pad, height - 2 * pad
    step = inner_w / len(months)
    every = max(1, len(months) // 8)  # at most about eight month labels
    out = []
    for i, month in enumerate(months):
        n = counts.get(month, 0)
        h = inner_h * n / top
        x = width - pad - (i + 1) * step  # right to left
        out.append(Bar(month, n, round(x + step * 0.15, 2), round(pad + inner_h - h, 2),
                       round(step * 0.7, 2), round(h, 2), month_label(month),
                       i % every == 0 or i == len(months) - 1))
    return {"bars": out, "width": width, "height": height, "max": top, "pad": pad}


def recent_span(per_month: list[tuple[str, Any]], most: int = 72, outliers: float = 0.02
                ) -> tuple[list[tuple[str, int]], int]:
    """The months worth drawing: calendar months only, without the few far-off ones (an
    event dated 1948 in a corpus of 2018 news) that would stretch the axis over decades,
    and at most `most` months ending at the latest one kept. Returns the kept (month,
    count) pairs and how many events were left out of the drawing."""
    months = sorted((m[:7], int(n)) for m, n in per_month if is_month(m))
    total = sum(n for _, n in months)
    budget = int(total * outliers)
    while len(months) > 1:  # drop whichever end is rarer while the budget lasts
        end = 0 if months[0][1] <= months[-1][1] else -1
        gap = len(month_range(months[0][0], months[-1][0]))
        if gap <= most or months[end][1] > budget:
            break
        budget -= months.pop(end)[1]
    if months:
        first = month_range(months[0][0], months[-1][0])[-most:][0]
        months = [(m, n) for m, n in months if m >= first]
    return months, total - sum(n for _, n in months)
