"""The score table's row lookup for the shipped families equals the one through feature
strings: `FormScores._rows_shipped` (attribute prefixes, no strings built) gives the same
words, the same weight rows in the same order and the same cuts as `_rows_described`
(`Featurizer.describe`'s strings looked up in the models' index), so the summed scores
are the same bits."""
from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from khabar.ner import scoring, tagger
from khabar.ner.features import Featurizer
from khabar.ner.scoring import FormScores

_ALPHABET = "ابتثجحخدذرسشصضطظعغفقكلمنهويءآأإؤئةى" + "abcXYZ" + "0123456789" + "-'.،=|"
_WORDS = ["والعراق", "بغداد", "للأمم", "الرئيس", "محمد", "وقال", "بيروت", "NATO", "Reuters",
          "2024", "،", "الاتحاد", "لبنان", "فرنسا", "الوزير", "ب", "و", "x", "w=1", "بالمدينة",
          "والاشتراكية", "الأمين", "فلسطين", "ترامب", "موسكو", "كييف"]
_TOKENS = st.one_of(st.sampled_from(_WORDS),
                    st.text(alphabet=_ALPHABET, min_size=1, max_size=12),
                    st.builds(lambda a, b: a + b,
                              st.sampled_from(["و", "ب", "ل", "ال", "وال", "فب", "لل", "ك"]),
                              st.sampled_from(_WORDS)))


def _table() -> FormScores:
    return tagger.default("crf")._scores


def test_the_default_table_takes_the_prefix_path():
    assert _table()._by_prefix is not None


def test_other_families_go_through_the_strings():
    t = _table()
    other = FormScores(Featurizer(("word", "affix", "shape")), t.models)
    assert other._by_prefix is None
    before = len(other.lex)
    other.ids([["والعراق", "بغداد"]])
    assert len(other.lex) == before + 2


def test_known_words_alike():
    t = _table()
    assert t._rows_shipped(_WORDS) == t._rows_described(_WORDS)


@settings(max_examples=400, deadline=None)
@given(st.lists(_TOKENS, min_size=1, max_size=6))
def test_prefix_rows_equal_string_rows(tokens):
    t = _table()
    assert t._rows_shipped(tokens) == t._rows_described(tokens)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(_TOKENS, min_size=1, max_size=8), min_size=1, max_size=4))
def test_scores_equal_those_of_a_table_fed_strings(sentences):
    t = _table()
    fast = FormScores(t.featurizer, t.models, capacity=64)
    slow = FormScores(t.featurizer, t.models, capacity=64)
    slow._by_prefix = None  # every new form through its feature strings
    a, b = fast.scores(sentences)[1], slow.scores(sentences)[1]
    for x, y in zip(a, b):
        np.testing.assert_array_equal(x, y)


def test_a_gazetteer_of_another_class_is_asked_through_its_methods():
    from khabar.ner import gazetteer

    class Listed(gazetteer.Gazetteer):
        def forms(self, k):
            return super().forms(k)

    t = _table()
    fz = Featurizer(gazetteer=Listed(gazetteer._entries()))
    other = FormScores(fz, t.models)
    assert other._by_prefix is not None
    assert other._rows_shipped(_WORDS) == other._rows_described(_WORDS) == \
        t._rows_shipped(_WORDS)


@pytest.mark.skipif(scoring._native is None, reason="khabar/ner/_rows.c was not built")
@settings(max_examples=400, deadline=None)
@given(st.lists(_TOKENS, min_size=1, max_size=6))
def test_the_compiled_loop_gives_the_rows_of_the_python_one(tokens):
    # `_rows.c`: the same words, rows and cuts as the Python loop
    t = _table()
    assert t._rows_shipped(tokens) == t._rows_shipped_py(tokens)
    new, _rows, _cuts = t._rows_shipped(tokens)
    assert all(type(w) is scoring.Word for w in new)


