"""One person, organisation or place across articles: names to corpus-level ids.

A name is matched by its key: folded, clitics and article stripped, leading titles
removed («الرئيس الكيني وليام روتو» and «وليام روتو» share «وليام روتو»);
what was written stays in `name_variants` for display. A one-word person name («روتو»)
joins a full name only while exactly one full person name in the corpus ends with it; with
two («سامي الخطيب», «ليلى الخطيب») it stays apart, so people who share a family name are
never merged. Anonymous sources («مصدر مطلع») keep their own ids and never join a person;
a speaker the pipeline left unresolved is the explicit "unknown".
"""
from __future__ import annotations

import hashlib
import sqlite3
from collections import Counter
from functools import lru_cache
from typing import Iterable

from khabar.corpus import folding
from khabar.normalize import fold
from khabar.resources import load

UNKNOWN = "unknown"
PREFIX = {"PER": "per", "ORG": "org", "LOC": "loc", "MISC": "misc", "ANON": "anon"}
KIND = {"PER": "person", "ORG": "organisation", "ANON": "anonymous", "UNKNOWN": "unknown",
        "LOC": "place", "MISC": "other"}
SPEAKER_TYPE = {"person": "PER", "organisation": "ORG", "anonymous": "ANON", "group": "ANON"}


@lru_cache(maxsize=1)
def _titles() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Titles by their first folded word, longest first."""
    data = load("titles")
    words = {tuple(fold(t).split()) for t in data["person_titles"] + data["title_phrases"]}
    out: dict[str, list] = {}
    for t in sorted(words, key=lambda w: (-len(w), w)):
        out.setdefault(t[0], []).append(t)
    return {k: tuple(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def _known_words() -> frozenset[str]:
    """Folded words of given names, places, titles and head nouns: a name's word found
    here is kept whole, and a bare proclitic (و، ب، ل، ف، ك) is stripped only when what is
    left is one of them («وسامي» -> «سامي», but «بوتين» and «وليد» stay whole)."""
    heads = load("gazetteer_heads")
    places = load("gazetteer_places")
    phrases = (load("gazetteer_person_names")["given_names"] + load("titles")["person_titles"]
               + heads["organisation"] + heads["place"] + load("name_particles")["particles"]
               + [p for k in ("countries", "cities", "regions") for p in places.get(k) or []])
    out = set()
    for phrase in phrases:
        for word in folding._WORD.findall(phrase):
            out.update(folding._PIECES.findall(folding._fold_word(word)))
    return frozenset(out)


@lru_cache(maxsize=1)
def _proclitics() -> tuple[tuple[tuple[str, int], ...], tuple[tuple[str, int], ...]]:
    """(the article alone or after a proclitic, bare proclitics), longest first."""
    with_article = tuple(p for p in folding._clitics()[0] if p[1] == folding.MIN_REST)
    bare = tuple(p for p in folding._clitics()[0] if p[1] != folding.MIN_REST)
    return with_article, bare


@lru_cache(maxsize=50_000)
def _name_word(word: str) -> str:
    known = _known_words()
    if word in known:
        return word
    with_article, bare = _proclitics()
    for p, need in with_article:  # «الخطيب», «والخطيب», «للخطيب»: the article is no name
        if word.startswith(p) and len(word) - len(p) >= need:
            return word[len(p):]
    for p, need in bare:
        if word.startswith(p) and len(word) - len(p) >= need and word[len(p):] in known:
            return word[len(p):]
    return word


@lru_cache(maxsize=50_000)
def fold_key(name: str) -> str:
    """A name's matching key: folded (as search folds), the article stripped, a bare
    proclitic stripped only before a known word (see `_known_words`): unlike search
    terms, a name keeps letters that only look like a proclitic («بوتين» is not «تين»)."""
    return " ".join(_name_word(p) for w in folding._WORD.findall(name)
                    for p in folding._PIECES.findall(folding._fold_word(w)))


_LONG_VOWELS = str.maketrans("", "", "اويء")


@lru_cache(maxsize=50_000)
def skeleton(key: str) -> str:
    """The spelling-variant key of a folded name: in each word of 4+ letters that is not a
    known given name or place, the long vowels and hamza inside the word dropped
    («بوتين», «بوتن» -> «بتن»; «ترامب», «ترمب» -> «ترمب»). Known Arabic names keep their
    letters, so «حسن» and «حسين» stay two names."""
    known = _known_words()
    return " ".join(w if w in known or len(w) < 4 else
                    w[0] + w[1:-1].translate(_LONG_VOWELS) + w[-1] for w in key.split())


@lru_cache(maxsize=1)
def _not_persons() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """(keys that never name a person alone, nationality adjectives, words that open a
    name about someone or something else, place keys)."""
    data = load("corpus_names")
    heads = load("gazetteer_heads")
    places = load("gazetteer_places")
    place_keys = {fold_key(p) for k in ("countries", "cities", "regions")
                  for p in places.get(k) or []}
    place_keys.update(fold_key(p) for p in _large_places())
    openers = {fold_key(w) for w in heads["organisation"] + heads["place"]
               + data["relation_nouns"]}
    # nationalities as written, with the article: «التركي» is an adjective, «تركي» a name
    nationalities = {folding._fold_word(w) for w in data["nationalities"]}
    nationalities |= {w + "ه" for w in nationalities}  # the feminine, ta marbuta folded
    return (frozenset(fold_key(w) for w in data["not_names"]), frozenset(nationalities),
            frozenset(openers), frozenset(place_keys))


LARGE_PLACE = 100_000  # inhabitants: a GeoNames place this large is a place, not a person


def _large_places() -> list[str]:
    import gzip
    from importlib import resources as _ir

    path = _ir.files("khabar.resources").joinpath("ar", "geonames_places.tsv.gz")
    out = []
    with path.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            cols = line.rstrip("\n").split("\t")
            if len(cols) > 5 and cols[5].isdigit() and int(cols[5]) >= LARGE_PLACE:
                out.append(cols[0])
    return out


def not_a_person(key: str, bare: str = "") -> bool:
    """A person-typed key that names no person: a generic noun («العلماء», «سموه»), a
    nationality adjective alone («التركي», `bare` being the name as written without
    titles), a name about another («زوجة فلان», «إدارة فلان») or a place («ميناء سوسة»),
    a place's name alone (unless a given name is in it)."""
    not_names, nationalities, openers, places = _not_persons()
    words = key.split()
    if not words or key in not_names or words[0] in openers:
        return True
    if len(words) == 1 and folding._fold_word(bare.strip()) in nationalities:
        return True
    given = load_given()
    if len(words) == 1 and key not in given and _a_reporting_verb(key):
        return True
    return key in places and not any(w in given for w in words)


