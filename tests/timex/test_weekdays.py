"""Weekdays: a bare one is the nearest in the past (news reports the past) unless the verb is
future; with «الماضي» strictly before, with «المقبل»/«القادم» strictly after."""
from __future__ import annotations

import pytest

from tests.timex.helpers import D, only

FRI = D(2021, 7, 23)   # a Friday
MON = D(2018, 8, 27)   # a Monday
SUN_NEW_YEAR = D(2023, 1, 1)  # a Sunday, first day of a year
LEAP_TUE = D(2024, 2, 27)     # a Tuesday before a leap day

ROWS = [
    # bare weekday: the publication day itself or the nearest one before it
    ("أعلن المتحدث الإثنين أن المفاوضات توقفت.", FRI, "الإثنين", "2021-07-19"),
    ("أعلن المتحدث الإثنين أن المفاوضات توقفت.", MON, "الإثنين", "2018-08-27"),
    ("وصل الرئيس السبت إلى بغداد.", SUN_NEW_YEAR, "السبت", "2022-12-31"),
    ("قالت الوزارة الجمعة إن الطريق أغلق.", FRI, "الجمعة", "2021-07-23"),
    ("وقعت الاشتباكات يوم الخميس الماضي في الضواحي.", FRI, "يوم الخميس الماضي", "2021-07-22"),
    # relation after the weekday
    ("وقعت الحادثة الجمعة الماضية في المدينة.", FRI, "الجمعة الماضية", "2021-07-16"),
    ("تعقد الجلسة الإثنين المقبل في البرلمان.", FRI, "الإثنين المقبل", "2021-07-26"),
    ("تعقد الجلسة الإثنين المقبل في البرلمان.", MON, "الإثنين المقبل", "2018-09-03"),
    ("ويبدأ الإضراب الخميس القادم في المصانع.", LEAP_TUE, "الخميس القادم", "2024-02-29"),
    ("وأغلق المعبر الأحد الماضي بعد الاشتباكات.", SUN_NEW_YEAR, "الأحد الماضي", "2022-12-25"),
    # a future verb turns a bare weekday forward
    ("سيعلن الطرفان الاتفاق الثلاثاء في مؤتمر صحفي.", FRI, "الثلاثاء", "2021-07-27"),
    ("ومن المقرر أن يصل الوفد الأربعاء إلى عمان.", LEAP_TUE, "الأربعاء", "2024-02-28"),
    # a night between two days is the first of them
    ("وقع القصف ليلة الأربعاء الخميس على الحدود.", FRI, "ليلة الأربعاء الخميس", "2021-07-21"),
]


@pytest.mark.parametrize("sentence,pub,expr,value", ROWS)
def test_weekdays(sentence, pub, expr, value):
    t = only(sentence, pub)
    assert (t.text, t.value, t.granularity) == (expr, value, "day")


@pytest.mark.parametrize("sentence", [
    "وصلت الطائرة الأحد الماضي بعد أن تأخرت ساعات.",
    "وعاد الرئيس إلى البلاد الأحد بعد جولة في أوروبا.",
])
def test_a_noun_that_starts_like_a_future_verb_is_not_one(sentence):
    # «سيارة», «سيطرة»… must not pull a bare weekday into the future
    t = only(sentence.replace("بعد", "و").replace("الماضي", ""), FRI)
    assert t.value <= "2021-07-23"
