"""Temporal expressions: khabar against dateparser's `search_dates`, same text, same scorer.

    python benchmarks/timex_vs_dateparser.py [--dataset ../shared/data/dev] [--repeat 5]

Every input of the dataset is read and cleaned by khabar (furniture, segmentation), and
both systems get the same body text and the same publication date (the gold one where the
gold has it, else the one khabar read; dateparser gets it as `RELATIVE_BASE`). Their
expressions are written as records and scored by `eval/score.py`, the scorer every
other measure uses. Values: khabar's TIMEX3 value; for dateparser its datetime at the
granularity its own `DateDataParser` reports for the matched text (day, month or year).
Speed is the time of the finding call alone (`find_timexes` / `search_dates`), best of
`--repeat` runs, after a warm-up.
"""
from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import tempfile
import time
import warnings
from pathlib import Path

from khabar.ingest import read_path
from khabar.pipeline import Pipeline
from khabar.record import body_text
from khabar.timex import find_timexes, published_date

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATASET = REPO.parent / "shared" / "data" / "dev"
SCORER = REPO.parent / "shared" / "eval" / "score.py"


def load_scorer(path: Path):
    spec = importlib.util.spec_from_file_location("khabar_eval_score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def articles(dataset: Path) -> list[tuple[str, str, dt.date | None]]:
    """(name, body text, publication date) for every input that has a gold file."""
    pipe = Pipeline(skip=("time", "entities", "quotes"))
    out = []
    for path in sorted((dataset / "input").iterdir()):
        gold_path = dataset / "gold" / f"{path.stem}.json"
        if not gold_path.exists():
            continue
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        for art in read_path(str(path)):
            pipe.run(art)
            pub = published_date(gold.get("metadata", {}).get("published")
                                 or art.meta("published"))
            out.append((path.stem, body_text(art), pub))
    return out


def run_khabar(text: str, pub):
    return [{"text": t.text, "value": t.value} for t in find_timexes(text, pub)
            if t.value is not None]


class DateparserRunner:
    def __init__(self) -> None:
        from dateparser.date import DateDataParser
        from dateparser.search import search_dates

        self.search = search_dates
        self.period_parser = DateDataParser(languages=["ar"],
                                            settings={"RETURN_TIME_AS_PERIOD": True})

    def settings(self, pub):
        s = {"PREFER_DATES_FROM": "past"}
        if pub is not None:
            s["RELATIVE_BASE"] = dt.datetime(pub.year, pub.month, pub.day)
        return s

    def find(self, text: str, pub):
        return self.search(text, languages=["ar"], settings=self.settings(pub)) or []

    def value(self, phrase: str, when: dt.datetime, pub) -> str:
        try:
            period = self.period_parser.get_date_data(phrase).period or "day"
        except Exception:  # dateparser's own re-parse may fail on what it found
            period = "day"
        if period == "year":
            return f"{when.year:04d}"
        if period == "month":
            return f"{when.year:04d}-{when.month:02d}"
        return when.date().isoformat()

    def __call__(self, text: str, pub):
        return [{"text": phrase, "value": self.value(phrase, when, pub)}
                for phrase, when in self.find(text, pub)]


def timed(find, docs, repeat: int) -> tuple[float, int]:
    """Best total seconds over `repeat` runs, and how many expressions one run finds."""
    for _, text, pub in docs[:2]:
        find(text, pub)
    best, count = float("inf"), 0
    for _ in range(repeat):
        t0 = time.perf_counter()
        count = sum(len(find(text, pub)) for _, text, pub in docs)
        best = min(best, time.perf_counter() - t0)
    return best, count


def score(scorer, dataset: Path, docs, predict) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        for name, text, pub in docs:
            rec = {"timexes": predict(text, pub)}
            Path(tmp, f"{name}.json").write_text(json.dumps(rec, ensure_ascii=False),
                                                 encoding="utf-8")
        result, _ = scorer.score(dataset, Path(tmp))
    return result


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dataset", type=Path, default=DEFAULT_DATASET)
    ap.add_argument("--scorer", type=Path, default=SCORER)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args(argv)
    warnings.filterwarnings("ignore")  # dateparser's deprecation chatter
    scorer = load_scorer(args.scorer)
    docs = articles(args.dataset)
    dp = DateparserRunner()
    rows = []
    for name, predict, find in (
            ("khabar", run_khabar, find_timexes),
            ("dateparser.search_dates", dp, dp.find)):
        res = score(scorer, args.dataset, docs, predict)
        secs, found = timed(find, docs, args.repeat)
        rows.append((name, res.get("timexes", {}), res.get("timexes.value", {}), secs, found))
    print(f"dataset: {args.dataset} ({len(docs)} articles)\n")
    print(f"{'system':26s} {'P':>6s} {'R':>6s} {'F1':>6s} {'value':>6s} {'found':>6s} "
          f"{'ms/article':>11s} {'articles/s':>11s}")
    for name, t, v, secs, found in rows:
        print(f"{name:26s} {t.get('precision', 0):6.3f} {t.get('recall', 0):6.3f} "
              f"{t.get('f1', 0):6.3f} {v.get('accuracy', 0):6.3f} {found:6d} "
              f"{1000 * secs / len(docs):11.2f} {len(docs) / secs:11.0f}")


if __name__ == "__main__":
    main()
