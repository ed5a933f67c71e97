"""A name lexicon learned by tagging the unlabelled news corpus (self-training).

A name met in a hard sentence was often met, elsewhere in 10 M words, in an easy one.
The tagger (without this feature) tags every article of the corpus; each word core that
was tagged as a name often enough gets its majority type and how consistently it was a
name. Only that word -> (type, strength) table is shipped, never the text.

    python -m khabar.ner.lexicon --corpus ../shared/data/unlabeled/news.jsonl.gz \
        --model khabar/models/ner.crfsuite --out khabar/models/lexicon.tsv.gz
"""
from __future__ import annotations

import argparse
import gzip
import json
import multiprocessing
import re
from collections import Counter, defaultdict
from pathlib import Path

from khabar.ner.lexical import core, key

_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+|[^\w\s]", re.UNICODE)
_STOP = frozenset(".!?؟")
_MIN_SEEN = 3
_MIN_SHARE = 0.3  # of its occurrences, how many a word must spend inside names
_STRENGTH = ((0.9, "hi"), (0.6, "mid"), (0.0, "lo"))

_JOB: dict = {}


def _sentences(text: str) -> list[list[str]]:
    out, cur = [], []
    for tok in _TOKEN.findall(text):
        cur.append(tok)
        if tok in _STOP or len(cur) >= 80:
            out.append(cur)
            cur = []
    if cur:
        out.append(cur)
    return out


def _count(part: int):
    from khabar.ner.tagger import Tagger

    tagger = Tagger(_JOB["model"])
    seen: Counter = Counter()
    typed: dict[str, Counter] = defaultdict(Counter)
    with gzip.open(_JOB["corpus"], "rt", encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if n % _JOB["parts"] != part or (_JOB["limit"] and n >= _JOB["limit"]):
                continue
            rec = json.loads(line)
            sents = _sentences((rec.get("title") or "") + " . " + (rec.get("text") or ""))
            for toks, tags in zip(sents, tagger.tag_document(sents)):
                for t, g in zip(toks, tags):
                    c = core(key(t))
                    seen[c] += 1
                    if g != "O":
                        typed[c][g[2:]] += 1
    return seen, typed


def build(corpus: Path, model: Path, out: Path, parts: int = 2, limit: int | None = None
          ) -> int:
    _JOB.update(corpus=corpus, model=model, parts=parts, limit=limit)
    with multiprocessing.get_context("fork").Pool(parts) as pool:
        results = pool.map(_count, range(parts))
    seen: Counter = Counter()
    typed: dict[str, Counter] = defaultdict(Counter)
    for s, t in results:
        seen.update(s)
        for w, c in t.items():
            typed[w].update(c)
    rows = []
    for w, c in typed.items():
        total = sum(c.values())
        if seen[w] < _MIN_SEEN or total < _MIN_SEEN * _MIN_SHARE:
            continue
        share = total / seen[w]
        if share < _MIN_SHARE:
            continue
        typ, _k = c.most_common(1)[0]
        strength = next(name for floor, name in _STRENGTH if share >= floor)
        rows.append((seen[w], w, typ, strength))
    rows.sort(reverse=True)
    out.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(out, "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write("# word core, majority type when tagged as a name, how consistently\n")
        for _n, w, typ, strength in rows:
            fh.write(f"{w}\t{typ}\t{strength}\n")
    return len(rows)


def read(path) -> dict[str, str]:
    """word core -> feature value "TYPE:strength"."""
    table = {}
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            w, typ, strength = line.rstrip("\n").split("\t")
            table[w] = f"{typ}:{strength}"
    return table


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, required=True)
    ap.add_argument("--model", type=Path, required=True)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--parts", type=int, default=2)
    ap.add_argument("--limit", type=int, default=None)
    args = ap.parse_args(argv)
    print(build(args.corpus, args.model, args.out, args.parts, args.limit), "words")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
