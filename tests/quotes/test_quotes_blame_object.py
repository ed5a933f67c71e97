"""«حمّل X Y مسؤولية Z»: the blamed party and the responsibility are the content, and a
body after a closed definite phrase is the object, not part of the subject. Sentences
written for these tests (never taken from an article)."""
from __future__ import annotations

import pytest
from quotes_helpers import assert_statement

ROWS = [
    ("body-after-adjective",
     "وحملت وزارة الخارجية الأردنية الحكومة السورية مسؤولية الهجوم.",
     ("indirect", "وزارة الخارجية الأردنية", "وحملت", None, "الحكومة السورية مسؤولية الهجوم")),
    ("body-after-title-genitive",
     "وحمل رئيس البرلمان الحكومة المسؤولية عن تأخر الرواتب.",
     ("indirect", "رئيس البرلمان", "وحمل", None, "الحكومة المسؤولية عن تأخر الرواتب")),
]


@pytest.mark.parametrize("body,expected", [r[1:] for r in ROWS], ids=[r[0] for r in ROWS])
def test_blame_with_responsibility(quotes_of, body, expected):
    got = quotes_of(body)
    assert len(got) == 1, [q["content"]["text"] for q in got]
    assert_statement(got[0], *expected)


@pytest.mark.parametrize("body", [
    "وحمل المتظاهرون لافتات تندد بالغلاء.",
    "وحملت الطائرة مساعدات إنسانية إلى المدينة.",
    "وتحمل الحكومة مسؤولية كبيرة في هذا الملف.",
])
def test_carrying_is_no_statement(quotes_of, body):
    assert quotes_of(body) == []


@pytest.mark.parametrize("body,speaker", [
    ("وقال رئيس الحكومة إن الحوار مستمر.", "رئيس الحكومة"),
    ("وقالت وزارة الخارجية في بيان إن الحوار مستمر.", "وزارة الخارجية"),
])
def test_body_as_genitive_stays_in_the_subject(quotes_of, body, speaker):
    got = quotes_of(body)
    assert got and got[0]["speaker"]["text"] == speaker
