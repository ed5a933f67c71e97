"""The library: read inputs, run the pipeline, give records.

>>> import khabar
>>> record = khabar.extract("قال وزير المالية سامي الخطيب إن الموازنة الجديدة جاهزة.")
>>> record.quotes[0].speaker.canonical
'سامي الخطيب'
>>> record.quotes[0].content.text
'الموازنة الجديدة جاهزة'

`extract` takes a string (plain text or an HTML page), `extract_file` a path, `pipe` many
inputs at once, in order; `records` reads files, folders, JSONL and CSV. Each gives
`khabar.Record`s (typed attributes, `to_dict()`, `to_json()`); `Record.article` is the
`khabar.Article` with its layers of spans. Pipeline options are arguments: `skip` (stage
names, `khabar.pipeline.STAGE_NAMES`) and `ner` ("crf" or "ensemble").
"""
from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from importlib import resources as _ir
from pathlib import Path
from typing import Any, Union

from khabar.document import Article
from khabar.objects import Record
from khabar.pipeline import Pipeline, PipelineError
from khabar.record import to_record

__all__ = ["extract", "extract_html", "extract_file", "pipe", "records", "process",
           "process_stream", "read_inputs", "example_path", "pipeline", "NER_MODES",
           "GIVEN_FIELDS"]

# the entity tagger's modes (as khabar.ner.MODES, not imported: that loads the tagger)
NER_MODES: tuple[str, ...] = ("crf", "ensemble")
# fields a caller may give with a text; they win over what is read from it
GIVEN_FIELDS: tuple[str, ...] = ("title", "published", "author", "url", "outlet",
                                 "article_id")
PathLike = Union[str, "os.PathLike[str]"]
# what `pipe` takes: a text or HTML page, a mapping with "text" (or "html") and given
# fields, or an Article
Input = Union[str, Mapping[str, Any], Article]


@lru_cache(maxsize=8)
def pipeline(skip: tuple[str, ...] = (), ner: str = "crf") -> Pipeline:
    """The default stages without `skip`; `ner` is the entity tagger's mode."""
    if ner not in NER_MODES:
        raise PipelineError(f"unknown entity mode {ner!r}; the modes are "
                            f"{', '.join(NER_MODES)}")
    return Pipeline(skip=skip, options={"entities": {"mode": ner}} if ner != "crf" else None)


def _options(skip: Iterable[str] | str, ner: str) -> tuple[tuple[str, ...], str]:
    """Options checked once, before any article: a bad name is the caller's error."""
    names = tuple(x for x in (skip.split(",") if isinstance(skip, str) else skip) if x)
    pipeline(tuple(sorted(set(names))), ner)  # raises PipelineError with the valid names
    return tuple(sorted(set(names))), ner


def example_path() -> Path:
    """The bundled example article (what `khabar extract` runs on with no input)."""
    return Path(str(_ir.files("khabar").joinpath("examples", "example-ar.txt")))


def read_inputs(paths: Iterable[PathLike], input_format: str | None = None, *,
                on_skip: Any = None) -> Iterator[Article]:
    """Articles from paths ('-' is standard input); a bad input yields an error Article.
    Folder walks call `on_skip(path, reason)` for each file they leave out."""
    from khabar.ingest import read_path, read_stdin

    for p in paths:
        if p == "-":
            yield from read_stdin(sys.stdin.buffer, fmt=input_format)
        else:
            yield from read_path(p, fmt=input_format, on_skip=on_skip)


def process(article: Article, skip: tuple[str, ...] = (), ner: str = "crf") -> Article:
    """Run the pipeline on one Article in place (an input that failed is left as it is)."""
    if not article.failed:
        pipeline(skip, ner).run(article)
    return article


def process_stream(articles: Iterable[Article], *, skip: tuple[str, ...] = (),
                   ner: str = "crf", workers: int | None = None,
                   dask: str | None = None, timeout: float | None = None
                   ) -> Iterator[Article]:
    """Processed Articles in input order: the one place every batch (the `pipe` and
    `records` functions, `khabar extract`, `khabar quotes`) runs the pipeline, through
    khabar.run's executors: this process (workers None or 1), a process pool (workers >
    1) or dask.distributed (dask "local" or a scheduler address). `timeout`: seconds per
    article (E_TIMEOUT past them; it runs even one worker as a process of its own)."""
    from khabar.run import pipe as run_pipe

    yield from run_pipe(articles, workers=workers, dask=dask, skip=skip, ner=ner,
                        timeout=timeout)


def _record(article: Article) -> Record:
    return Record(to_record(article), article)


def _given(given: Mapping[str, Any]) -> dict[str, Any]:
    unknown = sorted(set(given) - set(GIVEN_FIELDS))
    if unknown:
        raise TypeError(f"unknown field {', '.join(unknown)}; the fields that can be given "
                        f"are {', '.join(GIVEN_FIELDS)}")
    out = {k: v for k, v in given.items() if v not in (None, "")}
    if "outlet" in out:
        out["sitename"] = out.pop("outlet")
    return out


def _text_articles(text: str, fmt: str | None, name: str,
                   given: Mapping[str, Any]) -> Iterator[Article]:
    from khabar.ingest import read_text

    return read_text(text, fmt, name=name, given=_given(given))


def _one(articles: Iterator[Article], what: str) -> Article:
    first = next(articles, None)
    if first is None:  # pragma: no cover - every reader yields at least one Article
        raise ValueError(f"{what} holds no article")
    if next(articles, None) is not None:
        raise ValueError(f"{what} holds several records; read them with khabar.records()")
    return first


