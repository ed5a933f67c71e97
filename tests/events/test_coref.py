"""Cross-sentence event coreference (khabar/events/coref.py), on articles of our own: a
headline, a lead and a later recap of one strike are one event with several mentions;
two strikes in one article stay two; a recap's toll is the most complete whole one, never
a sum of parts; a campaign's total joins nothing."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from khabar import api
from khabar.events import coref
from khabar.record import to_record

PUBLISHED = "2024-05-02"


def assaults(text: str) -> list[dict]:
    record = to_record(api.extract_text(text, published=PUBLISHED))
    return [e for e in record["events"] if e["type"] == "ASSAULT"]


def mention_words(ev: dict) -> list[str]:
    return [m["trigger"]["text"] for m in ev.get("mentions") or ()]


# (article, the strikes it tells, in order: (dead, injured, at least this many mentions))
ARTICLES = [
    # headline, lead, a definite recap with a revised toll: one event, the revised toll
    ("شهداء وجرحى بغارة على منزل في بيت حانون\n\n"
     "استشهد أربعة فلسطينيين وأصيب آخرون فجر الأحد بغارة جوية طالت منزلا "
     "لعائلة النجار في بلدة بيت حانون شمالي قطاع غزة.\n\n"
     "وقالت مصادر طبية إن الطواقم نقلت المصابين إلى المستشفى الإندونيسي.\n\n"
     "وأضافت المصادر أن حصيلة الغارة ارتفعت لاحقا إلى ستة شهداء و11 مصابا.",
     [(6, 11, 2)]),
    # the lead's whole toll and a recap giving its parts by side: not summed, the recap's
    # other count fills the gap
    ("بعد اشتباكات عنيفة قتل فيها 14 مسلحا و5 من رجال الأمن، سيطرت القوات على قرية "
     "الشعبة في محافظة ذمار يوم الأربعاء.\n\n"
     "وأوضح مصدر أمني أن الاشتباكات التي شهدتها القرية أسفرت عن سقوط 14 قتيلا من "
     "المسلحين وإصابة العشرات، كما أسفرت الاشتباكات عن سقوط 5 قتلى من رجال الأمن.",
     [(19, 10, 1)]),
    # two strikes in two towns, each retold by name: two events, each with its own toll
    ("غارات على مخيم المغازي ومدينة بيت لاهيا\n\n"
     "استشهد سبعة فلسطينيين في غارة جوية استهدفت بيتا في مخيم المغازي وسط قطاع غزة "
     "مساء الثلاثاء.\n\n"
     "وفي مدينة بيت لاهيا، استشهد اثنان في غارة على مجموعة من المواطنين قرب السوق.\n\n"
     "وقالت مصادر محلية إن الغارة على بيت لاهيا أدت أيضا إلى إصابة خمسة أشخاص.\n\n"
     "وكانت الغارة على المغازي قد دمرت المنزل بالكامل.",
     [(7, None, 2), (2, 5, 1)]),
    # a toll verb and the attack given as its cause, far apart in one sentence: one event
    ("قتل ثلاثة عمال وأصيب تسعة آخرون صباح اليوم الخميس جراء قصف مدفعي استهدف معملا "
     "للطوب في مدينة معرة النعمان.\n\n"
     "وأفادت فرق الإنقاذ بأن حصيلة القصف على المعمل ارتفعت إلى خمسة قتلى.",
     [(5, 9, 2)]),
]


@pytest.mark.parametrize("text,strikes", ARTICLES,
                         ids=["headline-lead-recap", "parts-not-summed", "two-strikes",
                              "toll-verb-and-cause"])
def test_each_strike_is_one_event_with_its_mentions(text, strikes):
    evs = [e for e in assaults(text) if e["dead"] is not None]
    got = [(e["dead"], e["injured"], len(e.get("mentions") or ())) for e in evs]
    assert len(evs) == len(strikes), got
    for ev, (dead, injured, n) in zip(evs, strikes):
        assert (ev["dead"], ev["injured"]) == (dead, injured), got
        assert len(ev.get("mentions") or ()) >= n, got


def test_mentions_keep_their_offsets():
    text = ARTICLES[0][0]
    record = to_record(api.extract_text(text, published=PUBLISHED))
    ev = next(e for e in record["events"] if e["type"] == "ASSAULT")
    for m in ev["mentions"]:
        trig, sent = m["trigger"], m["sentence"]
        assert text.find(trig["text"]) >= 0
        assert record["text"][trig["start"]:trig["end"]] == trig["text"]
        assert record["text"][sent["start"]:sent["end"]] == sent["text"]


# later sentences that are not a recap of the strike told before them
NOT_RECAPS = [
    # a campaign's total
    ("قتل خمسة مدنيين في قصف على سوق مدينة أريحا صباح اليوم.\n\n"
     "ومنذ بدء الحملة العسكرية قتل أكثر من 900 مدني في المحافظة.", 5),
    # the fighting renewed, not retold
    ("قتل أربعة مسلحين في اشتباكات مع الجيش قرب بلدة الحصن يوم الاثنين.\n\n"
     "وتجددت الاشتباكات مساء أمس وقتل فيها 12 مسلحا.", 4),
    # a shooting is not the air raid told before it
    ("استشهد ثلاثة فلسطينيين في غارة جوية على مخيم جباليا فجر اليوم.\n\n"
     "وأصيب شاب بالرصاص الحي خلال مواجهات قرب حاجز قلنديا.", 3),
]


@pytest.mark.parametrize("text,dead", NOT_RECAPS, ids=["campaign-total", "renewal",
                                                       "another-mode"])
def test_what_is_no_recap_keeps_its_own_event(text, dead):
    evs = assaults(text)
    assert len(evs) >= 2, [(e["trigger"]["text"], e["dead"]) for e in evs]
    assert evs[0]["dead"] == dead


def test_a_sentence_dated_back_is_the_story_before_it():
    text = ("أعلنت لجنة التحقيق أن هجوما بغاز سام وقع على بلدة سورية صغيرة في 3 مارس "
            "الماضي.\n\n"
            "وكانت منظمة طبية قد ذكرت آنذاك أن 14 شخصا أصيبوا بحالات اختناق غداة شن قوات "
            "النظام غارات على بلدة اللطامنة.")
    evs = assaults(text)
    assert len(evs) == 1, [(e["trigger"]["text"], e["injured"]) for e in evs]
    assert evs[0]["injured"] == 14
    assert evs[0]["date"]["value"] == "2024-03-03"


# (a trigger word as written, whether it is a noun with the article)
DEFINITE = [
    ("الغارة", True), ("والقصف", True), ("بالهجوم", True), ("للهجوم", True),
    ("فالاشتباكات", True), ("غارة", False), ("هجوم", False), ("بقصف", False),
    ("التقى", False),
]


@pytest.mark.parametrize("word,definite", DEFINITE, ids=[w for w, _ in DEFINITE])
def test_a_definite_noun_points_back(word, definite):
    assert coref.definite_noun(word) is definite


def _event(start: int, sentence: int, *, dead=None, injured=None, vague=(), word="غارة",
           place=None) -> dict:
    return {"type": "ASSAULT", "mode": "aerial",
            "trigger": {"text": word, "start": start, "end": start + len(word)},
            "sentence": {"text": f"{word} في مكان ما", "start": sentence,
                         "end": sentence + 20},
            "zone": "body", "actor": None, "recipient": None,
            "location": {"text": place} if place else None, "date": None,
            "status": "asserted", "dead": dead, "injured": injured, "arrested": None,
            **({"vague": list(vague)} if vague else {})}


# (the first telling's toll, the recap's toll, the joined toll): the most complete whole
TOLLS = [
    ((5, None), (None, 9), (5, 9)),          # the recap fills a gap
    ((5, None), (8, None), (8, None)),       # a toll revised upward
    ((25, None), (16, None), (25, None)),    # a part is not the whole
    ((None, 10), (None, 1), (None, 10)),     # «أصيب بعضهم» does not undo «عشرات»
    ((None, 10), (None, 35), (None, 35)),    # an exact count that reaches the round one
]


@pytest.mark.parametrize("first,recap,joined", TOLLS,
                         ids=["fills", "revised", "part", "round-kept", "exact-reaches"])
def test_the_joined_toll_is_the_most_complete_whole_one(first, recap, joined):
    a = _event(0, 0, dead=first[0], injured=first[1],
               vague=("injured",) if first[1] == 10 else ())
    b = _event(100, 90, dead=recap[0], injured=recap[1], word="الغارة")
    b["trigger"]["text"] = "غارة"
    b["sentence"]["text"] = "الغارة في مكان ما"
    b["trigger"]["start"] = 92
    out = coref.join([a, b])
    assert len(out) == 1
    assert (out[0]["dead"], out[0]["injured"]) == joined
    assert [m["trigger"]["start"] for m in out[0]["mentions"]] == [92]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["غارة", "الغارة", "هجوم", "الهجوم"]),
                          st.sampled_from([None, "رفح", "مخيم جنين"]),
                          st.one_of(st.none(), st.integers(0, 50))),
                min_size=1, max_size=8))
def test_joining_never_loses_a_mention(items):
    events = []
    for n, (word, place, dead) in enumerate(items):
        ev = _event(n * 100 + 2, n * 100, dead=dead, place=place)
        ev["trigger"]["text"] = word.removeprefix("ال")
        ev["sentence"]["text"] = f"{word} في مكان ما"
        events.append(ev)
    starts = sorted(e["trigger"]["start"] for e in events)
    out = coref.join([dict(e) for e in events])
    told = sorted([e["trigger"]["start"] for e in out] +
                  [m["trigger"]["start"] for e in out for m in e.get("mentions") or ()])
    assert told == starts
    assert [e["trigger"]["start"] for e in out] == sorted(e["trigger"]["start"] for e in out)


def test_one_exact_toll_told_twice_names_one_occurrence():
    text = ("قتل 17 شخصا على الأقل في اشتباكات بين الجيش ومسلحين قبليين، الجمعة، في إقليم "
            "كاسالا شرق البلاد.\n\n"
            "وأكد ضابط في الشرطة أن \"17 قتلوا في الاشتباكات\"، مضيفا أن أكثر من 30 آخرين "
            "أصيبوا بجروح.")
    evs = [e for e in assaults(text) if e["dead"] is not None]
    assert len(evs) == 1, [(e["trigger"]["text"], e["dead"], e["injured"]) for e in evs]
    assert (evs[0]["dead"], evs[0]["injured"]) == (17, 30)
