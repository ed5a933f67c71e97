"""The word edges the statement grammar reads: clitics, the article, agreement endings.

Read once from the `morphology` section of quote_grammar.yaml and folded like the view,
so code compares them with folded tokens and never spells an Arabic letter itself.
"""
from __future__ import annotations

from khabar.normalize import fold
from khabar.resources import load

_M = load("quote_grammar")["morphology"]


def _t(items) -> tuple[str, ...]:
    return tuple(fold(x) for x in items)


CONJ = _t(_M["conjunctions"])
COORDINATOR = fold(_M["coordinator"])
PREPS = _t(_M["prepositions"])
ARTICLE = fold(_M["article"])
CONTRACTIONS = {fold(k): fold(v) for k, v in _M["contractions"].items()}
LAM = fold(_M["addressee_preposition"])
PRONOUN_SUFFIXES = _t(_M["pronoun_suffixes"])
FEMININE_BOUND, FEMININE = _t(_M["feminine_before_suffix"])
NOMINATIVE_BEFORE_SUFFIX = _t(_M["nominative_before_suffix"])
OBLIQUE_PLURAL = fold(_M["oblique_plural"])
NISBA = _t(_M["nisba_suffixes"])
IMPERFECT_PREFIX = fold(_M["imperfect_prefix"])
IMPERFECT_LETTERS = _t(_M["imperfect_letters"])
ACCUSATIVE = fold(_M["accusative"])
ANSWER_PARTICLE = fold(_M["answer_particle"])
COMPLEMENTIZER = _M["complementizer_marker"]  # compared with the raw `takes` entries
AGREEMENT = {form: {k: _t(v) for k, v in table.items()}
             for form, table in _M["agreement"].items()}


def contract(surface: str) -> str:
    """A clitic and the article as written («لال…» → «لل…»)."""
    for full, short in CONTRACTIONS.items():
        if surface.startswith(full):
            return short + surface[len(full):]
    return surface


# the article alone or after a conjunction («الوزير», «والوزير»)
ARTICLE_FORMS = (ARTICLE,) + tuple(c + ARTICLE for c in CONJ)
# the article after a preposition or a conjunction («بالقول», «للأناضول», «والوزير»)
CLITIC_ARTICLE = tuple(sorted({contract(p + ARTICLE) for p in PREPS + CONJ}, key=len,
                              reverse=True))
# every definite word start, longest first
DEFINITE = tuple(sorted(set(ARTICLE_FORMS + CLITIC_ARTICLE), key=len, reverse=True))
# the addressee preposition, alone or after a conjunction («ل», «ول»)
LAM_FORMS = (LAM,) + tuple(c + LAM for c in CONJ)
