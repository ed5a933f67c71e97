"""A run of `write_partitions` for the kill-and-resume tests: `python -m tests.run_resume OUT
[FORMAT]` writes the same partitions as the test's uninterrupted run, slowly enough to be killed
in the middle."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from khabar.document import Article
from khabar.pipeline import Pipeline
from tests.run_stages import SENTENCES, SLOW, STALL

N = 16  # articles; each pauses in the `slow` stage so a run lasts some seconds
BATCH = 2
PAUSE = 0.6


def articles() -> list[Article]:
    return [Article(f"{STALL} {SENTENCES[i % len(SENTENCES)]}", source={"name": f"r{i}"})
            for i in range(N)]


def spec():
    return Pipeline(SLOW, options={"slow": {"seconds": PAUSE}}).spec


def run_and_kill(out: Path, fmt: str = "jsonl") -> dict[str, int]:
    """Start this run in a process group of its own (with its cluster), SIGKILL it once two
    partitions are written and before all are; the finished markers' names and mtimes."""
    root = Path(__file__).resolve().parents[1]
    proc = subprocess.Popen([sys.executable, "-m", "tests.run_resume", str(out), fmt],
                            cwd=root, start_new_session=True, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 300
    try:
        while len(list(out.glob("part-*.done"))) < 2:
            assert proc.poll() is None, "the run ended before it could be killed"
            assert time.monotonic() < deadline
            time.sleep(0.05)
    finally:
        os.killpg(proc.pid, signal.SIGKILL)  # the run and every process it started
        proc.wait()
    done = sorted(out.glob("part-*.done"))
    assert 2 <= len(done) < N // BATCH, "killed in the middle"
    return {p.name: p.stat().st_mtime_ns for p in done}


def main(out: str, fmt: str = "jsonl") -> None:
    from khabar.run.cluster import write_partitions

    write_partitions(articles(), out, spec(), "local", workers=2, batch_size=BATCH,
                     format=fmt)


if __name__ == "__main__":
    main(*sys.argv[1:3])
