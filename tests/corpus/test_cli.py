"""The corpus commands end to end (click's runner, a real SQLite file)."""
from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from khabar.cli import main
from tests.corpus.data import write_inputs


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cli")
    inputs = write_inputs(folder / "in")
    path = str(folder / "k.db")
    res = CliRunner().invoke(main, ["index", *inputs, "--db", path, "--no-progress"])
    assert res.exit_code == 0, res.output
    assert "4 errors" in res.output and "E_PARSE" in res.output
    return path


def run(*args):
    res = CliRunner().invoke(main, list(args))
    assert res.exit_code == 0, res.output
    return res.output


def test_search_formats(db):
    table = run("search", "الزيتون", "--db", db, "--facets")
    assert "«[الزيتون]»" in table and "month:" in table and "\u2068" in table
    rows = json.loads(run("search", "الزيتون", "--db", db, "--format", "json"))["rows"]
    lines = [json.loads(x) for x in run("search", "الزيتون", "--db", db, "--format",
                                         "jsonl").splitlines()]
    assert [r["statement_id"] for r in lines] == [r["statement_id"] for r in rows]
    got = list(csv.DictReader(io.StringIO(run("search", "--db", db, "--format", "csv"))))
    assert got and {"outlet", "url", "speaker", "content", "article_id"} <= set(got[0])
    every = json.loads(run("search", "--db", db, "--format", "json", "--limit", "1000"))
    assert len(got) == len(every["rows"])  # csv streams every row, no limit
    arts = list(csv.DictReader(io.StringIO(run("search", "المزارعين", "--articles",
                                               "--all-copies", "--db", db, "--format", "csv"))))
    assert len(arts) == 3 and all(a["url"] for a in arts)


def test_speakers_and_export(db, tmp_path):
    top = json.loads(run("speakers", "--db", db, "--format", "json"))
    assert top and {"key", "name", "kind", "statements", "outlets"} <= set(top[0])
    person = next(r for r in top if r["kind"] == "person")
    one = run("speakers", person["key"], "--db", db)
    assert "per month" in one and "variants" in one
    run("export", str(tmp_path / "out"), "--db", db, "--format", "csv")
    assert (tmp_path / "out" / "statements.csv").exists()


def test_errors_say_what_to_do(db, tmp_path):
    res = CliRunner().invoke(main, ["search", "x", "--db", str(tmp_path / "none.db")])
    assert res.exit_code == 1 and "khabar index" in res.output
    res = CliRunner().invoke(main, ["search", "--since", "yesterday", "--db", db])
    assert res.exit_code == 1 and "YYYY-MM-DD" in res.output
    res = CliRunner().invoke(main, ["speakers", "لا أحد بهذا الاسم", "--db", db])
    assert res.exit_code == 1 and "no speaker" in res.output
