"""Bytes to text: every encoding Arabic sites use, repairs, junk, and the text form."""
from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from khabar.ingest import decode as decode_mod
from khabar.ingest.decode import clean_text, decode, incomplete_tail

from ingest_samples import ARABIC


def codes(d) -> list[str]:
    return [c.value for c, _ in d.issues]


@pytest.mark.parametrize("encoding, label", [
    ("utf-8", "utf-8"),
    ("utf-8-sig", "utf-8-sig"),
    ("utf-16", "utf-16"),          # with BOM
    ("utf-16-le", "utf_16_le"),    # without BOM: only the detector can tell
    ("utf-16-be", "utf_16_be"),
    ("utf-32", "utf-32"),
    ("cp1256", "cp1256"),
    ("iso8859_6", "iso8859_6"),
])
def test_encodings_arabic_sites_use(encoding, label):
    d = decode(ARABIC.encode(encoding))
    assert d.text == ARABIC
    assert d.encoding == label
    assert d.issues == []


@pytest.mark.parametrize("raw, text", [
    ("سطر\r\nسطر", "سطر\nسطر"),
    ("سطر\rسطر", "سطر\nسطر"),
    ("\ufeffنص", "نص"),
    # NFC composes alef + madda above; presentation forms (lam-alef ligature) stay
    ("\u0627\u0653خر", "\u0622خر"),
    ("\ufefbحظ", "\ufefbحظ"),
])
def test_text_form(raw, text):
    assert decode(raw.encode("utf-8")).text == text
    assert clean_text(raw) == text


# 2-, 3- and 4-byte characters, cut by every number of bytes that leaves a broken tail
@pytest.mark.parametrize("char, cut", [("ب", 1), ("€", 1), ("€", 2), ("😀", 1), ("😀", 2),
                                       ("😀", 3)])
def test_truncated_utf8_tail_is_repaired_and_flagged(char, cut):
    d = decode((ARABIC + " " + char).encode("utf-8")[:-cut])
    assert d.text == ARABIC + " "
    assert codes(d) == ["W_TRUNCATED"]


@pytest.mark.parametrize("data, n", [
    (b"abc", 0), ("نص".encode(), 0), ("نص".encode()[:-1], 1),
    ("€".encode()[:-1], 2), ("€".encode()[:-2], 1), ("😀".encode()[:-1], 3), (b"", 0),
])
def test_incomplete_tail(data, n):
    assert incomplete_tail(data) == n


@pytest.mark.parametrize("order", ["utf8-first", "legacy-first"])
@pytest.mark.parametrize("legacy", ["cp1256", "iso8859_6"])
def test_mixed_encodings_are_decoded_part_by_part(order, legacy):
    a, b = ARABIC.encode("utf-8"), ARABIC.encode(legacy)
    data = a + b"\n" + b if order == "utf8-first" else b + b"\n" + a
    d = decode(data)
    assert d.text == ARABIC + "\n" + ARABIC
    assert "W_MIXED_ENCODING" in codes(d)
    assert d.encoding.startswith("utf-8+")
    assert not d.failed


def test_a_stray_byte_is_replaced_not_taken_for_another_encoding():
    raw = ARABIC.encode("utf-8")
    d = decode(raw[:40] + b"\xff" + raw[40:])
    assert codes(d) == ["W_REPLACED"]
    assert d.text.count("\ufffd") == 1


@pytest.mark.parametrize("data", [
    random.Random(7).randbytes(4096),
    b"\x00" * 500,
    b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8,
])
def test_binary_junk(data):
    d = decode(data)
    assert codes(d) == ["E_BINARY"]
    assert d.text == "" and d.failed


def test_empty():
    assert codes(decode(b"")) == ["E_EMPTY"]


def test_declared_charset_is_used_when_utf8_fails():
    d = decode(ARABIC.encode("cp1256"), declared="windows-1256")
    assert (d.text, d.encoding) == (ARABIC, "cp1256")


def test_weak_declaration_does_not_override_detection():
    # a legacy Arabic page wrongly labelled Latin-1 (every byte is valid Latin-1)
    d = decode(ARABIC.encode("cp1256"), declared="iso-8859-1")
    assert d.text == ARABIC


def test_utf8_never_reaches_the_charset_detector(monkeypatch):
    def boom(*a, **k):
        raise AssertionError("charset detection ran on valid UTF-8")
    monkeypatch.setattr(decode_mod, "from_bytes", boom)
    assert decode(ARABIC.encode("utf-8")).text == ARABIC
    assert decode(ARABIC.encode("utf-8-sig")).text == ARABIC


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2000))
def test_decode_never_raises(data):
    d = decode(data)
    assert isinstance(d.text, str)
    assert "\r" not in d.text


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs")), max_size=300))
def test_utf8_text_round_trips_in_clean_form(text):
    d = decode(text.encode("utf-8"))
    if not text.strip("\ufeff"):
        return
    assert d.text == clean_text(text)


def test_large_utf8_decodes_fast():
    import time
    data = (ARABIC + "\n").encode("utf-8") * 20000  # about 5 MB
    start = time.perf_counter()
    d = decode(data)
    rate = len(data) / (time.perf_counter() - start) / 1e6
    assert len(d.text) == (len(ARABIC) + 1) * 20000
    # generous floor: a shared CI core still does hundreds of MB/s of plain UTF-8 decoding
    assert rate > 20, f"{rate:.1f} MB/s"


# every Arabic letter cp1256 has; most of them are bytes 0xC1-0xFE, which read as UTF-8
# lead bytes when they close the file
_CP1256_LETTERS = "ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىي"
_cp1256_words = st.text(alphabet=_CP1256_LETTERS, min_size=2, max_size=9)


@pytest.mark.parametrize("last", ["ي", "ى", "ه", "ن", "م", "ل", "ك", "ب", "ة", "و"])
def test_cp1256_without_final_newline_keeps_its_last_letter(last):
    text = ARABIC.rstrip("\n") + " وأخير" + last
    d = decode(text.encode("cp1256"))
    assert d.text == text
    assert "W_TRUNCATED" not in codes(d)


@settings(max_examples=200, deadline=None)
@given(st.lists(_cp1256_words, min_size=1, max_size=12), st.sampled_from(["", "\n", ".", " "]))
def test_arabic_in_cp1256_decodes_back_whole(words, end):
    text = ARABIC.rstrip("\n") + " " + " ".join(words) + end
    d = decode(text.encode("cp1256"))
    assert d.text == clean_text(text)
    assert "W_TRUNCATED" not in codes(d)
