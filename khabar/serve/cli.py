"""`khabar serve`: settings from the command line, then uvicorn."""
from __future__ import annotations

from pathlib import Path

import click


def run(db: Path, host: str, port: int, max_body: str, timeout: float) -> None:
    import uvicorn

    from khabar.serve import ServeConfig, create_app
    from khabar.serve.config import parse_size

    try:
        limit = parse_size(max_body)
    except ValueError as err:
        raise click.BadParameter(str(err), param_hint="--max-body") from None
    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"khabar serve: listening on {host}, not only this machine: anyone who "
                   "reaches it can read the corpus and run extractions", err=True)
    app = create_app(ServeConfig(db=db, max_body=limit, timeout=timeout))
    click.echo(f"khabar serve: http://{host}:{port}/  (database: {db}"
               f"{'' if Path(db).is_file() else ', missing: an empty corpus'})", err=True)
    uvicorn.run(app, host=host, port=port, log_level="info", limit_concurrency=200,
                timeout_keep_alive=5)
