"""Throughput and memory of the whole pipeline on real articles, rows side by side.

    python benchmarks/throughput.py [--n 5000] [--quick] [--rows default,ensemble,...]

Two article sets: N distinct articles from ../shared/data/unlabeled/news.jsonl.gz (the
first N, each read once: no small set cycled, which would flatter the per-word caches)
and every article of ../shared/data/corpus. For each set, every row runs in a fresh
process of its own (cold caches, its own memory) over the same texts, one core:

  default       the default pipeline (CRF entity tagger), serial
  ensemble      the same with `--ner ensemble`
  batched       the default pipeline with the entity stage given 8 articles at a time
                (`khabar.ner.annotate_batch`, for batch executors)
  ens-batched   the same in the ensemble mode
  crfsuite      the default pipeline with the CRF passes run by pycrfsuite, as before the
                numpy engine (khabar/ner/crf.py): the speed-up side by side
  dateparser    dateparser's `search_dates` alone over the same texts (bench extra)
  pool2         the default pipeline on a process pool of 2 workers (`khabar.run.Pool`);
                its memory columns are per worker (not in the default rows)

Rates are articles per CPU-second of the row's process (what one core does; a busy
machine disturbs CPU time less than wall time); wall-clock rates are printed beside.
The ratio column is each row against dateparser on the same set. Memory: resident set
after 20% and 100% of the articles (flat means no growth with N) and the row's peak; then,
per row, the resident set sampled at 1k, 5k, 10k, 20k and 40k articles (what a long run
does to a worker: `--n 10000 --rows default,pool2` shows it).
Compare rows of one run, not runs of different days.

A row is one function `row_NAME(texts) -> dict` registered in ROWS: add rows there.
"""
from __future__ import annotations

import argparse
from concurrent.futures import ThreadPoolExecutor
import gzip
import multiprocessing as mp
import resource
import sys
import time
from pathlib import Path
from typing import Callable

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
DEFAULT_UNLABELED = SHARED / "data" / "unlabeled" / "news.jsonl.gz"
DEFAULT_CORPUS = SHARED / "data" / "corpus"
QUICK_N = 300
# articles per CPU-second each row roughly reaches, for the duration warning only
_GUESS_RATE = {"default": 120.0, "streamed": 120.0, "ensemble": 40.0, "batched": 130.0,
               "ens-batched": 60.0, "crfsuite": 60.0, "dateparser": 80.0}

Texts = list[tuple[str, dict, dict]]  # (text, source, given) per article


def rss_mb() -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def read_unlabeled(path: Path, n: int) -> Texts:
    """The first `n` articles of the unlabelled news, each once, through khabar's ingest
    of JSON Lines records (title, text, outlet and date fields as the CLI reads them)."""
    from khabar.ingest import read_bytes

    lines = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if len(lines) >= n:
                break
            if line.strip():
                lines.append(line)
    out = []
    data = "".join(lines).encode("utf-8")
    for art in read_bytes(data, name="news.jsonl", fmt="jsonl", max_bytes=len(data) + 1):
        if not art.failed:
            out.append((art.text, art.source, art.given))
    return out


def read_corpus(folder: Path, n: int | None = None) -> Texts:
    from khabar.ingest import read_path

    out = []
    for path in sorted(folder.iterdir()):
        for art in read_path(str(path)):
            if not art.failed:
                out.append((art.text, art.source, art.given))
    return out[:n] if n else out


CHECKPOINTS = (1000, 5000, 10000, 20000, 40000)  # articles at which memory is sampled


