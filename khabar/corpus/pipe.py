"""The one place the corpus runs the single-article pipeline, so an executor
(`khabar.run.pipe`, with worker processes) can be plugged in without touching the store."""
from __future__ import annotations

from typing import Iterable, Iterator

from khabar.document import Article


def process_articles(articles: Iterable[Article], workers: int | None = None,
                     ner: str = "crf") -> Iterator[Article]:
    """Processed articles in input order; a failing article comes back flagged."""
    try:
        from khabar.run import pipe
    except ImportError:
        pipe = None
    if pipe is not None:
        yield from pipe(articles, workers=workers, ner=ner)
        return
    from khabar.api import process

    for article in articles:
        yield process(article, (), ner)
