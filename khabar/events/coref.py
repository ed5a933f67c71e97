"""Cross-sentence event coreference: a later mention that points back («الغارة», «القصف»,
«الهجوم», or a sentence dated «آنذاك») is the story told before it, not a new event.

`merge` joins mentions that share what identifies an occurrence (its place, its target);
this pass joins the rest of a story: a recap that points back and agrees with the nearest
earlier event of its type (place, day, author, mode); a toll verb and the attack given as
its cause in one sentence; a story started over with the same word, place and day. The
words are data (resources/ar/event_coreference.yaml).

The joined event keeps the first telling as its main mention (its date and place are the
story's), takes the arguments only the recap gives, and its toll is the most complete
whole one: the higher count, never a sum («قتل 19 …», then «خلفت الاشتباكات 14 قتيلا من
المسلحين»: a part, not a second toll)."""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from functools import lru_cache

from khabar.events import lexicon as L
from khabar.events.coref_words import (ANAPHORIC_TIMES, CAUSE_WORDS, DEFINITE,
                                       RENEWAL_CUES, mode_class, modes_agree, says,
                                       WORDS_KEY, sentence_words, tells_span, word_set)
from khabar.events.extract import Context
from khabar.events.lexicon import PLACE_HEADS
from khabar.events.merge import _key, _same_actor
from khabar.normalize import fold

_TOLLS = ("dead", "injured", "arrested")
# set by build on a mention whose place is named past the trigger of another event in its
# sentence: a guess for the mention itself, never given to the story it retells
FAR_PLACE = "far_place"
_FILLED = ("actor", "recipient", "location")
# a plan or a supposition is not the occurrence it would be
_UNREAL = frozenset({"future", "hypothetical"})


def _whole_word(ev: dict) -> str:
    """The trigger's first word with the clitics glued in front of it (a trigger span
    starts past them: «المواجهات» gives the span «مواجهات»)."""
    sent, trig = ev["sentence"], ev["trigger"]
    at = trig["start"] - sent["start"]
    text = sent["text"]
    if not 0 <= at <= len(text):
        return trig["text"]
    lo = at
    while lo > 0 and text[lo - 1].isalpha():
        lo -= 1
    return text[lo:at] + trig["text"]


@lru_cache(maxsize=4096)
def definite_noun(trigger: str) -> bool:
    """Whether a trigger word is a noun with the article («والغارة», «للهجوم»), not a verb
    that happens to start with its letters («التقى»)."""
    words = fold(trigger).split()
    if not words:
        return False
    forms = L.TRIGGERS.get(words[0], ())
    return any(f.prefix in DEFINITE and not f.entry.verb for f in forms)


_words = sentence_words


def _toll_word(ev: dict) -> bool:
    """A trigger that tells a toll («القتلى», «الجرحى»), not the attack itself."""
    words = fold(ev["trigger"]["text"]).split()
    return bool(words) and any(f.entry.secondary for f in L.TRIGGERS.get(words[0], ()))


def _dated_back(ev: dict) -> bool:
    return says(ev, ANAPHORIC_TIMES)


def refers_back(ev: dict) -> bool:
    """A mention that points back to an occurrence already told, and tells no span of
    time (a campaign's definite noun, its toll a total). A time word that points back
    («آنذاك», «حينها») makes a noun a recap («أصيب خمسة آنذاك في غارات»), not a verb: a
    verb tells what was done at that time, another act of the story («وقصفت المدفعية
    حينها قرية مجاورة»)."""
    if ev.get("another"):
        return False
    if tells_span(ev) or says(ev, RENEWAL_CUES):
        return False
    return definite_noun(_whole_word(ev)) or (_dated_back(ev) and not _verb(ev))


def _verb(ev: dict) -> bool:
    """A trigger that is a verb («قصفت»), not an event noun."""
    words = fold(ev["trigger"]["text"]).split()
    return bool(words) and any(f.entry.verb for f in L.TRIGGERS.get(words[0], ()))


def _own_date(ev: dict) -> str | None:
    """The date a mention's own words give (not the publication day filled in)."""
    d = ev.get("date") or {}
    return None if d.get("source") == "publication" else d.get("value")


def _dates_agree(a: dict, b: dict) -> bool:
    da, db = _own_date(a), _own_date(b)
    return not (da and db) or da.startswith(db) or db.startswith(da)


