"""Train the two-pass CRF tagger on a CoNLL file (ANERcorp train split), reproducibly.

    python -m khabar.ner.train --train ../shared/data/ner/anercorp/train.txt \
        --out khabar/models/ner.crfsuite

Pass one is a CRF over the token features; pass two adds document memory (see
`khabar.ner.memory`) read from pass one's tags. Pass two must learn from first-pass tags
as noisy as they will be on new text, so those come from jackknifing: the training
sentences are cut into folds and each fold is tagged by a model trained on the others.
L-BFGS is deterministic, so the same data, features and options give the same models.
"""
from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import tempfile
import time
from pathlib import Path

import pycrfsuite

from khabar.ner import conll, memory
from khabar.ner.features import FAMILIES, Featurizer
from khabar.ner.tagger import memory_path, settings_path

DEFAULTS = {"c1": 0.05, "c2": 0.01, "max_iterations": 250, "min_freq": 1,
            "folds": 4, "block": 25, "workers": 2}

_DATA: dict = {}  # what forked workers read: features and tags, set before the pool starts


def _fit(args) -> str:
    indices, out, opts = args
    feats, tags = _DATA["feats"], _DATA["tags"]
    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
    trainer.set_params({
        "c1": opts["c1"], "c2": opts["c2"], "max_iterations": opts["max_iterations"],
        "feature.minfreq": opts["min_freq"], "feature.possible_transitions": True,
    })
    for i in indices:
        trainer.append(feats[i], tags[i])
    trainer.train(out)
    return out


def _run(jobs, workers: int) -> list[str]:
    if workers <= 1 or len(jobs) == 1:
        return [_fit(j) for j in jobs]
    with multiprocessing.get_context("fork").Pool(min(workers, len(jobs))) as pool:
        return pool.map(_fit, jobs, chunksize=1)


def blocks(n: int, size: int) -> list[range]:
    """Consecutive sentences taken as one document where the corpus marks none."""
    return [range(a, min(a + size, n)) for a in range(0, n, size)]


def with_memory(feats, cores, tags, docs) -> list[list[list[str]]]:
    out = [None] * len(feats)
    for doc in docs:
        mem = memory.features([cores[i] for i in doc], [tags[i] for i in doc])
        for i, m in zip(doc, mem):
            out[i] = [f + x for f, x in zip(feats[i], m)]
    return out


def _folds(n: int, k: int) -> list[range]:
    return [range(n * f // k, n * (f + 1) // k) for f in range(k)]


def _fold_jobs(n: int, tmp: str, opts: dict) -> list:
    everything = range(n)
    return [([i for i in everything if i not in held], os.path.join(tmp, f"fold{f}.crfsuite"),
             opts) for f, held in enumerate(_folds(n, opts["folds"]))]


def _tag_folds(feats, n: int, models: list[str], opts: dict) -> list[list[str]]:
    """Each fold's sentences tagged by the model that did not see them."""
    first: list = [None] * n
    for held, model in zip(_folds(n, opts["folds"]), models):
        tagger = pycrfsuite.Tagger()
        tagger.open(model)
        for i in held:
            first[i] = tagger.tag(feats[i])
        tagger.close()
    return first


def jackknife(sentences: list[list[str]], gold: list[list[str]], families=FAMILIES,
              **options) -> list[list[str]]:
    """First-pass tags for every training sentence from models that never saw it: the
    memory input a second pass must learn from (also the neural tagger's)."""
    opts = {**DEFAULTS, **options}
    feat = Featurizer(families)
    feats = [feat.sentence(s) for s in sentences]
    _DATA.update(feats=feats, tags=gold)
    with tempfile.TemporaryDirectory() as tmp:
        models = _run(_fold_jobs(len(sentences), tmp, opts), opts["workers"])
        return _tag_folds(feats, len(sentences), models, opts)


def train(train_path, out_path, families=FAMILIES, two_pass: bool = True,
          **options) -> dict:
    """Train on `train_path`; write the model to `out_path`, the memory model and the
    settings beside it. Returns the settings written."""
    opts = {**DEFAULTS, **options}
    t0 = time.time()
    feat = Featurizer(families)
    sents, gold = [], []
    with open(train_path, encoding="utf-8") as fh:
        for toks, tags in conll.read(fh):
            sents.append(toks)
            gold.append(tags)
    feats = [feat.sentence(s) for s in sents]
    cores = [[feat.lexical(t).core for t in s] for s in sents]
    _DATA.update(feats=feats, tags=gold)
    out_path = Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    n = len(sents)
    everything = list(range(n))
    with tempfile.TemporaryDirectory() as tmp:
        jobs = [(everything, str(out_path), opts)]
        if two_pass:
            jobs += _fold_jobs(n, tmp, opts)
        models = _run(jobs, opts["workers"])
        if two_pass:
            first = _tag_folds(feats, n, models[1:], opts)
            _DATA["feats"] = with_memory(feats, cores, first, blocks(n, opts["block"]))
            _run([(everything, str(memory_path(out_path)), opts)], 1)
    settings = {"families": sorted(feat.families), "two_pass": two_pass, "options": opts,
                "sentences": n, "seconds": round(time.time() - t0, 1)}
    settings_path(out_path).write_text(json.dumps(settings, indent=1) + "\n")
    return settings


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--train", type=Path, required=True)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--families", default=",".join(FAMILIES),
                    help="comma-separated feature families (default: all)")
    ap.add_argument("--one-pass", action="store_true", help="no document-memory pass")
    for name, val in DEFAULTS.items():
        ap.add_argument("--" + name.replace("_", "-"), type=type(val), default=val)
    args = ap.parse_args(argv)
    opts = {k: getattr(args, k) for k in DEFAULTS}
    fams = [f for f in args.families.split(",") if f]
    print(json.dumps(train(args.train, args.out, fams, not args.one_pass, **opts)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
