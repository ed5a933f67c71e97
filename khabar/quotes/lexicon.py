"""The statement grammar's vocabulary, read once from the resource files and folded.

Everything here is matched token by token on the folded view (khabar.normalize), so a
phrase is a tuple of folded words; a clitic (و، ف، ب، ل، ال…) may be glued to its first
word. Nothing in this module knows a word of Arabic: the words come from the YAML files.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Sequence

from khabar.normalize import NORMALIZERS, fold
from khabar.resources import load

from khabar.quotes.morph import AGREEMENT, ARTICLE, CONJ, FEMININE, FEMININE_BOUND, PREPS, \
    contract


def _prefixes(*groups: Sequence[str]) -> tuple[str, ...]:
    """Every concatenation of one optional member of each group (و + ل + ال …)."""
    out = {""}
    for g in groups:
        out |= {a + b for a in out for b in g}
    out.discard("")
    out |= {contract(p) for p in out}  # «ل» + «ال» is written «لل»
    return tuple(sorted(out, key=len, reverse=True))


class Phrases:
    """Phrases as tuples of folded words, found at a token position (longest first).

    Every surface form of a phrase's first word (each allowed clitic glued in front) is
    indexed once, so finding a phrase costs one dictionary look-up per token.
    """

    def __init__(self, phrases: Iterable[str], prefixes: Sequence[str] = (),
                 values: dict[str, Any] | None = None) -> None:
        self.prefixes = tuple(prefixes)
        self._by_first: dict[str, list[tuple[tuple[str, ...], Any, str]]] = {}
        seen = set()
        for p in phrases:
            words = tuple(fold(p).split())
            if not words or words in seen:
                continue
            seen.add(words)
            val = values.get(p) if values else p
            for pre, surface in _surfaces(words[0], self.prefixes):
                self._by_first.setdefault(surface, []).append((words, val, pre))
        order = lambda wv: (len(wv[0]), -len(wv[2]))  # noqa: E731 - longest first
        for lst in self._by_first.values():
            lst.sort(key=order, reverse=True)
        # the candidates worth trying given the next word too: phrases whose second word
        # it is, plus the one-word phrases and those ending in a glued one-letter word
        # (which the next word need not equal); same order as the full list
        self._by_pair: dict[tuple[str, str], list] = {}
        self._rest: dict[str, list] = {}
        # (a loose phrase of three words or more matches only where the next word is its
        # second: it is left out of the lists for other next words, «في» has many)
        for first, cands in self._by_first.items():
            loose = [c for c in cands if len(c[0]) <= 2 and (len(c[0]) == 1 or len(c[0][-1]) == 1)]
            self._rest[first] = loose
            for second in {c[0][1] for c in cands if len(c[0]) > 1}:
                pair = [c for c in cands if len(c[0]) > 1 and c[0][1] == second]
                self._by_pair[(first, second)] = sorted(
                    {id(c): c for c in pair + loose}.values(), key=order, reverse=True)

    def __contains__(self, word: str) -> bool:
        return self.match([word], 0) is not None

    def second_words(self) -> dict[str, frozenset[str]]:
        """For each surface form of a first word, the second words its phrases go on with
        (a quick look before `match` where first words are common ones, «في»)."""
        return {first: frozenset(p[1] for p, _v, _pre in cands if len(p) > 1)
                for first, cands in self._by_first.items()}

    @property
    def first_words(self) -> frozenset[str]:
        """Every surface form a phrase may start with (for a quick look before parsing)."""
        return frozenset(self._by_first)

    def match(self, words: Sequence[str], i: int) -> tuple[int, Any, str] | None:
        """(number of words, value, glued prefix) of the longest phrase starting at i.

        A phrase ending in a one-letter preposition («وفقا ل») also matches where that
        letter is glued to the next word («وفقا لمصادر»): the glued word is not counted.
        """
        n_words = len(words)
        if i >= n_words:
            return None
        w = words[i]
        rest = self._rest.get(w)
        if rest is None:
            return None
        cands = self._by_pair.get((w, words[i + 1])) if i + 1 < n_words else None
        if cands is None:
            cands = rest
        for phrase, val, pre in cands:
            n = len(phrase)
            if n == 1:
                return 1, val, pre
            if tuple(words[i + 1:i + n]) == phrase[1:]:
                return n, val, pre
            last = phrase[-1]
            if len(last) == 1 and tuple(words[i + 1:i + n - 1]) == phrase[1:-1] \
                    and i + n - 1 < len(words) and len(words[i + n - 1]) > 2 \
                    and words[i + n - 1].startswith(last):
                return n - 1, val, pre
        return None


def _surfaces(word: str, prefixes: Sequence[str]) -> Iterable[tuple[str, str]]:
    """(prefix, surface) for the word bare and with each allowed clitic glued in front."""
    yield "", word
    for p in prefixes:
        yield p, p + word
        if contract(p + word) != p + word:
            yield p, contract(p + word)  # «ل» + «الجزيرة» is written «للجزيرة»


@dataclass(frozen=True, slots=True)
class CueForm:
    lemma: str
    cls: str
    form: str  # perfect, imperfect, participle, masdar
    takes: frozenset[str]
    needs_complement: bool
    continuation: bool
    report: bool
    gender: str = "m"  # agreement of the form: m, f, or pl (dual and plural)
    invites: bool = False  # the verb also invites («دعا إلى اجتماع»)
    # nouns that make a bare object the content of a verb that otherwise needs a
    # complementizer («حمّل الوزير الشركة مسؤولية …»)
    object_nouns: frozenset[str] = frozenset()
    needs_subject: bool = False  # «ورد في التقرير أن»: without a subject, another verb
    # an object, then a predicate or a «ب» phrase about it («اعتبر الوزير القرار خطوة»)
    two_objects: bool = False
    # a glued preposition of the one thanked, between the subject and the thing praised
    # («ثمن مسؤولون للحكومة ما قدمته»)
    dative: frozenset[str] = frozenset()


@dataclass(slots=True)
class Lexicon:
    cues: Phrases
    glued_masdars: Phrases  # «بإعلان الرئيس أنه …»: a statement noun after a preposition
    complementizers: frozenset[str]
    prepositions: dict[str, str]  # folded word -> marker
    glued_preps: tuple[str, ...]
    np_stops: Phrases
    adverbials: Phrases  # «في وقت سابق», «عز وجل»: one aside, a stop for a noun phrase
    title_links: frozenset[str]
    content_stops: Phrases
    negations: frozenset[str]
    manner_markers: frozenset[str]
    auxiliaries: frozenset[str]
    perfect_particles: frozenset[str]
    topic_openers: Phrases  # «إلا أن»: the subject stands between it and the verb
    topic_prepositions: frozenset[str]  # «وعن الميزانية قال …»: a fronted topic
    title_prepositions: frozenset[str]  # «المشرف على المعرض أن»: a title's charge
    pairing_prepositions: frozenset[str]  # «بين المدن والقرى»: no verb «بيّن»
    behalf_openers: frozenset[str]  # «باسمه واسم الحكومة»: an aside to the verb's preposition
    circumstantial_pronouns: frozenset[str]  # «وهو …،»: an aside to its comma
    object_suffixes: tuple[str, ...]  # «ذكرته», «قاله»: a cue with what was said glued
    source_quantifiers: frozenset[str]  # «عدة صحف»: the head noun follows
    same_determiners: frozenset[str]  # «ذات المصدر»: the source named before, again
    resumptive_objects: frozenset[str]  # «أفاد به»: the same after a preposition
    resumptive_pronouns: frozenset[str]  # «تقريرا أوضحت فيه»: pointing back at a document
    relatives: frozenset[str]
    relative_agreement: dict[str, str]  # folded pronoun -> m, f or pl
    continuation_particles: frozenset[str]
    clause_connectives: Phrases  # «…، وفي حين دعت …»: a clause of its own starts
    resuming_connectives: Phrases  # «ومع ذلك أكد …»: opening a sentence, a continuation
    addition_particles: frozenset[str]  # «كما دعا السكان …»: the same speaker adds
    subject_particles: frozenset[str]  # «ولكنه وصف …»: the verb's subject is their pronoun
    object_quantifiers: frozenset[str]  # «ارتكاب أي مخالفات»: the word before one is an object
    headline_labels: Phrases
    handle_marks: frozenset[str]  # «#ترمب»: the mark of a tag or an account
    statement_nouns: Phrases
    document_nouns: Phrases  # «تقرير», «دراسة»: their author, named after them, speaks
    speech_nouns: Phrases  # «كلمة أكد فيها»: its speaker stands right before the noun
    publishing_verbs: Phrases  # «نشرته», «أعدتها»: the relative verb naming the author
    relaying_verbs: Phrases  # «نقلت عنها»: the relative verb naming an outlet that relayed
    titles: Phrases
    org_heads: Phrases
    anonymous: Phrases
    groups: Phrases
    outlet_kinds: Phrases
    giving_verbs: Phrases  # «في تصريحات أدلى بها لصحيفة X»: between the form and the outlet
    addressee_bodies: Phrases  # «لمركز X» right after the verb or subject: an outlet
    outlets: Phrases
    ambiguous_outlets: frozenset[tuple[str, ...]]
    credit_names: Phrases  # «… . بحسب الألمانية.»: an agency's credit, in a sentence of its own
    # outlets with their spaces taken out («سكاينيوزعربية»): names a page glued together
    joined_outlets: dict[str, str]
    glued_tails: tuple[str, ...]  # «للأنباء» after a known name in a glued word
    medium: Phrases  # value: relation
    platform_preps: frozenset[str]
    attribution: Phrases
    noun_governors: frozenset[str]
    name_openers: frozenset[str]
    demonstratives: frozenset[str]
    kin_nouns: Phrases  # «زوجة X»: a relative of X, described by the relation
    relation_nouns: frozenset[str]  # «نظيره»: with a pronoun, a person
    divine_names: frozenset[str]  # «الله»: a verb addressing or quoting God is a prayer
    temporal_subordinators: frozenset[str]  # «عندما»: its verb takes the main subject
    recap_objects: frozenset[str]  # «…، وقال ذلك في …»: the verb closes the statement
    recap_openers: Phrases  # «. جاء ذلك في حوار مع X»: the statement before, its medium
    possessed_object_classes: frozenset[str]  # «وأعلن انسحابه»: such a bare object is said
    # places by kind (gazetteer_places.yaml): a country label heads a headline statement
    # («بلد: سنعترف …»), a city or region label only says where («مدينة: …»)
    countries: frozenset[str]
    towns: frozenset[str]
    content_openers: Phrases  # «كيف», «يجب»: the content starts, no subject
    quantity_words: frozenset[str]  # «ألف طالب»: a counted noun, not a verb
    answer_words: frozenset[str]  # «…، بحسب X، فهو …»: the answer to a fronted topic
    pointing_openers: Phrases  # «…، هذا ما قاله X»: the clause before is what was said
    trailing_openers: Phrases  # «…، على ما قال X»: the cue vouches for the clause before
    concessives: Phrases  # «رغم تنبيه X إلى أن»: a statement noun opens a statement
    subordinators: frozenset[str]
    invitation_nouns: Phrases
    stance_forms: frozenset[str]  # «رفضه», «دعوتها»: a stance noun with its author's pronoun
    anonymity_openers: frozenset[str]
    identity_nouns: frozenset[str]
    # one-word given names: a title never runs on into one («وزير الخارجية وليد …»)
    given_names: frozenset[str]
    # given names that fold like a stop word spelt with an alef maqsura («علي» / «على»):
    # folded name -> the stop word as the "maqsura" view spells it
    maqsura_names: dict[str, str]


def _stance_forms(nouns: Iterable[str], suffixes: Iterable[str]) -> frozenset[str]:
    """Every noun with every pronoun suffix, the feminine ending written «ت» before it."""
    folded = [fold(n).strip() for n in nouns]
    stems = [n[:-len(FEMININE)] + FEMININE_BOUND if n.endswith(FEMININE) else n for n in folded]
    return _folded(st + fold(x).strip() for st in stems for x in suffixes)


def _agreement(form: str, kind: str, perfect: set[str]) -> str:
    """Gender/number a verb form agrees with, read from its inflection (folded);
    `perfect`: the lemma's perfect forms, to tell a dual («قالا») from a stem («دعا»)."""
    rules = AGREEMENT.get(kind)
    if rules is None:
        return "m"
    pl = rules.get("pl", ())
    dual = kind == "perfect" and form[:-1] in perfect and any(p.endswith(form[-1]) for p in pl)
    if form.endswith(pl) or dual:
        return "pl"
    if form.endswith(rules.get("f", ())) or form.startswith(rules.get("f_prefix", ())):
        return "f"
    return "m"