def _place_tie(a: dict, b: dict) -> int:
    """How surely two mentions are told at one place: 3 one place under two names (one key,
    one spot, a shared name word: «محافظة تعز» / «مدينة تعز»); 2 a place and the country
    that holds it, or a mention that names no place; 1 a place the other mention's sentence
    names too («في حي الزيتون بغزة» / «في غزة»); 0 two places."""
    pa, pb = a.get("location"), b.get("location")
    if not pa or not pb:
        # a recap that names the place without it being read as the event's
        # («وكانت الغارة على النصيرات قد …»)
        named = (pa and _named_in(_name_words(pa), b)) or (pb and _named_in(_name_words(pb), a))
        return 3 if named else 2
    if _key(pa) == _key(pb):
        return 3
    na, nb = _name_words(pa), _name_words(pb)
    if na & nb:
        return 3
    ga, gb = pa.get("geo"), pb.get("geo")
    if (ga or gb) and not (ga and gb) and (ga or gb).get("admin_level") == 0:
        return 2  # a country («بلدة سورية» reads as Syria) and a place not on the map
    if ga and gb:
        if (ga.get("lat"), ga.get("lon")) == (gb.get("lat"), gb.get("lon")):
            return 3
        if ga.get("country") != gb.get("country"):
            return 0
        if min(ga.get("admin_level", 9), gb.get("admin_level", 9)) == 0:
            return 2
    return 1 if _named_in(na, b) or _named_in(nb, a) else 0


def _named_in(names: set[str], ev: dict) -> bool:
    """Whether the sentence of `ev` names one of `names` («برفح» names «رفح»)."""
    words = _words(ev)
    return any(n in words or any(p + n in words for p in L.PREFIXES) for n in names)


def _name_words(part: dict) -> frozenset[str]:
    """The words of a place's name past its generic head and article: «محافظة تعز» and
    «مدينة تعز» share «تعز»."""
    return _name_words_of(part.get("text") or "")


@lru_cache(maxsize=4096)
def _name_words_of(text: str) -> frozenset[str]:
    out = set()
    for w in L.WORD.findall(fold(text)):
        if w in PLACE_HEADS or w in L.NOT_PLACE_NAMES:
            continue
        w = w[2:] if w.startswith("ال") and len(w) > 4 else w
        if len(w) >= 3:
            out.add(w)
    return frozenset(out)


def _entries(ev: dict) -> set:
    """The trigger lexicon's lines of an event's mentions: «غارة» and «الغارات» are one."""
    out: set = set()
    for m in (ev, *ev.get("mentions", ())):
        out |= _word_entries(m["trigger"]["text"])
    return out


@lru_cache(maxsize=4096)
def _word_entries(trigger: str) -> frozenset:
    words = fold(trigger).split()
    return frozenset(f.entry for f in L.TRIGGERS.get(words[0], ())) if words else frozenset()


def _same_kind(ante: dict, ev: dict) -> bool:
    """Told with one word, or in one mode («الغارة» after «غارات», «القصف» after «غارة»)."""
    ma, me = mode_class(ante), mode_class(ev)
    return bool(_entries(ante) & _entries(ev)) or (ma is not None and ma == me)


def _authors_agree(a: dict, b: dict) -> bool:
    """No author against another; an «author» that is the place of either is a misread
    place («وكانت الغارة على النصيرات …»), not one."""
    if _same_actor(a, b):
        return True
    places = set().union(*(_name_words(e["location"]) for e in (a, b) if e.get("location")))
    return any(e.get("actor") and _name_words(e["actor"]) <= places for e in (a, b))


def _tie(ante: dict, ev: dict, one_sentence: bool = False) -> int:
    """How surely `ev` retells `ante` (0: it cannot): their place tie, where nothing else
    they say differs (the type, the mode, a plan against a fact, the day, the author)."""
    if ante["type"] != ev["type"]:
        return 0
    if ante["sentence"]["start"] == ev["sentence"]["start"] and not one_sentence and \
            not _same_kind(ante, ev):
        # «… أربع غارات على فندق، الغارات استهدفت …» retells its sentence's raids; another
        # word in one sentence is another event (told apart by its clause)
        return 0
    if not modes_agree(ante, ev):
        return 0
    if (ante.get("status") in _UNREAL) != (ev.get("status") in _UNREAL):
        return 0
    if not (_dates_agree(ante, ev) and _authors_agree(ante, ev)):
        return 0
    return _place_tie(ante, ev)


