"""Typed records passed between the stages.

Every record carries the id of its article and character offsets (Python string indices, end exclusive)
into `Article.text`, so anything in the ledger can be traced back to the exact text it came from.
The `to_contract()` methods give the shapes of ../shared/CONTRACT.md (schema "newsledger/1").
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

SCHEMA = "newsledger/1"

QUALIFIERS = ("exact", "approx", "more_than", "at_least", "less_than", "at_most", "range")
QUOTE_KINDS = ("direct", "indirect", "mixed")
TIME_TYPES = ("DATE", "TIME", "DURATION", "SET")
MEASURES = ("killed", "injured", "casualties", "missing", "captured", "arrested", "displaced",
            "deployed", "evacuated", "affected", "other")


@dataclass(frozen=True)
class Article:
    id: str
    source: str
    text: str
    title: str | None = None
    published: date | None = None
    url: str | None = None
    # Where the article body ends; text after it (a trailing "related stories" block) is kept
    # verbatim so offsets hold, but nothing is extracted from it.
    body_end: int | None = None

    @property
    def body(self) -> str:
        return self.text if self.body_end is None else self.text[: self.body_end]

    def to_contract(self) -> dict:
        return {
            "id": self.id,
            "source": self.source,
            "title": self.title,
            "published": self.published.isoformat() if self.published else None,
            "text": self.text,
        }


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
        return {"id": self.id, "name": self.name, "label": self.label, "canonical": self.canonical,
                "mentions": [list(m) for m in self.mentions]}


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
        return {"start": self.start, "end": self.end, "text": self.text, "kind": self.kind,
                "speaker": self.speaker.to_contract() if self.speaker else None,
                "cue": self.cue.to_contract() if self.cue else None}


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
        return {"start": self.start, "end": self.end, "text": self.text,
                "value": self.value.to_contract(), "qualifier": self.qualifier, "change": self.change,
                "unit": self.unit, "counted": self.counted, "measure": self.measure,
                "source": self.source.to_contract() if self.source else None,
                "sentence": [self.sentence_start, self.sentence_end]
                if self.sentence_start is not None else None,
                "time": self.time}


@dataclass(frozen=True)
class TimeExpr:
    article_id: str
    start: int
    end: int
    text: str
    type: str  # one of TIME_TYPES
    value: str  # a TIMEX3 value

    def to_contract(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text, "type": self.type,
                "value": self.value}


@dataclass(frozen=True)
class Event:
    """Something that happened: a trigger word with who did it to whom, and when."""
    article_id: str
    start: int
    end: int
    trigger: str
    kind: str
    actor: str | None = None
    target: str | None = None
    time: str | None = None

    def to_contract(self) -> dict:
        return {"start": self.start, "end": self.end, "trigger": self.trigger, "kind": self.kind,
                "actor": self.actor, "target": self.target, "time": self.time}


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

    def to_contract(self) -> dict:
        return {
            "schema": SCHEMA,
            "article": self.article.to_contract(),
            "entities": [e.to_contract() for e in self.entities],
            "quotes": [q.to_contract() for q in self.quotes],
            "claims": [c.to_contract() for c in self.claims],
            "times": [t.to_contract() for t in self.times],
            "events": [e.to_contract() for e in self.events],
        }
