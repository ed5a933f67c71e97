"""The place of a dateline the furniture stage keeps out of the body is a place mention."""
import pytest

from khabar.api import extract_text

_BODY = "\nأكد المدرب أن الفريق جاهز للمباراة النهائية في البطولة المقبلة."


def _places(text):
    a = extract_text(text, skip=("quotes", "events", "link"))
    return [a.text[m.start:m.end] for m in a.spans("mentions") if m.label == "LOC"]


@pytest.mark.parametrize("dateline, places", [
    ("أبها 12 رمضان 1440 هـ الموافق 17 مايو 2019 م", ["أبها"]),
    ("سانتياغو (تشيلي) 3 شوال 1439 هـ الموافق 17 يونيو 2018 م", ["سانتياغو", "تشيلي"]),
    ("رأس الخيمة 5 مارس 2020", ["رأس الخيمة"]),
])
def test_dateline_place(dateline, places):
    assert _places(dateline + _BODY) == places


@pytest.mark.parametrize("dateline", [
    "الأحد 5 مارس 2020",          # a weekday: the line is only a date
    "5 مارس 2020",
    "في 5 مارس 2020",
])
def test_dateline_without_place(dateline):
    assert _places(dateline + _BODY) == []


def test_no_boilerplate_layer_no_dateline_place():
    from khabar.document import Article
    from khabar.ner import datelines
    assert datelines.places(Article(text="أبها 12 رمضان 1440 هـ" + _BODY)) == []
