"""Gazetteer membership as tagger features, from the `gazetteer_*` resource files.

A token gets `g1:TYPE` when it alone is a listed name (clitic allowed in front), and
`gB:TYPE` / `gI:TYPE` when it begins / continues a listed multi-word name.
"""
from __future__ import annotations

from itertools import compress, count

from khabar.ner.lexical import key, name_forms
from khabar.resources import load

# (resource file, list in it or None for every list) -> feature type; outlets and titles
# are shared with the quotes stage (heads get their own types per list)
_SOURCES = {
    ("gazetteer_places", None): "LOC",
    ("gazetteer_organisations", None): "ORG",
    ("media_outlets", "outlets"): "MEDIA",
    ("titles", "person_titles"): "TITLE",
    ("titles", "title_phrases"): "TITLE",
    ("gazetteer_person_names", None): "GIVEN",
}
_HEADS = {"organisation": "ORGHEAD", "place": "LOCHEAD"}


def _entries() -> list[tuple[tuple[str, ...], str]]:
    out = []
    for (name, part), typ in _SOURCES.items():
        data = load(name)
        for items in (data.values() if part is None else [data[part]]):
            out.extend((tuple(key(t) for t in e.split()), typ) for e in items)
    heads = load("gazetteer_heads")
    for group, typ in _HEADS.items():
        out.extend(((key(e),), typ) for e in heads[group])
    return out


class Gazetteer:
    def __init__(self, entries: list[tuple[tuple[str, ...], str]]) -> None:
        # first token -> [(rest of the phrase, type)], longest first
        self._by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        # sorted, so that features and ties («الشرق الأوسط»: a region, a newspaper) come
        # out the same in every process
        for toks, typ in sorted(set(entries)):
            self._by_first.setdefault(toks[0], []).append((toks[1:], typ))
        for cands in self._by_first.values():
            cands.sort(key=lambda c: (-len(c[0]), c[1]))
        # the same, per first token the lengths of the rest, longest first, each with
        # its rests -> their types in order: `hits` compares one slice of the sentence
        # per length instead of every listed phrase that begins with the token
        self._by_length: dict[str, list[tuple[int, dict[tuple[str, ...], list[str]]]]] = {}
        for first, cands in self._by_first.items():
            groups: list[tuple[int, dict[tuple[str, ...], list[str]]]] = []
            for rest, typ in cands:
                if not groups or groups[-1][0] != len(rest):
                    groups.append((len(rest), {}))
                groups[-1][1].setdefault(rest, []).append(typ)
            self._by_length[first] = groups
        # the keyed words that alone are a listed name: `listed` is asked per name word
        self._alone = frozenset(k for k, cands in self._by_first.items()
                                if any(not rest for rest, _t in cands))

    def listed(self, k: str) -> bool:
        """Whether the keyed word alone is a listed name (any type)."""
        return k in self._alone

    def forms(self, k: str) -> tuple[str, ...]:
        """The name forms of a keyed token that begin some listed name (most often none)."""
        by_first = self._by_first
        return tuple([f for f in name_forms(k) if f in by_first])

    def features(self, keys: list[str], forms: list[tuple[str, ...]] | None = None
                 ) -> list[list[str]]:
        """Per token, the gazetteer feature strings (see the module doc)."""
        n = len(keys)
        out: list[list[str]] = [[] for _ in range(n)]
        if forms is None:
            forms = [self.forms(k) for k in keys]
        for i, f in self.hits(keys, forms, [i for i in range(n) if forms[i]]):
            out[i].append(f)
        return out

    def hits(self, keys: list[str], forms: list[tuple[str, ...]], positions,
             end: int | None = None) -> list[tuple[int, str]]:
        """`features` as (token, feature) pairs, in the order `features` lists them,
        for phrases beginning at `positions` (tokens whose `forms` are not empty: no
        other token begins a listed phrase). `end`: where the sentence ends, when `keys`
        run on past it (the keys of a whole article, `positions` inside one sentence):
        no phrase reaches past it."""
        n = len(keys) if end is None else end
        out: list[tuple[int, str]] = []
        by_length = self._by_length
        for i in positions:
            for form in forms[i]:
                groups = by_length.get(form)
                if not groups:
                    continue
                # a type found in a longer phrase is not found again in a shorter one
                seen: set[str] = set()
                for m, rests in groups:
                    if m == 0:
                        typs = rests[()]
                    elif i + m < n:
                        typs = rests.get(tuple(keys[i + 1:i + 1 + m]))
                        if typs is None:
                            continue
                    else:
                        continue
                    for typ in typs:
                        if typ in seen:
                            continue
                        seen.add(typ)
                        if m == 0:
                            out.append((i, "g1:" + typ))
                        else:
                            out.append((i, "gB:" + typ))
                            out.extend((j, "gI:" + typ) for j in range(i + 1, i + 1 + m))
                break  # the most literal form that is listed decides
        return out

    def matches(self, keys: list[str], types: frozenset[str],
                forms: list[tuple[str, ...]] | None = None) -> list[tuple[int, int, str]]:
        """Listed names of the given types in a sentence, longest first, not overlapping:
        (first token, end token, type). `forms`: each key's `forms`, where the caller
        has them (the tagger's `Lex.forms`); no other form begins a listed name."""
        out = []
        n = len(keys)
        # where a listed name may begin: with `forms`, only at tokens that have some
        # (picked in C: most have none); a match's tokens begin no other
        starts = range(n) if forms is None else compress(count(), forms)
        free = 0
        for i in starts:
            if i < free:
                continue
            best = None
            for form in (name_forms(keys[i]) if forms is None else forms[i]):
                for rest, typ in self._by_first.get(form, ()):
                    m = len(rest)
                    if typ in types and i + m < n and keys[i + 1:i + 1 + m] == list(rest) \
                            and (best is None or m + 1 > best[1] - best[0]):
                        best = (i, i + 1 + m, typ)
                if best:
                    break
            if best:
                out.append(best)
                free = best[1]
        return out


_DEFAULT: Gazetteer | None = None


def default() -> Gazetteer:
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Gazetteer(_entries())
    return _DEFAULT
