"""Grouping mentions into entities: one id per entity, the fullest name as canonical."""
import pytest

from khabar.ner.grouping import Mention, group


def _group(*mentions):
    ms = [Mention(0, 1, typ, text) for typ, text in mentions]
    return list(group(ms))


@pytest.mark.parametrize("mentions, same, canonical", [
    # a surname alone is the person named in full
    ([("PER", "سمير حداد"), ("PER", "حداد")], True, "سمير حداد"),
    # the surname comes first in the article: still grouped, still the full name
    ([("PER", "حداد"), ("PER", "سمير حداد")], True, "سمير حداد"),
    # clitic and article aside, one place
    ([("LOC", "العراق"), ("LOC", "للعراق")], True, "العراق"),
    # an organisation head word only extends the name
    ([("ORG", "حماس"), ("ORG", "حركة حماس")], True, "حركة حماس"),
    # a place name and its qualified form
    ([("LOC", "الضفة"), ("LOC", "الضفة الغربية")], True, "الضفة الغربية"),
    # an alias listed in the data files
    ([("ORG", "وزارة الدفاع الأميركية"), ("ORG", "البنتاغون")], True,
     "وزارة الدفاع الأميركية"),
    # a body inside another body's name is another body
    ([("ORG", "الأمم المتحدة"), ("ORG", "الجمعية العامة للأمم المتحدة")], False, None),
    # the same words under two types are two entities
    ([("LOC", "الجزيرة"), ("ORG", "الجزيرة")], False, None),
])
def test_pairs(mentions, same, canonical):
    (e1, c1), (e2, c2) = _group(*mentions)
    assert (e1 == e2) is same
    if same:
        assert c1 == c2 == canonical


def test_ambiguous_given_name_is_left_alone():
    out = _group(("PER", "سمير حداد"), ("PER", "سمير خوري"), ("PER", "سمير"))
    assert len({e for e, _ in out}) == 3


def test_ids_follow_first_mention():
    out = _group(("LOC", "دمشق"), ("PER", "ليلى نصار"), ("LOC", "دمشق"), ("PER", "نصار"))
    assert [e for e, _ in out] == ["E1", "E2", "E1", "E2"]


@pytest.mark.parametrize("written, canonical", [
    ("للأمم المتحدة", "الأمم المتحدة"),
    ("للبيت الأبيض", "البيت الأبيض"),
    ("لبنان", "لبنان"),
    ("الأمم المتحدة", "الأمم المتحدة"),
])
def test_canonical_gets_its_article_back(written, canonical):
    ((_, got),) = _group(("ORG", written))
    assert got == canonical
