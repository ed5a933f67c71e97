"""The numpy CRF engine against pycrfsuite itself: same weights, same tags, same marginals.

The numpy engine (khabar/ner/crf.py, scoring.py, _viterbi.c) must tag exactly as crfsuite
does with the shipped models; these tests decode our own sentences, random token
sequences and random score matrices both ways."""
from __future__ import annotations

import itertools
import random

import numpy as np
import pycrfsuite
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from khabar.ner import crf, memory, rows
from khabar.ner.features import Featurizer
from khabar.ner.scoring import FormScores
from khabar.ner.tagger import MODES, Tagger, memory_path
from khabar.ner.wordclasses import model_path

FIRST = model_path("ner.crfsuite")
SECOND = memory_path(FIRST)
MODELS = [FIRST, SECOND]

# our own sentences: names alone and in full, clitics, Latin script, digits, punctuation
DOCUMENT = [
    "قال وزير الري المصري سامح شكري في القاهرة إن المحادثات ستستمر .",
    "وأضاف شكري أن وفدا من الاتحاد الأوروبي سيزور بيروت وعمان الأسبوع المقبل .",
    "وأعلنت شركة سامسونغ الكورية عن أرباح بلغت 12 مليار دولار في الربع الثالث",
    "ونقلت وكالة الأنباء الأردنية ( بترا ) عن المتحدث باسم وزارة الداخلية قوله :",
    "التقى الأمين العام للأمم المتحدة أنطونيو غوتيريش بالرئيس الكيني وليام روتو في نيروبي",
    "وقال غوتيريش للصحفيين إن منظمة الصحة العالمية تراقب الوضع في دارفور عن كثب",
    "The minister said talks in Geneva would resume on Monday",
    "سافر محمد إلى باريس ثم إلى لندن، حيث التقى ممثلي شركة BP و IBM",
    "؟ ! …",
]
SENTENCES = [s.split() for s in DOCUMENT]
VOCAB = sorted({t for s in SENTENCES for t in s}) + [
    "ال", "و", "ب", "لل", "والعراق", "بالعراق", "للأمم", "2024", "x", "٣", "ـ", "«", "»",
    "الحزب", "حزب", "التقدم", "والاشتراكية", "وزارة", "الصحة", "الفلسطينية", "مخيم"]


@pytest.fixture(scope="module")
def featurizer():
    return Tagger().featurizer


@pytest.fixture(scope="module")
def crfsuite_taggers():
    out = []
    for path in MODELS:
        t = pycrfsuite.Tagger()
        t.open(str(path))
        out.append(t)
    return out


@pytest.fixture(scope="module")
def models():
    return [crf.LinearCRF(p) for p in MODELS]


@pytest.mark.parametrize("which", [0, 1])
def test_weights_read_from_the_file_are_crfsuites(which, models, crfsuite_taggers):
    info = crfsuite_taggers[which].info()
    m = models[which]
    label = {name: int(i) for name, i in info.labels.items()}
    assert [label[n] for n in m.labels] == list(range(len(m.labels)))
    # info() prints weights with six decimals
    for (attr, lab), w in info.state_features.items():
        assert m.row(attr)[label[lab]] == pytest.approx(w, abs=1e-6)
    assert np.count_nonzero(m.weights) <= len(info.state_features)
    for (a, b), w in info.transitions.items():
        assert m.transitions[label[a], label[b]] == pytest.approx(w, abs=1e-6)
    assert not m.row("no such attribute").any()


def test_not_a_model_is_refused(tmp_path):
    bad = tmp_path / "x.crfsuite"
    bad.write_bytes(b"\0" * 64)
    with pytest.raises(crf.ModelFormatError):
        crf.LinearCRF(bad)


def _crfsuite_tags(tagger, featurizer, sentences):
    return [tagger.tag(featurizer.sentence(s)) if s else [] for s in sentences]


DECODERS = [crf.viterbi_numpy] + ([crf.viterbi_native] if crf._native is not None else [])


@pytest.mark.parametrize("decode", DECODERS, ids=lambda f: f.__name__)
@pytest.mark.parametrize("which", [0, 1])
def test_viterbi_tags_our_sentences_as_crfsuite(which, decode, models, crfsuite_taggers,
                                                featurizer):
    m = models[which]
    expect = _crfsuite_tags(crfsuite_taggers[which], featurizer, SENTENCES)
    scores = [m.scores(featurizer.sentence(s)) for s in SENTENCES]
    got = [[m.labels[i] for i in y] for y in decode(m.transitions, scores)]
    assert got == expect
    assert any(t != "O" for s in got for t in s)


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
# no NUL: crfsuite's attribute names are C strings that end there, so the reference would
# see another word than the one given
@given(st.lists(st.lists(st.sampled_from(VOCAB) | st.text(min_size=1, max_size=6).filter(
    lambda t: "\x00" not in t and not any(c.isspace() for c in t)), max_size=30),
    min_size=1, max_size=6))
