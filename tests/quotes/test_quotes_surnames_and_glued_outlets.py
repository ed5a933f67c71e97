"""A surname the article gave a person stands for that person on its own; an outlet's name
glued together by the page is still that outlet. The sentences are written for these tests."""
from __future__ import annotations

import pytest

from khabar.api import extract


def _quotes(text: str):
    return extract(text, format="txt", published="2024-05-02", skip=["events"]).quotes


@pytest.mark.parametrize("second,content", [
    ("الخطيب أكد أن المسلسلات المعروضة الآن ثمرة عام كامل.",
     "المسلسلات المعروضة الآن ثمرة عام كامل"),
    ("الخطيب قال إن التصوير سيبدأ في الربيع.", "التصوير سيبدأ في الربيع"),
])
def test_a_surname_before_the_verb_is_the_subject(second, content):
    text = f"وقال الممثل سامي الخطيب إن العمل كان صعبا.\n\n{second}"
    q = [x for x in _quotes(text) if x.content.text == content]
    assert q and q[0].speaker is not None and "الخطيب" in q[0].speaker.text


def test_an_unknown_word_before_the_verb_is_no_subject():
    text = "وقال الممثل سامي الخطيب إن العمل كان صعبا.\n\nالمسلسل أكد أن الجمهور ينتظر."
    assert all(q.speaker is None or q.speaker.text != "المسلسل" for q in _quotes(text))


@pytest.mark.parametrize("sentence,canonical", [
    ('وقال الخبير لموقع "العربيةنت" إن الوضع خطير.', "العربية نت"),
    ("ونقلت وكالة الأناضولللأنباء عن مسؤول أن الاتفاق قريب.", "الأناضول"),
    ("وقال الوزير لصحيفة الأيام إن الخطة جاهزة.", None),
])
def test_glued_outlet_names(sentence, canonical):
    (q,) = _quotes(sentence)
    assert q.medium is not None
    if canonical is not None:
        assert q.medium.canonical == canonical
    else:
        assert q.medium.canonical != "الأناضول"
