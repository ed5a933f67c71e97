"""Word keys and clitic splitting shared by the tagger's features, the clusters and grouping.

Everything here works on the *key* of a token (folded letters, lower case, digits as 0),
so that «والعراق», «بالعراق» and «العراق» meet on one form.
"""
from __future__ import annotations

from functools import lru_cache

from khabar.normalize import MAPPINGS, fold
from khabar.resources import load

_DIGITS_TO_ZERO = str.maketrans("123456789", "000000000")

_CLITICS = load("ner_clitics")
ARTICLE = fold(_CLITICS["article"])
# longest first, so «وبال» is tried before «و»
DETACHABLE: tuple[str, ...] = tuple(sorted({fold(c) for c in _CLITICS["detachable"]},
                                           key=len, reverse=True))
ABSORBS_ARTICLE = frozenset(fold(c) for c in _CLITICS["absorbs_article"])
# «و» + the article: a coordinated definite word («والاشتراكية»)
CONJ_ARTICLE = fold(_CLITICS["conjunction"]) + ARTICLE
# folded endings of relational adjectives («السياسي», «الوطنية»)
NISBA = tuple(fold(e) for e in _CLITICS["nisba_endings"])
# the alef of the article as written, and the hamza alefs the folding makes alike: «ألفة»
# (a name) folds like «الفة»; «الباحث» has the article
_BARE_ALEF = _CLITICS["article"][:1]
_ALEFS = frozenset(MAPPINGS["alef"]) | {_BARE_ALEF}


def written_article(token: str) -> bool:
    """The token's first alef is bare, as the article's is («والباحث», «لالتزام»; not
    «ألفة», «لألعاب»): folding makes both look like an article."""
    return next((c for c in token if c in _ALEFS), "") == _BARE_ALEF
# the clitics by their first letter, longest first as in DETACHABLE: a word is only ever
# compared with those it could begin with
_BY_FIRST: dict[str, tuple[str, ...]] = {
    ch: tuple(c for c in DETACHABLE if c[0] == ch) for ch in {c[0] for c in DETACHABLE}}
_MIN_STEM = 2
# news vocabulary is Zipfian: a bounded cache answers most lookups of a run. The tagger
# keeps what it needs of each form in its score table (scoring.py); these serve a new
# form's look-ups (spelling variants of a known word share its key) and the rules' words.
# Full after some 2,000 articles, so that they do not grow with a long run: at 16,384
# the entity stage took some 4 % longer, at 131,072 they grew for some 12,000 articles
_CACHE = 1 << 16


@lru_cache(maxsize=_CACHE)
def key(token: str) -> str:
    """The form a token is looked up by: folded letters, lower case, every digit as 0."""
    return fold(token).translate(_DIGITS_TO_ZERO)


@lru_cache(maxsize=_CACHE)
def split_clitic(k: str) -> tuple[str, str]:
    """(proclitic, rest) for the longest detachable proclitic that leaves a plausible stem.

    Purely orthographic: «بغداد» splits as «ب» + «غداد» here; callers that need to know
    whether the split is real ask `name_forms` or the vocabulary ranks.
    """
    for c in _BY_FIRST.get(k[:1], ()):
        if k.startswith(c) and len(k) - len(c) >= _MIN_STEM:
            return c, k[len(c):]
    return "", k


@lru_cache(maxsize=_CACHE)
def name_forms(k: str) -> tuple[str, ...]:
    """The ways a keyed token may be written as a bare name, most literal first.

    A conjunction or preposition comes off, an article stays (and comes back where «لل»
    swallowed it): «والعراق» -> «العراق», «للأمم» -> «الامم», «بغداد» -> «بغداد», «غداد».
    """
    out = [k]
    for c in _BY_FIRST.get(k[:1], ()):
        if not k.startswith(c) or len(k) - len(c) < _MIN_STEM:
            continue
        rest = k[len(c):]
        if c.endswith(ARTICLE) or c in ABSORBS_ARTICLE:
            rest = ARTICLE + rest
        if rest not in out:
            out.append(rest)
    return tuple(out)


@lru_cache(maxsize=_CACHE)
def core(k: str) -> str:
    """The token without any proclitic nor article: the stem features generalise over."""
    c, rest = split_clitic(k)
    if not c and k.startswith(ARTICLE) and len(k) - len(ARTICLE) >= _MIN_STEM:
        return k[len(ARTICLE):]
    return rest


def forms_of(k: str) -> tuple[tuple[str, str], str, tuple[str, ...]]:
    """`split_clitic(k)`, `core(k)` and `name_forms(k)` at once, uncached: for the score
    table's new word forms (scoring.py), which meet them once, in one pass over the
    clitics instead of three calls and three cache misses (tests/ner/test_lexical.py
    checks that it gives what the three give)."""
    split = ("", k)
    names = [k]
    n = len(k)
    for c in _BY_FIRST.get(k[:1], ()):
        if n - len(c) < _MIN_STEM or not k.startswith(c):
            continue
        rest = k[len(c):]
        if len(split[0]) == 0:
            split = (c, rest)
        if c.endswith(ARTICLE) or c in ABSORBS_ARTICLE:
            rest = ARTICLE + rest
        if rest not in names:
            names.append(rest)
    pre, rest = split
    if not pre and k.startswith(ARTICLE) and n - len(ARTICLE) >= _MIN_STEM:
        rest = k[len(ARTICLE):]
    return split, rest, tuple(names)
