"""Figures: the claims about one quantity, from every source that gave one, side by side.

A claim joins a figure when it has the same measure (casualties and killed are different figures, never
merged), the same canonical counted group ("Congolese troops" = "Congolese soldiers", "civilians" =
"people"), the same story, and a compatible time: reported within `WINDOW_DAYS` of the figure's reports.
Without stories (no `stories` step in this ledger, or an article in none) the story is replaced by shared
named entities: the claim's article must share with the figure's articles a place, facility, event or person that
few articles name (at most `RARE_SHARE` of the ledger's articles, or `RARE_MIN`: "the Orvin dam", not
"Washington"). Countries are too broad to tie two reports, organisations too often the outlet or agency.

A statement is one source giving one value. The same source repeating the same value in another article,
or a syndicated copy of an article (`dedup.original_of`), is one statement with several mentions. An
unattributed claim is its outlet's (a URL's host, a feed's outlet name; the original's, for a copy), or its
article's own when the article came from a file. Only counts are figures: claims with a measure, no unit, no
change ("rose by 5") and a whole value.

Low / best / high (docs/figures.md):
  low   the lowest lower bound any statement gives (UCDP's low: the lowest estimate reported)
  high  the highest upper bound any statement gives (an open "more than 200" counts as 200)
  best  the median of each independent source's latest value, the lower middle when the count is even.
        Sources revise tolls as counting goes on, so each source's latest word is its estimate; one vote
        per source, so a source repeating itself or a syndicated copy adds no weight; the median takes
        the side of neither the lowest (often an official count of bodies found) nor the highest (often
        an advocate's); the lower middle, and a range's low end, keep it on the conservative side (ACLED).
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from statistics import median_low
from urllib.parse import urlparse

from ..errors import NotFound
from ..extract.attribution.lexicon import PERSON_NOUNS
from ..extract.entities import LABELS as ENTITY_LABELS
from ..extract.entities import entity_id
from ..extract.measures import PEOPLE, THING_MEASURES
from ..extract.numbers import VAGUE
from ..models import MEASURES, Figure, FigureClaim, Mention  # noqa: F401 (re-exported)
from ..store import Ledger, progress
from ..store import entities as entity_store
from ..store import figures as store
from ..store import stories as story_store
from ..store.figures import ClaimRow, list_figures  # noqa: F401 (re-exported: the CLI, API and pages list by it)
from . import dedup, incidents, parties
from .gazetteer import fold, gazetteer
from .geonames import AP_STATES, place_index

# Words for people (the extractors' lexicons, data only), and faiths and peoples that no demonym names.
PEOPLE_WORDS = (
    frozenset(PEOPLE)
    | PERSON_NOUNS
    | {
        "muslim",
        "muslims",
        "jew",
        "jews",
        "christian",
        "christians",
        "hindu",
        "hindus",
        "sikh",
        "sikhs",
        "buddhist",
        "buddhists",
        "shiite",
        "shiites",
        "sunni",
        "sunnis",
        "kurd",
        "kurds",
        "arab",
        "arabs",
        "yazidi",
        "yazidis",
        "rohingya",
        "uighur",
        "uighurs",
        "uyghur",
        "uyghurs",
        "copt",
        "copts",
        "alawite",
        "alawites",
        "druze",
        "citizen",
        "citizens",
        "national",
        "nationals",
        "resident",
        "residents",
        "adult",
        "adults",
        "fan",
        "fans",
    }
)

STEP = "figures"
WINDOW_DAYS = 14
RARE_SHARE = 0.01
RARE_MIN = 10
ANCHOR_LABELS = ("GPE", "LOC", "FAC", "EVENT", "PERSON")
TOP_ANCHORS = 4  # an article's most named anchors that tell its incident apart (across stories)
STORY_ANCHORS = 10  # within a story, where the story already ties the articles: a wider look
_LIST_HEAD = re.compile(
    r"^\s*(?:[\w ]+?(?:shooting|attack|bombing|massacre),\s+)?(?P<place>(?!(?:in|at|on|from|by|for|after|before|during)\s)(?-i:[A-Z])[\w.'-]+(?:\s+(?-i:[A-Z])[\w.'-]+){0,2}),"
    r"\s+(?-i:[A-Z])[\w.'-]+(?:\s+(?-i:[A-Z])[\w.'-]+){0,2}(?:,\s+(?-i:[A-Z]{2,3}))?\s+(?-i:[A-Z0-9])",
    re.I,
)
SPAN_WINDOWS = 3  # a figure takes reports up to this many windows after its first (a toll still rising)
EVENT_GAP_DAYS = 3  # an incident the sentence dates this long before its report is another, earlier one
DATED_DAYS = 6  # a day a count's own sentence gives within the week before its report dates its incident
LEDE = 400  # characters: an article's opening, where it says where its own incident happened
# A figure is shown once a claim founds it: a count where news reports its own incident, in the opening
# paragraphs (the inverted pyramid) or in a sentence dated to the report's days, and not quoted. Deeper,
# undated counts are mostly background, tallies and other incidents (eleven hand audits, docs/figures.md:
# 0.38 right, against 0.62 in the opening and 0.72 when dated); they join a figure, they found none.
FOUNDING_LEDE = 1200
TOWN_MIN = 3  # mentions: an article's one town, where no sentence of a figure names its place
ANOTHER_COUNT = store.ANOTHER_COUNT  # the incident of a second value from one party in one report (never shown)

# Counted words -> the group they count. Anything else is its own group (by its head noun, singular).
GROUPS = {
    "people": (
        "people",
        "person",
        "persons",
        "civilian",
        "civilians",
        "individual",
        "individuals",
        "resident",
        "residents",
        "villager",
        "villagers",
        "inhabitant",
        "inhabitants",
        "death",
        "deaths",
        "fatality",
        "fatalities",
        "victim",
        "victims",
        "body",
        "bodies",
        "life",
        "lives",
        "dead",
        "casualty",
        "casualties",
        "injury",
        "injuries",
        "wounded",
        "injured",
        "toll",
        "death toll",
        # who was there: the crowd an attack struck
        "worshipper",
        "worshippers",
        "worshiper",
        "worshipers",
        "congregant",
        "congregants",
        "parishioner",
        "parishioners",
        "churchgoer",
        "churchgoers",
        "concertgoer",
        "concertgoers",
        "shopper",
        "shoppers",
        "pilgrim",
        "pilgrims",
        "mourner",
        "mourners",
        "bystander",
        "bystanders",
        "patron",
        "patrons",
        "guest",
        "guests",
        "attendee",
        "attendees",
        "passenger",
        "passengers",
        "spectator",
        "spectators",
    ),
    "soldiers": (
        "soldier",
        "soldiers",
        "troop",
        "troops",
        "serviceman",
        "servicemen",
        "servicewoman",
        "service members",
        "service member",
        "servicemembers",
        "military personnel",
        "army personnel",
        "personnel",
    ),
    "children": ("child", "children", "kid", "kids", "minor", "minors", "boy", "boys", "girl", "girls"),
    "police officers": (
        "police officer",
        "police officers",
        "policeman",
        "policemen",
        "police",
        "officer",
        "officers",
        "policewoman",
        "policewomen",
    ),
    "fighters": ("fighter", "fighters", "militant", "militants", "insurgent", "insurgents", "rebel", "rebels"),
    "migrants": ("migrant", "migrants", "refugee", "refugees", "asylum seeker", "asylum seekers"),
}
_GROUP_OF = {w: g for g, ws in GROUPS.items() for w in ws}
# Those who did it: never a part of their victims' toll ("one attacker captured alive" of the hostages taken).
PERPETRATORS = frozenset(
    "attacker gunman terrorist assailant suspect shooter bomber hijacker perpetrator kidnapper captor".split()
)
_LEADING = re.compile(r"^(?:the|a|an|some|other|more|at least|about|of|those|these|all|its|their)\s+", re.I)


# -- what a claim counts -----------------------------------------------------------------------------


def _singular(word: str) -> str:
    for end, rep in (("ies", "y"), ("men", "man"), ("ses", "s"), ("s", "")):
        if word.endswith(end) and len(word) > len(end) + 2 and not word.endswith("ss"):
            return word[: -len(end)] + rep
    return word


# Personnel of a civil service: "disaster-relief and rescue personnel", "medical personnel" are no soldiers.
_CIVIL_PERSONNEL = re.compile(
    r"\b(?:relief|rescue|medical|aid|emergency|health|humanitarian|hospital|embassy|diplomatic|civilian|"
    r"nursing|fire|firefighting|disaster)\b[\w\s-]{0,30}\bpersonnel$",
    re.I,
)

# Personnel named by a body that is no country: "Amtrak personnel" (but "Iraqi personnel", "Navy personnel").
_NAMED_PERSONNEL = re.compile(r"\b(?P<name>[A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*){0,2})\s+personnel$")
_MILITARY_NAME = re.compile(
    r"\b(?:Army|Navy|Air Force|Marines?|Marine Corps|Coast Guard|National Guard|Guard|Defense|Defence|NATO|UN|U\.N\.|"
    r"Military|Special|Security|Pentagon|Forces?|Service|Services)\b"
)


def counted_group(counted: str | None) -> tuple[str, str | None]:
    """(group, country alpha-3) of a counted phrase: "Congolese troops" -> ("soldiers", "COD")."""
    if not counted:
        return "people", None
    if fold(counted) in ("other", "others", "more"):
        return "people", None  # "202 others"
    if _CIVIL_PERSONNEL.search(counted):  # "disaster-relief and rescue personnel": no soldiers
        return "personnel", gazetteer().split_country(counted.strip())[0]
    if (m := _NAMED_PERSONNEL.search(counted)) and not gazetteer().split_country(counted.strip())[0]:
        if not _MILITARY_NAME.search(m.group("name")):
            return "personnel", None  # "two Amtrak personnel": a company's staff, no soldiers
    if re.search(r"\b(?:and|or)\b", counted):  # "children and adolescents": children; "teens and educators"
        groups = {counted_group(p)[0] for p in re.split(r"\s*\b(?:and|or)\b\s*|,\s*", counted) if p.strip()}
        known = groups & set(GROUPS)
        return (known.pop() if len(known) == 1 else "people"), None
    text = counted.strip()
    while m := _LEADING.match(text):  # "other Americans", "the Congolese troops"
        text = text[m.end() :]
    if a3 := gazetteer().demonym(text):  # "Americans", "four Congolese"
        return "people", a3
    a3, rest = gazetteer().split_country(text)
    text = fold(rest)
    while m := _LEADING.match(text):
        text = text[m.end() :]
    if text in _GROUP_OF:
        return _GROUP_OF[text], a3
    words = text.split()
    for n in range(min(3, len(words)), 0, -1):  # the head is at the end: "Kessel valley residents"
        tail = " ".join(words[-n:])
        if tail in _GROUP_OF:
            return _GROUP_OF[tail], a3
    return (_singular(words[-1]) if words else "people"), a3


_PERSON_SUFFIX = re.compile(r"(?:er|or|ist|ian|ant|ent|man|men|woman|women|person|people|ee|ite|ic|ar)s?$")


def _with_plurals(words: str) -> frozenset[str]:
    return frozenset(w + s for w in words.split() for s in ("", "s"))


# Writings and records, whatever their suffix: "screen captures of three tweets", "408,000 arrest warrants"
WRITINGS = _with_plurals(
    "tweet post email message letter document file photo image video warrant ticket citation call complaint "
    "report record page"
)
# Sites: a count of them is no people ("the gunman's rampage at two mosques"), and their bare common noun is no
# place ("the mosques attacks").
_SITES = "mosque church synagogue temple school campus hospital market mall stadium embassy base"
_NOT_PEOPLE = (
    _with_plurals(
        "wound boat sentence attack case charge count year time day night week month hour minute percent dollar "
        "vote seat job"
    )
    | {"injury", "injuries"}
    | WRITINGS
    # buildings, settlements and lands: "21 states affected"
    | _with_plurals(
        f"{_SITES} building home house shop store office village town city site location state province county "
        "country district region nation"
    )
)


def counts_people(counted: str | None) -> bool:
    """Whether a counted phrase counts people (or says nothing: people): "students", "Christian villagers",
    "Americans", "worshippers", not "wounds", "boats", "sentences", "attacks"."""
    if not counted:
        return True
    words = fold(counted).split()
    head = words[-1] if words else ""
    if head in _NOT_PEOPLE:
        return False
    grp, country = counted_group(counted)
    return (
        grp in GROUPS
        or country is not None
        or head in PEOPLE_WORDS
        or _singular(head) in PEOPLE_WORDS
        or bool(_PERSON_SUFFIX.search(head))
    )


def shown_group(group: str, country: str | None, counted: str | None = None) -> str:
    """What a figure says it counts: its group ("Congolese soldiers"), or, for a group of its own noun, the
    words as written ("Taliban members", not "member")."""
    if group not in GROUPS and counted and not country:
        text = counted.strip()
        while m := _LEADING.match(text):
            text = text[m.end() :]
        if 0 < len(text.split()) <= 4 and not re.search(r"[^\w\s'’-]", text):
            return text
    if not country:
        return group
    g = gazetteer()
    return f"{g.adjective.get(country) or g.name(country)} {group}"


_VAGUE = re.compile(rf"\b(?:{'|'.join(VAGUE)}|several|a few|a couple of|many|scores)\b", re.I)


def vague(text: str) -> bool:
    """A count as an order of magnitude ("dozens", "hundreds of", "several"), with no digit and no number word
    before it ("two dozen" is a number)."""
    return bool(_VAGUE.search(text)) and not re.search(
        r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten)\b", text, re.I
    )


def eligible(row: ClaimRow) -> bool:
    """A count of something measured: no unit, no change, a whole number."""
    if row.measure not in MEASURES or row.measure == "other" or row.unit or row.change:
        return False
    vals = [v for v in (row.point, row.low, row.high) if v is not None]
    return bool(vals) and all(v >= 1 or v == 0 for v in vals)


# -- the ledger around a claim -----------------------------------------------------------------------


@dataclass(frozen=True)
class FigureOptions:
    """How close in time reports must be, and how rare a shared entity, to join one figure."""

    window_days: int = WINDOW_DAYS
    rare_share: float = RARE_SHARE
    rare_min: int = RARE_MIN
    batch: int = 5000  # claims filed per transaction


class _Context:
    """Stories, near-duplicate originals and article entities, looked up once per article."""

    def __init__(self, ledger: Ledger, options: FigureOptions):
        self.ledger, self.options = ledger, options
        self._cache: dict[tuple[str, str], object] = {}
        self._rare_max: int | None = None

    def _memo(self, kind: str, aid: str, fn):
        key = (kind, aid)
        if key not in self._cache:
            if len(self._cache) > 20000:
                self._cache.clear()
            self._cache[key] = fn()
        return self._cache[key]

    def story(self, aid: str) -> str | None:
        return self._memo("story", aid, lambda: story_store.story_of(self.ledger, aid))

    def origin(self, aid: str) -> str:
        return self._memo("origin", aid, lambda: dedup.original_of(self.ledger, aid) or aid)

    def anchors(self, aid: str) -> frozenset[str]:
        """The places, facilities, events and people the article names, countries aside."""
        return self._memo(
            "anchors",
            aid,
            lambda: frozenset(
                e for e in store.anchors(self.ledger, aid, ANCHOR_LABELS) if not e.startswith("country:")
            ),
        )

    def rare(self, cid: str) -> bool:
        """Whether few articles name an entity, so that sharing it ties two reports."""
        if self._rare_max is None:
            n = self.ledger.count("articles")
            self._rare_max = max(self.options.rare_min, int(self.options.rare_share * n))
        return self._memo("df", cid, lambda: store.articles_naming(self.ledger, cid)) <= self._rare_max

    def published(self, aid: str) -> str | None:
        return self._memo("published", aid, lambda: store.published(self.ledger, aid))

    def text(self, aid: str) -> str:
        return self._memo("text", aid, lambda: entity_store.article_text(self.ledger, aid))

    def title(self, aid: str) -> str | None:
        return self._memo("title", aid, lambda: store.article_title(self.ledger, aid))

    def country(self, aid: str) -> str | None:
        """The country the article is about (the one it names most)."""
        return self._memo("country", aid, lambda: store.article_country(self.ledger, aid))

    def speaking_country(self, aid: str) -> str | None:
        """The country whose "interior ministry" or "government" an article's sources mean: its dateline's
        ("KABUL (Reuters) -" in a report that names the United States most), else the one it names most."""
        return self._memo("speaking", aid, lambda: _dateline_country(store.article_dateline(self.ledger, aid))) or (
            self.country(aid)
        )

    def places(self, aid: str) -> tuple[tuple[str, str], ...]:
        return self._memo("places", aid, lambda: tuple(store.article_places(self.ledger, aid)))

    def place_country(self, aid: str) -> str | None:
        """The country the article's resolved towns and regions lie in, when most of them (two or more) do."""

        def of() -> str | None:
            rows = store.article_place_countries(self.ledger, aid)
            total = sum(n for _, n in rows)
            return rows[0][0] if rows and rows[0][1] >= 2 and 2 * rows[0][1] > total else None

        return self._memo("place_country", aid, of)

    def town_countries(self, aid: str) -> frozenset[str]:
        """The countries the article's resolved towns and regions lie in; none when it names fewer than two
        (too few to tell an incident apart)."""

        def of() -> frozenset[str]:
            rows = store.article_place_countries(self.ledger, aid)
            return frozenset(c for c, _ in rows) if sum(n for _, n in rows) >= 2 else frozenset()

        return self._memo("town_countries", aid, of)

    def counts(self, aid: str) -> list[tuple[int, int, str | None]]:
        return self._memo("counts", aid, lambda: store.article_counts(self.ledger, aid))

    def orgs(self, aid: str) -> list[tuple[int, str, str]]:
        return self._memo("orgs", aid, lambda: store.article_orgs(self.ledger, aid))

    def same_place(self, a: str, others: list[str]) -> bool:
        """Whether an article of a story can report the same incident as other articles of it: they share a
        place, facility, event or person that few articles name, or either side names too few to tell (a
        story that merged two shootings in two cities is two incidents; reports of one quake share its
        towns, officials or victims)."""
        if a in others:
            return True
        here = self.town_countries(a)
        there = frozenset().union(*(self.town_countries(o) for o in others[:20]))
        if here and there and not here & there:  # the quake in Indonesia is not the quake in Iran
            return False
        mine = self.rare_anchors(a, STORY_ANCHORS)
        if len(mine) < 2:
            return True
        theirs = frozenset().union(*(self.rare_anchors(o, STORY_ANCHORS) for o in others[:20]))
        return (
            len(theirs) < 2
            or bool(name_forms(mine) & name_forms(theirs))
            or _in_headlines(self, theirs, [a])
            or _in_headlines(self, mine, others[:20])
        )

    def top_anchors(self, aid: str) -> frozenset[str]:
        return self._memo(
            "top_anchors",
            aid,
            lambda: frozenset(store.anchors_by_mentions(self.ledger, aid, ANCHOR_LABELS)[: TOP_ANCHORS + 2]),
        )

    def elsewhere(self, aid: str, sentence: tuple[int, int]) -> str | None:
        """A place the sentence names that its article is not about: another incident ("a synagogue in
        Pittsburgh" in an article about Thousand Oaks; a list of earlier attacks)."""
        top = self.top_anchors(aid)
        text = self.text(aid)
        lede = (self.title(aid) or "") + " " + text[:LEDE]
        for key, name, mentions, pos in store.places_between(self.ledger, aid, *sentence):
            # Named once, in this sentence only, outside the opening, not a state or province, not a person's
            # name the tagger took for a place ("Petinglay" for the spokeswoman Joan Petinglay): another place.
            if (
                mentions > 1
                or fold(name) in self.person_words(aid)
                or not re.match(r"[A-Z]", name)  # "@stephgracela": a handle the tagger took for a place
                or key in top
                or key.startswith("country:")
                or sentence[0] < LEDE
                or fold(name) in _regions()
                or not self.rare(key)
                or not_a_place(name)
                or jurisdiction(text, pos, name)  # "a St. Louis County officer" in a story on St. Louis
                or _HOME_BEFORE.search(text, max(0, pos - 40), pos)  # "Patrick Crusius, 21, of Allen"
                or _HOME_OF.match(text, pos + len(name))
            ):
                continue
            if name.lower() not in lede.lower():  # the article's own place is in its headline or dateline
                return name
        # An item of a list of incidents: a sentence, past the opening, headed by its place ("Charleston, South
        # Carolina, US Nine people killed ...").
        # The item's head may open an earlier sentence of its paragraph ("Trollhättan, Sweden An attacker
        # stabbed ... . Three died, ...").
        if sentence[0] >= LEDE:
            para = max(text.rfind("\n\n", 0, sentence[0]), sentence[0] - 500)
            starts = [sentence[0]] + [
                m.end() + para for m in re.finditer(r"[.!?][\"”’]?\s+|\n", text[para : sentence[0]])
            ][::-1][1:3]
            for at in starts:
                if at < LEDE:
                    break
                if m := _LIST_HEAD.match(text[at : sentence[1]]):
                    name = m.group("place")
                    if self.not_here(aid, name, regions=False) and not not_a_place(name):  # not "Meanwhile"
                        return name
                    break
        return None

    def region(self, aid: str, name: str) -> bool:
        """Whether a place the article names is a region of a country, not a country or a town: the gazetteer
        says so, or the article does ("the Le Marche region", "the province of Ascoli")."""
        if gazetteer().country(name):
            return False
        if name in self._memo("regions", aid, lambda: store.article_regions(self.ledger, aid)):
            return True
        kind = r"(?:region|province|state|prefecture|county|district|governorate)"
        return bool(re.search(rf"\b{re.escape(name)}\s+{kind}\b|\b{kind}\s+of\s+{re.escape(name)}\b", self.text(aid)))

    def not_a_place_here(self, aid: str, name: str) -> bool:
        """A name tagged a place here that the geocoder could not place and that the ledger's articles tag
        as something else more often: "Facebook", "Arab Spring", a storm's name ("Maria")."""
        if self._placed(aid, name):
            return False
        labels = self._labels(name)
        place = sum(n for label, n in labels.items() if label in ("GPE", "LOC", "FAC"))
        return sum(labels.values()) - place > place

    def _placed(self, aid: str, name: str) -> bool:
        return name.lower() in self._memo("place_countries", aid, lambda: store.place_countries(self.ledger, aid))

    def _labels(self, name: str) -> Counter:
        """How often the ledger's articles tag the bare name with each entity label."""
        keys = {entity_id(label, name): label for label in ENTITY_LABELS}
        found = self._memo("labels", name, lambda: store.key_mentions(self.ledger, list(keys)))
        return Counter({keys[key]: n for key, n in found.items()})

    def a_person_here(self, aid: str, name: str, people: frozenset[str]) -> bool:
        """Whether a place's name is a person's in the figure's articles ("Hagel" of "Chuck Hagel"), unless the
        geocoder placed it here and the ledger tags the bare name a place more often than a person ("Orlando",
        whatever the tagger made of "Pulse Orlando")."""
        if not _a_persons_name(name, people):
            return False
        if not self._placed(aid, name):
            return True
        labels = self._labels(name)
        return labels["PERSON"] >= labels["GPE"] + labels["LOC"] + labels["FAC"]

    def person_words(self, aid: str) -> frozenset[str]:
        """The words of the names of the people an article names."""
        return self._memo(
            "person_words",
            aid,
            lambda: frozenset(
                w for k in store.anchors(self.ledger, aid, ("PERSON",)) for w in k.partition(":")[2].split("-")
            ),
        )

    def not_here(self, aid: str, place: str, regions: bool = True) -> bool:
        """Whether a place a claim is placed in ("killed 20 in El Paso") is not where its article's incident is:
        not in its headline or opening, not one of the places it names most, not a state or province (unless
        `regions` is False: a list item headed "Kentucky, US" is another incident)."""
        text = self.text(aid)
        lede = ((self.title(aid) or "") + " " + text[:LEDE]).lower()
        names = {fold(n) for _, n in self.places(aid)}
        return place.lower() not in lede and fold(place) not in names and not (regions and fold(place) in _regions())

    def rare_anchors(self, aid: str, n: int = TOP_ANCHORS) -> frozenset[str]:
        """The few places, events and people an article is most about (mentions), among those few articles
        name: what tells its incident from another of the same kind."""
        return self._memo(
            f"rare_anchors{n}",
            aid,
            lambda: frozenset(
                [
                    e
                    for e in store.anchors_by_mentions(self.ledger, aid, ANCHOR_LABELS)
                    if not e.startswith("country:") and self.rare(e)
                ][:n]
            ),
        )


