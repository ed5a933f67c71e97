"""Paragraphs, sentences and tokens as spans over the article's body (and title).

Scraped pages break lines inside sentences (every link on its own line) and quotations
run over several sentences, so a line break is a boundary only where the text says so,
and a sentence does not end inside a balanced quotation.
"""
from __future__ import annotations

import re

from khabar.document import Article

_TERMINAL = ".!?؟…"
_CLOSERS = "\"'»”’)]"
_OPENERS = {"«": "»", "“": "”", "\"": "\"", "„": "”"}
# sentence end: terminal punctuation and the closers after it, followed by a space (so not a
# decimal point); `_initial` rules out the dot of an initial or a one-letter abbreviation
_SENT_END = re.compile(r"[.!?؟…]+[\"'»”’)\]]*(?=\s|$)")
TOKEN = re.compile(r"\d+(?:[.,٫٬]\d+)*|[^\W\d_]+(?:[-'’][^\W\d_]+)*|[^\w\s]", re.UNICODE)
# the same pattern as one group, for `re.split` (the token layer cuts a region in one call)
TOKEN_SPLIT = re.compile(f"({TOKEN.pattern})", re.UNICODE)
_SHORT_LINE = 5  # words: a shorter line without final punctuation is a broken-off fragment


def segment(article: Article) -> None:
    """Add `paragraphs`, `sentences` and `tokens` over every body and title span."""
    # the token layer exists even when no sentence fills it (a text of blank lines):
    # the stage declares it, and a later reader must not be the one that makes it
    tokens = article.tokens
    zones = [(s, "title") for s in article.spans("title")] + \
            [(s, "body") for s in article.spans("body")]
    for zone, kind in sorted(zones, key=lambda z: z[0].start):
        for p_start, p_end in _paragraphs(article.text, zone.start, zone.end):
            article.add("paragraphs", p_start, p_end, "paragraph", zone=kind)
            for s_start, s_end in _sentences(article.text, p_start, p_end):
                article.add("sentences", s_start, s_end, "sentence", zone=kind)
                tokens.add_region(s_start, s_end)  # what `tokenize` does


def _lines(text: str, start: int, end: int):
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl < 0 else nl
        yield pos, stop
        pos = stop + 1


def _paragraphs(text: str, start: int, end: int):
    """Lines joined where a line break falls inside a sentence."""
    # what `_continues` asks of the paragraph so far is kept up to date line by line (its
    # last two characters, its last line's words, its quotation marks), never read again
    # from the whole paragraph: a long run of joined lines stays linear
    cur: tuple[int, int] | None = None
    marks = (0, 0, 0, 0, 0)
    last_words = 0
    for ls, le in _lines(text, start, end):
        line = text[ls:le]
        stripped = line.strip()
        if not stripped:
            if cur:
                yield cur
                cur = None
            continue
        a = ls + (len(line) - len(line.lstrip()))
        b = ls + len(line.rstrip())
        words = len(stripped.split())
        if cur is not None and _joins(text[max(cur[0], cur[1] - 2):cur[1]], last_words,
                                      marks, stripped):
            cur = (cur[0], b)
            marks = tuple(x + y for x, y in zip(marks, _marks(stripped)))
        else:
            if cur is not None:
                yield cur
            cur = (a, b)
            marks = _marks(stripped)
        last_words = words
    if cur:
        yield cur


def _continues(prev: str, nxt: str) -> bool:
    """Whether a line break between these two lines lies inside one sentence."""
    return _joins(prev.rstrip()[-2:], len(prev.rsplit("\n", 1)[-1].split()), _marks(prev),
                  nxt)


def _joins(tail: str, last_line_words: int, marks: tuple[int, ...], nxt: str) -> bool:
    """`_continues` from what it needs of the text before the break: its last two
    characters (white space stripped), the number of words on its last line and its
    quotation marks (`_marks`)."""
    last = tail[-1:]
    if last in _TERMINAL or last == ":":
        return False
    if last in _CLOSERS and tail[-2:-1] in _TERMINAL:
        return False
    if nxt[:1] in "-–•*":
        return False
    return last_line_words <= _SHORT_LINE or len(nxt.split()) <= _SHORT_LINE \
        or _open_marks(marks) or last in "،,؛;"


def _marks(s: str) -> tuple[int, int, int, int, int]:
    return s.count("«"), s.count("»"), s.count("“"), s.count("”"), s.count('"')


def _open_marks(m: tuple[int, ...]) -> bool:
    return m[0] > m[1] or m[2] > m[3] or m[4] % 2 == 1


def _open_quote(s: str) -> bool:
    return _open_marks(_marks(s))


def _sentences(text: str, start: int, end: int):
    sub = text[start:end]
    s = 0
    depth_guard = 0
    for m in _SENT_END.finditer(sub):
        if _initial(sub, m.start()):
            continue
        cut = m.end()
        piece = sub[s:cut]
        # keep a quotation that runs over several sentences in one sentence
        if _open_quote(piece) and depth_guard < 4:
            depth_guard += 1
            continue
        depth_guard = 0
        a, b = _trim(sub, s, cut)
        if b > a:
            yield start + a, start + b
        s = cut
    a, b = _trim(sub, s, len(sub))
    if b > a:
        yield start + a, start + b


def _initial(s: str, dot: int) -> bool:
    """A dot right after a one-letter word: «J. Smith», «د. أحمد» (Dr.)."""
    return s[dot] == "." and dot >= 1 and s[dot - 1].isalpha() and (
        dot == 1 or not s[dot - 2].isalnum())


def _trim(s: str, a: int, b: int) -> tuple[int, int]:
    while a < b and s[a].isspace():
        a += 1
    while b > a and s[b - 1].isspace():
        b -= 1
    return a, b


def tokenize(article: Article, start: int, end: int) -> None:
    """Tokens of text[start:end] go to the article's token layer (cut on first use)."""
    article.tokens.add_region(start, end)


def token_texts(text: str) -> list[tuple[int, int, str]]:
    """(start, end, token) for a bare string, as the tagger and the CLI need them."""
    return [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text)]
