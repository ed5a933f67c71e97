"""The `khabar` command: a thin layer over the library (khabar.api, khabar.writers).

Rules every command keeps: valid JSON whenever JSON is printed (the arguments decide its
shape), standard input read when no path is given and it is a pipe or a file, usage errors
on one line with exit status 2, a reason on stderr for every input that failed.
"""
from __future__ import annotations

import io
import os
import shutil
import stat
import sys
from pathlib import Path
from typing import Any

import click

from khabar import __version__

EXTRACT_EXAMPLES = """
\b
Examples:
  khabar extract                          # the bundled example, as a summary
  khabar extract article.txt              # one record: a JSON object
  khabar extract a.txt b.html             # several inputs: a JSON array
  khabar extract pages/ --out OUT         # OUT/NAME.json per article (folders are walked)
  khabar extract feed.jsonl --format jsonl > records.jsonl   # streamed, one per line
  khabar extract news/ --format plover > events.jsonl   # coded events (PLOVER)
  cat page.txt | khabar extract           # standard input (also: khabar extract -)
  khabar extract feed.jsonl --workers 4 --format jsonl   # four worker processes
  khabar extract feed.jsonl --dask tcp://10.0.0.5:8786 --format jsonl
\b
Output shape (--format json): one single-article input (.txt, .html, a .json object,
standard input holding one article) gives one JSON object; several inputs, a folder or a
multi-record file (.jsonl, .csv, a JSON list) give one JSON array. --format jsonl streams
one record per line whatever the input.
\b
Exit status: 0 when every article was read, 1 when any input gave an error record
(its one-line reason is printed on stderr), 2 for a usage error.
"""

# the tagger's modes, as `khabar.ner.tagger.MODES` (not imported here: the CLI starts fast)
NER_OPTION = click.option(
    "--ner", type=click.Choice(["crf", "ensemble"]), default="crf", show_default=True,
    help="Entity tagger: crf (two CRF passes) or ensemble (the CRF with the neural tagger: "
         "+1.8 F1 on ANERcorp, as good on our dev news, about 2.5x slower).")
INPUT_FORMATS = ["txt", "html", "json", "jsonl", "csv"]
INPUT_FORMAT_OPTION = click.option(
    "--input-format", type=click.Choice(INPUT_FORMATS), default=None,
    help="Read inputs as this format instead of guessing from the name.")
SKIP_OPTION = click.option(
    "--skip", default="", metavar="STAGES",
    help="Comma-separated stages to leave out: furniture, language, segment, time, "
         "entities, quotes, link.")
# endings whose files hold many records: the JSON output is an array
_MULTI_RECORD = (".jsonl", ".ndjson", ".csv", ".tsv")


class _OneLineUsageError(click.UsageError):
    """A usage error shown as one line: `khabar extract: <what> (see 'khabar extract -h')`."""

    def show(self, file: Any = None) -> None:
        path = self.ctx.command_path if self.ctx is not None else "khabar"
        click.echo(f"{path}: {self.message} (see '{path} --help')", err=True)


def _one_line(err: click.UsageError) -> _OneLineUsageError:
    return _OneLineUsageError(" ".join(err.format_message().split()), err.ctx)


class _Group(click.Group):
    def make_context(self, *args: Any, **kwargs: Any) -> click.Context:
        try:
            return super().make_context(*args, **kwargs)
        except click.UsageError as err:
            raise _one_line(err) from None

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except click.UsageError as err:
            raise _one_line(err) from None


@click.group(name="khabar", cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="khabar")
def main() -> None:
    """khabar: who said what, to whom, when, where, and according to whom — in Arabic news."""


# ------------------------------------------------------------------ shared helpers
def _stages(skip: str, ner: str) -> tuple[str, ...]:
    """The stage names to skip, checked: unknown names and broken orders are usage errors."""
    from khabar import api
    from khabar.pipeline import PipelineError

    names = tuple(sorted({x.strip() for x in skip.split(",") if x.strip()}))
    try:
        api.pipeline(names, ner)
    except PipelineError as err:
        raise click.BadParameter(str(err), param_hint="'--skip'") from None
    return names