@dataclass(frozen=True)
class Credit:
    """Who a claim's value belongs to."""

    key: str  # the party's key: one per party across articles
    name: str | None  # the party as shown (None: the outlet's own statement from a file, which names none)
    source: str | None  # the source as written in the article
    relayed_by: str | None = None  # the party that relayed it, when it is another's figure


_STREET = re.compile(r"\b(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Drive|Dr|Parkway|Pkwy)\.?$")


@lru_cache(maxsize=1)
def _regions() -> frozenset[str]:
    """States, provinces and regions (ISO 3166-2): the region an incident's town is in, not another place."""
    import pycountry

    return frozenset(fold(s.name) for s in pycountry.subdivisions)


def _dateline_country(dateline: str | None) -> str | None:
    """The country of a dateline's place: "KABUL (Reuters) - " (a capital), "ABUJA, Nigeria - "."""
    if not dateline:
        return None
    head = re.split(r"\s*(?:\(|—|–|--| - |:)", dateline, maxsplit=1)[0]
    parts = [p.strip() for p in head.split(",") if p.strip() and not _MONTH_DAY.match(p.strip())]
    if len(parts) > 1:  # "PARIS, Texas": the place is in what the last part names, a country or not
        return gazetteer().country(parts[-1])
    return gazetteer().country(parts[0], capitals=True) if parts else None


_MONTH_DAY = re.compile(r"(?i)(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d")


def _sentence(text: str, row: ClaimRow) -> tuple[int, int]:
    """The claim's sentence as extraction stored it; for a claim stored without one, the stretch between
    the sentence ends around it."""
    if row.sentence_start is not None and row.sentence_end is not None:
        return row.sentence_start, row.sentence_end
    starts = [m.end() for m in re.finditer(r"[.!?]\s+|\n", text[: row.start])]
    end = re.search(r"[.!?](?:\s|$)|\n", text[row.end :])
    return (starts[-1] if starts else 0), (row.end + end.end() if end else len(text))


def _credit(ledger: Ledger, ctx: _Context, row: ClaimRow, origin: str) -> Credit:
    """The party of a claim (reconcile.parties): relayed figures go to whom the sentence credits them."""
    aid = row.article_id
    text = ctx.text(aid)
    country = ctx.speaking_country(aid)
    canonical = store.source_entity(ledger, aid, row.source_entity) if row.source_entity else None
    said = parties.party(row.source_name, canonical, country, text, (row.source_start, row.source_end), ctx.orgs(aid))
    if said is not None and said.key.startswith("person:") and row.source_entity:
        said = _introduced_as(ledger, ctx, row, canonical, said)
    sentence = _sentence(text, row)
    if said is not None and _unsaid(text, sentence, row):
        said = None
    other = parties.relayed(text, sentence, (row.start, row.end))
    if other and said is not None and _CITED.search(text, sentence[0], sentence[1]):
        other = None  # "Some 200 are in custody, BFM TV reported, citing Paris prosecutors": the prosecutors'
    if other and (p := parties.party(other, None, country)) and (said is None or p.key != said.key):
        return Credit(p.key, p.name, other, said.name if said else None)
    if said is not None:
        return Credit(said.key, said.name, row.source_name or (canonical[1] if canonical else None))
    if tweet := parties.tweeted_by(text[row.end : min(len(text), sentence[1] + 200)]):
        # An embedded post ("... — AP (@AP) July 17, 2016"): its author's statement, relayed by the outlet.
        return Credit(tweet.key, tweet.name, None, _outlet(store.article_source(ledger, origin)))
    outlet = _outlet(store.article_source(ledger, origin))
    return Credit("outlet:" + outlet if outlet else "article:" + origin, outlet, None)


