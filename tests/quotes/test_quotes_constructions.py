"""One row per construction of reported speech: the statement found, its boundaries, its
speaker, cue and medium. The sentences are written for these tests."""
from __future__ import annotations

import pytest

# (id, body, expected statements: kind, speaker, cue, medium, content)
# speaker/medium: a phrase the speaker's text or canonical name must equal (None: absent)
ROWS = [
    ("colon-direct",
     'وقال وزير المالية سامي الخطيب: "سنخفض الضرائب على الشركات الصغيرة".',
     [("direct", "سامي الخطيب", "وقال", None, "سنخفض الضرائب على الشركات الصغيرة")]),
    ("inna-indirect",
     "قال رئيس البلدية إن أعمال الصيانة ستنتهي قبل الصيف.",
     [("indirect", "رئيس البلدية", "قال", None, "أعمال الصيانة ستنتهي قبل الصيف")]),
    ("anna-indirect",
     "وأكدت الوزارة أن المدارس ستفتح أبوابها في الموعد.",
     [("indirect", "الوزارة", "وأكدت", None, "المدارس ستفتح أبوابها في الموعد")]),
    ("inna-then-quote-direct",
     'وقال المتحدث باسم الشرطة إن "التحقيق ما زال في بدايته".',
     [("direct", "المتحدث باسم الشرطة", "وقال", None, "التحقيق ما زال في بدايته")]),
    ("apposition-title-name",
     "وأشار المدير التنفيذي للشركة، ليلى حداد، إلى أن الأرباح تضاعفت هذا العام.",
     [("indirect", "ليلى حداد", "وأشار", None, "الأرباح تضاعفت هذا العام")]),
    ("object-then-participle",
     "وأعلن الاتحاد تأجيل المباراة، مشيرا إلى أن الملعب غير جاهز.",
     [("indirect", "الاتحاد", "وأعلن", None, "تأجيل المباراة"),
      ("indirect", "الاتحاد", "مشيرا", None, "الملعب غير جاهز")]),
    ("warn-min",
     "وحذرت منظمة الصحة من انتشار الوباء في المخيمات.",
     [("indirect", "منظمة الصحة", "وحذرت", None, "انتشار الوباء في المخيمات")]),
    ("demand-ila",
     "ودعا البرلمان إلى عقد جلسة طارئة لبحث الأزمة.",
     [("indirect", "البرلمان", "ودعا", None, "عقد جلسة طارئة لبحث الأزمة")]),
    ("acknowledge-bi",
     "وأقرت الشركة بوجود خلل في أنظمتها الإلكترونية.",
     [("indirect", "الشركة", "وأقرت", None, "بوجود خلل في أنظمتها الإلكترونية")]),
    ("reveal-an",
     "وكشف المدير عن خطة لتوسيع المصنع خلال عامين.",
     [("indirect", "المدير", "وكشف", None, "خطة لتوسيع المصنع خلال عامين")]),
    ("imperfect-opine",
     "ويرى الخبير الاقتصادي مازن فرح أن الأسعار ستواصل الارتفاع.",
     [("indirect", "مازن فرح", "ويرى", None, "الأسعار ستواصل الارتفاع")]),
    ("time-aside-before-anna",
     "وأعلن وزير النقل كمال ناصر اليوم الأحد أن الطريق سيفتح قريبا.",
     [("indirect", "كمال ناصر", "وأعلن", None, "الطريق سيفتح قريبا")]),
    ("split-quote",
     '"لن نتراجع عن قرارنا"، قال النائب كريم سالم، "مهما كانت الضغوط علينا".',
     [("direct", "كريم سالم", "قال", None, "لن نتراجع عن قرارنا"),
      ("direct", "كريم سالم", "قال", None, "مهما كانت الضغوط علينا")]),
    ("quote-before-cue",
     '"الوضع مستقر تماما في الشمال"، قال قائد الشرطة.',
     [("direct", "قائد الشرطة", "قال", None, "الوضع مستقر تماما في الشمال")]),
    ("multi-sentence-quote",
     'وقالت الناطقة باسم الحكومة: "الوضع تحت السيطرة. لا داعي للقلق. سنواصل العمل".',
     [("direct", "الناطقة باسم الحكومة", "وقالت", None,
       "الوضع تحت السيطرة. لا داعي للقلق. سنواصل العمل")]),
    ("guillemets",
     "وقال المدرب: «اللاعبون قدموا كل ما لديهم».",
     [("direct", "المدرب", "وقال", None, "اللاعبون قدموا كل ما لديهم")]),
    ("mixed-quote-inside-indirect",
     'وقال الوزير إن "الخطة الجديدة" ستطبق في كل المحافظات دون استثناء.',
     [("indirect", "الوزير", "وقال", None,
       '"الخطة الجديدة" ستطبق في كل المحافظات دون استثناء')]),
    ("anonymous-source",
     "وقال مسؤولون فرنسيون إن المفاوضات متعثرة منذ أسابيع.",
     [("indirect", "مسؤولون فرنسيون", "وقال", None, "المفاوضات متعثرة منذ أسابيع")]),
    ("medium-addressee-kind",
     'وقال الوزير لصحيفة "الأيام" إن الميزانية ستعرض قريبا.',
     [("indirect", "الوزير", "وقال", "الأيام", "الميزانية ستعرض قريبا")]),
    ("medium-addressee-glued",
     "وقال الناطق باسم الدفاع المدني للأناضول إن فرق الإنقاذ ما زالت تعمل.",
     [("indirect", "الناطق باسم الدفاع المدني", "وقال", "الأناضول",
       "فرق الإنقاذ ما زالت تعمل")]),
    ("medium-interview",
     "وقال الرئيس في مقابلة مع قناة الجزيرة إن الانتخابات ستجري في موعدها.",
     [("indirect", "الرئيس", "وقال", "قناة الجزيرة", "الانتخابات ستجري في موعدها")]),
    ("medium-tweet",
     "وكتب السفير في تغريدة على تويتر أن العلاقات بين البلدين ممتازة.",
     [("indirect", "السفير", "وكتب", "تويتر", "العلاقات بين البلدين ممتازة")]),
    ("medium-before-cue",
     "وفي مقابلة مع رويترز، أوضح المحافظ أن السيولة متوفرة.",
     [("indirect", "المحافظ", "أوضح", "رويترز", "السيولة متوفرة")]),
    ("reporter-chain",
     "ونقلت وكالة رويترز عن مصادر مطلعة أن المحادثات ستستأنف الأسبوع المقبل.",
     [("indirect", "مصادر مطلعة", "ونقلت", "وكالة رويترز",
       "المحادثات ستستأنف الأسبوع المقبل")]),
    ("quoted-outlet-as-speaker",
     'وذكرت "الأيام" أن الحكومة ستستقيل خلال أيام.',
     [("indirect", "الأيام", "وذكرت", None, "الحكومة ستستقيل خلال أيام")]),
    ("attribution-after",
     "وارتفع عدد الجرحى إلى عشرين شخصا، بحسب مصادر طبية.",
     [("indirect", "مصادر طبية", "بحسب", None, "وارتفع عدد الجرحى إلى عشرين شخصا")]),
    ("attribution-before",
     "ووفقا لوزارة الزراعة، تراجع إنتاج القمح بنسبة كبيرة.",
     [("indirect", "وزارة الزراعة", "ووفقا", None, "تراجع إنتاج القمح بنسبة كبيرة")]),
    ("content-ends-at-aside",
     "وقال الوزير إن المشروع سيكتمل، وذلك خلال زيارته للموقع.",
     [("indirect", "الوزير", "وقال", None, "المشروع سيكتمل")]),
    ("two-statements-one-sentence",
     "وأكد المدير أن الإنتاج ارتفع، وأضاف أن الصادرات تضاعفت.",
     [("indirect", "المدير", "وأكد", None, "الإنتاج ارتفع"),
      ("indirect", "المدير", "وأضاف", None, "الصادرات تضاعفت")]),
    ("colon-then-inna",
     "وقال المحافظ: إن الطرق ستفتح صباح الغد.",
     [("indirect", "المحافظ", "وقال", None, "الطرق ستفتح صباح الغد")]),
    ("auxiliary-subject-first",
     "وكان الوزير سامي الخطيب، رئيس الوفد، قد أكد أن المحادثات ناجحة.",
     [("indirect", "سامي الخطيب", "أكد", None, "المحادثات ناجحة")]),
    ("relative-clause-before-quote",
     'وأضاف المراقب الذي كان قد زار المدينة، "الوضع أفضل بكثير من العام الماضي".',
     [("direct", "المراقب", "وأضاف", None, "الوضع أفضل بكثير من العام الماضي")]),
    ("dash-aside",
     "ودعت الخارجية -في بيان- إلى وقف التصعيد فورا.",
     [("indirect", "الخارجية", "ودعت", "في بيان", "وقف التصعيد فورا")]),
    ("statement-form-medium",
     'وقال المتحدث باسم الجيش في بيان "القوات أنهت مهمتها بنجاح".',
     [("direct", "المتحدث باسم الجيش", "وقال", "في بيان", "القوات أنهت مهمتها بنجاح")]),
    ("outlet-before-cue-beats-form",
     'ووفقا لوكالة الأنباء الأردنية، قال الوزير في مؤتمر صحفي إن الحدود ستفتح.',
     [("indirect", "الوزير", "قال", "وكالة الأنباء الأردنية", "الحدود ستفتح")]),
    ("appositive-title-after-name",
     "وأكد خالد المصري وزير الطاقة الأردني أن الأسعار لن ترتفع.",
     [("indirect", "خالد المصري", "وأكد", None, "الأسعار لن ترتفع")]),
    ("construct-title-chain",
     "وأعرب رئيس مجلس إدارة الشركة فادي نصار عن تفاؤله بالنتائج.",
     [("indirect", "فادي نصار", "وأعرب", None, "تفاؤله بالنتائج")]),
    ("masdar-with-author",
     "وتصاعد التوتر مع إعلان الجيش عن إسقاط طائرة مسيرة قرب الحدود.",
     [("indirect", "الجيش", "إعلان", None, "إسقاط طائرة مسيرة قرب الحدود")]),
    ("topic-then-verb",
     "أما الوزير سامي الخطيب فقال إن الاتفاق سيوقع قريبا.",
     [("indirect", "سامي الخطيب", "فقال", None, "الاتفاق سيوقع قريبا")]),
    ("stacked-titles",
     "وأكد الخبير في شؤون الطاقة الدكتور مازن فرح أن الأسعار ستنخفض.",
     [("indirect", "مازن فرح", "وأكد", None, "الأسعار ستنخفض")]),
    ("resumed-after-illa-annaha",
     "وأشارت الهيئة إلى أن الانتخابات جرت بهدوء، إلا أنها حذرت من ضعف المشاركة.",
     [("indirect", "الهيئة", "وأشارت", None, "الانتخابات جرت بهدوء"),
      ("indirect", "الهيئة", "حذرت", None, "ضعف المشاركة")]),
    ("medium-between-verb-and-subject",
     'وكشف لـ"الأيام" مصدر مطلع أن المفاوضات توقفت.',
     [("indirect", "مصدر مطلع", "وكشف", "الأيام", "المفاوضات توقفت")]),
    ("statement-noun-speaks-for-its-author",
     "وأعلنت النقابة أن الإضراب مستمر. وأضاف البيان أن المفاوضات متوقفة.",
     [("indirect", "النقابة", "وأعلنت", None, "الإضراب مستمر"),
      ("indirect", "النقابة", "وأضاف", None, "المفاوضات متوقفة")]),
    ("kunya-after-title",
     "وقال الناطق باسم الفصيل أبو حمزة إن الهدنة انتهت.",
     [("indirect", "أبو حمزة", "وقال", None, "الهدنة انتهت")]),
    ("object-after-channel-aside",
     "وأكد سامي فرح، في تغريدة على منصة إكس، رفضه القاطع للقرار.",
     [("indirect", "سامي فرح", "وأكد", "إكس", "رفضه القاطع للقرار")]),
    ("foreign-name-ending-with-ba-word",
     "ورأت المفوضة الأوروبية، كارلا بيرنار، أن الاتفاق متوازن.",
     [("indirect", "كارلا بيرنار", "ورأت", None, "الاتفاق متوازن")]),
    ("definite-link-takes-its-object",
     "وقالت المقررة المعنية بحقوق الطفل، منى الساعدي، إن المدارس مدمرة.",
     [("indirect", "منى الساعدي", "وقالت", None, "المدارس مدمرة")]),
    ("adverb-is-not-a-subject",
     'وأضاف الوزير أن الطريق مغلق. وقال لاحقا "سنفتحه غدا".',
     [("indirect", "الوزير", "وأضاف", None, "الطريق مغلق"),
      ("direct", "الوزير", "وقال", None, "سنفتحه غدا")]),
    ("attribution-source-with-trailing-words",
     "ووفقا للمذكرة المرفقة بالقرار، فإن الرسوم الجامعية سترتفع.",
     [("indirect", "مذكرة المرفقة", "ووفقا", None, "الرسوم الجامعية سترتفع")]),
    ("honorific-before-title",
     "وأكد سمو أمير الإمارة أن الحوار هو السبيل الوحيد.",
     [("indirect", "سمو أمير الإمارة", "وأكد", None, "الحوار هو السبيل الوحيد")]),
    ("dashed-time-aside-before-preposition",
     "ونددت وزيرة الخارجية رنا فارس -مساء الأحد- بشدة بالاعتداء على القافلة.",
     [("indirect", "رنا فارس", "ونددت", None, "بالاعتداء على القافلة")]),
    ("quantified-group-subject",
     "وطالب عدد من الأهالي بإعادة فتح المدرسة.",
     [("indirect", "عدد من الأهالي", "وطالب", None, "بإعادة فتح المدرسة")]),
    ("construct-title-with-quoted-outlet",
     'وأفاد مراسل "إذاعة الشمال" بأن الطريق أغلق بالكامل.',
     [("indirect", 'مراسل "إذاعة الشمال"', "وأفاد", None, "الطريق أغلق بالكامل")]),
    ("link-to-a-possessed-noun-is-no-title",
     "وقالت الجمعية في صفحتها إن التبرعات تضاعفت.",
     [("indirect", "الجمعية", "وقالت", None, "التبرعات تضاعفت")]),
    ("reporter-then-source-qawluhu",
     "ونقلت الإذاعة عن مسؤول في الميناء قوله إن السفينة رست بسلام.",
     [("indirect", "مسؤول في الميناء", "ونقلت", "الإذاعة", "السفينة رست بسلام")]),
    ("title-with-glued-body",
     "وصرح المتحدث الإعلامي بوزارة النقل أن الرحلات ستستأنف.",
     [("indirect", "المتحدث الإعلامي بوزارة النقل", "وصرح", None, "الرحلات ستستأنف")]),
    ("group-with-possessed-statement-noun",
     "وقال القادة في بيانهم إن التعاون سيستمر.",
     [("indirect", "القادة", "وقال", None, "التعاون سيستمر")]),
    ("demonstrative-subject",
     "وقد دعت هذه المبادرة الأهلية إلى تنظيف الشواطئ.",
     [("indirect", "هذه المبادرة الأهلية", "دعت", None, "تنظيف الشواطئ")]),
    ("particle-after-comma-starts-a-statement",
     "وأشار الوزير إلى نجاح الموسم، كما شدد المدير على ضرورة دعم المزارعين.",
     [("indirect", "الوزير", "وأشار", None, "نجاح الموسم"),
      ("indirect", "المدير", "شدد", None, "ضرورة دعم المزارعين")]),
    ("title-with-glued-region",
     "وأكد مدير الشؤون الصحية بمنطقة الساحل سامي حداد أن المستشفى جاهز.",
     [("indirect", "سامي حداد", "وأكد", None, "المستشفى جاهز")]),
    ("addressee-is-not-a-subject",
     "وقال الوزير إن الطريق مغلق. وقال للصحفيين إن الإصلاح سيستغرق أسبوعا.",
     [("indirect", "الوزير", "وقال", None, "الطريق مغلق"),
      ("indirect", "الوزير", "وقال", None, "الإصلاح سيستغرق أسبوعا")]),
    ("manner-bil-qawl",
     'وختم المدرب بالقول: "سنعود أقوى في الموسم المقبل".',
     [("direct", "المدرب", "وختم", None, "سنعود أقوى في الموسم المقبل")]),
]


