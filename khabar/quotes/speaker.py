"""The speaker's noun phrase: a title and a name, a body, an outlet, an unnamed source.

All positions are token indices into one `Sentence`; a phrase may begin inside its first
token (a glued preposition: «لمصادر» → «مصادر»), which `skip` records in characters.
What heads a phrase (titles, bodies, anonymous nouns, outlets) comes from the resource
files; the grammar here only knows how Arabic noun phrases are built.
"""
from __future__ import annotations

from dataclasses import dataclass

from khabar.quotes.asides import anonymity_end
from khabar.quotes.lexicon import LEX
from khabar.quotes.morph import (ACCUSATIVE, ARTICLE, ARTICLE_FORMS, CLITIC_ARTICLE, CONJ,
                                 COORDINATOR, DEFINITE, FEMININE, FEMININE_BOUND, LAM, NISBA,
                                 NOMINATIVE_BEFORE_SUFFIX,
                                 OBLIQUE_PLURAL, PREPS, PRONOUN_SUFFIXES, contract)
from khabar.quotes.medium import outlet_name, starts_medium
from khabar.quotes.sentence import COMMA, Sentence, at_stop, pronoun_heh, spelt_as_name

_BARE_MAX = 4  # tokens of a subject with no title or head noun
_TITLED_MAX = 14  # tokens of a phrase headed by a title or a body
_CONSTRUCT_MAX = 2  # indefinite genitives chained after a construct head
_HOLDER_AFTER = 2  # genitives after which a person's name holds the title, not owns it
_OBLIQUE_MIN = 7  # letters of «المواطنين»: a definite plural in -ين is an object
_NAME_MAX = 3  # words of a name after a title (links such as بن not counted)
# a preposition glued to the article («للصحفيين», «بالمدينة»), a conjunction before it or not
_PREP_ARTICLE = tuple(sorted({c + contract(p + ARTICLE) for p in PREPS for c in ("",) + CONJ},
                             key=len, reverse=True))


@dataclass(slots=True)
class NP:
    a: int  # token range [a, b)
    b: int
    skip: int = 0  # characters of a glued preposition before the phrase
    kind: str = "person"  # person, organisation, outlet, anonymous, group, statement
    title_end: int = -1  # tokens [a, title_end) are the title; -1: none
    titled: bool = False
    tail: int = 0  # closing marks after the phrase («"الغارديان"»)
    name_end: int = -1  # an appositive title follows the name from here
    relative: bool = False  # «زوجة X»: a relative of X, known only by the relation
    coordinated: bool = False  # «سامي الخطيب وعمر الزين»: people joined by «و», one source

    @property
    def after(self) -> int:
        return self.b + self.tail

    @property
    def name_start(self) -> int:
        return self.title_end if self.title_end > self.a else self.a


_HEADS = (("outlet", LEX.outlet_kinds), ("organisation", LEX.org_heads),
          ("anonymous", LEX.anonymous), ("group", LEX.groups), ("person", LEX.titles))
_HEAD_FIRSTS = frozenset().union(*(lex.first_words for _kind, lex in _HEADS),
                                 LEX.outlets.first_words)


def _head(s: Sentence, k: int) -> tuple[str, int, str] | None:
    """What kind of noun phrase starts at k, how many tokens its head takes, and the
    clitics glued to it."""
    w = s.words
    # most words start no phrase of any of these lists: one look-up passes them over
    if k < len(w) and w[k] in _HEAD_FIRSTS:
        for kind, lex in _HEADS:
            m = lex.match(w, k)
            if m:
                return kind, m[0], m[2]
        m = LEX.outlets.match(w, k)
        if m and tuple(w[k:k + m[0]]) not in LEX.ambiguous_outlets:
            return "outlet", m[0], m[2]
    m = _possessed_title(w[k])
    if m:
        return "person", 1, m[2]
    if _heh_person(s, k):
        return "person", 1, ""  # «وقال نائبه», «وقالت زوجته»: a role or a relative
    return None


def _heh_stem(w: str) -> str | None:
    """The noun before a final «ه» if that «ه» is a pronoun («انسحابه» → «انسحاب»,
    «زوجته» → «زوجة»); whether it is, as written, `pronoun_heh` tells (asked last: it
    reads the article's "heh" view)."""
    if len(w) < 4 or not w.endswith(FEMININE) or w.startswith(ARTICLE) or \
            w[1:] in LEX.demonstratives:
        return None  # «لهذه»: a demonstrative after a preposition
    stem = w[:-1]
    return stem[:-1] + FEMININE if stem.endswith(FEMININE_BOUND) else stem


