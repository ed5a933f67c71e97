"""«اليوم», «أمس», «غداً»…: days counted from the publication date, across month, year and
leap-day boundaries, with the parts of the day and the weekday in apposition."""
from __future__ import annotations

import pytest

from tests.timex.helpers import D, found, only

PUBS = {
    "mid": D(2021, 7, 23),
    "new_year": D(2021, 1, 1),
    "leap_march": D(2020, 3, 1),
    "plain_march": D(2021, 3, 1),
    "year_end": D(2019, 12, 31),
}

# (sentence, expression, {publication: value})
ROWS = [
    ("قال الوزير اليوم إن الحكومة ماضية في خطتها.", "اليوم",
     {"mid": "2021-07-23", "new_year": "2021-01-01", "leap_march": "2020-03-01"}),
    ("وكانت الشرطة قد أعلنت أمس عن اعتقال شخصين.", "أمس",
     {"mid": "2021-07-22", "new_year": "2020-12-31", "leap_march": "2020-02-29",
      "plain_march": "2021-02-28"}),
    ("وصل الوفد أول أمس إلى العاصمة.", "أول أمس",
     {"mid": "2021-07-21", "leap_march": "2020-02-28", "plain_march": "2021-02-27"}),
    ("ويلتقي الطرفان غداً في الدوحة.", "غداً",
     {"mid": "2021-07-24", "year_end": "2020-01-01"}),
    ("وتبدأ المحادثات بعد غد في جنيف.", "بعد غد",
     {"mid": "2021-07-25", "year_end": "2020-01-02"}),
    ("انفجرت عبوة صباح اليوم قرب السوق.", "صباح اليوم", {"mid": "2021-07-23"}),
    ("وقع الهجوم فجر اليوم الجمعة على الحدود.", "فجر اليوم الجمعة", {"mid": "2021-07-23"}),
    ("وكان قد صرح مساء أمس الخميس بأن الاتفاق قريب.", "مساء أمس الخميس",
     {"mid": "2021-07-22"}),
    ("تحدث الرئيس في ساعة مبكرة من اليوم عن الأزمة.", "ساعة مبكرة من اليوم",
     {"mid": "2021-07-23"}),
    ("وأعلنت الوزارة يوم أمس أسماء الفائزين.", "يوم أمس", {"new_year": "2020-12-31"}),
    ("ويعقد المجلس جلسته الليلة لمناقشة الميزانية.", "الليلة", {"mid": "2021-07-23"}),
    # clitics glued to the word stay outside the expression
    ("واعتبر أن ما جرى وأمس يدل على ذلك.", "أمس", {"mid": "2021-07-22"}),
]


@pytest.mark.parametrize("sentence,expr,values", ROWS, ids=[r[1] for r in ROWS])
def test_relative_days(sentence, expr, values):
    for pub, value in values.items():
        t = only(sentence, PUBS[pub])
        assert (t.text, t.value, t.type) == (expr, value, "DATE"), pub


# «اليوم» naming a day of the story, not the day of publication
@pytest.mark.parametrize("sentence", [
    "تحتفل المنظمة باليوم العالمي للمياه.",
    "وفي اليوم التالي غادر الجميع القرية.",
    "ومنذ اليوم الأول للحرب تغير كل شيء.",
])
def test_today_that_is_not_today(sentence):
    assert found(sentence, PUBS["mid"]) == []


def test_without_publication_date_the_value_is_unknown():
    t = only("وصل الوفد أمس إلى المدينة.", None)
    assert (t.text, t.value, t.anchor) == ("أمس", None, "publication")


def test_weekday_in_brackets_after_today():
    t = only("بدأ الأسرى إضرابهم صباح اليوم (الاثنين) في السجون.", D(2020, 6, 15))
    assert (t.text, t.value) == ("صباح اليوم (الاثنين)", "2020-06-15")


@pytest.mark.parametrize("sentence", [
    "وفي تلك الليلة قتل عدد من الجنود.",
    "ولم ينس أحد ما جرى في ذلك اليوم.",
])
def test_that_night_and_that_day_belong_to_the_story(sentence):
    assert found(sentence, PUBS["mid"]) == []


@pytest.mark.parametrize("sentence", [
    "وقع الانفجار الليلة الماضية قرب الميناء.",
    "وقع الانفجار الليلة البارحة قرب الميناء.",
])
def test_last_night_is_yesterday(sentence):
    t = only(sentence, PUBS["new_year"])
    assert t.value == "2020-12-31"
