"""Corrections on top of the tagger for running text, where ANERcorp's habits fall short.

ANERcorp (2007) seldom marks long institutional names, so for articles:
- a listed multi-word name (or a listed place) from the gazetteers is a mention, and
  wins over a shorter tagged piece of it;
- a place head word before a name makes a place («مخيم» + «قلنديا»), an organisation
  head word a body («وكالة» + «الأناضول»);
- an organisation head word followed by definite words is a body («حزب التقدم والاشتراكية»),
  and a body's name takes the relational adjectives after it («وزارة الصحة الأردنية»);
- runs of Latin-script prose (a quoted French sentence) and month or weekday names
  are not names.
"""
from __future__ import annotations

from collections import Counter
from functools import lru_cache
from itertools import compress, count
from operator import attrgetter

from khabar.ner import bodies as _bodies
from khabar.ner import gazetteer as _gaz
from khabar.ner import wordclasses as _wc
from khabar.ner.lexical import (
    ABSORBS_ARTICLE, ARTICLE, CONJ_ARTICLE, NISBA, core, key, split_clitic, written_article,
)
from khabar.resources import load

_ADDED_TYPES = frozenset({"LOC", "ORG", "MEDIA"})
_AS_LABEL = {"MEDIA": "ORG"}
_MAX_CHAIN = 4
_KEY, _CORE, _FORMS = attrgetter("key"), attrgetter("core"), attrgetter("forms")
_heads = load("gazetteer_heads")
ORG_HEADS = frozenset(core(key(w)) for w in _heads["organisation"])
PLACE_HEADS = frozenset(core(key(w)) for w in _heads["place"])
NOT_IN_NAMES = frozenset(key(w) for w in _heads["not_in_names"])
SETTLEMENT_HEADS = frozenset(core(key(w)) for w in _heads["settlement"])
NOT_PLACE_NAMES = frozenset(key(w) for w in _heads["not_place_names"]) | NOT_IN_NAMES
COMPOUND_PLACE_STARTS = frozenset(key(w) for w in _heads["compound_place_starts"])
PLACE_NAME_DIRECTIONS = frozenset(key(w) for w in _heads["place_name_directions"])
# of the listed one-word places, the share a word class must hold to count as a class of
# place names («الطائف», «صعدة» fall in the class most listed places fall in)
_PLACE_CLASS_SHARE = 0.1
_particles = load("name_particles")
NAME_BINDERS = frozenset(key(w) for w in _particles["particles"] + _particles["name_binders"])
COMPOUND_NAME_ENDS = frozenset(core(key(w)) for w in _particles["compound_name_ends"])
# calendar words the tagger may take for names («نيسان» is also a car maker)
_months = load("months")["gregorian"]
CALENDAR = frozenset(tuple(key(w) for w in name.split())
                     for names in list(_months.values()) + list(load("weekdays").values())
                     for name in names)


def _definite(k: str, coordinated: bool = False) -> bool:
    """A definite word that may continue a name: «الصحة», «للأمم», and where the name's
    head is in construct state also «والاشتراكية»; never «بالتآمر» (a prepositional phrase)."""
    clitic, rest = split_clitic(k)
    if k in NOT_IN_NAMES or len(rest) < 2:
        return False
    if not clitic:
        return k.startswith(ARTICLE)
    return clitic in ABSORBS_ARTICLE or (coordinated and clitic == CONJ_ARTICLE)


def _latin_prose(tokens: list[str]) -> bool:
    latin = [t for t in tokens if t[:1].isascii() and t[:1].isalpha()]
    return bool(latin) and (any(t[0].islower() for t in latin) or len(latin) > 4)


