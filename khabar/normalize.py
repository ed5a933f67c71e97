"""Normalization as a view: a folded copy of the text with an offset map back to it.

Matching happens on the view, reporting on the original text. Each normalizer is a
small named table; a `Normalizer` composes the ones it is given. Every step either maps
one character to one character or deletes it, so the view keeps a simple, monotone map:
view position i comes from text position `to_text(i)`.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

# ------------------------------------------------------------------ one-to-one steps
_ALEF = {c: "ا" for c in "أإآٱٲٳ"}
_HAMZA_CARRIERS = {"ؤ": "و", "ئ": "ي"}
_YEH = {"ى": "ي"}
_PERSIAN = {"ی": "ي", "ې": "ي", "ۍ": "ي", "ک": "ك", "ڪ": "ك", "ګ": "ك", "ہ": "ه", "ە": "ه",
            "ۀ": "ه", "ﻻ": "ﻻ"}
# Persian letters but the Persian yeh, which a Persian keyboard types for both «ي» and «ى»
_PERSIAN_BUT_YEH = {a: b for a, b in _PERSIAN.items() if b not in _YEH.values()}
_TEH_MARBUTA = {"ة": "ه"}
_DIGITS = {chr(base + d): str(d) for base in (0x0660, 0x06F0, 0x07C0, 0xFF10)
           for d in range(10)}
_QUOTES = {c: '"' for c in "«»“”„‟″〝〞＂"} | {c: "'" for c in "‘’‚‛′"}
_SPACES = {c: " " for c in "\u00a0\u2007\u202f\u2000\u2001\u2002\u2003\u2004\u2005"
                            "\u2006\u2008\u2009\u200a\u3000\t"}
_PUNCT = {"،": ",", "؛": ";", "؟": "?", "٪": "%", "٫": ".", "٬": ","}
_LATIN_CASE = {chr(c): chr(c + 32) for c in range(ord("A"), ord("Z") + 1)}

# ------------------------------------------------------------------ deleting steps
_TATWEEL = "\u0640"
_DIACRITICS = "".join(chr(c) for c in range(0x064B, 0x0660)) + "\u0670" + \
    "".join(chr(c) for c in range(0x0610, 0x061B)) + \
    "".join(chr(c) for c in range(0x06D6, 0x06EE) if c not in (0x06E5, 0x06E6))
_ZERO_WIDTH = "\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u061c\u202a\u202b\u202c\u202d\u202e"

MAPPINGS: dict[str, dict[str, str]] = {
    "alef": _ALEF,
    "hamza": _HAMZA_CARRIERS,
    "yeh": _YEH,
    "persian": _PERSIAN,
    "persian_but_yeh": _PERSIAN_BUT_YEH,
    "teh_marbuta": _TEH_MARBUTA,
    "digits": _DIGITS,
    "quotes": _QUOTES,
    "spaces": _SPACES,
    "punct": _PUNCT,
    "latin_case": _LATIN_CASE,
}
DELETIONS: dict[str, str] = {
    "tatweel": _TATWEEL,
    "diacritics": _DIACRITICS,
    "zero_width": _ZERO_WIDTH,
}


@dataclass(frozen=True, slots=True)
class View:
    """Folded text plus the map back. `_starts[k]` view index where run k begins,
    `_shift[k]` how far that run sits from its text position."""

    text: str
    source_len: int
    _starts: tuple[int, ...]
    _shift: tuple[int, ...]
    _text_starts: tuple[int, ...]  # text offset where each run begins

    def to_text(self, i: int) -> int:
        """Text offset of view position i (i == len(view) maps to the text's end)."""
        if i >= len(self.text):
            past = i - len(self.text)
            return self.source_len + past
        k = bisect_right(self._starts, i) - 1
        return i + self._shift[k]

    def span_to_text(self, start: int, end: int) -> tuple[int, int]:
        """Map a view span [start, end) onto the text, deleted characters inside kept."""
        if end <= start:
            p = self.to_text(start)
            return p, p
        return self.to_text(start), self.to_text(end - 1) + 1

    def from_text(self, j: int) -> int:
        """The first view position whose text offset is >= j (one bisection: inside a run
        by the run's shift; inside deleted characters, the next run's start)."""
        k = bisect_right(self._text_starts, j) - 1
        if k < 0:
            return 0
        i = j - self._shift[k]
        if k + 1 < len(self._starts) and i > self._starts[k + 1]:
            i = self._starts[k + 1]
        return min(i, len(self.text))


class Normalizer:
    """A composition of named normalizers, applied in one pass."""

    def __init__(self, *steps: str) -> None:
        unknown = [s for s in steps if s not in MAPPINGS and s not in DELETIONS]
        if unknown:
            raise KeyError(f"unknown normalizers: {unknown}")
        self.steps = steps
        table: dict[int, str | None] = {}
        for s in steps:
            for a, b in MAPPINGS.get(s, {}).items():
                table[ord(a)] = b
        deleted = "".join(DELETIONS.get(s, "") for s in steps)
        for c in deleted:
            table[ord(c)] = None
        # a list indexed by code point translates ~3x faster than a dict; characters past
        # the BMP raise IndexError there, which str.translate reads as "keep"
        fast: list[int | str | None] = list(range(0x10000))
        for code, repl in table.items():
            fast[code] = repl
        self._table = fast
        self._deleted = re.compile(f"[{re.escape(deleted)}]+") if deleted else None

    def fold(self, text: str) -> str:
        return text.translate(self._table)

    def view(self, text: str) -> View:
        folded = text.translate(self._table)
        starts, shift = [0], [0]
        if self._deleted is not None and len(folded) != len(text):
            removed = 0
            for m in self._deleted.finditer(text):
                removed += m.end() - m.start()
                starts.append(m.end() - removed)
                shift.append(removed)
        return View(folded, len(text), tuple(starts), tuple(shift),
                    tuple(a + b for a, b in zip(starts, shift)))


NORMALIZERS: dict[str, Normalizer] = {
    # for matching words and phrases from the resource files
    "match": Normalizer("alef", "hamza", "yeh", "persian", "teh_marbuta", "digits", "quotes",
                        "spaces", "latin_case", "tatweel", "diacritics", "zero_width"),
    # "match" that keeps the alef maqsura as written: «على» (a preposition) and «علي» (a
    # given name) stay apart, and a Persian yeh, which may be either, stays itself. It
    # deletes what "match" deletes, so its offsets are those of "match": a token found on
    # one view is read on the other at the same positions.
    "maqsura": Normalizer("alef", "hamza", "persian_but_yeh", "teh_marbuta", "digits", "quotes",
                          "spaces", "latin_case", "tatweel", "diacritics", "zero_width"),
    # "match" that keeps the teh marbuta apart from the heh: a pronoun suffix («انسحابه», his
    # withdrawal) is not a feminine ending («منظمة»). Same deletions, same offsets as "match".
    "heh": Normalizer("alef", "hamza", "yeh", "persian", "digits", "quotes", "spaces",
                      "latin_case", "tatweel", "diacritics", "zero_width"),
    # lighter: keeps letters as written, unifies digits, quotes and invisible marks
    "light": Normalizer("persian", "digits", "quotes", "spaces", "tatweel", "zero_width"),
}


def fold(text: str) -> str:
    """The matching key of a word or phrase (what resource entries are compared as)."""
    return NORMALIZERS["match"].fold(text)


def to_int(digits: str) -> int:
    """Read a number written in any digit script."""
    return int(NORMALIZERS["light"].fold(digits).replace(",", "").replace("٬", ""))
