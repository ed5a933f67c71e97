"""The readers: every bad input of the issue, a batch that never stops, names and sources."""
from __future__ import annotations

import gzip
import io
import json
import os
import random
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from khabar import language
from khabar.errors import exit_status, reason_line
from khabar.ingest import read_bytes, read_path, read_stdin, sources

from ingest_samples import ARABIC, ENGLISH, TITLE

SOURCE_KEYS = {"path", "format", "encoding", "record", "bytes", "name"}

# file name -> (bytes, expected issue codes); together they are one batch
BAD_INPUTS: dict[str, tuple[bytes, list[str]]] = {
    "empty.txt": (b"", ["E_EMPTY"]),
    "whitespace.txt": (b" \n\t\r\n  ", ["E_EMPTY"]),
    "junk.txt": (random.Random(3).randbytes(8192), ["E_BINARY"]),
    "truncated.txt": ((ARABIC + " ب").encode()[:-1], ["W_TRUNCATED"]),
    "mixed.txt": (ARABIC.encode() + b"\n" + ARABIC.encode("cp1256"), ["W_MIXED_ENCODING"]),
    "no-article.html": (b"<html><head><title>Login</title></head><body><form>"
                        b"<input name='u'></form><a href='/'>home</a></body></html>",
                        ["E_NO_ARTICLE"]),
    "no-text.json": (json.dumps({"title": TITLE, "date": "2024-01-01"}).encode(),
                     ["E_NO_TEXT"]),
    "broken.json": (b'{"text": "', ["E_PARSE"]),
    "english.txt": (ENGLISH.encode(), []),
    "good-cp1256.txt": (ARABIC.encode("cp1256"), []),
    "good-utf16.txt": (ARABIC.encode("utf-16"), []),
    "good-bom.txt": (ARABIC.encode("utf-8-sig"), []),
}


@pytest.fixture
def batch_dir(tmp_path):
    for name, (data, _) in BAD_INPUTS.items():
        (tmp_path / name).write_bytes(data)
    (tmp_path / "notes.md").write_text("not an input")  # not an article ending: skipped
    (tmp_path / ".hidden.txt").write_text(ARABIC)
    return tmp_path


def test_a_bad_file_never_stops_the_batch(batch_dir):
    arts = list(read_path(batch_dir))
    assert [a.source["name"] for a in arts] == sorted(n.rsplit(".", 1)[0] for n in BAD_INPUTS)
    for art in arts:
        name = os.path.basename(art.source["path"])
        assert [i.code for i in art.issues] == BAD_INPUTS[name][1], name
        assert set(art.source) == SOURCE_KEYS
    assert exit_status(arts) == 1
    lines = [reason_line(a) for a in arts if a.failed]
    assert all(line and "\n" not in line and ": E_" in line for line in lines)
    assert exit_status(a for a in arts if not a.failed) == 0


@pytest.mark.parametrize("name", ["good-cp1256.txt", "good-utf16.txt", "good-bom.txt",
                                  "truncated.txt"])
def test_good_and_repaired_texts(batch_dir, name):
    art = next(read_path(batch_dir / name))
    assert art.text.startswith(ARABIC[:40]) and not art.failed


def test_non_arabic_article_is_flagged_and_still_processed(batch_dir):
    art = next(read_path(batch_dir / "english.txt"))
    assert art.text == ENGLISH
    language.annotate(art)
    assert art.language["code"] == "en"
    assert [i.code for i in art.issues] == ["language.not_arabic"]
    assert not art.failed


def test_fifty_megabytes(tmp_path):
    path = tmp_path / "big.txt"
    line = (ARABIC + "\n").encode()
    copies = 50 * 1024 * 1024 // len(line) + 1
    with open(path, "wb") as fh:
        fh.write(line * copies)
    start = time.perf_counter()
    art = next(read_path(path))
    seconds = time.perf_counter() - start
    assert [i.code for i in art.issues] == ["W_LARGE"]
    assert len(art.text) == (len(ARABIC) + 1) * copies
    assert art.source["bytes"] == len(line) * copies
    assert seconds < 20, f"{seconds:.1f}s for 50 MB"
    over = next(read_path(path, max_bytes=10 * 1024 * 1024))
    assert [i.code for i in over.issues] == ["E_TOO_LARGE"] and over.text == ""


