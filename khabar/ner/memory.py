"""Document memory: what the first tagging pass said about the same word elsewhere.

A surname alone («كيربي») is hard to tag in its own sentence, easy once the article
has named «ريتشارد ميلر». The second pass sees, for each token, how the first pass tagged
the other occurrences of the same core word in the document: the majority type, whether
it ended (`ml`) or began (`mf`) a multi-word name, and how often it was a name at all.
"""
from __future__ import annotations

from collections import Counter, defaultdict

from khabar.ner.mentions import entities as _entities


def features(cores: list[list[str]], tags: list[list[str]]) -> list[list[list[str]]]:
    """Memory features per sentence per token, for one document.

    `cores` are the sentences' token cores (see `lexical.core`), `tags` the first pass's
    BIO tags for them. A token's own first-pass tag is left out of its memory.
    """
    seen: dict[str, int] = Counter()
    as_type: dict[str, Counter] = defaultdict(Counter)
    as_last: dict[str, Counter] = defaultdict(Counter)
    as_first: dict[str, Counter] = defaultdict(Counter)
    own: list[list[tuple[str, str] | None]] = []
    for cs, ts in zip(cores, tags):
        mine: list[tuple[str, str] | None] = [None] * len(cs)
        for c in cs:
            seen[c] += 1
        for a, b, typ in _entities(ts):
            for j in range(a, b):
                as_type[cs[j]][typ] += 1
                mine[j] = (typ, "")
            if b - a > 1:
                as_last[cs[b - 1]][typ] += 1
                mine[b - 1] = (typ, "L")
                as_first[cs[a]][typ] += 1
                mine[a] = (typ, "F")
        own.append(mine)
    out = []
    for cs, mine in zip(cores, own):
        sent = []
        for c, m in zip(cs, mine):
            types = as_type.get(c)
            f: list[str] = []
            if types:
                cnt = types.copy()
                if m is not None:
                    cnt[m[0]] -= 1
                total = sum(cnt.values())
                if total > 0:
                    top = cnt.most_common(1)[0][0]
                    f.append("m=" + top)
                    others = seen[c] - 1
                    f.append("mr=" + ("all" if total >= others else
                                      "most" if 2 * total >= others else "some"))
                for name, table, mark in (("ml=", as_last, "L"), ("mf=", as_first, "F")):
                    edge = table.get(c)
                    if edge:
                        ec = edge.copy()
                        if m is not None and m[1] == mark:
                            ec[m[0]] -= 1
                        if sum(ec.values()) > 0:
                            f.append(name + ec.most_common(1)[0][0])
            sent.append(f)
        out.append(sent)
    return out
