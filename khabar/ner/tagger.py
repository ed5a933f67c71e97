"""The entity tagger: the CRF passes and the neural tagger from the shipped models."""
from __future__ import annotations

import json
from operator import attrgetter
from pathlib import Path
from typing import TextIO

import numpy as np
import pycrfsuite

from khabar.ner import conll, crf, memory
from khabar.ner.features import FAMILIES, Featurizer
from khabar.ner.scoring import FormScores
from khabar.ner.wordclasses import model_path

MODEL_NAME = "ner.crfsuite"
NEURAL_NAME = "ner.neural.npz"
# `crf`: the CRF's two passes. `ensemble`: the CRF's first pass, then the neural tagger
# and the CRF's memory pass decoded together (see docs/ner.md for what each scores).
MODES = ("crf", "ensemble")
# how the CRF passes run: numpy over the models' weights (crf.py), or pycrfsuite itself
# (the reference, slower: feature strings per token)
ENGINES = ("numpy", "crfsuite")
# sentences read as one document where a CoNLL file marks no documents
CONLL_BLOCK = 25
# documents of a CoNLL file tagged together: bigger batches for the neural tagger, memory
# bounded however long the file
_DOCS_AT_ONCE = 40


def settings_path(model: Path) -> Path:
    """The JSON beside a model that says how it was trained (feature families, passes)."""
    return Path(model).with_suffix(".json")


def memory_path(model: Path) -> Path:
    """The second-pass (document memory) model beside the first-pass one."""
    return Path(model).with_suffix(".memory.crfsuite")


