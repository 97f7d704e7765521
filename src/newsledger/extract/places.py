"""Places: every GPE, LOC and FAC mention (and a country's or continent's demonym, "Russian") resolved to a
GeoNames record of the gazetteer, in the context of its article.

Which "Paris": a qualifier written with it ("Paris, Texas", "Springfield, Ill.") narrows the candidates to
that region or country; otherwise each candidate scores by its population (log), the countries and regions
the article names elsewhere (the region named last before it most; a region only this name names, as
"Tripoli" names Libya's district, is no evidence for it), and whether the name is the place's own or
only an alternate one. A name the
gazetteer does not hold, or whose best candidate is a small place nothing in the article supports, stays
unresolved (every resolved field null): a wrong coordinate is worse than none.
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections import Counter
from dataclasses import dataclass, field, replace

from ..models import Article, Entity, Place
from ..reconcile.gazetteer import ambiguous_country, fold, gazetteer
from ..reconcile.geonames import GeoRecord, PlaceIndex, place_index
from .place_mentions import LOCAL_WORDS, mentions, region_demonym

# Below this population a place needs support from its article (its country or region named there).
SMALL = 20_000
ALIAS_SMALL = 100_000  # the same for a town named by an alternate name
REGION_REACH = 300
# The place of a dateline: "BEIRUT", "COLUMBUS, Ohio", "Hanoi" before "(AP)", a dash or a colon.
_DATELINE_PLACE = re.compile(
    r"([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3})(?:, ([A-Z][\w.]*(?: [A-Z][\w.]*){0,2}))?(?=\s*[(—–:-])"
)
_QUALIFIER = re.compile(r"^,\s*([A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3})")


@dataclass
class Context:
    countries: Counter  # alpha-3 -> how often the article names it
    regions: set  # (alpha-3, admin1) the article names
    text: str
    # folded name -> the votes its own mentions gave: "Paris" does not vote France for itself
    votes: dict = field(default_factory=dict)
    # (start, (alpha-3, admin1)) of each region mention, in text order
    region_at: list = field(default_factory=list)
    # folded name -> the regions only its own mentions name: "Tripoli" names Libya's Tripoli district, which
    # is no evidence that the town "Tripoli" is Libya's
    region_votes: dict = field(default_factory=dict)

    def last_region(self, at: int) -> tuple[str, str] | None:
        """The region named last before `at`, within REGION_REACH characters: "a base in Nevada ... at
        Hawthorne" is Nevada's Hawthorne, whatever other states the article names further on."""
        before = [r for s, r in self.region_at if at - REGION_REACH <= s < at]
        return before[-1] if before else None

    def others(self, name: str) -> Counter:
        return self.countries - self.votes.get(fold(name), Counter())

    def other_regions(self, name: str) -> set:
        return self.regions - self.region_votes.get(fold(name), set())


def extract_places(
    reading: Article,
    entities: list[Entity],
    article: Article | None = None,
    named: tuple[set[str], set[tuple[int, int]]] | None = None,
) -> list[Place]:
    """The places of `reading` (`article.reading`); given `article`, also those of its datelines ("BEIRUT
    (AP) —", outside the body for every other extractor, names where the article was written), and none
    from its other marked spans."""
    text = reading.text
    spans = mentions(text, entities, named)
    if article is not None:
        spans = sorted(spans + _dateline_places(article))
        text = _with_datelines(article, text)
        spans = [sp for sp in spans if not _outside_dateline(article, sp[0], sp[1])]
    places = _resolved(dataclasses.replace(reading, text=text), spans)
    return places


def _dateline_places(article: Article) -> list[tuple[int, int, str]]:
    out = []
    for s, t, kind in article.outside:
        if kind == "dateline" and (m := _DATELINE_PLACE.match(article.text, s, t)):
            out += [(m.start(g), m.end(g), "GPE") for g in (1, 2) if m.group(g)]
    return out


def _with_datelines(article: Article, text: str) -> str:
    for s, t, kind in article.outside:
        if kind == "dateline":
            text = text[:s] + article.text[s:t] + text[t:]
    return text


def _outside_dateline(article: Article, start: int, end: int) -> bool:
    return any(s < end and start < t for s, t, kind in article.outside if kind != "dateline")


