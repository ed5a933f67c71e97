"""A process pool that runs one Pipeline per worker, keeps input order and bounds memory.

Each worker builds the pipeline once from its spec (`Pipeline.spec`) and warms it on a
short text before it reports ready, so no article pays for loading models. Articles go out
in batches tagged with a sequence number; at most `window` batches are between the reader
and the consumer, so memory stays bounded whatever the input size, and a slow batch holds
the output back instead of letting it reorder. A worker answers article by article; that is
also its heartbeat: with `timeout` set, a worker that has not finished its current article
within `timeout` seconds is killed and replaced, the article comes back unprocessed with
E_TIMEOUT, and the rest of its batches go to the other workers. A worker that dies gives
E_WORKER to the article it held. No article is ever lost or duplicated.
"""
from __future__ import annotations

import gc
import multiprocessing as mp
import os
import time
from collections import deque
from dataclasses import dataclass, field
from itertools import islice
from multiprocessing.connection import wait
from typing import Iterable, Iterator

from khabar.document import Article
from khabar.errors import Code, flag

# a sentence of our own: the warm-up that loads every lazy model before the first article
_WARM_UP = "قال المتحدث باسم الوزارة يوم الأحد إن الاجتماع سيعقد في القاهرة."
_READY = "ready"
_BUILD_FAILED = "build-failed"
_STOP_GRACE = 5.0  # seconds a worker gets to leave on its own at the end


def cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def apply_after(after, article: Article):
    """`after(article)`, or the article itself flagged when `after` fails on it (a batch
    never stops on one article)."""
    try:
        return after(article)
    except Exception as err:
        article.flag("pipeline", f"{type(err).__name__}: {err}", "error")
        return article


def _worker_main(conn, spec, after=None) -> None:
    from khabar.pipeline import Pipeline

    try:
        pipeline = Pipeline.from_spec(spec)
        pipeline.run(Article(_WARM_UP))
    except BaseException as err:  # reported, so the pool stops instead of respawning
        conn.send((_BUILD_FAILED, f"{type(err).__name__}: {err}"))
        return
    # the models are loaded and live as long as the worker: full collections need not
    # walk them again (0.1-0.2 s each, as in Pipeline.pipe)
    gc.freeze()
    conn.send((_READY,))
    while True:
        try:
            msg = conn.recv()
        except EOFError:
            return
        if msg is None:
            return
        seq, offset, articles = msg
        for i, article in enumerate(articles):
            if not article.failed:
                try:
                    pipeline.run(article)
                except Exception as err:  # the contract check's error, or a bug above stages
                    article.flag("pipeline", f"{type(err).__name__}: {err}", "error")
            conn.send((seq, offset + i, article if after is None
                       else apply_after(after, article)))


@dataclass
class _Job:
    seq: int
    offset: int
    articles: list[Article]  # the parent's copies, untouched: sent again after a failure
    done: int = 0


@dataclass
class _Worker:
    process: mp.process.BaseProcess
    conn: object
    ready: bool = False
    jobs: deque = field(default_factory=deque)  # the job it holds (one at most)
    since: float = 0.0  # when its current article started (its last message)


