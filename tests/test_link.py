"""Statements point at the entities that made them."""
from __future__ import annotations

from khabar.document import Article
from khabar.link import annotate

TEXT = "وقال وزير الخارجية سامي الخطيب إن الخطة جاهزة. وأضاف الخطيب أن التمويل متوفر."


def _article() -> Article:
    art = Article(TEXT)
    full = TEXT.index("سامي الخطيب")
    short = TEXT.index("الخطيب", full + 6)
    art.add("mentions", full, full + len("سامي الخطيب"), "PER", entity="E1",
            canonical="سامي الخطيب")
    art.add("mentions", short, short + len("الخطيب"), "PER", entity="E1",
            canonical="سامي الخطيب")
    return art


def test_speaker_linked_through_the_mention_inside_it():
    art = _article()
    a = TEXT.index("وزير")
    art.add("quotes", 0, 5, "indirect",
            speaker={"text": "وزير الخارجية سامي الخطيب", "start": a,
                     "end": a + len("وزير الخارجية سامي الخطيب"), "canonical": "سامي الخطيب",
                     "kind": "person"})
    annotate(art)
    assert art.spans("quotes")[0].attrs["speaker"]["entity"] == "E1"


def test_inherited_speaker_linked_through_its_canonical_name():
    art = _article()
    art.add("quotes", 0, 5, "indirect",
            speaker={"text": "سامي الخطيب", "start": 0, "end": 0, "canonical": "سامي الخطيب",
                     "kind": "person"})
    annotate(art)
    assert art.spans("quotes")[0].attrs["speaker"]["entity"] == "E1"


def test_anonymous_speakers_stay_unlinked():
    art = _article()
    art.add("quotes", 0, 5, "indirect",
            speaker={"text": "مصادر", "start": 0, "end": 0, "canonical": "سامي الخطيب",
                     "anonymous": True})
    annotate(art)
    assert "entity" not in art.spans("quotes")[0].attrs["speaker"]


def test_a_place_inside_an_organisation_phrase_is_not_its_entity():
    text = "وأقر الائتلاف بقيادة لندن بمقتل جندي."
    art = Article(text)
    w = text.index("لندن")
    art.add("mentions", w, w + len("لندن"), "LOC", entity="E2", canonical="لندن")
    a = text.index("الائتلاف")
    art.add("quotes", 0, 4, "indirect",
            speaker={"text": "الائتلاف بقيادة لندن", "start": a, "end": w + len("لندن"),
                     "canonical": "الائتلاف بقيادة لندن", "kind": "organisation"})
    annotate(art)
    assert "entity" not in art.spans("quotes")[0].attrs["speaker"]
