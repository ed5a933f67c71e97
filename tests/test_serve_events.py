"""Events on the server: the /events page (counts as links that narrow the list, filters in
the address, pagination, empty and no-match states), `GET /api/v1/events?counts=true`, and
events highlighted on the article page, over a real SQLite corpus of the demo articles
(tests/fixtures/serve_demo, our own invented text, indexed through the real pipeline).
A hypothesis property renders the article template over random overlapping spans."""
from __future__ import annotations

import json
import re
from html import unescape
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient

from khabar.serve import ServeConfig, create_app
from khabar.serve.chart import bars, is_month, recent_span
from khabar.serve.event_pages import month_counts, page_url, sentence_view, year_url
from khabar.serve.pages import templates
from khabar.serve.view import article_view, event_anchor
from tests.test_serve_pages import assert_inert, elements


@pytest.fixture(scope="module")
def client(demo_db):
    with TestClient(create_app(ServeConfig(db=demo_db))) as c:
        yield c


def api_events(client, **params) -> list[dict]:
    body = client.get("/api/v1/events", params={**params, "limit": 100}).json()
    assert body["ok"] and body["next"] is None, body
    return body["rows"]


def links(html: str, facet: str) -> list[tuple[str, str]]:
    """(href, shown count) of each link in one count list of the events page."""
    part = re.search(rf'<ul class="counts" data-facet="{facet}">(.*?)</ul>', html, re.S)
    assert part, facet
    return [(unescape(href), n) for href, n in re.findall(
        r'<li>(?:<span>)?<a href="([^"]+)"[^>]*>.*?<span class="count">(\d+)</span></li>',
        part.group(1), re.S)]


def listed(html: str) -> list[dict]:
    """The events listed on a page: type and the article link of each."""
    out = []
    for item in re.findall(r'<li class="hit ev-hit" data-type="(\w+)">(.*?)</li>\s*(?=<li|</ol)',
                           html, re.S):
        href = re.search(r'class="evidence" href="([^"]+)"', item[1])
        out.append({"type": item[0], "href": unescape(href.group(1)) if href else None,
                    "html": item[1]})
    return out


class TextOf(HTMLParser):
    """The text inside the first element with a given class, entities decoded."""

    def __init__(self, cls: str):
        super().__init__(convert_charrefs=True)
        self.cls, self.depth, self.parts, self.done = cls, 0, [], False

    def handle_starttag(self, tag, attrs):
        if self.depth:
            self.depth += 1
        elif not self.done and self.cls in (dict(attrs).get("class") or "").split():
            self.depth = 1

    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1
            self.done = self.done or self.depth == 0

    def handle_data(self, data):
        if self.depth:
            self.parts.append(data)


def article_text(html: str) -> str:
    p = TextOf("text")
    p.feed(html)
    return "".join(p.parts)


# ------------------------------------------------------------------ the API's counts
def test_api_counts_carry_places_with_country_and_admin_level(client):
    body = client.get("/api/v1/events", params={"counts": "true"}).json()
    assert body["ok"], body
    places = body["counts"]["place"]
    assert places and all({"value", "count", "country", "admin_level"} <= set(p)
                          for p in places)
    assert any(p["country"] == "SY" and p["admin_level"] == 3 for p in places)
    assert sum(c["count"] for c in body["counts"]["type"]) == len(api_events(client))


# ------------------------------------------------------------------ the events page
def test_events_page_is_in_the_navigation_and_counts_everything(client):
    assert '<a href="/events"' in client.get("/search").text
    r = client.get("/events")
    assert r.status_code == 200 and 'dir="rtl"' in r.text
    every = api_events(client)
    assert re.search(r'<span id="ev-total">(\d+)</span>', r.text).group(1) == str(len(every))
    types = links(r.text, "type")
    assert sum(int(n) for _, n in types) == len(every)
    assert '<svg class="chart"' in r.text and "<script" not in r.text


