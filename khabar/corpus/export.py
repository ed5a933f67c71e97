"""Export the store as one table per kind (articles, statements, entities, mentions,
timexes, stories, events, event_mentions) in Parquet (pyarrow), CSV or JSON Lines,
streamed in chunks so memory stays flat whatever the corpus size."""
from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path
from typing import Iterator

FORMATS = ("parquet", "csv", "jsonl")
CHUNK = 5000

QUERIES = {
    "articles": "SELECT article_id, url, outlet, published, title, language, n_statements, "
                "n_issues, story_id, text FROM articles ORDER BY seq",
    "statements": "SELECT s.statement_id, s.article_id, s.story_id, s.published, s.outlet, "
                  "s.kind, s.content, s.start, s.\"end\", s.speaker_text, s.speaker_canonical, "
                  "s.speaker_title, s.speaker_kind, s.speaker_anonymous, s.speaker_start, "
                  "s.speaker_end, coalesce(n.entity_key, 'unknown') AS speaker_key, s.cue, "
                  "s.cue_lemma, s.speech_act, s.negated, s.medium, s.medium_relation, s.chain, "
                  "s.time, s.zone, s.inherited, s.copy_group, s.primary_id FROM statements s "
                  "LEFT JOIN names n ON n.name_key = s.name_key ORDER BY s.seq",
    "entities": "SELECT entity_key, type, name FROM entities ORDER BY entity_key",
    "mentions": "SELECT m.article_id, n.entity_key, m.type, m.text, m.canonical, m.start, "
                "m.\"end\" FROM mentions m LEFT JOIN names n ON n.name_key = m.name_key "
                "ORDER BY m.article_id, m.start, m.\"end\", m.type",
    "timexes": "SELECT article_id, start, \"end\", text, type, value, granularity, anchor "
               "FROM timexes ORDER BY article_id, start, \"end\"",
    "stories": "SELECT story_id, first_article, copies FROM stories ORDER BY story_id",
    "events": "SELECT e.event_id, e.article_id, e.story_id, e.published, e.outlet, e.type, "
              "e.mode, e.status, e.from_statement, e.statement_id, e.trigger, "
              "e.trigger_start, e.trigger_end, e.sentence_start, e.sentence_end, e.actor, "
              "e.actor_start, e.actor_end, e.actor_canonical, coalesce(na.entity_key, CASE WHEN "
              "e.actor IS NULL THEN NULL ELSE 'unknown' END) AS actor_key, "
              "e.recipient, e.recipient_start, e.recipient_end, e.recipient_canonical, "
              "nr.entity_key AS recipient_key, e.place, e.place_start, e.place_end, "
              "np.entity_key AS place_key, e.lat, e.lon, e.country, e.admin_level, "
              "e.geo_source, e.date_text, e.date_start, e.date_end, e.date, e.date_source, "
              "e.day, e.day_start, e.day_end, e.period, e.dead, e.injured, e.arrested, "
              "e.n_mentions FROM events e "
              "LEFT JOIN names na ON na.name_key = e.actor_key "
              "LEFT JOIN names nr ON nr.name_key = e.recipient_key "
              "LEFT JOIN names np ON np.name_key = e.place_key ORDER BY e.seq",
    "event_mentions": "SELECT event_id, n, article_id, trigger, trigger_start, trigger_end, "
                      "sentence_start, sentence_end FROM event_mentions ORDER BY event_id, n",
}
INTEGER = {"n_statements", "n_issues", "start", "end", "speaker_anonymous", "speaker_start",
           "speaker_end", "negated", "inherited", "copies", "from_statement", "trigger_start",
           "trigger_end", "sentence_start", "sentence_end", "actor_start", "actor_end",
           "recipient_start", "recipient_end", "place_start", "place_end", "admin_level",
           "date_start", "date_end", "dead", "injured", "arrested", "n_mentions", "n"}
FLOAT = {"lat", "lon"}


def _chunks(db: sqlite3.Connection, sql: str) -> tuple[list[str], Iterator[list[tuple]]]:
    cur = db.execute(sql)
    names = [d[0] for d in cur.description]

    def gen():
        while rows := cur.fetchmany(CHUNK):
            yield rows
    return names, gen()


def export(db: sqlite3.Connection, out_dir: str | Path, fmt: str) -> dict[str, int]:
    """Write OUT_DIR/<table>.<fmt> per table; return the rows written per table."""
    if fmt not in FORMATS:
        raise ValueError(f"format {fmt!r}: one of {', '.join(FORMATS)}")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    counts = {}
    for table, sql in QUERIES.items():
        names, chunks = _chunks(db, sql)
        path = out / f"{table}.{fmt}"
        counts[table] = {"parquet": _parquet, "csv": _csv, "jsonl": _jsonl}[fmt](
            path, names, chunks)
    return counts


def _parquet(path: Path, names: list[str], chunks) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as err:
        raise RuntimeError("Parquet needs pyarrow: pip install pyarrow (or export "
                           "--format csv|jsonl)") from err

    schema = pa.schema([(n, pa.int64() if n in INTEGER else pa.float64() if n in FLOAT
                        else pa.string()) for n in names])
    n = 0
    with pq.ParquetWriter(path, schema, compression="zstd") as writer:
        for rows in chunks:
            cols = list(zip(*rows))
            writer.write_table(pa.table([pa.array(c, type=f.type) for c, f in zip(cols, schema)],
                                        schema=schema))
            n += len(rows)
        if n == 0:
            writer.write_table(schema.empty_table())
    return n


def _csv(path: Path, names: list[str], chunks) -> int:
    n = 0
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(names)
        for rows in chunks:
            w.writerows(rows)
            n += len(rows)
    return n


def _jsonl(path: Path, names: list[str], chunks) -> int:
    n = 0
    with path.open("w", encoding="utf-8") as fh:
        for rows in chunks:
            for r in rows:
                fh.write(json.dumps(dict(zip(names, r)), ensure_ascii=False) + "\n")
            n += len(rows)
    return n
