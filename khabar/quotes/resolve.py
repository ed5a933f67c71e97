"""Speakers as sources: later mentions (surname, title alone, «الوزارة») join earlier ones.

Each source keeps the fullest name the article gives it; a mention joins a source when
its name words are a subset of the source's (or the reverse, which makes the source's
name fuller), or, for a title or a body noun alone, when an earlier source carries that
title or starts with that noun. Anonymous sources join only an identical phrase.
"""
from __future__ import annotations

from bisect import insort
from dataclasses import dataclass, field

from khabar.quotes.morph import DEFINITE


def stem(word: str) -> str:
    """A word without its article (and a conjunction glued before it), for comparing
    names; a bare initial و is kept: it is as often a letter of the name as a conjunction."""
    for pre in DEFINITE:
        if len(word) > len(pre) + 2 and word.startswith(pre):
            return word[len(pre):]
    return word


def name_key(folded: str) -> frozenset[str]:
    return frozenset(stem(w) for w in folded.split() if w[0].isalnum())


@dataclass(slots=True)
class Source:
    canonical: str  # as written in the article (fullest name seen)
    key: frozenset[str]  # folded, stemmed words of the name
    title: str | None = None
    title_key: frozenset[str] = frozenset()
    head: str | None = None  # first folded word of a body's name, without the article
    kind: str = "person"
    affiliation: str | None = None
    aliases: list[str] = field(default_factory=list)
    gender: str | None = None  # as the verbs it was subject of agree with it (m, f, pl)
    named: bool = False  # a person's name was given, not only a title
    sure: bool = False  # that name is one the entity stage found, or opens with a given name


