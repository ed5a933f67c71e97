"""The statement grammar's data files: described, NFC, no duplicates, well-formed entries."""
from __future__ import annotations

import unicodedata
from importlib import resources as ir

import pytest

from khabar.normalize import fold
from khabar.resources import load

FILES = ["reporting_verbs", "titles", "anonymous_sources", "media_outlets", "medium_phrases",
         "quote_grammar"]
FORMS = ("perfect", "imperfect", "participle", "masdar")


def _strings(node):
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for k, v in node.items():
            yield from _strings(k)
            yield from _strings(v)
    elif isinstance(node, list):
        for v in node:
            yield from _strings(v)


def _lists(node, path=""):
    """Every list of strings in the file, with where it is."""
    if isinstance(node, list) and all(isinstance(v, str) for v in node):
        yield path, node
    elif isinstance(node, dict):
        for k, v in node.items():
            yield from _lists(v, f"{path}.{k}")
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _lists(v, f"{path}[{i}]")


@pytest.mark.parametrize("name", FILES)
def test_file_starts_with_a_comment(name):
    text = ir.files("khabar.resources").joinpath("ar", f"{name}.yaml").read_text("utf-8")
    assert text.startswith("# ")


@pytest.mark.parametrize("name", FILES)
def test_entries_are_nfc_without_presentation_forms(name):
    for s in _strings(load(name)):
        assert unicodedata.normalize("NFC", s) == s, s
        assert not any(0xFB50 <= ord(c) <= 0xFEFF for c in s), s


@pytest.mark.parametrize("name", FILES)
def test_no_duplicates_after_folding(name):
    for path, items in _lists(load(name)):
        keys = [" ".join(fold(x).split()) for x in items]
        dupes = {k for k in keys if keys.count(k) > 1}
        assert not dupes, (path, dupes)


def test_every_verb_has_a_class_takes_and_forms():
    seen: dict[str, str] = {}
    for v in load("reporting_verbs")["verbs"]:
        assert v["class"] and isinstance(v["takes"], list), v["lemma"]
        forms = [f for kind in FORMS for f in v.get(kind, []) or []]
        assert forms, v["lemma"]
        for f in forms:
            # one form, one verb: a form listed under two lemmas would be ambiguous
            assert seen.setdefault(fold(f), v["lemma"]) == v["lemma"], f


def test_verbs_take_only_known_markers():
    grammar = load("quote_grammar")
    known = set(grammar["prepositions"]) | {"أن", ":", "object"}
    for v in load("reporting_verbs")["verbs"]:
        assert set(v["takes"]) <= known, v["lemma"]


def test_medium_relations_do_not_overlap():
    m = load("medium_phrases")
    groups = [set(map(fold, m[r])) for r in ("addressee", "channel", "reporter")]
    assert not (groups[0] & groups[1] or groups[0] & groups[2] or groups[1] & groups[2])
