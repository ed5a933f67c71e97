"""Casualty counts, events11: compound number words, duals in construct state, running
totals told with a genitive between their words, the war's tally against an event's toll,
one count for two roles, one victim with no count written, a count past a short phrase or
a time, and tolls told in the next sentence. Sentences of our own."""
from __future__ import annotations

import pytest

from khabar.events.counts import counts, number_at
from khabar.normalize import fold

from tests.events.events_helpers import events_of, find_event

NUMBER_WORDS = [  # (words from the count's first word, value)
    ("خمسة وعشرون شخصا", 25),
    ("ثمانية وأربعين جنديا", 48),
    ("مئة وعشرين مصابا", 120),
    ("مائة وخمسة وعشرين شخصا", 125),
    ("ثلاثمائة وخمسون مدنيا", 350),
    ("ثلاثة آلاف وخمسمائة لاجئ", 3500),
    ("خمسة وعشرين ألف جندي", 25000),
    ("ثلاث مئة عامل", 300),
    ("ألفي شخص", 2000),
    ("مئتي جندي", 200),
    ("تسعمئة أسرة", 900),
    # a range or two counts side by side are no compound: the first number alone
    ("عشرين وثلاثين شخصا", 20),
    ("عشرة وعشرين", 10),
    ("خمسة وثلاثة", 5),
    ("5 و12", 5),
]


@pytest.mark.parametrize("phrase,value", NUMBER_WORDS, ids=[c[0] for c in NUMBER_WORDS])
def test_number_words_are_read_whole(phrase, value):
    got = number_at(fold(phrase).split(), 0)
    assert got is not None and got[0] == value, got


TOLLS = [  # (phrase, the counts wanted; {} for none)
    # compounds and construct duals in a toll
    ("قتل سبعة وثلاثون شخصا في انفجار الشاحنة", {"dead": 37}),
    ("أسفر الزلزال والقصف عن إصابة مئة وخمسين شخصا", {"injured": 150}),
    ("أسفرت المعارك عن مقتل ألفي مقاتل خلال عام", {"dead": 2000}),
    # running totals: a genitive or a phrase between head, noun and count
    ("وارتفع عدد قتلى الحريق المتعمد إلى 14 شخصا", {"dead": 14}),
    ("وارتفعت حصيلة ضحايا التفجير في الميناء إلى 31 قتيلا", {"dead": 31}),
    ("ارتفع عدد الجرحى في الهجوم على الحافلة إلى ثلاثة عشر", {"injured": 13}),
    ("وقال الطبيب إن عدد القتلى بلغ تسعة", {"dead": 9}),
    ("بلغ عدد المعتقلين 40 حتى مساء الأحد", {"arrested": 40}),
    # the war's tally is not the event's toll; beside a new toll it is another tally
    ("وبذلك ارتفعت حصيلة القتلى منذ بدء الحرب إلى 4000", {}),
    ("ليرتفع عدد الشهداء إلى 900 منذ مطلع العام", {}),
    ("قتل أربعة مدنيين في القصف، ليرتفع عدد القتلى في البلدة إلى 60", {"dead": 4}),
    ("قتل جنديان في الكمين، ما يرفع حصيلة قتلى الجيش منذ الصيف إلى 80", {"dead": 2}),
    # one count for the dead and the wounded together: neither alone
    ("أسفر الانفجار عن مقتل وإصابة 35 شخصا", {}),
    ("خلف القصف مقتل وجرح العشرات", {}),
    # one victim with no count written
    ("وأسفرت المواجهات عن سقوط قتيل وسبعة جرحى", {"dead": 1, "injured": 7}),
    ("سقط شهيد برصاص القناصة", {"dead": 1}),
    # two people by a dual and one more named after them
    ("أسفر القصف عن مقتل طفلين وامرأة", {"dead": 3}),
    ("أسفر القصف عن مقتل طفلين وإصابة والدهما", {"dead": 2, "injured": 1}),
    # a count past a short phrase (with its person noun) or past a time
    ("وأصيب في الانفجار 14 شخصا بينهم طفلان", {"injured": 14}),
    ("وقتل خلال الاشتباكات ستة عناصر", {"dead": 6}),
    ("وأصيب في الانفجار الزجاج والأبواب", {}),
    ("اعتقلت الشرطة المحلية مساء أمس 22 شابا", {"arrested": 22}),
    # past three words, an age or a year after the verb's object is no count
    ("قتل المسلحون الطفل اللاجئ سامي حداد (9 سنوات) في المخيم", {}),
    ("قتل المتطوع الأجنبي أثناء معارك المدينة 2019", {}),
    # a compound count before a plural verb of death, read whole
    ("وقال المسؤول إن ألف وثلاثمائة شخص قتلوا خلال عام", {"dead": 1300}),
    # each verb its own subject: «قتل … وأصيب آخر» is one dead and one wounded
    ("جنديا قتل وأصيب آخر في الاشتباك", {"dead": 1, "injured": 1}),
    # a forecast is no count; a range in a total takes its lower bound
    ("وقدّر مسعفون أن حصيلة القتلى قد تصل إلى 80", {}),
    ("وتتراوح تقديرات عدد القتلى في الانهيار من 15 إلى 25 شخصا", {"dead": 15}),
    # duals of people, fillers after the subject, a verb of reach, a total of arrests
    ("قتل شرطيان وأصيب ثلاثة آخرون في الكمين", {"dead": 2, "injured": 3}),
    ("اعتقلت قوات الأمن أكثر من مئتي متظاهر", {"arrested": 200}),
    ("نفذت الشرطة حملة اعتقال طالت 30 شخصا", {"arrested": 30}),
    ("وارتفعت حصيلة الاعتقالات إلى 50 شخصا", {"arrested": 50}),
    ("وبلغ عدد ضحايا السيول والانهيارات 40 شخصا", {"dead": 40}),
    # «آخرين» between the count's noun and a plural verb of injury; a total after its
    # verb outweighs one person read from a bare noun («وفاة بعض …» names no one)
    ("وأضاف أن 38 شخصا آخرين أصيبوا بجروح", {"injured": 38}),
    ("وقالت المصادر إن عدد القتلى ارتفع إلى نحو 90 شخصا نتيجة وفاة بعض الجرحى",
     {"dead": 90}),
    ("سقط مقذوف على منزل نتج عنه استشهاد أحد المواطنين", {"dead": 1}),
    # one victim: an indefinite singular, not the martyr of a title
    ("وقال محامي الدفاع عن الشهيد خالد إن الجلسة أجلت", {}),
]


