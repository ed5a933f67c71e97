"""A regression gate on the hand-annotated dev articles (read from ../shared at run time).

Only the statement stage is run, on articles read and prepared by the pipeline's earlier
stages (no entity tagger); the bars are the quality gate's floors for statements
(tests/quality_floors.yaml), so that the stage stands on them without the tagger's help.
"""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
import yaml

from khabar.document import Article
from khabar.ingest import read_path
from khabar.pipeline import Pipeline
from khabar.quotes import annotate

from quotes_helpers import records

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
DEV = SHARED / "data" / "dev"
FLOORS = yaml.safe_load((Path(__file__).parents[1] / "quality_floors.yaml").read_text("utf-8"))

pytestmark = pytest.mark.skipif(not (DEV / "gold").is_dir(), reason="no ../shared dev set")


# the stages before statements, without the entity tagger: the stage must stand on its own
_BEFORE = Pipeline(skip=("entities", "quotes", "link"))


def _article(path: Path) -> Article:
    """The article as the project reads it (ingest, furniture, segments, dates), then the
    statement stage alone."""
    art = _BEFORE.run(next(read_path(path)))
    annotate(art)
    return art


@pytest.fixture(scope="module")
def scores():
    spec = importlib.util.spec_from_file_location("score", SHARED / "eval" / "score.py")
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    tallies: dict = {}
    for gold_path in sorted((DEV / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text("utf-8"))
        inp = next((DEV / "input").glob(gold_path.stem + ".*"))
        pred = {"quotes": records(_article(inp))}
        score.score_article(gold, pred, tallies, [])
    return tallies


def test_statements_f1(scores):
    assert scores["quotes"].prf()[2] >= FLOORS["quotes"]


@pytest.mark.parametrize("measure", ["quotes.speaker", "quotes.kind", "quotes.medium"])
def test_statement_parts(scores, measure):
    assert scores[measure].acc() >= FLOORS[measure]


def test_seed_article_has_its_ten_statements_with_their_speakers():
    gold = json.loads((DEV / "gold" / "seed-iraq-2021.json").read_text("utf-8"))
    got = records(_article(DEV / "input" / "seed-iraq-2021.txt"))
    spec = importlib.util.spec_from_file_location("score", SHARED / "eval" / "score.py")
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    pairs = score.greedy_match(got, gold["quotes"], lambda p, g: score.overlap_f1(
        p["content"]["text"], g["content"]), 0.5)
    assert len(pairs) == len(gold["quotes"]) == 10
    for i, j in pairs:
        g = gold["quotes"][j]
        names = [g["speaker"]] + g.get("speaker_aliases", [])
        assert any(score.same_name(n, names) for n in score._names(got[i]["speaker"])), g
