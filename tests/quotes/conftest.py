"""The `quotes_of` fixture: the statements found in a few sentences of an article."""
from __future__ import annotations

import pytest

from quotes_helpers import make_article, records


@pytest.fixture
def quotes_of():
    def run(body: str, **kw) -> list[dict]:
        return records(make_article(body, **kw))
    return run
