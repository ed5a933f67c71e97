"""The HTTP API through FastAPI's test client, over a real SQLite corpus built from our
own demo articles: every endpoint, every filter, pagination, and the errors."""
from __future__ import annotations


import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient

from khabar import api as khabar_api
from khabar.serve import ServeConfig, create_app
from tests.serve_live import DEMO

EXAMPLE = khabar_api.example_path()


@pytest.fixture(scope="module")
def client(demo_db):
    with TestClient(create_app(ServeConfig(db=demo_db, max_body=64 * 1024))) as c:
        yield c


@pytest.fixture(scope="module")
def empty_client(tmp_path_factory):
    absent = tmp_path_factory.mktemp("none") / "absent.db"
    with TestClient(create_app(ServeConfig(db=absent))) as c:
        yield c


def rows(response, status=200):
    assert response.status_code == status, response.text
    body = response.json()
    assert body["ok"] is True and isinstance(body["rows"], list)
    return body["rows"]


def api_error(response, status):
    assert response.status_code == status, response.text
    body = response.json()
    assert body["ok"] is False and body["status"] == status
    assert isinstance(body["error"], str) and body["error"]
    return body["error"]


def all_statements(client, **params):
    out, cursor = [], None
    while True:
        r = client.get("/api/v1/search", params={**params, "limit": 3,
                                                 **({"cursor": cursor} if cursor else {})})
        got = rows(r)
        out += got
        cursor = r.json()["next"]
        if not cursor:
            return out


# ------------------------------------------------------------------ /extract
def test_extract_json_text_is_the_cli_record(client):
    text = EXAMPLE.read_text(encoding="utf-8")
    [record] = rows(client.post("/api/v1/extract", json={"text": text}))
    [cli] = list(khabar_api.records([str(EXAMPLE)]))
    for layer in ("quotes", "timexes", "entities", "metadata"):
        assert record[layer] == cli[layer], layer
    assert record["quotes"], "the example has statements"


@pytest.mark.parametrize("content_type,body,fmt", [
    ("text/plain; charset=utf-8", "قال الوزير إن \"الخطة جاهزة\".", "txt"),
    ("text/html", ("<html><body><article><h1>عنوان</h1><p>قال الوزير إن \"الخطة "
                   "جاهزة\" منذ أسبوع.</p></article></body></html>"), "html"),
])
def test_extract_raw_bodies(client, content_type, body, fmt):
    [record] = rows(client.post("/api/v1/extract", content=body.encode("utf-8"),
                                headers={"content-type": content_type}))
    assert record["source"]["format"] == fmt
    assert "الخطة جاهزة" in record["text"]


def test_extract_given_fields_reach_the_record(client):
    [record] = rows(client.post("/api/v1/extract", json={
        "text": "قالت المديرة إن المدرسة ستفتح أمس.", "title": "افتتاح المدرسة",
        "date": "2024-09-02", "url": "https://example.org/a", "author": "كاتب"}))
    meta = record["metadata"]
    assert meta["title"] == "افتتاح المدرسة"
    assert meta["published"] == "2024-09-02"
    assert meta["url"] == "https://example.org/a"


PAGE = ("<html><head><title>اجتماع اللجنة</title></head><body><article><h1>اجتماع اللجنة"
        "</h1>" + "".join(f"<p>{p}</p>" for p in (
            "عقدت لجنة الطرق في المدينة اجتماعها الدوري صباح اليوم لبحث خطة الصيانة السنوية.",
            "وقال رئيس اللجنة فارس نعيم إن \"الاجتماع انتهى باتفاق على جدول الأعمال\".",
            "وأضاف أن اللجنة ستعرض الخطة على المجلس البلدي في جلسته المقبلة.",
        )) + "</article></body></html>")


def test_extract_html_field(client):
    [record] = rows(client.post("/api/v1/extract", json={"html": PAGE, "date": "2024-01-05"}))
    assert record["ok"], record["issues"]
    assert "الاجتماع انتهى" in record["text"]
    assert any("فارس نعيم" in (q["speaker"] or {}).get("text", "") for q in record["quotes"])
    assert record["metadata"].get("published") == "2024-01-05"