def _person_stem(stem: str) -> bool:
    """A title, a kin or relation noun, or a body («نائب», «زوجة», «نظير», «حزب»)."""
    bare = stem[1:] if stem[:1] in CONJ and len(stem) > 3 else stem
    if stem in LEX.relation_nouns or bare in LEX.relation_nouns:
        return True
    # «حزبه», «مكتبها»: a body of theirs speaks for them too
    return any(lex.match((x,), 0) is not None and lex.match((x,), 0)[0] == 1
               for lex in (LEX.titles, LEX.kin_nouns, LEX.org_heads, LEX.anonymous, LEX.groups)
               for x in (stem, bare))


def _heh_person(s: Sentence, k: int) -> bool:
    """A title, a kin or a relation noun with the pronoun «ه» («نائبه», «زوجته», «نظيره»):
    a person."""
    stem = _heh_stem(s.words[k])
    return stem is not None and _person_stem(stem) and pronoun_heh(s, k)


def possessed_noun(s: Sentence, k: int) -> bool:
    """«وأعلن انسحابه», «وأكد إعلانه أن»: a noun with the pronoun «ه» of someone named
    before (no title, relative or name the entity stage found) is the verb's object,
    never its subject: a masdar of what that person did or said."""
    stem = _heh_stem(s.words[k])
    # «وواصل حديثه قائلا:»: a noun of the talk itself is left to the verb's own grammar
    # «اسمه علي», «مؤسسه سامي حداد»: a person's name right after it makes it a title
    after = s.names.get(k + 1)
    return stem is not None and k not in s.names and s.words[k] not in LEX.given_names \
        and (after is None or after[1] != "PER") and s.words[k] not in LEX.identity_nouns \
        and not stem.endswith(NOMINATIVE_BEFORE_SUFFIX) and not _person_stem(stem) \
        and not any(lex.match((stem,), 0) for lex in (LEX.speech_nouns, LEX.statement_nouns)) \
        and pronoun_heh(s, k)


def _possessed_title(word: str) -> tuple[int, object, str] | None:
    """«رئيسها», «رئيستها», «مديرهم»: a one-word title with a possessive pronoun is a
    person's role relative to a source named before («وقال رئيسها سامر …»)."""
    if len(word) < 5 or not word.endswith(PRONOUN_SUFFIXES):
        return None
    for suffix in PRONOUN_SUFFIXES:
        if word.endswith(suffix):
            stem = word[:-len(suffix)]
            # the feminine ending is written ت before a suffix: «رئيستها» is «رئيسة»
            for cand in (stem, stem[:-1] + FEMININE if stem.endswith(FEMININE_BOUND) else None):
                m = LEX.titles.match((cand,), 0) if cand else None
                if m and m[0] == 1:
                    return m
    return None


def head_kind(s: Sentence, k: int) -> str | None:
    """The kind of noun phrase whose head starts at token k, if any."""
    head = _head(s, k)
    return head[0] if head else None


def has_head(s: Sentence, k: int) -> bool:
    """A title, a body, an unnamed source or an outlet starts at token k."""
    return _head(s, k) is not None


