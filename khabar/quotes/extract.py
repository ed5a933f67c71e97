"""Statements in one sentence: cue → subject → medium → complementizer → content.

The grammar is the Arabic news sentence: a reporting verb (or participle) first, then its
subject noun phrase (absent in a continuation), then an optional medium phrase and asides
(time, place), then the complementizer or preposition the verb takes, then the content,
which runs to the next statement's cue, an aside that closes it, or the sentence's end.
Asides (khabar.quotes.asides: «طلب عدم ذكر اسمه»; time expressions; medium phrases) are
passed over; a verb form after a word that governs a noun («رغم رفض») is no cue, and an
inviting verb whose goal is an event («دعا إلى اجتماع») states nothing.
"""
from __future__ import annotations

from dataclasses import replace
from itertools import compress, count

from khabar.quotes.asides import anonymity_end, in_anonymity_clause
from khabar.quotes.content import MIN_DIRECT_WORDS, quote_before, recap_at, settle_kind, trim
from khabar.quotes.context import fill_context
from khabar.quotes.documents import document_source
from khabar.quotes.items import Item
from khabar.quotes.lexicon import (CUE_WORDS, LEX, OPENER_LAST_WORDS, POINTING_WORDS,
                                   TOPIC_WORDS, CueForm, pointing_cue)
from khabar.quotes.attribution import source_like
from khabar.quotes.markers import SERIAL_SPEECH, complement_ok, marker
from khabar.quotes.relative import antecedent, document_author
from khabar.quotes.morph import ACCUSATIVE, ARTICLE, CONJ, DEFINITE, IMPERFECT_PREFIX, \
    NISBA, PREPS, PRONOUN_SUFFIXES, contract
from khabar.quotes.medium import Medium, addressed_body, medium_end, outlet_name, parse_medium
from khabar.quotes.sentence import (COMMA, PUNCT_STOP, Sentence, at_stop, preposition,
                                   spelt_as_name)
from khabar.quotes.speaker import NP, apposition, has_head, head_kind, parse_np, possessed_noun

_LOOKAHEAD = 16  # tokens between a subject and its complementizer (time, place, medium)
_ASIDE_LOOKAHEAD = 30  # the same when an aside set off by commas follows the subject
_BEHALF_MAX = 8  # tokens of an aside on whose behalf the subject speaks («باسمه واسم …»)
_DASHES = {"-", "–", "—"}
_GAP_STOP = PUNCT_STOP - {"/"} - _DASHES


# the words a cue candidate starts with: most words of a sentence are none of them, and
# are passed over without a Python step each
_CUE_OR_POINTING = CUE_WORDS | POINTING_WORDS


def _cue_candidates(s: Sentence) -> list[tuple[int, int, CueForm, str]]:
    out = []
    firsts = CUE_WORDS
    inside = s.inside
    for k in compress(count(), map(_CUE_OR_POINTING.__contains__, s.words)):
        if inside[k]:
            continue
        w = s.words[k]
        glued = w not in firsts or k + 1 < len(s.words) and s.words[k + 1] in LEX.resumptive_objects
        if glued and _after_trailing_opener(s, k):
            # «…، هذا ما قاله المدرب», «…، وهو ما صرح به الوزير»
            pointing = pointing_cue(s.words, k)
            if pointing is not None:
                out.append((k, k + pointing[0], pointing[1], pointing[2]))
            continue
        if w not in firsts:
            continue
        m = LEX.cues.match(s.words, k) or LEX.glued_masdars.match(s.words, k)
        if m and m[1].form != "masdar" and k > 0 and s.words[k - 1] in LEX.noun_governors \
                or in_anonymity_clause(s, k):
            continue  # «رغم رفض …», «طلب عدم ذكر اسمه»: a verbal noun, no cue
        if m and _pairing_preposition(s, k):
            continue  # «بين المدن والقرى»: the preposition, not the verb «بيّن»
        if m and k > 0 and _in_document_noun(s, k):
            continue  # «استطلاع رأي»: a word of a document's name, not the verb «رأى»
        if m and k > 0 and (s.words[k - 1][:1].isdigit() and k - 1 not in s.times
                            or s.words[k - 1] in LEX.quantity_words):
            continue  # «785 ألف طالب»: a counted noun, not the verb «طالب»; not «وفي
            # نوفمبر 2017 قال …», where the number closes a date
        if m and w in LEX.platform_preps and k + 1 < len(s.words) and \
                (k + 1 in s.pair_at or parse_medium(s, k) is not None):
            continue  # «ظهر عبر "…"», «عبر تويتر»: the preposition before a channel's
            # name, not the verb «عبّر»
        if m:
            out.append((k, k + m[0], m[1], m[2]))
    return out


def _after_trailing_opener(s: Sentence, k: int, pointing: bool = False) -> bool:
    """A trailing opener (`pointing`: one that points back at the thing said) after a comma
    ends right before k («…، كما قال», «…، هذا ما قاله»)."""
    if k < 2 or s.words[k - 1] not in OPENER_LAST_WORDS:
        return False
    lex = LEX.pointing_openers if pointing else LEX.trailing_openers
    for x in range(max(1, k - _OPENER_MAX), k):
        m = lex.match(s.words, x)
        if m is not None and x + m[0] == k and s.words[x - 1] in COMMA:
            return True
    return False


def _main_subject(s: Sentence, end: int) -> NP | None:
    """The subject after an auxiliary opening the sentence («وكان الوزير، سامي …، قد …»),
    before token `end`; no other verb of saying in between."""
    k = next((x for x in range(min(2, end)) if s.words[x] in LEX.auxiliaries), None)
    if k is None or any(LEX.cues.match(s.words, x) for x in range(k + 1, end)):
        return None
    np = parse_np(s, k + 1, limit=end)
    return apposition(s, np, limit=end) if np is not None else None


def _prayer(s: Sentence, cj: int, item: Item) -> bool:
    """A name of God right after the verb («ودعا الله تعالى أن …», «قال الله تعالى»), or
    after a definite word of its subject («ودعا الخطيب الله أن …»: the object, since a
    definite noun takes no genitive); not in a construct («حزب الله», «عبد الله»)."""
    if cj < len(s) and s.words[cj] in LEX.divine_names:
        return True
    sp = item.speaker
    return sp is not None and any(
        s.words[x] in LEX.divine_names and s.words[x - 1].startswith(ARTICLE)
        for x in range(sp.a + 1, min(sp.b + 1, len(s))))


def _points_back(s: Sentence, ci: int, cj: int) -> bool:
    """A cue whose content is the clause before it: after a pointing opener, or carrying
    the thing said as a pronoun («ذكرته», «أفاد به») after a trailing opener."""
    if _after_trailing_opener(s, ci, pointing=True):
        return True
    return (s.words[ci] not in CUE_WORDS or s.words[cj - 1] in LEX.resumptive_objects) \
        and _after_trailing_opener(s, ci)


_PAIR_REACH = 3  # words from «بين» to the «و» word that joins its second noun


def _pairing_preposition(s: Sentence, k: int) -> bool:
    """«بين الأبناء والآباء»: a cue form spelled like a preposition of two nouns, with a
    word opened by «و» soon after it, and no complementizer before that word."""
    w = s.words[k]
    bare = w[1:] if w[:1] in CONJ and w[1:] in LEX.pairing_prepositions else w
    if bare not in LEX.pairing_prepositions:
        return False
    for x in range(k + 1, min(len(s.words), k + 1 + _PAIR_REACH)):
        v = s.words[x]
        if not s.isword[x] or v in LEX.complementizers:
            return False
        if v[:1] == "و" and len(v) > 2 and v[1:] not in LEX.complementizers and x > k + 1:
            return True
    return False


def _in_document_noun(s: Sentence, k: int) -> bool:
    """The word at k ends a two-word document noun that starts before it."""
    doc = LEX.document_nouns.match(s.words, k - 1)
    return doc is not None and doc[0] > 1


