"""Actor and recipient by clause (issue 14, events2): who acted stays inside the event's
clause, and the recipient is the noun phrase the act is done to. One table per rule, each
row a sentence of our own; `benchmarks/events_actor_sample.py` measures the same rules on
hand-judged unlabeled news."""
from __future__ import annotations

import pytest

from events_helpers import find_event, part_has

# ------------------------------------------------------------------ actor: who must not act
# (sentence, type, trigger, a name the actor must not be)

MASDAR_AFTER_HEAD = [  # «محاولة قتل فلان»: the masdar's genitive is the victim
    ("بدأت المحكمة النظر في قضية قتل الطالب سامي الحلبي الشهر الماضي.", "ASSAULT", "قتل",
     "سامي الحلبي"),
    ("كشفت الشرطة تفاصيل محاولة خطف الطبيب نبيل حداد أمام عيادته.", "ASSAULT", "خطف",
     "نبيل حداد"),
    ("وجهت النيابة إليه تهمة قتل المهندس رامي العلي قبل عامين.", "ASSAULT", "قتل",
     "رامي العلي"),
]

PASSIVE_WITH_AUXILIARY = [  # «تم اعتقال …»: no name before the auxiliary is the author
    ("قالت الحركة إنه تم اعتقال الناشط فادي الخطيب من منزله.", "COERCE", "اعتقال", "الحركة"),
    ("أكدت وزارة الداخلية أنه تم فجر اليوم اختطاف مهندس في الجنوب.", "ASSAULT", "اختطاف",
     "وزارة الداخلية"),
]

ANOTHER_CLAUSE = [  # a name before «أن» or a relative pronoun is in another clause
    ("أكد وزير الخارجية سالم النعيمي أن الاجتماع بين الجانبين كان مثمرا.", "CONSULT",
     "اجتماع", "سالم النعيمي"),
    ("تعرضت زوجة الرئيس رامي سعيد الذي يواجه احتجاجات يومية لانتقادات.", "PROTEST",
     "احتجاجات", "رامي سعيد"),
    ("ألغيت مباراة النادي التي كانت مقررة اليوم بعد أحداث الشغب في المدرجات.", "PROTEST",
     "شغب", "النادي"),
]

GOVERNED_OR_APPOSED_NAME = [  # the genitive of a governed noun; a place after its head
    ("أعلنت الحكومة اعترافها بدولة فلسطين، وهناك عقوبات على المستوطنات.", "SANCTION",
     "عقوبات", "فلسطين"),
    ("نفذت الشرطة عملية قرب كنيسة وسط العاصمة باريس بعد احتجاز رهائن.", "COERCE", "احتجاز",
     "باريس"),
]

DATELINE_TIME_PLACE = [  # a dateline with a colon, a time after an agent verb or a verb
    ("الرياض: استشهد جندي في سقوط قذيفة على مركز حدودي.", "ASSAULT", "استشهد", "الرياض"),
    ("استعاد الجيش البلدة إثر هجوم شنه الجمعة على مواقعه.", "ASSAULT", "هجوم", "الجمعة"),
    ("خرجت اعتصامات بمدن أردنية عدة للمطالبة بالإصلاح.", "PROTEST", "اعتصامات", "الأردن"),
]

VICTIM_IN_TOLL_PHRASE = [  # the name ending a toll word's noun phrase was killed
    ("اندلعت مواجهات في ذكرى مقتل الشاب الأعزل من أصول عربية كمال يونس برصاص شرطي.",
     "ASSAULT", "برصاص", "كمال يونس"),
]

SOURCE_THAT_LEARNED = [  # «علمت الإذاعة أن …»: the outlet learned of it, did not act
    ('علمت "إذاعة الساحل" أنه تم اختطاف فتاة من أمام منزلها.', "ASSAULT", "اختطاف",
     "إذاعة الساحل"),
    # a quoted name no organisation head introduces is an outlet or a title
    ('واكب مراسل "صوت الجنوب" الذكرى الرابعة لاغتيال المحامي فريد سالم.', "ASSAULT",
     "اغتيال", "صوت الجنوب"),
]

VOCALIZED_PASSIVE = [  # «قُتل فلان»: the damma of the passive; the name after it was killed
    ("قُتل القائد الميداني سالم الجنيدي في محافظة البيضاء.", "ASSAULT", "قتل",
     "سالم الجنيدي"),
    ("أُصيب الضابط مراد العلي بجروح خطيرة أمس.", "ASSAULT", "أصيب", "مراد العلي"),
]

POISONED_GENITIVE = [  # «تسميم العميل»: the genitive was poisoned
    ("تدهورت العلاقات بعد واقعة تسميم الجاسوس الروسي بوريس كامينوف في لندن.", "ASSAULT",
     "تسميم", "الجاسوس"),
]


