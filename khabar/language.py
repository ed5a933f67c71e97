"""Pipeline stage: which language the article body is in.

Cheap script statistics come first: the share of Arabic-script letters among all letters
and the share of tokens that are common Arabic function words (`function_words.yaml`),
which tells Arabic from Persian or Urdu. Only when that is not conclusive, or to name a
language that is not Arabic, is langdetect asked (seeded, so runs are deterministic).
An Arabic article therefore costs a few byte counts and one split of at most
`SAMPLE_CHARS` characters.

Sets `article.language = {"code", "confidence", "arabic_ratio", "method"}` and flags a
non-Arabic article `language.not_arabic` (it is still processed).
"""
from __future__ import annotations

from khabar.document import Article
from khabar.normalize import fold
from khabar.resources import load

SAMPLE_CHARS = 1500
TOKEN_SAMPLE_CHARS = 1000
# conclusive Arabic: most letters Arabic script and enough Arabic function words
MIN_ARABIC_RATIO = 0.5
MIN_FUNCTION_SHARE = 0.04
# too few tokens to count function words: script alone decides, with less confidence
MIN_TOKENS = 5
SHORT_TEXT_RATIO = 0.8
SHORT_TEXT_CONFIDENCE = 0.6

# Counted on the UTF-8 bytes, where C-level byte counts replace a per-character loop: every
# character of U+0600-U+06FF (the Arabic block) starts with one of these lead bytes, every
# other non-ASCII character with another lead byte.
_ARABIC_LEADS = (b"\xd8", b"\xd9", b"\xda", b"\xdb")
_ASCII_LETTERS = bytes(range(0x41, 0x5B)) + bytes(range(0x61, 0x7B))
_ALL_LEADS = bytes(range(0xC2, 0xF5))


def _spellings(word: str) -> set[str]:
    """A function word as written, folded, and folded with a final alef maqsura, so the
    token test is a set lookup on the raw text with no folding of the article."""
    f = fold(word)
    return {word, f, f[:-1] + "ى" if f.endswith("ي") else f}


FUNCTION_WORDS: frozenset[str] = frozenset(
    s for w in load("function_words")["words"] for s in _spellings(w))


def sample_text(article: Article) -> str:
    """The body (spans of layer `body`), or the whole text if there are none, cut short."""
    body = article.spans("body")
    if not body:
        return article.text[:SAMPLE_CHARS]
    parts: list[str] = []
    size = 0
    for span in body:
        parts.append(article.text[span.start:min(span.end, span.start + SAMPLE_CHARS - size)])
        size += len(parts[-1])
        if size >= SAMPLE_CHARS:
            break
    return "\n".join(parts)


def script_stats(text: str) -> tuple[float, float, int, int]:
    """(Arabic-block share of letters and non-ASCII characters, function-word share of
    tokens, letters counted, tokens counted)."""
    raw = text.encode("utf-8", "surrogatepass")
    arabic = sum(raw.count(lead) for lead in _ARABIC_LEADS)
    letters = (2 * len(raw) - len(raw.translate(None, _ASCII_LETTERS))
               - len(raw.translate(None, _ALL_LEADS)))
    if not letters:
        return 0.0, 0.0, 0, 0
    # function words are frequent: the first few hundred characters hold enough of them
    tokens = text[:TOKEN_SAMPLE_CHARS].split() if arabic else []
    hits = sum(map(FUNCTION_WORDS.__contains__, tokens))
    return arabic / letters, (hits / len(tokens) if tokens else 0.0), letters, len(tokens)


def identify(text: str) -> dict[str, object]:
    """The language of `text`: code (ISO 639-1, "und" if unknown), confidence, Arabic
    letter share, and the method that decided ("script" or "langdetect")."""
    ratio, fw_share, letters, tokens = script_stats(text)
    result: dict[str, object] = {"code": "und", "confidence": 0.0,
                                 "arabic_ratio": round(ratio, 3), "method": "script"}
    if not letters:
        return result
    if tokens < MIN_TOKENS and ratio >= SHORT_TEXT_RATIO:
        result.update(code="ar", confidence=SHORT_TEXT_CONFIDENCE)
        return result
    if ratio >= MIN_ARABIC_RATIO and fw_share >= MIN_FUNCTION_SHARE:
        conf = min(1.0, ratio * (0.8 + fw_share * 2))
        result.update(code="ar", confidence=round(conf, 3))
        return result
    code, prob = _langdetect(text)
    if code is None:
        # langdetect found no features; the script still says something
        if ratio >= MIN_ARABIC_RATIO:
            result.update(code="ar", confidence=round(ratio * 0.5, 3))
        return result
    result.update(code=code, confidence=round(prob, 3), method="langdetect")
    return result


def annotate(article: Article) -> None:
    article.language = identify(sample_text(article))
    code = article.language["code"]
    if code == "und":
        article.flag("language.undetermined", "no language could be identified in the body")
    elif code != "ar":
        article.flag("language.not_arabic",
                     f"body language is {code} (confidence {article.language['confidence']}, "
                     f"Arabic letters {article.language['arabic_ratio']})")


def _langdetect(text: str) -> tuple[str | None, float]:
    """(code, probability) from langdetect, seeded; (None, 0) when it finds no features."""
    from langdetect import DetectorFactory
    from langdetect.lang_detect_exception import LangDetectException

    from khabar.langdetect_prep import detect_langs  # the library's, its text prepared faster

    DetectorFactory.seed = 0  # set on every call: another module may have changed it
    try:
        best = detect_langs(text)[0]
    except (LangDetectException, IndexError):
        return None, 0.0
    return best.lang, float(best.prob)
