"""The events stage on sentences of our own: every type, every status, counts in digits and
words, one event told three times, statements that are not events, and offsets."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from khabar import api
from khabar.events.counts import counts
from khabar.normalize import fold
from khabar.record import to_record

PUBLISHED = "2024-05-02"


def events_of(text: str, material: bool = True) -> list[dict]:
    record = to_record(api.extract_text(text, published=PUBLISHED))
    return [e for e in record["events"] if not (material and e.get("from_statement"))]


def _text(part) -> str | None:
    return part.get("text") if isinstance(part, dict) else None


TYPES = [
    ("ASSAULT", "قصفت الطائرات الحربية مخزنا للذخيرة قرب مدينة حلب فجر الثلاثاء.", "قصفت"),
    ("PROTEST", "تظاهر مئات الطلاب أمام مبنى البرلمان في عمّان احتجاجا على رفع الرسوم.", "تظاهر"),
    ("COERCE", "اعتقلت الشرطة خمسة ناشطين في مدينة وهران مساء الأحد.", "اعتقلت"),
    ("MOBILIZE", "دفع الجيش بتعزيزات عسكرية كبيرة إلى الحدود الشمالية.", "تعزيزات"),
    ("SANCTION", "فرضت الحكومة عقوبات جديدة على ثلاث شركات شحن.", "فرضت"),
    ("AID", "وصلت قافلة مساعدات إنسانية إلى مدينة الفاشر أمس.", "قافلة مساعدات"),
    ("COOPERATE", "نفذ البلدان عملية مشتركة لملاحقة مهربي السلاح في الصحراء.", "عملية مشتركة"),
    ("RETREAT", "أفرجت السلطات عن عشرين معتقلا من سجن المدينة المركزي.", "أفرجت"),
    ("CONSULT", "التقى وزير الخارجية نظيره التونسي في الجزائر العاصمة.", "التقى"),
    ("AGREE", "وقع الطرفان اتفاقية للتعاون في مجال المياه بعد مفاوضات طويلة.", "وقع"),
]


@pytest.mark.parametrize("type_,sentence,trigger", TYPES, ids=[t[0] for t in TYPES])
def test_each_type_is_found_at_its_trigger(type_, sentence, trigger):
    evs = [e for e in events_of(sentence) if e["type"] == type_]
    assert evs, f"no {type_} in {sentence}"
    assert fold(evs[0]["trigger"]["text"]) in fold(trigger) or \
        fold(trigger).startswith(fold(evs[0]["trigger"]["text"]))


STATUSES = [
    ("asserted", "قصفت المدفعية مواقع المسلحين شرقي المدينة يوم الاثنين."),
    ("claimed", "قال الجيش إنه قصف مواقع المسلحين شرقي المدينة."),
    ("denied", "نفى الجيش أنه قصف أي مواقع مدنية في المدينة."),
    ("denied", "وأكدت الوزارة أن الوزير لم يلتق السفير خلال زيارته."),
    ("future", "ستفرض الحكومة عقوبات على الشركات المخالفة الشهر المقبل."),
    ("future", "يعتزم الرئيس زيارة القاهرة الأسبوع المقبل."),
    ("hypothetical", "وهدد الوزير بأنه إذا استمر التهريب فسيتم فرض حظر التجول على البلدة."),
]

# an alleged event («هجوم مفترض», «الهجوم المزعوم») is claimed, with or without a statement
ALLEGED = [
    "وتنتظر اللجنة نتائج التحقيق في هجوم مفترض بغاز سام على قرية جبلية الشهر الماضي.",
    "ويدور الجدل منذ أسابيع حول الهجوم المزعوم على قافلة الإغاثة قرب الحدود.",
    "ولا تزال ملابسات الاغتيال المزعوم لأحد قادة الفصائل في المدينة غامضة.",
]


@pytest.mark.parametrize("sentence", ALLEGED, ids=[f"alleged-{i}" for i in range(len(ALLEGED))])
def test_an_alleged_event_is_claimed(sentence):
    evs = [e for e in events_of(sentence) if e["type"] == "ASSAULT"]
    assert evs, sentence
    assert evs[0]["status"] == "claimed"


# a past event recounted in a «بعدما/إثر/عقب» clause inside a threat is a fact, not the plan
PAST_IN_THREAT = [
    ("وتوعد الرئيس بضربات قاسية بعدما لقي عشرون جنديا حتفهم إثر هجوم على ثكنة في الجنوب.",
     "هجوم"),
    ("وهددت الحكومة بإجراءات صارمة عقب هجوم استهدف مركزا للشرطة في العاصمة.", "هجوم"),
]


@pytest.mark.parametrize("sentence,trigger", PAST_IN_THREAT,
                         ids=[f"past-in-threat-{i}" for i in range(len(PAST_IN_THREAT))])
def test_a_past_event_inside_a_threat_is_asserted(sentence, trigger):
    evs = [e for e in events_of(sentence) if e["trigger"]["text"] == trigger]
    assert evs, sentence
    assert evs[0]["status"] == "asserted"


def test_a_planned_strike_in_a_threat_stays_future():
    evs = [e for e in events_of("وهدد الجيش بقصف مواقع المسلحين في الجبال خلال أيام.")
           if e["type"] == "ASSAULT"]
    assert evs and evs[0]["status"] == "future"


@pytest.mark.parametrize("status,sentence", STATUSES,
                         ids=[f"{s}-{i}" for i, (s, _) in enumerate(STATUSES)])
def test_each_status(status, sentence):
    evs = events_of(sentence)
    assert evs, sentence
    assert evs[0]["status"] == status


def test_a_clause_detailing_a_statement_is_claimed_by_it():
    record = to_record(api.extract_text(
        "وذكرت مصادر محلية أن هجمات عدة وقعت في المنطقة، إذ تم استهداف حاجز عسكري "
        "قرب البلدة.", published=PUBLISHED))
    ev = next(e for e in record["events"] if e["trigger"]["text"] == "استهداف")
    assert ev["status"] == "claimed" and ev["statement"] is not None


def test_a_claimed_event_points_at_the_statement_that_claims_it():
    record = to_record(api.extract_text("قال الجيش إنه قصف مواقع المسلحين شرقي المدينة.",
                                        published=PUBLISHED))
    ev = next(e for e in record["events"] if e["type"] == "ASSAULT")
    quote = record["quotes"][ev["statement"]]
    assert quote["content"]["start"] <= ev["trigger"]["start"] < quote["content"]["end"]


COUNTS = [
    ("سقط ثلاثة قتلى في الانفجار", {"dead": 3}),
    ("وأصيب عشرات الجرحى بجروح مختلفة", {"injured": 10}),
    ("أسفر الهجوم عن مقتل 12 شخصا وإصابة 30 آخرين", {"dead": 12, "injured": 30}),
    ("وقتل خمسة مدنيين وجرح سبعة", {"dead": 5}),
    ("اعتقال 25 ناشطا خلال المداهمات", {"arrested": 25}),
    ("نزح مئات الأسر ولقي نحو ألف مدني حتفهم", {"dead": 1000}),
    ("استشهاد شاب برصاص الجنود", {"dead": 1}),
    ("مقتل شخصين وإصابة طفل", {"dead": 2, "injured": 1}),
    ("أسفرت الغارة عن مقتل أربعين ألف جندي", {"dead": 40000}),
    ("وقتل ثلاثة أشخاص وإصابة عشرات آخرين", {"dead": 3, "injured": 10}),
    # an active verb: its subject stands between it and the count, and is no victim
    ("قتل الجيش خمسة مسلحين في الاشتباك", {"dead": 5}),
    ("اعتقلت الشرطة أحد عشر شخصا في المداهمة", {"arrested": 11}),
    ("قتلت القوات في الاشتباك", {}),
    ("قتل شرطي في الهجوم", {"dead": 1}),
    # a toll's running total, a count glued to «و», a dual, one clause per verb
    ("وارتفع عدد القتلى إلى 30 بحسب المستشفى", {"dead": 30}),
    ("أسفر الانفجار عن سقوط 5 قتلى و12 جريحا", {"dead": 5, "injured": 12}),
    ("سقط قتيلان وثلاثة جرحى في الحادث", {"dead": 2, "injured": 3}),
    ("قتل شخص وأصيب اثنان آخران في الهجوم", {"dead": 1, "injured": 2}),
    # people listed after the counted noun add to the count; another event word does not
    ("إصابة أربعة عمال وطفل في القصف", {"injured": 5}),
    ("مقتل 4 مدنيين و2 عسكريين في الكمين", {"dead": 6}),
    ("جرح سبعة آخرين بالإضافة إلى شرطي في الانفجار", {"injured": 8}),
    ("مقتل 3 مدنيين وتدمير منازل في القصف", {"dead": 3}),
    # a range takes its lower bound
    ("قتل ما بين 20 و30 شخصا في القصف", {"dead": 20}),
    # a count of two words before its noun is read whole, not from its last word
    ("وارتفعت الحصيلة إلى أحد عشر قتيلا في المدينة", {"dead": 11}),
    ("سقط ثلاثة عشر جريحا في التدافع", {"injured": 13}),
    ("خلفت المعارك خمسة آلاف قتيل خلال العام", {"dead": 5000}),
    ("سقط عشرون قتيلا في الانفجار", {"dead": 20}),
    # a count of people whose injury or death a later word of the clause states
    ("وقال المرصد إن 12 شخصا تلقوا العلاج جراء إصابتهم بضيق في التنفس", {"injured": 12}),
    ("ونقل خمسة أشخاص إلى المستشفى بجروح متفاوتة", {"injured": 5}),
    ("وأفاد الدفاع المدني أن سبعة مدنيين نقلوا إثر إصابتهم بشظايا", {"injured": 7}),
    ("لقي ثلاثة عمال مصرعهم في انهيار المبنى", {"dead": 3}),
    ("أصيب تسعة أشخاص بجروح في الانفجار", {"injured": 9}),
    ("مقتل شخصين وإصابة أربعة آخرين بجروح خطيرة", {"dead": 2, "injured": 4}),
    ("عشرات المواطنين أصيبوا بجروح خلال المواجهات", {"injured": 10}),
]

# whole tolls, nothing more: the whole toll, not its part; the nearest count, not one
# further back
EXACT_TOLLS = [
    ("لقي 30 مدنيا على الأقل، بينهم 9 أطفال مصرعهم في القصف", {"dead": 30}),
    # («اثنين آخرين» are two people, the injury word after them their toll: events12)
    ("قتل المسلح ثلاثة أشخاص وأصاب اثنين آخرين بجروح", {"dead": 3, "injured": 2}),
    ("ونقل 48 شخصا إلى المستشفى بعد إصابتهم بجروح", {"injured": 48}),
]


@pytest.mark.parametrize("phrase,want", EXACT_TOLLS, ids=[c[0] for c in EXACT_TOLLS])
def test_exact_tolls(phrase, want):
    found, _ = counts(fold(phrase).split())
    assert found == want

# no toll: ages, dates, prices and counts of things stand before the same words
NO_TOLLS = [
    "وبلغ سعر الدواء 40 دولارا وسط شكاوى من يعانون بجروح مزمنة",
    "في 12 مايو نقل المسعفون العمال بجروح إلى المستشفى",
    "دمرت الغارة 12 منزلا قبل أن ينقل السكان بجروح",
    "وشارك 300 متطوع في حملة للتبرع بالدم، ثم نقل المسعفون مصابين بجروح",
    "منذ 15 عاما يعالج الطبيب المرضى بجروح الحروق",
    "وصلت 20 شاحنة محملة بالأدوية للمصابين بجروح",
]


@pytest.mark.parametrize("phrase", NO_TOLLS, ids=NO_TOLLS)
def test_no_toll_from_numbers_that_count_no_people(phrase):
    found, _ = counts(fold(phrase).split())
    assert "injured" not in found and "dead" not in found, found


@pytest.mark.parametrize("phrase,want", COUNTS, ids=[c[0] for c in COUNTS])
def test_counts_from_digits_and_number_words(phrase, want):
    found, _ = counts(fold(phrase).split())
    assert {k: v for k, v in found.items() if k in want or not want} == want


def test_counts_in_an_event():
    ev = events_of("قصف الجيش قرية على أطراف المدينة ما أدى إلى مقتل ثلاثة أشخاص "
                   "وإصابة عشرات آخرين.")[0]
    assert (ev["dead"], ev["injured"], ev["arrested"]) == (3, 10, None)


def test_one_event_told_three_times_is_one_event_with_mentions():
    text = ("غارة على سوق الخضار في بلدة كفرنبل\n\n"
            "قتل سبعة مدنيين في غارة جوية استهدفت سوق الخضار في بلدة كفرنبل صباح اليوم.\n\n"
            "وقالت فرق الإسعاف إنها انتشلت الجثث من تحت الأنقاض.\n\n"
            "وكانت الغارة على سوق الخضار في كفرنبل قد أثارت موجة غضب واسعة.")
    article = api.extract_text(text, published=PUBLISHED)
    evs = [e for e in to_record(article)["events"] if e["type"] == "ASSAULT"]
    assert len(evs) == 1, [e["trigger"]["text"] for e in evs]
    assert len(evs[0]["mentions"]) >= 1
    assert evs[0]["dead"] == 7


NOT_EVENTS = [
    "قال الوزير إن الاقتصاد ينمو بوتيرة أسرع من المتوقع هذا العام.",
    "أعلنت وزارة الخارجية أسماء المرشحين للمنصب الجديد.",
    "دعا نشطاء إلى حماية الغابات من الحرائق في فصل الصيف.",
    "افتتح المعرض الدولي للكتاب أبوابه أمام الزوار في شارع الشهداء.",
    "وطالبت الحكومة بانسحاب القوات الأجنبية من أراضيها.",
]


@pytest.mark.parametrize("sentence", NOT_EVENTS)
def test_statements_and_news_that_are_not_material_events(sentence):
    assert events_of(sentence) == []


VERBAL = [
    ("THREATEN", "هدد الرئيس بفرض رسوم جمركية على السلع المستوردة."),
    ("ACCUSE", "اتهم وزير الداخلية جماعة مسلحة بتدبير الهجوم."),
    ("REQUEST", "وطالبت النقابة الحكومة بزيادة الأجور."),
]


@pytest.mark.parametrize("type_,sentence", VERBAL, ids=[v[0] for v in VERBAL])
def test_a_verbal_act_is_an_event_from_its_statement(type_, sentence):
    record = to_record(api.extract_text(sentence, published=PUBLISHED))
    verbal = [e for e in record["events"] if e.get("from_statement")]
    assert [e["type"] for e in verbal] == [type_]
    assert record["quotes"][verbal[0]["statement"]]


def test_places_are_geocoded_and_linked():
    ev = events_of("داهمت قوات الأمن مخيم جنين واعتقلت عشرة شبان.")[0]
    loc = ev["location"]
    assert loc["geo"]["country"] == "PS" and loc["geo"]["admin_level"] == 4


def test_actor_and_recipient_are_spans_linked_to_entities():
    ev = events_of("استقبل الرئيس المصري عبد الفتاح السيسي وزير الخارجية الأمريكي "
                   "أنتوني بلينكن في القاهرة.")[0]
    assert ev["type"] == "CONSULT"
    assert ev["actor"] and ev["actor"].get("entity")
    assert ev["location"]["geo"]["country"] == "EG"


def test_the_place_that_witnessed_an_event_is_its_scene_not_its_actor():
    ev = events_of("وشهدت مدينة صفاقس مظاهرة حاشدة أمس.")[0]
    assert ev["type"] == "PROTEST" and ev["actor"] is None
    assert ev["location"]["text"] == "مدينة صفاقس"


def test_a_visited_seat_is_the_place_not_the_visitor():
    ev = events_of("وقال المتحدث إن وفدا تونسيا يزور البنتاغون غدا لبحث التعاون العسكري.")[0]
    assert ev["type"] == "CONSULT" and ev["status"] == "future"
    assert ev["actor"] is None or "البنتاغون" not in ev["actor"]["text"]
    assert ev["location"]["geo"]["country"] == "US"


def test_a_future_verb_is_a_plan():
    ev = events_of("ستنسحب القوات من المدينة خلال أسبوعين.")[0]
    assert (ev["type"], ev["status"]) == ("RETREAT", "future")


LIGHT_VERBS = [
    ("شنت الطائرات الحربية غارات عنيفة على مواقع المسلحين.", "الطائرات الحربية"),
    ("ونظم طلاب الجامعة وقفة احتجاجية أمام مبنى الوزارة.", "طلاب الجامعة"),
    ("نفذت حركة حماس هجوما على موقع عسكري.", "حركة حماس"),
]


@pytest.mark.parametrize("sentence,actor", LIGHT_VERBS, ids=[a for _, a in LIGHT_VERBS])
def test_the_subject_of_a_light_verb_is_the_actor_of_its_event_noun(sentence, actor):
    ev = events_of(sentence)[0]
    assert ev["actor"]["text"] == actor


def test_a_date_is_the_timex_with_its_value():
    ev = events_of("اعتقلت الشرطة ثلاثة مهربين في ميناء طرطوس يوم الأحد الماضي.")[0]
    assert ev["date"]["text"] and ev["date"]["value"].startswith("2024-04")


def _offsets_ok(record):
    text = record["text"]
    for ev in record["events"]:
        for part in (ev["trigger"], ev["sentence"], ev.get("actor"), ev.get("recipient"),
                     ev.get("location"), ev.get("date")):
            if part and part.get("start") is not None:
                assert text[part["start"]:part["end"]] == part["text"]


def test_every_part_has_offsets_into_the_text():
    text = ("وقتل ثلاثة جنود وجُرح اثنان في هجوم بعبوة ناسفة استهدف دورية عسكرية قرب "
            "بلدة تل أبيض. ونفذت القوات عملية مشتركة مع الشرطة واعتقلت 8 مشتبهين.")
    _offsets_ok(to_record(api.extract_text(text, published=PUBLISHED)))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from([t[1] for t in TYPES] + NOT_EVENTS),
       st.lists(st.sampled_from([t[1] for t in TYPES] + NOT_EVENTS + ["\n\n", "، ", " "]),
                max_size=5))
def test_any_mix_of_sentences_gives_valid_events(first, parts):
    record = to_record(api.extract_text(first + "".join(parts), published=PUBLISHED))
    _offsets_ok(record)
    ids = [e["id"] for e in record["events"]]
    assert len(ids) == len(set(ids))


# an early and a later toll of one strike, its place named two ways: one event, the higher
# toll; two strikes in two places, or a strike by another means, stay two
TOLLS = [
    ("قصف الجيش الإسرائيلي خيمة للنازحين في منطقة الزوايدة صباح الأربعاء ما أدى "
     "إلى استشهاد 4 فلسطينيين. وفي وقت لاحق أفاد مصدر طبي باستشهاد 9 فلسطينيين في قصف "
     "للجيش الإسرائيلي على الزوايدة.", 1, 9),
    ("قصف الجيش الإسرائيلي خيمة للنازحين في منطقة الزوايدة صباح الأربعاء ما أدى "
     "إلى استشهاد 4 فلسطينيين. وفي وقت لاحق أفاد مصدر طبي باستشهاد 9 فلسطينيين في قصف "
     "للجيش الإسرائيلي على بلدة بيت لاهيا.", 2, 4),
]


# a heading glued to a sentence's start names its event a second time: the toll told in
# the clause of the other mention is that event's too
SPLIT_TOLLS = [
    ("شهيد ومواجهات\nوقد استشهد شاب برصاص الجيش قرب قرية الخضر غرب بيت لحم، فيما أصيب "
     "14 خلال مواجهات مع الجيش في مواقع متفرقة.", "مواجهات", 14),
    ("جرحى واشتباكات\nوقتل مسلح في كمين قرب البلدة، فيما أصيب تسعة خلال اشتباكات مع "
     "قوات الأمن في الحي الشرقي.", "اشتباكات", 9),
]


@pytest.mark.parametrize("text,trigger,injured", SPLIT_TOLLS, ids=["heading-clashes",
                                                                   "heading-fighting"])
def test_a_toll_split_over_two_mentions_of_one_trigger(text, trigger, injured):
    evs = [e for e in events_of("مسيرات في المدن\n\n" + text)
           if e["trigger"]["text"] == trigger]
    assert evs and all(e["injured"] == injured for e in evs), \
        [(e["trigger"]["text"], e["dead"], e["injured"]) for e in evs]


@pytest.mark.parametrize("text,n,dead", TOLLS, ids=["one-strike-two-tolls", "two-places"])
def test_an_updated_toll_joins_its_strike(text, n, dead):
    evs = [e for e in events_of(text) if e["type"] == "ASSAULT"]
    assert len(evs) == n, [(e["trigger"]["text"], e.get("location"), e.get("mode")) for e in evs]
    assert evs[0]["dead"] == dead


# «أكدوا أنها تركية قصفت …»: a complementizer with a pronoun before a nationality is no
# noun; the nationality alone names the actor
NATIONALITY_AFTER_PRONOUN = [
    ("أعلن الجيش اعتراض طائرات مسيرة أكد أنها تركية قصفت قاعدة عسكرية في الشمال.",
     "قصفت", "تركيا"),
    ("وأسقطت الدفاعات صواريخ ذكرت أنها روسية قصفت محطة للكهرباء قرب العاصمة.",
     "قصفت", "روسيا"),
]


@pytest.mark.parametrize("text,trigger,country", NATIONALITY_AFTER_PRONOUN,
                         ids=[f"pronoun-nisba-{i}" for i in range(len(NATIONALITY_AFTER_PRONOUN))])
def test_a_nationality_after_a_pronoun_is_the_actor(text, trigger, country):
    ev = next(e for e in events_of(text) if e["trigger"]["text"] == trigger)
    assert fold(ev["actor"]["canonical"]) == fold(country), ev["actor"]
    assert not fold(ev["actor"]["text"]).startswith(("انها", "انه"))
