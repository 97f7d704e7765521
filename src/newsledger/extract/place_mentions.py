"""Where an article names a place: the entities the parser tags GPE, LOC or FAC, and the places the small
model does not tag as such, found by their names in the gazetteer.

Beyond the tagged entities: a country's or continent's demonym ("Russian"); an ORG (or a PERSON of two words
or more) whose whole text is a country's or region's name ("Canada", "Tamil Nadu"); a country, region,
continent or big city inside another entity's name ("BBC Russian Service", "Trade Promotion Organization of
Iran", "University of California"); and, in text no entity covers, a country, region or continent by name,
a town its qualifier places ("Columbus, Ohio"), a dateline ("BEIRUT (AP)") and a town after "in" or "near".
Only names the gazetteer holds count, and a word that is often something else needs one of those cues.
A person's name is no place, however tagged: a common first name (gender-guesser's dictionary) before a
surname the article also uses alone ("Esteban Santiago", then "Santiago"; "Theresa May", then "May").
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from functools import lru_cache

from ..models import Entity
from ..reconcile.gazetteer import fold, gazetteer
from ..reconcile.geonames import CONTINENT_DEMONYMS, place_index
from .entities import entity_id

LABELS = {"GPE", "LOC", "FAC"}
BIG_CITY = 500_000  # a city inside another name ("Toronto Police") has this many people: few others share it
BIG_REGION = 1_000_000  # and a one-word region inside another name ("Metro Chamber" is no Indonesian province)
# Region names that are also plain compass or layout words ("Central", "Western" are admin1 names).
GENERIC = {
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "centre",
    "center", "capital", "coast", "upper", "lower", "middle", "island", "islands", "national", "federal",
    "north east", "north west", "south east", "south west", "northeast", "northwest", "southeast", "southwest",
}  # fmt: skip
# The last word of a street's, building's or neighbourhood's name.
LOCAL_WORDS = {
    "street", "st", "road", "rd", "avenue", "ave", "boulevard", "blvd", "lane", "drive", "way", "highway",
    "square", "plaza", "park", "bridge", "station", "airport", "church", "cathedral", "library", "hospital",
    "school", "college", "university", "stadium", "arena", "hall", "tower", "center", "centre", "mall",
    "hotel", "museum", "theatre", "theater", "courthouse", "prison", "jail", "market", "harbour", "harbor",
    "port", "pier", "estate", "heights", "quarter", "district", "neighborhood", "neighbourhood", "village",
}  # fmt: skip
_WORD = r"[A-Z][\w'’.&-]*"
_RUN = re.compile(rf"{_WORD}(?:[ ]{_WORD})*")  # capitalised words separated by one space
_CUE = re.compile(r"\b(?:in|near|outside)\s+$")
_AFTER_CUED = re.compile(r"^(?:['’]|\s+\d)")  # "in March 2014", "in Obama's" name no town
CALENDAR = {
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
}
_QUALIFIED = re.compile(rf"^,[ ]({_WORD}(?:[ ]{_WORD}){{0,2}})")
_DATELINE_END = re.compile(r"^(?:,|\s*\(|\s*[-—–:])")
MAX_WORDS = 4


def mentions(
    text: str, entities: list[Entity], named: tuple[set[str], set[tuple[int, int]]] | None = None
) -> list[tuple[int, int, str]]:
    """(start, end, label) of every place mention, sorted; `named`: `named_people` of the text, if known."""
    out: dict[tuple[int, int], str] = {}
    covered = []
    # a name the article tags a person is none of its organisations' places ("Esteban Santiago", tagged an
    # organisation once, is the man the article calls "Santiago")
    person = {text[s:t] for e in entities if e.label == "PERSON" for s, t in e.mentions}
    for e in entities:
        for s, t in e.mentions:
            covered.append((s, t))
            if _is_place(e.label, text[s:t]):
                out[(s, t)] = e.label
                if e.label in LABELS and _unknown(text[s:t]):  # "Mississippi State", "north west London"
                    out.update(((s + a, s + b), "GPE") for a, b in inner_places(text[s:t]))
            elif _town(text[s:t]) and (_dateline(text, s, t) or (e.label in ("ORG", "NORP") and _cued(text, s, t, 3))):
                out[(s, t)] = "GPE"  # "BEIRUT (AP)", "in Parkers Prairie" tagged an organisation
            elif e.label != "PERSON":  # "Jordan" of a person's name is the person
                out.update(
                    ((s + a, s + b), "GPE") for a, b in inner_places(text[s:t]) if text[s + a : s + b] not in person
                )
            elif _cued(text, s, t):
                out[(s, t)] = "GPE"  # "a home nearby in Riverdale", tagged a person
    out.update((span, "GPE") for span in _untagged(text, covered))
    out.update(_county_lists(text))
    out.update((span, "GPE") for span in _repeated(text, out, entities))
    surnames, firsts = named if named is not None else named_people(text, entities)
    return sorted(
        (s, t, label)
        for (s, t), label in out.items()
        if text[s:t] not in surnames and (s, t) not in firsts and not _A_WORK.match(text, t)
    )


# A name that titles a work: "a Batman movie" is no Batman, Turkey.
_A_WORK = re.compile(
    r"\s+(?:movies?|films?|franchise|comics?|character|video\s+games?|novels?|trilogy|sequels?|musical)\b", re.I
)


# Two capitalised words, the second ending the name: "Esteban Santiago," (not "George Washington University").
_PAIR = re.compile(r"\b([A-Z][a-z]+) ([A-Z][a-z]+)\b(?![ ]+[A-Z0-9]|[-'’][A-Z])")
# Words after a first name that make the pair a place's or an office's name: "Aurora Police", "Florence Cathedral".
NOT_SURNAMES = LOCAL_WORDS | {d for d in CALENDAR if d.endswith("day")} | {
    "police", "county", "city", "town", "township", "mayor", "gov", "governor", "sheriff", "fire", "council",
    "state", "residents", "officials", "democrats", "republicans", "beach", "valley", "springs", "falls", "lake",
    "river", "bay", "hills", "area", "metro", "public", "high", "garden", "gardens", "memorial", "international",
}  # fmt: skip
COMMON_NAME = 4  # gender-guesser's frequency scale (1 rare .. 13): "Theresa" and "Esteban" are common names


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """Given names common in some country (gender-guesser's dictionary, data only)."""
    from importlib.resources import files

    out = set()
    with files("gender_guesser").joinpath("data/nam_dict.txt").open(encoding="utf-8") as f:
        for line in f:
            if line[0] in "#=":
                continue
            name, freq = line.split()[1], line[30:-1]
            if re.fullmatch(r"[A-Z][a-z]+", name) and any(int(c, 16) >= COMMON_NAME for c in freq if c.isalnum()):
                out.add(name)
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(n for n in out if n.lower() not in STOP_WORDS)  # "The", "Will": words first


def as_people(entities: list[Entity], named: tuple[set[str], set[tuple[int, int]]]) -> list[Entity]:
    """The entities the tagger labelled a place or an organisation that are a person's name by `named` (of
    `named_people`), labelled PERSON and joined to the person of that name ("Santiago", an ORG twice and a
    PERSON thrice, is one person), so no later step takes them for a place or a country's capital."""
    surnames, firsts = named
    if not surnames and not firsts:
        return entities
    merged: dict[str, Entity] = {}
    for e in entities:
        if e.label != "PERSON" and (e.name in surnames or all(m in firsts for m in e.mentions)):
            e = dataclasses.replace(e, label="PERSON", id=entity_id("PERSON", e.name))
        if e.id in merged:
            e = dataclasses.replace(merged[e.id], mentions=tuple(sorted(set(merged[e.id].mentions) | set(e.mentions))))
        merged[e.id] = e
    return list(merged.values())


def named_people(text: str, entities: list[Entity]) -> tuple[set[str], set[tuple[int, int]]]:
    """A person's name the tagger took for a place, where a common first name and a surname the article also
    uses alone make it: the surname everywhere ("Esteban Santiago, 26", then "Santiago arrived": no Chilean
    capital) and the first name beside it ("Theresa May", then "for May": no Wisconsin village). A country's or
    state's name is neither ("Michael Jordan" leaves Jordan to the parser)."""
    firsts = first_names()
    spans = [(s, t) for e in entities if e.label != "PERSON" for s, t in e.mentions]
    surnames: set[str] = set()
    at: set[tuple[int, int]] = set()
    for m in _PAIR.finditer(text):
        first, last = m.group(1), m.group(2)
        if (
            first not in firsts
            or last.lower() in NOT_SURNAMES
            or any(s < m.end() and m.start() < t and (s, t) not in (m.span(1), m.span(2)) for s, t in spans)
            or not re.search(rf"(?<!{first} )\b{last}\b", text)
            or gazetteer().country(last)  # "Pro Russian": a people's name, whoever's before it
            or any(
                r.level <= 1 or (r.level == 2 and r.population >= BIG_REGION)
                for w in (first, last)
                for r in place_index().lookup(w)
            )
        ):
            continue
        surnames.add(last)
        # the first name wherever the pair is written, in a title's capitals too ("How Theresa May Won")
        at.update((p.start(), p.start() + len(first)) for p in re.finditer(rf"\b{first} {last}\b", text))
    return surnames, at


_LIST_END = re.compile(r"\b(?:counties|parishes)\b")
_ITEM = re.compile(rf"({_WORD}(?: {_WORD})?)(?:,? and |,? or |, )?$")


def _county_lists(text: str) -> dict[tuple[int, int], str]:
    """ "Becker, Clay and Otter Tail counties": each name a county, labelled "GPE+ County" so that it
    resolves as "Becker County"."""
    out = {}
    for m in _LIST_END.finditer(text):
        word = " County" if m.group() == "counties" else " Parish"
        end = m.start() - 1
        while end > 0 and (item := _ITEM.search(text, max(0, end - 40), end)):
            name = item.group(1)
            if not place_index().lookup(name + word):
                break
            out[(item.start(1), item.end(1))] = "GPE+" + word
            end = item.start()
    return out


def _repeated(text: str, found: dict, entities: list[Entity]) -> list[tuple[int, int]]:
    """One sense per article: a name tagged a place (GPE or LOC) is that place where else the article
    writes it, inside an organisation's name ("Mansfield Police Department"), tagged a person ("Alexandria")
    or untagged; never inside a person's longer name ("Stephen F. Austin")."""
    tagged = Counter(text[s:t] for (s, t), label in found.items() if label in ("GPE", "LOC"))
    person = Counter(text[s:t] for e in entities if e.label == "PERSON" for s, t in e.mentions)
    # a name tagged a person more often than a place ("Noma") is the person's
    names = {n for n, k in tagged.items() if n[:1].isupper() and len(n) >= 4 and k >= person[n] and _town_or_region(n)}
    if not names:
        return []
    people = [(s, t) for e in entities if e.label == "PERSON" for s, t in e.mentions if " " in text[s:t].strip()]
    taken = list(found)
    pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(names, key=len, reverse=True))) + r")\b")
    out = []
    for m in pattern.finditer(text):
        span = m.span()
        if not any(s < span[1] and span[0] < t for s, t in taken + people):
            out.append(span)
    return out


