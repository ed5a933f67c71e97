"""Offline geocoding: a place name as Arabic news writes it -> a point, a country, a level.

Two tables, both shipped: our own `gazetteer_sites.yaml` (regions, camps, crossings, bases,
airports, neighbourhoods: what a city list lacks) first, then `geonames_places.tsv.gz`,
built from GeoNames data by `khabar.events.gazetteer_build`. A name neither holds stays
unresolved: nothing is guessed. A name of several places (`gazetteer_ambiguous.yaml`:
«عمان» is Amman and Oman) resolves only in context (`geocode_in`), from the article's
cues for one reading; `geocode` alone leaves it unresolved. All are read once.
"""
from __future__ import annotations

import gzip
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources as _ir

from khabar.normalize import fold
from khabar.resources import load

# a leading place head («مدينة غزة», «محافظة تعز») and the level it gives the place
_HEAD_LEVEL = {"محافظه": 1, "ولايه": 1, "اقليم": 1, "منطقه": None, "مدينه": 3, "قريه": 3,
               "بلده": 3, "قضاء": 2, "ناحيه": 2, "مديريه": 2, "حي": 4, "مخيم": 4,
               "العاصمه": 3}
_PUNCT = re.compile(r"[^\w\s]+")


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    lat: float
    lon: float
    country: str
    level: int  # 0 country, 1 region, 2 district, 3 populated place, 4 site
    source: str  # "sites" (our gazetteer) or "geonames"
    geonameid: int | None = None
    population: int = 0

    def to_dict(self) -> dict:
        d = {"lat": self.lat, "lon": self.lon, "country": self.country,
             "admin_level": self.level, "source": self.source}
        if self.geonameid:
            d["geonameid"] = self.geonameid
        return d


def _key(name: str) -> str:
    return " ".join(_PUNCT.sub(" ", fold(name)).split())


@lru_cache(maxsize=1)
def _sites() -> dict[str, Place]:
    out: dict[str, Place] = {}
    for entry in load("gazetteer_sites")["places"]:
        for name in entry["names"]:
            out[_key(name)] = Place(name, float(entry["lat"]), float(entry["lon"]),
                                    entry["country"], int(entry["level"]), "sites")
    return out


@lru_cache(maxsize=1)
def _geonames() -> dict[str, str]:
    """The GeoNames table as folded name -> the rest of its row, unparsed: of its 26,000
    rows an article needs a few, so a row becomes a `Place` only when looked up (loading
    the table took 0.15 s of CPU when each row was parsed)."""
    path = _ir.files("khabar.resources").joinpath("ar", "geonames_places.tsv.gz")
    with gzip.open(path.open("rb"), "rt", encoding="utf-8") as fh:
        rows = fh.read().split("\n")
    return dict(row.split("\t", 1) for row in rows if row and not row.startswith("#"))


def _geoname(key: str) -> Place | None:
    """The GeoNames place of a folded name, parsed from its row (made once per name)."""
    row = _geonames().get(key)
    return None if row is None else _parse_row(key, row)


@lru_cache(maxsize=None)
def _parse_row(key: str, row: str) -> Place:
    lat, lon, cc, level, pop, gid = row.rstrip("\r").split("\t")
    return Place(key, float(lat), float(lon), cc, int(level), "geonames",
                 int(gid) if gid else None, int(pop or 0))


@dataclass(frozen=True, slots=True)
class Reading:
    place: Place
    cues: frozenset[str]  # folded words that point at this reading
    nisba: bool  # the reading a nationality adjective of the name denotes


@lru_cache(maxsize=1)
def _ambiguous() -> dict[str, tuple[Reading, ...]]:
    out: dict[str, tuple[Reading, ...]] = {}
    for name, readings in load("gazetteer_ambiguous")["names"].items():
        out[_key(name)] = tuple(
            Reading(Place(r["name"], float(r["lat"]), float(r["lon"]), r["country"],
                          int(r["level"]), "sites"),
                    frozenset(_key(c) for c in r.get("cues", ())), bool(r.get("nisba")))
            for r in readings)
    return out


def _exact(key: str) -> Place | None:
    if key in _ambiguous():
        return None
    return _sites().get(key) or _geoname(key)


def _split_head(key: str) -> tuple[str | None, str]:
    head, _, rest = key.partition(" ")
    return (head, rest) if rest and head in _HEAD_LEVEL else (None, key)


@lru_cache(maxsize=4096)
def readings(name: str) -> tuple[Reading, ...]:
    """The places an ambiguous name may denote (with or without a place head), else ()."""
    key = _key(name or "")
    table = _ambiguous()
    return table.get(key) or table.get(_split_head(key)[1]) or ()


def nisba_place(stem: str) -> Place | None:
    """The country a nationality adjective's stem names («عماني» -> Oman): the reading
    marked `nisba` where the stem is ambiguous."""
    place = geocode(stem)
    if place is None:
        place = next((r.place for r in readings(stem) if r.nisba), None)
    return place


def geocode_in(name: str, words: frozenset[str], countries: frozenset[str]) -> Place | None:
    """`geocode`, or for an ambiguous name the one reading the article points at: a cue
    among its folded `words`, or a place of that country among the `countries` of its
    other places. No reading or two: unresolved."""
    place = geocode(name)
    if place is not None:
        return place
    hits = [r.place for r in readings(name)
            if r.place.country in countries or not r.cues.isdisjoint(words)]
    return hits[0] if len({p.country for p in hits}) == 1 else None


@lru_cache(maxsize=4096)
def geocode(name: str) -> Place | None:
    """The place a name denotes, or None when neither table knows it."""
    return geocode_folded(_key(name or ""))


def site_first_words() -> frozenset[str]:
    """The first words of the names of our sites (camps, bases, seats): a name that opens
    with none of them is no site, without a look-up."""
    return _site_first_words()


@lru_cache(maxsize=1)
def _site_first_words() -> frozenset[str]:
    return frozenset(k.split()[0] for k, p in _sites().items() if p.level == 4)


@lru_cache(maxsize=8192)
def geocode_folded(key: str) -> Place | None:
    """`geocode` of a name already folded as the match view folds it (a view's words)."""
    if not key:
        return None
    place = _exact(key)
    if place is not None:
        return place
    head, rest = _split_head(key)
    if head is not None:
        place = _exact(rest)
        if place is not None and _HEAD_LEVEL[head] is not None and place.level == 3:
            # «محافظة تعز»: the province named after its city, at the city's point
            return Place(place.name, place.lat, place.lon, place.country,
                         _HEAD_LEVEL[head], place.source, place.geonameid, place.population)
        return place
    return None
