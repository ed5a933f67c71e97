"""A relative time word that stands as a name («صحيفة "الغد"») is not a time."""
from __future__ import annotations

import pytest

from khabar.api import extract_text


def _timexes(text: str) -> list[str]:
    art = extract_text("تاريخ النشر: 14 آذار 2024\n" + text)
    return [art.span_text(s) for s in art.spans("timexes")]


@pytest.mark.parametrize("sentence", [
    'ونقلت صحيفة "الغد" عن مصادر أن الاجتماع تأجل.',
    "وقال مراسل قناة الغد إن الطريق مغلق.",
    "وأفادت صحيفة «اليوم» بأن الأسعار ارتفعت.",
])
def test_outlet_names_are_not_times(sentence):
    assert _timexes(sentence) == []


@pytest.mark.parametrize("sentence, expected", [
    ("وقال الوزير إن الاجتماع سيعقد الغد في العاصمة.", ["الغد"]),
    ("وأعلنت الحكومة اليوم عن خطة جديدة.", ["اليوم"]),
])
def test_the_same_words_as_times_still_count(sentence, expected):
    assert _timexes(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "وقال رئيس (حزب الغد) إن الحزب سيشارك في الانتخابات.",
    "وزار الوزير مستشفى الخميس المدني للاطمئنان على المصابين.",
    "وتخرج الطالب في جامعة الغد الأهلية بتفوق.",
])
def test_a_day_word_after_the_head_of_a_name_is_not_a_time(sentence):
    assert _timexes(sentence) == []
