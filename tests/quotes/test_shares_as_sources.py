"""A share of a group as the source of a poll's or a survey's statement (issue 12,
quality12): «وقال 79 في المئة من المشاركين إن …», «ورأى 60% من الشباب أن …». The
sentences are written for these tests."""
from __future__ import annotations

import pytest
from quotes_helpers import assert_statements, make_article, records

ROWS = [
    ("percent-in-words-said",
     "وقال 79 في المئة من المشاركين إنهم يفضلون العمل عن بعد.",
     [("indirect", "79 في المئة من المشاركين", "وقال", None, "يفضلون العمل عن بعد")]),
    ("percent-glued-saw",
     "ورأى 86 بالمئة من المستطلعين أن الوضع الاقتصادي صعب.",
     [("indirect", "86 بالمئة من المستطلعين", "ورأى", None, "الوضع الاقتصادي صعب")]),
    ("percent-sign-decimal-comma",
     "وقال 74,2% من المهنيين إنهم يفضلون الشركات الكبيرة.",
     [("indirect", "74,2% من المهنيين", "وقال", None, "يفضلون الشركات الكبيرة")]),
    ("arabic-percent-sign-pointed-to",
     "وأشار 18٪ من المجيبين إلى أنهم يمارسون الرياضة يوميا.",
     [("indirect", "18٪ من المجيبين", "وأشار", None, "يمارسون الرياضة يوميا")]),
]

NONE = [
    ("a-sum-announced", "وأعلنت الوزارة عن 50 مليون دولار للمشروع."),
    ("percent-of-growth", "وارتفعت الأسعار 5 في المئة من مستواها السابق."),
]


@pytest.mark.parametrize("body,expected", [r[1:] for r in ROWS], ids=[r[0] for r in ROWS])
def test_share_speaks(body, expected):
    assert_statements(records(make_article(body)), expected)


@pytest.mark.parametrize("body", [r[1] for r in NONE], ids=[r[0] for r in NONE])
def test_no_share(body):
    assert [q for q in records(make_article(body)) if q["speaker"] and
            q["speaker"]["text"][:1].isdigit()] == []
