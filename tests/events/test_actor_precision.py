"""Actor precision on general news (issue 14, events5): an actor that is wrong is worse
than none. One table per kind of wrong actor met in a sample of unlabeled news (victims,
sources, relative clauses, datelines), each row a sentence of our own and the name the
event's actor must not be; a last table holds sentences whose actor must stay."""
from __future__ import annotations

import pytest

from events_helpers import find_event, part_has


# (sentence, type, trigger, a name the actor must not be)
SOURCE_TAKEN_AS_AUTHOR = [  # the subject of a verb of speech or reaction reports the event
    ("نفت الحكومة السودانية وقوع اعتداء على حدودها الشمالية مساء أمس.", "ASSAULT", "اعتداء",
     "الحكومة"),
    ("دان سفير جمهورية مالي لدى الرياض أحمد الطاهر بشدة التفجير الذي وقع في السوق.",
     "ASSAULT", "تفجير", "أحمد الطاهر"),
    ("أعربت قطر عن إدانتها الشديدة لحادث التفجير الإرهابي في مدينة الحلة.", "ASSAULT",
     "تفجير", "قطر"),
    ("أفادت وكالة رويترز نقلا عن مسؤولين بأن الجيش أجرى تجربة بقذيفة صاروخية قرب الساحل.",
     "ASSAULT", "قذيفة", "رويترز"),
    ("حذر الرئيس الموريتاني سيدي ولد أحمد من عقاب شديد في حال ثبوت تورط الحكومة في اغتيال "
     "الصحفي.", "ASSAULT", "اغتيال", "سيدي ولد أحمد"),
    ("دان عميد السلك الدبلوماسي بالقاهرة سفير جمهورية تشاد حسن عمر محمد بشدة الهجوم على "
     "الكنيسة.", "ASSAULT", "هجوم", "حسن عمر محمد"),
]

VICTIM_TAKEN_AS_AUTHOR = [  # the killed, the arrested, the target
    ("استشهد ثمانية من منسوبي قوات الأمن الخاصة في تفجير إرهابي قرب المعسكر.", "ASSAULT",
     "تفجير", "قوات الأمن"),
    ("سقط عشرون قتيلا من عناصر قوات الحكومة في انفجارات ضخمة جنوبي المدينة.", "ASSAULT",
     "انفجارات", "قوات الحكومة"),
    ("قال الوزير إن الوحدات العسكرية سترد على الجماعة التي اغتالت سمير الحداد بكل قوة.",
     "ASSAULT", "اغتالت", "سمير الحداد"),
    ("وهو شقيق الرئيس السابق أحمد الكبير الذي قتل خلال زيارة إلى الجنوب عام 1990.",
     "ASSAULT", "قتل", "الذي"),
    ("أوقفت الشرطة المحلية ثلاثة مسلحين في العاصمة فجر اليوم.", "COERCE", "أوقفت", "مسلحين"),
    ("نفى القصر وجود دافع سياسي خلف اعتقال رجل أعمال روسي بتهمة الاختلاس.", "COERCE",
     "اعتقال", "روسيا"),
    ("قتل خمسة أشخاص في تفجير انتحاري استهدف مقر الشرطة في البلدة.", "ASSAULT", "قتل",
     "الشرطة"),
]

PLACE_TAKEN_AS_AUTHOR = [  # a dateline opens the article, it does not act
    ("بيروت، لبنان (وكالات) - قتل ثلاثة أشخاص في انفجار سيارة مفخخة وسط المدينة.",
     "ASSAULT", "قتل", "لبنان"),
]


@pytest.mark.parametrize("text,type_,trigger,wrong",
                         SOURCE_TAKEN_AS_AUTHOR + VICTIM_TAKEN_AS_AUTHOR + PLACE_TAKEN_AS_AUTHOR)
def test_actor_is_not_a_source_victim_or_place(text, type_, trigger, wrong):
    ev = find_event(text, type_, trigger)
    assert not part_has(ev.get("actor"), wrong), ev.get("actor")


# (sentence, type, trigger, the actor)
ACTOR_KEPT = [
    ("أعلن الجيش تنفيذ غارات جوية على مواقع المسلحين شرق البلاد.", "ASSAULT", "غارات", "الجيش"),
    ("شنت الطائرات الحربية غارات على القرية فجر اليوم.", "ASSAULT", "غارات", "الطائرات"),
    ("أوقفت الشرطة المحلية ثلاثة مسلحين في العاصمة فجر اليوم.", "COERCE", "أوقفت", "الشرطة"),
    ("قالت وزارة الصحة إن طائرات إسرائيلية قصفت المخيم ليلا.", "ASSAULT", "قصفت", "إسرائيل"),
    ("واتهمت المدعية القاضي جون سميث بالاعتداء عليها قبل عشرين عاما.", "ASSAULT", "اعتداء",
     "جون سميث"),
]


@pytest.mark.parametrize("text,type_,trigger,actor", ACTOR_KEPT)
def test_actor_kept(text, type_, trigger, actor):
    ev = find_event(text, type_, trigger)
    assert part_has(ev.get("actor"), actor), ev.get("actor")


def test_relative_clause_object_is_recipient():
    ev = find_event("قال الوزير إن الوحدات العسكرية سترد على الجماعة التي اغتالت سمير الحداد بكل "
                "قوة.", "ASSAULT", "اغتالت")
    assert part_has(ev.get("recipient"), "سمير الحداد"), ev.get("recipient")
