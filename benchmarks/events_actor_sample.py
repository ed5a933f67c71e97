"""A sample of unlabeled news for judging event actors by hand.

    python benchmarks/events_actor_sample.py [--every 41] [--n 100] [--types ASSAULT,PROTEST,COERCE]
                                             [--out sample.jsonl] [--judged judged.tsv]

Every `every`-th article of the unlabeled news that holds a material event of one of the
types gives its first such event (trigger, sentence, actor) until `n` are found; they are
written to `--out`, one a line. With `--judged` (a TSV of article line, verdict, the actor
text judged: `ok`, `wrong:<kind>`, `none`, `false` for no real event), the actors found
now are compared with the judged ones: actor precision and the share of events with an
actor are printed, and each event whose actor changed is listed to be judged again.
"""
from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
DEFAULT_INPUT = REPO.parent / "shared" / "data" / "unlabeled" / "news.jsonl.gz"

from khabar import api  # noqa: E402
from khabar.record import to_record  # noqa: E402


def sample(path: Path, every: int, n: int, types: set[str]) -> list[dict]:
    found: list[dict] = []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for i, line in enumerate(f):
            if i % every:
                continue
            item = json.loads(line)
            rec = to_record(api.extract_text(item.get("text") or "",
                                             published=item.get("date")))
            for ev in rec.get("events") or []:
                if ev.get("from_statement") or ev["type"] not in types:
                    continue
                actor = ev.get("actor")
                found.append({"line": i, "type": ev["type"],
                              "trigger": ev["trigger"]["text"],
                              "sentence": ev["sentence"]["text"],
                              "actor": actor["text"] if actor else None})
                break
            if len(found) >= n:
                break
    return found


def compare(rows: list[dict], judged_path: Path) -> None:
    judged = {}
    for line in judged_path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            parts = line.split("\t")
            judged[int(parts[0])] = (parts[1], parts[2] if len(parts) > 2 else "")
    ok = wrong = with_actor = real = 0
    for r in rows:
        if r["line"] not in judged:
            print("not judged:", r["line"], r["actor"])
            continue
        verdict, text = judged[r["line"]]
        if verdict == "false":
            continue
        real += 1
        if r["actor"] is None:
            continue
        with_actor += 1
        if (r["actor"] or "") != text:
            print(f"changed {r['line']}: {text!r} ({verdict}) -> {r['actor']!r}\n  {r['sentence']}")
            continue
        ok += verdict == "ok"
        wrong += verdict.startswith("wrong")
    print(f"real events {real}; with an actor {with_actor} ({with_actor / max(real, 1):.2f}); "
          f"judged ok {ok}, wrong {wrong}: precision {ok / max(ok + wrong, 1):.3f}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--input", type=Path, default=DEFAULT_INPUT)
    ap.add_argument("--every", type=int, default=41)
    ap.add_argument("--n", type=int, default=100)
    ap.add_argument("--types", default="ASSAULT,PROTEST,COERCE")
    ap.add_argument("--out", type=Path)
    ap.add_argument("--judged", type=Path)
    a = ap.parse_args()
    rows = sample(a.input, a.every, a.n, set(a.types.split(",")))
    if a.out:
        a.out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                         encoding="utf-8")
    if a.judged:
        compare(rows, a.judged)
    else:
        for r in rows:
            print(f"{r['line']}\t{r['type']}\t{r['trigger']}\t{r['actor']}\t{r['sentence']}")


if __name__ == "__main__":
    main()
