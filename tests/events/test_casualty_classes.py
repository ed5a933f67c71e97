"""Casualty counts, events12: the classes of tolls met in unlabelled news, one table per
rule. Sentences of our own (no dev text)."""
from __future__ import annotations

import pytest

from khabar.events.counts import counts
from khabar.normalize import fold

from tests.events.events_helpers import find_event


def _counts(phrase: str) -> dict[str, int]:
    return counts(fold(phrase).split())[0]


def _table(rows):
    return pytest.mark.parametrize("phrase,want", rows, ids=[r[0] for r in rows])


# a toll told before the event in its sentence, passive and nominal forms, «أسفر عن»
FORMS = [
    ("قتل 5 أشخاص في غارة على السوق", {"dead": 5}),
    ("أسفرت الغارة عن سقوط 3 قتلى", {"dead": 3}),
    ("أدى القصف إلى ارتقاء شهيدين", {"dead": 2}),
    ("أسفر الانفجار عن مقتل سبعة أشخاص وإصابة عشرين آخرين", {"dead": 7, "injured": 20}),
    ("قتلت ثلاث نساء في القصف", {"dead": 3}),
    ("قتل اثنا عشر جنديا في الكمين", {"dead": 12}),
    ("قتل ٢٣ شخصا في الانفجار", {"dead": 23}),  # Arabic-Indic digits
    ("أصيب ۱۲ شخصا", {"injured": 12}),  # Persian digits
    ("قتل ما لا يقل عن 12 شخصا في التفجير", {"dead": 12}),  # a lower bound
    ("أصيب أكثر من 30 شخصا في الحادث", {"injured": 30}),
    ("أصيب عشرات الأشخاص", {"injured": 10}),  # «عشرات» 10 (EVENTS.md)
]

# the victims of an active verb past its subject, however long («مفجر انتحاري يشتبه بأنه
# من التنظيم»), a preposition in it, a dual of people; not the attackers' count
ATTACKERS_AND_VICTIMS = [
    ("قتل مفجر انتحاري يشتبه بأنه من التنظيم 32 شخصا في السوق", {"dead": 32}),
    ("قتل المهاجم الذي يحمل حزاما ناسفا 9 مصلين", {"dead": 9}),
    ("هاجم 4 مسلحين القرية وقتلوا ستة قرويين", {"dead": 6}),
    ("قتل 4 مسلحين بعد أن هاجموا حاجزا وقتلوا شرطيا", {"dead": 4}),
    ("أسر المقاتلون جنديين", {"arrested": 2}),
    ("قتل فيها فلسطينيان وأصيب أكثر من 200 آخرين", {"dead": 2, "injured": 200}),
    ("قتل خلاله على الأقل 26 مقاتلا", {"dead": 26}),
    ("قتل حوثيان وأصيب 4 آخرون في هجوم", {"dead": 2, "injured": 4}),
    ("كما قتل أمس الخميس ضابط وأصيب جنديان آخران", {"dead": 1, "injured": 2}),
    # after an adjunct with a pronoun the verb is passive: the name after it is the victim
    ("قتل خلالها الزعيم", {"dead": 1}),
]

# a war's or a campaign's tally is not the event's toll: a span told after the toll or
# before it in its clause; a day's span («منذ فجر اليوم») or a day named before the span
# («قتلوا السبت في احتجاجات مستمرة منذ شهر») keeps it
CUMULATIVE = [
    ("قتل 40 شخصا منذ بدء الحرب", {}),
    ("وقتل أكثر من 9000 شخص وجرح عشرات الآلاف في الحرب المستمرة منذ ثلاث سنوات", {}),
    ("قتل 39 مدنيا على الأقل و5 جنود منذ إعلان القرار", {}),
    ("ومنذ بدء الاحتجاجات، قتل 31 متظاهرا برصاص الشرطة، وأصيب أكثر من ألفين", {}),
    ("استشهد 12 شخصا منذ فجر اليوم في القطاع", {"dead": 12}),
    ("إن ثمانية أشخاص قتلوا السبت في أعمال عنف مستمرة منذ شهرين", {"dead": 8}),
    ("أغلقت الملاعب منذ مقتل 19 مشجعا في فبراير", {"dead": 19}),
    ("قتل 5 أشخاص في القصف، ليرتفع عدد القتلى منذ بدء الحرب إلى 300", {"dead": 5}),
]

# years, ages and spans are no tolls
NOT_PEOPLE = [
    ("اعتقل الرجل في عام 2006 وحكم عليه", {}),
    ("اختطفوا في مارس 1996 ثم قتلوا", {}),
    ("وأقدم على خطف وقتل سوزان (14 عاما) في المدينة", {"dead": 1}),
    ("وقتل الرهبان السبعة عام 1996 في الجبال", {"dead": 7}),
]

