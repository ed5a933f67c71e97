"""No stage raises on real news: the first articles of the unlabelled corpus in ../shared
go through the whole pipeline without a `stage.<name>` error (a stage's exception is
caught and flagged, so only this test notices it)."""
from __future__ import annotations

import gzip
import itertools

import pytest

from khabar.api import pipeline
from khabar.ingest import read_bytes

N = 700


@pytest.fixture(scope="module")
def news(shared_dir):
    path = shared_dir / "data" / "unlabeled" / "news.jsonl.gz"
    if not path.exists():
        pytest.skip("no unlabelled news in ../shared")
    with gzip.open(path, "rb") as fh:
        data = b"".join(itertools.islice(fh, N))
    return list(read_bytes(data, name="news.jsonl", fmt="jsonl", max_bytes=len(data) + 1))


def test_no_stage_raises_on_real_news(news):
    errors = [(a.source.get("name"), i.code, i.message)
              for a in pipeline().pipe(news) for i in a.issues if i.code.startswith("stage.")]
    assert len(news) == N
    assert errors == []
