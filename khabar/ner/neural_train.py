"""Train the neural tagger (`neural.py`) on a CoNLL file, with torch on the CPU.

    python -m khabar.ner.neural_train --train ../shared/data/ner/anercorp/train.txt \
        --vectors /tmp/vectors.npz --first-pass /tmp/first-pass.json \
        --holdout 0 --out khabar/models/ner.neural.npz

By default the last tenth of the training file is held out and scored after every epoch
(the epoch count of the shipped model was chosen so); `--holdout 0` trains on all of it.
The test split is never read. torch is needed here only: the shipped model is a numpy
archive, written in float16.
"""
from __future__ import annotations

import argparse
import json
import random
import time
from collections import Counter
from pathlib import Path

from khabar.ner import conll
from khabar.ner.features import FAMILIES, Featurizer
from khabar.ner.mentions import entities
from khabar.ner.neural import (TAGS, Inputs, NeuralTagger, Vectors, first_pass_features,
                               position_strings, write)


def f1(gold: list[list[str]], pred: list[list[str]]) -> float:
    """Entity-level micro-F1 (exact span and type), as the CoNLL scorer counts it."""
    tp = n_gold = n_pred = 0
    for g, p in zip(gold, pred):
        gs, ps = set(entities(g)), set(entities(p))
        tp += len(gs & ps)
        n_gold += len(gs)
        n_pred += len(ps)
    return 2 * tp / (n_gold + n_pred) if n_gold + n_pred else 0.0


def build_inputs(sentences, vectors: Vectors, families, extra=None, min_feat: int = 2
                 ) -> Inputs:
    featurizer = Featurizer(families)
    counts: Counter = Counter()
    chars: Counter = Counter()
    for n, (toks, _) in enumerate(sentences):
        for t in toks:
            counts.update(featurizer.lexical(t).feats)
            chars.update("^" + featurizer.lexical(t).key + "$")
        for g in position_strings(featurizer, toks, extra[n] if extra is not None else None):
            counts.update(g)
    feats = sorted(f for f, c in counts.items() if c >= min_feat)
    alphabet = "".join(sorted(c for c, n in chars.items() if n >= 2))
    return Inputs(featurizer, vectors, feats, alphabet)


def memory_features(sentences: list[list[str]], first: list[list[str]], featurizer,
                    block: int) -> list[list[list[str]]]:
    """Document memory per token from first-pass tags, blocks of sentences as documents."""
    out = []
    for a in range(0, len(sentences), block):
        cores = [[featurizer.lexical(t).core for t in s] for s in sentences[a:a + block]]
        out.extend(first_pass_features(cores, first[a:a + block]))
    return out


def _first_pass(path: Path, data, families) -> list[list[str]]:
    """Jackknifed CRF first-pass tags for every training sentence (as noisy as on new
    text), computed once (about 5 minutes) and kept in `path` for later runs."""
    if path.exists():
        return json.loads(path.read_text(encoding="utf-8"))
    from khabar.ner.train import jackknife

    first = jackknife([s for s, _ in data], [g for _, g in data], families)
    path.write_text(json.dumps(first, ensure_ascii=False), encoding="utf-8")
    return first


def encode(inputs: Inputs, toks: list[str], extra=None):
    gaz = inputs.position_features(toks, extra)
    feats = [inputs.token_features(t) + g for t, g in zip(toks, gaz)]
    return feats, [inputs.token_chars(t) for t in toks], [inputs.vectors.row(t) for t in toks]


