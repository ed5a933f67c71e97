"""State scores of the CRF passes, summed once per word form instead of once per token.

A token's features (features.py) are its own (`Lex.feats`), what its neighbours one and
two places away say about it (`left`, `right`, `far_left`, `far_right`), the word bigrams
it is in and the gazetteer phrases around it. The CRF's state score is a sum of one weight
vector per feature, so each part's sum is kept per word form, for every pass at once
(the passes' labels side by side), and a sentence's scores are a few row gathers: the
bigrams and gazetteer phrases, which depend on the sentence, are added where present.

The sums equal those of `Featurizer.sentence` fed to crfsuite, up to the order of
additions (tests/ner/test_crf.py decodes both ways and compares).
"""
from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate, chain, compress, count, repeat
from operator import attrgetter, is_

import numpy as np

from khabar.ner.crf import LinearCRF
from typing import NamedTuple

from khabar.ner import features as _features
from khabar.ner import gazetteer as _gazetteer
from khabar.ner.features import Featurizer
from khabar.ner.lexical import core as _core
from khabar.ner.lexical import forms_of as _forms_of
from khabar.ner.lexical import key as _key
from khabar.ner.lexical import name_forms as _name_forms
from khabar.ner.lexical import split_clitic as _split_clitic
from khabar.ner.rows import compact

try:  # the per-form loop of `_rows_shipped` in C, built by `pip install` where it can be
    from khabar.ner import _rows as _native
except ImportError:  # pragma: no cover - depends on the build
    _native = None
if _native is not None and not hasattr(_native, "scores"):  # pragma: no cover
    _native = None  # a build of an older _rows.c (other arguments): the Python loops

# forms kept before the table keeps its most used half: about 1.1 KB each, so at most some
# 110 MB, full after some 5,000 articles; news repeats its words (over 5,000 articles a
# table of 100,000 forms meets some 22 new forms per article, one of 50,000 some 30, which
# cost the entity stage about 5 % more). Every other per-form cache of the stage is
# smaller and full long before (tests/ner/test_cache_bounds.py)
TABLE_MAX = 100_000
_OWN, _LEFT, _RIGHT, _FAR_LEFT, _FAR_RIGHT = range(5)
_BIGRAMS = ("bg-=", "bg+=")
_KEY, _FORMS = attrgetter("key"), attrgetter("forms")


class Word(NamedTuple):
    """What sentences read of a form once its feature sums are kept (see `features.Lex`)."""
    key: str
    core: str
    forms: tuple[str, ...]


# the attribute prefixes `_rows.c` looks rows up by, in its order (its enum G_*)
_NATIVE_PREFIXES = ("w", "c", "pre", "s1", "s2", "s3", "p2", "p3", "sh", "len", "pre|k", "lx",
                    "w-1", "c-1", "k-1", "kk-1", "lx-1", "w1", "c1", "k1", "kk1", "lx1",
                    "w-2", "w2")
_NATIVE_FUNCS = (_key, _forms_of, _features._shape)


