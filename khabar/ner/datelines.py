"""Places named in a story's dateline («المدينة 3 مايو 2021 م», «المدينة (البلد) 25 شوال
1436 هـ الموافق …»): the furniture stage keeps that line out of the body, so the tagger
never reads it, yet the dateline names where the story was filed.

The place is what stands before the line's first figure: one to `_MAX_WORDS` words, or two
such runs when the second is a country in brackets. Function words, months and weekdays
make the run no place («في 3 مايو»).
"""
from __future__ import annotations

import re
from functools import lru_cache

from khabar.document import Article
from khabar.ner.lexical import key
from khabar.resources import load

_MAX_WORDS = 3
_LEAD = 80  # characters of the line a dateline's place may span
_RUN = re.compile(r"[^\W\d_]+(?:\s+[^\W\d_]+)*")
_DIGIT = re.compile(r"\d")


@lru_cache(maxsize=1)
def _not_place() -> frozenset[str]:
    words = list(load("function_words")["words"])
    for names in load("months").values():
        for spellings in (names.values() if isinstance(names, dict) else [names]):
            words.extend(w for s in spellings for w in s.split())
    for spellings in load("weekdays").values():
        words.extend(spellings)
    words.extend(load("gazetteer_heads")["not_in_names"])
    return frozenset(key(w) for w in words)


def places(article: Article) -> list[tuple[int, int]]:
    """(start, end) of the places in the article's first dateline, if any."""
    layer = article.layers.get("boilerplate")
    if layer is None:
        return []
    lines = sorted((s for s in article.spans("boilerplate") if s.label == "date_line"),
                   key=lambda s: s.start)
    if not lines:
        return []
    line = lines[0]
    head = article.text[line.start:min(line.end, line.start + _LEAD)]
    digit = _DIGIT.search(head)
    if digit is None:
        return []
    runs = list(_RUN.finditer(head, 0, digit.start()))
    if not 1 <= len(runs) <= 2 or head[:runs[0].start()].strip():
        return []
    out = []
    for r in runs:
        words = r.group().split()
        if len(words) > _MAX_WORDS or any(key(w) in _not_place() or w.isascii()
                                          for w in words):
            return []
        out.append((line.start + r.start(), line.start + r.end()))
    if len(out) == 2 and head[runs[0].end():runs[1].start()].strip() != "(":
        return []  # two runs only as «المدينة (البلد)»
    return out
