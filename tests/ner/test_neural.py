"""The numpy neural tagger against plain reference computations, on a small random model.

The shipped model is tested through `Tagger` in test_tagger.py; here a model with random
weights, written with `neural.write`, checks the arithmetic: the cached split input
projection, the batched letter CNN, padding in batches, and the constrained Viterbi.
"""
import itertools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from khabar.ner.features import FAMILIES, Featurizer
from khabar.ner.lexical import key
from khabar.ner.neural import MAX_CHARS, TAGS, NeuralTagger, first_pass_features, write

HIDDEN, WDIM, FDIM, CDIM, FILTERS, WIDTH = 5, 6, 4, 3, 7, 3
SENTENCES = [
    "زار الوفد القاهرة أمس".split(),
    ["وصل"],
    "أعلنت منظمة الصحة العالمية في جنيف عن خطة جديدة لمكافحة المرض".split(),
    "قال وزير الخارجية إن بلاده لن تغير موقفها".split(),
]


@pytest.fixture(scope="module")
def featurizer():
    return Featurizer(FAMILIES)


@pytest.fixture(scope="module")
def model(tmp_path_factory, featurizer):
    rng = np.random.default_rng(7)
    words = sorted({key(t) for s in SENTENCES for t in s})[:10]
    feats = sorted({f for s in SENTENCES for t in s for f in featurizer.lexical(t).feats})
    feats += ["g1:LOC", "gB:ORG", "gI:ORG", "p1=B-LOC", "m=LOC"]
    chars = "".join(sorted({c for s in SENTENCES for t in s for c in "^" + key(t) + "$"}))
    d = WDIM + FDIM + FILTERS

    def r(*shape):
        return rng.normal(scale=0.5, size=shape).astype(np.float32)

    arrays = {
        "feat": r(len(feats) + 1, FDIM), "char": r(len(chars) + 2, CDIM),
        "conv_w": r(FILTERS, CDIM, WIDTH), "conv_b": r(FILTERS),
        "out_w": r(len(TAGS), 2 * HIDDEN), "out_b": r(len(TAGS)),
        "crf_trans": r(len(TAGS), len(TAGS)), "crf_start": r(len(TAGS)),
        "crf_end": r(len(TAGS)),
    }
    arrays["feat"][0] = 0  # padding rows are zero, as torch keeps them
    arrays["char"][0] = 0
    for side in "fb":
        arrays.update({f"lstm_{side}_ih": r(4 * HIDDEN, d),
                       f"lstm_{side}_hh": r(4 * HIDDEN, HIDDEN),
                       f"lstm_{side}_b": r(4 * HIDDEN)})
    path = tmp_path_factory.mktemp("neural") / "tiny.npz"
    write(path, words, r(len(words), WDIM), arrays, {
        "tags": list(TAGS), "families": list(FAMILIES), "hidden": HIDDEN, "memory": True,
        "features": feats, "chars": chars})
    return NeuralTagger(path, featurizer)


def _sigmoid(x):
    return 1 / (1 + np.exp(-x))


def _reference_emissions(m: NeuralTagger, tokens, extra=None):
    """One sentence, token by token, with the whole input vector and no caching."""
    w, inp = m.w, m.inputs
    pos = inp.position_features(tokens, extra)
    xs = []
    for tok, p in zip(tokens, pos):
        vec = inp.vectors.matrix[inp.vectors.row(tok)]
        feat = w["feat"][inp.token_features(tok) + p].sum(0)
        ids = inp.token_chars(tok)
        emb = np.vstack([np.zeros((1, CDIM)), w["char"][ids], np.zeros((1, CDIM))])
        conv = [max(0.0, float((w["conv_w"][f] * emb[j:j + WIDTH].T).sum() + w["conv_b"][f]))
                for j in range(len(ids)) for f in range(FILTERS)]
        chars = np.array(conv).reshape(len(ids), FILTERS).max(0)
        xs.append(np.concatenate([vec, feat, chars]))

    def run(seq, side):
        h = np.zeros(HIDDEN)
        c = np.zeros(HIDDEN)
        out = []
        for x in seq:
            g = w[f"lstm_{side}_ih"] @ x + w[f"lstm_{side}_hh"] @ h + w[f"lstm_{side}_b"]
            i, f, gg, o = np.split(g, 4)
            c = _sigmoid(f) * c + _sigmoid(i) * np.tanh(gg)
            h = _sigmoid(o) * np.tanh(c)
            out.append(h)
        return out

    hs = np.hstack([run(xs, "f"), run(xs[::-1], "b")[::-1]])
    return hs @ w["out_w"].T + w["out_b"]


