"""The given name «علي» folds like the preposition «على». In an article that spells the
preposition with the alef maqsura, the spelling decides (the "maqsura" view); in one that
never does («علي» for both), a «علي» that starts a person's name the entity stage found is
the name, any other the preposition the verb takes. A Persian yeh («علی») may be either.
Sentences written for these tests (never taken from an article)."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from quotes_helpers import assert_statements, make_article, records

from khabar.document import Article
from khabar.normalize import MAPPINGS, NORMALIZERS
from khabar.quotes.lexicon import LEX
from khabar.quotes.sentence import TokenSpelling, maqsura_spelling

# (id, body, mentions, expected statements: kind, speaker, cue, medium, content)
ROWS = [
    ("name-right-after-the-verb",
     "وقال علي حسن إن المدرسة ستفتح أبوابها الأسبوع المقبل.", (("علي حسن", "PER", {}),),
     [("indirect", "علي حسن", "وقال", None, "المدرسة ستفتح أبوابها الأسبوع المقبل")]),
    ("name-after-a-title-of-a-verb-taking-ala",
     "وأكد الطبيب علي محمود أن حالة المريض مستقرة.", (("علي محمود", "PER", {}),),
     [("indirect", "الطبيب علي محمود", "وأكد", None, "حالة المريض مستقرة")]),
    ("name-after-a-kin-noun",
     "وقالت زوجة علي إن الأطفال بخير.", (("علي", "PER", {}),),
     [("indirect", "زوجة علي", "وقالت", None, "الأطفال بخير")]),
    ("name-after-a-long-title",
     "وأشار مدير المدرسة علي الزعبي إلى أن الدوام سيبدأ مبكرا.",
     (("علي الزعبي", "PER", {}),),
     [("indirect", "مدير المدرسة علي الزعبي", "وأشار", None, "الدوام سيبدأ مبكرا")]),
    # the preposition stays one
    ("preposition-before-the-complementizer",
     "وشدد الوزير على أن الامتحانات ستبدأ في موعدها.", (),
     [("indirect", "الوزير", "وشدد", None, "الامتحانات ستبدأ في موعدها")]),
    ("preposition-before-a-noun",
     "وأكد المدير على ضرورة الالتزام بالمواعيد.", (),
     [("indirect", "المدير", "وأكد", None, "ضرورة الالتزام بالمواعيد")]),
    ("preposition-with-a-name-elsewhere",
     "وشدد الوزير على أن علي حسن سيتولى الملف.", (("علي حسن", "PER", {}),),
     [("indirect", "الوزير", "وشدد", None, "علي حسن سيتولى الملف")]),
    ("no-statement-with-the-name",
     "وسافر علي حسن إلى العاصمة أمس.", (("علي حسن", "PER", {}),), []),
    # the article spells «على» with the maqsura: «علي» is the name, no entity needed
    ("spelt-name-right-after-the-verb",
     "وأكد علي أن المدرسة ستفتح أبوابها. وشدد المدير على ضرورة الالتزام.", (),
     [("indirect", "علي", "وأكد", None, "المدرسة ستفتح أبوابها"),
      ("indirect", "المدير", "وشدد", None, "ضرورة الالتزام")]),
    ("spelt-name-then-the-verbs-preposition",
     "وأكد علي على أن المدرسة ستفتح أبوابها.", (),
     [("indirect", "علي", "وأكد", None, "المدرسة ستفتح أبوابها")]),
    ("spelt-name-after-a-title",
     "وقال المتحدث باسم البلدية علي حسن إن الطريق مغلق حتى المساء على الأقل.", (),
     [("indirect", "علي حسن", "وقال", None, "الطريق مغلق حتى المساء على الأقل")]),
    ("spelt-preposition-then-a-spelt-name",
     "وأكد المدير على أن المدرسة جاهزة، وقال علي إن الحافلات وصلت.", (),
     [("indirect", "المدير", "وأكد", None, "المدرسة جاهزة"),
      ("indirect", "علي", "وقال", None, "الحافلات وصلت")]),
    ("spelt-charge-of-a-title",
     "وبيّن المشرف على المهرجان أن العروض ستستمر أسبوعا.", (),
     [("indirect", "المشرف على المهرجان", "وبيّن", None, "العروض ستستمر أسبوعا")]),
    # no maqsura anywhere: «علي» with no person's name found is the preposition
    ("unspelt-preposition-after-the-subject",
     "وشدد الوزير علي أن الامتحانات ستبدأ في موعدها.", (),
     [("indirect", "الوزير", "وشدد", None, "الامتحانات ستبدأ في موعدها")]),
    ("unspelt-preposition-before-a-noun",
     "وأكد المدير علي ضرورة الالتزام بالمواعيد.", (),
     [("indirect", "المدير", "وأكد", None, "ضرورة الالتزام بالمواعيد")]),
    # a Persian yeh tells nothing: the preposition, as no name was found
    ("persian-yeh-preposition",
     "وشدد الوزير علی أن الحل هو الحوار، وقال المدير إن الطلاب على استعداد.", (),
     [("indirect", "الوزير", "وشدد", None, "الحل هو الحوار"),
      ("indirect", "المدير", "وقال", None, "الطلاب على استعداد")]),
]


@pytest.mark.parametrize("body,mentions,expected", [r[1:] for r in ROWS],
                         ids=[r[0] for r in ROWS])
def test_name_folding_like_a_preposition(body, mentions, expected):
    assert_statements(records(make_article(body, mentions=mentions)), expected)



# letters that fold apart in the two views, marks both delete, and some plain letters
_LETTERS = "علىيیېۍىأإآئؤةـ\u064e\u0650\u0651\u200c \n،.\"«»بتمن"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_LETTERS, max_size=60))
def test_the_spelling_of_a_token_is_the_maqsura_views(text):
    """`MaqsuraSpelling` reads one token's "maqsura" spelling from the text, and tells
    whether the article spells a stop word with the alef maqsura, exactly as the whole
    "maqsura" view does."""
    article = Article(text)
    spelling = maqsura_spelling(article)
    kept = NORMALIZERS["maqsura"].view(text).text
    trusted = any(w in kept for w in LEX.maqsura_names.values())
    if not any(c in text for c in MAPPINGS["yeh"]):
        assert spelling is None
        return
    tokens = article.folded_tokens
    for word, a in zip(tokens.words, tokens.starts):
        assert spelling.at(a, a + len(word)) == (kept[a:a + len(word)] if trusted else None)


@pytest.mark.parametrize("body", [
    "وشدد الوزير على أن الامتحانات ستبدأ في موعدها.",
    "وأكد علي أن المدرسة ستفتح أبوابها. وشدد المدير على ضرورة الالتزام.",
])
def test_no_second_view_of_the_text_is_made(body):
    assert "maqsura" not in make_article(body)._views


# letters the "heh" view keeps apart from "match" (the teh marbuta and the heh), marks both
# delete, and some plain letters
_HEH_LETTERS = "ةهۀەأإآـ\u064e\u0650\u0651\u200c \n،.\"«»بتمن"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_HEH_LETTERS, max_size=60))
def test_the_heh_spelling_of_a_token_is_the_heh_views(text):
    """`TokenSpelling(article, "heh")` reads a token's "heh" spelling from the text exactly
    as the whole "heh" view has it, without making that view."""
    article = Article(text)
    spelling = TokenSpelling(article, "heh")
    kept = NORMALIZERS["heh"].view(text).text
    tokens = article.folded_tokens
    for word, a in zip(tokens.words, tokens.starts):
        assert spelling.at(a, a + len(word)) == kept[a:a + len(word)]
    assert "heh" not in article._views
