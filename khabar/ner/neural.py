"""The neural tagger: letters, word vectors and the CRF's own features, read in context
by a bidirectional LSTM and decoded by a CRF layer. Inference is plain numpy.

Each token is represented by parts that depend on the token alone:
  - its fastText vector from the unlabelled news (`embeddings.py`), looked up by key and
    then by its bare-name forms;
  - a letter CNN over its key, max-pooled (the spelling of names never seen anywhere);
  - the sum of learned embeddings of its CRF token features (`features.Featurizer`: word,
    affixes, shape, clusters, self-trained lexicon);
and parts that depend on its place: gazetteer phrases, and what the CRF's first pass said
of it and of its word elsewhere in the document (`first_pass_features`).
Because the LSTM's input projection is linear, the projection of the token-only parts is
kept per token form; a sentence then costs its positional rows and the recurrence.

`tagger.Tagger` runs it after the CRF's first pass and, in the `ensemble` mode, decodes it
together with the CRF's memory pass. Training (torch, never needed to tag) is in
`neural_train.py`.
"""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from khabar.ner import crf, memory
from khabar.ner.features import Featurizer
from khabar.ner.lexical import key, name_forms
from khabar.ner.rows import compact

try:  # the compiled per-position loops, built by `pip install` where a C compiler exists
    from khabar.ner import _neural as _native
except ImportError:  # pragma: no cover - depends on the build
    _native = None

TAGS = ("O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC")
MAX_CHARS = 20
# token forms whose input projection is kept: a row is 8 x hidden floats (4 KB), so this
# bounds the table near 120 MB; news repeats its words, and a full table starts afresh
_CACHE_MAX = 30_000
# sentences per batch: long enough that a step's arithmetic outweighs its Python overhead
_BATCH = 256
_CONTROLLER = None


def one_blas_thread():
    """A context in which BLAS runs on one thread. The network's products are small (one
    step of a batch of sentences): extra BLAS threads only wait on each other, and on a
    busy machine they spin, costing several times the work itself. Parallelism comes
    from processes (one per core) instead."""
    global _CONTROLLER
    if _CONTROLLER is None:
        from threadpoolctl import ThreadpoolController

        _CONTROLLER = ThreadpoolController()
    return _CONTROLLER.limit(limits=1, user_api="blas")


class Vectors:
    """Word key -> row of a (frozen) vector table; the last row is the zero vector."""

    def __init__(self, words, matrix: np.ndarray) -> None:
        self.index = {w: i for i, w in enumerate(words)}
        dims = matrix.shape[1] if matrix.size else 0
        self.matrix = np.vstack([matrix.astype(np.float32), np.zeros((1, dims), np.float32)])
        self.missing = len(self.index)

    @classmethod
    def read(cls, path, limit: int | None = None) -> "Vectors":
        """The table at `path`, cut to its first `limit` (most frequent) words."""
        with np.load(path) as z:
            return cls(z["words"][:limit].tolist(), z["vectors"][:limit])

    def row(self, token: str) -> int:
        k = key(token)
        for form in name_forms(k):
            i = self.index.get(form)
            if i is not None:
                return i
        return self.missing


def position_strings(featurizer: Featurizer, tokens: list[str],
                     extra: list[list[str]] | None = None) -> list[list[str]]:
    """Per token, the feature strings that depend on its neighbours: gazetteer phrases
    (`gazetteer.Gazetteer.features`) and the caller's `extra` ones."""
    lex = [featurizer.lexical(t) for t in tokens]
    out = featurizer.gaz.features([x.key for x in lex], [x.forms for x in lex])
    if extra is not None:
        out = [g + e for g, e in zip(out, extra)]
    return out


class Inputs:
    """What the network reads of a sentence: ids of features, letters and vector rows."""

    def __init__(self, featurizer: Featurizer, vectors: Vectors, features: list[str],
                 chars: str) -> None:
        self.featurizer = featurizer
        self.vectors = vectors
        self.features = features
        self.feat_index = {f: i + 1 for i, f in enumerate(features)}  # 0: padding
        self.chars = chars
        self.char_index = {c: i + 2 for i, c in enumerate(chars)}  # 0: padding, 1: unknown

    def token_features(self, token: str) -> list[int]:
        idx = self.feat_index
        return [idx[f] for f in self.featurizer.lexical(token).feats if f in idx]

    def position_features(self, tokens: list[str], extra: list[list[str]] | None = None
                          ) -> list[list[int]]:
        """Features that depend on a token's neighbours: gazetteer phrases, and whatever
        the caller adds per token (document memory)."""
        idx = self.feat_index
        return [[idx[f] for f in g if f in idx]
                for g in position_strings(self.featurizer, tokens, extra)]

    def token_chars(self, token: str) -> list[int]:
        k = "^" + key(token)[:MAX_CHARS - 2] + "$"
        return [self.char_index.get(c, 1) for c in k]


