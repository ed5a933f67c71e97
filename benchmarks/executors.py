"""The executors side by side: serial, a process pool of 2, dask local with 2 workers.

    python benchmarks/executors.py [--n 5000] [--input ../shared/data/unlabeled/news.jsonl.gz]
    python benchmarks/executors.py --long 43000      # worker memory over a long pool run

Reads N distinct articles once (ingest is not timed), then runs each executor over the
same articles in this one run, one row each: articles/s, the speed-up over serial, and
the resident memory of each worker process (now and peak). The records of every executor
are compared with the serial ones (their JSON, byte for byte). `--long` streams N articles
through a pool of 2 and prints each worker's memory every tenth of the run: flat means no
growth with N. Compare rows of one run on a quiet machine, not runs of different days.
"""
from __future__ import annotations

import argparse
import hashlib
import os
import time
from itertools import islice
from pathlib import Path

from khabar.document import Article
from khabar.ingest import read_path
from khabar.record import dumps, to_record
from khabar.run import Pool, pipe
from khabar.api import pipeline as default_pipeline

REPO = Path(__file__).resolve().parents[1]
DEFAULT_INPUT = REPO.parent / "shared" / "data" / "unlabeled" / "news.jsonl.gz"


def mem_mb(pid: str | int = "self") -> tuple[float, float]:
    """(resident MB now, peak resident MB) of a process."""
    now = peak = float("nan")
    with open(f"/proc/{pid}/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                now = int(line.split()[1]) / 1024
            elif line.startswith("VmHWM:"):
                peak = int(line.split()[1]) / 1024
    return now, peak


def cpu_s(pid: str | int = "self") -> float:
    """CPU seconds (user + system) a process has used."""
    with open(f"/proc/{pid}/stat") as fh:
        fields = fh.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def load(path: Path, n: int) -> list[tuple[str, dict, dict]]:
    return [(a.text, a.source, a.given) for a in islice(read_path(str(path)), n)
            if not a.failed]


def articles(templates):
    for text, source, given in templates:
        yield Article(text, dict(source), dict(given))


def digest(out) -> tuple[int, str]:
    h = hashlib.sha256()
    n = 0
    for a in out:
        h.update(dumps(to_record(a), indent=None).encode())
        n += 1
    return n, h.hexdigest()


def _dask_memory(client) -> list[tuple[float, float]]:
    return list(client.run(mem_mb).values())


def _dask_cpu(client) -> list[float]:
    return list(client.run(cpu_s).values())


def side_by_side(templates, workers: int) -> None:
    rows = []
    pipe_obj = default_pipeline()
    pipe_obj.run(Article(*templates[0]))  # serial warm-up: models load here
    t0, c0 = time.perf_counter(), cpu_s()
    n, serial_digest = digest(pipe(articles(templates)))
    rows.append(("serial (this process)", n, time.perf_counter() - t0, [mem_mb()], True,
                 cpu_s() - c0, []))

    with Pool(pipe_obj.spec, workers) as pool:  # started (and warmed) before the clock
        pids = [w.process.pid for w in pool._pool]
        w0 = [cpu_s(p) for p in pids]
        t0, c0 = time.perf_counter(), cpu_s()
        n, d = digest(pool.imap(articles(templates)))
        elapsed, parent = time.perf_counter() - t0, cpu_s() - c0
        mem = [mem_mb(p) for p in pids]
        wcpu = [cpu_s(p) - a for p, a in zip(pids, w0)]
    rows.append((f"--workers {workers} (process pool)", n, elapsed, mem, d == serial_digest,
                 parent, wcpu))

    from khabar.run.cluster import connect, dask_pipe

    client, cluster = connect("local", workers)
    try:
        list(dask_pipe(articles(templates[:workers]), pipe_obj.spec, client=client,
                       batch_size=1))  # each worker builds its pipeline before the clock
        w0 = _dask_cpu(client)
        t0, c0 = time.perf_counter(), cpu_s()
        n, d = digest(dask_pipe(articles(templates), pipe_obj.spec, client=client))
        elapsed, parent = time.perf_counter() - t0, cpu_s() - c0
        mem = _dask_memory(client)
        wcpu = [b - a for a, b in zip(w0, _dask_cpu(client))]
    finally:
        client.close()
        cluster.close()
    rows.append((f"--dask local ({workers} workers)", n, elapsed, mem, d == serial_digest,
                 parent, wcpu))

    base = rows[0][1] / rows[0][2]
    serial_cpu = rows[0][5]
    print(f"\n{len(templates)} distinct articles, default pipeline (--ner crf); "
          "records hashed in the parent; load average at the end: "
          f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"{'executor':<32} {'articles':>8} {'seconds':>8} {'art/s':>7} {'speed-up':>8} "
          f"{'CPU s parent + workers':>26} {'bound':>6} {'same':>5}  "
          "memory per worker: now / peak MB")
    for name, n, elapsed, mem, same, parent, wcpu in rows:
        rate = n / elapsed
        mems = ", ".join(f"{a:.0f} / {b:.0f}" for a, b in mem)
        cpus = f"{parent:.1f} + " + " + ".join(f"{c:.1f}" for c in wcpu) if wcpu else \
            f"{parent:.1f}"
        # the speed-up these CPU seconds allow on idle cores: the busiest process sets it
        bound = serial_cpu / max([parent, *wcpu])
        print(f"{name:<32} {n:>8} {elapsed:>8.1f} {rate:>7.1f} {rate / base:>7.2f}x "
              f"{cpus:>26} {bound:>5.2f}x {'yes' if same else 'NO':>5}  {mems}")
    print("speed-up: wall clock; bound: serial CPU seconds / the busiest process's CPU "
          "seconds, the speed-up on otherwise idle cores")


def long_run(path: Path, n: int, workers: int) -> None:
    spec = default_pipeline().spec
    step = max(1, n // 10)
    print(f"{n} articles from {path.name} through a pool of {workers} "
          "(worker memory: now / peak MB)")
    with Pool(spec, workers) as pool:
        t0 = time.perf_counter()
        done = failed = 0
        for article in pool.imap(islice(read_path(str(path)), n)):
            done += 1
            failed += article.failed
            if done % step == 0:
                _long_row(pool, done, failed, t0)
        _long_row(pool, done, failed, t0)  # the end (the input may hold fewer than N)


def _long_row(pool, done: int, failed: int, t0: float) -> None:
    mems = ", ".join(f"{a:.0f} / {b:.0f}" for a, b in (mem_mb(w.process.pid) for w in pool._pool))
    print(f"{done:>8} articles {time.perf_counter() - t0:>8.1f} s  "
          f"failed {failed:>5}  replaced {pool.replaced}  {mems}", flush=True)


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--input", type=Path, default=DEFAULT_INPUT)
    ap.add_argument("--n", type=int, default=5000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--long", type=int, default=None, metavar="N",
                    help="instead: worker memory over a pool run of N articles")
    args = ap.parse_args(argv)
    if args.long:
        long_run(args.input, args.long, args.workers)
        return
    t0 = time.perf_counter()
    templates = load(args.input, args.n)
    print(f"read {len(templates)} articles in {time.perf_counter() - t0:.1f} s (not timed below)")
    side_by_side(templates, args.workers)


if __name__ == "__main__":
    main()
