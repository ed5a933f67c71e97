"""Bytes to text: BOMs, UTF-8 first, charset detection (charset-normalizer) only when that
fails, repair of a truncated UTF-8 tail and of files that mix UTF-8 with a legacy encoding,
and a binary-junk test. Never raises on content: problems come back as issue codes.

The returned text is NFC (presentation forms are untouched: NFC keeps them), with `\\r\\n`
and lone `\\r` turned into `\\n` and a leading BOM removed; nothing downstream changes it.
"""
from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass, field

from charset_normalizer import from_bytes

from khabar.errors import Code
from khabar.ingest.fields import PREFERRED_CODECS, WEAK_DECLARED, codec_name

# checked longest first: the UTF-32-LE BOM starts with the UTF-16-LE one
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# C0/C1 controls other than whitespace, and U+FFFD: plain text almost never holds them
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufffd]")
_CONTROL_BYTES = bytes([*range(0, 9), 11, *range(14, 32), 127])
_BINARY_SHARE = 0.02
_SAMPLE = 1 << 16
_DETECT_SAMPLE = 1 << 18

# characters a genuine UTF-8 part of an Arabic page is made of: Arabic script, general
# punctuation, guillemets and NBSP. A legacy file decodes to such characters only by chance.
_PLAUSIBLE = ("\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\u2000-\u206f\u00ab\u00bb\u00a0"
              "\ufb50-\ufdff\ufe70-\ufeff")
# the lead bytes of U+0600-U+06FF in UTF-8: Arabic letters of a genuine UTF-8 part
_ARABIC_LEADS = (b"\xd8", b"\xd9", b"\xda", b"\xdb")
# a stretch without such characters: where it holds invalid (surrogate-escaped) bytes it is
# a legacy-encoded part, including byte pairs that happen to form valid UTF-8 (cp1256
# "letter + Arabic comma" is a valid two-byte sequence) and ASCII, the same in both
_STRETCH = re.compile(f"[^{_PLAUSIBLE}]+")
_ESCAPED = re.compile("[\udc80-\udcff]")
_MIXED_MIN_CHARS = 16
_STRAY_MAX = 3
_MIXED_MIN_SHARE = 0.1

_NEWLINES = re.compile("\r\n?")


@dataclass(slots=True)
class Decoded:
    """Decoded text, the encoding used (e.g. "utf-8", "cp1256", "utf-8+cp1256") and the
    problems met, as (code, detail) pairs."""

    text: str
    encoding: str | None
    issues: list[tuple[Code, str | None]] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return any(c.severity == "error" for c, _ in self.issues)


