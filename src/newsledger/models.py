"""Typed records passed between the stages.

Every record carries the id of its article and character offsets (Python string indices, end exclusive)
into `Article.text`, so anything in the ledger can be traced back to the exact text it came from.
The `to_contract()` methods give the shapes of ../shared/CONTRACT.md (schema "newsledger/1").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date

SCHEMA = "newsledger/1"

QUALIFIERS = ("exact", "approx", "more_than", "at_least", "less_than", "at_most", "range")
QUOTE_KINDS = ("direct", "indirect", "mixed")
TIME_TYPES = ("DATE", "TIME", "DURATION", "SET")
MEASURES = (
    "killed",
    "injured",
    "casualties",
    "missing",
    "captured",
    "arrested",
    "displaced",
    "deployed",
    "evacuated",
    "affected",
    "other",
)


_NOT_NEWLINE = re.compile(r"[^\n]")


def blank(text: str, spans) -> str:
    """`text` with each (start, end, ...) span's characters but line breaks replaced by spaces."""
    if not spans:
        return text
    out, pos = [], 0
    for start, end, *_ in spans:
        out.append(text[pos:start])
        out.append(_NOT_NEWLINE.sub(" ", text[start:end]))
        pos = end
    out.append(text[pos:])
    return "".join(out)


@dataclass(frozen=True)
class Article:
    id: str
    source: str
    text: str
    title: str | None = None
    published: date | None = None
    url: str | None = None
    # Spans of `text` outside the article body, (start, end, kind), in order: widgets, prompts, captions,
    # bylines, datelines, a trailing related-headlines block (ingest.boilerplate). The text is kept
    # verbatim so offsets hold; no extractor reads these spans.
    outside: tuple[tuple[int, int, str], ...] = ()
    # The text and title as they arrived, where repairing their characters (mojibake) changed them.
    original_text: str | None = None
    original_title: str | None = None
    # Contract revision 2: the publisher ("BBC News") and the ISO 639-1 code of the text ("en", "pt").
    outlet: str | None = None
    language: str | None = None

    @property
    def body_end(self) -> int | None:
        """Where the body ends: before the marked spans that close the text (related headlines, a
        copyright line), else None."""
        end = len(self.text.rstrip())
        cut = None
        for start, stop, _ in reversed(self.outside):
            if self.text[stop:end].strip():
                break
            cut = end = start
        while cut and self.text[cut - 1].isspace():
            cut -= 1
        return cut

    @property
    def body(self) -> str:
        """What extraction reads: the text up to `body_end`, each marked span blanked (same offsets)."""
        return self.reading.text[: self.body_end]

    @property
    def reading(self) -> Article:
        """This article as extractors see it: every marked span's characters but line breaks are spaces."""
        if not self.outside:
            return self
        return replace(self, text=blank(self.text, self.outside))

    def in_outside(self, start: int, end: int) -> bool:
        """Whether [start, end) touches a marked span."""
        return any(s < end and start < e for s, e, _ in self.outside)

    def to_contract(self) -> dict:
        return {
            "id": self.id,
            "source": self.source,
            "title": self.title,
            "published": self.published.isoformat() if self.published else None,
            "text": self.text,
            "outlet": self.outlet,
            "language": self.language,
        }


@dataclass(frozen=True)
class FetchedPage:
    """A page as fetched from the web: kept whole, so that re-extraction never fetches it again."""

    url: str  # as asked for
    final_url: str  # after redirects
    status: int
    headers: tuple[tuple[str, str], ...]  # names lower-cased
    body: bytes  # content encoding (gzip) undone
    fetched_at: str  # ISO 8601, UTC

    def header(self, name: str) -> str:
        return next((v for k, v in self.headers if k == name), "")


@dataclass(frozen=True)
class Entity:
    article_id: str
    id: str
    name: str
    label: str
    mentions: tuple[tuple[int, int], ...]
    canonical: str | None = None

    @property
    def start(self) -> int:
        return self.mentions[0][0]

    @property
    def end(self) -> int:
        return self.mentions[0][1]

    def to_contract(self) -> dict:
        return {
            "id": self.id,
            "name": self.name,
            "label": self.label,
            "canonical": self.canonical,
            "mentions": [list(m) for m in self.mentions],
        }


