"""Constructions met on outlets the rules were never tuned on (issue 12): a speech noun
whose pronoun the cue points back at, a preposition that looks like a cue between the
speaker and the content, a quotation that closes the sentence after asides. The
sentences are written for these tests."""
from __future__ import annotations

import pytest
from quotes_helpers import assert_statements

# (id, body, expected statements: kind, speaker, cue, medium, content)
ROWS = [
    ("speech-noun-adjacent",
     "ثم ألقى مدير المركز سليم حداد كلمة أكد فيها حرص الإدارة على دعم الطلاب.",
     [("indirect", "مدير المركز سليم حداد", "أكد", None, "حرص الإدارة على دعم الطلاب")]),
    ("speech-noun-colon",
     "وألقى المحافظ كلمة قال فيها: نحن فخورون بما أنجزه الشباب هذا العام.",
     [("indirect", "المحافظ", "قال", None, "نحن فخورون بما أنجزه الشباب هذا العام")]),
    ("speech-noun-with-aside",
     "وألقى الرئيس كلمة (مسجلة) أمام الحضور قال فيها: تابعت المشروع منذ بدايته.",
     [("indirect", "الرئيس", "قال", None, "تابعت المشروع منذ بدايته")]),
    ("speech-noun-appeal",
     "ووجه رئيس الجمعية نداء عاجلا دعا فيه إلى التبرع بالدم.",
     [("indirect", "رئيس الجمعية", "دعا", None, "التبرع بالدم")]),
    ("preposition-homograph-aside",
     "وقال قائد ميداني عبر الهاتف إن الطريق أغلق بالكامل.",
     [("indirect", "قائد ميداني", "وقال", None, "الطريق أغلق بالكامل")]),
    ("closing-quotation-after-asides",
     'وقال المسؤول في رسالة أرسلت إلى الصحفيين عبر البريد "لن نقبل بأي تأجيل للانتخابات".',
     [("direct", "المسؤول", "وقال", "في رسالة", "لن نقبل بأي تأجيل للانتخابات")]),
    ("audience-ends-speaker",
     "وقال المتحدث باسم البلدية للصحفيين إن الأشغال ستنتهي قريبا.",
     [("indirect", "المتحدث باسم البلدية", "وقال", None, "الأشغال ستنتهي قريبا")]),
    ("quoted-outlet-after-medium-phrase",
     'وقال النقيب فارس الحلبي، في تصريحات إلى "المساء"، إن الحدود مغلقة منذ الصباح.',
     [("indirect", "فارس الحلبي", "وقال", "المساء", "الحدود مغلقة منذ الصباح")]),
    ("quoted-outlet-after-medium-phrase-no-commas",
     'وقال النقيب فارس الحلبي في حديث إلى "المساء" إن الحدود مغلقة منذ الصباح.',
     [("indirect", "فارس الحلبي", "وقال", "المساء", "الحدود مغلقة منذ الصباح")]),
    ("fronted-topic-continues-speaker",
     "وقال الحارس إن الفريق جاهز. وعن غيابه عن المباراة أكد أن زملاءه قادرون على الفوز.",
     [("indirect", "الحارس", "وقال", None, "الفريق جاهز"),
      ("indirect", "الحارس", "أكد", None, "زملاءه قادرون على الفوز")]),
    ("fronted-topic-direct",
     'وقال المدرب إن التحضير جيد. وحول المباراة المقبلة قال: "سنلعب من أجل الفوز فقط".',
     [("indirect", "المدرب", "وقال", None, "التحضير جيد"),
      ("direct", "المدرب", "قال", None, "سنلعب من أجل الفوز فقط")]),
    ("fronted-topic-relative-is-not",
     "وقال الشرطي إن التحقيق مستمر. وعن الشاحنة التي قال إنها مسروقة فقد أعيدت لصاحبها.",
     [("indirect", "الشرطي", "وقال", None, "التحقيق مستمر")]),
    ("group-of-figures-warns",
     "وحذرت شخصيات بارزة في النقابة من رفع أسعار الوقود.",
     [("indirect", "شخصيات بارزة في النقابة", "وحذرت", None, "رفع أسعار الوقود")]),
    ("agree-that",
     "وأجمع المشاركون على أن الحوار هو الطريق الوحيد.",
     [("indirect", "المشاركون", "وأجمع", None, "الحوار هو الطريق الوحيد")]),
    ("title-charge-before-complementizer",
     "وبيّن المشرف على المهرجان أن العروض ستستمر أسبوعا.",
     [("indirect", "المشرف على المهرجان", "وبيّن", None, "العروض ستستمر أسبوعا")]),
    ("title-charge-before-preposition",
     "وأشار المسؤول عن المشروع إلى أن التمويل تأخر.",
     [("indirect", "المسؤول عن المشروع", "وأشار", None, "التمويل تأخر")]),
    ("title-charge-then-name",
     "وأوضح المسؤول عن الملف رامي الزين، أن المفاوضات متعثرة.",
     [("indirect", "رامي الزين", "وأوضح", None, "المفاوضات متعثرة")]),
    ("place-of-speech-is-no-charge",
     "وأكد الوزير في المؤتمر الصحفي أن الحكومة مستمرة.",
     [("indirect", "الوزير", "وأكد", "في المؤتمر الصحفي", "الحكومة مستمرة")]),
    ("verb-preposition-is-no-charge",
     "وأكد الوزير على الالتزام بالاتفاق.",
     [("indirect", "الوزير", "وأكد", None, "الالتزام بالاتفاق")]),
    ("occasion-aside",
     "وأشاد الرئيس في هذه المناسبة بدور المتطوعين.",
     [("indirect", "الرئيس", "وأشاد", None, "بدور المتطوعين")]),
    ("quoted-complement-clause",
     "وذكرت المهندسة «إن أعمال الطريق ستنتهي قبل الشتاء».",
     [("direct", "المهندسة", "وذكرت", None, "إن أعمال الطريق ستنتهي قبل الشتاء")]),
    ("sentence-opening-participle",
     "وقال النائب إن الميزانية متأخرة. مطالبا الحكومة بالإسراع في إحالتها إلى البرلمان.",
     [("indirect", "النائب", "وقال", None, "الميزانية متأخرة"),
      ("indirect", "النائب", "مطالبا", None, "الحكومة بالإسراع في إحالتها إلى البرلمان")]),
    ("sentence-opening-participle-quoted-outlet",
     'وقال الضابط إن الوضع هادئ. مؤكدا في تصريح إلى "المساء" فرار عدد من المسلحين.',
     [("indirect", "الضابط", "وقال", None, "الوضع هادئ"),
      ("indirect", "الضابط", "مؤكدا", "المساء", "فرار عدد من المسلحين")]),
    ("between-verb-with-complementizer",
     "وبين المدير أن الجناح الثاني خاص بالتاريخ والتراث.",
     [("indirect", "المدير", "وبين", None, "الجناح الثاني خاص بالتاريخ والتراث")]),
    ("attribution-to-a-body",
     "وقتل خمسة أشخاص في الانفجار، وفقا لوزارة الصحة.",
     [("indirect", "وزارة الصحة", "وفقا", None, "وقتل خمسة أشخاص في الانفجار")]),
    ("closing-quotation-after-addressee",
     "وقال المدرب للصحفيين بعد التدريب «لعبنا جيدا وسنفوز في المباراة المقبلة».",
     [("direct", "المدرب", "وقال", None, "لعبنا جيدا وسنفوز في المباراة المقبلة")]),
]

