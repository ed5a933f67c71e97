"""Extraction for the server: the CLI's pipeline in a pool of worker processes, each call
bounded by a timeout.

`Extractor.extract(payload)` is the one function the routes call. A payload is plain data
(`bytes`, a file `name` whose ending gives the format, an optional `fmt`, and `given`
metadata), so it crosses to a worker process as is. A worker reads it with the very readers
of `khabar extract` (`khabar.ingest.read_bytes`), runs `khabar.api.process` and returns the
records. When an extraction overruns the timeout the pool's workers are ended and a fresh
pool takes their place: a stuck article costs its caller an error, never the server.

When `khabar.run.pipe` (the executors) lands, `_work` is the single place to swap it in.
"""
from __future__ import annotations

import asyncio
import importlib
import multiprocessing
import threading
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

# records returned from one upload; a CSV/JSONL file of more is cut (and says so)
MAX_RECORDS = 50


class ExtractionError(Exception):
    """An extraction that could not finish; `status` is the HTTP status to answer with."""

    def __init__(self, message: str, status: int = 500):
        super().__init__(message)
        self.status = status


def extract_payload(payload: dict[str, Any]) -> dict[str, Any]:
    """Worker side: bytes -> Articles -> records, exactly as `khabar extract` reads a file."""
    from khabar import api
    from khabar.ingest import read_bytes
    from khabar.record import to_record

    records, total = [], 0
    for article in read_bytes(payload["data"], payload["name"], payload.get("fmt")):
        total += 1
        if total > MAX_RECORDS:
            continue
        for key, value in (payload.get("given") or {}).items():
            if value and not article.given.get(key):
                article.given[key] = value
        records.append(to_record(api.process(article)))
    return {"records": records, "total": total}


def resolve(ref: str) -> Callable[[dict], dict]:
    module, _, name = ref.partition(":")
    return getattr(importlib.import_module(module), name)


def _warm() -> bool:
    """Load the pipeline's models in a fresh worker before the first request needs them."""
    from khabar import api

    api.pipeline()
    return True


class Extractor:
    def __init__(self, timeout: float, workers: int = 1,
                 work: str = "khabar.serve.extraction:extract_payload"):
        self.timeout = timeout
        self.workers = max(1, workers)
        self.work = resolve(work)
        self._lock = threading.Lock()
        self._pool: ProcessPoolExecutor | None = None

    def _get_pool(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._pool is None:
                # spawn, not fork: the server has threads, and a forked copy of a threaded
                # process may hold a lock forever
                ctx = multiprocessing.get_context("spawn")
                self._pool = ProcessPoolExecutor(self.workers, mp_context=ctx)
            return self._pool

    def warm(self) -> None:
        self._get_pool().submit(_warm)

    def _replace_pool(self, broken: ProcessPoolExecutor) -> None:
        with self._lock:
            if self._pool is not broken:
                return
            self._pool = None
        # a running task cannot be cancelled: end the processes that hold it
        for proc in list((getattr(broken, "_processes", None) or {}).values()):
            proc.terminate()
        broken.shutdown(wait=False, cancel_futures=True)

    async def extract(self, payload: dict[str, Any]) -> dict[str, Any]:
        pool = self._get_pool()
        future = pool.submit(self.work, payload)
        try:
            return await asyncio.wait_for(asyncio.wrap_future(future), self.timeout)
        except TimeoutError:
            self._replace_pool(pool)
            raise ExtractionError(
                f"extraction took longer than {self.timeout:g} s and was stopped "
                "(the server's --timeout); try a shorter text", 504) from None
        except BrokenProcessPool:
            self._replace_pool(pool)
            raise ExtractionError("the extraction worker stopped unexpectedly; "
                                  "try again", 503) from None

    def close(self) -> None:
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            for proc in list((getattr(pool, "_processes", None) or {}).values()):
                proc.terminate()
            pool.shutdown(wait=False, cancel_futures=True)
