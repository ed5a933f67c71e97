"""The timex vocabulary, read once from `resources/ar/*.yaml` into lookup tables.

`PHRASES` indexes every phrase by its first folded word, with the *kind* of atom it makes
(a weekday, a relation «الماضي», a unit, a number word…); `readings` peels the clitics
off a word. Nothing here knows a word of Arabic: every word comes from the data files.
"""
from __future__ import annotations

import re

from khabar.dates import MONTHS, AMBIGUOUS_MONTHS, ORDINAL_DAYS, WEEKDAYS
from khabar.normalize import fold
from khabar.resources import load

_TX = load("time_expressions")
_NUM = load("number_words")


def _key(s: str) -> str:
    return re.sub(r"\s+", " ", fold(str(s))).strip()


def _table(mapping) -> dict[str, object]:
    """{folded phrase: value} from a YAML mapping {value: [phrases]}."""
    out: dict[str, object] = {}
    for value, phrases in mapping.items():
        for p in phrases:
            out.setdefault(_key(p), value)
    return out


RELATIVE_DAYS = {k: int(v) for k, v in _table(_TX["relative_days"]).items()}
NOT_TODAY_AFTER = {_key(w) for w in _TX["not_today_after"]}
DAY_PARTS = _table(_TX["day_parts"])
DAY_WORDS = {_key(w) for w in _TX["day_word"]}
WITHIN_DAY = {_key(w) for w in _TX["within_day"]}
RELATIONS = {k: int(v) for k, v in _table(_TX["relations"]).items()}
DEMONSTRATIVES = {_key(w) for w in _TX["demonstratives"]}
UNITS: dict[str, tuple[str, str]] = {}  # folded form -> (unit code, form)
for _code, _forms in _TX["units"].items():
    for _form, _words in _forms.items():
        for _w in _words:
            UNITS.setdefault(_key(_w), (_code, _form))
DUAL_UNITS = {k for k, (_, form) in UNITS.items() if form == "dual"}
OF_WORDS = {_key(w) for w in _TX["of_words"]}
YEAR_WORDS = {_key(w) for w in _TX["year_words"]}
MODIFIERS = _table(_TX["modifiers"])
OFFSETS = {k: int(v) for k, v in _table(_TX["offsets"]).items()}
RANGE_OPEN = {_key(w) for w in _TX["range_open"]}
RANGE_CLOSE = {_key(w) for w in _TX["range_close"]}
DECADES = {k: int(v) for k, v in _table(_TX["decades"]).items()}
SEASONS: dict[str, tuple[str, int]] = {}
SEASON_CONSTRUCTS: set[str] = set()  # «صيف» before a year only
for _code, _s in _TX["seasons"].items():
    for _w in _s["names"]:
        SEASONS[_key(_w)] = (_code, int(_s["month"]))
    for _w in _s.get("before_year", ()):
        SEASONS.setdefault(_key(_w), (_code, int(_s["month"])))
        SEASON_CONSTRUCTS.add(_key(_w))
