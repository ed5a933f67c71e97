"""The command line, tested in-process: formats, --out layout, exit codes, bad inputs."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from khabar import __version__
from khabar.cli import main

FIXTURES = Path(__file__).parent / "fixtures" / "articles"
# the stages that need no trained model: fast enough for every CLI test
FAST = ["--skip", "time,entities,quotes"]


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def test_version(runner):
    result = runner.invoke(main, ["--version"])
    assert result.exit_code == 0 and __version__ in result.output


def test_schema_is_json(runner):
    result = runner.invoke(main, ["schema"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["title"] == "khabar article record"


def test_no_path_runs_the_bundled_example_as_a_summary(runner):
    result = runner.invoke(main, ["extract", *FAST])
    assert result.exit_code == 0, result.output
    assert "== example-ar" in result.output
    assert "views: 1247" in result.output


def test_json_record_on_stdout(runner):
    result = runner.invoke(main, ["extract", str(FIXTURES / "levant-hijri.txt"), *FAST])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["ok"] is True
    assert record["metadata"]["views"] == 218


def test_out_dir_writes_one_record_per_input_named_by_stem(runner, tmp_path):
    paths = [str(FIXTURES / "levant-hijri.txt"), str(FIXTURES / "record-cnn-like.json")]
    result = runner.invoke(main, ["extract", *paths, "--out", str(tmp_path / "o"), *FAST])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "o").iterdir()) == [
        "levant-hijri.json", "record-cnn-like.json"]


def test_jsonl_gives_one_line_per_article(runner):
    result = runner.invoke(main, ["extract", str(FIXTURES / "levant-hijri.txt"),
                                  str(FIXTURES / "maghreb-credit.txt"), "--format", "jsonl", *FAST])
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 2 and all(json.loads(x)["ok"] for x in lines)


def test_bad_file_does_not_stop_the_batch(runner, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    junk = tmp_path / "junk.txt"
    junk.write_bytes(bytes(range(256)) * 40)
    good = FIXTURES / "levant-hijri.txt"
    out = tmp_path / "o"
    result = runner.invoke(main, ["extract", str(empty), str(good), str(junk), "--out", str(out),
                                  *FAST])
    assert result.exit_code == 1
    records = {p.stem: json.loads(p.read_text("utf-8")) for p in out.iterdir()}
    assert records["levant-hijri"]["ok"] is True
    assert records["empty"]["ok"] is False and records["junk"]["ok"] is False
    # one line on stderr per failed input, with its code
    err_lines = [x for x in result.stderr.splitlines() if x.startswith("khabar:") and ": E_" in x]
    assert len(err_lines) == 2
    assert result.stderr.splitlines()[-1] == "khabar: 3 articles; 2 with errors"


def test_missing_path_gives_an_error_record_not_a_crash(runner, tmp_path):
    result = runner.invoke(main, ["extract", str(tmp_path / "nope.txt"), *FAST])
    assert result.exit_code == 1
    assert json.loads(result.stdout)["ok"] is False


def test_stdin(runner):
    text = (FIXTURES / "maghreb-credit.txt").read_bytes()
    result = runner.invoke(main, ["extract", "-", *FAST], input=text)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["metadata"]["agency"]


def test_help_has_examples(runner):
    result = runner.invoke(main, ["extract", "--help"])
    assert "Examples:" in result.output and "Exit status" in result.output


def test_same_stem_in_one_batch_does_not_overwrite(runner, tmp_path):
    (tmp_path / "a.txt").write_text("قال الوزير إن الخطة جاهزة.", encoding="utf-8")
    (tmp_path / "a.json").write_text(json.dumps({"text": "قال الوزير إن الموازنة جاهزة."}),
                                     encoding="utf-8")
    out = tmp_path / "o"
    result = runner.invoke(main, ["extract", str(tmp_path / "a.json"), str(tmp_path / "a.txt"),
                                  "--out", str(out), *FAST])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["a-txt.json", "a.json"]


def test_quotes_table(runner):
    result = runner.invoke(main, ["quotes", str(FIXTURES / "levant-hijri.txt"), "--skip",
                                  "entities"])
    assert result.exit_code == 0, result.output
    assert "النهار" in result.stdout and "== levant-hijri" in result.stdout


def test_progress_bar_on_request(runner, tmp_path):
    result = runner.invoke(main, ["extract", str(FIXTURES / "levant-hijri.txt"), "--out",
                                  str(tmp_path / "o"), "--progress", *FAST])
    assert result.exit_code == 0, result.output
    assert "1 articles" in result.stderr