@pytest.mark.parametrize("facet", ["type", "place", "month"])
def test_each_count_links_to_exactly_that_many_events(client, facet):
    for href, n in links(client.get("/events").text, facet):
        query = {k: v[0] for k, v in parse_qs(urlsplit(href).query).items()}
        assert urlsplit(href).path == "/events" and set(query) <= {"type", "place", "since",
                                                                    "until"}
        page = client.get(href + "&limit=100")
        assert page.status_code == 200
        shown = listed(page.text)
        assert len(shown) == int(n) == len(api_events(client, **query)), href
        if facet == "type":
            assert {e["type"] for e in shown} == {query["type"]}


def test_month_links_bound_the_dates_and_combine_with_a_type(client):
    html = client.get("/events", params={"type": "ASSAULT"}).text
    months = links(html, "month")
    assert months
    for href, n in months:
        query = {k: v[0] for k, v in parse_qs(urlsplit(href).query).items()}
        assert query["type"] == "ASSAULT" and query["since"] == query["until"]
        rows = api_events(client, **query)
        assert len(rows) == int(n)
        assert all(r["type"] == "ASSAULT" and r["day"].startswith(query["since"]) for r in rows)


def test_place_counts_show_country_and_admin_level(client):
    html = client.get("/events").text
    block = re.search(r'data-facet="place">(.*?)</ul>', html, re.S).group(1)
    assert 'href="/events?country=SY"' in block
    assert "مدينة أو بلدة" in block and "موقع" in block  # admin levels 3 and 4


def test_filters_are_in_the_address_and_the_form(client):
    params = {"type": "ASSAULT", "country": "SY", "since": "2024-02", "until": "2024-05",
              "status": "asserted"}
    r = client.get("/events", params=params)
    assert r.status_code == 200
    rows = api_events(client, **params)
    assert rows and len(listed(r.text)) == len(rows)
    assert all(x["type"] == "ASSAULT" and x["country"] == "SY" and x["status"] == "asserted"
               for x in rows)
    assert 'value="SY"' in r.text and 'value="2024-02"' in r.text
    assert re.search(r'<option value="ASSAULT" selected>', r.text)
    assert re.search(r'<option value="asserted" selected>', r.text)
    # each chip removes its own filter and keeps the others
    chips = re.findall(r'<span class="chip">.*?<a href="([^"]+)"', r.text)
    assert len(chips) == len(params)
    for href in chips:
        kept = parse_qs(urlsplit(unescape(href)).query)
        assert len(kept) == len(params) - 1 and set(kept) < set(params)


def test_actor_filter_and_actor_links(client):
    rows = [r for r in api_events(client) if r["actor"]]
    assert rows
    actor = rows[0]["actor_canonical"] or rows[0]["actor"]
    html = client.get("/events", params={"actor": actor}).text
    shown = listed(html)
    assert shown and len(shown) == len(api_events(client, actor=actor))
    assert page_url({"actor": actor}) in unescape(html)


def test_no_match_and_bad_filters_are_clear(client):
    r = client.get("/events", params={"type": "SANCTION", "place": "مكان لا وجود له"})
    assert r.status_code == 200 and "لا أحداث تطابق هذه المرشحات" in r.text
    assert 'href="/events">اعرض كل الأحداث' in r.text and not listed(r.text)
    for params in ({"since": "2024-13"}, {"status": "maybe"},
                   {"since": "2024-05", "until": "2024-01"}):
        bad = client.get("/events", params=params)
        assert bad.status_code == 400 and 'role="alert"' in bad.text, params


def test_empty_corpus_says_so(tmp_path):
    with TestClient(create_app(ServeConfig(db=tmp_path / "absent.db"))) as c:
        r = c.get("/events")
    assert r.status_code == 200 and "لا توجد مدوّنة مفهرسة" in r.text
    assert "ev-total" not in r.text


def test_a_corpus_without_events_says_so(tmp_path):
    from khabar.corpus import Corpus

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("قال الوزير إن الخطة جاهزة.\n", encoding="utf-8")
    with Corpus(tmp_path / "c.db") as corpus:
        corpus.add([folder], workers=1)
    with TestClient(create_app(ServeConfig(db=tmp_path / "c.db"))) as c:
        r = c.get("/events")
    assert r.status_code == 200 and "لا أحداث في هذه المدوّنة بعد" in r.text


