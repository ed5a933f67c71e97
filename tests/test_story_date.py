"""The publication day read from the page when it has no date field: date lines after a
headline, datelines opening the story, page addresses, and a day the story names twice
(khabar.story_date). Every sentence here is written for these tests."""
from __future__ import annotations

import datetime as dt

import pytest

from khabar.document import Article
from khabar.pipeline import Pipeline
from khabar.story_date import story_date, story_dates

HEAD = "وزير الزراعة يفتتح معرضا للتمور في المدينة"
BODY = "افتتح وزير الزراعة معرضا للتمور بمشاركة عشرات المزارعين من مختلف المناطق."


def furniture(text: str) -> Article:
    """The stages that read the publication date: furniture, then the temporal stage."""
    art = Article(text)
    Pipeline(skip=("entities", "quotes", "events", "link"), check=True).run(art)
    return art


@pytest.mark.parametrize("sentence, day, said", [
    ("قال المدير اليوم الجمعة 10 مارس 2017 إن المعرض ناجح.", "2017-03-10",
     "اليوم الجمعة 10 مارس 2017"),
    ("تمكنت الفرق يوم أمس 6 نوفمبر 2015 من إخماد الحريق.", "2015-11-07",
     "أمس 6 نوفمبر 2015"),
    ("وينطلق المهرجان غدا السبت 4 مارس 2017 في الساحة.", "2017-03-03",
     "غدا السبت 4 مارس 2017"),
    ("وصل الوفد صباح اليوم (الأحد 5 مارس 2017) إلى المطار.", "2017-03-05",
     "اليوم (الأحد 5 مارس 2017"),
    ("أعلنت الوزارة أمس الجمعة 10 فيفري 2017 عن برنامج جديد.", "2017-02-11",
     "أمس الجمعة 10 فيفري 2017"),
    ("عقد المجلس اليوم الموافق 3 مايو 2021 جلسة طارئة.", "2021-05-03",
     "اليوم الموافق 3 مايو 2021"),
])
def test_a_relative_day_with_its_date_gives_the_publication_day(sentence, day, said):
    found = story_dates(sentence)
    assert [s.published.isoformat() for s in found] == [day]
    assert sentence[found[0].start:found[0].end] == said


@pytest.mark.parametrize("sentence", [
    # the weekday disagrees with the date (10 March 2017 was a Friday): a slip, no evidence
    "قال المدير أمس الخميس 10 مارس 2017 إن المعرض ناجح.",
    "قال المدير اليوم الخميس 10 مارس 2017 إن المعرض ناجح.",
    # a date with no relative day before it says nothing of the publication day
    "افتتح المعرض في 10 مارس 2017 بحضور المدير.",
    # a relative day and a date that are not one expression
    "قال المدير اليوم إن المعرض افتتح في 10 مارس 2017.",
    # «اليوم» as a newspaper's name, and a day of the story («ذلك اليوم»)
    "نشرت صحيفة اليوم (الخميس 9 مارس 2017) تقريرا عن المعرض.",
    "وصل الوفد في ذلك اليوم 9 مارس 2017 إلى المدينة.",
    # a month without its day
    "قال المدير اليوم مارس 2017 كان شهرا صعبا.",
])
def test_no_publication_day_without_a_dated_relative_day(sentence):
    assert story_dates(sentence) == []


def test_the_day_most_readings_agree_on_wins():
    text = ("قال المدير اليوم الجمعة 10 مارس 2017 إن المعرض ناجح.\n"
            "وكان قد زار المعرض يوم الخميس 9 مارس 2017.\n"
            "وأضاف أن الزوار بلغوا أمس الخميس 9 مارس 2017 ألف زائر.\n"
            "وقرأ بيانا كتب اليوم (الأربعاء 1 مارس 2017) في مكتبه.")
    day, found = story_date(text)
    assert day == dt.date(2017, 3, 10)
    assert len(found) == 3


def test_a_story_date_fills_the_publication_date_flagged_with_its_evidence():
    text = f"{HEAD}\nأعلن المدير اليوم السبت 4 مارس 2017 افتتاح المعرض في المدينة."
    art = furniture(text)
    f = art.metadata["published"]
    assert f.value == "2017-03-04"
    assert f.source == "text:story_date"
    assert art.text[f.span.start:f.span.end] == "اليوم السبت 4 مارس 2017"
    assert any(i.code == "metadata.story_date" for i in art.issues)


