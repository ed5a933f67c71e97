"""Which timex dates an event (issue 14, events13), on sentences of our own: a since-phrase
tells when a state began, a date inside a relative clause after the trigger is that
clause's, and an earlier sentence's date carries on only to an event of the same kind or
to a sentence that points back to it. Published on Thursday 2024-05-02."""
from __future__ import annotations

import pytest

from tests.events.events_helpers import find_event

PUBLISHED = "2024-05-02"


def _date(text: str, type_: str, trigger: str) -> tuple[str | None, str | None]:
    d = find_event(text, type_, trigger)["date"] or {}
    return d.get("text"), d.get("value")


# (text, type, trigger, the date text it must have (None: none named), its value)
SINCE = [
    # a year or a month after «منذ»: when a state began, not the day of the event
    ("اندلعت اشتباكات عنيفة بين الجيش والمتمردين الذين يقاتلون منذ عام 2011 في الإقليم.",
     "ASSAULT", "اشتباكات", None, PUBLISHED),
    ("وقتل جنديان في هجوم على ثكنة تحاصرها الفصائل منذ مارس الماضي قرب الحدود.",
     "ASSAULT", "قتل", None, PUBLISHED),
    # a span counted back with «منذ» is no day either; the day named before stays
    ("وتحاول القوات يوم الثلاثاء اقتحام المدينة في هجوم واسع هو الأكبر منذ نحو عامين.",
     "ASSAULT", "هجوم", "يوم الثلاثاء", "2024-04-30"),
    # a day after «منذ» still dates the day's strikes
    ("شنت الطائرات الحربية نحو عشرين غارة منذ مساء الثلاثاء على مواقع المسلحين.",
     "ASSAULT", "غارة", "مساء الثلاثاء", "2024-04-30"),
    # without «منذ», the year dates it as before
    ("وقعت الحكومة اتفاقا مع المعارضة عام 2019 في العاصمة.",
     "AGREE", "وقعت", "عام 2019", "2019"),
]

RELATIVE_CLAUSE = [
    # the year belongs to the building the relative clause tells of
    ("قصفت الطائرات المبنى الذي شيد بعد الحرب عام 1967 في وسط المدينة.",
     "ASSAULT", "قصفت", None, PUBLISHED),
    # a comma closes the relative clause: the day is the strike's again
    ("قصفت الطائرات المنزل الذي تسكنه العائلة، صباح الأربعاء، في وسط البلدة.",
     "ASSAULT", "قصفت", "صباح الأربعاء", "2024-05-01"),
    # the trigger inside the relative clause keeps the date that follows it
    ("ندد الوزراء بالاتفاق الذي انسحبت منه الحكومة مطلع الشهر الماضي.",
     "RETREAT", "انسحبت", "مطلع الشهر الماضي", "2024-04"),
]

OTHER_OCCURRENCE = [
    # a month after «عقب» + another occurrence is that occurrence's; the fronted week stays
    ("ومطلع الأسبوع الجاري، فرضت الحكومة عقوبات على عشرة مسؤولين عقب انتخابات "
     "جرت في مارس الماضي.", "SANCTION", "فرضت", "مطلع الأسبوع الجاري", "2024-W18"),
    # a year after «منذ» + a noun: when the war began, not the attack
    ("هاجم مسلحون قافلة إغاثة قرب الحدود في أسوأ هجوم منذ اندلاع الحرب الأهلية في 2015.",
     "ASSAULT", "هاجم", None, PUBLISHED),
    # a year after «مقارنة»: the period compared with
    ("شنت الطائرات غارات جوية أدت إلى ارتفاع عدد الضحايا مقارنة مع الفترة نفسها عام 2022.",
     "ASSAULT", "غارات", None, PUBLISHED),
    # a day after «بعد» + a noun still dates it: the raid and the arrest are one morning's
    ("اعتقلت الشرطة ثلاثة شبان بعد مداهمة منازلهم فجر الثلاثاء في البلدة.",
     "COERCE", "اعتقلت", "فجر الثلاثاء", "2024-04-30"),
]

CARRY = [
    # an earlier sentence's date carries on to an event of the same type
    ("شنت الطائرات أمس غارات على مواقع المسلحين في الريف الشمالي. "
     "كما استهدفت غارات أخرى مخازن للذخيرة قرب الطريق الدولي.",
     "ASSAULT", "استهدفت", "أمس", "2024-05-01"),
    # not to an event of another type: the date was that of the statement
    ("وأدلى الرئيس اليوم بتصريحات للصحافيين في مكتبه بالعاصمة. "
     "وأشار الرئيس إلى لقائه بنظيره الفرنسي لبحث ملف الحدود.",
     "CONSULT", "لقائه", None, PUBLISHED),
    # a sentence that points back («حينها») takes the earlier date
    ("وأطلقت السفن في أبريل من العام الماضي عشرات الصواريخ على القاعدة الجوية. "
     "وقيل حينها إن القاعدة استخدمت لشن هجوم على قرية صغيرة في الشمال.",
     "ASSAULT", "هجوم", "أبريل من العام الماضي", "2023-04"),
]


@pytest.mark.parametrize("text,type_,trigger,date_text,value", SINCE)
def test_a_since_phrase_does_not_date_the_event(text, type_, trigger, date_text, value):
    assert _date(text, type_, trigger) == (date_text, value)


@pytest.mark.parametrize("text,type_,trigger,date_text,value", RELATIVE_CLAUSE)
def test_a_date_in_a_relative_clause_after_the_trigger_is_that_clauses(
        text, type_, trigger, date_text, value):
    assert _date(text, type_, trigger) == (date_text, value)


@pytest.mark.parametrize("text,type_,trigger,date_text,value", OTHER_OCCURRENCE)
def test_a_year_or_month_of_another_occurrence_does_not_date_the_event(
        text, type_, trigger, date_text, value):
    assert _date(text, type_, trigger) == (date_text, value)


@pytest.mark.parametrize("text,type_,trigger,date_text,value", CARRY)
def test_an_earlier_sentences_date_carries_on_to_the_same_kind_only(
        text, type_, trigger, date_text, value):
    assert _date(text, type_, trigger) == (date_text, value)
