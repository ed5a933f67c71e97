"""Anonymity clauses after an unnamed source hold a verb and a verbal noun that look like
cues («طلب عدم ذكر اسمه»); they must be passed over, never read as a cue or a speaker.
The sentences are written for these tests."""
from __future__ import annotations

import pytest

# (id, body, speaker, cue, content)
ROWS = [
    ("asked-not-to-be-named-reporter",
     'ونقلت وكالة "رويترز" عن موظف في البلدية، طلب عدم ذكر اسمه، أن الميزانية نفدت.',
     "موظف في البلدية", "ونقلت", "الميزانية نفدت"),
    ("preferred-anonymity-no-commas",
     "وقال مصدر أمني فضل عدم الكشف عن هويته إن الحاجز أغلق مساء أمس.",
     "مصدر أمني", "وقال", "الحاجز أغلق مساء أمس"),
    ("refused-to-give-name",
     "وأكد دبلوماسي أوروبي، رفض الكشف عن اسمه، أن الجولة المقبلة ستعقد في جنيف.",
     "دبلوماسي أوروبي", "وأكد", "الجولة المقبلة ستعقد في جنيف"),
    ("on-condition-of-anonymity",
     "وقالت مسؤولة في الصندوق، تحدثت شريطة عدم نشر اسمها، إن القرض تأجل.",
     "مسؤولة في الصندوق", "وقالت", "القرض تأجل"),
    ("plural-sources",
     "وأوضح مسؤولون في الميناء، طلبوا عدم ذكر أسمائهم، أن الشحنات متوقفة.",
     "مسؤولون في الميناء", "وأوضح", "الشحنات متوقفة"),
]


@pytest.mark.parametrize("body,speaker,cue,content", [r[1:] for r in ROWS],
                         ids=[r[0] for r in ROWS])
def test_anonymity_clause_is_an_aside(quotes_of, body, speaker, cue, content):
    (q,) = quotes_of(body)
    assert q["speaker"]["text"] == speaker
    assert q["speaker"]["anonymous"] is True
    assert q["cue"]["text"] == cue
    assert q["content"]["text"] == content


def test_reporter_of_an_anonymous_source_is_medium_and_chain(quotes_of):
    (q,) = quotes_of('ونقلت وكالة "رويترز" عن موظف في البلدية، طلب عدم ذكر اسمه، '
                     "أن الميزانية نفدت.")
    assert q["medium"]["canonical"] == "رويترز" and q["medium"]["relation"] == "reporter"
    assert [h["canonical"] for h in q["chain"]] == ["رويترز"]


@pytest.mark.parametrize("body", [
    "وفضل الموظفون عدم ذكر تفاصيل الاتفاق.",
    "وجرى الاجتماع دون الكشف عن جدول أعماله.",
], ids=["masdar-after-adam", "masdar-after-dun"])
def test_verbal_noun_after_a_negating_noun_is_no_cue(quotes_of, body):
    assert all(q["cue"]["text"] not in ("ذكر", "الكشف") for q in quotes_of(body))
