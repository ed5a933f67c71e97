"""Rules found by judging the stage's values on unlabelled articles by hand (issue 12,
benchmarks/timex_audit.py): sentences written for these tests, one table per rule."""
from __future__ import annotations

import pytest

from khabar import api
from tests.timex.helpers import D, found, only

WED = D(2018, 8, 1)  # a Wednesday
SKIP = ("entities", "quotes", "events", "link")


@pytest.mark.parametrize("sentence, pub, expr, value", [
    # a day of a month named after «من شهر»
    ("سجل المؤشر في 20 من شهر تموز (يوليو) الجاري رقما جديدا.", WED,
     "20 من شهر تموز (يوليو) الجاري", "2018-07-20"),
    ("تنطلق البطولة في الـ22 من شهر ديسمبر المقبل.", WED, "22 من شهر ديسمبر المقبل",
     "2018-12-22"),
    ("افتتح المعرض في 5 من شهر مايو الماضي.", WED, "5 من شهر مايو الماضي", "2018-05-05"),
])
def test_day_of_a_month_after_shahr(sentence, pub, expr, value):
    tx = only(sentence, pub)
    assert (tx.text, tx.value) == (expr, value)


@pytest.mark.parametrize("sentence, pub, value", [
    # a plan reported a few days after the day it names: that day, not one a year on
    ("قالت الشركة إنها سترفع أسعارها اعتبارا من 28 يوليو.", WED, "2018-07-28"),
    # a day a few days ahead, the clause with no future word: that day, not one a year back
    ("ومن المتوقع استدعاء المدافع للعب مع منتخب بلاده في مباراته أمام الضيوف في إطار "
     "التصفيات المؤهلة للبطولة القارية يوم 10 أغسطس.", WED, "2018-08-10"),
    # far from publication the tense still decides
    ("التقى الوزير نظيره في 20 سبتمبر.", WED, "2017-09-20"),
    ("سيلتقي الوزير نظيره في 20 يونيو.", WED, "2019-06-20"),
    # a relation word decides whatever the distance
    ("وقع الاتفاق في 5 أغسطس الماضي.", WED, "2017-08-05"),
])
def test_a_bare_day_near_publication(sentence, pub, value):
    assert only(sentence, pub).value == value


@pytest.mark.parametrize("sentence, value", [
    ("وقال المحامي إن الحكم أرجئ إلى التاسع من فبراير.", "2019-02-09"),
    ("وقررت المحكمة تأجيل الجلسة إلى 3 مارس.", "2019-03-03"),
    ("وأرجأت اللجنة اجتماعها حتى سبتمبر.", "2018-09"),
    # «إلى» without a thing put off: the past stays past
    ("وصل الوفد إلى العاصمة في 3 مارس.", "2018-03-03"),
])
def test_the_new_date_of_a_thing_put_off_lies_ahead(sentence, value):
    assert only(sentence, WED).value == value


@pytest.mark.parametrize("sentence", [
    "وقال لموقع عين اليوم إن المشروع اكتمل.",
    "ونقلت قناة روسيا اليوم عن مصدر أن الاجتماع انتهى.",
    "وذكرت صحيفة اليوم السابع أن الوزير استقال.",
])
def test_a_time_word_inside_an_outlet_name(sentence):
    art = api.extract_text(sentence, skip=SKIP, published="2018-08-01")
    assert [art.text[t.start:t.end] for t in art.spans("timexes")] == []


def test_an_outlet_name_leaves_the_same_word_elsewhere():
    art = api.extract_text("وقال لموقع عين اليوم إن الوزير وصل اليوم إلى المدينة.",
                           skip=SKIP, published="2018-08-01")
    got = [(art.text[t.start:t.end], t.attrs["value"]) for t in art.spans("timexes")]
    assert got == [("اليوم", "2018-08-01")]


@pytest.mark.parametrize("sentence", [
    'وتتهم الوزارة شبكة "بي آوت كيو" بقرصنة البث.',
    'وشاهد المباراة عبر "بي . آوت . كيو" آلاف المشتركين.',
    "واستلهمت الحركة فكرتها من مايو دي بلازا في الأرجنتين.",
])
def test_a_month_name_inside_a_spelled_foreign_name(sentence):
    assert found(sentence, WED) == []