@pytest.mark.parametrize("text,type_,trigger,wrong",
                         MASDAR_AFTER_HEAD + PASSIVE_WITH_AUXILIARY + ANOTHER_CLAUSE +
                         GOVERNED_OR_APPOSED_NAME + DATELINE_TIME_PLACE + VICTIM_IN_TOLL_PHRASE +
                         SOURCE_THAT_LEARNED + VOCALIZED_PASSIVE + POISONED_GENITIVE)
def test_actor_is_not_from_another_clause(text, type_, trigger, wrong):
    ev = find_event(text, type_, trigger)
    assert not part_has(ev.get("actor"), wrong), ev.get("actor")


# (sentence, type, trigger, the actor) -- the rules above keep these
ACTOR_KEPT = [
    ("أعلنت حركة الأحرار أنها نفذت الهجوم على الحاجز العسكري.", "ASSAULT", "هجوم",
     "حركة الأحرار"),
    ("وكان الرئيس أحمد سالم قد بحث الملف مع نظيره في اجتماع عقد أمس.", "CONSULT", "اجتماع",
     "أحمد سالم"),
    ("قتل الشاب برصاص قناص قرب الحاجز.", "ASSAULT", "قتل", "قناص"),
    ("اعتقل الناشط على يد عناصر الأمن أمام منزله.", "COERCE", "اعتقل", "عناصر"),
    ("استعاد تنظيم الدولة البلدة إثر هجوم شنه الجمعة.", "ASSAULT", "هجوم", "تنظيم الدولة"),
    ('استعاد تنظيم "الدولة الإسلامية" السيطرة على بعض الأحياء إثر هجوم شنه الجمعة.',
     "ASSAULT", "هجوم", "الدولة الإسلامية"),
    # an imperfect's prefix takes a damma in the active too: the subject after it acts
    ("وبذلك تُنهي فرنسا مهامها القتالية في مالي مع نهاية الشهر.", "RETREAT", "تنهي",
     "فرنسا"),
]


@pytest.mark.parametrize("text,type_,trigger,actor", ACTOR_KEPT)
def test_actor_kept(text, type_, trigger, actor):
    ev = find_event(text, type_, trigger)
    assert part_has(ev.get("actor"), actor), ev.get("actor")


# ------------------------------------------------------------------ recipient
# (sentence, type, trigger, the recipient, the whole phrase it must hold)

RECIPIENT_PHRASE = [
    # after «على/ضد»: the noun phrase, with a place it runs into
    ("شنت الطائرات غارة على مدينة حمدان ليلا.", "ASSAULT", "غارة", "حمدان"),
    # the masdar's genitive after a head noun
    ("بدأت المحكمة النظر في قضية قتل الطالب سامي الحلبي الشهر الماضي.", "ASSAULT", "قتل",
     "سامي الحلبي"),
    # a place head and the name the tagger missed; the owner after «تابعة ل»
    ("نفذ المسلحون هجوما ليليا على بلدة حمدان قرب الحدود.", "ASSAULT", "هجوم",
     "بلدة حمدان"),
    ("شنت الطائرات غارات على مخازن تابعة للجيش النظامي شرق البلاد.", "ASSAULT", "غارات",
     "مخازن تابعة للجيش"),
    # a partitive: the noun after «من», not the count or the quantifier
    ("أعلن الجيش اعتقال عدد من الشبان الفلسطينيين في البلدة.", "COERCE", "اعتقال",
     "الشبان الفلسطينيين"),
    ("وتم إلقاء القبض على اثنين من أفراد العصابة في الميناء.", "COERCE", "القبض",
     "أفراد العصابة"),
    ("تمكنت القوات من قتل واعتقال عدد كبير من عناصر التنظيم.", "COERCE", "اعتقال",
     "عناصر التنظيم"),
    # an indefinite head with its genitive or its nisba
    ("نفذت القوات عملية استهدفت تجمعات التنظيم في الصحراء.", "ASSAULT", "استهدفت",
     "تجمعات التنظيم"),
    ("اعتقلت السلطات دبلوماسيا إيرانيا في المطار.", "COERCE", "اعتقلت", "دبلوماسيا إيرانيا"),
    # the object after the subject and its adjectives, and after a place
    ("استهدف رجال الحرس الوطني بمدينة المنار القناصة المتمركزين فوق المباني.", "ASSAULT",
     "استهدف", "القناصة"),
    # a strike as the subject of an attack verb: the object after it
    ("وفي منطقة السهل دمرت ضربة جوية شاحنة عسكرية تنقل الجنود.", "ASSAULT", "دمرت",
     "شاحنة عسكرية"),
    # a time and a parenthesis between commas are adjuncts
    ("أوقفت قوات الأمن، في وقت متأخر مساء السبت، ستة أشخاص في العاصمة.", "COERCE", "أوقفت",
     "أشخاص"),
    # the victims after a pronoun adjunct and a count
    ("وقتل خلالها أربعة من مسلحي الجماعة وجرح آخرون.", "ASSAULT", "قتل",
     "مسلحي الجماعة"),
    # the victim of a passive whose agent is named after it, or written with its damma
    ("قتل الشاب برصاص قناص قرب الحاجز.", "ASSAULT", "قتل", "الشاب"),
    ("قُتل القائد الميداني سالم الجنيدي في محافظة البيضاء.", "ASSAULT", "قتل",
     "سالم الجنيدي"),
    ("تدهورت العلاقات بعد واقعة تسميم الجاسوس الروسي بوريس كامينوف في لندن.", "ASSAULT",
     "تسميم", "الجاسوس"),
    # «على» after the author's «ل» genitive: the target, not a place after «ب»
    ("أصيب جنديان في هجوم للمسلحين على نقطة للجيش في منطقة السهل بمديرية الوادي.",
     "ASSAULT", "هجوم", "نقطة"),
]


