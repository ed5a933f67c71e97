"""An agency's credit standing as a sentence of its own after what it reported («… .
بحسب الألمانية.»): the sentence before is a statement whose source and medium is that
outlet. A credit that names no outlet, or a sentence with more in it, states nothing.
Sentences written for these tests (never taken from an article)."""
from __future__ import annotations

import pytest
from quotes_helpers import make_article, records

CLAUSE = "وسيفتتح المتحف الجديد أبوابه أمام الزوار في الربيع المقبل"

# (id, body, expected (speaker, cue, medium, content) tuples)
ROWS = [
    ("short-agency-credit",
     f"{CLAUSE}. بحسب الألمانية.",
     [("الألمانية", "بحسب", "الألمانية", CLAUSE)]),
    ("named-outlet-credit",
     f"{CLAUSE}. بحسب البي بي سي.",
     [("البي بي سي", "بحسب", "البي بي سي", CLAUSE)]),
    ("agency-after-a-conjunction",
     f"{CLAUSE}. وفقا لرويترز.",
     [("رويترز", "وفقا", "رويترز", CLAUSE)]),
    ("credit-in-brackets-inside-the-sentence",
     f"{CLAUSE} (بحسب رويترز).",
     [("رويترز", "بحسب", "رويترز", CLAUSE)]),
    # states nothing
    ("by-the-plan",
     f"{CLAUSE}. بحسب الخطة.", []),
    ("german-as-an-adjective",
     f"{CLAUSE}. بحسب الخطة الألمانية.", []),
    ("credit-with-more-words",
     f"{CLAUSE}. بحسب الفرنسية فإن الموعد لم يحدد بعد بشكل نهائي.", []),
    ("previous-sentence-already-a-statement",
     "وقال الوزير إن المتحف سيفتتح في الربيع. بحسب الفرنسية.",
     [("الوزير", "وقال", None, "المتحف سيفتتح في الربيع")]),
]


@pytest.mark.parametrize("body,expected", [r[1:] for r in ROWS], ids=[r[0] for r in ROWS])
def test_credit_of_its_own(body, expected):
    got = [(q["speaker"]["text"], q["cue"]["text"], q["medium"] and q["medium"]["text"],
            q["content"]["text"]) for q in records(make_article(body))]
    assert got == expected
