"""A sample of unlabeled news for judging event actors by hand.

    python benchmarks/events_actor_sample.py [--every 41] [--offset 0] [--n 100]
        [--types ASSAULT,PROTEST,COERCE] [--out sample.jsonl] [--judged judged.tsv] [--sample s1]

The articles whose line number is `offset` modulo `every` in the unlabeled news, of those
that hold a material event of one of the types, give their first such event (trigger,
sentence, actor, recipient) until `n` are found; they are written to `--out`, one a line.
With `--judged`, the arguments found now are compared with those judged by hand in that
TSV: precision and the share of real events with the argument are printed for the actor
and the recipient, and each event whose argument has no judgment yet is listed, to be
judged and appended.

The TSV keeps every sample: the first one (s1, every 41th line, offset 0; actors only) in
rows `line, verdict, actor text`; later ones in rows `sample, line, role, verdict, text`,
where role is `actor` or `recipient` and one event may have several rows of a role (one per
text judged: the argument found before and after a change). Verdicts: `ok`,
`wrong:<kind>`, `none` (no argument found), `false` (no real event: left out).
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


def sample(path: Path, every: int, n: int, types: set[str], offset: int = 0) -> list[dict]:
    found: list[dict] = []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for i, line in enumerate(f):
            if i % every != offset:
                continue
            item = json.loads(line)
            rec = to_record(api.extract_text(item.get("text") or "",
                                             published=item.get("date")))
            for ev in rec.get("events") or []:
                if ev.get("from_statement") or ev["type"] not in types:
                    continue
                actor, recipient = ev.get("actor"), ev.get("recipient")
                found.append({"line": i, "type": ev["type"],
                              "trigger": ev["trigger"]["text"],
                              "sentence": ev["sentence"]["text"],
                              "actor": actor["text"] if actor else None,
                              "recipient": recipient["text"] if recipient else None})
                break
            if len(found) >= n:
                break
    return found


def read_judged(judged_path: Path, sample_id: str) -> dict[tuple[int, str], dict[str, str]]:
    """(line, role) -> {text judged: verdict} for one sample; "" is the text of `none` and
    of `false`."""
    judged: dict[tuple[int, str], dict[str, str]] = {}
    for line in judged_path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if parts[0].isdigit():  # the first sample's rows: line, verdict, actor text
            if sample_id != "s1":
                continue
            parts = ["s1", parts[0], "actor", parts[1], parts[2] if len(parts) > 2 else ""]
        if parts[0] != sample_id:
            continue
        parts += [""] * (5 - len(parts))
        judged.setdefault((int(parts[1]), parts[2]), {})[parts[4]] = parts[3]
    return judged


def compare(rows: list[dict], judged_path: Path, sample_id: str = "s1") -> None:
    judged = read_judged(judged_path, sample_id)
    for role in ("actor", "recipient"):
        ok = wrong = with_arg = real = 0
        for r in rows:
            verdicts = judged.get((r["line"], role)) or judged.get((r["line"], "actor"))
            if verdicts is None:
                print(f"not judged: {r['line']} {role}")
                continue
            if "false" in verdicts.values():
                continue
            if (r["line"], role) not in judged:
                continue
            real += 1
            text = r.get(role)
            if text is None:
                continue
            with_arg += 1
            verdict = judged[(r["line"], role)].get(text)
            if verdict is None:
                print(f"to judge {r['line']} {role}: {text!r} "
                      f"(judged: {judged[(r['line'], role)]})\n  {r['sentence']}")
                continue
            ok += verdict == "ok"
            wrong += verdict.startswith("wrong")
        print(f"{role}: real events {real}; with a {role} {with_arg} "
              f"({with_arg / max(real, 1):.2f}); judged ok {ok}, wrong {wrong}: "
              f"precision {ok / max(ok + wrong, 1):.3f}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--input", type=Path, default=DEFAULT_INPUT)
    ap.add_argument("--every", type=int, default=41)
    ap.add_argument("--offset", type=int, default=0)
    ap.add_argument("--sample", default="s1", help="the sample's id in the judged TSV")
    ap.add_argument("--n", type=int, default=100)
    ap.add_argument("--types", default="ASSAULT,PROTEST,COERCE")
    ap.add_argument("--out", type=Path)
    ap.add_argument("--judged", type=Path)
    a = ap.parse_args()
    rows = sample(a.input, a.every, a.n, set(a.types.split(",")), a.offset)
    if a.out:
        a.out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                         encoding="utf-8")
    if a.judged:
        compare(rows, a.judged, a.sample)
    else:
        for r in rows:
            print(f"{r['line']}\t{r['type']}\t{r['trigger']}\t{r['actor']}\t{r['recipient']}\t"
                  f"{r['sentence']}")


if __name__ == "__main__":
    main()
