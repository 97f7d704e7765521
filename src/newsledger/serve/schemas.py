"""The JSON API's response shapes: they make the OpenAPI document, and responses are checked against them.

Records keep the contract's field names (docs/schema.md) and their offsets into the article text.
"""

from __future__ import annotations

from typing import Any, Generic, Literal, TypeVar

from pydantic import BaseModel, Field

T = TypeVar("T")


class ErrorDetail(BaseModel):
    status: int
    code: str = Field(description="NL301 for a missing record, HTTP for other HTTP errors, NL422 for bad parameters")
    message: str
    detail: list[dict[str, Any]] | None = None


class ErrorBody(BaseModel):
    error: ErrorDetail


class Page(BaseModel, Generic[T]):
    items: list[T]
    limit: int
    offset: int
    next_offset: int | None = Field(description="offset of the next page, or null on the last one")


class Span(BaseModel):
    start: int
    end: int


class Party(BaseModel):
    name: str | None
    entity: str | None
    start: int | None
    end: int | None


class Cue(BaseModel):
    text: str
    start: int
    end: int


class ValueOut(BaseModel):
    point: float | None
    low: float | None
    high: float | None


class Cited(BaseModel):
    article: str
    published: str | None
    title: str | None


class ClaimOut(BaseModel):
    start: int
    end: int
    text: str
    value: ValueOut
    qualifier: str
    change: str | None
    unit: str | None
    counted: str | None
    measure: str | None
    source: Party | None
    sentence: list[int] | None
    time: str | None
    figure: str = Field(description='the value as a reader writes it, e.g. "~3,500"')


class CitedClaim(ClaimOut, Cited):
    pass


class QuoteOut(BaseModel):
    start: int
    end: int
    text: str
    kind: str
    speaker: Party | None
    cue: Cue | None


class CitedQuote(QuoteOut, Cited):
    pass


class EntityOut(BaseModel):
    id: str
    name: str
    label: str
    canonical: str | None
    mentions: list[list[int]]


class TimeOut(BaseModel):
    start: int
    end: int
    text: str
    type: str
    value: str


class EventOut(BaseModel):
    start: int
    end: int
    trigger: str
    type: str = Field(description="a PLOVER event type: ASSAULT, PROTEST, COERCE, ...")
    mode: str | None
    status: Literal["happened", "negated", "hypothetical", "future", "denied"]
    actor: Party | None
    target: Party | None
    place: int | None = Field(description="index into the article's places")
    time: str | None


class EventRow(BaseModel):
    """A stored event as the events list shows it."""

    id: int = Field(description="the event's id: /events/{id}")
    article: str
    when: str | None = Field(description="the event's time, else its article's date")
    type: str
    mode: str | None
    status: str
    actor: str | None
    target: str | None
    trigger: str
    dead: float | None


class PlaceOut(BaseModel):
    start: int
    end: int
    text: str
    name: str | None = Field(description="the gazetteer's name of the place; null: not resolved")
    country: str | None = Field(description="ISO 3166 alpha-3")
    admin1: str | None
    lat: float | None
    lon: float | None


class ArticleSummary(BaseModel):
    id: str
    source: str
    title: str | None
    published: str | None
    url: str | None
    chars: int
    claims: int
    quotes: int
    outlet: str | None = Field(None, description="the publisher, from the page's metadata or the URL's domain")
    language: str | None = Field(None, description="ISO 639-1 code of the text; null: not known")


class ArticleText(BaseModel):
    id: str
    source: str
    title: str | None
    published: str | None
    url: str | None
    text: str
    body_end: int | None
    outlet: str | None = None
    language: str | None = None


class ArticleDetail(BaseModel):
    schema_: str = Field(alias="schema", serialization_alias="schema")
    article: ArticleText
    entities: list[EntityOut]
    quotes: list[QuoteOut]
    claims: list[ClaimOut]
    times: list[TimeOut]
    events: list[EventOut]
    places: list[PlaceOut] = []

    model_config = {"populate_by_name": True}


class EntitySummary(BaseModel):
    id: str
    name: str
    label: str | None = Field(description="the NER label it is best known by")
    articles: int
    mentions: int
    aliases: list[str] = Field(description="the other names it goes by")


class DayCount(BaseModel):
    day: str | None
    mentions: int
    articles: int


class ArticleRef(BaseModel):
    id: str
    source: str
    title: str | None
    published: str | None
    outlet: str | None = None


class EntityDetail(EntitySummary):
    kind: str = Field(description="person, org, country, place, ...")
    country: str | None = Field(description="ISO alpha-3 code of its country, when known")
    keys: list[str] = Field(description="the per-article entity keys of the store it gathers")
    timeline: list[DayCount]
    recent_articles: list[ArticleRef]
    quotes: list[CitedQuote]
    claims: list[CitedClaim]


class Mention(BaseModel):
    article: str
    published: str | None


class FigureClaimOut(BaseModel):
    article: str
    source: str | None
    text: str
    value: ValueOut
    qualifier: str
    published: str | None
    when: str | None
    figure: str
    party: str | None = Field(description="one key per party across articles")
    party_name: str | None = Field(description="the party as shown; null: the outlet's own statement")
    relayed_by: str | None = Field(description="the party that relayed this figure of another's")
    stance: str | None = Field(description="confirmed, acknowledged, claimed, estimated or reported")
    preliminary: bool = Field(description='"so far", "expected to rise", "at least"')
    mentions: list[Mention] = Field(description="every article where this source gave this value")


class Incident(BaseModel):
    title: str
    place: str | None
    country: str | None
    date: str | None


class LeftOut(BaseModel):
    article: str
    text: str
    role: str = Field(description="background, tally, rate, hypothetical, not_a_claim or undecided")
    reason: str


class FigureSummary(BaseModel):
    id: str
    measure: str
    counted: str
    low: float | None
    best: float | None
    high: float | None
    first: str | None
    last: str | None
    claims: int = Field(description="statements behind it: a source giving a value")
    sources: int = Field(description="independent sources behind it (as `newsledger figures` counts them)")
    parties: list[str] = Field(description='the names of its parties, sorted; "unattributed" for claims that name none')
    title: str | None = Field(description="the incident, as a person names it")
    incident: Incident | None
    part_of: str | None = Field(description="the figure this one is a part of")
    part: str | None = Field(description='what part of the whole: "of the dead", "seriously", "more"')


class FigureDetail(FigureSummary):
    claims: list[FigureClaimOut]  # type: ignore[assignment]
    left_out: list[LeftOut] = Field(description="claims of this measure in its articles that are in no figure, and why")


class StorySummary(BaseModel):
    id: str
    title: str | None
    articles: int
    first: str | None
    last: str | None


class StoryArticle(ArticleRef):
    copy_of: str | None = Field(description="the article this is a syndicated copy of")


class StoryDetail(BaseModel):
    id: str
    title: str | None
    first: str | None
    last: str | None
    articles: list[StoryArticle]
    independent: int = Field(description="articles that are not syndicated copies")
    outlets: list[str]
    figures: list[FigureSummary]


class SearchHit(BaseModel):
    id: str
    source: str
    title: str | None
    published: str | None
    snippet: str
    marks: list[Span] = Field(description="offsets of the matched words in the snippet")


class Counts(BaseModel):
    articles: int
    entities: int
    quotes: int
    claims: int
    times: int
    events: int


class Index(BaseModel):
    counts: Counts
    endpoints: list[str]
    ingest: bool


class IngestResult(BaseModel):
    stored: int
    already: int
    failures: list[str]
