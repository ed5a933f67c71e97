"""The token layer cuts its regions with one split per region (`TOKEN_SPLIT`) and keeps
the tokens' texts: the offsets and texts equal those of `TOKEN.finditer` over the same
regions, the first version, for any text (Arabic, digits with separators, Latin with
apostrophes, punctuation, underscores, white space of every kind)."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from khabar.document import TokenLayer
from khabar.segment import TOKEN

_ALPHABET = "ابتثجحخدذرسشصضطظعغفقكلمنهويءآأإؤئةى" + "\u064b\u0651" + "abcXYZ" + \
    "0123456789٠١٢٣" + "-'’.,٫٬،؛:!?؟«»\"()_ \t\n\u00a0\u200f"


def _reference(text, regions):
    starts, ends, words = [], [], []
    for a, b in regions:
        for m in TOKEN.finditer(text, a, b):
            starts.append(m.start())
            ends.append(m.end())
            words.append(m.group())
    return starts, ends, words


@st.composite
def _text_and_regions(draw):
    text = draw(st.text(alphabet=_ALPHABET, max_size=80))
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=6)))
    regions = [(a, b) for a, b in zip(cuts[::2], cuts[1::2])]
    return text, regions


@settings(max_examples=500, deadline=None)
@given(_text_and_regions())
def test_split_cut_equals_finditer(case):
    text, regions = case
    layer = TokenLayer(text)
    for a, b in regions:
        layer.add_region(a, b)
    starts, ends, words = _reference(text, regions)
    assert layer.starts == starts
    assert layer.ends == ends
    assert layer.texts() == words
    assert all(text[a:b] == w for a, b, w in zip(starts, ends, words))
    if words:
        i = len(words) // 2
        assert layer.texts(i, i + 2) == words[i:i + 2]


def test_a_sentence_with_numbers_names_and_marks():
    text = "قال الوزير: «ارتفع السعر 3,5٫2 بالمئة» في O'Neil-Smith_x."
    layer = TokenLayer(text)
    layer.add_region(0, len(text))
    assert (layer.starts, layer.ends, layer.texts()) == _reference(text, [(0, len(text))])
    assert "3,5٫2" in layer.texts() and "O'Neil-Smith" in layer.texts()


def test_a_layer_sent_to_another_process_keeps_its_tokens():
    import pickle

    text = "وقال المتحدث باسم الحكومة إن 12 شخصا أصيبوا، وأضاف: «الوضع هادئ»."
    layer = TokenLayer(text)
    layer.add_region(0, 20)
    half = pickle.loads(pickle.dumps(layer))  # regions not yet cut
    layer.add_region(20, len(text))
    half.add_region(20, len(text))
    done = pickle.loads(pickle.dumps(layer))  # cut, its texts left behind
    assert done._words is None
    expect = _reference(text, [(0, 20), (20, len(text))])
    for got in (layer, half, done):
        assert (got.starts, got.ends, got.texts()) == expect