SEASON_CONSTRUCTS -= {_key(w) for _s in _TX["seasons"].values() for w in _s["names"]}
# articles, relatives and prepositions: a word after a season that is none of these and
# carries the article makes the season a name («الربيع العربي»)
FUNCTION_WORDS = {_key(w) for w in load("function_words")["words"]}
WEEKEND = {_key(w) for w in _TX["weekend"]}
EQUIVALENT = {re.escape(_key(w)).replace(r"\ ", r"\s+") for w in _TX["same_day"]}
PARTS = {_key(w): int(n) for n, ws in _TX["period_parts"].items() for w in ws}
LAST_PART = {_key(w) for w in _TX["last_part"]}
SET_WORDS = {_key(w) for w in _TX["set_word"]}
SET_ADVERBS = _table(_TX["set_adverbs"])
VAGUE = _table(_TX["vague"])
APPROXIMATORS = _table(_TX["approximators"])
FUTURE_WORDS = {_key(w) for w in _TX["future_words"]}
OFFSET_FILLERS = frozenset(_key(w) for w in _TX["offset_fillers"])
SCHEDULE_VERBS = frozenset(_key(w) for w in _TX["schedule_verbs"])
PAST_OPENERS = frozenset(_key(w) for w in _TX["past_openers"])
TWO_WORDS = frozenset(_key(w) for w in _TX["two_not_monday"]["words"])
TWO_BEFORE = frozenset(_key(w) for w in _TX["two_not_monday"]["before"])
TWO_AFTER = frozenset(_key(w) for w in _TX["two_not_monday"]["after"])
WEEKDAYS_FOLDED = frozenset(WEEKDAYS)
FUTURE_PARTICLES = frozenset(_key(w) for w in _TX["future_particles"])
RELATIVE_PRONOUNS = frozenset(_key(w) for w in _TX["relative_pronouns"])
SPELLED_LETTERS = frozenset(_key(w) for w in _TX["spelled_letters"])
POSTPONEMENT = frozenset(_key(w) for w in _TX["postponement"])
POSTPONEMENT_TARGETS = frozenset(_key(w) for w in _TX["postponement_targets"])
CLAUSE_OPENERS = frozenset(_key(w) for w in _TX["clause_openers"])
PAST_AUXILIARIES = frozenset(_key(w) for w in _TX["past_auxiliaries"])
FUTURE_PREFIXES = tuple(_key(w) for w in _TX["future_prefixes"])
FUTURE_EXCEPTIONS = tuple(_key(w) for w in _TX["future_prefix_exceptions"])
NOT_YEAR_BEFORE = {_key(w) for w in _TX["not_year_before"]}
YEAR_FOLLOWERS = {_key(w) for w in _TX["year_followers"]}
MORE_OF_A_DURATION = frozenset(_key(w) for w in _TX["duration_more"])
AMOUNT_FOLLOWERS = tuple(_key(w) for w in _TX["amount_followers"])
# the day-of-month cardinals and the tens of the count table («سبعين»), for «قبل سبعين عاما»
CARDINALS = {k: int(v) for k, v in _table(_NUM["cardinals"]).items()}
for _k, _v in _table(_NUM["count_cardinals"]).items():
    if int(_v) < 100:
        CARDINALS.setdefault(_k, int(_v))
NOT_TODAY_BEFORE = {_key(w) for w in _TX["not_today_before"]}
# the words of «today» that a story may count from instead («اليوم التالي»)
DAY_UNIT_KEYS = {k for k, v in RELATIVE_DAYS.items() if v == 0}
ANAPHORIC_AFTER = {_key(w): int(k) for k, ws in _TX["anaphoric_after"].items() for w in ws}
PERIOD_OPENERS = frozenset(_key(w) for w in _TX["period_anaphora_openers"])
EVENT_ANCHORS = {_key(w) for w in _TX["event_anchors"]}
CLOCK_WORDS = {_key(w) for w in _TX["clock"] if _key(w).isalpha()}
CLOCK_PARTS = _table(_TX["clock_parts"])
YEAR_CUES = {_key(w) for w in _TX["year_cues"]}
WEAK_YEAR_CUES = {_key(w) for w in _TX["weak_year_cues"]}
COUNTED_NOUNS = {_key(w) for w in _TX["counted_nouns"]} | set(UNITS)
AGE_WORDS = {_key(w) for w in _TX["age_words"]}
CLITIC_LETTERS = frozenset(_key(c) for cs in _TX["clitics"].values() for c in cs)
ERA_WORDS = {_key(w): cal for cal, ws in _TX["era"].items() for w in ws}
# «العام الميلادي الماضي»: the calendar's adjective, with the article, between a year unit and
# its relation (the Gregorian one only: the others count other years)
ERA_ADJECTIVES = frozenset("ال" + _key(w) for w in _TX["era"]["gregorian"]
                           if len(_key(w)) > 2 and not _key(w).startswith("ل"))