@pytest.mark.parametrize("kwargs,status,needle", [
    ({"content": b"{not json", "headers": {"content-type": "application/json"}}, 400, "JSON"),
    ({"json": ["a list"]}, 400, "object"),
    ({"json": {"title": "no text"}}, 400, '"text"'),
    ({"json": {"text": "نص", "title": 5}}, 400, "title"),
    ({"content": b"x", "headers": {"content-type": "image/png"}}, 415, "image/png"),
    ({"content": b"\xff\xfe", "headers": {"content-type": "application/json"}}, 400, "UTF-8"),
])
def test_extract_bad_requests(client, kwargs, status, needle):
    assert needle in api_error(client.post("/api/v1/extract", **kwargs), status)


def test_extract_oversized_body_is_413(client):
    big = "ا" * (40 * 1024)  # 80 KB of UTF-8 against a 64 KB limit
    message = api_error(client.post("/api/v1/extract", json={"text": big}), 413)
    assert "max-body" in message


def test_extract_oversized_chunked_body_is_413(client):
    def chunks():  # no content-length: httpx sends it chunked
        for _ in range(20):
            yield b"x" * 8192
    r = client.post("/api/v1/extract", content=chunks(), headers={"content-type": "text/plain"})
    api_error(r, 413)
    assert "content-length" not in r.request.headers


def test_extract_chunked_body_under_the_limit_is_read(client):
    def chunks():
        yield "قال الطبيب إن ".encode()
        yield "\"المريض بخير\".".encode()
    [record] = rows(client.post("/api/v1/extract", content=chunks(),
                                headers={"content-type": "text/plain"}))
    assert record["text"].endswith("\"المريض بخير\".")


def test_slow_extraction_times_out_and_the_server_stays_up(demo_db):
    from khabar.pipeline import Pipeline
    from tests.run_stages import SLOW, STALL

    spec = Pipeline(SLOW, options={"slow": {"seconds": 600}}).spec
    config = ServeConfig(db=demo_db, timeout=3.0, pipeline_spec=spec)
    with TestClient(create_app(config)) as c:
        rows(c.post("/api/v1/extract", json={"text": "قال الوزير إن الخطة جاهزة."}))  # warm
        message = api_error(c.post("/api/v1/extract",
                                   json={"text": f"قال الوزير إن الخطة جاهزة. {STALL}"}), 504)
        assert "timeout" in message
        rows(c.get("/api/v1/search"))  # still serving
        [record] = rows(c.post("/api/v1/extract", json={"text": "قالت المديرة إن الدوام عادي."}))
        assert record["ok"]  # a fresh worker took the stuck one's place


# ------------------------------------------------------------------ /search
def test_search_envelope_facets_and_marks(client):
    r = client.get("/api/v1/search", params={"q": "المياه", "facets": "true"})
    got = rows(r)
    body = r.json()
    assert got and set(body) >= {"ok", "rows", "next", "truncated", "facets"}
    assert set(body["facets"]) == {"speaker", "outlet", "month"}
    assert all({"value", "count"} == set(f) for f in body["facets"]["outlet"])
    marked = [row for row in got if row["marks"]]
    assert marked
    for row in marked:
        for start, end in row["marks"]:
            assert "مياه" in row["snippet"][start:end]


def test_search_facets_stay_with_the_search_across_pages(client):
    first = client.get("/api/v1/search", params={"q": "المياه", "facets": "true", "limit": 2})
    second = client.get("/api/v1/search", params={"q": "المياه", "facets": "true", "limit": 2,
                                                  "cursor": first.json()["next"]})
    assert first.json()["facets"] == second.json()["facets"]
    assert first.json()["rows"] != second.json()["rows"]
    other = client.get("/api/v1/search", params={"q": "الموازنة", "facets": "true"}).json()
    assert other["facets"] != first.json()["facets"]
    assert client.get("/api/v1/search", params={"q": "المياه"}).json()["facets"] is None


def test_search_pagination_is_complete_and_disjoint(client):
    every = rows(client.get("/api/v1/search", params={"limit": 100}))
    paged = all_statements(client)
    ids = [r["statement_id"] for r in paged]
    assert len(ids) == len(set(ids)) == len(every) > 3
    assert ids == [r["statement_id"] for r in every]


