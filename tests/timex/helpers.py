"""Small helpers shared by the timex tests."""
from __future__ import annotations

import datetime as dt

from khabar.timex import find_timexes

D = dt.date


def found(text: str, published: dt.date | None) -> list[tuple[str, str | None]]:
    """(text, value) of every expression in `text`."""
    return [(t.text, t.value) for t in find_timexes(text, published)]


def only(text: str, published: dt.date | None):
    """The one expression `text` must hold."""
    items = find_timexes(text, published)
    assert len(items) == 1, [(t.text, t.value) for t in items]
    return items[0]
