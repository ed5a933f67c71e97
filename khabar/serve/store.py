"""The corpus as the server sees it: `khabar.corpus.Corpus` opened read-only (one
connection per thread, since SQLite connections stay in the thread that made them), or an
empty corpus when there is no database yet, so a new user still gets the paste page."""
from __future__ import annotations

import threading
from pathlib import Path
from typing import Any


class EmptyCorpus:
    """The Corpus read API over nothing: every search is empty, every id unknown."""

    class _Result:
        rows: list = []
        next = None

        def __init__(self, facets: bool):
            self.facets = {"speaker": [], "outlet": [], "month": []} if facets else None

    def search(self, query: str = "", *, facets: bool = False, **_: Any):
        return self._Result(facets)

    def article(self, article_id: str):
        return None

    def speakers(self, *args: Any, **kwargs: Any) -> list:
        return []

    def speaker(self, key: str):
        return None

    def entity(self, key: str):
        return None

    def story(self, story_id: str):
        return None

    def stats(self) -> dict:
        return {}


class Store:
    def __init__(self, db: Path | None):
        self.db = Path(db) if db is not None else None
        self.present = self.db is not None and self.db.is_file()
        self._local = threading.local()
        self._empty = EmptyCorpus()

    def corpus(self):
        if not self.present:
            return self._empty
        corpus = getattr(self._local, "corpus", None)
        if corpus is None:
            from khabar.corpus import Corpus

            corpus = self._local.corpus = Corpus(self.db, readonly=True)
        return corpus

    def error_types(self) -> tuple[type[BaseException], ...]:
        """The corpus's own error (a bad filter...), answered as 400, not 500."""
        try:
            from khabar.corpus import CorpusError
        except ImportError:
            return (ValueError,)
        return (CorpusError, ValueError)