class Tagger:
    """The CRF's first pass, then the CRF's memory pass (`crf` mode), or the neural tagger
    and the memory pass decoded together (`ensemble` mode); both read the first pass's
    tags as document memory."""

    def __init__(self, model: Path | str | None = None, mode: str = "crf",
                 neural: Path | str | None = None, crf_weight: float | None = None,
                 engine: str = "numpy") -> None:
        if mode not in MODES:
            raise ValueError(f"unknown NER mode {mode!r}; choose one of {', '.join(MODES)}")
        if engine not in ENGINES:
            raise ValueError(f"unknown CRF engine {engine!r}; choose one of "
                             f"{', '.join(ENGINES)}")
        self.engine = engine
        self.mode = mode
        self.path = Path(model) if model else model_path(MODEL_NAME)
        if not self.path.exists():
            raise FileNotFoundError(f"no NER model at {self.path}")
        meta = settings_path(self.path)
        settings = json.loads(meta.read_text()) if meta.exists() else {}
        self.featurizer = Featurizer(settings.get("families", FAMILIES))
        # a CoNLL file is read in documents as long as those the memory pass learned from
        self.block = settings.get("options", {}).get("block", CONLL_BLOCK)
        self._first = pycrfsuite.Tagger()
        self._first.open(str(self.path))
        self._second = None
        if settings.get("two_pass") and memory_path(self.path).exists():
            self._second = pycrfsuite.Tagger()
            self._second.open(str(memory_path(self.path)))
        self._second_labels = frozenset(self._second.labels()) if self._second else frozenset()
        # the same models' weights in numpy, summed per word form (crf.py, scoring.py)
        self._crf = [crf.LinearCRF(self.path)]
        if self._second is not None:
            self._crf.append(crf.LinearCRF(memory_path(self.path)))
        # the neural tagger reads the same forms' features through the featurizer's cache
        self._scores = FormScores(self.featurizer, self._crf, cached=mode == "ensemble")
        self._neural = None
        self.crf_weight = 0.0
        if mode == "ensemble":
            neural_path = Path(neural) if neural else self.path.with_name(NEURAL_NAME)
            if not neural_path.exists():
                raise FileNotFoundError(f"no neural NER model at {neural_path}")
            # numpy and the network load only here: the crf mode does without them
            from khabar.ner import neural as nn_module

            self._nn = nn_module
            self._neural = nn_module.NeuralTagger(neural_path, self.featurizer)
            # how much the CRF memory pass counts beside the network (0: not at all)
            self.crf_weight = self._neural.crf_weight if crf_weight is None else crf_weight

    def words(self, tokens: list[str]) -> list:
        """Key, core and name forms of each token (`features.Lex` or `scoring.Word`), from
        the tables the tagger keeps per form: cheap for tokens it has just tagged."""
        if self.engine == "crfsuite":
            return [self.featurizer.lexical(t) for t in tokens]
        return self._scores.words(tokens)

    def tag(self, tokens: list[str]) -> list[str]:
        """BIO tags (ANERcorp tag set: PERS, ORG, LOC, MISC) for one sentence."""
        return self.tag_document([tokens])[0]

    def tag_document(self, sentences: list[list[str]]) -> list[list[str]]:
        """BIO tags for every sentence of one document (memory spans the document)."""
        return self.tag_documents([sentences])[0]

    def tag_documents(self, docs: list[list[list[str]]]) -> list[list[list[str]]]:
        """BIO tags for several documents: memory stays within each document, while the
        CRF passes decode all their sentences together and the neural tagger reads them in
        batches of similar length."""
        return self._tagged(docs)[0]

    def tag_documents_words(self, docs: list[list[list[str]]]
                            ) -> tuple[list[list[list[str]]], list[list[list]]]:
        """`tag_documents`, and per document and sentence what `words` gives for its
        tokens, as read while tagging (no second look-up of every token)."""
        tags, words = self._tagged(docs)
        if words is None:
            words = [self.words(s) for d in docs for s in d]
        return tags, self._by_document(docs, words)

    def _tagged(self, docs: list[list[list[str]]]
                ) -> tuple[list[list[list[str]]], list[list] | None]:
        if self._neural is not None:
            with self._nn.one_blas_thread():
                return self._tag_documents(docs)
        return self._tag_documents(docs)

    def _tag_documents(self, docs: list[list[list[str]]]
                       ) -> tuple[list[list[list[str]]], list[list] | None]:
        """Tags per document, and per sentence the tokens' `words` where the engine
        read them (None: it did not)."""
        if self.engine == "crfsuite":
            return self._tag_documents_crfsuite(docs), None
        neural = self._neural
        combine = neural is not None and self._second is not None and self.crf_weight > 0
        flat = [s for d in docs for s in d]
        table = self._scores
        ids, lens, scores, flat_words = table.flat_scores_words(flat)
        words = _by_lengths(flat_words, lens)
        lo, mid, hi = table.bounds[:3] if len(table.bounds) > 2 else (*table.bounds, None)
        first_crf = self._crf[0]
        y = crf.decode(first_crf.transitions, scores[:, lo:mid], lens)
        first = _by_lengths(np.array(first_crf.labels, object)[y].tolist(), lens)
        if self._second is None and neural is None:
            return self._by_document(docs, first), words
        cores = [list(map(_CORE, w)) for w in words]
        extras: list[list[list[str]]] = []
        second = scores[:, mid:hi].copy() if self._second is not None else None
        at_tok: list[int] = []
        vecs: list[np.ndarray] = []
        offsets = np.concatenate([[0], np.cumsum(lens)]).tolist()
        at = 0
        for d in docs:
            doc = slice(at, at + len(d))
            if neural is not None:
                mem = memory.features(cores[doc], first[doc])
                if neural.memory:
                    extras.extend(self._nn.first_pass_features(cores[doc], first[doc], mem))
                found = ((s, i, m) for s, ms in enumerate(mem) for i, m in enumerate(ms) if m)
            else:
                found = memory.found(cores[doc], first[doc])
            if second is not None and (neural is None or combine):
                for s, i, m in found:
                    at_tok.append(offsets[at + s] + i)
                    vecs.append(table.vector(tuple(m)))
            at += len(d)
        if at_tok:
            np.add.at(second, at_tok, np.array(vecs)[:, mid:hi])
        if neural is None:
            labels = np.array(self._crf[1].labels, object)
            tags = labels[crf.decode(self._crf[1].transitions, second, lens)].tolist()
            return self._by_document(docs, _by_lengths(tags, lens)), words
        priors = None
        if combine:
            probs = self._nn.crf_marginals(self._crf[1].transitions, second, lens)
            priors = np.split(self._nn.crf_log_prior(probs, self._crf[1].labels,
                                                     self.crf_weight), np.cumsum(lens)[:-1])
        return self._by_document(docs, neural.tag_sentences(flat, extras or None, priors)), words

    @staticmethod
    def _by_document(docs, tags: list[list[str]]) -> list[list[list[str]]]:
        out, at = [], 0
        for d in docs:
            out.append(tags[at:at + len(d)])
            at += len(d)
        return out

    def _tag_documents_crfsuite(self, docs: list[list[list[str]]]) -> list[list[list[str]]]:
        """`tag_documents` through pycrfsuite, feature strings and all: the reference the
        numpy engine is tested against (tests/ner/test_crf.py)."""
        lex = self.featurizer.lexical
        neural = self._neural
        combine = neural is not None and self._second is not None and self.crf_weight > 0
        out, extras, priors = [], [], []
        for sentences in docs:
            feats = [self.featurizer.sentence(s) if s else [] for s in sentences]
            first = [self._first.tag(f) if f else [] for f in feats]
            if self._second is None and neural is None:
                out.append(first)
                continue
            cores = [[lex(t).core for t in s] for s in sentences]
            mem = memory.features(cores, first)
            if neural is not None and neural.memory:
                extras.extend(self._nn.first_pass_features(cores, first, mem))
            if neural is not None and not combine:
                continue
            second = [[a + b for a, b in zip(f, m)] for f, m in zip(feats, mem)]
            if combine:
                priors.extend(self._nn.crf_log_marginals(self._second, self._second_labels,
                                                         x, self.crf_weight) for x in second)
            else:
                out.append([self._second.tag(x) if x else [] for x in second])
        if neural is None:
            return out
        flat = neural.tag_sentences([s for d in docs for s in d], extras or None,
                                    priors if combine else None)
        return self._by_document(docs, flat)

    def tag_conll(self, in_fh: TextIO, out_fh: TextIO, block: int | None = None) -> int:
        """Tag every sentence of a CoNLL file (gold tags, if any, ignored); returns tokens."""
        n = 0
        block = block or self.block
        docs: list[list[list[str]]] = [[]]

        def flush():
            for doc, tagged in zip(docs, self.tag_documents(docs)):
                for toks, tags in zip(doc, tagged):
                    conll.write(out_fh, toks, tags)
            docs[:] = [[]]

        for toks, _tags in conll.read(in_fh):
            docs[-1].append(toks)
            n += len(toks)
            if len(docs[-1]) >= block:
                if len(docs) >= _DOCS_AT_ONCE:
                    flush()
                else:
                    docs.append([])
        flush()
        return n


_CORE = attrgetter("core")


def _by_lengths(flat: list, lens: list[int]) -> list[list]:
    """A flat list cut into consecutive pieces of the given lengths."""
    out, at = [], 0
    for n in lens:
        out.append(flat[at:at + n])
        at += n
    return out


_DEFAULTS: dict[str, Tagger] = {}


def default(mode: str = "crf") -> Tagger:
    """The shipped tagger for a mode, loaded once per process."""
    if mode not in _DEFAULTS:
        _DEFAULTS[mode] = Tagger(mode=mode)
    return _DEFAULTS[mode]
