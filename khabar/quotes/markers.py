"""What introduces a statement's content after its cue: a complementizer (أن/إن), a colon,
a quotation, a preposition the verb takes («أشار إلى»), or a word of manner («بالقول»)."""
from __future__ import annotations

from khabar.normalize import fold
from khabar.quotes.lexicon import LEX, CueForm
from khabar.quotes.morph import COMPLEMENTIZER
from khabar.quotes.sentence import Sentence, at_stop, preposition
from khabar.resources import load

_WHAT = frozenset(fold(w) for w in load("quote_grammar")["what_clauses"])
SERIAL_SPEECH = frozenset(fold(w) for w in load("quote_grammar")["serial_speech_verbs"])


def marker(s: Sentence, k: int, form: CueForm, first: bool,
           quote_ok: bool = True) -> tuple[str, int] | None:
    """The kind of content marker at k and where the content starts, or None.

    `first`: nothing but commas and asides stand between the subject and k, so a
    preposition the verb takes counts; `quote_ok`: a quotation here is the content.
    """
    if k >= len(s.words):
        return None
    w = s.words[k]
    if (w in LEX.manner_markers or first and w in SERIAL_SPEECH) and k + 1 < len(s.words):
        nxt = marker(s, k + 1, form, True)
        return ("manner", nxt[1] if nxt is not None else k + 1)
    if w in LEX.complementizers:
        return "comp", k + 1
    if w == ":":
        if k + 1 < len(s.words) and s.words[k + 1] in LEX.complementizers:
            return "comp", k + 2  # «قال: إن …»
        return "colon", k + 1
    if (k in s.pair_at or k in s.far) and (quote_ok or first):
        return "quote", k
    if not first:
        return None
    prep = preposition(s, k)
    if prep and prep in form.takes:
        if k + 1 < len(s.words) and s.words[k + 1] in LEX.complementizers:
            return "prep", k + 2  # «أشار إلى أن»
        if k + 2 < len(s.words) and s.words[k + 1] in LEX.manner_markers:
            return marker(s, k + 1, form, True) or ("prep", k + 1)  # «خلص إلى القول»
        return "prep", k + 1
    for g in LEX.glued_preps:
        if g in form.takes and w.startswith(g) and len(w) > 2 and s.isword[k] \
                and (not at_stop(s, k) or w in _WHAT):
            return "prep", k  # not «صرح بذلك»: a pronoun points at a statement elsewhere
    return None


def complement_ok(how: str, form: CueForm) -> bool:
    """A verb with other senses reports only through the markers it takes («عبّر عن»,
    not «عبر نظام "…"»)."""
    if how == "comp":
        return COMPLEMENTIZER in form.takes
    if how in ("colon", "quote"):
        return ":" in form.takes
    return how in ("prep", "manner")
