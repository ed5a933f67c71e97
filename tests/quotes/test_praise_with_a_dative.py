"""«ثمّن» and «أشاد» with the one thanked glued to «لـ» between an unnamed source or a
group and the thing praised («ثمن مسؤولون محليون للحكومة ما قدمته …»): the «لـ» word
ends the speaker and is no part of the content. A title keeps its own «لـ» complement.
Sentences written for these tests (never taken from an article)."""
from __future__ import annotations

import pytest
from quotes_helpers import make_article, records

# (id, body, expected (speaker, cue, content) triples)
ROWS = [
    ("officials-praise-the-government",
     "وأشاد مسؤولون محليون للحكومة بالجهود الكبيرة التي بذلتها في تنظيم المعرض.",
     [("مسؤولون محليون", "وأشاد", "بالجهود الكبيرة التي بذلتها في تنظيم المعرض")]),
    ("villagers-value-the-municipality",
     "وثمن أهالي القرية للبلدية سرعة استجابتها.",
     [("أهالي القرية", "وثمن", "سرعة استجابتها")]),
    ("officials-value-what-was-given",
     "وثمن مسؤولون محليون للحكومة ما قدمته من دعم كبير للمزارعين خلال الموسم.",
     [("مسؤولون محليون", "وثمن", "قدمته من دعم كبير للمزارعين خلال الموسم")]),
    # a title keeps its own «لـ» phrase
    ("title-with-its-genitive",
     "وأشاد الأمين العام للجامعة بالجهود الكبيرة التي بذلها المتطوعون.",
     [("الأمين العام للجامعة", "وأشاد", "بالجهود الكبيرة التي بذلها المتطوعون")]),
    ("group-without-dative",
     "وأشاد سكان الحي بالجهود الكبيرة التي بذلها المتطوعون.",
     [("سكان الحي", "وأشاد", "بالجهود الكبيرة التي بذلها المتطوعون")]),
    # states nothing: no praise verb
    ("officials-travelled",
     "وسافر مسؤولون محليون للعاصمة لحضور المعرض.", []),
]


@pytest.mark.parametrize("body,expected", [r[1:] for r in ROWS], ids=[r[0] for r in ROWS])
def test_praise_with_a_dative(body, expected):
    got = [(q["speaker"]["text"], q["cue"]["text"], q["content"]["text"])
           for q in records(make_article(body))]
    assert got == expected
