"""Tables for the terminal that wrap long cells instead of cutting them and stay aligned
with Arabic in them.

Alignment counts display cells, not characters: combining marks (Arabic harakat) and
format characters take none, East Asian wide characters take two (unicodedata). A cell with
right-to-left letters is wrapped in Unicode isolates (FSI … PDI, zero-width): a terminal
that applies the bidirectional algorithm then lays out each cell on its own, so a line of
right-to-left cells keeps its columns in order instead of being mirrored as one
right-to-left run.
"""
from __future__ import annotations

import unicodedata
from collections.abc import Sequence

FSI, PDI = "\u2068", "\u2069"
SEPARATOR = " | "


def char_width(c: str) -> int:
    if unicodedata.combining(c) or unicodedata.category(c) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(c) in ("W", "F") else 1


def width(s: str) -> int:
    """Display cells `s` takes in a terminal."""
    return sum(char_width(c) for c in s)


def _split_long(word: str, limit: int) -> list[str]:
    """A word wider than the column, cut between characters (never inside a mark)."""
    parts, cur, w = [], "", 0
    for c in word:
        cw = char_width(c)
        if w + cw > limit and cur and cw:
            parts.append(cur)
            cur, w = "", 0
        cur += c
        w += cw
    return parts + ([cur] if cur else [])


def wrap(text: str, limit: int) -> list[str]:
    """Lines of at most `limit` display cells, broken between words."""
    lines: list[str] = []
    cur, w = "", 0
    for word in text.split():
        ww = width(word)
        if ww > limit:
            if cur:
                lines.append(cur)
            *full, cur = _split_long(word, limit)
            lines.extend(full)
            w = width(cur)
            continue
        if cur and w + 1 + ww > limit:
            lines.append(cur)
            cur, w = "", 0
        cur = f"{cur} {word}" if cur else word
        w += ww + (1 if w else 0)
    if cur or not lines:
        lines.append(cur)
    return lines


def shorten(text: str, limit: int, mark: str = " …") -> str:
    """`text` on one line, cut at a word boundary to at most `limit` characters."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit - len(mark) + 1]
    head = cut.rsplit(" ", 1)[0] if " " in cut else cut[:limit - len(mark)]
    return head.rstrip(" ،,;:") + mark


def render(headers: Sequence[str], rows: Sequence[Sequence[str]],
           caps: Sequence[int | None], total: int = 100) -> str:
    """A table: column k is at most caps[k] cells wide (None: it takes what is left of
    `total`); cells wrap onto more lines, every line of a row padded to the same columns."""
    n = len(headers)
    natural = [max([width(h)] + [max((width(x) for x in wrap(str(r[k]), 10**6)),
                                     default=0) for r in rows])
               for k, h in enumerate(headers)]
    widths = [min(natural[k], c) if c is not None else natural[k] for k, c in enumerate(caps)]
    fixed = sum(w for w, c in zip(widths, caps) if c is not None)
    rest = max(20, total - fixed - len(SEPARATOR) * (n - 1))
    widths = [w if c is not None else max(width(headers[k]), min(w, rest))
              for k, (w, c) in enumerate(zip(widths, caps))]
    out = [_line([[h] for h in headers], widths, 0),
           "-+-".join("-" * w for w in widths)]
    for row in rows:
        cells = [wrap(str(x), w) for x, w in zip(row, widths)]
        for i in range(max(len(c) for c in cells)):
            out.append(_line(cells, widths, i))
    return "\n".join(out)


def _rtl(s: str) -> bool:
    return any(unicodedata.bidirectional(c) in ("R", "AL") for c in s)


def _line(cells: Sequence[Sequence[str]], widths: Sequence[int], i: int) -> str:
    parts = []
    for k, (cell, w) in enumerate(zip(cells, widths)):
        s = cell[i] if i < len(cell) else ""
        pad = " " * (w - width(s)) if k < len(widths) - 1 else ""
        parts.append(f"{FSI}{s}{PDI}{pad}" if _rtl(s) else s + pad)
    return SEPARATOR.join(parts).rstrip()
