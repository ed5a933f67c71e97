"""«ورد المدرب بأن …»: «ردّ» reports a reply only with its own subject; «ورد في التقرير
أن» ("it was stated") is the report's statement, not a reply
(tests/quotes/test_stated_in_documents.py); the noun «في رد …» states nothing.
Sentences written for these tests (never taken from an article)."""
from __future__ import annotations

import pytest
from quotes_helpers import assert_statement


def test_reply_with_subject_is_a_statement_and_the_new_speaker_carries(quotes_of):
    got = quotes_of("وقال رئيس الاتحاد جمال يوسف إن الفريق جاهز. "
                    "ورد المدرب نبيل فارس بأن اللاعبين متعبون، وأضاف أن الإصابات كثيرة.")
    assert len(got) == 3, [q["content"]["text"] for q in got]
    assert_statement(got[1], "indirect", "المدرب نبيل فارس", "ورد", None, "اللاعبين متعبون")
    assert got[2]["speaker"]["text"] == "المدرب نبيل فارس"


def test_reply_with_colon(quotes_of):
    got = quotes_of('وردت الوزارة: "سنراجع القرار في أقرب وقت".')
    assert len(got) == 1
    assert_statement(got[0], "direct", "الوزارة", "وردت", None, "سنراجع القرار في أقرب وقت")


@pytest.mark.parametrize("body", [
    "ورد اسم الشركة في قائمة المتهمين.",
])
def test_without_subject_it_is_another_verb(quotes_of, body):
    assert quotes_of(body) == []


def test_stated_in_a_report_is_the_report_not_a_reply(quotes_of):
    (q,) = quotes_of("ورد في التقرير أن عدد الزوار تضاعف.")
    assert q["cue"]["lemma"] == "ورد" and q["speaker"]["text"] == "التقرير"


def test_after_a_preposition_it_is_a_noun(quotes_of):
    got = quotes_of('وفي رد المدير لسؤال "الصحيفة" عن الأرباح، قال إن النتائج جيدة.')
    assert [q["cue"]["text"] for q in got] == ["قال"]
