"""Statements without a reporting verb: a headline «X: …» and an attribution «بحسب X».

A headline whose first words (a name, not a label such as «عاجل») stand before a colon
quotes that source directly. A sentence with no cue but an attribution phrase («بحسب
مصادر طبية», «وفقاً لـX») reports the rest of the sentence as that source's statement.
"""
from __future__ import annotations

from dataclasses import replace

from khabar.normalize import fold
from khabar.quotes.items import Item
from khabar.quotes.lexicon import ATTRIBUTION_WORDS, LEX, CueForm, pointing_cue
from khabar.quotes.medium import Medium, glued_skip, medium_end, parse_medium
from khabar.quotes.documents import document_source
from khabar.quotes.morph import ANSWER_PARTICLE, ARTICLE, CONJ
from khabar.quotes.sentence import COMMA, PUNCT_STOP, Sentence, at_stop
from khabar.quotes.speaker import NP, apposition, has_head, parse_np
from khabar.quotes.section_label import after_section_label
from khabar.quotes.sources_one_of import one_of_sources

_HEADLINE_SPEAKER_MAX = 4  # words before the colon
_SOURCE_TAIL = 3  # words after a source's phrase and before the comma that ends it
# the same after a document's author, which often carries adjuncts («بيانات للهيئة المحلية
# بمختلف الأقاليم والجهات، فإن …»)
_DOCUMENT_TAIL = 6
_HEADLINE_MEDIUM_MAX = 6  # tokens of a medium phrase before it («لـ"الأيام"»)


def headline_item(s: Sentence) -> Item | None:
    k = 0
    while k < len(s.words) and (s.words[k].isdigit() or s.words[k] in PUNCT_STOP):
        k += 1  # a list number («40.»)
    k = after_section_label(s, k)  # a wire's section label («رياضي / …»)
    reach = k + _HEADLINE_SPEAKER_MAX + _HEADLINE_MEDIUM_MAX + 1
    colon = next((j for j in range(k, min(len(s.words), reach)) if s.words[j] == ":"), None)
    if colon is None or colon == k or colon + 2 >= len(s.words):
        return None
    # «خبير عسكري للجزيرة: …»: the outlet the source spoke to is no part of its name
    medium = next((m for m in (parse_medium(s, x) for x in range(k + 1, colon))
                   if m is not None and medium_end(m) == colon), None)
    end = medium.phrase_a if medium is not None else colon
    if end - k > _HEADLINE_SPEAKER_MAX:
        return None
    if any(not s.is_word(j) or at_stop(s, j) for j in range(k, end)):
        return None
    if LEX.headline_labels.match(s.words, k) or _place_label(s, k, end):
        return None
    head = parse_np(s, k, limit=end)
    kind = head.kind if head else "person"
    np = NP(k, end, 0, kind, head.title_end if head else -1, bool(head and head.titled))
    a, b = colon + 1, len(s.words)
    while b > a and not s.isword[b - 1] and s.words[b - 1] != '"':
        b -= 1
    if a in s.pair_at and s.pair_at[a] == b - 1:
        a, b = a + 1, b - 1
    return Item("direct", a, b, -1, -1, 0, None, speaker=np, medium=medium, bounded=True,
                headline=True)


def _place_label(s: Sentence, k: int, end: int) -> bool:
    """«مدينة: …» (a city or a region before the colon) says where the news is from; a
    country speaks through its government («بلد: سنعترف …») and stays a speaker."""
    phrase = " ".join(s.words[k:end])
    bare = phrase[1:] if phrase[:1] in CONJ else phrase  # «السودان: … وإثيوبيا: …»
    if phrase in LEX.countries or bare in LEX.countries:
        return False
    return phrase in LEX.towns or s.names.get(k) == (end, "LOC")