def _town_or_region(name: str) -> bool:
    f = fold(name)
    return f not in GENERIC and bool(place_index().lookup(name) or gazetteer().country(name))


# A natural feature named after a place is not that place ("Mississippi River").
NATURAL = {"river", "lake", "lakes", "mountains", "mountain", "sea", "bay", "gulf", "ocean", "island", "islands",
           "valley", "canal", "creek", "falls", "peninsula", "desert", "forest", "coast", "strait", "basin"}  # fmt: skip


def _unknown(name: str) -> bool:
    """A name the gazetteer lacks, and no natural feature's."""
    words = name.lower().split()
    return not place_index().lookup(name) and not gazetteer().country(name) and words[-1] not in NATURAL


def _is_place(label: str, name: str) -> bool:
    if label in LABELS:
        return True
    if label == "NORP":
        return demonym(name) or region_demonym(name) is not None
    # "Canada" or "EU" tagged an ORG in many sentences, "Tamil Nadu" a person; one word ("Jordan") is as
    # often a person's name
    return (label == "ORG" or (label == "PERSON" and " " in name.strip())) and named(name)


_DEMONYM_ENDS = ("ians", "ans", "ns", "ers", "ian", "an", "n", "er")


def region_demonym(text: str) -> str | None:
    """The region a people of a region are named after: "Ohioans", "Minnesotans", "Texan", "New Yorkers"."""
    f = fold(text)
    for end in _DEMONYM_ENDS:
        if f.endswith(end) and len(f) > len(end) + 3:
            base = f[: -len(end)]
            for form in (base, base + "a", base + "s", base + "o", base + "y"):
                if any(r.level == 2 and fold(r.name) == form for r in place_index().lookup(form)):
                    return form
    return None


