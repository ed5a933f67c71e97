"""The shipped tagger: loads from the installed package offline, tags the project's sentences."""
import io
import socket
from importlib import resources as ir
from pathlib import Path

import pytest

import khabar.ner as ner
from khabar.ner.mentions import entities
from khabar.ner.tagger import NEURAL_NAME, Tagger, memory_path, settings_path


def _names(sentence, mode="crf"):
    toks = sentence.split()
    return {(" ".join(toks[a:b]), t) for a, b, t in entities(ner.tag_tokens(toks, mode))}


@pytest.mark.parametrize("sentence, expect", [
    ("قال الرئيس جو بايدن في واشنطن إن بلاده ستدعم أوكرانيا",
     {("جو بايدن", "PERS"), ("واشنطن", "LOC"), ("أوكرانيا", "LOC")}),
    ("وصل وزير الخارجية الأردني أيمن الصفدي إلى بيروت أمس",
     {("أيمن الصفدي", "PERS"), ("بيروت", "LOC")}),
    ("أعلنت منظمة الصحة العالمية في جنيف عن خطة جديدة",
     {("منظمة الصحة العالمية", "ORG"), ("جنيف", "LOC")}),
    ("التقى ولي العهد محمد بن سلمان بالرئيس إيمانويل ماكرون في باريس",
     {("محمد بن سلمان", "PERS"), ("إيمانويل ماكرون", "PERS"), ("باريس", "LOC")}),
    ("أكدت وكالة رويترز أن شركة أرامكو رفعت أسعار النفط",
     {("رويترز", "ORG"), ("أرامكو", "ORG")}),
])
@pytest.mark.parametrize("mode", ner.MODES)
def test_tags_written_sentences(sentence, expect, mode):
    assert _names(sentence, mode) == expect


def test_an_unknown_mode_is_refused():
    with pytest.raises(ValueError, match="crf, ensemble"):
        ner.tag_tokens(["زار"], mode="quick")


def test_the_command_line_offers_the_tagger_modes():
    from click.testing import CliRunner

    from khabar.cli import main

    for command in ("extract", "quotes", "tag"):
        choice = next(p for p in main.commands[command].params if p.name == "ner").type
        assert tuple(choice.choices) == ner.MODES
    result = CliRunner().invoke(main, ["tag", "--conll", "-", "--ner", "ensemble"],
                                input="زار\nالوفد\nالقاهرة\n")
    assert result.exit_code == 0, result.output
    assert result.output.split("\n")[2] == "القاهرة B-LOC"


def test_nothing_to_tag():
    assert ner.tag_tokens([]) == []
    assert ner.tag_tokens(["ذهب", "الولد", "إلى", "المدرسة"]) == ["O"] * 4


def test_model_ships_inside_the_package_and_loads_offline(monkeypatch):
    def refuse(*a, **k):
        raise AssertionError("the tagger must not touch the network")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    models = Path(str(ir.files("khabar.models")))
    tagger = Tagger()
    assert tagger.path.parent == models
    for p in (tagger.path, memory_path(tagger.path), settings_path(tagger.path),
              models / "clusters.tsv.gz", models / NEURAL_NAME,
              (models / NEURAL_NAME).with_suffix(".json")):
        assert p.is_file()
    total = sum(p.stat().st_size for p in models.iterdir())
    assert total < 15_000_000, "the shipped models must stay small"
    assert tagger.tag(["زار", "الوفد", "القاهرة"])[2] == "B-LOC"
    ensemble = Tagger(mode="ensemble")
    assert ensemble.crf_weight > 0, "the shipped neural model is decoded with the CRF"
    assert ensemble.tag(["زار", "الوفد", "القاهرة"])[2] == "B-LOC"


def test_conll_round_trip_keeps_tokens():
    src = "زار B-PERS\nالوفد O\nالقاهرة O\n\nوعاد O\nإلى O\nعمان O\n"
    out = io.StringIO()
    n = ner.tag_conll(io.StringIO(src), out)
    assert n == 6
    lines = out.getvalue().split("\n")
    got = [ln.split()[0] for ln in lines if ln]
    assert got == [ln.split()[0] for ln in src.split("\n") if ln]
    assert lines[3] == ""  # the sentence break is kept
    assert all(ln.split()[1][:2] in ("O", "B-", "I-") for ln in lines if ln)
