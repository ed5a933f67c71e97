"""Events in the corpus, on real SQLite files: every event of a record becomes a row with
its offsets, the filters select exactly what they say, counts add up, a story's copies
count once, and the export carries the events. Our own made-up Arabic articles."""
from __future__ import annotations

import json
import sqlite3
import subprocess
import sys

import pytest

from khabar.corpus import Corpus, CorpusError
from khabar.corpus.schema import SCHEMA_VERSION

STRIKE = ("قتل ثلاثة أشخاص وأصيب خمسة آخرون في قصف صاروخي استهدف قاعدة عسكرية قرب مطار "
          "أربيل يوم الأحد. وقال المتحدث باسم الشرطة إن الشرطة اعتقلت عشرة متظاهرين في "
          "البصرة. واتهم وزير الخارجية سامي الخطيب الحكومة بتعطيل الاتفاق.")
PROTEST = ("تظاهر آلاف الطلاب في مدينة صفاقس يوم الجمعة احتجاجا على ارتفاع رسوم الجامعات. "
           "وقال أحد المنظمين إن الاحتجاجات ستستمر حتى تتراجع الحكومة عن قرارها.")
VISIT = ("وصل وزير الخارجية سامي الخطيب إلى عمان يوم الاثنين في زيارة رسمية التقى خلالها "
         "نظيره الأردني. ووقع الجانبان اتفاقية للتعاون في مجال المياه.")
ARTICLES = [
    {"outlet": "صحيفة الشروق", "date": "2024-05-02", "url": "https://example.org/strike",
     "title": "قصف قرب المطار", "text": STRIKE},
    # a copy of the same story in another outlet: its events count once by default
    {"outlet": "موقع الأفق", "date": "2024-05-03", "url": "https://example.net/strike",
     "title": "قصف قرب المطار", "text": "متابعات: " + STRIKE},
    {"outlet": "صحيفة الشروق", "date": "2024-03-09", "url": "https://example.org/protest",
     "title": "احتجاج الطلاب", "text": PROTEST},
    {"outlet": "إذاعة النخيل", "date": "2024-07-16", "url": "https://example.org/visit",
     "title": "زيارة رسمية", "text": VISIT},
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("events")
    path = folder / "news.jsonl"
    path.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in ARTICLES),
                    encoding="utf-8")
    db = str(folder / "c.db")
    with Corpus(db) as c:
        summary = c.add([str(path)], workers=1)
    assert summary.new == len(ARTICLES) and summary.events > 0
    c = Corpus(db, readonly=True)
    yield c
    c.close()


def _records(c: Corpus) -> dict[str, dict]:
    return {aid: c.article(aid) for (aid,) in c.db.execute("SELECT article_id FROM articles")}


def test_every_event_of_every_record_is_a_row_with_its_offsets(corpus):
    records = _records(corpus)
    n = 0
    for aid, record in records.items():
        text = record["text"]
        for ev in record["events"]:
            row = corpus.db.execute(
                "SELECT type, mode, status, from_statement, trigger, trigger_start, "
                "trigger_end, place, country, dead, injured, arrested, date, statement_id, "
                "n_mentions FROM events WHERE event_id=?", (f"{aid}-{ev['id']}",)).fetchone()
            assert row is not None, ev
            (typ, mode, status, verbal, trig, ts, te, place, country, dead, injured,
             arrested, date, sid, n_mentions) = row
            assert (typ, mode, status) == (ev["type"], ev.get("mode"), ev.get("status"))
            assert trig == text[ts:te] == ev["trigger"]["text"]
            assert verbal == int(bool(ev.get("from_statement")))
            loc = ev.get("location") or {}
            assert place == loc.get("text")
            assert country == (loc.get("geo") or {}).get("country")
            assert (dead, injured, arrested) == (ev.get("dead"), ev.get("injured"),
                                                 ev.get("arrested"))
            assert date == (ev.get("date") or {}).get("value")
            assert n_mentions == len(ev.get("mentions") or [])
            if ev.get("statement") is not None:  # claimed or verbal: the statement's id
                assert sid == f"{aid}-{ev['statement'] + 1:04d}"
                assert corpus.db.execute("SELECT 1 FROM statements WHERE statement_id=?",
                                         (sid,)).fetchone()
            n += 1
    assert n == corpus.db.execute("SELECT count(*) FROM events").fetchone()[0] > 5


