"""Days counted in a month named after «من», bare seasons, and names in quotation marks that
look like future verbs. Sentences written for these tests."""
from __future__ import annotations

import pytest

from tests.timex.helpers import D, found, only

AUG = D(2015, 8, 11)  # a Tuesday
JAN = D(2020, 1, 9)

ROWS = [
    ("وقال الوزير إن الاجتماع عقد في 16 من الشهر الحالي.", AUG, "16 من الشهر الحالي", "2015-08-16"),
    ("وسيعقد المؤتمر يوم 19 من الشهر الجاري.", AUG, "يوم 19 من الشهر الجاري", "2015-08-19"),
    ("وفي 31 من الشهر الماضي وصل الوفد.", AUG, "31 من الشهر الماضي", "2015-07-31"),
    ("ووصل الوفد في 3 من الشهر الماضي.", JAN, "3 من الشهر الماضي", "2019-12-03"),
    ("ونشر التقرير في 29 من يونيو (حزيران) الماضي.", AUG, "29 من يونيو (حزيران) الماضي",
     "2015-06-29"),
    ("ويزور السياح القرية في الصيف.", AUG, "الصيف", "2015"),
    ("وتنخفض الأسعار شتاء في الجبال.", JAN, "شتاء", "2019"),
    ("وستبدأ الأشغال في الربيع.", JAN, "الربيع", "2020"),
    ("ليل الجمعة - السبت قصفت المدفعية القرية.", AUG, "ليل الجمعة - السبت", "2015-08-07"),
    ('وبعد الحادث في مدرسة "ستونهام الكبرى"، تعهد المدير الخميس بتشديد الحراسة.',
     AUG, "الخميس", "2015-08-06"),
]


@pytest.mark.parametrize("text,published,span,value", ROWS, ids=[r[2] for r in ROWS])
def test_expression_and_value(text, published, span, value):
    tx = only(text, published)
    assert (tx.text, tx.value) == (span, value)


@pytest.mark.parametrize("text", [
    "وأصيب 3 من الجنود في الهجوم.",
    "وقال إن الربيع العربي غير المنطقة.",
    "وفي 45 من الشهر الحالي.",
])
def test_no_day_or_season(text):
    assert all(v is None or len(v) != 10 for _, v in found(text, AUG)) and \
        not any(t in ("الربيع",) for t, _ in found(text, AUG))


@pytest.mark.parametrize("text,expected", [
    ("وصل الوفد يوم الاثنين، وفي اليوم التالي عقد الاجتماع.",
     [("يوم الاثنين", "2015-08-10"), ("اليوم التالي", "2015-08-11")]),
    ("بدأ الإضراب في 3 أغسطس، وفي ذلك اليوم أغلقت المصانع.",
     [("3 أغسطس", "2015-08-03"), ("ذلك اليوم", "2015-08-03")]),
    ("وفي اليوم التالي عقد الاجتماع.", []),  # no day named before it: nothing to count from
], ids=["next-day", "that-day", "no-anchor"])
def test_days_counted_from_the_story(text, expected):
    assert found(text, AUG) == expected
