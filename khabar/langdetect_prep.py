"""langdetect's detector with its text preparation done on whole strings.

langdetect (1.0.9) spends most of a call preparing the text one character at a time in
Python: `append` (collapse runs of spaces), `cleaning_text` (drop Latin letters from a
mostly non-Latin text) and `_extract_ngrams` (normalize each character, then the 1-, 2-
and 3-grams of each word that its profiles know). `Detector` here does the same with
regular expressions, `str.translate` and a loop per word, and gives the library's own
trial loop (`_detect_block`, seeded) exactly the n-grams, in the same order, that the
library would: the probabilities are those of `langdetect.detect_langs`, bit for bit
(tests/test_language.py compares both on many texts). A text with upper-case letters
(where langdetect skips the n-grams of capitalised words) goes through the library's own
n-gram loop.
"""
from __future__ import annotations

import re
from itertools import chain
from operator import add

from langdetect import detector_factory
from langdetect.detector import Detector as _LibraryDetector
from langdetect.lang_detect_exception import ErrorCode, LangDetectException
from langdetect.language import Language
from langdetect.utils.ngram import NGram

_SPACES = re.compile(" {2,}")
# what `Detector.cleaning_text` counts: Latin letters ('A' to 'z', as it compares), and
# characters from U+0300 up outside Latin Extended Additional (U+1E00-U+1EFF)
_LATIN = re.compile("[A-z]")
_NON_LATIN = re.compile("[\u0300-\u1dff\u1f00-\U0010ffff]")
# each character as `NGram.normalize` gives it, filled as characters are met
_NORMALIZED: dict[int, str] = {}


def _normalized(text: str) -> str:
    table = _NORMALIZED
    for ch in set(text):
        if ord(ch) not in table:
            table[ord(ch)] = NGram.normalize(ch)
    return text.translate(table)


class Detector(_LibraryDetector):
    def append(self, text: str) -> None:
        text = self.URL_RE.sub(" ", text)
        text = self.MAIL_RE.sub(" ", text)
        text = NGram.normalize_vi(text)
        # the library keeps a space only after a character that is no space
        self.text += _SPACES.sub(" ", text[:self.max_text_length])

    def cleaning_text(self) -> None:
        text = self.text
        latin = len(_LATIN.findall(text))
        # with no Latin letter there is nothing to drop
        if latin and latin * 2 < len(_NON_LATIN.findall(text)):
            self.text = _LATIN.sub("", text)

    def _extract_ngrams(self) -> list[str]:
        known = self.word_lang_prob_map
        text = _normalized(self.text)
        if any(ch.isupper() for ch in set(text)) or not _plain_profiles(known):
            return super()._extract_ngrams()
        # The library's buffer starts as a space, takes each normalized character, keeps
        # the last three and starts again after a space; it emits, per character, the
        # buffer's last 1, 2 and 3 characters that are no lone space. On the text with a
        # space before it and each run of spaces made one (a second space only empties
        # the buffer), that is, at each position i from 1: the character (but a space),
        # the two ending at i, and the three ending at i where i - 1 is no space (else
        # the buffer holds two). The profiles hold no lone space and no 3-gram with a
        # space in its middle (`_plain_profiles`), so the n-grams not emitted need no
        # masking: those the profiles know, in that order, are the library's list.
        s = _SPACES.sub(" ", " " + text)
        ones = s[1:]
        twos = map(add, s[:-1], ones)
        threes = chain(("",), map(add, map(add, s[:-2], s[1:-1]), s[2:]))
        return list(filter(known.__contains__, chain.from_iterable(zip(ones, twos, threes))))


    # the trial loop's two steps, as the library computes them (the same operations on
    # the same floats in the same order), by list comprehensions instead of index loops
    def _update_lang_prob(self, prob: list[float], word: str, alpha: float) -> bool:
        if word is None or word not in self.word_lang_prob_map:
            return False
        weight = alpha / self.BASE_FREQ
        prob[:] = [p * (weight + q) for p, q in zip(prob, self.word_lang_prob_map[word])]
        return True

    def _normalize_prob(self, prob: list[float]) -> float:
        sump = sum(prob)
        prob[:] = [p / sump for p in prob]
        # the library's running maximum starts at 0.0 and moves on `maxp < p`: as max()
        return max(0.0, *prob)


_PLAIN: dict[int, bool] = {}


def _plain_profiles(known: dict) -> bool:
    """The profiles hold no lone space and no 3-gram with a space in its middle (the
    n-grams langdetect's buffer never emits), checked once per table."""
    got = _PLAIN.get(id(known))
    if got is None:
        got = _PLAIN[id(known)] = " " not in known and not any(
            len(g) == 3 and g[1] == " " for g in known)
    return got


def detect_langs(text: str) -> list[Language]:
    """`langdetect.detect_langs`, with this module's `Detector`."""
    detector_factory.init_factory()
    factory = detector_factory._factory
    if not factory.langlist:
        raise LangDetectException(ErrorCode.NeedLoadProfileError, "Need to load profiles.")
    detector = Detector(factory)
    detector.append(text)
    return detector.get_probabilities()
