"""The shipped word -> cluster table (learned by `khabar.ner.clusters`), loaded once.

The file lists words by falling corpus frequency, so a word's line number is also its
frequency rank, which mention offsets use to tell a real clitic from a name's first letter.
"""
from __future__ import annotations

import gzip
from importlib import resources as _ir
from pathlib import Path

_TABLE: "WordClasses | None" = None


class WordClasses:
    def __init__(self, clusters: dict[str, tuple[str, ...]], ranks: dict[str, int]) -> None:
        self.clusters = clusters
        self.ranks = ranks

    @classmethod
    def read(cls, path) -> "WordClasses":
        clusters: dict[str, tuple[str, ...]] = {}
        ranks: dict[str, int] = {}
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("#"):
                    continue
                word, *ids = line.rstrip("\n").split("\t")
                ranks[word] = len(ranks)
                clusters[word] = tuple(ids)
        return cls(clusters, ranks)

    @classmethod
    def empty(cls) -> "WordClasses":
        return cls({}, {})


def model_path(name: str) -> Path:
    return Path(str(_ir.files("khabar.models").joinpath(name)))


def default() -> WordClasses:
    global _TABLE
    if _TABLE is None:
        path = model_path("clusters.tsv.gz")
        _TABLE = WordClasses.read(path) if path.exists() else WordClasses.empty()
    return _TABLE
