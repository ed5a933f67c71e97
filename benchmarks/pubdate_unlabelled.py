"""Publication dates read from the text alone, against the outlet's own date field.

    python benchmarks/pubdate_unlabelled.py [--per-outlet 100] [--data news.jsonl.gz]
                                            [--timexes] [--json OUT]

The unlabelled corpus (`../shared/data/unlabeled/news.jsonl.gz`) gives every record an
outlet and a `date` field (see its SOURCES.md: for SaudiNewsNet it is the crawl day, the
publication day or the day after; for ANT the DOCNO date). Each sampled article is run as
a plain text page (title line, then the text, no date field), the way scraped `.txt`
inputs come, and the publication date khabar finds in it is compared with the field:
- `found`: a publication date was read from the text;
- `right`: its day equals the field; `near`: within one day of it (a crawl day is often
  the day after the story);
- `anchor`: the day the temporal stage resolves relative dates against (the publication
  date, else the fall-back anchor), and its `anchor_right` / `anchor_near`.
With `--timexes` the temporal stage also runs twice on the same sentences, once with the
date read from the text (the real case) and once with the field date, and it reports how
many relative expressions get a value and how many of those get the field-date value;
`confl` counts the articles whose field date the story itself contradicts by more than a
day (issue `metadata.date_conflict`).
The sample is deterministic: per outlet, the records with the smallest sha1 of their text.
"""
from __future__ import annotations

import argparse
import datetime as dt
import gzip
import hashlib
import json
import time
from collections import defaultdict
from pathlib import Path

from khabar.document import Article
from khabar.pipeline import Pipeline
from khabar.timex import annotate as timex_annotate
from khabar.timex import published_date

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data" / "unlabeled" / "news.jsonl.gz"


def sample(path: Path, per_outlet: int) -> list[dict]:
    by_outlet: dict[str, list[tuple[str, dict]]] = defaultdict(list)
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if not rec.get("date") or not rec.get("text"):
                continue
            key = hashlib.sha1(rec["text"].encode()).hexdigest()
            by_outlet[rec["outlet"]].append((key, rec))
    out = []
    for outlet in sorted(by_outlet):
        out.extend(r for _, r in sorted(by_outlet[outlet], key=lambda x: x[0])[:per_outlet])
    return out


def page(rec: dict) -> str:
    title = (rec.get("title") or "").strip()
    return f"{title}\n{rec['text']}" if title else rec["text"]


def _days(a: dt.date | None, b: dt.date) -> int | None:
    return None if a is None else abs((a - b).days)


def _values(art: Article) -> list[tuple[int, int, str | None, str]]:
    return [(s.start, s.end, s.attrs.get("value"), s.attrs.get("anchor") or "")
            for s in art.spans("timexes")]


def run(recs: list[dict], timexes: bool) -> dict:
    # the stages up to the temporal one: it may read the publication date from the story
    pipe = Pipeline(skip=("entities", "quotes", "events", "link"))
    per: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for rec in recs:
        field = dt.date.fromisoformat(rec["date"][:10])
        art = Article(page(rec))
        pipe.run(art)
        t = per[rec["outlet"]]
        t["articles"] += 1
        found = published_date(art.meta("published"))
        d = _days(found, field)
        t["found"] += found is not None
        t["right"] += d == 0
        t["near"] += d is not None and d <= 1
        src = art.metadata["published"].source if found else "none"
        per["by source: " + src]["articles"] += 1
        per["by source: " + src]["found"] += found is not None
        per["by source: " + src]["right"] += d == 0
        per["by source: " + src]["near"] += d is not None and d <= 1
        if not timexes:
            continue
        anchor = published_date(art.meta("published") or art.meta("updated"))
        a = _days(anchor, field)
        t["anchor"] += anchor is not None
        t["anchor_right"] += a == 0
        t["anchor_near"] += a is not None and a <= 1
        real = _values(art)
        art.layers.pop("timexes", None)
        art.set_meta("published", field.isoformat(), "benchmark:field", override=True)
        timex_annotate(art)
        t["conflict"] += any(i.code == "metadata.date_conflict" for i in art.issues)
        ref = {(s, e): v for s, e, v, _ in _values(art)}
        for s, e, v, anchor_kind in real:
            want = ref.get((s, e))
            if anchor_kind == "absolute" or want is None:
                continue  # only what the publication date places
            t["relative"] += 1
            t["relative_valued"] += v is not None
            t["relative_same"] += v == want
    return per


def table(per: dict, timexes: bool) -> str:
    cols = ["articles", "found", "right", "near"]
    if timexes:
        cols += ["anchor", "anchor_right", "relative", "relative_valued", "relative_same",
                 "conflict"]
    total: dict[str, int] = defaultdict(int)
    rows = []
    for outlet in sorted((o for o in per if not o.startswith("by source")),
                         key=lambda o: -per[o]["articles"]):
        t = per[outlet]
        for c in cols:
            total[c] += t[c]
        rows.append((outlet, t))
    rows.append(("ALL", total))
    rows.extend((o, per[o]) for o in sorted(o for o in per if o.startswith("by source")))

    def pct(t, c, of="articles"):
        return f"{100 * t[c] / t[of]:5.1f}" if t[of] else "    -"

    head = f"{'outlet':28} {'n':>5} {'found%':>7} {'right%':>7} {'near%':>7}"
    if timexes:
        head += (f" {'anch%':>6} {'anchR%':>7} {'rel':>5} {'valued%':>8} {'same%':>6}"
                 f" {'confl':>5}")
    lines = [head]
    for outlet, t in rows:
        s = (f"{outlet[:28]:28} {t['articles']:5d} {pct(t, 'found'):>7} {pct(t, 'right'):>7}"
             f" {pct(t, 'near'):>7}")
        if timexes:
            s += (f" {pct(t, 'anchor'):>6} {pct(t, 'anchor_right'):>7} {t['relative']:5d}"
                  f" {pct(t, 'relative_valued', 'relative'):>8}"
                  f" {pct(t, 'relative_same', 'relative'):>6} {t['conflict']:5d}")
        lines.append(s)
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--per-outlet", type=int, default=100)
    ap.add_argument("--timexes", action="store_true",
                    help="also compare relative timex values (text date against field date)")
    ap.add_argument("--json", type=Path, help="write the per-outlet counts here")
    args = ap.parse_args(argv)
    recs = sample(args.data, args.per_outlet)
    t0 = time.perf_counter()
    per = run(recs, args.timexes)
    print(table(per, args.timexes))
    print(f"{len(recs)} articles in {time.perf_counter() - t0:.1f} s")
    if args.json:
        args.json.write_text(json.dumps(per, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
