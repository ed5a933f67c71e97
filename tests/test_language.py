"""Language identification: cheap script statistics for Arabic, langdetect for the rest."""
from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from khabar import language
from khabar.document import Article
from khabar.normalize import fold
from khabar.resources import load

# sentences written for these tests
ARABIC = ("أعلنت وزارة الصحة اليوم عن حملة تطعيم جديدة في المدارس، وقالت إن الحملة ستشمل "
          "جميع المحافظات خلال الشهرين المقبلين، مؤكدة أن اللقاح آمن وفعال.")
PERSIAN = ("وزارت بهداشت امروز از یک کمپین جدید واکسیناسیون در مدارس خبر داد و گفت که این "
           "کمپین در دو ماه آینده همه استان‌ها را پوشش خواهد داد.")
URDU = ("وزارت صحت نے آج اسکولوں میں ویکسینیشن کی ایک نئی مہم کا اعلان کیا اور کہا کہ یہ "
        "مہم اگلے دو مہینوں میں تمام صوبوں تک پہنچے گی۔")
ENGLISH = ("The health ministry announced a new vaccination campaign in schools today and "
           "said that it would reach every province within the next two months.")
FRENCH = ("Le ministère de la Santé a annoncé aujourd'hui une nouvelle campagne de "
          "vaccination dans les écoles, qui couvrira toutes les provinces.")


@pytest.fixture
def no_langdetect(monkeypatch):
    def refuse(text):
        raise AssertionError("langdetect was asked about an Arabic text")
    monkeypatch.setattr(language, "_langdetect", refuse)


def test_arabic_costs_no_langdetect(no_langdetect):
    r = language.identify(ARABIC)
    assert r["code"] == "ar" and r["method"] == "script"
    assert r["confidence"] >= 0.9 and r["arabic_ratio"] > 0.95


@pytest.mark.parametrize("text, code", [(PERSIAN, "fa"), (URDU, "ur"), (ENGLISH, "en"),
                                        (FRENCH, "fr")])
def test_other_languages_are_named_and_flagged(text, code):
    art = Article(text)
    language.annotate(art)
    assert art.language["code"] == code
    assert art.language["method"] == "langdetect"
    assert [i.code for i in art.issues] == ["language.not_arabic"]
    assert not art.failed  # flagged, still processed


def test_arabic_script_is_not_enough():
    # Persian is all Arabic script: only the function words tell it apart
    assert language.script_stats(PERSIAN)[0] > 0.95
    assert language.script_stats(PERSIAN)[1] < language.MIN_FUNCTION_SHARE


@pytest.mark.parametrize("text", ["", "   ", "2024 - 05 - 01 !!", "\n\n"])
def test_no_letters_is_undetermined(text):
    art = Article(text)
    language.annotate(art)
    assert art.language == {"code": "und", "confidence": 0.0, "arabic_ratio": 0.0,
                            "method": "script"}
    assert [i.code for i in art.issues] == ["language.undetermined"]


def test_short_arabic_title(no_langdetect):
    r = language.identify("عاجل: زلزال قوي")
    assert r["code"] == "ar" and r["confidence"] == language.SHORT_TEXT_CONFIDENCE


def test_body_spans_decide_not_the_page_furniture(no_langdetect):
    text = "Home | News | Sport | Contact us | Login\n" + ARABIC + "\nCopyright 2024 All rights"
    art = Article(text)
    art.add("body", text.index(ARABIC), text.index(ARABIC) + len(ARABIC), "body")
    language.annotate(art)
    assert art.language["code"] == "ar" and art.language["arabic_ratio"] > 0.95
    assert art.issues == []


def test_langdetect_is_deterministic():
    mixed = ENGLISH[:60] + " " + FRENCH[:60]
    assert len({str(language.identify(mixed)) for _ in range(5)}) == 1


def test_sample_is_bounded():
    art = Article(ARABIC * 1000)
    assert len(language.sample_text(art)) == language.SAMPLE_CHARS


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=400))
def test_identify_never_fails(text):
    r = language.identify(text)
    assert 0.0 <= r["arabic_ratio"] <= 1.0 and 0.0 <= r["confidence"] <= 1.0
    assert isinstance(r["code"], str)


def test_function_word_file():
    words = load("function_words")["words"]
    folded = [fold(w) for w in words]
    assert len(folded) == len(set(folded)), "two entries fold to the same word"
    assert all(unicodedata.is_normalized("NFC", w) for w in words)
    assert not any("\ufb50" <= c <= "\ufeff" for w in words for c in w)  # no presentation forms


def _detect(detect_langs, text: str):
    """(language, probability) pairs, or the error langdetect raises."""
    from langdetect import DetectorFactory
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0
    try:
        return [(x.lang, x.prob) for x in detect_langs(text)]
    except LangDetectException as err:
        return repr(err)


def _both(text: str):
    """What the library gives and what khabar's prepared detector gives."""
    import langdetect

    from khabar import langdetect_prep

    return _detect(langdetect.detect_langs, text), _detect(langdetect_prep.detect_langs, text)


# Arabic, Persian and Latin letters (upper case too), digits, marks, runs of spaces and
# line breaks, URLs and addresses, a Vietnamese letter and mark, CJK and kana
_PIECES = list("قال الوزير إن المحادثات مستمرة یکگچپ" "The talks go on ÉéçÀ ơ\u0301"
               "0123 .,؛،:«»\"'-\n\t" "   你好世界 カタカナ ひらがな") + \
    ["http://x.org/a", "a@b.com", "ﻻ", "  "]
_MIXED = st.lists(st.sampled_from(_PIECES), max_size=300).map("".join)


@settings(max_examples=150, deadline=None)
@given(_MIXED)
def test_prepared_langdetect_gives_the_librarys_probabilities(text):
    library, prepared = _both(text)
    assert prepared == library


@pytest.mark.parametrize("text", [ARABIC, PERSIAN, URDU, ENGLISH, FRENCH, ENGLISH.lower(),
                                  ARABIC + " " + ENGLISH.lower(), (ARABIC + "\n") * 20,
                                  "  " + ARABIC + "  ", ""])
def test_prepared_langdetect_on_whole_texts(text):
    library, prepared = _both(text)
    assert prepared == library
