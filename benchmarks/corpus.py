"""The corpus store on the 43,000 unlabeled articles: indexing speed, the time the store
adds to the pipeline, database size, memory over the run, duplicate-index bytes per
article, search latency over the fixed queries of corpus_queries.tsv, stories found, and
the most-quoted speakers with their merged name variants.

    python benchmarks/corpus.py index   [--db D] [--input news.jsonl.gz] [--every K] [--limit N]
    python benchmarks/corpus.py measure [--db D]
    python benchmarks/corpus.py         # both
    python benchmarks/corpus.py stories [--input ...]   # duplicate grouping alone, every article
    python benchmarks/corpus.py overhead [--limit N]     # the store's cost, side by side
    python benchmarks/corpus.py walltime [--limit N] [--workers 2] [--baseline DIR] [--repeat R]

`overhead` measures what the issue asks literally, `khabar index` minus the pipeline alone:
in one process, on N articles (default 1,000, every 43rd record), the CPU time of the
pipeline making records (what `khabar extract` does) and of `Corpus.add` indexing them
into a fresh database, in the order pipeline, index, pipeline, index (so a change of load
on a shared machine falls on both), after a warm-up (the store on other articles, the
pipeline once on these: its word caches then hold them in every measured round). The split
that `index` logs (pipeline vs store time inside one run) moves garbage-collector time
and cache misses between the two, so it is the rougher figure.

`walltime` measures the same with worker processes, as a user runs it: the wall time of
`khabar index --workers N` (a fresh database) against `khabar extract --workers N --format
jsonl` (to a file) on the same N articles, each a subprocess, alternating, R rounds; also
the CPU time of each command with its workers (getrusage of the child and its children).
With `--baseline DIR` (another checkout, e.g. main's) its commands alternate with ours in
the same window, so both sides see the same load.

`index` logs one JSON line per committed batch to DB.log (so a run stopped early still
reports); it resumes when started again on the same --db. `--every K` indexes every K-th
record only (a spread slice when time is short; say so when reporting).
"""
from __future__ import annotations

import argparse
import gc
import gzip
import json
import os
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_INPUT = REPO.parent / "shared" / "data" / "unlabeled" / "news.jsonl.gz"
QUERIES = Path(__file__).with_name("corpus_queries.tsv")
sys.path.insert(0, str(REPO))
from khabar.corpus.schema import BATCH_SIZE  # noqa: E402
from latency import p50_p95  # noqa: E402


def read_queries() -> list[tuple[str, dict]]:
    """The fixed queries of corpus_queries.tsv, written down before any measure: (query,
    search options)."""
    queries = []
    for line in QUERIES.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        q, opts = line.split("\t")
        queries.append((q, json.loads(opts)))
    return queries


def rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def slice_input(src: Path, every: int, limit: int | None, out_dir: str) -> Path:
    if every == 1 and limit is None:
        return src
    out = Path(out_dir) / f"news-every{every}-{limit or 'all'}.jsonl.gz"
    if out.exists():
        return out
    n = 0
    part = out.with_name(out.name + ".part")  # renamed when whole: a killed run leaves no slice
    with gzip.open(src, "rt", encoding="utf-8") as fin, gzip.open(part, "wt", encoding="utf-8") as fo:
        for i, line in enumerate(fin):
            if i % every == 0:
                fo.write(line)
                n += 1
                if limit is not None and n >= limit:
                    break
    part.replace(out)
    return out