def refine(tokens: list[str], ents: list[tuple[int, int, str]], lexes=None
           ) -> list[tuple[int, int, str]]:
    """The tagger's (first, end, type) entities of one sentence, corrected. `lexes`: the
    tokens' `features.Lex`, where the caller has them (keys, cores and name forms)."""
    if lexes is None:
        keys = [key(t) for t in tokens]
        cores = [core(k) for k in keys]
        forms = None
    else:
        keys = list(map(_KEY, lexes))
        cores = list(map(_CORE, lexes))
        forms = list(map(_FORMS, lexes))
    spans = sorted(ents)
    for a, b, typ in _gaz.default().matches(keys, _ADDED_TYPES, forms):
        if b - a == 1 and typ != "LOC":
            continue  # single listed words like «الاتحاد» are too often common nouns
        inside = [e for e in spans if e[0] < b and a < e[1]]
        if inside == [(a, b, "MISC")]:  # ANERcorp files some bodies as MISC
            spans.remove(inside[0])
            spans.append((a, b, _AS_LABEL.get(typ, typ)))
            continue
        if all(a <= e[0] and e[1] <= b for e in inside) and \
                not any(e == (a, b, e[2]) for e in inside):
            spans = [e for e in spans if e not in inside] + [(a, b, _AS_LABEL.get(typ, typ))]
    spans.sort()
    taken = [False] * len(tokens)
    for a, b, _t in spans:
        for i in range(a, b):
            taken[i] = True
    out = []
    for a, b, typ in spans:
        if a > 0 and not taken[a - 1]:
            if cores[a - 1] in PLACE_HEADS:
                a, typ = a - 1, "LOC"
                taken[a] = True
            elif cores[a - 1] in ORG_HEADS and typ in ("ORG", "LOC"):
                a, typ = a - 1, "ORG"
                taken[a] = True
        if typ == "ORG" and cores[a] in ORG_HEADS and b - a > 1 and \
                all(_definite(keys[x]) for x in range(a + 1, b)):
            # «وزارة الصحة» + «الفلسطينية»: a listed body qualified by a nisba adjective
            while b < len(tokens) and not taken[b] and _definite(keys[b]) \
                    and cores[b].endswith(NISBA):
                taken[b] = True
                b += 1
        out.append((a, b, typ))
    # the bodies' head words, picked in C: most words are none
    for i in compress(count(), map(ORG_HEADS.__contains__, cores)):
        if taken[i]:
            continue
        clitic = split_clitic(keys[i])[0]
        # «حزب», «وحزب»: construct state; «الحزب», «بالحزب», «للحزب»: definite
        construct = not keys[i].startswith(ARTICLE) and not clitic.endswith(ARTICLE) \
            and clitic not in ABSORBS_ARTICLE
        j = i + 1
        while j < len(tokens) and j - i <= _MAX_CHAIN and not taken[j] \
                and _definite(keys[j], coordinated=construct and j > i + 1):
            j += 1
        # a definite head with one adjective is mostly a common noun phrase
        # («القوات العراقية»); with more it is a name («المركز الوطني لحقوق …»)
        if j > i + (1 if construct else 2):
            out.append((i, j, "ORG"))
            for x in range(i, j):
                taken[x] = True
    out.extend(_settlements(keys, cores, taken))
    out = _bodies.apply(tokens, keys, cores, out, forms, ORG_HEADS, _definite)
    out = _bound_persons(tokens, keys, out, forms)
    return sorted(e for e in out if not _latin_prose(tokens[e[0]:e[1]])
                  and tuple(keys[e[0]:e[1]]) not in CALENDAR)


def _settlements(keys: list[str], cores: list[str], taken: list[bool]
                 ) -> list[tuple[int, int, str]]:
    """A settlement head in construct state and the place name after it, where the tagger
    tagged neither («بمحافظة» + a town it never met): «محافظة X», «وبلدة X»; not
    «المحافظة على …» (definite: a common noun), not «منطقة جنوب …» (a direction), not
    «منطقة جبلية» (an adjective). A compound name's first word takes the next word
    («بلدة بيت X»), and the name a direction adjective after it («منطقة X الشمالية»)."""
    out = []
    n = len(keys)
    for i in compress(count(), map(SETTLEMENT_HEADS.__contains__, cores)):
        j = i + 1
        clitic = split_clitic(keys[i])[0]
        if j >= n or taken[i] or taken[j] or keys[i].startswith(ARTICLE) or \
                clitic.endswith(ARTICLE) or clitic in ABSORBS_ARTICLE or \
                not _place_name(keys[j]):
            continue
        end = j + 1
        if keys[j] in COMPOUND_PLACE_STARTS:
            if end >= n or taken[end] or keys[end] in NOT_PLACE_NAMES or not keys[end].isalpha():
                continue
            end += 1
        if end < n and not taken[end] and keys[end] in PLACE_NAME_DIRECTIONS:
            end += 1
        out.append((i, end, "LOC"))
        for x in range(i, end):
            taken[x] = True
    return out


def _place_name(k: str) -> bool:
    """A word that may be a place's name (listed places are mentions already): a word
    of a class of place names, or a word too rare for the word classes and no clitic."""
    if k in NOT_PLACE_NAMES or not k.isalpha() or len(core(k)) < 2:
        return False
    if k in COMPOUND_PLACE_STARTS:
        return True
    classes = _wc.default().clusters.get(k)
    if classes is None:
        return not split_clitic(k)[0] and not k.isascii()
    # a known indefinite word with a nisba ending is an adjective («منطقة جبلية»)
    return classes[0] in _place_classes() and \
        (k.startswith(ARTICLE) or not k.endswith(NISBA))