def test_emissions_match_a_plain_lstm(model):
    extra = [[["p1=B-LOC"] if j == 0 else [] for j in range(len(s))] for s in SENTENCES]
    em, lens = model.emissions(SENTENCES, extra)
    assert list(lens) == [len(s) for s in SENTENCES]
    for i, s in enumerate(SENTENCES):
        ref = _reference_emissions(model, s, extra[i])
        np.testing.assert_allclose(em[i, :len(s)], ref, rtol=1e-4, atol=1e-4)


def test_a_batch_tags_as_its_sentences_alone(model):
    together = model.tag_sentences(SENTENCES)
    assert together == [model.tag_sentences([s])[0] for s in SENTENCES]
    assert [len(t) for t in together] == [len(s) for s in SENTENCES]
    assert model.tag_sentences([[], SENTENCES[1]])[0] == []


def test_cached_tokens_give_the_same_scores(model):
    first, _ = model.emissions(SENTENCES)
    again, _ = model.emissions(SENTENCES)
    np.testing.assert_array_equal(first, again)


def test_a_full_token_table_starts_afresh_with_the_same_scores(model, monkeypatch):
    import khabar.ner.neural as neural

    monkeypatch.setattr(neural, "_CACHE_MAX", 12)
    model._rows.clear()
    model.emissions([SENTENCES[3]])  # eight forms kept
    # kept forms and eleven new ones, more than the table holds
    mixed = SENTENCES[3] + SENTENCES[2]
    em, _ = model.emissions([mixed])
    np.testing.assert_allclose(em[0], _reference_emissions(model, mixed), rtol=1e-4, atol=1e-4)
    model._rows.clear()


def test_a_full_token_table_keeps_its_most_used_forms(model, monkeypatch):
    import khabar.ner.neural as neural

    monkeypatch.setattr(neural, "_CACHE_MAX", 12)
    model._rows.clear()
    common = SENTENCES[0][:3]
    for _ in range(4):
        model.emissions([common])
    model.emissions([SENTENCES[3]])  # 3 + 8 forms
    model.emissions([SENTENCES[0][3:] + SENTENCES[1]])  # 2 new: half the table stays
    assert len(model._rows) == 6 + 2
    assert set(common) <= set(model._rows)
    em, _ = model.emissions([common + SENTENCES[1]])
    np.testing.assert_allclose(em[0], _reference_emissions(model, common + SENTENCES[1]),
                               rtol=1e-4, atol=1e-4)
    model._rows.clear()


def test_long_words_are_cut_to_the_letter_window(model):
    assert len(model.inputs.token_chars("ا" * 50)) == MAX_CHARS


def _valid(path):
    prev = "O"
    for t in path:
        if t.startswith("I-") and prev[2:] != t[2:]:
            return False
        prev = t
    return True


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 3), st.integers(0, 2 ** 31 - 1))
def test_viterbi_finds_the_best_valid_path(model, length, seed):
    em = np.random.default_rng(seed).normal(scale=3, size=(1, length, len(TAGS)))
    got = [TAGS[k] for k in model.viterbi(em.astype(np.float32), np.array([length]))[0]]
    trans, start, end = model.w["crf_trans"], model.w["crf_start"], model.w["crf_end"]

    def score(path):
        ids = [TAGS.index(t) for t in path]
        s = start[ids[0]] + end[ids[-1]] + sum(em[0, j, k] for j, k in enumerate(ids))
        return s + sum(trans[a, b] for a, b in zip(ids, ids[1:]))

    best = max((p for p in itertools.product(TAGS, repeat=length) if _valid(p)), key=score)
    assert _valid(got)
    assert score(got) == pytest.approx(score(best), abs=1e-3)


