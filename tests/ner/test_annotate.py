"""The pipeline stage: mentions over the article text, clitics outside, entities grouped."""
import pytest

import khabar.ner as ner
from khabar.document import Article
from khabar.ner import annotate
from khabar.segment import segment

_TEXT = ("قال الرئيس الفرنسي جان دوبوا في باريس إن فرنسا ستعترف بدولة فلسطين. "
         "وأضاف دوبوا أن الاتحاد الأوروبي يدعم الخطوة، وزار بعدها الأمم المتحدة "
         "والتقى وزير خارجية الأردن في بروكسل.")


def _article(text=_TEXT):
    a = Article(text)
    a.add("body", 0, len(text), "body")
    segment(a)
    annotate(a)
    return a


def test_mentions_point_into_the_text_without_clitics():
    a = _article()
    found = {(a.text[m.start:m.end], m.label) for m in a.spans("mentions")}
    assert ("جان دوبوا", "PER") in found
    assert ("باريس", "LOC") in found
    assert ("الأمم المتحدة", "ORG") in found
    assert ("بروكسل", "LOC") in found
    for m in a.spans("mentions"):
        assert a.text[m.start] not in " ،."
        assert m.label in {"PER", "ORG", "LOC", "MISC"}


def test_surname_joins_the_full_name():
    a = _article()
    people = [m for m in a.spans("mentions") if m.label == "PER"]
    ids = {m.attrs["entity"] for m in people if "دوبوا" in a.text[m.start:m.end]}
    assert len(ids) == 1
    assert {m.attrs["canonical"] for m in people} == {"جان دوبوا"}


def test_conjunction_stays_outside():
    text = "زار الوفد العراق ثم عاد إلى بيروت. وتحدث عن العراق والعراقيين وعن لبنان ولبنان."
    a = _article(text)
    names = [a.text[m.start:m.end] for m in a.spans("mentions")]
    assert all(not n.startswith("و") for n in names), names
    assert "لبنان" in names


def test_empty_article():
    a = _article("")
    assert a.spans("mentions") == []


def test_person_after_a_title_carries_it():
    a = _article()
    dubois = [m for m in a.spans("mentions") if a.text[m.start:m.end] == "جان دوبوا"]
    assert dubois and dubois[0].attrs.get("title") == "الرئيس الفرنسي"


_OTHERS = [
    "أعلنت وزارة الصحة الأردنية أن الوزير فراس الهواري زار مستشفى البشير في عمان. "
    "وقال الهواري إن الخطة تشمل مدينة إربد.",
    "التقى الأمين العام للأمم المتحدة أنطونيو غوتيريش بالرئيس الكيني وليام روتو في نيروبي. "
    "وقال غوتيريش إن منظمة الصحة العالمية تراقب الوضع.",
    "",
    "ذهب الولد إلى المدرسة.",
]


def _segmented(text):
    a = Article(text)
    a.add("body", 0, len(text), "body")
    segment(a)
    return a


def _mentions(a):
    return [(m.start, m.end, m.label, dict(m.attrs)) for m in a.spans("mentions")]


@pytest.mark.parametrize("mode", ner.MODES)
def test_articles_tagged_together_get_the_mentions_they_get_alone(mode):
    texts = [_TEXT] + _OTHERS
    alone = []
    for t in texts:
        a = _segmented(t)
        annotate(a, mode)
        alone.append(_mentions(a))
    together = [_segmented(t) for t in texts]
    ner.annotate_batch(together, mode)
    assert [_mentions(a) for a in together] == alone
    assert any(alone)
