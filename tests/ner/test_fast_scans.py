"""Scans of the entity stage that skip, in C, the tokens that cannot matter equal the
first versions that visited every token: the gazetteer's `matches` (only tokens with
name forms begin a listed name) and the rules' head-word loop (`refine`)."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from khabar.ner import gazetteer, rules
from khabar.ner.lexical import key, name_forms

_WORDS = ["وزارة", "الصحة", "الفلسطينية", "بيروت", "لبنان", "والعراق", "الأمم", "المتحدة",
          "للأمم", "قال", "في", "حزب", "التقدم", "والاشتراكية", "مخيم", "جنين", "الشرق",
          "الأوسط", "نيسان", "محمد", "الرئيس", "بالمدينة", "x", "،"]
_SENTENCES = st.lists(st.sampled_from(_WORDS), max_size=14)
_TYPES = frozenset({"LOC", "ORG", "MEDIA"})


def _reference_matches(gaz, keys, types, forms=None):
    """`Gazetteer.matches` as first written: every token tried in turn."""
    out = []
    n = len(keys)
    i = 0
    while i < n:
        best = None
        for form in (name_forms(keys[i]) if forms is None else forms[i]):
            for rest, typ in gaz._by_first.get(form, ()):
                m = len(rest)
                if typ in types and i + m < n and keys[i + 1:i + 1 + m] == list(rest) \
                        and (best is None or m + 1 > best[1] - best[0]):
                    best = (i, i + 1 + m, typ)
            if best:
                break
        if best:
            out.append(best)
            i = best[1]
        else:
            i += 1
    return out


@settings(max_examples=300, deadline=None)
@given(_SENTENCES, st.sampled_from([_TYPES, frozenset({"TITLE"}), frozenset({"LOC"})]))
def test_matches_equal_the_first_version(words, types):
    gaz = gazetteer.default()
    keys = [key(w) for w in words]
    forms = [gaz.forms(k) for k in keys]
    expect = _reference_matches(gaz, keys, types)
    assert gaz.matches(keys, types) == expect
    assert gaz.matches(keys, types, forms) == expect
    assert _reference_matches(gaz, keys, types, forms) == expect


def test_a_listed_name_is_found_after_a_skipped_stretch():
    gaz = gazetteer.default()
    keys = [key(w) for w in ["قال", "في", "الأمم", "المتحدة", "في", "بيروت"]]
    forms = [gaz.forms(k) for k in keys]
    got = gaz.matches(keys, _TYPES, forms)
    assert got == _reference_matches(gaz, keys, _TYPES) and got


@settings(max_examples=200, deadline=None)
@given(_SENTENCES, st.data())
def test_refine_with_the_tagger_words_equals_refine_from_the_tokens(words, data):
    from khabar.ner import tagger

    n = len(words)
    ents = []
    at = 0
    while at < n and data.draw(st.booleans()):
        a = data.draw(st.integers(at, n - 1))
        b = data.draw(st.integers(a + 1, n))
        ents.append((a, b, data.draw(st.sampled_from(["PER", "LOC", "ORG", "MISC"]))))
        at = b
    lexes = tagger.default("crf").words(words) if words else []
    assert rules.refine(words, ents, lexes) == rules.refine(words, ents, None)


def _reference_hits(gaz, keys, forms, positions):
    """`Gazetteer.hits` as first written: every listed phrase that begins with the token
    compared in turn, longest first."""
    n = len(keys)
    out = []
    for i in positions:
        for form in forms[i]:
            cands = gaz._by_first.get(form)
            if not cands:
                continue
            seen = set()
            for rest, typ in cands:
                if typ in seen:
                    continue
                m = len(rest)
                if i + m < n and all(keys[i + 1 + j] == rest[j] for j in range(m)) \
                        if m else True:
                    seen.add(typ)
                    if m == 0:
                        out.append((i, "g1:" + typ))
                    else:
                        out.append((i, "gB:" + typ))
                        out.extend((j, "gI:" + typ) for j in range(i + 1, i + 1 + m))
            break
    return out


# words of listed phrases (places, bodies, outlets, titles), so that long phrases match
_LISTED = sorted({w for first, cands in gazetteer.default()._by_first.items()
                  if any(len(rest) > 1 for rest, _t in cands)
                  for w in (first, *max((r for r, _t in cands), key=len))})[:400]
_PHRASE_WORDS = st.one_of(st.sampled_from(_WORDS), st.sampled_from(_LISTED))


@settings(max_examples=300, deadline=None)
@given(st.lists(_PHRASE_WORDS, max_size=16), st.lists(_PHRASE_WORDS, max_size=8),
       st.lists(_PHRASE_WORDS, max_size=8))
def test_hits_by_length_equal_the_first_version(words, before, after):
    """... and inside an article's keys, with the sentence's end given, the same hits
    shifted by where the sentence begins."""
    gaz = gazetteer.default()
    keys = [key(w) for w in words]
    forms = [gaz.forms(k) for k in keys]
    begins = [i for i in range(len(keys)) if forms[i]]
    expect = _reference_hits(gaz, keys, forms, begins)
    assert gaz.hits(keys, forms, begins) == expect
    around = [key(w) for w in before] + keys + [key(w) for w in after]
    lo = len(before)
    got = gaz.hits(around, [gaz.forms(k) for k in around], [lo + i for i in begins],
                   lo + len(keys))
    assert got == [(i + lo, f) for i, f in expect]
