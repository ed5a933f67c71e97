"""A table of statements (speaker, cue, medium, content) for people at a terminal; kept
for callers of `khabar.quotes.format_table`: `khabar.writers.quote_table` makes it."""
from __future__ import annotations

from typing import Any


def format_table(quotes: list[dict[str, Any]], total: int = 100) -> str:
    """A header, a rule and the statements; long cells wrap onto more lines, never cut."""
    from khabar.writers import quote_table

    return quote_table({"quotes": quotes}, total)