def test_other_mentions_are_stored_with_offsets(corpus):
    rows = corpus.db.execute("SELECT m.article_id, m.trigger, m.trigger_start, m.trigger_end "
                             "FROM event_mentions m").fetchall()
    assert rows
    for aid, trig, start, end in rows:
        assert corpus.article(aid)["text"][start:end] == trig


@pytest.mark.parametrize("kw, check", [
    ({"type": "ASSAULT"}, lambda r: r["type"] == "ASSAULT"),
    ({"type": "assault,protest"}, lambda r: r["type"] in ("ASSAULT", "PROTEST")),
    ({"country": "iq"}, lambda r: r["country"] == "IQ"),
    ({"since": "2024-04"}, lambda r: r["day"] >= "2024-04-01"),
    ({"until": "2024-04-30"}, lambda r: r["day"] <= "2024-04-30"),
    ({"since": "2024-03-01", "until": "2024-03"}, lambda r: r["day"].startswith("2024-03")),
    ({"status": "claimed"}, lambda r: r["status"] == "claimed" and r["statement_id"]),
    ({"place": "البصرة"}, lambda r: r["place"] == "البصرة"),
    ({"place": "بصره"}, lambda r: r["place"] == "البصرة"),  # folded, without «ال»
    ({"verbal": True}, lambda r: True),
    ({"type": "ACCUSE"}, lambda r: r["from_statement"] == 1),
])
def test_filters_select_exactly_what_they_say(corpus, kw, check):
    everything = corpus.events(verbal=True, limit=None).rows
    got = corpus.events(limit=None, **kw).rows
    assert got and all(check(r) for r in got), got
    # nothing that passes the test was left out (verbal acts only when asked for)
    wanted = [r for r in everything if check(r) and (
        kw.get("verbal") or kw.get("type") == "ACCUSE" or not r["from_statement"])]
    assert sorted(r["event_id"] for r in got) == sorted(r["event_id"] for r in wanted)


def test_verbal_acts_only_when_asked_and_their_actor_is_the_speaker(corpus):
    assert not any(r["from_statement"] for r in corpus.events(limit=None).rows)
    verbal = [r for r in corpus.events(verbal=True, limit=None).rows if r["from_statement"]]
    assert verbal
    speaker = corpus.speaker("سامي الخطيب")
    assert speaker is not None
    accuse = [r for r in verbal if r["type"] == "ACCUSE"]
    assert accuse and all(r["actor_key"] == speaker["key"] for r in accuse)
    by_actor = corpus.events(actor="الخطيب", verbal=True, limit=None).rows
    # his verbal acts, and the material events he is the actor of (the visit)
    assert {r["event_id"] for r in accuse} <= {r["event_id"] for r in by_actor}
    assert all(r["actor_key"] == speaker["key"] for r in by_actor)


def test_a_storys_copies_count_once(corpus):
    once = corpus.events(type="ASSAULT", limit=None).rows
    every = corpus.events(type="ASSAULT", limit=None, collapse=False).rows
    assert len(every) == 2 * len(once) > 0
    assert {r["copies"] for r in once} == {2}
    assert corpus.event_counts(type="ASSAULT")["type"] == [("ASSAULT", len(once))]