def _quoted_subject(s: Sentence, k: int, form: CueForm) -> bool:
    """«وأشارت "الغارديان" إلى أن»: a short quotation followed by a marker is a name."""
    close = s.pair_at.get(k)
    if close is None or not 1 < close - k <= 6:
        return False
    for j in range(close + 1, min(len(s.words), close + 3)):
        if marker(s, j, form, True) is not None or s.words[j] in COMMA or \
                j == close + 1 and parse_medium(s, j) is not None:
            return True  # also «قالت "الشركة" في تغريدة …»
        if not at_stop(s, j):
            return False
    return False


def _svo_subject(s: Sentence, ci: int) -> NP | None:
    """A subject before the verb: in a headline («الاتحاد المصري يرفض …», after a
    «سوريا:» label too), or after an auxiliary («وكان الوزير، …، قد قال إن …»)."""
    k = 0
    if s.zone == "title":
        colon = next((j for j in range(ci) if s.words[j] == ":"), None)
        if colon is not None:
            k = colon + 1
        while k < ci and not s.isword[k]:
            k += 1
        # «اليابان تؤيد وكندا تدعو»: the latest coordinated phrase before the verb
        # «وزراء» is a word of its own, not «و» + «زراء»
        coordinated = [j for j in range(ci - 1, k, -1) if s.words[j][:1] in CONJ
                       and not _whole_head(s, j)]
        for start in coordinated + [k]:
            np = parse_np(s, start, skip=1 if start > k else 0, limit=ci)
            if np is not None and np.b == ci:
                return np
        return None
    topic = _topic_subject(s, ci)
    if topic is not None:
        return topic
    # also «أما X فقال»: the topic, then the verb; the auxiliary nearest the verb counts
    k = next((x for x in range(ci - 1, -1, -1) if s.words[x] in LEX.auxiliaries), -1)
    if k < 0 or any(s.words[x] in _GAP_STOP and s.words[x] not in COMMA for x in range(k, ci)):
        return None
    np = parse_np(s, k + 1, limit=ci)
    if np is None:
        return None
    np = apposition(s, np, limit=ci)
    j = np.after
    if j < ci and s.words[j] in LEX.relatives:
        # «وكانت الباحثة التي …، قد أكدت»: a relative clause up to its comma
        j = next((x for x in range(j, ci) if s.words[x] in COMMA), ci)
    while j < ci and (s.words[j] in COMMA or s.words[j] in LEX.continuation_particles):
        j += 1
    if j < ci and s.words[j - 1] in COMMA and _aside_before(s, j, ci):
        j = ci  # «وكان فلان، نائب المدعي العام …، أفاد»: an appositive aside
    return np if j == ci else None


_TOPIC_REACH = 8  # tokens of a subject between a topic opener and its verb


def _topic_subject(s: Sentence, ci: int) -> NP | None:
    """A named or titled subject right before the verb, after a topic opener («إلا أن
    الوزير أكد أن …») or at the very start of the sentence («الوزير أكد أن …»)."""
    lo = max(-1, ci - _TOPIC_REACH - 2)
    closes = {close: open_ for open_, close in s.pair_at.items()
              if close - open_ <= _NAME_QUOTE_MAX}
    x = ci
    while x - 1 > lo:
        x -= 1
        if x in closes and closes[x] > 0:
            x = closes[x]  # «إلا أن صحيفة "ماركا" قالت إن …»: a name in quotation marks
            continue
        if not s.isword[x] or s.inside[x]:
            return None
        m = LEX.topic_openers.match(s.words, x) if s.words[x] in TOPIC_WORDS else None
        start = x + m[0] if m else (0 if x == 0 else -1)
        if start < 0 or start >= ci:
            continue
        np = parse_np(s, start, limit=ci)
        if np is not None and np.after == ci and np.kind != "statement" and \
                (np.a in s.names or has_head(s, np.a) or _quantified_head(s, np)):
            return np
        return None
    return None


def _before_object_noun(s: Sentence, np: NP, form: CueForm) -> NP | None:
    """«وأبدى الوزير الفرنسي تفاؤلا بـ…»: one of the verb's object nouns ends its subject
    (a nisba adjective before it belongs to the subject, the noun opens the content);
    right after the verb («وواصل حديثه قائلا: …») there is no subject."""
    for o in range(np.a, np.b):
        if s.words[o] in form.object_nouns and o not in s.names:
            return replace(np, b=o, tail=0) if o > np.a else None
    return np


def _marker_after(s: Sentence, a: int, reach: int) -> bool:
    """A colon or a complementizer comes from a (up to `reach`), before any stop; a
    clause of its own in between (a verb, a negation) takes the marker, except inside a
    relative clause about the name («مهرجان "الربيع"، الذي ينطلق غدا، إن …»)."""
    relative = False
    for x in range(a, min(len(s.words), reach + 1)):
        w = s.words[x]
        if w == ":" or w in LEX.complementizers:
            return not (x > 0 and s.words[x - 1] in LEX.subordinators)
        relative = relative or w in LEX.relatives
        if w in _GAP_STOP and w not in COMMA or x in s.pair_at or LEX.cues.match(s.words, x) \
                or _negation(w) or not relative and _verb_like(s, x):
            return False  # «"…" ولا أتصور أن …»: the marker is the other clause's
    return False


def _headline_object(title: bool, form: CueForm) -> bool:
    """A headline may give a verb that needs a complement a bare object as its content
    («الوزير يرفض التأجيل»), unless the verb states only with one of its object nouns
    («بريطانيا قدمت خطة»: no thanks offered, nothing said)."""
    return title and not form.object_nouns


def _quantified_head(s: Sentence, np: NP) -> bool:
    """«أحد السكان», «إحدى الناشطات»: a word of number before a source's head noun."""
    return np.b > np.a + 1 and s.words[np.a] in LEX.source_quantifiers and \
        has_head(s, np.a + 1)


def _after_auxiliary(s: Sentence, ci: int) -> bool:
    """«وكان الوزير قد شرح الأسباب»: an auxiliary opened the clause and «قد» stands right
    before the verb, so the subject came before it and the noun after it is the object."""
    return s.words[ci - 1] in LEX.perfect_particles and \
        any(s.words[x] in LEX.auxiliaries for x in range(ci - 1))


def _whole_head(s: Sentence, j: int) -> bool:
    """The word at j, initial letter included, is a head noun of the lexicon."""
    return any(m is not None and m[2] == "" for m in
               (lex.match(s.words, j) for lex in (LEX.titles, LEX.groups, LEX.anonymous,
                                                  LEX.org_heads)))


def _aside_before(s: Sentence, j: int, ci: int) -> bool:
    """Words from j up to a comma right before the verb, with no verb among them."""
    k = ci - 1
    while k > j and s.words[k] in LEX.continuation_particles:
        k -= 1
    return k > j and s.words[k] in COMMA and not any(
        s.words[x] in COMMA or LEX.cues.match(s.words, x) for x in range(j, k))


def _object_after_particle(s: Sentence, ci: int, form: CueForm, np: NP) -> bool:
    """«… . كما دعا السكان إلى التعاون»: after a continuation particle the subject is the
    speaker already named, and a plain noun (no name, title, body or source) right after an
    addressing verb is whom it addresses, its object. A group or a body of people
    («الوزراء», «السكان») is the usual addressee there, so it counts as a plain noun."""
    return "object" in form.takes and form.cls == "demand" and ci > 0 and \
        s.words[ci - 1] in LEX.addition_particles and np.a not in s.names and \
        head_kind(s, np.a) in (None, "group", "anonymous") and (not np.titled or head_kind(s, np.a))


_OBJECT_NOUN_REACH = 6  # tokens from the object's start to its noun («… مسؤولية»)


