"""A straight quotation mark that reopens a quotation at a new sentence of it, as print
does («قال "… الأول. "والثاني …"»), is passed over when the paragraph holds an odd count of
straight marks: paired as the close, it would pair every later mark of the paragraph the
wrong way round and hide the statements after it (issue 12, quality12). The sentences are
written for these tests."""
from __future__ import annotations

import pytest
from quotes_helpers import make_article, records

from khabar.quotes.marks import quote_pairs

REOPENED = ('وقال المدرب "الفريق قدم مباراة كبيرة. "نحن سعداء بالفوز". '
            'وأضاف المدرب "المباراة المقبلة صعبة". وأكد اللاعب أن "الجمهور كان رائعا".')


def test_statements_after_a_reopened_quotation_are_found():
    got = [(q["cue"]["text"], q["content"]["text"]) for q in records(make_article(REOPENED))]
    assert got == [("وقال", 'الفريق قدم مباراة كبيرة. "نحن سعداء بالفوز'),
                   ("وأضاف", "المباراة المقبلة صعبة"),
                   ("وأكد", "الجمهور كان رائعا")]


@pytest.mark.parametrize("text,quoted", [
    # the reopening mark is passed over: two quotations, not a shifted chain
    ('قال "أ ب. "ج د". ثم "هـ و".', ['أ ب. "ج د', "هـ و"]),
    # an even count: plain alternation, even after a sentence's end
    ('قال "أ ب." و"ج د".', ["أ ب.", "ج د"]),
    # a short quoted name after the sentence's end: the count is even, nothing passed over
    ('قال "نرفض ذلك.. "الأفلام" لا تمول". وقال إن "الرواية" قديمة.',
     ["نرفض ذلك.. ", " لا تمول", "الرواية"]),
], ids=["reopened", "even-count", "quoted-name-after-sentence-end"])
def test_pairs(text, quoted):
    assert [text[a + 1:b] for a, b in quote_pairs(text, 0, len(text))] == quoted
