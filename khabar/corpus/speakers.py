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

from khabar.corpus.folding import key as fold_key
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


@lru_cache(maxsize=20_000)
def name_of(typ: str, name: str) -> tuple[str, str] | None:
    """(name_key, folded key) of a name of this type, or None when nothing is left or
    what is left is a title or a head noun alone (unresolved, not a guess)."""
    k = fold_key(strip_titles(name) if typ in ("PER", "ORG") else name)
    if not k or k in _no_names().get(typ, ()):
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


class Changes:
    """What a batch changed: new names (by type and last word) and entities whose
    variants grew; `resolve` re-resolves and refreshes only these."""

    def __init__(self) -> None:
        self.names: set[tuple[str, str]] = set()
        self.entities: set[str] = set()


class NameBatch:
    """The names and written forms of one batch, written at its end in a few statements."""

    def __init__(self) -> None:
        self.names: dict[str, tuple[str, str, str, int]] = {}
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
            self.names[nk] = (typ, folded, last_part(words), len(words))
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
        new = [(nk, *self.names[nk], entity_key(nk)) for nk in keys if nk not in known]
        db.executemany("INSERT INTO names VALUES (?, ?, ?, ?, ?, ?)", new)
        for _nk, typ, _, last, _, ek in new:
            changes.names.add((typ, last))
            changes.entities.add(ek)
        for nk, _ in self.variants:  # counts change: the display name may change
            changes.entities.add(entity_key(nk))
        db.executemany("INSERT INTO name_variants VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET "
                       "n = n + excluded.n", [(nk, v, n) for (nk, v), n in
                                              sorted(self.variants.items())])
        return changes


def resolve(db: sqlite3.Connection, changes: Changes) -> None:
    """Re-resolve the one-word person names that the batch's new names may affect, and
    refresh the display rows of the entities involved. The result depends only on the set
    of names stored, not on the order they came in."""
    affected = set(changes.entities)
    for typ, last in sorted(changes.names):
        if typ != "PER":
            continue
        rows = db.execute("SELECT name_key, words, entity_key FROM names WHERE type=? AND "
                          "last_word=?", (typ, last)).fetchall()
        full = sorted({r[0] for r in rows if r[1] >= 2})
        for nk, words, current in rows:
            if words != 1:
                continue
            target = entity_key(full[0]) if len(full) == 1 else entity_key(nk)
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
        own_keys = sorted({r[0] for r in own.values()})
        best: dict[str, tuple[int, str]] = {}
        folded = {r[0]: r[2] for r in own.values()}
        for j in range(0, len(own_keys), 400):
            part = own_keys[j:j + 400]
            for nk, variant, n in db.execute(
                    f"SELECT name_key, variant, n FROM name_variants WHERE name_key IN "
                    f"({','.join('?' * len(part))})", part):
                if fold_key(variant) != folded[nk]:
                    continue
                cur = best.get(nk)
                if cur is None or (-n, variant) < (-cur[0], cur[1]):
                    best[nk] = (n, variant)
        db.executemany("INSERT INTO entities VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET "
                       "type=excluded.type, name=excluded.name",
                       [(ek, r[1], best[r[0]][1] if r[0] in best else (r[2] or UNKNOWN))
                        for ek, r in sorted(own.items())])