def _object_noun_ahead(s: Sentence, k: int, form: CueForm) -> bool:
    """One of the verb's object nouns comes soon after k, before any punctuation."""
    if form.form == "imperfect":
        return False  # «تحمل الحكومة مسؤولية»: she bears it, nobody blames
    for j in range(k, min(len(s.words), k + _OBJECT_NOUN_REACH)):
        if s.words[j] in form.object_nouns:
            return True
        if s.words[j] in _GAP_STOP:
            return False
    return False


def _without_object(s: Sentence, np: NP, form: CueForm) -> tuple[NP, int | None]:
    """«واعتبر الوزير القرار خطوة», «ووصف المدرب الملعب بأنه …»: a definite noun after
    another definite word of the subject, right before the predicate noun or the «ب»
    phrase, is the verb's first object (an adjective would be a nisba or a title word)."""
    for o in range(np.a + 1, np.b):
        w = s.words[o]
        if o in s.names or not w.startswith(DEFINITE) or w.endswith(NISBA) or \
                not (s.words[o - 1].startswith(DEFINITE) or _name_ends_at(s, np.a, o)) or \
                _in_title(s, np.a, o):
            continue
        nxt = o + 1
        after = marker(s, nxt, form, True, quote_ok=False) if nxt == np.b + np.tail else None
        glued = after is not None and after[0] in ("prep", "comp") and s.words[nxt][:1] in PREPS
        if glued or nxt < len(s.words) and s.words[nxt] in form.object_nouns:
            return replace(np, b=o, tail=0), o
    return np, None  # «واعتبر الرئيس السابق أن …»: the last word was an adjective


def _name_ends_at(s: Sentence, a: int, o: int) -> bool:
    """A name of the entity stage that starts in [a, o) ends right before o («ووصف سميث
    الوضع …»): a definite word after a name is no part of it."""
    return any(s.names.get(x, (-1, ""))[0] == o for x in range(a, o))


def _in_title(s: Sentence, a: int, k: int) -> bool:
    """Token k belongs to a title phrase of the lexicon that starts in [a, k] («الأمين العام»)."""
    for x in range(a, k + 1):
        m = LEX.titles.match(s.words, x)
        if m is not None and x + m[0] > k:
            return True
    return False


def _before_stance(s: Sentence, np: NP) -> tuple[NP | None, int | None]:
    """«وأكد الوزير رفضه أي تأجيل»: a stance noun that carries its author's pronoun ends
    the subject (a noun phrase takes none after it) and opens the verb's object."""
    for o in range(np.a, np.b):
        if s.words[o] in LEX.stance_forms and not _in_title(s, np.a, o):
            return (replace(np, b=o, tail=0) if o > np.a else None), o
    if possessed_noun(s, np.a):
        # «وأعلن انسحابه من السباق», «وأكد إعلانه أن …»: any noun with the pronoun «ه»
        # of someone named before (no title, relative or name) is the verb's object
        return None, np.a
    return np, None


def _predicate_ahead(s: Sentence, k: int, form: CueForm) -> bool:
    """An object noun phrase at k, then one of the verb's predicate nouns, with no
    complementizer, preposition, medium or punctuation before it («القرار خطوة»)."""
    for j in range(k, min(len(s.words), k + _OBJECT_NOUN_REACH)):
        w = s.words[j]
        if w in form.object_nouns:
            return j > k
        if w in LEX.complementizers or w in LEX.prepositions or w in _GAP_STOP or \
                not s.isword[j] or s.inside[j] or parse_medium(s, j) is not None:
            return False
    return False


def _outlet_hop(s: Sentence, np: NP) -> Medium:
    """The reporting outlet of «نقلت صحيفة X عن …», named as precisely as the text allows."""
    found = outlet_name(s, np.a - np.tail if np.tail else np.a, bare_ok=True)
    if found is not None and found[1] <= np.b + np.tail:
        a, b, sk, end, _, name = found
        extra = {"name_at": name} if isinstance(name, int) else {"canonical": name}
        return Medium(a, b, max(sk, np.skip), "reporter", np.a, extra)
    return Medium(np.a, np.b, np.skip, "reporter", np.a)


def _dative_at(s: Sentence, subject: NP, form: CueForm) -> int | None:
    """«ثمن مسؤولون محليون للحكومة ما قدمته»: after an unnamed source or a group, a word
    glued to the verb's dative preposition starts the one thanked, not part of the speaker
    (a title's own «لـ» phrase, «الأمين العام للجامعة», is its complement: titles keep it)."""
    if not form.dative or subject.kind not in ("anonymous", "group"):
        return None
    for x in range(subject.a + 1, subject.b):
        w = s.words[x]
        if w[:1] in form.dative and len(w) > 3 and (
                w.startswith(contract(w[:1] + ARTICLE)) or x not in s.names and not has_head(s, x)):
            return x
    return None


