"""Search terms: the project's one folding (khabar.normalize, "match") plus NFKC and clitic
separation, applied alike to indexed text and to queries.

`terms(text)` cuts the original text into words and gives, per word, the folded search
terms with the word's offsets in the original text. The full-text index holds the terms
joined by spaces; a hit is mapped back to the original by running `terms` again on the
stored text, so no offsets need to be kept in the index.

Clitic separation strips the proclitics of `ner_clitics.yaml` (the same list the tagger
uses) greedily, as long as the rest keeps enough letters. The rule depends only on the
word, so a word and the same word with a proclitic reduce to the same term: a query with
or without «ال», «و», «ب», «ل» finds it. The price is that two words may share a term
(«كتاب» and «تاب»): `--exact` is there for users who need the characters as written.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Iterator, NamedTuple

import numpy as np

from khabar.normalize import NORMALIZERS
from khabar.resources import load

_MATCH = NORMALIZERS["match"]
# a word: letters and digits of any script, with the marks, tatweel and invisible
# characters that may sit inside an Arabic word (FTS5's unicode61 would split at a ZWNJ)
_WORD = re.compile(r"[\w\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640"
                   r"\u200b-\u200f\u2060\ufeff\u061c]+")
_PIECES = re.compile(r"[0-9]+|[^\W\d_]+")
MIN_REST = 2  # letters a word keeps after its article is stripped
MIN_REST_SHORT = 3  # ... after a one-letter proclitic (و، ف، ب، ل), so «ولد» stays whole


class Term(NamedTuple):
    term: str
    start: int
    end: int


def _fold_word(word: str) -> str:
    return _lower(_MATCH.fold(unicodedata.normalize("NFKC", _MATCH.fold(word))))


def _lower(text: str) -> str:
    """Lower case, with the final sigma as σ: str.lower writes ς by the letters around it,
    which differ between a whole text and one word."""
    low = text.lower()
    return low.replace("ς", "σ") if "ς" in low else low


@lru_cache(maxsize=1)
def _clitics() -> tuple[tuple[tuple[str, int], ...], str]:
    data = load("ner_clitics")
    article = _fold_word(data["article"])
    prefixes = {_fold_word(p) for p in data["detachable"]} | {article}
    with_article = {p for p in prefixes if p.endswith(article)} | \
        {_fold_word(p) for p in data["absorbs_article"]}
    # every proclitic, alone or followed by the article («وبال», «بال»), longest first,
    # with the letters the rest must keep: 2 after the article, 3 after a bare proclitic
    # (so stripping «وب» at once asks what stripping «و» then «ب» asks)
    return tuple((p, MIN_REST if p in with_article else MIN_REST_SHORT)
                 for p in sorted(prefixes, key=lambda x: (-len(x), x))), article


@lru_cache(maxsize=1)
def _proclitic_re() -> re.Pattern[str]:
    """One proclitic of `_clitics` at the start of a word, followed by the letters its rest
    must keep: an alternation tried in the order of `_clitics` (longest first), which a
    regular expression does in C; a word is all letters, so a lookahead of N characters
    asks for N letters."""
    return re.compile("|".join(f"{re.escape(p)}(?=.{{{need}}})" for p, need in _clitics()[0]),
                      re.DOTALL)


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    """The search term of one folded word: proclitics stripped, greedily (the longest that
    leaves enough letters, again until none does)."""
    match = _proclitic_re().match
    while m := match(word):
        word = word[m.end():]
    return word


@lru_cache(maxsize=100_000)
def word_terms(word: str) -> tuple[str, ...]:
    """The terms of one word as written (digits and letters apart: «٢٠٢٤م» -> 2024, م).
    Cached: marking a snippet runs `terms` over its text, word by word (~15 µs a word
    folded, news words repeat)."""
    return _folded_terms(_fold_word(word))


@lru_cache(maxsize=100_000)
def _folded_terms(folded: str) -> tuple[str, ...]:
    return tuple(stem(p) if not p.isdigit() else p for p in _PIECES.findall(folded))


def terms(text: str) -> Iterator[Term]:
    for m in _WORD.finditer(text):
        for t in word_terms(m.group()):
            yield Term(t, m.start(), m.end())


class _StemCache(dict):
    """Search terms of folded pieces, looked up from C (`map(cache.__getitem__, ...)`);
    emptied when it grows past `limit`, so memory stays bounded and results unchanged."""

    limit = 200_000

    def __missing__(self, piece: str) -> str:
        if len(self) >= self.limit:
            self.clear()
        term = self[piece] = stem(piece) if not piece.isdigit() else piece
        return term


_STEMS = _StemCache()


def index_text(text: str) -> str:
    """What the full-text index stores for `text`: the terms of `terms`, without offsets,
    from the whole text folded at once (the same steps as `_fold_word`). The pieces of
    every word are found in one pass over the whole text: a piece (letters, or digits)
    never crosses a character that ends a word, so they are the pieces word by word."""
    pieces = _fast_pieces(text) if len(text) >= _FAST_FROM else None
    if pieces is None:
        folded = _MATCH.fold(text)
        if not unicodedata.is_normalized("NFKC", folded):
            folded = _MATCH.fold(unicodedata.normalize("NFKC", folded))
        pieces = _PIECES.findall(_lower(folded))
    return " ".join(map(_STEMS.__getitem__, pieces))


_FAST_FROM = 600  # characters: shorter texts fold faster without numpy's per-call cost
_DELETED = 0xFFFFFFFF
_SPACE = 32


@lru_cache(maxsize=1)
def _code_tables() -> tuple[np.ndarray, np.ndarray]:
    """For every BMP code point: what the "match" folding makes of it (_DELETED when it
    drops it), and its class for `_PIECES`: 1 a letter (its second branch), 2 an ASCII digit,
    0 anything else (which ends a piece)."""
    fold = np.arange(0x10000, dtype=np.uint32)
    for code, repl in enumerate(_MATCH._table):
        if repl is None:
            fold[code] = _DELETED
        elif isinstance(repl, str):
            fold[code] = ord(repl)  # every mapping is one character (checked in tests)
    plane = "".join(map(chr, range(0x10000)))
    cls = np.zeros(0x10000, dtype=np.uint8)
    cls[[m.start() for m in re.finditer(r"[^\W\d_]", plane)]] = 1
    cls[ord("0"):ord("9") + 1] = 2
    return fold, cls


def _codes(text: str) -> np.ndarray | None:
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    return None if len(codes) and int(codes.max()) >= 0x10000 else codes


def _fast_pieces(text: str, offsets: bool = False):  # type: ignore[no-untyped-def]
    """`_PIECES.findall(fold(text).lower())` computed on code-point arrays (str.translate
    and the regex cost ~0.1 µs a character on Arabic text); None when the text needs the
    plain path (a character past the BMP, or one that NFKC changes after folding).
    With `offsets`: (pieces, their starts and ends in `text`, the text offsets of the
    folded characters, the folded text), None also when lower case changes a length."""
    codes = _codes(text)
    if codes is None:
        return None
    fold, cls = _code_tables()
    folded = fold[codes]
    keep = folded != _DELETED
    folded = folded[keep]
    out = folded.tobytes().decode("utf-32-le", "surrogatepass")
    if not unicodedata.is_normalized("NFKC", out):
        return None
    lowered = _lower(out)
    if lowered != out:
        codes = _codes(lowered)
        if codes is None or (offsets and len(codes) != len(folded)):
            return None
    else:
        codes = folded
    kind = cls[codes]
    chars = np.where(kind != 0, codes, _SPACE).astype(np.uint32)
    # a letter run and a digit run that touch («2024م») are two pieces
    touch = np.flatnonzero((kind[1:] != kind[:-1]) & (kind[1:] != 0) & (kind[:-1] != 0))
    if len(touch):
        chars = np.insert(chars, touch + 1, _SPACE)
    pieces = chars.tobytes().decode("utf-32-le", "surrogatepass").split()
    if not offsets:
        return pieces
    # a piece is a run of one nonzero class: its first and last characters, mapped back
    # through the characters the folding kept
    word = kind != 0
    change = np.empty(len(kind) + 1, dtype=bool)
    change[0] = change[-1] = True
    change[1:-1] = kind[1:] != kind[:-1]
    first = np.flatnonzero(word & change[:-1])
    last = np.flatnonzero(word & change[1:])
    if len(first) != len(pieces):  # pragma: no cover - the two cuts are one rule
        return None
    kept = np.flatnonzero(keep)
    return pieces, kept[first], kept[last] + 1, kept, out


@lru_cache(maxsize=20_000)
def index_name(text: str) -> str:
    """`index_text` of a short text that recurs across articles (a speaker's name)."""
    return index_text(text)


class FoldedText:
    """`index_text` of a text, with the offsets in the text of each term, so that the
    index text of a stretch of it (a statement's content) is read off the terms already
    made instead of folded again: `stretch(a, b) == index_text(text[a:b])`, checked in
    tests/test_corpus_folding.py. A stretch whose ends cut a term, or whose folded
    characters NFKC would change alone, is folded on its own; so is every stretch of a
    short text (folded by the plain path, without offsets)."""

    __slots__ = ("source", "terms", "text", "_starts", "_ends", "_kept", "_folded")

    def __init__(self, source: str, fast_from: int = -1) -> None:
        self.source = source
        got = _fast_pieces(source, offsets=True) \
            if len(source) >= (_FAST_FROM if fast_from < 0 else fast_from) else None
        if got is not None:
            pieces, self._starts, self._ends, self._kept, self._folded = got
            self.terms = list(map(_STEMS.__getitem__, pieces))
            self.text = " ".join(self.terms)
        else:
            self._starts = self._ends = self._kept = None
            self._folded = ""
            self.text = index_text(source)
            self.terms = self.text.split()

    def stretch(self, start: int, end: int) -> str:
        """index_text(source[start:end])."""
        if self._starts is None or not 0 <= start <= end <= len(self.source):
            return index_text(self.source[start:end])
        ends = self._ends
        i, j = np.searchsorted(self._starts, (start, end)).tolist()
        # a term that runs over either end: the stretch alone cuts it otherwise
        if (i and ends[i - 1] > start) or (j and ends[j - 1] > end):
            return index_text(self.source[start:end])
        a, b = np.searchsorted(self._kept, (start, end)).tolist()
        if not unicodedata.is_normalized("NFKC", self._folded[a:b]):
            return index_text(self.source[start:end])
        return " ".join(self.terms[i:j])


@lru_cache(maxsize=20_000)
def key(name: str) -> str:
    """A matching key for names: folded words with their article and proclitics stripped."""
    return " ".join(t.term for t in terms(name))
