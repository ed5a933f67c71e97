"""Records as tables, for the Parquet record partitions of `write_partitions`: one table
per kind (articles, statements, entities, timexes, events), the layout and column names
of the corpus export (`khabar.corpus.export`) where a record has the field, every row
keyed by its input's number (`seq`) and its `article_id` (the corpus's id: the text and
its source). A record that failed is a row of `articles` like any other, with `ok` 0,
its first error's code and all its issues: no input is left out of the tables.

A cell holding an object or a list (a statement's chain, an event's date) is its JSON
text; nothing of the record's fields is dropped or rounded."""
from __future__ import annotations

import json
from typing import Any

# (column, path in the record's item, kind): kind "int" (booleans as 0/1), "float" or
# "str" (an object, a list or a number in a "str" column is its JSON text)
Column = tuple[str, tuple[str, ...], str]

ARTICLES: list[Column] = [
    ("name", ("source", "name"), "str"), ("path", ("source", "path"), "str"),
    ("record", ("source", "record"), "int"), ("url", ("metadata", "url"), "str"),
    ("outlet", ("metadata", "outlet"), "str"), ("published", ("metadata", "published"), "str"),
    ("title", ("metadata", "title"), "str"), ("language", ("language", "code"), "str"),
    ("ok", ("ok",), "int"), ("issues", ("issues",), "str"), ("text", ("text",), "str"),
]
STATEMENTS: list[Column] = [
    ("kind", ("kind",), "str"), ("content", ("content", "text"), "str"),
    ("start", ("content", "start"), "int"), ("end", ("content", "end"), "int"),
    ("speaker_text", ("speaker", "text"), "str"),
    ("speaker_canonical", ("speaker", "canonical"), "str"),
    ("speaker_title", ("speaker", "title"), "str"),
    ("speaker_affiliation", ("speaker", "affiliation"), "str"),
    ("speaker_kind", ("speaker", "kind"), "str"),
    ("speaker_anonymous", ("speaker", "anonymous"), "int"),
    ("speaker_start", ("speaker", "start"), "int"), ("speaker_end", ("speaker", "end"), "int"),
    ("speaker_entity", ("speaker", "entity"), "str"), ("cue", ("cue", "text"), "str"),
    ("cue_start", ("cue", "start"), "int"), ("cue_end", ("cue", "end"), "int"),
    ("cue_lemma", ("cue", "lemma"), "str"), ("speech_act", ("cue", "class"), "str"),
    ("negated", ("cue", "negated"), "int"), ("medium", ("medium",), "str"),
    ("chain", ("chain",), "str"), ("time", ("time",), "str"), ("zone", ("zone",), "str"),
    ("inherited", ("inherited",), "int"),
]
ENTITIES: list[Column] = [
    ("entity", ("entity",), "str"), ("type", ("type",), "str"), ("name", ("text",), "str"),
    ("canonical", ("canonical",), "str"), ("mentions", ("mentions",), "str"),
]
TIMEXES: list[Column] = [
    ("start", ("start",), "int"), ("end", ("end",), "int"), ("text", ("text",), "str"),
    ("type", ("type",), "str"), ("value", ("value",), "str"), ("mod", ("mod",), "str"),
    ("granularity", ("granularity",), "str"), ("anchor", ("anchor",), "str"),
]
EVENTS: list[Column] = [
    ("event_id", ("id",), "str"), ("type", ("type",), "str"), ("mode", ("mode",), "str"),
    ("status", ("status",), "str"), ("zone", ("zone",), "str"),
    ("statement", ("statement",), "int"),
    ("trigger", ("trigger", "text"), "str"), ("trigger_start", ("trigger", "start"), "int"),
    ("trigger_end", ("trigger", "end"), "int"),
    ("sentence_start", ("sentence", "start"), "int"),
    ("sentence_end", ("sentence", "end"), "int"),
    ("actor", ("actor", "text"), "str"), ("actor_start", ("actor", "start"), "int"),
    ("actor_end", ("actor", "end"), "int"), ("actor_entity", ("actor", "entity"), "str"),
    ("recipient", ("recipient", "text"), "str"),
    ("recipient_start", ("recipient", "start"), "int"),
    ("recipient_end", ("recipient", "end"), "int"),
    ("recipient_entity", ("recipient", "entity"), "str"),
    ("place", ("location", "text"), "str"), ("place_start", ("location", "start"), "int"),
    ("place_end", ("location", "end"), "int"), ("place_entity", ("location", "entity"), "str"),
    ("lat", ("location", "geo", "lat"), "float"), ("lon", ("location", "geo", "lon"), "float"),
    ("country", ("location", "geo", "country"), "str"),
    ("admin_level", ("location", "geo", "admin_level"), "int"),
    ("geo_source", ("location", "geo", "source"), "str"),
    ("date", ("date",), "str"), ("dead", ("dead",), "int"), ("injured", ("injured",), "int"),
    ("arrested", ("arrested",), "int"), ("mentions", ("mentions",), "str"),
]
KEY: list[tuple[str, str]] = [("seq", "int"), ("article_id", "str")]
# per table: the columns before the item's own, and the item's columns
TABLES: dict[str, tuple[list[tuple[str, str]], list[Column]]] = {
    "articles": (KEY + [("error_code", "str"), ("n_statements", "int"),
                        ("n_issues", "int")], ARTICLES),
    "statements": ([("statement_id", "str")] + KEY + [("n", "int")], STATEMENTS),
    "entities": (KEY, ENTITIES),
    "timexes": (KEY + [("resolved", "int")], TIMEXES),
    "events": (KEY, EVENTS),
}


