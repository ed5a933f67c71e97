"""Praise and feeling verbs («أعرب عن», «أشاد بـ», «عبّر عن») with asides between the
subject and the preposition the verb takes: an aside on whose behalf the subject speaks
(«باسمه واسم الحكومة»), and a long aside set off by commas («، لدى استقباله …، له …،»);
a coordinated cue right after a closed quotation starts a statement of its own.
Sentences written for these tests (never taken from an article)."""
from __future__ import annotations

import pytest
from quotes_helpers import assert_statements, make_article, records

RECEPTION = ("، لدى استقباله رئيس غرفة التجارة والصناعة في العاصمة سامي الأحمد، له مساء أمس "
             "في مقر الوزارة، ")
NAME = (("سامي الأحمد", "PER", {}),)

# (id, body, mentions, expected statements: kind, speaker, cue, medium, content)
ROWS = [
    ("on-behalf-of-himself-and-the-government",
     "وأعرب الوزير باسمه واسم الحكومة عن أمله في نجاح المفاوضات.", (),
     [("indirect", "الوزير", "وأعرب", None, "أمله في نجاح المفاوضات")]),
    ("on-her-behalf-glued-preposition",
     "وأشادت المديرة باسمها وباسم العاملين في الشركة بجهود فرق الإطفاء.", (),
     [("indirect", "المديرة", "وأشادت", None, "بجهود فرق الإطفاء")]),
    ("long-aside-between-commas",
     f"وأعرب المدير{RECEPTION}عن ارتياحه لنتائج الموسم.", NAME,
     [("indirect", "المدير", "وأعرب", None, "ارتياحه لنتائج الموسم")]),
    ("long-aside-between-commas-then-complementizer",
     f"وأكد المدير{RECEPTION}أن الموسم كان ناجحا.", NAME,
     [("indirect", "المدير", "وأكد", None, "الموسم كان ناجحا")]),
    ("short-aside-between-commas",
     "وأعرب الرئيس، خلال اتصال هاتفي مع نظيره، عن تقديره للدعم.", (),
     [("indirect", "الرئيس", "وأعرب", None, "تقديره للدعم")]),
    ("long-aside-then-quotation-then-coordinated-cue",
     "وقال الوزير، في تصريحات نقلتها الصفحة الرسمية للوزارة على موقع فيسبوك عن لقاء أجراه "
     "مع قناة محلية، الأحد، إن \"الحكومة ماضية في الإصلاح\" وأشار إلى أن الميزانية ستقر قريبا.",
     (), [("direct", "الوزير", "وقال", "الصفحة الرسمية للوزارة", "الحكومة ماضية في الإصلاح"),
          ("indirect", "الوزير", "وأشار", "الصفحة الرسمية للوزارة", "الميزانية ستقر قريبا")]),
    ("closed-quotation-then-coordinated-cue",
     "وقال الوزير إن \"الحكومة ماضية في الإصلاح\" وأضاف أن الميزانية ستقر قريبا.", (),
     [("direct", "الوزير", "وقال", None, "الحكومة ماضية في الإصلاح"),
      ("indirect", "الوزير", "وأضاف", None, "الميزانية ستقر قريبا")]),
    # states nothing
    ("behalf-aside-without-the-preposition",
     "وأعرب الوزير باسمه واسم الحكومة.", (), []),
    ("long-aside-and-no-preposition",
     f"وأعرب المدير{RECEPTION}واكتفى بذلك.", NAME, []),
    ("far-complementizer-not-after-a-comma",
     "وأعرب المدير، لدى استقباله رئيس غرفة التجارة والصناعة في العاصمة أمس في مقر الوزارة "
     "الجديد الذي افتتح الشهر الماضي قرب السوق القديم وسط البلدة عن طريق البوابة الشرقية.", (),
     []),
]


@pytest.mark.parametrize("body,mentions,expected", [r[1:] for r in ROWS],
                         ids=[r[0] for r in ROWS])
def test_feeling_verb_with_asides(body, mentions, expected):
    assert_statements(records(make_article(body, mentions=mentions)), expected)