def first_pass_features(cores: list[list[str]], first: list[list[str]],
                        mem: list[list[list[str]]] | None = None) -> list[list[list[str]]]:
    """What the network reads of the CRF's first pass over one document: each token's own
    first-pass tag (stacking) and the document memory of its word (`memory.features`,
    or `mem` when the caller has it already)."""
    if mem is None:
        mem = memory.features(cores, first)
    return [[m + ["p1=" + t] for m, t in zip(ms, ts)] for ms, ts in zip(mem, first)]


# a probability the CRF never rules out entirely, so one model cannot veto the other
_FLOOR = 1e-6


def crf_log_marginals(crf, labels: frozenset[str], xseq: list[list[str]],
                      weight: float) -> np.ndarray:
    """A pycrfsuite tagger's per-token tag probabilities for one sentence, as weighted log
    scores in `TAGS` order: added to the network's scores, they decode the product of the
    two models' beliefs."""
    out = np.full((len(xseq), len(TAGS)), _FLOOR, np.float32)
    if not xseq:
        return out
    crf.set(xseq)
    for k, tag in enumerate(TAGS):
        if tag in labels:
            out[:, k] = [crf.marginal(tag, j) for j in range(len(xseq))]
    np.log(np.maximum(out, _FLOOR), out=out)
    return out * weight


def crf_log_prior(probs: np.ndarray, labels: tuple[str, ...], weight: float) -> np.ndarray:
    """`crf_log_marginals` from marginals already computed (tokens × `labels`, e.g. by
    `crf.marginals`): weighted log scores in `TAGS` order."""
    out = np.full((len(probs), len(TAGS)), _FLOOR, np.float32)
    if not len(probs):
        return out
    have = [k for k, tag in enumerate(TAGS) if tag in labels]
    out[:, have] = probs[:, [labels.index(TAGS[k]) for k in have]]
    np.log(np.maximum(out, _FLOOR), out=out)
    return out * weight


def crf_marginals(transitions: np.ndarray, scores: np.ndarray, lens: list[int]
                  ) -> np.ndarray:
    """`crf.marginals` for sentences laid end to end (state scores: tokens × labels, `lens`
    their lengths): the probabilities laid end to end the same way. The forward-backward
    loop runs compiled (`_neural.c`) where it was built: one call for the document instead
    of a dozen array operations per token position; the exponentials stay numpy's."""
    if _native is None or not len(scores):
        parts = crf.marginals(transitions, np.split(scores, np.cumsum(lens)[:-1]))
        return np.concatenate(parts) if parts else np.zeros((0, transitions.shape[0]))
    state = np.array(scores, np.float64)  # a copy: the caller's scores stay as they are
    state -= state.max(1, keepdims=True)
    np.exp(state, out=state)
    out = np.empty_like(state)
    _native.marginals(transitions.shape[0], np.ascontiguousarray(np.exp(transitions)),
                      state, np.asarray(lens, np.int64), out)
    return out


def write(out: Path, words: list[str], vectors: np.ndarray, arrays: dict[str, np.ndarray],
          meta: dict) -> None:
    """Write a model: the weights and word vectors as float16 (half the size, and within
    the rounding the tagger's decisions tolerate), the vocabularies as JSON beside them."""
    out = Path(out)
    np.savez_compressed(out, words=np.array(words), vectors=vectors.astype(np.float16),
                        **{k: v.astype(np.float16) for k, v in arrays.items()})
    out.with_suffix(".json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")


