"""A speaker whose title is abbreviated with a dot (issue 12, quality13): «وقال د. سامي
العلي إن …», «وأوضح د.العلي أن …». The one-letter title of titles.yaml and its dot open the
speaker's phrase; a dot that ends the sentence opens none.
The sentences are written for these tests."""
from __future__ import annotations

import pytest
from quotes_helpers import assert_statements, make_article, records

# (id, body, expected statements: kind, speaker, cue, medium, content)
ROWS = [
    ("said-dr-full-name",
     "وقال د. سامي العلي إن المرض ينتشر.",
     [("indirect", "د. سامي العلي", "وقال", None, "المرض ينتشر")]),
    ("said-dr-surname",
     "وقال د. العلي إن المرض ينتشر.",
     [("indirect", "د. العلي", "وقال", None, "المرض ينتشر")]),
    ("confirmed-dr-glued-dot",
     "وأكد د.سامي العلي أن المرض ينتشر.",
     [("indirect", "د.سامي العلي", "وأكد", None, "المرض ينتشر")]),
    ("dr-with-a-dash-aside-and-colon",
     'وقال د. سامي العلي - أستاذ في جامعة الملك سعود -: "المرض ينتشر".',
     [("direct", "د. سامي العلي", "وقال", None, "المرض ينتشر")]),
    ("dr-with-a-comma-aside",
     "وأوضح د. سامي العلي، أستاذ الطب في الجامعة، أن المرض ينتشر.",
     [("indirect", "د. سامي العلي", "وأوضح", None, "المرض ينتشر")]),
    ("dr-then-a-participle-inherits",
     "وقال د. سامي العلي إن المرض ينتشر، مشيرا إلى أن اللقاح متوفر.",
     [("indirect", "د. سامي العلي", "وقال", None, "المرض ينتشر"),
      ("indirect", "د. سامي العلي", "مشيرا", None, "اللقاح متوفر")]),
]


@pytest.mark.parametrize("body,expected", [r[1:] for r in ROWS], ids=[r[0] for r in ROWS])
def test_statement(body, expected):
    assert_statements(records(make_article(body)), expected)


@pytest.mark.parametrize("body", [
    "وقال إن الهدف جاء في الدقيقة 5 د.",   # a dot that ends the sentence
    "وقال د إن المرض ينتشر.",               # a lone letter, no dot: no title
])
def test_no_abbreviated_speaker(body):
    for q in records(make_article(body)):
        assert q["speaker"] is None or not q["speaker"]["text"].startswith("د")