def _parse_cue(s: Sentence, ci: int, cj: int, form: CueForm) -> Item | None:
    n = len(s.words)
    k = cj
    subject = None
    medium = None
    chain: list[Medium] = []
    doc = None  # a document whose author speaks («أفاد تقرير لمنظمة X»)
    stance_at = None  # a stance noun with its author's pronoun opens the content («رفضه»)
    particle_object = False  # «ولكنه وصف …»: the noun after the verb is its object
    participle = form.form == "participle"
    title = s.zone == "title"
    if form.form == "masdar":
        return _parse_masdar(s, ci, cj, form)
    if not participle and k < n and marker(s, k, form, True) is None:
        med = parse_medium(s, k) or addressed_body(s, k)
        if med is not None and med.relation == "addressee":
            # «كشف لـ"الاقتصادية" مصدر في الميناء أن …»: the medium before the subject
            medium, k = med, medium_end(med)
    # a verb before its subject does not agree in number («قال المسؤولون»): after a
    # plural or dual form («أعلنوا قيام …») the noun phrase is the object
    verb_first = not participle and form.gender != "pl"
    if verb_first and (_quoted_subject(s, k, form) or marker(s, k, form, True) is None):
        doc = document_source(s, k)
        if doc is not None:
            # «أفاد تقرير نشرته صحيفة X بأن …»: the document's author speaks
            subject, k = doc.speaker, doc.end
            medium = medium or doc.medium
            chain.append(doc.hop)
        else:
            subject = parse_np(s, k, stop_preps=form.takes, subject=True)
        if subject is not None and doc is None and ci > 0 and \
                s.words[ci - 1] in LEX.subject_particles and "object" in form.takes:
            # «ولكنه وصف القرار بالمتسرع»: the particle's pronoun is the subject (the
            # speaker came before), the noun after the verb is the object, and what is
            # said starts with it
            subject, particle_object = None, True
        if subject is not None and doc is None and _object_after_particle(s, ci, form, subject):
            subject = None  # «كما دعا السكان إلى …»: the addressee; the speaker came before
        first_object = None
        if subject is not None and doc is None:
            subject, stance_at = _before_stance(s, subject)
            if subject is None:
                k = stance_at  # «وأكد رفضه …»: a continuation, the noun opens the content
        if subject is not None and doc is None and stance_at is None and form.object_nouns:
            subject = _before_object_noun(s, subject, form)
        if subject is not None and doc is None and form.two_objects and stance_at is None:
            subject, first_object = _without_object(s, subject, form)
        if subject is not None and doc is None:
            subject = apposition(s, subject) if first_object is None and stance_at is None \
                else subject
            if first_object is None and stance_at is None and not form.report:
                subject = _title_complement(s, subject)
            k = subject.after
            dative = _dative_at(s, subject, form)
            if dative is not None:
                if s.words[dative].startswith(contract(s.words[dative][:1] + ARTICLE)):
                    k = dative + 1  # «للبلدية سرعة استجابتها»: a definite word is all of it
                subject.b, subject.tail = dative, 0  # «للحكومة»: the one thanked
            if first_object is not None and s.words[first_object + 1][:1] in PREPS and \
                    s.words[first_object + 1] not in form.object_nouns:
                k = first_object + 1  # «ووصف المدرب الملعب بالصعب»: what is said of it
    if ci > 0 and not participle and (title or subject is None or _after_auxiliary(s, ci)):
        svo = _svo_subject(s, ci)
        if svo is not None:
            subject, k = svo, cj
    if form.report and subject is not None:
        # «نقلت صحيفة X عن مسؤولين …»: the subject reported, the source spoke
        j = k
        while j < n and (s.words[j] in COMMA or at_stop(s, j) and
                         preposition(s, j) not in form.takes):
            j += 1  # «نقلت الوكالة أمس عن …»: a time word between the outlet and its source
        if j < n and preposition(s, j) in form.takes:
            src = parse_np(s, j + 1)
            if src is not None:
                src, stance_at = _before_stance(s, src)
            if src is not None:
                hop = _outlet_hop(s, subject)
                chain.append(hop)
                medium = hop
                subject = src
                k = src.after
        else:
            return None
    elif form.report and doc is None and not participle and k == cj and k < n and \
            preposition(s, k) in form.takes:
        # «ونُقل عن الوزير قوله إن …»: no subject before «عن»; whom it names spoke
        src = parse_np(s, k + 1)
        if src is not None:
            src, stance_at = _before_stance(s, src)
        if src is not None:
            subject, k = src, src.after
    # asides between subject and content: commas, medium phrases, time and place words
    k0 = k
    found = None
    j = k
    after_medium = -1
    loose = False
    plain = False  # a word that is no aside stands between k0 and j
    plain_after_medium = False  # the same, since the last medium phrase
    named_end = -1  # after an outlet's name in quotation marks that closed a medium phrase
    if stance_at is not None and stance_at == k0:
        after = marker(s, k0 + 1, form, True)
        if after is not None and after[0] == "comp":
            k0 = j = k0 + 1  # «نقلت الوكالة عن المدير تأكيده أن …»
        elif after is None and s.words[k0] not in LEX.stance_forms and \
                form.cls not in LEX.possessed_object_classes:
            return None  # «يجدد عقده مع النادي»: the noun is what was done, nothing said
        else:
            j, found = n, ("object", k0)  # «وأكد الوزير رفضه أي تأجيل»
    elif form.two_objects and _predicate_ahead(s, k0, form) or particle_object:
        j = n  # «واعتبر السكان هذا الأمر اعتداء …، خاصة وأن …»: the later «أن» is theirs
        found = ("object", k0)
    # an aside set off by commas right after the subject may run longer («وأعرب المدير، لدى
    # استقباله رئيس الغرفة …، له مساء أمس في مقر الوزارة، عن …»): past the usual reach,
    # only a marker right after a comma counts
    reach = _ASIDE_LOOKAHEAD if k0 < n and s.words[k0] in COMMA else _LOOKAHEAD
    while j < n and j - k0 <= reach:
        w = s.words[j]
        if w in COMMA:
            j += 1
            continue
        anon = anonymity_end(s, j)
        if anon is not None:
            # «عن مسؤول، طلب عدم ذكر اسمه، أن …»; like a medium phrase it closes the asides,
            # so a quotation right after it is what was said («… طالبا عدم ذكر اسمه "…"»)
            j = after_medium = anon
            plain_after_medium = False
            continue
        if w in LEX.behalf_openers:
            # «وأعرب الوزير باسمه واسم الحكومة عن …»: the aside runs to the verb's marker
            nxt = next((x for x in range(j + 1, min(n, j + _BEHALF_MAX))
                        if marker(s, x, form, True) is not None), None)
            if nxt is None:
                break
            j = nxt
            continue
        if w in LEX.circumstantial_pronouns:
            # «وذكر فلان وهو من سكان الحي، أن …»: the aside runs to its comma, or to a
            # quotation that opens right after it («… وهو من سكان الحي "…"»)
            comma = next((x for x in range(j + 1, min(n, j + _LOOKAHEAD))
                          if s.words[x] in COMMA or x in s.pair_at), None)
            if comma is None:
                break
            j = comma if comma in s.pair_at else comma + 1
            after_medium = j if comma in s.pair_at else after_medium
            continue
        close = _parenthesis_end(s, j) if w == "(" else None
        if close is not None:
            j = close  # «وقالت الحركة (…) إن …»: an abbreviation or a figure in brackets
            continue
        if w in LEX.relatives:
            # «وأضاف الخبير الذي كان قد زار …، "…"»: skip the relative clause to its
            # comma, or («الهيئة التي تتخذ من فيينا مقرا لها أن …») to the last
            # complementizer before the content
            span = range(j + 1, min(n, j + _LOOKAHEAD + 4))
            close = next((x for x in span if s.words[x] in COMMA), None)
            colon = next((x for x in span if s.words[x] == ":"), None)
            if close is None and colon is not None and form.form != "masdar":
                # «وقالت اللاعبة التي فازت باللقب العام الماضي: "…"»: the clause ends at
                # the colon that opens what was said
                plain = plain or _plain(s, j, colon)
                plain_after_medium = plain_after_medium or _plain(s, j, colon)
                j = colon
                continue
            if close is None:
                comps = [x for x in span if s.words[x] in LEX.complementizers]
                if not comps:
                    break
                nxt = comps[-1]
            else:
                nxt = close + 1
            plain = plain or _plain(s, j, nxt)
            plain_after_medium = plain_after_medium or _plain(s, j, nxt)
            j = nxt
            continue
        # a medium phrase inside a quotation is part of what was said («"… في تقرير …"»)
        med = parse_medium(s, j) if not s.inside[j] else None
        if med is None and j == k0 and medium is None:
            med = addressed_body(s, j)  # «وقال الوزير لمركز X إن …»: given to that body
        if med is not None:
            if med.relation == "reporter" and medium is not None:
                chain.append(med)
            elif medium is None or (medium.extra.get("form") and not med.extra.get("form")):
                medium = med
            nxt = max(medium_end(med), j + 1)
            plain = plain or _plain(s, j, nxt)
            j = after_medium = nxt
            plain_after_medium = False
            continue
        # «في تصريح إلى "الوطن"»: a short quotation governed by the medium's preposition
        governed = j == after_medium + 1 and s.words[j - 1] in LEX.prepositions and \
            1 < s.pair_at.get(j, j) - j <= _NAME_QUOTE_MAX
        named_at = j == after_medium or governed
        if named_at and medium is not None and (governed or _quoted_subject(s, j, form)):
            # «في تصريحات إلى "الوطن"، إن …»: the outlet's name in quotation marks closes
            # the medium phrase; it is no content
            close = s.pair_at[j]
            medium = replace(medium, a=j + 1, b=close, skip=0, extra={})
            j = after_medium = named_end = close + 1
            continue
        if w in LEX.complementizers and s.words[j - 1] in LEX.subordinators:
            if LEX.prepositions.get(s.words[j - 1]) in form.takes:
                # «وأشار في بيان صدر بعد الاجتماع إلى أن …»: the verb's own preposition
                found = ("prep", j + 1)
                break
            break  # «… قبل أن يتحولوا»: a clause of time, not what was said
        close = s.pair_at.get(j)
        if close is not None and j > k0 and s.is_word(j - 1) and s.words[j - 1] not in COMMA \
                and 1 < close - j <= _NAME_QUOTE_MAX and _marker_after(s, close + 1, k0 + reach):
            # «في اجتماع لحركة "النهضة": إن …»: a short quotation after a noun names it;
            # what was said opens at the colon or the complementizer after it
            plain = plain_after_medium = True
            j = close + 1
            continue
        # right after a medium phrase («في بيان»), as right after the subject
        first = j == k0 or s.words[j - 1] in COMMA or s.words[j - 1] in _DASHES or not plain \
            or j == after_medium
        quote_ok = after_medium >= 0 and (j - after_medium <= 1 or not plain_after_medium) \
            or _closing_quotation(s, j, form)
        mk = marker(s, j, form, first, quote_ok=quote_ok)
        if mk is not None and j - k0 > _LOOKAHEAD and s.words[j - 1] not in COMMA:
            break
        if mk is not None:
            found = mk
            break
        if w in _GAP_STOP or (w == '"' and j not in s.pair_at) or \
                LEX.cues.match(s.words, j) and not _preposition_homograph(s, j):
            break
        # the preposition opening an adverbial aside («على موقعها الإلكتروني») is none
        loose = loose or _verb_like(s, j) and not LEX.adverbials.match(s.words, j)
        if not at_stop(s, j) and w not in _DASHES:  # «-اليوم السبت-» is an aside
            plain = plain_after_medium = True
        j += 1
    if found is None and (subject is not None or not any(s.isword[x] for x in range(ci))):
        # «وقال الوزير في رد على سؤال حول … "…".»: asides past the usual reach, or holding
        # words that stop the loop above, then a quotation that closes the sentence (with
        # no subject, only a verb opening the sentence: «وقال ردا على سؤال "…"»)
        late = _late_quotation(s, k0, form)
        if late is not None:
            found, loose = late, False
    if found is None:
        takes_object = "object" in form.takes
        k0 = max(k0, named_end)
        while takes_object and k0 < n:
            if s.isword[k0] and parse_medium(s, k0) is not None:
                k0 = max(k0 + 1, medium_end(parse_medium(s, k0)))  # «، في تغريدة على X،»
            elif s.words[k0] in COMMA or at_stop(s, k0) and s.words[k0] not in LEX.prepositions:
                k0 += 1  # «دعا الوزير الخميس إيران …»: the time word is an aside
            else:
                break
        # the object noun is looked for after the asides («حمّلت الوزارة، في بيان، الشركة
        # مسؤولية …»)
        open_ok = takes_object and (not form.needs_complement or _headline_object(title, form)
                                    or _object_noun_ahead(s, k0, form))
        if open_ok and form.object_nouns and 0 < k0 < n and \
                LEX.np_stops.match(s.words, k0 - 1) and s.words[k0] not in form.object_nouns:
            # «وتوقع خبراء في القطاع نموا …»: a phrase of the subject's before the object
            k0 = next((x for x in range(k0, min(n, k0 + _OBJECT_NOUN_REACH))
                       if s.words[x] in form.object_nouns), k0)
        if open_ok and k0 < n and s.is_word(k0):
            found = ("object", k0)
        else:
            # no content after the cue: it may close a quotation before it
            return Item("direct", -1, -1, ci, cj, 0, form, speaker=subject, medium=medium,
                        chain=chain, document=doc is not None)
    how, ca = found
    if form.needs_complement and not complement_ok(how, form) and not \
            (how == "object" and (_headline_object(title, form) or ca == stance_at
                                  or particle_object
                                  or _object_noun_ahead(s, ca, form))) \
            and not (how == "quote" and _opens_with_complementizer(s, ca)):
        return None
    cb = n
    if subject is None and verb_first and how in ("prep", "object") and not title:
        late = _late_subject(s, ca)
        if late is not None:
            subject, cb = late, late.a  # «وأكد على ضرورة الحوار وزير الخارجية فلان»
    item = Item("indirect", ca, cb, ci, cj, 0, form, speaker=subject, medium=medium,
                chain=chain, loose=loose and how != "object", document=doc is not None)
    if ca in s.far:
        item.kind, item.ca, item.cb, item.bounded = "direct", ca + 1, n, True
        item.end_view = s.far[ca]
    elif ca in s.pair_at:
        item.quote_open = ca
    return item