@pytest.mark.parametrize("body,expected", [r[1:] for r in ROWS], ids=[r[0] for r in ROWS])
def test_construction(quotes_of, body, expected):
    got = quotes_of(body)
    assert len(got) == len(expected), [q["content"]["text"] for q in got]
    for q, (kind, speaker, cue, medium, content) in zip(got, expected):
        assert q["kind"] == kind
        assert q["content"]["text"] == content
        assert speaker in (q["speaker"]["text"], q["speaker"]["canonical"])
        assert q["cue"]["text"] == cue
        if medium is None:
            assert q["medium"] is None
        else:
            assert q["medium"] is not None and medium in (q["medium"]["text"],
                                                          q["medium"]["canonical"])


@pytest.mark.parametrize("body,speech_class,negated", [
    ("ونفى المتحدث باسم الجيش أن تكون القوات قد دخلت المدينة.", "deny", False),
    ("ولم يؤكد المسؤول أن الاتفاق قد وقع.", "assert", True),
    ("وحذر الخبير من موجة حر جديدة.", "warn", False),
    ("وطالبت النقابة بزيادة الأجور.", "demand", False),
    ("وأعلنت الهيئة أن النتائج ستصدر غدا.", "announce", False),
], ids=["deny", "negated", "warn", "demand", "announce"])
def test_cue_class_and_negation(quotes_of, body, speech_class, negated):
    (q,) = quotes_of(body)
    assert q["cue"]["class"] == speech_class
    assert q["cue"]["negated"] is negated