_NATIVE = pytest.mark.skipif(scoring._native is None, reason="khabar/ner/_rows.c was not built")


@_NATIVE
@settings(max_examples=200, deadline=None)
@given(st.lists(_TOKENS, min_size=1, max_size=8))
def test_the_compiled_sums_are_numpys_to_the_bit(tokens):
    t = _table()
    _new, rows, cuts = t._rows_shipped(tokens)
    want = np.add.reduceat(t.weights[rows], cuts, axis=0)
    got = np.full_like(want, np.nan)
    scoring._native.sums(t.weights, rows, cuts, got)
    assert np.array_equal(want.view(np.int64), got.view(np.int64))


@_NATIVE
@settings(max_examples=100, deadline=None)
@given(st.lists(st.integers(1, 300), min_size=1, max_size=6), st.integers(0, 2**32 - 1))
def test_the_compiled_sums_add_long_segments_as_numpy_does(lengths, seed):
    # segments of every length numpy's pairwise summation treats apart (<8, <=128, more)
    rng = np.random.default_rng(seed)
    weights = rng.normal(size=(50, 7)) * 10.0 ** rng.integers(-6, 6, size=(50, 1))
    rows = rng.integers(0, 50, size=sum(lengths)).tolist()
    cuts = np.concatenate([[0], np.cumsum(lengths)[:-1]]).astype(int).tolist()
    want = np.add.reduceat(weights[rows], cuts, axis=0)
    got = np.empty_like(want)
    scoring._native.sums(weights, rows, cuts, got)
    assert np.array_equal(want.view(np.int64), got.view(np.int64))


@_NATIVE
@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(_TOKENS, max_size=9), min_size=1, max_size=5))
def test_the_compiled_scores_are_numpys_to_the_bit(sentences):
    # `_rows.scores`: the gathered and summed scores of numpy's lines, bit for bit, the
    # same bigram and gazetteer candidates, and every token counted once in the hits
    t = _table()
    flat_ids, lens = t._flat_ids(sentences)
    n = len(flat_ids)
    before = t._hits.copy()
    want, pairs, begins, sents = t._numpy_scores(flat_ids, lens)
    counted = t._hits.copy()
    got = np.full((n, t.weights.shape[1]), np.nan)
    assert scoring._native.scores(t._parts, flat_ids, lens, t._edges, t._hits, t._first,
                                  t._second, t._gaz, got) == (pairs, begins, sents)
    assert np.array_equal(want.view(np.int64), got.view(np.int64))
    assert np.array_equal(t._hits - counted, counted - before)


@_NATIVE
def test_the_compiled_scores_refuse_lengths_that_do_not_add_up():
    t = _table()
    flat_ids, _lens = t._flat_ids([["قال", "الوزير", "في", "بيروت"]])
    out = np.empty((4, t.weights.shape[1]))
    args = (t._parts, flat_ids)
    rest = (t._edges, t._hits.copy(), t._first, t._second, t._gaz, out)
    with pytest.raises(ValueError):
        scoring._native.scores(*args, [3], *rest)
    with pytest.raises(ValueError):
        scoring._native.scores(*args, [3, 2], *rest)
    with pytest.raises(IndexError):
        scoring._native.scores(t._parts, [len(t._hits)], [1], *rest[:-1], out[:1])


def test_scores_without_the_compiled_loops_are_the_same(monkeypatch):
    sentences = [["قال", "وزير", "الخارجية", "الأردني", "في", "عمان"], [],
                 ["وكالة", "الأنباء", "الفرنسية", "،", "الأمم", "المتحدة", "."]]
    t = _table()
    want = t.flat_scores_words(sentences)
    monkeypatch.setattr(scoring, "_native", None)
    got = t.flat_scores_words(sentences)
    assert want[0] == got[0] and want[1] == got[1] and want[3] == got[3]
    assert np.array_equal(want[2].view(np.int64), got[2].view(np.int64))
