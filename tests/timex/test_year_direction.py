"""A month, a day of a month or a weekday without its year: past events take the most
recent past occurrence, plans the next one (published on Wednesday 10 March 2021).
Sentences written for these tests."""
from __future__ import annotations

import pytest

from khabar.timex import find_timexes

PUBLISHED = "2021-03-10"


@pytest.mark.parametrize("sentence, text, value", [
    ("وكان الوزير قد زار المدينة في نوفمبر وأعلن عن الخطة.", "نوفمبر", "2020-11"),
    ("سيزور الوزير المدينة في نوفمبر لافتتاح المشروع.", "نوفمبر", "2021-11"),
    ("زار الوفد العاصمة في مايو الماضي.", "مايو الماضي", "2020-05"),
    ("تعقد القمة في فبراير المقبل.", "فبراير المقبل", "2022-02"),
    ("اعتقل الناشط في ديسمبر الماضي.", "ديسمبر الماضي", "2020-12"),
    ("التقى الرئيس نظيره الخميس في العاصمة.", "الخميس", "2021-03-04"),
    ("سيلتقي الرئيس نظيره الخميس في العاصمة.", "الخميس", "2021-03-11"),
    ("وقع الحادث في 12 نوفمبر حين كان المبنى خاليا.", "12 نوفمبر", "2020-11-12"),
    ("ستفتتح الوزارة المعرض في 20 أبريل.", "20 أبريل", "2021-04-20"),
    ("وقع الانفجار يوم 5 من الشهر الجاري.", "يوم 5 من الشهر الجاري", "2021-03-05"),
    ("من المقرر أن يعقد الاجتماع يوم 19 من الشهر الجاري.", "يوم 19 من الشهر الجاري",
     "2021-03-19"),
    ("تظاهر المئات ليل الجمعة - السبت في الساحة.", "ليل الجمعة - السبت", "2021-03-05"),
])
def test_direction_of_a_date_without_its_year(sentence, text, value):
    found = {t.text: t.value for t in find_timexes(sentence, PUBLISHED)}
    assert found.get(text) == value
