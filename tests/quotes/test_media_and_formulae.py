"""Media named after the content or addressed as a body, nouns with a pronoun that are the
object (not the speaker), prayers, and headline place labels (issue 12, branch quality11;
docs/quality-media-and-formulae.md). Sentences written for these tests, never taken from
an article."""
from __future__ import annotations

import pytest
from quotes_helpers import assert_statements

MINISTER = ("سامي حداد", "PER", {})
ACTIVIST = ("عمر الزين", "PER", {})

# (id, body, mentions, expected statements: kind, speaker, cue, medium, content)
MEDIUM_AFTER = [
    ("recap-verb-after-comma",
     "وأكد وزير النقل سامي حداد أن المشروع سينتهي قريبا، وقال ذلك في حوار مع إذاعة صوت المدينة.",
     [MINISTER],
     [("indirect", "سامي حداد", "وأكد", "صوت المدينة", "المشروع سينتهي قريبا")]),
    ("recap-verb-next-sentence",
     "وأكد وزير النقل سامي حداد أن المشروع سينتهي قريبا. وقال ذلك في مقابلة مع إذاعة صوت المدينة.",
     [MINISTER],
     [("indirect", "سامي حداد", "وأكد", "صوت المدينة", "المشروع سينتهي قريبا")]),
    ("came-that-next-sentence",
     "وأكد وزير النقل سامي حداد أن المشروع سينتهي قريبا. جاء ذلك في حوار مع صحيفة الأيام.",
     [MINISTER],
     [("indirect", "سامي حداد", "وأكد", "الأيام", "المشروع سينتهي قريبا")]),
    ("came-that-interview-by-a-station",
     'وقال القيادي سامي حداد إن الهدنة صامدة. جاء ذلك في مقابلة أجرتها محطة "الأفق" المحلية مع '
     'حداد.',
     [MINISTER],
     [("indirect", "سامي حداد", "وقال", "الأفق", "الهدنة صامدة")]),
    ("trailing-outlet-phrase-after-comma",
     "وأكد وزير النقل سامي حداد أن المشروع سينتهي قريبا، خلال مقابلة مع قناة الميادين.",
     [MINISTER],
     [("indirect", "سامي حداد", "وأكد", "الميادين", "المشروع سينتهي قريبا")]),
    ("form-then-giving-verb",
     "وأكد وزير النقل سامي حداد أن المشروع سينتهي قريبا، في تصريحات أدلى بها لصحيفة الأيام.",
     [MINISTER],
     [("indirect", "سامي حداد", "وأكد", "الأيام", "المشروع سينتهي قريبا")]),
    ("interview-given-by-the-outlet",
     "وقال سامي حداد في تصريح خص به موقع الحدث إن المشروع سينتهي.",
     [MINISTER],
     [("indirect", "سامي حداد", "وقال", "الحدث", "المشروع سينتهي")]),
    ("on-the-screen-of",
     'وقال الممثل سامي حداد إن الدور صعب، وذلك حين حل ضيفا على برنامج "ساعة حوار" على شاشة '
     '"الميادين".',
     [MINISTER],
     [("indirect", "سامي حداد", "وقال", "الميادين", "الدور صعب")]),
    ("added-in-a-statement-to-a-paper",
     "وقال وزير النقل سامي حداد إن الطريق سيفتح. وأضاف في تصريح لصحيفة الأيام أن العمل مستمر.",
     [MINISTER],
     [("indirect", "سامي حداد", "وقال", None, "الطريق سيفتح"),
      ("indirect", "سامي حداد", "وأضاف", "الأيام", "العمل مستمر")]),
]


@pytest.mark.parametrize("body", [
    "وأكد سامي حداد أن الطريق سيفتح. لكن عمر الزين نفى ذلك قائلا لوكالة سبوتنيك إن العمل متوقف.",
    "وأكد سامي حداد أن الطريق سيفتح، ووصف عمر الزين ذلك بأنه وعد قديم.",
], ids=["denied-it-saying", "describing-it-as"])
def test_a_new_statement_about_it_is_no_recap(quotes_of, body):
    # «نفى ذلك قائلا …», «وصف ذلك بأنه …»: the second person speaks; the first content ends
    got = quotes_of(body, mentions=[MINISTER, ACTIVIST])
    assert got[0]["content"]["text"] == "الطريق سيفتح"
    assert any(q["speaker"] and q["speaker"]["text"] == "عمر الزين" for q in got[1:])

