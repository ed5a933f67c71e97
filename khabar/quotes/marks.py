"""Quotation marks paired within a paragraph.

Pairing does not cross a paragraph, except the way print continues a quotation: the
paragraph ends with it open and the next one starts with an opening mark again. An
unbalanced mark is dropped rather than allowed to swallow the rest of the article.
Guillemets and curly quotes pair by direction, straight quotes by alternation; a mark of
another style inside an open quotation is nested and ignored.
"""
from __future__ import annotations

import re

_OPEN_CLOSE = {"«": "»", "“": "”", "„": "”", "”": "”", "‘": "’", '"': '"'}
_MARKS = re.compile("[«»“”„‘’\"]")
_OPENERS = "«“„\""
WORDS = re.compile(r"[^\W_]+", re.UNICODE)
_MAX_QUOTE = 6000  # characters: a longer "quotation" is a pairing accident
_MAX_CHAIN = 5  # paragraphs one quotation may continue over


def quote_pairs(text: str, start: int, end: int, reopened: frozenset[int] = frozenset()
                ) -> list[tuple[int, int]]:
    """(open, close) text offsets of the quotation marks paired in text[start:end];
    marks at `reopened` offsets continue the open quotation and are passed over."""
    return _pair(text, start, end, reopened)[0]


def paragraph_pairs(text: str, paragraphs: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """The pairs of each paragraph (ordered by start), a continued quotation shared by
    the paragraphs it runs over."""
    out: list[list[tuple[int, int]]] = [[] for _ in paragraphs]
    i = 0
    while i < len(paragraphs):
        start = paragraphs[i][0]
        pairs, open_at = _pair(text, start, paragraphs[i][1], frozenset())
        j, reopened = i, set()
        while open_at is not None and j + 1 < len(paragraphs) and j - i < _MAX_CHAIN:
            first = _first_mark(text, *paragraphs[j + 1])
            if first is None:
                break
            reopened.add(first)
            chained, still_open = _pair(text, start, paragraphs[j + 1][1], frozenset(reopened))
            j += 1
            if still_open is None:
                pairs, open_at = chained, None
                break
            open_at = still_open
        if open_at is not None:
            j = i  # never closed: each paragraph keeps its own marks
        for x in range(i, j + 1):
            out[x] = pairs
        i = j + 1
    return out


def _first_mark(text: str, start: int, end: int) -> int | None:
    """The offset of an opening mark that starts the paragraph, if one does."""
    k = start
    while k < end and text[k].isspace():
        k += 1
    return k if k < end and text[k] in _OPENERS else None


def _pair(text: str, start: int, end: int, reopened: frozenset[int]
          ) -> tuple[list[tuple[int, int]], int | None]:
    pairs = []
    opener: tuple[int, str] | None = None
    # an odd count of straight marks: one of them may reopen a quotation, as print does
    odd = text.count('"', start, end) % 2 == 1
    for m in _MARKS.finditer(text, start, end):
        c, i = m.group(), m.start()
        if i in reopened and opener is not None:
            continue
        if opener is None:
            if c in "»’":
                continue
            opener = (i, c)
            continue
        o_pos, o_char = opener
        if odd and c == '"' and o_char == '"' and _reopens(text, i, end):
            continue
        want = _OPEN_CLOSE.get(o_char, '"')
        if c == want or (o_char in "“”„" and c in "“”"):
            if i - o_pos <= _MAX_QUOTE:
                pairs.append((o_pos, i))
            opener = None
    return pairs, (opener[0] if opener is not None else None)



_SENTENCE_END = ".!?؟"


def _reopens(text: str, i: int, end: int) -> bool:
    """A straight mark at i inside an open straight quotation that opens a new sentence of
    it, as print does (the paragraph holds an odd count of straight marks): «قال "… الأول.
    "والثاني …"». After a sentence's end and a space, before a letter, with a closing
    mark still to come. Paired as the close, it would pair every later mark of the
    paragraph the wrong way round."""
    if i == 0 or not text[i - 1].isspace() or i + 1 >= end or not text[i + 1].isalpha():
        return False
    k = i - 1
    while k > 0 and text[k].isspace():
        k -= 1
    if text[k] not in _SENTENCE_END:
        return False
    nxt = text.find('"', i + 1, end)
    if nxt < 0:
        return False
    after = text[nxt + 1] if nxt + 1 < end else " "
    return not text[nxt - 1].isspace() and (after.isspace() or not after.isalpha())
