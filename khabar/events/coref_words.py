"""The words that tie a later mention of an event to an earlier one, or keep it apart
(resources/ar/event_coreference.yaml), shared by `merge` and `coref`."""
from __future__ import annotations

from functools import lru_cache

from khabar.events import lexicon as L
from khabar.normalize import fold
from khabar.resources import load

_WORDS = load("event_coreference")
DEFINITE = frozenset(L._f(p) for p in _WORDS["definite_prefixes"])
ANAPHORIC_TIMES = L._set(_WORDS["anaphoric_times"])
SPAN_CUES = L._set(_WORDS["span_cues"])
RENEWAL_CUES = L._set(_WORDS["renewal_cues"])
BOMBARDMENT = frozenset(_WORDS["bombardment_modes"])
CAUSE_WORDS = L._set(_WORDS["cause_words"])


def sentence_words(ev: dict) -> frozenset[str]:
    """The folded words of the sentence an event is told in, each also without the
    conjunction glued in front («ومنذ» gives «منذ» too). `coref.join` sets them from the
    stage's own word lists; otherwise they are read here."""
    got = ev.get(WORDS_KEY)
    return got if got is not None else _words(ev["sentence"]["text"])


# where `coref.join` keeps an event's sentence words while it runs (removed after)
WORDS_KEY = "_sentence_words"


def word_set(words) -> frozenset[str]:
    """Folded words, and each without a glued conjunction."""
    return frozenset(words).union(w[1:] for w in words if w[:1] in L.GLUED_CONJ)


@lru_cache(maxsize=1024)
def _words(text: str) -> frozenset[str]:
    return word_set(L.WORD.findall(fold(text)))


def says(ev: dict, cues: frozenset[str]) -> bool:
    """Whether the sentence of an event holds one of `cues`, a conjunction glued or not."""
    return not sentence_words(ev).isdisjoint(cues)


def tells_span(ev: dict) -> bool:
    """A sentence that tells a span of time or a campaign («منذ بدء الحرب استشهد …»,
    «الغارات المتواصلة»): its count is a total, never one strike's toll."""
    return says(ev, SPAN_CUES)


def mode_class(ev: dict) -> str | None:
    """An event's mode, the modes one strike is retold in taken as one."""
    mode = ev.get("mode")
    return "bombardment" if mode in BOMBARDMENT else mode


def modes_agree(a: dict, b: dict) -> bool:
    """No mode against another: a shooting is not the air raid told before it."""
    ma, mb = mode_class(a), mode_class(b)
    return not (ma and mb and ma != mb)
