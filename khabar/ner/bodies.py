"""Span rules for organisations (and regions) in running text, after the head-word rules.

The tagger learnt from ANERcorp, which seldom marks long institutional names, and the
head-word rules of `rules.py` take a head with its definite words only. Here:
- a name with an organisation head is an organisation, whatever the tagger called it
  («الاتحاد المغربي …» tagged a place or MISC); a lone listed place tagged ORG is a place;
- a definite head with its adjective goes on with a «ل» genitive: «المركز الوطني لحقوق
  الإنسان», «الاتحاد الإفريقي لألعاب القوى» (data: `ner_bodies.yaml`, genitive_heads);
- a listed outlet between quotes or brackets is an outlet («كتب في "الغد"», «(واس)»),
  some outlets are names alone («رويترز»); a Latin acronym or a short name in brackets
  right after a body or a place is a body («الاتحاد الدولي (فيفا)», «دبي (CNN)»);
- places joined by dashes after a region word are one region («جهة طنجة - تطوان»);
- a body the tagger ran on into a person's name is cut before it («حماس» + «سامي
  حداد»): a listed given name after a listed body, or after a body of two words or more.
"""
from __future__ import annotations

import re
from itertools import compress, count

from khabar.ner import gazetteer as _gaz
from khabar.ner.lexical import ABSORBS_ARTICLE, ARTICLE, core, key, split_clitic
from khabar.normalize import fold
from khabar.resources import load

_data = load("ner_bodies")
GENITIVE_HEADS = frozenset(core(key(w)) for w in _data["genitive_heads"])
REGION_HEADS = frozenset(core(key(w)) for w in _data["region_heads"])
NAMES_ALONE = frozenset(key(w) for w in _data["names_alone"])
PORTFOLIOS = frozenset(key(w) for w in _data["portfolios"])
NATIONAL_BODIES = frozenset(key(w) for w in _data["national_bodies"])
_nationalities = load("corpus_names")["nationalities"]
NATIONALITIES = frozenset(key(w) for w in _nationalities)
NATIONALITIES_FEM = frozenset(key(w + _data["feminine_ending"]) for w in _nationalities)
_PORTFOLIO_OR_BODY = frozenset(core(k) for k in PORTFOLIOS | NATIONAL_BODIES)
ENCLOSURES = {o: frozenset(c) for o, c in _data["enclosures"].items()}
DASHES = frozenset(_data["dashes"])
_clitics = load("ner_clitics")
_NISBA = tuple(fold(e) for e in _clitics["nisba_endings"])
# the bare «ل» of a genitive («لحقوق»); «لل» (the article swallowed) is ABSORBS_ARTICLE
_LAM = fold(_data["genitive_preposition"])
_CONJ_ARTICLE = fold(_clitics["conjunction"]) + ARTICLE
_BARE_ALEF = _clitics["article"][:1]
_ALEF_HAMZA = fold("أ")[:1]
_titles = load("titles")
TITLE_WORDS = frozenset(key(w) for w in _titles["person_titles"])
_ACRONYM = re.compile(r"[A-Z][A-Z&]{1,7}\Z")
_MAX_ALIAS = 3  # tokens of a short name in brackets
_MAX_TAIL = 3  # adjectives or coordinated words after a genitive
_ORGISH = frozenset({"ORG", "MEDIA"})
_MEDIA = frozenset({"MEDIA"})
_LOC = frozenset({"LOC"})
_GIVEN = frozenset({"GIVEN"})

Span = tuple[int, int, str]