def extract(text_or_html: str, *, skip: Iterable[str] | str = (), ner: str = "crf",
            format: str | None = None, name: str = "text", **given: Any) -> Record:
    """The record of one article given as a string: plain text or an HTML page (told
    apart by its look unless `format` is "txt" or "html").

    `given` fields (title, published, author, url, outlet, article_id) win over what is
    read from the text; `skip` leaves stages out; `ner` picks the entity tagger.

    >>> r = extract("أعلن الناطق باسم الحكومة أن الاجتماع سيعقد غدا.",
    ...             published="2024-05-02", skip=["entities"])
    >>> r.metadata["published"], [t.value for t in r.timexes]
    ('2024-05-02', ['2024-05-03'])
    >>> r.quotes[0].cue.lemma
    'أعلن'
    """
    opts = _options(skip, ner)
    article = _one(_text_articles(text_or_html, format, name, given), "the text")
    return _record(process(article, *opts))


def extract_html(html: str, *, skip: Iterable[str] | str = (), ner: str = "crf",
                 name: str = "page", **given: Any) -> Record:
    """The record of one HTML page (the article is found with trafilatura and our rules).

    >>> page = "<html><body><article><h1>عنوان الخبر</h1><p>" + \\
    ...        "قال مدير المستشفى إن الوضع مستقر. " * 3 + "</p></article></body></html>"
    >>> r = extract_html(page, skip="time,entities")
    >>> r.title, r.source["format"], len(r.quotes) > 0
    ('عنوان الخبر', 'html', True)
    """
    return extract(html, skip=skip, ner=ner, format="html", name=name, **given)


def extract_file(path: PathLike, *, skip: Iterable[str] | str = (), ner: str = "crf",
                 input_format: str | None = None) -> Record:
    """The record of one article file (.txt in any encoding, .html, a .json object; .gz
    too). A file of several records (JSON Lines, CSV, a JSON list) raises ValueError: read
    it with `records`. A file that cannot be read gives a record with ok False.

    >>> r = extract_file(example_path(), skip="entities")
    >>> r.source["name"], r.metadata["views"], r.ok
    ('example-ar', 1247, True)
    """
    from khabar.ingest import read_path

    opts = _options(skip, ner)
    article = _one(read_path(path, fmt=input_format), os.fspath(path))
    return _record(process(article, *opts))


def records(paths: PathLike | Iterable[PathLike], input_format: str | None = None, *,
            skip: Iterable[str] | str = (), ner: str = "crf",
            workers: int | None = None) -> Iterator[Record]:
    """Records of every article in files, folders (walked), JSONL/CSV files, or "-" for
    standard input, in order. A bad input gives a record with ok False, never an
    exception.

    >>> [r.source["name"] for r in records([example_path()], skip="entities,quotes")]
    ['example-ar']
    """
    opts = _options(skip, ner)
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    for article in process_stream(read_inputs(paths, input_format), skip=opts[0],
                                  ner=opts[1], workers=workers):
        yield _record(article)


def _as_article(item: Input, n: int) -> Article:
    if isinstance(item, Article):
        return item
    if isinstance(item, str):
        return _one(_text_articles(item, None, f"item-{n + 1:06d}", {}), f"item {n}")
    if isinstance(item, Mapping):
        fields = dict(item)
        fmt = "html" if "html" in fields and "text" not in fields else None
        text = fields.pop("text", None) or fields.pop("html", None) or ""
        name = str(fields.pop("name", None) or f"item-{n + 1:06d}")
        return _one(_text_articles(str(text), fmt, name, fields), f"item {n}")
    raise TypeError(f"pipe() takes texts, mappings with a text, or Articles; item {n} is a "
                    f"{type(item).__name__}")


def pipe(items: Iterable[Input], *, skip: Iterable[str] | str = (), ner: str = "crf",
         workers: int | None = None) -> Iterator[Record]:
    """Records of many articles, in input order, like spaCy's `nlp.pipe`: each item is a
    text or HTML page, a mapping with "text" (or "html") and given fields, or an Article.
    `workers` > 1 runs a process pool (with khabar.run).

    >>> texts = ["قال الوزير إن الخطة جاهزة.", {"text": "أكد المدير أن العمل مستمر.",
    ...                                          "title": "العمل مستمر"}]
    >>> [(r.title, r.quotes[0].cue.text) for r in pipe(texts, skip="entities")]
    [(None, 'قال'), ('العمل مستمر', 'أكد')]
    """
    opts = _options(skip, ner)
    articles = (_as_article(item, n) for n, item in enumerate(items))
    for article in process_stream(articles, skip=opts[0], ner=opts[1], workers=workers):
        yield _record(article)


def extract_text(text: str, *, skip: Iterable[str] | str = (), ner: str = "crf",
                 **given: Any) -> Article:
    """The processed Article of a plain text (for those who want the spans; `extract`
    gives the record)."""
    opts = _options(skip, ner)
    name = str(given.pop("name", None) or "text")
    article = Article(text, source={"format": "txt", "name": name}, given=_given(given))
    return process(article, *opts)


def summary(record: Mapping[str, Any]) -> str:
    """A readable page about one record (moved to khabar.writers; kept for callers)."""
    from khabar.writers import summary as _summary

    return _summary(record)
