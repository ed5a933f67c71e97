"""«بحسب أحد التقارير», «وفقا لإحدى الدراسات», «بحسب أحد المسؤولين»: one of several sources.

A quantifier of one (anonymous_sources.yaml `source_quantifiers`: «أحد», «إحدى») between an
attribution phrase and a plural source is part of the speaker's phrase; the head noun that
makes it a source is the word after it.
"""
from __future__ import annotations

from khabar.quotes.lexicon import LEX
from khabar.quotes.sentence import Sentence


def one_of_sources(s: Sentence, j: int, skip: int) -> tuple[int, int] | None:
    """(token, glued characters) of a quantifier at j with a source noun after it, or None."""
    if j + 1 >= len(s) or not s.isword[j + 1] or s.inside[j + 1]:
        return None
    if s.words[j][skip:] not in LEX.source_quantifiers:
        return None
    nxt = s.words[j + 1:j + 3]
    if any(lex.match(nxt, 0) for lex in (LEX.anonymous, LEX.groups, LEX.document_nouns,
                                         LEX.titles, LEX.org_heads, LEX.outlet_kinds)):
        return j, skip
    return None
