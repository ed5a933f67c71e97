"""Events: who did what to whom, where, when, with how many dead — coded in PLOVER.

`annotate(article)` reads `sentences`, `paragraphs` and, where present, `mentions`
(actors, recipients, places), `timexes` (dates) and `quotes` (claimed and denied events;
verbal acts), and adds an `events` layer: one span per event at its main trigger, labelled
with its PLOVER type, with JSON-ready attrs (see `khabar.events.build`). Every part carries
offsets into the text. The word lists are data: resources/ar/event_triggers.yaml,
event_grammar.yaml, number_words.yaml, gazetteer_sites.yaml and geonames_places.tsv.gz.
"""
from __future__ import annotations

from khabar.document import Article
from khabar.events.build import build_events

LAYER = "events"

__all__ = ["LAYER", "annotate"]


def annotate(article: Article) -> None:
    article.layers[LAYER] = []
    add = article.add
    for ev in build_events(article):
        trig = ev["trigger"]
        add(LAYER, trig["start"], trig["end"], ev["type"], **ev)
