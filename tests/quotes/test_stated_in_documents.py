"""Recall on outlets the rules were not tuned on (issue 12, quality12): a statement a
document holds («وجاء في البيان أن …», «بيانا جاء فيه …»), a document «صادر عن» its
author, a statement's occasion with its author's pronoun as an aside («في تصريح له»),
«يقول» as a word of manner after a continuation verb («وأردف يقول "…"»), a source's own
site as an aside («على موقعها الإلكتروني»), and «أفاد … عن» (the perfect only).
The sentences are written for these tests."""
from __future__ import annotations

import pytest
from quotes_helpers import assert_statements, make_article, records

# (id, body, expected statements: kind, speaker, cue, medium, content)
ROWS = [
    ("stated-in-the-statement-that",
     "وجاء في البيان أن الشركة ستعوض المتضررين خلال شهر.",
     [("indirect", "البيان", "وجاء", None, "الشركة ستعوض المتضررين خلال شهر")]),
    ("stated-in-the-statement-colon-quotation",
     'وجاء في البيان: "نرفض هذه الاتهامات جملة وتفصيلا".',
     [("direct", "البيان", "وجاء", None, "نرفض هذه الاتهامات جملة وتفصيلا")]),
    ("stated-in-a-body-s-statement",
     "وجاء في بيان الجمعية، أنها تمكنت من جمع التبرعات اللازمة.",
     [("indirect", "الجمعية", "وجاء", None, "تمكنت من جمع التبرعات اللازمة")]),
    ("stated-in-a-statement-issued-by",
     'وجاء في بيان صادر عن الوزارة "نتقدم بالتعازي إلى أسر الضحايا".',
     [("direct", "الوزارة", "وجاء", None, "نتقدم بالتعازي إلى أسر الضحايا")]),
    ("stated-in-a-statement-with-a-quoted-author",
     'وجاء في بيان "جبهة الإنقاذ" في المنطقة الشمالية، أنها استعادت السيطرة على الجسر.',
     [("indirect", "جبهة الإنقاذ", "وجاء", None, "استعادت السيطرة على الجسر")]),
    ("stated-in-a-committee-s-report-quoted",
     'وجاء في تقرير اللجنة أن "الأوضاع تحسنت كثيرا خلال العام".',
     [("direct", "اللجنة", "وجاء", None, "الأوضاع تحسنت كثيرا خلال العام")]),
    ("stated-in-a-document-colon-complementizer",
     "وورد في الوثيقة: إن الحكومة ستخفض الضرائب.",
     [("indirect", "الوثيقة", "وورد", None, "الحكومة ستخفض الضرائب")]),
    ("statement-in-which-it-was-stated",
     "وأصدرت الوزارة بيانا جاء فيه أن الطريق سيغلق يومين.",
     [("indirect", "الوزارة", "جاء", None, "الطريق سيغلق يومين")]),
    ("report-in-which-it-was-stated-colon",
     'ونشرت الهيئة تقريرا جاء فيه: "الوضع خطير جدا".',
     [("direct", "الهيئة", "جاء", None, "الوضع خطير جدا")]),
    ("a-court-s-statement-in-which-it-was-stated",
     'ونشرت الوكالة بيان المحكمة الذي جاء فيه: "نطلب من الجميع التعاون مع السلطات".',
     [("direct", "المحكمة", "جاء", None, "نطلب من الجميع التعاون مع السلطات")]),
    ("the-statement-in-which-it-was-stated",
     "ونشرت الوكالة البيان والذي جاء فيه أن الحكومة ستستقيل.",
     [("indirect", "البيان", "جاء", None, "الحكومة ستستقيل")]),
    ("a-letter-with-a-quoted-title",
     'وجاء في الرسالة التي عنونت بـ"نداء الوطن": "ندعو كل الأطراف إلى الحوار".',
     [("direct", "الرسالة", "وجاء", None, "ندعو كل الأطراف إلى الحوار")]),
    ("a-letter-with-a-long-quoted-title",
     'وجاء في الرسالة التي عنونت بـ"من وحي أحداث الشهر الماضي": "ندعو كل الأطراف إلى الحوار".',
     [("direct", "الرسالة", "وجاء", None, "ندعو كل الأطراف إلى الحوار")]),
    ("according-to-a-statement-issued-by",
     "وبحسب بيان صادر عن الجيش، فإن الهجوم أوقع خسائر كبيرة.",
     [("indirect", "الجيش", "وبحسب", None, "الهجوم أوقع خسائر كبيرة")]),
    ("occasion-with-pronoun-before-the-preposition",
     "وأعرب الوزير في تصريح له أمس عن أسفه الشديد للحادث.",
     [("indirect", "الوزير", "وأعرب", "في تصريح", "أسفه الشديد للحادث")]),
    ("occasion-the-ceremony",
     "وأعرب الوزير خلال الحفل عن شكره للحضور.",
     [("indirect", "الوزير", "وأعرب", None, "شكره للحضور")]),
    ("went-on-saying-quotation",
     'وقال الوزير إن المشروع سيكتمل.\n\nوأردف يقول "التمويل متوفر تماما".',
     [("indirect", "الوزير", "وقال", None, "المشروع سيكتمل"),
      ("direct", "الوزير", "وأردف", None, "التمويل متوفر تماما")]),
    ("went-on-with-subject-saying-that",
     "وأردف الوزير يقول إن التمويل متوفر.",
     [("indirect", "الوزير", "وأردف", None, "التمويل متوفر")]),
    ("wrote-on-its-own-website",
     'وكتبت المجلة على موقعها الإلكتروني: "لن نتراجع عن نشر المقال".',
     [("direct", "المجلة", "وكتبت", None, "لن نتراجع عن نشر المقال")]),
    ("wrote-on-his-official-site",
     'وكتب الوزير على موقعه الرسمي: "لن نتراجع عن قرارنا".',
     [("direct", "الوزير", "وكتب", None, "لن نتراجع عن قرارنا")]),
    ("reported-about-deaths",
     "كما أفاد المرصد عن مقتل تسعة من عناصر الشرطة في الاشتباكات.",
     [("indirect", "المرصد", "أفاد", None, "مقتل تسعة من عناصر الشرطة في الاشتباكات")]),
    ("says-further-on-is-a-cue-of-its-own",
     'وطالب الوزير بتجاهل الشائعات، إذ يقول "من يصدق الشائعات يخسر كثيرا".',
     [("indirect", "الوزير", "وطالب", None, "بتجاهل الشائعات"),
      ("direct", "الوزير", "يقول", None, "من يصدق الشائعات يخسر كثيرا")]),
    ("says-is-still-a-cue-of-its-own",
     "ويقول الخبراء إن الأسعار سترتفع.",
     [("indirect", "الخبراء", "ويقول", None, "الأسعار سترتفع")]),
]

