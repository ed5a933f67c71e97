"""A listed name keeps its first letter even when it looks like a proclitic:
«ليلى» is not «ل» + «يلى», «بسمة» not «ب» + «سمة»; a real clitic still comes off."""
import pytest

from khabar.api import extract
from khabar.ner.grouping import Mention, group
from khabar.ner.mentions import strip_clitic


@pytest.mark.parametrize("token, kept", [
    ("ليلى", "ليلى"),        # a listed given name whose rest «يلى» is a frequent verb
    ("لينا", "لينا"),
    ("لبنان", "لبنان"),      # a listed place
    ("وليلى", "ليلى"),       # the conjunction in front still comes off
    ("والعراق", "العراق"),
    ("بالعراق", "العراق"),
    ("بغداد", "بغداد"),
    # «ك», «ف», «ب» + article is a clitic only where the corpus knows the rest better
    ("كاليفورنيا", "كاليفورنيا"),
    ("فالنسيا", "فالنسيا"),
    ("كالينينغراد", "كالينينغراد"),
    ("وبالعراق", "العراق"),
    ("كالعادة", "العادة"),
])
def test_mention_clitic(token, kept):
    assert token[strip_clitic(token):] == kept


@pytest.mark.parametrize("mentions", [
    # the grouping key of a listed name is the whole name, with or without a clitic
    [("PER", "ليلى البناني"), ("PER", "وليلى البناني")],
    [("PER", "ليلى"), ("PER", "لليلى")],
    [("LOC", "لبنان"), ("LOC", "للبنان")],
    [("LOC", "ولبنان"), ("LOC", "لبنان")],
])
def test_clitic_forms_of_a_listed_name_are_one_entity(mentions):
    out = list(group([Mention(0, 1, t, x) for t, x in mentions]))
    assert len({e for e, _ in out}) == 1


@pytest.mark.parametrize("text, name", [
    ("قالت الدكتورة ليلى البناني إن المشروع سيبدأ الشهر المقبل في المدينة.",
     "ليلى البناني"),
    ("وأكدت المهندسة لينا الحسيني أن الجسر الجديد سيفتح أمام السيارات قريبا.",
     "لينا الحسيني"),
])
def test_speaker_canonical_keeps_the_name_whole(text, name):
    record = extract("عنوان للتجربة\n\n" + text + "\n")
    speakers = [q["speaker"] for q in record["quotes"]]
    assert speakers, record["quotes"]
    assert speakers[0]["canonical"] == name
    assert name in [e["canonical"] for e in record["entities"]]