def parse_np(s: Sentence, k: int, skip: int = 0, limit: int | None = None,
             stop_preps: frozenset[str] = frozenset(), subject: bool = False) -> NP | None:
    """The noun phrase starting at token k (a speaker or a source), or None.

    `stop_preps`: prepositions the cue takes; glued to a word, they start its content
    («أفادت مصادر في البلدية بإغلاق …»). `subject`: the phrase stands right after a
    verb, where an oblique plural («المواطنين») or a possessed noun («دعمها») is its
    object, not its subject.
    """
    n = len(s.words) if limit is None else min(limit, len(s.words))
    if k < n and k in s.pair_at and 1 < s.pair_at[k] - k <= 6:
        # a quoted name as subject («وأشارت "الغارديان" إلى أن»)
        close = s.pair_at[k]
        known = LEX.outlets.match(s.words, k + 1) or LEX.outlet_kinds.match(s.words, k + 1)
        return NP(k + 1, close, skip, "outlet" if known else "organisation", -1, True, 1)
    if k + 1 < n and s.words[k] in LEX.demonstratives and s.words[k + 1].startswith(ARTICLE):
        # «وقد دعت هذه الحملة إلى …»: the demonstrative opens the subject
        inner = parse_np(s, k + 1, skip, limit, stop_preps, subject)
        if inner is not None and inner.kind != "statement":
            if inner.title_end < 0 and inner.kind == "person":
                inner.title_end = inner.b  # a description, no name
            inner.a = k
            return inner
    if k + 1 < n and s.words[k] in LEX.handle_marks and s.ends[k] == s.starts[k + 1]:
        # «وقال #ترمب إن …», «وأكد @الوزارة أن …»: the tag's mark is no part of the name
        return parse_np(s, k + 1, skip, limit, stop_preps, subject)
    if k >= n or not s.is_word(k) or s.words[k] in LEX.complementizers or at_stop(s, k):
        return None
    w0 = s.words[k]
    abbreviated = _abbreviated_title(s, k, n)
    if abbreviated and LEX.titles.match(s.words, k) is None:
        # «أ.د. سامي», «م. خالد العلي»: the letter and its dot open the phrase after them
        inner = parse_np(s, k + 2, skip, limit, stop_preps, subject)
        if inner is not None:
            inner.a = k
        return inner
    # with `skip`, the glued preposition is the caller's («وفقا لصحيفة X»), no medium's
    if len(w0) < 2 and not abbreviated or LEX.cues.match(s.words, k) \
            or not skip and starts_medium(s, k) or w0 in LEX.manner_markers \
            or LEX.content_openers.match(s.words, k):
        return None
    # «بيان لـX»: the statement noun gives way to its author
    st = LEX.statement_nouns.match(s.words, k)
    if st and k + st[0] < n and s.words[k + st[0]].startswith(LAM) and len(s.words[k + st[0]]) > 2:
        inner = parse_np(s, k + st[0], 1, limit)
        if inner:
            return inner
    if st and st[2].endswith(ARTICLE) and skip == 0:
        # «وأضاف البيان»: the statement of a source named before speaks for it
        e = k + st[0]
        while e < n and s.isword[e] and s.words[e].startswith(ARTICLE) and not at_stop(s, e) \
                and not _head(s, e):
            e += 1  # «البيان الختامي»
        return NP(k, e, skip, "statement", -1, True)
    kin = LEX.kin_nouns.match(s.words, k) if skip == 0 else None
    if kin and k + kin[0] < n and s.is_word(k + kin[0]):
        # «وقالت زوجة الصياد سامي …»: the relative speaks, described by the relation;
        # the person after the noun only says whose relative, and is not the speaker
        inner = parse_np(s, k + kin[0], 0, limit, stop_preps)
        if inner is not None and inner.kind == "person":
            return NP(k, inner.b, skip, "person", inner.b, True, relative=True)
    head = _head(s, k)
    if head is not None and head[0] in ("anonymous", "group") and head[1] == 1 and \
            s.names.get(k, (k, ""))[1] == "PER":
        # «وقال الشاهد» where the article names «يوسف الشاهد»: the person's surname, not
        # an unnamed witness (the entity stage or the article's surnames say «name»)
        head = None
    if head is not None and skip == 0 and _prepositional(head[2]):
        return None  # «لمركز …»: a preposition's object, not a subject
    if head is None and len(w0) > 3 and w0.endswith(PRONOUN_SUFFIXES):
        return None
    if head is None and skip == 0 and _prep_article(w0) and k not in s.names:
        return None  # «وقال للصحفيين»: a preposition's object, not a subject
    if subject and len(w0) >= _OBLIQUE_MIN and w0.startswith(ARTICLE_FORMS) \
            and w0.endswith(OBLIQUE_PLURAL) and (head is None or head[0] in ("anonymous", "group")):
        return None
    kind, head_len = (head[0], head[1]) if head else ("person", 0)
    if abbreviated and head is not None:
        head_len += 1  # «د.»: the abbreviation's dot is part of the title
    titled = head is not None
    if kind in ("anonymous", "organisation") and LEX.titles.match(s.words, k):
        # «المسؤول الإعلامي للحملة أمين ريحان»: a role noun with a name after it is a
        # title; so is a body's head that also names a person («الأكاديمية … سارة …»)
        t = _complement_end(s, k, head_len, n)
        if t < n and _name_starts(s, t):
            kind = "person"
    if not titled and k in s.names:
        # a name the entity stage found; the phrase is that name
        end, label = s.names[k]
        if end <= n:
            # a medium glued to the name is no part of it («أبو حسنة للجزيرة»)
            end = next((x for x in range(k + 1, end) if starts_medium(s, x)), end)
            np = NP(k, end, skip, "person" if label == "PER" else "organisation", -1, False)
            if label == "PER":
                _appositive_title(s, np, np.b, n)
                e = _coordinated_names(s, np.b, n, label) if np.name_end < 0 else np.b
                if e > np.b and (_phrase_ends(s, e) or at_stop(s, e)):
                    # «وقال سامي الخطيب وعمر الزين إن …»: both speak; one source named by
                    # the whole phrase, never by one of them alone
                    np.b, np.coordinated = e, True
            elif label == "LOC":
                np.b = _coordinated_names(s, np.b, n, label)  # «وأدانت مصر وقطر الهجوم»
            return np
    j = _extent(s, k, max(head_len, 1), n, titled, kind, stop_preps)
    np = NP(k, j, skip, kind, -1, titled)
    if kind == "outlet":
        found = outlet_name(s, k, bare_ok=True)
        if found is not None and found[3] <= j:
            np.b = found[3]
    elif kind == "organisation" and titled:
        np.b = _complement_end(s, k, head_len, j)
    elif kind == "person":
        t = _complement_end(s, k, head_len, j) if titled else _descriptor_end(s, k, j)
        while titled and t < j and LEX.titles.match(s.words, t):
            # stacked titles («الخبير في مجال الطاقة الدكتور سامر»)
            t = _complement_end(s, t, LEX.titles.match(s.words, t)[0], j)
        if t > k:
            np.title_end = t
        if t < j and t in s.names and s.names[t][0] <= n:
            e = s.names[t][0]
        else:
            count, e = 0, t
            if _accusative_pair(s, t, j) or titled and t > k and t < j and \
                    s.words[t - 1].startswith(DEFINITE) and _bare_body(s, t):
                e = j = t  # «وأبدى المدرب تفاؤلا كبيرا», «رئيس البرلمان الحكومة»: the object
            while e < j and not (e > t and (LEX.titles.match(s.words, e)
                                             or s.words[e].startswith(CLITIC_ARTICLE)
                                             or _object_word(s, e))):
                if _dotted_letter(s, e, j):
                    e += 2  # «م. خالد»: the initial or title and its dot count as no word
                    continue
                if s.words[e] not in LEX.title_links:
                    count += 1
                    if count > _NAME_MAX:
                        break
                e += 1
        np.b = e
        if t < e:
            _appositive_title(s, np, e, n)
        np.b = _nationality_aside(s, np.b, n)
        if titled and t < e:
            second = _coordinated_person(s, np.b, n)
            if second > np.b:
                np.b, np.coordinated = second, True
        if titled and head_len == 1 and (_possessed_title(w0) or _heh_person(s, k)):
            # «سماحته في خطبته»: a title with a pronoun takes no «في» phrase of its own
            # (the holder's name may follow it: «نائبه عمر الزين», «رئيسها التنفيذي سامر …»)
            if np.b > k + 1 and at_stop(s, k + 1) and \
                    not any(x in s.names or _name_starts(s, x) for x in range(k + 1, np.b)):
                np.b, np.title_end = k + 1, -1
    return np


