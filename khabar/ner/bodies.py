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
from khabar.ner.lexical import (
    ABSORBS_ARTICLE, ARTICLE, CONJ_ARTICLE, NISBA, core, key, split_clitic, written_article,
)
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
# the cores a rule begins at: a body's head with its genitive, a portfolio, a national body
_HEADS = GENITIVE_HEADS | frozenset(core(k) for k in PORTFOLIOS | NATIONAL_BODIES)
ENCLOSURES = {o: frozenset(c) for o, c in _data["enclosures"].items()}
DASHES = frozenset(_data["dashes"])
_OPENERS = frozenset(ENCLOSURES)
_MARKS = _OPENERS | DASHES
# after a body or a place, a bracket may hold its short name, listed or not
_BRACKET = "("
_clitics = load("ner_clitics")
_NISBA_WRITTEN = tuple(_clitics["nisba_endings"])
# the bare «ل» of a genitive («لحقوق»); «لل» (the article swallowed) is ABSORBS_ARTICLE
_LAM = fold(_data["genitive_preposition"])
_IMPERFECT = tuple(fold(p) for p in _data["imperfect_prefixes"])
_ALEF_HAMZA = fold("أ")[:1]
_titles = load("titles")
MEDIA_KINDS = frozenset(core(key(w)) for w in load("media_outlets")["kinds"] if " " not in w)
TITLE_WORDS = frozenset(key(w) for w in _titles["person_titles"])
_ACRONYM = re.compile(r"[A-Z][A-Z&]{1,7}\Z")
_MAX_ALIAS = 3  # tokens of a short name in brackets
_MAX_TAIL = 3  # adjectives or coordinated words after a genitive
_MIN_GENITIVE = 3  # letters of the noun after a genitive's «ل»
_ORGISH = frozenset({"ORG", "MEDIA"})
_MEDIA = frozenset({"MEDIA"})
_LOC = frozenset({"LOC"})
_GIVEN = frozenset({"GIVEN"})

Span = tuple[int, int, str]


def apply(tokens: list[str], keys: list[str], cores: list[str], spans: list[Span],
          forms=None, org_heads: frozenset[str] = frozenset(),
          definite=None) -> list[Span]:
    """The sentence's (first, end, type) spans, with the rules of the module doc."""
    # what the sentence holds, looked up in C: most sentences hold none of it
    heads = list(compress(count(), map(_HEADS.__contains__, cores)))
    alone = not NAMES_ALONE.isdisjoint(keys)
    punctuated = not _MARKS.isdisjoint(tokens)
    marked = punctuated and not _OPENERS.isdisjoint(tokens) \
        and _enclosing(tokens, keys, forms, spans)
    if not heads and not alone and not marked:
        if not spans:
            return spans
        # bodies retyped, regions joined and bodies cut only
        spans = _retype(tokens, keys, cores, spans, forms, org_heads, definite)
        if punctuated and not DASHES.isdisjoint(tokens):
            spans = _regions(tokens, cores, spans)
        return _cut_persons(keys, spans, forms)
    n = len(tokens)
    if spans:
        spans = _retype(tokens, keys, cores, spans, forms, org_heads, definite)
    taken = [False] * n
    for a, b, _t in spans:
        taken[a:b] = _TRUE * (b - a)
    # single places, which a body's genitive may take in («… لتحرير فلسطين»)
    places = {a: b for a, b, typ in spans if b - a == 1 and typ == "LOC"}
    out = spans
    changed = False
    if heads:
        out = []
        for a, b, typ in spans:
            if typ == "ORG" and cores[a] in GENITIVE_HEADS:
                end = _genitive_end(tokens, keys, cores, a, b, taken, definite, places, forms)
                changed |= end != b
                b = end
            out.append((a, b, typ))
        for i in heads:
            if cores[i] in GENITIVE_HEADS:
                # a definite head with one adjective and a genitive, which rules.py
                # leaves alone
                if i + 3 < n and not taken[i] and not taken[i + 1] \
                        and _is_definite_head(keys[i]) and definite(keys[i + 1]) \
                        and cores[i + 1].endswith(NISBA):
                    j = _genitive_end(tokens, keys, cores, i, i + 2, taken, definite, places, forms)
                    if j > i + 2:
                        out.append((i, j, "ORG"))
                        changed = True
                        taken[i:j] = _TRUE * (j - i)
            elif _national(keys, i, taken, definite, places):
                out.append((i, i + 2, "ORG"))
                changed = True
                taken[i] = taken[i + 1] = True
    if changed:
        out = _drop_inside(out)
    if alone or marked:
        out = out + _enclosed(tokens, keys, forms, out, taken, alone, marked)
    if punctuated and not DASHES.isdisjoint(tokens):
        out = _regions(tokens, cores, out)
    return _cut_persons(keys, out, forms)


