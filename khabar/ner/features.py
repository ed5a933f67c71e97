"""Per-token feature strings for the CRF, in named families that can be switched off.

Families (see docs/ner.md for what each adds):
  word     the token's key, its core (no clitic, no article) and its proclitic
  affix    prefixes and suffixes of the core (nisba «ي», feminine «ة», plurals…)
  shape    script, digits, punctuation, length
  context  words and cores around the token, and word bigrams
  gazetteer  membership in the `gazetteer_*` lists, at the token and its neighbours
  cluster  unsupervised word clusters at three granularities, at the token and around it
  lexicon  the name type the tagger gave the word across the unlabelled corpus
  chars    (optional) every letter trigram of the core: the spelling of unseen foreign names
"""
from __future__ import annotations

from typing import NamedTuple

from khabar.ner import gazetteer as _gaz
from khabar.ner import wordclasses as _wc
from khabar.ner.lexical import core, key, name_forms, split_clitic

_CACHE_MAX = 100_000  # as many forms as the score table keeps (scoring.TABLE_MAX)
LEXICON_NAME = "lexicon.tsv.gz"
FAMILIES = ("word", "affix", "shape", "context", "gazetteer", "cluster", "lexicon")
# families that exist but the shipped model does not use (see docs/ner.md)
OPTIONAL = ("chars",)
_SHIPPED = frozenset(FAMILIES)


def _shape(tok: str) -> str:
    c = tok[0]
    if c.isdigit():
        return "D"
    if c.isascii() and c.isalpha():
        # Latin script in Arabic news is mostly names: acronyms (all capitals) and
        # capitalised words stand apart from lower-case prose
        if tok.isupper() and len(tok) > 1:
            return "LU"
        return "LC" if c.isupper() else "L"
    if c.isalpha():
        return "A"
    return "P" + c if len(tok) == 1 else "P"


