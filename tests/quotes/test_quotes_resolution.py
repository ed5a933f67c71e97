"""Speakers as sources: continuations inherit, surnames and titles resolve to the fullest
name given earlier, and the entity stage's mentions are used when present."""
from __future__ import annotations


def test_continuation_inherits_the_previous_speaker(quotes_of):
    got = quotes_of("قال الوزير سامي الخطيب إن الخطة جاهزة. وأضاف أن التنفيذ يبدأ غدا.")
    assert [q["speaker"]["canonical"] for q in got] == ["سامي الخطيب", "سامي الخطيب"]
    assert [q["inherited"] for q in got] == [False, True]


def test_surname_resolves_to_the_full_name(quotes_of):
    got = quotes_of("أعلن وزير الخارجية نبيل عيسى أن الزيارة تأجلت. "
                    "وقال عيسى إن الموعد الجديد لم يحدد.")
    assert got[1]["speaker"]["text"] == "عيسى"
    assert got[1]["speaker"]["canonical"] == "نبيل عيسى"
    assert got[1]["speaker"]["title"] == "وزير الخارجية"


def test_title_alone_resolves_to_the_earlier_holder(quotes_of):
    got = quotes_of("قال وزير الصحة رامي حداد إن اللقاح آمن. "
                    "وأكد وزير الصحة أن الحملة تبدأ الأحد.")
    assert got[1]["speaker"]["canonical"] == "رامي حداد"


def test_body_noun_resolves_to_the_named_body(quotes_of):
    got = quotes_of("قالت وزارة النقل الموريتانية إن الطرق مغلقة. "
                    "ولفتت الوزارة إلى أن الحافلات توقفت.")
    assert got[1]["speaker"]["canonical"] == "وزارة النقل الموريتانية"
    assert got[1]["speaker"]["kind"] == "organisation"


def test_later_full_name_makes_the_canonical_fuller(quotes_of):
    got = quotes_of("وقال حداد إن الاتفاق قريب. وأكد رامي حداد أن التوقيع سيتم قريبا.")
    assert got[0]["speaker"]["canonical"] == "رامي حداد"


def test_anonymous_sources_do_not_merge_with_named_ones(quotes_of):
    got = quotes_of("قال مسؤولون أميركيون إن القوات باقية. "
                    "وقال الوزير جون سميث إن القرار لم يتخذ.")
    assert got[0]["speaker"]["anonymous"] and got[0]["speaker"]["kind"] == "anonymous"
    assert got[1]["speaker"]["canonical"] == "جون سميث"


def test_mentions_of_the_entity_stage_bound_the_subject(quotes_of):
    body = "وأعلنت الدولة الجارة دعمها الكامل للاتفاق."
    (q,) = quotes_of(body, mentions=[("الدولة الجارة", "LOC", {"canonical": "الدولة الجارة"})])
    assert q["speaker"]["text"] == "الدولة الجارة"
    assert q["content"]["text"] == "دعمها الكامل للاتفاق"


def test_continuation_agrees_in_gender_with_its_speaker(quotes_of):
    got = quotes_of("وقالت الوزيرة ليلى حداد إن الميزانية جاهزة. "
                    "وأكد المدير سامي فرح أن المشروع تأخر. "
                    "وأضافت أن التمويل مضمون.")
    assert got[2]["speaker"]["canonical"] == "ليلى حداد"
    assert got[2]["inherited"] is True


def test_participle_does_not_take_a_speaker_of_the_other_gender(quotes_of):
    got = quotes_of("وقالت النائبة سلمى عيسى إن اللجنة لم تجتمع. "
                    "وأوضح الوزير كريم سالم أن الاجتماع تأجل، مشيرة إلى أن الموعد لم يحدد.")
    assert got[-1]["cue"]["text"] == "مشيرة"
    assert got[-1]["speaker"]["canonical"] == "سلمى عيسى"


def test_object_in_the_oblique_plural_is_not_the_subject(quotes_of):
    got = quotes_of("قال المرشح سامي فرح إن الحملة بدأت. ودعا المواطنين إلى التصويت بكثافة.")
    assert got[1]["speaker"]["canonical"] == "سامي فرح"
    assert got[1]["content"]["text"] == "المواطنين إلى التصويت بكثافة"


def test_title_gives_the_affiliation(quotes_of):
    got = quotes_of("وقال المتحدث باسم وزارة الصحة إن الوباء انحسر. "
                    "وأكد وزير الداخلية المغربي فؤاد سالم أن الزيارة تأجلت.")
    assert got[0]["speaker"]["affiliation"] == "وزارة الصحة"
    assert got[1]["speaker"]["title"] == "وزير الداخلية المغربي"
    assert got[1]["speaker"]["affiliation"] == "الداخلية المغربي"


def test_headline_medium_is_split_from_the_speaker(quotes_of):
    got = quotes_of("وقال المحلل العسكري سامي حداد إن الهجوم تطور نوعي.",
                    title="محلل عسكري للجزيرة: الهجوم تطور نوعي")
    head = next(q for q in got if q["zone"] == "title")
    assert head["speaker"]["text"] == "محلل عسكري"
    assert head["medium"]["canonical"] == "الجزيرة"


def test_headline_medium_in_quotation_marks(quotes_of):
    got = quotes_of("وقال الوزير إن الميزانية جاهزة.",
                    title='وزير المالية لـ"الأيام": الميزانية جاهزة')
    head = next(q for q in got if q["zone"] == "title")
    assert head["speaker"]["text"] == "وزير المالية"
    assert head["medium"]["text"] == "الأيام"


def test_plural_verb_takes_no_subject_after_it(quotes_of):
    # a verb before its subject stays singular; «أعلنوا» + noun: the noun is the object
    got = quotes_of("وقال المحتجون إن الاعتصام مستمر. وأعلنوا تشكيل لجنة للتفاوض مع البلدية.")
    assert got[1]["cue"]["text"] == "وأعلنوا"
    assert got[1]["speaker"]["canonical"] == "المحتجون"
    assert got[1]["content"]["text"] == "تشكيل لجنة للتفاوض مع البلدية"


def test_body_continuation_before_any_body_speaker_takes_the_headline_speaker(quotes_of):
    got = quotes_of("وقال إن المفاوضات ستستأنف الأسبوع المقبل.", title="العيسى: المفاوضات مستمرة")
    body = next(q for q in got if q["zone"] == "body")
    assert body["speaker"]["canonical"] == "العيسى" and body["inherited"] is True


def test_mention_running_into_the_title_does_not_replace_the_name(quotes_of):
    # a tagger may glue the body of «الناطق باسم الحركة» to the name that follows
    body = "وقال الناطق باسم الحركة سامي قاسم إن الوفد سيصل غدا."
    glued = "الحركة سامي قاسم"
    (q,) = quotes_of(body, mentions=[(glued, "PER", {"canonical": glued})])
    assert q["speaker"]["canonical"] == "سامي قاسم"
    assert q["speaker"]["title"] == "الناطق باسم الحركة"
