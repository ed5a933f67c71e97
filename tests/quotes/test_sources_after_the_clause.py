"""A source named after what it said («…، بحسب ما ذكرته الصحيفة», «"…"، هذا ما قاله X»,
«…، وفق ما أفاد به مسؤول»): the clause before the phrase is the statement. The verb may
carry the thing said as a pronoun («ذكرته», «قاله») or after a preposition («أفاد به»).
Sentences written for these tests (never taken from an article)."""
from __future__ import annotations

import pytest
from quotes_helpers import assert_statements, make_article, records

CLAUSE = "وسيفتتح المتحف الجديد أبوابه أمام الزوار في الربيع المقبل"

# (id, body, expected statements: kind, speaker, cue, medium, content)
ROWS = [
    ("reporter-verb-with-pronoun",
     f"{CLAUSE}، بحسب ما ذكرته عدة صحف محلية.",
     [("indirect", "عدة صحف محلية", "بحسب ما ذكرته", None, CLAUSE)]),
    ("reporter-verb-bare",
     f"{CLAUSE}، بحسب ما ذكر مدير المتحف.",
     [("indirect", "مدير المتحف", "بحسب ما ذكر", None, CLAUSE)]),
    ("filler-before-the-phrase",
     f"{CLAUSE}، وذلك بحسب ما ذكرت صحف محلية.",
     [("indirect", "صحف محلية", "بحسب ما ذكرت", None, CLAUSE)]),
    ("verb-then-preposition-with-pronoun",
     "وستغلق الطرق المؤدية إلى وسط المدينة يوم السبت، وفق ما أفاد به مسؤول في البلدية.",
     [("indirect", "مسؤول في البلدية", "وفق ما أفاد به", None,
       "وستغلق الطرق المؤدية إلى وسط المدينة يوم السبت")]),
    ("organisers-announced-it",
     "وتجاوز عدد المشاركين في السباق ثلاثة آلاف عداء، وفقا لما أعلنه المنظمون.",
     [("indirect", "المنظمون", "وفقا لما أعلنه", None,
       "وتجاوز عدد المشاركين في السباق ثلاثة آلاف عداء")]),
    ("quotation-then-this-is-what-he-said",
     "\"علينا أن نعمل معا من أجل مستقبل أفضل لأبنائنا\"، هذا ما قاله رئيس البلدية خلال الحفل.",
     [("direct", "رئيس البلدية", "قاله", None,
       "علينا أن نعمل معا من أجل مستقبل أفضل لأبنائنا")]),
    ("clause-then-which-is-what-he-declared",
     "ارتفعت أسعار الخضار في الأسواق بنسبة كبيرة، وهو ما صرح به رئيس الغرفة التجارية.",
     [("indirect", "رئيس الغرفة التجارية", "صرح به", None,
       "ارتفعت أسعار الخضار في الأسواق بنسبة كبيرة")]),
    # states nothing more
    ("a-rise-showed-it",
     "ارتفعت أسعار الخضار في الأسواق بنسبة كبيرة، وهو ما أظهره ارتفاع الطلب.", []),
    ("this-is-what-shows",
     "افتتحت البلدية حديقة جديدة في الحي، وهذا ما يؤكد اهتمامها بالمساحات الخضراء.", []),
    ("as-written-in-the-register",
     "ووزعت المقاعد على الطلاب حسب ما هو مدون في السجل.", []),
    ("by-a-measure-after-a-verb",
     "ويمكن أن يتغير السعر وفق ما تقتضيه ظروف السوق.", []),
    ("pointing-inside-a-statement-stays-in-it",
     "وقال الوزير إن الأسعار سترتفع، وهو ما أكده خبراء الاقتصاد.",
     [("indirect", "الوزير", "وقال", None, "الأسعار سترتفع، وهو ما أكده خبراء الاقتصاد")]),
]


@pytest.mark.parametrize("body,expected", [r[1:] for r in ROWS], ids=[r[0] for r in ROWS])
def test_source_after_the_clause(body, expected):
    assert_statements(records(make_article(body)), expected)
