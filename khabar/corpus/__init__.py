"""The corpus: many articles in one SQLite file, questioned by search, speaker and entity.

A layer above the single-article pipeline (the stages never import it). The CLI
(`khabar index|search|speakers|export`) and the HTTP service use only `Corpus`.

    c = Corpus("khabar.db")
    c.add(["news.jsonl.gz"], progress=True)
    c.search("الحكومة", speaker="بوتين", since="2024-01").rows

Names load on first use, so `khabar --help` does not pay for SQLite, numpy and datasketch.
"""
from __future__ import annotations

__all__ = ["Corpus", "CorpusError", "IndexSummary", "SearchResult", "SCHEMA_VERSION"]


def __getattr__(name: str):
    if name in ("Corpus", "SearchResult"):
        from khabar.corpus import api
        return getattr(api, name)
    if name in ("CorpusError", "IndexSummary"):
        from khabar.corpus import store
        return getattr(store, name)
    if name == "SCHEMA_VERSION":
        from khabar.corpus.schema import SCHEMA_VERSION
        return SCHEMA_VERSION
    raise AttributeError(name)