def test_pages_walk_every_event_once_and_keep_the_filters(client):
    every = api_events(client, type="ASSAULT")
    # pages of two: the demo's strikes are each one event, however often an article retells it
    seen, url = [], "/events?type=ASSAULT&limit=2"
    while url:
        html = client.get(url).text
        seen += [e["href"] for e in listed(html)]
        more = re.search(r'<a class="more" href="([^"]+)"', html)
        url = unescape(more.group(1)) if more else None
        if url:
            assert "type=ASSAULT" in url and "limit=2" in url and "cursor=" in url
    assert len(seen) == len(set(seen)) == len(every) > 2


def test_listed_events_show_their_sentence_and_link_to_the_trigger(client):
    for row, shown in zip(api_events(client), listed(client.get("/events?limit=100").text)):
        assert shown["type"] == row["type"]
        trigger = re.search(r'<span class="ev-trigger" title="[^"]*">(.*?)</span>',
                            shown["html"], re.S)
        assert trigger and unescape(re.sub(r"<[^>]+>", "", trigger.group(1))) == row["trigger"]
        path, _, anchor = shown["href"].partition("#")
        assert path.startswith(f"/articles/{row['article_id']}?hl=")
        article = client.get(path).text
        ids = {a.get("id"): a for t, a in elements(article) if a.get("id")}
        assert "ev-trigger" in ids[anchor]["class"], anchor
        assert article_text(article) == client.get(
            f"/api/v1/articles/{row['article_id']}").json()["rows"][0]["text"]


def test_filter_values_are_escaped(client):
    evil = '"><script>alert(1)</script>'
    r = client.get("/events", params={"place": evil, "actor": "<img src=x onerror=alert(2)>"})
    assert r.status_code == 200
    assert_inert(r.text)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in r.text


def test_sentence_view_falls_back_to_the_words_around_the_trigger():
    text = "أ" * 300 + " غارة " + "ب" * 300
    row = {"trigger_start": 301, "trigger_end": 305, "sentence_start": None}
    got = sentence_view(text, row)
    assert got["cut_before"] and got["cut_after"]
    assert "".join(t.text for t in got["tokens"] if t.kind == "text") == \
        text[got["start"]:got["end"]]
    assert sentence_view(text, {"trigger_start": 5, "trigger_end": 9999}) is None


# ------------------------------------------------------------------ the article page
def _article_with_mentions(client) -> tuple[str, dict]:
    for row in api_events(client):
        if row["n_mentions"]:
            return row["article_id"], client.get(
                f"/api/v1/articles/{row['article_id']}").json()["rows"][0]
    raise AssertionError("the demo corpus has an event with several mentions")


def test_article_page_highlights_events_with_a_legend_and_a_panel(client):
    aid, record = _article_with_mentions(client)
    html = client.get(f"/articles/{aid}").text
    assert article_text(html) == record["text"]  # nothing lost, nothing doubled
    els = elements(html)
    classes = [a.get("class") or "" for _, a in els]
    for cls in ("ev-trigger", "ev-actor", "ev-recipient", "ev-location", "ev-date"):
        assert any(cls in c.split() for c in classes), cls
        assert f'<span class="key {cls}">' in html, cls  # in the legend
    ids = [a["id"] for _, a in els if a.get("id")]
    assert len(ids) == len(set(ids))
    jumps = [a["href"] for t, a in els if t == "a" and "ev-jump" in (a.get("class") or "")]
    assert len(jumps) == len(record["events"])
    for i, (ev, href) in enumerate(zip(record["events"], jumps)):
        assert href == f"#{event_anchor(ev, i)}" and href[1:] in ids
        for k, _ in enumerate(ev.get("mentions") or [], 1):
            assert f'href="{href}-m{k}"' in html and f"{href[1:]}-m{k}" in ids


