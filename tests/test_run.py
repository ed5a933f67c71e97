"""The executors: serial, process pool and Dask give the same records, in input order;
bad, failing, crashing and stuck articles come back flagged, never lost."""
from __future__ import annotations

import copy
from pathlib import Path

import pytest
from click.testing import CliRunner

from khabar.api import pipeline as default_pipeline
from khabar.cli import main
from khabar.document import Article
from khabar.ingest import read_bytes, read_path
from khabar.pipeline import Pipeline, Stage
from khabar.record import dumps, to_record
from khabar.run import Pool, auto_workers, pipe
from tests.run_stages import CRASH, CRASHING, EXPLODE, SENTENCES, SLOW, STALL, with_stage

FIXTURES = Path(__file__).parent / "fixtures" / "articles"
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "data" / "corpus"


def _articles() -> list[Article]:
    arts = [a for p in sorted(FIXTURES.iterdir()) for a in read_path(p)]
    if CORPUS.is_dir():
        arts += [a for p in sorted(CORPUS.iterdir())[:8] for a in read_path(p)]
    # a bad input among the good ones: it must come back in its place, flagged
    arts.insert(2, next(read_bytes(b"   \n", "blank.txt")))
    arts.insert(5, next(read_bytes(b"\x00\x01\x02\xff" * 64, "noise.txt")))
    return arts


def _records(articles) -> list[str]:
    return [dumps(to_record(a)) for a in articles]


def _short(texts) -> list[Article]:
    return [Article(t, source={"name": f"a{i}"}) for i, t in enumerate(texts)]


@pytest.fixture(scope="module")
def inputs() -> list[Article]:
    return _articles()


@pytest.fixture(scope="module")
def serial(inputs) -> list[str]:
    return _records(pipe(copy.deepcopy(inputs)))


def test_the_serial_executor_is_the_pipeline_itself(inputs, serial):
    direct = [a if a.failed else default_pipeline().run(a) for a in copy.deepcopy(inputs)]
    assert _records(direct) == serial
    assert [r.count('"E_EMPTY"') for r in serial][2] == 1, "the blank input kept its place"


def test_pool_records_equal_the_serial_ones_in_input_order(inputs, serial):
    out = _records(pipe(copy.deepcopy(inputs), workers=2, batch_size=3))
    assert out == serial


def test_a_kept_pool_serves_several_runs_with_the_same_workers(inputs, serial):
    with Pool(default_pipeline().spec, workers=2, batch_size=2) as pool:
        procs = [w.process for w in pool._pool]
        first = _records(pool.imap(copy.deepcopy(inputs)))
        second = _records(pool.imap(copy.deepcopy(inputs[::-1])))
        assert [w.process for w in pool._pool] == procs
    assert first == serial and second == serial[::-1]
    assert not any(p.is_alive() for p in procs)


def test_dask_local_cluster_records_equal_the_serial_ones(inputs, serial):
    pytest.importorskip("distributed")
    out = _records(pipe(copy.deepcopy(inputs), dask="local", workers=2, batch_size=4))
    assert out == serial


def test_order_is_kept_when_the_first_article_is_the_slowest():
    spec = Pipeline(SLOW, options={"slow": {"seconds": 1.5}}).spec
    texts = [STALL + " " + SENTENCES[0]] + SENTENCES[1:]
    out = list(Pool(spec, workers=2, batch_size=1).imap(_short(texts)))
    assert [a.source["name"] for a in out] == [f"a{i}" for i in range(len(texts))]
    assert not any(a.failed for a in out)
    assert all(a.spans("sentences") for a in out)


def test_a_stuck_worker_is_killed_and_replaced_and_its_article_flagged():
    spec = Pipeline(SLOW, options={"slow": {"seconds": 120}}).spec
    texts = SENTENCES[:3] + [STALL + " " + SENTENCES[3]] + SENTENCES[4:]
    pool = Pool(spec, workers=2, batch_size=2, timeout=8)
    out = list(pool.imap(_short(texts)))
    assert [a.source["name"] for a in out] == [f"a{i}" for i in range(len(texts))]
    codes = [[i.code for i in a.issues] for a in out]
    assert codes[3] == ["E_TIMEOUT"]
    assert out[3].text == texts[3], "the stuck article comes back as it went in"
    assert all(c == [] for k, c in enumerate(codes) if k != 3), codes
    assert pool.replaced == 1
    assert all(out[k].spans("quotes") for k in (0, 1, 2, 4))


def test_a_worker_that_dies_costs_one_flagged_article_only():
    spec = Pipeline(CRASHING).spec
    texts = SENTENCES[:2] + [CRASH + " " + SENTENCES[2]] + SENTENCES[3:]
    pool = Pool(spec, workers=2, batch_size=3)
    out = list(pool.imap(_short(texts)))
    assert [a.source["name"] for a in out] == [f"a{i}" for i in range(len(texts))]
    assert [i.code for i in out[2].issues] == ["E_WORKER"]
    assert not any(a.failed for k, a in enumerate(out) if k != 2)
    assert pool.replaced == 1


