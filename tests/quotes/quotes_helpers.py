"""Helpers shared by the statement tests: build an article from a few sentences."""
from __future__ import annotations

from khabar.document import Article
from khabar.quotes import annotate
from khabar.segment import segment


def make_article(body: str, title: str | None = None, mentions=(), timexes=()) -> Article:
    """An article with an optional headline; `mentions`/`timexes`: (phrase, label, attrs)."""
    text = f"{title}\n\n{body}" if title else body
    article = Article(text)
    if title:
        article.add("title", 0, len(title), "title")
    article.add("body", len(text) - len(body), len(text), "body")
    segment(article)
    for layer, items in (("mentions", mentions), ("timexes", timexes)):
        for phrase, label, attrs in items:
            at = text.index(phrase)
            article.add(layer, at, at + len(phrase), label, **attrs)
    annotate(article)
    return article


def records(article: Article) -> list[dict]:
    """The statements as the record writer shapes them."""
    return [{"kind": s.label, "content": {"text": article.text[s.start:s.end],
                                          "start": s.start, "end": s.end}, **s.attrs}
            for s in article.spans("quotes")]


def assert_statement(q: dict, kind: str, speaker: str, cue: str, medium: str | None,
                     content: str) -> None:
    """One statement record against its expected kind, speaker, cue, medium and content."""
    assert q["kind"] == kind
    assert q["content"]["text"] == content
    assert speaker in (q["speaker"]["text"], q["speaker"]["canonical"])
    assert q["cue"]["text"] == cue
    if medium is None:
        assert q["medium"] is None
    else:
        assert q["medium"] is not None and medium in (q["medium"]["text"],
                                                      q["medium"]["canonical"])


def assert_statements(got: list[dict], expected: list[tuple]) -> None:
    """The statement records against their expected rows, one for one and in order."""
    assert len(got) == len(expected), [q["content"]["text"] for q in got]
    for q, row in zip(got, expected):
        assert_statement(q, *row)