def test_a_date_line_of_the_page_wins_over_a_story_date():
    text = f"{HEAD}\n5 مارس 2017\nأعلن المدير أمس السبت 4 مارس 2017 افتتاح المعرض."
    art = furniture(text)
    assert art.meta("published") == "2017-03-05"
    assert not any(i.code == "metadata.story_date" for i in art.issues)


@pytest.mark.parametrize("line, value, source", [
    # a date line right under the headline (it was taken for the headline's continuation)
    ("جدة 21 رمضان 1442 هـ الموافق 3 مايو 2021 م واس", "2021-05-03", "text:date_line"),
    ("3 May 2021", "2021-05-03", "text:date_line"),
    ("الاثنين، 3 مايو 2021 10:15 ص", "2021-05-03T10:15:00", "text:date_line"),
    ("الاثنين 21 رمضان 1442 هـ - 3 مايو 2021 م", "2021-05-03", "text:date_line"),
    ("نشر في: 3 مايو 2021", "2021-05-03", "text:published"),
    ("تاريخ النشر: الاثنين 3 مايو 2021 - 10:30", "2021-05-03T10:30:00", "text:published"),
    ("Published: May 3, 2021", "2021-05-03", "text:published"),
    ("نُشر في 03/05/2021 الساعة 10:30", "2021-05-03T10:30:00", "text:date_line"),
    # the address of the page, alone on its line
    ("https://news.example.com/local/2021/05/03/dates-fair", "2021-05-03", "text:address"),
    ("رابط الخبر: https://news.example.com/2021-05-03/fair.html", "2021-05-03",
     "text:address"),
])
def test_date_lines_under_a_headline(line, value, source):
    art = furniture(f"{HEAD}\n{line}\n{BODY}")
    assert art.meta("published") == value
    assert art.metadata["published"].source == source


@pytest.mark.parametrize("first, value", [
    ("الرياض - 3 مايو 2021: " + BODY, "2021-05-03"),
    ("أبو ظبي – 3 مايو 2021 (وكالات) - " + BODY, "2021-05-03"),
    ("مكة المكرمة 21 رمضان 1442 هـ الموافق 3 مايو 2021 م " + BODY, "2021-05-03"),
    # a sentence that opens with a date is no dateline
    ("في 3 مايو 2021 افتتح وزير الزراعة معرضا للتمور.", None),
    ("افتتح الوزير يوم 3 مايو 2021 معرضا للتمور في المدينة.", None),
    ("أكد الوزير أن 3 مايو 2021 سيكون موعدا للمعرض.", None),
])
def test_a_dateline_opening_the_story(first, value):
    art = furniture(f"{HEAD}\n{first}\nوشارك في المعرض مزارعون من المناطق كافة.")
    assert art.meta("published") == value
    if value:
        assert art.metadata["published"].source == "text:lead_dateline"


@pytest.mark.parametrize("line", [
    "https://cdn.example.com/uploads/2021/05/03/photo.jpg",  # a picture's upload day
    "https://news.example.com/local/dates-fair-2021",  # no day in the address
])
def test_addresses_that_date_nothing(line):
    assert furniture(f"{HEAD}\n{line}\n{BODY}").meta("published") is None


def test_a_headline_that_goes_on_over_the_next_line_keeps_its_date_in_the_story():
    # the line under the first one continues it with a comma: a sentence, not a date line
    art = furniture(f"{HEAD}\n3 مايو 2021،\n{BODY}")
    assert art.meta("published") is None


def test_an_update_date_alone_anchors_relative_dates_flagged():
    from khabar import extract

    rec = extract(f"{HEAD}\nآخر تحديث: 3 مايو 2021 15:20\nافتتح وزير الزراعة أمس معرضا "
                  "للتمور في المدينة.")
    assert "published" not in rec.to_dict()["metadata"]
    values = {t["text"]: t["value"] for t in rec.to_dict()["timexes"]}
    assert values.get("أمس") == "2021-05-02"
    assert any(i["code"] == "timex.updated_anchor" for i in rec.to_dict()["issues"])


