"""A crfsuite model's own weights in numpy: state scores, Viterbi and marginals.

pycrfsuite tags one sentence at a time and first converts every feature string of every
token to C++ strings; most of the entity stage went there. Read once, the weights let the
tagger sum a word form's feature weights once per form (see `scoring.py`) and decode all
sentences of a document together, one numpy step per token position.

Decoding follows crfsuite's arithmetic (`crf1dc_viterbi`): the same additions in the same
order, and the first label wins a tie. State scores are sums of the same weights, added in
another order, so they can differ from crfsuite's in the last bits; tests check that the
tags are the same (tests/ner/test_crf.py).

The model file is read directly (crfsuite's `crf1dm` layout: a header, a feature table and
two CQDB string tables), which takes milliseconds where `Tagger.info()` takes a second.
"""
from __future__ import annotations

import struct
from pathlib import Path

import numpy as np

_HEADER = struct.Struct("<4sI4sIIIIIIIII")
_FEATURE = np.dtype([("type", "<u4"), ("src", "<u4"), ("dst", "<u4"), ("weight", "<f8")])
_STATE, _TRANSITION = 0, 1

try:  # the compiled Viterbi loop, built by `pip install` where a C compiler exists
    from khabar.ner import _viterbi as _native
except ImportError:  # pragma: no cover - depends on the build
    _native = None


class ModelFormatError(ValueError):
    pass


def _cqdb_strings(buf: bytes, at: int) -> list[str]:
    """The strings of a CQDB table, by id: crfsuite's attribute and label dictionaries."""
    if buf[at:at + 4] != b"CQDB":
        raise ModelFormatError("not a CQDB table where the model header points")
    _size, _flag, _order, bwd_size, bwd_offset = struct.unpack_from("<5I", buf, at + 4)
    offsets = struct.unpack_from(f"<{bwd_size}I", buf, at + bwd_offset)
    out = [""] * bwd_size
    for off in offsets:
        if off == 0:
            continue
        rid, ksize = struct.unpack_from("<2I", buf, at + off)
        out[rid] = buf[at + off + 8:at + off + 8 + ksize - 1].decode("utf-8")
    return out


class LinearCRF:
    """The weights of one crfsuite model.

    `labels`: label names in the model's own order (the order ties are broken in);
    `transitions[i, j]`: the weight of label i followed by label j;
    `vector(attrs)`: the summed state weights of attributes (value 1 each) per label.
    """

    def __init__(self, path: Path | str) -> None:
        buf = Path(path).read_bytes()
        (magic, _size, mtype, _version, _nf, n_labels, n_attrs, off_features, off_labels,
         off_attrs, _off_lrefs, _off_arefs) = _HEADER.unpack_from(buf, 0)
        if magic != b"lCRF" or mtype != b"FOMC":
            raise ModelFormatError(f"{path}: not a crfsuite CRF1d model")
        if buf[off_features:off_features + 4] != b"FEAT":
            raise ModelFormatError(f"{path}: no feature table where the header points")
        (n_features,) = struct.unpack_from("<I", buf, off_features + 8)
        feats = np.frombuffer(buf, _FEATURE, n_features, off_features + 12)
        self.labels: tuple[str, ...] = tuple(_cqdb_strings(buf, off_labels))[:n_labels]
        attrs = _cqdb_strings(buf, off_attrs)[:n_attrs]
        L = len(self.labels)
        self.transitions = np.zeros((L, L))
        tr = feats[feats["type"] == _TRANSITION]
        self.transitions[tr["src"], tr["dst"]] = tr["weight"]
        st = feats[feats["type"] == _STATE]
        # one row per attribute, and a last row of zeros for attributes the model lacks
        self.weights = np.zeros((n_attrs + 1, L))
        np.add.at(self.weights, (st["src"], st["dst"]), st["weight"])
        self.index: dict[str, int] = {a: i for i, a in enumerate(attrs)}
        self.unknown = n_attrs
        self._zero = self.weights[n_attrs]

    def row(self, attr: str) -> np.ndarray:
        """The state weights of one attribute (zeros where the model lacks it)."""
        return self.weights[self.index.get(attr, self.unknown)]

    def vector(self, attrs) -> np.ndarray:
        """Summed state weights of attributes, each counted as often as it occurs."""
        idx = [i for i in map(self.index.get, attrs) if i is not None]
        if not idx:
            return self._zero.copy()
        return self.weights[idx].sum(0)

    def scores(self, xseq: list[list[str]]) -> np.ndarray:
        """State scores (tokens × labels) of a sentence given as feature strings."""
        out = np.zeros((len(xseq), len(self.labels)))
        for t, attrs in enumerate(xseq):
            for a in attrs:
                i = self.index.get(a)
                if i is not None:
                    out[t] += self.weights[i]
        return out


def _by_length(scores: list[np.ndarray], n_labels: int):
    """Sentences longest first, padded into one (positions × sentences × labels) array,
    and how many sentences are still running at each position."""
    order = sorted(range(len(scores)), key=lambda k: -len(scores[k]))
    lens = np.array([len(scores[k]) for k in order])
    T = int(lens[0]) if len(lens) else 0
    x = np.zeros((T, len(order), n_labels))
    for b, k in enumerate(order):
        x[:lens[b], b] = scores[k]
    running = (lens[None, :] > np.arange(T)[:, None]).sum(1)
    return order, lens, x, running


