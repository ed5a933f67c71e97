"""`khabar extract --timeout`: a real slow article on real worker processes comes back
unprocessed with E_TIMEOUT, the others as a run without the option makes them."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

import khabar.api
from khabar.cli import main
from khabar.pipeline import Pipeline
from tests.run_stages import SLOW, STALL

# our own sentences
SENTENCES = [
    "قال وزير الزراعة سامي الخطيب يوم الاثنين إن موسم القمح كان جيدا هذا العام.",
    "وأكدت الشركة في بيان أن المصنع الجديد سيفتح أبوابه في مارس المقبل.",
    "وصرح المتحدث باسم البلدية بأن أعمال الصيانة ستنتهي خلال أسبوعين.",
]


@pytest.fixture
def slow_default(monkeypatch):
    """The CLI's default pipeline with a stage that sleeps on articles marked STALL (the
    executors send its spec to the worker processes, which build it by name)."""
    def pipeline(skip=(), ner="crf"):
        return Pipeline(SLOW, options={"slow": {"seconds": 120}})
    monkeypatch.setattr(khabar.api, "pipeline", pipeline)


def _inputs(tmp_path):
    texts = [SENTENCES[0], f"{STALL} {SENTENCES[1]}", SENTENCES[2]]
    for i, t in enumerate(texts):
        (tmp_path / f"s{i}.txt").write_text(t, encoding="utf-8")
    return texts


@pytest.mark.parametrize("workers", ["1", "2"])
def test_an_article_over_the_timeout_comes_back_flagged_and_the_rest_run(
        tmp_path, slow_default, workers):
    texts = _inputs(tmp_path)
    result = CliRunner().invoke(main, ["extract", str(tmp_path), "--format", "jsonl",
                                       "--workers", workers, "--timeout", "6"])
    assert result.exit_code == 1, result.output  # one failure: the slow article
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["text"] for r in records] == texts, "every input, in input order"
    assert [i["code"] for i in records[1]["issues"]] == ["E_TIMEOUT"]
    assert not records[1]["ok"]
    assert all(r["ok"] and not r["issues"] for k, r in enumerate(records) if k != 1)
    assert records[0]["quotes"], "the others ran the whole pipeline"


def test_without_a_timeout_the_records_are_those_of_a_run_with_one(tmp_path):
    for i, t in enumerate(SENTENCES):
        (tmp_path / f"s{i}.txt").write_text(t, encoding="utf-8")
    runner = CliRunner()
    plain = runner.invoke(main, ["extract", str(tmp_path), "--format", "jsonl",
                                 "--workers", "1"])
    timed = runner.invoke(main, ["extract", str(tmp_path), "--format", "jsonl",
                                 "--workers", "1", "--timeout", "120"])
    assert plain.exit_code == timed.exit_code == 0
    assert plain.stdout == timed.stdout


@pytest.mark.parametrize("bad", ["0", "-1", "soon"])
def test_a_timeout_that_is_not_a_positive_number_is_refused(bad):
    result = CliRunner().invoke(main, ["extract", "-", "--timeout", bad], input="نص.")
    assert result.exit_code == 2 and "--timeout" in result.output


def test_index_timeout_makes_the_slow_article_an_input_error_and_stores_the_rest(
        tmp_path, slow_default):
    import sqlite3

    inputs = tmp_path / "in"
    inputs.mkdir()
    _inputs(inputs)
    db = str(tmp_path / "c.db")
    result = CliRunner().invoke(main, ["index", str(inputs), "--db", db, "--no-progress",
                                       "--workers", "1", "--timeout", "6"])
    assert result.exit_code == 0, result.output
    assert "E_TIMEOUT" in result.output
    con = sqlite3.connect(db)
    status = dict(con.execute("SELECT name, coalesce(error_code, status) FROM inputs"))
    assert status == {"s0": "new", "s1": "E_TIMEOUT", "s2": "new"}
    assert con.execute("SELECT count(*) FROM statements").fetchone()[0] >= 1
