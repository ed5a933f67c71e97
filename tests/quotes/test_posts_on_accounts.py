"""Statements published on an account (issue 12, quality13): «كتب X على حسابه على/بموقع
تويتر أن …» (the account phrase is the statement's channel, medium_phrases.yaml), and a post
whose place of publication stands between the post and the cue pointing back at it («ونشر
X تغريدة عبر صفحته على فيسبوك، قال فيها …»: X speaks, relative.py), and an interview the
speaker gave «with» an outlet («في مقابلة أجراها مع شبكة X»: X is the medium).
The sentences are written for these tests."""
from __future__ import annotations

import pytest
from quotes_helpers import assert_statements, make_article, records

# (id, body, expected statements: kind, speaker, cue, medium, content)
ROWS = [
    ("wrote-on-his-account-on-quoted",
     "وكتب الوزير على حسابه على تويتر أن «الأزمة انتهت».",
     [("direct", "الوزير", "وكتب", "تويتر", "الأزمة انتهت")]),
    ("wrote-on-her-account-on-plain",
     "وكتبت الناطقة باسم الوزارة على حسابها على تويتر أن الموعد لم يتغير.",
     [("indirect", "الناطقة باسم الوزارة", "وكتبت", "تويتر", "الموعد لم يتغير")]),
    ("wrote-on-his-account-at-the-site",
     'وكتب المدرب على حسابه بموقع تويتر إن "الفريق جاهز للمباراة".',
     [("direct", "المدرب", "وكتب", "تويتر", "الفريق جاهز للمباراة")]),
    ("club-wrote-on-its-official-account-no-complementizer",
     "وكتب النادي على حسابه الرسمي على فيسبوك «نرحب باللاعب الجديد».",
     [("direct", "النادي", "وكتب", "فيسبوك", "نرحب باللاعب الجديد")]),
    ("published-a-tweet-on-his-account-comma-said-in-it",
     'ونشر الوزير تغريدة على حسابه في تويتر، قال فيها: "الأزمة انتهت".',
     [("direct", "الوزير", "قال", "تويتر", "الأزمة انتهت")]),
    ("published-a-tweet-quoted-platform-comma",
     'ونشر الوزير تغريدة على حسابه الرسمي في "تويتر"، قال فيها: "الأزمة انتهت".',
     [("direct", "الوزير", "قال", "تويتر", "الأزمة انتهت")]),
    ("published-a-post-through-her-page-confirmed-in-it",
     "ونشرت الوزارة تدوينة عبر صفحتها الرسمية على فيسبوك، أكدت فيها أن المدارس ستفتح.",
     [("indirect", "الوزارة", "أكدت", "فيسبوك", "المدارس ستفتح")]),
    ("published-a-post-comma-confirmed-in-it",
     "ونشرت الوزارة تدوينة، أكدت فيها أن المدارس ستفتح.",
     [("indirect", "الوزارة", "أكدت", None, "المدارس ستفتح")]),
]

# the speaker gave the interview «with» the outlet: the outlet is the medium
INTERVIEWS = [
    ("interview-he-gave-with-a-network",
     'وقال الرئيس في مقابلة أجراها مع شبكة "الأفق" إن الأزمة انتهت.',
     [("indirect", "الرئيس", "وقال", "الأفق", "الأزمة انتهت")]),
    ("interview-she-gave-opening-the-sentence",
     "وفي مقابلة أجرتها مع وكالة الأنباء الفرنسية، قالت الوزيرة: «الأزمة انتهت».",
     [("direct", "الوزيرة", "قالت", "وكالة الأنباء الفرنسية", "الأزمة انتهت")]),
    ("conversation-he-gave-with-a-paper",
     "وأكد المدرب في حوار أجراه مع صحيفة الأيام أن الفريق جاهز.",
     [("indirect", "المدرب", "وأكد", "صحيفة الأيام", "الفريق جاهز")]),
    ("interview-medium-carried-to-the-next-cue",
     'وقال الرئيس في مقابلة أجراها مع شبكة "الأفق" إن الأزمة انتهت، مضيفا أن الحكومة ستستقيل.',
     [("indirect", "الرئيس", "وقال", "الأفق", "الأزمة انتهت"),
      ("indirect", "الرئيس", "مضيفا", "الأفق", "الحكومة ستستقيل")]),
]

# a picture or a film is no post: the cue after it has no speaker of its own to take
NO_AUTHOR = [
    ("published-a-picture-said-in-it",
     'ونشر الوزير صورة على حسابه في تويتر، قال فيها: "الأزمة انتهت".'),
    ("a-film-on-his-page-said-in-it",
     'وعرض المخرج فيلما عبر صفحته على فيسبوك، قال فيه: "الأزمة انتهت".'),
]


@pytest.mark.parametrize("body,expected", [r[1:] for r in ROWS + INTERVIEWS],
                         ids=[r[0] for r in ROWS + INTERVIEWS])
def test_statement(body, expected):
    assert_statements(records(make_article(body)), expected)


@pytest.mark.parametrize("body", [r[1] for r in NO_AUTHOR], ids=[r[0] for r in NO_AUTHOR])
def test_no_author_across_other_words(body):
    got = [q for q in records(make_article(body)) if q["content"]["text"] == "الأزمة انتهت"]
    assert len(got) == 1
    assert got[0]["speaker"] is None or got[0]["speaker"]["text"] not in ("الوزير", "المخرج")


def test_the_account_phrase_alone_is_no_statement():
    """«على حسابه على تويتر» after a verb that reports nothing names no statement."""
    body = "ونشر اللاعب صورا على حسابه على تويتر من رحلته إلى الشاطئ."
    assert records(make_article(body)) == []
