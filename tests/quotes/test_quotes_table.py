"""The `khabar quotes` table: one line per statement, the parts people look for."""
from __future__ import annotations

from khabar.quotes import format_table


def test_table_has_a_header_and_a_line_per_statement(quotes_of):
    recs = quotes_of("قال الوزير سامي الخطيب لصحيفة \"الأيام\" إن الخطة جاهزة. "
                     "وأضاف أن التنفيذ يبدأ غدا.")
    lines = format_table(recs, total=120).splitlines()
    assert len(lines) == 2 + len(recs) == 4  # a header, a rule, a line per short statement
    assert "speaker" in lines[0] and "content" in lines[0]
    assert "سامي الخطيب" in lines[2] and "الأيام" in lines[2] and "الخطة جاهزة" in lines[2]
    assert "↑" in lines[3]  # the continuation's speaker is inherited


def test_table_accepts_sparse_records_and_wraps_long_content():
    out = format_table([{"kind": "direct", "content": {"text": "نص طويل " * 30,
                                                       "start": 0, "end": 240}}])
    assert "…" not in out
    assert out.count("طويل") == 30 and len(out.splitlines()) > 3
