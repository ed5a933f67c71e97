"""CoNLL-style files: one `token TAG` per line, a blank line between sentences."""
from __future__ import annotations

from typing import Iterable, Iterator, TextIO


def read(fh: Iterable[str]) -> Iterator[tuple[list[str], list[str]]]:
    """Sentences as (tokens, tags); a line without a tag gets "O"."""
    toks: list[str] = []
    tags: list[str] = []
    for line in fh:
        parts = line.split()
        if not parts:
            if toks:
                yield toks, tags
                toks, tags = [], []
            continue
        toks.append(parts[0])
        tags.append(parts[-1] if len(parts) > 1 else "O")
    if toks:
        yield toks, tags


def write(out: TextIO, tokens: list[str], tags: list[str]) -> None:
    for t, g in zip(tokens, tags):
        out.write(f"{t} {g}\n")
    out.write("\n")