def demonym(text: str) -> bool:
    return gazetteer().demonym(text) is not None or text in CONTINENT_DEMONYMS.values()


def named(name: str) -> bool:
    """A country's, region's or continent's name."""
    if gazetteer().country(name):
        return True
    f = fold(name)
    # a macroregion by any of its names ("EU"); a region by its own ("Georgia", not "Ga." of a team)
    return any(r.level < 3 and (r.level == 0 or fold(r.name) == f) for r in place_index().lookup(name))


def inner_places(name: str) -> list[tuple[int, int]]:
    """Spans inside an entity's name that are a country, region, continent, demonym or big city, the
    longest first; none for a name that is only a place (the rules on whole names decide that)."""
    return [
        (s, t)
        for s, t in _strong_spans(name, 0, len(name))
        if (s, t) != _trimmed(name) and not _FEATURE_AFTER.match(name, t)
    ]


# A place's name followed by a landform's word names another place: the "Mandalay" of "Mandalay Bay Resort"
# is no city in Myanmar, the "Virginia" of "Virginia Beach Police" no state.
_FEATURE_AFTER = re.compile(
    r"\s+(?:Bay|Beach|Lake|River|Springs|Falls|Valley|Hills|Island|Islands|Creek|Harbor|Harbour|Heights|Point)\b"
)


