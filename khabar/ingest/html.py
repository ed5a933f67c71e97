"""HTML pages to title, main text and metadata.

The main text comes from trafilatura. Metadata follows a documented cascade, each field
taken from the first source that has it, and `given_sources` names that source:
  1. JSON-LD of an article-like object        "html:jsonld"
  2. <meta> tags (Open Graph, Dublin Core...)  "html:meta"; <link rel=canonical> "html:link"
  3. trafilatura's own metadata               "html:trafilatura"; its date is htmldate's,
                                              "html:htmldate"
When trafilatura finds no main text, khabar's own rule takes over: the JSON-LD
`articleBody`, else the page's paragraphs that hold enough letters, outside navigation,
headers, footers and forms (flag W_HTML_FALLBACK).
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any, Iterator

from lxml import html as lxml_html
from trafilatura import bare_extraction, load_html

from khabar.errors import Code
from khabar.ingest.decode import clean_text
from khabar.ingest.fields import GIVEN_KEYS, HTML_META, JSONLD_FIELDS, JSONLD_TYPES
from khabar.ingest.records import value_text
from khabar.normalize import fold

_META_KEYS: dict[str, list[str]] = {}
for _target, _keys in HTML_META.items():
    for _k in _keys:
        _META_KEYS.setdefault(_k, []).append(_target)

# containers whose paragraphs are page furniture, for the fallback extraction
_SKIP_XPATH = ("//script|//style|//noscript|//nav|//header|//footer|//aside|//form|//template"
               "|//*[@role='navigation' or @role='banner' or @role='contentinfo']")
_PARA_XPATH = "//p|//h2|//h3|//blockquote|//li"
_LETTER = re.compile(r"[^\W\d_]")
_MIN_PARA_LETTERS = 25
# less main text than this is a navigation or error page, not an article
MIN_ARTICLE_LETTERS = 80
_SPACES = re.compile(r"[ \t\u00a0]+")
# htmldate: the original publication date, from markup, URL and page text but without its
# slow extensive search of every date-like string
_DATE_PARAMS = {"extensive_search": False, "original_date": True}
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.I)


@dataclass(slots=True)
class Page:
    title: str | None
    text: str
    given: dict[str, Any] = field(default_factory=dict)
    given_sources: dict[str, str] = field(default_factory=dict)
    issues: list[tuple[Code, str | None]] = field(default_factory=list)


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in a <meta> tag within its first 4 KB."""
    m = _CHARSET.search(data[:4096])
    return m.group(1).decode("ascii", "replace") if m else None


def extract_page(markup: str, url: str | None = None) -> Page:
    """Title, main text and metadata of one HTML page; problems as issues, never raising."""
    try:
        tree = load_html(markup)
    except Exception as err:  # lxml raises on some malformed documents
        return Page(None, "", issues=[(Code.E_PARSE, f"{type(err).__name__}: {err}")])
    if tree is None:
        return Page(None, "", issues=[(Code.E_PARSE, "lxml found no document")])
    page = Page(None, "")
    jsonld = _jsonld_article(tree)
    _fill(page, _jsonld_fields(jsonld), "html:jsonld")
    _fill(page, _meta_fields(tree), "html:meta")
    h1 = tree.xpath("//h1")
    headline = _SPACES.sub(" ", h1[0].text_content()).strip() if h1 else None
    canonical = tree.xpath("//link[@rel='canonical']/@href")
    if canonical:
        _fill(page, {"url": canonical[0]}, "html:link")
    # trafilatura's metadata pass (htmldate above all) costs more than the text extraction:
    # it runs only when the page's own JSON-LD and meta tags left the title or date open
    need_meta = not all(k in page.given for k in ("title", "published"))
    try:
        doc = bare_extraction(tree, url=url or page.given.get("url"), with_metadata=need_meta,
                              include_comments=False, include_images=False,
                              include_links=False, date_extraction_params=_DATE_PARAMS)
    except Exception as err:  # trafilatura's bugs must not lose the page
        doc = None
        page.issues.append((Code.W_HTML_FALLBACK, f"trafilatura: {type(err).__name__}: {err}"))
    if doc is not None:
        _fill(page, {k: getattr(doc, k, None) for k in GIVEN_KEYS if k not in ("published",
                                                                                "article_id")},
              "html:trafilatura")
        _fill(page, {"published": doc.date}, "html:htmldate")
        page.text = _drop_repeated_title(clean_text(doc.text or "").strip(),
                                         (page.given.get("title"), doc.title, headline))
    if _letters(page.text) < MIN_ARTICLE_LETTERS:
        body = value_text(jsonld.get("articleBody")) if jsonld else None
        fallback = body or _paragraphs(markup)
        if _letters(fallback) >= MIN_ARTICLE_LETTERS:
            page.text = fallback
            page.issues.append((Code.W_HTML_FALLBACK, None))
        else:
            page.issues.append((Code.E_NO_ARTICLE, f"{_letters(page.text)} letters of text"))
    page.title = page.given.get("title")
    return page


