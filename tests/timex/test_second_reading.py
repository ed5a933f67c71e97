"""A page with no date is read twice when its story names its day: the second reading,
against that day, reuses the atoms of the first (they do not depend on the anchor) and
must give exactly what a fresh parse against that day gives. Sentences written for these
tests."""
from __future__ import annotations

import datetime as dt

import pytest

from khabar.document import Article
from khabar.normalize import NORMALIZERS
from khabar.pipeline import Pipeline
from khabar.timex.grammar import parse, parse_atoms

SENTENCES = [
    "افتتح المدير اليوم السبت 4 مارس 2017 المعرض، وكان قد زاره أمس وسيعود إليه الخميس المقبل.",
    "وقال الوزير إن الاجتماع سيعقد الأسبوع المقبل بعد أن أجل في 12 يناير الماضي.",
    "عاد الوفد مساء الثلاثاء من رحلة استمرت ثلاثة أيام، وسيزور المدينة في رمضان المقبل.",
    "وفي نهاية العام الماضي أعلنت الشركة عن خطة تمتد حتى عام 2030، قبل ثلاثة أشهر من الانتخابات.",
    "يوم الأحد الموافق 2 أغسطس، وفي 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م، وصل الفريق.",
    "سيقام الحفل غدا في الساعة الثامنة مساء، ثم كل يوم جمعة حتى الصيف القادم.",
]
ANCHORS = [None, dt.date(2017, 3, 4), dt.date(2015, 8, 9), dt.date(2020, 12, 31)]


@pytest.mark.parametrize("sentence", SENTENCES)
@pytest.mark.parametrize("first", ANCHORS)
@pytest.mark.parametrize("second", ANCHORS)
def test_a_second_reading_with_the_first_ones_atoms_is_a_fresh_parse(sentence, first, second):
    folded = NORMALIZERS["match"].view(sentence).text
    _found, atoms = parse_atoms(folded, first)
    again = [t.as_dict() for t in parse(folded, second, found=atoms)]
    assert again == [t.as_dict() for t in parse(folded, second)]
    assert again == [t.as_dict() for t in parse_atoms(folded, second)[0]]


def _timexes(text: str) -> list[tuple]:
    art = Article(text)
    Pipeline(skip=("entities", "quotes", "events", "link"), check=True).run(art)
    return [(s.start, s.end, s.label, tuple(sorted(s.attrs.items()))) for s in art.spans("timexes")]


def test_a_story_dated_page_reads_as_the_page_dated_that_day():
    head = "وزير الزراعة يفتتح معرضا للتمور في المدينة"
    story = ("افتتح المدير اليوم السبت 4 مارس 2017 المعرض، وكان قد زاره أمس وسيعود إليه "
             "الخميس المقبل بعد أسبوعين من افتتاح معرض الكتاب في 18 فبراير الماضي.")
    undated = _timexes(f"{head}\n{story}")
    dated = _timexes(f"{head}\n4 مارس 2017\n{story}")
    shift = len("4 مارس 2017\n")
    assert [v for v in undated if v[3][0][1] != "absolute"]  # relative ones were resolved
    assert undated == [(a - shift, b - shift, *rest) for a, b, *rest in dated
                       if a >= len(head) + shift]
