"""One sentence as the statement grammar reads it: folded tokens and quotation marks.

Tokens come from the folded view (khabar.normalize) as parallel lists, cut once per
article (`khabar.document.FoldedTokens`); quotation marks are
paired per paragraph beforehand (khabar.quotes.marks), so a quotation may open in this
sentence and close in a later one (`far`).
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from khabar.document import Article, FoldedCut, fold_tokens
from khabar.normalize import MAPPINGS, NORMALIZERS, fold
from khabar.quotes.lexicon import LEX

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
    spelling: "MaqsuraSpelling | None" = None  # the article's spelling of the tokens that
    # fold like «على» (the "maqsura" view, same offsets as `starts`); None where the text
    # has no alef maqsura
    heh: "TokenSpelling | None" = None  # the article's "heh" view (same offsets as
    # `starts`), read per token: the teh marbuta kept apart from a pronoun «ه»

    @classmethod
    def build(cls, view_text: str, pairs_view: list[tuple[int, int]], zone: str,
              start: int, end: int, tokens: FoldedCut | None = None) -> "Sentence":
        """`tokens`: the sentence's folded tokens where the article has them cut already
        (`Article.folded_tokens`); else they are cut here, the same way."""
        words, starts, ends, isword = tokens or fold_tokens(view_text, start, end)
        pair_at: dict[int, int] = {}
        far: dict[int, int] = {}
        inside = [False] * len(words)
        # most sentences hold no quotation mark: the index of token starts only for those
        index = {p: k for k, p in enumerate(starts)} if pairs_view else {}
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


_NP_STOP_FIRSTS = LEX.np_stops.first_words  # a stop's first word, checked before a match


def at_stop(s: Sentence, k: int) -> bool:
    """A word that ends a noun phrase and may stand as an aside: a preposition, an adverb,
    or a token of a time expression the time stage found («في كانون الثاني/يناير الماضي»)."""
    if k in s.times:
        return True
    if not (k < len(s.words) and s.words[k] in _NP_STOP_FIRSTS) or \
            LEX.np_stops.match(s.words, k) is None:
        return False
    if k + 1 < len(s.words) and s.words[k + 1] in LEX.title_links and \
            LEX.np_stops.match(s.words, k + 1) is None and LEX.titles.match(s.words, k):
        return False  # «متحدثة باسم الوزارة»: the title, not «متحدثة» of manner
    if s.words[k] not in LEX.maqsura_names:
        return True  # not «لي» of «قال لي» either: no given name
    named = spelt_as_name(s, k)
    if named is not None:
        return not named
    # an article that spells «على» as «علي» throughout: a given name that starts a
    # person's name the entity stage found is the name
    name = s.names.get(k)
    return name is None or name[1] != "PER"


def spelt_as_name(s: Sentence, k: int) -> bool | None:
    """For a given name that folds like a stop word spelt with an alef maqsura («علي» /
    «على»): True where the token keeps the yeh in an article that spells the stop word with
    the maqsura, False where the token has the maqsura, None where the spelling tells
    nothing (the article never writes the maqsura, a Persian yeh may be either, or the word
    is no such name)."""
    kept = LEX.maqsura_names.get(s.words[k])
    if kept is None or s.spelling is None:
        return None
    spelt = s.spelling.at(s.starts[k], s.ends[k])
    if spelt is None:
        return None
    return False if spelt == kept else True if spelt == s.words[k] else None


def pronoun_heh(s: Sentence, k: int) -> bool:
    """The token at k ends in the pronoun «ه» as written («انسحابه»), not in a teh
    marbuta the folded view spells alike («منظمة»)."""
    if s.heh is None:
        return False
    spelt = s.heh.at(s.starts[k], s.ends[k])
    return len(spelt) > 1 and spelt[-1] == s.words[k][-1] and \
        spelt[-1] in MAPPINGS["teh_marbuta"].values()


def preposition(s: Sentence, k: int) -> str | None:
    """The preposition (its marker) the token at k is, if any; not a given name the
    article spells apart from the preposition («علي» where it writes «على»)."""
    prep = LEX.prepositions.get(s.words[k])
    return None if prep is None or spelt_as_name(s, k) else prep


class TokenSpelling:
    """One of the views of khabar.normalize that delete what "match" deletes ("maqsura",
    "heh"), read a stretch at a time from the text through the "match" view's offset map,
    instead of a second view of the whole text that few tokens read: `at(a, b)` is
    `article.view(name).text[a:b]`."""

    __slots__ = ("_text", "_view", "_fold")

    def __init__(self, article: Article, name: str) -> None:
        self._text = article.text
        self._view = article.view("match")
        self._fold = NORMALIZERS[name].fold

    def at(self, a: int, b: int) -> str:
        # every character between the text offsets of view[a] and view[b - 1] is one of
        # view[a:b] or one both views delete: its fold is the other view's [a:b]
        if b <= a:
            return ""
        to_text = self._view.to_text
        return self._fold(self._text[to_text(a):to_text(b - 1) + 1])


class MaqsuraSpelling(TokenSpelling):
    """How the article spells the tokens that fold like a given name and a stop word
    written with the alef maqsura («علي» / «على»): the "maqsura" view of one token at a
    time (`TokenSpelling`).

    `at(a, b)` is `view("maqsura").text[a:b]` (view offsets are those of "match") where the
    article spells one of those stop words with the alef maqsura somewhere («على»), so that
    the spelling of each such word can be trusted; else None (some write «على» as «علي»
    throughout). That test too is made on first use."""

    __slots__ = ("_trusted",)

    def __init__(self, article: Article) -> None:
        super().__init__(article, "maqsura")
        self._trusted: bool | None = None

    def at(self, a: int, b: int) -> str | None:  # type: ignore[override]
        if self._trusted is None:
            self._trusted = self._spells_maqsura()
        return super().at(a, b) if self._trusted else None

    def _spells_maqsura(self) -> bool:
        """Some stop word of `LEX.maqsura_names` stands in the "maqsura" view as written
        there: where the "match" view has its folded form, the token spelt so."""
        folded = self._view.text
        for key, kept in _maqsura_keys():
            i = folded.find(key)
            while i >= 0:
                if super().at(i, i + len(key)) == kept:
                    return True
                i = folded.find(key, i + 1)
        return False


@lru_cache(maxsize=1)
def _maqsura_keys() -> tuple[tuple[str, str], ...]:
    """(the "match" fold, the "maqsura" spelling) of each stop word of `maqsura_names`."""
    return tuple((fold(kept), kept) for kept in dict.fromkeys(LEX.maqsura_names.values()))


def maqsura_spelling(article: Article) -> MaqsuraSpelling | None:
    """The article's spelling of the alef maqsura (`MaqsuraSpelling`, read lazily), or None
    where the text has no alef maqsura at all."""
    if not LEX.maqsura_names or not any(c in article.text for c in MAPPINGS["yeh"]):
        return None
    return MaqsuraSpelling(article)
