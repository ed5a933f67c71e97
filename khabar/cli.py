"""The `khabar` command: a thin layer over the library (khabar.api)."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from khabar import __version__

EXTRACT_EXAMPLES = """
\b
Examples:
  khabar extract                          # the bundled example, as a summary
  khabar extract article.txt              # one record as JSON on stdout
  khabar extract pages/*.html --out OUT   # OUT/NAME.json per input
  khabar extract feed.jsonl --format jsonl > records.jsonl
  cat page.txt | khabar extract -         # standard input
  khabar extract feed.jsonl --workers 4 --format jsonl   # four worker processes
  khabar extract feed.jsonl --dask tcp://10.0.0.5:8786 --format jsonl
\b
Exit status: 0 when every article was read, 1 when any input gave an error record
(its one-line reason is printed on stderr), 2 for a usage error.
"""


# the tagger's modes, as `khabar.ner.tagger.MODES` (not imported here: the CLI starts fast)
NER_OPTION = click.option(
    "--ner", type=click.Choice(["crf", "ensemble"]), default="crf", show_default=True,
    help="Entity tagger: crf (two CRF passes) or ensemble (the CRF with the neural tagger: "
         "+1.8 F1 on ANERcorp, as good on our dev news, about 2.5x slower).")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="khabar")
def main() -> None:
    """khabar: who said what, to whom, when, where, and according to whom — in Arabic news."""


@main.command(epilog=EXTRACT_EXAMPLES)
@click.argument("paths", nargs=-1, type=click.Path(allow_dash=True))
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl", "summary"]),
              default=None, help="Output format (default: json; summary for the example).")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Write OUT/NAME.json per article instead of printing.")
@click.option("--input-format", type=click.Choice(["txt", "html", "json", "jsonl", "csv"]),
              default=None, help="Read inputs as this format instead of guessing from the name.")
@click.option("--layers", default=None,
              help="Comma-separated layers to include in full (e.g. tokens,sentences).")
@click.option("--skip", default="", help="Comma-separated stages to skip (e.g. entities).")
@click.option("--progress/--no-progress", default=None,
              help="A progress bar on stderr (default: with --out, when stderr is a terminal).")
@NER_OPTION
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Worker processes (default: every core for a batch of more than one "
                   "article, this process for a single one).")
@click.option("--dask", "dask_address", metavar="ADDRESS|local", default=None,
              help="Run on dask.distributed: a scheduler address (tcp://host:8786), or "
                   "'local' for a LocalCluster of --workers (default 2) processes.")
def extract(paths, fmt, out_dir, input_format, layers, skip, progress, ner, workers,
            dask_address) -> None:
    """Extract records from articles (files, folders, JSONL/CSV, HTML, or - for stdin)."""
    from khabar import api

    if not paths:
        paths = (str(api.example_path()),)
        fmt = fmt or "summary"
    fmt = fmt or "json"
    layer_names = tuple(x for x in (layers or "").split(",") if x) or None
    skip_names = tuple(x for x in skip.split(",") if x)
    if progress is None:
        progress = out_dir is not None and sys.stderr.isatty()
    failures = api.run_cli_batch(paths, fmt, out_dir, input_format, layer_names, skip_names,
                                 sys.stdout, sys.stderr, progress, ner, workers,
                                 dask_address)
    sys.exit(1 if failures else 0)


@main.command()
def schema() -> None:
    """Print the JSON Schema of the record."""
    from khabar.record import dumps, schema as record_schema

    click.echo(dumps(record_schema(), indent=2))


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(allow_dash=True))
@click.option("--input-format", type=click.Choice(["txt", "html", "json", "jsonl", "csv"]),
              default=None)
@click.option("--skip", default="", help="Comma-separated stages to skip (e.g. entities).")
@NER_OPTION
def quotes(paths, input_format, skip, ner) -> None:
    """Print a table of who said what (speaker, cue, medium, content) per article."""
    from khabar import api
    from khabar.quotes import format_table

    failures = 0
    for record in api.records(paths, input_format, tuple(x for x in skip.split(",") if x), ner):
        name = (record.get("source") or {}).get("name") or "?"
        title = (record.get("metadata") or {}).get("title") or ""
        click.echo(f"== {name}  {title}")
        click.echo(format_table(record.get("quotes") or []))
        click.echo()
        failures += not record.get("ok", True)
    sys.exit(1 if failures else 0)


@main.command()
@click.option("--conll", "conll_file", required=True, type=click.File("r", encoding="utf-8"),
              help="One token per line, a blank line between sentences ('-' for stdin).")
@click.option("--output", "-o", type=click.File("w", encoding="utf-8"), default="-")
@NER_OPTION
def tag(conll_file, output, ner) -> None:
    """Tag a CoNLL token file with named-entity labels (token TAG per line)."""
    from khabar.ner import tag_conll

    tag_conll(conll_file, output, ner)


@main.command("train-ner")
@click.option("--train", "train_path", required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--out", "out_path", required=True, type=click.Path(dir_okay=False))
def train_ner(train_path, out_path) -> None:
    """Train the named-entity model on a CoNLL file (ANERcorp train split)."""
    from khabar.ner import train

    train(train_path, out_path)


from khabar.corpus.cli import COMMANDS as _CORPUS_COMMANDS  # noqa: E402  (index, search, ...)

for _command in _CORPUS_COMMANDS:
    main.add_command(_command)

from khabar.serve.cli import serve as _serve  # noqa: E402  (the web pages and API)

main.add_command(_serve)


if __name__ == "__main__":  # pragma: no cover
    main()