@dataclass(frozen=True)
class Party:
    """Who says something: a quote's speaker or a claim's source."""

    name: str | None
    entity: str | None = None
    start: int | None = None
    end: int | None = None

    def to_contract(self) -> dict:
        return {"name": self.name, "entity": self.entity, "start": self.start, "end": self.end}


@dataclass(frozen=True)
class Cue:
    text: str
    start: int
    end: int

    def to_contract(self) -> dict:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(frozen=True)
class Quote:
    article_id: str
    start: int
    end: int
    text: str
    kind: str  # one of QUOTE_KINDS
    speaker: Party | None = None
    cue: Cue | None = None

    def to_contract(self) -> dict:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "kind": self.kind,
            "speaker": self.speaker.to_contract() if self.speaker else None,
            "cue": self.cue.to_contract() if self.cue else None,
        }


@dataclass(frozen=True)
class Value:
    point: float | None
    low: float | None = None
    high: float | None = None

    def to_contract(self) -> dict:
        return {"point": self.point, "low": self.low, "high": self.high}


@dataclass(frozen=True)
class Claim:
    article_id: str
    start: int
    end: int
    text: str
    value: Value
    qualifier: str = "exact"  # one of QUALIFIERS
    change: str | None = None  # "up" | "down"
    unit: str | None = None
    counted: str | None = None
    measure: str | None = None  # one of MEASURES
    source: Party | None = None
    # The sentence the claim sits in, for provenance and display.
    sentence_start: int | None = None
    sentence_end: int | None = None
    # TIMEX3 value of the date the claim is anchored to, when its sentence gives one.
    time: str | None = None

    def to_contract(self) -> dict:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "value": self.value.to_contract(),
            "qualifier": self.qualifier,
            "change": self.change,
            "unit": self.unit,
            "counted": self.counted,
            "measure": self.measure,
            "source": self.source.to_contract() if self.source else None,
            "sentence": [self.sentence_start, self.sentence_end] if self.sentence_start is not None else None,
            "time": self.time,
        }


@dataclass(frozen=True)
class TimeExpr:
    article_id: str
    start: int
    end: int
    text: str
    type: str  # one of TIME_TYPES
    value: str  # a TIMEX3 value

    def to_contract(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text, "type": self.type, "value": self.value}


@dataclass(frozen=True)
class Place:
    """A place mention (GPE, LOC, FAC), resolved where the gazetteer can tell which place it is.

    Unresolved places keep their span and text with every resolved field null: never a wrong coordinate.
    """

    article_id: str
    start: int
    end: int
    text: str
    name: str | None = None
    country: str | None = None  # ISO 3166 alpha-3
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    feature: str | None = None  # GeoNames feature class: A country/region, P city, L area, H water, T terrain, S spot
    geonameid: int | None = None
    population: int | None = None

    def to_contract(self) -> dict:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "name": self.name,
            "country": self.country,
            "admin1": self.admin1,
            "lat": self.lat,
            "lon": self.lon,
        }


@dataclass(frozen=True)
class Role:
    """An event's actor or target: the text as written, the canonical entity covering it, and the sector
    (government, military, rebels, civilians, police) and country where the text says."""

    name: str | None
    entity: str | None = None
    start: int | None = None
    end: int | None = None
    sector: str | None = None
    country: str | None = None  # ISO 3166 alpha-3

    def to_contract(self) -> dict:
        return {"name": self.name, "entity": self.entity, "start": self.start, "end": self.end}


EVENT_STATUSES = ("happened", "negated", "hypothetical", "future", "denied")