def _resolved(reading: Article, spans: list[tuple[int, int, str]]) -> list[Place]:
    index = place_index()
    ctx = _context(reading.text, spans, index)
    resolved = []
    for start, end, label in spans:
        text = reading.text[start:end]
        label, _, word = label.partition("+")  # "Clay" of "Clay and Becker counties" is "Clay County"
        if reading.text[end : end + 1] == "." and any(r.level == 2 for r in index.lookup(text + ".")):
            word = "."  # "Fla" of "Fla." is Florida, whatever else "Fla" may name
        rec = resolve(text + word, _qualifier(reading.text, end), ctx, index, cities=label != "LOC", at=start)
        resolved.append((start, end, text, rec, _local(text, index)))
    town = _town(r for *_, r, _ in resolved)
    out = []
    for start, end, text, rec, local in resolved:
        if rec is None and local and town is not None:
            out.append(_at_town(reading.id, start, end, text, town))
        else:
            out.append(_place(reading.id, start, end, text, rec))
    return out


def _local(text: str, index: PlaceIndex) -> bool:
    """A name the gazetteer lacks that ends in a street's or building's word (the parser's FAC alone is too
    often a feast or a person)."""
    words = text.lower().replace(".", "").split()
    return bool(words) and words[-1] in LOCAL_WORDS and not index.lookup(text)


def _town(recs) -> GeoRecord | None:
    """The article's one town: a town named twice or more, by at least half of the town mentions and more
    often than any other."""
    towns = Counter(r for r in recs if r is not None and r.level == 3 and r.feature == "P")
    ranked = towns.most_common(2) + [(None, 0), (None, 0)]
    (top, n), (_, second) = ranked[0], ranked[1]
    return top if n >= 2 and 2 * n >= sum(towns.values()) and n > second else None


def _at_town(article_id: str, start: int, end: int, text: str, town: GeoRecord) -> Place:
    """A street, building or neighbourhood the gazetteer lacks, placed at the article's one town: its name
    and point are the town's, its feature "S" (a spot) and no GeoNames id says it is not the town."""
    p = _place(article_id, start, end, text, town)
    return replace(p, feature="S", geonameid=None, population=None)


def _qualifier(text: str, end: int) -> str | None:
    """ "Texas" after "Paris" in "Paris, Texas"."""
    m = _QUALIFIER.match(text[end : end + 40])
    return m.group(1) if m else None


def _context(text: str, spans, index: PlaceIndex) -> Context:
    g = gazetteer()
    countries: Counter = Counter()
    regions = set()
    votes: dict = {}
    region_at = []
    named_by: dict = {}  # region -> the folded names that name it
    for s, t, label in spans:
        name = text[s:t] + label.partition("+")[2]
        a3 = _country_of(name, text)
        if not a3 and (region := _region_of(name, index)):
            regions.add(region)
            region_at.append((s, region))
            named_by.setdefault(region, set()).add(fold(name))
            a3 = region[0]
        a3 = a3 or g.capitals.get(fold(name))
        if a3:
            countries[a3] += 1
            votes.setdefault(fold(name), Counter())[a3] += 1
    if shared := _shared_region(text, spans, index):
        regions.add(shared)
        countries[shared[0]] += 1
    own: dict = {}
    for region, names in named_by.items():
        if len(names) == 1 and region != shared:
            own.setdefault(next(iter(names)), set()).add(region)
    return Context(countries, regions, text, votes, region_at, own)


def _shared_region(text: str, spans, index: PlaceIndex) -> tuple[str, str] | None:
    """The one region that holds every county of the article's county lists ("Becker, Clay and Otter Tail
    counties" are all in Minnesota)."""
    where = [_regions_of(index.lookup(text[s:t] + label.partition("+")[2])) for s, t, label in spans if "+" in label]
    common = set.intersection(*where) if len(where) >= 2 else set()
    return common.pop() if len(common) == 1 else None


def _region_of(name: str, index: PlaceIndex) -> tuple[str, str] | None:
    """(country, admin1) of the one region `name` names, or of all the counties it names when they lie in
    one ("McMinn County" is in Tennessee)."""
    recs = index.lookup(name)
    hits = [r for r in recs if r.level == 2] or [r for r in recs if r.level == 3 and r.feature == "A"]
    where = _regions_of(hits)
    return where.pop() if len(where) == 1 and len(hits) == len([r for r in hits if r.country and r.admin1]) else None


def _regions_of(recs: list[GeoRecord]) -> set[tuple[str, str]]:
    return {(r.country, r.admin1) for r in recs if r.country is not None and r.admin1 is not None}


def _country_of(name: str, text: str) -> str | None:
    """The country `name` names (by name, code or demonym); "Georgia" only where its article is about it."""
    if ambiguous_country(name, text.lower()):
        return None
    return gazetteer().country(name)