@pytest.mark.parametrize("name,value,check", [
    ("speaker", "عمر الصباغ", lambda r: r["speaker"] == "عمر الصباغ"),
    ("outlet", "صحيفة الميناء", lambda r: r["outlet"] == "صحيفة الميناء"),
    ("since", "2024-04", lambda r: r["published"] >= "2024-04"),
    ("until", "2024-02-15", lambda r: r["published"] <= "2024-02-15"),
    ("kind", "direct", lambda r: r["kind"] == "direct"),
    ("kind", "indirect", lambda r: r["kind"] == "indirect"),
])
def test_search_filters(client, name, value, check):
    every = all_statements(client)
    got = all_statements(client, **{name: value})
    assert got and len(got) < len(every)
    assert all(check(r) for r in got), [r[name if name in r else "published"] for r in got]


def test_search_entity_filter(client, demo_db):
    from khabar.corpus import Corpus

    with Corpus(demo_db, readonly=True) as corpus:
        key = corpus.speakers(limit=1)[0]["key"]
        expected = [r["statement_id"] for r in corpus.search(entity=key, limit=100).rows]
    got = [r["statement_id"] for r in all_statements(client, entity=key)]
    assert got == expected


@pytest.mark.parametrize("params,needle", [
    ({"since": "2024-13"}, "since"),
    ({"until": "yesterday"}, "until"),
    ({"since": "2024-02-30"}, "since"),
    ({"since": "2024-05", "until": "2024-01"}, "after"),
    ({"kind": "shouted"}, "kind"),
    ({"limit": "0"}, "limit"),
    ({"limit": "5000"}, "limit"),
    ({"limit": "many"}, "limit"),
    ({"cursor": "not-a-cursor"}, "cursor"),
])
def test_search_bad_filters_are_400(client, params, needle):
    assert needle in api_error(client.get("/api/v1/search", params=params), 400)


# ------------------------------------------------------------------ records by id
def test_article_by_id_and_unknown(client):
    hit = rows(client.get("/api/v1/search", params={"q": "العاصمة"}))[0]
    [record] = rows(client.get(f"/api/v1/articles/{hit['article_id']}"))
    assert record["article_id"] == hit["article_id"]
    assert record["text"][hit["start"]:hit["end"]] == hit["content"]
    assert "no article" in api_error(client.get("/api/v1/articles/ffff0000"), 404)


def test_speakers_and_speaker(client):
    speakers = rows(client.get("/api/v1/speakers"))
    assert speakers[0]["statements"] >= speakers[-1]["statements"]
    key = speakers[0]["key"]
    [speaker] = rows(client.get(f"/api/v1/speakers/{key}"))
    assert speaker["key"] == key
    assert sum(n for _, n in speaker["per_month"]) >= 1
    assert speaker["statements"] and all(s["speaker_key"] == key for s in speaker["statements"])
    assert speaker["outlets"]
    assert len(rows(client.get("/api/v1/speakers", params={"limit": 2}))) == 2
    assert "no speaker" in api_error(client.get("/api/v1/speakers/per-000000000000"), 404)
    api_error(client.get("/api/v1/speakers", params={"since": "2024-99"}), 400)


def test_entity_and_story(client):
    key = rows(client.get("/api/v1/speakers"))[0]["key"]
    [entity] = rows(client.get(f"/api/v1/entities/{key}"))
    assert entity["key"] == key and entity["articles"]
    api_error(client.get("/api/v1/entities/nothing-here"), 404)
    # the syndicated demo article: one story with two copies
    hit = rows(client.get("/api/v1/search", params={"q": "خطة طوارئ", "collapse": "false"}))
    story_id = hit[0]["story_id"]
    [story] = rows(client.get(f"/api/v1/stories/{story_id}"))
    assert len(story["copies"]) == 2
    assert {c["outlet"] for c in story["copies"]} == {"وكالة أنباء الشرق", "موقع النهار الجديد"}
    api_error(client.get("/api/v1/stories/none"), 404)


def test_stats_and_unknown_api_route(client):
    [stats] = rows(client.get("/api/v1/stats"))
    assert stats["articles"] == len(list(DEMO.glob("*.json")))
    assert "no such page" in api_error(client.get("/api/v1/nothing"), 404)
    assert "not allowed" in api_error(client.delete("/api/v1/search"), 405)


