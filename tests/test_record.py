"""Records follow the schema and every offset points at the characters it claims."""
from __future__ import annotations

from pathlib import Path

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from khabar import api
from khabar.record import schema, to_record

FIXTURES = Path(__file__).parent / "fixtures" / "articles"
VALIDATOR = jsonschema.Draft202012Validator(schema())


def _records(paths):
    return [to_record(api.process(a)) for a in api.read_inputs([str(p) for p in paths])]


def _walk(node, path="record"):
    if isinstance(node, dict):
        yield path, node
        for k, v in node.items():
            yield from _walk(v, f"{path}.{k}")
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _walk(v, f"{path}[{i}]")


def check_offsets(record: dict) -> int:
    """Every object with start/end lies in the text; with a `text` too, it is that text."""
    text = record["text"]
    checked = 0
    for path, node in _walk({k: v for k, v in record.items() if k != "text"}):
        if isinstance(node.get("start"), int) and isinstance(node.get("end"), int):
            assert 0 <= node["start"] <= node["end"] <= len(text), path
            if isinstance(node.get("text"), str):
                assert text[node["start"]:node["end"]] == node["text"], path
            checked += 1
    for ent in record["entities"]:
        for a, b in ent["mentions"]:
            assert text[a:b] == ent["text"]
            checked += 1
    return checked


ALL_FIXTURES = sorted(FIXTURES.iterdir())


@pytest.mark.parametrize("path", ALL_FIXTURES, ids=lambda p: p.name)
def test_fixture_records_validate_and_offsets_hold(path):
    for record in _records([path]):
        VALIDATOR.validate(record)
        assert check_offsets(record) > 0


def test_dev_records_validate_and_offsets_hold(shared_dir):
    paths = sorted((shared_dir / "data" / "dev" / "input").iterdir())
    for record in _records(paths):
        VALIDATOR.validate(record)
        check_offsets(record)


def test_body_is_made_of_body_spans():
    (record,) = _records([FIXTURES / "levant-hijri.txt"])
    spans = record["layers"]["body"]
    assert record["body"] == "\n\n".join(s["text"].strip() for s in spans)
    assert "رأيكم" not in record["body"] and "مشاهدة" not in record["body"]


# ---------------------------------------------------------------- dumps (orjson)
_json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-2**53, 2**53)
    | st.floats(allow_nan=False, allow_infinity=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20)


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(st.text(), _json_values, max_size=6))
@pytest.mark.parametrize("indent", [None, 1, 2])
def test_dumps_writes_the_same_json_as_the_json_module(indent, record):
    import json

    from khabar.record import dumps

    text = dumps(record, indent=indent)
    assert json.loads(text) == json.loads(json.dumps(record, ensure_ascii=False))
    if indent is None:
        assert "\n" not in text
    elif record:
        assert text.split("\n")[1].startswith(" " * indent + '"')


def test_dumps_keeps_arabic_letters_as_they_are():
    from khabar.record import dumps

    for indent in (None, 2):
        assert "قال الوزير" in dumps({"text": "قال الوزير"}, indent=indent)


def test_dumps_falls_back_to_json_for_what_orjson_refuses():
    import json

    from khabar.record import dumps

    record = {"counts": {1: "one"}, "big": 2**70}
    assert json.loads(dumps(record)) == {"counts": {"1": "one"}, "big": 2**70}
