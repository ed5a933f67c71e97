"""Statements without a reporting verb: a headline «X: …» and an attribution «بحسب X».

A headline whose first words (a name, not a label such as «عاجل») stand before a colon
quotes that source directly. A sentence with no cue but an attribution phrase («بحسب
مصادر طبية», «وفقاً لـX») reports the rest of the sentence as that source's statement.
"""
from __future__ import annotations

from khabar.normalize import fold
from khabar.quotes.items import Item
from khabar.quotes.lexicon import LEX, CueForm
from khabar.quotes.morph import CONJ
from khabar.quotes.sentence import COMMA, PUNCT_STOP, Sentence, at_stop
from khabar.quotes.speaker import NP, apposition, parse_np

_HEADLINE_SPEAKER_MAX = 4  # words before the colon


def headline_item(s: Sentence) -> Item | None:
    k = 0
    while k < len(s) and (s.words[k].isdigit() or s.words[k] in PUNCT_STOP):
        k += 1  # a list number («40.»)
    colon = next((j for j in range(k, min(len(s), k + _HEADLINE_SPEAKER_MAX + 1))
                  if s.words[j] == ":"), None)
    if colon is None or colon == k or colon + 2 >= len(s):
        return None
    if any(not s.is_word(j) or at_stop(s, j) for j in range(k, colon)):
        return None
    if LEX.headline_labels.match(s.words, k):
        return None
    head = parse_np(s, k, limit=colon)
    kind = head.kind if head else "person"
    np = NP(k, colon, 0, kind, head.title_end if head else -1, bool(head and head.titled))
    a, b = colon + 1, len(s)
    while b > a and not s.isword[b - 1] and s.words[b - 1] != '"':
        b -= 1
    if a in s.pair_at and s.pair_at[a] == b - 1:
        a, b = a + 1, b - 1
    return Item("direct", a, b, -1, -1, 0, None, speaker=np, bounded=True, headline=True)


def attribution_item(s: Sentence) -> Item | None:
    for k in range(len(s)):
        if not s.isword[k] or s.inside[k]:
            continue
        m = LEX.attribution.match(s.words, k)
        if not m:
            continue
        n, phrase, pre = m
        j = k + n
        last = fold(phrase).split()[-1]
        glued = len(fold(phrase).split()) > n and j < len(s) and s.words[j].startswith(last)
        np = parse_np(s, j, skip=len(last) if glued else 0)
        if np is None:
            return None
        np = apposition(s, np)
        at_start = all(not s.isword[x] or s.words[x] in CONJ for x in range(0, k))
        if at_start:
            a = np.after
            while a < len(s) and (s.words[a] in COMMA or s.words[a] in LEX.complementizers):
                a += 1  # «وبحسب شهود، فإن …»
            b = len(s)
            while b > a and not s.isword[b - 1] and s.words[b - 1] != '"':
                b -= 1
        else:
            a, b = 0, k
            while b > a and (s.words[b - 1] in COMMA or not s.isword[b - 1]):
                b -= 1
        if b - a < 3:
            return None
        # the phrase is its own lemma («بحسب», «وفقا لـ»); it reports what the source said
        cue = CueForm(phrase, "attribute", "preposition", frozenset(), False, False, True)
        item = Item("indirect", a, b, k, k + n, 0, cue, speaker=np)
        if np.kind == "outlet":
            from khabar.quotes.medium import Medium

            item.medium = Medium(np.a, np.b, np.skip, "reporter", k)
        return item
    return None
