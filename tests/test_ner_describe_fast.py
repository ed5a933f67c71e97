"""The featurizer's straight-line path for the shipped families (`_describe_shipped`)
gives exactly what the general path (`_describe_any`) gives: the same strings in the same
order, since the models sum their weights in that order."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from khabar.ner.features import FAMILIES, Featurizer

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