def resolve(
    text: str, qualifier: str | None, ctx: Context, index: PlaceIndex, cities: bool = True, at: int | None = None
) -> GeoRecord | None:
    """The record `text` (at `at`) names; a LOC ("the Atlantic") is a city only where a qualifier says so."""
    name, qualifier = _split(text, qualifier)
    if _BARE_COMPASS.fullmatch(name):  # "the South blamed the North": a side, not Iceland's Suðurland
        return None
    name = _known_form(name, index)
    if not index.lookup(name) and not gazetteer().country(name) and (region := region_demonym(name)):
        name = region  # "Ohioans" are of Ohio
    a3 = _country_of(name, ctx.text)
    if a3:
        return index.country(a3)
    candidates = _towns_over_regions(index.lookup(name))
    if not cities and not qualifier:
        candidates = [c for c in candidates if c.level < 3 or c.feature == "A"]
    if not candidates:
        return None
    within = _within(qualifier, ctx, index) if qualifier else None
    if within:
        candidates = [c for c in candidates if _inside(c, within)]
        return max(candidates, key=lambda c: c.population, default=None)
    return _best(name, candidates, ctx, at)


_BARE_COMPASS = re.compile(
    r"(?:the\s+)?(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)",
    re.I,
)
_COMPASS = re.compile(
    r"^(?:north|south|east|west|northern|southern|eastern|western|central|north-?east|north-?west|south-?east|"
    r"south-?west|northeastern|northwestern|southeastern|southwestern|upper|lower)\s+(.+)$",
    re.I,
)


def _known_form(name: str, index: PlaceIndex) -> str:
    """The form of `name` the gazetteer knows: as written; with the full stop the parser cut off ("D.C");
    or, for part of a country or region ("North Texas", "Northeast Georgia"), the country or region itself."""
    if index.lookup(name) or gazetteer().country(name):
        return name
    if index.lookup(name + "."):  # "W.Va", "Conn" of "W.Va.", "Conn."
        return name + "."
    m = _COMPASS.match(name)
    if m and (gazetteer().country(m.group(1)) or any(r.level < 3 for r in index.lookup(m.group(1)))):
        return m.group(1)
    return name


def _split(text: str, qualifier: str | None) -> tuple[str, str | None]:
    """ "Paris, Texas" as one span: ("Paris", "Texas")."""
    if ", " in text:
        head, tail = text.split(", ", 1)
        return head, tail
    return text, qualifier


def _within(qualifier: str, ctx: Context, index: PlaceIndex) -> list[GeoRecord]:
    """The regions or countries a qualifier can name; empty when it names none."""
    a3 = _country_of(qualifier, ctx.text)
    if a3 and (rec := index.country(a3)):
        return [rec]
    return [r for r in index.lookup(qualifier) if r.level in (1, 2)]


def _inside(c: GeoRecord, within: list[GeoRecord]) -> bool:
    return any(c.level > w.level and c.country == w.country and (w.level == 1 or c.admin1 == w.admin1) for w in within)


def _towns_over_regions(candidates: list[GeoRecord]) -> list[GeoRecord]:
    """ "New York" is the city where its region shares its name: a region drops out when a city of 100,000
    or more inside it has the name too."""
    big = {(c.country, c.admin1) for c in candidates if c.level == 3 and c.population >= 100_000}
    return [c for c in candidates if c.level != 2 or (c.country, c.admin1) not in big]


def _best(name: str, candidates: list[GeoRecord], ctx: Context, at: int | None = None) -> GeoRecord | None:
    countries = ctx.others(name)
    last = ctx.last_region(at) if at is not None else None
    total = sum(countries.values()) or 1
    f = fold(name)
    capital_of = gazetteer().capitals.get(f)
    regions = ctx.other_regions(name)

    def score(c: GeoRecord) -> float:
        s = math.log10(c.population + 10)
        s += 4 * countries.get(c.country, 0) / total + (2 if countries.get(c.country) else 0)
        s += 2 if (c.country, c.admin1) in regions else 0
        s += 2 if c.level == 3 and (c.country, c.admin1) == last else 0
        s += 1 if fold(c.name) == f else 0
        s += 3 if c.level == 3 and c.country == capital_of else 0
        return s

    best = max(candidates, key=score)
    supported = best.level < 3 or best.country in countries or (best.country, best.admin1) in regions
    # by another of its names ("Orvin" is also Irvine's), a town nothing in the article supports is a guess
    floor = SMALL if fold(best.name) == f else ALIAS_SMALL
    return best if supported or best.population >= floor else None


def _place(article_id: str, start: int, end: int, text: str, rec: GeoRecord | None) -> Place:
    if rec is None:
        return Place(article_id, start, end, text)
    return Place(
        article_id,
        start,
        end,
        text,
        name=rec.name,
        country=rec.country,
        admin1=rec.admin1,
        lat=round(rec.lat, 5),
        lon=round(rec.lon, 5),
        feature=rec.feature,
        geonameid=rec.geonameid,
        population=rec.population,
    )