class Featurizer:
    def __init__(self, families=FAMILIES, gazetteer=None, classes=None) -> None:
        unknown = set(families) - set(FAMILIES) - set(OPTIONAL)
        if unknown:
            raise ValueError(f"unknown feature families: {sorted(unknown)}")
        self.families = frozenset(families)
        self.gaz = gazetteer if gazetteer is not None else _gaz.default()
        self.classes = classes if classes is not None else _wc.default()
        self._cache: dict[str, tuple] = {}
        self.lexicon: dict[str, str] = {}
        if "lexicon" in self.families:
            from khabar.ner.lexicon import read

            self.lexicon = read(_wc.model_path(LEXICON_NAME))

    def _cluster(self, k: str) -> tuple[str, ...]:
        table = self.classes.clusters
        for form in name_forms(k):
            cl = table.get(form)
            if cl is not None:
                return cl
        return table.get(core(k), ())

    def lexical(self, tok: str) -> "Lex":
        """Everything about a token that its sentence does not change, cached per token:
        news repeats its words, so most tokens cost one dict lookup."""
        hit = self._cache.get(tok)
        if hit is not None:
            return hit
        hit = self.describe(tok)
        if len(self._cache) > _CACHE_MAX:
            self._cache.clear()
        self._cache[tok] = hit
        return hit

    def describe(self, tok: str) -> "Lex":
        """`lexical` without its cache, for callers that keep what they need of it."""
        if self.families == _SHIPPED:
            return self._describe_shipped(tok)
        return self._describe_any(tok)

    def _describe_shipped(self, tok: str) -> "Lex":
        """`_describe_any` for the shipped families, in straight lines: every new word
        form of an article comes through here. Same strings in the same order (the
        models sum their weights in this order)."""
        k = key(tok)
        c = core(k)
        pre = split_clitic(k)[0]
        f = ["b", "w=" + k, "c=" + c, "pre=" + pre, "s1=" + c[-1:], "s2=" + c[-2:],
             "s3=" + c[-3:], "p2=" + c[:2], "p3=" + c[:3], "sh=" + _shape(tok),
             "len=" + str(min(len(c), 8))]
        cl = self._cluster(k)
        if cl:
            f.extend([f"k{lvl}={cid}" for lvl, cid in enumerate(cl)])
            c1, c2 = cl[1], cl[2]
            f.append("pre|k=" + pre + "|" + c1)
            left = ["w-1=" + k, "c-1=" + c, "k-1=" + c1, "kk-1=" + c2]
            right = ["w1=" + k, "c1=" + c, "k1=" + c1, "kk1=" + c2]
        else:
            f.append("k=none")
            left = ["w-1=" + k, "c-1=" + c]
            right = ["w1=" + k, "c1=" + c]
        lx = self.lexicon.get(c)
        if lx is not None:
            f.append("lx=" + lx)
            left.append("lx-1=" + lx)
            right.append("lx1=" + lx)
        return Lex(k, c, f, cl, left, right, "w-2=" + k, "w2=" + k, self.gaz.forms(k))

    def _describe_any(self, tok: str) -> "Lex":
        """`describe` for any choice of families (the reference of the fast path)."""
        fam = self.families
        k = key(tok)
        c = core(k)
        f = ["b"]
        if "word" in fam:
            f.append("w=" + k)
            f.append("c=" + c)
            f.append("pre=" + split_clitic(k)[0])
        if "affix" in fam:
            f.extend(("s1=" + c[-1:], "s2=" + c[-2:], "s3=" + c[-3:],
                      "p2=" + c[:2], "p3=" + c[:3]))
        if "chars" in fam and len(c) > 3:
            padded = "^" + c + "$"
            f.extend(dict.fromkeys("g3=" + padded[j:j + 3] for j in range(len(padded) - 2)))
        if "shape" in fam:
            f.append("sh=" + _shape(tok))
            f.append("len=" + str(min(len(c), 8)))
        cl: tuple[str, ...] = ()
        left: list[str] = []   # what this token tells the token after it
        right: list[str] = []  # what it tells the token before it
        far_left = far_right = ""
        if "context" in fam:
            left += ["w-1=" + k, "c-1=" + c]
            right += ["w1=" + k, "c1=" + c]
            far_left, far_right = "w-2=" + k, "w2=" + k
        if "cluster" in fam:
            cl = self._cluster(k)
            for lvl, cid in enumerate(cl):
                f.append(f"k{lvl}={cid}")
            if not cl:
                f.append("k=none")
            else:
                if "word" in fam:
                    f.append("pre|k=" + split_clitic(k)[0] + "|" + cl[1])
                left += ["k-1=" + cl[1], "kk-1=" + cl[2]]
                right += ["k1=" + cl[1], "kk1=" + cl[2]]
        if "lexicon" in fam:
            lx = self.lexicon.get(c)
            if lx is not None:
                f.append("lx=" + lx)
                left.append("lx-1=" + lx)
                right.append("lx1=" + lx)
        return Lex(k, c, f, cl, left, right, far_left, far_right, self.gaz.forms(k))

    def sentence(self, tokens: list[str]) -> list[list[str]]:
        fam = self.families
        lex = [self.lexical(t) for t in tokens]
        n = len(tokens)
        gz = self.gaz.features([x.key for x in lex], [x.forms for x in lex]) \
            if "gazetteer" in fam else None
        context = "context" in fam
        bos = _BOS if context else []
        out = []
        for i in range(n):
            x = lex[i]
            f = x.feats + lex[i - 1].left if i > 0 else x.feats + bos
            if i + 1 < n:
                f += lex[i + 1].right
            if context:
                f.append(lex[i - 2].far_left if i > 1 else "w-2=<s>")
                f.append(lex[i + 2].far_right if i + 2 < n else "w2=<s>")
                if i > 0:
                    f.append("bg-=" + lex[i - 1].key + "|" + x.key)
                if i + 1 < n:
                    f.append("bg+=" + x.key + "|" + lex[i + 1].key)
                else:
                    f.append("w1=<s>")
            if gz is not None:
                g = gz[i]
                if g:
                    f += g
                if i > 0 and gz[i - 1]:
                    f += ["-1" + a for a in gz[i - 1]]
                if i + 1 < n and gz[i + 1]:
                    f += ["+1" + a for a in gz[i + 1]]
            out.append(f)
        return out


class Lex(NamedTuple):
    key: str
    core: str
    feats: list[str]
    clusters: tuple[str, ...]
    left: list[str]
    right: list[str]
    far_left: str
    far_right: str
    forms: tuple[str, ...]


_BOS = ["w-1=<s>"]
