"""One person, organisation or place across articles: names to corpus-level ids.

A name is matched by its key: folded, clitics and article stripped, leading titles
removed («الرئيس الروسي فلاديمير بوتين» and «فلاديمير بوتين» share «فلاديمير بوتين»);
what was written stays in `name_variants` for display. A one-word person name («بوتين»)
joins a full name only while exactly one full person name in the corpus ends with it; with
two («سامي الخطيب», «ليلى الخطيب») it stays apart, so people who share a family name are
never merged. Anonymous sources («مصدر مطلع») keep their own ids and never join a person;
a speaker the pipeline left unresolved is the explicit "unknown".
"""
from __future__ import annotations

import hashlib
import sqlite3
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


@lru_cache(maxsize=100_000)
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


def entity_key(name_key: str) -> str:
    typ = name_key.split(":", 1)[0]
    if typ == "UNKNOWN":
        return UNKNOWN
    digest = hashlib.blake2b(name_key.encode("utf-8"), digest_size=6).hexdigest()
    return f"{PREFIX.get(typ, typ.lower())}-{digest}"


@lru_cache(maxsize=100_000)
def name_of(typ: str, name: str) -> tuple[str, str] | None:
    """(name_key, folded key) of a name of this type, or None when nothing is left."""
    k = fold_key(strip_titles(name) if typ in ("PER", "ORG") else name)
    if not k:
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


def add_name(db: sqlite3.Connection, typ: str, name: str, variants: Iterable[str],
             changes: Changes) -> str:
    """Register a name (and how it was written); return its name_key."""
    if typ == "UNKNOWN":
        nk, folded = "UNKNOWN:", ""
    else:
        got = name_of(typ, name)
        if got is None:
            typ, nk, folded = "UNKNOWN", "UNKNOWN:", ""
        else:
            nk, folded = got
    words = folded.split()
    ek = entity_key(nk)
    if db.execute("INSERT OR IGNORE INTO names VALUES (?, ?, ?, ?, ?, ?)",
                  (nk, typ, folded, words[-1] if words else "", len(words), ek)).rowcount:
        changes.names.add((typ, words[-1] if words else ""))
        changes.entities.add(ek)
    for v in variants if typ != "UNKNOWN" else ():
        if not v:
            continue
        if db.execute("INSERT OR IGNORE INTO name_variants VALUES (?, ?, 1)", (nk, v)).rowcount:
            changes.entities.add(ek)
        else:
            db.execute("UPDATE name_variants SET n = n + 1 WHERE name_key=? AND variant=?", (nk, v))
    return nk


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
    for ek in sorted(affected):
        refresh_entity(db, ek)


def refresh_entity(db: sqlite3.Connection, ek: str) -> None:
    rows = db.execute("SELECT name_key, type, folded, words FROM names WHERE entity_key=? "
                      "ORDER BY words DESC, name_key", (ek,)).fetchall()
    if not rows:
        db.execute("DELETE FROM entities WHERE entity_key=?", (ek,))
        return
    own = next((r for r in rows if entity_key(r[0]) == ek), rows[0])
    # the display name: the shortest written form that is the bare name (a function of
    # the set of forms, so it does not depend on the order articles came in)
    bare = [v for (v,) in db.execute("SELECT variant FROM name_variants WHERE name_key=?",
                                     (own[0],)) if fold_key(v) == own[2]]
    name = min(bare, key=lambda v: (len(v), v)) if bare else (own[2] or UNKNOWN)
    db.execute("INSERT INTO entities VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET "
               "type=excluded.type, name=excluded.name", (ek, own[1], name))