_TRUE = [True]


def _national(keys, i, taken, definite, places) -> bool:
    """«الخارجية السعودية», «البرلمان العراقي» at token i: a portfolio with a feminine
    nationality, a national body with a nationality, not after a definite word nor a
    title. The nationality may stand tagged as a place («السعودية»)."""
    if i + 1 >= len(keys) or taken[i] or taken[i + 1] and i + 1 not in places:
        return False
    k, nxt = _bare(keys[i]), _bare(keys[i + 1])
    if k in PORTFOLIOS:
        ok = nxt in NATIONALITIES_FEM
    else:
        ok = k in NATIONAL_BODIES and (nxt in NATIONALITIES or nxt in NATIONALITIES_FEM)
    return ok and not (i > 0 and (definite(keys[i - 1], True) or keys[i - 1] in TITLE_WORDS))


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


def _retype(tokens, keys, cores, spans, forms, org_heads, definite) -> list[Span]:
    """Bodies the tagger called places or MISC, places it called bodies."""
    out = []
    places = None
    for a, b, typ in spans:
        if typ in ("LOC", "MISC") and b - a > 1 and cores[a] in org_heads and (
                _is_definite_head(keys[a]) or not split_clitic(keys[a + 1])[0].startswith(_LAM)):
            # an indefinite head with «ل» is a common noun phrase («محطة للكهرباء»)
            if places is None:  # «قناة السويس», «الاتحاد السوفيتي» are listed places
                places = set(_gaz.default().matches(keys, _LOC, forms))
            if (a, b, "LOC") not in places:
                typ = "ORG"
        elif b - a == 1 and keys[a] in NAMES_ALONE:
            typ = "ORG"
        elif typ == "ORG" and b - a == 1 and _listed_place(keys, a, forms) \
                and not (a > 0 and (tokens[a - 1] in _OPENERS or cores[a - 1] in MEDIA_KINDS)):
            typ = "LOC"  # unless an outlet's («صحيفة "القدس"»)
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


def _listed_place(keys, a, forms) -> bool:
    """Whether token a alone is a listed place and no listed body («بلجيكا», not
    «الرياض»)."""
    if forms is not None and not forms[a]:
        return False  # it begins no listed name
    gaz = _gaz.default()
    one = keys[a:a + 1]
    its = forms[a:a + 1] if forms is not None else None
    return any(b == 1 for _a, b, _t in gaz.matches(one, _LOC, its)) and \
        not gaz.matches(one, _ORGISH, its)


def _genitive_end(tokens, keys, cores, a, b, taken, definite, places, forms) -> int:
    """Where a definite body's name ends with its «ل» genitive: «المركز الوطني» +
    «لحقوق الإنسان», «الاتحاد الإفريقي» + «لألعاب القوى», «اللجنة الدولية» + «للصليب
    الأحمر». Only after a definite head whose last word is an adjective (nisba)."""
    n = len(keys)
    if b >= n or taken[b] or b - a < 2 or not _is_definite_head(keys[a]) \
            or not cores[b - 1].endswith(NISBA) or not definite(keys[b - 1]):
        return b
    clitic, rest = split_clitic(keys[b])
    if clitic != _LAM and not (clitic in ABSORBS_ARTICLE and clitic.startswith(_LAM)):
        return b
    if not tokens[b - 1].endswith(_NISBA_WRITTEN) or _listed_body(keys, a, b, forms):
        # a nisba as written, with its «ة» («الوطنية»; folding makes «للكاراتيه» look
        # like one), and not a listed name, whole («الاتحاد الأوروبي» + «للاتفاق
        # النووي» is a complement)
        return b
    if clitic == _LAM and not (rest.startswith(ARTICLE) and written_article(tokens[b])):
        # «لحقوق» is in construct: a definite word or a place's name must follow; not a
        # verb («ليوضح»: the imperfect's prefix), not a short word («لقب»)
        if b + 1 >= n or len(rest) < _MIN_GENITIVE or rest.startswith(_IMPERFECT):
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
        if _adjective(keys, cores, j, definite, coordinated=True):
            j += 1
        elif split_clitic(keys[j])[0] == CONJ_ARTICLE and j + 1 < n and not taken[j + 1] \
                and _adjective(keys, cores, j + 1, definite):
            j += 2
        else:
            break
    return j


