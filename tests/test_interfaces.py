"""The findings of issue 13, one test (or table) each: the CLI run in-process with click's
CliRunner, and as a subprocess where standard input matters."""
from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from khabar import api
from khabar.cli import main
from khabar.record import to_record

# the modules this issue added are imported inside the tests, so that each test fails on
# its own (not the whole file at import) on the code before it

FIXTURES = Path(__file__).parent / "fixtures" / "articles"
REPO = Path(__file__).resolve().parents[1]
FAST = ["--skip", "time,entities,quotes"]
KHABAR = [sys.executable, "-m", "khabar.cli"]
# our own statements: a minister, a spokesman, a bare quotation
STATEMENTS = "قال وزير النقل سامي الخطيب إن الطريق الجديد سيفتتح قريبا. " \
             "وأضاف أن الأعمال بلغت مراحلها الأخيرة. " \
             "وأكد المتحدث باسم البلدية أن حركة السير ستتحسن."


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def _json(result) -> object:
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)


# ---------------------------------------------------------------- 1. valid JSON, shape
@pytest.mark.parametrize("args, shape, n", [
    ([FIXTURES / "levant-hijri.txt"], dict, 1),
    ([FIXTURES / "record-cnn-like.json"], dict, 1),
    ([FIXTURES / "levant-hijri.txt", FIXTURES / "record-cnn-like.json"], list, 2),
    ([FIXTURES], list, len(list(FIXTURES.iterdir()))),
    (["feed.jsonl"], list, 3),
    (["one.jsonl"], list, 1),
    (["rows.csv"], list, 2),
    (["list.json"], list, 1),
])
def test_json_output_is_valid_and_its_shape_follows_the_arguments(runner, tmp_path, args,
                                                                  shape, n):
    (tmp_path / "feed.jsonl").write_text("\n".join(json.dumps({"text": f"قال الوزير {i}."},
                                                              ensure_ascii=False)
                                                   for i in range(3)), "utf-8")
    (tmp_path / "one.jsonl").write_text(json.dumps({"text": "قال الوزير."}), "utf-8")
    (tmp_path / "rows.csv").write_text("title,text\nأ,قال الوزير.\nب,قال المدير.\n", "utf-8")
    (tmp_path / "list.json").write_text(json.dumps([{"text": "قال الوزير."}]), "utf-8")
    paths = [str(a if Path(a).is_absolute() else tmp_path / a) for a in args]
    data = _json(runner.invoke(main, ["extract", *paths, *FAST]))
    assert isinstance(data, shape)
    assert (len(data) if isinstance(data, list) else 1) == n


def test_an_empty_folder_gives_an_empty_array(runner, tmp_path):
    assert _json(runner.invoke(main, ["extract", str(tmp_path), *FAST])) == []


# ---------------------------------------------------------------- 2. usage errors
@pytest.mark.parametrize("args, names", [
    (["--skip", "segment"], ["segment", "time"]),
    (["--skip", "bogus"], ["bogus", "furniture", "segment", "entities", "link"]),
    (["--layers", "bogus"], ["bogus", "boilerplate", "sentences", "tokens", "mentions"]),
    (["--format", "xml"], ["xml", "json", "jsonl"]),
    (["--ner", "bert"], ["bert", "crf", "ensemble"]),
])
def test_bad_options_are_usage_errors_on_one_line(runner, args, names):
    result = runner.invoke(main, ["extract", str(FIXTURES / "levant-hijri.txt"), *args])
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("khabar extract: ")
    assert all(n in lines[0] for n in names)


def test_quotes_refuses_unknown_stages_too(runner):
    result = runner.invoke(main, ["quotes", str(FIXTURES / "levant-hijri.txt"),
                                  "--skip", "entitys"])
    assert result.exit_code == 2 and "entities" in result.stderr


# ---------------------------------------------------------------- 3. standard input
def _run(args, **kw) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run([*KHABAR, *args], capture_output=True, env=env, timeout=300, **kw)