class Sources:
    """The article's sources in order of first mention. `resolve` answers "the latest
    source that …" through indexes (by name word, title word, head noun, exact name)
    rather than by walking back over every earlier source, which made long articles
    quadratic; the answers are those of that walk (tests/test_linear.py keeps it)."""

    def __init__(self) -> None:
        self.items: list[Source] = []
        self._at: dict[int, int] = {}  # id(source) -> its index in items
        self._by_word: dict[str, list[int]] = {}  # name word -> sources holding it, sorted
        self._by_title: dict[str, list[int]] = {}  # title word -> sources holding it
        self._by_head: dict[str, list[int]] = {}  # head noun -> sources (not anonymous)
        self._exact: dict[tuple[str, frozenset[str]], list[int]] = {}  # (kind, key) ->

    def resolve(self, name: str | None, name_folded: str | None, title: str | None,
                title_folded: str | None, kind: str, whole: str, whole_folded: str,
                sure: bool = False) -> Source:
        """The source this mention names, new or earlier; `sure`: the name is known to
        be one (see `Source.sure`)."""
        key = name_key(name_folded) if name_folded else frozenset()
        tkey = name_key(title_folded) if title_folded else frozenset()
        items = self.items
        if kind in ("anonymous", "group"):
            wkey = name_key(whole_folded)
            same = self._exact.get((kind, wkey))
            if same:
                return items[same[-1]]
            return self._new(whole, wkey, None, frozenset(), kind, None)
        if key:
            # the latest source of this kind whose name holds this one («الخطيب» after
            # «سامي الخطيب»), or, for a person, whose name this one holds (it grows)
            holds = self._latest(self._by_word, key, lambda o: o.kind == kind and o.key
                                 and key <= o.key)
            held = self._latest_within(key) if kind == "person" else -1
            if holds >= 0 and holds >= held:
                src = items[holds]
                self._learn(src, title, tkey)
                src.sure = src.sure or sure
                return src
            if held >= 0:
                src = items[held]
                src.aliases.append(src.canonical)
                self._rekey(src, key)
                src.canonical, src.named = name, True
                src.sure = src.sure or sure
                self._learn(src, title, tkey)
                return src
            src = self._new(name, key, title, tkey, kind, _head(name_folded))
            src.named, src.sure = True, sure
            return src
        # a title or a body noun alone
        wkey = name_key(whole_folded)
        head = _head(whole_folded)
        found = -1
        if tkey:
            found = self._latest(self._by_title, tkey, lambda o: bool(
                o.kind not in ("anonymous", "group") and o.title_key and tkey <= o.title_key))
        if kind == "organisation" and len(wkey) == 1 and head and self._by_head.get(head):
            found = max(found, self._by_head[head][-1])
        if wkey:
            found = max(found, self._latest(self._by_word, wkey, lambda o: bool(
                o.kind == kind and o.key and wkey <= o.key)))
        if found >= 0:
            return items[found]
        return self._new(whole, wkey, title, tkey, kind, head)

    def _latest(self, index: dict[str, list[int]], words: frozenset[str], ok) -> int:
        """The index of the latest source that passes `ok`, among those the word index
        lists under every one of `words` (read under the rarest of them), or -1."""
        lists = [index.get(w, ()) for w in words]
        rarest = min(lists, key=len)
        items = self.items
        for k in reversed(rarest):
            if ok(items[k]):
                return k
        return -1

    def _latest_within(self, key: frozenset[str]) -> int:
        """The index of the latest person source whose name words all lie in `key`."""
        items = self.items
        if len(key) <= _SUBSETS_UP_TO:
            # a person's name words are all in the word index (`_new`, `_rekey`): a subset
            # holding a word it lacks names nobody, and is not looked up
            words = sorted(w for w in key if w in self._by_word)
            best = -1
            for mask in range(1, 1 << len(words)):
                sub = frozenset(w for b, w in enumerate(words) if mask >> b & 1)
                same = self._exact.get(("person", sub))
                if same and same[-1] > best:
                    best = same[-1]
            return best
        cands = sorted({k for w in key for k in self._by_word.get(w, ())}, reverse=True)
        return next((k for k in cands if items[k].kind == "person" and items[k].key
                     and items[k].key <= key), -1)

    def relative(self, whole: str, whole_folded: str) -> Source:
        """«زوجة الصياد سامي»: a relative, known by the whole description. Its key is the
        phrase as one piece, so that none of its words (the relative's name, his title)
        is taken for the name or title of the relative later, nor the reverse."""
        key = frozenset({whole_folded})
        same = self._exact.get(("person", key))
        if same:
            return self.items[same[-1]]
        return self._new(whole, key, None, key, "person", None)

    def settle(self) -> None:
        """A title alone («وزير المياه» in a headline) names the one person the article
        introduces with that title and a name; with two such people it stays a title."""
        items = self.items
        holders_of: dict[frozenset[str], list[int]] = {}
        for src in items:
            if src.kind != "person" or src.named or not src.title_key:
                continue
            tk = src.title_key
            holders = holders_of.get(tk)
            if holders is None:
                rarest = min((self._by_title.get(w, ()) for w in tk), key=len)
                holders = []
                for k in rarest:  # in order, and two are enough to know
                    o = items[k]
                    if o.sure and o.kind == "person" and tk <= o.title_key:
                        holders.append(k)
                        if len(holders) == 2:
                            break
                holders_of[tk] = holders
            if len(holders) == 1:
                holder = items[holders[0]]
                src.canonical = holder.canonical
                src.affiliation = src.affiliation or holder.affiliation

    def _new(self, canonical, key, title, tkey, kind, head) -> Source:
        src = Source(canonical, key, title, tkey, head, kind)
        k = len(self.items)
        self.items.append(src)
        self._at[id(src)] = k
        self._exact.setdefault((kind, key), []).append(k)
        if kind not in ("anonymous", "group"):
            for w in key:
                self._by_word.setdefault(w, []).append(k)
            if head:
                self._by_head.setdefault(head, []).append(k)
        for w in tkey:
            self._by_title.setdefault(w, []).append(k)
        return src

    def _rekey(self, src: Source, key: frozenset[str]) -> None:
        """A person's name grows to `key` (a superset of its name): the indexes follow."""
        k = self._at[id(src)]
        old = self._exact[(src.kind, src.key)]
        old.remove(k)
        insort(self._exact.setdefault((src.kind, key), []), k)
        for w in key - src.key:
            insort(self._by_word.setdefault(w, []), k)
        src.key = key

    def _learn(self, src: Source, title, tkey) -> None:
        if title and not src.title:
            k = self._at[id(src)]
            for w in tkey - src.title_key:
                insort(self._by_title.setdefault(w, []), k)
            src.title, src.title_key = title, tkey


_SUBSETS_UP_TO = 8  # name words up to which `_latest_within` looks up every subset


def _head(folded: str) -> str | None:
    words = [w for w in folded.split() if w[0].isalnum()]
    return stem(words[0]) if words else None
