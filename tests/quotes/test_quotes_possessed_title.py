"""«وقال رئيسها سامر …»: a one-word title with a possessive pronoun heads the subject.
Sentences written for these tests (never taken from an article)."""
from __future__ import annotations

import pytest
from quotes_helpers import assert_statement

# (id, body, expected last statement)
ROWS = [
    ("masculine-title-feminine-pronoun",
     "وأعلنت الشركة عن خطة جديدة، وقال رئيسها التنفيذي سامر حداد إن الخطة ستوفر ألف وظيفة.",
     ("indirect", "رئيسها التنفيذي سامر حداد", "وقال", None, "الخطة ستوفر ألف وظيفة")),
    ("feminine-title-written-with-ta",
     "وتحدثت الجمعية عن المشروع، وقالت رئيستها ليلى عمران إن التمويل مضمون.",
     ("indirect", "رئيستها ليلى عمران", "وقالت", None, "التمويل مضمون")),
    ("plural-pronoun",
     "وأضرب العمال عن العمل، وقال ممثلهم فادي يونس إن المطالب واضحة.",
     ("indirect", "ممثلهم فادي يونس", "وقال", None, "المطالب واضحة")),
]


@pytest.mark.parametrize("body,expected", [r[1:] for r in ROWS], ids=[r[0] for r in ROWS])
def test_possessed_title_is_the_subject(quotes_of, body, expected):
    got = quotes_of(body)
    assert got, body
    assert_statement(got[-1], *expected)
    assert got[-1]["inherited"] is False


@pytest.mark.parametrize("body", [
    "وأعلنت النرويج دعمها للمبادرة، مؤكدة أنها ستقدم مساعدات.",
    "وقال دعمها إن المشروع جيد.",
])
def test_possessed_plain_noun_is_no_subject(quotes_of, body):
    got = quotes_of(body)
    assert all(not (q["speaker"] or {}).get("text", "").startswith("دعمها") for q in got)