def test_reporter_chain_names_the_outlet_as_a_hop(quotes_of):
    (q,) = quotes_of("ونقلت وكالة رويترز عن مصادر مطلعة أن المحادثات ستستأنف.")
    assert q["speaker"]["anonymous"] is True
    assert q["medium"]["relation"] == "reporter"
    assert [h["canonical"] for h in q["chain"]] == ["رويترز"]


def test_headline_colon_is_a_direct_statement_without_cue(quotes_of):
    got = quotes_of("وقال الوزير إن الخطة جاهزة.", title="الخطيب: الاقتصاد سيتعافى قريبا")
    head = [q for q in got if q["zone"] == "title"]
    assert len(head) == 1
    assert head[0]["kind"] == "direct" and head[0]["cue"] is None
    assert head[0]["speaker"]["text"] == "الخطيب"
    assert head[0]["content"]["text"] == "الاقتصاد سيتعافى قريبا"


def test_headline_label_before_colon_is_not_a_speaker(quotes_of):
    got = quotes_of("وافتتحت البلدية حديقة جديدة.", title="عاجل: انقطاع الكهرباء في العاصمة")
    assert got == []


@pytest.mark.parametrize("label", ["ريبورتاج", "بالأرقام", "استطلاع"])
def test_more_headline_labels_are_not_speakers(quotes_of, label):
    got = quotes_of("وافتتحت البلدية حديقة جديدة.", title=f"{label}: المدينة تستعيد زوارها")
    assert got == []


def test_headline_subject_whose_word_starts_with_waw(quotes_of):
    # «وزراء» is one word, not «و» + «زراء» coordinating a second subject
    got = quotes_of("وافتتحت البلدية حديقة جديدة.", title="رئيس وزراء البلاد يدعو إلى الحوار")
    (q,) = got
    assert q["speaker"]["text"] == "رئيس وزراء البلاد"


def test_headline_subject_before_verb(quotes_of):
    got = quotes_of("وافتتحت البلدية حديقة جديدة.", title="النقابة تطالب بزيادة الأجور")
    (q,) = got
    assert q["speaker"]["text"] == "النقابة"
    assert q["content"]["text"] == "بزيادة الأجور"


def test_time_comes_from_a_timex_before_the_content(quotes_of):
    (q,) = quotes_of("وقال الوزير في نيسان الماضي إن الخطة جاهزة.",
                     timexes=[("نيسان الماضي", "DATE", {"value": "2021-04"})])
    assert q["time"] == "2021-04"