def attribution_item(s: Sentence, items: list[Item] = ()) -> Item | None:
    """The statement an attribution phrase reports: the rest of the sentence after a
    phrase that opens it, else the clause before the phrase. `items`: the statements the
    sentence's cues gave; a phrase inside one of them, or serving as its medium, is not
    a statement of its own."""
    for k in range(len(s.words)):
        if not s.isword[k] or s.inside[k] or s.words[k] not in ATTRIBUTION_WORDS:
            continue
        m = LEX.attribution.match(s.words, k)
        if not m:
            continue
        if any(it.cue_a <= k < it.cb or k < it.cue_a and not it.relative or _medium_at(it, k)
               for it in items):
            _closing_reporter(s, k, m, items)
            continue
        n, phrase, pre = m
        stop = LEX.content_stops.match(s.words, k)
        if stop is None and pre:
            # «وبحسب ما أفاد به X»: the stop phrase with the conjunction glued to it
            stop = LEX.content_stops.match([s.words[k][len(pre):]] + s.words[k + 1:k + 3], 0)
        # «بحسب ما ذكرته الصحيفة», «وفق ما أفاد به مسؤول»: the thing said as a pronoun
        # (a sentence may end right after the phrase: «… بحسب ما»)
        verb = pointing_cue(s.words, k + stop[0]) if stop and k + stop[0] < len(s.words) else None
        if stop and (verb is None or k == 0 and items):
            continue  # «بحسب تعبيره», «بحسب ما …»: an aside about a statement elsewhere;
            # «وبحسب ما أفاد به X، فإن …» opening the sentence reports its rest
        if verb is not None:
            # «…، بحسب ما أشار الوزير»: the verb's subject vouches for the clause before
            n = stop[0] + verb[0]
        j = k + n
        last = fold(phrase).split()[-1]
        glued = verb is None and len(fold(phrase).split()) > n and j < len(s.words) and \
            s.words[j].startswith(last)
        # «وفقا للمذكرة»: the preposition and the contracted article are no part of it
        skip = glued_skip(s.words[j], last) if glued else 0
        if verb is None and j + 1 < len(s.words) and s.words[j][skip:] in LEX.same_determiners:
            j, skip = j + 1, 0  # «حسب ذات المصدر»: the source is the noun after the word
        one_of = one_of_sources(s, j, skip) if verb is None else None
        if one_of is not None:
            j, skip = j + 1, 0  # «بحسب أحد التقارير»: the source is the noun after «أحد»
        doc = document_source(s, j, skip) if verb is None else None
        np = doc.speaker if doc is not None else parse_np(s, j, skip=skip)
        if np is None:
            continue
        if doc is None:
            np = apposition(s, np)
            if not source_like(s, np, quantified=verb is not None):
                continue  # «وفقا للسلالة», «حسب التدرج»: a measure, not a source
        if one_of is not None:
            np = replace(np, a=one_of[0], skip=one_of[1])
        at_start = all(not s.isword[x] or s.words[x] in CONJ for x in range(0, k))
        if not at_start and _reporter_of_previous(s, k, items, np, doc):
            return None
        if at_start and any(not it.relative for it in items):
            return None  # «بحسب X، قال …»: the phrase names the cue's medium
        if at_start:
            a = doc.end if doc is not None else np.after
            tail = _SOURCE_TAIL if doc is None else _DOCUMENT_TAIL
            comma = next((x for x in range(a, min(len(s.words), a + tail + 1))
                          if s.words[x] in COMMA), None)
            if comma is not None and all(s.isword[x] and s.words[x] not in LEX.complementizers
                                         and not LEX.cues.match(s.words, x)
                                         for x in range(a, comma)):
                a = comma  # «ووفقا للمذكرة المرفقة بالمشروع، …»: the source's own words
            while a < len(s.words) and (s.words[a] in COMMA or s.words[a] in LEX.complementizers):
                a += 1  # «وبحسب شهود، فإن …»
            answer = _answer_skip(s, a)
            b = len(s.words)
            while b > a and not s.isword[b - 1] and s.words[b - 1] != '"':
                b -= 1
        else:
            answer = 0
            a, b = _clause_start(s, k, items), k
            after = _rest_after_aside(s, k, doc.end if doc is not None else np.after)
            if after is not None:
                # «ومن الإجراءات، وفقا لـX، تجميد …», «أما الهدف، بحسب X، فهو …»: a topic
                # before the phrase, what the source said after it
                a, b = after, len(s.words)
                answer = _answer_skip(s, a)
                while b > a and not s.isword[b - 1] and s.words[b - 1] != '"':
                    b -= 1
            while b > a and (s.words[b - 1] in COMMA or not s.isword[b - 1] or
                             _lone_stop(s, b - 1)):
                b -= 1  # «…، وذلك بحسب ما ذكرت X»: the filler is no part of it
        if b - a < 3:
            return None
        # the phrase is its own lemma («بحسب», «وفقا لـ»); it reports what the source said
        cue = CueForm(phrase, "attribute", "preposition", frozenset(), False, False, True)
        item = Item("indirect", a, b, k, k + n, 0, cue, speaker=np, content_skip=answer)
        if doc is not None:
            item.medium, item.chain = doc.medium, [doc.hop]
        elif np.kind == "outlet":
            item.medium = Medium(np.a, np.b, np.skip, "reporter", k)
        return item
    return None