def get(item: dict, path: tuple[str, ...]) -> Any:
    for key in path:
        if not isinstance(item, dict):
            return None
        item = item.get(key)  # type: ignore[assignment]
    return item


def cell(value: Any, kind: str) -> Any:
    """A record's value as the column of `kind` holds it."""
    if value is None:
        return None
    if kind == "int":
        return int(value)
    if kind == "float":
        return float(value)
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def names(table: str) -> list[str]:
    head, cols = TABLES[table]
    return [n for n, _ in head] + [c[0] for c in cols]


def kinds(table: str) -> dict[str, str]:
    head, cols = TABLES[table]
    return {**dict(head), **{c[0]: c[2] for c in cols}}


def rows(records: list[dict], first_seq: int) -> dict[str, list[tuple]]:
    """The rows of every table for `records`, the first of them input number `first_seq`."""
    from khabar.corpus.store import article_key

    out: dict[str, list[tuple]] = {t: [] for t in TABLES}

    def items(cols: list[Column], item: dict) -> tuple:
        return tuple(cell(get(item, path), kind) for _, path, kind in cols)

    for k, rec in enumerate(records):
        seq = first_seq + k
        aid = article_key(rec.get("text") or "", rec.get("metadata") or {})
        issues = rec.get("issues") or []
        error = next((i.get("code") for i in issues if i.get("severity") == "error"), None)
        quotes = rec.get("quotes") or []
        out["articles"].append((seq, aid, error, len(quotes), len(issues))
                               + items(ARTICLES, rec))
        out["statements"].extend((f"{aid}-{n + 1:04d}", seq, aid, n) + items(STATEMENTS, q)
                                 for n, q in enumerate(quotes))
        out["entities"].extend((seq, aid) + items(ENTITIES, e)
                               for e in rec.get("entities") or [])
        out["timexes"].extend((seq, aid, resolved) + items(TIMEXES, t)
                              for resolved, key in ((1, "timexes"), (0, "timexes_unresolved"))
                              for t in rec.get(key) or [])
        out["events"].extend((seq, aid) + items(EVENTS, e) for e in rec.get("events") or [])
    return out


def write_parquet(path, table: str, table_rows: list[tuple]) -> None:
    """One table of one partition as a Parquet file (zstd), typed per column."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    types = {"int": pa.int64(), "float": pa.float64(), "str": pa.string()}
    kind = kinds(table)
    schema = pa.schema([(n, types[kind[n]]) for n in names(table)])
    cols = list(zip(*table_rows)) if table_rows else [() for _ in schema]
    pq.write_table(pa.table([pa.array(list(c), type=f.type) for c, f in zip(cols, schema)],
                            schema=schema), path, compression="zstd")
