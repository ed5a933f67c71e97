"""An unnamed source with indefinite adjectives («دبلوماسي أوروبي») ends before a
definite word, which is the verb's object. Sentences written for these tests."""
from __future__ import annotations

import pytest
from quotes_helpers import assert_statement

ROWS = [
    ("definite-object-after-adjective",
     'ودعا دبلوماسي أوروبي الطرفين إلى "ضبط النفس".',
     ("indirect", "دبلوماسي أوروبي", "ودعا", None, 'الطرفين إلى "ضبط النفس"')),
    ("place-phrase-stays-in-the-source",
     "وأفاد مصدر في عيادة النور بإصابة ثلاثة أشخاص.",
     ("indirect", "مصدر في عيادة النور", "وأفاد", None, "بإصابة ثلاثة أشخاص")),
    ("two-adjectives",
     "وأكد مسؤول عراقي رفيع أن الاتفاق قريب.",
     ("indirect", "مسؤول عراقي رفيع", "وأكد", None, "الاتفاق قريب")),
]


@pytest.mark.parametrize("body,expected", [r[1:] for r in ROWS], ids=[r[0] for r in ROWS])
def test_indefinite_source_extent(quotes_of, body, expected):
    got = quotes_of(body)
    assert len(got) == 1, [q["content"]["text"] for q in got]
    assert_statement(got[0], *expected)