def test_viterbi_keeps_padding_out_of_short_sentences(model):
    rng = np.random.default_rng(3)
    em = rng.normal(size=(2, 5, len(TAGS))).astype(np.float32)
    both = model.viterbi(em, np.array([5, 2]))
    alone = model.viterbi(em[1:, :2], np.array([2]))
    assert list(both[1, :2]) == list(alone[0])


def test_first_pass_features_stack_the_tag_on_the_memory():
    cores = [["كيربي", "قال"], ["جون", "كيربي"]]
    first = [["O", "O"], ["B-PERS", "I-PERS"]]
    out = first_pass_features(cores, first)
    assert out[0][0][-1] == "p1=O" and "m=PERS" in out[0][0]
    assert out[1][1][-1] == "p1=I-PERS"
    assert out[0][1] == ["p1=O"]


@given(st.lists(st.integers(1, 14), min_size=1, max_size=9), st.integers(0, 2**31 - 1))
@settings(max_examples=40, deadline=None)
def test_the_step_ordered_recurrence_equals_the_reference(model, lens, seed):
    """`_recur` keeps its numbers in step order, its gate arithmetic compiled where
    built (`_neural.c`) or in numpy; either must stay the reference's, to the last bit,
    for any batch of sentence lengths."""
    import khabar.ner.neural as neural

    lens = np.array(lens)
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(int(lens.sum()), 8 * HIDDEN)).astype(np.float32)
    expect = model._recur_reference(x, lens)
    np.testing.assert_array_equal(model._recur(x, lens), expect)
    saved = neural._native
    neural._native = None
    try:
        np.testing.assert_array_equal(model._recur(x, lens), expect)
    finally:
        neural._native = saved


def test_the_products_read_row_major_matrices(model):
    for m in (model._proj_vec, model._proj_feat, model._proj_char, model._w_hh, model._out_w):
        assert m.flags["C_CONTIGUOUS"]


@given(st.lists(st.integers(1, 12), min_size=1, max_size=8), st.integers(0, 2**31 - 1))
@settings(max_examples=60, deadline=None)
def test_viterbi_equals_the_reference_on_batches(model, lens, seed):
    lens = np.array(lens)
    rng = np.random.default_rng(seed)
    em = rng.normal(scale=3, size=(len(lens), int(lens.max()), len(TAGS))).astype(np.float32)
    em[np.arange(em.shape[1])[None, :] >= lens[:, None]] = 0  # padding, as `emissions` has it
    # ties too: a few rows of equal scores
    em[:, ::3] = np.round(em[:, ::3])
    np.testing.assert_array_equal(model.viterbi(em, lens), model.viterbi_reference(em, lens))


@given(st.lists(st.sampled_from(range(len(SENTENCES))), min_size=1, max_size=10),
       st.integers(4, 16), st.integers(1, 5))
