"""Search API speed: latency p50/p95 of GET /api/v1/search and requests/s under a bounded
local load, against a real `khabar serve` (uvicorn) on 127.0.0.1.

    .venv/bin/python benchmarks/serve.py --db khabar.db            # an existing index
    .venv/bin/python benchmarks/serve.py --build 2000              # index the first 2000
                                                                   # unlabeled articles first
Options: --requests N (total, default 600), --concurrency C (default 4),
--seconds S (hard stop of the load run, default 60).

The queries come from the index itself (words of its statements, its top speakers,
outlets and months), so no word list lives here. Everything stays on 127.0.0.1; the run
is bounded by both a request count and a time limit.
"""
from __future__ import annotations

import argparse
import http.client
import random
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode, urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).parent))

from tests.serve_live import live_server
from latency import p50_p95, percentile

UNLABELED = ROOT.parent / "shared" / "data" / "unlabeled" / "news.jsonl.gz"


def build(n: int, db: Path) -> Path:
    from khabar.corpus import Corpus

    from corpus import slice_input

    part = slice_input(UNLABELED, 1, n, str(db.parent))
    t = time.perf_counter()
    with Corpus(db) as corpus:
        summary = corpus.add([part])
    print(f"indexed {summary.new} articles in {time.perf_counter() - t:.0f} s", file=sys.stderr)
    return db


def query_mix(db: Path, seed: int = 7) -> list[dict]:
    """Search parameters drawn from the index: words, speakers, outlets, months, mixes."""
    from khabar.corpus import Corpus

    rnd = random.Random(seed)
    with Corpus(db, readonly=True) as corpus:
        res = corpus.search(limit=200, facets=True)
        words = sorted({w for r in res.rows for w in (r.get("content") or "").split()
                        if len(w) > 3 and w.isalpha()})
        speakers = [s["key"] for s in corpus.speakers(limit=20)]
    outlets = [v for v, _ in (res.facets or {}).get("outlet", [])][:10]
    months = [v for v, _ in (res.facets or {}).get("month", [])][:10]
    mix: list[dict] = []
    for _ in range(200):
        pick = rnd.random()
        params: dict = {"q": rnd.choice(words)} if words else {}
        if pick < 0.25 and len(words) > 1:
            params["q"] += " " + rnd.choice(words)
        elif pick < 0.4 and speakers:
            params = {"speaker": rnd.choice(speakers)}
        elif pick < 0.55 and outlets:
            params["outlet"] = rnd.choice(outlets)
        elif pick < 0.7 and months:
            params.update(since=rnd.choice(months))
        elif pick < 0.8:
            params = {}  # the newest statements, facets over everything
        if rnd.random() < 0.2:
            params["facets"] = "true"  # as the search page's first view asks
        mix.append(params)
    return mix


def load(base: str, mix: list[dict], total: int, concurrency: int, seconds: float) -> dict:
    host = urlsplit(base)
    assert host.hostname == "127.0.0.1"
    latencies: list[float] = []
    by_kind: dict[str, list[float]] = {}
    errors: list[str] = []
    lock = threading.Lock()
    stop_at = time.perf_counter() + seconds
    counter = iter(range(total))

    def worker() -> None:
        conn = http.client.HTTPConnection(host.hostname, host.port, timeout=30)
        while time.perf_counter() < stop_at:
            with lock:
                i = next(counter, None)
            if i is None:
                break
            params = mix[i % len(mix)]
            path = "/api/v1/search?" + urlencode(params)
            t = time.perf_counter()
            conn.request("GET", path)
            resp = conn.getresponse()
            body = resp.read()
            dt = time.perf_counter() - t
            with lock:
                latencies.append(dt)
                by_kind.setdefault(kind_of(params), []).append(dt)
                if resp.status != 200:
                    errors.append(f"{resp.status} {path}: {body[:200].decode(errors='replace')}")
        conn.close()

    t0 = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    elapsed = time.perf_counter() - t0
    latencies.sort()
    for e in errors[:3]:
        print("error:", e, file=sys.stderr)
    return {"requests": len(latencies), "errors": len(errors), "seconds": elapsed,
            "rps": len(latencies) / elapsed if elapsed else 0.0,
            "p50_ms": 1000 * percentile(latencies, 50),
            "p95_ms": 1000 * percentile(latencies, 95),
            "max_ms": 1000 * latencies[-1], "by_kind": by_kind}


def kind_of(params: dict) -> str:
    """A request's shape: which filters it sets, and whether it asks for facets."""
    names = "+".join(sorted(k for k in params if k != "facets")) or "(no filter)"
    return names + (" +facets" if params.get("facets") else "")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, help="the index to serve (built first with --build N "
                                            "when it does not exist)")
    ap.add_argument("--build", type=int, default=0, help="index the first N unlabeled articles")
    ap.add_argument("--requests", type=int, default=600)
    ap.add_argument("--concurrency", type=int, default=4)
    ap.add_argument("--seconds", type=float, default=60.0)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "bench.db"
        if not db.exists():
            build(args.build or 1000, db)
        from khabar.corpus import Corpus

        with Corpus(db, readonly=True) as corpus:
            stats = corpus.stats()
        mix = query_mix(db)
        with live_server(db) as base:
            load(base, mix, 40, 1, 30)  # warm the page cache and the connections
            serial = load(base, mix, max(50, args.requests // 4), 1, args.seconds)
            loaded = load(base, mix, args.requests, args.concurrency, args.seconds)
    print(f"index: {stats['articles']} articles, {stats['statements']} statements ({db.name})")
    print(f"{'run':<16}{'requests':>9}{'errors':>7}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}"
          f"{'req/s':>8}")
    for name, r in (("1 client", serial), (f"{args.concurrency} clients", loaded)):
        print(f"{name:<16}{r['requests']:>9}{r['errors']:>7}{r['p50_ms']:>9.1f}"
              f"{r['p95_ms']:>9.1f}{r['max_ms']:>9.1f}{r['rps']:>8.1f}")
    print("\nby request shape (1 client):")
    for kind, times in sorted(serial["by_kind"].items()):
        p50, p95 = p50_p95(times)
        print(f"  {kind:<28}{len(times):>5}  p50 {1000 * p50:7.1f} ms  p95 {1000 * p95:7.1f} ms")


if __name__ == "__main__":
    main()