@lru_cache(maxsize=1)
def _verb_forms() -> frozenset[str]:
    """The written forms of the reporting verbs (reporting_verbs.yaml), folded."""
    return frozenset(folding._fold_word(f) for v in load("reporting_verbs")["verbs"]
                     for k in ("perfect", "imperfect", "participle") for f in v.get(k) or [])


def _a_reporting_verb(word: str) -> bool:
    """A one-word name that is the cue itself: a reporting verb form, alone or after a glued
    conjunction (و، ف), also with its final ت typed as ة (folded to ه), a frequent slip
    («وأكدة» for «وأكدت»): the speaker stage took the verb for a name."""
    forms = _verb_forms()
    for w in (word, word[1:] if len(word) > 3 and word[0] in "وف" else ""):
        if w and (w in forms or (w.endswith("ه") and w[:-1] + "ت" in forms)):
            return True
    return False


@lru_cache(maxsize=1)
def load_given() -> frozenset[str]:
    return frozenset(fold_key(w) for n in load("gazetteer_person_names")["given_names"]
                     for w in n.split())


@lru_cache(maxsize=20_000)
def strip_titles(name: str) -> str:
    """The name without leading titles («الرئيس», «وزير الخارجية»). A bare one-word title
    that is also a given name («أمين») is stripped only when two words remain."""
    words = name.split()
    folded = fold(name).split()
    changed = True
    while changed and words:
        changed = False
        for t in _titles().get(folded[0], ()) if folded else ():
            n = len(t)
            if tuple(folded[:n]) == t and len(words) > n:
                bare = n == 1 and not t[0].startswith("ال")
                if bare and len(words) - n < 2:
                    continue
                words, folded = words[n:], folded[n:]
                changed = True
                break
        # «الرئيس البرازيلي لولا دا سيلفا»: a nationality after a title belongs to the title
        if not changed and len(words) > 1 and folding._fold_word(words[0]) in _not_persons()[1]:
            words, folded = words[1:], folded[1:]
            changed = True
    return " ".join(words)


