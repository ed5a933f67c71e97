"""Constructions of attribution added for unseen outlets: one row each, sentences written
for these tests (never taken from an article)."""
from __future__ import annotations

import pytest
from quotes_helpers import assert_statements

# (id, body, expected statements: kind, speaker, cue, medium, content)
ROWS = [
    ("adverbial-before-preposition",
     "وشدد رئيس النقابة في وقت لاحق على حق العمال في الإضراب.",
     [("indirect", "رئيس النقابة", "وشدد", None, "حق العمال في الإضراب")]),
    ("adverbial-before-complementizer",
     "وأكد رئيس البلدية في الأثناء ذاتها أن الأشغال ستنتهي قريبا.",
     [("indirect", "رئيس البلدية", "وأكد", None, "الأشغال ستنتهي قريبا")]),
    ("adverbial-before-quotation",
     'وقال المدرب في هذا الصدد "لن نغير خطتنا قبل المباراة النهائية".',
     [("direct", "المدرب", "وقال", None, "لن نغير خطتنا قبل المباراة النهائية")]),
    ("relative-after-attribution",
     "وتحسنت نتائج الامتحانات، بحسب مدير المدرسة، الذي أشار إلى خطة لتطوير المناهج.",
     [("indirect", "مدير المدرسة", "بحسب", None, "وتحسنت نتائج الامتحانات"),
      ("indirect", "مدير المدرسة", "أشار", None, "خطة لتطوير المناهج")]),
    ("relative-feminine",
     "وذلك وفق المتحدثة باسم البلدية، التي أكدت أن الشوارع ستفتح غدا.",
     [("indirect", "المتحدثة باسم البلدية", "أكدت", None, "الشوارع ستفتح غدا")]),
    ("relative-after-genitive",
     'وردا على رأي وزير الثقافة السابق الذي قال إن "المسرح فقد جمهوره"، ضحك المخرج.',
     [("direct", "وزير الثقافة السابق", "قال", None, "المسرح فقد جمهوره")]),
    ("auxiliary-qad-object",
     "وكانت الوزارة قد أعلنت تأجيل الامتحانات إلى الشهر المقبل.",
     [("indirect", "الوزارة", "أعلنت", None, "تأجيل الامتحانات إلى الشهر المقبل")]),
    ("auxiliary-qad-plural",
     "وكان المزارعون قد ناشدوا الوزير أن يخفض أسعار الوقود.",
     [("indirect", "المزارعون", "ناشدوا", None, "يخفض أسعار الوقود")]),
    ("promise-bi",
     "وتعهد المحافظ بإصلاح الطرق في القرى الجبلية.",
     [("indirect", "المحافظ", "وتعهد", None, "بإصلاح الطرق في القرى الجبلية")]),
    ("explain-abana",
     "وأبانت البلدية أنها ستنشر جدولا جديدا للحافلات.",
     [("indirect", "البلدية", "وأبانت", None, "ستنشر جدولا جديدا للحافلات")]),
    ("question-colon",
     'وتساءل النائب: "من سيدفع ثمن هذه الأخطاء؟"',
     [("direct", "النائب", "وتساءل", None, "من سيدفع ثمن هذه الأخطاء؟")]),
    ("opine-rajjaha",
     "ورجح المحلل أن تتراجع الأسعار خلال الأسابيع المقبلة.",
     [("indirect", "المحلل", "ورجح", None, "تتراجع الأسعار خلال الأسابيع المقبلة")]),
    ("abbreviation-in-brackets-after-subject",
     "وقالت هيئة المياه الوطنية (هـ م و) إن المخزون يكفي لعام كامل.",
     [("indirect", "هيئة المياه الوطنية", "وقالت", None, "المخزون يكفي لعام كامل")]),
    ("latin-abbreviation-then-medium",
     "وأعلنت منظمة الأغذية (FAO) في بيان أن المحصول تضاعف.",
     [("indirect", "منظمة الأغذية", "وأعلنت", "في بيان", "المحصول تضاعف")]),
    ("title-then-name-folding-like-a-preposition",
     "وقال المتحدث باسم البلدية علي فرهادي زند إن الشارع سيفتح غدا.",
     [("indirect", "علي فرهادي زند", "وقال", None, "الشارع سيفتح غدا")]),
    ("title-then-name-with-article",
     "وقال رئيس النادي علي الحسني إن المدرب باق.",
     [("indirect", "علي الحسني", "وقال", None, "المدرب باق")]),
    ("preposition-after-title-is-an-aside",
     "وقال الوزير على هامش المؤتمر إن الاتفاق قريب.",
     [("indirect", "الوزير", "وقال", None, "الاتفاق قريب")]),
    ("agency-named-without-a-kind-noun",
     "وقال المتحدث لقدس برس إن المعبر أغلق صباحا.",
     [("indirect", "المتحدث", "وقال", "قدس برس", "المعبر أغلق صباحا")]),
    ("statement-form-after-a-role-noun",
     "وقال المسؤول في تصريحات صحفية إن الاتفاق قريب.",
     [("indirect", "المسؤول", "وقال", "في تصريحات صحفية", "الاتفاق قريب")]),
    ("circumstantial-aside-without-comma-before",
     "وأوضح المهندس وهو من سكان الحي، أن المياه انقطعت منذ يومين.",
     [("indirect", "المهندس", "وأوضح", None, "المياه انقطعت منذ يومين")]),
    ("subject-after-topic-opener",
     "غير أن النقابة رأت أن الاتفاق لا يكفي.",
     [("indirect", "النقابة", "رأت", None, "الاتفاق لا يكفي")]),
    ("subject-at-sentence-start",
     "المدير أكد أن الخطة ستنفذ في الموعد.",
     [("indirect", "المدير", "أكد", None, "الخطة ستنفذ في الموعد")]),
    ("cue-inside-a-document-clause",
     "ونشرت الوزارة تقريرا أوضحت فيه أن الصادرات ارتفعت.",
     [("indirect", "الوزارة", "أوضحت", None, "الصادرات ارتفعت")]),
    ("congratulation-with-quotation",
     'وهنأ رئيس النادي: "نهنئ اللاعبين بهذا اللقب المستحق".',
     [("direct", "رئيس النادي", "وهنأ", None, "نهنئ اللاعبين بهذا اللقب المستحق")]),
    ("express-object-after-a-title",
     "وأبدى الخبير اهتماما واسعا بالمشروع الجديد.",
     [("indirect", "الخبير", "وأبدى", None, "اهتماما واسعا بالمشروع الجديد")]),
    ("name-ending-like-an-accusative",
     "وقال المتحدث باولا سانتانا إن الوضع هادئ.",
     [("indirect", "باولا سانتانا", "وقال", None, "الوضع هادئ")]),
    ("press-conference-after-a-title",
     "وقال المدرب في المؤتمر الصحفي عقب المباراة إن فريقه استحق الفوز.",
     [("indirect", "المدرب", "وقال", "في المؤتمر الصحفي", "فريقه استحق الفوز")]),
    ("documents-reveal",
     "وأظهرت وثائق مسربة أن الشركة دفعت رشاوى.",
     [("indirect", "وثائق مسربة", "وأظهرت", None, "الشركة دفعت رشاوى")]),
    ("honorific-is-no-name",
     'وقال النبي صلى الله عليه وسلم: "الكلمة الطيبة صدقة بين الناس".',
     [("direct", "النبي", "وقال", None, "الكلمة الطيبة صدقة بين الناس")]),
    # scripture cited as God's word is a religious formula, no attributed statement
    # (docs/quality-media-and-formulae.md)
    ("honorific-before-medium-scripture",
     'وقال الله عز وجل في كتابه: "ولا تبذر تبذيرا في مالك".',
     []),
    ("quoted-name-before-cue-is-no-statement",
     'وبعد الحريق في مدرسة "النور الجديدة للبنات"، قال المدير إن الدروس ستستأنف الأحد.',
     [("indirect", "المدير", "قال", None, "الدروس ستستأنف الأحد")]),
]


