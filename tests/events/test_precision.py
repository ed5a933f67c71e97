"""Precision rules of the events stage, on sentences of our own: a duration or a set never
dates an event; sports play is not violence; a martyr in a name or a province's
«مقاطعة» is no trigger."""
from __future__ import annotations

import pytest

from khabar import api
from khabar.record import to_record

PUBLISHED = "2024-05-02"


def events_of(text: str) -> list[dict]:
    record = to_record(api.extract_text(text, published=PUBLISHED))
    return [e for e in record["events"] if not e.get("from_statement")]


def _calendar(value: str) -> bool:
    return value[:1].isdigit() and not value.startswith("P")


# (sentence, the event's type, the value it must date to: the publication day when only a
# duration or a set is said)
DATES = [
    ("استمرت المواجهات ساعتين في وسط المدينة وقتل ثلاثة أشخاص.", "ASSAULT", PUBLISHED),
    ("تظاهر العمال ثلاثة أيام أمام مقر الشركة في المنطقة الصناعية.", "PROTEST", PUBLISHED),
    ("كل أسبوع تنطلق مظاهرة في ساحة البلدة ضد الغلاء.", "PROTEST", PUBLISHED),
    ("اعتقلت الشرطة أمس أربعة شبان بعد مطاردة دامت ساعتين.", "COERCE", "2024-05-01"),
    ("قصفت الطائرات لمدة ساعة كاملة مواقع قرب القرية يوم الاثنين الماضي.", "ASSAULT",
     "2024-04-29"),
]


@pytest.mark.parametrize("sentence,type_,value", DATES)
def test_an_event_is_dated_by_the_calendar_not_by_a_duration(sentence, type_, value):
    evs = [e for e in events_of(sentence) if e["type"] == type_]
    assert evs, sentence
    for e in evs:
        assert _calendar(e["date"]["value"]), e["date"]
    assert evs[0]["date"]["value"] == value


ANOTHER = [
    "قصفت الطائرات قرية في ريف حمص صباح الجمعة. وبعد ساعات شنت غارات أخرى على القرية.",
    "هاجم مسلحون حاجزا قرب بلدة الرستن يوم الخميس. وبعد ساعتين وقع هجوم جديد قرب البلدة.",
]


@pytest.mark.parametrize("text", ANOTHER)
def test_a_further_strike_is_not_merged_into_the_first(text):
    # once the duration «بعد ساعات» no longer dates the second strike, only «أخرى/جديد»
    # keeps it apart from the first
    evs = [e for e in events_of(text) if e["type"] == "ASSAULT"]
    assert len(evs) == 2, [e["trigger"]["text"] for e in evs]
