"""CPU time per pipeline stage, for this checkout and others side by side.

    python benchmarks/stage_times.py [--n 1500] [--rounds 2] [--against DIR ...]

Runs the default pipeline over N distinct unlabelled articles (the first N of
../shared/data/unlabeled/news.jsonl.gz, each once, as benchmarks/throughput.py reads them)
in a fresh process per checkout and round, and prints per stage the CPU ms per article
and the whole run's articles per CPU-second. `--against DIR` adds another checkout (a
`git archive` of main, say, with its C extensions built or copied in): the checkouts take
turns round by round, so that a busy machine disturbs them alike; the last lines give
each one's median and its ratio to the first.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
UNLABELED = REPO.parent / "shared" / "data" / "unlabeled" / "news.jsonl.gz"

# the child: run in a checkout of its own (PYTHONPATH), prints one JSON line
_CHILD = r"""
import gc, gzip, json, sys, time
n, path, skip = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
freeze = len(sys.argv) > 4 and sys.argv[4] == "freeze"
import khabar
from khabar.document import Article
from khabar.ingest import read_bytes
from khabar.pipeline import Pipeline
lines = []
with gzip.open(path, "rt", encoding="utf-8") as fh:
    for i, line in enumerate(fh):
        if i < skip or not line.strip():
            continue
        if len(lines) >= n:
            break
        lines.append(line)
data = "".join(lines).encode("utf-8")
texts = [(a.text, a.source, a.given) for a in
         read_bytes(data, name="news.jsonl", fmt="jsonl", max_bytes=len(data) + 1)
         if not a.failed]
pipe = Pipeline()
spent = {}
clock = time.process_time
def timed(name, fn):
    def run(article, **kw):
        t = clock()
        try:
            return fn(article, **kw)
        finally:
            spent[name] = spent.get(name, 0.0) + clock() - t
    return run
pipe._funcs = [(name, timed(name, fn)) for name, fn in pipe._funcs]
for t in [("قال الوزير في بيروت أمس إن المحادثات مستمرة.", {}, {}),
          ("The minister said in Beirut yesterday that the talks go on.", {}, {})]:
    pipe.run(Article(*t))  # models and profiles load before the clock starts
spent.clear()
if freeze:
    gc.freeze()  # the loaded models out of the full collections' reach (see --freeze)
c0 = clock()
for t in texts:
    pipe.run(Article(*t))
cpu = clock() - c0
print(json.dumps({"where": khabar.__file__, "articles": len(texts), "cpu": cpu,
                  "stages": spent}))
"""


def run_one(checkout: Path, n: int, skip: int, path: Path, freeze: bool = False) -> dict:
    env = dict(os.environ, PYTHONPATH=str(checkout))
    out = subprocess.run([sys.executable, "-c", _CHILD, str(n), str(path), str(skip),
                          "freeze" if freeze else "-"],
                         env=env, cwd="/", capture_output=True, text=True, check=True)
    res = json.loads(out.stdout.strip().splitlines()[-1])
    if not Path(res["where"]).resolve().is_relative_to(checkout.resolve()):
        raise SystemExit(f"{checkout}: khabar came from {res['where']}, not the checkout")
    return res


def _line(label: str, res: dict) -> str:
    n = res["articles"]
    stages = ", ".join(f"{k} {1000 * v / n:.3f}" for k, v in res["stages"].items())
    return f"{label}: {n / res['cpu']:6.1f} art/CPU-s, {1000 * res['cpu'] / n:.3f} ms/art; {stages}"


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=1500, help="distinct articles (default 1500)")
    ap.add_argument("--skip", type=int, default=0, help="lines of the file to pass over first")
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--against", type=Path, action="append", default=[],
                    help="another checkout to time beside this one (repeatable)")
    ap.add_argument("--unlabeled", type=Path, default=UNLABELED)
    ap.add_argument("--freeze", action="store_true",
                    help="gc.freeze() after the warm-up: a full collection (0.1-0.2 s with the "
                         "models loaded) then scans only what the run made, so it no longer "
                         "lands its cost on whichever stage happens to trigger it")
    args = ap.parse_args(argv)
    checkouts = [REPO, *args.against]
    results: dict[Path, list[dict]] = {c: [] for c in checkouts}
    for r in range(args.rounds):
        for c in checkouts:
            res = run_one(c, args.n, args.skip, args.unlabeled, args.freeze)
            results[c].append(res)
            print(_line(f"round {r + 1} {c}", res), flush=True)
    first = None
    for c in checkouts:
        runs = results[c]
        rate = statistics.median(x["articles"] / x["cpu"] for x in runs)
        stages = {k: statistics.median(1000 * x["stages"][k] / x["articles"] for x in runs)
                  for k in runs[0]["stages"]}
        first = first or rate
        print(f"median {c}: {rate:6.1f} art/CPU-s ({rate / first:.3f}× the first); " +
              ", ".join(f"{k} {v:.3f}" for k, v in stages.items()))


if __name__ == "__main__":
    main()
