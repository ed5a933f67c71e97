"""Document memory: what the first tagging pass said about the same word elsewhere.

A surname alone («كيربي») is hard to tag in its own sentence, easy once the article
has named «ريتشارد ميلر». The second pass sees, for each token, how the first pass tagged
the other occurrences of the same core word in the document: the majority type, whether
it ended (`ml`) or began (`mf`) a multi-word name, and how often it was a name at all.
"""
from __future__ import annotations

from collections import Counter
from itertools import chain, compress, count
from typing import Iterator

from khabar.ner.mentions import entities as _entities


def features(cores: list[list[str]], tags: list[list[str]]) -> list[list[list[str]]]:
    """Memory features per sentence per token, for one document.

    `cores` are the sentences' token cores (see `lexical.core`), `tags` the first pass's
    BIO tags for them. A token's own first-pass tag is left out of its memory.
    """
    out: list[list[list[str]]] = [[[] for _ in cs] for cs in cores]
    for s, i, f in found(cores, tags):
        out[s][i] = f
    return out


def found(cores: list[list[str]], tags: list[list[str]]
          ) -> Iterator[tuple[int, int, list[str]]]:
    """`features` for the tokens that have any: (sentence, token, features). Only words
    the first pass tagged somewhere in the document have memory, so the rest of the
    document is never visited twice."""
    # counts per word and type, in the order types were first seen (ties go to the first,
    # as Counter.most_common does)
    as_type: dict[str, dict[str, int]] = {}
    as_last: dict[str, dict[str, int]] = {}
    as_first: dict[str, dict[str, int]] = {}
    own: dict[tuple[int, int], tuple[str, str]] = {}
    for s, (cs, ts) in enumerate(zip(cores, tags)):
        for a, b, typ in _entities(ts):
            for j in range(a, b):
                d = as_type.setdefault(cs[j], {})
                d[typ] = d.get(typ, 0) + 1
                own[s, j] = (typ, "")
            if b - a > 1:
                d = as_last.setdefault(cs[b - 1], {})
                d[typ] = d.get(typ, 0) + 1
                own[s, b - 1] = (typ, "L")
                d = as_first.setdefault(cs[a], {})
                d[typ] = d.get(typ, 0) + 1
                own[s, a] = (typ, "F")
    if not as_type:
        return
    # the words with memory are picked in C: most of a document's words have none
    has = as_type.__contains__
    seen = Counter(filter(has, chain.from_iterable(cores)))
    for s, cs in enumerate(cores):
        for i in compress(count(), map(has, cs)):
            c = cs[i]
            types = as_type[c]
            m = own.get((s, i))
            f: list[str] = []
            cnt = dict(types)
            if m is not None:
                cnt[m[0]] -= 1
            total = sum(cnt.values())
            if total > 0:
                f.append("m=" + max(cnt, key=cnt.__getitem__))
                others = seen[c] - 1
                f.append("mr=" + ("all" if total >= others else
                                  "most" if 2 * total >= others else "some"))
            for name, table, mark in (("ml=", as_last, "L"), ("mf=", as_first, "F")):
                edge = table.get(c)
                if edge:
                    ec = dict(edge)
                    if m is not None and m[1] == mark:
                        ec[m[0]] -= 1
                    if sum(ec.values()) > 0:
                        f.append(name + max(ec, key=ec.__getitem__))
            if f:
                yield s, i, f