def _stdin_has_input() -> bool:
    """Standard input is a pipe or a redirected file (not a terminal, not /dev/null)."""
    try:
        mode = os.fstat(sys.stdin.fileno()).st_mode
    except (AttributeError, OSError, ValueError, io.UnsupportedOperation):
        return False
    return stat.S_ISFIFO(mode) or stat.S_ISREG(mode)


def _inputs(paths: tuple[str, ...], example_ok: bool = True) -> tuple[tuple[str, ...], bool]:
    """(paths, is the bundled example): no path reads standard input when it is a pipe or
    a file; otherwise the bundled example runs (or, where that makes no sense, a usage
    error)."""
    from khabar import api

    if paths:
        return paths, False
    if _stdin_has_input():
        return ("-",), False
    if not example_ok:
        raise click.UsageError("no input: give paths, or - for standard input")
    return (str(api.example_path()),), True


def _is_batch(paths: tuple[str, ...], input_format: str | None) -> bool | None:
    """True when the arguments name several articles (several paths, a folder, a
    multi-record file); None when a single input's own content decides (a JSON list)."""
    if len(paths) > 1 or input_format in ("jsonl", "csv"):
        return True
    p = paths[0]
    if p != "-" and os.path.isdir(p):
        return True
    name = p.lower().removesuffix(".gz")
    if name.endswith(_MULTI_RECORD):
        return True
    return None


class _Tally:
    """Counts for the end summary: articles, failures, and every file a walk skipped."""

    def __init__(self) -> None:
        self.articles = self.failures = 0
        self.skipped: dict[str, list[str]] = {}

    def skip(self, path: str, reason: str) -> None:
        self.skipped.setdefault(reason, []).append(path)

    def seen(self, article: Any) -> None:
        from khabar.errors import reason_line

        self.articles += 1
        line = reason_line(article)
        if line is not None:
            self.failures += 1
            click.echo(f"khabar: {line}", err=True)

    def report(self, always: bool) -> None:
        n_skipped = sum(len(v) for v in self.skipped.values())
        if not (always or n_skipped):
            return
        parts = [f"{self.articles} article{'s' * (self.articles != 1)}"]
        if self.failures:
            parts.append(f"{self.failures} with errors")
        if n_skipped:
            why = ", ".join(f"{len(v)} {reason}" for reason, v in sorted(self.skipped.items()))
            shown = [os.path.basename(p) for v in self.skipped.values() for p in v][:5]
            more = ", …" if n_skipped > len(shown) else ""
            parts.append(f"{n_skipped} file{'s' * (n_skipped != 1)} skipped ({why}: "
                         f"{', '.join(shown)}{more})")
        click.echo("khabar: " + "; ".join(parts), err=True)


def _terminal_width() -> int:
    return max(60, shutil.get_terminal_size((120, 24)).columns)


# ------------------------------------------------------------------ extract
@main.command(epilog=EXTRACT_EXAMPLES,
              short_help="Records of articles as JSON, JSON Lines or a summary.")
@click.argument("paths", nargs=-1, type=click.Path(allow_dash=True))
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl", "summary", "plover"]),
              default=None, help="json: an object for one article, an array for several "
              "(see below); jsonl: one record per line, streamed; summary: for people; "
              "plover: the coded events, one PLOVER JSON object per line. "
              "Default: json (summary for the bundled example).")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Write OUT/NAME.json per article instead of printing.")
@INPUT_FORMAT_OPTION
@click.option("--layers", default=None, metavar="LAYERS",
              help="Comma-separated layers to include in full (default: boilerplate, title, "
                   "body, paragraphs, sentences; also tokens, timexes, mentions, quotes).")
@SKIP_OPTION
@click.option("--progress/--no-progress", default=None,
              help="A progress bar on stderr (default: with --out, when stderr is a terminal).")
@NER_OPTION
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Worker processes (default: every core for a batch of more than one "
                   "article, this process for a single one).")
@click.option("--dask", "dask_address", metavar="ADDRESS|local", default=None,
              help="Run on dask.distributed: a scheduler address (tcp://host:8786), or "
                   "'local' for a LocalCluster of --workers (default 2) processes.")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=None,
              metavar="SECONDS", help="Per article, on worker processes or Dask: an article "
              "not done by then comes back unprocessed, flagged E_TIMEOUT [default: none].")