def _introduced_as(ledger: Ledger, ctx: _Context, row: ClaimRow, canonical, said: parties.Party) -> parties.Party:
    """A person speaks for the body the article introduced them with, wherever they speak again: "he said" and
    "Rahimi said" after "An interior ministry spokesman, Nasrat Rahimi, said" are the ministry's."""
    aid, text = row.article_id, ctx.text(row.article_id)
    for start, end in store.entity_mentions(ledger, aid, row.source_entity or ""):
        if row.source_start is not None and start >= row.source_start:
            break
        # the mention with the title before it in its sentence, or the apposition after it: "An interior
        # ministry spokesman, Nasrat Rahimi", "Wahid Majroh, health ministry spokesperson,"
        opening = max(text.rfind(". ", 0, start) + 2, text.rfind("\n", 0, start) + 1, start - 80)
        after = re.match(r",[^,.;:\"“”]{3,60},", text[end : end + 62])
        for span in ((opening, end), (start, end + after.end() if after else end)):
            # read as written (no entity): the words around the name are what name the body
            p = parties.party(text[span[0] : span[1]], None, ctx.speaking_country(aid), text, span, ctx.orgs(aid))
            if p is not None and not p.key.startswith("person:") and fold(text[start:end]) not in fold(p.name):
                return p
    return said


_NEGATED_CUE = re.compile(
    r"\b(?:did not|didn't|does not|doesn't|never|declined to|refused to)\s+(?:\w+\s+)?"
    r"(?:mention|say|confirm|address|cite|give|comment)\b",
    re.I,
)


_AGENT = re.compile(
    # not across a cue of speech: "X, health ministry spokesperson, said Tuesday's explosion killed 50" is said
    r"^(?:(?!\b(?:said|says|say|told|tells|added|adds|reported|announced|confirmed|stated|estimated|claimed|claims|"
    r"claim|alleged|alleges|allege)\b)"
    r"[^.;:\"“”]){0,140}?\b(?:launched|fired|killed|kills|killing|murdered|shot|shooting|attacked|bombed|struck|"
    r"detonated|gunned down|massacred|opened fire|wounding|wounded|injuring|injured|stabbing|stabbed|beheading|"
    r"beheaded|executing|executed)\b",
    re.I,
)


# A relative clause that names an event by its toll: "the rampage that left 3 dead", "the crash that killed 157".
_EVENT_THAT_LEFT = re.compile(
    r"\b(?:rampage|attack|attacks|shooting|shootings|bombing|bombings|blast|crash|massacre|explosion|ambush|"
    r"stampede|earthquake|storm|fire)\s+(?:that|which)\s+(?:had\s+)?(?:left|killed|claimed|injured|wounded|"
    r"took)\s+(?:the\s+lives\s+of\s+)?(?:[\w,-]+\s+(?:\w+\s+)?(?:dead|killed|people)\s+and\s+)?"  # "3 dead and 14"
    r"(?:(?:at least|more than|some|about|nearly|all)\s+)?$",
    re.I,
)
# An event, and where it struck, right before a relative clause on its toll: "earthquake in northwestern China".
_EVENT_TOLD = re.compile(
    r"\b(?:earthquakes?|quakes?|attacks?|blasts?|bombings?|explosions?|storms?|hurricane|typhoon|cyclone|floods?|"
    r"fires?|wildfires?|shootings?|crash|stampede|landslides?|tsunami|outbreak|epidemic|violence|clashes|fighting)"
    r"(?:\s+(?:in|near|off|at|on|across)\s+[^.;:]{1,50}?)?\s*,?\s*$",
    re.I,
)
# A relative clause that names someone by what they did: "the man-and-wife team who killed 14".
_WHO_KILLED = re.compile(
    r"\b(?:who|which|that)\s+(?:had\s+|have\s+|has\s+)?(?:killed|murdered|shot|wounded|injured|kidnapped)\s+"
    r"(?:at\s+least\s+|about\s+|some\s+|nearly\s+|more\s+than\s+)?$",
    re.I,
)


_CITED = re.compile(r",\s+citing\s+\S")


def _quoted_from(text: str, source_end: int, at: int) -> bool:
    """Whether `at` stands inside a quotation that opens after the source (its own words)."""
    if source_end > at:
        return False
    between = text[source_end:at]
    opened = max(between.rfind("“"), between.rfind('"') if between.count('"') % 2 else -1)
    return opened >= 0 and "”" not in between[opened:]


_REPORTEDLY = re.compile(r"\b(?:reportedly|according to (?:news |media )?reports)\b", re.I)


def _unsaid(text: str, sentence: tuple[int, int], row: ClaimRow) -> bool:
    """Whether the claim's source, named in its sentence before the number, does not say it there: it is who
    did the killing ("the separatists apparently launched a missile that murdered 298": the perpetrators,
    not a source), or the sentence says it did not say it ("Obama did not mention the arrests of two
    reporters"), or the number stands in the reporter's parenthesis outside the source's words ("According to
    sources ..., the bomber was the driving force behind the bombings (where three people died)"), or a
    relative clause names someone or an event by it ("the group said the couple who killed 14 were its
    supporters", "the rampage that left 3 dead"); or a
    source named before the sentence is followed by the reporter's "reportedly" ahead of the number. The
    statement is then the outlet's."""
    s0, s1 = sentence
    if row.source_start is None or row.source_end is None:
        return False
    if row.source_start < s0 and _REPORTEDLY.search(text, s0, row.start):
        return True  # "Russia says the jets ... . The strike reportedly killed 14": the reporter's word, not Russia's
    if not s0 <= row.source_start < s1:
        return False
    if _NEGATED_CUE.search(text[s0:s1]):
        return True
    if _quoted_from(text, row.source_end, row.start):
        # 'Reuters began its report: "Activists accused ... an attack that killed at least 213"': the source's words
        return False
    if (
        re.match(r"\W*according\s+to\s+(?:the\s+)?$", text[s0 : row.source_start], re.I)
        and "(" not in text[row.source_end : row.start]
    ):  # "According to the ministry, 27 were killed Tuesday, and 137 since ...": all the ministry's (not a
        return False  # parenthesis of the reporter's, below)
    w0 = max(s0, row.start - 40)
    if (m := _WHO_KILLED.search(text[w0 : row.start])) and not (
        row.source_start >= row.end and _EVENT_TOLD.search(text[max(s0, w0 + m.start() - 100) : w0 + m.start()])
    ):
        # "the group said the couple who killed 14 were its supporters": the reporter's description; but an
        # event's toll told before its source is the source's ("an earthquake in China that has killed at least 89,
        # according to state media")
        return True
    if row.source_end <= row.start and _EVENT_THAT_LEFT.search(text[max(s0, row.start - 80) : row.start]):
        return True  # "Prosecutors allege Hopkins ... gave him the gun he used in the rampage that left 3 dead"
    opened = text.rfind("(", s0, row.start)
    if opened > max(row.source_end, text.rfind(")", s0, row.start)) and ")" in text[row.end : s1]:
        return True  # an aside in parentheses after the source: the reporter's words
    clause = max(text.rfind(",", s0, row.start), text.rfind("—", s0, row.start))
    close = [i for i in (text.find(",", row.end, s1), text.find("—", row.end, s1)) if i >= 0]
    if row.source_end <= clause and _REPORTEDLY.search(text, clause, min(close, default=s1)):
        return True  # "Assad said the attack, in which 1,000 reportedly died, was ...": the reporter's aside
    if row.source_end <= row.start and (m := _CLAIMED_FOR.search(text, row.source_end, row.start)):
        # "Islamic State claimed responsibility for the attacks that killed 129": the claim is of the act,
        # the toll the reporter's; not "..., saying it killed 30 soldiers"
        return not _SAYING.search(text, m.end(), row.start)
    return row.source_end <= row.start and bool(_AGENT.match(text[row.source_end : row.start]))


_CLAIMED_FOR = re.compile(
    r"\b(?:claim(?:s|ed|ing)?|t[ao]ok|takes?|taking|accept(?:s|ed|ing)?)\s+(?:\w+\s+){0,2}?(?:responsibility|credit)"
    r"\s+for\b",
    re.I,
)
_SAYING = re.compile(r"\b(?:say(?:s|ing)?|said|claim(?:s|ed|ing)?\s+(?:that|to\s+have))\b", re.I)


def _outlet(source: str) -> str | None:
    """The outlet an article came from, when its source names one: a URL's host or a feed's outlet name
    ("Veridia Daily Wire"); None for a file path, which names no outlet."""
    if re.match(r"^https?://", source):
        return urlparse(source).netloc.lower().removeprefix("www.") or None
    if "/" in source or "\\" in source or re.search(r"\.\w{2,5}$", source):
        return None
    return fold(source) or None


def report_day(published: str | None, time: str | None) -> str | None:
    """The day a claim was reported: its article's date, else the day its time names ("2025-W10" and an
    undated article's "XXXX-XX-XX" name none)."""
    if published:
        return published
    return time if time and re.fullmatch(r"\d{4}-\d{2}-\d{2}", time) else None


# A count told as known, by a definite article and a participle: "the 20 children killed at Sandy Hook",
# "the nearly 3,000 who died on 9/11". News asserts its own toll ("killed 20", "20 were killed"); the definite
# form refers to a toll the reader is taken to know, most often another, earlier incident's.
_THE_BEFORE = re.compile(
    r"\bthe\s+(?:(?:more than|nearly|almost|about|some|over|at least|roughly|approximately|estimated)\s+)?$", re.I
)
_PARTICIPLE_AFTER = re.compile(
    r"^(?:\s+(?!(?:were|was|are|is|had|have|has|and|or)\b)[\w-]+){0,3}?\s+"
    r"(?:killed|slain|murdered|massacred|wounded|injured|dead|who (?:died|were killed|were wounded|lost their lives))\b",
    re.I,
)


def given(text: str, start: int, end: int) -> bool:
    """Whether the count at [start, end) is told as already known ("the 20 children killed at ...")."""
    return bool(_THE_BEFORE.search(text[max(0, start - 40) : start]) and _PARTICIPLE_AFTER.match(text[end : end + 80]))


def founding(text: str, sentence: tuple[int, int], span: tuple[int, int], time: str | None, day: str | None) -> bool:
    """Whether a claim whose number spans `span` founds its figure: dated to the report's days (a weekday,
    "yesterday", or a time up to EVENT_GAP_DAYS before `day`) or in the article's opening and not told as
    known (`given`), and not inside a quotation (a speaker's count is rhetoric as often as a toll; a reported
    one founds the figure)."""
    start, end = span
    before = text[text.rfind("\n", 0, sentence[0]) + 1 : start]  # from the paragraph's start: a quotation
    if before.count('"') % 2 or before.rfind("\u201c") > before.rfind("\u201d"):  # can span sentences
        return False
    if incidents.REPORT_DAYS.search(text, sentence[0], sentence[1]):
        return True
    if (
        day
        and time
        and re.fullmatch(r"\d{4}-\d{2}-\d{2}", time)
        and 0 <= _days(time, day) <= EVENT_GAP_DAYS
        and not incidents.RITE_DAY.search(text, sentence[0], sentence[1])  # the time may be a rite's weekday
    ):
        return True
    return sentence[0] < FOUNDING_LEDE and not given(text, start, end)


def _happened(ctx: _Context, aid: str, sentence: tuple[int, int]) -> bool:
    """Whether the headline, the count's sentence, the text just before it, or (for a count in the opening)
    the opening says that something happened: a count near no word of an event or an act is a standing number
    ("142 inmates are still held") or a cause's tally ("17 deaths from the new virus"), no incident's."""
    text, (s0, s1) = ctx.text(aid), sentence
    near = text[max(0, s0 - 300) : s1] + (" " + text[:LEDE] if s0 < FOUNDING_LEDE else "")
    return incidents.happening((ctx.title(aid) or "") + " " + near)


def _days(a: str, b: str) -> int:
    """Days from `a` to `b` (YYYY-MM-DD)."""
    return (date.fromisoformat(b) - date.fromisoformat(a)).days


def _near(day: str | None, first: str | None, last: str | None, window_days: int = WINDOW_DAYS) -> bool:
    """Whether a report of `day` can be of the incident a figure reports from `first` to `last`: within the
    window of its reports, and not long after its first (a story that runs for months, or merged two similar
    incidents months apart, holds later incidents; their tolls are not this one's)."""
    if not day or not first:
        return True
    d, w, f0 = date.fromisoformat(day), timedelta(days=window_days), date.fromisoformat(first)
    return f0 - w <= d <= min(date.fromisoformat(last or first) + w, f0 + SPAN_WINDOWS * w)


# -- update ------------------------------------------------------------------------------------------


def _find(
    ledger: Ledger,
    ctx: _Context,
    measure,
    grp,
    country,
    aid,
    origin,
    day,
    incident: str,
    part: str | None,
    value: tuple[float, float] | None = None,
    site: tuple[str, str, str] | None = None,
) -> str | None:
    """The figure a claim joins: its story's (or, with no stories, its article's or one sharing a rare anchor),
    else one of another story that tells of the same incident. `site` is where the claim's sentence puts it."""
    story = ctx.story(aid)
    window = ctx.options.window_days

    def apart(fid: str, first: str | None) -> bool:
        """Checked only for a figure the claim would join (each costs queries)."""
        if origin in store.origins(ledger, fid):
            return False  # its own article's sentences tell its counts apart
        if site is not None and _told_elsewhere(ledger, ctx, site, fid):
            return True  # "12 killed in Paris" and, the same day, "37 killed in Sanaa": two attacks
        # an undated page's "ten killed" is not the "two" of another report: no date tells them one
        return (day is None or first is None) and not _values_agree(ledger, fid, value)

    across: list[tuple[str, str | None]] = []
    for f in store.candidates(ledger, measure, grp, country, day, window):
        if f.incident != incident or f.part != part or not _near(day, f.first, f.last, window):
            continue
        fstory = ctx.story(f.anchor)
        if story is not None and fstory is not None:
            same = story == fstory and ctx.same_place(aid, store.origins(ledger, f.id) or [f.anchor])
            if same and not apart(f.id, f.first):
                return f.id
            if story != fstory and not incident and part is None:
                across.append((f.id, f.first))
            continue
        arts = store.origins(ledger, f.id)
        if origin in arts:
            return f.id
        theirs = frozenset().union(*(ctx.anchors(a) for a in arts))
        if any(ctx.rare(e) for e in ctx.anchors(aid) & theirs) and not apart(f.id, f.first):
            return f.id
    # No figure of its own story: one of another story, when the two tell of the same incident (stories
    # can split one incident's coverage, El Paso's in three).
    return next(
        (fid for fid, first in across if _same_incident(ledger, ctx, aid, fid, value) and not apart(fid, first)), None
    )


