"""Statements of a summary block that repeat the story's own.

Some sites print a short summary before the full text («ملخص المقال: … المحتوى الكامل:
…»); the furniture stage keeps it in the body as a span labelled "summary". A statement
read there that the full text makes again, nearly word for word, is the same statement:
it is kept once, where the story makes it, so that counts of who said what are not
doubled. A summary statement the full text does not repeat (a paraphrase) stays.
"""
from __future__ import annotations

from collections import Counter

from khabar.document import Article, Span
from khabar.quotes.marks import WORDS

SUMMARY_LABEL = "summary"
# content-word overlap (F1 over word counts) from which two contents are one statement
REPEAT_OVERLAP = 0.8


def _words(text: str) -> Counter[str]:
    return Counter(WORDS.findall(text))


def _overlap(a: Counter[str], b: Counter[str]) -> float:
    common = sum((a & b).values())
    if not common:
        return 0.0
    precision, recall = common / sum(a.values()), common / sum(b.values())
    return 2 * precision * recall / (precision + recall)


def drop_summary_repeats(article: Article, layer: str) -> int:
    """Remove from `layer` the statements inside a summary span that a statement outside
    every summary span repeats; the number removed."""
    blocks = [(b.start, b.end) for b in article.spans("body") if b.label == SUMMARY_LABEL]
    statements = article.spans(layer)
    if not blocks or not statements:
        return 0
    view = article.view("match")

    def inside(q: Span) -> bool:
        return any(a <= q.start and q.end <= b for a, b in blocks)

    def words(q: Span) -> Counter[str]:
        return _words(view.text[view.from_text(q.start):view.from_text(q.end)])

    story = [words(q) for q in statements if not inside(q)]
    kept = [q for q in statements
            if not inside(q) or all(_overlap(words(q), w) < REPEAT_OVERLAP for w in story)]
    removed = len(statements) - len(kept)
    if removed:
        article.layers[layer] = kept
    return removed