def _lone_stop(s: Sentence, x: int) -> bool:
    stop = LEX.content_stops.match(s.words, x)
    return stop is not None and stop[0] == 1


def source_like(s: Sentence, np: NP, quantified: bool = False) -> bool:
    """The phrase after «بحسب», «وفقا لـ» can speak: a name the entity stage found, a
    title, or a head noun of a body, an outlet or an unnamed source («مصادر»).
    `quantified`: after a reporting verb, the head may follow a word of number («بحسب ما
    ذكرت عدة صحف»)."""
    if np.a in s.names or np.titled or np.kind != "person" or has_head(s, np.a):
        return True
    # «وفقا لمصادر رسمية», «وفقا للمذكرة»: the head with the glued preposition taken off
    words = [s.words[np.a][np.skip:]] + s.words[np.a + 1:np.b + 1]
    if quantified and len(words) > 1 and words[0] in LEX.source_quantifiers:
        words = words[1:]
    return any(lex.match(words, 0) for lex in (
        LEX.titles, LEX.org_heads, LEX.anonymous, LEX.groups, LEX.outlet_kinds, LEX.outlets,
        LEX.document_nouns))


_REST_MIN = 3  # words after the attribution that make a statement of their own


def _rest_after_aside(s: Sentence, k: int, e: int) -> int | None:
    """Where the sentence resumes after an attribution phrase set off by commas (k: the
    phrase, e: the end of its source), with enough words after it; None otherwise."""
    if k < 1 or s.words[k - 1] not in COMMA:
        return None
    comma = next((x for x in range(e, min(len(s.words), e + _SOURCE_TAIL + 1))
                  if s.words[x] in COMMA), None)
    if comma is None:
        return None
    a = comma + 1
    if a < len(s.words) and s.words[a] in LEX.answer_words:
        a += 1
        while a < len(s.words) and s.words[a] in COMMA:
            a += 1  # «فهو، …»
    if a >= len(s.words) or LEX.content_stops.match(s.words, a) or LEX.cues.match(s.words, a) \
            or s.words[a] in LEX.relatives or s.words[a] in LEX.continuation_particles:
        return None  # «…، بحسب X، الذي أشار إلى …»: a clause about the source
    if sum(1 for x in range(a, len(s.words)) if s.isword[x]) < _REST_MIN:
        return None
    return a


def _closing_reporter(s: Sentence, k: int, m, items) -> None:
    """«قال الوزير إن الأسعار سترتفع، بحسب وكالة X.»: an outlet named after a comma at
    the very end of a statement's content reported it: the content ends before it, and
    the outlet is its medium."""
    host = next((it for it in items if it.ca < k < it.cb and not it.bounded), None)
    if host is None or s.words[k - 1] not in COMMA or LEX.content_stops.match(s.words, k):
        return
    n, phrase, _ = m
    j = k + n
    last = fold(phrase).split()[-1]
    glued = len(fold(phrase).split()) > n and j < len(s.words) and s.words[j].startswith(last)
    skip = glued_skip(s.words[j], last) if glued else 0
    doc = document_source(s, j, skip)
    np = doc.speaker if doc is not None else parse_np(s, j, skip=skip)
    if np is None:
        return
    end = doc.end if doc is not None else np.after
    if any(s.isword[x] for x in range(end, host.cb)):
        return  # more of the statement follows the phrase
    if doc is not None and doc.medium is not None:
        medium = doc.medium
    elif doc is None and np.kind == "outlet":
        medium = Medium(np.a, np.b, np.skip, "reporter", k)
    else:
        return
    host.cb = k - 1
    if host.medium is None:
        host.medium = medium


