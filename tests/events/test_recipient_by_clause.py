"""Recipients by clause (events11): the subject of a verb of undergoing is the target
(«تعرضت القرية لقصف»); what an agreement verb signs is no party, the partner after «مع» is;
a title, its complement and then the name («القيادي في الحركة فلان»); adverbs stand
between subject and object; a sanction's target goes on through the story; a light verb's
subject list names the meeting's parties. Sentences of our own."""
from __future__ import annotations

import pytest

from tests.events.events_helpers import events_of, find_event, part_has

RECIPIENTS = [  # (text, type, trigger, recipient, actor or None for no actor)
    # the subject of a verb of undergoing is the target; the author follows or is unnamed
    ("تعرضت البلدة لقصف مدفعي عنيف فجر اليوم.", "ASSAULT", "قصف", "البلدة", None),
    ("وتعرض المصور لاعتداء من قبل عناصر الشرطة أمام المحكمة.", "ASSAULT", "اعتداء",
     "المصور", "عناصر الشرطة"),
    ("وحذر المسؤول من أن فنزويلا ستتعرض لعقوبات أشد.", "SANCTION", "عقوبات",
     "فنزويلا", None),
    # what is signed is no party; the partner after «مع» is
    ("وقعت الحكومة اتفاقا مع البنك الدولي لتمويل مشاريع المياه.", "AGREE", "وقعت",
     "البنك الدولي", "الحكومة"),
    ("وقعت الكويت مذكرة تفاهم مع الأردن في مجال الطاقة.", "AGREE", "وقعت", "الأردن",
     "الكويت"),
    # an adverb between the subject and the object is no object
    ("قصفت المدفعية مجددا مواقع المسلحين شرقي المدينة.", "ASSAULT", "قصفت", "مواقع",
     "المدفعية"),
    # a light verb whose subject is a list: the first party acts, the next is met
    ("أجرت اليابان وكوريا الجنوبية الأحد مباحثات حول الأمن البحري.", "CONSULT", "مباحثات",
     "كوريا الجنوبية", "اليابان"),
    ("عقد وزير الزراعة المغربي ونظيره الموريتاني اجتماعا في نواكشوط.", "CONSULT", "اجتماعا",
     "نظيره الموريتاني", "وزير الزراعة"),
]


@pytest.mark.parametrize("text,type_,trigger,recipient,actor", RECIPIENTS,
                         ids=[r[2] + "-" + r[3] for r in RECIPIENTS])
def test_the_recipient_of_the_clause(text, type_, trigger, recipient, actor):
    ev = find_event(text, type_, trigger)
    assert part_has(ev["recipient"], recipient), ev["recipient"]
    if actor is None:
        assert ev["actor"] is None or not part_has(ev["actor"], recipient), ev["actor"]
    else:
        assert part_has(ev["actor"], actor), ev["actor"]


def test_a_title_its_complement_then_the_name():
    ev = find_event("اعتقلت السلطات العضو في البرلمان حسن البنا في منزله.", "COERCE",
                    "اعتقلت")
    assert part_has(ev["recipient"], "حسن البنا"), ev["recipient"]


NOT_UNDERGOERS = [  # (text, trigger, a word that must not be the recipient)
    # a relative pronoun is no target; its antecedent is one only as a name
    ("وقال صديق للعميل السابق الذي تعرض للتسميم إنه يتعافى.", "تسميم", "الذي"),
    # a subject further back, past a comma, is not the place before the verb
    ("وخلال جولة لدورية أمنية في حي الشاطئ بمدينة الخبر، تعرضت لإطلاق نار.", "إطلاق نار",
     "الخبر"),
]


@pytest.mark.parametrize("text,trigger,word", NOT_UNDERGOERS, ids=[n[1] for n in NOT_UNDERGOERS])
def test_no_target_from_a_pronoun_or_across_a_comma(text, trigger, word):
    ev = find_event(text, "ASSAULT", trigger)
    assert not part_has(ev["recipient"], word), ev["recipient"]


def test_a_sanctions_target_goes_on_through_the_story():
    text = ("فرضت كندا عقوبات جديدة على ميانمار أمس.\n\n"
            "وفي العام الماضي فرضت أستراليا عقوبات مماثلة.")
    evs = events_of(text, "SANCTION")
    assert len(evs) == 2, [e["trigger"]["text"] for e in evs]
    assert all(part_has(e["recipient"], "ميانمار") for e in evs), [e["recipient"] for e in evs]


def test_a_list_that_met_someone_else_is_one_side():
    ev = find_event("اجتمع وزير الخارجية ونائبه مع السفير الياباني في الوزارة.", "CONSULT",
                    "اجتمع")
    assert not part_has(ev["recipient"], "نائبه"), ev["recipient"]
