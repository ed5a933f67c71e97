"""The parties of a meeting or an agreement told as a list (events11): «التقى A وB»,
«اجتماع بين A وB», «لقاء جمع A وB», «وقعت A وB اتفاقا». The first party is the actor, the
others the recipient; a place among the parties is no scene; heads of several bodies
(«وزراء خارجية A وB وC») are one subject. Sentences of our own."""
from __future__ import annotations

import pytest

from tests.events.events_helpers import events_of, find_event, part_has

PARTIES = [  # (text, type, trigger, actor, recipient, place or None)
    ("التقى الرئيس الموريتاني محمد الغزواني والعاهل المغربي الملك محمد السادس في الرباط.",
     "CONSULT", "التقى", "محمد الغزواني", "محمد السادس", "الرباط"),
    ("عقد اجتماع مغلق بين وزير الداخلية الليبي عماد الطرابلسي ونظيره التونسي خالد النوري "
     "في تونس العاصمة.", "CONSULT", "اجتماع", "عماد الطرابلسي", "خالد النوري", None),
    ("وجرت محادثات بين رئيس الوزراء الهندي ناريندرا مودي والرئيس البرازيلي لولا دا سيلفا "
     "في نيودلهي.", "CONSULT", "محادثات", "ناريندرا مودي", "لولا دا سيلفا", "نيودلهي"),
    ("وكان لقاء جمع الرئيس الجزائري عبد المجيد تبون ووزير الخارجية الفرنسي في الجزائر.",
     "CONSULT", "لقاء", "عبد المجيد تبون", "وزير الخارجية الفرنسي", None),
    ("وقعت الكويت والبحرين اتفاقية للربط الكهربائي في المنامة.",
     "AGREE", "وقعت", "الكويت", "البحرين", "المنامة"),
    ("اتفقت إيطاليا وألبانيا على إقامة مركز لاستقبال المهاجرين.",
     "AGREE", "اتفقت", "إيطاليا", "ألبانيا", None),
    ("التقى يحيى السنوار وإسماعيل هنية في مدينة غزة.",
     "CONSULT", "التقى", "يحيى السنوار", "إسماعيل هنية", "غزة"),
    # three parties: the first acts, the other two are met; none of them is the scene
    ("وعقدت قمة ثلاثية بين السودان وإثيوبيا وإريتريا في جيبوتي.",
     "CONSULT", "قمة", "السودان", "إثيوبيا", "جيبوتي"),
]


@pytest.mark.parametrize("text,type_,trigger,actor,recipient,place", PARTIES,
                         ids=[p[2] + "-" + p[3] for p in PARTIES])
def test_the_first_party_acts_the_others_are_met(text, type_, trigger, actor, recipient,
                                                   place):
    ev = find_event(text, type_, trigger)
    assert part_has(ev["actor"], actor), ev["actor"]
    assert part_has(ev["recipient"], recipient), ev["recipient"]
    assert not part_has(ev["recipient"], actor), ev["recipient"]
    if place is not None:
        assert part_has(ev["location"], place), ev["location"]
    else:
        # the parties are no scene («وقعت الكويت والبحرين»: not Bahrain)
        assert ev["location"] is None or not part_has(ev["location"], recipient)


def test_the_heads_of_several_bodies_are_one_subject():
    ev = find_event("اجتمع وزراء خارجية تونس والجزائر وليبيا في القاهرة لبحث الأزمة.",
                    "CONSULT", "اجتمع")
    assert part_has(ev["actor"], "وزراء خارجية تونس والجزائر وليبيا"), ev["actor"]
    assert ev["recipient"] is None
    assert part_has(ev["location"], "القاهرة"), ev["location"]


NOT_PARTIES = [  # a verb after «و» is another clause, not a party
    ("استقبل الرئيس السفير الياباني وبحث معه العلاقات الثنائية.", "استقبل", "السفير"),
    ("التقى الوزير نظيره القطري وأكد له دعم بلاده.", "التقى", "نظيره"),
]


def test_a_verb_after_a_comma_opens_no_party():
    ev = find_event("استقبل الملك رئيس وزراء ماليزيا، ووجه بمنح الوفد وسام الاستحقاق.",
                    "CONSULT", "استقبل")
    assert not part_has(ev["actor"], "وسام"), ev["actor"]
    assert not part_has(ev["recipient"], "وسام"), ev["recipient"]


@pytest.mark.parametrize("text,trigger,recipient", NOT_PARTIES, ids=[p[1] for p in NOT_PARTIES])
def test_a_verb_after_the_object_is_no_party(text, trigger, recipient):
    ev = find_event(text, "CONSULT", trigger)
    assert part_has(ev["recipient"], recipient), ev["recipient"]


def test_a_meeting_told_with_its_direction_outweighs_its_list_of_parties():
    text = ("وصل رئيس الوزراء الياباني إلى باريس أمس في زيارة رسمية التقى خلالها الرئيس "
            "الفرنسي.\n\nوقال مسؤول إن المحادثات بين رئيس الوزراء الياباني والرئيس "
            "الفرنسي تناولت التجارة.")
    evs = events_of(text, "CONSULT")
    assert evs
    assert not any(e["sentence"]["text"].startswith("وقال مسؤول") and e.get("mentions")
                   for e in evs), [e["sentence"]["text"] for e in evs]