ADDRESSEE_BODY = [
    ("centre-after-the-name",
     "وقال وزير النقل سامي حداد لمركز الدراسات الإقليمية إن الطريق سيفتح.",
     [MINISTER],
     [("indirect", "سامي حداد", "وقال", "مركز الدراسات الإقليمية", "الطريق سيفتح")]),
    ("centre-with-an-indefinite-name",
     "وقال الناشط عمر الزين لمركز حقوقي محلي إن الاحتجاجات ستستمر.",
     [ACTIVIST],
     [("indirect", "عمر الزين", "وقال", "مركز حقوقي محلي", "الاحتجاجات ستستمر")]),
    ("centre-after-the-verb-of-a-continuation",
     "وقال سامي حداد إن الطريق سيفتح. وقال لمركز الإعلام المحلي إن العمل مستمر.",
     [MINISTER],
     [("indirect", "سامي حداد", "وقال", None, "الطريق سيفتح"),
      ("indirect", "سامي حداد", "وقال", "مركز الإعلام المحلي", "العمل مستمر")]),
    # a title's complement stays the speaker's: no medium
    ("director-of-a-centre",
     "وقال المدير التنفيذي لمركز الدراسات الإقليمية سامي حداد إن التقرير جاهز.",
     [MINISTER],
     [("indirect", "سامي حداد", "وقال", None, "التقرير جاهز")]),
]

POSSESSED = [
    ("withdrawal-announced",
     "وقال رئيس الحزب سامي حداد إن الانتخابات ستجرى. وأعلن انسحابه من السباق الرئاسي.",
     [MINISTER],
     [("indirect", "سامي حداد", "وقال", None, "الانتخابات ستجرى"),
      ("indirect", "سامي حداد", "وأعلن", None, "انسحابه من السباق الرئاسي")]),
    ("announcement-with-complementizer",
     "وقال رئيس الحزب سامي حداد إن الانتخابات ستجرى. وأكد إعلانه أن الحزب لن يشارك.",
     [MINISTER],
     [("indirect", "سامي حداد", "وقال", None, "الانتخابات ستجرى"),
      ("indirect", "سامي حداد", "وأكد", None, "الحزب لن يشارك")]),
    ("decision-justified",
     "وقال رئيس الحزب سامي حداد إن الانتخابات ستجرى. وبرر قراره بأن الظروف تغيرت.",
     [MINISTER],
     [("indirect", "سامي حداد", "وقال", None, "الانتخابات ستجرى"),
      ("indirect", "سامي حداد", "وبرر", None, "الظروف تغيرت")]),
    ("main-clause-subject-after-when",
     "وكان الرئيس سامي حداد قد غادر العاصمة، عندما أعلن استقالته من منصبه.",
     [MINISTER],
     [("indirect", "سامي حداد", "أعلن", None, "استقالته من منصبه")]),
    ("his-wife-speaks",
     "قتل الصياد سامي حداد أمس. وقالت زوجته إن الشرطة لم تبلغها بشيء.",
     [MINISTER],
     [("indirect", "زوجته", "وقالت", None, "الشرطة لم تبلغها بشيء")]),
    ("his-deputy-speaks",
     "وصل الرئيس إلى العاصمة. وقال نائبه عمر الزين إن الزيارة ناجحة.",
     [ACTIVIST],
     [("indirect", "نائبه عمر الزين", "وقال", None, "الزيارة ناجحة")]),
    ("his-colleagues-nominative",
     "توفي اللاجئ في المركز. ويقول زملاؤه إن الرعاية كانت غائبة.",
     [],
     [("indirect", "زملاؤه", "ويقول", None, "الرعاية كانت غائبة")]),
    ("his-party-speaks",
     "وغاب سامي حداد عن الجلسة، بحسب ما أعلن حزبه أمس.",
     [MINISTER],
     [("indirect", "حزبه", "بحسب ما أعلن", None, "وغاب سامي حداد عن الجلسة")]),
    ("honorific-with-a-pronoun-is-complete",
     "وقال مفتي المدينة إن الحادث أليم. وقال سماحته في مداخلة إن العمل مشين.",
     [],
     [("indirect", "مفتي المدينة", "وقال", None, "الحادث أليم"),
      ("indirect", "سماحته", "وقال", "في مداخلة", "العمل مشين")]),
    ("a-name-after-the-noun-makes-it-a-title",
     "أعلنت الشركة نتائجها. ويقول مؤسسه سامي حداد إنه راض عن النتائج.",
     [MINISTER],
     [("indirect", "الشركة", "أعلنت", None, "نتائجها"),
      ("indirect", "مؤسسه سامي حداد", "ويقول", None, "راض عن النتائج")]),
    # a noun of what was done, with a verb that announces nothing: no statement
    ("renewed-his-contract",
     "وجدد الحارس سامي حداد عقده مع النادي. وجدد عقده مع النادي لموسمين.",
     [MINISTER],
     None),
]

