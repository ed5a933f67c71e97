"""The top-level readers: a path (file or directory), standard input, or bytes in memory,
each giving Articles. A bad input gives an Article with an error issue instead of an
exception, so one file never stops a batch; only I/O errors become E_READ.

Every Article's `source` holds `path`, `format` ("txt", "html", "json", "jsonl", "csv"),
`encoding`, `record` (0-based index of the record in a multi-record input, else None),
`bytes` (input bytes behind this article) and `name`, the output stem: the file stem for a
single-record input, `STEM-000001`, `STEM-000002`... (record + 1) for multi-record inputs.
"""
from __future__ import annotations

import gzip
import os
import zlib
from typing import Any, BinaryIO, Iterable, Iterator

from khabar.document import Article
from khabar.errors import Code, flag
from khabar.ingest.decode import Decoded, decode
from khabar.ingest.html import declared_charset, extract_page
from khabar.ingest.records import csv_rows, json_records, jsonl_records, layout, record_article

# above this one article (a file, or one record of a JSONL/JSON/CSV file) is flagged
# W_LARGE: it is processed, slowly (the pipeline's own limit, khabar.pipeline
# MAX_ARTICLE_BYTES, refuses larger ones with E_TOO_LARGE; docs/limits.md)
LARGE_BYTES = 8 * 1024 * 1024
MAX_BYTES = 200 * 1024 * 1024  # a file (or JSONL line) above this is not read: E_TOO_LARGE
_CHUNK = 1 << 20
# a damaged .gz file: its bytes were read, they do not unpack (not an I/O error)
_GZIP_ERRORS = (gzip.BadGzipFile, EOFError, zlib.error)

FORMATS = ("txt", "html", "json", "jsonl", "csv")
# file name endings and the format they hold; a directory walk reads only these
SUFFIXES = {".txt": "txt", ".text": "txt", ".html": "html", ".htm": "html", ".xhtml": "html",
            ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv",
            ".tsv": "csv"}
_WALKED = {".txt", ".text", ".html", ".htm", ".xhtml", ".json", ".jsonl", ".ndjson", ".csv"}


def _split_name(name: str) -> tuple[str, str, bool]:
    """(base name without its ending, lowercased ending, gzip-compressed?)."""
    base = os.path.basename(name)
    root, ext = os.path.splitext(base)
    gz = ext.lower() == ".gz"
    if gz:
        root, ext = os.path.splitext(root)
    return root, ext.lower(), gz


def format_of(name: str) -> tuple[str | None, bool]:
    """(format by file name, gzip-compressed?); format None when the name does not say."""
    _, ext, gz = _split_name(name)
    return SUFFIXES.get(ext), gz


def stem_of(name: str) -> str:
    """The output stem: the name without its format ending (and .gz)."""
    root, ext, gz = _split_name(name)
    if ext in SUFFIXES:
        return root
    base = os.path.basename(name)
    return base[:-3] if gz else base


def sniff_format(text: str) -> str:
    """The format of a text whose name does not tell: HTML, JSON (list, object or lines)
    or plain text."""
    head = text[:2048].lstrip().lower()
    if head.startswith("<") and any(t in head for t in ("<html", "<!doctype html", "<body",
                                                        "<head", "<article", "<p", "<div")):
        return "html"
    if head.startswith(("{", "[")):
        return "json"
    return "txt"


# ------------------------------------------------------------------ public readers
def read_path(path: str | os.PathLike, *, max_bytes: int | None = None,
              fmt: str | None = None) -> Iterator[Article]:
    """Articles from a file, or from every input file of a directory (sorted walk,
    hidden entries skipped; only the endings in `_WALKED`, optionally .gz)."""
    path = os.fspath(path)
    if os.path.isdir(path):
        for sub in _walk(path):
            yield from read_path(sub, max_bytes=max_bytes, fmt=fmt)
        return
    name = os.path.basename(path)
    limit = MAX_BYTES if max_bytes is None else max_bytes
    by_name, gz = format_of(name)
    fmt = fmt or by_name
    src = _source(path, fmt, None)
    try:
        size = os.stat(path).st_size
        if fmt == "jsonl":  # streamed record by record: the limit applies per record
            opener = gzip.open if gz else open
            with opener(path, "rb") as fh:
                yield from _jsonl(fh, src, limit)
            return
        if gz:  # the stat size says nothing about the unpacked size
            with gzip.open(path, "rb") as fh:
                data, over = _read_limited(fh, limit)
        elif size > limit:
            yield _failed(src, Code.E_TOO_LARGE, f"{size} bytes > {limit}", size)
            return
        else:
            with open(path, "rb") as fh:
                data = fh.read()
            over = len(data) > limit
    except _GZIP_ERRORS as err:
        yield _failed(src, Code.E_DECODE, f"gzip: {type(err).__name__}: {err}", None)
        return
    except OSError as err:
        yield _failed(src, Code.E_READ, f"{type(err).__name__}: {err}", None)
        return
    if over:
        yield _failed(src, Code.E_TOO_LARGE, f"more than {limit} bytes", len(data))
        return
    yield from _from_bytes(data, path, stem_of(name), fmt)