@dataclass(frozen=True)
class Event:
    """A reported happening coded in PLOVER: a trigger span, its type and mode, whether it happened, who did
    it to whom, where (an index into the article's places), when, and how many died, were hurt or gathered.

    `kind` is the type in lower case, kept for the stored `events.kind` column that older readers filter on."""

    article_id: str
    start: int
    end: int
    trigger: str
    type: str
    mode: str | None = None
    status: str = "happened"  # one of EVENT_STATUSES
    actor: Role | None = None
    target: Role | None = None
    place: int | None = None
    time: str | None = None
    dead: float | None = None
    injured: float | None = None
    size: float | None = None
    # Whether the trigger is what its clause asserts (a finite verb: extract/events.py `asserted`). The
    # coder codes every event (the contract's output); the ledger stores only asserted ones.
    asserted: bool = True

    @property
    def kind(self) -> str:
        return self.type.lower()

    def to_contract(self) -> dict:
        return {
            "start": self.start,
            "end": self.end,
            "trigger": self.trigger,
            "type": self.type,
            "mode": self.mode,
            "status": self.status,
            "actor": self.actor.to_contract() if self.actor else None,
            "target": self.target.to_contract() if self.target else None,
            "place": self.place,
            "time": self.time,
        }


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one article."""

    article: Article
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    claims: tuple[Claim, ...] = ()
    times: tuple[TimeExpr, ...] = ()
    events: tuple[Event, ...] = ()
    sentences: tuple[tuple[int, int], ...] = field(default=(), repr=False)
    places: tuple[Place, ...] = ()

    def to_contract(self) -> dict:
        return {
            "schema": SCHEMA,
            "article": self.article.to_contract(),
            "entities": [e.to_contract() for e in self.entities],
            "quotes": [q.to_contract() for q in self.quotes],
            "claims": [c.to_contract() for c in self.claims],
            "times": [t.to_contract() for t in self.times],
            "places": [p.to_contract() for p in self.places],
            "events": [e.to_contract() for e in self.events],
        }


# -- reconciled: what reconcile derives and the store keeps (see newsledger.reconcile) -----------------


@dataclass(frozen=True)
class StoryArticle:
    id: str
    source: str
    title: str | None
    published: str | None
    copy_of: str | None = None  # the original this is a syndicated copy of
    publications: tuple[str, ...] = ()  # other sources that printed the very same text
    outlet: str | None = None

    @property
    def syndicated(self) -> bool:
        return self.copy_of is not None

    def to_contract(self) -> dict:
        return {
            "id": self.id,
            "source": self.source,
            "title": self.title,
            "published": self.published,
            "copy_of": self.copy_of,
            "publications": list(self.publications),
        }


@dataclass(frozen=True)
class Story:
    id: str
    title: str | None
    first: str | None  # the earliest and latest publication dates of its articles
    last: str | None
    articles: tuple[StoryArticle, ...]

    @property
    def independent(self) -> int:
        """Articles that are not syndicated copies of another: the story's independent reports."""
        return sum(not a.syndicated for a in self.articles)

    def to_contract(self) -> dict:
        return {
            "id": self.id,
            "title": self.title,
            "first": self.first,
            "last": self.last,
            "independent": self.independent,
            "articles": [a.to_contract() for a in self.articles],
        }


@dataclass(frozen=True)
class Canonical:
    id: str
    kind: str
    name: str
    country: str | None = None


@dataclass(frozen=True)
class CanonicalEntity:
    """A canonical entity as listed: every name it goes by, and how often the ledger names it."""

    id: str
    kind: str
    name: str
    country: str | None
    labels: tuple[str, ...]
    aliases: tuple[str, ...]
    articles: int
    mentions: int

    @property
    def label(self) -> str | None:
        """The NER label it is best known by: PERSON over ORG over GPE, NORP and LOC, else its first."""
        return next(
            (x for x in ("PERSON", "ORG", "GPE", "NORP", "LOC") if x in self.labels),
            self.labels[0] if self.labels else None,
        )

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "kind": self.kind,
            "name": self.name,
            "country": self.country,
            "labels": list(self.labels),
            "aliases": list(self.aliases),
            "articles": self.articles,
            "mentions": self.mentions,
        }


@dataclass(frozen=True)
class Mention:
    """One place a statement was made: an article and the claim row in it."""

    article: str
    published: str | None
    claim: int


