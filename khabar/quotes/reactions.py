"""Reactions with a bare object: «وأدانت وزارة الخارجية الأردنية الهجوم، ودعت إلى …».

A verb of condemning or rejecting (document_statements.yaml `object_reaction_classes`)
whose content is its object has the object run into its subject when the subject ends in
a nisba adjective or a name («الأردنية الهجوم», «مصر الهجوم»): the phrase parser reads
one long noun phrase and the verb is left with no content. Here the subject ends before
the first definite noun that follows such a word, and that object, up to the next comma or
clause, is the statement. A later verb of the same sentence that took the long phrase as
its subject («…، ودعت إلى …») gets the shorter one.
"""
from __future__ import annotations

from dataclasses import replace

from khabar.normalize import fold
from khabar.quotes.items import Item
from khabar.quotes.lexicon import LEX
from khabar.quotes.morph import ARTICLE, CONJ, DEFINITE, FEMININE, NISBA
from khabar.quotes.sentence import PUNCT_STOP, Sentence, at_stop
from khabar.quotes.speaker import NP, has_head, parse_np
from khabar.resources import load

_CLASSES = frozenset(load("document_statements")["object_reaction_classes"])
_OBJECT_MAX = 16  # tokens of the object phrase
# the feminine nisba ending (the longest of the nisba endings)
NISBA_F = max(NISBA, key=len)


def _is_reaction(w: str) -> bool:
    m = LEX.cues.match([w], 0)
    return m is not None and m[1].cls in _CLASSES and m[1].form == "perfect"


# the written forms of those verbs: a sentence holding none of them is not looked at
REACTION_WORDS = frozenset(w for w in LEX.cues.first_words if _is_reaction(w))


def reaction_items(s: Sentence, items: list[Item]) -> list[Item]:
    """Statements of reaction verbs that the cue parse left without a content."""
    out: list[Item] = []
    cues = {it.cue_a: it for it in items}
    for k in range(len(s) - 2):
        if s.words[k] not in REACTION_WORDS or s.inside[k] or not s.isword[k]:
            continue
        m = LEX.cues.match(s.words, k)
        if m is None or m[0] != 1:
            continue
        form = m[1]
        if "object" not in form.takes or not _clause_opens(s, k):
            continue
        own = cues.get(k)
        if own is None and any(it.ca <= k < it.cb for it in items + out):
            continue
        np = parse_np(s, k + 1)
        if np is None or own is not None and (own.speaker is None or own.speaker.a != np.a
                                              or own.speaker.b != np.b):
            continue
        o = _object_start(s, np)
        if o is None:
            continue
        b = _object_end(s, o)
        subject = replace(np, b=o, tail=0)
        if own is not None:
            # «أدانت الخارجية الأردنية الهجوم ووصفته …»: the object, not the next clause
            own.speaker, own.ca, own.cb, own.quote_open = subject, o, b, -1
        else:
            out.append(Item("indirect", o, b, k, k + 1, 0, form, speaker=subject))
        for it in items:
            # «…، ودعت إلى …»: the later verb of the same subject
            if it is not own and it.speaker is not None and it.speaker.a == np.a and \
                    it.speaker.b == np.b:
                it.speaker = subject
    _parallel_reactions(s, items + out)
    return out


def _parallel_reactions(s: Sentence, items: list[Item]) -> None:
    """«وأدانت مصر الهجوم، كما أدانته الأردن»: a reaction verb pointing back with a
    pronoun after another reaction reacts to the same object, not to the clause: both
    statements hold that object, and the first ends before «، كما»."""
    for p in items:
        if p.form is None or p.form.cls not in _CLASSES or p.cb > p.cue_a:
            continue
        host = next((it for it in items if it is not p and it.form is not None and
                     it.form.cls in _CLASSES and p.ca <= it.cue_a and it.ca < p.cue_a), None)
        if host is None:
            continue
        x = p.cue_a
        while x - 1 > host.ca and (s.words[x - 1] in PUNCT_STOP or
                                   LEX.trailing_openers.match(s.words, x - 1)):
            x -= 1
        host.cb = min(host.cb, x)
        p.ca, p.cb, p.quote_open = host.ca, host.cb, -1


def _object_start(s: Sentence, np: NP) -> int | None:
    """The first noun with the bare article, inside the phrase and outside any name, after
    a name's end or a nisba adjective that is not the phrase's head; a feminine noun after
    a feminine nisba may be another adjective of the name («العربية المتحدة»): none."""
    names_end = {b for _a, (b, _label) in s.names.items()}
    in_name = {x for a, (b, _label) in s.names.items() for x in range(a + 1, b)}
    for o in range(np.a + 2, np.b):
        w = s.words[o]
        if o in s.names or o in in_name or not w.startswith(ARTICLE) or w.endswith(NISBA) \
                or has_head(s, o):
            continue  # not «الكويتي الدكتور …»: a title goes on with the subject
        prev = s.words[o - 1]
        if o in names_end:
            return o
        if prev.endswith(NISBA) and prev.startswith(ARTICLE):
            if prev.endswith(NISBA_F) and w.endswith(FEMININE):
                return None
            return o
    return None


def _clause_opens(s: Sentence, k: int) -> bool:
    """The verb at k opens a clause (not «إلى رفض السلطات …», a verbal noun)."""
    if k == 0:
        return True
    prev = s.words[k - 1]
    return prev in PUNCT_STOP or prev in LEX.continuation_particles or \
        prev in LEX.addition_particles or (k - 1) in s.times


def _object_end(s: Sentence, o: int) -> int:
    """The object runs to a comma or a stop, a new clause («ووصفته …»), at most a few words."""
    x = o + 1
    while x < len(s) and x - o < _OBJECT_MAX:
        w = s.words[x]
        if w in PUNCT_STOP or s.inside[x] or LEX.cues.match(s.words, x) or \
                w[:1] in CONJ and len(w) > 1 and _verb_after_conj(s, x):
            break
        x += 1
    return x


def _verb_after_conj(s: Sentence, x: int) -> bool:
    """«و» glued to a word that is no definite noun and no stop: a verb of a new clause."""
    w = s.words[x]
    return not w.startswith(DEFINITE) and not at_stop(s, x) and fold(w[1:]) != ""
