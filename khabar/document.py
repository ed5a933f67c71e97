"""The central document type: read-only text, named layers of standoff spans, metadata.

Every stage reads some layers and adds others; nothing ever rewrites `Article.text`, so
every offset in every layer points into the same string a user can open and check.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from itertools import accumulate, compress, islice
from operator import add
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Iterator


@dataclass(slots=True)
class Span:
    """A labelled stretch `text[start:end]` of the article, with free-form attributes."""

    start: int
    end: int
    label: str
    attrs: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span offsets {self.start}:{self.end}")

    def __len__(self) -> int:
        return self.end - self.start

    def overlaps(self, other: "Span") -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: "Span") -> bool:
        return self.start <= other.start and other.end <= self.end


# proclitics kept recoverable on tokens: conjunction, preposition, article (longest first)
_PROCLITIC = re.compile(r"^(?:(?:و|ف)?(?:ب|ل|ك)?(?:ال)|(?:و|ف)?لل|و|ف|ب|ل|ك)(?=\w{2,})")


class TokenLayer(Sequence):
    """Tokens as parallel offset arrays, cut on first use.

    An article has thousands of tokens and many uses of a record (metadata, search, quotes
    over sentences) never touch them, so the segment stage only records which regions to
    tokenize; offsets are computed when first asked for, and a `Span` (with attr `pre`, the
    length of a plausible proclitic) only when one token is asked for.
    """

    __slots__ = ("_text", "_regions", "_starts", "_ends", "_words")

    def __init__(self, text: str) -> None:
        self._text = text
        self._regions: list[tuple[int, int]] = []
        self._starts: list[int] = []
        self._ends: list[int] = []
        self._words: list[str] | None = []

    # between processes (khabar.run) the token texts stay behind: they are the text's own
    # slices, cut again from the offsets where a reader asks for them
    def __getstate__(self) -> tuple:
        return self._text, self._regions, self._starts, self._ends

    def __setstate__(self, state: tuple) -> None:
        self._text, self._regions, self._starts, self._ends = state
        self._words = None

    def add_region(self, start: int, end: int) -> None:
        self._regions.append((start, end))

    def _cut(self) -> None:
        """The tokens of every region, with their texts: a split of the region on the
        token pattern (tokens at the odd places, what lies between them at the even ones)
        and a running sum of the pieces' lengths give the offsets, all in C, instead of a
        match object per token. `TOKEN` never matches an empty string, so the split finds
        exactly what `TOKEN.finditer` finds (tests/test_token_layer.py)."""
        from khabar.segment import TOKEN_SPLIT

        if self._words is None:
            self._slice_words()
        text, starts, ends, words = self._text, self._starts, self._ends, self._words
        assert words is not None
        for start, end in self._regions:
            parts = TOKEN_SPLIT.split(text[start:end])
            n = len(parts) // 2
            at = list(accumulate(map(len, parts), initial=start))
            starts += at[1:2 * n:2]
            ends += at[2:2 * n + 1:2]
            words += parts[1::2]
        self._regions = []

    @property
    def starts(self) -> list[int]:
        if self._regions:
            self._cut()
        return self._starts

    @property
    def ends(self) -> list[int]:
        if self._regions:
            self._cut()
        return self._ends

    def __len__(self) -> int:
        return len(self.starts)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        a, b = self.starts[i], self._ends[i]
        m = _PROCLITIC.match(self._text, a, b)
        return Span(a, b, "token", {"pre": m.end() - a} if m else {})

    def index_range(self, start: int, end: int) -> tuple[int, int]:
        """Indices [i, j) of the tokens that lie inside text[start:end]."""
        starts, ends = self.starts, self._ends
        i = bisect_left(starts, start)
        j = bisect_left(starts, end, lo=i)
        while j > i and ends[j - 1] > end:
            j -= 1
        return i, j

    def texts(self, i: int = 0, j: int | None = None) -> list[str]:
        """The texts of tokens i to j (cut with the offsets: no slicing per token)."""
        if self._regions:
            self._cut()
        if self._words is None:
            self._slice_words()
        return self._words[i:j]  # type: ignore[index]

    def _slice_words(self) -> None:
        t = self._text
        self._words = [t[a:b] for a, b in zip(self._starts, self._ends)]


# the tokens of the folded view (khabar.normalize, "match"): each run of letters and digits,
# and every other visible character on its own; as one group, for `re.split`
FOLDED_TOKEN = re.compile(r"([^\W_]+|\S)", re.UNICODE)

FoldedCut = tuple[list[str], list[int], list[int], list[bool]]


def fold_tokens(view_text: str, start: int, end: int) -> FoldedCut:
    """The folded tokens of view_text[start:end]: texts, view starts, view ends, and
    whether each is a word (letters or digits) rather than a mark."""
    words, starts = _split(view_text[start:end], start)
    return words, starts, list(map(add, starts, map(len, words))), list(map(str.isalnum, words))


def _split(text: str, base: int) -> tuple[list[str], list[int]]:
    # tokens at the odd places of the split, what lies between them at the even ones; a
    # running sum of the pieces' lengths gives the starts, all in C
    parts = FOLDED_TOKEN.split(text)
    words = parts[1::2]
    return words, list(islice(accumulate(map(len, parts), initial=base), 1, 2 * len(words), 2))


def as_cut(words: list[str], starts: list[int]) -> FoldedCut:
    """The cut (`fold_tokens`) of tokens whose texts and view starts a reader has already
    (`FoldedTokens.tokens`)."""
    return words, starts, list(map(add, starts, map(len, words))), list(map(str.isalnum, words))


class FoldedTokens:
    """The tokens of an article's folded view, cut once (`Article.folded_tokens`) for the
    stages that read folded words: time (as runs of letters and of digits,
    `khabar.dates.word_runs`), quotes (`khabar.quotes.sentence.Sentence`) and events
    (`khabar.events.extract`), instead of a tokenizer each.

    `cut(a, b)` gives the tokens of any stretch of the view, those a cut of view[a:b] alone
    would find: the arrays' own where no token runs over a or b (a sentence's ends lie at
    white space or a mark), a fresh cut of the stretch where one does.
    """

    __slots__ = ("text", "words", "starts")

    def __init__(self, view_text: str) -> None:
        self.text = view_text
        self.words, self.starts = _split(view_text, 0)

    def span(self, a: int, b: int) -> tuple[int, int] | None:
        """Token indices [i, j) of view[a:b], or None when a token runs over a or b."""
        starts, words = self.starts, self.words
        i = bisect_left(starts, a)
        j = bisect_left(starts, b, lo=i)
        if i and starts[i - 1] + len(words[i - 1]) > a:
            return None
        if j > i and starts[j - 1] + len(words[j - 1]) > b:
            return None
        return i, j

    def tokens(self, a: int, b: int) -> tuple[list[str], list[int]]:
        """The texts and view starts of the tokens of view[a:b]."""
        got = self.span(a, b)
        if got is None:
            return _split(self.text[a:b], a)
        i, j = got
        return self.words[i:j], self.starts[i:j]

    def cut(self, a: int, b: int) -> FoldedCut:
        """The tokens of view[a:b] (see `fold_tokens`)."""
        return as_cut(*self.tokens(a, b))

    def word_list(self, a: int, b: int) -> list[str]:
        """The words (no marks) of view[a:b]."""
        words = self.tokens(a, b)[0]
        return list(compress(words, map(str.isalnum, words)))


@dataclass(slots=True)
class MetaField:
    """One metadata value and its evidence: which source gave it, and where in the text."""

    value: Any
    source: str
    span: Span | None = None
    note: str | None = None


@dataclass(slots=True)
class Issue:
    """A problem met while processing: `error` means the record is incomplete."""

    code: str
    message: str
    severity: str = "warning"  # "warning" or "error"


class Article:
    """One news article: its text, layers of spans over it, metadata, flags and errors."""

    __slots__ = ("_text", "layers", "metadata", "issues", "source", "given", "language",
                 "_views")

    def __init__(self, text: str, source: dict[str, Any] | None = None,
                 given: dict[str, Any] | None = None) -> None:
        self._text = text
        self.layers: dict[str, list[Span]] = {}
        self.metadata: dict[str, MetaField] = {}
        self.issues: list[Issue] = []
        self.source: dict[str, Any] = dict(source or {})
        # fields supplied with the input (a JSON/CSV record, HTML meta tags): they win
        # over anything guessed from the text
        self.given: dict[str, Any] = dict(given or {})
        self.language: dict[str, Any] = {}
        self._views: dict[str, Any] = {}

    @property
    def text(self) -> str:
        return self._text

    def __len__(self) -> int:
        return len(self._text)

    # an article travels between processes (khabar.run): its views are caches, rebuilt on
    # first use, and would double what is sent
    def __getstate__(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__slots__ if k != "_views"}

    def __setstate__(self, state: dict[str, Any]) -> None:
        for k, v in state.items():
            setattr(self, k, v)
        self._views = {}

    # ------------------------------------------------------------------ layers
    def add(self, layer: str, start: int, end: int, label: str, **attrs: Any) -> Span:
        if end > len(self._text):
            raise ValueError(f"span {start}:{end} runs past the text ({len(self._text)})")
        span = Span(start, end, label, attrs)
        self.layers.setdefault(layer, []).append(span)
        return span

    def spans(self, layer: str) -> Sequence[Span]:
        return self.layers.get(layer, [])

    @property
    def tokens(self) -> TokenLayer:
        """The token layer (made on first use; the segment stage fills it)."""
        layer = self.layers.get("tokens")
        if not isinstance(layer, TokenLayer):
            layer = self.layers["tokens"] = TokenLayer(self._text)
        return layer

    def sort_layer(self, layer: str) -> None:
        self.layers.get(layer, []).sort(key=lambda s: (s.start, -s.end))

    def covered(self, layer: str, start: int, end: int) -> Iterator[Span]:
        """The spans of `layer` that lie inside [start, end)."""
        for s in self.layers.get(layer, []):
            if start <= s.start and s.end <= end:
                yield s

    def span_text(self, span: Span | tuple[int, int]) -> str:
        if isinstance(span, Span):
            return self._text[span.start:span.end]
        return self._text[span[0]:span[1]]

    # ------------------------------------------------------------------ metadata
    def set_meta(self, name: str, value: Any, source: str, span: Span | None = None,
                 note: str | None = None, override: bool = False) -> bool:
        """Fill a metadata field unless an earlier (better) source already did."""
        if value in (None, "") or (name in self.metadata and not override):
            return False
        self.metadata[name] = MetaField(value, source, span, note)
        return True

    def meta(self, name: str, default: Any = None) -> Any:
        f = self.metadata.get(name)
        return f.value if f else default

    # ------------------------------------------------------------------ issues
    def flag(self, code: str, message: str, severity: str = "warning") -> None:
        self.issues.append(Issue(code, message, severity))

    @property
    def failed(self) -> bool:
        return any(i.severity == "error" for i in self.issues)

    # ------------------------------------------------------------------ views
    @property
    def folded_tokens(self) -> FoldedTokens:
        """The tokens of the folded view `view("match")` (`FoldedTokens`), cut on first
        use and cached with it."""
        got = self._views.get("folded_tokens")
        if got is None:
            got = self._views["folded_tokens"] = FoldedTokens(self.view("match").text)
        return got

    def view(self, name: str = "match"):
        """A cached normalized view of the text (see khabar.normalize)."""
        v = self._views.get(name)
        if v is None:
            from khabar.normalize import NORMALIZERS

            v = self._views[name] = NORMALIZERS[name].view(self._text)
        return v
