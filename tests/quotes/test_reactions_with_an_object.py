"""Reactions with a bare object (issue 12, quality12): the object of a verb of condemning
or rejecting runs into a subject that ends in a nisba adjective or a name («وأدانت وزارة
الخارجية الأردنية الهجوم»); lists of reactions («وأدانت مصر الهجوم، كما أدانته تونس»).
Names are given as the entity stage would find them. The sentences are written for these
tests."""
from __future__ import annotations

import pytest
from quotes_helpers import make_article, records

# (id, body, mentions, expected (speaker, cue, content) rows)
ROWS = [
    ("ministry-with-nisba-then-object",
     "وأدانت وزارة الخارجية الأردنية الهجوم الإرهابي، ودعت إلى محاسبة المسؤولين عنه.",
     [("وزارة الخارجية الأردنية", "ORG", {})],
     [("وزارة الخارجية الأردنية", "وأدانت", "الهجوم الإرهابي"),
      ("وزارة الخارجية الأردنية", "ودعت", "محاسبة المسؤولين عنه")]),
    ("ministry-object-then-another-verb",
     "وفي عمان، أدانت وزارة الخارجية الأردنية الهجوم ووصفته بالجبان.",
     [("وزارة الخارجية الأردنية", "ORG", {})],
     [("وزارة الخارجية الأردنية", "أدانت", "الهجوم")]),
    ("league-named-then-object",
     "واستنكرت رابطة الكتاب التونسيين الحملة التي استهدفت أعضاءها.",
     [("رابطة الكتاب التونسيين", "ORG", {})],
     [("رابطة الكتاب التونسيين", "واستنكرت", "الحملة التي استهدفت أعضاءها")]),
    ("country-then-another-country-pointing-back",
     "وأدانت مصر الهجوم، كما أدانته تونس.",
     [("مصر", "LOC", {}), ("تونس", "LOC", {})],
     [("مصر", "وأدانت", "الهجوم"), ("تونس", "أدانته", "الهجوم")]),
]

NONE = [
    # «رفض التعليق»: declining to comment says nothing; only condemning reads the object
    ("declined-to-comment",
     "من جانبه، رفض مسؤول بالأمن القومي التعليق على هذه الخطة.", []),
    # a verbal noun after a preposition: no verb, no statement
    ("verbal-noun-after-preposition",
     "وأدى ذلك إلى رفض السلطات المحلية الطلب المقدم من الشركة.", []),
]


def _rows(body, mentions):
    return [(q["speaker"]["text"], q["cue"]["text"], q["content"]["text"])
            for q in records(make_article(body, mentions=mentions))]


@pytest.mark.parametrize("body,mentions,expected", [r[1:] for r in ROWS],
                         ids=[r[0] for r in ROWS])
def test_reaction(body, mentions, expected):
    assert _rows(body, mentions) == expected


@pytest.mark.parametrize("body,mentions", [r[1:] for r in NONE], ids=[r[0] for r in NONE])
def test_no_reaction(body, mentions):
    assert _rows(body, mentions) == []


def test_two_feminine_words_after_a_nisba_stay_in_the_name():
    """«الإمارات العربية المتحدة الجريمة»: a feminine word after a feminine nisba may be
    another adjective of the name; with no name found, the subject is not split there."""
    rows = _rows("وأدانت دولة المنظمة العربية المتحدة الجريمة.", [])
    assert all(speaker != "دولة المنظمة العربية" for speaker, _cue, _content in rows)
