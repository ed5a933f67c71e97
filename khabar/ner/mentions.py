"""From BIO tags over tokens to mention offsets, with the attached clitic left outside.

«والعراق» is a mention «العراق»; «بغداد» keeps its «ب» because «غداد» is no word;
«للأمم» keeps «لل», whose article is part of the name. The test of a real clitic is the
corpus: the rest of the token must be a known word at least as frequent as the token, and
the token must not itself be a listed name («ليلى», «لبنان» keep their letters).
"""
from __future__ import annotations

from itertools import compress, count

from khabar.ner import gazetteer as _gaz
from khabar.ner import wordclasses as _wc
from khabar.ner.lexical import ABSORBS_ARTICLE, ARTICLE, DETACHABLE, key
from khabar.normalize import fold
from khabar.resources import load

# a bare conjunction or preposition comes off only before at least this many letters:
# «وليد» is a name, not «و» + «ليد»
_MIN_BARE_NAME = 3
_O = "O"
LABELS = {"PERS": "PER", "PER": "PER", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC"}


def entities(tags: list[str]) -> list[tuple[int, int, str]]:
    """(first token, end token, type) for every entity in a BIO sequence (conlleval rules)."""
    out = []
    start, typ = None, None
    last = -2
    # only the tags other than "O" are read: a run of "O" between two of them closes
    # whatever was open, as its first "O" would (picked in C: most tags are "O")
    for i in compress(count(), map(_O.__ne__, tags)):
        if start is not None and i != last + 1:
            out.append((start, last + 1, typ))
            start = typ = None
        pre, _, t = tags[i].partition("-")
        begins = pre == "B" or (pre == "I" and t != typ)
        if start is not None and (pre == "O" or begins):
            out.append((start, i, typ))
            start = typ = None
        if pre in ("B", "I") and (begins or start is None):
            start, typ = i, t
        last = i
    if start is not None:
        out.append((start, last + 1, typ))
    return out


def _known(word: str, than: str) -> bool:
    """Whether `word` (the token `than` without a bare clitic) is the real word: never when
    the whole token is itself a listed name («ليلى» is no «ل» + «يلى», however frequent
    the verb «يلي» is)."""
    if _gaz.default().listed(than):
        return False
    ranks = _wc.default().ranks
    r = ranks.get(word)
    if r is not None and (than not in ranks or r <= ranks[than]):
        return True
    return _gaz.default().listed(word) and not _gaz.default().listed(than)


def _whole_name(k: str, rest: str) -> bool:
    """Whether the token is a word of its own, not a clitic before `rest` (an article
    word): the corpus knows it, and knows `rest` less often or not at all, or the token
    alone is a listed name and `rest` is not."""
    gaz = _gaz.default()
    if gaz.listed(k) and not gaz.listed(rest):
        return True
    ranks = _wc.default().ranks
    r = ranks.get(k)
    return r is not None and ranks.get(rest, len(ranks)) > r


def clitic_length(k: str) -> int:
    """How many leading characters of the keyed token are a detachable clitic."""
    gaz = _gaz.default()
    if not gaz.listed(k):
        # a clitic that leaves a listed name is the one: «وليلى» is «و» + «ليلى», not
        # «ول» + «يلى»
        for c in DETACHABLE:
            if k.startswith(c) and not c.endswith(ARTICLE) and c not in ABSORBS_ARTICLE \
                    and len(k) - len(c) >= _MIN_BARE_NAME and gaz.listed(k[len(c):]):
                return len(c)
    for c in DETACHABLE:
        if not k.startswith(c) or len(k) - len(c) < 2:
            continue
        if c in ABSORBS_ARTICLE:
            return len(c) - 2  # only the conjunction before «لل» comes off
        if c.endswith(ARTICLE):
            # «بالعراق» is «ب» + «العراق»; «كاليفورنيا», «فالنسيا» are no «ك», «ف» + article
            return 0 if _whole_name(k, k[len(c) - len(ARTICLE):]) else len(c) - len(ARTICLE)
        if len(k) - len(c) >= _MIN_BARE_NAME and _known(k[len(c):], k):
            return len(c)
    return 0


def raw_offset(token: str, folded_chars: int) -> int:
    """The offset in `token` after `folded_chars` characters of its folded form
    (folding deletes diacritics and tatweel, so the two can differ)."""
    if folded_chars <= 0:
        return 0
    seen = 0
    for i, ch in enumerate(token):
        seen += len(fold(ch))
        if seen >= folded_chars:
            i += 1
            while i < len(token) and not fold(token[i]):  # marks on the clitic stay with it
                i += 1
            return i
    return len(token)


def strip_clitic(token: str) -> int:
    """Characters of `token` to leave out of a mention that begins with it (kept per
    token: names recur, and the answer depends on the token and the shipped tables
    alone)."""
    n = _STRIPPED.get(token)
    if n is None:
        n = raw_offset(token, clitic_length(key(token)))
        if len(_STRIPPED) >= _STRIPPED_MAX:
            _STRIPPED.clear()
        _STRIPPED[token] = n
    return n


def strip_conjunction(token: str) -> int:
    """Characters of `token` to leave out when it continues a list of names of one type
    («طرفاية، وبوجدور»): its «و» is the list's conjunction even where the rest is a rare
    word the corpus does not know (`strip_clitic` keeps it then, «وليد» being a name)."""
    k = key(token)
    if not k.startswith(_CONJ) or len(k) - len(_CONJ) < _MIN_BARE_NAME \
            or _gaz.default().listed(k):
        return 0
    ranks = _wc.default().ranks
    if k in ranks and k[len(_CONJ):] not in ranks:
        return 0  # «وهران» is a word the corpus knows, «هران» is none
    return raw_offset(token, len(_CONJ))


_CONJ = fold(load("ner_clitics")["conjunction"])
_STRIPPED: dict[str, int] = {}
_STRIPPED_MAX = 1 << 14