@lru_cache(maxsize=1)
def _particles() -> frozenset[str]:
    return frozenset(fold_key(w) for w in load("name_particles")["particles"])


def last_part(words: list[str]) -> str:
    """The part of a folded name a one-word name may stand for: its last word, or the last
    two when a particle binds them («بن سلمان», «ابو عبيده»)."""
    if not words:
        return ""
    if len(words) >= 2 and words[-2] in _particles():
        return f"{words[-2]} {words[-1]}"
    return words[-1]


@lru_cache(maxsize=100_000)
def entity_key(name_key: str) -> str:
    typ = name_key.split(":", 1)[0]
    if typ == "UNKNOWN":
        return UNKNOWN
    digest = hashlib.blake2b(name_key.encode("utf-8"), digest_size=6).hexdigest()
    return f"{PREFIX.get(typ, typ.lower())}-{digest}"


@lru_cache(maxsize=1)
def _no_names() -> dict[str, frozenset[str]]:
    """Keys that name no one: a person title alone («المدير», «الرئيس»), a body's head noun
    alone («الوزارة», «الشركة»)."""
    data = load("titles")
    return {"PER": frozenset(fold_key(t) for t in data["person_titles"] + data["title_phrases"]),
            "ORG": frozenset(fold_key(t) for t in data["organisation_heads"])}


@lru_cache(maxsize=1)
def _references() -> tuple[frozenset[str], frozenset[str]]:
    """(prepositions, relation nouns) of corpus_names.yaml, folded."""
    data = load("corpus_names")
    return (frozenset(fold_key(w) for w in data["reference_prepositions"]),
            frozenset(fold_key(w) for w in data["relation_nouns"]))


def _org_headed(name: str) -> bool:
    """The name opens with a body's head noun («الأكاديمية …», «وزارة …»)."""
    words = name.split()
    return bool(words) and fold_key(words[0]) in _no_names()["ORG"]


def cut_reference(name: str) -> str:
    """The name without a trailing «في بيان ...» (a preposition and a relation noun, the
    statement it came in) that the speaker's span ran on to."""
    words = name.split()
    if len(words) < 3:
        return name
    preps, nouns = _references()
    for i in range(1, len(words) - 1):
        if fold_key(words[i]) in preps and fold_key(words[i + 1]) in nouns:
            return " ".join(words[:i])
    return name


@lru_cache(maxsize=20_000)
def name_of(typ: str, name: str) -> tuple[str, str] | None:
    """(name_key, folded key) of a name of this type, or None when nothing is left or
    what is left is a title or a head noun alone (unresolved, not a guess)."""
    bare = cut_reference(name) if typ in ("PER", "ORG") else name
    if typ == "PER" or typ == "ORG" and not _org_headed(bare):
        # «الأكاديمية السعودية» is a body whose head is also a person title: kept whole,
        # not the country its nationality adjective names
        bare = strip_titles(bare)
    k = fold_key(bare)
    if not k or k in _no_names().get(typ, ()) or (typ == "PER" and not_a_person(k, bare)):
        return None
    return f"{typ}:{k}", k


def speaker_name(speaker: dict | None) -> tuple[str, str, str | None]:
    """(type, name to match, name as written) of a statement's speaker."""
    if not speaker:
        return "UNKNOWN", "", None
    written = speaker.get("text")
    kind = speaker.get("kind")
    if speaker.get("anonymous") or kind in ("anonymous", "group"):
        return "ANON", written or "", written
    canonical = speaker.get("canonical")
    if canonical and kind in SPEAKER_TYPE:
        return SPEAKER_TYPE[kind], canonical, written
    return "UNKNOWN", "", written


