"""A stance noun with its author's pronoun as the object of a cue («وأكد الوزير رفضه …»,
«نقلت الوكالة عن المدير دعوته إلى …»): the noun ends the subject and opens the content.
Sentences written for these tests (never taken from an article)."""
from __future__ import annotations

import pytest
from quotes_helpers import assert_statements

# (id, body, expected statements: kind, speaker, cue, medium, content)
ROWS = [
    ("assert-refusal",
     "وأكد المدير رفضه أي تأجيل للامتحانات.",
     [("indirect", "المدير", "وأكد", None, "رفضه أي تأجيل للامتحانات")]),
    ("announce-support",
     "وأعلن الوزير رفضه للقرار.",
     [("indirect", "الوزير", "وأعلن", None, "رفضه للقرار")]),
    ("assert-understanding-feminine",
     "وأكدت الهيئة تفهمها الكامل لمطالب الصيادين.",
     [("indirect", "الهيئة", "وأكدت", None, "تفهمها الكامل لمطالب الصيادين")]),
    ("relayed-call",
     "ونقلت الوكالة عن الوزير دعوته إلى الحوار.",
     [("indirect", "الوزير", "ونقلت", "الوكالة", "دعوته إلى الحوار")]),
    ("relayed-assertion-then-complementizer",
     "ونقلت الصحيفة عن المدير تأكيده أن المدرسة ستفتح.",
     [("indirect", "المدير", "ونقلت", "الصحيفة", "المدرسة ستفتح")]),
    ("relayed-saying-with-time-aside",
     "ونقلت الوكالة أمس عن الوزير قوله إنه سيستقيل.",
     [("indirect", "الوزير", "ونقلت", "الوكالة", "سيستقيل")]),
    ("relayed-after-day-aside",
     "ونقلت الوكالة يوم الأحد عن مصادر أمنية أن الحدود ستغلق.",
     [("indirect", "مصادر أمنية", "ونقلت", "الوكالة", "الحدود ستغلق")]),
    ("renewed-call",
     "وجدد الرئيس دعوته إلى الحوار.",
     [("indirect", "الرئيس", "وجدد", None, "دعوته إلى الحوار")]),
    ("noun-inside-content-stays",
     "وقال الوزير إن رفضه للقرار نهائي.",
     [("indirect", "الوزير", "وقال", None, "رفضه للقرار نهائي")]),
]


@pytest.mark.parametrize("body,expected", [r[1:] for r in ROWS], ids=[r[0] for r in ROWS])
def test_stance_noun(quotes_of, body, expected):
    assert_statements(quotes_of(body), expected)


def test_continuation_opens_with_the_stance_noun(quotes_of):
    got = quotes_of("وقال المدير إن المدرسة ستغلق. وأكد رفضه أي تأجيل للامتحانات.")
    assert [q["content"]["text"] for q in got] == ["المدرسة ستغلق", "رفضه أي تأجيل للامتحانات"]
    assert got[1]["speaker"] is not None and got[1]["speaker"]["text"] == "المدير"
