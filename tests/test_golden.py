"""Golden records: whole records of the project's own example articles, compared field by
field. After an intended change, regenerate with KHABAR_UPDATE_GOLDEN=1 and review the diff."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from khabar import api
from khabar.record import to_record

HERE = Path(__file__).parent
ARTICLES = HERE / "fixtures" / "articles"
GOLDEN = HERE / "golden"
UPDATE = os.environ.get("KHABAR_UPDATE_GOLDEN") == "1"
# what may differ between machines and releases without the reading having changed
VOLATILE = ("khabar_version",)


def _stable(record: dict) -> dict:
    record = {k: v for k, v in record.items() if k not in VOLATILE}
    source = dict(record.get("source") or {})
    if source.get("path"):
        source["path"] = Path(source["path"]).name
    record["source"] = source
    return json.loads(json.dumps(record, ensure_ascii=False))


CASES = sorted(p for p in ARTICLES.iterdir() if p.is_file()) + [api.example_path()]


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.name)
def test_record_matches_its_golden_file(path):
    records = [_stable(to_record(api.process(a))) for a in api.read_inputs([str(path)])]
    golden = GOLDEN / f"{path.stem}.json"
    if UPDATE:
        GOLDEN.mkdir(exist_ok=True)
        golden.write_text(json.dumps(records, ensure_ascii=False, indent=1) + "\n", "utf-8")
    assert golden.exists(), f"no golden record for {path.name}: run with KHABAR_UPDATE_GOLDEN=1"
    want = json.loads(golden.read_text("utf-8"))
    assert len(records) == len(want)
    for got, exp in zip(records, want):
        for key in sorted(set(got) | set(exp)):
            assert got.get(key) == exp.get(key), f"{path.name}: field {key!r} changed"