def test_piped_stdin_is_read_without_a_dash():
    text = (FIXTURES / "levant-hijri.txt").read_bytes()
    proc = _run(["extract", *FAST], input=text)
    assert proc.returncode == 0, proc.stderr
    record = json.loads(proc.stdout)
    assert record["source"]["name"] == "stdin" and record["metadata"]["views"] == 218


def test_stdin_redirected_from_a_file_is_read():
    with open(FIXTURES / "maghreb-credit.txt", "rb") as fh:
        proc = _run(["extract", *FAST], stdin=fh)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["source"]["name"] == "stdin"


def test_no_input_at_all_runs_the_bundled_example():
    proc = _run(["extract", *FAST], stdin=subprocess.DEVNULL)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.decode().startswith("== example-ar")


def test_out_without_inputs_is_a_usage_error(tmp_path):
    proc = _run(["extract", "--out", str(tmp_path / "o"), *FAST], stdin=subprocess.DEVNULL)
    assert proc.returncode == 2
    assert len(proc.stderr.decode().strip().splitlines()) == 1
    assert not (tmp_path / "o").exists()


def test_quotes_reads_piped_stdin():
    proc = _run(["quotes", "--format", "jsonl", "--skip", "entities"],
                input=STATEMENTS.encode())
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(x) for x in proc.stdout.decode().splitlines()]
    assert len(rows) == 3 and rows[0]["article"] == "stdin"


# ---------------------------------------------------------------- 4. a reason on failure
def test_quotes_of_a_missing_file_says_why(runner):
    result = runner.invoke(main, ["quotes", "/nonexistent.txt"])
    assert result.exit_code == 1
    assert "/nonexistent.txt" in result.stderr and "E_READ" in result.stderr
    assert "speaker" not in result.stdout  # no empty table


# ---------------------------------------------------------------- 5. whole messages
def test_a_bad_jsonl_line_gives_a_whole_message(runner, tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_bytes(b'{"text": "\xd9\x82\xd8\xa7\xd9\x84"}\n{"text": "a\tb"}\n')
    result = runner.invoke(main, ["extract", str(feed), "--format", "jsonl", *FAST])
    assert result.exit_code == 1
    (line,) = [x for x in result.stderr.splitlines() if "E_PARSE" in x]
    assert "line 2" in line and "column" in line
    assert not line.rstrip().endswith(" at")
    assert "Invalid control character" in line


def test_the_summary_cuts_long_text_between_words():
    from khabar.api import summary

    body = " ".join(["كلمات"] * 200)  # 6 characters a word: a cut at 400 falls inside one
    quote = {"kind": "direct", "content": {"text": " ".join(["طويلة"] * 60)}}
    page = summary({"body": body, "quotes": [quote], "metadata": {}}).splitlines()
    body_line = next(x for x in page if x.startswith("   كلمات"))
    assert body_line.endswith(" …") and set(body_line[3:-2].split()) == {"كلمات"}
    content = next(x for x in page if x.startswith("  [dir]")).split(": ", 1)[1]
    assert content.endswith(" …") and set(content[:-2].split()) == {"طويلة"}


# ---------------------------------------------------------------- 6. skipped files counted
def test_a_folder_walk_counts_the_files_it_skips(runner, tmp_path):
    (tmp_path / "a.txt").write_text("قال الوزير إن الخطة جاهزة.", "utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "scan.docx").write_bytes(b"PK")
    (tmp_path / ".hidden.txt").write_text("x", "utf-8")
    result = runner.invoke(main, ["extract", str(tmp_path), *FAST])
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)) == 1
    last = result.stderr.strip().splitlines()[-1]
    assert "3 files skipped" in last and "2 unknown ending" in last and "1 hidden" in last
    assert "notes.pdf" in last and "scan.docx" in last


