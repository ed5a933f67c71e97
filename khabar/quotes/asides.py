"""Asides that stand between a source and what it said, and are neither.

An anonymity clause after an unnamed source («مسؤول، طلب عدم ذكر اسمه، …») holds a verb
and a verbal noun that look like cues; it is skipped whole. Its words come from
anonymous_sources.yaml (openers and identity nouns).
"""
from __future__ import annotations

from khabar.quotes.lexicon import LEX
from khabar.quotes.sentence import Sentence

_ANONYMITY_MAX = 7  # words from the opener to the identity noun («… عن هويته»)


def _identity_at(s: Sentence) -> list[int]:
    if s.identity_at is None:
        s.identity_at = [k for k, w in enumerate(s.words) if w in LEX.identity_nouns]
    return s.identity_at


def anonymity_end(s: Sentence, k: int) -> int | None:
    """The token after an anonymity clause starting at k, or None."""
    if k >= len(s.words) or s.words[k] not in LEX.anonymity_openers or not _identity_at(s):
        return None
    for x in range(k + 1, min(len(s.words), k + _ANONYMITY_MAX + 1)):
        if not s.isword[x]:
            return None
        if s.words[x] in LEX.identity_nouns:
            return x + 1
    return None


def in_anonymity_clause(s: Sentence, k: int) -> bool:
    """Whether token k lies inside an anonymity clause that opens a few words before."""
    if not any(k < x <= k + _ANONYMITY_MAX for x in _identity_at(s)):
        return False
    for a in range(max(0, k - _ANONYMITY_MAX), k):
        end = anonymity_end(s, a)
        if end is not None and a < k < end:
            return True
    return False
