"""`khabar index --workers N`: a pool of worker processes gives the very rows one process
gives, in the same order (seqs follow the input order), and resuming still works."""
from __future__ import annotations

from khabar.corpus import Corpus
from tests.corpus.data import dump, write_inputs


def test_two_workers_store_what_one_process_stores(tmp_path):
    inputs = write_inputs(tmp_path / "in", extra=12)
    dbs = {}
    for workers in (1, 2):
        dbs[workers] = str(tmp_path / f"w{workers}.db")
        with Corpus(dbs[workers]) as c:
            summary = c.add(inputs, workers=workers, batch_size=5)
        assert summary.errors == 4 and summary.new > 12
    assert dump(dbs[2]) == dump(dbs[1])


def test_a_pool_resumes_a_partial_store(tmp_path):
    inputs = write_inputs(tmp_path / "in", extra=6)
    ref = str(tmp_path / "ref.db")
    with Corpus(ref) as c:
        c.add(inputs, workers=1, batch_size=4)
    part = str(tmp_path / "part.db")
    with Corpus(part) as c:  # only the first input file, as a killed run would leave it
        c.add(inputs[:1], workers=2, batch_size=4)
    with Corpus(part) as c:
        again = c.add(inputs, workers=2, batch_size=4)
    assert again.skipped > 0
    assert dump(part) == dump(ref)


def test_an_input_listed_twice_is_stored_once_with_read_ahead(tmp_path):
    inputs = write_inputs(tmp_path / "in", extra=10)
    ref = str(tmp_path / "ref.db")
    with Corpus(ref) as c:
        c.add(inputs, workers=1, batch_size=3)
    twice = str(tmp_path / "twice.db")
    with Corpus(twice) as c:
        summary = c.add(inputs + inputs, workers=2, batch_size=3)
    assert summary.skipped == summary.inputs // 2
    assert dump(twice) == dump(ref)