@lru_cache(maxsize=1)
def _place_classes() -> frozenset[str]:
    """The coarse word classes that hold a good share of the listed one-word places."""
    table = _wc.default().clusters
    listed = [key(e) for names in load("gazetteer_places").values() for e in names
              if " " not in e]
    seen = Counter(table[k][0] for k in listed if k in table)
    total = sum(seen.values())
    return frozenset(c for c, n in seen.items() if n >= _PLACE_CLASS_SHARE * total)


def _bound_persons(tokens: list[str], keys: list[str], spans: list[tuple[int, int, str]],
                   forms=None) -> list[tuple[int, int, str]]:
    """Person spans the tagger ran on past one person's name, cut back:
    - a listed title inside the span starts the words after the name
      («عمر بن سالم نائب الوزير», «سامي حداد وزير …»);
    - a definite common word before a given name is the person's description, not part of
      the name («الباحث سامي حداد»: the name starts at «سامي»);
    - a given name right after a definite family name starts a second person («سامي
      الخطيب عمر الزين» → two names), unless a particle binds it («الحسن بن علي», «أبي
      العباس أحمد»), the word before is a given name too («محمد الأمين …») or ends a
      compound one («نور الدين محمود»); each part keeps two words at least. Without the
      article («خالد منصور سامي حداد») a chain of fathers' names looks the same: kept.
    - a span left with nothing but a title is dropped."""
    if not any(typ in _PERSON and b - a > 1 for a, b, typ in spans):
        return spans
    gaz = _gaz.default()
    titles = {a: b for a, b, _t in gaz.matches(keys, _TITLE, forms)}
    found = gaz.matches(keys, _GIVEN, forms)
    given = {a for a, _b, _t in found}
    in_given = {i for a, b, _t in found for i in range(a, b)}
    out = []
    for a, b, typ in spans:
        if typ not in _PERSON or b - a < 2:
            out.append((a, b, typ))
            continue
        b = next((i for i in range(a + 1, b) if _title_cut(keys, i, b, titles, given)), b)
        if titles.get(a, a) >= b:
            continue  # «ولي ولي»: nothing but a title is left, no name
        if _definite(keys[a]) and a not in given and written_article(tokens[a]):
            start = next((i for i in range(a + 1, b) if i in given), None)
            if start is not None and not _bound(keys[start - 1]):
                a = start
        pieces = [a]
        for i in range(a + 2, b - 1):
            if i not in given or i - pieces[-1] < 2 or _bound(keys[i - 1]) or \
                    _bound(keys[i - 2]) or i - 1 in in_given or \
                    core(keys[i - 1]) in COMPOUND_NAME_ENDS:  # «أبي العباس أحمد …»: a kunya
                continue
            if _definite(keys[i - 1]):
                pieces.append(i)  # a family name, then a given name: a second person
        out.extend((x, y, typ) for x, y in zip(pieces, pieces[1:] + [b]) if y > x)
    return out


def _title_cut(keys: list[str], i: int, b: int, titles: dict[int, int], given) -> bool:
    """A listed title at i ends the name before it: not a given name, nor a word a binder
    ties to the name («آل الشيخ», «أمين بن …»), and not the span's last word unless the
    title runs past it («… ولي العهد»): a last «السيد» may be a family name."""
    end = titles.get(i)
    if end is None or i in given or _bound(keys[i - 1]) or i + 1 < b and _bound(keys[i + 1]):
        return False
    return i + 1 < b or end > b


def _bound(k: str) -> bool:
    """A particle or binder that ties the next word to the name («بن», «أبو», «عبد»)."""
    return k in NAME_BINDERS


_TITLE = frozenset({"TITLE"})
_GIVEN = frozenset({"GIVEN"})
_PERSON = frozenset({"PERS", "PER"})
_TITLE_REACH = 4  # a title, then at most this many words (qualifiers) before the name


def title_before(tokens: list[str], at: int, named: frozenset[int] = frozenset(),
                 lexes=None) -> int | None:
    """The first token of a listed title that stands just before token `at`, allowing
    qualifiers in between («الرئيس الفرنسي …», «وزير الخارجية الأردني …») and names
    (`named`: indices of tokens inside other mentions, «الناطق باسم هيئة الموانئ …»),
    or None. `lexes`: the tokens' `features.Lex`, where the caller has them."""
    lo = max(0, at - _TITLE_REACH - 2)
    if lexes is None:
        keys = [key(t) for t in tokens[lo:at]]
        forms = None
    else:  # the tagger's keys and gazetteer forms (`refine`)
        keys = list(map(_KEY, lexes[lo:at]))
        forms = list(map(_FORMS, lexes[lo:at]))
    best = None
    for a, b, _t in _gaz.default().matches(keys, _TITLE, forms):
        gap = range(b, len(keys))
        if len(gap) <= _TITLE_REACH and \
                all(lo + j in named or _definite(keys[j]) for j in gap):
            best = lo + a
    return best
