"""The geocoding table: fifty place names as Arabic news writes them, with the country each
lies in. The list was fixed before the geocoder was written, from the place names (names
only) of the dev gold's event locations and LOC entities; `test_the_table_comes_from_the_gold`
checks that against ../shared when it is present."""
from __future__ import annotations

import json

import pytest

from khabar.events.geocode import geocode

TABLE = [
    # cities and towns
    ("أربيل", "IQ"), ("رام الله", "PS"), ("نابلس", "PS"), ("جنين", "PS"), ("طوباس", "PS"),
    ("الخليل", "PS"), ("بيت لحم", "PS"), ("طولكرم", "PS"), ("قلقيلية", "PS"),
    ("خان يونس", "PS"), ("مدينة غزة", "PS"), ("سراقب", "SY"), ("دوما", "SY"),
    ("خان شيخون", "SY"), ("دمشق", "SY"), ("صنعاء", "YE"), ("عدن", "YE"), ("تعز", "YE"),
    ("صعدة", "YE"), ("الرباط", "MA"), ("الرشيدية", "MA"), ("طانطان", "MA"),
    ("نواكشوط", "MR"), ("الدوحة", "QA"), ("المنامة", "BH"), ("دبي", "AE"), ("طهران", "IR"),
    ("موسكو", "RU"), ("باريس", "FR"), ("لندن", "GB"), ("برلين", "DE"), ("بروكسل", "BE"),
    ("جنيف", "CH"), ("كييف", "UA"), ("بكين", "CN"), ("تل أبيب", "IL"), ("طبرق", "LY"),
    ("الإسكندرية", "EG"), ("نيويورك", "US"), ("واشنطن", "US"),
    # countries and regions
    ("العراق", "IQ"), ("المملكة العربية السعودية", "SA"), ("كوريا الشمالية", "KP"),
    ("بلجيكا", "BE"), ("قطاع غزة", "PS"), ("الضفة الغربية", "PS"),
    ("إقليم كردستان العراق", "IQ"),
    # what no GeoNames city list holds: camps, bases, airports, neighbourhoods
    ("مخيم قلنديا", "PS"), ("مطار أربيل", "IQ"), ("حي الشيخ رضوان", "PS"),
]


def test_the_table_has_fifty_distinct_names():
    assert len(TABLE) == 50 and len({n for n, _ in TABLE}) == 50


@pytest.mark.parametrize("name,country", TABLE, ids=[n for n, _ in TABLE])
def test_a_place_resolves_to_its_country(name, country):
    place = geocode(name)
    assert place is not None, f"{name} is not resolved"
    assert place.country == country
    assert -90 <= place.lat <= 90 and -180 <= place.lon <= 180
    assert place.level in (0, 1, 2, 3, 4)


@pytest.mark.parametrize("name", ["مكان لا يعرفه أحد", "الغرفة الخلفية", ""])
def test_an_unknown_place_stays_unresolved(name):
    assert geocode(name) is None


def test_the_table_comes_from_the_gold(shared_dir):
    """Every name stands in the gold (an event location or a LOC entity), so the table is
    the dev set's places, not ones picked to suit the geocoder."""
    names = set()
    for path in (shared_dir / "data" / "dev" / "gold").glob("*.json"):
        gold = json.loads(path.read_text("utf-8"))
        names.update(e["text"] for e in gold.get("entities", []) if e.get("type") == "LOC")
        for ev in gold.get("events", []):
            names.update(n for n in [ev.get("location"), *ev.get("location_aliases", [])] if n)
    missing = [n for n, _ in TABLE if n not in names]
    assert not missing, f"not in the gold: {missing}"


# names of two places: resolved from what the article says, else left unresolved
AMBIGUOUS = [
    ("وصل الوزير إلى عمان حيث التقى العاهل الأردني.", "عمان", "JO"),
    ("وقال المتحدث إن المحادثات في العاصمة الأردنية عمان ستستمر يومين.", "عمان", "JO"),
    ("وصل الوفد إلى مسقط، ثم عقد في عمان مباحثات مع المسؤولين.", "عمان", "OM"),
    ("وأعلنت السلطات العمانية أن الاجتماع في عمان انتهى.", "عمان", "OM"),
    ("تظاهر المئات في طرابلس شمال لبنان احتجاجا على انقطاع الكهرباء.", "طرابلس", "LB"),
    ("تظاهر المئات في طرابلس احتجاجا على تأخر الرواتب في ليبيا.", "طرابلس", "LY"),
    ("عقد الوزيران اجتماعا في عمان أمس.", "عمان", None),
    ("تظاهر المئات في طرابلس احتجاجا على انقطاع الكهرباء.", "طرابلس", None),
    # both readings have a cue: still unresolved
    ("التقى وزير الخارجية الأردني نظيره العماني في عمان أمس.", "عمان", None),
]


@pytest.mark.parametrize("sentence,name,country", AMBIGUOUS,
                         ids=[f"{n}-{c}-{i}" for i, (_, n, c) in enumerate(AMBIGUOUS)])
def test_an_ambiguous_name_resolves_from_its_article_or_not_at_all(sentence, name, country):
    from khabar import api
    from khabar.record import to_record
    record = to_record(api.extract_text(sentence, published="2024-05-02"))
    locs = [e["location"] for e in record["events"]
            if not e.get("from_statement") and (e.get("location") or {}).get("text") == name]
    assert locs, f"no event placed at {name}"
    got = (locs[0].get("geo") or {}).get("country")
    assert got == country


@pytest.mark.parametrize("name", ["عمان", "طرابلس", "مدينة طرابلس", "العاصمة عمان"])
def test_an_ambiguous_name_alone_is_not_guessed(name):
    assert geocode(name) is None


@pytest.mark.parametrize("name,country", [("سلطنة عمان", "OM"), ("مسقط", "OM"),
                                          ("الأردن", "JO"), ("لبنان", "LB")])
def test_the_unambiguous_forms_still_resolve(name, country):
    place = geocode(name)
    assert place is not None and place.country == country


def _table_rows():
    import gzip
    from importlib import resources
    path = resources.files("khabar.resources").joinpath("ar", "geonames_places.tsv.gz")
    with gzip.open(path.open("rb"), "rt", encoding="utf-8") as fh:
        return [line.rstrip("\n").split("\t") for line in fh if not line.startswith("#")]


def test_a_geonames_row_is_parsed_when_looked_up_as_a_whole_table_read_would():
    """The table is kept as unparsed rows and a row made a Place on look-up: every field
    as reading the file line by line gives it, for a spread of rows."""
    from khabar.events.geocode import Place, _geoname
    rows = _table_rows()
    assert len(rows) > 20_000
    for key, lat, lon, cc, level, pop, gid in rows[::997] + rows[-3:]:
        assert _geoname(key) == Place(key, float(lat), float(lon), cc, int(level),
                                      "geonames", int(gid) if gid else None, int(pop or 0))
        assert _geoname(key) is _geoname(key)  # parsed once
    assert _geoname("لا مكان بهذا الاسم") is None