@pytest.mark.parametrize("sentence, expected", [
    ("قد يدخل أحدهما أو الاثنين معا في خلاف طويل.", []),
    ("وأكد كلا الاثنين تمسكه بموقفه.", []),
    ("التقى الوزير نظيره الاثنين في العاصمة.", [("الاثنين", "2018-07-30")]),
    ("تجري المباراة السبت أو الاثنين.", [("السبت", "2018-07-28"), ("الاثنين", "2018-07-30")]),
])
def test_al_ithnayn_as_the_two(sentence, expected):
    assert found(sentence, WED) == expected


@pytest.mark.parametrize("sentence, expr, value", [
    # the same separator, with spaces that do not agree
    ("ويبدأ التقديم من يوم الأحد الموافق 24 /10 / 1436هـ في المقر.",
     "يوم الأحد الموافق 24 /10 / 1436هـ", "2015-08-09"),
    # an era glued to a year-first date
    ("عند التاسعة من صباح اليوم الأحد الموافق 1436/10/10هـ، باشرت الشرطة البلاغ.",
     "صباح اليوم الأحد الموافق 1436/10/10هـ", "2015-07-26"),
])
def test_numeric_hijri_dates(sentence, expr, value):
    got = found(sentence, D(2015, 8, 2))
    assert (expr, value) in got


@pytest.mark.parametrize("sentence, expr, value", [
    # a year, month or week counted from the last one the story named
    ("أسست الشركة مصنعها الأول عام 1990. وفي العام نفسه، افتتحت فرعا في المدينة.",
     "العام نفسه", "1990"),
    ("اعتقل الصحفي في 1964، وأفرج عنه في العام التالي.", "العام التالي", "1965"),
    ("زار الوفد المدينة في 2010 وأحب ذلك العام كثيرا.", "ذلك العام", "2010"),
    ("فرضت العقوبات في أيلول 2014، وفي الشهر نفسه خسرت الشركة نصف قيمتها.", "الشهر نفسه",
     "2014-09"),
    ("بدأت المفاوضات في مارس 2016، وفي الشهر التالي توقفت.", "الشهر التالي", "2016-04"),
    ("وصل الوفد في 3 مارس 2016، وفي الأسبوع التالي غادر.", "الأسبوع التالي", "2016-W10"),
    ("شهدت المدينة احتجاجات في 2011 وتواصلت مطلع السنة نفسها.", "مطلع السنة نفسها", "2011"),
    ("انتحر 18 جنديا منذ بداية العام الجاري، في حين انتحر 21 خلال العام السابق 2024.",
     "العام السابق 2024", "2024"),
])
def test_a_period_counted_from_the_story(sentence, expr, value):
    assert (expr, value) in found(sentence, D(2025, 9, 2))


@pytest.mark.parametrize("sentence", [
    # «العام» after a noun is «general»
    "وقال الأمين العام السابق للمنظمة إن الاتفاق صامد.",
    "وأحال النائب العام نفسه القضية إلى المحكمة.",
    # nothing named before: no period to count from
    "وفي العام التالي أضافت الشركة خاصية جديدة.",
    "يضاف إلى ذلك العامل النفسي في السوق.",
])
def test_no_period_of_the_story(sentence):
    assert found(sentence, D(2025, 9, 2)) == []


@pytest.mark.parametrize("sentence, expr, value", [
    ("يسري القرار من السبت 25 يوليو وحتى السبت التالي.", "السبت التالي", "2015-08-01"),
    ("اجتمع المجلس يوم 10 مارس 2015، وكان قد التقى الخميس السابق بالوزير.",
     "الخميس السابق", "2015-03-05"),
])
def test_a_weekday_counted_from_the_story(sentence, expr, value):
    assert (expr, value) in found(sentence, D(2015, 7, 21))


