"""Whatever the sentences, every part of every statement points at its own characters."""
from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from quotes_helpers import make_article, records

PIECES = [
    "قال الوزير إن الخطة جاهزة.",
    'وقال المدير: "العمل مستمر".',
    "وأضاف أن التنفيذ يبدأ غدا،",
    "مشيرا إلى أن الميزانية كافية.",
    "ونقلت وكالة رويترز عن مصادر مطلعة أن المحادثات مستمرة.",
    "بحسب مصادر طبية",
    "وافتتحت البلدية حديقة.",
    '"',
    "«",
    "»",
    "،",
    "ـ",
    "\u064b",
    "\n\n",
    " ",
    "للأناضول",
    'لصحيفة "الأيام"',
    "أن",
    "تنظيم",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=14))
def test_every_offset_maps_back_to_its_text(pieces):
    article = make_article(" ".join(pieces))
    text = article.text
    for q in records(article):
        json.dumps(q, ensure_ascii=False)
        c = q["content"]
        assert 0 <= c["start"] < c["end"] <= len(text)
        assert text[c["start"]:c["end"]] == c["text"]
        for part in (q["cue"], q["speaker"], q["medium"], *q["chain"]):
            if part is not None and part.get("start") is not None:
                assert text[part["start"]:part["end"]] == part["text"]
        assert q["kind"] in ("direct", "indirect")