_TITLE_COMPLEMENT_MAX = 3  # definite words of the phrase a title's preposition governs


def _title_complement(s: Sentence, given: NP) -> NP:
    """«وبيّن المشرف على المعرض أن …», «وأشار المسؤول عن الملف إلى أن …»: a title, a
    preposition it governs, one to three definite words, then the complementizer or the
    verb's own preposition (or the holder's name first): the prepositional phrase names
    the speaker's charge."""
    np = given
    if np.title_end > np.a and np.title_end < np.b and \
            s.words[np.title_end] in LEX.title_prepositions and \
            spelt_as_name(s, np.title_end) is not True:
        np = replace(np, b=np.title_end)  # «على» as the article spells it, or unknown
    j = np.after
    if np.tail or j + 2 >= len(s.words) or s.words[j] not in LEX.title_prepositions or \
            np.kind not in ("person", "anonymous") or \
            not np.titled and head_kind(s, np.a) is None:
        return given
    noun = s.words[j + 1]
    bare = next((noun[len(d):] for d in DEFINITE if noun.startswith(d)), noun)
    if parse_medium(s, j) is not None or LEX.adverbials.match(s.words, j) or \
            preposition(s, j) is None and LEX.invitation_nouns.match([bare], 0):
        # «وأكد الوزير في المؤتمر الصحفي أن …»: where he spoke, not his charge (which
        # a preposition a verb may take names: «المشرف على المهرجان»)
        return given
    x = j + 1
    while x < len(s.words) and x - j <= _TITLE_COMPLEMENT_MAX and s.isword[x] and \
            s.words[x].startswith(DEFINITE) and not s.inside[x] and not at_stop(s, x) and \
            preposition(s, x) is None:
        x += 1
    if x == j + 1:
        return given
    if _content_opens(s, x):
        return replace(np, b=x)
    # «المشرف على المعرض حسين العطاس، أن …»: the charge, then the name of its holder
    if x in s.names and s.names[x][1] == "PER":
        e = s.names[x][0]
    else:
        e = x
        while e < len(s.words) and e - x < _NAME_MAX and s.isword[e] and not s.inside[e] and \
                not (e == x and s.words[e].startswith(DEFINITE)) and \
                s.words[e] not in LEX.stance_forms and \
                preposition(s, e) is None and not _content_opens(s, e):
            e += 1
    c = e + 1 if e < len(s.words) and s.words[e] in COMMA else e
    if e > x and _content_opens(s, c):
        return replace(np, b=e, title_end=x, titled=True, kind="person")
    return given


_NAME_MAX = 4  # words of a holder's name after the charge a title governs


def _content_opens(s: Sentence, x: int) -> bool:
    """A complementizer at x, or a preposition right before one («إلى أن»)."""
    nxt = s.words[x] if x < len(s.words) else ""
    return nxt in LEX.complementizers or x + 1 < len(s.words) and \
        LEX.prepositions.get(nxt) is not None and s.words[x + 1] in LEX.complementizers


def _opens_with_complementizer(s: Sentence, ca: int) -> bool:
    """«وذكرت الوزيرة «إن الأعمال …»»: a quotation that opens with «إن» or «أن» is the
    verb's complement clause, quoted; a verb with other senses reports through it too."""
    return ca in s.pair_at and ca + 1 < len(s.words) and s.words[ca + 1] in LEX.complementizers


_LATE_REACH = 8  # tokens of a short object before a subject that follows it


def _late_subject(s: Sentence, ca: int) -> NP | None:
    """«وأعلن عن العملية القائد فلان الفلاني»: a verb, a short object, then its subject,
    a person named in full (a name, or a title with a name) that closes the clause."""
    n = len(s.words)
    end = next((x for x in range(ca, n) if s.words[x] in PUNCT_STOP), n)
    for p in range(ca + 1, min(end, ca + _LATE_REACH)):
        before = s.words[p - 1]
        if not s.isword[p] or s.inside[p] or not (
                before in COMMA or before.startswith(DEFINITE) and not at_stop(s, p - 1)
                or len(before) > 3 and before.endswith(PRONOUN_SUFFIXES)):
            continue  # «ضرورة دعم رئيس الحكومة»: a noun in construct state takes a
            # genitive, and a preposition an object; a definite word closes the object
        named = p in s.names and s.names[p][1] == "PER" and not any(
            LEX.titles.match(s.words, x) for x in range(max(ca, p - 4), p))
        if not named and not (LEX.titles.match(s.words, p) and
                              LEX.titles.match(s.words, p)[2] == ""):
            continue
        np = parse_np(s, p, limit=end)
        if np is None or np.kind != "person":
            continue
        np = apposition(s, np, limit=end)
        has_name = named or any(x in s.names and s.names[x][1] == "PER"
                                for x in range(np.a, np.b)) or np.name_start < np.b and \
            np.title_end > np.a
        if has_name and np.after == end:
            return np
    return None


