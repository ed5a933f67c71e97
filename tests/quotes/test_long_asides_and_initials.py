"""Statements whose content comes after long asides, and speakers with initials (issue 12,
quality14): «وقال الوزير في رد على سؤال حول … "…"», «وقال X في كلمته أمام مؤتمر حضره …:
"…"», «وفي نوفمبر 2017 قال …», «وقال مدير المشروع م. خالد العلي إن …».
The sentences are written for these tests."""
from __future__ import annotations

import pytest
from quotes_helpers import assert_statements, make_article, records

# (id, body, timexes, expected statements: kind, speaker, cue, medium, content)
ROWS = [
    ("reply-to-a-question-then-quotation",
     'وقال الوزير ردا على سؤال حول التغيرات في الحكومة "لن نغير سياستنا الآن".',
     (),
     [("direct", "الوزير", "وقال", None, "لن نغير سياستنا الآن")]),
    ("participle-of-manner-then-quotation",
     'وقال المدرب معلقا على نتيجة المباراة مع الفريق الضيف "سنعود أقوى قريبا".',
     (),
     [("direct", "المدرب", "وقال", None, "سنعود أقوى قريبا")]),
    ("relative-verb-in-the-aside-then-colon",
     'وقال الوزير في كلمته أمام مؤتمر حضره ممثلون عن عشرين دولة تشارك في المبادرة: '
     '"نحن مستعدون للحوار دون شروط".',
     (),
     [("direct", "الوزير", "وقال", "في كلمته", "نحن مستعدون للحوار دون شروط")]),
    ("a-word-or-two-after-the-quotation",
     'وقال المتحدث ردا على أسئلة الصحفيين عن تغيير موقفه "لسنا بصدد تغيير أي شيء" حاليا.',
     (),
     [("direct", "المتحدث", "وقال", None, "لسنا بصدد تغيير أي شيء")]),
    ("year-before-the-verb",
     "وفي نوفمبر 2017 قال رئيس الوزراء سامي العلي إن الحكومة لن توقع الاتفاق.",
     (("نوفمبر 2017", "DATE", {}),),
     [("indirect", "رئيس الوزراء سامي العلي", "قال", None, "الحكومة لن توقع الاتفاق")]),
    ("engineer-initial-inside-the-speaker",
     "وقال مدير المشروع م. خالد العلي إن الأعمال ستنتهي قريبا.",
     (),
     [("indirect", "مدير المشروع م. خالد العلي", "وقال", None, "الأعمال ستنتهي قريبا")]),

    ("professor-doctor-abbreviated",
     "وقال أ.د. سامي الخطيب إن الدراسة كشفت نتائج مهمة.",
     (),
     [("indirect", "أ.د. سامي الخطيب", "وقال", None, "الدراسة كشفت نتائج مهمة")]),
    ("general-director-with-the-holder-after-its-body",
     "وقال المدير العام للشركة الوطنية سامي الخطيب إن الأرباح ارتفعت.",
     (),
     [("indirect", "المدير العام للشركة الوطنية سامي الخطيب", "وقال", None, "الأرباح ارتفعت")]),
    ("general-prosecutor-alone",
     "وأكد النائب العام أن التحقيق مستمر.",
     (),
     [("indirect", "النائب العام", "وأكد", None, "التحقيق مستمر")]),
    ("initial-of-a-given-name",
     "وقال الباحث ع. الخطيب إن النتائج مشجعة.",
     (),
     [("indirect", "الباحث ع. الخطيب", "وقال", None, "النتائج مشجعة")]),
]


@pytest.mark.parametrize("body,timexes,expected", [r[1:] for r in ROWS],
                         ids=[r[0] for r in ROWS])
def test_statement(body, timexes, expected):
    assert_statements(records(make_article(body, timexes=timexes)), expected)


def test_initial_before_a_found_name():
    """«وأوضح م. خالد العلي أن …»: a letter that is no title of its own opens the speaker
    when the entity stage found the name after its dot."""
    body = "وأوضح م. خالد العلي أن الأعمال ستنتهي قريبا."
    article = make_article(body, mentions=(("خالد العلي", "PER", {}),))
    assert_statements(records(article),
                      [("indirect", "خالد العلي", "وأوضح", None, "الأعمال ستنتهي قريبا")])


@pytest.mark.parametrize("body", [
    # a word that reads as the article and a one-letter title is no speaker
    "ولم يحسم هذا الجدل إلا تصريح الوزير الذي أكد أن الدراسة ستبدأ في موعدها.",
    # a short quotation is a name, not what was said
    'وقال الوزير خلال افتتاح مهرجان "ربيع المدينة" في الساحة الكبرى أمس.',
    # a stop ends the asides before the quotation
    'وقال الوزير في كلمته أمام المؤتمر. "الحوار مستمر بين الطرفين دائما".',
    # the quotation is followed by a clause of its own
    'وقال الوزير في رد على سؤال "الحوار مستمر بين الطرفين" لكن الاجتماع تأجل إلى موعد '
    'لاحق في الشهر المقبل.',
    # two words in quotation marks are a name, not what was said
    'وقال المدرب معلقا على نتيجة المباراة مع الفريق الضيف "الحوار مستمر".',
    # a count before a verb form is a counted noun
    "وقال 785 ألف طالب إن الامتحانات صعبة.",
])
def test_no_late_quotation(body):
    for q in records(make_article(body)):
        assert q["content"]["text"] not in ("الحوار مستمر بين الطرفين دائما",
                                            "الحوار مستمر بين الطرفين")
        assert q["cue"]["text"] != "طالب"
        assert q["speaker"] is None or not q["speaker"]["text"].startswith("إلا")


def test_manner_participle_keeps_its_own_cue():
    """«وعلق المدرب على الحفل قائلا "…"»: the participle of manner says it, as before."""
    body = 'وعلق المدرب على المباراة مع الفريق الضيف في الملعب الكبير قائلا "سنعود أقوى قريبا".'
    cues = [q["cue"]["text"] for q in records(make_article(body))
            if q["content"]["text"] == "سنعود أقوى قريبا"]
    assert cues == ["قائلا"]
