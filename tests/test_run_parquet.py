"""Record partitions in Parquet (`write_partitions(..., format="parquet")`) on a real
LocalCluster: the tables hold what the JSON Lines records hold, field by field; a failed
input is a row of `articles` with its code; a killed run resumes to the same tables."""
from __future__ import annotations

import copy
import json

import pytest

from khabar.api import pipeline as default_pipeline
from khabar.run.tables import ARTICLES, ENTITIES, EVENTS, STATEMENTS, TABLES, TIMEXES, get
from tests.test_run import _articles

pytest.importorskip("distributed")
pq = pytest.importorskip("pyarrow.parquet")

BATCH = 4


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    """The same inputs (bad ones among them) written as JSON Lines and as Parquet."""
    from khabar.run.cluster import write_partitions

    inputs = _articles()
    out = {}
    for fmt in ("jsonl", "parquet"):
        path = tmp_path_factory.mktemp(fmt)
        totals = write_partitions(copy.deepcopy(inputs), path, default_pipeline().spec,
                                  "local", workers=2, batch_size=BATCH, format=fmt)
        assert totals["inputs"] == totals["records"] == len(inputs)
        out[fmt] = path
    records = [json.loads(line) for p in sorted(out["jsonl"].glob("part-*.jsonl"))
               for line in p.read_text(encoding="utf-8").splitlines()]
    tables = {t: pq.read_table(out["parquet"] / t).to_pylist() for t in TABLES}
    return inputs, records, tables, out["parquet"]


def _same(row: dict, item: dict, cols) -> None:
    for name, path, kind in cols:
        want, got = get(item, path), row[name]
        if want is None or kind != "str" or isinstance(want, str):
            assert got == want, (name, got, want)  # ints and 0/1 for booleans, floats
        else:
            assert json.loads(got) == want, (name, got, want)  # objects, lists as JSON


def test_every_input_is_one_articles_row_in_input_order(written):
    inputs, records, tables, _ = written
    rows = tables["articles"]
    assert [r["seq"] for r in rows] == list(range(len(inputs)))
    for row, rec in zip(rows, records, strict=True):
        _same(row, rec, ARTICLES)
        assert json.loads(row["issues"]) == rec["issues"]
        assert row["n_statements"] == len(rec["quotes"])


def test_every_item_of_every_record_is_a_row_field_by_field(written):
    _, records, tables, _ = written
    by_seq: dict[str, dict[int, list]] = {t: {} for t in TABLES}
    for table, rows in tables.items():
        for row in rows:
            by_seq[table].setdefault(row["seq"], []).append(row)
    n_items = 0
    for seq, rec in enumerate(records):
        aid = tables["articles"][seq]["article_id"]
        timexes = [(1, t) for t in rec["timexes"]] + [(0, t) for t in rec["timexes_unresolved"]]
        for table, items, cols in (("statements", rec["quotes"], STATEMENTS),
                                   ("entities", rec["entities"], ENTITIES),
                                   ("timexes", [t for _, t in timexes], TIMEXES),
                                   ("events", rec["events"], EVENTS)):
            rows = by_seq[table].get(seq, [])
            assert len(rows) == len(items), (table, seq)
            for row, item in zip(rows, items):
                assert row["article_id"] == aid
                _same(row, item, cols)
                n_items += 1
        assert [r["resolved"] for r in by_seq["timexes"].get(seq, [])] == [r for r, _ in timexes]
        assert [r["statement_id"] for r in by_seq["statements"].get(seq, [])] == \
            [f"{aid}-{n + 1:04d}" for n in range(len(rec["quotes"]))]
    assert n_items > 50 and all(tables[t] for t in TABLES), "something in every table"


def test_a_failed_input_is_an_articles_row_with_its_code(written):
    inputs, records, tables, _ = written
    failed = [r for r in tables["articles"] if not r["ok"]]
    assert len(failed) >= 2, "the blank and the noise inputs"
    for row in failed:
        rec = records[row["seq"]]
        first = next(i["code"] for i in rec["issues"] if i["severity"] == "error")
        assert row["error_code"] == first and row["error_code"].startswith("E_")
        assert row["name"] == inputs[row["seq"]].source["name"]
        assert not any(r["seq"] == row["seq"] for r in tables["statements"])


def test_markers_count_every_input_and_no_temporary_file_is_left(written):
    inputs, _, _, path = written
    markers = [json.loads(p.read_text()) for p in sorted(path.glob("part-*.done"))]
    assert sum(m["inputs"] for m in markers) == len(inputs)
    assert sum(m["failed"] for m in markers) >= 2
    parts = len(markers)
    for table in TABLES:
        assert len(list((path / table).glob("part-*.parquet"))) == parts
    assert not list(path.rglob("*.tmp"))


def test_an_unknown_format_is_refused(tmp_path):
    from khabar.run.cluster import write_partitions

    with pytest.raises(ValueError, match="parquet"):
        write_partitions([], tmp_path, default_pipeline().spec, format="csv")


def test_parquet_partitions_resume_after_a_kill_with_the_tables_of_one_whole_run(tmp_path):
    from khabar.run.cluster import write_partitions
    from tests import run_resume

    whole = tmp_path / "whole"
    totals = write_partitions(run_resume.articles(), whole, run_resume.spec(), "local",
                              workers=2, batch_size=run_resume.BATCH, format="parquet")
    assert totals["skipped"] == 0 and totals["inputs"] == run_resume.N

    out = tmp_path / "resumed"
    parts = run_resume.N // run_resume.BATCH
    kept = run_resume.run_and_kill(out, "parquet")

    totals = write_partitions(run_resume.articles(), out, run_resume.spec(), "local",
                              workers=2, batch_size=7, format="parquet")
    assert totals["skipped"] == len(kept) and totals["partitions"] == parts
    assert totals["inputs"] == totals["records"] == run_resume.N
    assert {p.name: p.stat().st_mtime_ns for p in out.glob("part-*.done")
            if p.name in kept} == kept, "finished partitions were not made again"
    names = sorted(str(p.relative_to(whole)) for p in whole.rglob("*") if p.is_file())
    assert names == sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file())
    for name in names:
        a, b = whole / name, out / name
        if name.endswith(".parquet"):
            assert pq.read_table(a).equals(pq.read_table(b)), name
            assert a.read_bytes() == b.read_bytes(), name
        else:
            assert json.loads(a.read_text()) == json.loads(b.read_text()), name

    # a third run has nothing left to do, and starts no cluster for it
    again = write_partitions(run_resume.articles(), out, run_resume.spec(), "no-such-address",
                             format="parquet")
    assert again["skipped"] == parts