@dataclass(frozen=True)
class FigureClaim:
    """One statement in a figure: a source giving a value, with every article it appeared in."""

    article: str
    source: str | None
    text: str
    value: Value
    qualifier: str
    published: str | None
    claim: int
    time: str | None = None
    mentions: tuple[Mention, ...] = ()
    party: str | None = None  # one key per party across articles ("government:NPL", "org:red-cross")
    party_name: str | None = None  # the party as shown ("Government of Nepal"); None: the outlet's own word
    relayed_by: str | None = None  # the party that relayed this figure of another's
    stance: str | None = None  # the cue: confirmed | acknowledged | claimed | estimated | reported
    preliminary: bool = False  # "so far", "expected to rise", "at least"

    def to_contract(self) -> dict:
        return {
            "article": self.article,
            "source": self.source,
            "text": self.text,
            "value": self.value.to_contract(),
            "qualifier": self.qualifier,
            "published": self.published,
            "party": self.party,
            "party_name": self.party_name,
            "relayed_by": self.relayed_by,
            "stance": self.stance,
            "preliminary": self.preliminary,
            "mentions": [{"article": m.article, "published": m.published} for m in self.mentions],
        }


@dataclass(frozen=True)
class Incident:
    """What a figure counts in: one incident of one story, as a person names it."""

    title: str
    place: str | None = None
    country: str | None = None  # ISO 3166-1 alpha-3
    date: str | None = None  # YYYY-MM-DD: when it was first reported

    def to_contract(self) -> dict:
        return {"title": self.title, "place": self.place, "country": self.country, "date": self.date}


@dataclass(frozen=True)
class Figure:
    id: str
    measure: str
    counted: str
    low: float | None
    best: float | None
    high: float | None
    first: str | None
    last: str | None
    claims: tuple[FigureClaim, ...]
    sources: int = 0  # independent parties behind it (one vote each in `best`)
    incident: Incident | None = None
    part_of: str | None = None  # the figure this one is a part of ("three of the dead were children")
    part: str | None = None  # what part: "of the dead", "seriously", "more"

    @property
    def parties(self) -> tuple[str, ...]:
        """The parties behind its statements, each once by name, sorted; a statement credited to no named
        party (its outlet's, or its article's own) reads as "unattributed"."""
        return tuple(sorted({c.party_name or c.source or "unattributed" for c in self.claims}))

    @property
    def timeline(self) -> list[tuple[str | None, str | None, FigureClaim]]:
        """(date, source, statement) for every mention, oldest first: how the figure moved."""
        out = [(m.published, c.source, c) for c in self.claims for m in c.mentions]
        return sorted(out, key=lambda t: (t[0] is None, t[0] or "", t[2].claim))

    @property
    def by_value(self) -> list[tuple[Value, str, tuple[str | None, ...]]]:
        """(value, qualifier, sources) for every distinct value, lowest first: who stands behind each."""
        out: dict[tuple, list[str | None]] = {}
        for c in self.claims:
            out.setdefault((c.value, c.qualifier), [])
            who = c.party_name or c.source
            if who not in out[(c.value, c.qualifier)]:
                out[(c.value, c.qualifier)].append(who)
        key = lambda k: next((v for v in (k[0].point, k[0].low, k[0].high) if v is not None), 0.0)  # noqa: E731
        return [(v, q, tuple(srcs)) for (v, q), srcs in sorted(out.items(), key=lambda kv: key(kv[0]))]

    def to_contract(self) -> dict:
        return {
            "id": self.id,
            "measure": self.measure,
            "counted": self.counted,
            "low": self.low,
            "best": self.best,
            "high": self.high,
            "first": self.first,
            "last": self.last,
            "sources": self.sources,
            "claims": [c.to_contract() for c in self.claims],
            "incident": self.incident.to_contract() if self.incident else None,
            "part_of": self.part_of,
            "part": self.part,
        }


# -- pages of the web layer --------------------------------------------------------------------------


@dataclass(frozen=True)
class Page:
    """One page of a listing, fetched one row past the limit so that `more` needs no count."""

    rows: list
    limit: int
    offset: int
    more: bool

    @property
    def next_offset(self) -> int | None:
        return self.offset + self.limit if self.more else None


@dataclass(frozen=True)
class Hit:
    """A full-text search result."""

    id: str
    source: str
    title: str | None
    published: str | None
    snippet: str
    marks: list[tuple[int, int]]  # offsets of the matched words in `snippet`