def index(args) -> None:
    from khabar.corpus import Corpus
    from khabar.corpus.store import Indexer
    from khabar.api import read_inputs

    src = slice_input(Path(args.input), args.every, args.limit, str(Path(args.db).parent))
    corpus = Corpus(args.db)
    log = open(args.db + ".log", "a", encoding="utf-8")

    def on_batch(s):
        processed = s.inputs - s.skipped
        log.write(json.dumps({"t": round(s.seconds, 2), "inputs": s.inputs, "processed": processed,
                              "new": s.new, "errors": s.errors,
                              "pipeline_s": round(s.pipeline_seconds, 3),
                              "store_s": round(s.store_seconds, 3),
                              "pipeline_cpu": round(s.pipeline_cpu, 3),
                              "store_cpu": round(s.store_cpu, 3), "rss_mb": round(rss_mb(), 1),
                              "db_mb": round(_db_bytes(args.db) / 1e6, 2)}) + "\n")
        log.flush()

    summary = Indexer(corpus.db, args.workers, args.batch_size).run(read_inputs([str(src)]),
                                                       progress=sys.stderr.isatty(),
                                                       on_batch=on_batch)
    print(summary.text())
    print(f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3:.0f} MB")


def _db_bytes(path: str) -> int:
    return sum(os.path.getsize(p) for p in (path, path + "-wal") if os.path.exists(p))


def report_index(db_path: str) -> None:
    log = Path(db_path + ".log")
    if not log.exists():
        return
    rows = [json.loads(x) for x in log.read_text().splitlines() if x.strip()]
    processed = sum(r["processed"] for r in _runs(rows))
    pipe_s = sum(r["pipeline_s"] for r in _runs(rows))
    store_s = sum(r["store_s"] for r in _runs(rows))
    wall = sum(r["t"] for r in _runs(rows))
    print(f"indexing (from {log.name}, {len(_runs(rows))} run(s)): {processed} inputs processed "
          f"in {wall:.0f} s wall = {processed / wall:.1f} inputs/s")
    print(f"  pipeline {1000 * pipe_s / processed:.1f} ms/article, store {1000 * store_s / processed:.2f} "
          f"ms/article = {100 * store_s / pipe_s:.1f}% of the pipeline (wall)")
    if all("store_cpu" in r for r in _runs(rows)):
        pipe_c = sum(r["pipeline_cpu"] for r in _runs(rows))
        store_c = sum(r["store_cpu"] for r in _runs(rows))
        print(f"  CPU time: pipeline {1000 * pipe_c / processed:.2f} ms/article, store "
              f"{1000 * store_c / processed:.2f} ms/article = {100 * store_c / pipe_c:.1f}% of "
              f"the pipeline")
    marks = [rows[int(len(rows) * f) - 1] for f in (0.1, 0.25, 0.5, 0.75, 1.0) if len(rows) >= 5]
    print("  RSS over the run (inputs: MB): " +
          ", ".join(f"{r['inputs']}: {r['rss_mb']}" for r in marks))


def _runs(rows: list[dict]) -> list[dict]:
    """The last batch row of each run (a run's counters grow; a new run restarts them)."""
    out = []
    for i, r in enumerate(rows):
        if i + 1 == len(rows) or rows[i + 1]["inputs"] < r["inputs"]:
            out.append(r)
    return out