PRAYERS = [
    ("prayed-to-god", "ودعا الله تعالى أن يحفظ البلاد من كل سوء.", []),
    ("the-preacher-prayed", "ودعا الخطيب الله أن يحفظ البلاد وأهلها.", []),
    ("praying-participle",
     "وقال سامي حداد إن الحادث أليم، داعيا المولى عز وجل أن يشفي المصابين.", [MINISTER]),
    ("scripture-cited", 'وقال سبحانه: "وتعاونوا على البر".', []),
]


def _check(quotes_of, body, mentions, expected):
    got = quotes_of(body, mentions=mentions)
    assert_statements(got, expected)


@pytest.mark.parametrize("body,mentions,expected", [r[1:] for r in MEDIUM_AFTER],
                         ids=[r[0] for r in MEDIUM_AFTER])
def test_medium_after_the_content(quotes_of, body, mentions, expected):
    _check(quotes_of, body, mentions, expected)


@pytest.mark.parametrize("body,mentions,expected", [r[1:] for r in ADDRESSEE_BODY],
                         ids=[r[0] for r in ADDRESSEE_BODY])
def test_body_addressed_after_the_verb(quotes_of, body, mentions, expected):
    _check(quotes_of, body, mentions, expected)


@pytest.mark.parametrize("body,mentions,expected", [r[1:] for r in POSSESSED],
                         ids=[r[0] for r in POSSESSED])
def test_noun_with_a_pronoun(quotes_of, body, mentions, expected):
    got = quotes_of(body, mentions=mentions)
    if expected is None:
        # no statement, and above all no speaker that is such a noun
        assert all(q["speaker"] is None or not q["speaker"]["text"].startswith("عقده")
                   for q in got)
        assert not any(q["content"]["text"].startswith("عقده") for q in got)
        return
    assert_statements(got, expected)


@pytest.mark.parametrize("body,mentions", [r[1:] for r in PRAYERS], ids=[r[0] for r in PRAYERS])
def test_prayer_is_no_statement(quotes_of, body, mentions):
    got = quotes_of(body, mentions=mentions)
    assert not any(q["speaker"] and "الله" in q["speaker"]["text"] for q in got)
    assert not any(q["content"]["text"].startswith(("يحفظ", "يشفي", "وتعاونوا")) for q in got)


def test_the_name_of_a_party_of_god_still_speaks(quotes_of):
    got = quotes_of("وقال حزب الله في بيان إن الهجوم فشل.")
    assert_statements(got, [("indirect", "حزب الله", "وقال", "في بيان", "الهجوم فشل")])


HEADLINES = [
    ("listed-city-label", "دمشق: العثور على قارب مهجور قرب النهر", [], None),
    ("town-label-with-spaces", "نابل : حجز كميات من السلع المهربة", [("نابل", "LOC", {})], None),
    ("country-speaks", "فرنسا: سنرسل مساعدات إضافية إلى المنطقة", [], "فرنسا"),
    ("second-country-after-conjunction",
     "مصر: ندعم الحوار.. والأردن: الحل سياسي", [], "والأردن"),
    ("person-speaks", "سامي حداد: سنرسل مساعدات إضافية", [MINISTER], "سامي حداد"),
    ("tagged-place-label", "قرية الزيتون: انقطاع المياه لليوم الثالث",
     [("قرية الزيتون", "LOC", {})], None),
]


@pytest.mark.parametrize("title,mentions,speaker", [r[1:] for r in HEADLINES],
                         ids=[r[0] for r in HEADLINES])
def test_headline_place_label(quotes_of, title, mentions, speaker):
    got = [q for q in quotes_of("وصلت فرق الإنقاذ إلى المكان.", title=title, mentions=mentions)
           if q["zone"] == "title"]
    speakers = [q["speaker"]["text"] for q in got if q["speaker"]]
    if speaker is None:
        assert speakers == []
    else:
        assert speaker in speakers