def _vague(ev: dict, role: str) -> bool:
    return role in ev.get("vague", ())


def _fold_in(ante: dict, ev: dict, raise_toll: bool = True) -> None:
    """`ev` is a later mention of `ante`: its mention is kept, its arguments fill the gaps."""
    mentions = ante.setdefault("mentions", [])
    mentions.extend(ev.get("mentions", ()))
    mentions.append({"trigger": ev["trigger"], "sentence": ev["sentence"]})
    for role in _FILLED:
        if role == "location" and ev.get(FAR_PLACE):
            continue
        if ante.get(role) is None and ev.get(role) is not None:
            ante[role] = ev[role]
    if _own_date(ante) is None and _own_date(ev) is not None:
        ante["date"] = ev["date"]
    vague = set(ante.get("vague", ()))
    for role in _TOLLS:
        got, new = ante.get(role), ev.get(role)
        if new is None:
            continue
        # the most complete whole toll: the higher count (a toll grows as it is told; a
        # part is never the larger), an exact one over a round one it reaches («عشرات»,
        # then «35»; not «أصيب بعضهم»)
        if got is None or (raise_toll and new > got and not (_vague(ev, role) and
                                                              role not in vague)) or \
                (new == got and role in vague and not _vague(ev, role)):
            ante[role] = new
            vague.discard(role)
            if _vague(ev, role):
                vague.add(role)
    if vague:
        ante["vague"] = sorted(vague)
    else:
        ante.pop("vague", None)


def join(events: list[dict], words_of: Callable[[dict], frozenset[str]] | None = None
         ) -> list[dict]:
    """The events of an article in text order, each later mention that points back folded
    into the nearest earlier event of its type it agrees with. `words_of(event)` gives the
    folded words of an event's sentence where the caller has them (`context_words`)."""
    if words_of is not None:
        for ev in events:
            ev[WORDS_KEY] = words_of(ev)
    try:
        return _join(events)
    finally:
        for ev in events:
            ev.pop(WORDS_KEY, None)


def context_words(ctx: Context) -> Callable[[dict], frozenset[str]]:
    """An event's sentence words from the stage's own lists (folded once per sentence)."""
    starts, words = ctx.sent_text_starts, ctx.sent_words
    made: dict[int, frozenset[str]] = {}

    def words_of(ev: dict) -> frozenset[str]:
        k = bisect_right(starts, ev["sentence"]["start"]) - 1
        if k < 0:
            return sentence_words(ev)
        got = made.get(k)
        if got is None:
            got = made[k] = word_set(words[k])
        return got
    return words_of


def _join(events: list[dict]) -> list[dict]:
    out: list[dict] = []
    last_of: dict[str, list[dict]] = {}
    told: dict[tuple[str, int], int] = {}
    for ev in events:
        key = (ev["type"], ev["sentence"]["start"])
        told[key] = told.get(key, 0) + 1
    for ev in sorted(events, key=lambda e: e["trigger"]["start"]):
        earlier = last_of.get(ev["type"], ())
        alone = told[(ev["type"], ev["sentence"]["start"])] < 2
        ante = _antecedent(ev, earlier) if refers_back(ev) else (
            _toll_and_cause(ev, earlier) or (_restated(ev, earlier) if alone else None))
        if ante is None:
            out.append(ev)
            last_of.setdefault(ev["type"], []).append(ev)
        else:
            # a sentence telling two events of the type may give the other one's toll
            # («وتأتي الهجمات بعد أسبوع من تفجير أدى إلى مقتل 60»): it fills, never raises
            _fold_in(ante, ev, raise_toll=alone)
    for ev in out:
        if ev.get("mentions"):
            ev["mentions"].sort(key=lambda m: m["trigger"]["start"])
    return out