# ---------------------------------------------------------------- 7. stable key set
def test_every_layer_whose_stage_ran_is_present_even_when_empty():
    from khabar.pipeline import LAYERS

    plain = "قال الوزير إن الخطة جاهزة."  # no furniture at all
    (article,) = api.read_inputs([str(FIXTURES / "levant-hijri.txt")])
    rich = to_record(api.process(article), layers=LAYERS)
    bare = api.extract(plain).to_dict()
    assert bare["layers"]["boilerplate"] == []
    full = to_record(api.process(next(iter(api.read_inputs([str(FIXTURES / "page.html")])))),
                     layers=LAYERS)
    assert set(rich) == set(bare) == set(full)
    assert set(rich["layers"]) == set(LAYERS) == set(full["layers"])
    short = to_record(api.extract_text(plain), layers=LAYERS)
    assert set(short["layers"]) == set(LAYERS)


def test_a_skipped_stage_leaves_no_layer():
    record = api.extract("قال الوزير إن الخطة جاهزة.", skip=["quotes"])
    assert record.article is not None and "quotes" not in record.article.layers
    assert "mentions" in record.article.layers


# ---------------------------------------------------------------- 8. tag
def test_tag_reads_plain_text_and_tokenises_it():
    proc = _run(["tag", "-"], input="قال الرئيس في القاهرة".encode())
    assert proc.returncode == 0, proc.stderr
    lines = [x.split() for x in proc.stdout.decode().splitlines() if x.strip()]
    assert [tok for tok, _tag in lines] == ["قال", "الرئيس", "في", "القاهرة"]
    assert lines[3][1] == "B-LOC"


def test_tag_conll_warns_when_a_line_holds_several_words():
    proc = _run(["tag", "--conll", "-"], input="قال الرئيس في القاهرة\n".encode())
    assert proc.returncode == 0
    assert "1 line of the --conll input holds several words" in proc.stderr.decode()


def test_tag_conll_with_gold_columns_does_not_warn(runner):
    result = runner.invoke(main, ["tag", "--conll", "-"],
                           input="سافر O\nالوزير O\nإلى O\nعمان B-LOC\n\n")
    assert result.exit_code == 0 and result.stderr == ""
    assert len(result.stdout.split()) == 8


def test_tag_labels_are_the_records_labels(runner):
    text = "التقى الرئيس عبد الفتاح السيسي وزير الخارجية في القاهرة."
    result = runner.invoke(main, ["tag", "-", "--format", "jsonl"], input=text)
    tags = [json.loads(x)["tag"] for x in result.stdout.splitlines()]
    assert "B-PER" in tags and not any(t.endswith("PERS") for t in tags)
    record_types = {e.type for e in api.extract(text).entities}
    assert {t.split("-", 1)[1] for t in tags if t != "O"} <= record_types | {"MISC"}


def test_tag_path_and_conll_together_is_a_usage_error(runner, tmp_path):
    f = tmp_path / "t.txt"
    f.write_text("قال", "utf-8")
    result = runner.invoke(main, ["tag", str(f), "--conll", str(f)])
    assert result.exit_code == 2 and len(result.stderr.strip().splitlines()) == 1


# ---------------------------------------------------------------- 9. the quotes table
def _separators(line: str) -> list[int]:
    """Display columns of the ' | ' separators in a table line."""
    from khabar.termtable import width

    out, col = [], 0
    for i, c in enumerate(line):
        if line.startswith(" | ", i):
            out.append(col)
        col += width(c)
    return out


def test_the_quotes_table_stays_aligned_and_wraps_instead_of_cutting(runner, tmp_path):
    from khabar.termtable import width

    sentences = [f"وقال المتحدث باسم الوزارة الثانية عشرة في البلاد إن الاجتماع رقم {i} "
                 f"سيبحث ملفات المياه والطاقة والنقل والتعليم العالي والصحة العامة."
                 for i in range(12)]
    (tmp_path / "many.txt").write_text(" ".join(sentences), "utf-8")
    result = runner.invoke(main, ["quotes", str(tmp_path / "many.txt"), "--width", "90",
                                  "--skip", "entities"])
    assert result.exit_code == 0, result.output
    lines = [x for x in result.stdout.splitlines() if " | " in x]
    assert len(lines) > 13  # header, 12 statements, and wrapped continuation lines
    header = _separators(lines[0])
    assert all(_separators(x) == header for x in lines), "columns drift"
    assert "…" not in result.stdout
    assert all(f"رقم {i} " in result.stdout.replace("\n", " ") or f"رقم {i}" in result.stdout
               for i in range(12))
    assert all(width(x) <= 90 for x in result.stdout.splitlines())