def _parse_masdar(s: Sentence, ci: int, cj: int, form: CueForm) -> Item | None:
    """«مع إعلان الشرطة عن ضبطها لشحنة»: the noun of a statement, its author in the
    genitive, then the preposition or complementizer the verb takes."""
    if cj < len(s.words) and s.words[cj] in LEX.demonstratives:
        return None  # «إلى نفي هذه الأنباء»: what the noun acts on, not its author
    agent = parse_np(s, cj, stop_preps=form.takes)
    if agent is None or not (agent.titled or agent.a in s.names or
                             s.words[agent.a].startswith(DEFINITE)):
        return None  # «تحذير شديد اللهجة»: an adjective, not the statement's author
    agent = apposition(s, agent)
    j = agent.after
    while j < len(s.words) and (s.words[j] in COMMA or at_stop(s, j)) and \
            s.words[j] not in LEX.prepositions:
        j += 1  # «إعلان الوزارة أيضا عن …»
    found = marker(s, j, form, True, quote_ok=False)
    if found is None and j < len(s.words) and s.words[j][:1] in CONJ and len(s.words[j]) > 2:
        # «تحذير الوزير والخبراء من أن …»: a second author joined by «و»
        for e in range(j + 1, min(len(s.words), j + _COORDINATED_MAX + 1)):
            if not s.isword[e] or at_stop(s, e) and preposition(s, e) is None:
                break
            found = marker(s, e, form, True, quote_ok=False)
            if found is not None:
                agent.b = e
                break
    if found is None or found[0] not in ("comp", "prep") or not complement_ok(found[0], form):
        return None
    return Item("indirect", found[1], len(s.words), ci, cj, 0, form, speaker=agent)


_PARENTHESIS_MAX = 16  # tokens inside an aside in brackets (a title with its charges)
_COORDINATED_MAX = 3  # words of a second author joined by «و» to a statement noun's first


def _parenthesis_end(s: Sentence, j: int) -> int | None:
    """The token after the «)» that closes a short bracket opened at j, if any."""
    if s.words[j] != "(":
        return None
    return next((x + 1 for x in range(j + 1, min(len(s.words), j + _PARENTHESIS_MAX + 2))
                 if s.words[x] == ")"), None)


_NAME_QUOTE_MAX = 6  # tokens from a quoted outlet name's opening mark to its closing one
_LATE_QUOTE_REACH = 32  # tokens of asides between a subject and the quotation it says
_LATE_QUOTE_MIN_WORDS = 3  # words of that quotation (a name in quotation marks is shorter)
_LATE_QUOTE_TAIL = 3  # words that may follow it before the sentence ends («"…" للأحداث»)


def _late_quotation(s: Sentence, k0: int, form: CueForm) -> tuple[str, int] | None:
    """A verb of saying, asides that run long or hold clauses of their own («في كلمته أمام
    مؤتمر حضره مسؤولون من 25 دولة», «معلقا على فرص الحوار»), then a colon or a quotation of
    a few words that closes the sentence: what was said. No stop, other cue or
    complementizer of its own stands in the asides (a short quotation names a thing)."""
    if ":" not in form.takes:
        return None
    n = len(s.words)
    j = k0
    while j < min(n, k0 + _LATE_QUOTE_REACH):
        w = s.words[j]
        close = s.pair_at.get(j)
        if j in s.far:
            return "quote", j
        if close is not None:
            quoted = sum(1 for x in range(j + 1, close) if s.isword[x])
            if quoted < _LATE_QUOTE_MIN_WORDS and close - j <= _NAME_QUOTE_MAX:
                j = close + 1  # «مباراة "الكلاسيكو"»: a name
                continue
            tail = sum(1 for x in range(close + 1, n) if s.isword[x])
            return ("quote", j) if quoted >= _LATE_QUOTE_MIN_WORDS and \
                tail <= _LATE_QUOTE_TAIL else None
        if s.inside[j] or w == '"' or w in LEX.manner_markers:
            return None  # «… قائلا "…"»: the participle of manner is the cue of its own
        if w == ":":
            return marker(s, j, form, True)
        if w in LEX.complementizers:
            # «… إن «…»»: the complementizer of the verb, quoted after it
            return ("comp", j + 1) if j + 1 in s.pair_at else None
        if w in _GAP_STOP and w not in COMMA and w != "(" and w != ")" or \
                _aside_cue(s, j):
            return None
        j += 1
    return None


def _aside_cue(s: Sentence, j: int) -> bool:
    """A cue form at j that would make a clause of its own inside the asides; not a noun
    after a preposition («في رد على سؤال»), a participle of manner («معلقا على …») or a
    preposition spelled like a verb («عبر الهاتف», «بين الفريقين»)."""
    m = LEX.cues.match(s.words, j)
    if m is None or m[1].form == "participle" or _preposition_homograph(s, j) or \
            _pairing_preposition(s, j):
        return False
    before = s.words[j - 1] if j > 0 else ""
    return not (before in LEX.prepositions or before in LEX.title_prepositions)
_CLOSING_MIN_WORDS = 4  # words of a quotation that closes the sentence after asides


def _closing_quotation(s: Sentence, j: int, form: CueForm) -> bool:
    """«وقال القائد للوكالة عبر الهاتف "…".»: a verb of saying, asides of place and manner,
    then a quotation of a few words that runs to the sentence's end is what was said (a
    name or a title in quotation marks is short, or has words after it)."""
    if ":" not in form.takes or s.inside[j] and j not in s.pair_at:
        return False
    if j in s.far:
        return True
    close = s.pair_at.get(j)
    if close is None or sum(1 for x in range(j + 1, close) if s.isword[x]) < _CLOSING_MIN_WORDS:
        return False
    return all(not s.isword[x] for x in range(close + 1, len(s.words)))


_TOPIC_PP_MAX = 10  # tokens of a fronted topic before the verb


def _fronted_topic(s: Sentence, ci: int) -> bool:
    """«وعن غياب اللاعب عن المباراة أكد أن …»: the sentence opens with a topic
    preposition, and the cue at ci is the first verb after it: a continuation of the
    speaker already named, not a relative clause."""
    first = next((x for x in range(ci) if s.isword[x]), None)
    if first is None or s.words[first] not in LEX.topic_prepositions or ci - first > _TOPIC_PP_MAX:
        return False
    return not any(s.words[x] in _GAP_STOP and s.words[x] not in COMMA or
                   s.words[x] in LEX.complementizers or s.words[x] in LEX.relatives or
                   LEX.cues.match(s.words, x) for x in range(first + 1, ci))


def _preposition_homograph(s: Sentence, j: int) -> bool:
    """«وقال القائد عبر الهاتف إن …»: between a subject and its content a bare cue form
    that is also a preposition («عبر») opens an aside; the verb would take a conjunction
    there («وعبّر») or its own preposition right after it («عبر عن»)."""
    m = LEX.np_stops.match(s.words, j)
    return m is not None and m[2] == "" and j + 1 < len(s.words) and \
        LEX.cues.match(s.words, j + 1) is None and s.words[j + 1] not in LEX.prepositions


def _plain(s: Sentence, a: int, b: int) -> bool:
    """Whether tokens [a, b) hold a word that is neither a comma nor an aside word."""
    return any(s.words[x] not in COMMA and not at_stop(s, x) for x in range(a, b))