def apply(tokens: list[str], keys: list[str], cores: list[str], spans: list[Span],
          forms=None, org_heads: frozenset[str] = frozenset(),
          definite=None) -> list[Span]:
    """The sentence's (first, end, type) spans, with the rules of the module doc."""
    n = len(tokens)
    spans = _retype(keys, cores, spans, forms, org_heads, definite)
    taken = [False] * n
    for a, b, _t in spans:
        for i in range(a, b):
            taken[i] = True
    # single places, which a body's genitive may take in («… لتحرير فلسطين»)
    places = {a: b for a, b, typ in spans if typ == "LOC" and b - a == 1}
    out = []
    for a, b, typ in spans:
        if typ == "ORG" and cores[a] in GENITIVE_HEADS:
            b = _genitive_end(tokens, keys, cores, a, b, taken, definite, places)
        out.append((a, b, typ))
    # a definite head with one adjective and a genitive, which rules.py leaves alone
    for i in range(n - 3):
        if not taken[i] and cores[i] in GENITIVE_HEADS and _is_definite_head(keys[i]) \
                and not taken[i + 1] and definite(keys[i + 1]) \
                and cores[i + 1].endswith(_NISBA):
            j = _genitive_end(tokens, keys, cores, i, i + 2, taken, definite, places)
            if j > i + 2:
                out.append((i, j, "ORG"))
                for x in range(i, j):
                    taken[x] = True
    out.extend(_national(keys, cores, taken, definite, places))
    if len(out) > len(spans) or any(x[1] != y[1] for x, y in zip(out, spans)):
        out = _drop_inside(out)
    out.extend(_enclosed(tokens, keys, forms, out, taken))
    out = _regions(tokens, cores, out)
    return _cut_persons(keys, out, forms)


def _national(keys, cores, taken, definite, places) -> list[Span]:
    """«الخارجية السعودية», «البرلمان العراقي»: a portfolio with a feminine nationality, a
    national body with a nationality, not after a definite word nor a title."""
    out: list[Span] = []
    n = len(keys)
    for i in compress(count(), map(_PORTFOLIO_OR_BODY.__contains__, cores)):
        # the nationality may stand tagged as a place («السعودية»)
        if i + 1 >= n or taken[i] or taken[i + 1] and i + 1 not in places:
            continue
        k, nxt = _bare(keys[i]), _bare(keys[i + 1])
        if k in PORTFOLIOS:
            ok = nxt in NATIONALITIES_FEM
        else:
            ok = k in NATIONAL_BODIES and (nxt in NATIONALITIES or nxt in NATIONALITIES_FEM)
        if not ok or i > 0 and (definite(keys[i - 1]) or keys[i - 1] in TITLE_WORDS):
            continue
        out.append((i, i + 2, "ORG"))
        taken[i] = taken[i + 1] = True
    return out


def _bare(k: str) -> str:
    """The keyed word with the article, without a conjunction or preposition in front."""
    clitic, rest = split_clitic(k)
    if not clitic:
        return k
    if clitic.endswith(ARTICLE) or clitic in ABSORBS_ARTICLE:
        return ARTICLE + rest
    return rest


def _drop_inside(spans: list[Span]) -> list[Span]:
    """Spans without those a longer one took in (a place inside a body's genitive)."""
    spans = sorted(spans, key=lambda s: (s[0], -s[1]))
    out: list[Span] = []
    for s in spans:
        if out and out[-1][0] <= s[0] and s[1] <= out[-1][1]:
            continue
        out.append(s)
    return out


def _is_definite_head(k: str) -> bool:
    clitic, _rest = split_clitic(k)
    return k.startswith(ARTICLE) or clitic.endswith(ARTICLE) or clitic in ABSORBS_ARTICLE