def measure(args) -> None:
    from khabar.corpus import Corpus

    report_index(args.db)
    c = Corpus(args.db, readonly=True)
    stats = c.stats()
    print("tables:", json.dumps(stats))
    size = _db_bytes(args.db)
    print(f"database {size / 1e6:.1f} MB = {size / max(1, stats['articles']) / 1e3:.1f} kB/article")
    try:
        dd = c.db.execute("SELECT sum(pgsize) FROM dbstat WHERE name IN ('minhashes', "
                          "'lsh_bands')").fetchone()[0]
        print(f"duplicate index {dd / max(1, stats['articles']):.0f} bytes/article (dbstat)")
    except Exception as err:  # dbstat is not compiled into every SQLite
        print(f"duplicate index size: dbstat unavailable ({err})")

    queries = read_queries()
    for q, o in queries:  # warm the page cache once
        c.search(q, **o)
    times = []
    for q, o in queries:
        t = time.perf_counter()
        r = c.search(q, **o)
        times.append(((time.perf_counter() - t) * 1000, q, o, len(r.rows)))
    ms = sorted(t[0] for t in times)
    p50, p95 = p50_p95(ms)
    print(f"search over {len(ms)} fixed queries: p50 {p50:.1f} ms, p95 {p95:.1f} ms, "
          f"max {ms[-1]:.1f} ms")
    for t, q, o, n in sorted(times, reverse=True)[:5]:
        print(f"  slowest: {t:.1f} ms {q!r} {o} ({n} rows)")

    n_stories = stats["stories_with_copies"]
    copies = c.db.execute("SELECT sum(copies) FROM stories WHERE copies > 1").fetchone()[0] or 0
    print(f"stories with copies: {n_stories} ({copies} articles)")
    ids = [r[0] for r in c.db.execute("SELECT story_id FROM stories WHERE copies > 1 ORDER BY story_id")]
    random.Random(20).shuffle(ids)
    for sid in ids[:20]:
        st = c.story(sid)
        print(f"  story {sid}:")
        for cp in st["copies"]:
            print(f"    {cp['published']}  {cp['outlet']}  {cp['title']}")

    print("50 most-quoted speakers (statements counted once per story):")
    for row in c.speakers(limit=50):
        variants = [v for v, _ in c._variants(row["key"])][:8]
        print(f"  {row['statements']:>5} {row['kind']:<12} {row['name']}  <- {' | '.join(variants)}")


def stories(args) -> None:
    """The duplicate grouping alone (no pipeline) over every article of the input: the
    store's own MinHash/LSH code on a scratch database, so the story count covers the whole
    corpus even when the pipeline ran on a slice."""
    from khabar.api import read_inputs
    from khabar.corpus import Corpus, dedup
    from khabar.corpus.folding import index_text
    from khabar.corpus.store import _hash, _story

    path = Path(args.db).with_name("stories-only.db")
    for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        if p.exists():
            p.unlink()
    c = Corpus(path)
    db = c.db
    t0 = time.perf_counter()
    n = joined = 0
    db.execute("BEGIN")
    for art in read_inputs([args.input]):
        if art.failed:
            continue
        n += 1
        given = art.given or {}
        aid = _hash(str(art.source.get("record")), art.text)
        published = given.get("published")
        published = str(published) if published else None
        story, sim = dedup.assign(db, aid, index_text(art.text))
        joined += sim is not None
        db.execute("INSERT INTO articles (seq, article_id, outlet, published, title, story_id, "
                   "first) VALUES (?, ?, ?, ?, ?, ?, ?)",
                   (n, aid, given.get("sitename"), published, given.get("title"), story,
                    int(story == aid)))
        _story(db, story, aid, published)
        if n % 2000 == 0:
            db.execute("COMMIT")
            db.execute("BEGIN")
    db.execute("COMMIT")
    dt = time.perf_counter() - t0
    multi = db.execute("SELECT count(*), sum(copies), max(copies) FROM stories WHERE copies > 1"
                       ).fetchone()
    print(f"duplicate grouping alone over {n} articles in {dt:.0f} s ({1000 * dt / n:.2f} ms/article"
          f" incl. reading): {multi[0]} stories with copies ({multi[1]} articles, largest "
          f"{multi[2]}); {joined} articles joined a story")
    sizes = db.execute("SELECT copies, count(*) FROM stories WHERE copies > 1 GROUP BY copies "
                       "ORDER BY copies").fetchall()
    print("  stories by copies: " + ", ".join(f"{k}: {v}" for k, v in sizes))
    ids = [r[0] for r in db.execute("SELECT story_id FROM stories WHERE copies > 1 ORDER BY story_id")]
    random.Random(20).shuffle(ids)
    for sid in ids[:20]:
        print(f"  story {sid}:")
        for _aid, outlet, pub, title in db.execute(
                "SELECT article_id, outlet, published, title FROM articles WHERE story_id=? "
                "ORDER BY published, article_id", (sid,)):
            print(f"    {pub}  {outlet}  {title}")


def overhead(args) -> None:
    with tempfile.TemporaryDirectory(prefix="khabar-overhead-") as folder:
        _overhead(args.input, args.limit or 1000, Path(folder))


