"""Event dates in the corpus: every calendar value (a year, a month, an ISO week, a day)
is an interval of days, date filters select the events whose interval overlaps theirs,
durations are undated, month counts use the interval's month; ungeocoded place names are
counted apart; pages of the list follow each other. Real SQLite files, from records the
pipeline made of our own made-up articles, whose events are given chosen date values."""
from __future__ import annotations

import copy
import datetime as dt
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import khabar
from khabar.corpus import Corpus
from khabar.corpus.event_dates import interval, period

STRIKE = ("قصفت طائرات حربية مواقع في مدينة حلب يوم الأحد ما أدى إلى مقتل ثلاثة أشخاص "
          "وإصابة خمسة آخرين بجروح.")
PUBLISHED = "2018-06-15"


def D(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


@pytest.mark.parametrize("value, first, last", [
    ("1982", "1982-01-01", "1982-12-31"),                 # a year: all of it
    ("2024", "2024-01-01", "2024-12-31"),
    ("2018-04", "2018-04-01", "2018-04-30"),              # a month
    ("2024-02", "2024-02-01", "2024-02-29"),              # a leap February
    ("2018-W14", "2018-04-02", "2018-04-08"),             # an ISO week: Monday to Sunday
    ("2020-W53", "2020-12-28", "2021-01-03"),             # a week across the new year
    ("2019-W01", "2018-12-31", "2019-01-06"),
    ("2018-W14-WE", "2018-04-07", "2018-04-08"),          # its weekend
    ("2018-05-31", "2018-05-31", "2018-05-31"),           # a day
    ("2018-05-31T14:30", "2018-05-31", "2018-05-31"),     # a time of a day
    ("2024-Q2", "2024-04-01", "2024-06-30"),              # a quarter
    ("198", "1980-01-01", "1989-12-31"),                  # a decade («الثمانينيات»)
    ("19", "1900-01-01", "1999-12-31"),                   # a century
])
def test_calendar_values_are_intervals_of_days(value, first, last):
    assert interval(value) == (D(first), D(last))


@pytest.mark.parametrize("value", [
    "PT2H", "P3D", "PXD", "P2Y", "PT30M", "P1DE",          # durations («ساعتين»، «ثلاثة أيام»)
    "PAST_REF", "FUTURE_REF", "PRESENT_REF",               # vague references
    "2018-13", "2018-02-30", "2021-W53", "2018-W00",       # no such month, day, week
    "XXXX-05", "", "  ", None, "0000", "2018-SU", "yesterday",
])
def test_other_values_have_no_interval(value):
    assert interval(value) is None


@pytest.mark.parametrize("value, key", [
    ("2018-04-02", "2018-04"),
    ("2018-04", "2018-04"),
    ("2018-W14", "2018-04"),      # within April
    ("2018-W22", "2018-05"),      # Mon 28 May - Sun 3 June: its Thursday is in May
    ("2018-W26", "2018-06"),      # Mon 25 June - Sun 1 July: Thursday 28 June
    ("2018-W35", "2018-08"),      # Mon 27 Aug - Sun 2 Sep: Thursday 30 Aug
    ("2018-W48", "2018-11"),      # Mon 26 Nov - Sun 2 Dec: Thursday 29 Nov
    ("2018-W09", "2018-03"),      # Mon 26 Feb - Sun 4 Mar: Thursday 1 March
    ("2020-W53", "2020-12"),      # Thursday 31 December
    ("2018-W13-WE", "2018-03"),   # Sat 31 March - Sun 1 April: the Saturday
    ("1982", "1982"),             # a year is no month: counted under the year
    ("2024-Q2", "2024"),
    ("198", "1980/1989"),
])
def test_the_month_an_interval_is_counted_under(value, key):
    assert period(*interval(value)) == key


# ---------------------------------------------------------------- a corpus of chosen dates
# label -> the event's date value (None: no date: the publication day stands for it)
DATES = {
    "year1982": "1982", "month": "2018-04", "week14": "2018-W14", "week22": "2018-W22",
    "day": "2018-05-31", "newyear": "2019-01-01", "hours": "PT2H", "vague": "PAST_REF",
    "undated": None,
}


def base_record(text: str = STRIKE, url: str = "https://example.org/strike") -> dict:
    record = khabar.extract(text, published=PUBLISHED, url=url, outlet="صحيفة الشروق",
                            name=url).to_dict()  # the name: an input of its own
    assert record["events"], "the made-up article gives an event"
    return record


def with_dates(record: dict, values: list[str | None]) -> dict:
    """The record with one copy of its first event per value, each dated by it."""
    out = copy.deepcopy(record)
    first = out["events"][0]
    out["events"] = []
    for k, value in enumerate(values, 1):
        ev = copy.deepcopy(first)
        ev["id"] = f"V{k}"
        ev["mentions"] = []
        if value is None:
            ev.pop("date", None)
        else:
            ev["date"] = {"text": None, "value": value}
        out["events"].append(ev)
    return out


@pytest.fixture(scope="module")
def dated(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("dates") / "c.db")
    with Corpus(path) as c:
        c.add_records([with_dates(base_record(), list(DATES.values()))])
    c = Corpus(path, readonly=True)
    labels = {f"{aid}-V{k}": label for k, label in enumerate(DATES, 1)
              for (aid,) in c.db.execute("SELECT article_id FROM articles")}
    yield c, labels
    c.close()


def test_the_store_keeps_the_value_and_its_interval(dated):
    c, labels = dated
    rows = {labels[r["event_id"]]: r for r in c.events(limit=None).rows}
    assert set(rows) == set(DATES)
    for label, value in DATES.items():
        r = rows[label]
        assert r["date"] == value  # the original value, unchanged
        got = interval(value if value is not None else PUBLISHED)
        assert (r["day_start"], r["day_end"]) == \
            ((got[0].isoformat(), got[1].isoformat()) if got else (None, None))
    assert rows["year1982"]["day"] == "1982" and rows["year1982"]["period"] == "1982"
    # no date of its own: the publication day, said so
    assert rows["undated"]["day"] == PUBLISHED
    assert rows["undated"]["date_source"] == "publication"
    # a duration is no date: undated, and not given the publication day
    for label in ("hours", "vague"):
        assert rows[label]["day"] is None and rows[label]["date_source"] is None


@pytest.mark.parametrize("since, until, expected", [
    ("1982", "1982", {"year1982"}),
    ("1982-06", "1982-06", {"year1982"}),                     # a month of that year
    ("1982-12-31", "1982-12-31", {"year1982"}),                # its last day
    (None, "1981", set()),
    ("1983", "2017", set()),
    ("2018-04", "2018-04", {"month", "week14"}),
    ("2018-04-08", "2018-04-08", {"month", "week14"}),         # the week's Sunday
    ("2018-04-09", "2018-04-30", {"month"}),                   # after the week
    (None, "2018-04-01", {"year1982", "month"}),               # before the week began
    ("2018-05", "2018-05", {"week22", "day"}),
    ("2018-06", "2018-06", {"week22", "undated"}),             # the week ends 3 June
    ("2018-05-31", "2018-05-31", {"week22", "day"}),
    ("2018-06-04", None, {"undated", "newyear"}),
    ("2018-12-31", "2019-01-01", {"newyear"}),
    ("2018", "2018", {"month", "week14", "week22", "day", "undated"}),
    ("1900", "2100", set(DATES) - {"hours", "vague"}),         # durations: never
])
def test_date_filters_select_the_intervals_that_overlap(dated, since, until, expected):
    c, labels = dated
    got = {labels[r["event_id"]] for r in c.events(since=since, until=until, limit=None).rows}
    assert got == expected
    counted = c.event_counts(since=since, until=until)
    assert sum(n for _, n in counted["type"]) == len(expected)


def test_latest_first_by_first_day_and_undated_last(dated):
    c, labels = dated
    order = [labels[r["event_id"]] for r in c.events(limit=None).rows]
    assert order == ["newyear", "undated", "day", "week22", "week14", "month", "year1982",
                     "hours", "vague"]


def test_month_counts_use_the_intervals_month_and_undated_apart(dated):
    c, _ = dated
    assert c.event_counts()["month"] == [
        ("1982", 1), ("2018-04", 2), ("2018-05", 2), ("2018-06", 1), ("2019-01", 1),
        ("undated", 2)]


@pytest.mark.parametrize("limit", [1, 2, 3, 4, 20])
@pytest.mark.parametrize("kw", [{}, {"since": "2018"}, {"until": "2018-05"},
                                {"collapse": False}])
def test_pages_concatenate_to_the_whole_list(dated, limit, kw):
    c, _ = dated
    whole = [r["event_id"] for r in c.events(limit=None, **kw).rows]
    seen, cursor, pages = [], None, 0
    while True:
        page = c.events(limit=limit, cursor=cursor, **kw)
        assert len(page.rows) <= limit
        seen += [r["event_id"] for r in page.rows]
        pages += 1
        if not page.next:
            break
        cursor = page.next
        assert pages < 50
    assert seen == whole
    # a cursor of version 2, an offset, still reads
    assert [r["event_id"] for r in c.events(limit=limit, cursor=str(limit), **kw).rows] \
        == whole[limit:2 * limit]


def test_a_bad_cursor_says_what_to_do(dated):
    from khabar.corpus import CorpusError

    c, _ = dated
    for bad in ("next", "k12x", "-3"):
        with pytest.raises(CorpusError, match="next"):
            c.events(cursor=bad)


# ---------------------------------------------------------------- random dates, reference
def _random_values(rng: random.Random, n: int) -> list[str | None]:
    out: list[str | None] = []
    for _ in range(n):
        kind = rng.choice("ymwdxn")
        year = rng.randint(2016, 2019)
        if kind == "y":
            out.append(f"{year}")
        elif kind == "m":
            out.append(f"{year}-{rng.randint(1, 12):02d}")
        elif kind == "w":
            out.append(f"{year}-W{rng.randint(1, 52):02d}")
        elif kind == "d":
            out.append((dt.date(year, 1, 1) + dt.timedelta(days=rng.randint(0, 364)))
                       .isoformat())
        elif kind == "x":
            out.append(rng.choice(["PT2H", "P3D", "PAST_REF"]))
        else:
            out.append(None)
    return out


@pytest.fixture(scope="module")
def scattered(tmp_path_factory):
    """Sixty events of random dates (a fixed seed) over two articles."""
    rng = random.Random(14)
    path = str(tmp_path_factory.mktemp("scattered") / "c.db")
    base = base_record()
    other = base_record("اعتقلت قوات الأمن عشرة متظاهرين في مدينة البصرة يوم الخميس بعد "
                        "مواجهات مع الشرطة.", "https://example.org/arrest")
    values = _random_values(rng, 60)
    with Corpus(path) as c:
        summary = c.add_records([with_dates(base, values[:30]), with_dates(other, values[30:])])
    assert summary.new == 2 and summary.events == 60
    c = Corpus(path, readonly=True)
    yield c
    c.close()


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(a=st.dates(dt.date(2015, 6, 1), dt.date(2020, 6, 1)),
       b=st.dates(dt.date(2015, 6, 1), dt.date(2020, 6, 1)),
       open_end=st.sampled_from(["", "since", "until"]), limit=st.integers(1, 7))
def test_filters_and_pages_equal_a_reference_computed_apart(scattered, a, b, open_end,
                                                            limit):
    """The store's answer equals one computed in Python from the original values: the
    events whose interval overlaps [since, until], latest first by first day then by
    indexing order; and its pages concatenate to it."""
    c = scattered
    since, until = min(a, b), max(a, b)
    if open_end == "since":
        since = None
    elif open_end == "until":
        until = None
    everything = c.events(limit=None, verbal=True, collapse=False).rows
    seqs = dict(c.db.execute("SELECT event_id, seq FROM events"))
    expected = []
    for r in everything:
        seq = seqs[r["event_id"]]
        value = r["date"] if r["date"] is not None else r["published"][:10]
        got = interval(value)
        if got is None:
            continue
        if (since is None or got[1] >= since) and (until is None or got[0] <= until):
            expected.append((-got[0].toordinal(), seq, r["event_id"]))
    want = [e for _, _, e in sorted(expected)]
    kw = {"since": since and since.isoformat(), "until": until and until.isoformat(),
          "verbal": True, "collapse": False}
    assert [r["event_id"] for r in c.events(limit=None, **kw).rows] == want
    seen, cursor = [], None
    while True:
        page = c.events(limit=limit, cursor=cursor, **kw)
        seen += [r["event_id"] for r in page.rows]
        if not page.next:
            break
        cursor = page.next
    assert seen == want
    months: dict[str, int] = {}
    for r in c.events(limit=None, **kw).rows:
        months[r["period"]] = months.get(r["period"], 0) + 1
    assert dict(c.event_counts(**kw)["month"]) == months


# ---------------------------------------------------------------- ungeocoded places
def test_each_ungeocoded_place_name_is_its_own_place(tmp_path):
    """«البيت الأبيض» and «الكرملين» resolve to no corpus place (a building's name is no
    organisation's name either): each is counted under its own folded name, never
    together under one 'unknown'."""
    texts = {
        "https://example.org/a": "تظاهر مئات الطلاب أمام البيت الأبيض يوم الاثنين احتجاجا "
                                 "على قرار الحكومة.",
        "https://example.org/b": "تظاهر عشرات الناشطين أمام الكرملين يوم الثلاثاء رفضا "
                                 "للقانون الجديد.",
        "https://example.org/c": "تظاهر آلاف العمال أمام البيت الأبيض يوم الجمعة للمطالبة "
                                 "بزيادة الأجور.",
    }
    path = str(tmp_path / "c.db")
    with Corpus(path) as c:
        c.add_records([khabar.extract(t, published=PUBLISHED, url=u, outlet="موقع الأفق",
                                      name=u).to_dict() for u, t in texts.items()])
    with Corpus(path, readonly=True) as c:
        unknown = c.db.execute("SELECT count(*) FROM events WHERE place_key = 'UNKNOWN:'"
                               ).fetchone()[0]
        assert unknown >= 2, "the case this test is about: places whose name key is UNKNOWN:"
        places = {p["place"]: p for p in c.event_counts()["place"]}
        assert "unknown" not in {p["key"] for p in places.values()}
        assert places["البيت الأبيض"]["events"] == 2
        assert places["الكرملين"]["events"] == 1
        assert places["البيت الأبيض"]["key"] != places["الكرملين"]["key"]
        # its country is its own geocoding's (when it has one), not another name's
        assert places["الكرملين"]["country"] in (None, "RU")
        # the place filter on the key a count gives selects exactly those events
        got = c.events(place=places["البيت الأبيض"]["key"], limit=None).rows
        assert len(got) == 2 and {r["place"] for r in got} == {"البيت الأبيض"}
        assert c.events(place="unknown", limit=None).rows == []
