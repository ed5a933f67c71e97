"""Who acted, read off the grammar of the trigger's clause: one table per mechanism, each
row a sentence of our own and the actor it must give."""
from __future__ import annotations

import pytest

from khabar import api
from khabar.normalize import fold
from khabar.record import to_record


def _event(sentence: str, type_: str) -> dict:
    record = to_record(api.extract_text(sentence, published="2024-05-02"))
    evs = [e for e in record["events"] if e["type"] == type_ and not e.get("from_statement")]
    assert evs, f"no {type_} event in {sentence}"
    return evs[0]


def _actor(ev: dict) -> str:
    return fold((ev.get("actor") or {}).get("text") or "")


AGENT_AFTER = [  # «هجوم من قبل …», «غارة شنتها …»: the agent named after the noun
    ("وقع هجوم على حاجز للشرطة من قبل مسلحين مجهولين في مدينة العريش.", "ASSAULT", "مسلحين"),
    ("وأدان الوزير الغارة التي شنتها الطائرات التركية على قرية شمال العراق.", "ASSAULT",
     "الطائرات التركية"),
    ("ونددت المنظمة بالهجوم الذي نفذته الجماعة المسلحة على القافلة.", "ASSAULT",
     "الجماعة المسلحة"),
]

SVO_LIGHT_VERB = [  # «القوات نفذت الهجوم»: the subject before its light verb
    ("وقالت اللجنة إن القوات الجوية السورية نفذت الهجوم بالغاز على قرية في ريف إدلب.",
     "ASSAULT", "القوات الجوية السورية"),
]

NOUN_NISBA_BEFORE = [  # «وفدا مصريا يزور …»: a noun and its nationality before the verb
    ("وأعلن المتحدث أن وفدا مصريا يزور العاصمة الليبية الأسبوع المقبل.", "CONSULT",
     "وفدا مصريا"),
]

CLAUSE_SUBJECT = [  # the subject of the clause that holds the event noun
    ("وكان الرئيس إيمانويل ماكرون قد بحث الأزمة في اجتماع مع رئيس الوزراء البريطاني "
     "في لندن.", "CONSULT", "ماكرون"),
    ("وأعلن الرئيس الأمريكي جو بايدن انسحابه من المعاهدة مع روسيا يوم الخميس.", "SANCTION",
     "بايدن"),
]


@pytest.mark.parametrize("sentence,type_,actor", AGENT_AFTER + SVO_LIGHT_VERB +
                         NOUN_NISBA_BEFORE + CLAUSE_SUBJECT)
def test_the_actor_is_read_off_the_clause(sentence, type_, actor):
    got = _actor(_event(sentence, type_))
    assert fold(actor) in got or (got and got in fold(actor)), (got, actor)


NOT_THE_ACTOR = [  # a preposition's object and a noun with a glued preposition do not act
    ("وأعلن الرئيس انسحابه من الاتفاق مع تركيا.", "SANCTION", "تركيا"),
    ("وأعلنت الدفاعات تصديها لصواريخ روسية استهدفت المدينة.", "ASSAULT", "لصواريخ روسية"),
]


@pytest.mark.parametrize("sentence,type_,wrong", NOT_THE_ACTOR)
def test_governed_names_are_not_the_actor(sentence, type_, wrong):
    assert _actor(_event(sentence, type_)) != fold(wrong)


def test_the_source_of_a_statement_is_not_the_actor_of_what_it_reports():
    ev = _event("وأفادت وزارة الصحة في بيان بمقتل ثلاثة أشخاص في غارة على بلدة جنوبية.",
                "ASSAULT")
    assert "وزارة" not in _actor(ev)


def test_a_toll_after_its_event_is_read():
    ev = _event("وانفجرت سيارة مفخخة في سوق شعبي راح ضحيته عشرات المدنيين.", "ASSAULT")
    assert ev["dead"] == 10


PLANNED_BY_THE_CLAUSE_VERB = [  # the event noun is the subject of a verb with «س»
    ("وقالت الإذاعة إن آلاف جنود الاحتياط سيلتحقون بوحداتهم غدا.", "MOBILIZE"),
    ("وقال الوزير إن مباحثات الطرفين ستجريان في القاهرة.", "CONSULT"),
]


@pytest.mark.parametrize("sentence,type_", PLANNED_BY_THE_CLAUSE_VERB)
def test_a_future_verb_after_the_event_noun_makes_a_plan(sentence, type_):
    assert _event(sentence, type_)["status"] == "future"


@pytest.mark.parametrize("word", ["سيارات", "سياسيون", "سيطرة", "ستون"])
def test_nouns_that_open_like_a_future_verb_are_not_plans(word):
    from khabar.events.status import _future_verb
    assert not _future_verb(word)
