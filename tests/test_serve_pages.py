"""The HTML pages through the test client, and the pieces they are drawn with: the layered
article view, the month chart, sizes. Untrusted article text must come out as text."""
from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient

from khabar.serve import ServeConfig, create_app
from khabar.serve.chart import bars, month_range
from khabar.serve.config import parse_size
from khabar.serve.view import Span, article_view, tokens


@pytest.fixture(scope="module")
def client(demo_db):
    with TestClient(create_app(ServeConfig(db=demo_db))) as c:
        yield c


class Elements(HTMLParser):
    """Every element with its attributes, and any script element or handler attribute."""

    def __init__(self):
        super().__init__()
        self.elements: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))


def elements(html: str) -> list[tuple[str, dict]]:
    p = Elements()
    p.feed(html)
    return p.elements


def assert_inert(html: str) -> None:
    for tag, attrs in elements(html):
        assert tag != "script" and tag != "img", tag
        assert not any(k.startswith("on") for k in attrs), (tag, attrs)
        for k in ("href", "src", "action"):
            assert not (attrs.get(k) or "").strip().lower().startswith("javascript:"), attrs


def search_hit(client, q: str) -> dict:
    return client.get("/api/v1/search", params={"q": q}).json()["rows"][0]


# ------------------------------------------------------------------ pages
def test_search_page_holds_the_query_and_links_evidence(client):
    r = client.get("/search", params={"q": "المياه", "outlet": "صحيفة الميناء"})
    assert r.status_code == 200
    html = r.text
    assert 'value="المياه"' in html and 'value="صحيفة الميناء"' in html
    assert "<mark>" in html
    links = [a["href"] for t, a in elements(html) if t == "a" and "evidence" in a.get("class", "")]
    assert links and all(re.match(r"^/articles/\w+\?hl=\d+-\d+#hl$", h) for h in links)
    assert 'class="facets"' in html


def test_search_page_bad_date_is_a_message_not_a_crash(client):
    r = client.get("/search", params={"since": "2024-13-40"})
    assert r.status_code == 400 and "since" in r.text and 'role="alert"' in r.text


def test_search_page_next_link_keeps_filters(client):
    html = client.get("/search", params={"speaker": "ليلى منصور", "limit": 5}).text
    more = [a["href"] for t, a in elements(html) if t == "a" and a.get("class") == "more"]
    assert more and "speaker=" in more[0] and "cursor=" in more[0]
    second = client.get(more[0])
    assert second.status_code == 200 and "<mark>" not in second.text
    first_ids = re.findall(r'href="(/articles/[^"]+)"', html)
    assert first_ids != re.findall(r'href="(/articles/[^"]+)"', second.text)


def test_article_page_draws_the_layers(client):
    hit = search_hit(client, "العاصمة")
    html = client.get(f"/articles/{hit['article_id']}",
                      params={"hl": f"{hit['start']}-{hit['end']}"}).text
    classes = " ".join(a.get("class", "") for _, a in elements(html))
    for cls in ("q-speaker", "q-cue", "q-content", "tx", "hl"):
        assert cls in classes, cls
    speakers = [a for t, a in elements(html) if t == "a" and "q-speaker" in a.get("class", "")]
    assert speakers and all(a["href"].startswith("/speakers/") for a in speakers)
    times = [a for t, a in elements(html) if t == "time"]
    assert times and all(a.get("data-value") and a.get("tabindex") == "0" for a in times)


def test_article_speaker_link_reaches_the_speaker_page(client):
    hit = search_hit(client, "العاصمة")
    html = client.get(f"/articles/{hit['article_id']}").text
    href = next(a["href"] for t, a in elements(html)
                if t == "a" and "q-speaker" in a.get("class", ""))
    page = client.get(href)  # a name resolves, then redirects to the key's address
    assert page.status_code == 200 and "<svg" in page.text
    assert str(page.url).endswith("/speakers/" + hit["speaker_key"])


def test_speaker_page_chart_and_lists(client):
    key = client.get("/api/v1/speakers").json()["rows"][0]["key"]
    html = client.get(f"/speakers/{key}").text
    bars_ = [a for t, a in elements(html) if t == "g" and "bar" in a.get("class", "")]
    assert bars_ and all(a.get("tabindex") == "0" and a.get("aria-label") for a in bars_)
    assert "المصادر" in html


def test_unknown_ids_are_404_pages(client):
    for path in ("/articles/0000", "/speakers/nobody-known", "/entities/zzz", "/stories/none",
                 "/no/such/page"):
        r = client.get(path)
        assert r.status_code == 404 and 'dir="rtl"' in r.text, path


def test_entity_and_story_pages(client):
    key = client.get("/api/v1/speakers").json()["rows"][0]["key"]
    assert client.get(f"/entities/{key}").status_code == 200
    by_name = client.get("/entities/عمر الصباغ")  # a name redirects to the entity's key
    assert by_name.status_code == 200 and "/entities/per-" in str(by_name.url)
    hit = client.get("/api/v1/search", params={"q": "خطة طوارئ"}).json()["rows"][0]
    html = client.get(f"/stories/{hit['story_id']}").text
    assert "وكالة أنباء الشرق" in html and "موقع النهار الجديد" in html


def test_the_unsafe_article_renders_as_text(client):
    hit = search_hit(client, "الوسم")
    html = client.get(f"/articles/{hit['article_id']}").text
    assert_inert(html)
    assert "&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(3)&gt;" in html
    assert "javascript:alert(4)" in html  # shown as text, never as a link
    search = client.get("/search", params={"q": "الوسم"}).text
    assert_inert(search)
    assert "&lt;img src=x onerror=alert(3)&gt;" in search