@settings(max_examples=25, deadline=None)
def test_any_trim_sequence_gives_the_scores_of_an_untrimmed_table(model, order, cap, chunk):
    import khabar.ner.neural as neural
    from khabar.ner import rows

    saved = neural._CACHE_MAX, rows.CHUNK
    neural._CACHE_MAX, rows.CHUNK = cap, chunk
    try:
        model._rows.clear()
        widest = 0
        for i in order:
            em, _ = model.emissions([SENTENCES[i]])
            np.testing.assert_allclose(em[0], _reference_emissions(model, SENTENCES[i]),
                                       rtol=1e-4, atol=1e-4)
            # at most the kept half plus the widest sentence met (a trim happens only when
            # new forms come, so a table a wide sentence filled stays so until the next
            # one): bounded, whatever came before
            widest = max(widest, len(set(SENTENCES[i])))
            assert len(model._rows) <= max(cap, cap // 2 + widest)
    finally:
        neural._CACHE_MAX, rows.CHUNK = saved
        model._rows.clear()


# the levers of the ensemble's speed (docs/ner.md): each against the computation it
# replaced, to the last bit where the arithmetic is the same

_EXTRA_KINDS = [[], ["p1=B-LOC"], ["p1=B-LOC", "m=LOC"], ["m=LOC"], ["never-seen"]]


@given(st.lists(st.sampled_from(range(len(SENTENCES))), min_size=1, max_size=6),
       st.integers(0, 2**31 - 1))
@settings(max_examples=40, deadline=None)
def test_position_rows_projected_once_per_set_equal_the_dense_product(model, picks, seed):
    """`_positions` projects each distinct set of position features once; the rows it
    adds are those of the dense product over every position (sets of unknown features
    only add nothing). The sums are the same terms in the same order, but BLAS may
    accumulate a row of a product of another height in another order: the last bit
    may differ (on the shipped model, the emissions of 300 news articles were the same
    to the last bit)."""
    rng = np.random.default_rng(seed)
    sents = [SENTENCES[i] for i in picks]
    extra = [[list(_EXTRA_KINDS[rng.integers(len(_EXTRA_KINDS))]) for _ in s] for s in sents]
    where, rows = model._positions(sents, extra)
    n = sum(len(s) for s in sents)
    got = np.zeros((n, 8 * HIDDEN), np.float32)
    got[where] = rows
    np.testing.assert_allclose(got, model._positions_reference(sents, extra),
                               rtol=1e-6, atol=1e-6)


@given(st.lists(st.integers(1, 12), min_size=1, max_size=8), st.integers(0, 2**31 - 1))
@settings(max_examples=60, deadline=None)
def test_the_compiled_decoder_tags_as_the_numpy_viterbi(model, lens, seed):
    """`decode` (sentences end to end, compiled where built) gives `viterbi`'s paths;
    ties included."""
    import khabar.ner.neural as neural

    lens = np.array(lens)
    rng = np.random.default_rng(seed)
    flat = rng.normal(scale=3, size=(int(lens.sum()), len(TAGS))).astype(np.float32)
    flat[::3] = np.round(flat[::3])  # ties
    paths = model.viterbi(model._padded(flat, lens), lens)
    expect = np.concatenate([p[:n] for p, n in zip(paths, lens.tolist())])
    np.testing.assert_array_equal(model.decode(flat, lens), expect)
    saved = neural._native
    neural._native = None
    try:
        np.testing.assert_array_equal(model.decode(flat, lens), expect)
    finally:
        neural._native = saved


def test_the_compiled_loops_are_built():
    """CI builds the extension (`pip install -e .`): without it the ensemble is slower
    (same tags), and this says so rather than passing quietly."""
    import khabar.ner.neural as neural

    assert neural._native is not None


@given(st.lists(st.integers(0, 12), min_size=1, max_size=8), st.integers(0, 2**31 - 1),
       st.integers(2, 9))
@settings(max_examples=60, deadline=None)
def test_compiled_marginals_equal_the_numpy_forward_backward(lens, seed, labels):
    from khabar.ner import crf
    from khabar.ner.neural import crf_marginals

    rng = np.random.default_rng(seed)
    trans = rng.normal(scale=2, size=(labels, labels))
    flat = rng.normal(scale=4, size=(sum(lens), labels))
    before = flat.copy()
    got = crf_marginals(trans, flat, lens)
    np.testing.assert_array_equal(flat, before)  # the caller's scores are left alone
    expect = crf.marginals(trans, np.split(flat, np.cumsum(lens)[:-1]))
    expect = np.concatenate(expect) if sum(lens) else np.zeros((0, labels))
    np.testing.assert_allclose(got, expect, rtol=1e-12, atol=1e-15)
    # as float32, what the ensemble's prior reads: the same numbers
    np.testing.assert_array_equal(got.astype(np.float32), expect.astype(np.float32))


@given(st.lists(st.sampled_from(range(len(SENTENCES))), min_size=1, max_size=8),
       st.integers(0, 2**31 - 1))
@settings(max_examples=25, deadline=None)
def test_a_batch_with_priors_tags_as_its_sentences_alone(model, picks, seed):
    """Batched (every sentence of a document in one recurrence, one decode) equals
    unbatched, with another model's scores added."""
    rng = np.random.default_rng(seed)
    sents = [SENTENCES[i] for i in picks]
    extra = [[["p1=B-LOC"] if rng.random() < 0.3 else [] for _ in s] for s in sents]
    prior = [rng.normal(scale=2, size=(len(s), len(TAGS))).astype(np.float32) for s in sents]
    together = model.tag_sentences(sents, extra, prior)
    alone = [model.tag_sentences([s], [e], [p])[0] for s, e, p in zip(sents, extra, prior)]
    assert together == alone
