"""Normalization is a view: property tests for the offset map, tables for each normalizer."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from khabar.normalize import DELETIONS, MAPPINGS, NORMALIZERS, Normalizer, fold, to_int

# text drawn from the characters that matter: Arabic letters and marks, Persian letters,
# all digit scripts, quotes, spaces, tatweel, zero-width marks, Latin
_ALPHABET = st.sampled_from(list(
    "ابتثجحخدذرسشصضطظعغفقكلمنهويءآأإؤئىةـًٌٍَُِّْٰیکگچپژ۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩0123456789"
    "«»“”\"' \u00a0\u200c\u200f\ufeff\n.,،؛:!؟abcXYZ"))
TEXTS = st.lists(_ALPHABET, max_size=200).map("".join)


@pytest.mark.parametrize("name", sorted(NORMALIZERS))
@given(text=TEXTS)
@settings(max_examples=150, deadline=None)
def test_offset_map_is_monotone_and_in_range(name, text):
    view = NORMALIZERS[name].view(text)
    positions = [view.to_text(i) for i in range(len(view.text) + 1)]
    assert positions == sorted(set(positions)), "strictly increasing"
    assert positions[-1] == len(text)
    assert all(0 <= p <= len(text) for p in positions)


@pytest.mark.parametrize("name", sorted(NORMALIZERS))
@given(text=TEXTS, data=st.data())
@settings(max_examples=150, deadline=None)
def test_every_view_span_maps_back_to_the_characters_it_folds(name, text, data):
    norm = NORMALIZERS[name]
    view = norm.view(text)
    a = data.draw(st.integers(0, len(view.text)))
    b = data.draw(st.integers(a, len(view.text)))
    ta, tb = view.span_to_text(a, b)
    assert 0 <= ta <= tb <= len(text)
    # folding the text span gives back exactly the view span
    assert norm.fold(text[ta:tb]) == view.text[a:b]


@given(text=TEXTS)
@settings(max_examples=100, deadline=None)
def test_fold_is_idempotent(text):
    assert fold(fold(text)) == fold(text)


@given(text=TEXTS)
@settings(max_examples=100, deadline=None)
def test_from_text_inverts_to_text(text):
    view = NORMALIZERS["match"].view(text)
    for i in range(len(view.text) + 1):
        assert view.from_text(view.to_text(i)) == i


@pytest.mark.parametrize("step, raw, folded", [
    ("alef", "أإآٱ", "اااا"),
    ("hamza", "مسؤول قائد", "مسوول قايد"),
    ("yeh", "مستشفى", "مستشفي"),
    ("persian", "رایکم کردستان", "رايكم كردستان"),
    ("persian_but_yeh", "رایکم کردستان", "رایكم كردستان"),
    ("teh_marbuta", "وزارة", "وزاره"),
    ("digits", "۳۵۹ ٢٠٢١ 42", "359 2021 42"),
    ("quotes", "«قال» “هنا” ‘ك’", "\"قال\" \"هنا\" 'ك'"),
    ("spaces", "a\u00a0b\u202fc", "a b c"),
    ("latin_case", "BBC Arabic", "bbc arabic"),
    ("tatweel", "الـمسؤول", "المسؤول"),
    ("diacritics", "أكّدَ", "أكد"),
    ("zero_width", "رای\u200cکم\ufeff", "رایکم"),
])
def test_each_normalizer_alone(step, raw, folded):
    assert Normalizer(step).fold(raw) == folded


def test_every_named_step_is_tested_above():
    tested = {"alef", "hamza", "yeh", "persian", "persian_but_yeh", "teh_marbuta", "digits",
              "quotes", "spaces", "latin_case", "tatweel", "diacritics", "zero_width"}
    assert set(MAPPINGS) | set(DELETIONS) <= tested | {"punct"}


def test_unknown_normalizer_is_refused():
    with pytest.raises(KeyError):
        Normalizer("no-such-step")


@pytest.mark.parametrize("raw, value", [("۵۴۵۴۵", 54545), ("١٬٢٣٤", 1234), ("2,500", 2500)])
def test_to_int_reads_any_digit_script(raw, value):
    assert to_int(raw) == value


def test_a_match_on_the_view_reports_original_characters():
    text = "أكّدَ الـمسؤولُ «الرسميّ»"
    view = NORMALIZERS["match"].view(text)
    m = re.search("المسوول", view.text)
    a, b = view.span_to_text(m.start(), m.end())
    # the tatweel inside is kept, the trailing vowel mark is not part of the match
    assert text[a:b] == "الـمسؤول"


@given(text=TEXTS, data=st.data())
@settings(max_examples=150, deadline=None)
def test_from_text_is_the_first_view_position_at_or_after_a_text_offset(text, data):
    view = NORMALIZERS["match"].view(text)
    j = data.draw(st.integers(0, len(text)))
    brute = next((i for i in range(len(view.text) + 1) if view.to_text(i) >= j), len(view.text))
    assert view.from_text(j) == brute


# the "maqsura" view folds like "match" but keeps «ى» (and a Persian yeh) as written
@pytest.mark.parametrize("raw, match, maqsura", [
    ("وأكّد على أن", "واكد علي ان", "واكد على ان"),
    ("قال علي إن", "قال علي ان", "قال علي ان"),
    ("شدد علی أن", "شدد علي ان", "شدد علی ان"),
    ("ذهب إلى المستشفى", "ذهب الي المستشفي", "ذهب الى المستشفى"),
])
def test_maqsura_view_keeps_the_alef_maqsura(raw, match, maqsura):
    assert NORMALIZERS["match"].fold(raw) == match
    assert NORMALIZERS["maqsura"].fold(raw) == maqsura


@given(text=TEXTS)
@settings(max_examples=100, deadline=None)
def test_maqsura_view_shares_the_offsets_of_match(text):
    match, kept = NORMALIZERS["match"].view(text), NORMALIZERS["maqsura"].view(text)
    assert len(match.text) == len(kept.text)
    assert all(match.to_text(i) == kept.to_text(i) for i in range(len(match.text) + 1))
