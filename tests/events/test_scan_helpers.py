"""The events stage's word scans that run in C (`_after_place_prep`, the clause openers
picked before `_clause_bound` is asked): each gives what the plain per-word loop it
replaced gives, on tables and on random word lists."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from khabar.events import arguments as A
from khabar.events import lexicon as L
from khabar.events.extract import Words

PREPS = L.PLACE_PREPS
_SOME_PREPS = sorted(PREPS)[:3]
_VOCAB = [*_SOME_PREPS, "بمدينة", "بها", "ب", "بيروت", "قصف", "الجيش", "وبالقرب",
          *sorted(A._RELATIVES)[:2], *sorted(A._COMPLEMENTIZERS)[:3], "تقوم", "الاجتماع"]


def _plain_after_prep(words: list[str]) -> list[int]:
    return [i for i in range(1, len(words)) if words[i - 1] in PREPS or
            (words[i][:1] == "ب" and len(words[i]) > 3)]


@pytest.mark.parametrize("words, expected", [
    ([], []),
    (["قصف"], []),
    ([_SOME_PREPS[0], "صعدة"], [1]),
    (["بصعدة", "قصف"], []),  # the first word: nothing stands before it
    (["قصف", "بصعدة", _SOME_PREPS[0], "بمدينة"], [1, 3]),  # both reasons, once
    (["قصف", "بها"], []),  # three letters: a pronoun, no place
    (["قصف", _SOME_PREPS[0]], []),  # a preposition at the end opens nothing
])
def test_after_place_prep_table(words, expected):
    assert A._after_place_prep(words, PREPS) == expected


@given(st.lists(st.sampled_from(_VOCAB), max_size=25))
def test_after_place_prep_is_the_plain_loop(words):
    assert A._after_place_prep(words, PREPS) == _plain_after_prep(words)


@given(st.lists(st.sampled_from(_VOCAB), max_size=25))
def test_a_clause_opens_only_at_an_opener_word(words):
    ws = Words(list(range(len(words))), list(range(1, len(words) + 1)), words)
    plain = [k for k in range(len(words)) if A._clause_bound(ws, k, k + 1)]
    assert all(words[k] in A._OPENERS for k in plain)
    assert plain == [k for k, w in enumerate(words)
                     if w in A._OPENERS and A._clause_bound(ws, k, k + 1)]