def test_hard_cap_applies_to_stdin_and_bytes():
    data = (ARABIC * 20).encode()
    assert next(read_stdin(io.BytesIO(data), max_bytes=1000)).issues[0].code == "E_TOO_LARGE"
    assert next(read_bytes(data, "x.txt", max_bytes=1000)).issues[0].code == "E_TOO_LARGE"


def test_unreadable_paths(tmp_path):
    missing = next(read_path(tmp_path / "missing.txt"))
    assert missing.issues[0].code == "E_READ" and missing.source["name"] == "missing"
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "nowhere")
    (tmp_path / "ok.txt").write_text(ARABIC, encoding="utf-8")
    arts = list(read_path(tmp_path))
    assert [(a.source["name"], a.failed) for a in arts] == [("dangling", True), ("ok", False)]
    assert arts[0].issues[0].code == "E_READ"


def test_single_record_source():
    art = next(read_bytes(ARABIC.encode("cp1256"), "input/NAME.txt"))
    assert art.source == {"path": "input/NAME.txt", "format": "txt", "encoding": "cp1256",
                          "record": None, "bytes": len(ARABIC.encode("cp1256")),
                          "name": "NAME"}
    assert art.given == {}


@pytest.mark.parametrize("stream", [
    lambda: io.BytesIO(ARABIC.encode("cp1256")),
    lambda: io.TextIOWrapper(io.BytesIO(ARABIC.encode()), encoding="utf-8"),
    lambda: io.StringIO(ARABIC),
])
def test_stdin_text(stream):
    art = next(read_stdin(stream()))
    assert art.text == ARABIC and art.source["name"] == "stdin"


def test_stdin_formats():
    rec = json.dumps({"title": TITLE, "text": ARABIC}) + "\n"
    arts = list(read_stdin(io.BytesIO(rec.encode() * 2), fmt="jsonl"))
    assert [a.source["name"] for a in arts] == ["stdin-000001", "stdin-000002"]
    sniffed = next(read_stdin(io.BytesIO(rec.encode())))
    assert sniffed.source["format"] == "json" and sniffed.given["title"] == TITLE


def test_gzipped_jsonl_is_streamed(tmp_path):
    path = tmp_path / "corpus.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        for i in range(3):
            fh.write(json.dumps({"id": i, "text": ARABIC}) + "\n")
    arts = list(read_path(path))
    assert [a.source["name"] for a in arts] == ["corpus-000001", "corpus-000002",
                                                "corpus-000003"]
    assert [a.given["article_id"] for a in arts] == ["0", "1", "2"]


@pytest.mark.parametrize("name", ["bad.txt.gz", "bad.jsonl.gz"])
def test_corrupt_gzip_is_a_decode_error(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(gzip.compress(ARABIC.encode())[:30])
    art = list(read_path(path))[-1]
    assert art.failed and art.issues[0].code == "E_DECODE"
    assert next(read_bytes(path.read_bytes(), name)).issues[0].code == "E_DECODE"


@pytest.mark.parametrize("name, fmt", [("a.TXT", "txt"), ("a.htm", "html"),
                                       ("a.ndjson", "jsonl"), ("a.jsonl.gz", "jsonl"),
                                       ("a.tsv", "csv"), ("a.dat", None)])
def test_format_by_name(name, fmt):
    assert sources.format_of(name)[0] == fmt


@pytest.mark.parametrize("text, fmt", [
    ("<!DOCTYPE html><html><body><p>نص</p></body></html>", "html"),
    ('  {"text": "نص"}', "json"), ("[1, 2]", "json"), (ARABIC, "txt"),
    ("<نص بين علامتين>", "txt"),
])
def test_sniff_format(text, fmt):
    assert sources.sniff_format(text) == fmt


def test_corpus_reads_clean(shared_dir):
    """Every real input of the shared corpus decodes without an issue."""
    arts = list(read_path(shared_dir / "data" / "corpus"))
    assert len(arts) > 200
    assert [a.source["name"] for a in arts if a.issues] == []


@settings(max_examples=120, deadline=None)
@given(data=st.one_of(st.binary(max_size=600),
                      st.text(max_size=300).map(lambda t: t.encode("utf-8", "surrogatepass"))),
       name=st.sampled_from(["a.txt", "a.html", "a.json", "a.jsonl", "a.csv", "a.tsv", "a",
                             "a.json.gz"]))
def test_any_bytes_in_any_format_give_articles_not_exceptions(data, name):
    arts = list(read_bytes(data, name))
    assert arts
    for art in arts:
        assert set(art.source) == SOURCE_KEYS
        assert isinstance(art.text, str)