# ------------------------------------------------------------------ openapi, headers
def test_openapi_kept_cdn_docs_off(client):
    spec = client.get("/openapi.json").json()
    assert {"/api/v1/extract", "/api/v1/search", "/api/v1/articles/{article_id}",
            "/api/v1/speakers", "/api/v1/speakers/{key}", "/api/v1/entities/{key}",
            "/api/v1/stories/{story_id}"} <= set(spec["paths"])
    assert client.get("/docs").status_code == 404
    assert client.get("/redoc").status_code == 404
    page = client.get("/api").text
    assert "/api/v1/search" in page and "cdn" not in page.lower()


def test_security_headers(client):
    for path in ("/", "/api/v1/search", "/static/khabar.css"):
        headers = client.get(path).headers
        assert "default-src 'self'" in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff"


# ------------------------------------------------------------------ no database
def test_empty_corpus_serves(empty_client):
    body = empty_client.get("/api/v1/search", params={"q": "أي", "facets": "true"}).json()
    assert body == {"ok": True, "rows": [], "next": None, "truncated": False,
                    "facets": {"speaker": [], "outlet": [], "month": []}}
    api_error(empty_client.get("/api/v1/articles/x"), 404)
    assert rows(empty_client.get("/api/v1/speakers")) == []
    for path in ("/", "/search?q=x", "/speakers", "/api"):
        r = empty_client.get(path)
        assert r.status_code == 200 and 'dir="rtl"' in r.text
    [record] = rows(empty_client.post("/api/v1/extract", json={"text": "قال الوزير إن الجو جميل."}))
    assert record["ok"]


# ------------------------------------------------------------------ the command
def test_serve_command_rejects_a_bad_size():
    from click.testing import CliRunner

    from khabar.cli import main

    result = CliRunner().invoke(main, ["serve", "--max-body", "lots"])
    assert result.exit_code == 2 and "--max-body" in result.output


def test_serve_command_refuses_a_file_that_is_not_a_corpus(tmp_path):
    from click.testing import CliRunner

    from khabar.cli import main

    bad = tmp_path / "notes.db"
    bad.write_text("not a database", encoding="utf-8")
    result = CliRunner().invoke(main, ["serve", "--db", str(bad), "--port", "0"])
    assert result.exit_code == 1 and "not a khabar corpus" in result.output


def test_the_server_opens_the_corpus_read_only(client):
    from khabar.corpus import CorpusError

    corpus = client.app.state.store.corpus()
    assert corpus.readonly
    with pytest.raises(CorpusError):
        corpus.add([DEMO])


def test_serve_command_help_names_the_defaults():
    from click.testing import CliRunner

    from khabar.cli import main

    out = CliRunner().invoke(main, ["serve", "--help"]).output
    assert "127.0.0.1" in out and "10MB" in out and "khabar.db" in out


# ---------------------------------------------------------------- events
def all_events(client, **params):
    out, cursor = [], None
    while True:
        r = client.get("/api/v1/events", params={**params, "limit": 2,
                                                 **({"cursor": cursor} if cursor else {})})
        out += rows(r)
        cursor = r.json()["next"]
        if not cursor:
            return out


def test_events_page_through_every_row_and_match_their_filters(client):
    every = all_events(client)
    assert every, "the demo articles hold events"
    assert len({e["event_id"] for e in every}) == len(every)
    kind = every[0]["type"]
    typed = all_events(client, type=kind)
    assert typed and all(e["type"] == kind for e in typed)
    assert {e["event_id"] for e in typed} <= {e["event_id"] for e in every}


def test_event_counts_add_up_to_the_rows(client):
    body = client.get("/api/v1/events", params={"counts": "true", "limit": 100}).json()
    assert body["ok"] is True
    assert sum(c["count"] for c in body["counts"]["type"]) == len(all_events(client))


@pytest.mark.parametrize("params", [{"since": "2024-13-01"}, {"until": "yesterday"},
                                    {"since": "2024-06-01", "until": "2024-01-01"}])
def test_bad_event_filters_are_clear_errors(client, params):
    api_error(client.get("/api/v1/events", params=params), 400)


def test_events_of_an_empty_corpus(empty_client):
    assert rows(empty_client.get("/api/v1/events", params={"counts": "true"})) == []
