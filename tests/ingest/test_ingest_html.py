"""HTML pages: main text through trafilatura, the metadata cascade, khabar's fallback."""
from __future__ import annotations

import json

import pytest

from khabar.ingest import read_bytes
from khabar.ingest import html as html_mod
from khabar.ingest.html import declared_charset, extract_page

from ingest_samples import ARABIC, TITLE

PARAS = ARABIC.split("\n")
NAV = "الرئيسية رياضة اقتصاد"
FOOTER = "جميع الحقوق محفوظة لموقع التجربة"


def page(head: str = "", body: str | None = None, charset: str = "utf-8") -> str:
    if body is None:
        body = "<article><h1>" + TITLE + "</h1>" + "".join(f"<p>{p}</p>" for p in PARAS) + \
            "</article>"
    return (f'<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="{charset}">'
            f"<title>{TITLE} | موقع التجربة</title>{head}</head><body>"
            f"<nav><ul><li><a href='/'>{NAV}</a></li></ul></nav>{body}"
            f"<footer><p>{FOOTER}</p></footer></body></html>")


JSONLD = ('<script type="application/ld+json">' + json.dumps({
    "@context": "https://schema.org", "@graph": [
        {"@type": "WebSite", "name": "موقع التجربة"},
        {"@type": "NewsArticle", "headline": TITLE + " (نص JSON-LD)",
         "datePublished": "2024-03-05T09:30:00+02:00",
         "author": [{"@type": "Person", "name": "سامي الكاتب"}],
         "publisher": {"@type": "Organization", "name": "موقع التجربة"}}]},
    ensure_ascii=False) + "</script>")
META = ('<meta property="og:title" content="' + TITLE + ' (نص og)">'
        '<meta property="article:published_time" content="2024-03-06">'
        '<meta name="author" content="كاتب الوسوم">'
        '<meta property="og:site_name" content="موقع الوسوم">'
        '<link rel="canonical" href="https://example.org/a/1">')


def test_main_text_without_furniture():
    art = next(read_bytes(page(META).encode(), "p.html"))
    body = art.text[art.given["body_start"]:]
    for p in PARAS:
        assert p in body
    assert NAV not in art.text and FOOTER not in art.text
    assert art.source["format"] == "html" and not art.failed


@pytest.mark.parametrize("head", ["", META, JSONLD])
def test_headline_is_not_repeated_in_the_body(head):
    art = next(read_bytes(page(head).encode(), "p.html"))
    assert art.text[art.given["body_start"]:].startswith(PARAS[0])


def test_jsonld_wins_over_meta_and_says_so():
    art = next(read_bytes(page(JSONLD + META).encode(), "p.html"))
    g = art.given
    assert g["title"] == TITLE + " (نص JSON-LD)"
    assert g["published"] == "2024-03-05T09:30:00+02:00"
    assert g["author"] == "سامي الكاتب" and g["sitename"] == "موقع التجربة"
    assert g["url"] == "https://example.org/a/1"
    assert g["given_sources"] == {"title": "html:jsonld", "published": "html:jsonld",
                                  "author": "html:jsonld", "sitename": "html:jsonld",
                                  "url": "html:link"}
    assert art.text[slice(*g["title_span"])] == g["title"]


def test_meta_tags_when_no_jsonld():
    g = next(read_bytes(page(META).encode(), "p.html")).given
    assert (g["title"], g["published"], g["author"], g["sitename"]) == (
        TITLE + " (نص og)", "2024-03-06", "كاتب الوسوم", "موقع الوسوم")
    assert set(g["given_sources"].values()) == {"html:meta", "html:link"}


def test_trafilatura_and_htmldate_fill_the_rest():
    body = ("<article><h1>" + TITLE + "</h1><time datetime='2023-11-02'>2023-11-02</time>"
            + "".join(f"<p>{p}</p>" for p in PARAS) + "</article>")
    g = next(read_bytes(page(body=body).encode(), "p.html")).given
    assert g["given_sources"]["title"] == "html:trafilatura"
    assert g["given_sources"].get("published") == "html:htmldate"
    assert g["published"] == "2023-11-02"


def test_html_with_no_article():
    markup = page(body="<form><input name='q'><button>بحث</button></form>")
    art = next(read_bytes(markup.encode(), "empty.html"))
    assert "E_NO_ARTICLE" in [i.code for i in art.issues]
    assert art.failed


@pytest.fixture
def trafilatura_finds_nothing(monkeypatch):
    monkeypatch.setattr(html_mod, "bare_extraction", lambda *a, **k: None)


def test_own_paragraph_rule_when_trafilatura_finds_nothing(trafilatura_finds_nothing):
    art = next(read_bytes(page(META).encode(), "p.html"))
    assert [i.code for i in art.issues] == ["W_HTML_FALLBACK"]
    assert art.text[art.given["body_start"]:] == "\n".join(PARAS)  # no nav, no footer


def test_jsonld_article_body_is_the_first_fallback(trafilatura_finds_nothing):
    ld = ('<script type="application/ld+json">' + json.dumps(
        {"@type": "NewsArticle", "headline": TITLE, "articleBody": ARABIC},
        ensure_ascii=False) + "</script>")
    art = next(read_bytes(page(ld, body="<div id='app'></div>").encode(), "spa.html"))
    assert [i.code for i in art.issues] == ["W_HTML_FALLBACK"]
    assert art.text == TITLE + "\n\n" + ARABIC


def test_trafilatura_crash_is_survived(monkeypatch):
    def crash(*a, **k):
        raise RuntimeError("boom")
    monkeypatch.setattr(html_mod, "bare_extraction", crash)
    art = next(read_bytes(page(META).encode(), "p.html"))
    assert not art.failed and PARAS[0] in art.text


def test_legacy_encoded_page():
    markup = page(META, charset="windows-1256")
    art = next(read_bytes(markup.encode("cp1256"), "old.htm"))
    assert art.source["encoding"] == "cp1256"
    assert PARAS[0] in art.text


@pytest.mark.parametrize("head, charset", [
    (b'<meta charset="windows-1256">', "windows-1256"),
    (b'<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-6">',
     "ISO-8859-6"),
    (b"<meta name='x'>", None),
])
def test_declared_charset(head, charset):
    assert declared_charset(b"<html><head>" + head) == charset


def test_broken_markup_never_raises():
    for markup in ["", "<", "<html><body><p>" + "<div>" * 500, "\x00<p>x</p>"]:
        p = extract_page(markup)
        assert isinstance(p.text, str)


def test_unnamed_html_is_sniffed():
    art = next(read_bytes(page(META).encode(), "download"))
    assert art.source["format"] == "html"
