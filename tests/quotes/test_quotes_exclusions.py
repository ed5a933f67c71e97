"""What is not a statement: quoted names and titles, actions, scare quotes, headline
furniture; and an unbalanced quotation mark must not swallow the rest of the article."""
from __future__ import annotations

import pytest

NOT_STATEMENTS = [
    ("quoted-newspaper", 'ونشرت صحيفة "الأيام" تقريرا مطولا عن الزراعة.'),
    ("quoted-group", 'وتبنى تنظيم "الفجر" الهجوم على الحاجز.'),
    ("quoted-operation", 'وانطلقت عملية "السهم الأخضر" فجر اليوم.'),
    ("scare-quotes", 'وانتشرت ظاهرة "التسوق الليلي" في المدينة.'),
    ("vote", "وصوت البرلمان على القانون بالأغلبية."),
    ("attack", "وقصفت الطائرات مواقع في الريف الشمالي."),
    ("noun-not-participle", "وتضمن القرار بنودا بينها مطالبة الحكومة بالاستقالة."),
    ("name-in-quotes-after-known", 'وقال "الأيام".'),
    ("impersonal-aside", "ويذكر أن المدينة تضم ثلاثة مستشفيات."),
    ("relative-clause-verb", "وأسقطت الدفاعات صواريخ قالت إنها أطلقت من الجنوب."),
    ("preposition-not-verb", "وتقوم الشراكة بين الوزارة والقطاع الخاص على أن يتقاسما الكلفة."),
    ("via-not-express", 'وجرى التحكيم عبر نظام "حكم الفيديو المساعد" في المباراة.'),
    # an inviting verb whose goal is an event invites, it reports nothing
    ("invitation-meeting", "ودعا الرئيس أعضاء الحكومة إلى اجتماع طارئ مساء الأحد."),
    ("invitation-after-aside", "ودعت الجامعة، في خطوة غير مألوفة، طلابها القدامى إلى حفل."),
    ("invitation-glued-visit", "ودعا الملك نظيره الإسباني لزيارة المملكة الصيف المقبل."),
    # after a word that governs a noun, a verb form is a verbal noun
    ("verb-form-after-despite", "وانطلقت المحاكمة رغم رفض الرئيس السابق الاعتراف بها."),
    ("verb-form-after-following", "وهدأت الأسواق عقب نفي الشركة بيع أسهمها للمستثمرين."),
    # a verbal noun's genitive is its author; an indefinite adjective is not one
    ("masdar-with-adjective", "وصدر تحذير شديد اللهجة من العاصفة المقبلة."),
    # «قبل أن …» opens a clause of time, whatever verb came before it
    ("temporal-complementizer", "وتتراوح العقوبات بين الغرامة والسجن قبل أن تصل إلى الإعدام."),
    # «بحسب تعبيره» qualifies a statement made elsewhere; it names no source
    ("attribution-aside-pronoun",
     "وارتفعت الأسعار كثيرا، بحسب تعبيره، خلال الشهر الماضي في كل المحافظات."),
]


@pytest.mark.parametrize("body", [b for _, b in NOT_STATEMENTS],
                         ids=[i for i, _ in NOT_STATEMENTS])
def test_not_a_statement(quotes_of, body):
    assert quotes_of(body) == []


def test_unbalanced_mark_does_not_swallow_the_article(quotes_of):
    body = ('قال الوزير: "سنبدأ التنفيذ غدا.\n\n'
            "وفي شأن آخر، افتتحت البلدية حديقة جديدة في الحي الغربي.\n\n"
            "وقالت الشركة إن أرباحها ارتفعت هذا العام.")
    got = quotes_of(body)
    assert all("حديقة" not in q["content"]["text"] for q in got)
    assert any(q["content"]["text"] == "أرباحها ارتفعت هذا العام" for q in got)


def test_quotation_over_paragraphs_stays_in_its_paragraph(quotes_of):
    body = 'وقال المدير: "العمل مستمر\n\nوأكدت النقابة أن الإضراب انتهى.'
    got = quotes_of(body)
    assert [q["content"]["text"] for q in got if q["cue"]["text"] == "وأكدت"] == \
        ["الإضراب انتهى"]


def test_quoted_names_inside_a_statement_stay_inside_it(quotes_of):
    (q,) = quotes_of('وقال الوزير إن صحيفة "الأيام" نشرت معلومات غير دقيقة.')
    assert q["kind"] == "indirect"
    assert q["content"]["text"] == 'صحيفة "الأيام" نشرت معلومات غير دقيقة'


def test_embedded_verb_of_a_relative_clause_is_not_a_new_statement(quotes_of):
    (q,) = quotes_of("وأكد الوزير أن القرار الذي قال إنه نهائي سيطبق.")
    assert q["content"]["text"] == "القرار الذي قال إنه نهائي سيطبق"


def test_masdar_inside_a_statement_stays_inside_it(quotes_of):
    (q,) = quotes_of("وقال الوزير إن إعلان المحكمة عن قرارها تأخر كثيرا.")
    assert q["cue"]["text"] == "وقال"
    assert q["content"]["text"] == "إعلان المحكمة عن قرارها تأخر كثيرا"


def test_quotation_continued_in_the_next_paragraph_is_one_statement(quotes_of):
    body = ('وقال المدير: "العمل مستمر في كل الأقسام.\n\n'
            '"ولن نتوقف قبل نهاية المشروع".\n\n'
            "وافتتحت البلدية حديقة جديدة.")
    (q,) = quotes_of(body)
    assert q["kind"] == "direct"
    assert q["content"]["text"].startswith("العمل مستمر")
    assert q["content"]["text"].endswith("نهاية المشروع")