def _drop_repeated_title(text: str, titles: tuple[str | None, ...]) -> str:
    """trafilatura keeps the page's <h1> as the first line of the main text; the title is
    already laid out before the body, so a first line that folds to a title or to the
    headline goes."""
    first, _, rest = text.partition("\n")
    key = fold(first).strip()
    if key and any(t and fold(t).strip() == key for t in titles):
        return rest.lstrip("\n")
    return text


def _letters(text: str | None) -> int:
    """Letters in the start of `text`: enough to tell an article from a stub, cheaply."""
    return len(_LETTER.findall(text, 0, 4000)) if text else 0


def _fill(page: Page, values: dict[str, Any], source: str) -> None:
    for key, raw in values.items():
        if key in page.given:
            continue
        value = value_text(raw)
        if value:
            page.given[key] = value
            page.given_sources[key] = source


def _meta_fields(tree) -> dict[str, str]:
    found: dict[str, tuple[int, str]] = {}  # target -> (rank of the key, value)
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        targets = _META_KEYS.get(key.strip())
        content = meta.get("content")
        if not targets or not content or not content.strip():
            continue
        for target in targets:
            rank = HTML_META[target].index(key.strip())
            if target not in found or rank < found[target][0]:
                found[target] = (rank, content)
    return {t: v for t, (_, v) in found.items()}


def _jsonld_objects(tree) -> Iterator[dict[str, Any]]:
    for script in tree.xpath("//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text or "")
        except (json.JSONDecodeError, TypeError):
            continue
        stack = [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                yield item
                if isinstance(item.get("@graph"), list):
                    stack.extend(item["@graph"])


def _jsonld_article(tree) -> dict[str, Any] | None:
    for obj in _jsonld_objects(tree):
        types = obj.get("@type")
        types = types if isinstance(types, list) else [types]
        if any(isinstance(t, str) and t in JSONLD_TYPES for t in types):
            return obj
    return None


def _jsonld_fields(obj: dict[str, Any] | None) -> dict[str, Any]:
    if not obj:
        return {}
    out: dict[str, Any] = {}
    for target, props in JSONLD_FIELDS.items():
        if target == "text":
            continue
        for prop in props:
            if obj.get(prop) not in (None, "", [], {}):
                out[target] = obj[prop]
                break
    return out


def _paragraphs(markup: str) -> str:
    """khabar's fallback: the paragraphs with enough letters, outside page furniture."""
    try:
        tree = lxml_html.fromstring(markup)
    except Exception:
        return ""
    for node in tree.xpath(_SKIP_XPATH):
        node.drop_tree()
    paras: list[str] = []
    seen: set[str] = set()
    for node in tree.xpath(_PARA_XPATH):
        if node.tag == "li" and node.xpath(".//p"):
            continue
        para = _SPACES.sub(" ", node.text_content()).strip()
        if len(_LETTER.findall(para)) >= _MIN_PARA_LETTERS and para not in seen:
            seen.add(para)
            paras.append(para)
    return clean_text("\n".join(paras))
