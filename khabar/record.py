"""The Article as a JSON record: the contract with users (see schema/record.schema.json).

Every item that points at evidence carries `start`/`end` offsets into the record's `text`.
"""
from __future__ import annotations

import json
from importlib import resources as _ir
from typing import Any

import orjson as _orjson

from khabar import SCHEMA_VERSION, __version__
from khabar.document import Article, MetaField, Span

_ORJSON_INDENT = _orjson.OPT_INDENT_2

# layers that the record lists in full under `layers` (the big token layer is left out
# unless asked for, to keep records small)
_DEFAULT_LAYERS = ("boilerplate", "title", "body", "paragraphs", "sentences")


def _meta_value(f: MetaField) -> Any:
    return f.value


def _evidence(f: MetaField) -> dict[str, Any]:
    out: dict[str, Any] = {"source": f.source}
    if f.span is not None:
        out.update(start=f.span.start, end=f.span.end)
    if f.note:
        out["note"] = f.note
    return out


def _span_dict(s: Span, text: str) -> dict[str, Any]:
    # the attrs after the fixed keys, overriding them in place, as `dict.update` would
    return {"start": s.start, "end": s.end, "label": s.label, "text": text[s.start:s.end],
            **s.attrs}


def body_text(article: Article) -> str:
    """The clean body: body spans joined by blank lines."""
    return "\n\n".join(article.span_text(s).strip() for s in article.spans("body"))


def _timexes(article: Article) -> tuple[list[dict], list[dict]]:
    resolved, unresolved = [], []
    for s in article.spans("timexes"):
        item = {"text": article.span_text(s), "start": s.start, "end": s.end, "type": s.label}
        item.update(s.attrs)
        (resolved if item.get("value") else unresolved).append(item)
    return resolved, unresolved


def _entities(article: Article) -> list[dict]:
    """One item per distinct (type, name as written), with its entity id and canonical name."""
    seen: dict[tuple[str, str], dict] = {}
    for s in article.spans("mentions"):
        name = article.span_text(s)
        key = (s.label, name)
        item = seen.get(key)
        if item is None:
            item = seen[key] = {"text": name, "type": s.label,
                                "canonical": s.attrs.get("canonical", name),
                                "entity": s.attrs.get("entity"), "mentions": []}
        item["mentions"].append([s.start, s.end])
    return list(seen.values())


def _quotes(article: Article) -> list[dict]:
    out = []
    for s in article.spans("quotes"):
        q = {"kind": s.label,
             "content": {"text": article.span_text(s), "start": s.start, "end": s.end}}
        q.update(s.attrs)
        out.append(q)
    return out


def _events(article: Article) -> list[dict]:
    """The events stage's attrs are the JSON items already (khabar.events)."""
    return [dict(s.attrs) for s in article.spans("events")]


def to_record(article: Article, layers: tuple[str, ...] = _DEFAULT_LAYERS) -> dict[str, Any]:
    timexes, unresolved = _timexes(article)
    return {
        "schema_version": SCHEMA_VERSION,
        "khabar_version": __version__,
        "source": article.source,
        "language": article.language,
        "metadata": {k: _meta_value(f) for k, f in article.metadata.items()},
        "metadata_evidence": {k: _evidence(f) for k, f in article.metadata.items()},
        "text": article.text,
        "body": body_text(article),
        "quotes": _quotes(article),
        "timexes": timexes,
        "timexes_unresolved": unresolved,
        "entities": _entities(article),
        "events": _events(article),
        "layers": {name: [_span_dict(s, article.text) for s in article.spans(name)]
                   for name in layers if name in article.layers},
        "issues": [{"code": i.code, "message": i.message, "severity": i.severity}
                   for i in article.issues],
        "ok": not article.failed,
    }


def schema() -> dict[str, Any]:
    path = _ir.files("khabar").joinpath("schema", "record.schema.json")
    return json.loads(path.read_text(encoding="utf-8"))


def dumps(record: dict[str, Any], indent: int | None = 2) -> str:
    """The record as JSON text (UTF-8 characters as they are): one line, or indented by
    2 as `--format json` prints it. orjson writes both several times faster than the
    json module, whose indented output falls back to pure Python; other indents, and
    values orjson refuses, go through json."""
    if indent in (None, 2):
        try:
            return _orjson.dumps(record, option=_ORJSON_INDENT if indent else 0).decode()
        except TypeError:
            pass
    return json.dumps(record, ensure_ascii=False, indent=indent)
