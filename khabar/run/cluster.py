"""The same Pipeline on dask.distributed: partitions of articles in, partitions out.

`address` is a scheduler's address (`tcp://host:8786`) or "local", which starts a
`LocalCluster` of worker processes on this machine (one thread each: the stages are
pure Python and hold the GIL). Each worker process builds the pipeline once per spec and
keeps it. At most `window` partitions are submitted ahead of the one the caller is
reading, so memory stays bounded and output keeps input order. A partition whose task
fails (a worker lost, an error above the stages) comes back as its input articles, each
flagged E_WORKER: every input is accounted for, written or flagged.

With a per-article `timeout`, each Dask worker runs its partitions on a process pool of
its own (`khabar.run.pool.Pool`, one process per worker thread, kept between tasks): a
task cannot be stopped inside a Dask worker, a pool's process can. An article over the
time comes back unprocessed with E_TIMEOUT, as from the pool, and the rest of its
partition goes on; the pool's process is replaced.
"""
from __future__ import annotations

from collections import deque
from itertools import islice
from typing import Iterable, Iterator

from khabar.document import Article
from khabar.errors import Code, flag

_PIPELINES: dict[str, object] = {}  # per worker process: spec -> Pipeline
_POOLS: dict[tuple[str, float, int], object] = {}  # (spec, timeout, thread) -> its Pool


def run_partition(spec, articles: list[Article], timeout: float | None = None
                  ) -> list[Article]:
    """The task: one partition through the pipeline of this worker process, or, with a
    per-article `timeout` (seconds), through this worker thread's pool of one process."""
    from khabar.pipeline import Pipeline

    if timeout is not None:
        return list(_pool(spec, timeout).imap(articles))
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


def _pool(spec, timeout: float):
    """This worker thread's Pool for (spec, timeout), started on first use and kept: the
    models load once per worker, not once per partition."""
    import multiprocessing as mp
    import threading

    from khabar.run.pool import Pool

    key = (repr(spec), timeout, threading.get_ident())
    pool = _POOLS.get(key)
    if pool is None:
        alive = {t.ident for t in threading.enumerate()}
        for old in [k for k in _POOLS if k[2] not in alive]:
            _POOLS.pop(old).close()  # a thread the worker let go: its pool goes too
        me = mp.current_process()
        if me.daemon:
            # a Dask worker runs as a daemonic process (unless its configuration says
            # `distributed.worker.daemon: false`), and multiprocessing refuses children to
            # those, lest they outlive it. The pool's process does not: it leaves as soon
            # as its pipe to this process closes, and it is daemonic itself.
            me._config["daemon"] = False
        pool = _POOLS[key] = Pool(spec, 1, batch_size=1, timeout=timeout).__enter__()
    return pool


def connect(address: str, workers: int | None = None):
    """(client, cluster or None): a client of the scheduler at `address`, or of a new
    LocalCluster with `workers` processes (default 2) for "local"."""
    from distributed import Client, LocalCluster

    if address == "local":
        import dask

        # daemon false: a worker may start the process of a per-article timeout
        with dask.config.set({"distributed.worker.daemon": False}):
            cluster = LocalCluster(n_workers=workers or 2, threads_per_worker=1,
                                   processes=True, dashboard_address=None)
        return Client(cluster), cluster
    return Client(address), None


def dask_pipe(articles: Iterable[Article], spec, address: str = "local",
              workers: int | None = None, batch_size: int = 16,
              window: int | None = None, client=None, timeout: float | None = None
              ) -> Iterator[Article]:
    """Processed Articles in input order, computed on the cluster at `address` (or with
    the given `client`); `timeout`: seconds per article (E_TIMEOUT past them)."""
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
                inflight.append((part, client.submit(run_partition, spec, part, timeout,
                                                     pure=False)))
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


FORMATS = ("jsonl", "parquet")


