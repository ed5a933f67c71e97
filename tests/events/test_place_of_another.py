"""A place named past another event's trigger, or in a person's title, is not the place a
recap gives the story it retells (coref after merge: a recap's guess used to fill an
earlier telling that named no place)."""
from __future__ import annotations

import pytest

from tests.events.events_helpers import events_of, names

# (text, type, trigger, place the event must not take, place it must keep or None)
CASES = [
    # the recap's place is the visit's, told after the visit's trigger
    ("أعلن الجيش أنه شن ضربات جوية على أهداف للمسلحين ليلة السبت.\n\n"
     "وشنت الغارات إثر زيارة قام بها وزير الدفاع إلى بيروت.",
     "ASSAULT", "ضربات", "بيروت", None),
    # a country in a title right before the person's name is whose minister he is
    ("شنت المقاتلات هجمات عقب تصريحات أدلى بها رئيس وزراء فرنسا إيمانويل ماكرون.",
     "ASSAULT", "هجمات", "فرنسا", None),
    ("شنت المقاتلات هجمات صباحا ثم وصل رئيس وزراء فرنسا إيمانويل ماكرون.",
     "ASSAULT", "هجمات", "فرنسا", None),
    # a place after a place preposition stays the scene, a name after it or not
    ("التقى رئيس وزراء الأردن بشر الخصاونة في عمان وزير الخارجية الأمريكي.",
     "CONSULT", "التقى", None, "عمان"),
]


@pytest.mark.parametrize("text,type_,trigger,not_place,place", CASES)
def test_place_of_another(text: str, type_: str, trigger: str, not_place: str | None,
                          place: str | None) -> None:
    ev = next(e for e in events_of(text, type_) if trigger in e["trigger"]["text"])
    got = names(ev.get("location"))
    if not_place is not None:
        assert not_place not in got, ev.get("location")
    if place is not None:
        assert place in got, ev.get("location")


def test_the_visit_keeps_its_place() -> None:
    """The mark that keeps a recap's place from the story leaves the place of the event
    told after it alone."""
    text = CASES[0][0]
    visit = next(e for e in events_of(text, "CONSULT"))
    assert "بيروت" in names(visit.get("location"))
    assert not any(k.startswith("far") for e in events_of(text) for k in e)


# «آنذاك/حينها»: a noun told then is a recap, a verb another act of the story
DATED_BACK = [
    ("شنت الطائرات غارة على سوق في مدينة إدلب يوم الأحد.\n\n"
     "وقصفت الطائرات حينها قرية قريبة من المدينة.", "ASSAULT", 2),
    ("داهمت القوات بلدة في ريف جنين فجر الثلاثاء.\n\n"
     "وداهمت القوات آنذاك منزلا في البلدة.", "COERCE", 2),
    ("شنت الطائرات غارة على سوق في مدينة إدلب يوم الأحد.\n\n"
     "وأصيب آنذاك خمسة أشخاص في قصف على مدينة إدلب.", "ASSAULT", 1),
    ("أعلن مسعفون أن غارات استهدفت سوقا في مدينة إدلب يوم الأحد.\n\n"
     "وأصيب آنذاك خمسة أشخاص في غارات على مدينة إدلب.", "ASSAULT", 1),
]


@pytest.mark.parametrize("text,type_,n", DATED_BACK)
def test_dated_back_noun_recap_verb_act(text: str, type_: str, n: int) -> None:
    assert len(events_of(text, type_)) == n