class NeuralTagger:
    """numpy inference for a model written by `neural_train.save`."""

    def __init__(self, path: Path | str, featurizer: Featurizer | None = None) -> None:
        path = Path(path)
        meta = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        with np.load(path) as z:
            w = {k: z[k].astype(np.float32) for k in z.files if k not in ("words", "vectors")}
            vectors = Vectors(z["words"].tolist(), z["vectors"])
        self.tags = tuple(meta["tags"])
        self.inputs = Inputs(featurizer or Featurizer(meta["families"]), vectors,
                             meta["features"], meta["chars"])
        self.hidden = int(meta["hidden"])
        # trained with first-pass document memory among its inputs (see tagger.py)
        self.memory = bool(meta.get("memory"))
        # the weight of the CRF memory pass's log-probabilities in the shipped ensemble
        self.crf_weight = float(meta.get("crf_weight", 0.0))
        self.w = w
        fdim = w["feat"].shape[1]
        wdim = vectors.matrix.shape[1]
        # sigmoid(x) = (tanh(x / 2) + 1) / 2: with the input, forget and output gate rows
        # halved, one tanh over all four gates serves every step
        h = self.hidden
        half = np.concatenate([np.full(2 * h, 0.5), np.ones(h), np.full(h, 0.5)]
                              ).astype(np.float32)
        # torch's gate rows (input, forget, cell, output) reordered to input, forget,
        # output, cell: the three sigmoid gates are then one slice, finished by two
        # operations per step instead of four (`_recur`)
        gates = np.concatenate([np.arange(2 * h), np.arange(3 * h, 4 * h),
                                np.arange(2 * h, 3 * h)])
        half = half[gates]
        lstm = {k: v[gates] for k, v in w.items() if k.startswith("lstm_")}
        # the LSTM input projection split by input part, both directions side by side
        w_ih = np.concatenate([lstm["lstm_f_ih"], lstm["lstm_b_ih"]], axis=0)  # 8H x D
        w_ih *= np.tile(half, 2)[:, None]
        # every matrix the products read is laid out row-major: BLAS multiplies a
        # transposed view (what `.T` gives) three times slower at these sizes
        self._proj_vec = np.ascontiguousarray(w_ih[:, :wdim].T)
        self._proj_feat = np.ascontiguousarray(w_ih[:, wdim:wdim + fdim].T)
        self._proj_char = np.ascontiguousarray(w_ih[:, wdim + fdim:].T)
        self._bias = np.concatenate([lstm["lstm_f_b"], lstm["lstm_b_b"]]) * np.tile(half, 2)
        self._w_hh = np.ascontiguousarray(  # 2 x H x 4H
            np.stack([lstm["lstm_f_hh"].T * half, lstm["lstm_b_hh"].T * half]))
        self._out_w = np.ascontiguousarray(w["out_w"].T)
        self._rows: dict[str, int] = {}
        # allocated at the cap at once (zeroed pages cost no memory until written): growing
        # by doubling would hold the old and the new table side by side
        self._table = np.zeros((_CACHE_MAX, 8 * h), np.float32)
        self._hits = np.zeros(_CACHE_MAX, np.int64)  # tokens read per row, for `_evict`
        conv = w["conv_w"]
        # (width x letter dims) x filters, the order the letter windows are laid out in
        self._conv = conv.transpose(2, 1, 0).reshape(-1, conv.shape[0])
        n = len(self.tags)
        self._allowed = np.zeros((n, n), np.float32)
        for a, ta in enumerate(self.tags):
            for b, tb in enumerate(self.tags):
                if tb.startswith("I-") and ta[2:] != tb[2:]:
                    self._allowed[a, b] = -1e4  # I-X only after B-X or I-X
        self._start = w["crf_start"] + np.array(
            [-1e4 if t.startswith("I-") else 0.0 for t in self.tags], np.float32)
        # what `viterbi` adds, as contiguous float32 for the compiled loop
        self._trans = np.ascontiguousarray(w["crf_trans"] + self._allowed, np.float32)
        self._end = np.ascontiguousarray(w["crf_end"], np.float32)

    def _tokens(self, tokens: list[str]) -> np.ndarray:
        """The input projection (both directions) of each token, from a table of the
        tokens met so far (rows in `_rows`), extended with the new ones at once."""
        rows = self._rows
        new = [t for t in dict.fromkeys(tokens) if t not in rows]
        if new:
            if len(rows) + len(new) > _CACHE_MAX:
                self._evict(len(new))
                new = [t for t in dict.fromkeys(tokens) if t not in rows]
            base, need = len(rows), len(rows) + len(new)
            if need > len(self._table):  # one call with more new forms than the cap
                size = need
                grown = np.empty((size, self._table.shape[1]), np.float32)
                grown[:base] = self._table[:base]
                self._table = grown
                hits = np.zeros(size, np.int64)
                hits[:base] = self._hits[:base]
                self._hits = hits
            self._table[base:need] = self._project(new)
            self._hits[base:need] = 0
            rows.update(zip(new, range(base, need)))
        at = [rows[t] for t in tokens]
        np.add.at(self._hits, at, 1)
        return self._table[at]

    def _evict(self, room: int) -> None:
        """Make room for `room` new forms, keeping the most used half of the table (their
        counts halved): news is Zipfian, and starting afresh would project every common
        word again. A form's row does not depend on when it was projected."""
        rows = self._rows
        keep_n = min(_CACHE_MAX // 2, _CACHE_MAX - room, len(rows))
        if keep_n <= 0:
            rows.clear()
            return
        forms = list(rows)  # in row order: rows are given in insertion order
        keep = np.sort(np.argsort(-self._hits[:len(forms)], kind="stable")[:keep_n])
        kept = keep.tolist()
        compact(self._table, keep)  # in place: no copy of the kept rows beside the table
        compact(self._hits, keep)
        self._hits[:len(kept)] //= 2
        rows.clear()
        rows.update((forms[i], j) for j, i in enumerate(kept))

    def _project(self, tokens: list[str]) -> np.ndarray:
        """The token-only part of the LSTM input projection, for new tokens at once."""
        inp = self.inputs
        out = inp.vectors.matrix[[inp.vectors.row(t) for t in tokens]] @ self._proj_vec
        out += self._bias
        feats = [inp.token_features(t) for t in tokens]
        has = np.array([bool(f) for f in feats])
        if has.any():
            flat = [i for f in feats for i in f]
            starts = np.cumsum([0] + [len(f) for f in feats if f])[:-1]
            # sum the small feature rows first, project once
            summed = np.add.reduceat(self.w["feat"][flat], starts, axis=0)
            out[has] += summed @ self._proj_feat
        out += self._chars([inp.token_chars(t) for t in tokens]) @ self._proj_char
        return out

    def _chars(self, ids: list[list[int]]) -> np.ndarray:
        """The letter CNN, max-pooled over each token's letters (N x filters)."""
        conv = self.w["conv_w"]  # filters x letter dims x width
        width = conv.shape[2]
        pad = width // 2
        lens = np.array([len(x) for x in ids])
        longest = int(lens.max())
        grid = np.zeros((len(ids), longest + 2 * pad), np.int64)  # row 0: the zero letter
        for n, x in enumerate(ids):
            grid[n, pad:pad + len(x)] = x
        emb = self.w["char"][grid]  # N x (L + 2 pad) x C
        win = np.concatenate([emb[:, j:j + longest] for j in range(width)], axis=2)
        out = win @ self._conv + self.w["conv_b"]  # N x L x filters
        np.maximum(out, 0, out=out)
        # beyond a token's end: 0, which never beats a ReLU output
        out[np.arange(longest)[None, :] >= lens[:, None]] = 0
        return out.max(1)

    def tag_sentences(self, sentences: list[list[str]],
                      extra: list[list[list[str]]] | None = None,
                      prior: list[np.ndarray] | None = None) -> list[list[str]]:
        """BIO tags for a batch of sentences (ANERcorp tag set).

        `extra` adds feature strings per token (the document memory, for a model trained
        with it); `prior` adds scores per token and tag (len x tags, in `tags` order) to the
        network's before decoding: another model's log-probabilities, for an ensemble."""
        out: list[list[str] | None] = [None] * len(sentences)
        order = sorted(range(len(sentences)), key=lambda i: len(sentences[i]))
        tags = np.array(self.tags, object)
        for a in range(0, len(order), _BATCH):
            batch = [i for i in order[a:a + _BATCH] if sentences[i]]
            for i in order[a:a + _BATCH]:
                if not sentences[i]:
                    out[i] = []
            if not batch:
                continue
            flat, lens = self.flat_emissions(
                [sentences[i] for i in batch],
                [extra[i] for i in batch] if extra is not None else None)
            if prior is not None:
                flat += np.concatenate([prior[i] for i in batch])
            best = tags[self.decode(flat, lens)].tolist()
            at = 0
            for i, n in zip(batch, lens.tolist()):
                out[i] = best[at:at + n]
                at += n
        return out  # type: ignore[return-value]

    def emissions(self, sentences: list[list[str]], extra: list[list[list[str]]] | None = None
                  ) -> tuple[np.ndarray, np.ndarray]:
        """Tag scores (B x T x tags, zero past each end) and the lengths, for non-empty
        sentences."""
        flat, lens = self.flat_emissions(sentences, extra)
        return self._padded(flat, lens), lens

    def flat_emissions(self, sentences: list[list[str]],
                       extra: list[list[list[str]]] | None = None
                       ) -> tuple[np.ndarray, np.ndarray]:
        """`emissions` with the sentences laid end to end (tokens x tags), no padding."""
        lens = np.array([len(s) for s in sentences])
        x = self._tokens([tok for s in sentences for tok in s])  # tokens x 8H, all sentences
        where, rows = self._positions(sentences, extra)
        if where:
            x[where] += rows
        return self._recur(x, lens) @ self._out_w + self.w["out_b"], lens

    def decode(self, flat: np.ndarray, lens: np.ndarray) -> np.ndarray:
        """Best tag indices, BIO-valid, for sentences laid end to end (tokens x tags
        scores): `viterbi`'s paths laid end to end the same way, compiled where built
        (`_neural.c`, the same additions and tie rule, hence the same tags)."""
        if _native is None:
            paths = self.viterbi(self._padded(flat, lens), lens)
            return np.concatenate([p[:n] for p, n in zip(paths, lens.tolist())])
        out = np.empty(len(flat), np.int64)
        _native.viterbi(len(self.tags), self._trans, self._start, self._end,
                        np.ascontiguousarray(flat, np.float32), np.asarray(lens, np.int64), out)
        return out

    @staticmethod
    def _padded(flat: np.ndarray, lens: np.ndarray) -> np.ndarray:
        em = np.zeros((len(lens), int(lens.max()), flat.shape[1]), np.float32)
        em[np.arange(em.shape[1])[None, :] < lens[:, None]] = flat
        return em

    def _positions(self, sentences: list[list[str]], extra: list[list[list[str]]] | None
                   ) -> tuple[list[int], np.ndarray]:
        """The input projection of the position features (gazetteer phrases, the caller's
        `extra`): the positions (tokens of all sentences end to end) that have any, and
        their rows (positions x 8H).

        A document repeats few sets of them (most tokens have only their first-pass tag),
        so each distinct set is summed and projected once and its row gathered for every
        position that has it: the sums are `_positions_reference`'s, term for term (BLAS
        may add a row of a shorter product in another order: the last bit may differ)."""
        featurizer, idx = self.inputs.featurizer, self.inputs.feat_index
        lexical, gaz = featurizer.lexical, featurizer.gaz
        keys: list[tuple[str, ...]] = []  # per position, `position_strings` as a tuple
        for i, s in enumerate(sentences):
            lex = [lexical(t) for t in s]
            found = gaz.features([x.key for x in lex], [x.forms for x in lex])
            if extra is None:
                keys.extend(map(tuple, found))
            else:
                keys.extend([tuple(g + e) if g else tuple(e) for g, e in zip(found, extra[i])])
        sets: dict[tuple[str, ...], int] = {}
        slot = [sets.setdefault(k, len(sets)) for k in keys]
        fdim = self.w["feat"].shape[1]
        ids: list[int] = []
        starts: list[int] = []
        known = np.zeros(len(sets), bool)  # sets with a feature the model knows
        for k, g in enumerate(sets):
            got = [idx[f] for f in g if f in idx]
            if got:
                known[k] = True
                starts.append(len(ids))
                ids.extend(got)
        if not ids:
            return [], np.zeros((0, 8 * self.hidden), np.float32)
        summed = np.add.reduceat(self.w["feat"][ids], starts, axis=0).reshape(-1, fdim)
        # positions without a known feature (the empty set among them) are left out, as
        # their zero row adds nothing
        at = np.cumsum(known) - 1
        slots = np.array(slot)
        where = np.flatnonzero(known[slots])
        return where.tolist(), (summed @ self._proj_feat)[at[slots[where]]]

    def _positions_reference(self, sentences: list[list[str]],
                             extra: list[list[list[str]]] | None) -> np.ndarray:
        """The input projection of the position features as first written: summed per
        position and projected for every position at once (tokens x 8H); the reference
        `_positions` is tested against."""
        where, starts, ids = [], [], []
        pos = 0
        for i, s in enumerate(sentences):
            for g in self.inputs.position_features(s, extra[i] if extra is not None else None):
                if g:
                    where.append(pos)
                    starts.append(len(ids))
                    ids.extend(g)
                pos += 1
        dense = np.zeros((pos, self.w["feat"].shape[1]), np.float32)
        if where:
            dense[where] = np.add.reduceat(self.w["feat"][ids], starts, axis=0)
        return dense @ self._proj_feat

    def _recur(self, x: np.ndarray, lens: np.ndarray) -> np.ndarray:
        """Both LSTM directions over the sentences' projected tokens, laid end to end
        (tokens x 8H) -> tokens x 2H.

        Step j reads the j-th token of each sentence still running forward and the j-th
        from its end backward, so both directions share one loop and no padding is built;
        with the sentences longest first, the running ones are a prefix of the batch.
        The inputs are gathered once into step order (both directions stacked), so that
        a step reads and writes contiguous rows: the previous step's hidden states are the
        rows just written. The arithmetic is `_recur_reference`'s, operation for
        operation; only where the numbers are kept changed."""
        hd = self.hidden
        offsets = np.concatenate([[0], np.cumsum(lens)[:-1]])
        order = np.argsort(-lens, kind="stable")
        lens_o, off_o = lens[order], offsets[order]
        live = (lens_o[None, :] > np.arange(lens_o[0])[:, None]).sum(1)
        # row r of step j: sentence r (longest first), token j forward, j from its end back
        step_of = np.repeat(np.arange(len(live)), live)
        sent_of = np.arange(len(step_of)) - np.repeat(np.cumsum(live) - live, live)
        fwd = off_o[sent_of] + step_of
        bwd = off_o[sent_of] + lens_o[sent_of] - 1 - step_of
        xs = np.empty((2, len(fwd), 4 * hd), np.float32)
        xs[0] = x[fwd, :4 * hd]
        xs[1] = x[bwd, 4 * hd:]
        hs = np.empty((2, len(fwd), hd), np.float32)  # hidden states, in step order
        c = np.zeros((2, len(lens), hd), np.float32)
        g = np.empty((2, len(lens), 4 * hd), np.float32)
        tmp = np.empty((2, len(lens), hd), np.float32)
        w_hh = self._w_hh
        h_prev = np.zeros((2, len(lens), hd), np.float32)
        at = 0
        if _native is not None:
            # the gate arithmetic between the two tanh in one compiled call per step
            # (`_neural.c`: the same operations, rounded the same): 6 calls a step, not 10
            gates, g_at, c_at, rows = _native.gates, g.ctypes.data, c.ctypes.data, len(lens)
            for n in live.tolist():
                gn = g[:, :n]
                np.matmul(h_prev[:, :n], w_hh, out=gn)
                gn += xs[:, at:at + n]
                np.tanh(gn, out=gn)
                gates(g_at, c_at, n, rows, hd)
                h = hs[:, at:at + n]
                np.tanh(c[:, :n], out=h)
                h *= gn[..., 2 * hd:3 * hd]
                h_prev = h
                at += n
        else:
            for n in live.tolist():
                gn, tn, cell = g[:, :n], tmp[:, :n], c[:, :n]
                np.matmul(h_prev[:, :n], w_hh, out=gn)
                gn += xs[:, at:at + n]
                np.tanh(gn, out=gn)
                # the sigmoid gates, (t + 1) * 0.5 as the reference has it: halving is
                # exact, so halving the gate before the product gives the product's bits
                # halved
                sig = gn[..., :3 * hd]
                sig += 1.0
                sig *= 0.5
                cell *= gn[..., hd:2 * hd]
                np.multiply(gn[..., :hd], gn[..., 3 * hd:], out=tn)
                cell += tn
                h = hs[:, at:at + n]
                np.tanh(cell, out=h)
                h *= gn[..., 2 * hd:3 * hd]
                h_prev = h
                at += n
        out = np.empty((len(x), 2 * hd), np.float32)
        out[fwd, :hd] = hs[0]
        out[bwd, hd:] = hs[1]
        return out

    def _recur_reference(self, x: np.ndarray, lens: np.ndarray) -> np.ndarray:
        """`_recur` as first written, step by step over the tokens in place: the
        reference `_recur` is tested against (tests/ner/test_neural.py).

        Both LSTM directions over the sentences' projected tokens, laid end to end
        (tokens x 8H) -> tokens x 2H.

        Step j reads the j-th token of each sentence still running forward and the j-th
        from its end backward, so both directions share one loop and no padding is built;
        with the sentences longest first, the running ones are a prefix of the batch."""
        hd = self.hidden
        offsets = np.concatenate([[0], np.cumsum(lens)[:-1]])
        order = np.argsort(-lens, kind="stable")
        lens_o, off_o = lens[order], offsets[order]
        live = (lens_o[None, :] > np.arange(lens_o[0])[:, None]).sum(1)
        h = np.zeros((2, len(lens), hd), np.float32)
        c = np.zeros((2, len(lens), hd), np.float32)
        out = np.empty((len(x), 2 * hd), np.float32)
        w_hh = self._w_hh
        for step, n in enumerate(live):
            fwd = off_o[:n] + step
            bwd = off_o[:n] + lens_o[:n] - 1 - step
            g = np.matmul(h[:, :n], w_hh)
            g[0] += x[fwd, :4 * hd]
            g[1] += x[bwd, 4 * hd:]
            np.tanh(g, out=g)
            # gates in the order input, forget, output, cell (see `__init__`)
            g[..., :3 * hd] += 1.0
            cell = c[:, :n]
            cell *= g[..., hd:2 * hd] * 0.5
            cell += g[..., :hd] * 0.5 * g[..., 3 * hd:]
            h[:, :n] = np.tanh(cell) * g[..., 2 * hd:3 * hd] * 0.5
            out[fwd, :hd] = h[0, :n]
            out[bwd, hd:] = h[1, :n]
        return out

    def viterbi(self, em: np.ndarray, lens: np.ndarray) -> np.ndarray:
        """Best tag paths for a batch (B x T x tags scores), BIO-valid; rows past a
        sentence's length are padding (their tags repeat the sentence's last one).

        The sentences are taken longest first, so that those still running at a step are
        a prefix of the batch: a step computes only them, and a finished sentence's score
        stands still. The arithmetic is `viterbi_reference`'s."""
        b, t, k = em.shape
        trans = (self.w["crf_trans"] + self._allowed)[None]
        order = np.argsort(-lens, kind="stable")
        em_o = em[order]
        running = (lens[order][None, :] > np.arange(t)[:, None]).sum(1).tolist()
        score = self._start + em_o[:, 0]
        back = np.empty((b, t, k), np.int64)
        for j in range(1, t):
            n = running[j]
            cand = score[:n, :, None] + trans
            back[:n, j] = cand.argmax(1)
            score[:n] = cand.max(1) + em_o[:n, j]
        last = (score + self.w["crf_end"]).argmax(1)
        path = np.empty((b, t), np.int64)
        path[:, t - 1] = last
        rows = np.arange(b)
        for j in range(t - 1, 0, -1):
            n = running[j]  # past its end a sentence's path stands still
            last[:n] = back[rows[:n], j, last[:n]]
            path[:, j - 1] = last
        out = np.empty_like(path)
        out[order] = path
        return out

    def viterbi_reference(self, em: np.ndarray, lens: np.ndarray) -> np.ndarray:
        """`viterbi` as first written, every sentence advanced at every step: the
        reference `viterbi` is tested against."""
        b, t, k = em.shape
        trans = (self.w["crf_trans"] + self._allowed)[None]
        score = self._start + em[:, 0]
        back = np.empty((b, t, k), np.int64)
        keep = np.broadcast_to(np.arange(k), (b, k))
        for j in range(1, t):
            cand = score[:, :, None] + trans
            best = cand.argmax(1)
            live = (j < lens)[:, None]
            # past its end a sentence stands still: its back-pointer is the identity
            back[:, j] = np.where(live, best, keep)
            score = np.where(live, cand.max(1) + em[:, j], score)
        last = (score + self.w["crf_end"]).argmax(1)
        path = np.empty((b, t), np.int64)
        path[:, t - 1] = last
        for j in range(t - 1, 0, -1):
            last = back[np.arange(b), j, last]
            path[:, j - 1] = last
        return path