def read_bytes(data: bytes, name: str, fmt: str | None = None, *,
               max_bytes: int | None = None) -> Iterator[Article]:
    """Articles from bytes in memory; `name` is a file name (its ending gives the format
    unless `fmt` does, its stem the output name)."""
    limit = MAX_BYTES if max_bytes is None else max_bytes
    by_name, gz = format_of(name)
    fmt = fmt or by_name
    if gz:
        try:
            data = gzip.decompress(data)
        except (*_GZIP_ERRORS, OSError) as err:
            yield _failed(_source(name, fmt, None), Code.E_DECODE,
                          f"gzip: {type(err).__name__}: {err}", len(data))
            return
    if len(data) > limit:
        yield _failed(_source(name, fmt, None), Code.E_TOO_LARGE,
                      f"{len(data)} bytes > {limit}", len(data))
        return
    yield from _from_bytes(data, name, stem_of(name), fmt)


def read_stdin(stream: BinaryIO | Any, fmt: str | None = None, *,
               max_bytes: int | None = None, name: str = "stdin") -> Iterator[Article]:
    """Articles from a stream (binary, or a text stream with a `.buffer`), read to its end
    but never past the size limit."""
    limit = MAX_BYTES if max_bytes is None else max_bytes
    src = _source(None, fmt, None, name)
    raw = getattr(stream, "buffer", stream)
    try:
        if fmt == "jsonl":
            yield from _jsonl(raw, src, limit)
            return
        data, over = _read_limited(raw, limit)
    except OSError as err:
        yield _failed(src, Code.E_READ, str(err), None)
        return
    if over:
        yield _failed(src, Code.E_TOO_LARGE, f"more than {limit} bytes", len(data))
        return
    yield from _from_bytes(data, None, name, fmt)


# ------------------------------------------------------------------ helpers
def _walk(root: str) -> Iterator[str]:
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for f in sorted(filenames):
            if not f.startswith(".") and _split_name(f)[1] in _WALKED:
                yield os.path.join(dirpath, f)


def _source(path: str | None, fmt: str | None, encoding: str | None,
            name: str | None = None, record: int | None = None,
            size: int | None = None) -> dict[str, Any]:
    if name is None:
        name = stem_of(path) if path else "stdin"
    if record is not None:
        name = f"{name}-{record + 1:06d}"
    return {"path": path, "format": fmt, "encoding": encoding, "record": record,
            "bytes": size, "name": name}


def _failed(src: dict[str, Any], code: Code, detail: str | None, size: int | None) -> Article:
    art = Article("", source={**src, "bytes": size})
    flag(art, code, detail)
    return art


def _read_limited(fh: BinaryIO, limit: int) -> tuple[bytes, bool]:
    """Read to the end in chunks, stopping once past `limit`: (data, over the limit?).
    A text stream's characters are counted as their UTF-8 bytes."""
    chunks: list[bytes] = []
    total = 0
    while True:
        chunk = fh.read(_CHUNK)
        if not chunk:
            break
        if isinstance(chunk, str):
            chunk = chunk.encode("utf-8", "surrogatepass")
        chunks.append(chunk)
        total += len(chunk)
        if total > limit:
            return b"".join(chunks), True
    return b"".join(chunks), False


def _with_issues(art: Article, decoded: Decoded) -> Article:
    for code, detail in decoded.issues:
        flag(art, code, detail)
    return art


def _from_bytes(data: bytes, path: str | None, stem: str, fmt: str | None
                ) -> Iterator[Article]:
    size = len(data)
    declared = declared_charset(data) if fmt in (None, "html") else None
    decoded = decode(data, declared)
    if fmt is None and not decoded.failed:
        fmt = sniff_format(decoded.text)
    src = _source(path, fmt, decoded.encoding, stem, size=size)
    if decoded.failed or fmt is None:
        yield _with_issues(Article(decoded.text, source=src), decoded)
        return
    if size > LARGE_BYTES and fmt in ("txt", "html", "json"):
        # one huge article is the unusual case; a big file of many records is not
        decoded.issues.insert(0, (Code.W_LARGE, f"{size} bytes"))
    if not decoded.text.strip():
        art = _with_issues(Article(decoded.text, source=src), decoded)
        flag(art, Code.E_EMPTY, "whitespace only" if decoded.text else None)
        yield art
        return
    if fmt == "txt":
        yield _with_issues(Article(decoded.text, source=src), decoded)
    elif fmt == "html":
        yield _with_issues(_html_article(decoded.text, src), decoded)
    elif fmt == "json":
        yield from _json(decoded, src)
    elif fmt == "jsonl":
        yield from _records_of(jsonl_records(decoded.text.splitlines()), "jsonl", src, decoded)
    elif fmt == "csv":
        tsv = (path or "").lower().removesuffix(".gz").endswith(".tsv")
        yield from _records_of(csv_rows(decoded.text, "\t" if tsv else None), "csv", src,
                               decoded)
    else:
        art = _with_issues(Article(decoded.text, source=src), decoded)
        flag(art, Code.E_FORMAT, repr(fmt))
        yield art


