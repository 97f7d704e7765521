"""Countries by every name the news gives them: pycountry's names and codes, plus `data/countries.tsv`
(demonyms, capitals, short names such as "DRC" or "UK"), and the government bodies whose names vary
("the defence ministry" = "Ministry of the Armed Forces").

`Gazetteer` is built once (`gazetteer()` caches it) and is read-only afterwards.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import pycountry

_THE = re.compile(r"^the\s+", re.I)
_SPACE = re.compile(r"\s+")


@lru_cache(maxsize=1 << 16)  # the same few thousand names come back in every article
def fold(text: str) -> str:
    """Case-, accent- and space-insensitive form; a leading "the" and a possessive 's are dropped."""
    t = text
    if not t.isascii():
        t = unicodedata.normalize("NFKD", t)
        t = "".join(c for c in t if not unicodedata.combining(c)).replace("’", "'")
    t = _SPACE.sub(" ", t).strip(' \t\n"“”,;:()')
    t = re.sub(r"'s?$", "", t)
    return _THE.sub("", t).lower()


def _inverted(name: str) -> str:
    """pycountry's "Congo, The Democratic Republic of the" -> "The Democratic Republic of the Congo"."""
    if ", " not in name:
        return name
    head, tail = name.split(", ", 1)
    return f"{tail} {head}" if tail.split()[-1].lower() in {"of", "the"} else name


# Government bodies named by what they are for: each domain lists the words that name it.
DOMAINS = {
    "defence": (
        "defence",
        "defense",
        "armed forces",
        "war",
        "national defence",
        "national defense",
        "defence and veterans affairs",
    ),
    "foreign affairs": (
        "foreign affairs",
        "foreign",
        "external affairs",
        "europe and foreign affairs",
        "foreign and commonwealth affairs",
        "foreign, commonwealth and development affairs",
    ),
    "interior": ("interior", "home affairs", "internal affairs", "home"),
    "health": ("health", "public health", "health and social care", "health and human services"),
    "finance": ("finance", "treasury", "finance and economy", "economy and finance"),
    "justice": ("justice", "law"),
    "education": ("education", "national education"),
    "energy": ("energy",),
    "agriculture": ("agriculture",),
    "transport": ("transport", "transportation"),
    "environment": ("environment", "ecology"),
    "trade": ("trade", "commerce"),
    "emergencies": ("emergency situations", "emergencies", "civil protection"),
}
_BODY = r"(?:ministry|ministries|department|office)"
# Bodies with a name of their own: (country, domain).
NAMED_BODIES = {
    "pentagon": ("USA", "defence"),
    "state department": ("USA", "foreign affairs"),
    "department of state": ("USA", "foreign affairs"),
    "home office": ("GBR", "interior"),
    "foreign office": ("GBR", "foreign affairs"),
    "quai d'orsay": ("FRA", "foreign affairs"),
    "department of homeland security": ("USA", "interior"),
    "ministry of the armed forces": (None, "defence"),
}
# Country names that are also something else the news often means (a US state): a country only when its
# article also uses one of these words.
AMBIGUOUS = {
    "georgia": ("tbilisi", "georgian", "caucasus", "abkhazia", "ossetia", "saakashvili", "georgian dream"),
}
# ... unless it also names the other one's places: "Georgians" vote in Atlanta too.
_AMBIGUOUS_AGAINST = {"georgia": re.compile(r"\b(?:atlanta|savannah|macon|augusta|peach state|ga\.)")}


def ambiguous_country(name: str, text: str) -> bool:
    """Whether a country's name that is also something else ("Georgia") is not the country in `text` (lower
    case): no word of the country's in it, or a word of the other's ("the Georgia State Capitol in Atlanta")."""
    f = fold(name)
    if f not in AMBIGUOUS:
        return False
    against = _AMBIGUOUS_AGAINST.get(f)
    return not any(c in text for c in AMBIGUOUS[f]) or bool(against and against.search(text))


# Organisations that belong to a state: a country word before them makes them that state's ("French army").
# The body is the head of the name ("U.S. Senate", "Police Department"), not a word inside it
# ("Military Religious Freedom Foundation").
STATE_BODIES = re.compile(
    r"\b(?:ministry|ministries|department|army|navy|air force|military|armed forces|police|government|"
    r"parliament|embassy|cabinet|presidency|coast guard|central bank|intelligence|security service|"
    r"national guard|border guard|senate|congress|supreme court|foreign office|home office)$",
    re.I,
)