def test_counts_add_up_per_type_place_and_month(corpus):
    rows = corpus.events(limit=None).rows
    counts = corpus.event_counts()
    assert sum(n for _, n in counts["type"]) == len(rows)
    assert sum(n for _, n in counts["month"]) == sum(1 for r in rows if r["day"])
    assert sum(p["events"] for p in counts["place"]) == sum(1 for r in rows if r["place"])
    per_month = {}
    for r in rows:
        per_month[r["day"][:7]] = per_month.get(r["day"][:7], 0) + 1
    assert dict(counts["month"]) == per_month
    iq = corpus.event_counts(country="IQ")
    assert {p["country"] for p in iq["place"]} == {"IQ"}


def test_pages_follow_each_other(corpus):
    everything = [r["event_id"] for r in corpus.events(verbal=True, limit=None).rows]
    seen, cursor = [], None
    while True:
        page = corpus.events(verbal=True, limit=2, cursor=cursor)
        seen += [r["event_id"] for r in page.rows]
        if not page.next:
            break
        cursor = page.next
    assert seen == everything
    days = [r["day"] for r in corpus.events(verbal=True, limit=None).rows]
    assert days == sorted(days, reverse=True)


def test_bad_filters_say_what_to_do(corpus):
    with pytest.raises(CorpusError, match="YYYY-MM-DD"):
        corpus.events(since="last spring")
    with pytest.raises(CorpusError, match="asserted"):
        corpus.events(status="maybe")


def test_export_carries_the_events(corpus, tmp_path):
    import pyarrow.parquet as pq

    from khabar.corpus.export import export

    counts = export(corpus.db, tmp_path, "parquet")
    stored = corpus.db.execute("SELECT count(*) FROM events").fetchone()[0]
    assert counts["events"] == stored
    table = pq.read_table(tmp_path / "events.parquet").to_pylist()
    by_id = {r["event_id"]: r for r in table}
    for row in corpus.events(verbal=True, collapse=False, limit=None).rows:
        got = by_id[row["event_id"]]
        for k in ("type", "trigger_start", "trigger_end", "country", "lat", "dead",
                  "actor_key", "place", "date"):
            assert got[k] == row[k], k
    assert counts["event_mentions"] == len(pq.read_table(tmp_path / "event_mentions.parquet"))


def test_the_cli_lists_counts_and_streams(corpus):
    def run(*args):
        proc = subprocess.run([sys.executable, "-m", "khabar.cli", "events", "--db",
                               corpus.path, *args], capture_output=True, text=True, timeout=120)
        assert proc.returncode == 0, proc.stderr
        return proc.stdout

    table = run("--type", "ASSAULT", "--counts")
    assert "ASSAULT" in table and "per month" in table and "dead 3" in table
    lines = run("--format", "jsonl", "--verbal").splitlines()
    assert len(lines) == len(corpus.events(verbal=True, limit=None).rows)
    csv_out = run("--format", "csv", "--country", "IQ")
    assert csv_out.splitlines()[0].startswith("day,type,mode")
    assert len(csv_out.splitlines()) == 1 + len(corpus.events(country="IQ", limit=None).rows)
    data = json.loads(run("--format", "json", "--counts", "--limit", "1"))
    assert len(data["rows"]) == 1 and data["next"] and data["counts"]["type"]
    second = json.loads(run("--format", "json", "--limit", "1", "--cursor", data["next"]))
    assert [r["event_id"] for r in data["rows"] + second["rows"]] == \
        [r["event_id"] for r in corpus.events(limit=2).rows]
    bad = subprocess.run([sys.executable, "-m", "khabar.cli", "events", "--db", corpus.path,
                          "--since", "yesterday"], capture_output=True, text=True, timeout=120)
    assert bad.returncode != 0 and "YYYY-MM-DD" in bad.stderr


def test_a_corpus_of_the_version_before_events_says_what_to_do(tmp_path):
    path = str(tmp_path / "old.db")
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
    db.execute("INSERT INTO meta VALUES ('schema_version', '1')")
    db.commit()
    db.close()
    assert SCHEMA_VERSION != "1"
    with pytest.raises(CorpusError, match="version 1.*khabar index INPUT --db NEW.db"):
        Corpus(path)