def test_form_scores_decode_random_documents_as_crfsuite(models, crfsuite_taggers, featurizer,
                                                         sentences):
    table = FormScores(featurizer, models)
    ids, scores = table.scores(sentences)
    assert [len(i) for i in ids] == [len(s) for s in sentences]
    for which, m in enumerate(models):
        blocks = [table.split(x)[which] for x in scores]
        reference = [m.scores(featurizer.sentence(s)) if s else np.zeros((0, 9))
                     for s in sentences]
        for a, b in zip(blocks, reference):
            np.testing.assert_allclose(a, b, rtol=0, atol=1e-9)
        expect = _crfsuite_tags(crfsuite_taggers[which], featurizer, sentences)
        for decode in DECODERS:
            got = [[m.labels[i] for i in y] for y in decode(m.transitions, blocks)]
            assert got == expect


def _brute_force(trans, x):
    best, arg = -np.inf, None
    for path in itertools.product(range(trans.shape[0]), repeat=len(x)):
        s = x[0, path[0]] + sum(trans[a, b] + x[t + 1, b]
                                for t, (a, b) in enumerate(zip(path, path[1:])))
        if s > best:
            best, arg = s, path
    return list(arg)


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 2**32 - 1))
def test_viterbi_finds_the_best_path_of_random_scores(seed):
    rng = np.random.default_rng(seed)
    L = int(rng.integers(1, 5))
    trans = rng.normal(0, 3, (L, L))
    scores = [rng.normal(0, 3, (int(rng.integers(0, 5)), L)) for _ in range(rng.integers(1, 5))]
    results = [decode(trans, scores) for decode in DECODERS]
    for y in results[1:]:
        assert [list(a) for a in y] == [list(a) for a in results[0]]
    for x, y in zip(scores, results[0]):
        assert list(y) == (_brute_force(trans, x) if len(x) else [])


def test_ties_go_to_the_first_label_as_in_crfsuite():
    trans = np.zeros((3, 3))
    scores = [np.zeros((4, 3)), np.array([[1.0, 2.0, 2.0], [0.0, 5.0, 5.0]])]
    for decode in DECODERS:
        assert [list(y) for y in decode(trans, scores)] == [[0, 0, 0, 0], [1, 1]]


@pytest.mark.parametrize("which", [0, 1])
def test_marginals_are_crfsuites(which, models, crfsuite_taggers, featurizer):
    m = models[which]
    tagger = crfsuite_taggers[which]
    feats = [featurizer.sentence(s) for s in SENTENCES]
    got = crf.marginals(m.transitions, [m.scores(f) for f in feats] + [np.zeros((0, 9))])
    assert got[-1].shape == (0, 9)
    for f, p in zip(feats, got):
        tagger.set(f)
        expect = [[tagger.marginal(lab, t) for lab in m.labels] for t in range(len(f))]
        np.testing.assert_allclose(p, expect, rtol=0, atol=1e-9)


@pytest.mark.parametrize("mode", MODES)
def test_the_tagger_tags_documents_as_with_crfsuite(mode):
    docs = [SENTENCES, SENTENCES[3:] + [[]] + SENTENCES[:2], [[]], []]
    fast = Tagger(mode=mode)
    slow = Tagger(mode=mode, engine="crfsuite")
    assert fast.tag_documents(docs) == slow.tag_documents(docs)
    # one document at a time or all together: the same tags
    assert [fast.tag_document(d) for d in docs] == fast.tag_documents(docs)


def test_an_unknown_engine_is_refused():
    with pytest.raises(ValueError, match="numpy, crfsuite"):
        Tagger(engine="fast")


def test_a_small_table_starts_afresh_and_scores_the_same(models, featurizer):
    rng = random.Random(7)
    docs = [[rng.sample(VOCAB, rng.randint(1, 12)) for _ in range(3)] for _ in range(20)]
    big = FormScores(featurizer, models)
    small = FormScores(featurizer, models, capacity=15)
    for d in docs:
        a, b = big.scores(d)[1], small.scores(d)[1]
        for x, y in zip(a, b):
            np.testing.assert_array_equal(x, y)
    assert len(small._ids) <= 15 + max(sum(map(len, d)) for d in docs)
    assert len(big._ids) > len(small._ids)


def test_a_full_table_keeps_its_most_used_forms(models, featurizer):
    table = FormScores(featurizer, models, capacity=20)
    common = ["قال", "في", "إن"]
    for _ in range(5):
        table.scores([common])
    rare = [f"كلمة{i}" for i in range(14)]
    table.scores([rare])  # 17 forms kept
    table.scores([["سامح", "شكري", "القاهرة", "بيروت"]])  # over 20: half is kept
    assert set(common) <= set(table._ids)
    assert len(table._ids) <= 10 + 4
    assert sorted(table._ids.values()) == list(range(len(table._ids)))
    # the kept forms' words and scores are theirs, not another form's
    assert [w.key for w in table.words(common)] == [featurizer.lexical(t).key for t in common]
    np.testing.assert_array_equal(table.scores([common])[1][0],
                                  FormScores(featurizer, models).scores([common])[1][0])


@given(st.lists(st.lists(st.sampled_from(VOCAB), min_size=0, max_size=9), min_size=1,
                max_size=12), st.integers(4, 30), st.integers(1, 8))
