"""The same Pipeline on dask.distributed: partitions of articles in, partitions out.

`address` is a scheduler's address (`tcp://host:8786`) or "local", which starts a
`LocalCluster` of worker processes on this machine (one thread each: the stages are
pure Python and hold the GIL). Each worker process builds the pipeline once per spec and
keeps it. At most `window` partitions are submitted ahead of the one the caller is
reading, so memory stays bounded and output keeps input order. A partition whose task
fails (a worker lost, an error above the stages) comes back as its input articles, each
flagged E_WORKER: every input is accounted for, written or flagged.
"""
from __future__ import annotations

from collections import deque
from itertools import islice
from typing import Iterable, Iterator

from khabar.document import Article
from khabar.errors import Code, flag

_PIPELINES: dict[str, object] = {}  # per worker process: spec -> Pipeline


def run_partition(spec, articles: list[Article]) -> list[Article]:
    """The task: one partition through the pipeline of this worker process."""
    from khabar.pipeline import Pipeline

    key = repr(spec)
    pipeline = _PIPELINES.get(key)
    if pipeline is None:
        pipeline = _PIPELINES[key] = Pipeline.from_spec(spec)
    out = []
    for article in articles:
        if not article.failed:
            try:
                pipeline.run(article)
            except Exception as err:  # the contract check's error, or a bug above stages
                article.flag("pipeline", f"{type(err).__name__}: {err}", "error")
        out.append(article)
    return out


def connect(address: str, workers: int | None = None):
    """(client, cluster or None): a client of the scheduler at `address`, or of a new
    LocalCluster with `workers` processes (default 2) for "local"."""
    from distributed import Client, LocalCluster

    if address == "local":
        cluster = LocalCluster(n_workers=workers or 2, threads_per_worker=1, processes=True,
                               dashboard_address=None)
        return Client(cluster), cluster
    return Client(address), None


def dask_pipe(articles: Iterable[Article], spec, address: str = "local",
              workers: int | None = None, batch_size: int = 16,
              window: int | None = None, client=None) -> Iterator[Article]:
    """Processed Articles in input order, computed on the cluster at `address` (or with
    the given `client`)."""
    own = client is None
    cluster = None
    if own:
        client, cluster = connect(address, workers)
    try:
        n = len(client.scheduler_info().get("workers", {})) or 1
        window = window or 3 * n
        source = iter(articles)
        inflight: deque = deque()
        while True:
            while len(inflight) < window:
                part = list(islice(source, batch_size))
                if not part:
                    break
                inflight.append((part, client.submit(run_partition, spec, part, pure=False)))
            if not inflight:
                return
            part, future = inflight.popleft()
            try:
                out = future.result()
                if len(out) != len(part):
                    raise RuntimeError(f"{len(part)} articles in, {len(out)} out")
            except Exception as err:  # the partition is lost, not its inputs
                out = part
                for article in out:
                    flag(article, Code.E_WORKER, f"dask: {type(err).__name__}: {err}")
            finally:
                future.release()
            yield from out
    finally:
        if own:
            client.close()
            if cluster is not None:
                cluster.close()