def _told_elsewhere(ledger: Ledger, ctx: _Context, site: tuple[str, str, str], fid: str) -> bool:
    """Whether a count's sentence puts it at `site` (name, country, feature) and no count of the figure (all in
    other articles) is put there: another country ("12 killed in Paris", "37 killed in Sanaa" the same day), or
    another town, neither inside the other (Dallas' officers and Santa Fe's students, two Texas shootings a story
    ran together). Within one article the sentences' own words tell counts apart, and a town resolved to the
    wrong country would part them wrongly, so the caller asks only across articles."""
    theirs = [
        r for a, s0, s1, at in store.claim_spans(ledger, fid) if (r := _span_resolved(ledger, ctx, a, s0, s1, at))
    ]
    if not theirs:
        return False
    name, country, feature = site
    if country not in {c for _, c, _ in theirs}:
        return True
    return feature == "P" and _places_apart({name}, {n for n, _, _ in theirs})


def not_a_place(name: str) -> bool:
    """A word the tagger took for a place: a nationality ("two Filipina employees") or a bare common word
    ("Island", "the Valley")."""
    g = gazetteer()
    words = re.sub(r"['’]s$", "", fold(name)).split()  # "Wednesday's"
    return bool(
        g.demonym(name)
        or (name.endswith("a") and g.demonym(name[:-1] + "o"))
        or fold(name) in _GENERIC_PLACE_WORDS
        or (words and words[-1] in _DAY_WORDS)  # "Easter Sunday", "Bloody Friday": a day, not a place
        or fold(name).rstrip(".") in _AP_STATE_ABBREVIATIONS  # the "Fla." of "Orlando, Fla.": the town's qualifier
        or parties.agency(name)  # "St. Louis County Police": who, not where
        or bool(_STREET.search(name))  # "the church on Calhoun Street": an address in the story's town
        # a word for people the tagger took for a place ("Gunmen stormed ...")
        or (len(words) == 1 and (_singular(words[0]) in PERPETRATORS or _singular(words[0]) in PEOPLE_WORDS))
    )


_GENERIC_PLACE_WORDS = frozenset(
    "island islands city state province river valley county district region north south east west coast border "
    "capital island nation country town village mountain mountains lake bay strip square peninsula gulf strait "
    "harbor harbour plaza downtown meanwhile".split()
) | _with_plurals(_SITES)
_AP_STATE_ABBREVIATIONS = frozenset(fold(a.rstrip(".")) for abbr in AP_STATES.values() for a in abbr.split("|"))
_DAY_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday easter christmas ramadan eid thanksgiving".split()
)
PLACE_KINDS = ("gpe:", "loc:", "fac:", "event:")
ACROSS_RATIO = 2.0  # how far apart two stories' values of one incident's quantity can be


def _same_incident(ledger: Ledger, ctx: _Context, aid: str, fid: str, value: tuple[float, float] | None) -> bool:
    """Whether a claim of one story is of the incident a figure of another story counts: its article and the
    figure's share a place, facility or event that few articles name, among the few each names most (not a
    state or province) or in a headline, and its value is within ACROSS_RATIO of the figure's numbers. Two
    stories are weaker evidence than one, so the value must agree too: Dayton's nine are not El Paso's 22."""
    if value is None:
        return False
    arts = store.origins(ledger, fid)[:20]
    return bool(arts) and _share_place(ctx, [aid], arts) and _values_agree(ledger, fid, value)


def _values_agree(ledger: Ledger, fid: str, value: tuple[float, float] | None) -> bool:
    """Whether a claim's value is within ACROSS_RATIO of a figure's numbers."""
    if value is None:
        return False
    vals = [v for r in store.filed(ledger, fid) for v in (r.point, r.low, r.high) if v]
    lo, hi = value
    return bool(vals) and lo > 0 and min(vals) / ACROSS_RATIO <= hi and lo <= max(vals) * ACROSS_RATIO


def _share_place(ctx: _Context, ours: list[str], theirs: list[str]) -> bool:
    """Whether two sets of articles share a rare place: among the few each names most, or one side's in the
    other's headlines (a report that names Las Vegas in its headline only, after the spans outside its body)."""

    def places(arts: list[str]) -> frozenset[str]:
        return frozenset(
            e for a in arts for e in ctx.rare_anchors(a) if e.startswith(PLACE_KINDS) and not _region_key(e)
        )

    mine, yours = places(ours), places(theirs)
    if not mine and not yours:
        return False
    return (
        bool(name_forms(mine) & name_forms(yours))
        or _in_headlines(ctx, mine, theirs)
        or _in_headlines(ctx, yours, ours)
    )


def _in_headlines(ctx: _Context, keys: frozenset[str], arts: list[str]) -> bool:
    """Whether a headline of these articles names one of these places (of two words or more)."""
    names = [k.partition(":")[2].replace("-", " ") for k in keys]
    heads = [f" {fold(t)} " for a in arts if (t := ctx.title(a))]
    return any(f" {n} " in h for n in names if " " in n for h in heads)


def name_forms(keys) -> frozenset[str]:
    """The forms under which two articles' anchors name one thing: a person by first and last name ("Devin
    Patrick Kelley" is "Devin Kelley"), a place by its name or a leading part of two words or more, whatever
    label the tagger gave it ("Mandalay Bay" is the "Mandalay Bay Casino", LOC or FAC)."""
    forms: set[str] = set()
    for key in keys:
        kind, _, slug = key.partition(":")
        words = slug.split("-")
        if kind == "person":
            forms.add("person:" + (f"{words[0]}-{words[-1]}" if len(words) > 1 else slug))
        else:
            forms.add("place:" + slug)
            forms.update("place:" + "-".join(words[:k]) for k in range(2, len(words)))
    return frozenset(forms)


def _region_key(key: str) -> bool:
    return key.split(":", 1)[1].replace("-", " ") in _regions()


def _summarize(ledger: Ledger, ctx: _Context, fid: str) -> None:
    rows = store.filed(ledger, fid)
    if not rows:
        store.delete(ledger, fid)
        return
    lows = [next(v for v in (r.low, r.point, r.high) if v is not None) for r in rows]
    highs = [next(v for v in (r.high, r.point, r.low) if v is not None) for r in rows]
    latest: dict[str, float] = {}
    for r in rows:  # oldest first: each source's last word wins (a filed claim holds at least one value)
        latest[r.source_key] = next(v for v in (r.point, r.low, r.high) if v is not None)
    days = [r.day for r in rows if r.day]
    store.summarize(
        ledger,
        fid,
        min(lows),
        median_low(sorted(latest.values())),
        max(highs),
        min(days, default=None),
        max(days, default=None),
        len(latest),
    )
    _describe(ledger, ctx, fid, min(days, default=None))


# Fighters the forces killed: "until four militants were killed by security forces", "troops shot dead 4 gunmen".
_FORCES = r"(?:(?:the\s+)?(?:security\s+forces|special\s+forces|police|troops|soldiers|army|commandos|forces|officers))"
_BY_FORCES = re.compile(
    rf"\b(?:killed|shot(?:\s+dead)?|gunned\s+down|neutrali[sz]ed|slain)\s+by\s+(?:[\w-]+\s+){{0,2}}?{_FORCES}\b|"
    rf"\b{_FORCES}\s+(?:killed|shot(?:\s+dead)?|gunned\s+down|neutrali[sz]ed)\s+(?:all\s+)?(?:the\s+)?[\w,]+\s+"
    r"(?:militants|fighters|insurgents|rebels|jihadists|attackers|gunmen)\b",
    re.I,
)


def _killed_by_forces(ledger: Ledger, ctx: _Context, fid: str, grp: str) -> bool:
    """Whether a count of fighters is of those the security forces killed in every sentence that gives it:
    the attackers, never a part of their victims' toll."""
    if grp != "fighters":
        return False
    spans = store.claim_spans(ledger, fid)
    return bool(spans) and all(_BY_FORCES.search(ctx.text(a), s0, s1) for a, s0, s1, _ in spans)


def _describe(ledger: Ledger, ctx: _Context, fid: str, first: str | None) -> None:
    """Link a part to its whole, and name the incident: "killed in the Orvin dam collapse, 2025-03-02"."""
    f = store.head(ledger, fid)
    if f is None:
        return
    story = ctx.story(f.anchor)
    whole = None
    arts = store.origins(ledger, fid) or [f.anchor]
    if (
        (f.part is not None or f.grp != "people" or f.country is not None)
        and f.grp not in PERPETRATORS
        # the attackers the forces killed are no part of the toll, unless the text says so ("including 6 ...")
        and (f.part is not None or not _killed_by_forces(ledger, ctx, fid, f.grp))
    ):
        for oid, anchor, ofirst in store.whole_of(ledger, f):
            theirs = store.origins(ledger, oid) or [anchor]
            if (
                ctx.story(anchor) == story
                and _near(f.first, ofirst, ofirst, ctx.options.window_days)
                and ctx.same_place(f.anchor, theirs)
                and (story or anchor == f.anchor)
                # a group's count is a part of a toll only where one article gives both (soldiers wounded by
                # a rocket are no part of the next day's bus bombing, told elsewhere)
                and (f.part is not None or not set(arts).isdisjoint(theirs))
                and (f.part == "more" or not _bigger(ledger, fid, oid))  # "113 Palestinians" is no part of "3 killed"
            ):
                whole = oid
                break
    # What the title says, only as far as the headlines of the figure's articles say it: a place or country
    # that only the body names most is as often the reporter's as the incident's.
    heads = [t for a in arts if (t := ctx.title(a))]
    said = " ".join(heads).lower()
    people = frozenset().union(*(ctx.person_words(a) for a in arts))
    # First the place the claims' own sentences put the count at (the mention nearest each number): the
    # headline's is the story's, and a count told of another town is that town's ("In Chicago, she recalled
    # the 20 children killed at Newtown").
    places = _claim_places(ledger, ctx, fid, people)
    if not places:
        places = Counter(
            name
            for a in arts
            for _, name in ctx.places(a)[:3]
            if name.lower() in said
            and not not_a_place(name)
            and not ctx.not_a_place_here(a, name)
            and not ctx.a_person_here(a, name, people)
            and not _only_a_home(said, name)
        )
    sents = " ".join(ctx.text(a)[s0:s1] for a, s0, s1 in store.claim_sentences(ledger, fid))
    if not places:  # the headlines name none of them: one the figure's own sentences name
        places = Counter(
            name
            for a in arts
            for _, name in ctx.places(a)[:3]
            if _says_not_home(sents, name)
            and not not_a_place(name)
            and not ctx.a_person_here(a, name, people)
            and not ctx.not_a_place_here(a, name)
        )
    place = places.most_common(1)[0][0] if places else None
    if place and (town := _site_town(ledger, ctx, arts, place, said + " " + sents.lower())):
        place = town
    resolved = {k: v for a in arts for k, v in store.place_countries(ledger, a).items()}
    countries = Counter(
        c for a in arts if (c := ctx.country(a)) and _named(c, said) and not _another_countrys(c, resolved)
    )
    country = countries.most_common(1)[0][0] if countries else None
    if place and (where := _town_country(ledger, arts, place)) and where != country:
        country = where  # killed "in Pensacola" is in the United States, though the headline names a Saudi
    # The event each count's own clause names next to the number wins over the headline's, unless it is only
    # a vaguer word for it: "44 arrested after the protests" under a headline on the shooting that set them
    # off counts the protests' arrests; "attacks" in a story headlined on the bombings are the bombings.
    headline = Counter(m.group(1).lower() for t in heads for m in _EVENT_WORD.finditer(t) if _an_event(t, m, people))
    stems = {_stem(e) for e in headline}
    clause = Counter(
        {
            e: n
            for e, n in _said_events(ledger, ctx, fid, people, _EVENT_REACH).items()
            if e not in _VAGUE_EVENTS or not headline
        }
    )
    events = (
        clause
        if clause and not stems & {_stem(e) for e in clause}
        else headline or _said_events(ledger, ctx, fid, people)  # the headlines name none: the sentence's nearest
    )
    event = events.most_common(1)[0][0] if events else None
    if (
        not f.incident
        and f.measure not in ("arrested", "captured", "deployed")  # a storm's toll, not the arrests in its town
        and (event is None or event in _WEATHER)
        and (storm := _named_storm(ctx, arts))
    ):
        event = storm  # "Tropical Storm Harvey", not "Houston" or "the tornado" a headline's quote compared it to
    elif not f.incident and (event is None or event in _FIRES) and (fire := _named_fire(ctx, arts, sents)):
        event = fire  # "the Camp Fire", not "the California wildfires" of a headline on two fires
    if (
        place is None
        and event
        and not event[:1].isupper()
        and (where := _event_country([*heads, sents], people, resolved))
    ):
        place, country = gazetteer().name(where), where  # "Three killed in attack on a base in Kenya"
    if (
        (place is None or (country and fold(place) == fold(gazetteer().name(country) or "")))
        and country
        and (town := _country_site_town(ledger, ctx, arts, country, said + " " + sents.lower()))
    ):
        place = town  # "killed in the attack, Kenya", whose opening puts the campus in Garissa
    happened = _event_day(ledger, ctx, fid)
    title = incident_title(
        f.measure, event or "", place, country, happened or first, f.incident, heads[0] if heads else None, not happened
    )
    place, country = _resolved_place(ledger, ctx, arts, place, country, sents)
    if whole is not None and _sites_apart(ledger, ctx, fid, whole, people):
        whole = None  # a round-up's "15 arrested at Trump Tower" is no part of Los Angeles' arrests
    store.describe(ledger, fid, whole, title, place, country, happened or first)


def _sites_apart(ledger: Ledger, ctx: _Context, fid: str, oid: str, people: frozenset[str]) -> bool:
    """Whether a part's counts and its whole's are each put by their own sentences at places, none the same
    and none within another: the counts of two cities of one story are no part of each other (a town and
    its state or country, or a facility and a town the gazetteer cannot place it in, may be one site)."""
    return _places_apart(set(_claim_places(ledger, ctx, fid, people)), set(_claim_places(ledger, ctx, oid, people)))


def _places_apart(mine: set[str], theirs: set[str]) -> bool:
    """Whether two sets of place names share none and none lies within another (both non-empty)."""
    if not mine or not theirs or {fold(p) for p in mine} & {fold(p) for p in theirs}:
        return False
    return not any(_within(a, b) or _within(b, a) for a in mine for b in theirs)


def _within(town: str, region: str) -> bool:
    """Whether a reading of `town` lies in a region or country `region` names; True where either name is not
    in the gazetteer (nothing tells them apart)."""
    rows, wider = place_index().lookup(town), place_index().lookup(region)
    if not rows or not wider:
        return True
    return any(
        r.feature == "A" and r.country == at.country and (r.level == 1 or bool(r.admin1 and r.admin1 == at.admin1))
        for r in wider
        for at in rows
    )


