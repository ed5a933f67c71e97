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
def _titles() -> tuple[tuple[str, ...], ...]:
    data = load("titles")
    words = {tuple(fold(t).split()) for t in data["person_titles"] + data["title_phrases"]}
    return tuple(sorted(words, key=len, reverse=True))


def strip_titles(name: str) -> str:
    """The name without leading titles («الرئيس», «وزير الخارجية»). A bare one-word title
    that is also a given name («أمين») is stripped only when two words remain."""
    words = name.split()
    folded = fold(name).split()
    changed = True
    while changed and words:
        changed = False
        for t in _titles():
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


def add_name(db: sqlite3.Connection, typ: str, name: str, variants: Iterable[str],
             touched: set[tuple[str, str]]) -> str:
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
    db.execute("INSERT OR IGNORE INTO names VALUES (?, ?, ?, ?, ?, ?)",
               (nk, typ, folded, words[-1] if words else "", len(words), entity_key(nk)))
    for v in variants if typ != "UNKNOWN" else ():
        if v:
            db.execute("INSERT INTO name_variants VALUES (?, ?, 1) ON CONFLICT DO UPDATE "
                       "SET n = n + 1", (nk, v))
    touched.add((typ, words[-1] if words else ""))
    return nk


def resolve(db: sqlite3.Connection, touched: set[tuple[str, str]]) -> None:
    """Re-resolve the one-word person names that the batch's names may affect, and refresh
    the display rows of the entities involved. The result depends only on the set of names
    stored, not on the order they came in."""
    affected: set[str] = set()
    for typ, last in touched:
        rows = db.execute("SELECT name_key, words, entity_key FROM names WHERE type=? AND "
                          "last_word=?", (typ, last)).fetchall()
        affected.update(r[2] for r in rows)
        affected.update(entity_key(r[0]) for r in rows)
        if typ != "PER":
            continue
        full = sorted({r[0] for r in rows if r[1] >= 2})
        for nk, words, current in rows:
            if words != 1:
                continue
            target = entity_key(full[0]) if len(full) == 1 else entity_key(nk)
            if target != current:
                db.execute("UPDATE names SET entity_key=? WHERE name_key=?", (target, nk))
                affected.update((target, current))
    for ek in sorted(affected):
        refresh_entity(db, ek)


def refresh_entity(db: sqlite3.Connection, ek: str) -> None:
    rows = db.execute("SELECT name_key, type, folded, words FROM names WHERE entity_key=? "
                      "ORDER BY words DESC, name_key", (ek,)).fetchall()
    if not rows:
        db.execute("DELETE FROM entities WHERE entity_key=?", (ek,))
        return
    own = next((r for r in rows if entity_key(r[0]) == ek), rows[0])
    best, best_n = None, -1
    for variant, n in db.execute("SELECT variant, n FROM name_variants WHERE name_key=? "
                                 "ORDER BY variant", (own[0],)):
        # the display name: the commonest written form that is the bare name
        if fold_key(variant) == own[2] and n > best_n:
            best, best_n = variant, n
    name = best or own[2] or UNKNOWN
    db.execute("INSERT INTO entities VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET type=excluded.type, "
               "name=excluded.name", (ek, own[1], name))