def extract(paths: tuple[str, ...], fmt: str | None, out_dir: Path | None,
            input_format: str | None, layers: str | None, skip: str,
            progress: bool | None, ner: str, workers: int | None,
            dask_address: str | None, timeout: float | None) -> None:
    """Extract records from articles: files, folders, JSONL/CSV, HTML, .gz, or standard
    input (no path, or -)."""
    from tqdm import tqdm

    from khabar import api
    from khabar.pipeline import LAYERS
    from khabar.record import to_record
    from khabar.writers import RecordWriter, write_file

    skip_names = _stages(skip, ner)
    layer_names = tuple(x.strip() for x in (layers or "").split(",") if x.strip())
    unknown = [x for x in layer_names if x not in LAYERS]
    if unknown:
        raise click.BadParameter(f"unknown layer {', '.join(unknown)}; the layers are "
                                 f"{', '.join(LAYERS)}", param_hint="'--layers'")
    paths, example = _inputs(paths, example_ok=out_dir is None)
    fmt = fmt or ("summary" if example else "json")
    batch = _is_batch(paths, input_format)
    if progress is None:
        progress = out_dir is not None and sys.stderr.isatty()
    tally = _Tally()
    # the one stream of processed articles, in input order, from khabar.run's executors
    inputs = api.read_inputs(paths, input_format, on_skip=tally.skip)
    if not dask_address:
        from khabar.run import auto_workers

        workers, inputs = auto_workers(inputs, workers)
    articles = api.process_stream(inputs, skip=skip_names, ner=ner, workers=workers,
                                  dask=dask_address, timeout=timeout)
    articles = tqdm(articles, unit=" articles", file=sys.stderr, disable=not progress,
                    dynamic_ncols=True)
    kwargs = {"layers": layer_names} if layer_names else {}
    writer = RecordWriter(sys.stdout, fmt, batch) if out_dir is None else None
    if out_dir is not None:
        out_dir.mkdir(parents=True, exist_ok=True)
    used: set[str] = set()
    for article in articles:
        if out_dir is not None:
            write_file(out_dir, article, to_record(article, **kwargs), used)
        else:
            assert writer is not None
            writer.write(to_record(article, **kwargs))
        tally.seen(article)
    if writer is not None:
        writer.close()
    tally.report(always=bool(batch) or out_dir is not None or tally.articles > 1)
    sys.exit(1 if tally.failures else 0)


# ------------------------------------------------------------------ schema
@main.command(short_help="The JSON Schema of the record.")
def schema() -> None:
    """Print the JSON Schema of the record (documented in docs/record.md)."""
    from khabar.record import dumps, schema as record_schema

    click.echo(dumps(record_schema(), indent=2))


# ------------------------------------------------------------------ quotes
@main.command(short_help="Who said what: statements as a table, CSV or JSON Lines.")
@click.argument("paths", nargs=-1, type=click.Path(allow_dash=True))
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "tsv", "jsonl"]),
              default="table", show_default=True,
              help="table: for people, long cells wrapped; csv/tsv: one row per statement "
                   "under one header; jsonl: the same rows as JSON lines.")
@click.option("--width", type=click.IntRange(min=40), default=None,
              help="Table width in columns (default: the terminal's).")
@INPUT_FORMAT_OPTION
@SKIP_OPTION
@NER_OPTION
def quotes(paths: tuple[str, ...], fmt: str, width: int | None, input_format: str | None,
           skip: str, ner: str) -> None:
    """Who said what: the statements of each article (speaker, cue, medium, content).

    Reads what `khabar extract` reads (no path: standard input when it is a pipe or a
    file, else the bundled example). The csv, tsv and jsonl forms give flat rows for
    analysis: article, n, kind, speaker and its title, affiliation, kind and entity,
    anonymous, inherited, cue with its lemma and class, negated, medium and relation,
    chain, content with start and end, time, zone, title, published, outlet, url.
    """
    from khabar import api
    from khabar.record import to_record
    from khabar.writers import QUOTE_COLUMNS, RowWriter, quote_rows, quote_table

    skip_names = _stages(skip, ner)
    paths, _example = _inputs(paths)
    tally = _Tally()
    rows = RowWriter(sys.stdout, fmt, QUOTE_COLUMNS) if fmt != "table" else None
    total = width or _terminal_width()
    articles = api.process_stream(api.read_inputs(paths, input_format, on_skip=tally.skip),
                                  skip=skip_names, ner=ner)
    for article in articles:
        tally.seen(article)
        if article.failed:
            continue
        record = to_record(article, layers=())
        if rows is not None:
            rows.write(quote_rows(record))
            continue
        title = (record.get("metadata") or {}).get("title") or ""
        click.echo(f"== {record['source'].get('name') or '?'}  {title}")
        click.echo(quote_table(record, total) if record["quotes"] else "(no statements)")
        click.echo()
    tally.report(always=tally.articles > 1)
    sys.exit(1 if tally.failures else 0)


