"""A summary block repeated before the full text («ملخص المقال: … المحتوى الكامل: …»): a
statement it shares with the story is kept once, in the story; one it alone makes stays.
Sentences written for these tests."""
from __future__ import annotations

import pytest

from khabar import api
from khabar.record import to_record

HEAD = "الحكومة تعرض موازنة العام المقبل على البرلمان"
STORY = ("قال وزير المالية سامر حداد إن الموازنة الجديدة ستخفض العجز إلى النصف. "
         "وأضاف أن الضرائب على المواد الغذائية لن ترتفع هذا العام.")
STORY_CLAIM = "الموازنة الجديدة ستخفض العجز إلى النصف"


def statements(text: str) -> list[dict]:
    return to_record(api.extract_text(text))["quotes"]


def in_story(text: str, q: dict) -> bool:
    return q["content"]["start"] >= text.index("المحتوى الكامل")


@pytest.mark.parametrize("summary, repeats", [
    # the lead word for word
    ("قال وزير المالية سامر حداد إن الموازنة الجديدة ستخفض العجز إلى النصف.", True),
    # the same claim with one word changed and the cue in another form
    ("وأكد وزير المالية سامر حداد أن الموازنة الجديدة ستخفض العجز إلى نصفه.", True),
    # a claim the full text never makes: a statement of its own
    ("وقال وزير المالية سامر حداد إن البرلمان سيصوت على الخطة قبل نهاية الشهر.", False),
], ids=["verbatim-repeat", "near-repeat", "own-claim"])
def test_a_summary_statement_is_kept_only_when_the_story_does_not_repeat_it(summary, repeats):
    text = f"{HEAD}\n\nملخص المقال:\n{summary}\nالمحتوى الكامل:\n{STORY}\n"
    got = statements(text)
    in_summary = [q for q in got if not in_story(text, q)]
    assert bool(in_summary) != repeats, [q["content"]["text"] for q in got]
    # the story's own statements are all there, whatever the summary says
    story = [q["content"]["text"] for q in got if in_story(text, q)]
    assert story[0] == STORY_CLAIM and len(story) == 2, story


def test_a_statement_made_twice_in_the_story_itself_is_kept_twice():
    claim = "قال وزير المالية سامر حداد إن الموازنة الجديدة ستخفض العجز إلى النصف."
    text = f"{HEAD}\n\n{claim}\nوتابع الوزير حديثه عن الاستثمار.\n{claim}\n"
    got = [q["content"]["text"] for q in statements(text)]
    assert got.count(STORY_CLAIM) == 2, got