def _dotted_letter(s: Sentence, k: int, n: int) -> bool:
    """A one-letter word, its dot, then a word: an initial or an abbreviation inside a
    name («م. محمد», «ع. الخطيب»), which the sentence splitter keeps in one sentence."""
    return len(s.words[k]) == 1 and s.isword[k] and k + 2 < n and s.words[k + 1] == "." \
        and s.is_word(k + 2)


def _abbreviated_title(s: Sentence, k: int, n: int) -> bool:
    """«وقال د. سامي العلي»: a one-letter title of the lexicon with its dot, a word after
    it (the dot of an abbreviation, not the end of a sentence)."""
    if not _dotted_letter(s, k, n):
        return False
    # a one-letter title of the lexicon; or another letter before a dotted title («أ.د.»)
    # or before a name the entity stage found («م. خالد العلي»): a one-letter word of its
    # own would match a title glued to the article («الم», «الا»)
    return LEX.titles.match(s.words, k) is not None or k + 2 in s.names or \
        _dotted_letter(s, k + 2, n) and LEX.titles.match(s.words, k + 2) is not None


def _coordinated_person(s: Sentence, e: int, n: int) -> int:
    """«الوزير سامي الخطيب والسفير عمر الزين إن …»: a second person joined by a glued «و»
    (a name the entity stage found, or a title and a name) right before the phrase ends;
    returns where that person ends, or e when there is none."""
    if e >= n or s.words[e][:1] != COORDINATOR or len(s.words[e]) <= 2:
        return e
    if e in s.names:
        end = s.names[e][0] if s.names[e][1] == "PER" else e
    else:
        m = LEX.titles.match(s.words, e)
        inner = parse_np(s, e, limit=n) if m and m[2].startswith(COORDINATOR) else None
        named = inner is not None and inner.kind == "person" and inner.a < inner.title_end < inner.b
        end = inner.b if named and not inner.coordinated else e
    return end if e < end <= n and (_phrase_ends(s, end) or at_stop(s, end)) else e