class FormScores:
    """Per word form, the summed state weights of its feature parts for several models.

    `scores(sentences)` gives, per sentence, an array tokens × (labels of model 1 +
    labels of model 2 …); `split` cuts it into the models' blocks.
    """

    def __init__(self, featurizer: Featurizer, models: list[LinearCRF],
                 capacity: int = TABLE_MAX, cached: bool = False) -> None:
        """`cached`: describe new forms through the featurizer's own cache
        (`Featurizer.lexical`), for a caller that asks it about the same forms next
        (the neural tagger); by default they are described once and not kept."""
        self.featurizer = featurizer
        self._describe = featurizer.lexical if cached else featurizer.describe
        self.models = models
        self.widths = [len(m.labels) for m in models]
        self.bounds = np.cumsum([0] + self.widths)
        self.capacity = capacity
        fam = featurizer.families
        self.context = "context" in fam
        self.gazetteer = "gazetteer" in fam
        # one joint table: a row per attribute any model knows, the models' labels side by
        # side, and a last row of zeros that unknown attributes and padding point at
        attrs = sorted(set().union(*(m.index for m in models)))
        self.index = {a: i for i, a in enumerate(attrs)}
        self.zero_row = len(attrs)
        self.weights = np.zeros((len(attrs) + 1, int(self.bounds[-1])))
        for m, lo, hi in zip(models, self.bounds, self.bounds[1:]):
            rows = [self.index[a] for a in m.index]
            self.weights[rows, lo:hi] = m.weights[[m.index[a] for a in m.index]]
        # word bigram attributes, by the exact string; which keys can begin or end one
        self._bg_first: set[str] = set()
        self._bg_second: set[str] = set()
        for a in attrs:
            if a.startswith(_BIGRAMS):
                body = a[4:]
                for i, ch in enumerate(body):
                    if ch == "|":
                        self._bg_first.add(body[:i])
                        self._bg_second.add(body[i + 1:])
        self._vectors: dict[tuple[str, ...], np.ndarray] = {}
        # the rows at the sentence's edges: what the token before the first says
        # (w-1=<s>), the one after the last, two before, two after (zeros: none)
        zero = self.weights[self.zero_row]
        ctx = self.context
        self._edges = np.array([
            self.weights[self.index["w-1=<s>"]] if ctx and "w-1=<s>" in self.index else zero,
            self.weights[self.index["w1=<s>"]] if ctx and "w1=<s>" in self.index else zero,
            self.weights[self.index.get("w-2=<s>", self.zero_row)],
            self.weights[self.index.get("w2=<s>", self.zero_row)]])
        # per gazetteer attribute («gB:LOC»), its rows on the token, after and before
        self._gaz_rows: dict[str, tuple[int | None, int | None, int | None]] = {}
        # the shipped families' rows are looked up without building their feature strings
        # (`_rows_shipped`): per attribute prefix («w», «c-1», «k1» …), the rest of the
        # attribute -> its row. The prefix never holds «=», so "P=" + X is in `index`
        # exactly when X is in by_prefix[P]
        self._by_prefix: dict[str, dict[str, int]] | None = None
        if featurizer.families == _features._SHIPPED and \
                type(featurizer).describe is Featurizer.describe:
            by: dict[str, dict[str, int]] = {}
            for a, i in self.index.items():
                head, eq, rest = a.partition("=")
                if eq:
                    by.setdefault(head, {})[rest] = i
            self._by_prefix = by
        self._reset()

    def _reset(self) -> None:
        self._ids: dict[str, int] = {}
        self.lex: list[Word] = []
        # allocated at the cap at once: zeroed pages cost no memory until a row is written,
        # and growing by doubling would hold the old and the new table side by side
        size = max(self.capacity, 1)
        self._parts = np.zeros((size, 5, self.weights.shape[1]))
        self._first = np.zeros(size, bool)   # key may begin a bigram attribute
        self._second = np.zeros(size, bool)  # key may end one
        self._gaz = np.zeros(size, bool)     # form may begin a gazetteer phrase
        self._hits = np.zeros(size, np.int64)  # tokens scored per form, for `_evict`

    def _evict(self, room: int) -> None:
        """Make room for `room` new forms by keeping only the most used half of the table
        (their counts halved, so that old favourites age). News is Zipfian: starting
        afresh would recompute every common word, the costliest part of a long run. A
        form's sums do not depend on when they were computed, so scores stay the same."""
        keep_n = min(self.capacity // 2, self.capacity - room)
        if keep_n <= 0:
            self._reset()
            return
        n = len(self.lex)
        keep = np.sort(np.argsort(-self._hits[:n], kind="stable")[:keep_n])
        forms = list(self._ids)  # in id order: ids are given in insertion order
        kept = keep.tolist()
        self._ids = {forms[i]: j for j, i in enumerate(kept)}
        self.lex = [self.lex[i] for i in kept]
        # compacted in place, a chunk at a time: a second table beside the first would
        # raise the peak memory by the kept half. Rows past the kept ones are rewritten by
        # `_add` before any read; only the hit counts, which `np.add.at` adds to, are zeroed
        for arr in (self._parts, self._first, self._second, self._gaz, self._hits):
            compact(arr, keep)
        self._hits[len(kept):] = 0
        self._hits //= 2

    def vector(self, attrs: tuple[str, ...]) -> np.ndarray:
        """Summed weights of a few feature strings (memory, gazetteer), cached."""
        v = self._vectors.get(attrs)
        if v is None:
            rows = [self.index.get(a, self.zero_row) for a in attrs]
            v = self.weights[rows].sum(0) if rows else self.weights[self.zero_row].copy()
            if len(self._vectors) > self.capacity:
                self._vectors.clear()
            self._vectors[attrs] = v
        return v

    def ids(self, sentences: list[list[str]]) -> list[list[int]]:
        """Form ids of every token; new forms get their feature sums computed here."""
        flat, lens = self._flat_ids(sentences)
        out, at = [], 0
        for n in lens:
            out.append(flat[at:at + n])
            at += n
        return out

    def _flat_ids(self, sentences: list[list[str]]) -> tuple[list[int], list[int]]:
        """`ids` of all tokens laid end to end, and the sentence lengths."""
        lens = list(map(len, sentences))
        tokens = list(chain.from_iterable(sentences))
        if len(self._ids) + len(tokens) > self.capacity:
            self._evict(len(tokens))
        table = self._ids
        flat = list(map(table.get, tokens))
        if None in flat:
            # the table is large and its keys lie all over memory: only the new forms are
            # looked up again, in a small dict of their own
            missing = list(compress(count(), map(is_, flat, repeat(None))))
            new = list(dict.fromkeys(map(tokens.__getitem__, missing)))
            fresh = dict(zip(new, range(len(table), len(table) + len(new))))
            table.update(fresh)
            self._add(new)
            for j in missing:
                flat[j] = fresh[tokens[j]]
        return flat, lens  # type: ignore[return-value]

    def words(self, tokens: list[str]) -> list["Word"]:
        """Key, core and name forms of each token (all of them met by `ids`)."""
        try:
            return list(map(self.lex.__getitem__, map(self._ids.__getitem__, tokens)))
        except KeyError:
            return [self.lex[i] for i in self.ids([tokens])[0]]

    def _add(self, forms: list[str]) -> None:
        start = len(self.lex)
        if self._by_prefix is not None and self._describe == self.featurizer.describe:
            new, rows, cuts = self._rows_shipped(forms)
        else:
            new, rows, cuts = self._rows_described(forms)
        self.lex += new
        self._finish_add(start, new, rows, cuts)

    def _rows_described(self, forms: list[str]) -> tuple[list[Word], list[int], list[int]]:
        """Per new form, what sentences read of it, and the weight rows of its five parts
        (own, left, right, far left, far right) laid end to end, with where each begins."""
        lexical = self._describe
        get = self.index.get
        rows: list[int] = []
        cuts: list[int] = []
        zero = self.zero_row
        new: list[Word] = []
        for tok in forms:
            x = lexical(tok)
            # only what sentences need is kept: the feature strings are summed already
            new.append(Word(x.key, x.core, x.forms))
            # each part begins with the zero row ("" is no attribute), so that no segment
            # of reduceat is empty; attributes the models lack (most of a rare word's)
            # point at the zero row too: adding 0.0 leaves the sums as they were
            at = len(rows)
            f, left, right = x.feats, x.left, x.right
            a1 = at + 1 + len(f)
            a2 = a1 + 1 + len(left)
            a3 = a2 + 1 + len(right)
            cuts += (at, a1, a2, a3, a3 + 2)
            rows.extend(map(get, ["", *f, "", *left, "", *right, "", x.far_left, "",
                                  x.far_right], repeat(zero)))
        return new, rows, cuts

    def _rows_shipped(self, forms: list[str]) -> tuple[list[Word], list[int], list[int]]:
        """`_rows_described` for the shipped families (`Featurizer._describe_shipped`),
        the same rows in the same order, looked up by prefix instead of through feature
        strings: every new word form of an article comes through here
        (tests/ner/test_scoring_rows.py compares the two). The loop runs in C
        (`_rows.c`) where that was built and the gazetteer and clusters are the shipped
        classes, else in `_rows_shipped_py`."""
        fz = self.featurizer
        if _native is None or not (type(fz.gaz) is _gazetteer.Gazetteer and
                                   type(fz)._cluster is Featurizer._cluster):
            return self._rows_shipped_py(forms)
        by = self._by_prefix
        assert by is not None
        z = self.zero_row
        nothing: dict[str, int] = {}
        gets = tuple(by.get(p, nothing) for p in _NATIVE_PREFIXES)
        levels = [by.get(f"k{lvl}", nothing) for lvl in range(8)]
        consts = (z, self.index.get("b", z), by.get("k", nothing).get("none", z))
        tables = (fz.lexicon, fz.classes.clusters, fz.gaz._by_first)
        new, rows, cuts = _native.rows(list(forms), _NATIVE_FUNCS, gets, levels, consts,
                                       tables, Word)
        return new, rows, cuts

    def _rows_shipped_py(self, forms: list[str]) -> tuple[list[Word], list[int], list[int]]:
        """`_rows_shipped` in Python: the reference the C loop is tested against."""
        by = self._by_prefix
        assert by is not None
        z = self.zero_row
        nothing: dict[str, int] = {}
        g = {p: by.get(p, nothing).get for p in (
            "w", "c", "pre", "s1", "s2", "s3", "p2", "p3", "sh", "len", "pre|k", "k", "lx",
            "w-1", "c-1", "k-1", "kk-1", "lx-1", "w1", "c1", "k1", "kk1", "lx1", "w-2", "w2")}
        w_, c_, pre_, s1_, s2_, s3_, p2_, p3_, sh_, len_ = (
            g["w"], g["c"], g["pre"], g["s1"], g["s2"], g["s3"], g["p2"], g["p3"], g["sh"],
            g["len"])
        prek_, lx_ = g["pre|k"], g["lx"]
        wl_, cl_, kl_, kkl_, lxl_ = g["w-1"], g["c-1"], g["k-1"], g["kk-1"], g["lx-1"]
        wr_, cr_, kr_, kkr_, lxr_ = g["w1"], g["c1"], g["k1"], g["kk1"], g["lx1"]
        wll_, wrr_ = g["w-2"], g["w2"]
        levels = [by.get(f"k{lvl}", nothing).get for lvl in range(8)]
        b = self.index.get("b", z)
        k_none = g["k"]("none", z)
        fz = self.featurizer
        lexicon, shape = fz.lexicon.get, _features._shape
        # a form's name forms are read once for its clusters and its gazetteer forms (what
        # `Featurizer._cluster` and `Gazetteer.forms` each read), where those are the
        # shipped classes' own
        plain = type(fz.gaz) is _gazetteer.Gazetteer and \
            type(fz)._cluster is Featurizer._cluster
        gaz_first = fz.gaz._by_first if plain else {}
        clusters = fz.classes.clusters.get if plain else None
        rows: list[int] = []
        cuts: list[int] = []
        new: list[Word] = []
        for tok in forms:
            k = _key(tok)
            c = _core(k)
            pre = _split_clitic(k)[0]
            if clusters is not None:
                nf = _name_forms(k)
                new.append(Word(k, c, tuple([f for f in nf if f in gaz_first])))
                for f in nf:
                    cl = clusters(f)
                    if cl is not None:
                        break
                else:
                    cl = clusters(c, ())
            else:
                new.append(Word(k, c, fz.gaz.forms(k)))
                cl = fz._cluster(k)
            at = len(rows)
            rows += (z, b, w_(k, z), c_(c, z), pre_(pre, z), s1_(c[-1:], z), s2_(c[-2:], z),
                     s3_(c[-3:], z), p2_(c[:2], z), p3_(c[:3], z), sh_(shape(tok), z),
                     len_(str(min(len(c), 8)), z))
            lx = lexicon(c)
            if cl:
                rows += [levels[lvl](cid, z) for lvl, cid in enumerate(cl)]
                c1, c2 = cl[1], cl[2]
                rows.append(prek_(pre + "|" + c1, z))
                if lx is not None:
                    rows.append(lx_(lx, z))
                a1 = len(rows)
                rows += (z, wl_(k, z), cl_(c, z), kl_(c1, z), kkl_(c2, z))
                if lx is not None:
                    rows.append(lxl_(lx, z))
                a2 = len(rows)
                rows += (z, wr_(k, z), cr_(c, z), kr_(c1, z), kkr_(c2, z))
            else:
                rows.append(k_none)
                if lx is not None:
                    rows.append(lx_(lx, z))
                a1 = len(rows)
                rows += (z, wl_(k, z), cl_(c, z))
                if lx is not None:
                    rows.append(lxl_(lx, z))
                a2 = len(rows)
                rows += (z, wr_(k, z), cr_(c, z))
            if lx is not None:
                rows.append(lxr_(lx, z))
            a3 = len(rows)
            rows += (z, wll_(k, z), z, wrr_(k, z))
            cuts += (at, a1, a2, a3, a3 + 2)
        return new, rows, cuts

    def _finish_add(self, start: int, new: list[Word], rows: list[int], cuts: list[int]
                    ) -> None:
        end = len(self.lex)
        if end > len(self._parts):  # one call with more new forms than the cap
            size = end
            for name in ("_parts", "_first", "_second", "_gaz", "_hits"):
                old = getattr(self, name)
                grown = np.zeros((size,) + old.shape[1:], old.dtype)
                grown[:len(old)] = old
                setattr(self, name, grown)
        if _native is not None and cuts and type(rows) is list and type(cuts) is list:
            # summed in C straight into the table, in numpy's order of additions
            _native.sums(self.weights, rows, cuts,
                         self._parts[start:end].reshape(-1, self.weights.shape[1]))
        else:
            sums = np.add.reduceat(self.weights[rows], cuts, axis=0)
            self._parts[start:end] = sums.reshape(end - start, 5, -1)
        keys = [x.key for x in new]
        self._first[start:end] = [k in self._bg_first for k in keys]
        self._second[start:end] = [k in self._bg_second for k in keys]
        self._gaz[start:end] = [bool(x.forms) for x in new]

    def scores(self, sentences: list[list[str]]) -> tuple[list[list[int]], list[np.ndarray]]:
        """(form ids, state scores) per sentence, every model's labels side by side."""
        ids, lens, out = self.flat_scores(sentences)
        return ids, np.split(out, np.cumsum(lens)[:-1]) if ids else []

    def flat_scores(self, sentences: list[list[str]]
                    ) -> tuple[list[list[int]], list[int], np.ndarray]:
        """(form ids per sentence, sentence lengths, state scores of all tokens laid end
        to end: tokens × every model's labels side by side)."""
        ids, lens, out, _words = self.flat_scores_words(sentences)
        return ids, lens, out

    def flat_scores_words(self, sentences: list[list[str]]
                          ) -> tuple[list[list[int]], list[int], np.ndarray, list[Word]]:
        """`flat_scores`, and the `Word` of every token laid end to end (what `words`
        would give for each sentence: the tagger hands them on to the rules)."""
        flat_ids, lens = self._flat_ids(sentences)
        ids, at = [], 0
        for m in lens:
            ids.append(flat_ids[at:at + m])
            at += m
        words = list(map(self.lex.__getitem__, flat_ids))
        n = len(flat_ids)
        width = self.weights.shape[1]
        if n == 0:
            return ids, lens, np.zeros((0, width)), words
        if _native is not None and self.context:
            # the gathers and sums below, and the bigram and gazetteer candidates, in one
            # pass of C over the tokens (`_rows.scores`: the same additions in the same
            # order, so the same bits; tests/ner/test_scoring_rows.py)
            out = np.empty((n, width))
            pairs, begins, sents = _native.scores(
                self._parts, flat_ids, lens, self._edges, self._hits, self._first,
                self._second, self._gaz, out)
        else:
            out, pairs, begins, sents = self._numpy_scores(flat_ids, lens)
        at_: list[int] = []
        rows: list[int] = []
        if self.context:
            self._bigrams(flat_ids, pairs, at_, rows)
        if self.gazetteer and begins:
            self._gazetteer(words, lens, begins, sents, at_, rows)
        if at_:  # the sentence-dependent features: few, added in one call
            np.add.at(out, at_, self.weights[rows])
        return ids, lens, out, words

    def _numpy_scores(self, flat_ids: list[int], lens: list[int]
                      ) -> tuple[np.ndarray, list[int], list[int], list[int]]:
        """The state scores of the tokens before the sentence-dependent features, the
        tokens that may begin a word bigram with the next one, and those that may begin
        a gazetteer phrase with their sentences (what `_rows.scores` does in C)."""
        flat = np.array(flat_ids, np.intp)
        np.add.at(self._hits, flat, 1)
        n = len(flat)
        ends = np.cumsum(lens)
        starts = ends - lens
        nonempty = np.array(lens) > 0
        first_tok = starts[nonempty]
        last_tok = ends[nonempty] - 1
        pos = np.arange(n) - np.repeat(starts, lens)          # index within the sentence
        left = np.repeat(ends, lens) - np.arange(n) - 1       # tokens after it in the sentence
        parts = self._parts[flat]
        out = parts[:, _OWN].copy()
        edges = self._edges
        # what the token before says (or the sentence start)
        prev = np.empty_like(out)
        prev[1:] = parts[:-1, _LEFT]
        prev[first_tok] = edges[0]
        out += prev
        # what the token after says (or, with context features, the sentence end)
        nxt = np.empty_like(out)
        nxt[:-1] = parts[1:, _RIGHT]
        nxt[last_tok] = edges[1]
        out += nxt
        pairs: list[int] = []
        if self.context:
            far = np.empty_like(out)
            far[2:] = parts[:-2, _FAR_LEFT]
            far[pos < 2] = edges[2]
            out += far
            far[:-2] = parts[2:, _FAR_RIGHT]
            far[left < 2] = edges[3]
            out += far
            pairs = np.flatnonzero(self._first[flat[:-1]] & self._second[flat[1:]] &
                                   (left[:-1] > 0)).tolist()
        begins = np.flatnonzero(self._gaz[flat])
        # the sentence of each (empty sentences end where the next begins, so
        # `side="right"` passes over them)
        sents = np.searchsorted(ends, begins, side="right").tolist()
        return out, pairs, begins.tolist(), sents

    def _bigrams(self, flat: list[int], cand: list[int], at: list[int], rows: list[int]
                 ) -> None:
        """Word bigram attributes the model knows: `bg+=` on the first word of the pair,
        `bg-=` on the second (`cand`: the tokens whose form may begin a pair with the
        next token's, in the same sentence)."""
        idx = self.index
        lex = self.lex
        for j in cand:
            pair = lex[flat[j]].key + "|" + lex[flat[j + 1]].key
            r = idx.get("bg+=" + pair)
            if r is not None:
                at.append(j)
                rows.append(r)
            r = idx.get("bg-=" + pair)
            if r is not None:
                at.append(j + 1)
                rows.append(r)

    def _gazetteer(self, words: list[Word], lens: list[int], begins: list[int],
                   sents: list[int], at: list[int], rows: list[int]) -> None:
        """Gazetteer phrase attributes (`Gazetteer.features`) on the token, and as seen
        from the token before (`+1`) and after (`-1`), for phrases beginning at `begins`
        (the tokens whose form may begin one, in sentences `sents`), read sentence by
        sentence, in order, over the keys of the whole article."""
        bounds = list(accumulate(lens, initial=0))
        hits = self.featurizer.gaz.hits
        keys = list(map(_KEY, words))
        forms = list(map(_FORMS, words))
        feature_rows = self._gaz_rows
        j, nb = 0, len(begins)
        while j < nb:
            s = sents[j]
            k = bisect_right(sents, s, j)
            first, end = bounds[s], bounds[s + 1]
            for i, a in hits(keys, forms, begins[j:k], end):
                on = feature_rows.get(a)
                if on is None:
                    on = feature_rows[a] = self._gaz_feature_rows(a)
                for pos, r in zip((i, i + 1, i - 1), on):
                    if r is not None and first <= pos < end:
                        at.append(pos)
                        rows.append(r)
            j = k

    def _gaz_feature_rows(self, a: str) -> tuple[int | None, int | None, int | None]:
        """The rows of a gazetteer attribute on the token, the token after and before."""
        idx = self.index
        return idx.get(a), idx.get("-1" + a), idx.get("+1" + a)

    def split(self, scores: np.ndarray) -> list[np.ndarray]:
        """One sentence's scores cut into the models' blocks."""
        return [scores[:, lo:hi] for lo, hi in zip(self.bounds, self.bounds[1:])]
