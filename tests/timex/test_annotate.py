"""The stage on an Article: body sentences only, offsets into the text, attrs as promised,
the publication date read from the metadata, and no wall clock anywhere."""
from __future__ import annotations

import datetime as dt

from hypothesis import given, settings, strategies as st

from khabar.document import Article
from khabar.segment import segment
from khabar.timex import annotate, find_timexes


def _article(title: str, body: str, published: str | None) -> Article:
    text = f"{title}\n{body}"
    art = Article(text)
    art.add("title", 0, len(title), "title")
    art.add("body", len(title) + 1, len(text), "body")
    if published:
        art.set_meta("published", published, "test")
    segment(art)
    annotate(art)
    return art


def test_body_expressions_with_their_attrs():
    art = _article("عنوان يذكر أمس", "وقال الوزير أمسِ الخميس إن الجلسة تعقد الإثنين المقبل.",
                   "2021-07-23T10:00:00+03:00")
    spans = art.spans("timexes")
    assert [art.span_text(s) for s in spans] == ["أمسِ الخميس", "الإثنين المقبل"]
    assert [s.attrs["value"] for s in spans] == ["2021-07-22", "2021-07-26"]
    assert all(s.label == "DATE" and s.attrs["anchor"] == "publication"
               and s.attrs["granularity"] == "day" and s.attrs["mod"] is None for s in spans)


def test_no_publication_date_leaves_relative_values_open_and_keeps_absolute_ones():
    art = _article("عنوان", "وصل الوفد أمس، وكان قد زار المدينة في 3 آذار 2019.", None)
    got = [(art.span_text(s), s.attrs["value"], s.attrs["anchor"]) for s in art.spans("timexes")]
    assert got == [("أمس", None, "publication"), ("3 آذار 2019", "2019-03-03", "absolute")]


def test_expressions_do_not_run_across_sentences():
    art = _article("عنوان", "وصل الوفد الأحد. الماضي لا يعود.", "2021-07-23")
    assert [art.span_text(s) for s in art.spans("timexes")] == ["الأحد"]


def test_the_wall_clock_is_never_read():
    # the same text and date give the same value whatever day the test runs
    a = find_timexes("العام الماضي", dt.date(2001, 6, 1))
    assert a[0].value == "2000"


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="أمس اليوم الماضي 2021 يناير، و.\u064b\u0640", max_size=60))
def test_spans_always_point_into_the_text(s):
    for t in find_timexes(s, dt.date(2021, 7, 23)):
        assert 0 <= t.start < t.end <= len(s)
        assert s[t.start:t.end] == t.text
        assert t.text == t.text.strip()


_PIECES = ["1", "٢", "2021", "١٤٤٢", "/", "-", ":", " ", "،", ".", "(", ")", "هـ", "و", "ل",
           "آب", "شباط/فبراير", "الثلاثاء", "اليوم", "أمس", "الماضي", "المقبل", "العام", "عامي",
           "من", "إلى", "قبل", "ثلاثة", "أيام", "نهاية", "صباح", "يوم", "الساعة", "كل", "نحو",
           "السابع", "التسعينيات", "\u064b", "\u0640"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=16).map("".join),
       st.one_of(st.none(), st.dates(min_value=dt.date(1990, 1, 1),
                                     max_value=dt.date(2040, 12, 31))))
def test_any_string_and_date_are_safe(s, published):
    for t in find_timexes(s, published):
        assert 0 <= t.start < t.end <= len(s) and s[t.start:t.end] == t.text
        assert t.type in ("DATE", "TIME", "DURATION", "SET")
        if published is None and t.anchor == "publication" and t.type in ("DATE", "TIME"):
            assert t.value in (None, "PAST_REF", "FUTURE_REF")