def article_full_names(record: dict) -> dict[str, str]:
    """The article's own reading of one-word person names: the skeleton of a last word ->
    the one full person name of the article (speakers and PER entities) ending with it.
    A last word that two full names of the article end with is left out (ambiguous)."""
    found: dict[str, set[str]] = {}
    names = [e.get("canonical") or e.get("text") for e in record.get("entities") or []
             if e.get("type") == "PER"]
    for q in record.get("quotes") or []:
        typ, name, _ = speaker_name(q.get("speaker"))
        if typ == "PER":
            names.append(name)
    written: dict[str, str] = {}  # folded key -> the article's first name with that key
    for name in names:
        got = name_of("PER", name) if name else None
        if got is None:
            continue
        words = got[1].split()
        if len(words) >= 2:
            found.setdefault(skeleton(last_part(words)), set()).add(got[1])
            written.setdefault(got[1], name)
    return {last: written[next(iter(full))] for last, full in found.items() if len(full) == 1}


def in_article(typ: str, name: str, full_names: dict[str, str]) -> str:
    """A one-word person name read as the article's one full name ending with it
    («ترامب» in an article that names «دونالد ترامب»); any other name as it is."""
    if typ != "PER" or not full_names:
        return name
    got = name_of(typ, name)
    if got is None or " " in got[1]:
        return name
    return full_names.get(skeleton(got[1]), name)


class Changes:
    """What a batch changed: new names (by type and last word) and entities whose
    variants grew; `resolve` re-resolves and refreshes only these."""

    def __init__(self) -> None:
        self.names: set[tuple[str, str]] = set()
        self.entities: set[str] = set()


class NameBatch:
    """The names and written forms of one batch, written at its end in a few statements."""

    def __init__(self) -> None:
        self.names: dict[str, tuple[str, str, str, int, str]] = {}
        self.variants: Counter[tuple[str, str]] = Counter()

    def add(self, typ: str, name: str, variants: Iterable[str]) -> str:
        """Register a name (and how it was written); return its name_key."""
        got = name_of(typ, name) if typ != "UNKNOWN" else None
        if got is None:
            typ, nk, folded = "UNKNOWN", "UNKNOWN:", ""
        else:
            nk, folded = got
        if nk not in self.names:
            words = folded.split()
            self.names[nk] = (typ, folded, skeleton(last_part(words)), len(words),
                              skeleton(folded))
        if typ != "UNKNOWN":
            for v in variants:
                if v:
                    self.variants[(nk, v)] += 1
        return nk

    def flush(self, db: sqlite3.Connection) -> Changes:
        changes = Changes()
        keys = sorted(self.names)
        known: set[str] = set()
        for i in range(0, len(keys), 500):
            chunk = keys[i:i + 500]
            marks = ",".join("?" * len(chunk))
            known.update(r[0] for r in db.execute(
                f"SELECT name_key FROM names WHERE name_key IN ({marks})", chunk))
        new = [(nk, *self.names[nk][:4], entity_key(nk), self.names[nk][4])
               for nk in keys if nk not in known]
        db.executemany("INSERT INTO names VALUES (?, ?, ?, ?, ?, ?, ?)", new)
        for _nk, typ, _, last, _, ek, _ in new:
            changes.names.add((typ, last))
            changes.entities.add(ek)
        for nk, _ in self.variants:  # counts change: the display name may change
            changes.entities.add(entity_key(nk))
        db.executemany("INSERT INTO name_variants VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET "
                       "n = n + excluded.n", [(nk, v, n) for (nk, v), n in
                                              sorted(self.variants.items())])
        return changes