def _retype(keys, cores, spans, forms, org_heads, definite) -> list[Span]:
    """Bodies the tagger called places or MISC, places it called bodies."""
    out = []
    singles = places = None
    for a, b, typ in spans:
        if typ in ("LOC", "MISC") and b - a > 1 and cores[a] in org_heads:
            if places is None:  # «قناة السويس», «الاتحاد السوفيتي» are listed places
                places = set(_gaz.default().matches(keys, _LOC, forms))
            if (a, b, "LOC") not in places:
                typ = "ORG"
        elif b - a == 1 and keys[a] in NAMES_ALONE:
            typ = "ORG"
        elif typ == "ORG" and b - a == 1:
            if singles is None:
                singles = _listed_places(keys, forms)
            if a in singles:
                typ = "LOC"
        elif typ == "ORG" and b - a == 2 and cores[a] in org_heads \
                and _is_definite_head(keys[a]) and not definite(keys[a + 1]) \
                and not _gaz.default().forms(keys[a + 1]):
            # «الاتحاد» + «يدين», «المنظمة» + «أي»: a definite head takes no bare word
            # after it (it has its genitive already); the head alone is a common noun
            continue
        elif typ == "ORG" and b - a > 2:
            # «إدارة المخاطر» + «الدكتور …»: a definite title after a definite word starts
            # what the body's name is not (a person's description)
            b = next((i for i in range(a + 2, b) if keys[i] in TITLE_WORDS
                      and keys[i].startswith(ARTICLE) and definite(keys[i - 1])), b)
        out.append((a, b, typ))
    return out


def _listed_places(keys, forms) -> set[int]:
    """Tokens that alone are a listed place and no listed body («بلجيكا», not «الرياض»)."""
    gaz = _gaz.default()
    places = {a for a, b, _t in gaz.matches(keys, _LOC, forms) if b - a == 1}
    if not places:
        return places
    bodies = {a for a, b, _t in gaz.matches(keys, _ORGISH, forms) if b - a == 1}
    return places - bodies


def _genitive_end(tokens, keys, cores, a, b, taken, definite, places) -> int:
    """Where a definite body's name ends with its «ل» genitive: «المركز الوطني» +
    «لحقوق الإنسان», «الاتحاد الإفريقي» + «لألعاب القوى», «اللجنة الدولية» + «للصليب
    الأحمر». Only after a definite head whose last word is an adjective (nisba)."""
    n = len(keys)
    if b >= n or taken[b] or b - a < 2 or not _is_definite_head(keys[a]) \
            or not cores[b - 1].endswith(_NISBA) or not definite(keys[b - 1]):
        return b
    clitic, rest = split_clitic(keys[b])
    if clitic == _LAM and not (rest.startswith(ARTICLE) and _written_article(tokens[b])):
        # «لحقوق» is in construct: a definite word or a place's name must follow
        if b + 1 >= n:
            return b
        if b + 1 in places:  # «لتحرير» + «فلسطين»: the place goes into the body's name
            return places[b + 1]
        if taken[b + 1] or not definite(keys[b + 1]):
            return b
        j = b + 2
    elif clitic in ABSORBS_ARTICLE and clitic.startswith(_LAM):
        # «للصليب الأحمر», «للطاقة الذرية»: with its adjective; alone («للمساهمة»,
        # «للتعاقد») it is most often a purpose clause
        if b + 1 >= n or taken[b + 1] or not _adjective(keys, cores, b + 1, definite):
            return b
        j = b + 2
    else:
        return b
    # then its adjectives («السياسي») and coordinated words with theirs («والعنف السياسي»)
    start = j
    while j < n and j - start < _MAX_TAIL and not taken[j]:
        if _adjective(keys, cores, j, definite):
            j += 1
        elif split_clitic(keys[j])[0] == _CONJ_ARTICLE and j + 1 < n and not taken[j + 1] \
                and _adjective(keys, cores, j + 1, definite):
            j += 2
        else:
            break
    return j


def _adjective(keys, cores, j, definite) -> bool:
    """A definite relational or colour adjective: «السياسي», «الأحمر»."""
    return definite(keys[j]) and (cores[j].endswith(_NISBA) or _colour_form(cores[j]))


def _written_article(token: str) -> bool:
    """The word after the clitic is written with the article's bare alef: «لالتزام» has
    none, «لألعاب» has a hamza (folding makes both look like an article)."""
    return token[1:2] == _BARE_ALEF


