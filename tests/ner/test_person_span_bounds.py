"""Person spans the tagger ran on past one person's name, cut back by the rules
(khabar/ner/rules.py `_bound_persons`; docs/quality-media-and-formulae.md). Sentences
written for these tests, never taken from an article."""
from __future__ import annotations

import pytest

from khabar.ner.rules import refine


def _persons(sentence: str, first: int, end: int) -> list[str]:
    """The person names `refine` keeps when the tagger marked tokens [first, end) as one."""
    tokens = sentence.split()
    out = refine(tokens, [(first, end, "PERS")])
    return [" ".join(tokens[a:b]) for a, b, t in out if t == "PERS"]


# (id, sentence, the tagger's person span as token range, names expected after the rules)
ROWS = [
    ("description-before-the-name", "وقال الباحث سامي حداد إن الظاهرة تتسع", (1, 4),
     ["سامي حداد"]),
    ("group-noun-before-the-name", "وقاد المتمردين عمر الزين نحو المدينة", (1, 4),
     ["عمر الزين"]),
    ("two-people-definite-surname", "واستقبل سامي الخطيب عمر الزين في مكتبه", (1, 5),
     ["سامي الخطيب", "عمر الزين"]),
    ("title-of-the-person-after-the-name", "واستقبل الأمير سامي بن سالم ولي العهد الوفد", (2, 6),
     ["سامي بن سالم"]),
    ("title-of-another-person", "والتقى عمر الزين وزير الخارجية أمس", (1, 4),
     ["عمر الزين"]),
    ("nothing-but-a-title", "وصل ولي العهد إلى المطار", (1, 3), []),
    # kept whole
    ("patronymic-chain", "وقال محمد أحمد حسن الخطيب إن الاجتماع انتهى", (1, 5),
     ["محمد أحمد حسن الخطيب"]),
    ("particle-binds-the-next-name", "وقال الحسن بن علي الخطيب إن الاجتماع انتهى", (1, 5),
     ["الحسن بن علي الخطيب"]),
    ("kunya-before-the-name", "وكتب أبو العباس أحمد الخطيب رسالة", (1, 5),
     ["أبو العباس أحمد الخطيب"]),
    ("compound-given-name", "وقال نور الدين محمود الخطيب إن الاجتماع انتهى", (1, 5),
     ["نور الدين محمود الخطيب"]),
    ("family-name-after-al", "وقال سالم بن ناصر آل الشيخ إن الاجتماع انتهى", (1, 6),
     ["سالم بن ناصر آل الشيخ"]),
    ("last-word-that-is-also-a-title", "وقال محمد عبد الستار السيد إن الاجتماع انتهى", (1, 5),
     ["محمد عبد الستار السيد"]),
    ("name-with-a-hamza-alef", "وقالت ألفة يوسف إن الكتاب جاهز", (1, 3), ["ألفة يوسف"]),
    ("no-article-no-cut", "واستقبل خالد منصور سامي حداد في مكتبه", (1, 5),
     ["خالد منصور سامي حداد"]),
]


@pytest.mark.parametrize("sentence,span,expected", [r[1:] for r in ROWS],
                         ids=[r[0] for r in ROWS])
def test_person_span_bounds(sentence, span, expected):
    assert _persons(sentence, *span) == expected


def test_other_types_untouched():
    tokens = "وقالت وزارة الصحة الأردنية إن الوضع مستقر".split()
    spans = refine(tokens, [(1, 4, "ORG")])
    assert (1, 4, "ORG") in spans