@dataclass
class Gazetteer:
    names: dict[str, str] = field(default_factory=dict)  # folded name or code -> alpha-3
    demonyms: dict[str, str] = field(default_factory=dict)
    capitals: dict[str, str] = field(default_factory=dict)
    display: dict[str, str] = field(default_factory=dict)  # alpha-3 -> name to show
    adjective: dict[str, str] = field(default_factory=dict)  # alpha-3 -> first demonym
    codes: dict[str, str] = field(default_factory=dict)  # "COD", "CD" (as written, upper case) -> alpha-3

    def country(self, text: str, capitals: bool = False) -> str | None:
        """The alpha-3 of a country named by `text` (name, code, short name, demonym; capital if asked)."""
        if text.strip() in self.codes:
            return self.codes[text.strip()]
        f = fold(text)
        if f in self.names:
            return self.names[f]
        if "." in f and (bare := f.replace(".", "")) in self.names:  # "U.S" as the NER leaves it
            return self.names[bare]
        d = self.demonym(text)
        if d:
            return d
        return self.capitals.get(f) if capitals else None

    def demonym(self, text: str) -> str | None:
        f = fold(text)
        if f in self.demonyms:
            return self.demonyms[f]
        for suffix in ("s", "es"):  # "Afghans", "Congolese" stays itself
            if f.endswith(suffix) and f[: -len(suffix)] in self.demonyms:
                return self.demonyms[f[: -len(suffix)]]
        return None

    def name(self, alpha3: str) -> str:
        return self.display.get(alpha3, alpha3)

    def split_country(self, text: str) -> tuple[str | None, str]:
        """("FRA", "defence ministry") from "French defence ministry", "France's defence ministry" or
        "defence ministry of France"; (None, text) when no country leads or ends it."""
        words = text.split()
        for n in range(min(5, len(words) - 1), 0, -1):
            head, rest = " ".join(words[:n]), " ".join(words[n:])
            bare = re.sub(r"['’]s?$", "", head)
            if bare != head:  # a possessive: "France's"
                a3 = self.country(bare)
            else:  # "French", "Ukraine", "US"
                a3 = self.demonym(head) or self.names.get(fold(head))
            if a3:
                return a3, rest
        m = re.match(r"^(.*\S)\s+(?:of|in)\s+(?:the\s+)?(.+)$", text)
        if m and (a3 := self.country(m.group(2))) and self.demonym(m.group(2)) is None:
            return a3, m.group(1)
        return None, text


def _load() -> Gazetteer:
    g = Gazetteer()
    for c in pycountry.countries:
        a3 = c.alpha_3
        forms = {
            c.name,
            _inverted(c.name),
            getattr(c, "official_name", None) or c.name,
            getattr(c, "common_name", None) or c.name,
        }
        for form in forms:
            g.names.setdefault(fold(form), a3)
        g.codes[c.alpha_3] = a3  # not alpha-2: "LA", "GA", "IN" are far more often something else
        g.display[a3] = getattr(c, "common_name", None) or _inverted(c.name).removeprefix("The ")
    data = resources.files(__package__).joinpath("data", "countries.tsv").read_text(encoding="utf-8")
    for line in data.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        a3, demonyms, capitals, aliases = (line.split("\t") + ["", "", ""])[:4]
        for d in filter(None, demonyms.split("|")):
            g.demonyms.setdefault(fold(d), a3)
            g.adjective.setdefault(a3, d)
        for cap in filter(None, capitals.split("|")):
            g.capitals.setdefault(fold(cap), a3)
        for al in filter(None, aliases.split("|")):
            g.names[fold(al)] = a3  # the file's short names win over pycountry's rarer forms
            if al.isupper() and "." not in al:
                g.codes.setdefault(al, a3)
        if a3 not in g.display and aliases:
            g.display[a3] = aliases.split("|")[0]
    return g


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    return _load()


def government_body(text: str) -> str | None:
    """ "ministry-of-defence" for "defence ministry", "Ministry of the Armed Forces", "Defense Department";
    None when `text` is not a ministry of a known domain."""
    f = fold(text)
    if f in NAMED_BODIES:
        return "ministry-of-" + NAMED_BODIES[f][1].replace(" ", "-")
    if not re.search(rf"\b{_BODY}\b", f):
        return None
    rest = re.sub(rf"\b{_BODY}\b|\b(?:of|for|the|and)\b", " ", f)
    rest = _SPACE.sub(" ", rest).strip()
    best = None
    for domain, words in DOMAINS.items():
        for w in words:
            if rest == w or (len(w) > 4 and re.search(rf"\b{re.escape(w)}\b", rest)):
                if best is None or len(w) > best[1]:
                    best = (domain, len(w))
    return "ministry-of-" + best[0].replace(" ", "-") if best else None


def named_body_country(text: str) -> str | None:
    """The country a body with a name of its own belongs to ("Pentagon" -> USA)."""
    hit = NAMED_BODIES.get(fold(text))
    return hit[0] if hit else None
