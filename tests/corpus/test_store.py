"""The corpus store on real SQLite files: indexing, idempotence, bad inputs, schema
version, stories, statements counted once, search filters, export round trip."""
from __future__ import annotations

import sqlite3

import pytest

from khabar.corpus import Corpus, CorpusError
from tests.corpus.data import STORY, articles, dump, write_inputs


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    inputs = write_inputs(folder / "in")
    db = str(folder / "c.db")
    with Corpus(db) as c:
        first = c.add(inputs)
    return db, inputs, first


def test_every_input_is_accounted_for(built):
    db, inputs, summary = built
    n_articles = len(articles())
    # 11 JSONL lines (one bad, one empty), a text file, a broken file, an empty file
    assert summary.inputs == n_articles + 2 + 3
    assert summary.new == n_articles + 1
    assert summary.errors == 4
    with Corpus(db, readonly=True) as c:
        rows = c.db.execute("SELECT status, error_code FROM inputs").fetchall()
    assert len(rows) == summary.inputs
    codes = sorted(code for status, code in rows if status == "error")
    assert len(codes) == 4 and all(codes)
    assert "E_PARSE" in codes and "E_EMPTY" in codes


def test_indexing_again_changes_nothing(built, tmp_path):
    db, inputs, _ = built
    before = dump(db)
    with Corpus(db) as c:
        again = c.add(inputs)
    assert again.new == 0 and again.skipped == again.inputs
    assert dump(db) == before


def test_the_same_input_under_another_name_is_one_article(built, tmp_path):
    db, inputs, _ = built
    copy = tmp_path / "again.txt"
    copy.write_text(open(inputs[1], encoding="utf-8").read(), encoding="utf-8")
    scratch = tmp_path / "c.db"
    scratch.write_bytes(open(db, "rb").read())
    with Corpus(scratch) as c:
        s = c.add([str(copy)])
        assert (s.new, s.same) == (0, 1)


def test_copies_form_one_story_and_statements_count_once(built):
    db, _, _ = built
    with Corpus(db, readonly=True) as c:
        farm = c.search("المزارعين", articles=True, collapse=False, limit=50).rows
        stories = {r["story_id"] for r in farm}
        assert len(farm) == 3 and len(stories) == 1
        story = c.story(stories.pop())
        assert [cp["published"] for cp in story["copies"]] == ["2024-03-14", "2024-03-15",
                                                               "2024-03-16"]
        collapsed = c.search("المزارعين", articles=True).rows
        assert len(collapsed) == 1 and collapsed[0]["copies"] == 3
        # a statement repeated by the three copies: once, with its provenance
        rows = c.search("قروضا ميسرة").rows
        assert len(rows) == 1 and rows[0]["copies"] == 3
        prov = rows[0]["provenance"]
        assert [p["published"] for p in prov] == ["2024-03-14", "2024-03-15", "2024-03-16"]
        assert rows[0]["statement_id"] == prov[0]["statement_id"]
        assert len(c.search("قروضا ميسرة", collapse=False).rows) == 3
        # two outlets, one text: two articles in one story
        lib = c.search("مباراة", articles=True, collapse=False).rows
        assert len(lib) == 2 and len({r["story_id"] for r in lib}) == 1


def test_search_rows_have_the_contract_fields_and_marks(built):
    db, _, _ = built
    with Corpus(db, readonly=True) as c:
        res = c.search("الزيتون", facets=True)
        assert res.rows
        row = res.rows[0]
        for k in ("statement_id", "article_id", "speaker", "speaker_key", "kind", "cue",
                  "content", "snippet", "marks", "published", "outlet", "url", "title",
                  "start", "end", "story_id"):
            assert k in row
        record = c.article(row["article_id"])
        assert record["text"][row["start"]:row["end"]] == row["content"]
        assert [row["snippet"][a:b] for a, b in row["marks"]] == ["الزيتون"]
        assert set(res.facets) == {"speaker", "outlet", "month"}
        assert res.facets["month"] == [("2024-03", 1)]


def test_filters(built):
    db, _, _ = built
    with Corpus(db, readonly=True) as c:
        everything = c.search(limit=1000).rows
        assert len({r["statement_id"] for r in everything}) == len(everything)
        march = c.search(since="2024-03", until="2024-03-31", limit=1000).rows
        assert march and all(r["published"].startswith("2024-03") for r in march)
        assert len(c.search(since="2024-03-15", until="2024-03-15", collapse=False,
                            limit=1000).rows) == len([r for r in c.search(
                                collapse=False, limit=1000).rows
                                if r["published"] == "2024-03-15"])
        only = c.search(outlet="موقع الأفق", collapse=False, limit=1000).rows
        assert only and all(r["outlet"] == "موقع الأفق" for r in only)
        kinds = {r["kind"] for r in everything}
        for k in kinds:
            assert all(r["kind"] == k for r in c.search(kind=k, limit=1000).rows)
        with pytest.raises(CorpusError, match="YYYY-MM-DD"):
            c.search(since="March")
        page1 = c.search(limit=2)
        page2 = c.search(limit=2, cursor=page1.next)
        assert page1.next and {r["statement_id"] for r in page1.rows}.isdisjoint(
            r["statement_id"] for r in page2.rows)
        assert c.search("NOTAWORDANYWHERE").rows == []