def _colour_form(c: str) -> bool:
    """«أحمر», «أعلى», «أوسط»: the adjective pattern of colours and superlatives."""
    return len(c) == 4 and c.startswith(_ALEF_HAMZA)


def _enclosed(tokens, keys, forms, spans, taken) -> list[Span]:
    """Outlets between quotes or brackets, outlets that are names alone, and short names
    in brackets right after a body or a place."""
    n = len(tokens)
    gaz = _gaz.default()
    found: list[Span] = []
    ends = {b: typ for _a, b, typ in spans}
    # a full name of two words or more, then its short name: «الاتحاد الدولي (فيفا)»
    long_bodies = {b for a, b, typ in spans if typ == "ORG" and b - a > 1}
    media = None
    alone = compress(count(), map(NAMES_ALONE.__contains__, keys))
    marks = compress(count(), map(ENCLOSURES.__contains__, tokens))
    for i in sorted(set(alone).union(marks)):
        if taken[i]:
            continue
        if keys[i] in NAMES_ALONE:
            found.append((i, i + 1, "ORG"))
            taken[i] = True
            continue
        t = tokens[i]
        closers = ENCLOSURES.get(t)
        if closers is None or i + 2 >= n:
            continue
        close = next((j for j in range(i + 2, min(n, i + 2 + _MAX_ALIAS))
                     if tokens[j] in closers), None)
        if close is None or any(taken[i + 1:close]):
            continue
        if media is None:
            media = {(a, b) for a, b, _t in gaz.matches(keys, _MEDIA, forms)}
        inner = (i + 1, close)
        if inner in media:
            found.append((i + 1, close, "ORG"))
        elif t == "(" and ends.get(i) in ("ORG", "LOC") and (
                close == i + 2 and _ACRONYM.match(tokens[i + 1])
                or i in long_bodies and all(_name_like(k) for k in keys[i + 1:close])):
            found.append((i + 1, close, "ORG"))
        else:
            continue
        for x in range(i + 1, close):
            taken[x] = True
    return found


def _name_like(k: str) -> bool:
    """A word of a short name in brackets: letters only, no function word."""
    return k.isalpha() and len(k) > 1 and k not in _FUNCTION_WORDS


_FUNCTION_WORDS = frozenset(key(w) for w in load("function_words")["words"])


def _regions(tokens, cores, spans) -> list[Span]:
    """«جهة X - Y - Z»: places joined by dashes after a region word, one region."""
    if not any(t in DASHES for t in tokens):
        return spans
    spans = sorted(spans)
    out: list[Span] = []
    for a, b, typ in spans:
        if out and typ == "LOC" and out[-1][2] == "LOC" and out[-1][1] + 1 == a \
                and tokens[a - 1] in DASHES and _after_region_word(cores, out[-1][0]):
            out[-1] = (out[-1][0], b, "LOC")
            continue
        out.append((a, b, typ))
    return out


def _after_region_word(cores, a) -> bool:
    return cores[a] in REGION_HEADS or a > 0 and cores[a - 1] in REGION_HEADS


def _cut_persons(keys, spans, forms) -> list[Span]:
    """A body's span cut before a person's name it ran into: a listed given name right
    after a listed body («حركة حماس» + «سامي حداد»); not after a title («مؤسسة الشيخ …»)."""
    if not any(typ == "ORG" and b - a > 1 for a, b, typ in spans):
        return spans
    gaz = _gaz.default()
    given = {a for a, _b, _t in gaz.matches(keys, _GIVEN, forms)}
    if not given:
        return spans
    body_ends = {b for _a, b, _t in gaz.matches(keys, _ORGISH, forms)}
    out = []
    for a, b, typ in spans:
        cut = None
        if typ == "ORG":
            cut = next((i for i in range(a + 1, b) if i in given and i in body_ends
                        and keys[i - 1] not in TITLE_WORDS), None)
        if cut is None:
            out.append((a, b, typ))
        else:
            out.extend([(a, cut, "ORG"), (cut, b, "PER")])
    return out