def _html_article(markup: str, src: dict[str, Any]) -> Article:
    page = extract_page(markup)
    text, offsets = layout(page.title, page.text)
    given = {**page.given, **offsets, "given_sources": page.given_sources}
    if page.title:
        given["title"] = text[slice(*offsets["title_span"])]
    art = Article(text, source=src, given=given)
    for code, detail in page.issues:
        flag(art, code, detail)
    return art


def _json(decoded: Decoded, src: dict[str, Any]) -> Iterator[Article]:
    records, single, error = json_records(decoded.text)
    if error == "jsonl":  # JSON Lines saved as .json
        yield from _records_of(jsonl_records(decoded.text.splitlines()), "jsonl",
                               {**src, "format": "jsonl"}, decoded)
        return
    if error is not None:
        art = _with_issues(Article("", source=src), decoded)
        flag(art, Code.E_PARSE, error)
        yield art
        return
    if records is not None and single is None:
        if not records:
            art = _with_issues(Article("", source=src), decoded)
            flag(art, Code.E_NO_TEXT, "the JSON list is empty")
            yield art
            return
        decoded.issues = [(c, d) for c, d in decoded.issues if c is not Code.W_LARGE]
        yield from _records_of(((r, None) for r in records), "json", src, decoded)
        return
    yield _with_issues(record_article(single, "json", src), decoded)


def _records_of(items: Iterable[tuple[Any, str | None]], fmt: str, src: dict[str, Any],
                decoded: Decoded | None) -> Iterator[Article]:
    """One Article per record; the file's decoding issues go on every record."""
    base = src["name"]
    n = -1
    for n, (record, error) in enumerate(items):
        rsrc = {**src, "format": fmt, "record": n, "name": f"{base}-{n + 1:06d}",
                "bytes": None}
        if error is not None:
            art = Article("", source=rsrc)
            flag(art, Code.E_PARSE, error)
        else:
            art = record_article(record, fmt, rsrc)
            art.source["bytes"] = len(art.text.encode("utf-8"))
            if art.source["bytes"] > LARGE_BYTES:
                flag(art, Code.W_LARGE, f"record {n + 1}: {art.source['bytes']} bytes")
        if decoded is not None:
            _with_issues(art, decoded)
        yield art
    if n < 0:
        art = Article("", source={**src, "format": fmt})
        if decoded is not None:
            _with_issues(art, decoded)
        flag(art, Code.E_NO_TEXT, "no records")
        yield art


def _jsonl(fh: BinaryIO, src: dict[str, Any], limit: int) -> Iterator[Article]:
    """JSON Lines streamed from a binary file: each line decoded on its own, so a corpus of
    any size is read in constant memory."""
    base = src["name"]
    n = -1
    for lineno, raw in enumerate(fh, 1):
        if isinstance(raw, str):  # a text stream without a buffer
            raw = raw.encode("utf-8", "surrogatepass")
        if not raw.strip():
            continue
        n += 1
        rsrc = {**src, "format": "jsonl", "record": n, "name": f"{base}-{n + 1:06d}",
                "bytes": len(raw)}
        if len(raw) > limit:
            yield _failed(rsrc, Code.E_TOO_LARGE, f"line {lineno}: {len(raw)} bytes > {limit}",
                          len(raw))
            continue
        dec = decode(raw)
        rsrc["encoding"] = dec.encoding
        if dec.failed:
            yield _with_issues(Article("", source=rsrc), dec)
            continue
        record, error = next(iter(jsonl_records([dec.text])))
        if error is not None:
            art = Article("", source=rsrc)
            flag(art, Code.E_PARSE, f"line {lineno}: {error.split(': ', 1)[-1]}")
        else:
            art = record_article(record, "jsonl", rsrc)
            if len(raw) > LARGE_BYTES:
                flag(art, Code.W_LARGE, f"line {lineno}: {len(raw)} bytes")
        yield _with_issues(art, dec)
    if n < 0:
        art = Article("", source={**src, "format": "jsonl", "bytes": 0})
        flag(art, Code.E_EMPTY, "no records")
        yield art
