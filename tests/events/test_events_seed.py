"""The seed article's events, as the issue lists them, read from ../shared at test time:
the end of the US combat mission (RETREAT, future), two visits (CONSULT), the 2020 troop
cut (RETREAT), the parliament's vote (AGREE) and the February strike near Erbil airport
(ASSAULT, claimed, one dead)."""
from __future__ import annotations

import json

import pytest

from khabar import api
from khabar.normalize import fold
from khabar.record import to_record


@pytest.fixture(scope="module")
def seed(shared_dir):
    dev = shared_dir / "data" / "dev"
    gold = json.loads((dev / "gold" / "seed-iraq-2021.json").read_text("utf-8"))
    article = next(iter(api.read_inputs([str(dev / "input" / "seed-iraq-2021.txt")])))
    return gold, to_record(api.process(article))


def _found(pred: list[dict], g: dict) -> dict | None:
    snippets = [fold(s) for s in [g["sentence"], *g.get("mentions", [])]]
    for ev in pred:
        if ev["type"] != g["type"] or ev.get("from_statement"):
            continue
        for m in [ev, *ev.get("mentions", [])]:
            if any(fold(m["trigger"]["text"]) in s for s in snippets):
                return ev
    return None


def test_every_seed_event_is_found_with_its_status(seed):
    gold, record = seed
    for g in gold["events"]:
        ev = _found(record["events"], g)
        assert ev is not None, f"missed {g['type']} {g['trigger']}"
        assert ev["status"] == g["status"], f"{g['type']} {g['trigger']}: {ev['status']}"


def test_the_strike_near_erbil_airport(seed):
    gold, record = seed
    g = next(g for g in gold["events"] if g["type"] == "ASSAULT")
    ev = _found(record["events"], g)
    assert ev["dead"] == g["dead"]
    assert ev["location"]["geo"]["country"] == "IQ"
    assert ev["date"]["value"] in g["date_values"]
