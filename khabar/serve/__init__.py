"""`khabar serve`: the HTTP API (/api/v1/) and Arabic pages over the corpus.

A layer above the stages: it calls `khabar.corpus.Corpus` for everything stored and the
extraction pool (`khabar.serve.extraction`) for new text; it never talks SQL of its own.
"""
from khabar.serve.app import create_app
from khabar.serve.config import ServeConfig

__all__ = ["ServeConfig", "create_app"]
