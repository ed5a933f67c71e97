"""Training the neural tagger: the numpy tagger must compute what the torch network does.

torch is a training-only dependency (see docs/ner.md), so these tests run where it is
installed and are skipped elsewhere (CI installs only what tagging needs).
"""
import random

import numpy as np
import pytest

from khabar.ner.features import FAMILIES, Featurizer
from khabar.ner.lexical import key
from khabar.ner.neural import TAGS, NeuralTagger, Vectors, first_pass_features
from khabar.ner.neural_train import _batch, _net, build_inputs, encode, f1, save, train

torch = pytest.importorskip("torch")

SENTENCES = [
    ("زار الرئيس الفرنسي باريس أمس".split(), ["O", "O", "O", "B-LOC", "O"]),
    ("قال سامي الحداد إن شركة النور للطاقة ستفتح فرعا".split(),
     ["O", "B-PERS", "I-PERS", "O", "O", "B-ORG", "I-ORG", "I-ORG", "O", "O"]),
    ("وصل الوفد إلى عمان".split(), ["O", "O", "O", "B-LOC"]),
    ("أعلنت منظمة الصحة العالمية خطة جديدة".split(), ["O", "B-ORG", "I-ORG", "I-ORG", "O", "O"]),
] * 3


@pytest.fixture(scope="module")
def vectors(tmp_path_factory):
    words = sorted({key(t) for s, _ in SENTENCES for t in s})
    path = tmp_path_factory.mktemp("vec") / "v.npz"
    rng = np.random.default_rng(0)
    np.savez_compressed(path, words=np.array(words),
                        vectors=rng.normal(size=(len(words), 8)).astype(np.float16))
    return path


def test_numpy_emissions_equal_the_torch_network(tmp_path, vectors):
    torch.manual_seed(0)
    sents = [s for s, _ in SENTENCES]
    first = [["O"] * len(s) for s in sents]
    featurizer = Featurizer(FAMILIES)
    extra = first_pass_features([[featurizer.lexical(t).core for t in s] for s in sents], first)
    inputs = build_inputs(SENTENCES, Vectors.read(vectors), FAMILIES, extra)
    net = _net(torch, torch.nn, len(inputs.features) + 1, len(inputs.chars) + 2,
               inputs.vectors.matrix, len(TAGS), 6, 4, 5, 3, 7, 0.5)
    net.eval()
    encoded = [encode(inputs, s, e) for s, e in zip(sents, extra)]
    x, _ = _batch(torch, encoded, [[0] * len(s) for s in sents], list(range(len(sents))),
                  inputs.vectors.missing, 0.0, random.Random(0))
    expect = net.emissions(x).detach().numpy()
    path = tmp_path / "m.npz"
    save(net, inputs, path, FAMILIES, 7, True)
    got, lens = NeuralTagger(path, featurizer).emissions(sents, extra)
    for i, n in enumerate(lens):
        # the archive stores float16: agreement to its rounding
        np.testing.assert_allclose(got[i, :n], expect[i, :n], atol=2e-2)


def test_training_learns_the_toy_sentences(tmp_path, vectors):
    conll = tmp_path / "train.txt"
    conll.write_text("\n\n".join("\n".join(f"{t} {g}" for t, g in zip(s, tags))
                                 for s, tags in SENTENCES) + "\n", encoding="utf-8")
    out = tmp_path / "toy.npz"
    train(conll, vectors, out, epochs=25, hidden=8, holdout=0.0, threads=1, dropout=0.0,
          identity_dropout=0.0, word_dropout=0.0, lr=2e-2)
    tagger = NeuralTagger(out)
    assert f1([g for _, g in SENTENCES], tagger.tag_sentences([s for s, _ in SENTENCES])) > 0.9


def test_f1_counts_exact_spans():
    gold = [["B-PERS", "I-PERS", "O", "B-LOC"]]
    assert f1(gold, gold) == 1.0
    assert f1(gold, [["B-PERS", "O", "O", "B-LOC"]]) == pytest.approx(0.5)
