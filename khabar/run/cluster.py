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


def records_partition(spec, articles: list[Article], layers: tuple[str, ...] | None = None
                      ) -> tuple[str, dict[str, int]]:
    """The task of `write_partitions`: one partition's records as JSON Lines, made on the
    worker (a record is smaller to send back than its Article), and its counts."""
    from khabar.record import dumps, to_record

    out = run_partition(spec, articles)
    kwargs = {"layers": layers} if layers else {}
    lines = [dumps(to_record(a, **kwargs), indent=None) for a in out]
    failed = sum(a.failed for a in out)
    counts = {"inputs": len(articles), "records": len(lines), "ok": len(lines) - failed,
              "failed": failed}
    return "".join(line + "\n" for line in lines), counts


def write_partitions(articles: Iterable[Article], out_dir, spec, address: str = "local",
                     workers: int | None = None, batch_size: int = 64,
                     layers: tuple[str, ...] | None = None, client=None) -> dict[str, int]:
    """Records on the cluster, written as `part-NNNNNN.jsonl` files in `out_dir` (partition
    k holds inputs k*batch_size ...), each renamed into place once complete and followed by
    its marker `part-NNNNNN.done` (JSON: inputs, records, ok, failed). A partition lost on
    the cluster is still written: its inputs' records, each flagged E_WORKER. Returns the
    totals, in which inputs == records == ok + failed."""
    import json
    import os
    from pathlib import Path

    from khabar.record import dumps, to_record

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    own = client is None
    cluster = None
    if own:
        client, cluster = connect(address, workers)
    totals = {"inputs": 0, "records": 0, "ok": 0, "failed": 0, "partitions": 0}
    try:
        n = len(client.scheduler_info().get("workers", {})) or 1
        source = iter(articles)
        inflight: deque = deque()
        k = 0
        while True:
            while len(inflight) < 3 * n:
                part = list(islice(source, batch_size))
                if not part:
                    break
                inflight.append((k, part, client.submit(records_partition, spec, part, layers,
                                                        pure=False)))
                k += 1
            if not inflight:
                return totals
            index, part, future = inflight.popleft()
            try:
                text, counts = future.result()
                if counts["records"] != len(part):
                    raise RuntimeError(f"{len(part)} inputs, {counts['records']} records")
            except Exception as err:  # the partition is lost, not its inputs
                for article in part:
                    flag(article, Code.E_WORKER, f"dask: {type(err).__name__}: {err}")
                kwargs = {"layers": layers} if layers else {}
                text = "".join(dumps(to_record(a, **kwargs), indent=None) + "\n"
                               for a in part)
                counts = {"inputs": len(part), "records": len(part), "ok": 0,
                          "failed": len(part)}
            finally:
                future.release()
            name = out / f"part-{index:06d}.jsonl"
            tmp = name.with_suffix(".jsonl.tmp")
            tmp.write_text(text, encoding="utf-8")
            os.replace(tmp, name)
            (out / f"part-{index:06d}.done").write_text(json.dumps(counts), encoding="utf-8")
            for key, value in counts.items():
                totals[key] += value
            totals["partitions"] += 1
    finally:
        if own:
            client.close()
            if cluster is not None:
                cluster.close()
