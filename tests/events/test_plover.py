"""The PLOVER export: the manual's field names, one event per line from the CLI."""
from __future__ import annotations

import json

from click.testing import CliRunner

from khabar import api
from khabar.cli import main
from khabar.events.plover import plover_events
from khabar.record import to_record

TEXT = ("قصفت الطائرات الحربية مخيم جباليا شمالي قطاع غزة صباح اليوم، ما أسفر عن مقتل "
        "ثلاثة أشخاص وإصابة عشرات آخرين.")
FIELDS = {"actor", "recipient", "event", "mode", "event_loc", "dead", "injured", "arrested",
          "text_info", "cite_info"}


def test_an_event_in_plover_fields():
    record = to_record(api.extract_text(TEXT, published="2024-05-02", name="gaza"))
    (ev,) = list(plover_events(record))
    assert FIELDS <= set(ev)
    assert ev["event"] == "ASSAULT" and ev["dead"] == 3 and ev["injured"] == 10
    assert ev["event_loc"]["country"] == "PS"
    assert ev["event_date"] == "2024-05-02"
    start, end = ev["cite_info"]["trigger_offsets"]
    assert record["text"][start:end] == ev["text_info"]["trigger"]


def test_verbal_acts_can_be_left_out():
    record = to_record(api.extract_text("هدد الرئيس بفرض رسوم جمركية على السلع المستوردة."))
    assert [e["event"] for e in plover_events(record)] == ["THREATEN"]
    assert list(plover_events(record, include_verbal=False)) == []


def test_the_cli_writes_one_plover_event_per_line(tmp_path):
    path = tmp_path / "gaza.txt"
    path.write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(path), "--format", "plover"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(x) for x in result.output.splitlines() if x.strip()]
    assert [x["event"] for x in lines] == ["ASSAULT"]