# the parts of a toll listed with «و» are summed; «بينهم» is a part, not added again
LISTS_AND_PARTS = [
    ("مقتل 14 طفلا و9 نساء و53 شابا", {"dead": 76}),
    ("إصابة 24 طفلا و8 نساء و58 شابا", {"injured": 90}),
    ("قتل 10 أشخاص بينهم 3 أطفال", {"dead": 10}),
    ("استشهد 8 فلسطينيين بينهم طفلان", {"dead": 8}),
    ("مقتل ثلاثة جنود وإصابة اثنين", {"dead": 3, "injured": 2}),
    # the second of two bare nouns is a person only as a person noun
    ("وإصابة زميله ونقله إلى المستشفى", {"injured": 1}),
    ("قتل خمسة مدنيين وجنديان في هجومين", {"dead": 7}),  # a dual in the list
    ("قتل 4 آلاف و100 شخص في المعارك", {"dead": 4100}),  # digits glued to «و»
    ("إن ما لا يقل عن 4 آلاف و100 عنصر من الجيش لقوا مصرعهم", {"dead": 4100}),
]

# injured and dead in one phrase: one count for both roles gives neither
JOINT = [
    ("أدى الهجوم لسقوط عشرات القتلى والجرحى", {}),
    ("أسفر عن سقوط مئات القتلى والجرحى", {}),
    ("الحصيلة 7 قتلى و15 جريحا", {"dead": 7, "injured": 15}),
    ("إن 24 شخصا على الأقل قتلوا وأصيب 55 آخرون", {"dead": 24, "injured": 55}),
    ("سبعة آخرين قتلوا وأصيب 25 في تفجير آخر", {"dead": 7, "injured": 25}),
    # a plural verb's count stands before it: it shares none with the next verb, and a
    # noun after it is no victim
    ("إن سبعة من عناصر الحشد قتلوا وأصيب اثنان في التفجير", {"dead": 7, "injured": 2}),
    ("يرتفع إلى 121 عدد الذين قتلوا بنيران الجيش منذ بدء الاحتجاجات", {}),
    ("وقال الوزير إن ثلاثة من المهاجمين قتلوا بمقر الجيش", {"dead": 3}),
    # «آخرون» after the count: another group, not one count for both verbs
    ("وقال المتحدث إن شخصا قتل وأصيب 5 آخرون بأعيرة نارية", {"dead": 1, "injured": 5}),
]

# arrests: a campaign that reached a count, a count after «بحق»
ARRESTS = [
    ("شنت الشرطة حملة اعتقالات طالت 12 شخصا", {"arrested": 12}),
    ("حملة اعتقالات واسعة طالت 25 ناشطا", {"arrested": 25}),
    ("نفذت الأجهزة عمليات اعتقال بحق 41 عنصرا", {"arrested": 41}),
    ("اعتقلت قوات الاحتلال 15 فلسطينيا", {"arrested": 15}),
]

# a plural verb or its object far after the count of its subject
LATER = [
    ("8 أشخاص يحملون أحزمة ناسفة قتلوا أثناء الهجوم", {"dead": 8}),
    ("35 مقاتلا من قوات النظام والموالين له بينهم تسعة مقاتلين أجانب لقوا حتفهم",
     {"dead": 35}),
    ("أصيب خلالها ثلاثة من أفراد الشرطة", {"injured": 3}),
]


@_table(FORMS)
def test_forms_of_a_toll(phrase, want):
    assert _counts(phrase) == want


@_table(ATTACKERS_AND_VICTIMS)
def test_the_victims_not_the_attackers(phrase, want):
    assert _counts(phrase) == want


@_table(CUMULATIVE)
def test_a_campaign_tally_is_not_the_events(phrase, want):
    assert _counts(phrase) == want


@_table(NOT_PEOPLE)
def test_years_and_ages_are_no_tolls(phrase, want):
    assert _counts(phrase) == want


@_table(LISTS_AND_PARTS)
def test_lists_are_summed_and_parts_not_added(phrase, want):
    assert _counts(phrase) == want


@_table(JOINT)
def test_one_count_for_two_roles(phrase, want):
    assert _counts(phrase) == want


@_table(ARRESTS)
def test_arrests(phrase, want):
    assert _counts(phrase) == want


@_table(LATER)
def test_a_later_word_of_death_or_injury(phrase, want):
    assert _counts(phrase) == want


IN_ARTICLES = [  # (text, type, trigger, (dead, injured, arrested))
    # the toll in the next sentence joins the strike
    ("قصفت طائرات حربية سوقا شعبيا في البلدة صباح اليوم. وقال مسعفون إن 9 أشخاص قتلوا "
     "وأصيب 20 آخرون.", "ASSAULT", "قصفت", (9, 20, None)),
    # a war's tally in the same sentence is not the strike's
    ("أطلقت الفصائل صواريخ على المدينة فجر اليوم، وقتل منذ بدء الحرب أكثر من 300 شخص.",
     "ASSAULT", "أطلقت", (None, None, None)),
]


@pytest.mark.parametrize("text,type_,trigger,want", IN_ARTICLES,
                         ids=["next-sentence", "war-tally"])
def test_tolls_in_articles(text, type_, trigger, want):
    ev = find_event(text, type_, trigger)
    assert (ev["dead"], ev["injured"], ev["arrested"]) == want


WARRANTS_AND_NAMES = [
    # a warrant is not an arrest
    ("أصدر الادعاء مذكرات اعتقال بحق 96 شخصا", {}),
    ("أصدرت المحكمة أمر توقيف بحق 3 مسؤولين", {}),
    # a name ending like a nisba dual is one person («…يان»)
    ("وجرى اعتقال رضايان في طهران", {"arrested": 1}),
]


@_table(WARRANTS_AND_NAMES)
def test_warrants_and_names(phrase, want):
    assert _counts(phrase) == want