def test_a_failing_stage_in_a_worker_flags_its_article_and_the_rest_run():
    stages = with_stage(Stage("exploding", "tests.run_stages:explode"))
    texts = [EXPLODE + " " + SENTENCES[0]] + SENTENCES[1:3]
    out = list(pipe(_short(texts), workers=2, pipeline=Pipeline(stages)))
    assert [i.code for i in out[0].issues] == ["stage.exploding"]
    assert out[0].spans("quotes"), "the stages after it still ran"
    assert not any(a.failed for a in out[1:])


def test_a_pipeline_that_cannot_be_built_stops_the_pool_with_its_reason():
    stages = with_stage(Stage("missing", "tests.run_stages:no_such_function"))
    with pytest.raises(RuntimeError, match="no_such_function"):
        list(Pool((stages, (), {}, False, 0), 1).imap(_short(SENTENCES[:1])))


@pytest.mark.parametrize("n, expected", [(0, 1), (1, 1), (2, "cores"), (5, "cores")])
def test_the_default_worker_count_is_every_core_for_a_batch_only(n, expected):
    from khabar.run import cpu_count

    workers, rest = auto_workers(iter(_short(SENTENCES[:n])), None)
    assert workers == (cpu_count() if expected == "cores" else expected)
    assert [a.source["name"] for a in rest] == [f"a{i}" for i in range(n)], "nothing lost"


def test_an_explicit_worker_count_is_kept():
    workers, _ = auto_workers(iter(_short(SENTENCES[:1])), 3)
    assert workers == 3


def test_cli_workers_give_the_same_output_as_one_process(tmp_path):
    for i, t in enumerate(SENTENCES):
        (tmp_path / f"s{i}.txt").write_text(t, encoding="utf-8")
    (tmp_path / "zz-empty.txt").write_text("", encoding="utf-8")
    runner = CliRunner()
    one = runner.invoke(main, ["extract", str(tmp_path), "--format", "jsonl", "--workers", "1"])
    two = runner.invoke(main, ["extract", str(tmp_path), "--format", "jsonl", "--workers", "2"])
    assert one.exit_code == two.exit_code == 1, "the empty input is a failure in both"
    assert one.stdout == two.stdout
    assert one.stdout.count("\n") == len(SENTENCES) + 1


def test_the_worker_processes_are_gone_after_the_run():
    pool = Pool(default_pipeline().spec, workers=2)
    it = pool.imap(_short(SENTENCES[:3]))
    first = next(it)
    procs = [w.process for w in pool._pool]
    rest = list(it)
    assert len(procs) == 2 and len([first, *rest]) == 3
    assert not any(p.is_alive() for p in procs)


def test_a_consumer_that_stops_early_stops_the_workers():
    pool = Pool(default_pipeline().spec, workers=2, batch_size=1)
    it = pool.imap(_short(SENTENCES))
    next(it)
    procs = [w.process for w in pool._pool]
    it.close()
    assert not any(p.is_alive() for p in procs)


def test_large_articles_in_both_directions_do_not_block_the_pipes():
    # results far larger than a pipe's buffer, while more input waits to go out
    spec = Pipeline(skip=("time", "entities", "quotes", "link")).spec
    big = [Article((SENTENCES[i % len(SENTENCES)] + "\n") * 4000, source={"name": f"a{i}"})
           for i in range(8)]
    out = list(Pool(spec, workers=1, batch_size=2, timeout=120).imap(big))
    assert [a.source["name"] for a in out] == [f"a{i}" for i in range(8)]
    assert not any(a.failed for a in out)
    assert all(len(a.spans("sentences")) >= 4000 for a in out)