def _nationality_aside(s: Sentence, e: int, n: int) -> int:
    """«المدرب خالد سمير (مصري) تفاؤلا …»: a nationality in brackets right after a
    person's name belongs to the phrase; the verb's object starts after it."""
    if e + 2 < n and s.words[e] == "(" and s.words[e + 2] == ")" and e > 0 \
            and (e - 1) in _name_tokens(s) and _indefinite_adjective(s.words[e + 1]):
        return e + 3
    return e


def _name_tokens(s: Sentence) -> set[int]:
    return {x for a, (b, label) in s.names.items() if label == "PER" for x in range(a, b)}


def _coordinated_names(s: Sentence, e: int, n: int, label: str) -> int:
    """Names of the same kind joined by a glued «و» after the one ending at e («مصر وقطر
    والأردن»): one subject; returns where the last of them ends."""
    while e < n and e in s.names and s.names[e][1] == label and s.names[e][0] <= n \
            and s.words[e][:1] == COORDINATOR and len(s.words[e]) > 2:
        e = s.names[e][0]
    return e


def _appositive_title(s: Sentence, np: NP, e: int, n: int) -> None:
    """A title right after the name («سامر الحلبي وزير الخارجية الأردني») joins the phrase."""
    if e < n and s.isword[e] and LEX.titles.match(s.words, e) and not (
            LEX.titles.match(s.words, e)[2].startswith(COORDINATOR) and
            any(s.names.get(x, (0, ""))[1] == "PER" for x in range(np.a, e))):
        # (not «سامي الخطيب والسفير عمر الزين»: after a name, a title after «و» is a
        # second person's)
        m = LEX.titles.match(s.words, e)
        np.name_end = e
        np.b = _complement_end(s, e, m[0], min(n, e + 10))
        np.titled = True


def _surname(s: Sentence, k: int, j: int) -> bool:
    """The word at j, which starts like a glued preposition, ends a name («باولا بيتانكور،»,
    «سامي الخطيب إن», «ماريا شولتس -…»): a name word before it and nothing after."""
    prev = s.words[j - 1]
    return j > k and _phrase_ends(s, j + 1) and not s.words[j].startswith(CLITIC_ARTICLE) \
        and s.isword[j - 1] and not prev.startswith(DEFINITE) and prev not in LEX.title_links \
        and not LEX.titles.match(s.words, j - 1)


def _accusative_pair(s: Sentence, t: int, j: int) -> bool:
    """Two indefinite accusatives in a row after a title («تفاؤلا كبيرا»): a noun and its
    adjective, the verb's object, when more words follow before the phrase ends («باولا
    سانتانا إن» is a name), unless the entity stage or the given names say «name»."""
    if t + 2 >= j or t in s.names or s.words[t] in LEX.given_names:
        return False
    return all(s.words[x].endswith(ACCUSATIVE) and len(s.words[x]) > 3 and
               not s.words[x].startswith(DEFINITE) for x in (t, t + 1))


def _object_word(s: Sentence, e: int) -> bool:
    """«… لزيارة العاصمة»: inside a name, a word with «ل» glued to it and more words after
    it starts the verb's object or purpose."""
    w = s.words[e]
    return w[:1] == LAM and len(w) > 3 and w not in LEX.given_names and not _phrase_ends(s, e + 1)


def _phrase_ends(s: Sentence, k: int) -> bool:
    """Nothing of a noun phrase can follow at k: a mark, a complementizer, a medium."""
    return k >= len(s.words) or not s.isword[k] or s.words[k] in LEX.complementizers \
        or starts_medium(s, k)


def _descriptor_end(s: Sentence, k: int, j: int) -> int:
    """Definite words before a name describe the person («المرشح سامي فرح»)."""
    t = k
    while t < j and _definite(s, t) and s.words[k].startswith(DEFINITE):
        t += 1  # not «بن غفير»: a name may open with a link word
    return t if t < j else k


def _definite(s: Sentence, t: int) -> bool:
    return s.words[t].startswith(DEFINITE) or s.words[t] in LEX.title_links