def _net(torch, nn, n_feat, n_char, vec_matrix, n_tags, fdim, cdim, filters, width, hidden,
         dropout):
    class Net(nn.Module):
        def __init__(self):
            super().__init__()
            self.vec = nn.Embedding.from_pretrained(torch.tensor(vec_matrix), freeze=True)
            self.feat = nn.EmbeddingBag(n_feat, fdim, mode="sum", padding_idx=0)
            # a token sums about fifteen of these: small rows keep the LSTM's gates open
            nn.init.normal_(self.feat.weight, std=0.1)
            with torch.no_grad():
                self.feat.weight[0] = 0
            self.char = nn.Embedding(n_char, cdim, padding_idx=0)
            self.conv = nn.Conv1d(cdim, filters, width, padding=width // 2)
            self.lstm = nn.LSTM(vec_matrix.shape[1] + fdim + filters, hidden,
                                batch_first=True, bidirectional=True)
            self.drop = nn.Dropout(dropout)
            self.out = nn.Linear(2 * hidden, n_tags)
            self.trans = nn.Parameter(torch.zeros(n_tags, n_tags))
            self.start = nn.Parameter(torch.zeros(n_tags))
            self.end = nn.Parameter(torch.zeros(n_tags))

        def emissions(self, batch):
            feats, chars, rows, lens = batch
            b, t = rows.shape
            flat = [f for sent in feats for f in sent]
            offsets = torch.tensor([0] + [len(f) for f in flat[:-1]]).cumsum(0)
            bag = torch.tensor([i for f in flat for i in f] or [0], dtype=torch.long)
            fe = self.feat(bag, offsets)  # tokens x fdim
            ce = self.char(chars)  # tokens x L x C
            conv = torch.relu(self.conv(ce.transpose(1, 2)))  # tokens x F x L
            clen = (chars > 0).sum(1)
            cmask = torch.arange(chars.shape[1])[None, :] < clen[:, None]
            conv = conv.masked_fill(~cmask[:, None, :], -1e4).max(2).values
            tok = torch.cat([self.vec(rows.flatten()[self._valid(lens, t)]), fe, conv], 1)
            x = torch.zeros(b, t, tok.shape[1])
            x[self._mask(lens, t)] = tok
            x = self.drop(x)
            packed = nn.utils.rnn.pack_padded_sequence(x, lens, batch_first=True,
                                                       enforce_sorted=False)
            h, _ = self.lstm(packed)
            h, _ = nn.utils.rnn.pad_packed_sequence(h, batch_first=True, total_length=t)
            return self.out(self.drop(h))

        @staticmethod
        def _mask(lens, t):
            return torch.arange(t)[None, :] < lens[:, None]

        def _valid(self, lens, t):
            return self._mask(lens, t).flatten()

        def nll(self, em, tags, lens):
            b, t, k = em.shape
            mask = self._mask(lens, t)
            gold = em.gather(2, tags[:, :, None]).squeeze(2)
            trans = self.trans[tags[:, :-1], tags[:, 1:]]
            score = self.start[tags[:, 0]] + (gold * mask).sum(1) + (trans * mask[:, 1:]).sum(1)
            last = tags.gather(1, (lens - 1)[:, None]).squeeze(1)
            score = score + self.end[last]
            alpha = self.start[None, :] + em[:, 0]
            for j in range(1, t):
                nxt = torch.logsumexp(alpha[:, :, None] + self.trans[None], 1) + em[:, j]
                alpha = torch.where(mask[:, j:j + 1], nxt, alpha)
            return (torch.logsumexp(alpha + self.end[None], 1) - score).sum()

    return Net()


# features that name the word itself: dropped at random in training, so that the network
# also learns to tag words it has never seen from their letters, vector and context
IDENTITY = ("w=", "c=")


def _batch(torch, encoded, tag_ids, idx, missing, word_dropout, rng, identity=None,
           identity_dropout=0.0):
    sents = [encoded[i] for i in idx]
    if identity_dropout:
        sents = [([[x for x in tok if not (identity[x] and rng.random() < identity_dropout)]
                   for tok in f], c, r) for f, c, r in sents]
    lens = torch.tensor([len(s[0]) for s in sents])
    t = int(lens.max())
    rows = torch.full((len(idx), t), missing, dtype=torch.long)
    tags = torch.zeros((len(idx), t), dtype=torch.long)
    chars_list = []
    for b, (i, (_f, c, r)) in enumerate(zip(idx, sents)):
        if word_dropout:
            r = [missing if rng.random() < word_dropout else x for x in r]
        rows[b, :len(r)] = torch.tensor(r)
        tags[b, :len(r)] = torch.tensor(tag_ids[i])
        chars_list.extend(c)
    width = max(len(c) for c in chars_list)
    chars = torch.zeros((len(chars_list), width), dtype=torch.long)
    for j, c in enumerate(chars_list):
        chars[j, :len(c)] = torch.tensor(c)
    return ([s[0] for s in sents], chars, rows, lens), tags


def save(net, inputs: Inputs, out: Path, families, hidden: int, with_memory: bool,
         crf_weight: float = 0.0) -> None:
    sd = {k: v.detach().numpy() for k, v in net.state_dict().items()}
    arrays = {
        "feat": sd["feat.weight"], "char": sd["char.weight"],
        "conv_w": sd["conv.weight"], "conv_b": sd["conv.bias"],
        "lstm_f_ih": sd["lstm.weight_ih_l0"], "lstm_f_hh": sd["lstm.weight_hh_l0"],
        "lstm_f_b": sd["lstm.bias_ih_l0"] + sd["lstm.bias_hh_l0"],
        "lstm_b_ih": sd["lstm.weight_ih_l0_reverse"], "lstm_b_hh": sd["lstm.weight_hh_l0_reverse"],
        "lstm_b_b": sd["lstm.bias_ih_l0_reverse"] + sd["lstm.bias_hh_l0_reverse"],
        "out_w": sd["out.weight"], "out_b": sd["out.bias"],
        "crf_trans": sd["trans"], "crf_start": sd["start"], "crf_end": sd["end"],
    }
    vec = inputs.vectors
    write(out, sorted(vec.index, key=vec.index.get), vec.matrix[:-1], arrays, {
        "tags": list(TAGS), "families": list(families), "hidden": hidden,
        "memory": with_memory, "crf_weight": crf_weight, "features": inputs.features,
        "chars": inputs.chars,
    })


def train(train_path: Path, vectors_path: Path, out: Path, epochs: int = 10, hidden: int = 128,
          fdim: int = 64, cdim: int = 32, filters: int = 64, width: int = 3,
          dropout: float = 0.5, lr: float = 2e-3, batch: int = 32, word_dropout: float = 0.05,
          identity_dropout: float = 0.5, first_pass: Path | None = None, block: int = 25,
          holdout: float = 0.1, vocab: int | None = None, crf_weight: float = 1.0,
          families=FAMILIES, seed: int = 13, threads: int = 2) -> float:
    import torch
    from torch import nn

    torch.manual_seed(seed)
    torch.set_num_threads(threads)
    rng = random.Random(seed)
    with open(train_path, encoding="utf-8") as fh:
        data = [(toks, [t if t in TAGS else "O" for t in tags]) for toks, tags in conll.read(fh)]
    cut = len(data) - int(len(data) * holdout)
    fit, held = data[:cut], data[cut:]
    t0 = time.time()
    extra = None
    if first_pass is not None:
        first = _first_pass(Path(first_pass), data, families)
        extra = memory_features([s for s, _ in data], first, Featurizer(families), block)
    vectors = Vectors.read(vectors_path, vocab)
    # unit-length vectors have components near 0.1; at unit variance they weigh as much as
    # the learned parts of the input from the first update (the shipped table is scaled)
    vectors.matrix /= vectors.matrix[:-1].std() or 1.0
    inputs = build_inputs(fit, vectors, families, extra)
    tag_index = {t: i for i, t in enumerate(TAGS)}
    identity = [False] + [f.startswith(IDENTITY) for f in inputs.features]
    encoded = [encode(inputs, toks, extra[i] if extra else None)
               for i, (toks, _) in enumerate(fit)]
    tag_ids = [[tag_index[t] for t in tags] for _, tags in fit]
    print(f"{len(fit)} sentences, {len(inputs.features)} features, {len(inputs.chars)} letters "
          f"({time.time() - t0:.0f}s)", flush=True)
    net = _net(torch, nn, len(inputs.features) + 1, len(inputs.chars) + 2,
               inputs.vectors.matrix, len(TAGS), fdim, cdim, filters, width, hidden, dropout)
    opt = torch.optim.Adam([p for p in net.parameters() if p.requires_grad], lr=lr)
    best, best_epoch = -1.0, 0
    order = sorted(range(len(fit)), key=lambda i: len(fit[i][0]))
    batches = [order[a:a + batch] for a in range(0, len(order), batch)]
    for epoch in range(1, epochs + 1):
        net.train()
        rng.shuffle(batches)
        total = 0.0
        for idx in batches:
            x, tags = _batch(torch, encoded, tag_ids, idx, inputs.vectors.missing,
                             word_dropout, rng, identity, identity_dropout)
            loss = net.nll(net.emissions(x), tags, x[3])
            opt.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(net.parameters(), 5.0)
            opt.step()
            total += float(loss.detach())
        net.eval()
        save(net, inputs, out, families, hidden, extra is not None, crf_weight)
        if not held:
            print(f"epoch {epoch}: loss {total:.0f} ({time.time() - t0:.0f}s)", flush=True)
            continue
        tagger = NeuralTagger(out, inputs.featurizer)
        score = f1([t for _, t in held], tagger.tag_sentences(
            [s for s, _ in held], extra[cut:] if extra else None))
        print(f"epoch {epoch}: loss {total:.0f}, held-out F1 {score:.4f} "
              f"({time.time() - t0:.0f}s)", flush=True)
        if score > best:
            best, best_epoch = score, epoch
            save(net, inputs, out.with_name(out.stem + ".best.npz"), families, hidden,
                 extra is not None, crf_weight)
    if held:
        print(f"best held-out F1 {best:.4f} at epoch {best_epoch}", flush=True)
    return best


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--train", type=Path, required=True)
    ap.add_argument("--vectors", type=Path, required=True)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--epochs", type=int, default=10)
    ap.add_argument("--hidden", type=int, default=128)
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--dropout", type=float, default=0.5)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--identity-dropout", type=float, default=0.5)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--holdout", type=float, default=0.1,
                    help="share of the training file (its end) held out to choose the epoch; "
                         "0 trains on all of it and keeps the last epoch")
    ap.add_argument("--first-pass", type=Path, default=None,
                    help="learn document memory from jackknifed CRF first-pass tags, kept in "
                         "this JSON file (computed when it does not exist)")
    ap.add_argument("--vocab", type=int, default=30_000,
                    help="word vectors kept: the most frequent words of the table")
    ap.add_argument("--crf-weight", type=float, default=1.0,
                    help="weight of the CRF memory pass beside the network in the ensemble mode")
    ap.add_argument("--word-dropout", type=float, default=0.05)
    args = ap.parse_args(argv)
    train(args.train, args.vectors, args.out, epochs=args.epochs, hidden=args.hidden,
          lr=args.lr, dropout=args.dropout, threads=args.threads,
          identity_dropout=args.identity_dropout, word_dropout=args.word_dropout,
          first_pass=args.first_pass, seed=args.seed, holdout=args.holdout, vocab=args.vocab,
          crf_weight=args.crf_weight)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