def _verb_like(s: Sentence, j: int) -> bool:
    """A skipped word that may head a clause of its own: an imperfect verb («يجب أن»)
    or a preposition the subject does not take («بين الوزارة والقطاع على أن»)."""
    w = s.words[j]
    return (w.startswith(IMPERFECT_PREFIX) and len(w) >= 3) or w in LEX.prepositions


def _resumes(s: Sentence, ci: int) -> bool:
    """«…، غير أنه نبّه إلى …»: a particle and a pronoun-bearing complementizer resume
    the speaker before a verb that starts a new statement."""
    return ci > 1 and s.words[ci - 1] in LEX.complementizers and \
        s.words[ci - 2] in LEX.continuation_particles


_INVITATION_REACH = 12  # tokens from the content's start to the event it invites to


def _invitation(s: Sentence, item: Item) -> bool:
    """The goal of an inviting verb is an event («… إلى اجتماع», «لحضور …») before any
    complementizer or punctuation that would start a clause of its own."""
    if item.ca < 0:
        return False
    for k in range(item.ca, min(item.cb, item.ca + _INVITATION_REACH)):
        w = s.words[k]
        if w in LEX.complementizers or w in _GAP_STOP and w not in COMMA:
            return False
        if (k == item.ca or preposition(s, k - 1) in item.form.takes) \
                and LEX.invitation_nouns.match(s.words, k):
            return True
        if LEX.invitation_nouns.match(s.words, k) and LEX.invitation_nouns.match(s.words, k)[2]:
            return True  # «لاجتماع», «للقاء»: the preposition glued to the event
    return False


_CONNECTIVE_MAX = 4  # words of a clause connective («في الوقت الذي»)


_ASIDE_REACH = 8  # tokens of a time aside opened by «و» before a cue


def _aside_start(s: Sentence, ci: int) -> int:
    """«… وفي ساعة متأخرة من الليل قال إنه …»: a time or adverbial aside opened by «و» right
    before the cue starts a clause of its own; where it starts (ci when there is none)."""
    if ci < 1 or (ci - 1) not in s.times:
        return ci
    for x in range(ci - 2, max(0, ci - _ASIDE_REACH) - 1, -1):
        w = s.words[x]
        if not s.isword[x] or w in LEX.complementizers or LEX.cues.match(s.words, x):
            return ci
        if x in s.times and (x - 1) not in s.times and w[:1] in CONJ and len(w) > 2:
            return x
    return ci


def _after_connective(s: Sentence, ci: int) -> bool:
    """«…، وفي حين دعت الوزارة …»: a connective of several words after a comma or a stop
    opens the clause of the cue at ci."""
    return _connective_start(s, ci) < ci


def _connective_start(s: Sentence, ci: int) -> int:
    """Where the connective that ends right before ci starts (ci when there is none)."""
    for x in range(max(0, ci - _CONNECTIVE_MAX), ci - 1):
        if x == 0 or s.words[x - 1] in PUNCT_STOP:
            # opening the sentence, only one that points back («ومع ذلك أكد أنه …»)
            m = (LEX.resuming_connectives if x == 0 else LEX.clause_connectives).match(s.words, x)
            if m is not None and x + m[0] == ci:
                return x
    return ci


def _after_concessive(s: Sentence, ci: int) -> bool:
    """«… رغم تنبيه الأطباء إلى أن …»: a concessive opener ends right before ci."""
    return _concessive_start(s, ci) < ci


def _concessive_start(s: Sentence, ci: int) -> int:
    """Where the concessive opener that ends right before ci starts (ci when none)."""
    for x in range(max(0, ci - _CONNECTIVE_MAX), ci):
        m = LEX.concessives.match(s.words, x)
        if m is not None and x + m[0] == ci:
            return x
    return ci


def _coordinated_cue(s: Sentence, items: list[Item], ci: int, form: CueForm,
                     pre: str) -> bool:
    """«ندد الوزير بالهجوم وأكد دعمه …»: a finite verb joined by «و» inside a content that
    is a noun phrase (opened by a preposition or as a bare object, not by «أن», a colon
    or a quotation) has no clause of its own to belong to: it coordinates with the first
    verb, and states something of the same speaker. An imperfect verb coordinates only
    with an imperfect one («الصحيفة تتحدث عن … وتقول إن …»)."""
    if form.form not in ("perfect", "imperfect") or not pre or pre[-1:] not in CONJ:
        return False
    host = _phrase_host(s, items, ci)
    return host is not None and host.form is not None and host.form.form != "masdar" \
        and (form.form == "perfect" or host.form.form == "imperfect") \
        and not any(s.words[x] in PUNCT_STOP for x in range(host.ca, ci))


def _phrase_host(s: Sentence, items: list[Item], ci: int, inner_ok: bool = False) -> Item | None:
    """The statement whose content holds ci, when that content is a noun phrase (opened
    by a preposition or as a bare object) up to ci: no clause of its own («أن …»).
    `inner_ok`: a clause inside the phrase («لشحنة قالت إنها …») is allowed."""
    host = next((it for it in items if it.ca <= ci < it.cb and not it.bounded), None)
    if host is None or host.kind != "indirect" or host.ca < 1:
        return None
    opener = s.words[host.ca - 1]
    if opener in LEX.complementizers or opener == ":" or host.ca - 1 in s.pair_at or \
            not inner_ok and any(s.words[x] in LEX.complementizers for x in range(host.ca, ci)):
        return None
    return host


def _object_after_relative(s: Sentence, ci: int, cj: int, item: Item) -> bool:
    """A cue right after a relative pronoun, a phrase right after it, then a content opened
    by a preposition or as an object (not «التي قال الجيش إنه …», where the phrase is
    the subject of a clause with its own complementizer)."""
    return ci > 0 and s.words[ci - 1] in LEX.relatives and item.speaker is not None \
        and item.speaker.a == cj and item.kind == "indirect" and not item.bounded \
        and item.ca > item.speaker.a and s.words[item.ca - 1] not in LEX.complementizers \
        and s.words[item.ca - 1] != ":" and not item.form.report


_OPENER_MAX = 3  # words of a trailing opener («على ما»)


def _clause_before(s: Sentence, ci: int, items: list[Item]) -> tuple[int, int] | None:
    """«أجرى الطرفان محادثات جيدة، على ما قال المبعوث»: after a comma, an opener makes the
    cue at ci vouch for the clause before it; that clause runs from the last statement's
    end (or the sentence's start) to the comma."""
    for x in range(max(1, ci - _OPENER_MAX), ci):
        m = LEX.trailing_openers.match(s.words, x)
        if m is None or x + m[0] != ci or s.words[x - 1] not in COMMA:
            continue
        a = max((it.cb for it in items if it.cb <= x), default=0)
        while a < x and (s.words[a] in COMMA or not s.isword[a]):
            a += 1
        b = x - 1
        if sum(1 for k in range(a, b) if s.isword[k]) >= 3:
            return a, b
    return None


def _after_closed_quote(s: Sentence, ci: int, pre: str) -> bool:
    """«قال إن "…" وأشار إلى أن …»: a cue with its conjunction right after a closed
    quotation starts a statement of its own."""
    return bool(pre) and ci > 0 and not s.isword[ci - 1] and s.words[ci - 1] != "(" and \
        any(close == ci - 1 for close in s.pair_at.values())


