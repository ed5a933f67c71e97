"""Launches, events12: «أطلقت حماس صواريخ على …» is an attack by the group that launched;
the verb with what it launches a few words on (its subject between). Not every «أطلق»:
a release, a campaign, a name, a launch into space, a test, interceptors, shots in the air.
Sentences of our own."""
from __future__ import annotations

import pytest

from tests.events.events_helpers import events_of, names, part_has

LAUNCHES = [  # (text, mode, actor, recipient or None)
    ("أطلقت حماس صواريخ على مدينة عسقلان مساء اليوم.", "missiles", "حماس", "عسقلان"),
    ("أطلقت حركة الجهاد الإسلامي عشرات الصواريخ على البلدات الحدودية.", "missiles",
     "حركة الجهاد الإسلامي", "البلدات"),
    ("وأطلق حزب الله طائرات مسيرة على مواقع عسكرية في الجليل.", "missiles", "حزب الله",
     "مواقع"),
    ("أطلق الحوثيون صاروخين على مدينة جازان.", "missiles", "الحوثيون", "جازان"),
    ("أطلقت القوات الروسية قذائف هاون على القرية.", "heavy-weapons", "القوات الروسية",
     "القرية"),
    ("وأطلقت الفصائل رشقة صاروخية على تل أبيب.", "missiles", "الفصائل", "تل أبيب"),
    ("أطلقت الشرطة النار على المشتبه به قرب المحطة.", "firearms", "الشرطة", "المشتبه"),
    ("أطلق مسلح النار على المصلين في المسجد.", "firearms", "مسلح", "المصلين"),
    ("أطلق المتمردون الحوثيون ثلاث قذائف على المخيم.", "heavy-weapons", "الحوثيون",
     "المخيم"),
    ("أصيب 12 شخصا عندما أطلقت قوات الاحتلال النار على المتظاهرين.", "firearms",
     "قوات الاحتلال", "المتظاهرين"),
]


@pytest.mark.parametrize("text,mode,actor,recipient", LAUNCHES, ids=[c[0] for c in LAUNCHES])
def test_a_launch_by_a_named_group_is_an_attack(text, mode, actor, recipient):
    evs = events_of(text, "ASSAULT")
    assert len(evs) == 1, evs
    ev = evs[0]
    assert ev["mode"] == mode
    assert part_has(ev["actor"], actor), ev["actor"]
    # what is launched is neither its author nor its target
    for part in ("actor", "recipient"):
        assert not any(w in names(ev[part]) for w in ("صواريخ", "صاروخ", "قذائف", "النار",
                                                      "مسيرة", "رشقة")), ev[part]
    assert part_has(ev["recipient"], recipient), ev["recipient"]


NOT_ATTACKS = [
    "أطلقت الوزارة حملة لتطعيم الأطفال ضد الحصبة.",
    "أطلقت وكالة الفضاء الأوروبية صاروخا يحمل قمرا صناعيا.",
    "أطلقت الدفاعات الجوية صواريخ اعتراضية.",
    "أطلق الجنود النار في الهواء لتفريق المحتجين.",
    "أطلقت الشركة تطبيقا جديدا للهواتف الذكية.",
    "أطلقت البلدية اسم الراحل على الحديقة العامة.",
    "أطلق الكاتب روايته الجديدة في معرض الكتاب.",
    "وقالت الوزارة إن روسيا سلمت منصات لإطلاق الصواريخ إلى الجيش.",
]


@pytest.mark.parametrize("text", NOT_ATTACKS)
def test_other_launches_are_no_attack(text):
    launches = [e for e in events_of(text, "ASSAULT")
                if any(stem in e["trigger"]["text"] for stem in ("طلق", "طلاق"))]
    assert launches == []


RELEASES = [  # the subject between «أطلق» and «سراح»: a release, whose object is released
    ("أطلقت السلطات سراح الأسرى أمس.", "السلطات", "الأسرى"),
    ("وأطلقت الحكومة سراح عشرين معتقلا.", "الحكومة", None),
]


@pytest.mark.parametrize("text,actor,recipient", RELEASES, ids=[c[0] for c in RELEASES])
def test_a_release_with_its_subject_between(text, actor, recipient):
    evs = events_of(text, "RETREAT")
    assert len(evs) == 1 and evs[0]["mode"] == "release", evs
    assert part_has(evs[0]["actor"], actor)
    assert "سراح" not in names(evs[0]["recipient"])
    if recipient:
        assert part_has(evs[0]["recipient"], recipient)
    assert events_of(text, "ASSAULT") == []


def test_the_masdar_names_what_is_launched_not_who():
    evs = events_of("ولم تعلن أي جهة مسؤوليتها عن إطلاق هذه القذائف على البلدة.", "ASSAULT")
    assert evs and all("القذائف" not in names(e["actor"]) and "هذه" not in names(e["actor"])
                       for e in evs), evs


def test_a_word_after_a_verb_particle_is_no_recipient():
    evs = events_of("وقالت الشرطة إن الرجل الذي أطلق الرصاص لم يكن يقصد المارة.", "ASSAULT")
    assert evs and all("يكن" not in names(e["recipient"]) for e in evs), evs