def viterbi(transitions: np.ndarray, scores: list[np.ndarray]) -> list[np.ndarray]:
    """The best label index sequence of each sentence (state scores tokens × labels),
    all sentences decoded together; an empty sentence gives an empty sequence. Runs the
    compiled loop where it was built, else numpy: both give the same labels."""
    if _native is not None:
        return viterbi_native(transitions, scores)
    return viterbi_numpy(transitions, scores)


def decode(transitions: np.ndarray, scores: np.ndarray, lens: list[int]) -> np.ndarray:
    """`viterbi` for sentences laid end to end (scores: tokens × labels, `lens` their
    lengths): the labels laid end to end the same way."""
    if _native is not None:
        x = np.ascontiguousarray(scores, dtype=np.float64)
        out = np.empty(len(x), np.int64)
        _native.viterbi(transitions.shape[0], np.ascontiguousarray(transitions, np.float64),
                        x, np.asarray(lens, np.int64), out)
        return out
    parts = viterbi_numpy(transitions, np.split(scores, np.cumsum(lens)[:-1]))
    return np.concatenate(parts) if parts else np.zeros(0, np.intp)


def viterbi_native(transitions: np.ndarray, scores: list[np.ndarray]) -> list[np.ndarray]:
    """`viterbi` through the compiled loop (`_viterbi.c`)."""
    if _native is None:
        raise RuntimeError("khabar.ner._viterbi was not built")
    L = transitions.shape[0]
    lens = np.fromiter(map(len, scores), np.int64, len(scores))
    x = np.concatenate(scores) if len(scores) else np.zeros((0, L))
    x = np.ascontiguousarray(x, dtype=np.float64)
    out = np.empty(len(x), np.int64)
    _native.viterbi(L, np.ascontiguousarray(transitions, dtype=np.float64), x, lens, out)
    return np.split(out, np.cumsum(lens)[:-1]) if len(scores) else []


def viterbi_numpy(transitions: np.ndarray, scores: list[np.ndarray]) -> list[np.ndarray]:
    """`viterbi` in numpy: all sentences advance together, one step per position."""
    out: list[np.ndarray] = [np.zeros(0, np.intp)] * len(scores)
    live = [k for k, s in enumerate(scores) if len(s)]
    if not live:
        return out
    L = transitions.shape[0]
    order, lens, x, running = _by_length([scores[k] for k in live], L)
    T, B = x.shape[0], x.shape[1]
    alpha = np.empty((T, B, L))
    back = np.zeros((T, B, L), np.intp)
    cand = np.empty((B, L, L))
    alpha[0] = x[0]
    for t in range(1, T):
        k = running[t]
        # cand[b, i, j]: from label i at t-1 to label j at t, as crfsuite adds them
        c = cand[:k]
        np.add(alpha[t - 1, :k, :, None], transitions, out=c)
        c.argmax(1, out=back[t, :k])
        a = alpha[t, :k]
        c.max(1, out=a)
        a += x[t, :k]
    y = np.zeros((T, B), np.intp)
    rows = np.arange(B)
    for t in range(T - 1, -1, -1):
        k = running[t]
        done = running[t + 1] if t + 1 < T else 0
        if done < k:  # sentences whose last token is t: their best final label
            y[t, done:k] = alpha[t, done:k].argmax(1)
        if t:
            y[t - 1, :k] = back[t, rows[:k], y[t, :k]]
    for b, k in enumerate(order):
        out[live[k]] = y[:lens[b], b].copy()
    return out


def marginals(transitions: np.ndarray, scores: list[np.ndarray]) -> list[np.ndarray]:
    """Per token, the probability of each label (tokens × labels) under the CRF: the
    forward-backward algorithm, rescaled at every position, for all sentences together."""
    out: list[np.ndarray] = [np.zeros((0, transitions.shape[0]))] * len(scores)
    live = [k for k, s in enumerate(scores) if len(s)]
    if not live:
        return out
    L = transitions.shape[0]
    order, lens, x, running = _by_length([scores[k] for k in live], L)
    T, B = x.shape[0], x.shape[1]
    # each row shifted by its maximum: marginals do not change, exp cannot overflow
    x -= x.max(2, keepdims=True)
    state = np.exp(x)
    trans = np.exp(transitions)
    fwd = np.zeros((T, B, L))
    fwd[0] = state[0]
    fwd[0] /= fwd[0].sum(1, keepdims=True)
    for t in range(1, T):
        k = running[t]
        f = (fwd[t - 1, :k] @ trans) * state[t, :k]
        fwd[t, :k] = f / f.sum(1, keepdims=True)
    bwd = np.ones((T, B, L))
    for t in range(T - 2, -1, -1):
        k = running[t + 1]  # sentences that go on after t
        b = (bwd[t + 1, :k] * state[t + 1, :k]) @ trans.T
        bwd[t, :k] = b / b.sum(1, keepdims=True)
    p = fwd * bwd
    p /= np.where(p.sum(2, keepdims=True) > 0, p.sum(2, keepdims=True), 1.0)
    for b, k in enumerate(order):
        out[live[k]] = p[:lens[b], b].copy()
    return out
