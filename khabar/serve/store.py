"""The corpus as the server sees it: `khabar.corpus.Corpus` opened read-only (one
connection per thread, since SQLite connections stay in the thread that made them), or an
empty corpus when there is no database yet, so a new user still gets the paste page."""
from __future__ import annotations

import os
import threading
from collections import OrderedDict
from pathlib import Path
from typing import Any

FACET_CACHE = 256  # searches whose facet counts are kept


class EmptyCorpus:
    """The Corpus read API over nothing: every search is empty, every id unknown."""

    class _Result:
        def __init__(self, facets: bool):
            self.rows: list = []
            self.next = None
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

    def events(self, *args: Any, **kwargs: Any):
        return self._Result(False)

    def event_counts(self, *args: Any, **kwargs: Any) -> dict:
        return {"type": [], "place": [], "month": []}


class Store:
    def __init__(self, db: Path | None):
        self.db = Path(db) if db is not None else None
        self.present = self.db is not None and self.db.is_file()
        self._local = threading.local()
        self._empty = EmptyCorpus()
        self._facets: OrderedDict[tuple, tuple[tuple, dict]] = OrderedDict()
        self._facets_lock = threading.Lock()

    def signature(self) -> tuple:
        """Changes whenever the database does (an indexer may write while we serve)."""
        out = []
        for path in (self.db, Path(f"{self.db}-wal")):
            try:
                st = os.stat(path)
                out.append((st.st_mtime_ns, st.st_size))
            except OSError:
                out.append(None)
        return tuple(out)

    def cached_facets(self, key: tuple) -> dict | None:
        """Facet counts of an earlier search with the same filters, while the database is
        unchanged: the next pages of a search, and the unfiltered first page, are asked
        for often and cost the most to count."""
        with self._facets_lock:
            hit = self._facets.get(key)
            if hit is None or hit[0] != self.signature():
                return None
            self._facets.move_to_end(key)
            return hit[1]

    def keep_facets(self, key: tuple, facets: dict) -> None:
        with self._facets_lock:
            self._facets[key] = (self.signature(), facets)
            while len(self._facets) > FACET_CACHE:
                self._facets.popitem(last=False)

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
