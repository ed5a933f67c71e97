"""Relative dates of unlabelled articles, judged by hand: an out-of-sample measure of how
the temporal stage resolves values against the publication date.

    python benchmarks/timex_audit.py sample [--unlabelled 300] [--corpus 100] [--n 240]
                                            [--out /tmp/timex_audit.jsonl]
    python benchmarks/timex_audit.py score --judged benchmarks/timex_audit_judged.tsv

`sample` runs the stages up to the temporal one over a deterministic set of articles (the
unlabelled records with a `date` field and the smallest sha1 of their text, spread over the
outlets, and the shared corpus files, each with its own date), keeps the expressions whose
value was computed from the publication date or from a day of the story (anchor
`publication` or `story`; absolute dates and durations are left out: they are read, not
resolved) and writes a seeded random sample of them, each with its sentence and the
publication date, to be judged by hand. Records whose text is one of the dev articles are
left out (the dev set has a holdout).

The judged TSV holds one row per expression: article key, start and end offsets (the words
stay in the shared data: the unlabelled corpus holds dev texts, and the repository holds no
dev phrase), and the value a reader gives it (`-` when it is no time expression, `?` when
the page cannot tell).
`score` runs the stage again on the same articles and counts the rows whose value equals
the judged one: the figure to compare before and after a change.
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import random
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
SHARED = REPO.parent / "shared" / "data"

from khabar import api  # noqa: E402
from khabar.ingest import read_path  # noqa: E402

SKIP = ("entities", "quotes", "events", "link")
RESOLVED = ("publication", "story")


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _dev_snippets() -> list[str]:
    out = []
    for p in sorted((SHARED / "dev" / "input").iterdir()):
        out.append(_squash(p.read_text(encoding="utf-8", errors="replace")))
    return out


def _is_dev(text: str, dev: list[str]) -> bool:
    probe = _squash(text)[:120]
    return len(probe) > 40 and any(probe in d for d in dev)


def articles(n_unlabelled: int, n_corpus: int, salt: str = ""):
    """(key, Article) of the audit set, deterministic; another `salt` draws other articles."""
    dev = _dev_snippets()
    by_outlet: dict[str, list[tuple[str, dict]]] = defaultdict(list)
    with gzip.open(SHARED / "unlabeled" / "news.jsonl.gz", "rt", encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            rec = json.loads(line)
            if not rec.get("date") or not rec.get("text"):
                continue
            key = hashlib.sha1((salt + rec["text"]).encode()).hexdigest()
            by_outlet[rec["outlet"]].append((key, {**rec, "line": i}))
    outlets = sorted(by_outlet)
    per = -(-n_unlabelled // len(outlets))
    picked: list[dict] = []
    for o in outlets:
        got = 0
        for _, rec in sorted(by_outlet[o], key=lambda x: x[0]):
            if got >= per:
                break
            if _is_dev(rec["text"], dev):
                continue
            picked.append(rec)
            got += 1
    for rec in picked[:n_unlabelled]:
        title = (rec.get("title") or "").strip()
        text = f"{title}\n{rec['text']}" if title else rec["text"]
        yield f"u{rec['line']}", api.extract_text(text, skip=SKIP, published=rec["date"])
    files = sorted((p for p in (SHARED / "corpus").iterdir()
                    if p.suffix in (".txt", ".json", ".html")),
                   key=lambda p: hashlib.sha1((salt + p.name).encode()).hexdigest())
    n = 0
    for p in files:
        if n >= n_corpus:
            break
        if _is_dev(p.read_text(encoding="utf-8", errors="replace"), dev):
            continue
        for art in read_path(p):
            yield f"c:{p.name}", api.process(art, SKIP)
            n += 1
            break


def _sentence(art, start: int, end: int) -> str:
    for s in art.spans("sentences"):
        if s.start <= start and end <= s.end:
            return art.text[s.start:s.end]
    lo = art.text.rfind("\n", 0, start) + 1
    hi = art.text.find("\n", end)
    return art.text[lo:hi if hi >= 0 else len(art.text)]


def resolved(key: str, art) -> list[dict]:
    pub = art.meta("published")
    out = []
    for t in art.spans("timexes"):
        if t.attrs.get("anchor") not in RESOLVED or t.label in ("DURATION", "SET") \
                or not t.attrs.get("value"):
            continue
        out.append({"key": key, "start": t.start, "text": art.text[t.start:t.end],
                    "value": t.attrs["value"], "published": pub, "type": t.label,
                    "anchor": t.attrs.get("anchor"),
                    "sentence": _sentence(art, t.start, t.end)})
    return out


def cmd_sample(args) -> None:
    items = []
    n_art = 0
    dump = open(args.dump, "w", encoding="utf-8") if args.dump else None
    for key, art in articles(args.unlabelled, args.corpus, args.salt):
        n_art += 1
        items.extend(resolved(key, art))
        if dump:  # every article with all its expressions, to look for what is missed
            dump.write(json.dumps({"key": key, "published": art.meta("published"),
                                   "text": art.text, "timexes": [
                                       [t.start, t.end, t.label, t.attrs.get("value"),
                                        t.attrs.get("anchor")]
                                       for t in art.spans("timexes")]},
                                  ensure_ascii=False) + "\n")
    if dump:
        dump.close()
    rng = random.Random(args.seed)
    chosen = sorted(rng.sample(items, min(args.n, len(items))),
                    key=lambda x: (x["key"], x["start"]))
    with open(args.out, "w", encoding="utf-8") as fh:
        for it in chosen:
            fh.write(json.dumps(it, ensure_ascii=False) + "\n")
    print(f"{n_art} articles, {len(items)} resolved expressions, {len(chosen)} sampled "
          f"-> {args.out}")


def read_judged(path: Path) -> dict[tuple[str, int], tuple[int, str]]:
    """(article key, start) -> (end, judged value)."""
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        key, start, end, value = line.split("\t")[:4]
        out[(key, int(start))] = (int(end), value)
    return out


def cmd_score(args) -> None:
    judged = read_judged(Path(args.judged))
    keys = {k for k, _ in judged}
    now: dict[str, list[tuple[int, int, str, str | None]]] = defaultdict(list)
    for key, art in articles(args.unlabelled, args.corpus, args.salt):
        if key not in keys:
            continue
        for t in art.spans("timexes"):
            now[key].append((t.start, t.end, art.text[t.start:t.end], t.attrs.get("value")))
    tally: Counter[str] = Counter()
    for (key, start), (end, value) in sorted(judged.items()):
        # the expression now found over the judged words (a change may widen its span)
        over = [(min(e, end) - max(s, start), (t, v)) for s, e, t, v in now[key]
                if s < end and start < e]
        got = max(over)[1] if over else None
        if value == "?":
            tally["unknowable"] += 1
            continue
        tally["judged"] += 1
        ok = got is None if value == "-" else got is not None and got[1] == value
        tally["right" if ok else "wrong"] += 1
        if not ok and args.verbose:
            print(f"{key}\t{start}\tjudged {value}\tnow {got}")
    print(f"{tally['right']} of {tally['judged']} right ({tally['wrong']} wrong, "
          f"{tally['unknowable']} not decidable from the page)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("cmd", choices=("sample", "score"))
    ap.add_argument("--unlabelled", type=int, default=300)
    ap.add_argument("--corpus", type=int, default=100)
    ap.add_argument("--n", type=int, default=240)
    ap.add_argument("--seed", type=int, default=12)
    ap.add_argument("--salt", default="", help="draw other articles (a second sample)")
    ap.add_argument("--out", default="/tmp/timex_audit.jsonl")
    ap.add_argument("--judged", default=str(REPO / "benchmarks" / "timex_audit_judged.tsv"))
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--dump", help="sample: also write every article and its expressions")
    args = ap.parse_args()
    (cmd_sample if args.cmd == "sample" else cmd_score)(args)


if __name__ == "__main__":
    main()