def _folded(words: Iterable[str]) -> frozenset[str]:
    return frozenset(fold(w).strip() for w in words)


def _maqsura_names(stops: Iterable[str], given: frozenset[str]) -> dict[str, str]:
    """Given names whose folded form is also a stop word that only the alef maqsura tells
    apart, each with the stop word as the "maqsura" view (khabar.normalize) spells it."""
    keep = NORMALIZERS["maqsura"]
    out = {}
    for w in stops:
        folded, kept = fold(w).strip(), keep.fold(w).strip()
        if folded != kept and folded in given:
            out[folded] = kept
    return out


def _given_names() -> frozenset[str]:
    """The entity stage's one-word given names (gazetteer_person_names.yaml), if present."""
    try:
        names = load("gazetteer_person_names")["given_names"]
    except (FileNotFoundError, KeyError, TypeError):
        return frozenset()
    return _folded(x for x in names if len(x.split()) == 1)


def build() -> Lexicon:
    verbs = load("reporting_verbs")["verbs"]
    forms: dict[str, CueForm] = {}
    for v in verbs:
        perfect = {fold(f) for f in v.get("perfect", ()) or ()}
        for kind in ("perfect", "imperfect", "participle", "masdar"):
            for f in v.get(kind, ()) or ():
                forms.setdefault(f, CueForm(
                    v["lemma"], v["class"], kind, frozenset(v.get("takes", ())),
                    bool(v.get("needs_complement")), bool(v.get("continuation")),
                    bool(v.get("report")), _agreement(fold(f), kind, perfect),
                    bool(v.get("invites")), _folded(v.get("object_nouns", ()) or ()),
                    bool(v.get("needs_subject")), bool(v.get("two_objects")),
                    _folded(v.get("dative", ()) or ())))
    g = load("quote_grammar")
    preps = {fold(w): marker for marker, ws in g["prepositions"].items() for w in ws}
    t = load("titles")
    a = load("anonymous_sources")
    m = load("media_outlets")
    mp = load("medium_phrases")
    places = load("gazetteer_places")
    medium_values = {}
    for rel in ("addressee", "channel", "reporter"):
        for p in mp[rel]:
            medium_values.setdefault(p, rel)
    for p in mp["statement_forms"]:
        medium_values.setdefault(p, "form")
    noun_pre = _prefixes(CONJ, PREPS, (ARTICLE,))
    return Lexicon(
        cues=Phrases(forms, CONJ, forms),
        glued_masdars=Phrases([f for f, c in forms.items() if c.form == "masdar"],
                              _prefixes(CONJ, PREPS), forms),
        complementizers=_folded(g["complementizers"]),
        prepositions=preps,
        glued_preps=tuple(fold(p) for p in g["glued_prepositions"]),
        np_stops=Phrases(g["np_stops"] + g["behalf_openers"], CONJ),
        adverbials=Phrases(g["adverbials"] + g["honorifics"], CONJ),
        title_links=_folded(g["title_links"]),
        content_stops=Phrases(g["content_stops"], ()),
        negations=_folded(g["negations"]),
        manner_markers=_folded(g["manner_markers"]),
        auxiliaries=_folded(g["auxiliaries"]),
        perfect_particles=_folded(g["perfect_particles"]),
        topic_openers=Phrases(g["topic_openers"], ()),
        topic_prepositions=_folded(g["topic_prepositions"]),
        title_prepositions=_folded(g["title_prepositions"]),
        pairing_prepositions=_folded(g["pairing_prepositions"]),
        behalf_openers=_folded(g["behalf_openers"]),
        circumstantial_pronouns=_folded(g["circumstantial_pronouns"]),
        object_suffixes=tuple(fold(x).strip() for x in g["object_suffixes"]),
        resumptive_objects=_folded(g["resumptive_objects"]),
        source_quantifiers=_folded(a["source_quantifiers"]),
        same_determiners=_folded(a["same_determiners"]),
        resumptive_pronouns=_folded(g["resumptive_pronouns"]),
        relatives=_folded(g["relatives"]),
        relative_agreement={fold(k).strip(): v for k, v in g["relatives"].items()},
        continuation_particles=_folded(g["continuation_particles"]),
        clause_connectives=Phrases(g["clause_connectives"], CONJ),
        resuming_connectives=Phrases(g["resuming_connectives"], CONJ),
        addition_particles=_folded(g["addition_particles"]),
        subject_particles=_folded(g["subject_particles"]),
        object_quantifiers=_folded(g["object_quantifiers"]),
        headline_labels=Phrases(g["headline_labels"], CONJ),
        handle_marks=frozenset(g["handle_marks"]),
        statement_nouns=Phrases(g["statement_nouns"], _prefixes(CONJ, (ARTICLE,))),
        document_nouns=Phrases(g["document_nouns"], _prefixes(CONJ, PREPS, (ARTICLE,))),
        speech_nouns=Phrases(g["speech_nouns"], ()),
        publishing_verbs=Phrases(g["publishing_verbs"], ()),
        relaying_verbs=Phrases(g["relaying_verbs"], ()),
        titles=Phrases(t["person_titles"], _prefixes(CONJ, (ARTICLE,))),
        org_heads=Phrases(t["organisation_heads"], _prefixes(CONJ, PREPS, (ARTICLE,))),
        anonymous=Phrases(a["anonymous"], _prefixes(CONJ, (ARTICLE,))),
        groups=Phrases(a["group"], _prefixes(CONJ, (ARTICLE,))),
        outlet_kinds=Phrases(m["kinds"], noun_pre),
        giving_verbs=Phrases(mp["giving_verbs"], ()),
        addressee_bodies=Phrases(m["addressee_bodies"], noun_pre),
        outlets=Phrases(m["outlets"], noun_pre),
        credit_names=Phrases(m["credit_names"], noun_pre),
        ambiguous_outlets=frozenset(tuple(fold(x).split()) for x in m["ambiguous"]),
        joined_outlets={fold(x).replace(" ", ""): x for x in m["outlets"]},
        glued_tails=tuple(fold(x) for x in m.get("glued_tails", ())),
        medium=Phrases(list(medium_values), CONJ, medium_values),
        platform_preps=_folded(mp["platform_prepositions"]),
        attribution=Phrases(mp["attribution_cues"], CONJ),
        noun_governors=_folded(g["noun_governors"]),
        name_openers=_folded(g["name_openers"]),
        demonstratives=_folded(g["demonstratives"]),
        kin_nouns=Phrases(g["kin_nouns"], ()),
        relation_nouns=_folded(g["relation_nouns"]),
        divine_names=_folded(g["divine_names"]),
        temporal_subordinators=_folded(g["temporal_subordinators"]),
        recap_objects=_folded(g["recap_objects"]),
        recap_openers=Phrases(g["recap_openers"], ()),
        possessed_object_classes=frozenset(g["possessed_object_classes"]),
        countries=_folded(places["countries"]),
        towns=_folded(places["cities"] + places["regions"]),
        content_openers=Phrases(g["content_openers"], CONJ),
        quantity_words=_folded(g["quantity_words"]),
        answer_words=_folded(g["answer_words"]),
        trailing_openers=Phrases(g["trailing_openers"] + g["pointing_openers"], CONJ),
        pointing_openers=Phrases(g["pointing_openers"], CONJ),
        concessives=Phrases(g["concessives"], CONJ),
        subordinators=_folded(g["subordinators"]),
        invitation_nouns=Phrases(g["invitation_nouns"], _prefixes(PREPS, (ARTICLE,))),
        stance_forms=_stance_forms(g["stance_nouns"], g["stance_suffixes"]),
        anonymity_openers=_folded(c + w for w in a["anonymity_openers"] for c in ("",) + CONJ),
        identity_nouns=_folded(a["identity_nouns"]),
        # the entity stage's list of given names, read here too: a title never runs on
        # into one («وزير الخارجية وليد …»)
        given_names=_given_names(),
        maqsura_names=_maqsura_names(g["np_stops"], _given_names()),
    )