def _listed_body(keys, a, b, forms) -> bool:
    """Whether tokens a..b are a listed body, whole."""
    if forms is not None and not forms[a]:
        return False
    return (0, b - a) in {(x, y) for x, y, _t in _gaz.default().matches(
        keys[a:b], _ORGISH, forms[a:b] if forms is not None else None)}


def _adjective(keys, cores, j, definite, coordinated: bool = False) -> bool:
    """A definite relational or colour adjective: «السياسي», «الأحمر» (and, coordinated,
    «والأمني»)."""
    return definite(keys[j], coordinated) and (cores[j].endswith(NISBA)
                                               or _colour_form(cores[j]))


def _colour_form(c: str) -> bool:
    """«أحمر», «أعلى», «أوسط»: the adjective pattern of colours and superlatives."""
    return len(c) == 4 and c.startswith(_ALEF_HAMZA)


def _enclosing(tokens, keys, forms, spans) -> bool:
    """Whether an opening mark may hold a name: one before a word that begins a listed
    name, or a bracket right after a name (most marks open a quotation)."""
    n = len(tokens)
    ends = None
    for i in compress(count(), map(_OPENERS.__contains__, tokens)):
        if i + 2 >= n:
            continue
        if forms[i + 1] if forms is not None else _gaz.default().forms(keys[i + 1]):
            return True
        if tokens[i] == _BRACKET:
            if ends is None:
                ends = {b for _a, b, _t in spans}
            if i in ends:
                return True
    return False


def _enclosed(tokens, keys, forms, spans, taken, alone, marked) -> list[Span]:
    """Outlets between quotes or brackets, outlets that are names alone, and short names
    in brackets right after a body or a place (`alone`, `marked`: whether the sentence
    holds a name of `NAMES_ALONE`, an opening mark)."""
    found: list[Span] = []
    if alone:
        for i in compress(count(), map(NAMES_ALONE.__contains__, keys)):
            if not taken[i]:
                found.append((i, i + 1, "ORG"))
                taken[i] = True
    if not marked:
        return found
    n = len(tokens)
    gaz = _gaz.default()
    ends = {b: typ for _a, b, typ in spans}
    # a full name of two words or more, then its short name: «الاتحاد الدولي (فيفا)»
    long_bodies = {b for a, b, typ in spans if typ == "ORG" and b - a > 1}
    media = None
    for i in compress(count(), map(_OPENERS.__contains__, tokens)):
        if i + 2 >= n or taken[i + 1]:
            continue
        t = tokens[i]
        after = ends.get(i) if t == _BRACKET else None
        # an outlet's name begins a listed name: the rest need not be read
        begins = forms[i + 1] if forms is not None else gaz.forms(keys[i + 1])
        if not begins and after is None:
            continue
        closers = ENCLOSURES[t]
        close = next((j for j in range(i + 2, min(n, i + 2 + _MAX_ALIAS))
                     if tokens[j] in closers), None)
        if close is None or any(taken[i + 1:close]):
            continue
        if begins and media is None:
            media = {(a, b) for a, b, _t in gaz.matches(keys, _MEDIA, forms)}
        if begins and (i + 1, close) in media:
            found.append((i + 1, close, "ORG"))
        elif after in ("ORG", "LOC") and (
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
    gaz = _gaz.default()
    out = []
    for a, b, typ in spans:
        cut = None
        # only a body with a word inside that may begin a listed name is read
        if typ == "ORG" and b - a > 1 and (
                any(forms[a + 1:b]) if forms is not None else True):
            ks = keys[a:b]
            fs = forms[a:b] if forms is not None else None
            given = {x for x, _y, _t in gaz.matches(ks, _GIVEN, fs)}
            if given:
                body_ends = {y for _x, y, _t in gaz.matches(ks, _ORGISH, fs)}
                cut = next((a + i for i in range(1, b - a) if i in given and i in body_ends
                            and ks[i - 1] not in TITLE_WORDS), None)
        if cut is None:
            out.append((a, b, typ))
        else:
            out.extend([(a, cut, "ORG"), (cut, b, "PER")])
    return out
