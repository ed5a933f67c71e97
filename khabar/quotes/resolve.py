"""Speakers as sources: later mentions (surname, title alone, «الوزارة») join earlier ones.

Each source keeps the fullest name the article gives it; a mention joins a source when
its name words are a subset of the source's (or the reverse, which makes the source's
name fuller), or, for a title or a body noun alone, when an earlier source carries that
title or starts with that noun. Anonymous sources join only an identical phrase.
"""
from __future__ import annotations

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
    def __init__(self) -> None:
        self.items: list[Source] = []

    def resolve(self, name: str | None, name_folded: str | None, title: str | None,
                title_folded: str | None, kind: str, whole: str, whole_folded: str,
                sure: bool = False) -> Source:
        """The source this mention names, new or earlier; `sure`: the name is known to
        be one (see `Source.sure`)."""
        key = name_key(name_folded) if name_folded else frozenset()
        tkey = name_key(title_folded) if title_folded else frozenset()
        if kind in ("anonymous", "group"):
            wkey = name_key(whole_folded)
            for src in reversed(self.items):
                if src.kind == kind and src.key == wkey:
                    return src
            return self._new(whole, wkey, None, frozenset(), kind, None)
        if key:
            for src in reversed(self.items):
                if src.kind != kind or not src.key:
                    continue  # a person's surname never names a body, nor the reverse
                if key <= src.key:
                    self._learn(src, title, tkey)
                    src.sure = src.sure or sure
                    return src
                if src.key <= key and src.kind == "person" and kind == "person":
                    src.aliases.append(src.canonical)
                    src.canonical, src.key, src.named = name, key, True
                    src.sure = src.sure or sure
                    self._learn(src, title, tkey)
                    return src
            src = self._new(name, key, title, tkey, kind, _head(name_folded))
            src.named, src.sure = True, sure
            return src
        # a title or a body noun alone
        wkey = name_key(whole_folded)
        head = _head(whole_folded)
        for src in reversed(self.items):
            if src.kind in ("anonymous", "group"):
                continue
            if tkey and src.title_key and (tkey <= src.title_key):
                return src
            if kind == "organisation" and len(wkey) == 1 and head and src.head == head:
                return src
            if wkey and src.key and wkey <= src.key and kind == src.kind:
                return src
        return self._new(whole, wkey, title, tkey, kind, head)

    def relative(self, whole: str, whole_folded: str) -> Source:
        """«زوجة الصياد سامي»: a relative, known by the whole description. Its key is the
        phrase as one piece, so that none of its words (the relative's name, his title)
        is taken for the name or title of the relative later, nor the reverse."""
        key = frozenset({whole_folded})
        for src in reversed(self.items):
            if src.kind == "person" and src.key == key:
                return src
        return self._new(whole, key, None, key, "person", None)

    def settle(self) -> None:
        """A title alone («وزير المياه» in a headline) names the one person the article
        introduces with that title and a name; with two such people it stays a title."""
        for src in self.items:
            if src.kind != "person" or src.named or not src.title_key:
                continue
            holders = [o for o in self.items if o.sure and o.kind == "person"
                       and src.title_key <= o.title_key]
            if len(holders) == 1:
                src.canonical = holders[0].canonical
                src.affiliation = src.affiliation or holders[0].affiliation

    def _new(self, canonical, key, title, tkey, kind, head) -> Source:
        src = Source(canonical, key, title, tkey, head, kind)
        self.items.append(src)
        return src

    @staticmethod
    def _learn(src: Source, title, tkey) -> None:
        if title and not src.title:
            src.title, src.title_key = title, tkey


def _head(folded: str) -> str | None:
    words = [w for w in folded.split() if w[0].isalnum()]
    return stem(words[0]) if words else None