def _overhead(input_path: str, n: int, tmp: Path) -> None:
    from khabar.api import read_inputs
    from khabar.corpus import Corpus
    from khabar.corpus.pipe import process_articles
    from khabar.record import to_record

    src = slice_input(Path(input_path), 43, n + 20, str(tmp))
    lines = gzip.open(src, "rt", encoding="utf-8").readlines()
    warm, main_part = tmp / "warm.jsonl", tmp / "main.jsonl"
    warm.write_text("".join(lines[:20]), encoding="utf-8")
    main_part.write_text("".join(lines[20:]), encoding="utf-8")

    def pipeline_alone() -> float:
        t = time.process_time()
        for article in process_articles(read_inputs([str(main_part)])):
            to_record(article)
        return time.process_time() - t

    def index(k: int) -> float:
        with Corpus(tmp / f"run{k}.db") as c:
            t = time.process_time()
            c.add([str(main_part)])
            return time.process_time() - t

    # garbage collections, timed apart: what a run keeps alive makes them costlier, and a
    # full one that an index run sets off may fall in the next round of the pipeline alone
    gc_time = {"pipeline": 0.0, "index": 0.0}
    phase = ["pipeline"]

    def on_gc(event: str, info: dict) -> None:
        if event == "start":
            on_gc.t = time.process_time()  # type: ignore[attr-defined]
        else:
            gc_time[phase[0]] += time.process_time() - on_gc.t  # type: ignore[attr-defined]

    with Corpus(tmp / "warm.db") as c:  # models, resources and caches loaded once
        c.add([str(warm)])
    pipeline_alone()  # the pipeline's word caches hold these articles in every round
    gc.callbacks.append(on_gc)
    try:
        pipe_s = [pipeline_alone(), None]
        phase[0] = "index"
        index_s = [index(0), None]
        phase[0] = "pipeline"
        pipe_s[1] = pipeline_alone()
        phase[0] = "index"
        index_s[1] = index(1)
    finally:
        gc.callbacks.remove(on_gc)
    count = len(lines) - 20
    p, i = sum(pipe_s) / 2 / count, sum(index_s) / 2 / count
    print(f"side by side on {count} articles (CPU time, two rounds): pipeline alone "
          f"{1000 * p:.2f} ms/article ({', '.join(f'{1000 * x / count:.2f}' for x in pipe_s)}), "
          f"khabar index {1000 * i:.2f} ({', '.join(f'{1000 * x / count:.2f}' for x in index_s)})"
          f": the store adds {1000 * (i - p):.2f} ms/article = {100 * (i - p) / p:.1f}% of the "
          f"pipeline (target: at most max(0.3 ms, 20%))")
    print(f"  of which garbage collection: pipeline alone "
          f"{1000 * gc_time['pipeline'] / 2 / count:.3f} ms/article, khabar index "
          f"{1000 * gc_time['index'] / 2 / count:.3f}")


def walltime(args) -> None:
    with tempfile.TemporaryDirectory(prefix="khabar-walltime-") as folder:
        _walltime(args, Path(folder))


