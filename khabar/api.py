"""The library's entry points: read inputs, run the pipeline, produce records."""
from __future__ import annotations

import sys
from functools import lru_cache
from importlib import resources as _ir
from pathlib import Path
from typing import IO, Iterable, Iterator

from khabar.document import Article
from khabar.pipeline import Pipeline
from khabar.record import dumps, to_record


@lru_cache(maxsize=8)
def pipeline(skip: tuple[str, ...] = (), ner: str = "crf") -> Pipeline:
    """The default stages; `ner` is the entity tagger's mode (`khabar.ner.MODES`)."""
    return Pipeline(skip=skip, options={"entities": {"mode": ner}} if ner != "crf" else None)


def example_path() -> Path:
    return Path(str(_ir.files("khabar").joinpath("examples", "example-ar.txt")))


def read_inputs(paths: Iterable[str], input_format: str | None = None) -> Iterator[Article]:
    """Articles from paths ('-' is standard input); a bad input yields an error Article."""
    from khabar.ingest import read_path, read_stdin

    for p in paths:
        if p == "-":
            yield from read_stdin(sys.stdin.buffer, fmt=input_format)
        else:
            yield from read_path(p, fmt=input_format)


def extract_text(text: str, **given) -> Article:
    """Run the pipeline on a string (for library users and tests)."""
    article = Article(text, source={"format": "txt", "name": given.pop("name", None)},
                      given=given)
    return pipeline().run(article)


def process(article: Article, skip: tuple[str, ...] = (), ner: str = "crf") -> Article:
    if not article.failed:
        pipeline(skip, ner).run(article)
    return article


def records(paths: Iterable[str], input_format: str | None = None,
            skip: tuple[str, ...] = (), ner: str = "crf") -> Iterator[dict]:
    for article in read_inputs(paths, input_format):
        yield to_record(process(article, skip, ner))


def run_cli_batch(paths, fmt: str, out_dir: Path | None, input_format: str | None,
                  layers: tuple[str, ...] | None, skip: tuple[str, ...],
                  out: IO[str], err: IO[str], progress: bool = False, ner: str = "crf",
                  workers: int | None = None, dask: str | None = None) -> int:
    """The `khabar extract` loop: never stops on a bad input, returns the failure count.
    `workers` None: every core for a batch, this process for a single input (khabar.run)."""
    from tqdm import tqdm

    from khabar import run

    failures = 0
    if out_dir is not None:
        out_dir.mkdir(parents=True, exist_ok=True)
    kwargs = {"layers": layers} if layers else {}
    used: set[str] = set()
    articles = read_inputs(paths, input_format)
    if not dask:
        workers, articles = run.auto_workers(articles, workers)
    done = run.pipe(articles, workers=workers, dask=dask, skip=skip, ner=ner)
    for article in tqdm(done, unit=" articles", file=err, disable=not progress,
                        dynamic_ncols=True):
        name = _unique_name(article, used)
        record = to_record(article, **kwargs)
        if article.failed:
            failures += 1
            first = next(i for i in article.issues if i.severity == "error")
            print(f"khabar: {article.source.get('path') or name}: {first.code}: {first.message}",
                  file=err)
        if out_dir is not None:
            (out_dir / f"{name}.json").write_text(dumps(record), encoding="utf-8")
        elif fmt == "jsonl":
            out.write(dumps(record, indent=None) + "\n")
        elif fmt == "summary":
            out.write(summary(record) + "\n")
        else:
            out.write(dumps(record) + "\n")
    return failures


def _unique_name(article: Article, used: set[str]) -> str:
    """The output stem; `a.txt` and `a.json` in one batch must not overwrite each other."""
    name = article.source.get("name") or "stdin"
    if name in used:
        base, k = f"{name}-{article.source.get('format') or 'x'}", 1
        name = base
        while name in used:
            k += 1
            name = f"{base}{k}"
        article.flag("output.renamed", f"output name {article.source.get('name')!r} was taken; "
                     f"written as {name!r}")
        article.source["name"] = name
    used.add(name)
    return name


def summary(record: dict) -> str:
    """A readable page about one record, for people at a terminal."""
    meta = record.get("metadata", {})
    ev = record.get("metadata_evidence", {})
    lines = [f"== {(record.get('source') or {}).get('name') or 'article'}"]
    for key in ("title", "published", "updated", "crawled", "outlet", "agency", "author",
                "article_id", "views", "url"):
        if key in meta:
            lines.append(f"{key:>11}: {meta[key]}   [{ev.get(key, {}).get('source', '?')}]")
    lang = record.get("language") or {}
    if lang:
        lines.append(f"{'language':>11}: {lang.get('code')} ({lang.get('confidence')})")
    body = record.get("body") or ""
    lines.append(f"{'body':>11}: {len(body)} characters; "
                 f"{len((record.get('layers') or {}).get('boilerplate', []))} furniture spans removed")
    lines.append("")
    lines.append("   " + body[:400].replace("\n", " ") + ("…" if len(body) > 400 else ""))
    lines.append("")
    quotes = record.get("quotes") or []
    lines.append(f"statements ({len(quotes)}):")
    for q in quotes:
        spk = q.get("speaker") or {}
        med = q.get("medium") or {}
        who = spk.get("canonical") or spk.get("text") or "?"
        via = f" → {med.get('canonical') or med.get('text')}" if med else ""
        cue = (q.get("cue") or {}).get("text", "")
        content = q["content"]["text"].replace("\n", " ")
        lines.append(f"  [{q['kind'][:3]}] {who}{via} ({cue}): {content[:110]}"
                     f"{'…' if len(content) > 110 else ''}")
    tx = record.get("timexes") or []
    lines.append(f"dates ({len(tx)}): " + "; ".join(f"{t['text']} = {t.get('value')}" for t in tx))
    ents = record.get("entities") or []
    by_type: dict[str, list[str]] = {}
    for e in ents:
        by_type.setdefault(e["type"], [])
        if e.get("canonical", e["text"]) not in by_type[e["type"]]:
            by_type[e["type"]].append(e.get("canonical", e["text"]))
    for typ in ("PER", "ORG", "LOC"):
        if by_type.get(typ):
            lines.append(f"{typ}: " + "، ".join(by_type[typ]))
    for i in record.get("issues") or []:
        lines.append(f"{i['severity']}: {i['code']}: {i['message']}")
    return "\n".join(lines)