@pytest.mark.parametrize("phrase,want", TOLLS, ids=[c[0] for c in TOLLS])
def test_tolls(phrase, want):
    found, _ = counts(fold(phrase).split())
    assert found == want


ACROSS_SENTENCES = [  # (text, trigger of the event, (dead, injured))
    # a ministry's running total in the next sentence is the strike's toll, not an event
    # of the ministry
    ("قصفت طائرة مسيرة سيارة على طريق المطار صباح اليوم. وأعلنت وزارة الصحة ارتفاع "
     "عدد الشهداء إلى أربعة.", "قصفت", (4, None)),
    # a later sentence raises the toll («ثم ارتفع»)
    ("انفجرت سيارة مفخخة قرب سوق الخضار وأسفرت عن مقتل 3 أشخاص. ثم ارتفع عدد القتلى "
     "إلى سبعة.", "سيارة مفخخة", (7, None)),
    # a toll told with a genitive between its words, in the next sentence
    ("انفجرت عبوة ناسفة في محطة الحافلات. وارتفعت حصيلة ضحايا الانفجار إلى 11 قتيلا "
     "و23 جريحا.", "انفجار", (11, 23)),
]


@pytest.mark.parametrize("text,trigger,want", ACROSS_SENTENCES,
                         ids=["ministry-total", "raised-later", "genitive-total"])
def test_a_toll_told_in_a_later_sentence(text, trigger, want):
    ev = find_event(text, "ASSAULT", trigger)
    assert (ev["dead"], ev["injured"]) == want
    assert len(events_of(text, "ASSAULT")) == 1, events_of(text, "ASSAULT")
    assert ev["actor"] is None or "وزارة" not in ev["actor"]["text"]


def test_the_wars_tally_in_its_own_sentence_is_no_event():
    text = ("استهدفت غارة منزلا في بلدة جبلية فجر اليوم، ما أدى إلى مقتل شخصين. وبذلك ترتفع "
            "حصيلة الشهداء منذ بداية الحرب إلى 300.")
    evs = events_of(text, "ASSAULT")
    assert len(evs) == 1 and evs[0]["dead"] == 2, evs