def resolve(db: sqlite3.Connection, changes: Changes) -> None:
    """Re-resolve the person names that the batch's new names may affect (those whose last
    word has the same spelling-variant key), and refresh the display rows of the entities
    involved. The result depends only on the set of names stored, not on the order they
    came in:

    - full names with one skeleton are one person («فلاديمير بوتين», «فلاديمير بوتن»): the
      id of the smallest name key among them;
    - a one-word name joins the full names ending with it (by skeleton) when they are one
      person; otherwise it is a person of its own, with its own spelling variants."""
    affected = set(changes.entities)
    for typ, last in sorted(changes.names):
        if typ != "PER":
            continue
        rows = db.execute("SELECT name_key, words, entity_key, skeleton FROM names WHERE "
                          "type=? AND last_word=?", (typ, last)).fetchall()
        # (full name?, skeleton) -> the smallest name key of that spelling group
        groups: dict[tuple[bool, str], str] = {}
        for nk, words, _, skel in rows:
            g = (words >= 2, skel)
            if g not in groups or nk < groups[g]:
                groups[g] = nk
        full = sorted(nk for (is_full, _), nk in groups.items() if is_full)
        for nk, words, current, skel in rows:
            if words >= 2:
                target = entity_key(groups[(True, skel)])
            elif len(full) == 1:
                target = entity_key(full[0])
            else:
                target = entity_key(groups[(False, skel)])
            if target != current:
                db.execute("UPDATE names SET entity_key=? WHERE name_key=?", (target, nk))
                affected.update((target, current, entity_key(nk)))
    # display names are recomputed when the run ends (`settle`): marked here, in the batch's
    # transaction, so a killed run leaves them for the next run to settle
    db.executemany("INSERT INTO dirty_entities VALUES (?)",
                   [(ek,) for ek in sorted(affected)])


def settle(db: sqlite3.Connection) -> int:
    """Refresh the display rows of every entity marked since the last settle (one
    transaction); return how many."""
    keys = [r[0] for r in db.execute("SELECT DISTINCT entity_key FROM dirty_entities")]
    if keys:
        db.execute("BEGIN IMMEDIATE")
        try:
            refresh_entities(db, keys)
            db.execute("DELETE FROM dirty_entities")
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
    return len(keys)


def refresh_entities(db: sqlite3.Connection, keys: Iterable[str]) -> None:
    """Recompute the display rows of these entities: the most frequent written form that is
    the bare name of the entity's own name (ties: the first in code-point order), so the
    result is a function of the counts stored, whatever the order articles came in."""
    keys = sorted(set(keys))
    for i in range(0, len(keys), 400):
        chunk = keys[i:i + 400]
        rows = db.execute(f"SELECT name_key, type, folded, words, entity_key FROM names WHERE "
                          f"entity_key IN ({','.join('?' * len(chunk))}) ORDER BY words DESC, "
                          f"name_key", chunk).fetchall()
        own: dict[str, tuple] = {}  # the entity's own name, else its longest
        for r in rows:
            if entity_key(r[0]) == r[4] or r[4] not in own:
                own[r[4]] = r
        gone = [ek for ek in chunk if ek not in own]
        db.executemany("DELETE FROM entities WHERE entity_key=?", [(ek,) for ek in gone])
        # the written forms of the own name and of its spelling variants (names of the
        # entity with as many words): «فلاديمير بوتين» shows, not a rarer «فلاديمير بوتن»
        spelled = {r[0]: r for r in rows if r[4] in own and r[3] == own[r[4]][3]}
        spelled_keys = sorted(spelled)
        best: dict[str, tuple[int, str]] = {}  # entity -> (count, written form)
        for j in range(0, len(spelled_keys), 400):
            part = spelled_keys[j:j + 400]
            for nk, variant, n in db.execute(
                    f"SELECT name_key, variant, n FROM name_variants WHERE name_key IN "
                    f"({','.join('?' * len(part))})", part):
                if fold_key(variant) != spelled[nk][2]:
                    continue
                ek = spelled[nk][4]
                cur = best.get(ek)
                if cur is None or (-n, variant) < (-cur[0], cur[1]):
                    best[ek] = (n, variant)
        db.executemany("INSERT INTO entities VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET "
                       "type=excluded.type, name=excluded.name",
                       [(ek, r[1], best[ek][1] if ek in best else (r[2] or UNKNOWN))
                        for ek, r in sorted(own.items())])
