"""Verbs with two objects («اعتبر X Y», «وصف X بأنه Y»): the first object is no part of
the subject, and an object followed by a predicate noun is the statement. Sentences written
for these tests (never taken from an article)."""
from __future__ import annotations

import pytest
from quotes_helpers import assert_statements

# (id, body, expected statements: kind, speaker, cue, medium, content)
ROWS = [
    ("consider-object-predicate",
     "واعتبر الوزير القرار خطوة مهمة نحو الإصلاح.",
     [("indirect", "الوزير", "واعتبر", None, "القرار خطوة مهمة نحو الإصلاح")]),
    ("consider-indefinite-object",
     "واعتبرت النقابة إغلاق المصنع انتهاكا لحقوق العمال.",
     [("indirect", "النقابة", "واعتبرت", None, "إغلاق المصنع انتهاكا لحقوق العمال")]),
    ("consider-demonstrative-object",
     "واعتبر السكان هذا الأمر اعتداء على الحديقة.",
     [("indirect", "السكان", "واعتبر", None, "هذا الأمر اعتداء على الحديقة")]),
    ("consider-later-complementizer-stays-inside",
     "واعتبر السكان هذا الأمر اعتداء على الحديقة خاصة وأن الأشجار كانت قديمة.",
     [("indirect", "السكان", "واعتبر", None,
       "هذا الأمر اعتداء على الحديقة خاصة وأن الأشجار كانت قديمة")]),
    ("consider-bimathabat",
     "واعتبر رئيس البلدية المشروع بمثابة فرصة للشباب.",
     [("indirect", "رئيس البلدية", "واعتبر", None, "المشروع بمثابة فرصة للشباب")]),
    ("consider-nisba-adjective-stays-in-subject",
     "واعتبر الاتحاد الأوروبي الانتخابات خطوة نحو الديمقراطية.",
     [("indirect", "الاتحاد الأوروبي", "واعتبر", None, "الانتخابات خطوة نحو الديمقراطية")]),
    ("consider-title-stays-in-subject",
     "واعتبر المدير التنفيذي الخطة خطوة أولى.",
     [("indirect", "المدير التنفيذي", "واعتبر", None, "الخطة خطوة أولى")]),
    ("consider-adjective-before-complementizer",
     "واعتبر الرئيس السابق أن الانتخابات نزيهة.",
     [("indirect", "الرئيس السابق", "واعتبر", None, "الانتخابات نزيهة")]),
    ("consider-aside-then-complementizer",
     "واعتبر الوزير مساء الأحد أن القصف انتهاك للاتفاق.",
     [("indirect", "الوزير", "واعتبر", None, "القصف انتهاك للاتفاق")]),
    ("describe-object-bianna",
     "ووصف الوزير القرار بأنه خطوة مهمة.",
     [("indirect", "الوزير", "ووصف", None, "خطوة مهمة")]),
    ("describe-object-bi",
     "ووصف المدرب المباراة بالصعبة.",
     [("indirect", "المدرب", "ووصف", None, "بالصعبة")]),
    ("describe-title-stays-in-subject",
     "ووصف الأمين العام الاتفاق بأنه تاريخي.",
     [("indirect", "الأمين العام", "ووصف", None, "تاريخي")]),
]


@pytest.mark.parametrize("body,expected", [r[1:] for r in ROWS], ids=[r[0] for r in ROWS])
def test_two_object_verb(quotes_of, body, expected):
    assert_statements(quotes_of(body), expected)


@pytest.mark.parametrize("body,name,speaker,content", [
    ("ووصف جون سميث الاتفاق بأنه تاريخي.", "جون سميث", "جون سميث", "تاريخي"),
    ('ووصف سميث الوضع الحالي بأنه "أزمة حقيقية".', "سميث", "سميث", "أزمة حقيقية"),
], ids=["full-name", "surname-then-adjective"])
def test_object_after_a_name_is_no_part_of_it(quotes_of, body, name, speaker, content):
    got = quotes_of(body, mentions=[(name, "PER", {})])
    assert [(q["speaker"]["text"], q["content"]["text"]) for q in got] == [(speaker, content)]


@pytest.mark.parametrize("body", [
    "واعتبر الطلاب المدرسة بيتهم الثاني.",  # no predicate noun of the lexicon
    "ويعتبر النهر جزءا من تاريخ المدينة.",  # imperfect, no source: a description
], ids=["no-predicate-noun", "imperfect-without-source"])
def test_no_statement_without_a_predicate_noun(quotes_of, body):
    assert quotes_of(body) == []