def test_dask_writes_record_partitions_with_every_input_accounted_for(inputs, serial, tmp_path):
    pytest.importorskip("distributed")
    import json

    from khabar.run.cluster import write_partitions

    totals = write_partitions(copy.deepcopy(inputs), tmp_path, default_pipeline().spec,
                              "local", workers=2, batch_size=4)
    parts = sorted(tmp_path.glob("part-*.jsonl"))
    assert len(parts) == totals["partitions"] == -(-len(inputs) // 4)
    lines = [line for p in parts for line in p.read_text(encoding="utf-8").splitlines()]
    assert [json.loads(x) for x in lines] == [json.loads(r) for r in serial]
    assert totals["inputs"] == totals["records"] == len(inputs)
    assert totals["ok"] + totals["failed"] == len(inputs) and totals["failed"] >= 2
    markers = [json.loads(p.read_text()) for p in sorted(tmp_path.glob("part-*.done"))]
    assert sum(m["inputs"] for m in markers) == len(inputs)
    assert not list(tmp_path.glob("*.tmp"))


@pytest.mark.parametrize("n, batch", [(8, 1), (16, 2), (9, 3), (1, 1), (0, 2)])
def test_input_that_exactly_fills_the_window_ends_cleanly(n, batch):
    # 4 batches in flight at most (window 4): input of exactly that many batches, and more
    texts = [SENTENCES[i % len(SENTENCES)] for i in range(n)]
    pool = Pool(Pipeline(skip=("time", "entities", "quotes", "link")).spec, workers=1,
                batch_size=batch, window=4, timeout=60)
    out = list(pool.imap(_short(texts)))
    assert [a.source["name"] for a in out] == [f"a{i}" for i in range(n)]
    assert not any(a.failed for a in out)


def test_a_slow_article_on_dask_comes_back_flagged_and_the_rest_run():
    pytest.importorskip("distributed")
    slow = Pipeline(SLOW, options={"slow": {"seconds": 120}})
    texts = SENTENCES[:3] + [STALL + " " + SENTENCES[3]] + SENTENCES[4:]
    out = list(pipe(_short(texts), dask="local", workers=2, batch_size=2, timeout=8,
                    pipeline=slow))
    assert [a.source["name"] for a in out] == [f"a{i}" for i in range(len(texts))]
    codes = [[i.code for i in a.issues] for a in out]
    assert codes[3] == ["E_TIMEOUT"], "the same code as the process pool's"
    assert out[3].text == texts[3]
    assert all(c == [] for k, c in enumerate(codes) if k != 3), codes
    assert all(out[k].spans("quotes") for k in (0, 1, 2, 4))
    # with a timeout the records are still those of the serial run
    assert _records(out[:3]) == _records(slow.pipe(_short(texts[:3])))


def test_dask_partitions_resume_after_a_kill_with_the_output_of_one_whole_run(tmp_path):
    pytest.importorskip("distributed")
    import json

    from khabar.run.cluster import write_partitions
    from tests import run_resume

    whole = tmp_path / "whole"
    totals = write_partitions(run_resume.articles(), whole, run_resume.spec(), "local",
                              workers=2, batch_size=run_resume.BATCH)
    assert totals["skipped"] == 0 and totals["inputs"] == run_resume.N

    # the same run in a process of its own (and its cluster), killed once some
    # partitions are written and before all are
    out = tmp_path / "resumed"
    parts = run_resume.N // run_resume.BATCH
    kept = run_resume.run_and_kill(out)

    totals = write_partitions(run_resume.articles(), out, run_resume.spec(), "local",
                              workers=2, batch_size=7)  # the first run's size wins
    assert totals["skipped"] == len(kept) and totals["partitions"] == parts
    assert totals["inputs"] == totals["records"] == run_resume.N
    assert {p.name: p.stat().st_mtime_ns for p in out.glob("part-*.done")
            if p.name in kept} == kept, "finished partitions were not made again"
    for name in sorted(p.name for p in whole.glob("part-*")):
        a, b = (whole / name).read_text(encoding="utf-8"), (out / name).read_text(
            encoding="utf-8")
        if name.endswith(".jsonl"):
            assert [json.loads(x) for x in a.splitlines()] == \
                [json.loads(x) for x in b.splitlines()]
        else:
            assert json.loads(a) == json.loads(b)
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in whole.iterdir())

    # a third run has nothing left to do, and starts no cluster for it
    again = write_partitions(run_resume.articles(), out, run_resume.spec(), "no-such-address")
    assert again["skipped"] == parts and again["inputs"] == run_resume.N


def test_a_partition_made_by_another_configuration_is_made_again(tmp_path):
    pytest.importorskip("distributed")
    from khabar.run.cluster import write_partitions

    arts = _short(SENTENCES[:4])
    spec = Pipeline(skip=("time", "entities", "quotes", "events", "link")).spec
    first = write_partitions(copy.deepcopy(arts), tmp_path, spec, "local", batch_size=2)
    assert first["skipped"] == 0 and first["partitions"] == 2
    other = Pipeline(skip=("entities", "quotes", "events", "link")).spec
    second = write_partitions(copy.deepcopy(arts), tmp_path, other, "local", batch_size=2)
    assert second["skipped"] == 0, "another pipeline: its records differ"
    third = write_partitions(copy.deepcopy(arts[:2]) + _short(["نص آخر تماما."] * 2),
                             tmp_path, other, "local", batch_size=2)
    assert third["skipped"] == 1, "other inputs in the second partition"


@pytest.mark.parametrize("workers", [None, 2])
def test_after_runs_where_the_pipeline_ran_and_its_results_come_in_order(inputs, serial,
                                                                        workers):
    import os

    from tests.run_stages import record_with_pid

    out = list(pipe(copy.deepcopy(inputs), workers=workers, batch_size=3,
                    after=record_with_pid))
    assert [r for r, _ in out] == serial
    pids = {pid for _, pid in out}
    assert (pids == {os.getpid()}) if workers is None else (os.getpid() not in pids)


@pytest.mark.parametrize("workers", [None, 2])
def test_an_article_that_after_fails_on_comes_back_flagged_and_the_rest_run(workers):
    from tests.run_stages import record_with_pid

    texts = SENTENCES[:1] + [EXPLODE + " " + SENTENCES[1]] + SENTENCES[2:4]
    out = list(pipe(_short(texts), workers=workers, after=record_with_pid))
    assert isinstance(out[1], Article) and [i.code for i in out[1].issues] == ["pipeline"]
    assert all(isinstance(r, tuple) for k, r in enumerate(out) if k != 1)
