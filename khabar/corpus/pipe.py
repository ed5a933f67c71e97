"""The one place the corpus runs the single-article pipeline: through the executors
(`khabar.run.pipe`), in this process or on a pool of worker processes, in input order."""
from __future__ import annotations

from itertools import chain
from typing import Any, Callable, Iterable, Iterator

from khabar.document import Article


def process_articles(articles: Iterable[Article], workers: int | None = None,
                     ner: str = "crf", timeout: float | None = None,
                     after: Callable[[Article], Any] | None = None) -> Iterator[Any]:
    """Processed articles in input order; a failing article comes back flagged. The
    records are the same whatever `workers` is (the executors run the same Pipeline).
    The pipeline is loaded when the first article is asked for: storing records made
    earlier (`Corpus.add_records`) never loads it. `timeout`: seconds per article, past
    which it comes back unprocessed with E_TIMEOUT. `after`: per-article work run where
    the pipeline ran (in the workers too), whose results come instead of the Articles (an
    Article it failed on comes as it is, flagged: `khabar.run.pipe`)."""
    from khabar.run import pipe

    it = iter(articles)
    first = next(it, None)
    if first is None:
        return
    yield from pipe(chain([first], it), workers=workers, ner=ner, timeout=timeout, after=after)


def resolve_workers(articles: Iterable[Article], workers: int | str | None
                    ) -> tuple[int | None, Iterable[Article]]:
    """`workers="auto"`: every core for a batch of more than one article, this process for
    a single one (what `khabar extract` does); returns the same articles."""
    if workers != "auto":
        return workers, articles
    from khabar.run import auto_workers

    return auto_workers(articles, None)
