"""Who, to whom, where, when and how many, for one event candidate in its sentence.

Arabic news puts the subject after its verb («قصفت الطائرات …»), the author or the target
after a masdar in the genitive («هجوم حماس», «اعتقال ناشط»), a nationality adjective after
a noun («غارة إسرائيلية»), the target after «على/ضد», the partner after «مع», the place
after «في/قرب/شرق …». These positions are all the rules below read.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from functools import lru_cache
from itertools import compress, count, repeat

from khabar.events import lexicon as L
from khabar.events.coref_words import ANAPHORIC_TIMES, word_set
from khabar.events.counts import counts, number_at
from khabar.events.extract import Arg, Candidate, Context, Words
from khabar.events.geocode import geocode, geocode_folded, nisba_place, site_first_words
from khabar.resources import load

_HEADS = frozenset(L._f(w) for w in load("gazetteer_heads")["place"])


def _word_of(ws: Words, pos: int) -> int:
    return ws.index(pos)


def _glued(ctx: Context, ws: Words, arg: Arg) -> str:
    """The clitics glued in front of an argument («بإسرائيل» -> «ب»)."""
    i = _word_of(ws, arg.start)
    return ctx.vt[ws.starts[i]:arg.start] if ws.starts[i] < arg.start else ""


def _prep_before(ctx: Context, ws: Words, arg: Arg, preps: frozenset[str]) -> bool:
    glued = _glued(ctx, ws, arg)
    if glued and glued.lstrip(L.GLUED_CONJ) in preps:
        return True
    i = _word_of(ws, arg.start)
    if ws.starts[i] < arg.start:
        return False
    for clitic, prep in L.GLUED_ARTICLE_PREPS:  # a name the tagger took with «لل», «بال»
        if ws.words[i].startswith(clitic) and prep in preps:
            return True
    return i > 0 and (ws.words[i - 1] in preps or ws.words[i - 1][1:] in preps)


def _nisba(ctx: Context, ws: Words, i: int, accusative: bool = False) -> Arg | None:
    """«غارة إسرائيلية», «القصف الروسي»: the country the adjective at word i names; with
    `accusative`, also the form with the alif of the accusative («عراقيا»)."""
    if i >= len(ws.words):
        return None
    w = ws.words[i]
    if accusative and w.endswith("يا"):
        w = w[:-1]
    country = _nisba_country(w)
    return Arg(ws.starts[i], ws.ends[i], "nisba", canonical=country) if country else None


@lru_cache(maxsize=8192)
def _nisba_country(w: str) -> str | None:
    """The country a nationality adjective names («الإسرائيلية» -> «إسرائيل»), or None."""
    if w.startswith("ال"):
        w = w[2:]
    if w.endswith("ه"):
        w = w[:-1]
    if not w.endswith("ي") or len(w) < 4:
        return None
    stem = w[:-1]
    for cand in (stem, stem + "ا", stem + "يا", "ال" + stem):
        place = nisba_place(cand)
        if place is not None and place.level == 0:
            return place.name
    return None


def _can_act(ws: Words, a: Arg) -> bool:
    """A neighbourhood, camp or street does not act: a mention that opens with a place
    head («حي …», «بمخيم …») or names a site is a place, whatever the tagger said."""
    if a.span is None:
        return True
    first = ws.words[_word_of(ws, a.start)]
    for pre in ("", "و", "ب", "ل", "وب", "ف"):
        if first.startswith(pre) and first[len(pre):] in _HEADS:
            return False
    if a.span.label != "LOC":
        return True
    i = _word_of(ws, a.start)
    if i > 0 and (ws.words[i - 1] in L.PLACE_HEAD_FORMS or ws.words[i - 1] in L.APPOSITION_HEADS):
        return False  # «وسط العاصمة باريس»: a place named after its head, not a capital's state
    # a place acts by metonymy only where it is a known one («واشنطن», «إيران»), not
    # «القرية» or «المدينة»
    place = geocode(a.canonical or "") or geocode(ws_text(ws, a))
    return place is not None and place.level < 4 and (
        place.level <= 1 or place.source == "sites" or
        place.population >= L.GAZETTEER_MIN_POPULATION)


def ws_text(ws: Words, a: Arg) -> str:
    """An argument's folded words (from the sentence's word list)."""
    i, j = _word_of(ws, a.start), _word_of(ws, max(a.start, a.end - 1))
    return " ".join(ws.words[i:j + 1])


def _support_subject(ctx: Context, c: Candidate, ws: Words, before: list[Arg]) -> Arg | None:
    """«شنت الطائرات الحربية غارات», «نفذت حماس هجوما»: a light verb a few words before the
    noun; its subject, right after it, is the actor."""
    words = ws.words
    crossed = False  # a preposition, clause word or event word between verb and noun
    for k in range(c.word - 1, max(-1, c.word - 9), -1):
        w = words[k]
        if k < c.word - 5 and crossed:
            break  # past five words only a subject list («أجرت A وB الجمعة مباحثات»)
        crossed = crossed or w in L.ANY_PREPS or w in L.CLAUSE_BREAKS or w in L.TRIGGER_KEYS
        if w in L.SUPPORT_VERBS or (k >= c.word - 5 and w[1:] in L.SUPPORT_VERBS) or \
                (w[:1] in L.GLUED_CONJ and w[1:] in L.SUPPORT_VERBS):
            named = next((b for b in before if _word_of(ws, b.start) == k + 1), None)
            if named is not None:
                return named if _can_act(ws, named) else None
            subject = _subject_phrase(ws, k + 1, ctx)
            if subject is not None and subject.end > c.start:
                subject = None  # «نفذت الهجوم»: the event noun itself, the subject is before
            if subject is None and k > 0:
                subject = _complementizer_subject(ctx, ws, k, before)
                if subject is not None:
                    return subject if _can_act(ws, subject) else None
            if subject is None and k > 0:
                # «الجيش نفذ الهجوم»: the subject before its light verb (SVO)
                named = next((b for b in before if _word_of(ws, b.end - 1) == k - 1), None)
                if named is not None and _can_act(ws, named) and \
                        not _prep_before(ctx, ws, named, L.ANY_PREPS):
                    return named
            if subject is None and k + 2 < c.word and _content(words[k + 1]) and \
                    words[k + 2].startswith("ال"):
                # «طلاب الجامعة»: a noun and its definite genitive
                subject = Arg(ws.starts[k + 1], ws.ends[k + 2], "noun")
            if subject is not None and subject.end <= c.start:
                # «عقد الرئيس الفرنسي فلان … قمة»: the name after the titles
                j = _word_of(ws, subject.end - 1) + 1
                named = next((b for b in before if _word_of(ws, b.start) == j and
                              b.start == ws.starts[j] and  # not «… وصالح»: a conjunct
                              b.span is not None and b.span.label == "PER"), None)
                return named or subject
            return None
    return None


def actor_recipient(ctx: Context, c: Candidate, ws: Words, args: list[Arg]
                    ) -> tuple[Arg | None, Arg | None]:
    after = [a for a in args if a.start >= c.end]
    before = [a for a in args if a.end <= c.start]
    actor = recipient = None
    last = c.last_word
    if not c.verb and c.type in L.PARTNER_TYPES:
        pair = members(ctx, c, ws, args)
        if pair is not None:
            return pair
    if not c.verb and "ل" in c.prefix:
        undergone = _undergoer(ctx, c, ws, args)
        if undergone is not None:
            # «تعرضت القرية لقصف إسرائيلي»: the subject is the target; the author is
            # named after the noun or not at all
            return (_agent_after(c, ws, after, ctx) or _nisba(ctx, ws, last + 1),
                    undergone)
    if c.verb and c.word > 0 and _strip_conj(ws.words[c.word - 1]) in L.MASDAR_HEADS:
        # «محاولة قتل العميل …», «قضية اغتيال الناشط»: the masdar of a head noun, written
        # like a verb; its genitive is the victim, and its author is named after it or not
        return _agent_after(c, ws, after, ctx), _object_np(ctx, ws, last + 1)
    # «الرجل الذي قتل»: the verb of a relative clause may be passive (its antecedent the
    # victim) or active (the antecedent the author): unvocalized text does not say which,
    # so it has no actor of its own, and the name after it is its object
    relative = c.verb and c.word > 0 and _strip_conj(ws.words[c.word - 1]) in L.RELATIVE_PRONOUNS
    # «تفجير إرهابي استهدف مسجدا»: a verb of targeting after an event noun tells of that
    # event; the name after it is the target
    relative = relative or (c.verb and not c.prefix and ws.words[c.word] in L.TARGET_VERBS and
                            any(w in L.TRIGGER_KEYS for w in ws.words[max(0, c.word - 4):c.word]))
    if c.verb and not c.secondary:  # «أن المدنيين أصيبوا»: the wounded are no actors
        actor = _complementizer_subject(ctx, ws, c.word, args)
    if c.verb and _vocalized_passive(ctx, c):
        # «قُتل قيادي بارز يدعى فلان»: a verb written with the passive's damma; the name
        # after it is the victim, and its author is named after it or not at all
        return _agent_after(c, ws, after, ctx), (
            after[0] if after and _word_of(ws, after[0].start) <= last + 4 and
            not _prep_before(ctx, ws, after[0], L.ANY_PREPS) else _object_np(ctx, ws, last + 1))
    if c.verb and actor is None and not relative:
        for a in after[:1]:
            k = _word_of(ws, a.start)
            # «استقبل خادم الحرمين الشريفين الملك سلمان»: titles before the name
            if k <= last + 6 and not _prep_before(ctx, ws, a, L.RECIPIENT_PREPS) \
                    and not _prep_before(ctx, ws, a, L.PLACE_PREPS) and _can_act(ws, a) \
                    and not _is_site(a, ctx) \
                    and not any(w in L.ANY_PREPS for w in ws.words[last + 1:k]) \
                    and not any(number_at(ws.words, j) is not None for j in range(last + 1, k)) \
                    and not (k > last + 1 and a.span is not None and a.span.label != "PER"
                             and _subject_phrase(ws, last + 1) is not None):
                # («يزور الرئيس باريس»: a place or a body after a noun subject is the
                # object; a person's name after titles is the subject)
                actor = a
        if actor is None and before:
            b = before[-1]
            # «قالت الوزارة إن ثلاثة قتلوا»: a count right before the verb is its subject,
            # the victims; the name before that did not act
            counted = any(number_at(ws.words, k) is not None
                          for k in range(max(0, c.word - 2), c.word))
            if _word_of(ws, b.start) >= c.word - 4 and not _prep_before(ctx, ws, b, L.ANY_PREPS) \
                    and _can_act(ws, b) and not counted and not _dateline(ctx, b):
                actor = b
                own = c.word - 1  # «ذكرت الوكالة أن الطائرات قصفت»: the noun right before
                if _word_of(ws, b.end - 1) < own and ws.words[own].startswith("ال") and \
                        _content(ws.words[own]) and ws.words[own] not in L.COPULAS:
                    actor = Arg(ws.starts[own], ws.ends[own], "noun")
    elif not c.verb:
        # «تم اعتقال ناشط»: a passive; the genitive is the object, and no name before the
        # auxiliary is the author
        # («أصابت قذيفة هاون شاحنة»: an attack noun right after an attack verb is that
        # verb's subject; no name before the verb is its author either. «فرض الحصار»: a
        # verb of another kind takes the noun as its object)
        passive = _passive(ctx, ws, c.word) or (c.word > 0 and c.type == "ASSAULT" and any(
            f.entry.verb and not f.rest and f.entry.type == "ASSAULT"
            for f in L.TRIGGERS.get(ws.words[c.word - 1], ())))
        actor = _lam_agent(ctx, c, ws, args)
        nxt = None
        nisba = _nisba(ctx, ws, last + 1)
        for a in ([] if nisba is not None else after[:2]):
            gap = _word_of(ws, a.start) - last
            if gap > 5 or (gap > 1 and c.object_genitive) or \
                    not all(_adjective(w) for w in ws.words[last + 1:last + gap]):
                break  # the genitive follows its noun and the noun's adjectives only
            if not _prep_before(ctx, ws, a, L.RECIPIENT_PREPS) and \
                    not _prep_before(ctx, ws, a, L.PLACE_PREPS) and \
                    (c.object_genitive or _can_act(ws, a)):
                nxt = a
                break
        entry_object = c.object_genitive or passive
        if nxt is not None and actor is None:
            if entry_object or c.suffixed:  # «لقائه الرئيسَ»: the pronoun met the name
                recipient = nxt
            else:
                actor = nxt
        if actor is None:
            actor = _agent_after(c, ws, after, ctx)
        if actor is None and not passive:
            actor = _support_subject(ctx, c, ws, before)
        if actor is None:
            # («اعتقال رجل روسي»: after a masdar whose genitive is its object, the
            # adjective two words on is the object's nationality)
            actor = nisba or (None if c.object_genitive or last + 1 >= len(ws.words) or
                              not _adjective(ws.words[last + 1]) else _nisba(ctx, ws, last + 2))
        if actor is None and before and not c.suffixed and not passive:
            b = before[-1]
            if _word_of(ws, b.start) >= c.word - 8 and not _prep_before(ctx, ws, b, L.PLACE_PREPS) \
                    and not _prep_before(ctx, ws, b, L.ANY_PREPS) and _can_act(ws, b) \
                    and not _scene(ws, b) and not _victim(ws, b) and \
                    not _not_author(ctx, ws, b, c) and \
                    not _clause_bound(ws, _word_of(ws, b.end - 1) + 1, c.word):
                # («قالت الوزارة إن ثلاثة قتلوا في القصف»: a clause of its own after «إن»;
                # «أعلنت الحركة أنه …», «مسؤوليتها عن الهجوم»: the source's own act)
                actor = b
        if actor is None and before and not (c.object_genitive and c.suffixed) and not passive:
            # («حقيقة اغتياله»: the pronoun of a masdar whose genitive is its object is
            # the victim, not the author)
            actor = _clause_subject(ctx, ws, before, c)
    if actor is None and c.verb:
        actor = _noun_nisba_before(ctx, ws, c.word)
    if actor is None and c.verb and c.word >= 2 and ws.words[c.word - 1] in L.PERFECT_PARTICLES:
        # «… أن قواتها قد قصفت القرية»: «قد» follows its subject; the noun after is the object
        noun = ws.words[c.word - 2]
        if _content(noun) and noun not in L.COPULAS:
            actor = Arg(ws.starts[c.word - 2], ws.ends[c.word - 2], "noun")
    elif actor is None and c.verb and not relative and \
            not (after and _word_of(ws, after[0].start) == last + 1):
        actor = _subject_phrase(ws, last + 1, ctx)  # a name there was weighed above
    if recipient is None and c.verb and actor is not None and actor.start >= c.end:
        # «قصفت الطائرات مخيم جباليا»: the object right after the subject (and the
        # subject's adjectives: «قصف جنود الكتيبة المدرعة مواقع الخصم»)
        k = _past_adjectives(ctx, ws, _word_of(ws, actor.end - 1) + 1)
        obj = next((a for a in after if a is not actor and _word_of(ws, a.start) == k
                    and not _glued(ctx, ws, a)), None)
        if obj is not None:
            recipient = obj
        elif not any(a.start < ws.ends[min(k, len(ws.words) - 1)] and a.end > ws.starts[
                min(k, len(ws.words) - 1)] for a in after if a is not actor):
            recipient = _object_np(ctx, ws, k)
    elif recipient is None and c.verb and (actor is None or actor.end <= c.start):
        # «الجيش قصف قرى …», «قتل ثلاثة مدنيين»: the object, or the victims of a passive,
        # right after the verb
        k = last + 1
        while k < len(ws.words) - 1 and ctx.in_timex(ws.starts[k]):
            k += 1  # «استقبل صباح الجمعة رئيس المجلس»
        if k < len(ws.words) - 1 and ws.words[k] in L.PREP_PRONOUNS and \
                (number_at(ws.words, _past_fillers(ws.words, k + 1)) is not None or
                 ws.words[k + 1] in L.QUANTIFIER_HEADS):
            k += 1  # «قتل خلالها أربعة من المسلحين»: the adjunct's pronoun, then the victims
        obj = next((a for a in after if _word_of(ws, a.start) == k
                    and not _glued(ctx, ws, a)), None)
        recipient = obj if obj is not None and _can_act(ws, obj) else \
            (None if obj is not None else _object_np(ctx, ws, k))
        if recipient is None and obj is None and k < len(ws.words) and c.type == "ASSAULT" and \
                any(not f.rest and not f.entry.verb and f.entry.type == "ASSAULT"
                    for f in L.TRIGGERS.get(ws.words[k], ())):
            # «أصابت قذيفة هاون شاحنة للجيش»: the weapon or strike is the subject; the
            # object follows it, its adjectives and adjuncts
            j = _past_adjectives(ctx, ws, k + 1)
            recipient = _object_np(ctx, ws, j) or _object_past_adjuncts(ctx, ws, j)
    if recipient is None:
        start_after = actor.end if actor is not None and actor.start >= c.end else c.end
        for a in after:
            if a is actor or a.start < start_after:
                continue
            if _word_of(ws, a.start) > last + 10:
                break
            right_after_subject = (c.verb and actor is not None and a.start >= actor.end
                                   and _word_of(ws, a.start) <= _word_of(ws, actor.end - 1) + 1
                                   and not _glued(ctx, ws, a))
            if a.span is not None and a.span.label == "LOC" and \
                    _prep_before(ctx, ws, a, L.SCENE_PREPS):
                continue  # «في انفجار بمدينة الموصل»: where, not whom
            if not right_after_subject and _glued(ctx, ws, a) and any(
                    w in L.TARGET_PREPS for w in ws.words[last + 1:_word_of(ws, a.start)]):
                break  # «هجوم … على نقطة … بمديرية …»: the target is the one after «على»
            if _prep_before(ctx, ws, a, L.RECIPIENT_PREPS) or right_after_subject:
                recipient = a
                break
            if c.verb and actor is not None and a.span is not None and \
                    a.span.label in ("PER", "ORG") and not _glued(ctx, ws, a) and \
                    not _prep_before(ctx, ws, a, L.ANY_PREPS) and \
                    ctx.to_text(a.start) not in ctx.speaker_starts():
                # «التقى الأمير في جدة أمس الرئيس الفرنسي …»: the object after the
                # subject and a place or a time
                recipient = a
                break
    if recipient is None and c.verb and actor is not None and actor.start >= c.end:
        recipient = _object_past_adjuncts(
            ctx, ws, _past_adjectives(ctx, ws, _word_of(ws, actor.end - 1) + 1))
    if c.verb and not relative and (actor is None or actor.start >= c.end):
        # «قتل الشاب برصاص قناص», «اعتقل الناشط على يد عناصر …»: an agent named after
        # the verb makes it a passive; the name after the verb is then the victim
        agent = _agent_after(c, ws, after, ctx)
        if agent is not None and (actor is None or agent.start >= actor.end):
            recipient = actor or recipient
            actor = agent
    if actor is not None and actor.span is not None and _quoted_outlet(ctx, ws, actor):
        actor = None
    if c.type in L.PARTNER_TYPES and actor is not None and (
            actor.start >= c.end or _light_verb_subject(ws, c, actor)) and not (
            not c.verb and actor.start >= c.end and c.type == "CONSULT" and
            actor.span is not None and actor.span.label == "LOC"):
        # (not «زيارة عدن وتعز»: the places a visit's genitive names are visited)
        # «التقى A وB», «وقعت مصر وإسرائيل اتفاقا», «أجرت A وB مباحثات»: the subject's
        # conjuncts are the other parties, whatever stands after them («على إقامة …» is
        # the content)
        pair = _with_conjuncts(ctx, ws, args, c, actor)
        if pair is not None:
            i = _word_of(ws, actor.start)
            head = next((j for j in (i - 1, i - 2) if j > last and
                         (ws.words[j] in L.MEMBER_HEADS or
                          _strip_conj(ws.words[j]) in L.MEMBER_HEADS) and
                         ws.words[j - 1] not in L.PERSON_TITLES), None)  # «رئيس وزراء»
            if head is not None:
                # «اجتمع وزراء خارجية مصر والأردن والسعودية»: all are the subject
                actor, recipient = Arg(ws.starts[head], pair[1].end, "noun"), None
            else:
                recipient = pair[1]
    if recipient is not None and c.type in L.PARTNER_TYPES and recipient.span is None and \
            ws.words[_word_of(ws, recipient.start)] in L.AGREEMENT_OBJECTS:
        # «وقعت الحكومة اتفاقا مع الصندوق»: what was signed is no party; the partner is
        recipient = _partner_after(ctx, ws, args, _word_of(ws, recipient.start))
    if recipient is not None and c.type in L.PARTNER_TYPES and recipient.span is not None \
            and recipient.span.label == "LOC":
        recipient = _met_after_visit(ctx, ws, recipient) or recipient
    return actor, recipient


_NISBA_ENDS = (L._f("ية"), L._f("ي"))


def members(ctx: Context, c: Candidate, ws: Words, args: list[Arg]
            ) -> tuple[Arg, Arg] | None:
    """The parties of a meeting or an agreement noun listed after it («اجتماع بين الوزير
    ونظيره الروسي …», «لقاء جمع الرئيس ووزير الخارجية», «قمة ثلاثية بين مصر والأردن
    والعراق»): the first is the actor, the others the recipient."""
    words = ws.words
    k = c.last_word + 1
    while k < len(words) and k <= c.last_word + 2 and words[k] not in L.MEMBER_OPENERS and \
            words[k] not in L.RELATIVE_PRONOUNS and _adjective(words[k]):
        k += 1  # «قمة ثلاثية بين …»
    if k < len(words) and words[k] in L.RELATIVE_PRONOUNS:
        k += 1  # «اللقاء الذي جمع …»
    if k + 1 >= len(words) or words[k] not in L.MEMBER_OPENERS:
        return None
    first = _party_at(ctx, ws, args, k + 1)
    if first is None:
        return None
    return _with_conjuncts(ctx, ws, args, c, first, listed=True)


def _with_conjuncts(ctx: Context, ws: Words, args: list[Arg], c: Candidate, first: Arg,
                    listed: bool = False) -> tuple[Arg, Arg] | None:
    """`first` and the recipient made of the parties joined to it by «و», or None when
    nothing is joined to it. The list's end is kept (`members end`): a place in the list
    is a party, not the scene."""
    rest = _conjuncts(ctx, ws, args, first)
    if not rest:
        return None
    e = _word_of(ws, rest[-1].end - 1) + 1
    if not listed and e < len(ws.words) and (
            ws.words[e] in L.PARTNER_PREPS or (not c.verb and ws.words[e][:1] == "ب")):
        # «اجتمع الوزراء والأمين العام مع …», «اجتماع الوزير ونائبه بأعضاء اللجنة»: the
        # list is one side, it met someone else
        return None
    ctx._cache[("members end", c.start)] = rest[-1].end
    if len(rest) == 1:
        return first, rest[0]
    return first, Arg(rest[0].start, rest[-1].end, "noun")


def _undergoer(ctx: Context, c: Candidate, ws: Words, args: list[Arg]) -> Arg | None:
    """The subject of a verb of undergoing a few words before a noun with «ل» («تعرضت
    القرية لقصف», «الشركة ستتعرض لعقوبات»), or None where no such verb stands there."""
    words = ws.words
    for v in range(c.word - 1, max(-1, c.word - 6), -1):
        w = words[v]
        if w in L.CLAUSE_BREAKS or w in L.ANY_PREPS:
            return None
        if w in L.UNDERGO_VERBS or _strip_conj(w) in L.UNDERGO_VERBS:
            break
    else:
        return None
    if v + 1 < c.word:  # VSO: the subject between the verb and the noun
        named = next((a for a in args if v < _word_of(ws, a.start) < c.word), None)
        return named or _subject_phrase(ws, v + 1, ctx) or \
            Arg(ws.starts[v + 1], ws.ends[c.word - 1], "noun")
    if v == 0 or _comma_between(ctx, ws, v):
        return None  # «… بمدينة الخبر، تعرضت لإطلاق نار»: the subject is further back
    s = v - 1
    relative = _strip_conj(words[s]) in L.RELATIVE_PRONOUNS
    if relative:
        # «مدينة حلب التي تتعرض للتدمير»: the name right before the pronoun
        s -= 1
        if s < 0 or _comma_between(ctx, ws, s + 1):
            return None
    named = next((a for a in reversed(args) if _word_of(ws, a.end - 1) == s), None)
    if named is not None:
        return named
    if not relative and _content(words[s]) and words[s].startswith("ال") and \
            not words[s].endswith(_NISBA_ENDS):  # («الشؤون الاجتماعية»: an adjective)
        return Arg(ws.starts[s], ws.ends[s], "noun")
    return None


def _partner_after(ctx: Context, ws: Words, args: list[Arg], k: int) -> Arg | None:
    """The partner after «مع» within a few words of word k («اتفاقا للتعاون مع مصر»)."""
    words = ws.words
    for j in range(k + 1, min(k + 5, len(words) - 1)):
        if words[j] in L.CLAUSE_BREAKS:
            break
        if words[j] in L.PARTNER_PREPS:
            return _party_at(ctx, ws, args, j + 1)
    return None


def _light_verb_subject(ws: Words, c: Candidate, actor: Arg) -> bool:
    """Whether `actor`, before the noun, is the subject of a light verb right before it
    («أجرت اليابان وكوريا … مباحثات») and no partner follows the noun («… مباحثات مع …»
    makes the subject's list one side)."""
    i = _word_of(ws, actor.start)
    if actor.end > c.start or i == 0:
        return False
    w = ws.words[i - 1]
    if not (w in L.SUPPORT_VERBS or w[1:] in L.SUPPORT_VERBS):
        return False
    return not any(x in L.PARTNER_PREPS for x in ws.words[c.last_word + 1:c.last_word + 3])


def _party_at(ctx: Context, ws: Words, args: list[Arg], k: int, glued: bool = False
              ) -> Arg | None:
    """The party named from word k: a name within the next words past its titles
    («وزير الدفاع التركي خلوصي أكار»), else a definite noun, a title or a head such as
    «نظيره» with its complements («ووزير الخارجية الإيراني»). `glued`: word k carries the
    conjunction «و»."""
    words = ws.words
    if glued and words[k].endswith(_NISBA_ENDS) and words[k - 1].endswith(_NISBA_ENDS):
        return None  # «الكوريتين الشمالية والجنوبية»: adjectives joined, one party
    opener = words[k][1:] if glued else words[k]
    for a in args:
        i = _word_of(ws, a.start)
        if i < k:
            continue
        if i > k + 4:
            break
        if glued and i > k and not (opener.startswith("ال") or opener in L.PERSON_TITLES or
                                    opener in L.MEMBER_HEADS or
                                    opener in L.ORGANISATION_HEADS):
            return None  # «، ووجه بإيداع …»: a verb opens another clause, no party
        if glued and i == k and a.start == ws.starts[k]:
            return None  # «، وداد …»: a name that starts with the letter, no «و»
        if a.span is not None and a.span.label == "LOC" and any(
                b.span is not None and b.span.label == "PER" and b.start > a.end and
                _word_of(ws, b.start) <= k + 5 for b in args):
            continue  # «وزعيم كوريا الشمالية كيم …»: the person, not his country
        between = words[k + 1:i] if i > k else []
        if any(w in L.ANY_PREPS or w[:1] in ("و", "،") or w in L.CLAUSE_BREAKS
               for w in between) or not _can_act(ws, a):
            break
        if a.span is None and any(b.span is not None and b.start > a.start and
                                  _word_of(ws, b.start) <= k + 4 for b in args):
            continue  # «وزير الدفاع التركي …»: the name after the nationality
        head = words[k][1:] if glued else words[k]
        if i > k and head in L.MEMBER_HEADS:
            # «بين وزراء داخلية دول الاتحاد …»: the party is the heads of the bodies named
            return Arg(ws.starts[k] + (1 if glued else 0), a.end, "noun")
        return a
    w = words[k][1:] if glued else words[k]
    if not _content(w) or w in L.ANY_PREPS or _others(w) or _no_object(w) or \
            ctx.in_timex(ws.starts[k]):
        return None
    if not (w.startswith("ال") or w in L.PERSON_TITLES or w in L.MEMBER_HEADS or
            w in L.ORGANISATION_HEADS):
        return None  # «… وبحث معه»: a verb, no party
    end = k
    while end + 1 < len(words) and end < k + 6 and _adjective(words[end + 1]) and \
            words[end + 1][:1] != "و" and words[end + 1] not in L.MEMBER_OPENERS and \
            words[end + 1] not in L.NEGATION and not _imperfect_verb(words[end + 1]) and \
            _strip_conj(words[end + 1]) not in L.RELATIVE_PRONOUNS and \
            not ctx.in_timex(ws.starts[end + 1]) and \
            not any(not f.rest for f in L.TRIGGERS.get(words[end + 1], ())):
        end += 1  # «ووزير الخارجية الإيراني»: the head and its complements
    return Arg(ws.starts[k] + (1 if glued else 0), ws.ends[end], "noun")


def _conjuncts(ctx: Context, ws: Words, args: list[Arg], first: Arg) -> list[Arg]:
    """The parties joined to `first` by «و» («… والعاهل الأردني الملك عبد الله»,
    «… والأردن والعراق»)."""
    words = ws.words
    out: list[Arg] = []
    prev = first
    while len(out) < 6:
        e = _word_of(ws, prev.end - 1) + 1
        if e >= len(words) or words[e][:1] != "و" or len(words[e]) < 3 or \
                words[e] in L.CLAUSE_BREAKS or words[e][1:] in L.CLAUSE_BREAKS:
            break
        nxt = _party_at(ctx, ws, args, e, glued=True)
        if nxt is None or nxt.start <= prev.start:
            break
        out.append(nxt)
        prev = nxt
    return out


def _met_after_visit(ctx: Context, ws: Words, place: Arg) -> Arg | None:
    """«زار برلين للقاء نظرائه»: the one met, named after a meeting purpose that follows
    the visited place within three words."""
    words = ws.words
    end = _word_of(ws, place.end - 1) + 1
    for j in range(end, min(end + 3, len(words))):
        for p in L.MEETING_PURPOSES:
            if tuple(words[j:j + len(p)]) == p:
                k = j + len(p)
                m = ctx.mention_at(ws.starts[k]) if k < len(words) else None
                if m is not None and m.label != "LOC":
                    return Arg(ctx.to_view(m.start), ctx.to_view(m.end), "mention", m,
                               m.attrs.get("canonical"))
                return _object_np(ctx, ws, k) if k < len(words) else None
    return None


def _complementizer_subject(ctx: Context, ws: Words, k: int, args: list[Arg]) -> Arg | None:
    """«ذكرت الصحيفة أن بلينكن زار عمان», «أعلنت أن فصائل مسلحة نفذت الهجوم»: the words
    between a complementizer and the verb at word k are its subject (SVO after «أن»); the
    name after the verb is then its object. One to four words, no preposition, number,
    event word or time among them."""
    words = ws.words
    for j in range(k - 1, max(-1, k - 6), -1):
        w = words[j]
        if L.with_conj(w, L.COMPLEMENTIZERS):
            break
        if not _content(w) or w in L.ANY_PREPS or w in L.TRIGGER_KEYS or \
                w in L.CLAUSE_BREAKS or w in L.COPULAS or w in L.PERFECT_PARTICLES or \
                w in L.RELATIVE_PRONOUNS or number_at(words, j) is not None or \
                (w[:1] in L.GLUED_PREPS and not w.startswith("ال")):
            return None
    else:
        return None
    if j == k - 1:
        return None
    a, b = ws.starts[j + 1], ws.ends[k - 1]
    # «أن الرئيس دونالد ترمب زار …»: titles, then the name that ends at the verb
    named = next((x for x in args if x.end == b and x.start >= a), None)
    if named is not None:
        return named if _can_act(ws, named) and not _is_site(named, ctx) else None
    phrase = [w.startswith("ال") for w in words[j + 1:k]]
    if (True in phrase and False in phrase[phrase.index(True):]) or \
            (True not in phrase and len(phrase) > 2):
        # «أن الجيش اقتحم البلدة وقتل …»: a word without the article after one with it
        # is a verb; a noun phrase runs from indefinite heads to definite genitives only
        # («وحدة سلاح المدفعية الثقيلة»), or is a noun and its adjective («فصائل مسلحة»)
        return None
    if ctx.in_timex(a):
        return None
    named = next((x for x in args if x.start == a and x.end <= b), None)
    if named is not None:
        return named if _can_act(ws, named) and not _is_site(named, ctx) else None
    if any(x.start < b and x.end > a and not (x.end == b and x.start < a) for x in args):
        return None  # a name the phrase runs into: not a bare noun phrase
    # (a name that ends at the verb but took the complementizer in, «فإن هوك», is the
    # subject without it)
    return Arg(a, b, "noun")


def _lam_agent(ctx: Context, c: Candidate, ws: Words, args: list[Arg]) -> Arg | None:
    """«هجوم لمسلحين على نقطة», «غارة للتحالف», «هجمات لتنظيم …»: the «ل» genitive of an
    attack or protest noun (`lam_agent_nouns`), right after it or its one adjective, names
    its author when it is a name, a definite noun («للتحالف»), people («لمسلحين») or a
    body's head («لتنظيم»); «لكنه», «لأسابيع», «لقانون» are no authors."""
    words = ws.words
    if c.last_word != c.word or words[c.word][len(c.prefix):] not in L.LAM_AGENT_NOUNS:
        return None
    k = c.last_word + 1
    if k < len(words) and words[k][:1] != "ل" and _adjective(words[k]) and \
            words[k].startswith("ال") == words[c.word].startswith("ال") and \
            not words[k].endswith("ا") and _nisba(ctx, ws, k) is None:
        k += 1  # «غارات جوية للتحالف»
    if k >= len(words):
        return None
    w = words[k]
    if w[:1] != "ل" or w.startswith("ال") or len(w) < 4 or w in L.ANY_PREPS or \
            w in L.PREP_PRONOUNS:
        return None
    named = next((x for x in args if _word_of(ws, x.start) == k), None)
    if named is not None:  # a name, or an actor noun («لمسلحين», «للاحتلال»)
        return named if (named.span is None or named.span.label != "LOC") and \
            _can_act(ws, named) and not _is_site(named, ctx) else None
    definite = w.startswith("لل")
    bare = w[2:] if definite else w[1:]
    if not _content(bare) or ctx.in_timex(ws.starts[k]) or number_at([bare], 0) is not None:
        return None
    people = len(bare) >= 6 and bare.endswith(("ين", "ون"))  # «مسلحين», not «قانون»
    if not (definite or people or bare in L.ORGANISATION_HEADS):
        return None
    # «للتحالف» is «ل» + «التحالف» written with one «ل» (its name «التحالف»), «للجان» is
    # «ل» + «لجان»: the text keeps all but the preposition, the canonical reads the article
    return Arg(ws.starts[k] + 1, ws.ends[k], "noun", canonical="ال" + bare if definite else None)


def _object_past_adjuncts(ctx: Context, ws: Words, k: int) -> Arg | None:
    """«استقبل الملك في قصره بالرياض أمس رئيس الوزراء»: the object of a meeting verb after
    the places and times that stand between it and the subject."""
    words = ws.words
    j = _past_parenthesis(ctx, ws, k)
    while j < min(len(words), k + 10):
        w = words[j]
        if w in L.CLAUSE_BREAKS or w in L.RELATIVE_PRONOUNS or w in L.AGENT_MARKER_FIRST:
            return None  # («قتل جندي بنيران مجموعات»: the author, not the object)
        glued = w[:1] in L.GLUED_PREPS and not w.startswith("ال")
        if w in L.ANY_PREPS or glued:
            # a preposition and its noun («في قصر اليمامة», «بمدينة تعز»), with the noun's
            # genitive or name and its adjectives
            head = j + (1 if glued else 2) - 1
            j = head + 1
            if head < len(words) and not words[head].startswith(("ال", "بال", "لل", "وال")) \
                    and j < len(words) and not ctx.in_timex(ws.starts[j]):
                m = ctx.mention_at(ws.starts[j])
                if m is not None:  # its genitive: a name («بمدينة تعز») or one definite noun
                    j = _word_of(ws, ctx.to_view(m.end) - 1) + 1
                elif words[j].startswith("ال"):
                    j += 1
            while j < len(words) and (words[j] in L.NOT_PLACE_NAMES or
                                      _strip_conj(words[j]) in L.MEANS_ADJECTIVES or
                                      (words[j].startswith("ال") and
                                       _relation_adjective(words[j]) and
                                       ctx.mention_at(ws.starts[j]) is None)):
                j += 1  # «في الجبهة ذاتها», «بالرصاص الحي والمطاطي», «في المنطقة الشرقية»
            continue
        if ctx.in_timex(ws.starts[j]):
            j += 1  # a time («أمس»)
            continue
        return _object_np(ctx, ws, j) if j > k else None
    return None


def _quoted_outlet(ctx: Context, ws: Words, a: Arg) -> bool:
    """«أفاد مراسل "إذاعة الساحل"», «علمت "الجوهرة"»: a name between quotation marks is an
    outlet, a programme or a title, unless an organisation head introduces it («تنظيم
    "الدولة الإسلامية"», «حركة "الأحرار"»)."""
    if not quoted(ctx, a):
        return False
    i = _word_of(ws, a.start)
    if i == 0:
        return True
    before = ws.words[i - 1]
    for pre in ("", "و", "ب", "ل", "وب", "ول", "ف"):
        w = before[len(pre):] if before.startswith(pre) else None
        if w is not None and (w in L.ORGANISATION_HEADS or
                              (w.startswith("ال") and w[2:] in L.ORGANISATION_HEADS)):
            return False
    return True


def _past_fillers(words: list[str], k: int) -> int:
    """Past the words that stand before a count («قرابة 16», «أكثر من 20»), where a count
    follows them; else k."""
    for filler in L.FILLERS:
        if tuple(words[k:k + len(filler)]) == filler and \
                number_at(words, k + len(filler)) is not None:
            return k + len(filler)
    return k


def _past_parenthesis(ctx: Context, ws: Words, k: int) -> int:
    """«أوقفت قوات الأمن، في وقت متأخر مساء السبت، ستة أشخاص»: words set off between two
    commas right after the subject are an adjunct; the first word after them, else k."""
    words = ws.words
    if not 0 < k < len(words) or not _comma_between(ctx, ws, k):
        return k
    for m in range(k + 1, min(len(words), k + 9)):
        if _comma_between(ctx, ws, m):
            return m
    return k


def _comma_between(ctx: Context, ws: Words, k: int) -> bool:
    """Whether a comma stands between word k-1 and word k."""
    gap = ctx.vt[ws.ends[k - 1]:ws.starts[k]]
    return "،" in gap or "," in gap


def _past_adjectives(ctx: Context, ws: Words, k: int) -> int:
    """The first word at or after k that is not an adjective of the noun before it:
    nisbas («الشعبية», «جوية») and «أخرى/جديدة» that agree with it in definiteness
    («السلطات النمساوية دبلوماسيا»: an indefinite nisba after a definite noun is a new
    noun), no name, time or preposition."""
    words = ws.words
    definite = k > 0 and words[k - 1].startswith(("ال", "وال", "فال", "بال", "لل"))
    while k < len(words) and _adjective(words[k]) and \
            words[k].startswith("ال") == definite and \
            (_relation_adjective(words[k]) or words[k] in L.ANOTHER) and \
            ctx.mention_at(ws.starts[k]) is None and not ctx.in_timex(ws.starts[k]):
        k += 1
    return k


def _object_np(ctx: Context, ws: Words, k: int) -> Arg | None:
    """A verb's object where no name stands: its head noun, past a count («عشرة
    فلسطينيين» -> «فلسطينيين»), with a name it runs into («العاصمة اللبنانية بيروت»)."""
    words = ws.words
    while k < len(words) - 1 and words[k] in L.ADVERBS:
        k += 1  # «قصفت المدفعية مرارا مواقع …»
    k = _past_fillers(words, k)
    n = number_at(words, k)
    counted = n is not None
    if n is not None:
        k = n[1]
    if k + 1 < len(words) and (counted or words[k] in L.QUANTIFIER_HEADS):
        # «عدد من الشبان», «اثنين من أفرادها», «أحد أفراد الأمن»: the noun after «من», or
        # the quantifier's genitive, is the one the phrase names
        if words[k] == "من":
            k += 1
        elif words[k] in L.QUANTIFIER_HEADS:
            if k + 2 < len(words) and words[k + 2] == "من" and _content(words[k + 1]):
                k += 3  # «عدد كبير من عناصر …»
            else:
                k += 2 if words[k + 1] == "من" else 1
    if k >= len(words) or not _content(words[k]) or words[k] in L.ANY_PREPS or \
            words[k][0] in L.GLUED_PREPS or _no_object(words[k]) or _others(words[k]) or \
            any(not f.rest for f in L.TRIGGERS.get(words[k], ())) or \
            ctx.in_timex(ws.starts[k]):
        return None
    if words[k] in L.PERSON_TITLES:
        # «القيادي في الحركة فلان», «العضو بالمجلس فلان»: a title, its complement, then
        # the person's name
        for j in range(k + 1, min(k + 6, len(words))):
            if words[j] in L.CLAUSE_BREAKS or words[j][:1] == "و" or \
                    any(not f.rest for f in L.TRIGGERS.get(words[j], ())):
                break
            m = ctx.mention_at(ws.starts[j])
            if m is not None and m.label == "PER":
                return Arg(ctx.to_view(m.start), ctx.to_view(m.end), "mention", m,
                           m.attrs.get("canonical"))
    # «العاصمة اللبنانية بيروت», «وزير الخارجية الأمريكي أنتوني بلينكن»: the name a head
    # and its adjectives or genitive run into is the object
    for j in range(k + 1, min(k + 4, len(words))):
        if words[j] in L.ANY_PREPS or words[j][:1] in L.GLUED_PREPS or \
                words[j] in L.CLAUSE_BREAKS:
            break
        m = ctx.mention_at(ws.starts[j])
        if m is not None:
            return Arg(ctx.to_view(m.start), ctx.to_view(m.end), "mention", m,
                       m.attrs.get("canonical"))
    return Arg(ws.starts[k], ws.ends[_noun_phrase_end(ctx, ws, k)], "noun")


def _noun_phrase_end(ctx: Context, ws: Words, k: int) -> int:
    """The last word of the noun phrase headed at word k: an indefinite head with its
    definite genitive («تجمعات التنظيم») or its nationality or relation adjective («طقما
    عسكريا», «دبلوماسي إيراني»); a definite head with such an adjective («الشبان
    الفلسطينيين»). A participle («القناصة المتمركزين») or anything else ends it."""
    words = ws.words
    j = k + 1
    if j < len(words) and words[k] in L.CHAIN_HEAD_FORMS and \
            _name_word(words[j], strict=True) and not ctx.in_timex(ws.starts[j]) and \
            ctx.mention_at(ws.starts[j]) is None:
        # «مدينة دوما», «قرية خان شيخون»: a place head and the name the tagger missed
        if j + 1 < len(words) and not words[j + 1].startswith("ال") and \
                _name_word(words[j + 1], strict=True) and not ctx.in_timex(ws.starts[j + 1]):
            return j + 1
        return j
    if j + 1 < len(words) and words[j] in L.BELONGING and words[j + 1][:1] == "ل" and \
            len(words[j + 1]) > 3 and words[j + 1] not in L.ANY_PREPS:
        # «مخازن تابعة للجماعة المسلحة»: to the owner and its adjective or name
        m = ctx.mention_at(ws.starts[j + 1]) or ctx.mention_at(ws.starts[j + 1] + 1)
        if m is not None:
            return _word_of(ws, ctx.to_view(m.end) - 1)
        end = j + 1
        if end + 1 < len(words) and words[end + 1].startswith("ال") and \
                _relation_adjective(words[end + 1]):
            end += 1
        return end
    if j >= len(words) or not _adjective(words[j]) or words[j] in L.TRIGGER_KEYS or \
            _no_object(words[j]) or number_at(words, j) is not None or \
            ctx.in_timex(ws.starts[j]) or ctx.mention_at(ws.starts[j]) is not None:
        return k
    head_definite = words[k].startswith("ال")
    if words[j].startswith("ال") == head_definite and _relation_adjective(words[j]):
        return j
    if not head_definite and words[j].startswith("ال") and \
            _strip_conj(words[j]) not in L.RELATIVE_PRONOUNS:
        return j  # the genitive of an indefinite head
    return k


def _relation_adjective(w: str) -> bool:
    """A nisba, the adjective of relation: «عسكرية», «إيراني», «الفلسطينيين», «عسكريا»."""
    if w.startswith("ال"):
        w = w[2:]
    return len(w) >= 4 and w.endswith(("ي", "ية", "يا", "يين", "يون", "يتين", "يه"))


def _no_object(w: str) -> bool:
    """A word that opens no object: a noun of a compound preposition or adverb («مستوى» of
    «على مستوى», «الأقل»), a connective («حيث», «إذ»), or a word with a conjunction glued
    on that opens another conjunct: a verb or masdar («واتهمت», «وإحالتها») or a definite
    noun («والمدنيين»)."""
    if w in L.NOT_TARGET_NOUNS or w in L.ELABORATION or w in L.CLAUSE_BREAKS or \
            _is_complementizer(w) or _strip_conj(w) in L.RELATIVE_PRONOUNS:
        return True
    if w[:1] in L.GLUED_CONJ and w[1:] in L.ANY_PREPS:
        return True  # «ومن», «وفي»
    if w[:1] in L.GLUED_CONJ and len(w) >= 5:
        rest = w[1:]
        return rest.startswith("ال") or rest[:1] in "اأإ" or \
            (rest[:1] in L.IMPERFECT_PERSON and len(rest) >= 4)
    return False


def _others(w: str) -> bool:
    """«آخرين», «الآخرون»: people counted before, named by no word here."""
    return w in L.OTHERS or (w.startswith("ال") and w[2:] in L.OTHERS)


def _agent_after(c: Candidate, ws: Words, after: list[Arg], ctx: Context) -> Arg | None:
    """«هجوم من قبل الجماعة», «غارة شنتها الطائرات»: an agent marker or a verb whose
    pronoun is the event, a few words after the noun; the name or noun after it acts."""
    words = ws.words
    for j in range(c.last_word + 1, min(len(words) - 1, c.last_word + 8)):
        w = words[j]
        if w in L.CLAUSE_BREAKS:
            return None
        if c.object_genitive and j > c.last_word + 1 and \
                words[j - 1] not in L.RELATIVE_PRONOUNS:
            return None  # «تدمير طائرة أطلقها …»: the verb tells of the object, not the act
        k = None
        if w in L.AGENT_VERBS or w[1:] in L.AGENT_VERBS:
            k = j + 1
        elif w in L.AGENT_MARKER_FIRST:
            for m in L.AGENT_MARKERS:
                if tuple(words[j:j + len(m)]) == m:
                    k = j + len(m)
                    break
        if k is None:
            continue
        if k < len(words) and ctx.in_timex(ws.starts[k]):
            return None  # «هجوم شنه الجمعة»: a time, the author left unsaid
        named = next((a for a in after if _word_of(ws, a.start) == k), None)
        if named is not None:
            return named if _can_act(ws, named) else None
        subject = _subject_phrase(ws, k, ctx)
        if subject is None and k < len(words) and w in L.AGENT_MARKER_FIRST and \
                _content(words[k]) and words[k] not in L.ANY_PREPS and \
                number_at(words, k) is None and not ctx.in_timex(ws.starts[k]):
            # «من قبل مسلحين», «على يد مجهولين»: after an agent marker an indefinite
            # noun is the agent too
            subject = Arg(ws.starts[k], ws.ends[k], "noun")
        return subject
    return None


def _clause_subject(ctx: Context, ws: Words, before: list[Arg], c: Candidate) -> Arg | None:
    """The actor of an event noun no closer rule placed: the nearest person, organisation or
    country before it in its sentence that no preposition governs («وكان الرئيس قد بحث …
    في اجتماع»), or, for a noun with a pronoun («انسحابه»), the pronoun's antecedent. The
    source of a statement is not the actor of what it reports, unless the pronoun is his;
    the speaker of another statement may be («وكان الوزير قد بحث … في اجتماع، وقال إن …»)."""
    suffixed = c.suffixed
    speakers = ctx.statement_speakers(ctx.to_text(c.start))
    # («أكد الوزير أن الاجتماع …», «زوجة الرئيس الذي يواجه … احتجاجات»): a name before a
    # complementizer or a relative pronoun is in another clause; a pronoun («انسحابه»)
    # may still refer back to it
    bound = -1 if suffixed else _clause_start(ctx, ws, c.word)
    for b in reversed(before):
        if _word_of(ws, b.end - 1) < bound:
            return None
        if b.span is None:
            continue
        if b.span.label == "LOC":
            place = geocode(b.canonical or ctx.vt[b.start:b.end])
            if place is None or place.level != 0:
                continue
        if _prep_before(ctx, ws, b, L.ANY_PREPS) or \
                (not suffixed and ctx.to_text(b.start) in speakers):
            continue
        if _not_author(ctx, ws, b, c) or _victim(ws, b):
            continue
        if _can_act(ws, b) and not _is_site(b, ctx):
            return b
    return None


def _vocalized_passive(ctx: Context, c: Candidate) -> bool:
    """A perfect trigger verb written with the passive's vowels: a damma on its first
    letter («قُتل», «أُصيب»). Most news is unvocalized; where it is not, it says so. An
    imperfect's prefix takes a damma in the active too («تُنهي»): not read."""
    raw = ctx.article.text[ctx.to_text(c.start):ctx.to_text(c.end)]
    stem = raw[len(c.prefix):] if c.prefix and raw.startswith(c.prefix) else raw
    return len(stem) > 2 and stem[1] == "\u064f" and stem[0] not in L.IMPERFECT_PERSON


def _passive(ctx: Context, ws: Words, i: int) -> bool:
    """«تم اعتقال …», «تم ليلة أمس اختطاف …»: a passive auxiliary right before the masdar
    at word i, or before it and a time."""
    for k in range(i - 1, max(-1, i - 5), -1):
        if ws.words[k] in L.PASSIVE_AUX:
            return True
        if not ctx.in_timex(ws.starts[k]):
            return False
    return False


def _clause_start(ctx: Context, ws: Words, j: int) -> int:
    """The nearest word before word j that opens a clause of its own (`_clause_bound`),
    or -1. The sentence's clause openers are found once."""
    opens = ctx.cached(("clause openers", id(ws)), lambda: [
        k for k in compress(count(), map(_OPENERS.__contains__, ws.words))
        if _clause_bound(ws, k, k + 1)])
    i = bisect_left(opens, j) - 1
    return opens[i] if i >= 0 else -1


def _clause_bound(ws: Words, i: int, j: int) -> bool:
    """Whether words i..j-1 open a clause with a subject of its own: a relative pronoun
    («الذي», «التي»), or a bare complementizer before a noun («أكد الوزير أن الاجتماع …»,
    «إلا أن تأييدها …»). A complementizer with a pronoun («أعلنت الحركة أنها نفذت …») or
    before an imperfect verb («يحق للحكومة أن تقوم بقصف …») has the name
    before it as its subject."""
    words = ws.words
    for k in range(i, min(j, len(words))):
        w = words[k]
        if w in _RELATIVES:
            return True
        if w in _COMPLEMENTIZERS:
            nxt = words[k + 1] if k + 1 < len(words) else ""
            if not _imperfect_verb(nxt):
                return True
    return False


# the relative pronouns and complementizers, bare or with a conjunction glued in front
_RELATIVES = L.RELATIVE_PRONOUNS | frozenset(c + w for c in L.GLUED_CONJ
                                             for w in L.RELATIVE_PRONOUNS)
_COMPLEMENTIZERS = L.COMPLEMENTIZERS | frozenset(c + w for c in L.GLUED_CONJ
                                                 for w in L.COMPLEMENTIZERS)
# a word of neither kind opens no clause: only these are worth a `_clause_bound`
_OPENERS = _RELATIVES | _COMPLEMENTIZERS


def _imperfect_verb(w: str) -> bool:
    """A word written like an imperfect verb without a pronoun («تدافع», «يقوم»), not
    a masdar with one («تأييدها») or a feminine or plural noun."""
    return len(w) >= 4 and w[:1] in L.IMPERFECT_PERSON and \
        not w.endswith(("ة", "ات", *L.SUFFIXES))


def _strip_conj(w: str) -> str:
    return w[1:] if len(w) > 3 and w[:1] in L.GLUED_CONJ else w


def _is_complementizer(w: str) -> bool:
    """«أن», «وإن», «بأنه», «أنها»."""
    w = _strip_conj(w)
    return w in L.COMPLEMENTIZERS or any(
        w.startswith(comp) and w[len(comp):] in L.SUFFIXES for comp in L.COMPLEMENTIZERS)


def _dateline(ctx: Context, b: Arg) -> bool:
    """«بيروت، لبنان (وكالات) -»: a place followed by a parenthesis or a dash."""
    return ctx.vt[b.end:b.end + 3].lstrip()[:1] in ("(", "-", "–", "—", ":")


def _not_author(ctx: Context, ws: Words, b: Arg, c: Candidate) -> bool:
    """A name before an event noun that cannot be its author: the subject of a verb of
    speech or reaction («نفت الدولة وقوع اعتداء», «دان سفير جمهورية … فلان التفجير»), a
    genitive of a noun a preposition governs («عشرة من منسوبي قوات الأمن»: the victims),
    a dateline («دبي، الإمارات (…)»). One who speaks of a meeting or an agreement may
    well have taken part in it, so the verbs of speech only bar the other types."""
    words = ws.words
    i = _word_of(ws, b.start)
    if _dateline(ctx, b):
        return True
    if i >= 2 and words[i - 2] in L.ANY_PREPS and _content(words[i - 1]) and \
            not words[i - 1].startswith("ال") and words[i - 1][:1] not in L.GLUED_PREPS and \
            ctx.mention_at(ws.starts[i - 1]) is None:  # a common noun, not a name («بين X وY»)
        return True
    if i >= 1 and _governed_noun(words[i - 1]) and ctx.mention_at(ws.starts[i - 1]) is None:
        return True  # «بدولة فلسطين», «للإذاعة "…"»: the genitive of a governed noun
    if c.type in L.PARTNER_TYPES:
        return False
    for j in range(i - 1, max(-1, i - 13), -1):  # titles and a long name between
        w = words[j]
        if w in L.SOURCE_VERBS or _strip_conj(w) in L.SOURCE_VERBS:
            return True
        if w in L.ANY_PREPS or _is_complementizer(w) or \
                w in L.RELATIVE_PRONOUNS or w in L.CLAUSE_BREAKS or w in L.TRIGGER_KEYS:
            return False
    return False


def _governed_noun(w: str) -> bool:
    """A noun with a preposition glued on: «بدولة», «للإذاعة», «بالمدينة» (a verb never
    takes «ب», and «لل/بال» glue a preposition to an article)."""
    w = _strip_conj(w)
    if w.startswith(("لل", "بال", "كال")):
        return len(w) >= 5
    return w[:1] == "ب" and len(w) >= 4 and _content(w[1:]) and w[1:] not in L.ANY_PREPS


def _noun_nisba_before(ctx: Context, ws: Words, i: int) -> Arg | None:
    """«وفدا عراقيا يزور …»: a noun and its nationality adjective right before a verb."""
    noun = ws.words[i - 2] if i >= 2 else ""
    if any(noun == comp + suffix for comp in L.COMPLEMENTIZERS for suffix in L.SUFFIXES):
        # «أكدوا أنها تركية قصفت …»: «إنها» is no noun; the nationality alone names the
        # actor
        return _nisba(ctx, ws, i - 1, accusative=True)
    # a noun with a preposition glued on («لصواريخ») is no subject
    if not _content(noun) or noun in L.ANY_PREPS or noun[0] in L.GLUED_PREPS:
        return None
    if _nisba(ctx, ws, i - 1, accusative=True) is None:
        return None
    return Arg(ws.starts[i - 2], ws.ends[i - 1], "noun")


def _subject_phrase(ws: Words, k: int, ctx: Context | None = None) -> Arg | None:
    """A definite noun and its definite adjectives right after a verb («قصفت الطائرات
    الإسرائيلية …»), or an indefinite noun with a nationality adjective («شنت طائرات حربية
    إسرائيلية …»): the subject where no name stands there. With a nationality adjective,
    its country is the phrase's canonical actor."""
    words = ws.words
    if k >= len(words) or len(words[k]) < 3 or words[k] in L.NEGATION or \
            not _content(words[k]) or (ctx is not None and ctx.in_timex(ws.starts[k])):
        return None  # («قتل ليل الاثنين ثلاثة»: a time is no subject)
    definite = words[k].startswith("ال") and len(words[k]) >= 4
    j = k
    if not definite and k + 1 < len(words) and words[k + 1].startswith("ال") and \
            _content(words[k + 1]) and number_at(words, k) is None and \
            words[k + 1][2:] not in L.PLACE_HEAD_FORMS:
        # «التقى ولي العهد …», «قصفت طائرات الاحتلال …»: a noun and its genitive
        j = k + 1
        definite = True
    while j + 1 < len(words) and j - k < 2 and _adjective(words[j + 1]) and \
            words[j + 1].startswith("ال") == definite and \
            (ctx is None or ctx.mention_at(ws.starts[j + 1]) is None) and \
            words[j + 1][2:] not in L.PLACE_HEAD_FORMS and \
            words[j + 1] not in L.TRIGGER_KEYS and number_at(words, j + 1) is None and \
            words[j + 1] not in L.PERSON_TITLES:
        j += 1  # («استقبل الرئيس السفير …»: a title after the subject opens the object)
    country = None
    if ctx is not None:
        for i in range(k + 1, j + 1):
            nisba = _nisba(ctx, ws, i)
            if nisba is not None:
                country = nisba.canonical
                j = i  # the phrase ends at its nationality
                break
    if not definite and country is None:
        return None
    return Arg(ws.starts[k], ws.ends[j], "noun", canonical=country)


def _is_site(a: Arg, ctx: Context | None = None) -> bool:
    """An organisation's seat named as a place («البيت الأبيض», «البنتاغون»)."""
    if ctx is not None:
        # most names open with no site's first word: no look-up then
        first = ctx.vt[a.start:a.end].split(maxsplit=1)
        firsts = site_first_words()
        w = first[0] if first else ""
        if not w or (w not in firsts and w[1:] not in firsts and w[2:] not in firsts and
                     "ال" + w[2:] not in firsts and "ال" + w[3:] not in firsts):
            return False  # («للبيت», «وللبيت»: the article under a glued «ل»)
    return _site_name(a.canonical or "") or (ctx is not None and _site_name(ctx.vt[a.start:a.end]))


@lru_cache(maxsize=8192)
def _site_name(name: str) -> bool:
    place = geocode(name)
    return place is not None and place.level == 4


def _victim(ws: Words, a: Arg) -> bool:
    """«مقتل خمسة مسلحين»: a noun after a toll word (and its count) was killed or hurt; so
    is a name at the end of the toll word's noun phrase («مقتل المراهق الأمريكي الأعزل
    فلان»: titles and adjectives between, no preposition but «من», no clause word)."""
    words = ws.words
    i = _word_of(ws, a.start)
    if i > 0 and number_at(words, i - 1) is not None:
        i -= 1
    if i > 0 and words[i - 1] in L.CUE_STARTS:
        return True
    for k in range(i - 1, max(-1, i - 8), -1):
        w = words[k]
        if w in L.CUE_STARTS:
            return True
        if (w in L.ANY_PREPS and w != "من") or w in L.CLAUSE_BREAKS or \
                _is_complementizer(w) or _strip_conj(w) in L.RELATIVE_PRONOUNS or \
                w in L.TRIGGER_KEYS or w[:1] in L.GLUED_CONJ and w[1:] in L.TRIGGER_KEYS:
            return False
    return False


def _scene(ws: Words, a: Arg) -> bool:
    """«وشهدت القدس مسيرة»: the name after «شهد» is where it happened."""
    i = _word_of(ws, a.start)
    return i > 0 and ws.words[i - 1] in L.SCENE_VERBS


def quoted(ctx: Context, a: Arg) -> bool:
    """A name between quotation marks («مصادر "الرياض"», «لـ"عمان"»): a newspaper or a
    channel named after a city, not a place (the match view writes every quote mark «"»)."""
    return ctx.vt[a.start - 1:a.start] == '"' and ctx.vt[a.end:a.end + 1] == '"'


def places(ctx: Context, ws: Words, args: list[Arg]) -> list[Arg]:
    """LOC mentions, «حي …»/«مخيم …» phrases the gazetteer knows, and a place head after a
    preposition with the unknown name it opens («في منطقة العروة»), in order."""
    out = [a for a in args if a.span is not None and (a.span.label == "LOC" or _is_site(a, ctx))
           and not quoted(ctx, a) and not _head_and_adjective(ws, a)
           and not _names_a_person(ctx, ws, a, args)]
    words = ws.words
    heads = L.PLACE_HEAD_FORMS
    for i in ctx.head_positions(ws):
        bare = heads[words[i]]
        if i + 1 >= len(words):
            continue
        a = None
        for n in (2, 1):
            if i + n < len(words):
                name = " ".join([bare, *words[i + 1:i + 1 + n]])
                if geocode(name) is not None:
                    a = Arg(ws.ends[i] - len(bare), ws.ends[i + n], "place")
                    break
        if a is None:
            # «ريف إدلب», «بلدة كفرنبل»: a head before a place the tagger or the gazetteer
            # knows is that place's part; its point is the place's
            for n in (2, 1):
                if i + n >= len(words):
                    continue
                inner = " ".join(words[i + 1:i + 1 + n])
                named = next((o for o in out if o.start == ws.starts[i + 1] and
                              o.end == ws.ends[i + n]), None)
                if named is not None or _gazetteer_place(inner):
                    a = Arg(ws.ends[i] - len(bare), ws.ends[i + n], "place",
                            canonical=(named.canonical if named is not None else None) or inner)
                    break
        if a is not None:
            same = next((o for o in out if o.start == a.start and o.end == a.end and
                         o.span is not None), None)
            if same is not None:
                # the tagger's own mention of it: keep its entity, with the point of the
                # place it is a part of («ريف حلب» -> «حلب») where the head loop found one
                a = Arg(a.start, a.end, "mention", same.span, a.canonical or same.canonical)
            out = [o for o in out if not (o.start < a.end and a.start < o.end)]
            out.append(a)
    chain = L.CHAIN_HEAD_FORMS
    if not chain.keys().isdisjoint(ws.vocabulary):
        for i in list(compress(count(), map(chain.__contains__, words))):
            if any(o.start <= ws.starts[i] < o.end or o.start <= ws.ends[i] - 1 < o.end
                   for o in out):
                continue  # a place already found there, with its head
            a = _unknown_place(ctx, ws, i, *chain[words[i]])
            if a is not None:
                out = [o for o in out if not (o.start < a.end and a.start < o.end)]
                out.append(a)
    taken = [(o.start, o.end) for o in out]
    preps = L.PLACE_PREPS
    for i in _after_place_prep(words, preps):
        # a place the tagger missed, right after a place preposition («في صعدة», «بصعدة»)
        w = words[i]
        name = w if words[i - 1] in preps else w[1:]
        if not _gazetteer_place(name) or any(p <= ws.starts[i] < q for p, q in taken):
            continue
        out.append(Arg(ws.ends[i] - len(name), ws.ends[i], "place", canonical=name))
    out.sort(key=lambda a: a.start)
    return out


def _after_place_prep(words: list[str], preps: frozenset[str]) -> list[int]:
    """The indices, in order, of the words right after a place preposition and of the
    words of more than three letters that open with a glued «ب» (not the first word):
    where a place the tagger missed may stand. The scans run in C."""
    after = compress(count(1), map(preps.__contains__, words[:-1]))
    glued = [i for i in compress(count(), map(str.startswith, words, repeat("ب")))
             if i and len(words[i]) > 3]
    if not glued:
        return list(after)
    return sorted(set(after).union(glued))


def _unknown_place(ctx: Context, ws: Words, i: int, head: str, glued_prep: bool
                   ) -> Arg | None:
    """«في منطقة العروة», «بوادي الحمرا»: an indefinite place head after a place
    preposition and the name right after it, though neither tagger nor gazetteer knows it.
    An adjective or a determiner after the head («منطقة حدودية», «المنطقة ذاتها»), a time,
    a number, another preposition or a name of a person or body is no place name; nor is
    a head inside such a name or between quotation marks («في "جبهة النصرة"»)."""
    words = ws.words
    if not glued_prep and not (i > 0 and words[i - 1] in L.PLACE_PREPS):
        return None
    n = i + 1
    if n >= len(words) or not _name_word(words[n], strict=True) or \
            ctx.in_timex(ws.starts[n]) or ctx.vt[ws.starts[i] - 1:ws.starts[i]] == '"':
        return None
    pos = ctx.to_text(ws.starts[i] + len(words[i]) - len(head))
    k = bisect_right(ctx.mention_starts, pos) - 1
    if k >= 0 and ctx.mentions[k].end > pos and ctx.mentions[k].label != "LOC":
        return None
    m = ctx.mention_at(ws.starts[n])
    if m is not None and m.label != "LOC":
        return None
    return Arg(ws.ends[i] - len(head), ws.ends[n], "place")


def _name_word(w: str, strict: bool) -> bool:
    """Whether the word after an indefinite place head may be the place's name: not a
    kind of place («منطقة حدودية») or a determiner («ذاتها»). With `strict` (no tagger saw
    a name there) also not a preposition, a time word, a number, a phrase glued to a
    preposition («بالمحافظة»), nor an indefinite nisba or participle agreeing with the
    head («منطقة عسكرية», «منطقة محاصرة»)."""
    if w in L.NOT_PLACE_NAMES or w in L.RELATIVE_PLACE:
        return False
    if not strict:
        return True
    if not _content(w) or w in L.ANY_PREPS or w in L.TRIGGER_KEYS or \
            w in L.CLAUSE_BREAKS or w in L.PLACE_HEAD_FORMS or \
            number_at([w], 0) is not None or w.startswith(("وال", "فال", "بال", "لل", "كال")):
        return False
    return w.startswith("ال") or not (w.endswith(("ي", "يه")) or
                                       (w[:1] == "م" and w.endswith("ه")))


def _names_a_person(ctx: Context, ws: Words, a: Arg, args: list[Arg]) -> bool:
    """A country in a person's title, right before the person's name («وصل رئيس وزراء
    البلد فلان»: the country is whose minister, not where the event is): no place
    preposition before it, a person's name right after it."""
    if _prep_before(ctx, ws, a, L.PLACE_PREPS):
        return False
    return any(b.span is not None and b.span.label == "PER" and b.start > a.end and
               not ctx.vt[a.end:b.start].strip() for b in args)


def _head_and_adjective(ws: Words, a: Arg) -> bool:
    """A place mention of two words, an indefinite head and an adjective («منطقة
    حدودية»): a kind of place, not a named one («بلدة حمورية» is one the gazetteer knows)."""
    i, j = _word_of(ws, a.start), _word_of(ws, a.end - 1)
    if j != i + 1:
        return False
    head = ws.words[i]
    return (head in L.CHAIN_HEAD_FORMS or head in L.PLACE_HEAD_FORMS) and \
        not _name_word(ws.words[j], strict=False)


@lru_cache(maxsize=8192)
def _gazetteer_place(name: str) -> bool:
    """A name the gazetteer holds that is safely a place: a country, a region, one of our
    sites, or a town big enough that its name is not a common word."""
    if name in L.PLACE_HEAD_FORMS or (name.startswith("ال") and name[2:] in L.PLACE_HEAD_FORMS):
        return False  # «دولة», «مدينة», «الحي»: a head, whatever town bears its name
    place = geocode_folded(name)  # a view's word: folded already
    return place is not None and (place.source == "sites" or place.level <= 1 or (
        place.population >= L.GAZETTEER_MIN_POPULATION and
        place.country in L.GAZETTEER_COUNTRIES))


def coordinated(ctx: Context, c: Candidate, ws: Words, found: list[Arg]) -> list[Arg]:
    """The places after the trigger joined by «و» to the first of them («في جنين وطوباس
    ورام الله»), not those inside another («… في الخليل»)."""
    after = [p for p in found if p.start >= c.end]
    if len(after) < 2:
        return after[:1]
    out = [after[0]]
    for p in after[1:]:
        glued = _glued(ctx, ws, p)
        i = _word_of(ws, p.start)
        if glued == "و" or (not glued and i > 0 and ws.words[i - 1] == "و"):
            out.append(p)
    return out


def location(ctx: Context, c: Candidate, ws: Words, found: list[Arg], actor: Arg | None,
             partner: Arg | None = None) -> Arg | None:
    """The scene: the first place named after the trigger, else the last before it; not
    the actor, nor the partner of a meeting or an agreement («وقعت الأردن مذكرة مع
    مصر»)."""
    if partner is not None and not _prep_before(ctx, ws, partner, L.PARTNER_PREPS):
        partner = None  # («زار الوزير باريس»: the place visited is the scene too)
    cands = [p for p in found if (actor is None or p.start != actor.start) and
             (partner is None or not partner.start <= p.start < partner.end)]
    end = ctx._cache.get(("members end", c.start))
    if end is not None and actor is not None:
        # «قمة بين مصر والأردن والعراق في بغداد»: the parties are no scene
        cands = [p for p in cands if not actor.start <= p.start < end]  # type: ignore[operator]
    after = [p for p in cands if p.start >= c.end]
    if after:  # the first named after the trigger is the most specific («مخيم X شمالي Y»)
        return after[0]
    before = [p for p in cands if p.end <= c.start]
    scenes = [p for p in before if not _prep_before(ctx, ws, p, L.RELATIVE_PLACE)]
    return (scenes or before)[-1] if before else None


def date(ctx: Context, c: Candidate, si: int):
    """The calendar timex that dates the event: in its sentence, nearest after the
    trigger, else before it; else the last dated one earlier in its paragraph, where a
    sentence tells an event of the same type. Durations and sets never date an event
    (`Context.dates`), nor does a since-phrase or a date inside a relative clause that
    follows the trigger (`_dates_it`)."""
    s = ctx.sent_spans[si]
    ts, starts = ctx.dates, ctx.date_starts
    i, j = bisect_left(starts, s.start), bisect_left(starts, s.end)
    inside = [t for t in ts[i:j] if not _since(ctx, t)]
    if inside:
        t0 = ctx.to_text(c.start)
        after = [t for t in inside if t.start >= t0 and _dates_it(ctx, c, t)]
        if after:
            return after[0]
        before = [t for t in inside if t.start < t0]
        return before[-1] if before else None
    k = bisect_left(ctx.para_starts, s.start + 1) - 1
    if k < 0:
        return None
    p = ctx.paragraphs[k]
    for m in range(i - 1, -1, -1):
        prev = ts[m]
        if prev.start < p.start:
            break
        if _since(ctx, prev):
            continue
        # «… ذكرت الوزارة اليوم … / وأشار إلى لقائه بالرئيس»: an earlier sentence's date is
        # the date of what it tells; it carries on to an event of the same kind
        # («شنت الطائرات أمس غارات … / كما استهدفت غارات …») or to a sentence that
        # points back to it («… وقيل حينها إن الهجوم …»)
        if _tells_same_type(ctx, c, prev) or not ANAPHORIC_TIMES.isdisjoint(
                word_set(ctx.words(si).vocabulary)):
            return prev
        return None
    return None


def _word_before(ctx: Context, t) -> str:
    """The folded word right before a timex."""
    a = ctx.to_view(t.start)
    m = L.LAST_WORD.search(ctx.vt, max(0, a - 24), a)
    return m.group(1) if m else ""


def _since(ctx: Context, t) -> bool:
    """«منذ عام 2011», «منذ منتصف نيسان», «منذ نحو أسبوعين»: the start of a state or a
    long span, not the day of the event told beside it. A day after «منذ» still dates
    the day's strikes («شنت 20 غارة منذ مساء الخميس»)."""
    key = ("since", t.start)
    got = ctx._cache.get(key)
    if got is None:
        first = L.WORD.match(ctx.vt, ctx.to_view(t.start))
        # «منذ نحو أسبوعين»: a span counted back, not a named day
        got = ctx._cache[key] = (first is not None and L.with_conj(first.group(0), L.SINCE)) \
            or (len(str(t.attrs.get("value") or "")) < 10
                and L.with_conj(_word_before(ctx, t), L.SINCE))
    return bool(got)


def _dates_it(ctx: Context, c: Candidate, t) -> bool:
    """A date after the trigger dates it unless a relative pronoun opens another clause
    between them with no comma back («قصفت المبنى الذي شيد عام 1967»; but «غارة على
    المنزل الذي تسكنه العائلة، صباح الأحد»), or unless it is a year or a month told of
    another occurrence that a word like «عقب/منذ» names between them («فرض عقوبات عقب
    انتخابات أجريت في مايو»; but «اعتقل بعد ظهر الأحد», «… بعد المداهمة فجر الأحد»)."""
    a, b = c.end, ctx.to_view(t.start)
    between = ctx.vt[a:b]
    cut = -1
    month_or_year = len(str(t.attrs.get("value") or "")) < 10
    words = list(L.WORD.finditer(between))
    for n, m in enumerate(words):
        w = m.group(0)
        opener = month_or_year and n + 1 < len(words) and \
            L.with_conj(w, L.OTHER_OCCURRENCE_OPENERS)
        if opener or L.with_conj(w, L.RELATIVE_PRONOUNS):
            cut = m.end()
    return cut < 0 or "،" in between[cut:] or "," in between[cut:]


def _tells_same_type(ctx: Context, c: Candidate, t) -> bool:
    k = bisect_right(ctx.sent_text_starts, t.start) - 1
    return any(x.type == c.type for g in ctx._cache.get(("groups", k), ())  # type: ignore[attr-defined]
               for x in g)


def casualties(ws: Words) -> tuple[dict[str, int], set[str]]:
    return counts(ws.words)



def object_phrase(ctx: Context, c: Candidate, ws: Words, actor: Arg | None) -> Arg | None:
    """The target as a common noun where no name is there: the word after «على/ضد» that
    follows the trigger («غارة على منزل»), or the noun a masdar governs («استهداف حاجز»)."""
    words = ws.words
    k = c.last_word + 1
    if actor is not None and actor.start >= c.end:
        k = _word_of(ws, actor.end - 1) + 1
    if c.object_genitive and not c.secondary and not c.suffixed and k < len(words) and \
            _content(words[k]) and words[k] not in L.ANY_PREPS:
        # («اغتياله قبل عامين»: the pronoun is the object; «قبل» is none)
        return _object_np(ctx, ws, k)
    preps = L.TARGET_PREPS | L.TARGET_PREPS_BY_TYPE.get(c.type, frozenset())
    for j in range(k, min(k + 6, len(words) - 1)):
        if (words[j] in preps or words[j] in L.TARGET_VERBS) and _content(words[j + 1]):
            if words[j + 1] in L.NOT_TARGET_NOUNS:
                continue  # «على مستوى», «على الرغم»: no target
            o = j + 1
            while o < len(words) - 1 and ctx.in_timex(ws.starts[o]):
                o += 1  # «استهدف صباح اليوم مدينة …»
            obj = _object_np(ctx, ws, o)
            if obj is not None:
                return obj
    if c.type in L.PARTNER_TYPES:
        # «بحث الوزير مع نظيره في اتصال هاتفي»: the partner named before the noun
        for j in range(c.word - 1, max(0, c.word - 8), -1):
            if words[j] in L.CLAUSE_BREAKS:
                break
            if words[j] in L.PARTNER_PREPS and _content(words[j + 1]) and j + 1 < c.word:
                return Arg(ws.starts[j + 1], ws.ends[j + 1], "noun")
    return None


def victims(ctx: Context, group: list[Candidate], ws: Words) -> Arg | None:
    """Who was killed, where nothing else is the target: the noun after a death word and
    its count («باستشهاد 105 فلسطينيين», «استشهد فلسطيني», «مقتل الصحفي …»)."""
    words = ws.words
    for c in group:
        if not c.secondary:
            continue
        k = c.last_word + 1
        n = number_at(words, k)
        if n is not None:
            k = n[1]
        if k < len(words) and _content(words[k]) and words[k] not in L.NOT_VICTIMS and \
                not _no_object(words[k]) and not _others(words[k]) and \
                (words[k][:1] not in L.GLUED_PREPS or words[k].startswith("ال")):
            # («أصيب بالدهشة», «المصابين بسرطان»: an illness or a state, not a victim)
            return Arg(ws.starts[k], ws.ends[k], "noun")
    return None


def _adjective(w: str) -> bool:
    """A word that may be an adjective of the noun before it («الهجوم الصاروخي الأخير»,
    «غارات جوية مكثفة»): no preposition, no place head, no number."""
    return len(w) > 2 and not w.isdigit() and w not in L.ANY_PREPS and \
        w not in L.TOPIC_PREPS and \
        w not in L.PLACE_HEAD_FORMS and w not in L.CLAUSE_BREAKS and \
        w[0] not in L.GLUED_PREPS and w not in L.TARGET_VERBS  # «تفجير انتحاري استهدف …»


def _content(w: str) -> bool:
    return len(w) > 2 and not w.isdigit() and w not in L.RECIPIENT_PREPS and \
        w not in L.PLACE_PREPS and w not in L.NEGATION and w not in L.PREP_PRONOUNS
