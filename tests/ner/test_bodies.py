"""Span rules for organisations and regions (khabar/ner/bodies.py), through `refine`, on
sentences written for these tests: the tagger's spans are given, the rules are checked."""
import pytest

from khabar.ner import bodies
from khabar.ner.rules import refine


def _names(sentence, ents):
    toks = sentence.split()
    return [(" ".join(toks[a:b]), t) for a, b, t in refine(toks, ents)]


@pytest.mark.parametrize("sentence, tagged, expect", [
    # a name with an organisation head is a body, whatever the tagger called it
    ("وقرر الاتحاد التونسي معاقبة اللاعب", [(1, 3, "LOC")], [("الاتحاد التونسي", "ORG")]),
    ("وقرر الاتحاد الأردني للتنس معاقبة اللاعب", [(1, 4, "MISC")],
     [("الاتحاد الأردني للتنس", "ORG")]),
    # an indefinite head with «ل» is a common noun phrase, left as the tagger had it
    ("وقصفت الطائرات محطة للمياه قرب المدينة", [(2, 4, "MISC")], [("محطة للمياه", "MISC")]),
    # ... unless the whole name is a listed place
    ("منذ سقوط الاتحاد السوفيتي تغيرت الخريطة", [(2, 4, "LOC")],
     [("الاتحاد السوفيتي", "LOC")]),
    # a lone listed place tagged as a body is a place
    ("وقالت بلجيكا إنها سترسل مساعدات", [(1, 2, "ORG")], [("بلجيكا", "LOC")]),
    # ... unless it is an outlet's name («صحيفة "القدس"»)
    ('وقال لصحيفة " القدس " إن', [(3, 4, "ORG")], [("القدس", "ORG")]),
    ("وقال لصحيفة القدس إن", [(2, 3, "ORG")], [("لصحيفة القدس", "ORG")]),
])
def test_retype(sentence, tagged, expect):
    assert _names(sentence, tagged) == expect


@pytest.mark.parametrize("sentence, tagged, expect", [
    # a definite head, its adjective and a «ل» genitive, which the tagger missed
    ("وأصدر المرصد الوطني لحماية البيئة تقريرا", [],
     [("المرصد الوطني لحماية البيئة", "ORG")]),
    # the genitive after a body the tagger found, with its adjective
    ("وأعلن الاتحاد العربي لكرة السلة موعد البطولة", [(1, 3, "ORG")],
     [("الاتحاد العربي لكرة السلة", "ORG")]),
    # a hamza after «ل» is no article: «لألعاب» is in construct
    ("وقرر الاتحاد الخليجي لألعاب القوى تأجيل السباق", [(1, 3, "ORG")],
     [("الاتحاد الخليجي لألعاب القوى", "ORG")]),
    # coordinated words with their adjective go with the genitive
    ("وأنشئ المعهد الوطني للدراسات الاستراتيجية والأمنية حديثا", [(1, 3, "ORG")],
     [("المعهد الوطني للدراسات الاستراتيجية والأمنية", "ORG")]),
    # a genitive with its adjective, then a second one
    ("ورحب رئيس الرابطة العربية للمراكز الوطنية لحماية البيئة بالقرار", [(2, 6, "ORG")],
     [("الرابطة العربية للمراكز الوطنية لحماية البيئة", "ORG")]),
    # a place after the genitive's noun joins the body's name
    ("وقال بيان للحركة الوطنية لتحرير كردستان إن", [(5, 6, "LOC")],
     [("للحركة الوطنية لتحرير كردستان", "ORG")]),
])
def test_genitive(sentence, tagged, expect):
    assert _names(sentence, tagged) == expect


@pytest.mark.parametrize("sentence, tagged, expect", [
    # a purpose clause after a body without an adjective stays outside
    ("واجتمع مجلس الإدارة لمناقشة الميزانية", [(1, 3, "ORG")], [("مجلس الإدارة", "ORG")]),
    # «لل» with no adjective after it: a purpose clause too
    ("ودعا الاتحاد الأوروبي للمساهمة في الإعمار", [(1, 3, "ORG")],
     [("الاتحاد الأوروبي", "ORG")]),
    # a coordinated word without its adjective is the next noun phrase
    ("بحسب المرصد الوطني لحقوق الإنسان والجمعية نفسها", [(1, 5, "ORG")],
     [("المرصد الوطني لحقوق الإنسان", "ORG")]),
    # a definite head with a bare word after it is no name
    ("وقال الاتحاد يرفض القرار", [(1, 3, "ORG")], []),
    # a listed name is whole: what follows is its complement
    ("وأكد دعم الاتحاد الأوروبي للاتفاق النووي", [(2, 4, "ORG")],
     [("الاتحاد الأوروبي", "ORG")]),
    # «ل» before an imperfect verb is a purpose, before a short word no clitic at all
    ("وسيجتمع الاتحاد القطري ليوضح الأسباب", [(1, 3, "ORG")], [("الاتحاد القطري", "ORG")]),
    ("ومنحت المنظمة العالمية لقب البطولة للفريق", [], []),
    # a name with its genitive takes no second one
    ("وقدم الاتحاد الكويتي للجودو لسعادة السفير هدية", [(1, 4, "ORG")],
     [("الاتحاد الكويتي للجودو", "ORG")]),
])
def test_genitive_guards(sentence, tagged, expect):
    assert _names(sentence, tagged) == expect