# atom kinds in order of precedence where one phrase belongs to two («اليوم»: a day, a unit)
_KIND_TABLES: list[tuple[str, object]] = [
    ("within", WITHIN_DAY), ("vague", VAGUE), ("weekend", WEEKEND),
    ("relday", RELATIVE_DAYS), ("daypart", DAY_PARTS), ("mod", MODIFIERS),
    ("setadv", SET_ADVERBS), ("decade", DECADES), ("season", SEASONS), ("wd", WEEKDAYS),
    ("month", MONTHS), ("yearw", YEAR_WORDS), ("unit", UNITS), ("rel", RELATIONS),
    ("dem", DEMONSTRATIVES), ("approx", APPROXIMATORS), ("offset", OFFSETS),
    ("ropen", RANGE_OPEN),
    ("rclose", {k for k in RANGE_CLOSE if k.isalpha()}), ("numw", CARDINALS),
    ("future", FUTURE_WORDS), ("setw", SET_WORDS), ("ordinal", ORDINAL_DAYS),
    ("clock", CLOCK_WORDS), ("ampm", CLOCK_PARTS), ("part", PARTS), ("last", LAST_PART),
]


def _phrase_index() -> dict[str, list[tuple[tuple[str, ...], str, str]]]:
    """first word -> [(all words, kind, key)], longest phrase first."""
    seen: dict[str, str] = {}
    for kind, table in _KIND_TABLES:
        for phrase in table:
            seen.setdefault(re.sub(r"\s+", " ", phrase), kind)
    index: dict[str, list] = {}
    for phrase, kind in seen.items():
        words = tuple(phrase.split())
        index.setdefault(words[0], []).append((words, kind, phrase))
    for bucket in index.values():
        bucket.sort(key=lambda x: -len(x[0]))
    return index


PHRASES = _phrase_index()
_ART = _key(_NUM["definite_article"])
DEFINITE_ARTICLE = _ART  # a definite word after a bare season makes it a name
_CONJ = tuple(_key(c) for c in _TX["clitics"]["conjunctions"])
_PREP = tuple(_key(c) for c in _TX["clitics"]["prepositions"])
_LAM = _key(_TX["alef_dropping_preposition"])
AND_CLITICS = frozenset(k for k in RANGE_CLOSE if k in _CONJ)
CLITIC_FIRST = frozenset(_CONJ + _PREP)
CONJUNCTIONS = frozenset(_CONJ)
CLITIC_ONLY = frozenset(a + b for a in ("",) + _CONJ for b in ("",) + _PREP if a + b)


def _surface_forms() -> dict[str, list[tuple[str, str]]]:
    """Every way a phrase's first word can be written with clitics glued on, and the
    (clitics, first word) readings of it that the phrase index knows."""
    out: dict[str, list[tuple[str, str]]] = {}
    for first in PHRASES:
        for c1 in ("",) + _CONJ:
            for c2 in ("",) + _PREP:
                out.setdefault(c1 + c2 + first, [])
                if c2 == _LAM and first.startswith(_ART):
                    out.setdefault(c1 + _LAM + first[1:], [])  # «للعام»
    for form, hits in out.items():
        hits.extend((cl, stem) for cl, stem in readings(form) if stem in PHRASES)
    return out


def readings(word: str) -> list[tuple[str, str]]:
    """(clitics, stem) ways to read a folded word: as written, then with و/ف and ب/ل/ك off.

    After the preposition ل the article loses its alef («للعام» is ل + العام).
    """
    out = [("", word)]
    bases = [("", word)]
    if len(word) > 2 and word.startswith(_CONJ):
        bases.append((word[0], word[1:]))
        out.append(bases[-1])
    for c, rest in bases:
        if len(rest) > 2 and rest.startswith(_PREP):
            out.append((c + rest[0], rest[1:]))
            if rest[0] == _LAM and rest[1:2] == _LAM:
                out.append((c + _LAM, _ART + rest[2:]))
    return out


def month_of(names: list[str]) -> tuple[str, int, bool] | None:
    """(calendar, number, ambiguous-alone) of a month atom, None when its two names disagree."""
    vals = {MONTHS[n] for n in names if n in MONTHS}
    if len(vals) != 1:
        return None
    cal, num = vals.pop()
    return cal, num, len(names) == 1 and names[0] in AMBIGUOUS_MONTHS


def weekday_of(key: str) -> int:
    return WEEKDAYS[key]


SURFACE = _surface_forms()
