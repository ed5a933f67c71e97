"""Dataset records: field aliases, the title/body layout, `given` and where it came from."""
from __future__ import annotations

import json

import pytest

from khabar.ingest import read_bytes
from khabar.ingest.fields import HTML_META, RECORD_FIELDS, key_form, load_neutral

from ingest_samples import ARABIC, TITLE


def one(data: bytes, name: str):
    arts = list(read_bytes(data, name))
    assert len(arts) == 1
    return arts[0]


@pytest.mark.parametrize("key, target", [
    ("text", "text"), ("body", "text"), ("content", "text"), ("articleBody", "text"),
    ("title", "title"), ("headline", "title"),
    ("date", "published"), ("published", "published"), ("pubDate", "published"),
    ("pub_date", "published"), ("Published-At", "published"),
    ("url", "url"), ("link", "url"),
    ("author", "author"), ("byline", "author"),
    ("source", "sitename"), ("id", "article_id"),
])
def test_json_field_aliases(key, target):
    record = {key: ARABIC} if target == "text" else {"text": ARABIC, key: TITLE}
    art = one(json.dumps(record, ensure_ascii=False).encode(), "rec.json")
    if target == "text":
        assert art.text == ARABIC
        assert art.given["given_sources"]["text"] == f"json:{key}"
    else:
        assert art.given[target] == TITLE
        assert art.given["given_sources"][target] == f"json:{key}"
    assert not art.failed


def test_title_layout_and_offsets():
    rec = {"headline": TITLE, "body": ARABIC, "pubDate": "Mon, 04 Mar 2024 10:00:00 +0000"}
    art = one(json.dumps(rec).encode(), "x.json")
    assert art.text == TITLE + "\n\n" + ARABIC
    start, end = art.given["title_span"]
    assert art.text[start:end] == TITLE == art.given["title"]
    assert art.text[art.given["body_start"]:] == ARABIC
    # the date is passed on raw: parsing it is the metadata stage's job
    assert art.given["published"] == rec["pubDate"]
    assert art.given["given_sources"]["published"] == "json:pubDate"


def test_no_title_body_starts_at_zero():
    art = one(json.dumps({"text": ARABIC}).encode(), "x.json")
    assert art.text == ARABIC and art.given["body_start"] == 0
    assert "title_span" not in art.given


def test_first_alias_wins_and_values_are_normalized():
    rec = {"published": "second", "date": "first", "author": ["كاتب أول", "كاتب ثان"],
           "publisher": {"@type": "Organization", "name": "وكالة"}, "text": "  " + ARABIC,
           "title": "عنوان\r\nعلى سطرين"}
    art = one(json.dumps(rec).encode(), "x.json")
    assert art.given["published"] == "first"
    assert art.given["author"] == "كاتب أول, كاتب ثان"
    assert art.given["sitename"] == "وكالة"
    assert art.given["title"] == "عنوان على سطرين"  # a title stays on one line
    assert art.text.endswith(ARABIC)


def test_record_without_text_field_keeps_its_title():
    art = one(json.dumps({"title": TITLE, "date": "2024-01-01"}).encode(), "x.json")
    assert [i.code for i in art.issues] == ["E_NO_TEXT"]
    assert art.text == TITLE and art.given["published"] == "2024-01-01"
    assert art.given["body_start"] == len(TITLE)


def test_empty_text_field():
    art = one(json.dumps({"title": TITLE, "text": "  "}).encode(), "x.json")
    assert [i.code for i in art.issues] == ["E_EMPTY"]


def test_json_list_gives_numbered_records():
    recs = [{"text": ARABIC}, 7, {"body": ARABIC, "title": TITLE}]
    arts = list(read_bytes(json.dumps(recs).encode(), "batch.json"))
    assert [a.source["name"] for a in arts] == ["batch-000001", "batch-000002", "batch-000003"]
    assert [a.source["record"] for a in arts] == [0, 1, 2]
    assert [a.failed for a in arts] == [False, True, False]
    assert arts[1].issues[0].code == "E_PARSE"


def test_json_container_key():
    arts = list(read_bytes(json.dumps({"articles": [{"text": ARABIC}] * 2}).encode(), "c.json"))
    assert [a.text for a in arts] == [ARABIC, ARABIC]


