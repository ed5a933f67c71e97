"""What a statement takes from its sentence: the speaker of a participle or a
subject-less verb, and a medium named before the cue or after the content."""
from __future__ import annotations

from khabar.quotes.documents import document_source
from khabar.quotes.items import Item
from khabar.quotes.lexicon import ATTRIBUTION_WORDS, LEX
from khabar.quotes.medium import MEDIUM_FIRSTS, Medium, medium_end, parse_medium
from khabar.quotes.morph import LAM_FORMS
from khabar.quotes.sentence import Sentence


def _scan_medium(s: Sentence, a: int, b: int, outlets_only: bool = False) -> Medium | None:
    """The last addressee or channel phrase in tokens [a, b), outside quotations."""
    found = None
    k = a
    words, firsts = s.words, _SCAN_FIRSTS
    while k < b:
        # a medium phrase or a document's outlet starts only at one of these words
        w = words[k]
        if (w in firsts or w.startswith(LAM_FORMS)) and s.isword[k] and not s.inside[k]:
            med = parse_medium(s, k)
            published = med is None and _document_outlet(s, k)
            if published:
                med = published  # an outlet by the way the document names it
            if med is not None and outlets_only and med.extra.get("form"):
                med = None
            if med is not None and (med.relation != "reporter" or published or
                                    _is_outlet(s, med)):
                found = med
                k = max(k + 1, medium_end(med))
                continue
        k += 1
    return found


def recap_medium(s: Sentence) -> Medium | None:
    """«. جاء ذلك في حوار مع صحيفة X.», «. وقال ذلك لإذاعة Y.»: a sentence that only says
    where the statement before it was made; the outlet it names is that statement's
    medium."""
    k = 0
    while k < len(s) and not s.isword[k]:
        k += 1
    if k >= len(s):
        return None
    m = LEX.recap_openers.match(s.words, k)
    if m:
        start = k + m[0]
    else:
        cue = LEX.cues.match(s.words, k)
        if not cue or k + cue[0] >= len(s) or s.words[k + cue[0]] not in LEX.recap_objects:
            return None
        start = k + cue[0] + 1
    return _scan_medium(s, start, len(s), outlets_only=True)


_SCAN_FIRSTS = MEDIUM_FIRSTS | ATTRIBUTION_WORDS


def _document_outlet(s: Sentence, k: int) -> Medium | None:
    """«وبحسب تقرير نشرته صحيفة X، قال …»: the outlet that published the document."""
    if s.words[k] not in ATTRIBUTION_WORDS:
        return None
    m = LEX.attribution.match(s.words, k)
    doc = document_source(s, k + m[0]) if m else None
    return doc.medium if doc is not None else None


def _is_outlet(s: Sentence, med: Medium) -> bool:
    return bool(LEX.outlets.match(s.words, med.a) or LEX.outlet_kinds.match(s.words, med.a))


def fill_context(s: Sentence, items: list[Item], ctx: list[Item]) -> None:
    """Participles and subject-less verbs take the sentence's speaker and medium."""
    prev: Item | None = None
    for it in sorted(items, key=lambda x: x.cue_a):
        if it.speaker is None and it.form is not None:
            src = prev or next((c for c in reversed(ctx) if c.cue_a < it.cue_a and c.speaker), None)
            if src is not None and src.form is not None and src.form.gender != it.form.gender:
                src = None  # «حذرت النرويج …، مؤكدا»: not the same source
            if src is not None and src.relative and it.form.form != "participle":
                # «تعليقا على رأي الخبير الذي قال …، أكد أنه»: the main clause's own source
                src = None
            if src is not None and src.speaker is not None:
                it.speaker = src.speaker
                it.inherited = True
                it.medium = it.medium or src.medium
            elif prev is not None:
                it.medium = it.medium or prev.medium
        # an outlet named before the cue or after the content beats the form of the
        # statement («في بيان») found next to the verb
        weak = it.medium is None or it.medium.extra.get("form")
        if weak and it.cue_a >= 0:
            it.medium = _scan_medium(s, 0, it.cue_a, outlets_only=it.medium is not None) \
                or it.medium
        weak = it.medium is None or it.medium.extra.get("form")
        if weak and it.end_view is None:
            nxt = min((x.cue_a for x in items if x.cue_a > it.cue_a), default=len(s.words))
            start = s.pair_at.get(it.ca - 1, it.cb) + 1 if it.bounded else it.cb
            it.medium = _scan_medium(s, start, nxt, outlets_only=it.medium is not None) \
                or it.medium
        prev = it
