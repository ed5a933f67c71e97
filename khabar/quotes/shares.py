"""A share of a group as the source: «وقال 79 في المئة من المشاركين إن …», «ورأى 60% من
الشباب أن …» (polls and surveys).

The phrase parser has no head for a number, so the verb is left without a subject (or with
the number alone). Here a reporting verb followed by a number (digits, a decimal comma),
a percentage's words and «من» (document_statements.yaml `share_words`, `share_of`) takes
the whole phrase, up to the group's noun phrase, as its source; the content follows its
marker as after any subject.
"""
from __future__ import annotations

from khabar.normalize import fold
from khabar.quotes.content import settle_kind, trim
from khabar.quotes.items import Item
from khabar.quotes.lexicon import LEX, Phrases
from khabar.quotes.markers import marker
from khabar.quotes.sentence import COMMA, Sentence
from khabar.quotes.speaker import NP, parse_np
from khabar.resources import load

_DATA = load("document_statements")
_SHARE = Phrases(_DATA["share_words"])
_OF = frozenset(fold(w) for w in _DATA["share_of"])
_NUMBER_MAX = 3  # tokens of a number («74», «,», «2»)
_GAP = 3  # tokens (commas, asides) between the group and the content's marker


def share_items(s: Sentence, items: list[Item]) -> list[Item]:
    """Statements of verbs whose subject is a share of a group; a statement the cue grammar
    gave the same verb with the number alone as its subject is taken out of `items`."""
    out: list[Item] = []
    for k in range(len(s) - 4):
        if not s.words[k + 1][:1].isdigit() or s.inside[k]:
            continue
        m = LEX.cues.match(s.words, k)
        if m is None or m[0] != 1 or m[1].form not in ("perfect", "imperfect"):
            continue
        if any(it.cue_a == k and it.speaker is not None and it.speaker.b > k + 2 or
               it.ca <= k < it.cb for it in items):
            continue
        item = _item(s, k, m[1])
        if item is not None:
            items[:] = [it for it in items if it.cue_a != k]
            out.append(item)
    return out


def _item(s: Sentence, k: int, form) -> Item | None:
    x = k + 1
    while x < len(s) and x - k <= _NUMBER_MAX and (s.words[x][:1].isdigit() or
                                                   s.words[x] in COMMA):
        x += 1
    share = _SHARE.match(s.words, x)
    if share is None:
        return None
    x += share[0]
    if x >= len(s) or s.words[x] not in _OF:
        return None
    group = parse_np(s, x + 1, limit=len(s))
    if group is None:
        return None
    j = group.after
    for g in range(j, min(len(s), j + _GAP + 1)):
        found = marker(s, g, form, g == j or all(s.words[y] in COMMA or y in s.times
                                                   for y in range(j, g)))
        if found is None:
            continue
        how, ca = found
        if how == "object" or ca >= len(s):
            return None
        speaker = NP(k + 1, group.b, 0, "group", -1, True, group.tail)
        item = Item("indirect", ca, len(s), k, k + 1, 0, form, speaker=speaker)
        if ca in s.far:
            item.kind, item.ca, item.bounded, item.end_view = "direct", ca + 1, True, s.far[ca]
        elif ca in s.pair_at:
            item.quote_open = ca
        trim(s, item)
        settle_kind(s, item)
        return item if item.cb > item.ca else None
    return None