@pytest.mark.parametrize("sentence, expected", [
    ("يعرض المسلسل يومي السبت والأحد من كل أسبوع.",
     [("السبت", "XXXX-WXX-6", "SET"), ("الأحد", "XXXX-WXX-7", "SET")]),
    ("تصدر المجلة الخميس من كل أسبوع.", [("الخميس", "XXXX-WXX-4", "SET")]),
    ("التقى الوزير الخميس كل الوفود.", [("الخميس", "2018-07-26", "DATE")]),
])
def test_weekdays_of_every_week(sentence, expected):
    from khabar.timex import find_timexes
    got = [(t.text, t.value, t.type) for t in find_timexes(sentence, WED) if t.type != "SET"
           or t.value.startswith("XXXX")]
    assert got == expected


@pytest.mark.parametrize("sentence, expected", [
    ("تنخفض الحرارة في الأيام الأخيرة من الموسم.", []),
    ("ارتفعت الأسعار في الأيام الأخيرة.", [("الأيام الأخيرة", "PAST_REF")]),
    # a month after the head of a place name is part of the name
    ("تجمع المحتجون في ساحة مايو وسط المدينة.", []),
    ("أغلقت الشرطة شارع 26 يوليو أمام السيارات.", []),
])
def test_vague_ends_and_place_names(sentence, expected):
    art = api.extract_text(sentence, skip=SKIP, published="2018-08-01")
    got = [(art.text[t.start:t.end], t.attrs["value"]) for t in art.spans("timexes")]
    assert got == expected


@pytest.mark.parametrize("sentence, pub, expr, value", [
    # the weekday in apposition is the story's own word: the nearest such day is meant
    ("أقرت الحكومة اليوم الأحد خطة جديدة.", D(2015, 8, 3), "اليوم الأحد", "2015-08-02"),
    ("قال مسؤولون اليوم الأربعاء إن المعونات وصلت.", D(2015, 8, 6), "اليوم الأربعاء",
     "2015-08-05"),
    ("وكان قد صرح مساء أمس الخميس بأن الاتفاق قريب.", D(2021, 7, 23), "مساء أمس الخميس",
     "2021-07-22"),
])
def test_a_weekday_in_apposition_wins_over_the_page_date(sentence, pub, expr, value):
    tx = only(sentence, pub)
    assert (tx.text, tx.value) == (expr, value)


@pytest.mark.parametrize("sentence, value", [
    # a relative clause with a future verb right after the day
    ("تعتبر مباراة الأربعاء التي ستجمع الفريقين الأصعب في الدور.", "2015-08-12"),
    # the negated future, a condition
    ("لن يتردد المدرب في إشراك اللاعب في مباراة الأحد.", "2015-08-16"),
    ("وفي حال تخلفت الحكومة عن السداد يوم الاثنين، سيخسر الدائنون.", "2015-08-17"),
    # «لن» inside a word is no particle
    ("أعلن المدرب تشكيلة الفريق الأحد.", "2015-08-09"),
])
def test_more_words_of_the_future(sentence, value):
    assert only(sentence, D(2015, 8, 11)).value == value


@pytest.mark.parametrize("sentence, pub, value", [
    # a bare season: the one under way, else the nearer of the last and the next
    ("حذر المكتب من تفاقم الأزمة مع اقتراب فصل الشتاء.", D(2025, 11, 4), "2025"),
    ("ترتفع الحرارة كثيرا في الصيف.", D(2025, 7, 4), "2025"),
    ("تساقطت الثلوج بغزارة في الشتاء.", D(2025, 4, 10), "2024"),
])
def test_a_bare_season_is_the_nearest(sentence, pub, value):
    assert only(sentence, pub).value == value


@pytest.mark.parametrize("sentence, value", [
    # a month that begins within two weeks, in a clause with no future word
    ("ويحتاج البلد إلى 12 مليار يورو في موعد أقصاه منتصف أغسطس.", "2015-08"),
    # a month long past stays past; a plan for a month just ended means the next one
    ("وقع الحادث في فبراير.", "2015-02"),
    ("وصلت الوفود قبيل قمة مرتقبة في يونيو.", "2016-06"),
])
def test_a_bare_month_near_publication(sentence, value):
    assert only(sentence, D(2015, 7, 21)).value == value