def _claim_places(ledger: Ledger, ctx: _Context, fid: str, people: frozenset[str]) -> Counter[str]:
    """The place each of a figure's counts is put at by its own sentence (the mention nearest the number)."""
    return Counter(
        near
        for a, s0, s1, at in store.claim_spans(ledger, fid)
        if (near := _span_place(ledger, ctx, a, s0, s1, at, people))
    )


def _span_place(ledger: Ledger, ctx: _Context, a: str, s0: int, s1: int, at: int, people: frozenset[str]) -> str | None:
    site = _span_site(ledger, ctx, a, s0, s1, at, people)
    return site[0] if site else None


def _span_site(
    ledger: Ledger, ctx: _Context, a: str, s0: int, s1: int, at: int, people: frozenset[str]
) -> tuple[str, int] | None:
    """The place a count's sentence puts it at, and where it is named: a place it puts something in ("in the
    small town of Mayflower") or names an event by ("the Parkland shooting") before one it only names
    ("transported by Keystone"), then the nearest."""
    text = ctx.text(a)
    near = min(
        (
            (
                not (_LOCATIVE.search(text, max(0, pos - 40), pos) or _NAMES_EVENT.match(text, pos + len(name))),
                abs(pos - at),
                name,
                pos,
            )
            for key, name, _, pos in _towns_first(text, _places_in(ledger, text, a, s0, s1))
            if (not key.startswith("country:") or _in_a_capital(text, pos, name))
            and not not_a_place(name)
            and not ctx.not_a_place_here(a, name)
            and not ctx.a_person_here(a, name, people)
            and not jurisdiction(text, pos, name)
            and not _HOME_OF.match(text, pos + len(name))
            and not _HOME_BEFORE.search(text, max(0, pos - 40), pos)
        ),
        default=None,
    )
    return (near[2], near[3]) if near else None


def _span_resolved(ledger: Ledger, ctx: _Context, a: str, s0: int, s1: int, at: int) -> tuple[str, str, str] | None:
    """(name, country, feature) of the place a count's sentence puts it at, where the resolver placed it."""
    site = _span_site(ledger, ctx, a, s0, s1, at, ctx.person_words(a))
    if site is None:
        return None
    return next(
        (
            (n, c, feat or "")
            for pos, n, c, _, feat in store.resolved_places_between(ledger, a, s0, s1)
            if pos == site[1]
        ),
        None,
    )


# Where a date says when something was said or came after, not when it happened: "police said Monday", "told
# CNN on Sunday", "a vigil on Sunday", "a news conference Tuesday".
_SAID_DAY = re.compile(
    r"\b(?:said|says|say|told\s+(?:\w+\s+){0,2}?|announced|reported|confirmed|added|stated|tweeted|wrote|"
    r"declared|acknowledged|estimated|updated|revised|vigils?|funerals?|memorials?|march(?:es)?|rall(?:y|ies)|"
    r"(?:news|press)\s+conferences?|briefings?|hearings?|meetings?|interviews?|statements?|speech(?:es)?|"
    r"calls?|shows?|visits?|revealed|disclosed|released|(?:in|to|before)\s+(?:a\s+|the\s+)?court|arraign\w*|"
    # a condition's day, not the incident's: "remained hospitalized Friday"
    r"hospitali[sz]ed|in\s+(?:the\s+)?hospital|in\s+custody|in\s+(?:critical|serious|stable)\s+condition)"
    r"\s+(?:(?:on|late|early|by|as\s+of|held|this|last)\s+)*$",
    re.I,
)
# ... or the day a saying that follows it was said: "On Thursday, it said seven people had been arrested".
_SAID_AFTER_DAY = re.compile(
    r"^(?:\s+(?:morning|afternoon|evening|night))?\s*,?\s*(?:(?:the|a|an|its|his|her|their)\s+)?(?:[\w'’-]+\s+){0,4}?"
    r"(?:said|says|announced|told|reported|confirmed|stated|tweeted)\b"
    # "at his Wednesday news conference", "On the Sunday shows"
    r"|^\s+(?:(?:news|press)\s+conferences?|shows?|briefings?|interviews?|speech|statements?|vigils?|funerals?|"
    r"calls?|meetings?|hearings?|rall(?:y|ies))\b",
    re.I,
)
# A date and a count with another clause between them date different things: "took effect on Sunday, one day
# after a mass shooting left 7 dead", "a protest erupted Wednesday in Soma, where a fire left 274 dead".
_DAY_REACH = 90
_DAY_BREAK = re.compile(
    r"\b(?:where|when|after|before|since|while|as|which|who|whom|whose|because|until)\b|[;:—–()]|\s-\s|--", re.I
)


def _event_day(ledger: Ledger, ctx: _Context, fid: str) -> str | None:
    """The day the figure's own sentences give the incident: a date in a count's sentence up to EVENT_GAP_DAYS
    before its report and not the day something was said ("The shooting at a Walmart in El Paso on Saturday
    killed 22", not "police said Monday"), near the count and in its clause; the day most of its sentences
    give, the earliest of a tie."""
    days: Counter[str] = Counter()
    for a, s0, s1, at in store.claim_spans(ledger, fid):
        report, text = ctx.published(a), ctx.text(a)
        if not report:
            continue
        near = min(
            (
                (abs(t0 - at), value[:10])
                for t0, t1, value in store.dates_between(ledger, a, s0, s1)
                if re.match(r"\d{4}-\d{2}-\d{2}(?:T|$)", value)
                and 0 <= _days(value[:10], report) <= DATED_DAYS
                and ((t1 <= at and at - t1 <= _DAY_REACH) or (at <= t0 and t0 - at <= _DAY_REACH))
                and not _DAY_BREAK.search(text, min(t1, at), max(t0, at))
                and not _SAID_DAY.search(text[max(s0, t0 - 40) : t0])
                and not _SAID_AFTER_DAY.match(text[t1 : t1 + 60])
                and not incidents.RITE_DAY.match(text, t0)  # "Friday prayers": a weekday of the week, not this one
            ),
            default=None,
        )
        if near:
            days[near[1]] += 1
        elif s0 < LEDE and (opening := _opening_day(ledger, ctx, a)):
            days[opening] += 1
    if not days:
        return None
    top = max(days.values())
    return min(d for d, n in days.items() if n == top)


def _opening_day(ledger: Ledger, ctx: _Context, aid: str) -> str | None:
    """The day an article's opening sentence gives what happened, for a count in its opening whose own clause
    gives none ("A gunman opened fire at a school on Friday, killing 10. ... Ten other people were wounded"):
    the first date of that sentence up to EVENT_GAP_DAYS before the report, next to a word of what happened with
    no clause break between (not "appeared in court Wednesday", "approved a measure Wednesday, after a train
    derailment"), and not a day something was said."""
    report, text = ctx.published(aid), ctx.text(aid)
    start = store.article_dateline_end(ledger, aid)
    end = min(x for x in (text.find(". ", start), text.find("\n", start + 1), start + LEDE) if x > 0)
    if not report:
        return None
    events = [(m.start(), m.end()) for m in incidents.happenings(text, start, end)]
    return next(
        (
            value[:10]
            for t0, t1, value in store.dates_between(ledger, aid, start, end)
            if re.match(r"\d{4}-\d{2}-\d{2}(?:T|$)", value)
            and 0 <= _days(value[:10], report) <= EVENT_GAP_DAYS
            and any(
                (e1 <= t0 and t0 - e1 <= _OPENING_DAY_REACH) or (t1 <= e0 and e0 - t1 <= _OPENING_DAY_REACH)
                if not _DAY_BREAK.search(text, min(e1, t1), max(e0, t0))
                else False
                for e0, e1 in events
            )
            and not _SAID_DAY.search(text[max(start, t0 - 40) : t0])
            and not _SAID_AFTER_DAY.match(text[t1 : t1 + 60])
            and not incidents.RITE_DAY.match(text, t0)
        ),
        None,
    )


_OPENING_DAY_REACH = 40


_NAMED_STORM = re.compile(r"\b(?:Hurricane|Typhoon|Cyclone|Super Typhoon|Tropical Storm|Superstorm)\s+[A-Z][a-z]+\b")
_WEATHER = frozenset("storm hurricane typhoon cyclone tornado flood flooding floods".split())


def _named_storm(ctx: _Context, arts: list[str]) -> str | None:
    """The storm the figure's articles name in their headline or opening ("Hurricane Harvey"): its name is the
    incident's, wherever its counts are placed."""
    named = Counter(
        m.group(0) for a in arts if (m := _NAMED_STORM.search((ctx.title(a) or "") + " " + ctx.text(a)[:FOUNDING_LEDE]))
    )
    return named.most_common(1)[0][0] if named else None


_FIRES = frozenset("fire fires wildfire wildfires".split())
# A fire's own name, as the body writes it: "the Camp Fire", "the Holy Fire" (not "the Fire Department").
_NAMED_FIRE = re.compile(r"\b[Tt]he\s+((?:[A-Z][a-z]+\s+){1,2})[Ff]ire\b(?!\s+[A-Z])")


def _named_fire(ctx: _Context, arts: list[str], sents: str) -> str | None:
    """The one fire the figure's own sentences name, else the one its articles name in their opening: the
    incident's name, as a storm's is ("The Camp Fire ... has killed at least 76", the Woolsey Fire beside it)."""
    named = {m.group(1) + "Fire" for m in _NAMED_FIRE.finditer(sents)}
    if not named:  # "the Woolsey fire", lower case, is a second fire too
        named = {m.group(1) + "Fire" for a in arts for m in _NAMED_FIRE.finditer(ctx.text(a)[:FOUNDING_LEDE])}
    return f"the {named.pop()}" if len(named) == 1 else None


def _in_a_capital(text: str, pos: int, name: str) -> bool:
    """Whether a capital the ledger keys by its country is named as where a thing happened ("129 dead and 352
    wounded in Paris"): the town, not its government ("Paris said")."""
    g = gazetteer()
    return (
        g.country(name) is None
        and g.capitals.get(fold(name)) is not None
        and bool(re.search(r"\b(?:in|at|near|outside)\s+$", text[max(0, pos - 8) : pos]))
    )


_AT = re.compile(r"\b(?:in|at|near)\s+$")
# "the western city of Quetta": the words say a place, whatever its size or the tagger's label
_TOWN_OF = re.compile(r"\b(?:city|town|village|province|district|region|capital|port)\s+of\s+$", re.I)
_BIG_TOWN = 100_000


def _places_in(ledger: Ledger, text: str, aid: str, s0: int, s1: int) -> list[tuple[str, str, int, int]]:
    """The places a sentence names: the tagger's, and a big town or a region it took for something else where
    the sentence puts something at it ("in Copenhagen, killing two", Copenhagen tagged an organisation) or
    calls it a place ("the western city of Quetta")."""
    named = store.places_between(ledger, aid, s0, s1)
    for name, pos, feature, population in store.untagged_places_between(ledger, aid, s0, s1):
        big = (feature == "A" or population >= _BIG_TOWN) and _AT.search(text, max(0, pos - 8), pos)
        if big or _TOWN_OF.search(text, max(0, pos - 16), pos):
            named.append((entity_id("GPE", name), name, 1, pos))
    return sorted(named, key=lambda p: p[3])


def _towns_first(text: str, named: list[tuple[str, str, int, int]]) -> list[tuple[str, str, int, int]]:
    """The places a sentence names, less the state or country that only locates the town before it
    ("Chattanooga, Tenn., and killed four": the town is where, however near the number its state is)."""
    starts = [pos for *_, pos in named]
    return [p for p in named if not any(a < p[3] and re.fullmatch(r"[^,.;]{1,40},\s*", text[a : p[3]]) for a in starts)]


# Events that happen at one site: a shooting is at a school in a town, never across a state (a storm can be).
_SITE_EVENT = re.compile(
    r"\b(?:shootings?|shot|gunman|gunmen|gunfire|stabbings?|attacks?|bombings?|bomb|blasts?|explosions?|"
    r"massacre|raids?|crash|stampede|ambush|derailment|siege|hostage|rammings?|rammed|plowed|ploughed|"
    r"kidnappings?|kidnapped|abductions?|abducted)\b"
)


# A town that only gives a bearing: "about 34 miles north of Seattle", "outside Seattle" is not where it was.
_BEARING = re.compile(
    r"\b(?:(?:miles|mi|km|kilometers|kilometres)\s+(?:\w+\s+)?(?:of|from)|(?:north|south|east|west)"
    r"(?:east|west)?(?:ern)?\s+of|outside(?:\s+of)?|near|from|to)\s+$",
    re.I,
)


def _site_town(ledger: Ledger, ctx: _Context, arts: list[str], place: str, said: str) -> str | None:
    """The one town the figure's articles open with inside the state or county its title would name, for an
    event at one site: "the Washington shooting" whose opening puts the school in Marysville is Marysville's."""
    if not _SITE_EVENT.search(said):
        return None
    county = bool(re.search(r"\b(?:County|Parish|Borough)$", place))
    towns: set[str] = set()
    for a in arts:
        rows = store.resolved_places_between(ledger, a, 0, len(ctx.text(a)))
        regions = {(c, adm) for _, name, c, adm, feat in rows if feat == "A" and adm and fold(name) == fold(place)}
        if not regions:  # named in the headline only
            regions = {
                (r.country, r.admin1)
                for r in place_index().lookup(place)
                if r.feature == "A" and r.admin1 and r.country
            }
        if not regions and not county:
            continue
        towns |= _opening_towns(ledger, ctx, a, rows, regions, ctx.place_country(a))
    return towns.pop() if len(towns) == 1 else None


def _country_site_town(ledger: Ledger, ctx: _Context, arts: list[str], country: str, said: str) -> str | None:
    """The one town the figure's articles open with inside the country a title names with no place, for an
    event at one site: "killed in the attack, Kenya" whose opening puts the campus in Garissa is Garissa's."""
    if not _SITE_EVENT.search(said):
        return None
    towns: set[str] = set()
    for a in arts:
        rows = store.resolved_places_between(ledger, a, 0, len(ctx.text(a)))
        towns |= _opening_towns(ledger, ctx, a, rows, set(), country)
    return towns.pop() if len(towns) == 1 else None


