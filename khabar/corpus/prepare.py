"""What the store computes of one article alone, before it writes anything: the record,
the full-text terms of the text, title, statements and speakers, the MinHash sketch and
the packed record.

None of it reads the database, so it runs where the pipeline ran: `prepared` is handed
to the executors (`khabar.run.pipe(after=...)`), and with `--workers N` the N worker
processes do this work instead of the one process that writes. A record made elsewhere
(`Corpus.add_records`) is prepared by the writer itself; the rows are the same.
"""
from __future__ import annotations

import json
import time
from dataclasses import dataclass

import orjson

try:  # ISA-L writes zlib streams ~3x faster than zlib at level 1 (and a little smaller)
    from isal.isal_zlib import compress as _compress
except ImportError:  # pragma: no cover - isal is a dependency; zlib reads either
    from zlib import compress as _compress

from khabar.corpus import dedup
from khabar.corpus.folding import FoldedText, index_name, index_text
from khabar.document import Article


@dataclass(slots=True)
class Prepared:
    record: dict
    failed: bool
    fts_title: str = ""
    fts_text: str = ""
    sketch: tuple[bytes, list[tuple[int, int]]] | None = None  # MinHash, LSH band hashes
    contents: list[str] | None = None  # each statement's folded content
    speakers: list[str] | None = None  # ... and its speaker's (written and canonical)
    packed: bytes = b""
    cpu: float = 0.0  # thread CPU seconds spent preparing (the store's, wherever it ran)


def failed_record(record: dict) -> bool:
    return not record.get("ok", True) or not (record.get("text") or "").strip()


def prepared(article: Article) -> Prepared:
    """The executors' `after`: the article's record (what `khabar extract` writes), then
    the store's per-article work on it."""
    from khabar.record import to_record

    return prepare(to_record(article))


def prepare(record: dict) -> Prepared:
    c0 = time.thread_time()
    if failed_record(record):
        return Prepared(record, True, cpu=time.thread_time() - c0)
    text = record["text"]
    meta = record.get("metadata") or {}
    folded = FoldedText(text)  # the statements' index text is read off it
    contents, speakers = [], []
    for q in record.get("quotes") or []:
        content = q["content"]
        start, end, said = content["start"], content["end"], content["text"]
        # the content is a stretch of the article's text (as the pipeline makes it; a
        # record from elsewhere may differ): its terms are the article's terms there
        contents.append(folded.stretch(start, end) if text[start:end] == said
                        else index_text(said))
        spk = q.get("speaker") or {}
        speakers.append(index_name(" ".join(sorted({v for v in (spk.get("text"),
                                                               spk.get("canonical")) if v}))))
    return Prepared(record, False, index_text(meta.get("title") or ""), folded.text,
                    dedup.sketch(folded.terms), contents, speakers, pack(record),
                    time.thread_time() - c0)


def pack(record: dict) -> bytes:
    """The record, compressed, without what the text gives back: the text itself (stored in
    its column), the body and the layers' span texts (recomputed by `unpack`)."""
    slim = record.copy()
    slim.pop("text", None)
    slim.pop("body", None)
    slim["layers"] = {name: list(map(_without_text, spans))
                      for name, spans in (record.get("layers") or {}).items()}
    return _compress(_dumps(slim), 1)


def _without_text(span: dict) -> dict:
    slim = span.copy()  # copy and pop: from C, keys in their order (the same bytes)
    slim.pop("text", None)
    return slim


def _dumps(value: object) -> bytes:
    """UTF-8 JSON: orjson (several times faster), json for what orjson refuses."""
    try:
        return orjson.dumps(value)
    except TypeError:
        return json.dumps(value, ensure_ascii=False).encode("utf-8")