def _reporter_of_previous(s: Sentence, k: int, items, np: NP, doc) -> bool:
    """«هتف النواب "…"، وفق تسجيل بثته قناة X»: an outlet, or a document an outlet
    published, right after a statement names who reported that statement: its medium,
    not a statement of its own."""
    prev = next((it for it in items if it.cb <= k and all(
        s.words[x] in COMMA or not s.isword[x] for x in range(it.cb, k))), None)
    if prev is None or prev.speaker is None:
        return False
    if doc is not None and doc.medium is not None:
        medium = doc.medium
    elif doc is None and np.kind == "outlet":
        medium = Medium(np.a, np.b, np.skip, "reporter", k)
    else:
        return False
    if prev.medium is None:
        prev.medium = medium
    return True


def _answer_skip(s: Sentence, a: int) -> int:
    """Characters of the particle that answers a fronted attribution, glued to the
    content's first word before its article («وبحسب الوزارة، فالأسعار …» → «الأسعار»)."""
    if a >= len(s.words) or not s.isword[a]:
        return 0
    rest = s.words[a][len(ANSWER_PARTICLE):]
    if s.words[a].startswith(ANSWER_PARTICLE) and rest.startswith(ARTICLE) and \
            len(rest) > len(ARTICLE) + 1:
        return len(ANSWER_PARTICLE)
    return 0


def _medium_at(it: Item, k: int) -> bool:
    return any(m is not None and m.phrase_a == k for m in [it.medium, *it.chain])


def _clause_start(s: Sentence, k: int, items: list[Item]) -> int:
    """Where the clause a trailing attribution phrase at k reports begins: after the
    statement before it and the clause opener that follows it («، بينما …»); with no
    statement before it, at the sentence's start (a source vouches for both halves of
    «وصل العدد إلى 18، في حين …، بحسب X»)."""
    a = max((it.cb for it in items if it.cb <= k), default=0)
    if not a:
        return 0
    for x in range(k - 1, a - 1, -1):
        stop = LEX.content_stops.match(s.words, x)
        if stop and x + stop[0] <= k:
            a = x + stop[0]
            break
    while a < k and (s.words[a] in COMMA or not s.isword[a]):
        a += 1
    return a


_CREDIT_MAX = 8  # tokens of a sentence that only credits an outlet


def credit_item(s: Sentence, start: int) -> Item | None:
    """«ستفتح المدرسة أبوابها الأسبوع المقبل. بحسب الألمانية.»: a sentence (tokens from
    `start` on) that only credits an outlet or agency reports the sentence before it
    (tokens before `start`). `s` spans both sentences."""
    if len(s.words) - start > _CREDIT_MAX:
        return None
    k = start
    while k < len(s.words) and (not s.isword[k] or s.words[k] in CONJ):
        k += 1
    if k >= len(s.words) or s.words[k] not in ATTRIBUTION_WORDS or \
            LEX.content_stops.match(s.words, k):
        return None
    m = LEX.attribution.match(s.words, k)
    if not m:
        return None
    n, phrase, _ = m
    j = k + n
    last = fold(phrase).split()[-1]
    skip = glued_skip(s.words[j], last) if j < len(s.words) and len(fold(phrase).split()) > n \
        and s.words[j].startswith(last) else 0
    credit = LEX.credit_names.match(s.words, j)
    if credit is not None and skip == 0:
        np: NP | None = NP(j, j + credit[0], 0, "outlet", -1, True)
    else:
        np = parse_np(s, j, skip=skip)
        if np is not None and np.kind != "outlet":
            np = None  # «بحسب الخطة.»: no source
    if np is None or any(s.isword[x] for x in range(np.after, len(s.words))):
        return None
    a, b = 0, start
    while a < b and not s.isword[a]:
        a += 1
    while b > a and not s.isword[b - 1] and s.words[b - 1] != '"':
        b -= 1
    if sum(1 for x in range(a, b) if s.isword[x]) < 3:
        return None
    cue = CueForm(phrase, "attribute", "preposition", frozenset(), False, False, True)
    item = Item("indirect", a, b, k, k + n, 0, cue, speaker=np)
    item.medium = Medium(np.a, np.b, np.skip, "reporter", k)
    return item
