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
    actor = ev.get("actor") or {}
    return fold(" ".join(filter(None, (actor.get("text"), actor.get("canonical")))))


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
    ("وكان الرئيس الفرنسي إيمانويل ماكرون قد بحث الأزمة في اجتماع مع رئيس الوزراء البريطاني "
     "في لندن.", "CONSULT", "ماكرون"),
    ("وأعلن الرئيس الأمريكي جو بايدن انسحابه من المعاهدة مع روسيا يوم الخميس.", "SANCTION",
     "بايدن"),
]


INSTRUMENT = [  # «قتل ثلاثة بغارة إسرائيلية»: the passive verb's agent is the weapon's owner
    ("قتل أربعة صيادين بغارة تركية على قارب قرب الساحل.", "ASSAULT", "تركيا"),
    ("أصيب عامل بنيران الجيش قرب السياج الحدودي.", "ASSAULT", "الجيش"),
]

INDEFINITE_SUBJECT = [  # «شنت طائرات حربية روسية غارات»: a subject with its nationality
    ("شنت طائرات حربية روسية غارات على مواقع في ريف حماة.", "ASSAULT", "روسيا"),
    ("قصفت مدفعية تركية قرى حدودية يوم الأحد.", "ASSAULT", "تركيا"),
]

SPEAKER_OF_HIS_OWN_ACT = [  # «أعلن الجيش أنه قصف …»: the pronoun is the speaker's
    ("أعلن الجيش الأردني أنه قصف مواقع للمهربين قرب الحدود.", "ASSAULT", "الجيش الأردني"),
    ("أعلنت حركة الشباب مسؤوليتها عن الهجوم على نقطة التفتيش.", "ASSAULT", "حركة الشباب"),
]

TITLES_BEFORE_THE_NAME = [  # «استقبل خادم الحرمين الشريفين الملك …»: titles, then the name
    ("استقبل خادم الحرمين الشريفين الملك سلمان بن عبد العزيز في الرياض أمس وفدا من رجال "
     "الأعمال.", "CONSULT", "سلمان بن عبد العزيز"),
]

AGENT_OF_THE_WEAPON = [  # «صاروخا أطلقته الجماعة»: the launcher named after the weapon
    ("اعترضت الدفاعات الجوية صاروخا باليستيا أطلقته ميليشيا الحوثي نحو المدينة.", "ASSAULT",
     "ميليشيا الحوثي"),
]

CONSTRUCT_SUBJECT = [  # «التقى ولي العهد …»: a noun and its genitive after the verb
    ("التقى ولي العهد في الرياض أمس رئيس الوزراء الباكستاني شهباز شريف.", "CONSULT",
     "ولي العهد"),
]

COORDINATED_VERBS = [  # «اقتحمت القوات البلدة واعتقلت …»: one subject for both verbs
    ("داهمت الشرطة حيا في المدينة واعتقلت سبعة مطلوبين.", "COERCE", "الشرطة"),
    # the subject right before the verb, after the source's «أن»
    ("ذكرت وكالة الأنباء أن الطائرات قصفت مواقع للمسلحين.", "ASSAULT", "الطائرات"),
]


@pytest.mark.parametrize("sentence,type_,actor", AGENT_AFTER + SVO_LIGHT_VERB +
                         NOUN_NISBA_BEFORE + CLAUSE_SUBJECT + INSTRUMENT +
                         INDEFINITE_SUBJECT + COORDINATED_VERBS +
                         SPEAKER_OF_HIS_OWN_ACT + TITLES_BEFORE_THE_NAME +
                         AGENT_OF_THE_WEAPON + CONSTRUCT_SUBJECT)
def test_the_actor_is_read_off_the_clause(sentence, type_, actor):
    got = _actor(_event(sentence, type_))
    assert fold(actor) in got or (got and got in fold(actor)), (got, actor)


def test_each_coordinated_verb_has_the_shared_subject():
    record = to_record(api.extract_text(
        "داهمت الشرطة حيا في المدينة واعتقلت سبعة مطلوبين.", published="2024-05-02"))
    actors = [_actor(e) for e in record["events"] if e["type"] == "COERCE"]
    assert actors and all("الشرطه" in a for a in actors), actors