def _prepositional(prefix: str) -> bool:
    """Whether glued clitics include a preposition («ل», «بال», «لل»), not just و or ال."""
    if prefix.endswith(ARTICLE):
        prefix = prefix[:-len(ARTICLE)]
    elif prefix in CLITIC_ARTICLE:
        return prefix[:1] in PREPS  # «لل»: a preposition with the article
    return prefix[-1:] in PREPS


def _extent(s: Sentence, k: int, first: int, n: int, titled: bool, kind: str,
            stop_preps: frozenset[str]) -> int:
    """The longest run of words from k that a noun phrase may cover."""
    if kind in ("anonymous", "group") and s.words[k].startswith(ARTICLE_FORMS):
        # a definite head takes only its adjectives («الدولتان» + not «إيران»), never a
        # quotation: people are not named in quotation marks («وهتف المشاركون "…"»)
        return _complement_end(s, k, first, n, quoted_name=False)
    cap = _TITLED_MAX if titled else _BARE_MAX
    j = k + first
    while j < n and j - k < cap:
        w = s.words[j]
        if _dotted_letter(s, j, n):
            j += 2  # «م. محمد», «ع. الخطيب», «أ.د. سامي»: an initial or a title, abbreviated
            continue
        if w in LEX.object_quantifiers and not s.inside[j] or _before_quantifier(s, j, n) \
                and s.words[j - 1].startswith(DEFINITE):
            break  # «ونفى رئيس الوزراء ارتكاب أي مخالفات», «ولم يعلن القصر أي تفاصيل»:
            # the verb's object starts (a closed definite phrase before the noun governing
            # the quantifier, or the quantifier itself)
        if not s.isword[j]:
            # a name in quotation marks right after an outlet or body noun, or after a
            # title in construct state («مراسل "الجوهرة أف أم"»)
            construct = titled and (j == k + first and not s.words[k].startswith(DEFINITE)
                                    or LEX.org_heads.match(s.words, j - 1) is not None)
            if w == '"' and j in s.pair_at and (kind in ("outlet", "organisation") or
                                                construct) and s.pair_at[j] - j <= 6:
                j = s.pair_at[j] + 1
                continue
            break
        if w in LEX.circumstantial_pronouns:
            break  # «فلان وهو من سكان الحي»: an aside starts
        if w in LEX.complementizers or w in LEX.manner_markers or LEX.cues.match(s.words, j) \
                or starts_medium(s, j) or LEX.medium.match(s.words, j) \
                or anonymity_end(s, j) is not None:
            break
        if not titled and LEX.titles.match(s.words, j):
            break  # «ريتشارد ميلر وزير الخارجية»: the name ends where a title starts
        if titled and kind != "outlet" and w in LEX.title_links and j + 1 < n \
                and s.is_word(j + 1) and not at_stop(s, j + 1) \
                and not LEX.statement_nouns.match(s.words, j + 1) \
                and not s.words[j + 1].endswith(PRONOUN_SUFFIXES):
            j += 2  # «الائتلاف بقيادة لندن», «المتحدث باسم الوزارة»; not «في مدونتها»
            continue
        if w in LEX.given_names and titled and kind == "person" and at_stop(s, j) and \
                LEX.prepositions.get(w) not in stop_preps and _given_name_not_stop(s, j, n):
            j += 1  # «المتحدث باسم البلدية علي …»: the name folds like «على»
            continue
        if at_stop(s, j):
            if titled and kind != "outlet" and w in LEX.title_links \
                    and j + 1 < n and s.is_word(j + 1) and not at_stop(s, j + 1) \
                    and not LEX.statement_nouns.match(s.words, j + 1) \
                    and not s.words[j + 1].endswith(PRONOUN_SUFFIXES):
                j += 2
                continue
            break
        if w[:1] in LEX.glued_preps and len(w) > 3 and not _head(s, j) and (
                w[0] in stop_preps or not titled and not w.startswith(CLITIC_ARTICLE)) \
                and not _surname(s, k, j):
            break  # «روسيا لضبط …»: a glued preposition starts an object
        if w[0].isdigit():
            break
        if kind in ("anonymous", "group") and j > k + first and w.startswith(ARTICLE) and \
                all(_indefinite_adjective(s.words[x]) for x in range(k + first, j)):
            break  # «دبلوماسي أوروبي الجانبين»: a definite word never qualifies it
        if kind != "person" or not titled:
            if len(w) > 3 and w.endswith(PRONOUN_SUFFIXES):
                break  # «أعلنت النرويج دعمها …»: a possessed noun starts the object
        j += 1
    return j


