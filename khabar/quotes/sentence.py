"""One sentence as the statement grammar reads it: folded tokens and quotation marks.

Tokens come from the folded view (khabar.normalize) as parallel lists; quotation marks are
paired per paragraph beforehand (khabar.quotes.marks), so a quotation may open in this
sentence and close in a later one (`far`).
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from khabar.quotes.lexicon import LEX
from khabar.quotes.marks import tokenize

PUNCT_STOP = set(",،;؛:.!?؟()[]{}-–—/|…")
COMMA = {",", "،"}


@dataclass(slots=True)
class Sentence:
    """A sentence's folded tokens (parallel lists) and its quotation marks."""

    words: list[str]  # folded text of each token
    starts: list[int]  # view offsets
    ends: list[int]
    isword: list[bool]  # letters or digits, not a mark
    pair_at: dict[int, int]  # opening token index -> closing token index
    inside: list[bool]  # token lies strictly inside a quotation
    zone: str
    start: int  # view offsets of the sentence
    end: int
    far: dict[int, int] = field(default_factory=dict)  # opening index -> view offset of a
    # closing mark beyond the sentence (a quotation over several sentences)
    names: dict[int, tuple[int, str]] = field(default_factory=dict)  # named-entity mentions:
    # first token -> (token after the last, label)
    media: dict[int, object] = field(default_factory=dict)  # parse_medium, memoized
    times: set[int] = field(default_factory=set)  # tokens inside a time expression: asides
    identity_at: list[int] | None = None  # identity nouns («اسمه»), found when first asked

    @classmethod
    def build(cls, view_text: str, pairs_view: list[tuple[int, int]], zone: str,
              start: int, end: int) -> "Sentence":
        words, starts, ends, isword = tokenize(view_text, start, end)
        index = {p: k for k, p in enumerate(starts)}
        pair_at: dict[int, int] = {}
        far: dict[int, int] = {}
        inside = [False] * len(words)
        for a, b in pairs_view:
            if b < start or a >= end:
                continue
            ka, kb = index.get(a), index.get(b)
            if ka is not None and kb is not None:
                pair_at[ka] = kb
            elif ka is not None and b >= end:
                far[ka] = b
            for k in range(bisect_right(starts, a), bisect_left(starts, b)):
                inside[k] = True
        return cls(words, starts, ends, isword, pair_at, inside, zone, start, end, far)

    def __len__(self) -> int:
        return len(self.words)

    def is_word(self, k: int) -> bool:
        return 0 <= k < len(self.words) and self.isword[k]


def at_stop(s: Sentence, k: int) -> bool:
    """A word that ends a noun phrase and may stand as an aside: a preposition, an adverb,
    or a token of a time expression the time stage found («في كانون الثاني/يناير الماضي»)."""
    if k in s.times:
        return True
    if LEX.np_stops.match(s.words, k) is None:
        return False
    if k + 1 < len(s) and s.words[k + 1] in LEX.title_links and \
            LEX.np_stops.match(s.words, k + 1) is None and LEX.titles.match(s.words, k):
        return False  # «متحدثة باسم الوزارة»: the title, not «متحدثة» of manner
    # «علي» and «على» fold alike: a given name that starts a person's name the entity stage
    # found is the name (not «لي» of «قال لي»: no given name)
    name = s.names.get(k)
    return name is None or name[1] != "PER" or s.words[k] not in LEX.given_names