@pytest.mark.parametrize("sentence, expected", [
    ("ثم عين بديل له بعد أسابيع قليلة.", ("أسابيع", "PXW", "DURATION")),
    ("وبعد أيام فرضت الوزارة عقوبات جديدة.", ("أيام", "PXD", "DURATION")),
    ("بعد أيام يعود الطلاب إلى مقاعد الدراسة.", ("بعد أيام", "FUTURE_REF", "DATE")),
    ("وسيعلن القرار بعد أسابيع.", ("بعد أسابيع", "FUTURE_REF", "DATE")),
])
def test_after_some_time_in_a_past_story_is_a_duration(sentence, expected):
    from khabar.timex import find_timexes
    assert [(t.text, t.value, t.type) for t in find_timexes(sentence, WED)] == [expected]


@pytest.mark.parametrize("sentence, expr, value", [
    ("دعا المستشار في الفاتح من أيار/مايو إلى الحوار.", "الفاتح من أيار/مايو", "2018-05-01"),
    ("تقام المباراة يوم الثالث من شهر سبتمبر المقبل.", "يوم الثالث من شهر سبتمبر المقبل",
     "2018-09-03"),
    ("ولد في الخامس من شهر مارس 2014.", "الخامس من شهر مارس 2014", "2014-03-05"),
    # a day of the month the story named
    ("تلعب الأولى يوم 3 سبتمبر المقبل، والثانية يوم الثامن من الشهر ذاته.",
     "يوم الثامن من الشهر ذاته", "2018-09-08"),
    ("تلعب الأولى يوم 19 أغسطس الجاري، والثانية يوم الخميس 30 من الشهر نفسه.",
     "يوم الخميس 30 من الشهر نفسه", "2018-08-30"),
    ("بلغ العدد ألف سائح في مايو 2018، مقابل 900 خلال الشهر نفسه عام 2017.",
     "الشهر نفسه عام 2017", "2017-05"),
])
def test_days_of_named_months(sentence, expr, value):
    assert (expr, value) in found(sentence, WED)


def test_the_previous_year_after_one_counted_from_publication():
    got = found("ارتفعت الأرباح عن الربع نفسه من العام الماضي. ومقارنة بالعام السابق تراجعت.",
                WED)
    assert got == [("العام الماضي", "2017"), ("العام السابق", "2017")]


@pytest.mark.parametrize("sentence, pub, expected", [
    # «منذ شهر» before a month name is «since the month of …», no count of one month
    ("سجلت السوق أعلى سيولة منذ شهر رمضان من العام الماضي.", D(2015, 7, 24),
     [("شهر رمضان من العام الماضي", "2014-06")]),
    ("وتقام المسابقة خلال شهر رمضان من العام المقبل.", D(2015, 7, 24),
     [("شهر رمضان من العام المقبل", "2016-06")]),
    # with a lunar month the year counted is the lunar one
    ("ارتفع متوسط السعر في شهر صفر من العام الماضي.", D(2015, 7, 24),
     [("شهر صفر من العام الماضي", "2013-12")]),
    # a month name after a plural count is something else («صفر-3», a score)
    ("خسر الفريق أمام منافسه قبل أربعة أيام صفر-3 في ملعبه.", D(2015, 8, 11),
     [("قبل أربعة أيام", "2015-08-07")]),
    # «سيتم»: the future in a word too short for the future-prefix rule
    ("سيتم فرض العقوبات من جديد في 4 نوفمبر.", D(2018, 5, 9), [("4 نوفمبر", "2018-11-04")]),
    # a day counted by its number is no «today»
    ("يتواصل الحصار لليوم الـ200 على التوالي.", D(2025, 9, 2), []),
    # the same day of another year
    ("في 30 سبتمبر من عام 1980 تغيرت العملة، وفي نفس اليوم من عام 2016 سلم الخاطف.",
     D(2018, 10, 1), [("30 سبتمبر من عام 1980", "1980-09-30"),
                      ("نفس اليوم من عام 2016", "2016-09-30")]),
])
def test_third_sample_rules(sentence, pub, expected):
    assert found(sentence, pub) == expected