def test_right_to_left_cells_are_isolated(runner):
    from khabar.termtable import FSI, PDI

    result = runner.invoke(main, ["quotes", "-", "--skip", "entities"], input=STATEMENTS)
    row = next(x for x in result.stdout.splitlines() if "سامي الخطيب" in x)
    assert f"{FSI}سامي الخطيب{PDI}" in row


# ---------------------------------------------------------------- 12. documented
def test_summary_shows_misc_entities():
    from khabar.api import summary

    page = summary({"entities": [{"text": "كأس العالم", "type": "MISC", "mentions": []}],
                    "metadata": {}})
    assert "MISC: كأس العالم" in page


def test_the_cli_reference_documents_gz_inputs_and_train_ner():
    page = (REPO / "docs" / "cli.md").read_text("utf-8")
    assert ".gz" in page and "## khabar train-ner" in page and "--train" in page


def test_the_throughput_benchmark_warns_how_long_it_runs():
    proc = subprocess.run([sys.executable, str(REPO / "benchmarks" / "throughput.py"), "--help"],
                          capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(REPO)})
    assert "many minutes" in proc.stdout and "--n 200" in proc.stdout


# ---------------------------------------------------------------- 13. flat output
def test_quotes_as_csv_tsv_and_jsonl_give_the_same_rows(runner):
    from khabar.writers import QUOTE_COLUMNS

    out = {}
    for fmt in ("csv", "tsv", "jsonl"):
        result = runner.invoke(main, ["quotes", "-", "--format", fmt, "--skip", "entities"],
                               input=STATEMENTS)
        assert result.exit_code == 0, result.output
        if fmt == "jsonl":
            out[fmt] = [json.loads(x) for x in result.stdout.splitlines()]
        else:
            reader = csv.DictReader(io.StringIO(result.stdout),
                                    delimiter="," if fmt == "csv" else "\t")
            assert tuple(reader.fieldnames or ()) == QUOTE_COLUMNS
            out[fmt] = list(reader)
    assert len(out["csv"]) == len(out["tsv"]) == len(out["jsonl"]) == 3
    assert out["csv"] == out["tsv"]
    for row, obj in zip(out["csv"], out["jsonl"]):
        assert row["content"] == obj["content"] and row["speaker"] == (obj["speaker"] or "")
        assert STATEMENTS[obj["start"]:obj["end"]] == obj["content"]
    assert out["jsonl"][1]["inherited"] is True and out["csv"][1]["inherited"] == "true"


def test_quotes_csv_has_one_header_for_many_articles(runner):
    result = runner.invoke(main, ["quotes", str(FIXTURES / "levant-hijri.txt"),
                                  str(FIXTURES / "maghreb-credit.txt"), "--format", "csv",
                                  "--skip", "entities"])
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert {r["article"] for r in rows} == {"levant-hijri", "maghreb-credit"}
    assert result.stdout.count("article,n,kind") == 1


@pytest.mark.parametrize("fmt", ["csv", "tsv", "jsonl", "table"])
def test_tag_takes_the_row_formats(runner, fmt):
    result = runner.invoke(main, ["tag", "-", "--format", fmt], input="زار الوزير بغداد.")
    assert result.exit_code == 0, result.output
    assert "بغداد" in result.stdout and "B-LOC" in result.stdout
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(result.stdout)))
        assert [r["token"] for r in rows] == ["زار", "الوزير", "بغداد", "."]
        assert rows[2]["start"] == "11" and rows[2]["end"] == "16"