def records_partition(spec, articles: list[Article], layers: tuple[str, ...] | None = None,
                      timeout: float | None = None, fmt: str = "jsonl", first_seq: int = 0
                      ) -> tuple[object, dict[str, int]]:
    """The task of `write_partitions`: one partition's records, made on the worker (a
    record is smaller to send back than its Article), as JSON Lines or, for "parquet",
    the rows of each table (`khabar.run.tables`), and its counts."""
    return _output(run_partition(spec, articles, timeout), layers, fmt, first_seq)


def _output(out: list[Article], layers, fmt: str = "jsonl", first_seq: int = 0
            ) -> tuple[object, dict[str, int]]:
    from khabar.record import dumps, to_record

    kwargs = {"layers": layers} if layers else {}
    records = [to_record(a, **kwargs) for a in out]
    failed = sum(a.failed for a in out)
    counts = {"inputs": len(out), "records": len(records), "ok": len(records) - failed,
              "failed": failed}
    if fmt == "parquet":
        from khabar.run.tables import rows

        return rows(records, first_seq), counts
    return "".join(dumps(r, indent=None) + "\n" for r in records), counts


def _files(out, index: int, fmt: str) -> list:
    """The files of partition `index`: part-NNNNNN.jsonl, or TABLE/part-NNNNNN.parquet
    per table (each table's folder is a Parquet dataset of its partitions)."""
    if fmt == "parquet":
        from khabar.run.tables import TABLES

        return [out / t / f"part-{index:06d}.parquet" for t in TABLES]
    return [out / f"part-{index:06d}.jsonl"]


def _write_partition(out, index: int, fmt: str, data) -> None:
    import os

    if fmt != "parquet":
        _write_atomic(out / f"part-{index:06d}.jsonl", data)
        return
    from khabar.run.tables import write_parquet

    for path in _files(out, index, fmt):
        path.parent.mkdir(exist_ok=True)
        tmp = path.with_name(path.name + ".tmp")
        write_parquet(tmp, path.parent.name, data[path.parent.name])
        os.replace(tmp, path)


MANIFEST = "partitions.json"


def _config_hash(spec, layers, fmt: str = "jsonl") -> str:
    """What makes a partition's records what they are, besides its inputs: the
    pipeline's spec, the layers kept, the record schema's version and the format."""
    import hashlib

    from khabar.record import SCHEMA_VERSION

    key = (spec, tuple(layers) if layers else None, SCHEMA_VERSION)
    # the JSON Lines key is that of the runs before Parquet existed: their markers hold
    blob = repr(key if fmt == "jsonl" else key + (fmt,))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:16]


def _inputs_hash(articles: list[Article]) -> str:
    """A partition's inputs: their texts, sources and issues (a bad input is an input)."""
    import hashlib

    h = hashlib.sha256()
    for a in articles:
        h.update(repr((a.text, sorted(a.source.items()),
                       [(i.code, i.severity) for i in a.issues])).encode("utf-8", "replace"))
        h.update(b"\0")
    return h.hexdigest()[:16]


