"""Fast paths of the entity stage equal their references.

The featurizer's straight-line path for the shipped families (`_describe_shipped`)
gives exactly what the general path (`_describe_any`) gives: the same strings in the same
order, since the models sum their weights in that order. The cached name cores of grouping
equal the uncached ones, and the gazetteer's set of one-word names answers `listed` as
a scan of its entries does."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from khabar.ner import gazetteer, grouping
from khabar.ner.features import FAMILIES, Featurizer
from khabar.ner.lexical import key

_FZ = Featurizer()
# Arabic letters, clitics, Latin, digits and punctuation, so that every branch is met:
# clustered and unclustered words, lexicon hits, gazetteer forms, every shape
_ALPHABET = "ابتثجحخدذرسشصضطظعغفقكلمنهويءآأإؤئةى" + "abcXYZ" + "0123456789" + "-'.،"
_WORDS = ["والعراق", "بغداد", "للأمم", "الرئيس", "محمد", "وقال", "بيروت", "NATO", "Reuters",
          "2024", "،", "الاتحاد", "لبنان", "فرنسا", "الوزير", "ب", "و", "x"]


def test_the_default_tagger_uses_the_fast_path():
    assert _FZ.families == frozenset(FAMILIES)


def test_known_words_alike():
    for w in _WORDS:
        assert _FZ._describe_shipped(w) == _FZ._describe_any(w), w


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.sampled_from(_WORDS),
                 st.text(alphabet=_ALPHABET, min_size=1, max_size=12),
                 st.builds(lambda a, b: a + b, st.sampled_from(["و", "ب", "ل", "ال", "وال", "فب"]),
                           st.sampled_from(_WORDS))))
def test_fast_path_equals_reference(tok):
    assert _FZ._describe_shipped(tok) == _FZ._describe_any(tok)


def test_other_families_take_the_general_path():
    fz = Featurizer(("word", "affix", "shape"))
    lex = fz.describe("والعراق")
    assert lex == fz._describe_any("والعراق")
    assert not lex.left and not any(x.startswith("k") for x in lex.feats)


_TOKENS = st.one_of(st.sampled_from(_WORDS),
                    st.text(alphabet=_ALPHABET, min_size=1, max_size=12),
                    st.builds(lambda a, b: a + b,
                              st.sampled_from(["و", "ب", "ل", "ال", "وال", "فب", "لل"]),
                              st.sampled_from(_WORDS)))


@settings(max_examples=300, deadline=None)
@given(_TOKENS)
def test_cached_name_core_equals_reference(tok):
    k = key(tok)
    gaz = gazetteer.default()
    first = grouping._name_core(k)  # a miss, or a hit of an earlier example
    assert first == grouping._name_core(k) == grouping._name_core_uncached(k, gaz)


def test_name_core_cache_is_bounded_and_follows_the_gazetteer(monkeypatch):
    monkeypatch.setattr(grouping, "_CORES_MAX", 3)
    monkeypatch.setattr(grouping, "_CORES", {})
    for w in _WORDS:
        grouping._name_core(key(w))
        assert len(grouping._CORES) <= 3
    other = gazetteer.Gazetteer([(("بيروت",), "PER")])
    monkeypatch.setattr(gazetteer, "_DEFAULT", other)
    assert grouping._name_core(key("وبيروت")) == grouping._name_core_uncached(key("وبيروت"), other)
    assert grouping._CORES_GAZ[0] is other


@settings(max_examples=300, deadline=None)
@given(_TOKENS)
def test_listed_equals_a_scan_of_the_entries(tok):
    gaz = gazetteer.default()
    for k in (key(tok), *gazetteer.name_forms(key(tok))):
        assert gaz.listed(k) == any(not rest for rest, _t in gaz._by_first.get(k, ()))


def test_listed_over_every_first_word():
    gaz = gazetteer.default()
    for k, cands in gaz._by_first.items():
        assert gaz.listed(k) == any(not rest for rest, _t in cands)
