"""An article's preparing for the store (khabar/corpus/prepare.py): what a worker process
computes is what the writer would compute, and each part is what the store's own
functions give for the record."""
from __future__ import annotations

import copy

import pytest

from khabar.corpus import dedup
from khabar.corpus.folding import index_name, index_text
from khabar.corpus.prepare import Prepared, prepare, prepared
from khabar.corpus.store import unpack
from khabar.document import Article
from khabar.run import pipe
from tests.corpus.data import OTHER, STORY, copy_of


def _articles() -> list[Article]:
    texts = [STORY, copy_of(STORY, 1)] + [t for _, t in OTHER] + ["   "]
    return [Article(t, source={"name": f"a{k}"}) for k, t in enumerate(texts)]


def _fields(p: Prepared) -> tuple:
    return (p.record, p.failed, p.fts_title, p.fts_text, p.sketch, p.contents, p.speakers,
            p.packed)


@pytest.fixture(scope="module")
def here() -> list[Prepared]:
    return list(pipe(_articles(), after=prepared))


def test_workers_prepare_what_this_process_prepares(here):
    there = list(pipe(_articles(), workers=2, batch_size=2, after=prepared))
    assert [_fields(p) for p in there] == [_fields(p) for p in here]
    assert all(p.cpu >= 0 for p in there)


def test_each_part_is_what_the_store_functions_give(here):
    for p in here:
        record = p.record
        if p.failed:
            assert not (record.get("text") or "").strip()
            assert p.sketch is None and p.packed == b"" and p.contents is None
            continue
        text = record["text"]
        assert p.fts_text == index_text(text)
        assert p.fts_title == index_text((record.get("metadata") or {}).get("title") or "")
        assert p.sketch == dedup.sketch(index_text(text))
        quotes = record.get("quotes") or []
        assert len(p.contents) == len(p.speakers) == len(quotes)
        for q, folded, spk in zip(quotes, p.contents, p.speakers):
            assert folded == index_text(q["content"]["text"])
            names = {q["speaker"].get(k) for k in ("text", "canonical")} - {None}
            assert spk == index_name(" ".join(sorted(names)))
        assert unpack(p.packed, text) == record


def test_a_record_from_elsewhere_is_prepared_from_its_own_content(here):
    """A content that is not the text at its offsets is folded on its own."""
    p = next(p for p in here if p.record.get("quotes"))
    record = copy.deepcopy(p.record)
    record["quotes"][0]["content"]["text"] = "نص آخر لم يرد في المقال"
    assert prepare(record).contents[0] == index_text("نص آخر لم يرد في المقال")
    assert prepare(record).contents[1:] == p.contents[1:]


def test_the_lsh_bands_are_the_ones_datasketch_picks():
    from datasketch.lsh import _optimal_param

    assert dedup.BANDS == _optimal_param(dedup.THRESHOLD, dedup.NUM_PERM, 0.5, 0.5)


def test_preparing_imports_neither_datasketch_nor_scipy():
    """What a worker process pays at its start for preparing articles."""
    import subprocess
    import sys

    code = ("import sys, khabar.corpus.prepare; "
            "print(sorted(m for m in ('datasketch', 'scipy') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "[]"