LEX = build()
# a sentence none of whose words is one of these holds no statement (titles aside)
CUE_WORDS = LEX.cues.first_words | LEX.glued_masdars.first_words
ATTRIBUTION_WORDS = LEX.attribution.first_words
ADVERBIAL_WORDS = LEX.adverbials.first_words
ADVERBIAL_SECONDS = LEX.adverbials.second_words()
TOPIC_WORDS = LEX.topic_openers.first_words
# a cue with the pronoun of what was said glued to it («…، هذا ما قاله X»)
POINTING_WORDS = frozenset(w + x for w in LEX.cues.first_words for x in LEX.object_suffixes)
# the first words of the recap openers («جاء ذلك …»): such a sentence gives a medium
RECAP_WORDS = frozenset(fold(p).split()[0] for p in load("quote_grammar")["recap_openers"])
TRIGGERS = CUE_WORDS | ATTRIBUTION_WORDS | POINTING_WORDS
# the last word of every trailing opener: the word a cue after one comes right after
OPENER_LAST_WORDS = frozenset(fold(p).split()[-1] for p in
                              load("quote_grammar")["trailing_openers"] +
                              load("quote_grammar")["pointing_openers"])


def pointing_cue(words: list[str], k: int) -> tuple[int, CueForm, str] | None:
    """The cue of a phrase that points back at what was said («بحسب ما ذكرته X», «هذا ما
    قاله X», «وفق ما أفاد به X»): a verb, bare or in the perfect with that thing's pronoun
    glued to it, then the preposition carrying the pronoun, if any. (tokens, form, clitic)."""
    m = LEX.cues.match(words, k)
    if m is None:
        w = words[k]
        for suffix in LEX.object_suffixes:
            if w.endswith(suffix) and len(w) - len(suffix) >= 2:
                m = LEX.cues.match([w[:-len(suffix)]], 0)
                if m is not None and m[1].form == "perfect":
                    break
                m = None
    if m is None:
        return None
    n = m[0]
    if k + n < len(words) and words[k + n] in LEX.resumptive_objects:
        n += 1
    return n, m[1], m[2]
