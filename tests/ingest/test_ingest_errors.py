"""The error-code table: every code has a message, severity follows the prefix."""
from __future__ import annotations

import pytest

from khabar.document import Article
from khabar.errors import MESSAGES, Code, exit_status, flag, reason_line


@pytest.mark.parametrize("code", list(Code))
def test_every_code_has_a_one_line_message(code):
    assert code.value == code.name
    assert code.message and "\n" not in code.message
    assert code.severity == ("error" if code.name.startswith("E_") else "warning")


def test_table_covers_the_enum():
    assert set(MESSAGES) == set(Code)


def test_flag_and_reason_line():
    art = Article("", source={"path": "in/a.jsonl", "record": 4, "name": "a-000005"})
    flag(art, Code.W_TRUNCATED)
    assert not art.failed and reason_line(art) is None
    flag(art, Code.E_PARSE, "line 5 column 2: Expecting value")
    assert art.failed
    assert reason_line(art) == ("in/a.jsonl#4: E_PARSE: the input could not be parsed in its "
                                "format: line 5 column 2: Expecting value")


def test_exit_status():
    ok, bad = Article("نص"), Article("")
    flag(bad, Code.E_EMPTY)
    assert exit_status([ok]) == 0
    assert exit_status([ok, bad]) == 1
    assert exit_status([]) == 0
