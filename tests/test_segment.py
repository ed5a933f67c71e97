"""Paragraphs, sentences and tokens: tables of the cases scraped Arabic news throws at us."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from khabar.document import Article
from khabar.segment import segment


def seg(text: str) -> Article:
    art = Article(text)
    art.add("body", 0, len(text), "body")
    segment(art)
    return art


def sentences(text: str) -> list[str]:
    art = seg(text)
    return [art.span_text(s) for s in art.spans("sentences")]


@pytest.mark.parametrize("text, expected", [
    ("قال الوزير إن الخطة جاهزة. وأضاف أنها تبدأ غدا.",
     ["قال الوزير إن الخطة جاهزة.", "وأضاف أنها تبدأ غدا."]),
    ("هل انتهت الأزمة؟ لا أحد يعرف!", ["هل انتهت الأزمة؟", "لا أحد يعرف!"]),
    # a decimal number is not a sentence end
    ("بلغ النمو 1.9 في المئة هذا العام. وتراجع التضخم.",
     ["بلغ النمو 1.9 في المئة هذا العام.", "وتراجع التضخم."]),
    # a quotation over several sentences stays in one sentence
    ('وقال الوزير: "نحن مستعدون. ولن نتراجع. والقرار نهائي". ثم غادر.',
     ['وقال الوزير: "نحن مستعدون. ولن نتراجع. والقرار نهائي".', "ثم غادر."]),
    ("وقال «الخطة جاهزة. وسنبدأ غدا» ثم غادر القاعة.",
     ["وقال «الخطة جاهزة. وسنبدأ غدا» ثم غادر القاعة."]),
    # an initial (Latin abbreviation) does not end a sentence
    ("وصل J. Smith إلى العاصمة. وبدأ زيارته.", ["وصل J. Smith إلى العاصمة.", "وبدأ زيارته."]),
    # a line break inside a sentence (a scraped link on its own line) is not a boundary
    ("يواصل\nالاحتلال الإسرائيلي\nقصف أحياء كثيرة في المدينة.",
     ["يواصل\nالاحتلال الإسرائيلي\nقصف أحياء كثيرة في المدينة."]),
    # a line that ends a sentence is a boundary even without a full stop after a long line
    ("قال رئيس الوزراء إن الحكومة ستقدم خطة جديدة للبرلمان الأسبوع المقبل بعد مشاورات طويلة.\n"
     "وأكد وزير المالية أن الموازنة تسمح بذلك.",
     ["قال رئيس الوزراء إن الحكومة ستقدم خطة جديدة للبرلمان الأسبوع المقبل بعد مشاورات طويلة.",
      "وأكد وزير المالية أن الموازنة تسمح بذلك."]),
])
def test_sentence_boundaries(text, expected):
    assert sentences(text) == expected


def test_paragraphs_split_at_blank_lines():
    art = seg("الفقرة الأولى كاملة هنا.\n\nالفقرة الثانية كاملة هنا.")
    assert [art.span_text(p) for p in art.spans("paragraphs")] == [
        "الفقرة الأولى كاملة هنا.", "الفقرة الثانية كاملة هنا."]


@pytest.mark.parametrize("word, pre", [
    ("والعراق", 3),   # و + ال
    ("بالعراق", 3),   # ب + ال
    ("للمسؤولين", 2),  # لل
    ("العراق", 2),    # ال
    ("وقال", 1),      # و
    ("فأكد", 1),      # ف
    ("بغداد", 1),     # ب (a guess: the tagger decides whether it is a clitic)
])
def test_tokens_keep_proclitics_recoverable(word, pre):
    art = seg(f"{word} .")
    tok = art.spans("tokens")[0]
    assert art.span_text(tok) == word
    assert tok.attrs.get("pre") == pre


def test_numbers_and_punctuation_are_tokens():
    art = seg("قتل 2,500 جندي، في 1.9 ثانية!")
    toks = [art.span_text(t) for t in art.spans("tokens")]
    assert toks == ["قتل", "2,500", "جندي", "،", "في", "1.9", "ثانية", "!"]


_WORDS = st.sampled_from(["قال", "الوزير", "إن", "«الخطة", "جاهزة»", "2.5", ".", "؟", "\n", "\n\n",
                          '"', "وأكد", "،", "EU", "A.", "غدا."])


@given(st.lists(_WORDS, max_size=60).map(" ".join))
@settings(max_examples=200, deadline=None)
def test_spans_nest_and_point_into_the_text(text):
    art = seg(text)
    paras = art.spans("paragraphs")
    sents = art.spans("sentences")
    toks = art.spans("tokens")
    for s in sents:
        assert any(p.contains(s) for p in paras)
        assert art.span_text(s) == art.span_text(s).strip() and art.span_text(s)
    for t in toks:
        assert any(s.contains(t) for s in sents)
        assert not art.span_text(t).isspace()
    # sentences do not overlap and come in order
    for a, b in zip(sents, sents[1:]):
        assert a.end <= b.start
    # nothing but whitespace is left outside the sentences
    covered = set()
    for s in sents:
        covered.update(range(s.start, s.end))
    assert all(text[i].isspace() for i in range(len(text)) if i not in covered)