def _opening_towns(ledger: Ledger, ctx: _Context, aid: str, rows, regions: set, country: str | None) -> set[str]:
    """The towns (or schools and plants the resolver put in their town) the article's opening names past its
    byline and dateline ("SEATTLE (AP) -": the reporter's town), in one of `regions` (country, admin1), or
    where there are none, in `country`."""
    text, start = ctx.text(aid), store.article_dateline_end(ledger, aid)
    return {
        name
        for pos, name, c, adm, feat in rows
        if feat in ("P", "S")
        and start <= pos < FOUNDING_LEDE
        and not _BEARING.search(text[max(0, pos - 40) : pos])
        and not _HOME_BEFORE.search(text, max(0, pos - 40), pos)
        and ((c, adm) in regions or (not regions and c == country))
        and not not_a_place(name)
        and not jurisdiction(text, pos, text[pos : pos + len(name)])
    }


def _town_country(ledger: Ledger, arts: list[str], place: str) -> str | None:
    """The country of a town the figure's articles name and resolve."""
    return next((c for a in arts for name, c, _ in store.article_towns(ledger, a) if fold(name) == fold(place)), None)


def _bigger(ledger: Ledger, part: str, whole: str) -> bool:
    """Whether every value of a would-be part is above every value of its would-be whole."""

    def values(fid: str) -> list[float]:
        return [v for c in store.filed(ledger, fid) for v in (c.point, c.low, c.high) if v is not None]

    mine, theirs = values(part), values(whole)
    return bool(mine and theirs) and min(mine) > max(theirs)


# An office a place names as its jurisdiction: "Harvey County Sheriff T. Walton", "a St. Louis County officer".
_OFFICE_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:(?-i:[A-Z])[\w.]*\s+){0,3}?(?:sheriff|sheriff['’]s|police|officers?|deputies|deputy|"
    r"troopers?|patrol|national guard|"
    r"prosecutors?|coroner|medical examiner|mayor|governor|officials?|authorities|spokes(?:man|woman|person)|"
    r"fire chief|fire department|district attorney|attorney general|emergency management|health department)\b",
    re.I,
)


def jurisdiction(text: str, pos: int, name: str) -> bool:
    """Whether a place named at `pos` only says whose office follows ("Harvey County Sheriff", "St. Louis
    County officer"): the office's jurisdiction, which holds the incident's town, not the town itself."""
    if not text.startswith(name, pos):
        return False
    return bool(_OFFICE_AFTER.match(text, pos + len(name)))


# ... or, before it: "Patrick Crusius, 21, of Allen, Texas", "a resident of Orvin", "a man from Kessel".
_HOME_BEFORE = re.compile(
    r"(?:\b[A-Z][\w'’-]+,\s+\d{1,3},\s+(?:an?\s+[\w\s-]{0,30}?\s+)?(?:of|from)|"
    r"\b(?:residents?|natives?|citizens?|man|woman|men|women|boy|girl|teens?|teenager|suspect)\s+(?:of|from)|"
    # where the one who tells it sits: "some 300,000 fled Raqqa, a U.N. official in Damascus told the BBC"
    r"\b(?:officials?|spokesm[ae]n|spokeswom[ae]n|spokespersons?|correspondents?|envoys?|diplomats?)\s+"
    r"(?:(?:based|stationed)\s+)?in)"
    r"(?:\s+the\s+(?:suburb|town|city|village)\s+of)?\s+$"
)
# A place that says where a person is from: "Utah man among British terror victims" is no attack in Utah.
_HOME_OF = re.compile(
    r"(?:['’]s?)?\s+(?:man|woman|men|women|boy|girl|teens?|teenager|couple|family|native|residents?|mother|father|"
    r"tourists?|students?|grandmother|grandfather|retiree)\b|-based\b",  # "a London-based monitoring group"
    re.I,
)


def _only_a_home(said: str, name: str) -> bool:
    """Whether every time the headlines name the place, it is where a person is from."""
    at = [m.end() for m in re.finditer(rf"\b{re.escape(name.lower())}\b", said)]
    return bool(at) and all(_HOME_OF.match(said, e) for e in at)


def _a_persons_name(name: str, people: frozenset[str]) -> bool:
    """A name the tagger took for a place that is a person's name in the figure's articles ("Hagel" of "Chuck
    Hagel": no "Hagel shooting")."""
    words = fold(name).replace("-", " ").split()
    return bool(words) and all(w in people for w in words)


def _says(text: str, name: str) -> bool:
    return bool(re.search(rf"\b{re.escape(name)}\b", text))


def _says_not_home(text: str, name: str) -> bool:
    """Whether `text` names the place other than as someone's home ("Tom Rusk, 21, of Orvin")."""
    return any(
        not _HOME_BEFORE.search(text, max(0, m.start() - 40), m.start()) and not _HOME_OF.match(text, m.end())
        for m in re.finditer(rf"\b{re.escape(name)}\b", text)
    )


def _resolved_place(ledger: Ledger, ctx: _Context, arts: list[str], place, country, sents: str = "") -> tuple:
    """Where the headlines name no place or country: the country of the resolved towns the figure's own
    sentences name, else of those its articles name (the reporter's town as often as the incident's), and
    the town of it they name most."""
    towns = [(name, c, n) for a in arts for name, c, n in store.article_towns(ledger, a)]
    if country is None:
        countries = Counter(c for name, c, _ in towns if _says(sents, name)) or Counter(
            c for a in arts if (c := ctx.place_country(a))
        )
        country = countries.most_common(1)[0][0] if countries else None
    if place is None and country is not None:
        named: Counter = Counter()
        for name, c, n in towns:
            if c == country:
                named[name] += n
        said = [name for name in named if _says(sents, name)]
        ranked = [*named.most_common(2), (None, 0), (None, 0)]
        (top, n), (_, second) = ranked[0], ranked[1]
        # A town no sentence of the figure names is only a guess: the article's one town, named at least
        # TOWN_MIN times and twice as often as any other, or none ("Columbia", 7, beside "Charleston", 4, in
        # a story on the Charleston shooting's gun check; "Washington" of the dateline, 2, beside "Philadelphia").
        place = max(said, key=named.__getitem__) if said else top if n >= TOWN_MIN and n >= 2 * second else None
    return place, country


def _another_countrys(a3: str, resolved: dict[str, str]) -> bool:
    """Whether the articles' places resolve the country's name to a region of another country: "Georgia" in
    a story on the protests at the Georgia State Capitol in Atlanta is the state."""
    name = (gazetteer().name(a3) or "").lower()
    return bool(name) and resolved.get(name, a3) != a3


def _named(a3: str, text: str) -> bool:
    """Whether `text` (lower case) names the country: its name or its adjective."""
    g = gazetteer()
    return any(n and n.lower() in text for n in (g.name(a3), g.adjective.get(a3)))


# A word of its own: not the "fire" of "rapid-fire" or the "war" of "war-torn", nor the verb of "police fire
# tear gas".
_EVENT_WORD = re.compile(
    r"(?<![\w-])(earthquake|quake|tsunami|attacks?|bombings?|blasts?|explosions?|shootings?|massacre|raids?|"
    r"disaster|dam collapse|"
    r"air ?strikes?|storm|hurricane|typhoon|cyclone|tornado|flood(?:ing|s)?|wildfires?|"
    rf"fire(?!\s+{incidents.FIRE_VERB_OBJECTS}\b)|crash|"
    r"clash(?:es)?|stabbings?|shootout|demonstrations?|riots?|protests?|stampede|ambush|collapse|derailment|eruption|landslide|war|"
    r"siege|offensive|strike|kidnappings?|abductions?|rampage|standoff|fighting|confrontations?|sit-ins?|violence|"
    r"shelling|gunfight|firefight|hijacking)(?![\w-])",
    re.I,
)
# A place that names the event it comes before puts the event there as "in" does: "the Parkland, Fla., high
# school shooting", "the Orlando nightclub shooting" (not "a listening session at the White House" before it).
_NAMES_EVENT = re.compile(
    r"(?:,\s+(?-i:[A-Z])[\w.]*(?:\s+(?-i:[A-Z])[\w.]*)?,)?\s+(?:(?-i:[a-z])[\w-]*\s+){0,2}" + _EVENT_WORD.pattern, re.I
)
# The act a sentence tells, where it names no event: "gunmen opened fire at a gathering, killing 32" was a
# shooting, "herdsmen attacked the village, killing 13" an attack.
_SAID_ACT = re.compile(
    r"\b(?:(?P<shooting>opened\s+fire|open\s+fire|opens\s+fire|shot\s+and\s+(?:killed|wounded)|shot\s+dead)|"
    r"(?P<attack>attacked)|(?P<massacre>massacred)|(?P<crash>crashed)|(?P<derailment>derailed)|"
    r"(?P<siege>took\s+(?:\w+\s+){0,3}hostages?|held\s+(?:\w+\s+){0,3}hostages?)|"
    r"(?P<stabbing>stabbed)|(?P<bombing>bombed)|(?P<protests>took\s+to\s+the\s+streets|rioted)|(?P<kidnapping>kidnapped|abducted)|(?P<ramming>(?:rammed|rams|ploughed|plowed|drove|drives)\s+(?:\w+\s+){0,2}into\s+"
    r"(?:a|the)\s+(?:\w+\s+)?(?:crowd|pedestrians|people|protesters|counterprotesters|marchers)))\b",
    re.I,
)
# In a body sentence, not the fire a gunman opened or the attack a city was under.
_SAID_EVENT = re.compile(
    incidents.GUNFIRE + r"(?<!cease)(?<!cease-)(?<!anti-)" + _EVENT_WORD.pattern,
    re.I,
)


# Fire from weapons, not a fire: "killed by Israeli fire", "under heavy fire", "sniper fire".
_WEAPON_FIRE = re.compile(
    r"\b(?:army|military|police|troops'?|sniper|tank|artillery|mortar|rocket|gun|machine-gun|friendly|heavy|live|"
    r"enemy|hostile|automatic|naval|anti-aircraft|cross|return|under|open|opens|opened|opening|returned|their|its)\s+$",
    re.I,
)


# "attack on a military base in Kenya": the country an event word says it happened in, within its clause.
_EVENT_IN = re.compile(
    r"(?:[^.:;!?\"“”]|(?<=\b[A-Z])\.){0,60}?\bin\s+(?:the\s+)?((?-i:[A-Z])[\w'.-]*(?:\s+(?-i:[A-Z])[\w'.-]*){0,2})",
    re.I,
)


def _event_country(texts: list[str], people: frozenset[str], resolved: dict[str, str]) -> str | None:
    """The country the first text to say so puts an event in ("killed in a U.S. airstrike in Iraq"): by name,
    not by an adjective, which says whose the strike was, and not a name the article's places resolve to
    another country's region ("the attack in Georgia", the state)."""
    g = gazetteer()
    for text in texts:
        for m in _SAID_EVENT.finditer(text):
            if _an_event(text, m, people) and (n := _EVENT_IN.match(text, m.end(1))):
                words = n.group(1).rstrip(".'").split()
                for k in range(len(words), 0, -1):  # "in Afghanistan Saturday", "in South Sudan"
                    name = " ".join(words[:k])
                    if (a3 := g.country(name)) and not g.demonym(name) and resolved.get(name.lower(), a3) == a3:
                        return a3
    return None


def _an_event(text: str, m: re.Match, people: frozenset[str]) -> bool:
    """Whether an event word names an event: not weapons' fire ("Israeli fire") nor words against a person
    ("Gold Star Families Attack Trump")."""
    word, before, after = m.group(1).lower(), text[max(0, m.start(1) - 30) : m.start(1)], text[m.end(1) :]
    if word == "fire" and (
        _WEAPON_FIRE.search(before)
        or ((prev := re.search(r"([A-Z][\w-]*)\s+$", before)) and gazetteer().demonym(prev.group(1)))
    ):
        return False
    if word == "storm" and (
        re.search(r"\b(?:(?:re)?tweet|twitter|media|political|perfect)\s+$", before, re.I)  # "a retweet storm"
        or re.search(  # "gunmen storm luxury hotel": the verb of those who did it
            r"\b(?:gunmen|militants|forces|troops|police|protesters|soldiers|men|rebels|fighters|commandos|mobs?|"
            r"crowds?|demonstrators|supporters|rioters|students|attackers|insurgents|jihadists)\s+$",
            before,
            re.I,
        )
        or re.match(r"\s+(?:the|a|an|his|her|their|its|into|through|(?-i:[A-Z])\.?[A-Z]?\.?\s)", after)  # a verb
    ):
        return False  # words, or "Protesters storm the embassy": no weather
    if word in ("flood", "floods") and re.search(r"\b[a-z]+s\s+$", before) and re.match(r"\s+(?:the\s|[A-Z])", after):
        return False  # "Russian bots flood Twitter after the Parkland shooting": a verb, no flood
    if word == "war" and (
        re.search(
            r"\b(?:declar\w*|wag\w*|trade|price|culture|cultural|political|legal|turf|bidding|flame|media|"
            r"twitter|words?|cold)\s+$",
            before,
            re.I,
        )
        or re.match(r"\s+(?:on|of\s+words|room|chest|against)\b", after, re.I)
        or re.search(r"\b(?:is|was|it's|this\s+means)\s+$", before, re.I)
        or (
            m.group(1)[0].isupper()
            and re.match(r"\s+(?:Memorial|Museum|College|Cemetery|Department|Office|Powers)\b", after)
        )
    ):
        return (
            False  # "declaring war on Mayor de Blasio", "a trade war", "This is war!", "the War Memorial": no fighting
        )
    if word == "fighting" and (
        re.search(
            r"\b(?:is|are|was|were|be|been|being|keep|kept|stop|start\w*|began|begin|continu\w+|'re|not)\s+$",
            before,
            re.I,
        )
        or re.match(
            r"\s+(?:for|to|against|back|off|over|with|the|a|an|his|her|their|its|this|that|words?|chance)\b",
            after,
            re.I,
        )
    ):
        return False  # "fighting for his life", "were fighting back": the verb, not a battle
    if word == "violence" and re.search(
        r"\b(?:gun|domestic|sexual|partner|family|dating|political|police|youth|school|workplace)\s+$", before, re.I
    ):
        return False  # a kind of crime, counted by the year, not one incident
    if word == "standoff" and re.search(
        r"\b(?:budget|political|diplomatic|nuclear|legal|trade|fiscal)\s+$", before, re.I
    ):
        return False
    if word.startswith("attack") and (obj := re.match(r"\s+(?:on\s+)?([A-Z][\w'-]*)", after)):
        return fold(obj.group(1)) not in people
    return True


# How near the number an event word of its clause must be to name the count's own event, and what parts them:
# "the worst attack since the war began, killing 20" counts the attack's dead, not the war's.
_EVENT_REACH = 80
_EVENT_BREAK = re.compile(r"[;:—–()]|\s-\s|--|\b(?:since|until|whereas|unlike|than)\b", re.I)
# ... and, where the event word comes first, what makes it a later one: "The clashes continued, after four
# Americans were killed".
_EVENT_LATER = re.compile(r"\b(?:after|following|when|as|because|while|where|once)\b", re.I)
_EVENT_BACKGROUND = re.compile(
    r"\b(?:since|than|like|unlike|before|previous|last\s+year['’]s)\s+(?:\w+\s+){0,3}$", re.I
)
_VAGUE_EVENTS = frozenset("attack attacks disaster strike war offensive collapse".split())


def _stem(event: str) -> str:
    return re.sub(r"(?:es|s)$", "", event)


def _said_events(ledger: Ledger, ctx: _Context, fid: str, people: frozenset[str], reach: int | None = None) -> Counter:
    """The event each count's sentence names nearest its number (an event word, or the act: "opened fire" is a
    shooting); with `reach`, only one that near, in the number's clause and not a background's."""
    events: Counter = Counter()
    for a, s0, s1, at in store.claim_spans(ledger, fid):
        text = ctx.text(a)
        said = [
            *(
                (m.start(1), m.end(1), m.group(1).lower())
                for m in _SAID_EVENT.finditer(text, s0, s1)
                if _an_event(text, m, people)
            ),
            *((m.start(), m.end(), str(m.lastgroup)) for m in _SAID_ACT.finditer(text, s0, s1)),
        ]
        if reach is not None:
            said = [
                (e0, e1, word)
                for e0, e1, word in said
                if abs(e0 - at) <= reach
                and not _EVENT_BREAK.search(text, min(e1, at), max(e0, at))
                and not (e1 <= at and _EVENT_LATER.search(text, e1, at))
                and not _EVENT_BACKGROUND.search(text[max(s0, e0 - 40) : e0])
            ]
        if said:
            events[min(said, key=lambda e: abs(e[0] - at))[2]] += 1
    return events


def incident_title(
    measure: str,
    event: str,
    place: str | None,
    country: str | None,
    day: str | None,
    incident: str = "",
    headline: str | None = None,
    reported: bool = True,
) -> str:
    """How a person names the incident, as far as the headlines tell: "killed in the Las Vegas shooting,
    reported 2017-10-02, United States"; without an event word in them, the first headline itself;
    another incident of the story by what tells it apart ("killed at Charleston, in a story on ...")."""
    if event[:1].isupper() or event.startswith("the "):  # a name of its own: "Hurricane Harvey", "the Camp Fire"
        main = event
    elif event:
        main = f"the {place} {event}" if place and place.lower() not in event else f"the {event}"
    elif place:
        main = place
    else:
        main = f"“{headline}”" if headline else "an untitled story"
    if incident.startswith(("at ", "in ")):
        head = f"{measure} {incident}, in a story on {main}"
    elif incident.startswith("of "):
        what = event.removeprefix("the ") or "incident"
        if place and not what[:1].isupper() and place.lower() not in what.lower():
            what = f"{place} {what}"  # "killed in the Moore tornado of 2013-05-20"
        head = f"{measure} in the {what} {incident}"
    elif incident == ANOTHER_COUNT:  # a second value of one source in one report: what it counts is unsaid
        head = f"{measure}: {incident}" + (f", in a story on {main}" if event or place or headline else "")
    elif incident.startswith(("another ", "new ")):
        head = f"{measure} in {'a ' if incident.startswith('new ') else ''}{incident.removeprefix('new ')}"
    elif incident:
        head = f"{measure} in the {incident}"
    else:
        head = f"{measure} in {main}" if event or place else f"{measure}, in {main}"
    parts = [head]
    if day:  # the day it happened, where its sentences say; else the day of the first report, said so
        parts.append(f"reported {day}" if reported else day)
    if country and gazetteer().name(country) != place:
        parts.append(gazetteer().name(country))
    return ", ".join(parts)


def _merge_same_story(ledger: Ledger, ctx: _Context, fid: str) -> str:
    """Stories merge as articles arrive: two figures of the same quantity in one story become one."""
    f = store.head(ledger, fid)
    story = ctx.story(f.anchor) if f else None
    if f is None or story is None or f.incident == ANOTHER_COUNT:  # each such count is its own
        return fid
    vals = [v for r in store.filed(ledger, fid) for v in (r.point, r.low, r.high) if v]
    span = (min(vals), max(vals)) if vals else None
    for oid, anchor, first in store.same_quantity(ledger, f):
        if (
            ctx.story(anchor) == story
            and _near(f.first, first, first, ctx.options.window_days)
            and ctx.same_place(f.anchor, store.origins(ledger, oid) or [anchor])
            # an undated figure: no date tells the two one incident, so the values must (as in `_find`)
            and ((f.first is not None and first is not None) or _values_agree(ledger, oid, span))
        ):
            store.move(ledger, fid, oid)
            return oid
    return fid


def _merge_across(ledger: Ledger, ctx: _Context, fid: str) -> str:
    """A figure of one story and a figure of another that count one incident's quantity become one, whichever
    was filed first: a claim joins its own story's figure before it looks across stories, so an article that
    its story clustering left alone would keep its own figure if the join were only checked as claims arrive."""
    f = store.head(ledger, fid)
    if f is None or f.incident or f.part is not None or ctx.story(f.anchor) is None:
        return fid
    arts = store.origins(ledger, fid)
    vals = [v for r in store.filed(ledger, fid) for v in (r.point, r.low, r.high) if v]
    span = (min(vals), max(vals)) if vals else None
    for oid, anchor, first in store.same_quantity(ledger, f):
        if (
            ctx.story(anchor) not in (None, ctx.story(f.anchor))
            and _near(f.first, first, first, ctx.options.window_days)
            and any(_same_incident(ledger, ctx, a, oid, span) for a in arts[:20])
        ):
            small, big = (oid, fid) if len(store.origins(ledger, oid)) < len(arts) else (fid, oid)
            store.move(ledger, small, big)
            return big
    return fid


def update(ledger: Ledger, options: FigureOptions | None = None) -> int:
    """File every claim stored since the last run into a figure; returns how many claims were read."""
    options = options or FigureOptions()
    ctx = _Context(ledger, options)
    done = 0
    while True:
        with ledger.transaction():
            rows = store.claims_after(ledger, progress.last_id(ledger, STEP), options.batch)
            if not rows:
                return done
            touched: set[str] = set()
            for row in rows:
                if eligible(row) and (fid := _file(ledger, ctx, row)):
                    touched.add(fid)
            for fid in sorted(touched):
                _summarize(ledger, ctx, _merge_across(ledger, ctx, _merge_same_story(ledger, ctx, fid)))
            progress.advance(ledger, STEP, rows[-1].id)
            done += len(rows)


# A source's count moving on within one report: "the toll rose to 35", "bringing the dead to 40".
_UPDATED = re.compile(
    r"\b(?:rose|risen|rises|rising|climbed|climbs|climbing|increased|jumped|reached|revised|updated|grew|grown|"
    r"swelled|soared|raising|raised|bringing|brings|brought|now|latest)\b",
    re.I,
)


OPEN_REACH = 1.3  # how far an open bound reaches: "just over 20" allows 23, "at least 31" not 48
APPROX_REACH = 1.15  # and a round "some 90" either way


def _interval(point: float | None, low: float | None, high: float | None) -> tuple[float, float]:
    """The values a count allows as a reader takes it: "31" is 31, "between 20 and 30" 20 to 30, "just over 20"
    20 to 26, "close to 150" about 115 to 150, "some 90" about 78 to 104."""
    if low is not None and high is not None:
        return low, high
    if low is not None:
        return low, low * OPEN_REACH
    if high is not None:
        return high / OPEN_REACH, high
    v = point or 0.0
    return v / APPROX_REACH, v * APPROX_REACH


def another_count(
    said: list[tuple[float | None, float | None, float | None]], row: ClaimRow, text: str, sentence: tuple[int, int]
) -> bool:
    """Whether a claim is another quantity than the one its party already gave in the same report: one source
    in one article states one value of one incident's count, so a second, different value from it is of
    another incident, a part or a past one ("at least 31 died" in the crash, "48 died" in the airline's crash
    the year before), unless its sentence says the count moved on ("the toll rose to 35")."""
    if not said or _UPDATED.search(text, sentence[0], sentence[1]):
        return False
    lo, hi = _interval(row.point, row.low, row.high)
    return any(
        not (a <= hi and lo <= b) and not _close(lo, hi, a, b)
        for a, b in (_interval(*v) for v in said if any(x is not None for x in v))
    )


def _close(lo: float, hi: float, a: float, b: float) -> bool:
    """Whether two values are within a tenth ("21 killed" in a list, "at least 22" in the lead): the same toll
    told at two moments, not another quantity."""
    gap = max(a - hi, lo - b)
    return gap <= 0.1 * min(abs(lo), abs(a))  # not 3 beside 4: "three other Americans" and the four killed


def _inside(
    town: tuple[int, str, str, str | None, str | None], scope: tuple[int, str, str, str | None, str | None]
) -> bool:
    """Whether a resolved town or region lies in another resolved place: a town in its region or country, a
    region in its country."""
    _, name, country, admin1, feature = town
    _, sname, scountry, sadmin1, sfeature = scope
    if country != scountry or fold(name) == fold(sname) or sfeature != "A" or feature not in ("P", "A"):
        return False
    if sadmin1 is None:  # a country holds its towns and regions
        return feature == "P" or admin1 is not None
    return feature == "P" and admin1 == sadmin1


def placed_part(ledger: Ledger, ctx: _Context, fid: str, row: ClaimRow, sentence: tuple[int, int]) -> str | None:
    """The town or region a smaller count is placed in, inside the state or country its article gave the
    figure's count for ("at least five dead in North Carolina", then "two killed by a falling tree in
    Wilmington"): that place's part of the toll, not a competing estimate of it."""
    aid = row.article_id
    here = store.resolved_places_between(ledger, aid, *sentence)
    if not here:
        return None
    town = min(here, key=lambda p: abs(p[0] - row.start))
    if town[4] not in ("P", "A") or (town[4] == "A" and town[3] is None):  # a country: its own incident or another
        return None
    hi = _interval(row.point, row.low, row.high)[1]
    said = store.counts_in(ledger, fid, aid)
    if not said:
        return None
    for point, low, high, s0, s1, at, _ in said:
        if _interval(point, low, high)[0] <= hi:  # not bigger than this count: no whole of it
            return None
        theirs = store.resolved_places_between(ledger, aid, s0, s1)
        if any(fold(p[1]) == fold(town[1]) for p in theirs):  # given for this very place
            return None
        if not theirs or not _inside(town, min(theirs, key=lambda p: abs(p[0] - at))):
            return None
    return town[1]


_ONE_OTHER = re.compile(r"\s+other\b", re.I)
UNDECIDED_WHY = (
    "a count deep in its article, with no day of the report, that differs from the count its opening gives: "
    "another incident, a part or background, which the text does not say"
)


def undecided(ledger: Ledger, fid: str, row: ClaimRow, text: str, sentence: tuple[int, int], founds: bool) -> bool:
    """Whether a claim that founds nothing would join its article's own figure with another value than every
    founding count of it there: deep, undated counts are background, other incidents and parts as often as
    the toll (docs/figures.md), and a second, different value is no estimate of the same toll unless the
    sentence says the count moved on ("the toll rose to 35"). Left out and said so, rather than merged."""
    if founds or _UPDATED.search(text, sentence[0], sentence[1]):
        return False
    lo, hi = _interval(row.point, row.low, row.high)
    opening = [_interval(p, a, b) for p, a, b, *_, f in store.counts_in(ledger, fid, row.article_id) if f]
    return bool(opening) and all(not (a <= hi and lo <= b) for a, b in opening)


# A day or a later time in an increment's sentence: "another three died on Tuesday" adds to Monday's three.
_LATER = re.compile(
    r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|overnight|later|since|so far)\b",
    re.I,
)