# sentences with the same words and no statement of a document
NONE = [
    ("came-second", "وجاء في المرتبة الثانية المنتخب الفرنسي بعد أن حقق فوزا كبيرا."),
    ("came-at-a-time", "وجاء القرار في وقت تشهد فيه البلاد أزمة اقتصادية."),
    ("name-appeared-in-a-list", "ورد اسم الشركة في قائمة المتهمين."),
    ("came-in-the-report-as-a-topic", "وجاء في التقرير الذي ناقشه المجلس أمس عدد من التوصيات."),
    ("that-came-in-a-statement", "جاء ذلك في بيان أصدرته الوزارة أمس."),
    ("came-in-his-car", "وجاء في سيارته إلى مقر الوزارة صباح اليوم."),
    ("does-not-benefit", "مواضيع لا تفيد وألفاظ خارجة عن حدود الأدب."),
    ("crossed-by-mail", "وصلت رسالة عبر البريد الإلكتروني في العاشر من الشهر عن مخالفات."),
]


@pytest.mark.parametrize("body,expected", [r[1:] for r in ROWS], ids=[r[0] for r in ROWS])
def test_statement(body, expected):
    assert_statements(records(make_article(body)), expected)


@pytest.mark.parametrize("body", [r[1] for r in NONE], ids=[r[0] for r in NONE])
def test_no_statement(body):
    assert records(make_article(body)) == []


def test_the_statement_noun_speaks_for_the_latest_source():
    """«وجاء في البيان» after a named body: the noun is the text, the body its name."""
    article = make_article("وأعلنت الهيئة الوطنية للانتخابات أن الاقتراع تأجل. "
                           "وجاء في البيان أن الموعد الجديد سيحدد لاحقا.")
    last = records(article)[-1]
    assert last["cue"]["text"] == "وجاء"
    assert last["speaker"]["canonical"] == "الهيئة الوطنية للانتخابات"
