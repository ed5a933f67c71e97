"""Executors: the same Pipeline in this process, on a process pool, or on dask.distributed.

    from khabar.run import pipe
    for article in pipe(articles, workers=4):       # or dask="local" / "tcp://host:8786"
        ...

Every executor calls `Pipeline.pipe`/`Pipeline.run` and nothing else, so the records are
the same whichever runs them, and they come in input order. A failing article comes back
flagged (`stage.<name>`, E_TIMEOUT, E_WORKER), never lost. This package stands above the
stages: no stage imports it.
"""
from __future__ import annotations

from itertools import chain, islice
from typing import Any, Callable, Iterable, Iterator

from khabar.document import Article
from khabar.pipeline import Pipeline
from khabar.run.pool import Pool, apply_after, cpu_count

__all__ = ["pipe", "auto_workers", "cpu_count", "Pool"]

DEFAULT_BATCH = 8


def pipe(articles: Iterable[Article], *, workers: int | None = None, dask: str | None = None,
         skip: Iterable[str] = (), ner: str = "crf", batch_size: int | None = None,
         timeout: float | None = None, pipeline: Pipeline | None = None,
         after: Callable[[Article], Any] | None = None) -> Iterator[Any]:
    """Processed Articles in input order.

    workers None or 1: in this process; N > 1: a process pool of N workers that load the
    models once each. dask "local" (a LocalCluster of `workers` or 2 processes) or a
    scheduler address: dask.distributed. `timeout` (seconds per article) needs a worker
    process to stop, so it runs even `workers=1` in a pool of one, and on dask each worker
    runs a pool of its own. `pipeline` replaces the default stages (`skip` and `ner` then
    do not apply).
    """
    if pipeline is None:
        from khabar.api import pipeline as default_pipeline

        pipeline = default_pipeline(tuple(skip), ner)
    if dask:
        from khabar.run.cluster import dask_pipe

        done = dask_pipe(articles, pipeline.spec, dask, workers,
                         batch_size or 2 * DEFAULT_BATCH, timeout=timeout)
        return done if after is None else (apply_after(after, a) for a in done)
    if (workers or 1) > 1 or timeout is not None:
        return Pool(pipeline.spec, workers or 1, batch_size or DEFAULT_BATCH,
                    timeout, after=after).imap(articles)
    done = pipeline.pipe(articles)
    return done if after is None else (apply_after(after, a) for a in done)


def auto_workers(articles: Iterable[Article], workers: int | None
                 ) -> tuple[int, Iterator[Article]]:
    """The CLI's default: every core for a batch of more than one article, this process
    for a single one. Returns (workers, the same articles) after peeking at two."""
    it = iter(articles)
    if workers is not None:
        return workers, it
    head = list(islice(it, 2))
    return (cpu_count() if len(head) > 1 else 1), chain(head, it)