def test_jsonl_bad_line_does_not_stop_the_file():
    lines = [json.dumps({"content": ARABIC}), "", "{broken", json.dumps({"text": ARABIC})]
    arts = list(read_bytes("\n".join(lines).encode(), "feed.jsonl"))
    assert [a.source["name"] for a in arts] == ["feed-000001", "feed-000002", "feed-000003"]
    assert [[i.code for i in a.issues] for a in arts] == [[], ["E_PARSE"], []]
    assert all(a.source["format"] == "jsonl" for a in arts)


def test_jsonl_saved_as_json():
    data = (json.dumps({"text": ARABIC}) + "\n") * 3
    arts = list(read_bytes(data.encode(), "lines.json"))
    assert len(arts) == 3 and not any(a.failed for a in arts)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1256"])  # Excel: utf-16
@pytest.mark.parametrize("delimiter, name", [(",", "t.csv"), (";", "t.csv"), ("\t", "t.tsv")])
def test_csv_rows(encoding, delimiter, name):
    header = delimiter.join(["Title", "Article_Body", "pubDate", "Link"])
    row = delimiter.join([TITLE, '"' + ARABIC + '"', "2024-05-01", "https://example.org/a"])
    arts = list(read_bytes((header + "\n" + row + "\n").encode(encoding), name))
    assert len(arts) == 1
    art = arts[0]
    assert art.text == TITLE + "\n\n" + ARABIC
    assert art.given["published"] == "2024-05-01"
    assert art.given["given_sources"] == {"title": "csv:Title", "published": "csv:pubDate",
                                          "url": "csv:Link", "text": "csv:Article_Body"}
    assert art.source["name"] == "t-000001" and art.source["format"] == "csv"


def test_csv_row_without_text():
    arts = list(read_bytes("title,date\nعنوان,2024\n".encode(), "t.csv"))
    assert arts[0].issues[0].code == "E_NO_TEXT"


def test_field_table_integrity():
    data = load_neutral("ingest_fields")
    seen: dict[str, str] = {}
    for target, aliases in RECORD_FIELDS.items():
        for alias in aliases:
            assert alias not in seen, f"{alias} is listed for {seen.get(alias)} and {target}"
            seen[alias] = target
    metas = [k for keys in HTML_META.values() for k in keys]
    assert len(metas) == len(set(metas))
    assert set(data["record_fields"]) >= {"text", "title", "published", "author", "url"}
    assert key_form("pub-Date") == key_form("PUBDATE") == "pubdate"


@pytest.mark.parametrize("name", ["ingest_fields", "ingest_encodings"])
def test_resource_files_start_with_a_comment(name):
    from importlib import resources
    text = resources.files("khabar.resources").joinpath(f"{name}.yaml").read_text("utf-8")
    assert text.startswith("# ")


def test_given_metadata_wins_over_the_text_and_says_where_from():
    """End to end through the furniture stage: a record's date beats a date line in the
    text, and the record's field name is the evidence."""
    from khabar import furniture

    body = "تاريخ النشر: 2019-02-03\n" + ARABIC
    rec = {"headline": TITLE, "pubDate": "2024-06-07", "story": body}
    art = one(json.dumps(rec).encode(), "x.json")
    furniture.annotate(art)
    assert art.meta("published").startswith("2024-06-07")
    assert art.metadata["published"].source == "given:json:pubDate"
    assert art.meta("title") == TITLE
    assert art.metadata["title"].source == "given:json:headline"


def test_html_in_a_text_field_becomes_text():
    paras = ARABIC.split("\n")
    content = "".join(f"<p>{p.replace('الصيانة', '<b>الصيانة</b>')}</p>" for p in paras) + \
        "<script>track();</script>"
    art = one(json.dumps({"title": TITLE, "content": content}).encode(), "x.json")
    assert art.text == TITLE + "\n\n" + ARABIC
    assert [i.code for i in art.issues] == ["W_MARKUP"] and not art.failed


@pytest.mark.parametrize("text", [ARABIC, "قال إن 3 < 5 وإن 7 > 2", "استخدم الوسم <p> وحده"])
def test_prose_is_not_taken_for_markup(text):
    art = one(json.dumps({"text": text}).encode(), "x.json")
    assert art.text == text and art.issues == []