def test_an_event_inside_a_statement_nests_in_it(client):
    row = next(r for r in api_events(client) if r["status"] == "claimed"
               and r["statement_id"])
    html = client.get(f"/articles/{row['article_id']}").text
    # the trigger's span opens inside the statement's content span
    assert re.search(r'<span class="q-content[^"]*"[^>]*>[^<]*(?:<[^/][^>]*>[^<]*)*'
                     r'<span class="ev-trigger', html)
    record = client.get(f"/api/v1/articles/{row['article_id']}").json()["rows"][0]
    assert article_text(html) == record["text"]
    n = next(ev["statement"] for ev in record["events"] if ev.get("status") == "claimed")
    assert f'href="#q{n + 1}"' in html  # the panel links the claiming statement


# ------------------------------------------------------------------ the property
TEXT = "قالت الوزيرة إن غارة جوية قتلت ثلاثة في حلب يوم السبت واعتقلت الشرطة خمسة"


def _part(a: int, b: int) -> dict:
    lo, hi = sorted((a, b))
    return {"start": lo, "end": max(hi, lo + 1), "text": TEXT[lo:max(hi, lo + 1)]}


offsets = st.tuples(st.integers(0, len(TEXT) - 1), st.integers(0, len(TEXT)))
events_st = st.lists(st.fixed_dictionaries(
    {"type": st.sampled_from(["ASSAULT", "COERCE", "PROTEST"]),
     "trigger": offsets.map(lambda p: _part(*p)),
     "actor": st.one_of(st.none(), offsets.map(lambda p: _part(*p))),
     "recipient": st.one_of(st.none(), offsets.map(lambda p: _part(*p))),
     "location": st.one_of(st.none(), offsets.map(lambda p: _part(*p))),
     "date": st.one_of(st.none(), offsets.map(lambda p: {**_part(*p), "value": "2024-02-10"})),
     "mentions": st.lists(offsets.map(lambda p: {"trigger": _part(*p)}), max_size=2)}),
    max_size=4)
quotes_st = st.lists(st.fixed_dictionaries(
    {"kind": st.just("indirect"), "speaker": offsets.map(lambda p: _part(*p)),
     "cue": offsets.map(lambda p: _part(*p)), "content": offsets.map(lambda p: _part(*p))}),
    max_size=2)


@given(events_st, quotes_st, st.lists(offsets, max_size=3), st.lists(offsets, max_size=2))
@settings(max_examples=150, deadline=None)
def test_highlighted_html_text_is_the_article_text(events, quotes, ents, times):
    record = {"text": TEXT, "events": [{**e, "id": f"V{i + 1}"} for i, e in enumerate(events)],
              "quotes": quotes,
              "entities": [{"type": "LOC", "text": "x", "mentions": [
                  [_part(*p)["start"], _part(*p)["end"]]]} for p in ents],
              "timexes": [{**_part(*p), "value": "2024"} for p in times]}
    html = templates.env.get_template("_article.html").render(view=article_view(record))
    assert article_text(html) == TEXT
    ids = [a["id"] for _, a in elements(html) if a.get("id")]
    assert len(ids) == len(set(ids))
    for i, ev in enumerate(record["events"]):
        assert event_anchor(ev, i) in ids  # every event can be scrolled to


# ------------------------------------------------------------------ dates of real news
@pytest.mark.parametrize("value,ok", [("2024-03", True), ("2024-03-09", True),
                                      ("2024-13", False), ("2018-W14", False),
                                      ("1948", False), ("2015-W31-WE", False), ("", False)])
def test_is_month(value, ok):
    assert is_month(value) is ok


def test_the_chart_leaves_out_far_off_and_unmonthly_dates():
    # real news dates events by a year alone, by an ISO week, or decades back
    per_month = [("1948", 4), ("1948-05", 1), ("2015-W31", 6), ("2017-01", 40),
                 ("2017-02", 30), ("2018-06", 50), ("2018-07", 20)]
    kept, left = recent_span(per_month, most=24)
    assert [m for m, _ in kept] == ["2017-01", "2017-02", "2018-06", "2018-07"]
    assert left == 1  # 1948-05, the far-off month; the year and week are no months
    assert [b.month for b in bars(kept)["bars"]][0] == "2017-01"
    assert bars([("2018-W14", 3), ("1948", 2)])["bars"] == []  # nothing to draw, no crash
    # a span longer than `most` months keeps the latest ones
    long = [(f"{y}-{m:02d}", 1) for y in (2020, 2021, 2022) for m in range(1, 13)]
    kept, left = recent_span(long, most=12, outliers=0)
    assert [m for m, _ in kept] == [f"2022-{m:02d}" for m in range(1, 13)] and left == 24


