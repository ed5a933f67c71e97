"""The quality gate: dev-set scores must stay above the floors in quality_floors.yaml."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from khabar import api
from khabar.record import dumps, to_record

FLOORS = yaml.safe_load((Path(__file__).parent / "quality_floors.yaml").read_text("utf-8"))


def _score(shared_dir, out: Path, **options) -> dict:
    inputs = sorted(str(p) for p in (shared_dir / "data" / "dev" / "input").iterdir())
    for article in api.read_inputs(inputs):
        record = to_record(api.process(article, **options))
        (out / f"{article.source['name']}.json").write_text(dumps(record), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(shared_dir / "eval" / "score.py"), str(shared_dir / "data" / "dev"),
         str(out), "--json"], capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def dev_scores(shared_dir, tmp_path_factory) -> dict:
    return _score(shared_dir, tmp_path_factory.mktemp("dev-records"))


@pytest.fixture(scope="module")
def ensemble_scores(shared_dir, tmp_path_factory) -> dict:
    """The entity tagger's other mode; the stages that do not read mentions are skipped."""
    return _score(shared_dir, tmp_path_factory.mktemp("dev-ensemble"),
                  skip=("time", "quotes", "link"), ner="ensemble")


def _check(scores: dict, measure: str) -> None:
    row = scores.get(measure)
    assert row is not None, f"the scorer gave no {measure} figure"
    got = row.get("f1", row.get("accuracy"))
    assert got >= FLOORS[measure], f"{measure} = {got} fell below its floor {FLOORS[measure]}"


@pytest.mark.parametrize("measure", sorted(FLOORS))
def test_dev_figure_stays_above_its_floor(dev_scores, measure):
    _check(dev_scores, measure)


@pytest.mark.parametrize("measure", sorted(m for m in FLOORS if m.startswith("entities")))
def test_ensemble_tagger_stays_above_the_entity_floors(ensemble_scores, measure):
    _check(ensemble_scores, measure)


def test_every_dev_article_has_a_record(dev_scores):
    assert dev_scores["missing_records"] == 0
