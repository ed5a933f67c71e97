"""The folded token layer (`khabar.document.FoldedTokens`): cut once per article and read by
the time, quotes and events stages, it must give each of them exactly the tokens their own
tokenizers gave (records stay byte for byte the same)."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from khabar import dates
from khabar.document import Article, FoldedTokens, fold_tokens
from khabar.events.extract import _word_texts, _words

# the tokenizers the stages had each: quotes (tokens and words), time (runs of letters and
# of digits), events (word characters)
QUOTE_TOKEN = re.compile(r"[^\W_]+|\S")
QUOTE_WORD = re.compile(r"[^\W_]+")
DATE_RUN = re.compile(r"[^\W\d_]+|\d+")
EVENT_WORD = re.compile(r"\w+")

_PIECES = ["قال", "الوزير", "و2015م", "2015", "١٤", "م", "_", "كلنا_معا", " ", "  ", "\n", "،",
           ".", "«", "»", '"', "-", "²", "½", "x", "G7", "é", "\u0301", "\t", "ـ"]
texts = st.lists(st.sampled_from(_PIECES), max_size=40).map("".join)


def _old_quote_tokens(text: str, a: int, b: int):
    found = list(QUOTE_TOKEN.finditer(text, a, b))
    words = [m.group() for m in found]
    return words, [m.start() for m in found], [m.end() for m in found], \
        [w[0].isalnum() for w in words]


@settings(max_examples=300, deadline=None)
@given(texts, st.data())
def test_a_cut_of_any_stretch_is_what_a_tokenizer_of_that_stretch_finds(text, data):
    layer = FoldedTokens(text)
    a = data.draw(st.integers(0, len(text)))
    b = data.draw(st.integers(a, len(text)))
    want = _old_quote_tokens(text, a, b)
    assert layer.cut(a, b) == want
    assert fold_tokens(text, a, b) == want
    assert layer.word_list(a, b) == QUOTE_WORD.findall(text, a, b)


@settings(max_examples=300, deadline=None)
@given(texts, st.data())
def test_the_time_stage_reads_the_same_runs_of_letters_and_digits(text, data):
    a = data.draw(st.integers(0, len(text)))
    b = data.draw(st.integers(a, len(text)))
    words, starts = FoldedTokens(text).tokens(a, b)
    sub = text[a:b]
    want = ([m.start() for m in DATE_RUN.finditer(sub)], DATE_RUN.findall(sub))
    assert dates.word_runs(words, starts, a) == want
    assert dates.tokens(sub) == want


@settings(max_examples=300, deadline=None)
@given(texts, st.data())
def test_the_events_stage_reads_the_same_words_with_their_true_offsets(text, data):
    a = data.draw(st.integers(0, len(text)))
    b = data.draw(st.integers(a, len(text)))
    layer = FoldedTokens(text)
    found = list(EVENT_WORD.finditer(text, a, b))
    assert _words(layer, a, b) == ([m.group() for m in found], [m.start() for m in found],
                                   [m.end() for m in found])
    assert _word_texts(layer, a, b) == [m.group() for m in found]


@pytest.mark.parametrize("text, word, start", [
    # a word that also ends an earlier word: its offset is its own, not the earlier one's
    ("تحدث الصحفي في المؤتمر", "في", 12),
    ("سار نحو محيط حي قديم", "حي", 13),
    ("قال الكفيل في بيانه", "في", 11),
])
def test_event_words_carry_their_own_offsets(text, word, start):
    words, starts, ends = _words(FoldedTokens(text), 0, len(text))
    k = words.index(word)
    assert (starts[k], ends[k]) == (start, start + len(word))
    assert text[starts[k]:ends[k]] == word


def test_the_article_cuts_its_folded_view_once():
    article = Article("قال الوزير إن المحادثات مستمرة.")
    layer = article.folded_tokens
    assert article.folded_tokens is layer
    assert layer.text == article.view("match").text
    assert layer.word_list(0, len(layer.text)) == ["قال", "الوزير", "ان", "المحادثات", "مستمره"]