def _done(out, index: int, config: str, inputs: str, fmt: str = "jsonl"
          ) -> dict[str, int] | None:
    """The counts of partition `index` when its records and marker are in `out` and its
    marker says they were made by this configuration from these inputs; else None."""
    import json

    marker = out / f"part-{index:06d}.done"
    if not marker.is_file() or not all(p.is_file() for p in _files(out, index, fmt)):
        return None
    try:
        m = json.loads(marker.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if m.get("config") != config or m.get("inputs_hash") != inputs:
        return None
    return {k: int(m[k]) for k in ("inputs", "records", "ok", "failed")}


def _batch_size(out, batch_size: int) -> int:
    """The input -> partition mapping, recorded in the output directory by the first run
    and kept by every rerun, so a resume never depends on the options it is given."""
    import json

    path = out / MANIFEST
    if path.is_file():
        return int(json.loads(path.read_text(encoding="utf-8"))["batch_size"])
    _write_atomic(path, json.dumps({"batch_size": batch_size}))
    return batch_size


def _write_atomic(path, text: str) -> None:
    import os

    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def write_partitions(articles: Iterable[Article], out_dir, spec, address: str = "local",
                     workers: int | None = None, batch_size: int = 64,
                     layers: tuple[str, ...] | None = None, client=None,
                     timeout: float | None = None, format: str = "jsonl"
                     ) -> dict[str, int]:
    """Records on the cluster, written as `part-NNNNNN.jsonl` files in `out_dir` (partition
    k holds inputs k*batch_size ...), each renamed into place once complete and followed by
    its marker `part-NNNNNN.done` (JSON: inputs, records, ok, failed, and the hashes of
    the configuration and of the inputs that made it). A partition lost on the cluster is
    still written: its inputs' records, each flagged E_WORKER. `timeout`: seconds per
    article (E_TIMEOUT past them). `format="parquet"`: each partition is instead one
    Parquet file per table, `TABLE/part-NNNNNN.parquet` (tables of `khabar.run.tables`:
    articles, failed ones included, statements, entities, timexes, events), all renamed
    into place before the marker is written.

    Run again on the same inputs and `out_dir` (after a kill, say), it resumes: a
    partition whose marker matches this configuration and its inputs is skipped, the
    rest are made again. The batch size of the first run, kept in `partitions.json`,
    wins over `batch_size`. Returns the totals over all partitions, skipped or made
    (`partitions`, of which `skipped`), in which inputs == records == ok + failed."""
    import json
    from pathlib import Path

    if format not in FORMATS:
        raise ValueError(f"format {format!r}: one of {', '.join(FORMATS)}")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    batch_size = _batch_size(out, batch_size)
    config = _config_hash(spec, layers, format)
    totals = {"inputs": 0, "records": 0, "ok": 0, "failed": 0, "partitions": 0,
              "skipped": 0}

    def add(counts: dict[str, int]) -> None:
        for key in ("inputs", "records", "ok", "failed"):
            totals[key] += counts[key]
        totals["partitions"] += 1

    own = client is None
    cluster = None
    try:
        source = iter(articles)
        inflight: deque = deque()
        k = 0
        n = None
        while True:
            while n is None or len(inflight) < 3 * n:
                part = list(islice(source, batch_size))
                if not part:
                    break
                index, k = k, k + 1
                inputs = _inputs_hash(part)
                counts = _done(out, index, config, inputs, format)
                if counts is not None and not inflight:
                    add(counts)  # made by an earlier run: nothing to send
                    totals["skipped"] += 1
                    continue
                if counts is not None:
                    inflight.append((index, part, inputs, None, counts))
                    continue
                if client is None:
                    client, cluster = connect(address, workers)
                if n is None:
                    n = len(client.scheduler_info().get("workers", {})) or 1
                inflight.append((index, part, inputs, client.submit(
                    records_partition, spec, part, layers, timeout, format,
                    index * batch_size, pure=False), None))
            if not inflight:
                return totals
            index, part, inputs, future, counts = inflight.popleft()
            if future is None:  # skipped, kept in line behind those in flight
                add(counts)
                totals["skipped"] += 1
                continue
            try:
                data, counts = future.result()
                if counts["records"] != len(part):
                    raise RuntimeError(f"{len(part)} inputs, {counts['records']} records")
            except Exception as err:  # the partition is lost, not its inputs
                for article in part:
                    flag(article, Code.E_WORKER, f"dask: {type(err).__name__}: {err}")
                data, counts = _output(part, layers, format, index * batch_size)
            finally:
                future.release()
            # records first, renamed into place; the marker last: a partition without its
            # marker is made again by the next run
            _write_partition(out, index, format, data)
            _write_atomic(out / f"part-{index:06d}.done",
                          json.dumps({**counts, "config": config, "inputs_hash": inputs}))
            add(counts)
    finally:
        if own and client is not None:
            client.close()
            if cluster is not None:
                cluster.close()