def _retold(ledger: Ledger, ctx: _Context, row: ClaimRow, sentence: tuple[int, int], mates: list) -> bool:
    """Whether an increment ("another 15 were wounded") repeats the article's earlier count of the same
    measure and value, the others besides a count of another measure ("killing a general"), not 15 more: its
    sentence counts nothing else of the measure and names no later day."""
    text = ctx.text(row.article_id)
    return (
        incidents.another_before(text[sentence[0] : row.start])  # not "the ambassador and three other staff"
        and row.point is not None
        and row.measure is not None
        and not any(m == row.measure and s != row.start for s, _, m in mates)
        and not _LATER.search(text[sentence[0] : sentence[1]])
        and store.told_before(ledger, row.article_id, sentence[0], row.measure, row.point)
    )


_DIED_AFTER = re.compile(
    r"(?:(?!\b(?:and|but|while|of)\b|\d)[^.;:,]){0,60}?\b(?:died|have died|has died|later died|succumbed|was killed|were killed|did not survive)\b",
    re.I,
)


# Words that move a force somewhere: a deployed figure's sentence says one.
_DEPLOYMENT = re.compile(
    r"\b(?:(?:re)?deploy\w*|dispatch\w*|sen[dt]\w*|station\w*|mobili[sz]\w*|reinforc\w*|airlift\w*|surg\w*|"
    r"arriv\w*|commit\w*|pledg\w*|contribut\w*|order\w*|mov(?:e|es|ed|ing)|transferr?\w*|rush\w*|flown|"
    r"head(?:ed|ing)?\s+(?:to|for)|bound\s+for|land(?:ed|ing)?|poured|massed|positioned|boost\w*|bolster\w*)\b",
    re.I,
)


def _moves_force(sentence: str) -> bool:
    """Whether a word in the sentence moves a force: not the "stationed" of where one stands ("the 5,000 troops
    stationed in Iraq"), only of an act ("stationed 3,000 troops in Poland")."""
    return any(
        not (
            m.group(0).lower().startswith("station")
            and re.search(
                r"\b(?:troops|soldiers|forces|personnel|marines|sailors|airmen|members)\s+(?:\w+\s+)?$",
                sentence[: m.start()],
                re.I,
            )
        )
        for m in _DEPLOYMENT.finditer(sentence)
    )


