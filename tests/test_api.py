"""The Python API (issue 13, finding 10): `import khabar`, typed records, options as
arguments, files, many inputs in order, doctests that run."""
from __future__ import annotations

import dataclasses
import doctest
import json
from pathlib import Path

import pytest

import khabar

FIXTURES = Path(__file__).parent / "fixtures" / "articles"
TEXT = "قال وزير الصحة سامي الخطيب إن المستشفى الجديد سيفتتح الأسبوع المقبل."


def test_the_package_exports_the_api():
    for name in ("extract", "extract_html", "extract_file", "pipe", "records", "Record",
                 "Article", "Quote"):
        assert name in khabar.__all__ and hasattr(khabar, name)


def test_extract_gives_a_typed_record():
    record = khabar.extract(TEXT, published="2024-05-02")
    assert isinstance(record, khabar.Record)
    quote = record.quotes[0]
    assert isinstance(quote, khabar.Quote)
    assert quote.speaker is not None and quote.speaker.canonical == "سامي الخطيب"
    assert quote.cue is not None and quote.cue.lemma == "قال"
    assert record.text[quote.content.start:quote.content.end] == quote.content.text
    assert "سامي الخطيب" in str(quote) and quote.content.text in str(quote)
    assert record.timexes[0].value == "2024-W19"
    assert record.metadata["published"] == "2024-05-02"
    assert isinstance(record.article, khabar.Article)


def test_to_dict_and_to_json_are_the_record_the_cli_prints():
    record = khabar.extract(TEXT)
    assert json.loads(record.to_json()) == record.to_dict()
    assert "\\u" not in record.to_json()  # Arabic kept as is
    assert record.to_dict()["schema_version"] == khabar.SCHEMA_VERSION
    assert record["quotes"] == record.to_dict()["quotes"]


def test_pipeline_options_are_arguments():
    assert khabar.extract(TEXT, skip=["entities"]).entities == []
    assert khabar.extract(TEXT, skip="entities,quotes").quotes == []
    assert khabar.extract(TEXT, ner="crf").entities
    with pytest.raises(khabar.PipelineError, match="furniture"):
        khabar.extract(TEXT, skip=["entitys"])
    with pytest.raises(khabar.PipelineError, match="crf"):
        khabar.extract(TEXT, ner="bert")
    with pytest.raises(TypeError, match="published"):
        khabar.extract(TEXT, date="2024-05-02")


def test_extract_html_and_extract_file():
    page = ("<html><head><title>خبر</title></head><body><article><h1>عنوان الخبر</h1><p>"
            + TEXT * 3 + "</p></article></body></html>")
    record = khabar.extract(page)  # told apart by its look
    assert record.source["format"] == "html" and record.title == "عنوان الخبر"
    assert khabar.extract_html(page).to_dict() == record.to_dict() | {
        "source": {**record.source, "name": "page"}}
    from_file = khabar.extract_file(FIXTURES / "levant-hijri.txt")
    assert from_file.source["name"] == "levant-hijri" and from_file.metadata["views"] == 218


def test_extract_file_points_multi_record_files_to_records(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"text": "قال الوزير."}\n{"text": "قال المدير."}\n', "utf-8")
    with pytest.raises(ValueError, match="records"):
        khabar.extract_file(feed)
    assert [r.source["record"] for r in khabar.records(feed, skip="entities")] == [0, 1]
    missing = khabar.extract_file(tmp_path / "nope.txt")
    assert not missing.ok and missing.issues[0].code == "E_READ"


def test_pipe_keeps_the_input_order_and_takes_texts_mappings_and_articles():
    items = [f"قال المدير رقم {i} إن العمل مستمر." for i in range(5)]
    items[2] = {"text": items[2], "title": "عنوان"}  # type: ignore[call-overload]
    items[3] = khabar.Article(items[3])  # type: ignore[call-overload]
    records = list(khabar.pipe(items, skip="entities", workers=1))
    assert [f"رقم {i}" in r.text for i, r in enumerate(records)] == [True] * 5
    assert records[2].title == "عنوان"
    with pytest.raises(TypeError, match="item 0"):
        list(khabar.pipe([42]))  # type: ignore[list-item]


def test_record_classes_mirror_the_schema():
    from khabar import objects
    from khabar.record import schema

    defs = schema()["$defs"]
    pairs = {"quote": objects.Quote, "cue": objects.Cue, "speaker": objects.Speaker,
             "medium": objects.Medium, "timex": objects.Timex, "entity": objects.Entity,
             "issue": objects.Issue}
    for name, cls in pairs.items():
        fields = {f.name for f in dataclasses.fields(cls)} - {"cls"} | (
            {"class"} if cls is objects.Cue else set())
        assert fields == set(defs[name]["properties"]), name


@pytest.mark.parametrize("module", ["khabar", "khabar.api", "khabar.objects"])
def test_docstring_examples_run(module):
    import importlib

    result = doctest.testmod(importlib.import_module(module), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
    if module != "khabar.objects":
        assert result.attempted > 0


def test_the_package_is_typed():
    assert (Path(khabar.__file__).parent / "py.typed").exists()


def test_the_python_guide_runs():
    page = Path(__file__).resolve().parents[1] / "docs" / "python.md"
    result = doctest.testfile(str(page), module_relative=False)
    assert result.failed == 0 and result.attempted >= 10


def test_pipe_on_worker_processes_gives_the_same_records_in_order():
    texts = [f"قال المدير رقم {i} إن العمل مستمر." for i in range(4)]
    serial = [r.to_dict() for r in khabar.pipe(texts, skip="entities")]
    pooled = [r.to_dict() for r in khabar.pipe(texts, skip="entities", workers=2)]
    assert pooled == serial
