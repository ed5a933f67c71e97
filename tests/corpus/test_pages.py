"""Search pages: keyset cursors (the last row's date and seq) walk the results newest
first; the pages, joined, are the whole result, whatever the page size, with ties on the
date and undated articles (last)."""
from __future__ import annotations

import pytest

from khabar.corpus import Corpus, CorpusError
from tests.corpus.test_speakers import person, record

DAYS = ["2024-03-02", "2024-03-02", None, "2024-01-15", "2024-03-02", None, "2023-12-31",
        "2024-02-10", "2024-02-10", "2024-01-15"]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    path = tmp_path_factory.mktemp("pages") / "p.db"
    with Corpus(path) as c:
        c.add_records([record(person("سامي الحداد"), person("ليلى العمر"), day=day)
                       for day in DAYS])
        yield c


def walk(c: Corpus, limit: int, **kw) -> list:
    out, cursor, pages = [], None, 0
    while True:
        res = c.search(limit=limit, cursor=cursor, **kw)
        out.extend(res.rows)
        pages += 1
        assert pages <= 100
        if res.next is None:
            return out
        cursor = res.next


@pytest.mark.parametrize("limit", [1, 2, 3, 7, 50])
@pytest.mark.parametrize("kw", [{}, {"articles": True}, {"query": "الخبر"},
                                {"speaker": "ليلى العمر"}, {"since": "2024-01"},
                                {"collapse": False}, {"collapse": False, "since": "2024-01"},
                                {"collapse": False, "query": "صحيحان"}])
def test_pages_join_into_the_whole_result(corpus, limit, kw):
    kw = dict(kw)
    query = kw.pop("query", "")
    whole = corpus.search(query, limit=1000, **kw).rows
    paged = walk(corpus, limit, query=query, **kw)
    key = "article_id" if kw.get("articles") else "statement_id"
    assert [r[key] for r in paged] == [r[key] for r in whole]
    assert len({r[key] for r in paged}) == len(paged)
    assert len(whole) <= 2 * len(DAYS)
    if kw.get("collapse") is False:  # the near-identical records are one story otherwise
        assert len(whole) >= 6


def test_newest_first_and_undated_last(corpus):
    dates = [r["published"] for r in walk(corpus, 3, collapse=False)]
    dated = [d for d in dates if d is not None]
    assert dated == sorted(dated, reverse=True)
    assert dates[len(dated):] == [None] * (len(dates) - len(dated))


@pytest.mark.parametrize("cursor", ["kx", "k-3", "-1", "abc"])
def test_a_bad_cursor_is_a_clear_error(corpus, cursor):
    with pytest.raises(CorpusError, match="cursor"):
        corpus.search(cursor=cursor)


def test_an_offset_cursor_of_an_earlier_version_still_works(corpus):
    whole = corpus.search(limit=1000, collapse=False).rows
    assert [r["statement_id"] for r in corpus.search(limit=3, cursor="4",
                                                       collapse=False).rows] == \
        [r["statement_id"] for r in whole[4:7]]