class Pool:
    """`Pool(spec, workers).imap(articles)`: processed Articles in input order (or
    `after(article)` of each, run in the workers: see `khabar.run.pipe`).

    Used as a context manager (`with Pool(...) as pool:`), its workers stay up for many
    `imap` calls (a server's pool); otherwise each `imap` starts and stops them. A
    consumer that stops reading early, or an error, stops the workers either way.
    """

    def __init__(self, spec, workers: int | None = None, batch_size: int = 8,
                 timeout: float | None = None, window: int | None = None,
                 start_method: str = "spawn", after=None) -> None:
        self.spec = spec
        self.after = after
        self.workers = max(1, workers or cpu_count())
        self.batch_size = max(1, batch_size)
        self.timeout = timeout
        self.window = window or 4 * self.workers
        self._ctx = mp.get_context(start_method)
        self._pool: list[_Worker] = []
        self.replaced = 0  # workers killed or dead and replaced (for tests and reports)
        self._kept = False  # started by `with`: imap leaves the workers up

    # ------------------------------------------------------------------ workers
    def _spawn(self) -> _Worker:
        parent, child = self._ctx.Pipe()
        proc = self._ctx.Process(target=_worker_main, args=(child, self.spec, self.after),
                                 daemon=True,
                                 name="khabar-worker")
        proc.start()
        child.close()
        w = _Worker(proc, parent)
        self._pool.append(w)
        return w

    def _retire(self, w: _Worker, code: Code, detail: str, results, pending) -> None:
        """Kill a stuck or dead worker: its current article fails with `code`, the rest
        of its jobs go back to the front of the queue, and a new worker takes its place."""
        if w.process.is_alive():
            w.process.kill()
        w.process.join()
        w.conn.close()
        self._pool.remove(w)
        self.replaced += 1
        if not w.ready:
            raise RuntimeError("a worker died while building the pipeline")
        jobs = list(w.jobs)
        if jobs:
            first = jobs[0]
            stuck = first.articles[first.done]
            flag(stuck, code, detail)
            self._store(results, first.seq, first.offset + first.done, stuck)
            rest = first.articles[first.done + 1:]
            requeue = ([_Job(first.seq, first.offset + first.done + 1, rest)] if rest else [])
            requeue += [_Job(j.seq, j.offset + j.done, j.articles[j.done:]) for j in jobs[1:]]
            pending.extendleft(reversed(requeue))
        self._spawn()

    @staticmethod
    def _store(results, seq: int, index: int, article: Article) -> None:
        slots = results[seq]
        slots[index] = article
        slots.remaining -= 1

    def start(self) -> "Pool":
        while len(self._pool) < self.workers:
            self._spawn()
        return self

    def __enter__(self) -> "Pool":
        self._kept = True
        self.start()
        self.wait_ready()
        return self

    def wait_ready(self) -> None:
        """Block until every worker has built and warmed its pipeline."""
        while not all(w.ready for w in self._pool):
            self._poll({}, deque())

    def __exit__(self, *exc) -> None:
        self._kept = False
        self.close()

    def close(self) -> None:
        for w in self._pool:
            try:
                w.conn.send(None)
            except (OSError, ValueError):
                pass
        deadline = time.monotonic() + _STOP_GRACE
        for w in self._pool:
            w.process.join(max(0.0, deadline - time.monotonic()))
            if w.process.is_alive():
                w.process.kill()
                w.process.join()
            w.conn.close()
        self._pool = []

    # ------------------------------------------------------------------ the loop
    def imap(self, articles: Iterable[Article]) -> Iterator[Article]:
        source = iter(articles)
        pending: deque[_Job] = deque()
        results: dict[int, _Slots] = {}
        next_seq = next_out = 0
        exhausted = finished = False
        try:
            self.start()
            while True:
                while not exhausted and next_seq - next_out < self.window:
                    batch = list(islice(source, self.batch_size))
                    if not batch:
                        exhausted = True
                        break
                    results[next_seq] = _Slots(len(batch))
                    pending.append(_Job(next_seq, 0, batch))
                    next_seq += 1
                # one job per worker, sent when it is idle and so reading: a second job
                # queued behind a long one could fill its pipe while the worker fills ours
                # with results, and both would wait for ever
                for w in self._pool:
                    if w.ready and pending and not w.jobs:
                        job = pending.popleft()
                        w.since = time.monotonic()
                        w.conn.send((job.seq, job.offset, job.articles))
                        w.jobs.append(job)
                while next_out in results and results[next_out].remaining == 0:
                    yield from results.pop(next_out)
                    next_out += 1
                if exhausted and next_out == next_seq:
                    finished = True
                    return
                if not exhausted and next_seq - next_out < self.window:
                    continue  # output made room: read more before waiting on workers
                self._poll(results, pending)
        finally:
            if not (finished and self._kept):
                self.close()  # workers may still hold jobs of this call: they go

    def _poll(self, results, pending) -> None:
        """Wait for a message, a death or a deadline, and handle what came."""
        wait_for = None
        now = time.monotonic()
        if self.timeout is not None:
            busy = [w.since + self.timeout - now for w in self._pool if w.ready and w.jobs]
            wait_for = max(0.0, min(busy)) if busy else None
        by_conn = {w.conn: w for w in self._pool}
        by_sentinel = {w.process.sentinel: w for w in self._pool}
        ready = wait(list(by_conn) + list(by_sentinel), wait_for)
        for obj in ready:
            w = by_conn.get(obj)
            if w is None or w not in self._pool:
                continue
            try:
                while w.conn.poll():
                    self._receive(w, w.conn.recv(), results)
            except (EOFError, OSError):
                pass  # it died: its sentinel says so below
        for obj in ready:
            w = by_sentinel.get(obj)
            if w is not None and w in self._pool and not w.process.is_alive():
                try:
                    while w.conn.poll():  # what it finished before it died counts
                        self._receive(w, w.conn.recv(), results)
                except (EOFError, OSError):
                    pass
                self._retire(w, Code.E_WORKER, f"exit code {w.process.exitcode}", results,
                             pending)
        if self.timeout is not None:
            now = time.monotonic()
            for w in list(self._pool):
                if w.ready and w.jobs and now - w.since > self.timeout:
                    self._retire(w, Code.E_TIMEOUT, f"more than {self.timeout:g} s", results,
                                 pending)

    def _receive(self, w: _Worker, msg, results) -> None:
        if msg[0] == _READY:
            w.ready = True
            return
        if msg[0] == _BUILD_FAILED:
            raise RuntimeError(f"a worker could not build the pipeline: {msg[1]}")
        seq, index, article = msg
        job = w.jobs[0]
        self._store(results, seq, index, article)
        job.done += 1
        w.since = time.monotonic()
        if job.done == len(job.articles):
            w.jobs.popleft()


class _Slots(list):
    """One batch's outputs by position, and how many are still missing."""

    def __init__(self, n: int) -> None:
        super().__init__([None] * n)
        self.remaining = n
