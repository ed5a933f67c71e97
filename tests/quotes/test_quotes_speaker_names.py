"""A speaker phrase splits into the role (`title`) and the person's name (`canonical`):
the title grammar stops where a name starts, and the entity stage's PER mention, when
there is one, marks that start. The sentences are written for these tests."""
from __future__ import annotations

import pytest

# (id, body, text, canonical, title)
ROWS = [
    ("coordinated-title-then-name-with-article",
     "حذر وزير الزراعة والري فادي الحكيم من موجة جفاف طويلة.",
     "وزير الزراعة والري فادي الحكيم", "فادي الحكيم", "وزير الزراعة والري"),
    ("name-starting-with-waw",
     "وقال وزير النقل وليد الأسمر إن الطريق سيفتح.",
     "وزير النقل وليد الأسمر", "وليد الأسمر", "وزير النقل"),
    ("name-starting-with-lam",
     "وقالت المديرة التنفيذية لينا العلي إن المشروع تأخر.",
     "المديرة التنفيذية لينا العلي", "لينا العلي", "المديرة التنفيذية"),
    ("long-construct-title",
     "وقال رئيس مجلس إدارة المصرف رامي الخوري إن الأرباح ارتفعت.",
     "رئيس مجلس إدارة المصرف رامي الخوري", "رامي الخوري", "رئيس مجلس إدارة المصرف"),
    ("title-with-affiliation-and-no-name",
     "وقال المتحدث باسم وزارة المالية إن الرواتب ستصرف.",
     "المتحدث باسم وزارة المالية", "المتحدث باسم وزارة المالية", None),
    ("glued-lam-affiliation-is-not-a-name",
     "وقال المستشار الإعلامي لليونيسف إن المساعدات وصلت.",
     "المستشار الإعلامي لليونيسف", "المستشار الإعلامي لليونيسف", None),
]


@pytest.mark.parametrize("body,text,canonical,title", [r[1:] for r in ROWS],
                         ids=[r[0] for r in ROWS])
def test_title_and_name_are_split(quotes_of, body, text, canonical, title):
    (q,) = quotes_of(body)
    assert q["speaker"]["text"] == text
    assert q["speaker"]["canonical"] == canonical
    assert q["speaker"]["title"] in (title, text if title is None else title)


@pytest.mark.parametrize("body,name", [
    ("وقال الناطق الإعلامي للبلدية حسام برق إن النفايات سترفع.", "حسام برق"),
    ("وأكد المسؤول الإعلامي للنادي جاد سمعان أن المدرب باق.", "جاد سمعان"),
], ids=["title-then-unlisted-name", "anonymous-noun-as-title"])
def test_entity_mention_marks_where_the_name_starts(quotes_of, body, name):
    (q,) = quotes_of(body, mentions=[(name, "PER", {"canonical": name})])
    assert q["speaker"]["canonical"] == name
    title = q["speaker"]["title"]
    assert title and name not in title and body.index(title) < body.index(name)


def test_headline_title_resolves_to_the_one_body_holder(quotes_of):
    got = quotes_of("حذر وزير الزراعة والري فادي الحكيم من موجة جفاف طويلة.",
                    title="وزير الزراعة: الموسم في خطر")
    head = next(q for q in got if q["zone"] == "title")
    assert head["speaker"]["text"] == "وزير الزراعة"
    assert head["speaker"]["canonical"] == "فادي الحكيم"


def test_headline_title_with_two_holders_stays_a_title(quotes_of):
    got = quotes_of("قال الوزير فادي الحكيم إن الموسم جيد. وقال الوزير سامي عيسى إن المطر قليل.",
                    title="الوزير: الموسم في خطر")
    head = next(q for q in got if q["zone"] == "title")
    assert head["speaker"]["canonical"] == "الوزير"