@pytest.mark.parametrize("body,expected", [r[1:] for r in ROWS], ids=[r[0] for r in ROWS])
def test_construction(quotes_of, body, expected):
    assert_statements(quotes_of(body), expected)


@pytest.mark.parametrize("body", [
    # the verb does not agree with the pronoun: the clause is no statement of that noun
    "وزار الوزير المدرسة التي قال إنها ستغلق قريبا.",
    # the noun before the pronoun is a thing, not a source
    "وعرض الفريق الخطة التي أكد أنها ستنجح.",
    # a thing before the verb at the sentence's start is no source of its own
    "الخطة أكدت أن الإنتاج سيزيد.",
], ids=["disagreeing-verb", "thing-antecedent", "thing-subject-first"])
def test_relative_clause_without_a_source_gives_no_speaker_of_its_own(quotes_of, body):
    for q in quotes_of(body):
        assert q["speaker"] is None or q["speaker"]["text"] not in ("المدرسة", "الخطة")
    assert not any(q["speaker"] and q["speaker"]["text"] == "الخطة" for q in quotes_of(body))


def test_congratulating_a_person_is_no_statement(quotes_of):
    assert quotes_of("وهنأ الرئيس الفائزين بالجائزة.") == []


def test_coordinated_place_names_are_one_subject(quotes_of):
    # the entity stage's places, the second glued to «و»: a list of reacting countries
    body = "وأدانت بوتان ونيبال الهجوم على القافلة."
    got = quotes_of(body, mentions=[("بوتان", "LOC", {}), ("نيبال", "LOC", {})])
    assert [(q["speaker"]["text"], q["content"]["text"]) for q in got] == [
        ("بوتان ونيبال", "الهجوم على القافلة")]


def test_aside_phrases_have_two_words_or_more():
    # the stage looks at a phrase's second word before matching it (khabar.quotes)
    from khabar.resources import load
    g = load("quote_grammar")
    assert all(len(p.split()) >= 2 for p in g["adverbials"] + g["honorifics"])


@pytest.mark.parametrize("words,expected", [
    (["وفقا", "لمصادر", "مطلعة"], 1),  # a phrase ending in a glued one-letter preposition
    (["وفقا", "ل", "مصادر"], 2),
    (["في", "وقت", "سابق", "اليوم"], 4),  # the longest phrase wins
    (["في", "وقت", "سابق"], 3),
    (["في", "المدينة"], None),
])
def test_phrase_lookup_by_first_and_second_word(words, expected):
    from khabar.quotes.lexicon import LEX
    lex = LEX.attribution if words[0] == "وفقا" else LEX.adverbials
    m = lex.match(words, 0)
    assert (m[0] if m else None) == expected