# ------------------------------------------------------------------ tag
@main.command(short_help="Named-entity tags per token, from text or CoNLL tokens.")
@click.argument("path", required=False, type=click.Path(allow_dash=True, dir_okay=False))
@click.option("--conll", "conll_file", type=click.File("r", encoding="utf-8"), default=None,
              help="Tag a CoNLL file instead: one token per line (the first column), a "
                   "blank line between sentences ('-' for stdin).")
@click.option("--format", "fmt", type=click.Choice(["conll", "table", "csv", "tsv", "jsonl"]),
              default="conll", show_default=True,
              help="conll: `token TAG` lines, a blank line between sentences; table, csv, "
                   "tsv, jsonl: one row per token (sentence, i, token, tag, start, end).")
@click.option("--output", "-o", type=click.File("w", encoding="utf-8"), default="-",
              help="Write here instead of standard output.")
@NER_OPTION
def tag(path: str | None, conll_file: Any, fmt: str, output: Any, ner: str) -> None:
    """Named-entity tags (B-PER, I-ORG, B-LOC, B-MISC, O: the record's labels) per token.

    PATH is plain text ('-' for standard input), cut into sentences and tokens by khabar
    itself; with no PATH and no --conll, standard input is read when it is a pipe or a
    file. --conll reads tokens one per line instead, and warns when a line holds several
    words (use PATH for running text).
    """
    from khabar.tagging import conll_sentences, tag_sentences, text_sentences, write_tags

    if path is not None and conll_file is not None:
        raise click.UsageError("give either PATH (plain text) or --conll FILE, not both")
    if conll_file is not None:
        sentences = conll_sentences(conll_file, warn=lambda m: click.echo(f"khabar: {m}",
                                                                         err=True))
    else:
        from khabar.ingest.decode import decode

        (where,), _example = _inputs((path,) if path else ())
        try:
            data = sys.stdin.buffer.read() if where == "-" else Path(where).read_bytes()
        except OSError as err:
            click.echo(f"khabar: {where}: E_READ: {err.strerror or err}", err=True)
            sys.exit(1)
        decoded = decode(data)  # any encoding Arabic sites use, as `extract` reads it
        if decoded.failed:
            code, detail = decoded.issues[0]
            click.echo(f"khabar: {where}: {code.value}: {code.message}"
                       f"{': ' + detail if detail else ''}", err=True)
            sys.exit(1)
        sentences = text_sentences(decoded.text)
    write_tags(tag_sentences(sentences, ner), output, fmt, _terminal_width())


# ------------------------------------------------------------------ train-ner
@main.command("train-ner", short_help="Train the named-entity CRF on a CoNLL file.")
@click.option("--train", "train_path", required=True, type=click.Path(exists=True, dir_okay=False),
              help="A CoNLL file with gold tags (`token TAG` per line, ANERcorp labels).")
@click.option("--out", "out_path", required=True, type=click.Path(dir_okay=False),
              help="Where to write the model (a .crfsuite file; its settings go beside it).")
def train_ner(train_path: str, out_path: str) -> None:
    """Train the named-entity CRF on a CoNLL file (the ANERcorp train split); docs/ner.md
    says how the shipped model was made and how to retrain it."""
    from khabar.ner import train

    train(train_path, out_path)


from khabar.corpus.cli import COMMANDS as _CORPUS_COMMANDS  # noqa: E402  (index, search, ...)

for _command in _CORPUS_COMMANDS:
    main.add_command(_command)

from khabar.serve.cli import serve as _serve  # noqa: E402  (the web pages and API)

main.add_command(_serve)


if __name__ == "__main__":  # pragma: no cover
    main()
