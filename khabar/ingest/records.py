"""Dataset records (.json object or list, .jsonl, .csv/.tsv rows) to Articles.

Field names are looked up through the aliases of `resources/ingest_fields.yaml`. The
article text is `title + "\\n\\n" + text` when a title is given, so the title is annotated
too; `given["title_span"]` and `given["body_start"]` say where each part lies. Every field
taken from the record is named in `given["given_sources"]` (e.g. "json:date").
"""
from __future__ import annotations

import csv
import io
import json
import re
import sys
from typing import Any, Iterable, Iterator

from khabar.document import Article
from khabar.errors import Code, flag
from khabar.ingest.decode import clean_text
from khabar.ingest.fields import GIVEN_KEYS, RECORD_CONTAINERS, RECORD_FIELDS, key_form
from khabar.ingest.markup import looks_like_markup, markup_to_text

csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # article bodies exceed the 128 KB default

_SPACE_RUN = re.compile(r"\s+")
_CSV_DELIMITERS = ",;\t|"


def value_text(value: Any, joiner: str = ", ") -> str | None:
    """A record value as a string: lists joined, objects by their "name", None if empty."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, str):
        v = value.strip()
        return clean_text(v) if v else None
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, dict):
        for k in ("name", "text", "value", "@value", "@id"):
            if k in value:
                return value_text(value[k], joiner)
        return None
    if isinstance(value, (list, tuple)):
        parts = [p for p in (value_text(v, joiner) for v in value) if p]
        return joiner.join(parts) if parts else None
    return None


def record_keys(record: dict[str, Any]) -> dict[str, str]:
    """key_form -> original key, for the alias lookups of `find_field`."""
    return {key_form(k): k for k in record if isinstance(k, str)}


def find_field(record: dict[str, Any], target: str, keys: dict[str, str] | None = None
               ) -> tuple[str, Any] | None:
    """(original key, value) of the first alias of `target` present in the record."""
    if keys is None:
        keys = record_keys(record)
    for alias in RECORD_FIELDS[target]:
        k = keys.get(alias)
        if k is not None and record[k] not in (None, "", [], {}):
            return k, record[k]
    return None


def layout(title: str | None, body: str | None) -> tuple[str, dict[str, Any]]:
    """The article text and its title/body offsets, from a title and a body."""
    title = _SPACE_RUN.sub(" ", title).strip() if title else None
    if title and body:
        text = f"{title}\n\n{body}"
        return text, {"title_span": (0, len(title)), "body_start": len(title) + 2}
    if title:  # no body: it is the empty stretch after the title
        return title, {"title_span": (0, len(title)), "body_start": len(title)}
    return body or "", {"body_start": 0}


def record_article(record: Any, fmt: str, source: dict[str, Any]) -> Article:
    """One record (a parsed JSON object or a CSV row) as an Article, never raising."""
    if not isinstance(record, dict):
        art = Article("", source=source)
        flag(art, Code.E_PARSE, f"record is a JSON {type(record).__name__}, not an object")
        return art
    given: dict[str, Any] = {}
    sources: dict[str, str] = {}
    keys = record_keys(record)
    for target in GIVEN_KEYS:
        hit = find_field(record, target, keys)
        if hit is None:
            continue
        key, raw = hit
        value = value_text(raw)
        if value is None:
            continue
        given[target] = value
        sources[target] = f"{fmt}:{key}"
    text_hit = find_field(record, "text", keys)
    body = value_text(text_hit[1], "\n\n") if text_hit else None
    markup = bool(body) and looks_like_markup(body)
    if markup:
        body = clean_text(markup_to_text(body))
    text, offsets = layout(given.get("title"), body)
    if "title" in given:
        given["title"] = text[slice(*offsets["title_span"])]
    given.update(offsets)
    given["given_sources"] = sources
    if text_hit:
        sources["text"] = f"{fmt}:{text_hit[0]}"
    art = Article(text, source=source, given=given)
    if text_hit is None:
        flag(art, Code.E_NO_TEXT, f"fields present: {', '.join(map(str, record)) or 'none'}")
    elif not body:
        flag(art, Code.E_EMPTY, f"field {text_hit[0]!r} is empty")
    if markup:
        flag(art, Code.W_MARKUP, f"field {text_hit[0]!r}")
    return art


def json_records(text: str) -> tuple[list[Any] | None, Any, str | None]:
    """Parse a .json file: (records, None, None) for a list of records (also a list wrapped
    under a container key, or JSON Lines saved as .json), ([], obj, None) for one object,
    (None, None, error) when it does not parse."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        lines = [ln for ln in text.splitlines() if ln.strip()]
        if len(lines) > 1 and all(ln.lstrip().startswith("{") for ln in lines[:20]):
            return None, None, "jsonl"
        return None, None, f"line {err.lineno}, column {err.colno}: {json_reason(err)}"
    if isinstance(data, list):
        return data, None, None
    if isinstance(data, dict):
        if find_field(data, "text") is None:
            keys = {key_form(k): k for k in data if isinstance(k, str)}
            for c in RECORD_CONTAINERS:
                k = keys.get(c)
                if k is not None and isinstance(data[k], list) and data[k]:
                    return data[k], None, None
        return [], data, None
    return None, None, f"top-level JSON {type(data).__name__} is not an object or a list"


def json_reason(err: json.JSONDecodeError) -> str:
    """The decoder's reason as a whole phrase: its `msg` ends in a dangling "at" that
    `str(err)` completes with the position («Invalid control character at: line 1…»)."""
    msg = err.msg.removesuffix(" at")
    if msg == "Invalid control character":
        msg += " (a raw tab or line break inside a string)"
    return msg


def jsonl_records(lines: Iterable[str]) -> Iterator[tuple[Any, str | None]]:
    """(record, None) or (None, error) per non-blank line."""
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            yield json.loads(line), None
        except json.JSONDecodeError as err:
            yield None, f"line {lineno}, column {err.colno}: {json_reason(err)}"


def csv_rows(text: str, delimiter: str | None = None
             ) -> Iterator[tuple[dict[str, Any] | None, str | None]]:
    """(row, None) per CSV row, keyed by the header; (None, error) once if the CSV breaks."""
    if delimiter is None:
        try:
            delimiter = csv.Sniffer().sniff(text[:65536], _CSV_DELIMITERS).delimiter
        except csv.Error:
            delimiter = ","
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for row in reader:
            row.pop(None, None)  # cells beyond the header
            yield row, None
    except csv.Error as err:
        yield None, f"line {reader.line_num}: {err}"