def _clause_of_its_own(s: Sentence, ci: int, item: Item) -> bool:
    """«وذكرت مصادر من المعارضة أن …», «وأوردت صحيفة "X" المقربة من السلطات الخميس أن
    …»: a perfect verb that opens its clause (first in the sentence, or after «و» or a
    stop, not a comma), with a subject that can speak (a name, a title, a body, a source)
    and a content opened by a complementizer, a colon or a quotation, says something,
    whatever stands between them; a preposition spelled like the verb («بين») never does."""
    w = s.words[ci]
    bare = w[1:] if w[:1] in CONJ else w
    if item.form is None or item.form.form != "perfect" or item.speaker is None or \
            bare in LEX.pairing_prepositions or item.ca < 1:
        return False
    opens = ci == 0 or w[:1] in CONJ or s.words[ci - 1] in _GAP_STOP - COMMA
    if any(s.words[x] in LEX.manner_markers for x in range(ci + 1, item.ca)):
        return False  # «وعلق على الحفل قائلا: …»: the participle of manner is the cue
    before = s.words[item.ca - 1]
    return opens and source_like(s, item.speaker) and (
        before in LEX.complementizers or before == ":" or item.quote_open >= 0
        or item.kind == "direct")


def _negation(word: str) -> bool:
    return word in LEX.negations or (word[:1] in CONJ and word[1:] in LEX.negations)


def sentence_items(s: Sentence) -> list[Item]:
    items: list[Item] = []
    ctx: list[Item] = []  # every cue parsed, content or not: its subject and medium
    taken: set[int] = set()  # quotations already used as a content
    for ci, cj, form, pre in _cue_candidates(s):
        if (s.words[ci] in LEX.manner_markers or s.words[ci] in SERIAL_SPEECH) and ci > 0 \
                and items and items[-1].cue_b <= ci and items[-1].ca > ci:
            continue  # «كتب قائلا إن»: the participle is the first verb's manner
        inside = any(it.ca <= ci < it.cb for it in items)
        # «…، كما ذكر المتحدث …»: a particle after a comma starts a statement too
        after_break = ci > 0 and (s.words[ci - 1] in PUNCT_STOP or ci > 1 and
                                  s.words[ci - 1] in LEX.continuation_particles and
                                  s.words[ci - 2] in PUNCT_STOP or _after_connective(s, ci)
                                  or _aside_start(s, ci) < ci or _after_closed_quote(s, ci, pre))
        if form.form == "masdar" and inside and not _after_concessive(s, ci) and \
                not (after_break and _phrase_host(s, items, ci, True)):
            continue  # «حذرت من أخطاء في إعلان اللجنة عن …»: a noun inside a statement;
            # not «مع إعلان الجيش عن …، ثم إعلان الشرطة عن …»: a list of statements
        # «… . مطالبا الحكومة بـ…»: a participle in the accusative opening a sentence
        # continues the last statement; a noun there would not take that ending
        after_break = after_break or form.form == "participle" and \
            s.words[ci].endswith(ACCUSATIVE) and not any(s.isword[x] for x in range(ci))
        if form.form == "participle" and not after_break and marker(s, cj, form, True) is None:
            continue  # «منها مطالبة البلدية»: a noun, not a participle
        embedded = inside and not (after_break or form.form in ("participle", "masdar")
                                   or pre or _resumes(s, ci))
        if LEX.content_stops.match(s.words, ci) or recap_at(s, ci):
            continue  # «ويذكر أن»: an impersonal aside, nobody's statement; «وقال ذلك»
        item = _parse_cue(s, ci, cj, form)
        if item is None or form.needs_subject and item.speaker is None:
            continue
        if _prayer(s, cj, item):
            continue  # «ودعا الله أن …»: a prayer, nobody's statement to report
        if _points_back(s, ci, cj):
            if item.speaker is None or not source_like(s, item.speaker):
                continue  # «…، وهو ما أظهره مقطع مصور»: nobody spoke
            item.kind, item.ca, item.cb = "direct", -1, -1  # «…، هذا ما قاله X في …»
        ctx.append(item)  # its subject and medium serve the participles after it
        if embedded and (item.speaker is None or item.ca < 0 or item.quote_open >= 0 or item.loose
                         or s.words[item.ca - 1] not in LEX.complementizers):
            continue  # a verb inside a statement is part of it, unless it has its own
            # subject and complementizer («…، ثم أعلنت شركات أخرى أنها …»)
        if form.invites and _invitation(s, item):
            continue  # «دعا الأعضاء إلى اجتماع»: an invitation, no statement
        if form.needs_complement and item.loose and not _clause_of_its_own(s, ci, item):
            continue  # «الشراكة بين الوزارة والقطاع يجب أن …»: not the verb «بيّن»
        if item.speaker is not None and _object_after_relative(s, ci, cj, item):
            # «الوزير الذي اتهم الحكومة بالفساد»: the verb of a relative clause has the
            # antecedent as its subject, and the phrase after it is its object
            ante = antecedent(s, ci, form)
            if ante is not None:
                item.ca, item.speaker, item.relative = item.speaker.a, ante, True
        if item.speaker is None and not inside and ci > 0:
            # «…، بحسب الخبير الذي أشار إلى …», «نشرت الهيئة تقريرا أوضحت فيه أن …»
            item.speaker = antecedent(s, ci, form) if s.words[ci - 1] in LEX.relatives \
                else document_author(s, ci, cj)
            item.relative = item.speaker is not None
        if item.speaker is None and ci > 0 and s.words[ci - 1] in LEX.temporal_subordinators:
            # «وكان الوزير، …، قد غادر، عندما أعلن استقالته»: the main clause's subject
            item.speaker = _main_subject(s, ci - 1)
        if item.speaker is None and form.form != "participle" and not pre and ci > 0 \
                and not after_break and s.zone != "title" and not _fronted_topic(s, ci) \
                and s.words[ci - 1] not in LEX.continuation_particles and not _resumes(s, ci):
            continue  # «لسيارات قال إنها مسروقة»: a relative clause, not a new statement
        before = quote_before(s, ci, taken) if not form.needs_complement else None
        if item.ca < 0 and before is None and item.speaker is not None:
            clause = _clause_before(s, ci, items)
            if clause is not None:
                a, b = clause
                quoted = a > 0 and s.pair_at.get(a - 1) == b - 1  # «"…"، هذا ما قاله X»
                item.kind = "direct" if quoted else "indirect"
                item.ca, item.cb, item.bounded = a, b - 1 if quoted else b, True
                items.append(item)
                continue
        if item.ca < 0:
            if before is None:
                continue
            item.ca, item.cb, item.bounded = before + 1, s.pair_at[before], True
            taken.add(before)
            items.append(item)
            continue
        if inside and not after_break and form.form != "participle" and item.speaker is None \
                and not _resumes(s, ci) and not _coordinated_cue(s, items, ci, form, pre):
            continue  # «أنها راجعت الوثائق وخلصت إلى أن …»: still the first statement
        item.negated = ci > 0 and _negation(s.words[ci - 1])
        if before is not None and any(w in COMMA for w in s.words[s.pair_at[before]:ci]):
            close = s.pair_at[before]
            items.append(Item("direct", before + 1, close, ci, cj, 0, form, item.negated,
                              item.speaker, item.medium, list(item.chain), bounded=True))
            taken.add(before)
        for prev in items:
            if not prev.bounded and prev.ca <= ci < prev.cb:
                cut = _concessive_start(s, ci) if form.form == "masdar" \
                    else min(_connective_start(s, ci), _aside_start(s, ci))
                while cut > prev.ca and (s.words[cut - 1] in COMMA or
                                         s.words[cut - 1] in LEX.negations or
                                         _resumes(s, cut) or
                                         s.words[cut - 1] in LEX.continuation_particles):
                    cut -= 1  # «…، إلا أنها حذرت»: the particles belong to the next one
                prev.cb = cut
        if item.quote_open >= 0:
            taken.add(item.quote_open)
        items.append(item)
    for it in items:
        trim(s, it)
        settle_kind(s, it)
    fill_context(s, items, ctx)
    return [it for it in items if sum(1 for k in range(it.ca, it.cb) if s.isword[k])
            >= (MIN_DIRECT_WORDS if it.kind == "direct" and it.end_view is None else 1)]