_QUANTIFIED_MIN = 3  # letters of the noun after «أي» (not a spelt letter: «إي بي سي»)


def _before_quantifier(s: Sentence, j: int, n: int) -> bool:
    """The word at j governs a quantifier and its noun («ارتكاب أي مخالفات»): the verb's
    object, never a word of the speaker's name."""
    return j + 2 < n and s.words[j + 1] in LEX.object_quantifiers and not s.inside[j + 1] \
        and s.isword[j] and s.isword[j + 2] and len(s.words[j + 2]) >= _QUANTIFIED_MIN


def _indefinite_adjective(word: str) -> bool:
    """An adjective of origin without the article («أوروبي», «محلية»)."""
    return not word.startswith(ARTICLE_FORMS) and word.endswith(NISBA) and len(word) > 3


def _given_name_not_stop(s: Sentence, j: int, n: int) -> bool:
    """A given name whose folded form is also a stop word («علي» / «على»), read as a name
    when a plain word (no article, no stop) follows it and the phrase then ends."""
    if s.words[j] not in LEX.given_names or j in s.times or j + 1 >= n \
            or not s.isword[j + 1] or spelt_as_name(s, j) is False:
        return False
    if at_stop(s, j + 1) or LEX.cues.match(s.words, j + 1):
        return False
    end = next((x for x in range(j + 2, min(n - 1, j + 4) + 1)
                if s.words[x] in LEX.complementizers or s.words[x] in COMMA
                or s.words[x] == ":" or starts_medium(s, x)), None)
    return end is not None and all(not at_stop(s, x) for x in range(j + 1, min(end, n)))


def _complement_end(s: Sentence, k: int, head_len: int, j: int,
                    quoted_name: bool = True) -> int:
    """Where a title's or a body's own words end: its genitive, adjectives and links
    («وزير الداخلية المغربي», «منظمة الصحة العالمية», «الاتحاد» + not «تأجيل»)."""
    t = k + head_len
    # a person's title (not a body's head): a person's name may follow its words
    holder = LEX.titles.match(s.words, k) is not None and not LEX.org_heads.match(s.words, k)
    if not s.words[t - 1].startswith(ARTICLE_FORMS):
        # a head in construct state takes the next word as its genitive, and an
        # indefinite genitive takes the next one in turn («رئيس اتحاد نقابات العمال»);
        # a head whose last word is definite has its genitive («رئيس الحكومة» + a name)
        depth = 0
        while t < j and s.isword[t] and depth <= _CONSTRUCT_MAX and not at_stop(s, t):
            if depth >= _HOLDER_AFTER and _name_starts(s, t) and holder:
                break  # «مدير معرض مشكاة سامي …»: after two genitives a person's name is
                # the holder's (after one it may still own it: «مدير مكتب سامي الخطيب»)
            if t in s.names:
                # a name is definite: it closes the chain («مكتب نتنياهو» + not «تعيين»)
                t = min(s.names[t][0], j)
                break
            depth += 1
            t += 1
            if s.words[t - 1].startswith(DEFINITE):
                break
    while t < j:
        w = s.words[t]
        if t in s.pair_at and s.pair_at[t] < j:
            if not quoted_name:
                break
            t = s.pair_at[t] + 1  # «تنظيم "الدولة"»
        elif _name_starts(s, t):
            break  # «وزير الخارجية فادي السمان»: the person's name ends the title
        elif holder and t > k + head_len and s.words[t - 1].startswith(DEFINITE) and \
                s.isword[t] and not w.startswith(DEFINITE) and t + 1 < j and \
                _name_starts(s, t + 1):
            t += 1  # «رئيس البرلمان المنتهية ولايته سامي …»: the adjective's own noun
        elif starts_medium(s, t) or LEX.medium.match(s.words, t):
            break  # «المسؤول في تصريحات صحفية»: the medium follows the title
        elif w in LEX.title_links and t + 1 < j and not s.words[t + 1].endswith(PRONOUN_SUFFIXES):
            t += 2  # «المعنية بحقوق النازحين»: a definite link takes its object too
        elif LEX.org_heads.match(s.words, t) and LEX.org_heads.match(s.words, t)[2][-1:] in PREPS:
            t += LEX.org_heads.match(s.words, t)[0]  # «المتحدث الأمني بوزارة الداخلية»
        elif t > k + head_len and s.words[t - 1].startswith(DEFINITE) and \
                _bare_body(s, t):
            break  # «رئيس البرلمان الحكومة …»: a definite phrase is closed, a body after
            # it (never an adjective) starts the object
        elif _plural_after_feminine(s, k, t):
            break  # «الحكومة الأوكرانية الانفصاليين»: no adjective of the singular head
        elif w.startswith(DEFINITE) and not LEX.np_stops.match(s.words, t) \
                or LEX.titles.match(s.words, t):
            t += 1  # not «إلى», which folds to a definite-looking «الي»
        elif w[:1] == LAM and len(w) > 3 and (t + 1 == j or t + 1 < j and
                                               s.words[t + 1].startswith(ARTICLE)):
            t += 1  # «… لحقوق الإنسان», «المستشار الإعلامي لأونروا»
        elif w[:1] in LEX.glued_preps and len(w) > 3 and t + 1 < j and \
                s.words[t + 1].startswith(ARTICLE):
            t += 1  # «مدير الشؤون الصحية بمنطقة القصيم» (a given name stopped above)
        elif w[:1] == COORDINATOR and t + 1 < j and s.words[t + 1].startswith(ARTICLE) and \
                not LEX.titles.match(s.words, t):
            t += 2  # a coordinated genitive («الزراعة والمياه وإدارة الغابات»)
        else:
            break
    return t


