"""The documented record (issue 13, finding 11) and the reference pages: every schema
field has a description and a type, every key a record holds is in the schema, every
issue code is listed, and docs/record.md and docs/cli.md are what khabar.reference makes."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from khabar import api
from khabar.record import schema, to_record

REPO = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures" / "articles"


def _fields(node, path="record"):
    """(path, schema node) of every field the schema declares."""
    for name, sub in (node.get("properties") or {}).items():
        yield f"{path}.{name}", sub
        yield from _fields(sub, f"{path}.{name}")
    extra = node.get("additionalProperties")
    if isinstance(extra, dict):
        yield f"{path}.*", extra
        yield from _fields(extra, f"{path}.*")
    items = node.get("items")
    if isinstance(items, dict):
        yield from _fields(items, f"{path}[]")


def test_every_field_has_a_description_and_a_type():
    s = schema()
    nodes = list(_fields(s)) + [(f"$defs.{k}", v) for k, v in s["$defs"].items()]
    for name, d in s["$defs"].items():
        nodes += list(_fields(d, f"$defs.{name}"))
    assert len(nodes) > 80
    for path, node in nodes:
        if "$ref" in node:
            continue
        assert node.get("description"), f"{path} has no description"
        assert "type" in node, f"{path} has no type"


def _keys(value, path, schema_node, defs):
    """Every key path of a record value that the schema does not describe."""
    while "$ref" in schema_node:
        schema_node = defs[schema_node["$ref"].rsplit("/", 1)[-1]]
    if isinstance(value, dict):
        props = schema_node.get("properties") or {}
        extra = schema_node.get("additionalProperties")
        for k, v in value.items():
            sub = props.get(k) or (extra if isinstance(extra, dict) else None)
            if sub is None:
                yield f"{path}.{k}"
            else:
                yield from _keys(v, f"{path}.{k}", sub, defs)
    elif isinstance(value, list) and isinstance(schema_node.get("items"), dict):
        for v in value:
            yield from _keys(v, f"{path}[]", schema_node["items"], defs)


def test_every_key_of_real_records_is_described(shared_dir):
    from khabar.pipeline import LAYERS

    s = schema()
    paths = sorted(FIXTURES.iterdir()) + sorted((shared_dir / "data" / "dev" / "input").iterdir())
    undescribed = set()
    for article in api.read_inputs([str(p) for p in paths]):
        record = to_record(api.process(article), layers=LAYERS)
        undescribed.update(_keys(record, "record", s, s["$defs"]))
    assert not undescribed, sorted(undescribed)


def test_every_issue_code_the_code_can_attach_is_listed():
    from khabar.errors import issue_codes

    listed = {code for code, _sev, _meaning in issue_codes()}
    found = set()
    for path in (REPO / "khabar").rglob("*.py"):
        source = path.read_text("utf-8")
        found.update(re.findall(r"""\.flag\(\s*["']([a-z_]+\.[a-z_]+)["']""", source))
        found.update(f"{m}.<name>{rest}" for m, rest in re.findall(
            r"""\.flag\(\s*f["']([a-z_]+)\.\{\w+\}((?:\.[a-z_]+)?)["']""", source))
    assert found and found <= listed, sorted(found - listed)
    meanings = [m for _c, _s, m in issue_codes()]
    assert all(m and not m.endswith((" at", ",")) for m in meanings)


@pytest.mark.parametrize("page", ["record.md", "cli.md"])
def test_the_reference_page_is_up_to_date(page):
    from khabar.reference import PAGES

    want = PAGES[page]()
    have = (REPO / "docs" / page).read_text("utf-8")
    assert have == want, f"docs/{page} is stale: run `python -m khabar.reference docs/`"


def test_the_record_page_lists_the_quote_fields_and_the_issue_codes():
    page = (REPO / "docs" / "record.md").read_text("utf-8")
    for field in ("`zone`", "`inherited`", "`time`", "`chain`", "`affiliation`",
                  "`anonymous`", "`E_PARSE`", "`stage.<name>`", "`language.not_arabic`"):
        assert field in page, field
