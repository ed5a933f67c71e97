"""Issue 12 mechanisms, one row each: collective sources before a preposition, objects
after an aside, verbs coordinated inside a noun-phrase content, and media phrases that
stand inside a quotation. The sentences are written for these tests."""
from __future__ import annotations

import pytest
from quotes_helpers import assert_statement

# (id, body, expected statements: kind, speaker, cue, medium, content)
ROWS = [
    # «إلى» folds to «الي», which looks like a word with the article: it must not join
    # a definite source noun as its adjective
    ("definite-sources-before-ila",
     "ونوهت المصادر إلى أن التحقيق مستمر حتى الآن.",
     [("indirect", "المصادر", "ونوهت", None, "التحقيق مستمر حتى الآن")]),
    ("definite-official-before-ila",
     "وأشار المسؤول إلى أن الجسر سيفتح الشهر المقبل.",
     [("indirect", "المسؤول", "وأشار", None, "الجسر سيفتح الشهر المقبل")]),
    ("definite-plural-before-ila",
     "ولفت الشهود إلى أن الحريق بدأ في الطابق الأول.",
     [("indirect", "الشهود", "ولفت", None, "الحريق بدأ في الطابق الأول")]),
    ("new-cue-with-sources-ends-the-first-content",
     "وذكرت مصادر في الشرطة أنهم أوقفوا ثلاثة مشتبهين، ونوهت المصادر إلى أن "
     "التحقيق مستمر.",
     [("indirect", "مصادر في الشرطة", "وذكرت", None, "أوقفوا ثلاثة مشتبهين"),
      ("indirect", "المصادر", "ونوهت", None, "التحقيق مستمر")]),
    # the object noun of a blaming verb is looked for after the asides
    ("blame-object-after-medium-aside",
     "وحمّلت وزارة الخارجية، في بيان اليوم، الشركة مسؤولية التأخير.",
     [("indirect", "وزارة الخارجية", "وحمّلت", "في بيان", "الشركة مسؤولية التأخير")]),
    ("blame-object-after-two-asides",
     "وحمل الوزير، في تصريح صحفي، المقاول المسؤولية الكاملة عن انهيار الجسر.",
     [("indirect", "الوزير", "وحمل", "في تصريح صحفي",
       "المقاول المسؤولية الكاملة عن انهيار الجسر")]),
    # a verb joined by «و» inside a noun-phrase content coordinates with the first verb
    ("coordinated-verb-after-prepositional-content",
     "ونددت الحكومة بإغلاق المعبر وأكدت دعمها للسكان المحاصرين.",
     [("indirect", "الحكومة", "ونددت", None, "بإغلاق المعبر"),
      ("indirect", "الحكومة", "وأكدت", None, "دعمها للسكان المحاصرين")]),
    ("coordinated-verb-after-object-content",
     "وأعلنت إدارة النادي تعاقدها مع المدرب وأكدت ثقتها في قدرة الفريق على المنافسة.",
     [("indirect", "إدارة النادي", "وأعلنت", None, "تعاقدها مع المدرب"),
      ("indirect", "إدارة النادي", "وأكدت", None, "ثقتها في قدرة الفريق على المنافسة")]),
    # inside a clause opened by «أن» the verb may have the clause's own subject: one
    ("verb-inside-a-complement-clause-stays",
     "وقال الوزير إن الشركة أنهت المشروع وأكدت جاهزيته.",
     [("indirect", "الوزير", "وقال", None, "الشركة أنهت المشروع وأكدت جاهزيته")]),
    # a connective of several words after a comma opens a clause with a statement of its own
    ("connective-fi-hin-opens-a-statement",
     "وحذرت دول عربية من عواقب التصعيد، وفي حين قال المبعوث الأممي إن الحل سياسي، "
     "أعلنت دول أخرى دعمها للحكومة.",
     [("indirect", "دول عربية", "وحذرت", None, "عواقب التصعيد"),
      ("indirect", "المبعوث الأممي", "قال", None, "الحل سياسي"),
      ("indirect", "دول أخرى", "أعلنت", None, "دعمها للحكومة")]),
    ("connective-without-conjunction",
     "وطالب النواب بفتح تحقيق، في حين قال الوزير إن التحقيق بدأ.",
     [("indirect", "النواب", "وطالب", None, "بفتح تحقيق"),
      ("indirect", "الوزير", "قال", None, "التحقيق بدأ")]),
    # a list of statement nouns, each with its author
    ("list-of-masdar-statements",
     "وجاء ذلك مع إعلان الجيش عن إسقاط طائرة مسيرة فوق البحر، ثم إعلان الشرطة أيضا عن "
     "اعتقال مشتبه به.",
     [("indirect", "الجيش", "إعلان", None, "إسقاط طائرة مسيرة فوق البحر"),
      ("indirect", "الشرطة", "إعلان", None, "اعتقال مشتبه به")]),
    ("masdar-inside-a-statement-stays",
     "وحذر الوزير من أخطاء في إعلان اللجنة عن النتائج.",
     [("indirect", "الوزير", "وحذر", None, "أخطاء في إعلان اللجنة عن النتائج")]),
    # verb, short object, then the subject: a person named in full closing the clause
    ("subject-after-prepositional-object",
     "وأعلن عن العملية القائد محمد صالح.",
     [("indirect", "محمد صالح", "وأعلن", None, "العملية")]),
    ("titled-subject-after-object",
     "وأكد على ضرورة الحوار وزير الخارجية خالد سالم.",
     [("indirect", "خالد سالم", "وأكد", None, "ضرورة الحوار")]),
    ("genitive-title-is-no-late-subject",
     "وأكد على ضرورة دعم رئيس الحكومة سامي خالد.",
     [("indirect", None, "وأكد", None, "ضرورة دعم رئيس الحكومة سامي خالد")]),
    # a verb form after a preposition is a verbal noun («إلى نفي»), and a demonstrative
    # after a statement noun is what it acts on, not its author
    ("verbal-noun-after-preposition-is-no-verb",
     'وسارعت الحكومة إلى نفي هذه الأنباء على لسان وزير الإعلام سامي خالد الذي تحدث عن '
     'حملة منظمة، وقال: "هذه أكاذيب".',
     [("indirect", "سامي خالد", "تحدث", None, "حملة منظمة"),
      ("direct", "سامي خالد", "وقال", None, "هذه أكاذيب")]),
    ("spoke-about",
     "وتحدث الوزير عن خطة لإصلاح الطرق.",
     [("indirect", "الوزير", "وتحدث", None, "خطة لإصلاح الطرق")]),
    ("spokesman-is-no-cue",
     "وقال المتحدث باسم الجيش إن الوضع هادئ.",
     [("indirect", "المتحدث باسم الجيش", "وقال", None, "الوضع هادئ")]),
    # a definite oblique plural cannot qualify a feminine singular head: the object starts
    ("oblique-plural-after-feminine-head-is-the-object",
     "واتهمت الحكومة الأوكرانية الانفصاليين الموالين لجارتها باستهداف مواقعها.",
     [("indirect", "الحكومة الأوكرانية", "واتهمت", None,
       "الانفصاليين الموالين لجارتها باستهداف مواقعها")]),
    ("oblique-plural-genitive-of-a-construct-head-stays",
     "وقالت نقابة الصحفيين إن الصحفي أفرج عنه.",
     [("indirect", "نقابة الصحفيين", "وقالت", None, "الصحفي أفرج عنه")]),
    # a question or a modal word after the verb opens the content, never a subject
    ("question-word-is-no-subject",
     "وقالت المدربة إن الأطفال يحتاجون الدعم. وأضافت كيف لنا أن نترك هؤلاء الأطفال وحدهم.",
     [("indirect", "المدربة", "وقالت", None, "الأطفال يحتاجون الدعم"),
      ("indirect", "المدربة", "وأضافت", None, "نترك هؤلاء الأطفال وحدهم")]),
    ("modal-word-is-no-subject",
     "وقال الوزير إن الإصلاح بدأ. وقال يجب أن تكون هناك رؤية واضحة.",
     [("indirect", "الوزير", "وقال", None, "الإصلاح بدأ"),
      ("indirect", "الوزير", "وقال", None, "تكون هناك رؤية واضحة")]),
    # a preposition with a pronoun is an aside, and a counted noun is no verb
    ("preposition-with-pronoun-is-no-subject",
     "وقال الزعيم إن الفساد خطر. وتوعد خلاله بمواجهة الفاسدين.",
     [("indirect", "الزعيم", "وقال", None, "الفساد خطر"),
      ("indirect", "الزعيم", "وتوعد", None, "بمواجهة الفاسدين")]),
    ("counted-noun-is-no-cue",
     "وحرم 785 ألف طالب من الدراسة هذا العام.",
     []),
    # people are not named in quotation marks: the quotation after them is what they said
    ("quotation-right-after-a-group",
     'حيث هتف المشاركون "الشعب يريد الإصلاح".',
     [("direct", "المشاركون", "هتف", None, "الشعب يريد الإصلاح")]),
    ("quotation-right-after-officials",
     'وقال المسؤولون "لن نتراجع عن القرار".',
     [("direct", "المسؤولون", "وقال", None, "لن نتراجع عن القرار")]),
    ("quoted-name-after-a-construct-head-stays",
     'وقال تنظيم "الدولة الإسلامية" إنه نفذ الهجوم.',
     [("indirect", 'تنظيم "الدولة الإسلامية"', "وقال", None, "نفذ الهجوم")]),
    # a court rules («قضت بأن»), a verb with other senses without «أن»
    ("court-ruling",
     "وقضت المحكمة العليا بأن القانون غير دستوري.",
     [("indirect", "المحكمة العليا", "وقضت", None, "القانون غير دستوري")]),
    ("spent-is-no-statement",
     "وقضى الجندي ثلاثة أعوام في الأسر.",
     []),
    ("connective-after-ya-dhalik",
     "وأعلن الرئيس أن بلاده ستعترف بالدولة الجديدة، وبعد ذلك أعلنت عشر دول أنها "
     "ستتخذ الخطوة نفسها.",
     [("indirect", "الرئيس", "وأعلن", None, "بلاده ستعترف بالدولة الجديدة"),
      ("indirect", "عشر دول", "أعلنت", None, "ستتخذ الخطوة نفسها")]),
    # the verb of a relative clause: the antecedent speaks, the phrase after it is the object
    ("relative-clause-object",
     "وفي الجلسة تحدث الوزير سامي خالد الذي اتهم المعارضة بالتحريض على العنف.",
     [("indirect", "سامي خالد", "اتهم", None, "المعارضة بالتحريض على العنف")]),
    # attributions: a topic, the phrase between commas, then what the source said
    ("attribution-between-commas-then-answer",
     "أما الهدف البعيد، بحسب الخبير سامي خالد، فهو تربية جيل جديد من المقاتلين.",
     [("indirect", "سامي خالد", "بحسب", None, "تربية جيل جديد من المقاتلين")]),
    ("attribution-between-commas-then-predicate",
     "ومن الإجراءات المتوقعة، وفقا لموقع الأخبار، تجميد التعيينات في الإدارات العامة.",
     [("indirect", "موقع الأخبار", "وفقا", "موقع الأخبار",
       "تجميد التعيينات في الإدارات العامة")]),
    ("attribution-wafq-at-the-end",
     "ولا يبدو أن المعرض نجح، فلا يوجد إقبال من الزوار، وفق الخبير سامي خالد.",
     [("indirect", "سامي خالد", "وفق", None,
       "ولا يبدو أن المعرض نجح، فلا يوجد إقبال من الزوار")]),
    ("attribution-with-its-own-verb",
     "ولم يتقدم الرئيس لإعادة انتخابه، بحسب ما أشار رئيس اللجنة سامي خالد.",
     [("indirect", "سامي خالد", "بحسب ما أشار", None, "ولم يتقدم الرئيس لإعادة انتخابه")]),
    ("attribution-about-a-statement-elsewhere",
     "وارتفعت الأسعار بنسبة كبيرة، بحسب تعبيره.",
     []),
    # an outlet named right after a statement reported it: its medium, not a statement
    ("outlet-closing-a-statement-is-its-medium",
     "وقال الوزير إن الأسعار سترتفع، بحسب وكالة رويترز.",
     [("indirect", "الوزير", "وقال", "وكالة رويترز", "الأسعار سترتفع")]),
    ("coordinated-quotations-with-a-reporting-document",
     'هتف نواب معارضون، "فلترحل الحكومة"، و"يسقط الفساد" و"عاش الوطن"، وفق تسجيل '
     'نشرته وكالة رويترز.',
     [("direct", "نواب معارضون", "هتف", "رويترز",
       'فلترحل الحكومة"، و"يسقط الفساد" و"عاش الوطن')]),
    # «وكالات» only looks like «و» + «ك» + «ال»: a plural noun, the subject
    ("plural-agencies-as-subject",
     "وذكرت وكالات دولية أن الصفقة هي الأضخم في تاريخ الشركة.",
     [("indirect", "وكالات دولية", "وذكرت", None, "الصفقة هي الأضخم في تاريخ الشركة")]),
    # an adverbial between a participle and its preposition is an aside
    ("participle-with-an-adverbial",
     "وأكدت الوزيرة أن الخطة جاهزة، كاشفة في ذات الوقت عن تخصيص ميزانية جديدة.",
     [("indirect", "الوزيرة", "وأكدت", None, "الخطة جاهزة"),
      ("indirect", "الوزيرة", "كاشفة", None, "تخصيص ميزانية جديدة")]),
    # «جدد» states something only with a statement noun as its object
    ("renewed-condemnation",
     "وجددت الوزيرة رفض حكومتها للقرار الأخير.",
     [("indirect", "الوزيرة", "وجددت", None, "رفض حكومتها للقرار الأخير")]),
    ("renewed-contract-is-no-statement",
     "وجدد النادي عقد المدرب لموسمين.",
     []),
    # a statement noun after a glued preposition, its author, then «أن»
    ("masdar-after-glued-preposition",
     "وفوجئ الوزير بإعلان الرئيس بأنه سيلتقي زعيم المعارضة.",
     [("indirect", "الرئيس", "بإعلان", None, "سيلتقي زعيم المعارضة")]),
    ("purpose-masdar-is-no-statement",
     "واجتمع المجلس لإعلان النتائج النهائية.",
     []),
    # a preposition right after a medium phrase introduces the content
    ("preposition-after-a-medium-phrase",
     "وطالب الحزب في بيان بإجراء انتخابات مبكرة.",
     [("indirect", "الحزب", "وطالب", "في بيان", "بإجراء انتخابات مبكرة")]),
    # after a comma, «على ما» / «كما» make a cue with nothing after its subject vouch
    # for the clause before it
    ("trailing-ala-ma-qal",
     "وأجرى الطرفان محادثات جيدة جدا بشأن الاتفاق، على ما قال المبعوث الأممي.",
     [("indirect", "المبعوث الأممي", "قال", None,
       "وأجرى الطرفان محادثات جيدة جدا بشأن الاتفاق")]),
    ("trailing-kama-akkad",
     "وارتفعت الأسعار بنسبة كبيرة خلال الشهر الماضي، كما أكد الوزير.",
     [("indirect", "الوزير", "أكد", None, "وارتفعت الأسعار بنسبة كبيرة خلال الشهر الماضي")]),
    ("kama-with-its-own-content-stays",
     "وقال الوزير إن الأسعار ارتفعت، كما قال إن الرواتب ستزيد.",
     [("indirect", "الوزير", "وقال", None, "الأسعار ارتفعت"),
      ("indirect", "الوزير", "قال", None, "الرواتب ستزيد")]),
    # a noun-phrase content ends where «و» + an imperfect verb opens a clause after a comma
    ("phrase-content-ends-at-a-new-clause",
     "وأعلن الجيش أن المدينة تحت سيطرته، مؤكدا قرب انتهاء العملية، وتتطابق تصريحاته "
     "مع أخرى أطلقها المتحدث.",
     [("indirect", "الجيش", "وأعلن", None, "المدينة تحت سيطرته"),
      ("indirect", "الجيش", "مؤكدا", None, "قرب انتهاء العملية")]),
    ("clause-content-keeps-its-coordinated-clause",
     "وقال الوزير إن المدينة آمنة، وتعمل الأسواق بشكل طبيعي.",
     [("indirect", "الوزير", "وقال", None, "المدينة آمنة، وتعمل الأسواق بشكل طبيعي")]),
    # a statement noun with its authors after a concessive opener is a statement of its own
    ("statement-noun-after-a-concessive",
     "وأعلنت الحكومة أنها ستزيد الإنفاق العسكري على الرغم من تحذير خبراء الاقتصاد من أن "
     "العجز سيتفاقم.",
     [("indirect", "الحكومة", "وأعلنت", None, "ستزيد الإنفاق العسكري"),
      ("indirect", "خبراء الاقتصاد", "تحذير", None, "العجز سيتفاقم")]),
    ("statement-noun-with-two-authors",
     "ومضت الحكومة في خطتها رغم تحذير الوزير سامي خالد والخبراء من أن العجز سيتفاقم.",
     [("indirect", "الوزير سامي خالد والخبراء", "تحذير", None, "العجز سيتفاقم")]),
    # a time aside opened by «و» before a verb starts a statement of the same speaker
    ("time-aside-with-waw-opens-a-statement",
     "وقال فريق الوزير السبت إن الوزير مريض وفي وقت لاحق قال إنه سينهي جولته.",
     [("indirect", "فريق الوزير", "وقال", None, "الوزير مريض"),
      ("indirect", "فريق الوزير", "قال", None, "سينهي جولته")]),
    # a circumstantial aside («وهو …») may run up to the quotation that is the content
    ("circumstantial-aside-up-to-a-quotation",
     'وقال سامي خالد، وهو من سكان الحي القديم "الحريق بدأ في ساعة متأخرة من الليل".',
     [("direct", "سامي خالد", "وقال", None, "الحريق بدأ في ساعة متأخرة من الليل")]),
    # a medium phrase inside the quotation belongs to what was said
    ("no-medium-from-inside-a-quotation",
     'وأكدت الجمعية دعمها "حق السكان في تقرير مستقبل حيهم".',
     [("direct", "الجمعية", "وأكدت", None, "حق السكان في تقرير مستقبل حيهم")]),
]


@pytest.mark.parametrize("body,expected", [r[1:] for r in ROWS], ids=[r[0] for r in ROWS])
def test_bounds_and_sources(quotes_of, body, expected):
    got = quotes_of(body)
    assert len(got) == len(expected), [q["content"]["text"] for q in got]
    for q, (kind, speaker, cue, medium, content) in zip(got, expected):
        if speaker is not None:
            assert_statement(q, kind, speaker, cue, medium, content)
            continue
        # no speaker in the sentence: nobody is made up
        assert q["speaker"] is None or not q["speaker"].get("text")
        assert (q["kind"], q["cue"]["text"], q["content"]["text"]) == (kind, cue, content)
