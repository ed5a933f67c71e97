"""Links statements to entities: a speaker or medium gets the id of the entity it names.

The quotes stage finds who spoke from the grammar; the entities stage groups the names of
the article. This stage joins the two: a part of a statement is linked to the entity whose
mention lies inside it (the longest one), or failing that to the entity whose canonical name
is the part's canonical name.
"""
from __future__ import annotations

from bisect import bisect_left

from khabar.document import Article
from khabar.normalize import fold

# which mentions can stand for a part, by the kind of source the quotes stage found; an
# organisation's name heads its phrase («الائتلاف بقيادة لندن» is not London), a
# person's name follows the title («المتحدث باسم وزارة …، سامي الخطيب» is not the ministry)
_BY_KIND = {"person": ("PER", False), "organisation": ("ORG", True), "outlet": ("ORG", True)}


def annotate(article: Article) -> None:
    mentions = sorted(article.spans("mentions"), key=lambda m: m.start)
    if not mentions:
        return
    starts = [m.start for m in mentions]
    by_name: dict[str, str] | None = None  # made when a part first needs it: many
    # articles have no statement, most parts find their mention inside them
    for quote in article.spans("quotes"):
        for role in ("speaker", "medium"):
            part = quote.attrs.get(role)
            if not isinstance(part, dict) or part.get("anonymous"):
                continue
            kind = part.get("kind") or ("outlet" if role == "medium" else None)
            if kind not in _BY_KIND:
                continue
            entity = _inside(mentions, starts, part, *_BY_KIND[kind])
            if not entity:
                if by_name is None:
                    by_name = _by_name(article, mentions)
                entity = by_name.get(fold(part.get("canonical") or part.get("text") or ""))
            if entity:
                part["entity"] = entity


def _by_name(article: Article, mentions) -> dict[str, str]:
    """The entity of each folded name (canonical or as written) of a mention, first first."""
    by_name: dict[str, str] = {}
    for m in mentions:
        entity = m.attrs.get("entity")
        if entity:
            by_name.setdefault(fold(m.attrs.get("canonical") or article.span_text(m)), entity)
            by_name.setdefault(fold(article.span_text(m)), entity)
    return by_name


def _inside(mentions, starts, part: dict, label: str, at_head: bool) -> str | None:
    a, b = part.get("start"), part.get("end")
    if not isinstance(a, int) or not isinstance(b, int):
        return None
    best = None
    for m in mentions[bisect_left(starts, a):bisect_left(starts, b)]:
        if m.end > b or m.label != label or not m.attrs.get("entity"):
            continue
        if at_head and _article_gap(m.start - a):
            continue
        if best is None or len(m) > len(best):
            best = m
    return best.attrs["entity"] if best is not None else None


def _article_gap(offset: int) -> bool:
    """More than a glued clitic («و», «لل») between the phrase's start and the mention."""
    return offset > 2