def _timed(texts: Texts, one: Callable[[tuple], object], per: int = 1) -> dict:
    """Run `one` over every article (or chunk of `per` articles); CPU and wall time,
    memory at 20% and at the end, and at each of CHECKPOINTS reached."""
    rss_20 = None
    rss_at: dict[int, str] = {}
    c0, w0 = time.process_time(), time.perf_counter()
    for i, t in enumerate(texts):
        one(t)
        if i + 1 == max(1, len(texts) // 5):
            rss_20 = rss_mb()
        done = (i + 1) * per
        for c in CHECKPOINTS:
            if done - per < c <= done:
                rss_at[c] = f"{rss_mb():.0f}"
    cpu, wall = time.process_time() - c0, time.perf_counter() - w0
    return {"articles": len(texts), "cpu": cpu, "wall": wall, "rss_20": rss_20,
            "rss_end": rss_mb(), "rss_at": rss_at}


# Models and lazily loaded profiles load before the clock starts: an Arabic article, and an
# English one for the language detector's profiles (loaded at the first non-Arabic text,
# which would otherwise be billed to the measured articles).
WARMUP = [("قال الوزير في بيروت أمس إن المحادثات مستمرة.", {}, {}),
          ("The minister said in Beirut yesterday that the talks go on.", {}, {})]


def _loaded_pipeline(options: dict | None = None):
    from khabar.document import Article
    from khabar.pipeline import Pipeline

    pipe = Pipeline(options=options)
    for t in WARMUP:
        pipe.run(Article(*t))
    return pipe


def _pipeline_row(texts: Texts, options: dict | None = None) -> dict:
    from khabar.document import Article

    pipe = _loaded_pipeline(options)
    return _timed(texts, lambda t: pipe.run(Article(*t)))


def row_default(texts: Texts) -> dict:
    return _pipeline_row(texts)


def row_streamed(texts: Texts) -> dict:
    """The default stages as the executors run them: one stream through `Pipeline.pipe`
    (which freezes the loaded models for the garbage collector), not `run` per article."""
    from khabar.document import Article

    stream = _loaded_pipeline().pipe(Article(*t) for t in texts)
    return _timed(texts, lambda _t: next(stream))


def row_ensemble(texts: Texts) -> dict:
    return _pipeline_row(texts, {"entities": {"mode": "ensemble"}})


def row_crfsuite(texts: Texts) -> dict:
    from khabar.ner import tagger

    tagger._DEFAULTS["crf"] = tagger.Tagger(engine="crfsuite")
    return _pipeline_row(texts)


def _batched_row(texts: Texts, mode: str, size: int = 8) -> dict:
    """The default stages, with the entity stage run on `size` articles at a time
    (`khabar.ner.annotate_batch`), as a batch executor may run it."""
    import importlib

    from khabar.document import Article
    from khabar.ner import annotate_batch
    from khabar.pipeline import STAGES

    def funcs(stages):
        out = []
        for st in stages:
            mod, name = st.target.split(":")
            out.append(getattr(importlib.import_module(mod), name))
        return out

    at = [st.name for st in STAGES].index("entities")
    before, after = funcs(STAGES[:at]), funcs(STAGES[at + 1:])

    def run(chunk):
        arts = [Article(*t) for t in chunk]
        for a in arts:
            for f in before:
                f(a)
        annotate_batch(arts, mode)
        for a in arts:
            for f in after:
                f(a)

    run(WARMUP)
    chunks = [texts[i:i + size] for i in range(0, len(texts), size)]
    result = _timed(chunks, run, size)
    result["articles"] = len(texts)
    return result


def row_batched(texts: Texts) -> dict:
    return _batched_row(texts, "crf")


def row_ensemble_batched(texts: Texts) -> dict:
    return _batched_row(texts, "ensemble")


def row_dateparser(texts: Texts) -> dict:
    import warnings

    from dateparser.search import search_dates

    warnings.filterwarnings("ignore")
    search_dates("أمس الثلاثاء 3 سبتمبر", languages=["ar"])  # its tables load here
    return _timed(texts, lambda t: search_dates(t[0], languages=["ar"]))


def _worker_mb(pid: int) -> tuple[float, float]:
    """(resident, peak resident) MB of a process."""
    got = {}
    with open(f"/proc/{pid}/status") as fh:
        for line in fh:
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                got[key] = int(value.split()[0]) / 1024
    return got.get("VmRSS", float("nan")), got.get("VmHWM", float("nan"))


def row_pool2(texts: Texts) -> dict:
    """The default pipeline on a pool of two workers: rates per CPU-second of the three
    processes together, memory per worker (resident / peak at each checkpoint)."""
    import os

    from khabar.api import pipeline
    from khabar.document import Article
    from khabar.run import Pool

    rss_at: dict[int, str] = {}
    with Pool(pipeline().spec, 2) as pool:
        pids = [w.process.pid for w in pool._pool]

        def cpu() -> float:
            own = time.process_time()
            for pid in pids:
                with open(f"/proc/{pid}/stat") as fh:
                    fields = fh.read().rsplit(")", 1)[1].split()
                own += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
            return own

        c0, w0 = cpu(), time.perf_counter()
        done = 0
        rss_20 = None
        for _article in pool.imap(Article(*t) for t in texts):
            done += 1
            if done == max(1, len(texts) // 5):
                rss_20 = max(_worker_mb(pid)[0] for pid in pids)
            if done in CHECKPOINTS:
                rss_at[done] = " | ".join(f"{a:.0f}/{b:.0f}"
                                          for a, b in map(_worker_mb, pids))
        total_cpu, wall = cpu() - c0, time.perf_counter() - w0
        if pool.replaced:
            raise RuntimeError(f"{pool.replaced} workers were replaced: the pids changed")
        mems = [_worker_mb(pid) for pid in pids]
    return {"articles": len(texts), "cpu": total_cpu, "wall": wall, "rss_20": rss_20,
            "rss_end": max(a for a, _b in mems), "worker_peak": max(b for _a, b in mems),
            "rss_at": rss_at}


ROWS: dict[str, Callable[[Texts], dict]] = {
    "default": row_default,
    "streamed": row_streamed,
    "ensemble": row_ensemble,
    "batched": row_batched,
    "ens-batched": row_ensemble_batched,
    "crfsuite": row_crfsuite,
    "dateparser": row_dateparser,
    "pool2": row_pool2,
}
DEFAULT_ROWS = ("default", "ensemble", "batched", "ens-batched", "crfsuite", "dateparser")


def _child(row: str, source: str, where: str, n: int | None, queue,
           code: str | None = None) -> None:
    try:
        if code:  # another checkout's khabar (--baseline), imported before any of ours
            sys.path.insert(0, code)
        texts = read_unlabeled(Path(where), n) if source == "unlabeled" \
            else read_corpus(Path(where), n)
        result = ROWS[row](texts)
        result["peak"] = result.pop("worker_peak", None) or peak_mb()
        queue.put(result)
    except Exception as err:  # a row that cannot run (a missing extra) is reported
        queue.put({"error": f"{type(err).__name__}: {err}"})


def run_row(row: str, source: str, where: Path, n: int | None,
            code: Path | None = None) -> dict:
    """One row in a fresh process: its own cold caches and its own peak memory; `code`,
    a checkout whose khabar the row imports instead of this one's."""
    ctx = mp.get_context("spawn")
    queue = ctx.Queue()
    proc = ctx.Process(target=_child, args=(row, source, str(where), n, queue,
                                            str(code) if code else None))
    proc.start()
    result = queue.get()
    proc.join()
    return result


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] + (
        " The default run (5,000 articles per row, six rows, then the corpus) takes many "
        "minutes on one core, announced before it starts; --quick or --n 200 gives a quick "
        "look."))
    ap.add_argument("--n", type=int, default=5000,
                    help="distinct unlabelled articles per row (default 5000)")
    ap.add_argument("--quick", action="store_true",
                    help=f"{QUICK_N} unlabelled articles and {QUICK_N // 3} corpus ones")
    ap.add_argument("--unlabeled", type=Path, default=DEFAULT_UNLABELED)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--rows", default=",".join(DEFAULT_ROWS),
                    help=f"comma-separated rows among {', '.join(ROWS)}")
    ap.add_argument("--baseline", type=Path, default=None, metavar="DIR",
                    help="another checkout (e.g. `git archive main | tar -x -C DIR`, with "
                         "its built extensions): each row also runs on DIR's khabar, "
                         "alternating with this one, and the ratio is printed")
    ap.add_argument("--repeat", type=int, default=1,
                    help="with --baseline: runs of each row on each side (default 1)")
    ap.add_argument("--together", action="store_true",
                    help="with --baseline: run the two sides of a row at the same time, "
                         "so that both meet the same load on a shared machine")
    args = ap.parse_args(argv)
    rows = [r for r in args.rows.split(",") if r]
    unknown = set(rows) - set(ROWS)
    if unknown:
        ap.error(f"unknown rows: {', '.join(sorted(unknown))}")
    n = QUICK_N if args.quick else args.n
    corpus_n = QUICK_N // 3 if args.quick else None
    sets = [("unlabeled", args.unlabeled, n, f"{n} distinct articles of {args.unlabeled.name}"),
            ("corpus", args.corpus, corpus_n,
             f"{'first ' + str(corpus_n) if corpus_n else 'all'} articles of "
             f"{args.corpus}")]
    total = sum((m or 260) / _GUESS_RATE.get(r, 50.0) for _s, _w, m, _d in sets for r in rows)
    print(f"expect about {total / 60:.0f} min on an idle core (more on a busy machine); "
          f"--quick for a short run", file=sys.stderr, flush=True)
    print(f"{'set':10s} {'row':11s} {'articles':>8s} {'art/CPU-s':>10s} {'art/s wall':>10s} "
          f"{'ms/art':>7s} {'vs dateparser':>13s} {'RSS@20%':>8s} {'RSS@end':>8s} "
          f"{'peak':>7s}")
    memory: list[tuple[str, str, dict]] = []
    sides: dict[tuple[str, str], list[float]] = {}  # (set, label) -> [articles, CPU s]
    for source, where, m, desc in sets:
        # dateparser first, so that every other row prints its ratio as soon as it is done
        base: dict = {}
        runs: list[tuple[str, str, Path | None]] = []  # (label, row, checkout)
        for r in sorted(rows, key=lambda r: r != "dateparser"):
            if args.baseline is not None and r != "dateparser":
                # alternating, so that a change in the machine's load hits both sides
                runs += [(r + "@base", r, args.baseline), (r, r, None)] * args.repeat
            else:
                runs.append((r, r, None))
        groups: list[list[tuple[str, str, Path | None]]] = []
        for run in runs:  # --together: a row's base side and this side as one group
            if args.together and groups and len(groups[-1]) == 1 and \
                    groups[-1][0][0].endswith("@base"):
                groups[-1].append(run)
            else:
                groups.append([run])
        for group in groups:
            with ThreadPoolExecutor(len(group)) as pool:
                got = list(zip(group, pool.map(
                    run_row, [g[1] for g in group], [source] * len(group),
                    [where] * len(group), [m] * len(group), [g[2] for g in group])))
            for (label, r, _code), res in got:
                if r == "dateparser":
                    base = res
                if "error" in res:
                    print(f"{source:10s} {label:11s} failed: {res['error']}", flush=True)
                    continue
                tally = sides.setdefault((source, label), [0.0, 0.0])
                tally[0] += res["articles"]
                tally[1] += res["cpu"]
                r = label
                rate = res["articles"] / res["cpu"]
                ratio = f"{rate / (base['articles'] / base['cpu']):12.2f}x" \
                    if "cpu" in base else f"{'':13s}"
                print(f"{source:10s} {r:11s} {res['articles']:8d} {rate:10.1f} "
                      f"{res['articles'] / res['wall']:10.1f} {1000 * res['cpu'] / res['articles']:7.2f} "
                      f"{ratio} {res['rss_20']:7.0f}M {res['rss_end']:7.0f}M {res['peak']:6.0f}M",
                      flush=True)
                memory.append((source, r, res.get("rss_at") or {}))
        print(f"{'':10s} ({desc})", flush=True)
    if args.baseline is not None:
        print(f"\nagainst {args.baseline} (articles per CPU-second, all runs of a row)")
        for (source, label), (arts, cpu) in sides.items():
            old = sides.get((source, label + "@base"))
            if old:
                print(f"{source:10s} {label:11s} {arts / cpu:8.1f} vs {old[0] / old[1]:8.1f}"
                      f"  = {(arts / cpu) / (old[0] / old[1]):.3f}x")
    print("\nresident MB after N articles (pool2: each worker's resident/peak)")
    for source, r, at in memory:
        if at:
            print(f"{source:10s} {r:11s} " + "  ".join(f"{c:,}: {v}" for c, v in at.items()))


if __name__ == "__main__":
    main()