def _trimmed(name: str) -> tuple[int, int]:
    m = re.match(r"^(?:The\s+)?(.*?)\s*$", name, re.S)
    return (m.start(1), m.end(1)) if m else (0, len(name))


def _strong_spans(text: str, lo: int, hi: int, cities: bool = True) -> list[tuple[int, int]]:
    out = []
    for run in _RUN.finditer(text, lo, hi):
        if not cities and " " in run.group() and run.group().isupper():
            continue  # a headline or byline in capitals ("BY CHAD KLIMACK")
        words = [(w.start() + run.start(), w.end() + run.start()) for w in re.finditer(r"\S+", run.group())]
        i = 0
        while i < len(words):
            span = next(filter(None, (_strong_at(text, words[i][0], words[i + n - 1][1], cities)
                                      for n in range(min(MAX_WORDS, len(words) - i), 0, -1))), None)  # fmt: skip
            if span:
                out.append(span)
                i = next(j for j in range(i, len(words) + 1) if j == len(words) or words[j][0] >= span[1])
            else:
                i += 1
    return out


def _strong_at(text: str, s: int, t: int, cities: bool) -> tuple[int, int] | None:
    """(s, t), or (s, t - 1) without a sentence's full stop ("from Vietnam."), when that names a place."""
    if strong(text[s:t], cities):
        return s, t
    end = t - len(text[s:t]) + len(text[s:t].rstrip(".,'’"))
    return (s, end) if end < t and strong(text[s:end], cities) else None


@lru_cache(maxsize=1 << 15)
def strong(name: str, cities: bool = True) -> bool:
    """A name that is a place wherever it is written: a country (by name; a short one only in capitals),
    a demonym, a continent, a region that is no compass word, or a city of BIG_CITY people or more."""
    f = fold(name)
    if name.lower().startswith("the ") or len(f) < 4 and not (name.isupper() and len(f) >= 2) or f in GENERIC:
        return False
    g = gazetteer()
    if f in g.names or demonym(name):
        return True
    if len(f) < 4:  # "EU"; a state's postal code ("IN", "PA") only as a qualifier
        return any(r.level == 0 for r in place_index().lookup(name))
    # a region by any of its names ("N.J."), a city only by its own
    return any((r.level < 3 or fold(r.name) == f) and _big(r, cities, " " in f) for r in place_index().lookup(name))


def _big(r, cities: bool, words: bool) -> bool:
    if r.level < 2:
        return True
    if r.level == 2:
        return words or r.population >= BIG_REGION
    return cities and r.population >= BIG_CITY


def _untagged(text: str, covered: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Places in the stretches of text no entity covers."""
    out = []
    edges = sorted(covered)
    pos = 0
    for s, t in [*edges, (len(text), len(text))]:
        if s > pos:
            out += _strong_spans(text, pos, s, cities=False) + _towns(text, pos, s)
        pos = max(pos, t)
    return out


def _towns(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """Towns of any size that a cue marks: "Columbus, Ohio", a dateline, "in Douma"."""
    out = []
    for run in _RUN.finditer(text, lo, hi):
        s, t = run.span()
        t = s + len(run.group().rstrip(".,'’"))
        if _town(text[s:t]) and (_qualified(text, t) or _dateline(text, s, t) or _cued(text, s, t)):
            out.append((s, t))
    return out


def _town(name: str) -> bool:
    f = fold(name)
    return len(f) >= 4 and f not in GENERIC and any(r.level == 3 for r in place_index().lookup(name))


def _qualified(text: str, end: int) -> bool:
    m = _QUALIFIED.match(text[end : end + 40])
    if not m:
        return False
    name = m.group(1)
    return _strong_at(name, 0, len(name), False) is not None or any(r.level == 2 for r in place_index().lookup(name))


def _dateline(text: str, start: int, end: int) -> bool:
    """A town in capitals opening a line: "BEIRUT (AP) —", "COLUMBUS, Ohio"."""
    at_line_start = start == 0 or text[start - 1] == "\n"
    return at_line_start and text[start:end].isupper() and bool(_DATELINE_END.match(text[end : end + 3]))


def _cued(text: str, start: int, end: int, words: int = 1) -> bool:
    """A name of `words` words or fewer after "in", "near" or "outside", that no date or possessive follows."""
    short = len(text[start:end].split()) <= words and fold(text[start:end]) not in CALENDAR
    return short and bool(_CUE.search(text[max(0, start - 10) : start])) and not _AFTER_CUED.match(text[end : end + 3])
