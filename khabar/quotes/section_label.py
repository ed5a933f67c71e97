"""A wire's section label before a headline: «رياضي / المدرب: …», «عام / "الهيئة": …».

News agencies open every headline with a one-word section and a slash. Before a headline
that quotes a source («X: …»), the label is no part of the source's name.
"""
from __future__ import annotations

from khabar.quotes.sentence import Sentence

_SLASH = "/"
_LABEL_MAX = 2  # words of a section label


def after_section_label(s: Sentence, k: int) -> int:
    """The token after a label of a word or two and its slash at k, else k."""
    for x in range(k + 1, min(len(s), k + _LABEL_MAX + 1)):
        if s.words[x] == _SLASH:
            if all(s.isword[y] and not s.inside[y] for y in range(k, x)) and x + 1 < len(s):
                return x + 1
            return k
        if not s.isword[x]:
            return k
    return k