def test_without_any_date_relative_dates_stay_unresolved():
    from khabar import extract

    d = extract(f"{HEAD}\nافتتح وزير الزراعة أمس معرضا للتمور، وسيزوره الوزير في نوفمبر.").to_dict()
    assert d["timexes"] == []
    assert {t["text"] for t in d["timexes_unresolved"]} == {"أمس", "نوفمبر"}
    assert "published" not in d["metadata"]


CRAWLED = "Tue, 04 May 2021 15:20:00 GMT"


@pytest.mark.parametrize("stamp, value", [
    ("منذ ساعتين", "2021-05-04T13:20:00"),
    ("قبل 3 ساعات", "2021-05-04T12:20:00"),
    ("منذ 45 دقيقة", "2021-05-04T14:35:00"),
    ("قبل ساعة", "2021-05-04T14:20:00"),
    ("منذ يومين", "2021-05-02"),
    ("قبل ثلاثة أيام", "2021-05-01"),
])
def test_a_time_ago_stamp_under_the_headline_counts_back_from_the_crawl_time(stamp, value):
    art = furniture(f"{HEAD}\n{CRAWLED}\n{stamp}\n{BODY}")
    assert art.meta("published") == value
    assert art.metadata["published"].source == "text:time_ago"
    assert stamp not in "\n".join(art.span_text(s) for s in art.spans("body"))


def test_a_time_ago_stamp_without_a_crawl_time_is_furniture_and_dates_nothing():
    art = furniture(f"{HEAD}\nمنذ ساعتين\n{BODY}")
    assert art.meta("published") is None
    assert [art.span_text(s) for s in art.spans("boilerplate")] == ["منذ ساعتين"]
    assert not art.spans("timexes")


@pytest.mark.parametrize("line", [
    "منذ ساعتين تقريبا والطريق مغلق",  # a sentence, not a stamp
    "بعد ساعتين",  # the future: no stamp
    "منذ الساعات الأولى",
])
def test_lines_that_are_no_time_ago_stamp(line):
    from khabar.metadata import time_ago
    from khabar.normalize import NORMALIZERS

    assert time_ago(NORMALIZERS["match"].fold(line)) is None


def test_a_time_ago_line_inside_a_sentence_stays_in_the_story():
    art = furniture(f"{HEAD}\n{BODY}\nوقال الشاهد إن الطريق أغلق\nمنذ ساعتين\nأمام الشاحنات.")
    assert "منذ ساعتين" in "\n".join(art.span_text(s) for s in art.spans("body"))


def test_the_temporal_stage_resolves_against_the_story_date():
    art = furniture(f"{HEAD}\nافتتح المدير اليوم السبت 4 مارس 2017 المعرض، وكان قد زاره أمس "
                    "وسيعود إليه الخميس المقبل.")
    values = {art.span_text(s): s.attrs["value"] for s in art.spans("timexes")}
    assert values["أمس"] == "2017-03-03"
    assert values["الخميس المقبل"] == "2017-03-09"


def test_a_page_date_the_story_contradicts_is_flagged():
    art = furniture(f"{HEAD}\n5 مارس 2017\nافتتح المدير اليوم الجمعة 10 مارس 2017 المعرض.")
    assert art.meta("published") == "2017-03-05"  # the page's own date stays
    assert [i.code for i in art.issues] == ["metadata.date_conflict"]


@pytest.mark.parametrize("line", ["10 مارس 2017", "11 مارس 2017"])
def test_a_day_apart_is_no_conflict(line):
    art = furniture(f"{HEAD}\n{line}\nافتتح المدير اليوم الجمعة 10 مارس 2017 المعرض.")
    assert not art.issues


def test_a_date_line_under_a_paragraph_of_the_story_is_not_the_page_date():
    # a related item's date between two paragraphs, near the top of the page
    para = ("وقال المدير إن المعرض يستقبل الزوار يوميا من الصباح حتى المساء طوال أيام "
            "الأسبوع المقبل.")
    art = furniture(f"{HEAD}\n{para}\n14 فبراير 2021\n{BODY}")
    assert art.meta("published") is None
    art = furniture(f"{HEAD}\n14 فبراير 2021\n{para}\n{BODY}")
    assert art.meta("published") == "2021-02-14"


def test_a_dateline_with_a_weekday_opening_the_story():
    art = furniture(f"{HEAD}\nأبو ظبي – الاثنين 3 مايو 2021 (وكالات) - {BODY}")
    assert art.meta("published") == "2021-05-03"