def _antecedent(ev: dict, earlier) -> dict | None:
    """The nearest earlier event of its type told with the same word or mode, else the
    nearest; one surely at its place first. Told with another word, a recap needs the same
    place, or to be a toll word («القتلى») or in a sentence dated «آنذاك»; a place only
    named in the other sentence ties the same word alone."""
    loose = _toll_word(ev) or _dated_back(ev)
    best: tuple[bool, int] = (False, 0)
    ante = None
    for a in _candidates(earlier):
        tie = _tie(a, ev)
        kind = _same_kind(a, ev)
        if tie == 0 or (not kind and (tie == 1 or (tie == 2 and not loose))):
            continue
        if (kind, tie) > best:
            ante, best = a, (kind, tie)
        if best == (True, 3):
            break
    return ante


def _tolls(ev: dict) -> tuple:
    return tuple(ev.get(r) for r in _TOLLS)


def _tolls_agree(a: dict, b: dict) -> bool:
    """No two exact counts of one kind that differ."""
    return all(x is None or y is None or x == y or _vague(a, r) or _vague(b, r)
               for r, x, y in zip(_TOLLS, _tolls(a), _tolls(b)))


def _restated(ev: dict, earlier) -> dict | None:
    """An earlier event `ev` tells again without pointing back: a sentence that starts the
    story over, told with the same word at the same place on the same day, with no other
    count («شنت الطائرات السبت غارات على …» in the lead and again in the next paragraph),
    or told with the very same exact toll at an agreeing place and day.
    Only an event told alone of its type in its sentence: in a sentence of two («زيارة …
    ولقائه …»), which one the earlier mention is is the sentence's to say."""
    if ev.get("another") or (_own_date(ev) is None and not any(_tolls(ev))):
        return None
    for a in _candidates(earlier):
        if a["sentence"]["start"] == ev["sentence"]["start"]:
            continue  # told apart by its clause (build._groups)
        da, de = _own_date(a), _own_date(ev)
        if da and de and da == de and len(da) >= 10 and _tie(a, ev) == 3 and \
                _same_kind(a, ev) and _tolls_agree(a, ev):
            return a
        if _same_toll(a, ev) and _tie(a, ev) >= 2 and _tolls_agree(a, ev) and (
                _same_kind(a, ev) or _toll_word(a) or _toll_word(ev) or _toll_verb(a) or
                _toll_verb(ev)):
            return a
    return None


def _same_toll(a: dict, b: dict) -> bool:
    """One exact count told by both («قتل 19 شخصا في اشتباكات …», then «19 قتلوا في
    اشتباكات، وأصيب 20»): the toll names the occurrence."""
    return any(x is not None and x == y and x > 1 and not _vague(a, r) and not _vague(b, r)
               for r, x, y in zip(_TOLLS, _tolls(a), _tolls(b)))


def _toll_verb(ev: dict) -> bool:
    """A trigger that is a verb of the toll («قتل», «استشهد», «أصيب»)."""
    words = fold(ev["trigger"]["text"]).split()
    return len(words) == 1 and ((words[0],) in L.CUES_AFTER) and any(
        f.entry.verb for f in L.TRIGGERS.get(words[0], ()))


def _toll_and_cause(ev: dict, earlier) -> dict | None:
    """«قتل أربعة مدنيين وأصيب 12 صباح اليوم جراء قصف صاروخي …»: a toll verb and the
    attack given as its cause, one clause apart at most, are one event."""
    if not earlier:
        return None
    a = earlier[-1]
    sent = ev["sentence"]
    if a["sentence"]["start"] != sent["start"] or not _toll_verb(a) or _toll_verb(ev):
        return None
    between = L.WORD.findall(fold(sent["text"][a["trigger"]["end"] - sent["start"]:
                                              ev["trigger"]["start"] - sent["start"]]))
    if not between or any(L.with_conj(w, L.CLAUSE_BREAKS) for w in between):
        return None
    glued = fold(_whole_word(ev))[:-len(fold(ev["trigger"]["text"])) or None]
    caused = between[-1] in CAUSE_WORDS or "ب" in glued
    return a if caused and _tie(a, ev, one_sentence=True) >= 2 else None


# a recap points back to the story just told or to the article's lead: the nearest events
# of its type and the first ones are searched, so a long article costs linear time
_NEAREST, _FIRST = 12, 3


def _candidates(earlier: list[dict]) -> list[dict]:
    """Earlier events of a type to try, nearest first, then the article's first ones."""
    if len(earlier) <= _NEAREST + _FIRST:
        return earlier[::-1]
    return earlier[:-_NEAREST - 1:-1] + earlier[_FIRST - 1::-1]
