"""Shared fixtures: where the shared data lives (CI has it beside the clone)."""
from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
DEV = SHARED / "data" / "dev"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not DEV.is_dir():
        pytest.skip("../shared/data/dev is not present")
    return SHARED
