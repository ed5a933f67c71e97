"""A document as a statement's source: «بحسب تقرير نشرته صحيفة X، فإن …», «أفاد تقرير لمنظمة
X بأن …». The author who published the document speaks; the document is the channel; an
outlet that published it is the medium too. The sentences are written for these tests."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from khabar.resources import load
from quotes_helpers import assert_statement, make_article, records

# (id, body, expected: kind, speaker, cue, medium, chain texts, content)
# speaker/medium: a phrase the text or canonical name must equal (None: absent)
ROWS = [
    ("fronted-report-published-by-quoted-outlet",
     'وبحسب تقرير نشرته صحيفة "الأيام"، فإن المفاوضات ستستأنف في القاهرة الشهر المقبل.',
     ("indirect", "الأيام", "وبحسب", "الأيام", ["تقرير"],
      "المفاوضات ستستأنف في القاهرة الشهر المقبل")),
    ("fronted-report-issued-by-organisation",
     "ووفقا لتقرير أصدرته منظمة العفو الدولية، فإن السجون مكتظة بالمعتقلين السياسيين.",
     ("indirect", "منظمة العفو الدولية", "ووفقا", None, ["تقرير"],
      "السجون مكتظة بالمعتقلين السياسيين")),
    ("study-prepared-by-university",
     "وحسب دراسة أعدتها جامعة بغداد، فإن نسبة البطالة ارتفعت بين الخريجين.",
     ("indirect", "جامعة بغداد", "وحسب", None, ["دراسة"],
      "نسبة البطالة ارتفعت بين الخريجين")),
    ("naqlan-an-statement-issued-by-ministry",
     "ونقلا عن بيان أصدرته وزارة الصحة، فإن عدد الإصابات تراجع خلال الأسبوع.",
     ("indirect", "وزارة الصحة", "ونقلا عن", None, ["بيان"],
      "عدد الإصابات تراجع خلال الأسبوع")),
    ("known-outlet-after-kind-noun",
     "وبحسب تقرير أوردته وكالة رويترز، فإن الشركة تدرس بيع أصولها في الخارج.",
     ("indirect", "رويترز", "وبحسب", "رويترز", ["تقرير"],
      "الشركة تدرس بيع أصولها في الخارج")),
    ("report-of-outlet-glued-lam",
     'وبحسب تقرير لصحيفة "الأيام"، فإن الحكومة ستستقيل خلال أيام قليلة.',
     ("indirect", "الأيام", "وبحسب", "الأيام", ["تقرير"], "الحكومة ستستقيل خلال أيام قليلة")),
    ("report-of-outlet-lam-apart",
     'وبحسب تقرير لـ"الأيام"، فإن الحكومة ستستقيل خلال أيام قليلة.',
     ("indirect", "الأيام", "وبحسب", "الأيام", ["تقرير"], "الحكومة ستستقيل خلال أيام قليلة")),
    ("figures-of-ministry-glued-lam",
     "وبحسب أرقام لوزارة الصحة، فإن عدد الإصابات تراجع خلال الأسبوع.",
     ("indirect", "وزارة الصحة", "وبحسب", None, ["أرقام"], "عدد الإصابات تراجع خلال الأسبوع")),
    ("adjective-and-origin-after-the-outlet",
     'وبحسب تقرير جديد نشرته صحيفة "الأيام" الأردنية، فإن البطالة ارتفعت بين الشباب.',
     ("indirect", "الأيام", "وبحسب", "الأيام", ["تقرير"], "البطالة ارتفعت بين الشباب")),
    ("definite-report-relative-pronoun-kind-noun-alone",
     "وبحسب التقرير الذي نشرته الصحيفة، فإن الحكومة ستستقيل خلال أيام قليلة.",
     ("indirect", "الصحيفة", "وبحسب", "الصحيفة", ["التقرير"],
      "الحكومة ستستقيل خلال أيام قليلة")),
    ("two-word-document-noun-is-no-verb",
     "وبحسب استطلاع رأي أجرته جامعة بغداد، فإن غالبية الطلاب يفضلون التعليم الحضوري.",
     ("indirect", "جامعة بغداد", "وبحسب", None, ["استطلاع رأي"],
      "غالبية الطلاب يفضلون التعليم الحضوري")),
    ("document-seen-by-outlet",
     "وبحسب وثيقة اطلعت عليها وكالة رويترز، فإن الشركة ستسرح مئات العمال.",
     ("indirect", "رويترز", "وبحسب", "رويترز", ["وثيقة"], "الشركة ستسرح مئات العمال")),
    ("trailing-attribution-to-a-report",
     'وارتفعت أسعار الوقود بنسبة كبيرة، بحسب تقرير نشرته صحيفة "الأيام" اليوم.',
     ("indirect", "الأيام", "بحسب", "الأيام", ["تقرير"], "وارتفعت أسعار الوقود بنسبة كبيرة")),
    ("author-with-adjuncts-before-the-comma",
     "وبحسب معطيات لوزارة الداخلية صدرت مساء أمس بعد إغلاق الصناديق، فإن نسبة المشاركة "
     "تجاوزت النصف.",
     ("indirect", "وزارة الداخلية", "وبحسب", None, ["معطيات"],
      "نسبة المشاركة تجاوزت النصف")),
    ("unnamed-source-relayed-by-outlet",
     "وبحسب مصادر مطلعة تحدثت إليها وكالة رويترز، فإن المحادثات ستستأنف الأسبوع المقبل.",
     ("indirect", "مصادر مطلعة", "وبحسب", "رويترز", ["وكالة رويترز"],
      "المحادثات ستستأنف الأسبوع المقبل")),
    ("answer-particle-fa-before-article",
     "وبحسب الوزارة، فالأسعار سترتفع في الشتاء المقبل.",
     ("indirect", "الوزارة", "وبحسب", None, [], "الأسعار سترتفع في الشتاء المقبل")),
    ("fa-of-a-name-is-no-particle",
     "وبحسب الشرطة، فرنسا تسلمت المتهمين الثلاثة أمس.",
     ("indirect", "الشرطة", "وبحسب", None, [], "فرنسا تسلمت المتهمين الثلاثة أمس")),
    ("verb-subject-report-published-by-outlet",
     'وأفاد تقرير نشرته صحيفة "الأيام" بأن الحكومة ستستقيل قريبا.',
     ("indirect", "الأيام", "وأفاد", "الأيام", ["تقرير"], "الحكومة ستستقيل قريبا")),
    ("verb-subject-report-of-organisation",
     "وأفاد تقرير لمنظمة العفو الدولية بأن السجون مكتظة بالمعتقلين.",
     ("indirect", "منظمة العفو الدولية", "وأفاد", None, ["تقرير"], "السجون مكتظة بالمعتقلين")),
    ("verb-subject-report-prepared-by-experts",
     "وكشف تقرير أعده خبراء في الأمم المتحدة أن العقوبات لم تحقق أهدافها.",
     ("indirect", "خبراء في الأمم المتحدة", "وكشف", None, ["تقرير"],
      "العقوبات لم تحقق أهدافها")),
    ("verb-subject-statement-of-army",
     "وقال بيان أصدره الجيش إن القوات أسقطت طائرة مسيرة قرب الحدود.",
     ("indirect", "الجيش", "وقال", None, ["بيان"], "القوات أسقطت طائرة مسيرة قرب الحدود")),
    ("verb-subject-unnamed-source-relayed",
     'وقالت مصادر نقلت عنها صحيفة "الأيام" إن الوزير سيستقيل خلال الأسبوع المقبل.',
     ("indirect", "مصادر", "وقالت", "الأيام", ["الأيام"], "الوزير سيستقيل خلال الأسبوع المقبل")),
    ("outlet-speaks-in-a-report-of-its-own",
     'وذكرت صحيفة "الأيام" في تقرير لها أن الحكومة ستستقيل خلال أيام.',
     ("indirect", 'صحيفة "الأيام"', "وذكرت", "في تقرير لها", [], "الحكومة ستستقيل خلال أيام")),
]


@pytest.mark.parametrize("body,expected", [r[1:] for r in ROWS], ids=[r[0] for r in ROWS])
def test_document_source(quotes_of, body, expected):
    kind, speaker, cue, medium, chain, content = expected
    (q,) = quotes_of(body)
    assert_statement(q, kind, speaker, cue, medium, content)
    assert [h["text"] for h in q["chain"]] == chain


@pytest.mark.parametrize("body,speaker", [
    # no author after the document: the noun stands for a source named before
    ("وبحسب التقرير، فإن الحكومة ستستقيل خلال أيام قليلة.", "التقرير"),
    # an unnamed source with no outlet after it keeps its noun phrase
    ("وبحسب تقديرات محلية، فإن عدد النازحين تجاوز ألف عائلة.", "تقديرات محلية"),
    # a pronoun after «ل» names nobody
    ("وبحسب تقرير لها، فإن الأسعار سترتفع في الشتاء المقبل.", "تقرير"),
], ids=["no-author", "no-outlet", "pronoun-after-lam"])
def test_document_without_an_author_keeps_the_old_reading(quotes_of, body, speaker):
    (q,) = quotes_of(body)
    assert q["speaker"]["text"] == speaker
    assert q["chain"] == []


@pytest.mark.parametrize("body,medium", [
    ('وبحسب تقرير نشرته صحيفة "الأيام"، قال الوزير إن الحدود ستفتح الأسبوع المقبل.', "الأيام"),
    ("ووفقا لتقرير أوردته وكالة رويترز، أكد الوزير أن الحدود ستفتح الأسبوع المقبل.", "رويترز"),
    # an organisation's report is no outlet: the minister spoke to nobody in particular
    ("ووفقا لتقرير أصدرته منظمة العفو الدولية، أكد الوزير أن الحدود ستفتح قريبا.", None),
], ids=["quoted-outlet", "known-outlet", "organisation"])
def test_fronted_document_gives_the_cue_after_it_its_medium(quotes_of, body, medium):
    (q,) = quotes_of(body)
    assert q["speaker"]["text"] == "الوزير"
    if medium is None:
        assert q["medium"] is None
    else:
        assert q["medium"]["canonical"] == medium and q["medium"]["relation"] == "reporter"


def test_continuation_agrees_with_the_document_not_its_author(quotes_of):
    # «وأضاف تقرير النيابة»: the verb agrees with «تقرير»; «وتابع» continues the prosecution,
    # not the last masculine source before it
    got = quotes_of("وقال المحامي سامي حداد إن موكله بريء من كل التهم. وقالت النيابة إن التحقيق "
                    "مستمر منذ أشهر. وأضاف تقرير النيابة أن المتهم اعترف بالتهم كلها. وتابع: "
                    '"لقد تعاون المتهم مع المحققين بشكل كامل".')
    assert [q["speaker"]["canonical"] for q in got] == ["سامي حداد", "النيابة", "النيابة",
                                                        "النيابة"]
    assert [h["text"] for h in got[2]["chain"]] == ["تقرير"]


@pytest.mark.parametrize("body,speaker", [
    ("ووفقا لبيانات الأمم المتحدة، فإن عدد اللاجئين تجاوز مليون شخص هذا العام.", "الأمم المتحدة"),
    ("وبحسب بيان القيادة العامة للقوات المسلحة، فإن الوفد سيزور العاصمة غدا صباحا.",
     "القيادة العامة للقوات المسلحة"),
], ids=["figures-of-a-body", "statement-of-a-command"])
def test_genitive_after_a_bare_document_noun_is_its_author(quotes_of, body, speaker):
    (q,) = quotes_of(body)
    assert q["speaker"]["text"] == speaker
    assert len(q["chain"]) == 1 and q["chain"][0]["relation"] == "channel"


def test_aside_about_a_document_is_no_statement(quotes_of):
    # «ويذكر أن» opens an impersonal aside; the document's author says nothing here
    assert quotes_of("ويذكر أن التقرير نشرته صحيفة محلية العام الماضي.") == []


def test_channel_and_reporter_relations(quotes_of):
    (q,) = quotes_of('وبحسب تقرير نشرته صحيفة "الأيام"، فإن الأسعار سترتفع في الشتاء المقبل.')
    assert q["medium"]["relation"] == "reporter"
    assert [h["relation"] for h in q["chain"]] == ["channel"]
    assert q["speaker"]["kind"] == "outlet" and q["speaker"]["anonymous"] is False


_GRAMMAR = load("quote_grammar")


@settings(max_examples=60, deadline=None)
@given(noun=st.sampled_from(_GRAMMAR["document_nouns"]),
       verb=st.sampled_from(_GRAMMAR["publishing_verbs"]),
       lead=st.sampled_from(["وبحسب ", "ووفقا ل", "وحسب ", "ونقلا عن "]))
def test_every_document_noun_and_publishing_verb_names_the_outlet(noun, verb, lead):
    # «ووفقا ل» glues its preposition to the noun, as the language writes it
    body = f'{lead}{noun} {verb} صحيفة "المنارة"، فإن الأسعار سترتفع في الشتاء المقبل.'
    (q,) = records(make_article(body))
    assert q["speaker"]["text"] == "المنارة"
    assert q["medium"]["canonical"] == "المنارة"
    assert [h["text"] for h in q["chain"]] == [noun]
    assert q["content"]["text"] == "الأسعار سترتفع في الشتاء المقبل"