def test_month_list_keeps_years_and_spans_and_counts_the_undated():
    # the corpus counts per period: a month, a year, a span of years, or undated
    got = month_counts([("1948", 4), ("1980/1989", 2), ("2017-01", 40), ("2017-02", 30),
                        ("undated", 6)])
    assert got == {"months": [("2017-02", 30), ("2017-01", 40)],
                   "years": [("1980/1989", 2), ("1948", 4)], "undated": 6}
    assert year_url({}, "1948") == "/events?since=1948&until=1948"
    assert year_url({"type": "ASSAULT"}, "1980/1989") == \
        "/events?type=ASSAULT&since=1980&until=1989"


def test_events_page_over_odd_dates(tmp_path):
    """An article whose only date is a year long past, and one dated by a week: the page
    draws, lists the year as a link that selects its event, and counts the week under the
    month that holds it."""
    from khabar.corpus import Corpus

    folder = tmp_path / "in"
    folder.mkdir()
    lines = [{"title": "ذكرى", "date": "2024-05-02", "text":
              "قصفت الطائرات مدينة حمص عام 1982 وقتل عشرة أشخاص."},
             {"title": "غارة", "date": "2024-05-02", "text":
              "قتل ثلاثة أشخاص في غارة على بلدة الأتارب الأسبوع الماضي."}]
    (folder / "a.jsonl").write_text("".join(json.dumps(x, ensure_ascii=False) + "\n"
                                            for x in lines), encoding="utf-8")
    with Corpus(tmp_path / "c.db") as corpus:
        corpus.add([folder], workers=1)
    with TestClient(create_app(ServeConfig(db=tmp_path / "c.db"))) as c:
        body = c.get("/api/v1/events", params={"counts": "true"}).json()
        months = {m["value"]: m["count"] for m in body["counts"]["month"]}
        r = c.get("/events")
        # a year; last week (of Thursday 2 May 2024: 22-28 April) under its month
        assert set(months) == {"1982", "2024-04"}
        assert r.status_code == 200
        html = r.text
        year = re.search(r'data-facet="year">(.*?)</ul>', html, re.S).group(1)
        assert "1982" in year and f'<span class="count">{months["1982"]}</span>' in year
        assert 'href="/events?since=1982&amp;until=1982"' in year
        listed = c.get("/api/v1/events", params={"since": "1982", "until": "1982"}).json()
        assert [e["date"] for e in listed["rows"]] == ["1982"] * months["1982"]
        week = c.get("/api/v1/events", params={"since": "2024-04-28",
                                                "until": "2024-04-28"}).json()["rows"]
        assert len(week) == months["2024-04"] and all("W" in e["date"] for e in week)
        assert 'data-month="2024-04"' in html and "undated" not in html


def test_an_event_off_the_text_is_listed_without_a_dangling_link():
    text = "اعتقلت الشرطة خمسة أشخاص."
    record = {"text": text, "events": [
        {"id": "V1", "type": "COERCE", "trigger": {"text": "اعتقلت", "start": 0, "end": 6}},
        {"id": "V2", "type": "ASSAULT", "trigger": {"text": "غارة", "start": 90, "end": 94},
         "mentions": [{"trigger": {"text": "غارة", "start": 200, "end": 204}}]}]}
    view = article_view(record)
    assert [e["anchor"] for e in view["events"]] == ["ev-V1", None]
    assert view["events"][1]["mentions"] == []
    html = templates.env.get_template("_article.html").render(view=view)
    assert article_text(html) == text and 'href="#ev-V2' not in html
