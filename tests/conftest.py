"""Shared fixtures: where the shared data lives (CI has it beside the clone)."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
DEV = SHARED / "data" / "dev"
FIXTURES = Path(__file__).resolve().parent / "fixtures"

# every pipeline the tests build checks that its stages read and write only what they
# declare (khabar.contract); a stage that breaks its declaration fails the test
os.environ.setdefault("KHABAR_CHECK_STAGES", "1")


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not DEV.is_dir():
        pytest.skip("../shared/data/dev is not present")
    return SHARED


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory) -> Path:
    """The demo corpus the server tests read (read-only), indexed once for the session
    instead of once per test module."""
    from tests.serve_live import build_demo

    return build_demo(tmp_path_factory.mktemp("corpus") / "demo.db")
