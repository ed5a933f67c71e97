"""Extraction for the server: the CLI's readers and pipeline, run on a kept
`khabar.run.Pool` whose watchdog bounds each article by the server's --timeout.

`Extractor.extract(payload)` is the one function the routes call. A payload is plain data
(`bytes`, a file `name` whose ending gives the format, an optional `fmt`, and `given`
metadata). It is read here with the very readers of `khabar extract`
(`khabar.ingest.read_bytes`); the articles go to the pool's worker processes, which build
the pipeline once. An article that overruns the timeout comes back flagged E_TIMEOUT (its
worker killed and replaced): the caller gets 504, the server stays up and the next
request finds a fresh worker.
"""
from __future__ import annotations

import asyncio
import threading
from typing import Any

from khabar.errors import Code

# records returned from one upload; a CSV/JSONL file of more is cut (and says so)
MAX_RECORDS = 50


class ExtractionError(Exception):
    """An extraction that could not finish; `status` is the HTTP status to answer with."""

    def __init__(self, message: str, status: int = 500):
        super().__init__(message)
        self.status = status


def read_payload(payload: dict[str, Any]) -> tuple[list, int]:
    """The payload's Articles (at most MAX_RECORDS) and how many it held."""
    from khabar.ingest import read_bytes

    articles, total = [], 0
    for article in read_bytes(payload["data"], payload["name"], payload.get("fmt")):
        total += 1
        if total > MAX_RECORDS:
            continue
        for key, value in (payload.get("given") or {}).items():
            if value and not article.given.get(key):
                article.given[key] = value
        articles.append(article)
    return articles, total


class Extractor:
    def __init__(self, timeout: float, workers: int = 1, spec: Any = None):
        self.timeout = timeout
        self.workers = max(1, workers)
        self.spec = spec
        self._pool = None
        self._lock = threading.Lock()  # one batch on the pool at a time (it is not shared)

    def _get_pool(self):
        if self._pool is None:
            from khabar.api import pipeline
            from khabar.run import Pool

            pool = Pool(self.spec or pipeline().spec, self.workers, batch_size=1,
                        timeout=self.timeout)
            pool.__enter__()  # kept: its workers stay up between requests
            self._pool = pool
        return self._pool

    def warm(self) -> None:
        """Start the workers (they load the models) without holding up the server."""
        def start() -> None:
            with self._lock:
                self._get_pool()
        threading.Thread(target=start, name="khabar-extract-warm", daemon=True).start()

    def _run(self, articles: list) -> list:
        with self._lock:
            return list(self._get_pool().imap(articles))

    async def extract(self, payload: dict[str, Any]) -> dict[str, Any]:
        from khabar.record import to_record

        articles, total = read_payload(payload)
        done = await asyncio.to_thread(self._run, articles)
        for article in done:
            codes = {i.code for i in article.issues}
            if Code.E_TIMEOUT in codes:
                raise ExtractionError(
                    f"extraction took longer than {self.timeout:g} s and was stopped "
                    "(the server's --timeout); try a shorter text", 504)
            if Code.E_WORKER in codes:
                raise ExtractionError("the extraction worker stopped unexpectedly; "
                                      "try again", 503)
        return {"records": [to_record(a) for a in done], "total": total}

    def close(self) -> None:
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.__exit__(None, None, None)
