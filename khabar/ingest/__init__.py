"""Ingest: any real input (text in any encoding Arabic sites use, HTML pages, JSON, JSON
Lines and CSV records, standard input) becomes Articles; bad input becomes an Article with
an error issue, never an exception.

`read_path`, `read_stdin` and `read_bytes` are the entry points; `khabar.ingest.decode`
turns bytes into text on its own.
"""
from khabar.ingest.sources import (LARGE_BYTES, MAX_BYTES, read_bytes, read_path, read_stdin,
                                   read_text)

__all__ = ["read_bytes", "read_path", "read_stdin", "read_text", "LARGE_BYTES", "MAX_BYTES"]
