"""`khabar serve`: settings from the command line, then uvicorn."""
from __future__ import annotations

from pathlib import Path

import click


@click.command()
@click.option("--db", type=click.Path(dir_okay=False, path_type=Path), default="khabar.db",
              show_default=True, help="Corpus database (opened read-only; missing: empty).")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (the default: this machine only).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option("--max-body", default="10MB", show_default=True,
              help="Largest request body (413 above it), chunked bodies included.")
@click.option("--timeout", default=30.0, show_default=True, type=click.FloatRange(min=0.1),
              help="Seconds one extraction may take (504 after it).")
def serve(db: Path, host: str, port: int, max_body: str, timeout: float) -> None:
    """Serve the corpus: Arabic pages (paste, search, article, speaker) and a JSON API
    under /api/v1/, at http://127.0.0.1:8000/ by default."""
    run(db, host, port, max_body, timeout)


def run(db: Path, host: str, port: int, max_body: str, timeout: float) -> None:
    import uvicorn

    from khabar.serve import ServeConfig, create_app
    from khabar.serve.config import parse_size

    try:
        limit = parse_size(max_body)
    except ValueError as err:
        raise click.BadParameter(str(err), param_hint="--max-body") from None
    if Path(db).is_file():  # a file that is not a corpus: say so now, not on every request
        from khabar.corpus import Corpus, CorpusError

        try:
            Corpus(db, readonly=True).close()
        except CorpusError as err:
            raise click.ClickException(str(err)) from None
    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"khabar serve: listening on {host}, not only this machine: anyone who "
                   "reaches it can read the corpus and run extractions", err=True)
    app = create_app(ServeConfig(db=db, max_body=limit, timeout=timeout))
    click.echo(f"khabar serve: http://{host}:{port}/  (database: {db}"
               f"{'' if Path(db).is_file() else ', missing: an empty corpus'})", err=True)
    uvicorn.run(app, host=host, port=port, log_level="info", limit_concurrency=200,
                timeout_keep_alive=5)
