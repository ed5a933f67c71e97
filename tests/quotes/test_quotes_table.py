"""The `khabar quotes` table: one line per statement, the parts people look for."""
from __future__ import annotations

from khabar.quotes import format_table


def test_table_has_a_header_and_a_line_per_statement(quotes_of):
    recs = quotes_of("قال الوزير سامي الخطيب لصحيفة \"الأيام\" إن الخطة جاهزة. "
                     "وأضاف أن التنفيذ يبدأ غدا.")
    lines = format_table(recs).splitlines()
    assert len(lines) == 1 + len(recs) == 3
    assert "speaker" in lines[0] and "content" in lines[0]
    assert "سامي الخطيب" in lines[1] and "الأيام" in lines[1] and "الخطة جاهزة" in lines[1]
    assert "↑" in lines[2]  # the continuation's speaker is inherited


def test_table_accepts_sparse_records():
    out = format_table([{"kind": "direct", "content": {"text": "نص طويل " * 30}}])
    assert out.splitlines()[1].endswith("…")