@pytest.mark.parametrize("text,type_,trigger,recipient", RECIPIENT_PHRASE)
def test_recipient_is_the_phrase_acted_on(text, type_, trigger, recipient):
    ev = find_event(text, type_, trigger)
    got = (ev.get("recipient") or {}).get("text") or ""
    assert part_has(ev.get("recipient"), recipient) and recipient.split()[0] in got, \
        ev.get("recipient")


# (sentence, type, trigger, a word the recipient must not be or hold)
NOT_A_RECIPIENT = [
    # a compound preposition after «على»
    ("أصيب اللاعب بجرح على مستوى الركبة بعد اعتداء عليه.", "ASSAULT", "اعتداء", "مستوى"),
    ("استمر القصف على الرغم من الهدنة المعلنة.", "ASSAULT", "قصف", "الرغم"),
    # a conjunct of another clause after the verb
    ("قالت إن والدتهما اعتقلت واتهمت بالإهمال.", "COERCE", "اعتقلت", "واتهمت"),
    ("أرجأت المحكمة النظر في قضية قتل الشاب وإحالتها على قاض آخر.", "ASSAULT", "قتل",
     "وإحالتها"),
    # an illness or a state after an injury word
    ("أصيبت الفنانة بالدهشة حين رأت الجمهور.", "ASSAULT", "أصيبت", "بالدهشة"),
    # people counted before
    ("قتل خمسة آخرون في انفجار السوق.", "ASSAULT", "قتل", "آخرون"),
    # a relative pronoun after the subject
    ("قصفت مقاتلات التحالف العربي الذي تقوده المملكة رتلا عسكريا.", "ASSAULT", "قصفت",
     "الذي"),
    # a means adjective after the weapon
    ("قتل الجنود بالرصاص الحي والمطاطي عشرات المحتجين.", "ASSAULT", "قتل", "الحي"),
    # the author after «بنيران», not the object
    ("قتل جندي بنيران مجموعات مسلحة عبر الحدود.", "ASSAULT", "قتل", "مجموعات"),
]


@pytest.mark.parametrize("text,type_,trigger,wrong", NOT_A_RECIPIENT)
def test_not_a_recipient(text, type_, trigger, wrong):
    ev = find_event(text, type_, trigger)
    got = (ev.get("recipient") or {}).get("text") or ""
    assert wrong not in got, ev.get("recipient")


# (words between a name and the event noun, whether they open another clause)
CLAUSE_BOUNDS = [
    ("أكد أن الاجتماع", True),        # a bare complementizer before a noun
    ("الذي يواجه", True),             # a relative pronoun
    ("إلا أن تأييدها", True),          # a masdar with a pronoun is a noun
    ("أنها نفذت", False),             # a pronoun refers back to the name
    ("أن تقوم بقصف", False),          # «أن» + an imperfect verb: the name is its subject
    ("قد بحث الملف مع نظيره في", False),
]


@pytest.mark.parametrize("between,bound", CLAUSE_BOUNDS)
def test_clause_bound(between, bound):
    from khabar.events.arguments import _clause_bound
    from khabar.events.extract import Words
    from khabar.normalize import fold
    words = fold(between).split()
    ws = Words(list(range(len(words))), list(range(1, len(words) + 1)), words)
    assert _clause_bound(ws, 0, len(words)) is bound
