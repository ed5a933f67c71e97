"""Statements inside longer sentences: an auxiliary and a time phrase between the verb
and its preposition, and an attribution phrase («بحسب X») that reports only the clause
it closes. The sentences are written for these tests."""
from __future__ import annotations

import pytest

# (id, body, timex phrase or None, expected: speaker, cue, content)
ROWS = [
    ("aux-qad-time-then-min",
     "وكانت منظمة الصحة قد حذرت في آذار/مارس الماضي من انتشار الكوليرا في القرى.",
     "آذار/مارس الماضي",
     [("منظمة الصحة", "حذرت", "انتشار الكوليرا في القرى")]),
    ("time-between-verb-and-ila",
     "ودعا الاتحاد في الثالث من أيار إلى إضراب عام في القطاع.",
     "الثالث من أيار",
     [("الاتحاد", "ودعا", "إضراب عام في القطاع")]),
    ("statement-then-attribution-clause",
     "وكانت البلدية قد حذرت أمس من انهيار الجسر القديم، بينما بلغ عدد السكان المهجرين 300 "
     "عائلة بحسب تقديرات أهلية.",
     None,
     [("البلدية", "حذرت", "انهيار الجسر القديم"),
      ("تقديرات أهلية", "بحسب", "بلغ عدد السكان المهجرين 300 عائلة")]),
    ("attribution-after-statement-fima",
     "وأكد الوزير أن المدارس ستفتح، فيما ارتفع عدد الطلاب إلى مليون طالب وفقا لمصادر رسمية.",
     None,
     [("الوزير", "وأكد", "المدارس ستفتح"),
      ("مصادر رسمية", "وفقا", "ارتفع عدد الطلاب إلى مليون طالب")]),
]


def _timexes(phrase):
    return [(phrase, "DATE", {"value": "2024"})] if phrase else []


@pytest.mark.parametrize("body,timex,expected", [r[1:] for r in ROWS], ids=[r[0] for r in ROWS])
def test_statements_in_clauses(quotes_of, body, timex, expected):
    got = quotes_of(body, timexes=_timexes(timex))
    assert [(q["speaker"]["text"], q["cue"]["text"], q["content"]["text"]) for q in got] \
        == expected


def test_attribution_phrase_naming_the_cues_medium_is_no_statement(quotes_of):
    got = quotes_of("وبحسب وكالة الأنباء الرسمية، قال الوزير إن الحدود ستفتح.")
    assert [q["cue"]["text"] for q in got] == ["قال"]


def test_attribution_alone_still_reports_the_whole_sentence(quotes_of):
    # with no statement before it, the source vouches for every clause of the sentence
    (q,) = quotes_of("وبلغ عدد الجرحى 40، في حين غادر 12 منهم المستشفى، بحسب مصادر طبية.")
    assert q["content"]["text"] == "وبلغ عدد الجرحى 40، في حين غادر 12 منهم المستشفى"