# The measures whose figure may count things ("deployed 34 batteries", "200,000 homes affected"); not the missing
# (emails) nor things captured, a campaign's territory ("300 villages"), no incident's toll.
THING_FIGURES = THING_MEASURES - {"missing", "captured"}
_JURISDICTIONS = frozenset(
    """state states country countries nation nations city cities town towns village villages county counties
    province provinces region regions district districts parish parishes territory territories municipality
    municipalities""".split()
)
# People who go where they stand of their own accord: "two dozen protesters were stationed outside".
_NOT_SENT = frozenset(
    "protesters demonstrators fans supporters residents migrants refugees civilians children students voters "
    "passengers spectators onlookers worshippers mourners tourists".split()
)


def _file(ledger: Ledger, ctx: _Context, row: ClaimRow) -> str | None:
    """File a counted claim in the figure of its quantity and incident; None when it is about no incident of
    its story (background, a tally, a rate, a need or a guess: kept in claim_readings with the reason)."""
    aid = row.article_id
    published = ctx.published(aid)
    text = ctx.text(aid)
    sentence = _sentence(text, row)
    mates = [c for c in ctx.counts(aid) if sentence[0] <= c[0] and c[1] <= sentence[1]]
    if row.measure == "injured" and _DIED_AFTER.match(text, row.end, sentence[1]):
        row = row._replace(measure="killed")  # "One other wounded rebel was reported to have died"
    reading = incidents.read(text, sentence, (row.start, row.end), row.time, published, row.counted, row.measure, mates)
    if (
        reading.role in incidents.IN_FIGURES
        and row.measure in ("killed", "casualties", "injured")  # the sick of an epidemic are no injured either
        and incidents.epidemic((ctx.title(aid) or "") + " " + text[:LEDE] + " " + text[sentence[0] : sentence[1]])
    ):
        reading = incidents.Reading(incidents.TALLY, "an epidemic's toll: a running tally of a cause")
    if reading.role in incidents.IN_FIGURES and vague(row.text):
        # "dozens", "hundreds": an order of magnitude that no one can check against a count
        reading = incidents.Reading(incidents.NOT_A_CLAIM, f"{row.text!r} is an order of magnitude, not a count")
    if reading.role not in incidents.IN_FIGURES:
        store.note_reading(ledger, row.id, reading.role, reading.reason)
        return None
    if (row.measure not in THING_FIGURES and not counts_people(row.counted)) or fold(row.counted or "").rpartition(" ")[
        2
    ] in WRITINGS:  # no measure of anything counts tweets
        store.note_reading(ledger, row.id, incidents.NOT_A_CLAIM, f"counts {row.counted!r}, not people")
        return None
    if fold(row.counted or "").rpartition(" ")[2].rpartition("-")[2] in _JURISDICTIONS:
        # "the three most-affected states", "20 counties declared disaster areas": places, no one counted
        store.note_reading(ledger, row.id, incidents.NOT_A_CLAIM, f"counts {row.counted!r}, places")
        return None
    if row.measure == "deployed" and fold(row.counted or "").rpartition(" ")[2] in _NOT_SENT:
        store.note_reading(ledger, row.id, incidents.NOT_A_CLAIM, f"{row.counted!r} are no force anyone deploys")
        return None
    if (
        row.measure == "arrested"
        and _DETAINED.search(text, sentence[0], sentence[1])
        and _NO_ARREST.search(text, sentence[0], min(len(text), sentence[1] + NO_ARREST_REACH))
    ):  # "One person was detained near the scene ... No arrests had been made": held, not arrested
        store.note_reading(ledger, row.id, incidents.NOT_A_CLAIM, "detained, where the story says no arrest was made")
        return None
    if row.measure == "deployed" and not _moves_force(text[sentence[0] : sentence[1]]):
        # "the 5,500 US troops in Iraq": a standing force; "eight troops arrived home injured" no deployment either
        store.note_reading(ledger, row.id, incidents.NOT_A_CLAIM, "a force's size, with no word of its deployment")
        return None
    origin = ctx.origin(aid)
    grp, country = counted_group(row.counted)
    incident = reading.incident
    region = None
    if not incident and reading.place and not not_a_place(reading.place):  # "16 in India" in a story on Nepal
        where = gazetteer().country(reading.place)
        if where and where != ctx.country(aid):
            incident = f"in {gazetteer().name(where)}"
        elif not where and reading.role == incidents.INCIDENT and ctx.region(aid, reading.place):
            region = f"in {reading.place}"  # "Renzi reported 35 dead in Le Marche": one region's toll
        elif not where and sentence[0] >= LEDE and ctx.not_here(aid, reading.place):
            incident = (
                f"in {reading.place.rstrip('.')}"  # "the man accused of killing 20 in El Paso" in a story on Dayton
            )
    if not incident and (where := _the_country(text, sentence, row)) and where != ctx.country(aid):
        incident = f"in {gazetteer().name(where)}"  # "India's Home Ministry says 16 people in the country ..."
    by_place = reading.role == incidents.PART and (reading.part or "").startswith("in ")
    if not incident and not by_place and (other := ctx.elsewhere(aid, sentence)):  # a list's towns are its parts
        incident = f"at {other}"
    if not incident:  # "Another Powerful Earthquake Strikes Nepal": its counts are of the second quake
        incident = incidents.headline_incident(ctx.title(aid), text[sentence[0] : sentence[1]], row.start - sentence[0])
    if not incident:  # "airstrikes ..., killing 25" in a story on a siege: the airstrikes' toll
        incident = incidents.caused_by_other(ctx.title(aid), text[sentence[0] : sentence[1]], row.start - sentence[0])
    part = reading.part if reading.role == incidents.PART else region
    if part == "more" and _retold(ledger, ctx, row, sentence, mates):
        part = None  # "killing a general and wounding 15. ... Another 15 people were wounded": the 15, told again
    if part is None and not incident and (state := _one_of_the_regions(ctx, aid, sentence)):
        part = f"in {state}"  # "43 dead across seven states ... Six people died ... in Missouri": one state's
    if part is None and not incident and (town := _section_place(ctx, aid, row.start)):
        part = f"in {town}"  # "Oakland, California: 40 fires started" heads a round-up's section on Oakland
    if (
        part is None
        and not incident
        and (site := incidents.site_of(text, sentence, (row.start, row.end)) or incidents.site_before(text, sentence))
        and incidents.several_sites((ctx.title(aid) or "") + " " + text[:LEDE])
    ):
        part = site  # "10 killed at the airport" of an attack on an airport and a metro station: one site's toll
    day = report_day(published, row.time)
    if not incident and reading.event_day and day and _days(reading.event_day, day) > EVENT_GAP_DAYS:
        incident = f"of {reading.event_day}"  # "the April 25 quake" in a report of May 12: an earlier incident
    vals = [v for v in (row.point, row.low, row.high) if v is not None]
    span = (min(vals), max(vals)) if vals else None
    said_at = _span_resolved(ledger, ctx, aid, sentence[0], sentence[1], row.start)  # where it is put, once
    fid = _find(ledger, ctx, row.measure, grp, country, aid, origin, day, incident, part, span, said_at)
    if fid is not None and part is None and not incident and (town := placed_part(ledger, ctx, fid, row, sentence)):
        part = f"in {town}"
        fid = _find(ledger, ctx, row.measure, grp, country, aid, origin, day, incident, part, span, said_at)
    founds = founding(text, sentence, (row.start, row.end), row.time, day) and _happened(ctx, aid, sentence)
    if fid is not None and undecided(ledger, fid, row, text, sentence, founds):
        if not _ONE_OTHER.match(text, row.end):
            store.note_reading(ledger, row.id, incidents.UNDECIDED, UNDECIDED_WHY)
            return None
        part = "more"  # "One other wounded rebel died": one more than the opening's count, its increment
        fid = _find(ledger, ctx, row.measure, grp, country, aid, origin, day, incident, part, span, said_at)
    credit = _credit(ledger, ctx, row, origin)
    if fid is not None and another_count(store.said_in(ledger, fid, origin, credit.key), row, text, sentence):
        fid, incident = None, ANOTHER_COUNT
    if fid is None:
        key = f"{row.measure}|{grp}|{country}|{aid}|{row.start}" + (f"|{incident}|{part}" if incident or part else "")
        fid = hashlib.sha1(key.encode()).hexdigest()[:12]
        shown = shown_group(grp, country, row.counted)
        store.add(ledger, fid, row.measure or "", shown, grp, country, aid, day, incident, part)
    else:  # keep the window current for the claims that follow in this batch
        store.widen(ledger, fid, day)
    value = f"{row.point}|{row.low}|{row.high}|{row.qualifier}"
    store.file(
        ledger,
        row.id,
        fid,
        credit.key,
        credit.source,
        f"{credit.key}|{value}",
        origin,
        day,
        credit.name,
        credit.relayed_by,
        reading.stance,
        reading.preliminary,
        founds,
    )
    return fid


# A toll told over several regions at once: "left at least 43 people dead across seven states".
_ACROSS_REGIONS = re.compile(
    r"\b(?:across|in)\s+(?:at\s+least\s+)?(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|multiple|"
    r"a\s+dozen)\s+(?:[\w-]+\s+)?(?:states|provinces|regions|countries|counties|districts|prefectures)\b",
    re.I,
)


# Held, and the story says no one was arrested: a detention for questioning is no arrest.
# (Not "no charges were filed": the charged and the arrested are different counts.)
_DETAINED = re.compile(r"\b(?:detained|taken into custody|held for questioning|questioned)\b", re.I)
_NO_ARREST = re.compile(
    r"\b(?:no (?:arrests?|one)\s+(?:has|have|had|was|were)\s+(?:yet\s+)?(?:been\s+)?(?:made|arrested)|"
    r"(?:has|have|had|was|were)\s+not\s+(?:yet\s+)?been\s+arrested|no arrests? (?:yet|so far))\b",
    re.I,
)
NO_ARREST_REACH = 300  # characters after the count's sentence where the story says so


# A preposition that puts something at the place after it: "killed in Homs", "the town of Mayflower".
_LOCATIVE = re.compile(r"\b(?:in|at|near|outside|of)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?$", re.I)


# A round-up's section heading, a line that names a place and a headline: "Oakland, California: 40 fires
# started", "Los Angeles: Trump effigy torched".
_SECTION_HEAD = re.compile(
    r"^(?P<place>(?-i:[A-Z])[\w.'’-]*(?: (?-i:[A-Z])[\w.'’-]*){0,2})(?:, (?-i:[A-Z])[\w.'’-]*(?: (?-i:[A-Z])[\w.'’-]*)?)?"
    r":[ \t]+(?P<rest>\S[^\n]{0,120})$",
    re.M,
)


def _section_place(ctx: _Context, aid: str, at: int) -> str | None:
    """The place whose section of a round-up the count at `at` stands in: the article heads two or more
    sections with lines that name different places and a headline ("NY: Thousands march ...", "Oakland,
    California: 40 fires started"), and each count under one is that place's, however its sentence says it
    ("At least 30 people were arrested")."""

    def sections() -> list[tuple[int, str]]:
        people = ctx.person_words(aid)
        heads = [
            (m.start(), m.group("place"))
            for m in _SECTION_HEAD.finditer(ctx.text(aid))
            if not m.group("rest").rstrip().endswith(".")
            and len(m.group("rest").split()) <= 12
            and fold(m.group("place")) not in people
            and not not_a_place(m.group("place"))
            # a place the tagger found and the resolver placed, not a speaker's label ("Collins:", "Poll:")
            and any(
                pos == m.start()
                for pos, *_ in store.resolved_places_between(ctx.ledger, aid, m.start(), m.end("place"))
            )
        ]
        return heads if len({p for _, p in heads}) >= 2 else []

    heads = ctx._memo("sections", aid, sections)
    return next((place for pos, place in reversed(heads) if pos < at), None)


def _one_of_the_regions(ctx: _Context, aid: str, sentence: tuple[int, int]) -> str | None:
    """The region a count's sentence places it in, in an article whose headline or opening tells a toll over
    several regions and whose sentence does not: that region's count is a part of the whole, never a
    competing estimate of it."""
    text = ctx.text(aid)
    if _ACROSS_REGIONS.search(text, sentence[0], sentence[1]) or not _ACROSS_REGIONS.search(
        (ctx.title(aid) or "") + " " + text[:LEDE]
    ):
        return None
    for _, name, _, pos in store.places_between(ctx.ledger, aid, *sentence):
        if (
            ctx.region(aid, name)
            and not jurisdiction(text, pos, name)
            and not _HOME_BEFORE.search(text, max(0, pos - 40), pos)
        ):
            return name
    return None


_IN_THE_COUNTRY = re.compile(r"[^.;]{0,40}?\bin (?:the|that|this) country\b")
_POSSESSIVE = re.compile(r"\b((?-i:[A-Z])[\w.-]+(?:\s+(?-i:[A-Z])[\w.-]+)?)['’]s\b")


# "in Ciudad Acuna, a Mexican city of about 140,000": a place the sentence says is in another country
_DESCRIBED_PLACE = re.compile(
    r"\bin\s+(?-i:[A-Z])[\w'’.-]*(?:\s+(?-i:[A-Z])[\w'’.-]*){0,3},\s+an?\s+(?:\w+\s+){0,2}?(?P<adj>(?-i:[A-Z])[\w-]+)\s+"
    r"(?:\w+\s+)?(?:city|town|village|province|state|region|port|district)\b"
)


def _the_country(text: str, sentence: tuple[int, int], row: ClaimRow) -> str | None:
    """The country "in the country" after a count means, when the sentence names one before it as a
    possessive ("India's Home Ministry says at least 16 people in the country were killed"); or the country of
    a place the sentence describes before the count ("in Ciudad Acuna, a Mexican city, ... killed 13")."""
    for m in _DESCRIBED_PLACE.finditer(text, sentence[0], row.start):
        if a3 := gazetteer().demonym(m.group("adj")):
            return a3
    if not _IN_THE_COUNTRY.match(text, row.end, sentence[1]):
        return None
    for m in _POSSESSIVE.finditer(text, sentence[0], row.start):
        if a3 := gazetteer().country(m.group(1)):
            return a3
    return None


def rebuild(ledger: Ledger) -> int:
    """Drop every figure and file all claims again, from scratch."""
    with ledger.transaction():
        store.forget_all(ledger)
        progress.forget(ledger, STEP)
    return update(ledger)


# -- queries -----------------------------------------------------------------------------------------


def get_figure(ledger: Ledger, id: str) -> Figure:
    """One figure by id or unique id prefix."""
    f = store.get_figure(ledger, id)
    if f is None:
        raise NotFound("figure", id)
    return f
