"""The issue's bar on the dev set, for the stage alone: timexes F1 >= 0.90, values >= 0.95.

Reads ../shared at run time (skipped where it is absent) and scores with its scorer. The
text is the raw input (page furniture included), so this is a floor below what the full
pipeline reaches once the furniture stage has cut the body out.
"""
from __future__ import annotations

import importlib.util
import json

import pytest

from khabar.ingest import read_path
from khabar.timex import find_timexes, published_date


def _scorer(shared):
    spec = importlib.util.spec_from_file_location("shared_score", shared / "eval" / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _text(path) -> str:
    """The raw article text as the project's ingest lays it out (no furniture cut)."""
    return next(read_path(path)).text


@pytest.fixture(scope="module")
def dev_result(shared_dir, tmp_path_factory):
    dev = shared_dir / "data" / "dev"
    out = tmp_path_factory.mktemp("timex_records")
    for gold_path in sorted((dev / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        inputs = [p for p in (dev / "input").glob(gold_path.stem + ".*")
                  if p.suffix in (".txt", ".json")]
        if not inputs:
            continue
        pub = published_date(gold.get("metadata", {}).get("published"))
        items = [{"text": t.text, "value": t.value} for t in find_timexes(_text(inputs[0]), pub)
                 if t.value is not None]
        (out / f"{gold_path.stem}.json").write_text(json.dumps({"timexes": items}),
                                                    encoding="utf-8")
    result, _ = _scorer(shared_dir).score(dev, out)
    return result


def test_dev_timex_f1(dev_result):
    assert dev_result["timexes"]["f1"] >= 0.90


def test_dev_timex_values(dev_result):
    assert dev_result["timexes.value"]["accuracy"] >= 0.95