def clean_text(text: str) -> str:
    """The text form every input ends in: no leading BOM, `\\n` line ends, NFC."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = _NEWLINES.sub("\n", text)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text


def control_share(text: str) -> float:
    """Share of control characters in the first 64K characters of `text`."""
    sample = text[:_SAMPLE]
    if not sample or _CONTROL.search(sample) is None:
        return 0.0
    return len(_CONTROL.findall(sample)) / len(sample)


def looks_binary(text: str) -> bool:
    return control_share(text) > _BINARY_SHARE


def detect(data: bytes) -> str | None:
    """The codec charset-normalizer finds for `data`, or None. Among candidates it scores
    equally (common for short texts) the one listed first in `preferred` wins."""
    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        return None
    tied = [m for m in matches
            if m.chaos <= best.chaos + 0.01 and m.coherence >= best.coherence - 0.01]
    rank = {name: i for i, name in enumerate(PREFERRED_CODECS)}
    tied.sort(key=lambda m: rank.get(codec_name(m.encoding) or "", len(rank)))
    return tied[0].encoding if tied else best.encoding


def incomplete_tail(data: bytes) -> int:
    """How many bytes at the end of `data` start a UTF-8 character that never ends (0-3)."""
    for back in range(1, min(4, len(data)) + 1):
        b = data[-back]
        if b & 0xC0 == 0x80:  # continuation byte: keep looking for the lead
            continue
        need = 2 if b & 0xE0 == 0xC0 else 3 if b & 0xF0 == 0xE0 else 4 if b & 0xF8 == 0xF0 else 1
        return back if need > back else 0
    return 0


def decode(data: bytes, declared: str | None = None) -> Decoded:
    """Decode `data`; `declared` is an encoding the container names (an HTML meta charset),
    trusted after a BOM and UTF-8 unless it is one of the often-wrong `weak_declared`."""
    if not data:
        return Decoded("", None, [(Code.E_EMPTY, None)])
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return _finish(_decode_bom(data, bom, enc))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return _finish(_decode_non_utf8(data, declared))
    if not _raw_binary(data):
        return _finish(Decoded(text, "utf-8"), checked=True)
    # NULs and low controls are valid UTF-8: a BOM-less UTF-16 file lands here
    return _finish(_decode_detected(data, []))


def _finish(d: Decoded, checked: bool = False) -> Decoded:
    if d.failed:
        d.text = clean_text(d.text)
        return d
    if not checked and looks_binary(d.text):
        return Decoded("", d.encoding, [(Code.E_BINARY, f"decoded as {d.encoding}")])
    d.text = clean_text(d.text)
    return d


def _decode_bom(data: bytes, bom: bytes, enc: str) -> Decoded:
    if enc == "utf-8-sig":
        d = _decode_utf8_damaged(data[len(bom):])
        d.encoding = "utf-8-sig" if d.encoding == "utf-8" else d.encoding
        return d
    unit = 4 if enc == "utf-32" else 2
    cut = len(data) % unit
    issues: list[tuple[Code, str | None]] = []
    if cut:
        data = data[:-cut]
        issues.append((Code.W_TRUNCATED, f"{enc} input cut inside a code unit"))
    try:
        return Decoded(data.decode(enc), enc, issues)
    except UnicodeDecodeError as err:
        issues.append((Code.W_REPLACED, f"{enc}: {err.reason}"))
        return Decoded(data.decode(enc, "replace"), enc, issues)


def _decode_non_utf8(data: bytes, declared: str | None) -> Decoded:
    name = codec_name(declared) if declared else None
    if name and name not in WEAK_DECLARED and name != "utf-8":
        try:
            return Decoded(data.decode(name), name)
        except UnicodeDecodeError:
            pass
    return _decode_utf8_damaged(data)


def _decode_utf8_damaged(data: bytes) -> Decoded:
    """UTF-8 that does not decode as a whole: a cut tail, a mix, or another encoding."""
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    issues: list[tuple[Code, str | None]] = []
    cut = incomplete_tail(data)
    if cut:
        # the tail is a cut UTF-8 character only if everything before it is UTF-8: in a
        # legacy file the last byte may look like a lead byte (cp1256 «ي» is 0xED) and
        # is a whole character to keep
        try:
            text = data[:-cut].decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            issues.append((Code.W_TRUNCATED, f"{cut} byte(s) of a UTF-8 character at the end"))
            return Decoded(text, "utf-8", issues)
    # counted with C-level passes over the bytes, not per character: a large legacy file
    # must not cost a Python object per invalid byte
    valid = data.decode("utf-8", "ignore").encode("utf-8")
    invalid = len(data) - len(valid)
    plausible = sum(valid.count(lead) for lead in _ARABIC_LEADS)
    if invalid <= _STRAY_MAX and plausible >= _MIXED_MIN_CHARS:
        # a few stray bytes in good UTF-8 are damage, not another encoding
        issues.append((Code.W_REPLACED, f"{invalid} invalid byte(s)"))
        return Decoded(data.decode("utf-8", "replace"), "utf-8", issues)
    if plausible >= _MIXED_MIN_CHARS and plausible >= _MIXED_MIN_SHARE * invalid:
        escaped = data.decode("utf-8", "surrogateescape")
        runs = [m for m in _STRETCH.finditer(escaped) if _ESCAPED.search(m.group())]
        return _decode_mixed(escaped, runs, issues)
    return _decode_detected(data, issues)


def _decode_detected(data: bytes, issues: list[tuple[Code, str | None]]) -> Decoded:
    # the detector decodes its input once per candidate codec: a large file is judged on
    # its start (an even length, so UTF-16 code units stay whole) and decoded in full after
    enc = detect(data[:_DETECT_SAMPLE] if len(data) > _DETECT_SAMPLE else data)
    if enc is not None and len(data) > _DETECT_SAMPLE:
        try:
            return Decoded(data.decode(enc), enc, issues)
        except UnicodeDecodeError:
            enc = detect(data)
    if enc is None:
        if _raw_binary(data):  # repairs do not matter for junk
            return Decoded("", None, [(Code.E_BINARY, "no encoding fits")])
        return Decoded("", None, issues + [(Code.E_DECODE, "no encoding fits")])
    try:
        return Decoded(data.decode(enc), enc, issues)
    except UnicodeDecodeError as err:  # the detector saw only samples of the data
        issues.append((Code.W_REPLACED, f"{enc}: {err.reason}"))
        return Decoded(data.decode(enc, "replace"), enc, issues)


def _decode_mixed(escaped: str, runs: list[re.Match], issues: list) -> Decoded:
    """Keep the valid UTF-8, decode the invalid runs with the codec detected on all of them
    together (more bytes, a surer guess)."""
    legacy = b"\n".join(m.group().encode("utf-8", "surrogateescape") for m in runs)
    enc = detect(legacy)
    errors = "strict"
    if enc is None:
        enc, errors = "utf-8", "replace"
        issues.append((Code.W_REPLACED, "no encoding fits the non-UTF-8 parts"))
    out: list[str] = []
    pos = 0
    for m in runs:
        out.append(escaped[pos:m.start()])
        raw = m.group().encode("utf-8", "surrogateescape")
        try:
            out.append(raw.decode(enc, errors))
        except UnicodeDecodeError:
            issues.append((Code.W_REPLACED, f"bytes not valid in {enc}"))
            out.append(raw.decode(enc, "replace"))
        pos = m.end()
    out.append(escaped[pos:])
    label = f"utf-8+{enc}" if errors == "strict" else "utf-8"
    issues.append((Code.W_MIXED_ENCODING, f"{len(runs)} stretch(es) decoded as {enc}"))
    return Decoded("".join(out), label, issues)


def _raw_binary(data: bytes) -> bool:
    """The control-byte test on raw bytes (one C-level pass): in UTF-8 and in the legacy
    single-byte encodings these bytes are the same C0 controls."""
    sample = data[:_SAMPLE]
    ctrl = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return ctrl / len(sample) > _BINARY_SHARE