# sentences that state nothing
NONE_ROWS = [
    ("event-noun-relative", "وحضر الوزير حفلا أقيم فيه معرض للصور."),
    ("homograph-verb-crossed", "وعبر القطار الجسر الجديد أمس."),
    ("agree-on-a-choice", "وأجمعت اللجنة على اختيار المرشح الأصغر سنا."),
    ("gather-is-no-agree", "وتجمع المتظاهرون على الرصيف أمام الوزارة."),
    ("masdar-opening-sentence", "مطالبة البلدية بالتعويض أمر مشروع."),
    ("pairing-preposition-between", "ويقرب المعرض بين المدن والقرى حتى إن اختلفت عاداتها."),
    ("pairing-preposition-idiom", "وصاروا خبراء بين عشية وضحاها أن يتحدثوا في كل شيء."),
    ("measure-is-no-source", "ويختلف السعر كثيرا وفقا للسلالة والعمر واللون."),
    ("rule-is-no-source", "وتضم الدائرة الثانية وفقا للتعديلات أحياء الشمال كلها."),
    ("mention-is-no-quote", 'وذكرت الصحيفة اسم الفيلم "الطريق الطويل" في عددها.'),
    ("speech-noun-without-pronoun", "وألقى المدير كلمة قصيرة ثم غادر القاعة."),
]


@pytest.mark.parametrize("body,expected", [r[1:] for r in ROWS], ids=[r[0] for r in ROWS])
def test_unseen_outlet_constructions(quotes_of, body, expected):
    assert_statements(quotes_of(body), expected)


@pytest.mark.parametrize("body", [r[1] for r in NONE_ROWS], ids=[r[0] for r in NONE_ROWS])
def test_no_statement(quotes_of, body):
    assert quotes_of(body) == []