@pytest.mark.parametrize("sentence, tagged, expect", [
    # a listed outlet between quotes, even one whose name is a common word
    ('وكتب المحلل في " الغد " أن الأزمة طويلة', [], [("الغد", "ORG")]),
    ("وقال لـ « الوطن » إن المشروع تأخر", [], [("الوطن", "ORG")]),
    # ... and between brackets, as a dateline credit
    ("( واس ) أعلنت الوزارة خطة جديدة", [], [("واس", "ORG")]),
    # outlets and bodies that are names alone
    ("ونقلت رويترز عن مصادر أن الاجتماع تأجل", [], [("رويترز", "ORG")]),
    ("وغرم الفيفا النادي", [(1, 2, "LOC")], [("الفيفا", "ORG")]),
    # a Latin acronym in brackets after a place (a dateline) or a body
    ("بيروت ( ABC ) أعلن الجيش", [(0, 1, "LOC")], [("بيروت", "LOC"), ("ABC", "ORG")]),
    # a short name in brackets after a body of two words or more
    ("وقالت الهيئة العامة للطيران ( هعط ) إن", [(1, 4, "ORG")],
     [("الهيئة العامة للطيران", "ORG"), ("هعط", "ORG")]),
    # ... but not after a one-word name, nor a function word
    ("وزار سامر قرية بيتا ( جنوب ) أمس", [(2, 4, "LOC")], [("قرية بيتا", "LOC")]),
    ("وقالت الهيئة العامة للطيران ( في بيان ) إن", [(1, 4, "ORG")],
     [("الهيئة العامة للطيران", "ORG")]),
    # a Latin acronym after no name is no body («الناتج (GDP)»)
    ("وارتفع الناتج المحلي ( GDP ) بنسبة", [], []),
])
def test_enclosed(sentence, tagged, expect):
    assert _names(sentence, tagged) == expect


@pytest.mark.parametrize("sentence, tagged, expect", [
    # a portfolio with a feminine nationality: the ministry
    ("وقالت الخارجية المغربية في بيان", [], [("الخارجية المغربية", "ORG")]),
    ("وأكدت الدفاع الأمريكية ذلك", [], [("الدفاع الأمريكية", "ORG")]),
    # ... the nationality tagged as a place goes into the name
    ("وأعلنت الخارجية السعودية مساء أمس", [(2, 3, "LOC")], [("الخارجية السعودية", "ORG")]),
    ("وصوت البرلمان الأردني على القانون", [], [("البرلمان الأردني", "ORG")]),
    # after a title or a definite noun it is an adjective, not a ministry
    ("وقال وزير الخارجية المغربي إن", [], []),
    ("وانتقد السياسة الخارجية المغربية", [], []),
    ("وتحدث عن الأوضاع الداخلية المغربية", [], []),
    ("وتحدث عن الأوضاع والشؤون الداخلية المغربية", [], []),
    # a masculine nationality after a feminine portfolio: no agreement, no ministry
    ("وتحدث عن الدفاع الأمريكي", [], []),
])
def test_national(sentence, tagged, expect):
    assert _names(sentence, tagged) == expect


@pytest.mark.parametrize("sentence, tagged, expect", [
    # places joined by dashes after a region word are one region
    ("وزار جهة فاس - مكناس أمس", [(2, 3, "LOC"), (4, 5, "LOC")], [("فاس - مكناس", "LOC")]),
    ("في ولاية تيزي - وزو - بجاية", [(2, 3, "LOC"), (4, 5, "LOC"), (6, 7, "LOC")],
     [("ولاية تيزي - وزو - بجاية", "LOC")]),
    # without a region word, two places with a dash stay two (a route, a dateline)
    ("رحلة القاهرة - عمان ألغيت", [(1, 2, "LOC"), (3, 4, "LOC")],
     [("القاهرة", "LOC"), ("عمان", "LOC")]),
])
def test_regions(sentence, tagged, expect):
    assert _names(sentence, tagged) == expect


@pytest.mark.parametrize("sentence, tagged, expect", [
    # a listed body that ran on into a person's name is cut before it
    ("وقال حماس سامي حداد إن", [(1, 4, "ORG")], [("حماس", "ORG"), ("سامي حداد", "PER")]),
    ("وقال حزب الله عمر الزين إن", [(1, 5, "ORG")],
     [("حزب الله", "ORG"), ("عمر الزين", "PER")]),
    # a body named after a person keeps the name («مؤسسة» is no listed body)
    ("وافتتحت مؤسسة سامي حداد الخيرية", [(1, 5, "ORG")],
     [("مؤسسة سامي حداد الخيرية", "ORG")]),
    # a definite title after a definite word ends the body's name
    ("وقال مدير إدارة المخاطر الدكتور سامي حداد", [(2, 5, "ORG"), (5, 7, "PER")],
     [("إدارة المخاطر", "ORG"), ("سامي حداد", "PER")]),
])
def test_bounds(sentence, tagged, expect):
    assert _names(sentence, tagged) == expect


def test_data_is_keyed():
    # every list of the data file is read, folded as the tokens are
    assert bodies.GENITIVE_HEADS and bodies.REGION_HEADS and bodies.NAMES_ALONE
    assert bodies.PORTFOLIOS and bodies.NATIONAL_BODIES and bodies.NATIONALITIES_FEM
    assert bodies.DASHES and "(" in bodies.ENCLOSURES
