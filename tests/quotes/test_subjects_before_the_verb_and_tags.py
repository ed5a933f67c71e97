"""Subjects and sources in less common places (issue 12, quality14): an outlet named in
quotation marks before its verb («إلا أن صحيفة "الأفق" قالت إن …»), a connective opening
a continuation («ومع ذلك أكد أنه …»), a hashtag or an account as the speaker («وقال #ترمب»),
the passive relay («ونُقل عن الوزير قوله …»), and an imperfect verb joined to another
(«تتحدث عن … وتقول إن …»). The sentences are written for these tests."""
from __future__ import annotations

import pytest
from quotes_helpers import assert_statements, make_article, records

# (id, body, expected statements: kind, speaker, cue, medium, content)
ROWS = [
    ("quoted-outlet-after-a-topic-opener",
     'إلا أن صحيفة "الأفق" قالت إن التشجيع كان له أثر كبير.',
     [("indirect", 'صحيفة "الأفق"', "قالت", None, "التشجيع كان له أثر كبير")]),
    ("quoted-outlet-after-but",
     'لكن صحيفة "الأفق" قالت إن التشجيع كان له أثر كبير.',
     [("indirect", 'صحيفة "الأفق"', "قالت", None, "التشجيع كان له أثر كبير")]),
    ("quoted-outlet-opens-the-sentence",
     'صحيفة "الأفق" ترى أن التعيين يطوي صفحة طويلة.',
     [("indirect", 'صحيفة "الأفق"', "ترى", None, "التعيين يطوي صفحة طويلة")]),
    ("connective-opens-a-continuation",
     "وقال الوزير إن الحوار مستمر. ومع ذلك أكد الجمعة أنه لم يغير موقفه.",
     [("indirect", "الوزير", "وقال", None, "الحوار مستمر"),
      ("indirect", "الوزير", "أكد", None, "لم يغير موقفه")]),
    ("hashtag-speaker",
     "وقال #سامر إن الحوار مستمر.",
     [("indirect", "سامر", "وقال", None, "الحوار مستمر")]),
    ("account-speaker-with-its-medium",
     "وأكد @الوزارة في تغريدة أن الحوار مستمر.",
     [("indirect", "الوزارة", "وأكد", "في تغريدة", "الحوار مستمر")]),
    ("passive-relay-with-his-saying",
     "ونُقل عن الوزير قوله إن الحوار مستمر.",
     [("indirect", "الوزير", "ونُقل", None, "الحوار مستمر")]),
    ("passive-relay-with-a-complementizer",
     "ونقل عن مصدر أمني أن الحوار مستمر.",
     [("indirect", "مصدر أمني", "ونقل", None, "الحوار مستمر")]),
    ("imperfect-joined-to-an-imperfect",
     'صحيفة "الأفق" تتحدث عن مسيرات العودة وتقول إنها تمثل مرحلة جديدة.',
     [("indirect", 'صحيفة "الأفق"', "تتحدث", None, "مسيرات العودة"),
      ("indirect", 'صحيفة "الأفق"', "وتقول", None, "تمثل مرحلة جديدة")]),
    ("quoted-outlet-after-the-verb-then-a-medium",
     'من جهتها قالت "شركة النور" في تغريدة على تويتر "نحن على اتصال مع السلطات دائما".',
     [("direct", "شركة النور", "قالت", "تويتر", "نحن على اتصال مع السلطات دائما")]),
    ("perfect-verb-with-a-preposition-in-the-subject",
     "وذكرت مصادر من المعارضة أن المفاوضات توقفت منذ أسبوع.",
     [("indirect", "مصادر", "وذكرت", None, "المفاوضات توقفت منذ أسبوع")]),
    ("perfect-verb-with-an-adjective-phrase-and-a-time",
     'وأوردت صحيفة "الأفق" المقربة من الحكومة الخميس أن الجيش تقدم في الريف.',
     [("indirect", 'صحيفة "الأفق"', "وأوردت", None, "الجيش تقدم في الريف")]),
]


@pytest.mark.parametrize("body,expected", [r[1:] for r in ROWS], ids=[r[0] for r in ROWS])
def test_statement(body, expected):
    assert_statements(records(make_article(body)), expected)


@pytest.mark.parametrize("body", [
    "وقد تم نقل المصابين إلى المستشفى لتلقي العلاج.",   # «نقل» moves people: no relay
    "وقال # إن الحوار مستمر.",                           # a lone mark names nobody
])
def test_no_speaker_from_these(body):
    for q in records(make_article(body)):
        assert q["speaker"] is None or q["speaker"]["text"].strip("#@ ")
    if "نقل" in body:
        assert records(make_article(body)) == []


@pytest.mark.parametrize("body", [
    # a connective that opens a subordinate clause: the verb is the clause's, no statement
    "وفي الوقت الذي طالب فيه الوزير الدول الأخرى بتقديم تنازلات، اشترط المدير إعفاء الشركات.",
    # a preposition spelled like «بيّن» between two nouns
    "وتحدث المدير عن الشراكة بين الوزارة والقطاع الخاص في مجال التدريب على أن تبدأ غدا.",
])
def test_no_statement_from_a_clause_verb(body):
    assert [q["cue"]["text"] for q in records(make_article(body))
            if q["cue"]["text"] in ("طالب", "بين")] == []
