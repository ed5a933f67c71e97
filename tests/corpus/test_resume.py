"""Kill an index run with SIGKILL at random points and start it again: the store ends with
exactly the rows of an uninterrupted run. While the run writes, a reader queries (WAL)."""
from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time

from khabar.corpus import Corpus, CorpusError
from tests.corpus.data import dump, write_inputs

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def _index(inputs, db) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "khabar.cli", "index", *inputs, "--db", db,
                             "--batch-size", "2", "--no-progress"], cwd=REPO,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _done(db: str) -> int:
    try:
        with Corpus(db, readonly=True) as c:
            return c.stats()["inputs"]
    except CorpusError:  # not created yet
        return 0


def test_killed_runs_resume_to_the_same_store(tmp_path):
    # enough inputs that the run outlasts a busy reader's polling: the kills must land
    # mid-run, not after the last commit
    inputs = write_inputs(tmp_path / "in", extra=120)
    ref = str(tmp_path / "ref.db")
    p = _index(inputs, ref)
    assert p.wait(timeout=300) == 0, p.stderr.read().decode()
    total = _done(ref)
    assert total > 120

    db = str(tmp_path / "killed.db")
    rng = random.Random(9)
    targets = sorted(rng.sample(range(1, total - 1), 3))
    kills = []
    for target in targets:
        p = _index(inputs, db)
        deadline = time.monotonic() + 300
        while p.poll() is None and _done(db) < target and time.monotonic() < deadline:
            time.sleep(0.005)  # a reader polling while the run writes
        time.sleep(rng.uniform(0, 0.03))  # land anywhere inside the next batch
        if p.poll() is None:
            p.send_signal(signal.SIGKILL)
            p.wait()
            kills.append(_done(db))
    p = _index(inputs, db)
    assert p.wait(timeout=300) == 0, p.stderr.read().decode()
    assert sum(0 < k < total for k in kills) >= 2, kills  # most kills landed mid-run
    assert dump(db) == dump(ref)
