"""Record text fields that hold HTML markup (many scraped datasets store the page's body
HTML in `content`): detection, and the text with one line per block element."""
from __future__ import annotations

import re

from lxml import etree
from lxml import html as lxml_html

# two or more of the tags an article body is written with: markup, not prose about markup
_TAG = re.compile(r"</?(?:p|div|br|span|a|strong|b|em|i|h[1-6]|ul|ol|li|img|figure|"
                  r"blockquote|section|article|table|tr|td)\b[^>]*>", re.I)
_BLOCKS = frozenset({"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr",
                     "blockquote", "section", "article", "ul", "ol", "table", "pre",
                     "figure", "figcaption", "header", "footer", "aside", "hr"})
_SPACES = re.compile(r"[ \t\u00a0]+")


def looks_like_markup(text: str) -> bool:
    found = 0
    for _ in _TAG.finditer(text, 0, 20000):
        found += 1
        if found >= 2:
            return True
    return False


def markup_to_text(fragment: str) -> str:
    """The text of an HTML fragment, a line per block element, scripts and styles dropped;
    the fragment itself when lxml cannot read it."""
    try:
        root = lxml_html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return fragment
    for node in root.xpath(".//script|.//style|.//noscript|.//template"):
        node.drop_tree()
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.lower() in _BLOCKS:
            el.tail = "\n" + (el.tail or "")
    lines = (_SPACES.sub(" ", ln).strip() for ln in root.text_content().split("\n"))
    return "\n".join(ln for ln in lines if ln)