def test_paste_renders_the_article_view(client):
    text = "أعلنت المديرة هدى سالم، يوم الأحد، بدء العام الدراسي.\nوقالت سالم إن \"المدارس جاهزة\"."
    r = client.post("/paste", data={"text": text, "date": "2024-09-01"})
    assert r.status_code == 200
    html = r.text
    assert "q-content" in html and "المدارس جاهزة" in html
    assert 'data-value="2024-09-01"' in html  # «يوم الأحد» resolved against the given date


def test_paste_upload_and_unsafe_text(client):
    upload = "قال الكاتب إن \"<script>alert(1)</script>\" نص عادي.".encode()
    r = client.post("/paste", files={"file": ("note.txt", upload, "text/plain")})
    assert r.status_code == 200
    assert_inert(r.text)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in r.text


def test_paste_nothing_is_a_message(client):
    r = client.post("/paste", data={"text": "   "})
    assert r.status_code == 400 and 'role="alert"' in r.text


def test_pages_load_nothing_from_elsewhere(client):
    for path in ("/", "/search?q=المياه", "/speakers", "/api"):
        for tag, attrs in elements(client.get(path).text):
            for k in ("src", "href"):
                if tag in ("link", "script", "img", "iframe") and attrs.get(k):
                    assert attrs[k].startswith("/"), (path, tag, attrs)


# ------------------------------------------------------------------ the article view
@pytest.mark.parametrize("spans,expected", [
    ([(0, 4, "content")], "<span>abcd</span>efgh"),
    ([(0, 8, "content"), (2, 4, "entity")], "<span>ab<span>cd</span>efgh</span>"),
    # an entity crossing a statement's end is split at it
    ([(0, 4, "content"), (2, 6, "entity")], "<span>ab<span>cd</span></span><span>ef</span>gh"),
    # a date inside an entity inside a statement: nested by layer, not by length
    ([(1, 3, "timex"), (0, 8, "content"), (0, 5, "entity")],
     "<span><span>a<time>bc</time>de</span>fgh</span>"),
])
def test_tokens_nest_by_layer(spans, expected):
    objs = [Span(s, e, layer, tag="time" if layer == "timex" else "span") for s, e, layer in spans]
    out = "".join(t.text if t.kind == "text" else f"<{t.tag}>" if t.kind == "open"
                  else f"</{t.tag}>" for t in tokens("abcdefgh", objs))
    assert out == expected


span_lists = st.lists(st.tuples(st.integers(0, 30), st.integers(0, 30),
                                 st.sampled_from(["furniture", "content", "cue", "entity",
                                                  "timex", "hl"])), max_size=12)


@given(st.text(min_size=1, max_size=30), span_lists)
@settings(max_examples=200, deadline=None)
def test_tokens_keep_the_text_and_balance(text, raw):
    spans = [Span(min(a, b), max(a, b), layer) for a, b, layer in raw
             if min(a, b) < max(a, b) <= len(text)]
    stream = list(tokens(text, spans))
    assert "".join(t.text for t in stream if t.kind == "text") == text
    depth = 0
    for t in stream:
        depth += {"open": 1, "close": -1}.get(t.kind, 0)
        assert depth >= 0
    assert depth == 0


def test_article_view_of_a_record_keeps_every_span():
    text = "قال الوزير إن الخطة جاهزة أمس"
    record = {"text": text, "quotes": [{"kind": "indirect",
              "speaker": {"text": "الوزير", "start": 4, "end": 10, "canonical": "الوزير"},
              "cue": {"text": "قال", "start": 0, "end": 3},
              "content": {"text": "الخطة جاهزة أمس", "start": 14, "end": 29}}],
              "timexes": [{"text": "أمس", "start": 26, "end": 29, "value": "2024-01-01"}],
              "entities": [], "layers": {"boilerplate": [{"start": 0, "end": 3, "label": "x"}]}}
    view = article_view(record)
    opened = [dict(t.attrs).get("class", "") for t in view["tokens"] if t.kind == "open"]
    assert any("furniture" in c for c in opened)  # shown dimmed, not deleted
    assert any("q-cue" in c for c in opened) and any("tx" == c for c in opened)
    assert "".join(t.text for t in view["tokens"] if t.kind == "text") == text


# ------------------------------------------------------------------ chart and sizes
def test_month_range_fills_gaps_across_years():
    assert month_range("2023-11", "2024-02") == ["2023-11", "2023-12", "2024-01", "2024-02"]


def test_chart_runs_right_to_left_with_gaps():
    chart = bars([("2024-01", 2), ("2024-03", 4)])
    months = [b.month for b in chart["bars"]]
    assert months == ["2024-01", "2024-02", "2024-03"]
    xs = [b.x for b in chart["bars"]]
    assert xs == sorted(xs, reverse=True)  # the first month on the right
    assert [b.count for b in chart["bars"]] == [2, 0, 4] and chart["max"] == 4
    assert bars([])["bars"] == []


@pytest.mark.parametrize("text,size", [("10MB", 10 * 1024 ** 2), ("512k", 512 * 1024),
                                       ("4096", 4096), ("1.5 MiB", 1572864), (2048, 2048)])
def test_parse_size(text, size):
    assert parse_size(text) == size


@pytest.mark.parametrize("text", ["", "ten", "10 parsecs", "-1MB"])
def test_parse_size_rejects(text):
    with pytest.raises(ValueError):
        parse_size(text)
