"""A kin noun before a person («زوجة X», «شقيق X»): the relative speaks, described by the
relation; X only says whose relative, and is never the speaker. Sentences written for
these tests."""
from __future__ import annotations

import pytest

from khabar import api
from khabar.record import to_record


def statements(text: str) -> list[dict]:
    return to_record(api.extract_text(text))["quotes"]


ROWS = [
    ("wife-of-a-titled-name", "وقالت زوجة الصياد خالد عمران إن زوجها خرج إلى البحر فجرا.",
     "زوجة الصياد خالد عمران", "زوجها خرج إلى البحر فجرا"),
    ("brother-of-a-bare-name", "وقال شقيق سامي يوسف إن العائلة لم تتلق أي خبر عنه.",
     "شقيق سامي يوسف", "العائلة لم تتلق أي خبر عنه"),
    ("mother-of-a-description", "وأكدت والدة الطالب أن ابنها كان متفوقا في دراسته.",
     "والدة الطالب", "ابنها كان متفوقا في دراسته"),
    ("son-of-a-title-and-name", "وقال نجل الرئيس السابق فادي منصور إن والده بخير.",
     "نجل الرئيس السابق فادي منصور", "والده بخير"),
    ("two-word-kin-noun", "وذكرت ابنة عم الضحية أن الأسرة تطالب بالتحقيق.",
     "ابنة عم الضحية", "الأسرة تطالب بالتحقيق"),
]


@pytest.mark.parametrize("sentence, speaker, content", [r[1:] for r in ROWS],
                         ids=[r[0] for r in ROWS])
def test_the_relative_is_the_speaker(sentence, speaker, content):
    got = statements(sentence)
    assert len(got) == 1, [q["content"]["text"] for q in got]
    q = got[0]
    assert q["content"]["text"] == content
    assert q["speaker"]["text"] == speaker
    assert q["speaker"]["canonical"] == speaker  # the relation, not the relative's name
    assert q["speaker"]["kind"] == "person"


@pytest.mark.parametrize("later", [
    "وأضاف حداد أن الحملة تبدأ الأحد.",  # the surname
    "وأضاف وزير الصحة أن الحملة تبدأ الأحد.",  # the title alone
], ids=["surname", "title"])
def test_the_relative_and_the_person_stay_two_sources(later):
    got = statements("قال وزير الصحة رامي حداد إن اللقاح آمن. "
                     f"وقال نجل وزير الصحة رامي حداد إن والده تلقى اللقاح أمس. {later}")
    assert [q["speaker"]["canonical"] for q in got] == [
        "رامي حداد", "نجل وزير الصحة رامي حداد", "رامي حداد"]