@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_any_table_size_scores_as_an_unbounded_table(models, featurizer, sentences, capacity,
                                                      chunk):
    # tiny compaction chunks: a trim moves the kept rows over several chunks
    saved, rows.CHUNK = rows.CHUNK, chunk
    try:
        small = FormScores(featurizer, models, capacity=capacity)
        big = _BIG.setdefault("table", FormScores(featurizer, models))
        for s in sentences:
            a, b = small.scores([s])[1], big.scores([s])[1]
            for x, y in zip(a, b):
                np.testing.assert_array_equal(x, y)
            assert [w.key for w in small.words(s)] == [featurizer.lexical(t).key for t in s]
        # allocated once at the cap, grown only for a sentence with more forms than that
        assert capacity <= len(small._parts) <= max(capacity,
                                                    max(len(set(s)) for s in sentences))
    finally:
        rows.CHUNK = saved


_BIG: dict = {}


def test_featurizer_cache_does_not_change_features():
    warm = Featurizer()
    for s in SENTENCES:
        warm.sentence(s)
    for s in SENTENCES:
        assert Featurizer().sentence(s) == warm.sentence(s)


def _reference_memory(cores, tags):
    """The document memory as first written (every token visited, every core counted):
    `memory.features` and `memory.found` must agree with it."""
    from collections import Counter, defaultdict

    from khabar.ner.mentions import entities

    seen, own = Counter(), []
    as_type, as_last, as_first = defaultdict(Counter), defaultdict(Counter), defaultdict(Counter)
    for cs, ts in zip(cores, tags):
        mine = [None] * len(cs)
        for c in cs:
            seen[c] += 1
        for a, b, typ in entities(ts):
            for j in range(a, b):
                as_type[cs[j]][typ] += 1
                mine[j] = (typ, "")
            if b - a > 1:
                as_last[cs[b - 1]][typ] += 1
                mine[b - 1] = (typ, "L")
                as_first[cs[a]][typ] += 1
                mine[a] = (typ, "F")
        own.append(mine)
    out = []
    for cs, mine in zip(cores, own):
        sent = []
        for c, m in zip(cs, mine):
            types, f = as_type.get(c), []
            if types:
                cnt = types.copy()
                if m is not None:
                    cnt[m[0]] -= 1
                total = sum(cnt.values())
                if total > 0:
                    f.append("m=" + cnt.most_common(1)[0][0])
                    others = seen[c] - 1
                    f.append("mr=" + ("all" if total >= others else
                                      "most" if 2 * total >= others else "some"))
                for name, table, mark in (("ml=", as_last, "L"), ("mf=", as_first, "F")):
                    edge = table.get(c)
                    if edge:
                        ec = edge.copy()
                        if m is not None and m[1] == mark:
                            ec[m[0]] -= 1
                        if sum(ec.values()) > 0:
                            f.append(name + ec.most_common(1)[0][0])
            sent.append(f)
        out.append(sent)
    return out


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(st.tuples(st.sampled_from(["حداد", "سمير", "قال", "حمص", "امل"]),
                                   st.sampled_from(["O", "B-PERS", "I-PERS", "B-LOC",
                                                    "I-LOC", "B-ORG", "I-ORG"])),
                         max_size=8), max_size=5))
def test_memory_agrees_with_the_first_version(sentences):
    cores = [[c for c, _t in s] for s in sentences]
    tags = [[t for _c, t in s] for s in sentences]
    expect = _reference_memory(cores, tags)
    assert memory.features(cores, tags) == expect
    sparse = {(s, i): f for s, i, f in memory.found(cores, tags)}
    assert all(f for f in sparse.values())
    for s, row in enumerate(expect):
        for i, f in enumerate(row):
            assert sparse.get((s, i), []) == f


def test_without_the_compiled_loop_numpy_decodes_the_same(monkeypatch):
    docs = [SENTENCES, [[]] + SENTENCES[2:5]]
    expect = Tagger().tag_documents(docs)
    monkeypatch.setattr(crf, "_native", None)
    assert Tagger().tag_documents(docs) == expect
    with pytest.raises(RuntimeError, match="not built"):
        crf.viterbi_native(np.zeros((2, 2)), [np.zeros((1, 2))])


def _reference_entities(tags):
    """BIO tags to entities as first written (every tag visited): `entities` must agree."""
    out = []
    start, typ = None, None
    for i, tag in enumerate(list(tags) + ["O"]):
        pre, _, t = tag.partition("-")
        begins = pre == "B" or (pre == "I" and t != typ)
        if start is not None and (pre == "O" or begins):
            out.append((start, i, typ))
            start = typ = None
        if pre in ("B", "I") and (begins or start is None):
            start, typ = i, t
    return out


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["O", "O", "O", "B-PERS", "I-PERS", "B-LOC", "I-LOC",
                                 "I-ORG", "B-MISC", "X", "O-odd", "B", "I-"]), max_size=14))
def test_entities_agree_with_the_first_version(tags):
    from khabar.ner.mentions import entities

    assert entities(tags) == _reference_entities(tags)
