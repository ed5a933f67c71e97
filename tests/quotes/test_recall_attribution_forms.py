"""Recall on outlets the rules were not tuned on (issue 12, quality12): an attribution that
opens the sentence and points back with a pronoun after its verb («وبحسب ما أفاد به X، فإن
…»), pronouns after other prepositions («وفق ما أشار إليه X», «وفق ما كشف عنه X»), one
of several sources («بحسب أحد التقارير»), and a content that opens with «بما» / «لما»
(«ندد الوزير بما وصفه …»), an unnamed source's «لم تسمه» aside, an unnamed source in the
accusative after «لكن», «إلا أن» («لكن مسؤولا في الوزارة قال …»), a site «بالإنترنت»,
more stance nouns («اعتقاده», «سعادته»), and a wire's section label before a headline
that quotes a source («رياضي / المدرب: …»).
The sentences are written for these tests."""
from __future__ import annotations

import pytest
from quotes_helpers import assert_statements, make_article, records

# (id, body, expected statements: kind, speaker, cue, medium, content)
ROWS = [
    ("according-to-what-was-stated-by-opening",
     "ووفق ما أفادت به الوزارة، فإن المدارس ستفتح الأسبوع المقبل.",
     [("indirect", "الوزارة", "ووفق ما أفادت به", None, "المدارس ستفتح الأسبوع المقبل")]),
    ("according-to-what-witnesses-stated-opening",
     "ووفقا لما أفاد به شهود، فإن الطائرات قصفت السوق.",
     [("indirect", "شهود", "ووفقا لما أفاد به", None, "الطائرات قصفت السوق")]),
    ("according-to-what-was-pointed-to-closing",
     "وتأجلت المباراة إلى الأسبوع المقبل، وفق ما أشار إليه مدرب الفريق.",
     [("indirect", "مدرب الفريق", "وفق ما أشار إليه", None,
       "وتأجلت المباراة إلى الأسبوع المقبل")]),
    ("according-to-what-was-revealed-closing",
     "وتأجلت المباراة إلى الأسبوع المقبل، وفق ما كشف عنه رئيس الاتحاد.",
     [("indirect", "رئيس الاتحاد", "وفق ما كشف عنه", None,
       "وتأجلت المباراة إلى الأسبوع المقبل")]),
    ("according-to-one-of-the-reports",
     "وبحسب أحد التقارير، فإن عدد الضحايا تجاوز المئة.",
     [("indirect", "أحد التقارير", "وبحسب", None, "عدد الضحايا تجاوز المئة")]),
    ("according-to-one-of-the-officials",
     "وبحسب أحد المسؤولين، فإن عدد الضحايا تجاوز المئة.",
     [("indirect", "أحد المسؤولين", "وبحسب", None, "عدد الضحايا تجاوز المئة")]),
    ("according-to-one-of-the-studies-glued",
     "ووفقا لإحدى الدراسات، فإن التدخين يسبب أمراضا كثيرة.",
     [("indirect", "إحدى الدراسات", "ووفقا", None, "التدخين يسبب أمراضا كثيرة")]),
    ("condemned-what-he-called",
     "وندد الوزير بما وصفه بالهجوم الإرهابي.",
     [("indirect", "الوزير", "وندد", None, "بما وصفه بالهجوم الإرهابي")]),
    ("condemned-what-they-considered-named",
     "وندد رئيس الجمعية سامي العلي بما اعتبره حملة ظالمة ضد المهاجرين.",
     [("indirect", "رئيس الجمعية سامي العلي", "وندد", None,
       "بما اعتبره حملة ظالمة ضد المهاجرين")]),
    ("official-not-named-by-the-paper",
     "وقال مسؤول لم تسمه الصحيفة إن الطرفين سيلتقيان.",
     [("indirect", "مسؤول", "وقال", None, "الطرفين سيلتقيان")]),
    ("but-an-official-accusative",
     "لكن مسؤولا في الوزارة قال إن القرار نهائي.",
     [("indirect", "مسؤولا في الوزارة", "قال", None, "القرار نهائي")]),
    ("however-a-diplomat-accusative",
     "غير أن دبلوماسيا غربيا قال إن المحادثات متعثرة.",
     [("indirect", "دبلوماسيا غربيا", "قال", None, "المحادثات متعثرة")]),
    ("paper-on-its-website",
     'وذكرت صحيفة "الأيام" على موقعها بالإنترنت، أن اللقاء سيعقد غدا.',
     [("indirect", 'صحيفة "الأيام"', "وذكرت", None, "اللقاء سيعقد غدا")]),
    ("relayed-his-belief",
     "ونقلت الوكالة عن المدير اعتقاده أن الأزمة ستنتهي قريبا.",
     [("indirect", "المدير", "ونقلت", "الوكالة", "الأزمة ستنتهي قريبا")]),
    ("showed-his-joy",
     "وأبدى اللاعب سعادته الغامرة بالتجديد للنادي.",
     [("indirect", "اللاعب", "وأبدى", None, "سعادته الغامرة بالتجديد للنادي")]),
    ("praised-what-the-players-gave",
     "وأشاد المدرب بما قدمه اللاعبون في المباراة.",
     [("indirect", "المدرب", "وأشاد", None, "بما قدمه اللاعبون في المباراة")]),
]

NONE = [
    ("met-an-official", "وقابل الوزير مسؤولا في الوزارة أمس."),
    ("according-to-what-is-expected", "وبحسب ما هو متوقع، فإن الأسعار ستنخفض."),
    ("something-of-what-it-offers",
     "تأمل الجماهير أن يظهر الفريق شيئا مما سيقدمه هذا الموسم."),
    ("when-the-minister-arrived", "ولما وصل الوزير إلى المدينة استقبله المحافظ."),
    ("one-of-the-goals", "وبحسب أحد الأهداف المعلنة للخطة فإن الإنتاج سيرتفع."),
]


@pytest.mark.parametrize("body,expected", [r[1:] for r in ROWS], ids=[r[0] for r in ROWS])
def test_statement(body, expected):
    assert_statements(records(make_article(body)), expected)


@pytest.mark.parametrize("body", [r[1] for r in NONE], ids=[r[0] for r in NONE])
def test_no_statement(body):
    assert records(make_article(body)) == []


@pytest.mark.parametrize("title,speaker,content", [
    ("رياضي / مدرب الفريق : نسعى للفوز بالبطولة هذا الموسم", "مدرب الفريق",
     "نسعى للفوز بالبطولة هذا الموسم"),
    ("عام / مدير الجامعة: الدراسة تبدأ في موعدها", "مدير الجامعة", "الدراسة تبدأ في موعدها"),
], ids=["sports-label", "general-label"])
def test_headline_after_a_section_label(title, speaker, content):
    got = [q for q in records(make_article("وانتهى الاجتماع في المساء.", title=title))
           if q["zone"] == "title"]
    assert [(q["speaker"]["text"], q["content"]["text"]) for q in got] == [(speaker, content)]


def test_a_slash_later_in_a_headline_is_no_label():
    title = "الوزير سامي العلي يزور المدينة / الجولة الثانية"
    assert [q for q in records(make_article("وانتهى الاجتماع.", title=title))
            if q["zone"] == "title"] == []
