"""A name the model tags PERSON that the article says is a place, a facility or a company gets that label.

The evidence, strongest first: the name itself ends in a company suffix ("Inc.", "Corp") or a place or
facility word ("Valley", "Dam"); the word after it is one ("the Orvin dam", "the Kessel valley"); an
apposition says what it is ("Orvin Hydro, the company that ..."); the model's own labels for the same name
elsewhere in the article outvote PERSON; the gazetteer knows it as a country or capital and a preposition
of place stands before it ("in Jordan"). A full name with a title ("Ms", "Gen.") is left a person.
"""

from __future__ import annotations

import re
from collections import Counter

ORG_SUFFIXES = {
    "inc", "corp", "corporation", "co", "ltd", "llc", "plc", "gmbh", "ag", "sa", "nv", "lp", "llp", "holdings",
    "group", "bank", "airlines", "airways", "motors", "industries", "technologies", "pharmaceuticals",
    "partners", "capital", "energy", "hydro", "mining", "telecom", "media", "foundation", "institute",
    "university", "college", "association", "council", "party", "fc",
}  # fmt: skip
# What a name before these words names: the facility or the place, not a person.
FACILITY_WORDS = {
    "dam", "bridge", "airport", "station", "stadium", "reservoir", "barrage", "plant", "mine", "prison",
    "hospital", "base", "port", "harbour", "harbor", "canal", "tower", "highway", "motorway", "pipeline",
}  # fmt: skip
PLACE_WORDS = {
    "valley", "river", "canyon", "creek", "mountains", "mountain", "peninsula", "gorge", "basin", "delta",
    "desert", "glacier", "plateau", "province", "county", "district", "region", "island", "islands",
}  # fmt: skip
COMPANY_NOUNS = {
    "company", "firm", "operator", "utility", "insurer", "lender", "retailer", "manufacturer", "maker",
    "carrier", "airline", "conglomerate", "startup", "developer", "contractor", "supplier", "producer",
    "subsidiary", "giant", "group", "bank",
}  # fmt: skip
PLACE_NOUNS = {"village", "town", "city", "region", "province", "district", "valley", "river", "state", "country"}
_APPOSITION = re.compile(r"^,\s+(?:the|a|an|its)\s+(?:[\w-]+\s+){0,3}?(\w+)\b", re.I)
_NEXT_WORD = re.compile(r"^\s+(\w+)")
_PLACE_PREPOSITION = re.compile(r"\b(?:in|into|from|across|near|outside|throughout|to)\s+(?:the\s+)?$", re.I)
_TITLED = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr|Prof|Sir|Dame|Gen|Col|Colonel|Lt|Sgt|Capt|Sen|Rep|Gov)\.?\s+$")


def _word_label(word: str) -> str | None:
    w = word.lower().rstrip(".")
    if w in FACILITY_WORDS:
        return "FAC"
    if w in PLACE_WORDS:
        return "LOC"
    return None


def _from_name(name: str) -> str | None:
    last = re.findall(r"[\w.]+", name)[-1].lower().rstrip(".")
    if last in ORG_SUFFIXES and len(name.split()) > 1:
        return "ORG"
    return _word_label(last) if len(name.split()) > 1 else None


def _from_context(text: str, start: int, end: int) -> str | None:
    after = text[end : end + 80]
    if (m := _NEXT_WORD.match(after)) and (label := _word_label(m.group(1))):
        return label
    if m := _APPOSITION.match(after):
        noun = m.group(1).lower()
        if noun in COMPANY_NOUNS:
            return "ORG"
        if noun in PLACE_NOUNS:
            return "GPE" if noun in {"village", "town", "city", "state", "country"} else "LOC"
    return None


def _gazetteer_place(text: str, start: int, name: str) -> str | None:
    from ..reconcile.gazetteer import gazetteer  # countries and capitals, a table read once

    if _PLACE_PREPOSITION.search(text[max(0, start - 20) : start]) and gazetteer().country(name, capitals=True):
        return "GPE"
    return None


def corrected_labels(text: str, spans: list[tuple[int, int, str]]) -> list[str]:
    """The label of each (start, end, model label) span, a PERSON that the evidence says is not one changed.

    Every mention of a name gets the label its strongest evidence gives, so the mentions stay one entity."""
    others: dict[str, Counter] = {}
    for s, e, label in spans:
        others.setdefault(text[s:e], Counter())[label] += 1
    verdict: dict[str, str] = {}
    for s, e, label in spans:
        name = text[s:e]
        if label != "PERSON" or _TITLED.search(text[max(0, s - 12) : s]) or name in verdict:
            continue
        found = _from_name(name) or _from_context(text, s, e) or _gazetteer_place(text, s, name)
        if found is None:
            votes = others[name]
            top, n = max(
                ((lab, k) for lab, k in votes.items() if lab != "PERSON"), key=lambda t: t[1], default=(None, 0)
            )
            found = top if top and n > votes["PERSON"] else None
        if found:
            verdict[name] = found
    return [verdict.get(text[s:e], label) if label == "PERSON" else label for s, e, label in spans]