_STEM_MIN = 3  # letters of a word after a glued preposition and article


def _prep_article(word: str) -> bool:
    """«للصحفيين», «بالمدينة»: a preposition and the article glued to a noun; not
    «وكالات», whose letters only look like «و» + «ك» + «ال»."""
    return any(word.startswith(p) and len(word) - len(p) >= _STEM_MIN for p in _PREP_ARTICLE)


def _plural_after_feminine(s: Sentence, k: int, t: int) -> bool:
    """A definite plural in the oblique case after a definite feminine singular head: it
    cannot agree with the head, so the verb's object starts there."""
    head, w = s.words[k], s.words[t]
    return head.startswith(ARTICLE_FORMS) and head.endswith(FEMININE) and \
        w.startswith(ARTICLE) and w.endswith(OBLIQUE_PLURAL) and len(w) > 6


def _bare_body(s: Sentence, t: int) -> bool:
    """A body's head noun with nothing glued to it starts at t («الحكومة»)."""
    m = LEX.org_heads.match(s.words, t)
    return m is not None and m[2] == ""


def _name_starts(s: Sentence, t: int) -> bool:
    """A person's name starts at t: the entity stage found one, or a given name stands
    there (a definite word, «المياه», is never taken for one)."""
    if t in s.names:
        return s.names[t][1] == "PER"
    w = s.words[t]
    if w in LEX.name_openers:
        return t + 1 < len(s.words) and s.isword[t + 1]  # «الناطق باسم الحركة أبو عبيدة»
    return w in LEX.given_names and w not in LEX.title_links  # not «المتحدث باسم …»


def apposition(s: Sentence, np: NP, limit: int | None = None) -> NP:
    """«وزير الخارجية، سامي الخطيب،» and «سامي الخطيب، وزير الخارجية،» are one phrase."""
    n = len(s.words) if limit is None else limit
    k = np.after
    if k + 1 >= n or s.words[k] not in COMMA:
        return np
    np2 = parse_np(s, k + 1, limit=limit)
    if np2 is None or np2.b - np2.a > _TITLED_MAX:
        return np
    e = np2.b
    follows = e >= n or s.words[e] in COMMA or s.words[e] in LEX.complementizers \
        or s.words[e] == ":" or starts_medium(s, e) or e in s.pair_at
    if not follows:
        return np
    descriptive = np.kind == "person" and all(_definite(s, t) for t in range(np.a, np.b))
    has_name = np.kind == "person" and not descriptive and (
        np.title_end < 0 or np.title_end < np.b)
    if np.kind in ("person", "anonymous") and (np.titled or descriptive) and not has_name \
            and np2.kind == "person":
        # a title, then the name («وزير الخارجية، سامي الخطيب»; «…، الدكتور أحمد»)
        name_at = np2.title_end if np2.title_end > np2.a else np2.a
        if name_at >= np2.b:
            return np
        return NP(np.a, np2.b, np.skip, "person", name_at, True, name_end=np2.name_end)
    if has_name and np2.titled and np2.kind == "person":
        # a name (perhaps after a title), then a title: the name stays the name
        end = np.name_end if np.name_end > np.a else np.b
        return NP(np.a, np2.b, np.skip, "person", np.title_end, True, name_end=end)
    return np