def test_exact_matches_the_characters_as_written(built):
    db, _, _ = built
    with Corpus(db, readonly=True) as c:
        folded = c.search("الزيتون", collapse=False).rows
        assert folded
        assert c.search("الزيتون", exact=True, collapse=False).rows == folded
        assert c.search("زيتون", collapse=False).rows == folded  # without the article
        assert c.search("زيتون", exact=True, collapse=False).rows == folded  # a substring
        assert c.search("الزّيتون", exact=True).rows == []  # a shadda that is not there


@pytest.mark.parametrize("version", ["0", "4"])  # 4: FTS tables with per-row sizes
@pytest.mark.parametrize("readonly", [False, True])
def test_a_corpus_of_another_schema_version_says_what_to_do(tmp_path, version, readonly):
    from khabar.corpus import SCHEMA_VERSION

    path = tmp_path / "old.db"
    Corpus(path).close()
    db = sqlite3.connect(path)
    db.execute("UPDATE meta SET value=? WHERE key='schema_version'", (version,))
    db.commit()
    db.close()
    with pytest.raises(CorpusError, match="khabar index INPUT --db NEW.db") as err:
        Corpus(path, readonly=readonly)
    message = str(err.value)
    assert f"version {version}," in message and f"reads version {SCHEMA_VERSION}" in message
    assert "add_records" in message


def test_other_files_are_refused_clearly(tmp_path):
    other = tmp_path / "other.db"
    db = sqlite3.connect(other)
    db.execute("CREATE TABLE t (x)")
    db.commit()
    db.close()
    with pytest.raises(CorpusError, match="not a khabar corpus"):
        Corpus(other)
    text = tmp_path / "text.db"
    text.write_text("hello " * 200)
    with pytest.raises(CorpusError):
        Corpus(text)
    with pytest.raises(CorpusError, match="khabar index"):
        Corpus(tmp_path / "missing.db", readonly=True)


def test_export_round_trip(built, tmp_path):
    import pyarrow.parquet as pq

    from khabar.corpus.export import export

    db, _, _ = built
    with Corpus(db, readonly=True) as c:
        counts = export(c.db, tmp_path / "out", "parquet")
        stored = c.db.execute("SELECT statement_id, content, start, \"end\", kind FROM "
                              "statements ORDER BY seq").fetchall()
        n_articles = c.stats()["articles"]
        ents = c.db.execute("SELECT entity_key, type, name FROM entities ORDER BY "
                            "entity_key").fetchall()
    table = pq.read_table(tmp_path / "out" / "statements.parquet").to_pylist()
    assert [(r["statement_id"], r["content"], r["start"], r["end"], r["kind"])
            for r in table] == stored
    assert counts["articles"] == n_articles == pq.read_table(
        tmp_path / "out" / "articles.parquet").num_rows
    assert [(r["entity_key"], r["type"], r["name"]) for r in pq.read_table(
        tmp_path / "out" / "entities.parquet").to_pylist()] == ents
    for fmt in ("csv", "jsonl"):
        assert export(sqlite3.connect(db), tmp_path / fmt, fmt) == counts


def test_a_stored_record_reads_back_as_extract_wrote_it(tmp_path):
    from khabar.api import extract_text
    from khabar.record import to_record

    record = to_record(extract_text(STORY))
    with Corpus(tmp_path / "r.db") as c:
        c.add_records([record])
        aid = c.db.execute("SELECT article_id FROM articles").fetchone()[0]
        back = c.article(aid)
    assert back.pop("article_id") == aid and back.pop("story_id") == aid
    assert back == record


def test_gzip_inputs(tmp_path):
    import gzip
    import json

    from tests.corpus.data import OTHER

    (tmp_path / "a.txt.gz").write_bytes(gzip.compress(OTHER[0][1].encode("utf-8")))
    lines = "".join(json.dumps({"outlet": "و", "date": "2024-01-0%d" % (k + 1), "text": t},
                               ensure_ascii=False) + "\n" for k, (_, t) in enumerate(OTHER[1:]))
    (tmp_path / "b.jsonl.gz").write_bytes(gzip.compress(lines.encode("utf-8")))
    (tmp_path / "c.jsonl.gz").write_bytes(b"not gzip at all")
    with Corpus(tmp_path / "g.db") as c:
        s = c.add([tmp_path / "a.txt.gz", tmp_path / "b.jsonl.gz", tmp_path / "c.jsonl.gz"])
    assert (s.new, s.errors) == (1 + len(OTHER) - 1, 1)


@pytest.mark.parametrize("write_slice, batch_size", [(2, 5), (3, 3), (4, 2)])
def test_a_batch_read_a_slice_at_a_time_stores_what_one_input_per_batch_stores(
        tmp_path, monkeypatch, write_slice, batch_size):
    # inputs are read a write slice ahead of the pipeline and a batch's slices share its
    # transaction; an input listed twice (within a slice, across slices of one batch, and
    # across batches) is stored once, and the rows are those of batches of one input
    from khabar.corpus import store

    inputs = write_inputs(tmp_path / "in", extra=6)
    ref = str(tmp_path / "ref.db")
    with Corpus(ref) as c:
        once = c.add(inputs, batch_size=1)
    monkeypatch.setattr(store, "WRITE_SLICE", write_slice)
    listed = [inputs[0], inputs[0]] + inputs[1:4] + inputs[:3] + inputs[4:] + inputs[-2:]
    got = str(tmp_path / "sliced.db")
    with Corpus(got) as c:
        summary = c.add(listed, batch_size=batch_size)
    # a file is an input, or holds one per record (JSONL): the copies are the surplus
    assert (summary.new, summary.errors) == (once.new, once.errors)
    assert summary.skipped == summary.inputs - once.inputs > len(listed) - len(inputs)
    assert dump(got) == dump(ref)
