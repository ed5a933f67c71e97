"""The two-pass CRF tagger: the shipped models, loaded once per process."""
from __future__ import annotations

import json
from pathlib import Path
from typing import TextIO

import pycrfsuite

from khabar.ner import conll, memory
from khabar.ner.features import FAMILIES, Featurizer
from khabar.ner.wordclasses import model_path

MODEL_NAME = "ner.crfsuite"
# sentences read as one document where a CoNLL file marks no documents
CONLL_BLOCK = 25


def settings_path(model: Path) -> Path:
    """The JSON beside a model that says how it was trained (feature families, passes)."""
    return Path(model).with_suffix(".json")


def memory_path(model: Path) -> Path:
    """The second-pass (document memory) model beside the first-pass one."""
    return Path(model).with_suffix(".memory.crfsuite")


class Tagger:
    def __init__(self, model: Path | str | None = None) -> None:
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

    def tag(self, tokens: list[str]) -> list[str]:
        """BIO tags (ANERcorp tag set: PERS, ORG, LOC, MISC) for one sentence."""
        return self.tag_document([tokens])[0]

    def tag_document(self, sentences: list[list[str]]) -> list[list[str]]:
        """BIO tags for every sentence of one document (memory spans the document)."""
        feats = [self.featurizer.sentence(s) if s else [] for s in sentences]
        first = [self._first.tag(f) if f else [] for f in feats]
        if self._second is None:
            return first
        lex = self.featurizer.lexical
        cores = [[lex(t).core for t in s] for s in sentences]
        mem = memory.features(cores, first)
        return [self._second.tag([a + b for a, b in zip(f, m)]) if f else []
                for f, m in zip(feats, mem)]

    def tag_conll(self, in_fh: TextIO, out_fh: TextIO, block: int | None = None) -> int:
        """Tag every sentence of a CoNLL file (gold tags, if any, ignored); returns tokens."""
        n = 0
        block = block or self.block
        doc: list[list[str]] = []

        def flush():
            for toks, tags in zip(doc, self.tag_document(doc)):
                conll.write(out_fh, toks, tags)
            doc.clear()

        for toks, _tags in conll.read(in_fh):
            doc.append(toks)
            n += len(toks)
            if len(doc) >= block:
                flush()
        flush()
        return n


_DEFAULT: Tagger | None = None


def default() -> Tagger:
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Tagger()
    return _DEFAULT
