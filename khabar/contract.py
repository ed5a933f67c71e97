"""Checks that a stage reads and writes only what it declares (`khabar.pipeline.Stage`).

While a stage runs under the check, the article's layer and metadata tables are swapped
for recording dicts that note every key read and written; afterwards the layers the stage
was not allowed to change are compared with a fingerprint taken before it ran (that
catches a stage that edits the spans of another stage's layer in place). The check costs
time, so it runs where bugs are hunted: the test suite turns it on with the environment
variable `KHABAR_CHECK_STAGES=1` (or `Pipeline(check=True)`).

Names a stage can declare besides layers: `meta` (the article's metadata fields) and
`language` (`Article.language`).
"""
from __future__ import annotations

from typing import Any, Callable

from khabar.document import Article, TokenLayer

META = "meta"
LANGUAGE = "language"
ANY = "*"  # a stage that walked the whole table read every layer


class ContractError(ValueError):
    """A stage read or wrote something it did not declare: a bug in that stage."""


class _Recording(dict):
    """A dict that notes the keys read and written through it."""

    def __init__(self, data: dict, reads: set, writes: set) -> None:
        super().__init__(data)
        self.reads, self.writes = reads, writes

    def get(self, key, default=None):
        self.reads.add(key)
        return super().get(key, default)

    def __getitem__(self, key):
        self.reads.add(key)
        return super().__getitem__(key)

    def __contains__(self, key):
        self.reads.add(key)
        return super().__contains__(key)

    def __iter__(self):
        self.reads.add(ANY)
        return super().__iter__()

    def keys(self):
        self.reads.add(ANY)
        return super().keys()

    def values(self):
        self.reads.add(ANY)
        return super().values()

    def items(self):
        self.reads.add(ANY)
        return super().items()

    def setdefault(self, key, default=None):
        self.writes.add(key)
        return super().setdefault(key, default)

    def __setitem__(self, key, value):
        self.writes.add(key)
        super().__setitem__(key, value)

    def __delitem__(self, key):
        self.writes.add(key)
        super().__delitem__(key)

    def pop(self, key, *default):
        self.writes.add(key)
        return super().pop(key, *default)

    def update(self, *args, **kwargs):
        self.writes.add(ANY)
        super().update(*args, **kwargs)


def _fingerprint(layer: Any) -> Any:
    if isinstance(layer, TokenLayer):  # cut lazily by its readers: only its identity counts
        return id(layer)
    return id(layer), [(s.start, s.end, s.label, repr(s.attrs)) for s in layer]


def checked_call(stage, func: Callable[[Article], None], article: Article) -> None:
    """Run `func` (the stage's function) on the article and raise ContractError when it
    read or wrote what `stage` does not declare. The stage's own exceptions pass through."""
    may_write = set(stage.assigns) | set(getattr(stage, "updates", ()))
    may_read = may_write | set(stage.requires) | set(stage.uses)
    reads: set = set()
    writes: set = set()
    meta_reads: set = set()
    meta_writes: set = set()
    layers, metadata = article.layers, article.metadata
    before = {k: _fingerprint(v) for k, v in layers.items() if k not in may_write}
    language = article.language
    language_before = dict(language)
    article.layers = _Recording(layers, reads, writes)
    article.metadata = _Recording(metadata, meta_reads, meta_writes)
    try:
        func(article)
    finally:
        # the plain tables come back, with whatever the stage put in them
        layers.clear()
        layers.update(dict.items(article.layers))
        metadata.clear()
        metadata.update(dict.items(article.metadata))
        article.layers, article.metadata = layers, metadata
    problems = []
    if meta_reads:
        reads.add(META)
    if meta_writes:
        writes.add(META)
    if article.language is not language or article.language != language_before:
        writes.add(LANGUAGE)
    for key, fp in before.items():
        if key not in layers or _fingerprint(layers[key]) != fp:
            writes.add(key)
    bad_writes = sorted(map(str, writes - may_write))
    bad_reads = sorted(map(str, reads - may_read - writes))
    if bad_writes:
        problems.append(f"writes {bad_writes} without declaring them in assigns/updates")
    if bad_reads:
        problems.append(f"reads {bad_reads} without declaring them in requires/uses")
    if problems:
        raise ContractError(f"stage {stage.name!r} " + "; ".join(problems))
