"""The events stage's word tables, built once from event_triggers.yaml, event_grammar.yaml
and number_words.yaml.

Trigger forms are expanded with their clitics (prefixes in front, pronouns behind) into
one dictionary keyed by the folded first word, so finding triggers is a set intersection
and a few dictionary look-ups per article, not a scan per trigger.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from khabar.normalize import fold
from khabar.resources import load

WORD = re.compile(r"\w+")  # on the folded view: letters and digits, no marks left

_TRIG = load("event_triggers")
GRAMMAR = load("event_grammar")
_NUM = load("number_words")


def _f(s: str) -> str:
    return " ".join(fold(str(s)).split())


def _set(words) -> frozenset[str]:
    return frozenset(_f(w) for w in words)


@dataclass(frozen=True, slots=True)
class Entry:
    type: str
    mode: str | None
    verb: bool
    secondary: bool
    object_genitive: bool
    not_after: frozenset[str]
    not_before: frozenset[str]
    needs_after: frozenset[str]
    not_before_place: bool = False
    not_with: frozenset[str] = frozenset()
    needs_within: int = 4  # how many words after the form `needs_after` looks at
    near_actor: bool = False  # the actor only next to the trigger (`near_actor`)


@dataclass(frozen=True, slots=True)
class Form:
    rest: tuple[str, ...]  # the folded words after the first, for phrases
    entry: Entry
    prefix: str  # the clitics glued in front of the first word
    suffixed: bool = False  # a pronoun glued behind («لقائه»): the author is that pronoun


PREFIXES = sorted({_f(p) for p in GRAMMAR["prefixes"]}, key=len, reverse=True)
SUFFIXES = [_f(s) for s in GRAMMAR["suffixes"]]
FUTURE_PREFIX = _f(GRAMMAR["future_prefix"])
FIRST_PERSON = _f(GRAMMAR["first_person"])


def _variants(word: str, last: bool) -> list[str]:
    out = [word]
    if last:
        stem = word[:-1] + "ت" if word.endswith("ه") else word
        out += [stem + s for s in SUFFIXES]
    return out


def _build() -> dict[str, list[Form]]:
    table: dict[str, list[Form]] = {}
    for type_, entries in _TRIG.items():
        for e in entries:
            entry = Entry(type_, e.get("mode"), bool(e.get("verb")), bool(e.get("secondary")),
                          bool(e.get("object_genitive")),
                          _set(e.get("not_after", ())), _set(e.get("not_before", ())),
                          _set(e.get("needs_after", ())), bool(e.get("not_before_place")),
                          _set(e.get("not_with", ())), int(e.get("needs_within", 4)),
                          bool(e.get("near_actor")))
            for form in e["forms"]:
                words = _f(form).split()
                rest = tuple(words[1:])
                if rest:  # the pronoun goes on the last word of a phrase
                    *mid, last = rest
                    rests = [(tuple(mid) + (v,), n > 0)
                             for n, v in enumerate(_variants(last, True))]
                    firsts = [(words[0], False)]
                else:
                    rests = [((), False)]
                    firsts = [(v, n > 0) for n, v in enumerate(_variants(words[0], True))]
                for first, suf1 in firsts:
                    for pre in ["", *PREFIXES]:
                        key = pre + first
                        for r, suf2 in rests:
                            table.setdefault(key, []).append(
                                Form(r, entry, pre, suf1 or suf2 or bool(e.get("pronoun"))))
    for word in GRAMMAR.get("not_triggers", ()):
        table.pop(_f(word), None)
    # longest phrases first, so «إطلاق النار» wins over «إطلاق»
    for forms in table.values():
        forms.sort(key=lambda f: -len(f.rest))
    return table


TRIGGERS = _build()
TRIGGER_KEYS = frozenset(TRIGGERS)

NEGATION = _set(GRAMMAR["negation"])
FUTURE = _set(GRAMMAR["future"])
HYPOTHETICAL_TEXT = [_f(p) for p in GRAMMAR["hypothetical"]]
HYPOTHETICAL_FIRST = frozenset(p.split()[0] for p in HYPOTHETICAL_TEXT)
DENYING = frozenset(GRAMMAR["denying_classes"])
MODAL = _set(GRAMMAR["modal_particles"])
PERFECT_PARTICLES = _set(GRAMMAR["perfect_particles"])
COPULAS = _set(GRAMMAR["copulas"])
COMPLEMENTIZERS = _set(GRAMMAR["complementizers"])
PLANNING = frozenset(GRAMMAR["future_classes"])
ALLEGED = _set(GRAMMAR["alleged_adjectives"])
PAST_CLAUSE_OPENERS = [tuple(_f(p).split()) for p in GRAMMAR["past_clause_openers"]]
ASKING = frozenset(GRAMMAR["asking_classes"])
ELABORATION = _set(GRAMMAR["elaboration_connectors"])
VERBAL_ACTS: dict[str, str] = dict(GRAMMAR["verbal_acts"])
PLACE_PREPS = _set(GRAMMAR["place_prepositions"])
RELATIVE_PLACE = _set(GRAMMAR["relative_place_words"])
SCENE_VERBS = _set(GRAMMAR["scene_verbs"])
SUPPORT_VERBS = _set(GRAMMAR["support_verbs"])
AGENT_MARKERS = [tuple(_f(m).split()) for m in GRAMMAR["agent_markers"]]
AGENT_MARKER_FIRST = frozenset(m[0] for m in AGENT_MARKERS)
AGENT_VERBS = _set(GRAMMAR["agent_verbs"])
RELATIVE_PRONOUNS = _set(GRAMMAR["relative_pronouns"])
GLUED_PREPS = frozenset(GRAMMAR["glued_prepositions"])
IMPERFECT_PERSON = frozenset(GRAMMAR["imperfect_person_prefixes"])
PLURAL_VERB_ENDINGS = tuple(GRAMMAR["plural_verb_endings"])
NISBA_PLURAL_ENDINGS = tuple(GRAMMAR["nisba_plural_endings"])
SPLIT_BY_PLACE = frozenset(GRAMMAR["split_by_place"])
ANOTHER = _set(GRAMMAR["another_occurrence"])
SINCE = _set(GRAMMAR["since_words"])
OTHER_OCCURRENCE_OPENERS = _set(GRAMMAR["other_occurrence_openers"])
LAST_WORD = re.compile(r"(\w+)\W*$")  # the last word of a stretch of the folded view

# the conjunctions written glued to the word they open (the statement grammar's morphology)
GLUED_CONJ = "".join(_f(c) for c in load("quote_grammar")["morphology"]["conjunctions"])


def with_conj(w: str, forms) -> bool:
    """`w` is one of `forms`, or is one with a conjunction glued in front («وأن», «فإن»)."""
    return w in forms or (w[:1] in GLUED_CONJ and w[1:] in forms)


# the written forms of the verbs whose subject is a source, not an author (a conjunction
# may be glued in front: checked by the caller)
SOURCE_VERBS = (_set(GRAMMAR["source_verbs"]) | frozenset(
    _f(form) for v in load("reporting_verbs")["verbs"]
    if v["class"] in set(GRAMMAR["source_classes"])
    for form in [*v.get("perfect", []), *v.get("imperfect", [])])
                ) - _set(GRAMMAR["not_source_verbs"])

_SPORTS = load("sports_context")


def _clitic_map(words, pronouns: bool = False) -> dict[str, str]:
    """Single folded words with every glued prefix («بالمباراة», «والدوري») and, where
    asked, pronoun («مسيرته»; not for the sports vocabulary: «الدوري» + «ه» would be the
    folded «الدورية», a patrol), each to its word; phrases are matched on the text."""
    out = {}
    for w in words:
        f = _f(w)
        if " " not in f:
            out.update((pre + v, f) for pre in ["", *PREFIXES] for v in _variants(f, pronouns))
    return out


def _clitic_forms(words, pronouns: bool = False) -> frozenset[str]:
    return frozenset(_clitic_map(words, pronouns))


SPORTS_STRONG = _clitic_map(_SPORTS["strong"])
SPORTS_STRONG_PHRASES = tuple(_f(w) for w in _SPORTS["strong"] if " " in w)
SPORTS_WEAK = {v: sense for sense, words in _SPORTS["weak"].items()
               for v in _clitic_forms(words)}
SPORTS_SUPPRESSED = frozenset(_SPORTS["suppressed_types"])
SPORTS_SENSES = _clitic_forms(_SPORTS["sports_senses"], pronouns=True)
REAL_VIOLENCE = _clitic_forms(_SPORTS["real_violence"])
CLAUSE_BREAKS = _set(GRAMMAR["clause_breaks"])
RECIPIENT_PREPS = _set(GRAMMAR["recipient_prepositions"])
SCENE_PREPS = _set(GRAMMAR["scene_prepositions"])
TARGET_PREPS = _set(GRAMMAR["target_prepositions"])
TARGET_PREPS_BY_TYPE = {t: _set(ps) for t, ps in GRAMMAR["target_prepositions_by_type"].items()}
PARTNER_TYPES = frozenset(GRAMMAR["partner_types"])
MEMBER_OPENERS = _set(GRAMMAR["member_openers"])
MEMBER_HEADS = _set(GRAMMAR["member_heads"])
AGREEMENT_OBJECTS = _set(GRAMMAR["agreement_objects"])
UNDERGO_VERBS = _set(GRAMMAR["undergo_verbs"])
ADVERBS = _set(GRAMMAR["adverbs"])
TOPIC_PREPS = _set(GRAMMAR["topic_prepositions"])
CARRIED_RECIPIENT_TYPES = frozenset(GRAMMAR["carried_recipient_types"])
PERSON_TITLES = _set(load("titles")["person_titles"])
PARTNER_PREPS = _set(GRAMMAR["partner_prepositions"])
MEETING_PURPOSES = [tuple(_f(p).split()) for p in GRAMMAR["meeting_purposes"]]
GAZETTEER_MIN_POPULATION = int(GRAMMAR["gazetteer_place_min_population"])
GAZETTEER_COUNTRIES = frozenset(GRAMMAR["gazetteer_place_countries"])
ANY_PREPS = RECIPIENT_PREPS | PLACE_PREPS | _set(GRAMMAR["other_prepositions"])
# a preposition with a pronoun glued on («فيها», «خلاله», «عليهم»): never a name or a noun
PREP_PRONOUNS = frozenset(p + s for p in ANY_PREPS for s in SUFFIXES + ["هم", "ي"])
TARGET_VERBS = _set(GRAMMAR["target_verbs"])
LAM_AGENT_NOUNS = _set(GRAMMAR["lam_agent_nouns"])
NOT_PLACE_NAMES = _set(GRAMMAR["not_place_names"])
COUNT_BREAKDOWNS = _set(GRAMMAR["count_breakdowns"])
COUNT_CLAUSE_OPENERS = _set(GRAMMAR["count_clause_openers"])
ORGANISATION_HEADS = _set(load("gazetteer_heads")["organisation"])
GLUED_ARTICLE_PREPS = [(_f(k), _f(v)) for k, v in GRAMMAR["glued_article_prepositions"].items()]
ACTOR_NOUNS = sorted({_f(a) for a in GRAMMAR["actor_nouns"]}, key=len, reverse=True)
ACTOR_RE = re.compile(r"(?<![\w])(?:و|ف|ب|ل)?(" + "|".join(
    re.escape(a).replace(r"\ ", r"\s+") for a in ACTOR_NOUNS) + r")(?![\w])")


def _cues(kind: str) -> tuple[dict[tuple[str, ...], str], dict[tuple[str, ...], str]]:
    after: dict[tuple[str, ...], str] = {}
    before: dict[tuple[str, ...], str] = {}
    for role, sides in GRAMMAR["casualties"].items():
        for side, table in (("after", after), ("before", before)):
            for w in sides.get(side, ()):
                table[tuple(_f(w).split())] = role
    return after, before


CUES_AFTER, CUES_BEFORE = _cues("casualties")
CUES_BEFORE_KEYS = frozenset(k[0] for k in CUES_BEFORE)


def _glued_forms(words) -> frozenset[str]:
    """Every written form of these words with a conjunction, preposition or article glued."""
    out = set()
    for w in words:
        for pre in ("", "و", "ف", "ب", "ل", "ال", "وال", "فال", "بال", "لل", "ولل", "وب", "ول"):
            out.add(pre + w)
    return frozenset(out)


# a word that may open a place name («بمخيم», «وحي»): the head and the clitics before it
PLACE_HEAD_FORMS: dict[str, str] = {}
for _h in load("gazetteer_heads")["place"]:
    for _pre in ("", "وب", "وفي", "ب", "و", "ل", "ف"):
        PLACE_HEAD_FORMS.setdefault(_pre + _f(_h), _f(_h))

# a place head that may open a name nobody knows («بمنطقة …», «في جبهة …»), with the
# clitics before it; the preposition glued in front («ب») is kept apart
CHAIN_HEAD_FORMS: dict[str, tuple[str, bool]] = {}
for _h in GRAMMAR["place_chain_heads"]:
    for _pre in ("", "و", "ف", "ب", "وب", "فب"):
        CHAIN_HEAD_FORMS.setdefault(_pre + _f(_h), (_f(_h), "ب" in _pre))

# a word that may open an actor noun («والاحتلال»): the regex runs only where one stands
ACTOR_FIRST = _glued_forms({a.split()[0] for a in ACTOR_NOUNS})

# a word that may open a casualty cue: one set look-up per word, the rest only on a hit
DUAL_CUES = {form: role for role, words in GRAMMAR["dual_cues"].items()
             for form in _glued_forms({_f(w) for w in words})}
CUE_STARTS = _glued_forms({k[0] for k in CUES_AFTER} | {k[0] for k in CUES_BEFORE}) | \
    frozenset(DUAL_CUES)
LATER_CUES = {form: role for role, words in GRAMMAR["later_cues"].items()
              for form in _glued_forms({_f(w) for w in words})}
ACTIVE_COUNT_VERBS = _set(GRAMMAR["active_count_verbs"])
CASUALTY_TYPES = {role: frozenset(types) for role, types in GRAMMAR["casualty_types"].items()}
FILLERS = [tuple(_f(w).split()) for w in GRAMMAR["count_fillers"]]
FILLERS.sort(key=len, reverse=True)


def _numbers() -> dict[str, int]:
    out: dict[str, int] = {}
    for key in ("cardinals", "count_cardinals"):
        for value, names in _NUM[key].items():
            for n in names:
                out.setdefault(_f(n), int(value))
    return out


CARDINALS = _numbers()
MULTIPLIERS = {_f(n): int(v) for v, names in _NUM["multipliers"].items() for n in names}
VAGUE = {_f(n): int(v) for v, names in _NUM["vague_counts"].items() for n in names}
DUALS = _set(_NUM["dual_people"])
NOT_VICTIMS = _set(GRAMMAR["not_victims"])
PERSON_NOUNS = _set(GRAMMAR["person_nouns"])
COUNT_ADDITIONS = [tuple(_f(w).split()) for w in GRAMMAR["count_additions"]]
TOTAL_HEADS = _glued_forms({_f(w) for w in GRAMMAR["toll_totals"]["heads"]})
TOTAL_NOUNS = {_f(n): role for role, nouns in GRAMMAR["toll_totals"]["nouns"].items()
               for n in nouns}
TOTAL_LINKS = _glued_forms({_f(w) for w in GRAMMAR["toll_totals"]["links"]})
SPAN_WORDS = _glued_forms({_f(w) for w in load("event_coreference")["span_cues"]})
SINGLE_CUES = {_f(n): role for role, nouns in GRAMMAR["single_cues"].items() for n in nouns}
SINGLE_OPENERS = _set(GRAMMAR["single_cue_openers"])
COUNT_PHRASE_PREPS = _set(GRAMMAR["count_phrase_preps"])
COUNT_UNITS = _set(GRAMMAR["count_units"])
REACH_VERBS = _set(GRAMMAR["reach_verbs"])
DEMONSTRATIVES = _set(load("quote_grammar")["demonstratives"])
VERB_PARTICLES = _set(GRAMMAR["verb_particles"])
WARRANT_HEADS = _set(GRAMMAR["warrant_heads"])
DAY_WORDS = _glued_forms(_set(GRAMMAR["day_words"]) |
                         {_f(n) for names in load("weekdays").values() for n in names})

# a place's generic head («مدينة», «منطقة», «حي»): two names of one place differ by it
PLACE_HEADS = _set(load("gazetteer_heads")["place"])
MASDAR_HEADS = _set(GRAMMAR["masdar_heads"])
PASSIVE_AUX = _set(GRAMMAR["passive_auxiliaries"])
NOT_TARGET_NOUNS = _set(GRAMMAR["not_target_nouns"])
QUANTIFIER_HEADS = _set(GRAMMAR["quantifier_heads"])
APPOSITION_HEADS = _set(GRAMMAR["place_apposition_heads"])
OTHERS = _set(GRAMMAR["others"])
MEANS_ADJECTIVES = _set(GRAMMAR["means_adjectives"])
BELONGING = _set(GRAMMAR["belonging_words"])
