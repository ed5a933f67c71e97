"""«كما دعا X إلى …»: after a continuation particle, the plain noun after an addressing
verb is whom it addresses; the speaker is the one named before. Sentences written for
these tests (never taken from an article)."""
from __future__ import annotations

import pytest
from quotes_helpers import assert_statement

FIRST = ("indirect", "رئيس البلدية خالد منصور", "وقال", None, "المشروع سينتهي قريبا")

# (id, second sentence, its expected statement)
ROWS = [
    ("plain-noun-with-adjective",
     "كما دعا السكان المحليين إلى التعاون مع الفرق الفنية.",
     ("indirect", "رئيس البلدية خالد منصور", "دعا", None,
      "السكان المحليين إلى التعاون مع الفرق الفنية")),
    ("group-noun",
     "كما دعا الوزراء إلى مواصلة الحوار.",
     ("indirect", "رئيس البلدية خالد منصور", "دعا", None, "الوزراء إلى مواصلة الحوار")),
    ("urge-with-ala",
     "كما حث التجار على خفض الأسعار.",
     ("indirect", "رئيس البلدية خالد منصور", "حث", None, "التجار على خفض الأسعار")),
    ("named-subject-stays-the-speaker",
     "كما دعت إيران إلى وقف التصعيد.",
     ("indirect", "إيران", "دعت", None, "وقف التصعيد")),
    ("titled-subject-stays-the-speaker",
     "كما دعا وزير الداخلية إلى الهدوء.",
     ("indirect", "وزير الداخلية", "دعا", None, "الهدوء")),
]


@pytest.mark.parametrize("second,expected", [r[1:] for r in ROWS], ids=[r[0] for r in ROWS])
def test_addressee_after_particle(quotes_of, second, expected):
    # the named entity tagger marks places as names; this test gives its mention by hand
    mentions = [("إيران", "LOC", {})] if "إيران" in second else []
    got = quotes_of("وقال رئيس البلدية خالد منصور إن المشروع سينتهي قريبا. " + second,
                    mentions=mentions)
    assert len(got) == 2, [q["content"]["text"] for q in got]
    assert_statement(got[0], *FIRST)
    assert_statement(got[1], *expected)


def test_without_particle_the_noun_is_the_subject(quotes_of):
    got = quotes_of("ودعا السكان إلى التعاون مع الفرق الفنية.")
    assert got and got[0]["speaker"] is not None
    assert got[0]["speaker"]["text"].startswith("السكان")