def _walltime(args, tmp: Path) -> None:
    import statistics
    import subprocess

    n = args.limit or 1000
    # the 1,000 articles of `overhead` (every 43rd); more: a denser spread slice
    src = slice_input(Path(args.input), 43 if n <= 1000 else max(1, 42967 // (n + 20)), n + 20,
                      str(tmp))
    lines = gzip.open(src, "rt", encoding="utf-8").readlines()[20:]
    inputs = tmp / "inputs.jsonl"
    inputs.write_text("".join(lines), encoding="utf-8")
    count = len(lines)
    sides = [("this", REPO)] + ([("baseline", args.baseline.resolve())] if args.baseline else [])
    if args.baseline:  # a checkout made by git archive lacks the compiled taggers: slower
        built = {p.relative_to(REPO) for p in (REPO / "khabar").rglob("*.so")}
        missing = sorted(str(p) for p in built if not (args.baseline / p).exists())
        if missing:
            raise SystemExit(f"{args.baseline} lacks the built extensions {missing}: build "
                             f"them there or copy them from this checkout")
    workers = str(args.workers or 2)

    def run(root: Path, command: str, k: int) -> float:
        code = (f"import sys; sys.path.insert(0, {str(root)!r}); sys.argv[0] = 'khabar'; "
                f"from khabar.cli import main; main()")
        if command == "extract":
            argv = ["extract", str(inputs), "--format", "jsonl", "--workers", workers,
                    "--no-progress"]
            out = open(tmp / "records.jsonl", "wb")
        else:
            db = tmp / f"run{k}.db"
            argv = ["index", str(inputs), "--db", str(db), "--workers", workers,
                    "--no-progress"]
            out = open(os.devnull, "wb")
        t = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-c", code, *argv], stdout=out,
                                stderr=subprocess.PIPE, cwd=tmp)
        _, err = proc.communicate()
        wall = time.perf_counter() - t
        out.close()
        if proc.returncode:
            raise SystemExit(f"{command} failed: {err.decode()[-2000:]}")
        for p in tmp.glob(f"run{k}.db*"):
            p.unlink()
        return wall

    times: dict[tuple[str, str], list[float]] = {}
    cpu: dict[tuple[str, str], list[float]] = {}
    for k in range(args.repeat):
        for side, root in (sides if k % 2 == 0 else sides[::-1]):
            for command in (("extract", "index") if k % 2 == 0 else ("index", "extract")):
                before = resource.getrusage(resource.RUSAGE_CHILDREN)
                wall = run(root, command, k)
                after = resource.getrusage(resource.RUSAGE_CHILDREN)
                used = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
                times.setdefault((side, command), []).append(wall)
                cpu.setdefault((side, command), []).append(used)
                print(f"  round {k + 1} {side:8s} {command:7s} wall {wall:6.2f} s, CPU with "
                      f"workers {used:6.2f} s (load {os.getloadavg()[0]:.1f})", flush=True)
    print(f"on {count} articles, --workers {workers}, {args.repeat} rounds; per round, index "
          f"against the extract run next to it, then the median over rounds (the load on a "
          f"shared machine moves a single run by 2x; a pair shares most of it):")
    for side, _ in sides:
        for label, got in (("wall", times), ("CPU with workers", cpu)):
            e, i = got[(side, "extract")], got[(side, "index")]
            extra = statistics.median(b - a for a, b in zip(e, i))
            share = statistics.median((b - a) / a for a, b in zip(e, i))
            print(f"  {side:8s} {label:16s} extract {statistics.median(e):6.2f} s, index "
                  f"{statistics.median(i):6.2f} s (medians): the store adds "
                  f"{1000 * extra / count:.2f} ms/article = {100 * share:.1f}%")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("phase", nargs="?", choices=("index", "measure", "all", "stories", "overhead",
                                                "walltime"),
                    default="all")
    ap.add_argument("--db", default=os.path.join(tempfile.gettempdir(), "khabar-corpus-bench.db"))
    ap.add_argument("--input", default=str(DEFAULT_INPUT))
    ap.add_argument("--every", type=int, default=1)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--workers", type=int, default=None)
    ap.add_argument("--baseline", type=Path, default=None, metavar="DIR",
                    help="walltime: another checkout (main's) whose commands alternate with ours")
    ap.add_argument("--repeat", type=int, default=3, help="walltime: rounds (default 3)")
    ap.add_argument("--batch-size", type=int, default=BATCH_SIZE,
                    help="inputs per transaction (default: khabar index's)")
    args = ap.parse_args()
    if args.phase in ("index", "all"):
        index(args)
    if args.phase in ("measure", "all"):
        measure(args)
    if args.phase == "stories":
        stories(args)
    if args.phase == "overhead":
        overhead(args)
    if args.phase == "walltime":
        walltime(args)


if __name__ == "__main__":
    main()