NOT_THE_ACTOR = [  # a preposition's object and a noun with a glued preposition do not act
    ("وأعلن الرئيس انسحابه من الاتفاق مع إيران.", "SANCTION", "إيران"),
    # the genitive follows its noun and adjectives: not across «في»
    ("وقال المتحدث إن المحادثات في العاصمة المصرية القاهرة ستستمر يومين.", "CONSULT",
     "القاهرة"),
    # the verb after a masdar's object tells of the object («تدمير طائرة أطلقها …»)
    ("أعلن الجيش تدمير طائرة مسيرة أطلقها المسلحون نحو القاعدة.", "ASSAULT", "المسلحون"),
    # a name after «بقيادة» is the leader's, not the subject
    ("أعلن التحالف بقيادة الأردن تدمير مخزن للأسلحة.", "ASSAULT", "الأردن"),
    # the reporting agency is not the actor when the subject stands before the verb
    ("ذكرت وكالة الأنباء أن الطائرات قصفت مواقع للمسلحين.", "ASSAULT", "وكالة الأنباء"),
    # the source named after «بحسب» reports, it does not act
    ("وبحسب وكالة الأنباء الرسمية، قتل أربعة جنود في هجوم على ثكنة.", "ASSAULT",
     "وكالة الأنباء الرسمية"),
    # the victims after a toll word did not act
    ("أعلنت الشرطة مقتل ستة مسلحين في اشتباكات قرب الحدود.", "ASSAULT", "مسلحين"),
    # a place after a noun subject is the object («يزور الرئيس باريس»)
    ("من المتوقع أن يزور الرئيس مدريد الشهر المقبل.", "CONSULT", "مدريد"),
    # «قد» follows its subject: the noun after the verb is the object
    ("ونفت الحكومة أن تكون قواتها قد قصفت القرية.", "ASSAULT", "القرية"),
    # a count before the verb is its subject: the name before it did not act
    ("وقالت وزارة الصحة إن ثلاثة قتلوا بعد منتصف الليل.", "ASSAULT", "وزارة الصحة"),
    # nor of the event noun in the clause after «إن»
    ("وقالت وزارة الصحة إن أربعة قتلوا في القصف على السوق.", "ASSAULT", "وزارة الصحة"),
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


def test_an_event_told_on_carries_the_place_and_actor_of_the_story():
    record = to_record(api.extract_text(
        "قصفت الطائرات الروسية بلدة في ريف إدلب فجر الأحد. وبعد ساعات عادت وشنت غارات "
        "أخرى استهدفت مخبزا.", published="2024-05-02"))
    evs = [e for e in record["events"] if e["type"] == "ASSAULT"]
    later = [e for e in evs if "غارات" in e["trigger"]["text"]]
    assert later, evs
    assert "ادلب" in fold(later[0]["location"]["text"])
    assert "الطايرات" in _actor(later[0])


@pytest.mark.parametrize("sentence,type_", [
    ("وأكد الوزير أن بلاده ستفرض قريبا عقوبات على الشركات المخالفة.", "SANCTION"),
    ("وقال المتحدث إن الحكومة ستجري مباحثات مع المعارضة.", "CONSULT"),
])
def test_an_event_noun_after_a_future_verb_is_a_plan(sentence, type_):
    assert _event(sentence, type_)["status"] == "future"


@pytest.mark.parametrize("sentence,type_,status", [
    ("قد تفرض الحكومة عقوبات جديدة على شركات الطيران.", "SANCTION", "hypothetical"),
    ("وقالت الوزارة إن قواتها قد قصفت مواقع المسلحين.", "ASSAULT", "claimed"),
    ("وهددت الحكومة بفرض عقوبات على الشركات المخالفة.", "SANCTION", "future"),
    ("وتوقع محللون أن تشن القوات هجوما واسعا على البلدة.", "ASSAULT", "future"),
])
def test_modal_and_threatened_events(sentence, type_, status):
    assert _event(sentence, type_)["status"] == status



def test_a_count_of_soldiers_mobilised_is_no_toll():
    ev = _event("وقالت الإذاعة إن عشرات الآلاف من جنود الاحتياط سيلتحقون بوحداتهم بعد مقتل "
                "ثلاثة جنود.", "MOBILIZE")
    assert ev["dead"] is None


RECIPIENTS = [  # whom: the object, past a count or a place and a time; the partner of «مع»
    ("اعتقلت الشرطة عشرة متظاهرين في وسط العاصمة.", "COERCE", "متظاهرين"),
    ("التقى الرئيس في القاهرة أمس رئيس الوزراء الإيطالي جورجيا ميلوني.", "CONSULT", "ميلوني"),
    ("بحث وزير الخارجية مع نظيره الفرنسي في اتصال هاتفي الأوضاع في المنطقة.", "CONSULT",
     "نظيره"),
    ("قدمت الكويت مساعدات إنسانية إلى الشعب السوداني.", "AID", "الشعب"),
    ("التقى ولي العهد في الرياض أمس رئيس الوزراء الباكستاني شهباز شريف.", "CONSULT",
     "شهباز شريف"),
    ("استقبل أمير البلاد الشيخ تميم بن حمد في قصر البحر أمس وزير الدفاع الإيطالي.",
     "CONSULT", "وزير"),
    ("وأعلنت الشرطة القبض على عصابة لتهريب المخدرات في المدينة.", "COERCE", "عصابة"),
]


@pytest.mark.parametrize("sentence,type_,recipient", RECIPIENTS,
                         ids=[r for _, _, r in RECIPIENTS])
def test_the_recipient_is_read_off_the_clause(sentence, type_, recipient):
    got = fold((_event(sentence, type_).get("recipient") or {}).get("text") or "")
    assert fold(recipient) in got or (got and got in fold(recipient)), (got, recipient)


PLACES = [  # where: a head and a place the tagger split; a place the tagger missed
    ("قصفت الطائرات بلدات في ريف حلب الشمالي.", "ASSAULT", "ريف حلب"),
    ("شنت الطائرات غارات على مواقع المسلحين في صعدة.", "ASSAULT", "صعدة"),
]


@pytest.mark.parametrize("sentence,type_,place", PLACES, ids=[p for _, _, p in PLACES])
def test_the_place_is_found_where_the_tagger_missed_it(sentence, type_, place):
    loc = _event(sentence, type_).get("location") or {}
    assert fold(loc.get("text") or "") == fold(place) and loc.get("geo")


def test_a_common_word_that_some_far_town_bears_is_no_place():
    loc = _event("وأيد الوزير الضربات ضد أهداف في دولة مجاورة.", "ASSAULT").get("location")
    assert loc is None
