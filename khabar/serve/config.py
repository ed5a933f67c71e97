"""The server's settings, one frozen object built by the CLI or by tests."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

DEFAULT_MAX_BODY = 10 * 1024 * 1024
_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmg]?)i?b?\s*$", re.IGNORECASE)
_UNIT = {"": 1, "k": 1024, "m": 1024 ** 2, "g": 1024 ** 3}


def parse_size(value: str | int) -> int:
    """Bytes from '10MB', '512k', '2048' (binary units: 1 MB = 1024*1024 bytes)."""
    if isinstance(value, int):
        return value
    m = _SIZE.match(value)
    if not m:
        raise ValueError(f"not a size: {value!r} (examples: 10MB, 512KB, 4096)")
    return int(float(m.group(1)) * _UNIT[m.group(2).lower()])


@dataclass(frozen=True)
class ServeConfig:
    db: Path | None = None           # None or a missing file: an empty corpus
    max_body: int = DEFAULT_MAX_BODY  # bytes; larger request bodies get 413
    timeout: float = 30.0            # seconds one extraction may take
    extract_workers: int = 1         # processes in the extraction pool
    pipeline_spec: Any = None        # `Pipeline.spec` the workers build; None: the default
