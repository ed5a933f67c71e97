"""Size limits: an article over the processing limit is flagged, kept whole and not
processed; very large records are flagged wherever they come from. Never a silent cut."""
from __future__ import annotations

import gzip

import pytest

import khabar.ingest.sources as sources
from khabar.document import Article
from khabar.ingest import read_bytes, read_path
from khabar.pipeline import MAX_ARTICLE_BYTES, Pipeline, PipelineError
from khabar.record import to_record

LINE = "قال رئيس البلدية إن الحديقة الجديدة ستفتح في الربيع.\n"


def test_the_default_limit_is_at_least_25_megabytes():
    assert MAX_ARTICLE_BYTES >= 25 * 1000 * 1000
    assert Pipeline(skip=("time", "entities", "quotes", "link")).max_bytes == MAX_ARTICLE_BYTES


@pytest.mark.parametrize("copies, refused", [(10, False), (40, True)])
def test_an_article_over_the_limit_is_flagged_and_kept_whole(copies, refused):
    limit = len((LINE * 20).encode())
    text = LINE * copies
    article = Pipeline(max_bytes=limit).run(Article(text))
    record = to_record(article)
    codes = [i["code"] for i in record["issues"]]
    assert codes == (["E_TOO_LARGE"] if refused else [])
    assert record["text"] == text, "never cut"
    assert bool(article.spans("sentences")) is not refused, "no stage runs on a refused one"
    if refused:
        assert str(len(text.encode())) in record["issues"][0]["message"]


def test_the_limit_comes_from_the_environment(monkeypatch):
    monkeypatch.setenv("KHABAR_MAX_ARTICLE_BYTES", "100")
    assert Pipeline().max_bytes == 100
    assert Pipeline().run(Article(LINE * 3)).issues[0].code == "E_TOO_LARGE"
    monkeypatch.setenv("KHABAR_MAX_ARTICLE_BYTES", "0")
    assert not Pipeline(skip=("entities",)).run(Article(LINE * 3)).failed, "0 means no limit"
    monkeypatch.setenv("KHABAR_MAX_ARTICLE_BYTES", "lots")
    with pytest.raises(PipelineError, match="KHABAR_MAX_ARTICLE_BYTES"):
        Pipeline()


def test_a_large_record_is_flagged_in_jsonl_csv_and_plain_files(tmp_path, monkeypatch):
    monkeypatch.setattr(sources, "LARGE_BYTES", 500)
    big, small = LINE * 20, LINE
    jsonl = tmp_path / "feed.jsonl.gz"
    with gzip.open(jsonl, "wt", encoding="utf-8") as fh:
        for t in (small, big, small):
            fh.write('{"text": %s}\n' % __import__("json").dumps(t, ensure_ascii=False))
    flags = [[i.code for i in a.issues] for a in read_path(jsonl)]
    assert flags == [[], ["W_LARGE"], []]
    csv = ("text\n" + "\n".join(f'"{t}"' for t in (small, big))).encode()
    assert [[i.code for i in a.issues] for a in read_bytes(csv, "feed.csv")] == [[], ["W_LARGE"]]
    assert [i.code for i in next(read_bytes(big.encode(), "page.txt")).issues] == ["W_LARGE"]
