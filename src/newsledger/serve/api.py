"""The JSON API under /api/: thin routes over `store`, the reconcile layer's queries and `reports`, each
record turned into JSON by `views`.

Lists are pages (`limit`, `offset`, `next_offset`); a missing record is a 404 and bad parameters a 422,
both as `{"error": {...}}`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Path, Query, Request

from ..extract.plover import TYPES
from ..models import EVENT_STATUSES, MEASURES
from ..reconcile.entities import list_entities
from ..reconcile.figures import get_figure, list_figures
from ..reconcile.stories import list_stories
from ..store import Ledger
from ..store import events as event_store
from ..store import figures as figure_store
from ..store import pages as queries
from ..store.slices import Slice
from . import reports, views
from .memo import Memo
from .schemas import (
    ArticleDetail,
    ArticleSummary,
    CitedClaim,
    CitedQuote,
    EntityDetail,
    EntitySummary,
    ErrorBody,
    EventRow,
    FigureDetail,
    FigureSummary,
    Index,
    Page,
    SearchHit,
    StoryDetail,
    StorySummary,
)

ERRORS = {
    404: {"model": ErrorBody, "description": "No such record"},
    422: {"model": ErrorBody, "description": "Invalid parameters"},
}
router = APIRouter(prefix="/api", responses=ERRORS)


def ledger(request: Request) -> Iterator[Ledger]:
    with request.app.state.pool.ledger() as led:
        yield led


def memo(request: Request) -> Memo:
    return request.app.state.memo


Db = Annotated[Ledger, Depends(ledger)]
Kept = Annotated[Memo, Depends(memo)]
Limit = Annotated[int, Query(ge=1, le=500, description="Rows per page")]
Offset = Annotated[int, Query(ge=0, le=1_000_000, description="Rows to skip")]
Id = Annotated[str, Path(min_length=1, max_length=200)]


def filter_text(description: str):
    """An optional text filter of at most 200 characters."""
    return Annotated[str | None, Query(max_length=200, description=description)]


def _param(description: str, pattern: str | None = None):
    return Query(max_length=200, pattern=pattern, description=description)


# A day as the published column holds it (compared as text: a bound need not be a real day, "2025-02-30"
# is one); blank, a form's empty field, is no bound.
DAY = r"^(\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01]))?$"
ALPHA3 = r"^([A-Za-z]{3})?$"
MeasureOrAny = Literal[("", *MEASURES)]  # type: ignore[valid-type]


def slice_of(
    since: Annotated[str, _param("Only articles published on or after this day (YYYY-MM-DD)", DAY)] = "",
    until: Annotated[str, _param("Only articles published on or before this day (YYYY-MM-DD)", DAY)] = "",
    outlet: Annotated[str, _param("Only articles of this outlet (its exact name)")] = "",
    story: Annotated[str, _param("Only articles of this story (its id)")] = "",
    measure: Annotated[
        MeasureOrAny, Query(description="Claims and figures of this measure; articles with a claim of it")
    ] = "",
    party: Annotated[
        str, _param("Part of a claim's source, a quote's speaker, an event's actor or target, or a figure's party")
    ] = "",
    country: Annotated[
        str,
        _param(
            "Events at a place in, figures (and their claims) of an incident in, articles naming a place in, "
            "this country (alpha-3)",
            ALPHA3,
        ),
    ] = "",
) -> Slice:
    """The filter a URL's query names: the same one `newsledger export` and the pages' downloads apply
    (store/slices.py). A blank field (an empty form input) is no filter."""
    return Slice(
        since or None, until or None, outlet or None, story or None, measure or None, party or None,
        country.upper() or None,
    )  # fmt: skip


Only = Annotated[Slice, Depends(slice_of)]
FigureOrder = Annotated[
    Literal["disputed", "latest"],
    Query(
        description="disputed: more sources first, then a wider spread of estimates, then the latest; "
        "latest: the latest reported first"
    ),
]
ABOUT = "Part of the measure, what is counted, a source, or a claim's sentence or article title"


def _page(items: list, limit: int, offset: int, more: bool) -> dict:
    return {"items": items, "limit": limit, "offset": offset, "next_offset": offset + limit if more else None}


def _rows(rows: list, limit: int, offset: int, view) -> dict:
    """A page from rows read one past the limit: the extra row says there is a next page."""
    return _page([view(r) for r in rows[:limit]], limit, offset, len(rows) > limit)


def counts(db: Ledger, kept: Memo) -> dict[str, int]:
    """Row counts of the ledger: a count of a million quotes is kept until the ledger changes."""
    return kept.get("counts", lambda: queries.counts(db))


@router.get("/", response_model=Index, summary="What the ledger holds, and the endpoints")
def index(request: Request, db: Db, kept: Kept):
    return {
        "counts": counts(db, kept),
        "ingest": bool(request.app.state.ingest_token),
        "endpoints": sorted(request.app.openapi()["paths"]),
    }


@router.get("/articles", response_model=Page[ArticleSummary], summary="Articles, newest first")
def articles(
    db: Db,
    only: Only,
    limit: Limit = 50,
    offset: Offset = 0,
    source: filter_text("Part of the source (outlet, path or feed id)") = None,
):
    p = queries.articles(db, limit, offset, source, only=only)
    return _page([views.article_summary(r) for r in p.rows], limit, offset, p.more)


@router.get(
    "/articles/{article_id}",
    response_model=ArticleDetail,
    response_model_by_alias=True,
    summary="One article (id or unique id prefix) with every extraction and its offsets",
)
def article(db: Db, article_id: Id):
    x = db.extraction(db.resolve_article_id(article_id))
    out = x.to_contract()
    out["article"] = {**out["article"], "url": x.article.url, "body_end": x.article.body_end}
    out["claims"] = [views.claim(c) for c in x.claims]
    return out


@router.get("/claims", response_model=Page[CitedClaim], summary="Numeric claims, newest articles first")
def claims(
    db: Db,
    only: Only,
    limit: Limit = 50,
    offset: Offset = 0,
    source: filter_text("Part of the source's name or entity") = None,
    text: Annotated[
        str | None,
        Query(
            max_length=200,
            description="Words of the claim, what it counts, "
            "or its sentence (the last word, of four "
            "letters or more, also as a beginning)",
        ),
    ] = None,
    article: Annotated[str | None, Query(max_length=200, description="Only this article's id")] = None,
):
    p = queries.claims(db, limit, offset, source=source, text=text, article=article, only=only)
    return _page([views.cited_claim(r) for r in p.rows], limit, offset, p.more)


@router.get("/quotes", response_model=Page[CitedQuote], summary="Quotes and attributions, newest articles first")
def quotes(
    db: Db,
    only: Only,
    limit: Limit = 50,
    offset: Offset = 0,
    speaker: filter_text("Part of the speaker's name or entity") = None,
    article: Annotated[str | None, Query(max_length=200, description="Only this article's id")] = None,
):
    p = queries.quotes(db, limit, offset, speaker=speaker, article=article, only=only)
    return _page([views.cited_quote(r) for r in p.rows], limit, offset, p.more)


@router.get("/entities", response_model=Page[EntitySummary], summary="Canonical entities, most widely named first")
def entities(
    db: Db,
    limit: Limit = 50,
    offset: Offset = 0,
    label: Annotated[str | None, Query(max_length=40, description="PERSON, ORG, GPE, NORP, ...")] = None,
    q: Annotated[str | None, Query(max_length=200, description="Part of the name or an alias")] = None,
):
    return _rows(list_entities(db, label, limit + 1, offset, name=q), limit, offset, views.entity_summary)


@router.get(
    "/entities/{entity_id}",
    response_model=EntityDetail,
    summary="One entity: mentions per day, recent articles, its quotes and claims",
)
def entity(db: Db, entity_id: Id):
    return reports.entity_report(db, entity_id)


@router.get(
    "/figures",
    response_model=Page[FigureSummary],
    summary="Figures: claims about one quantity, with low / best / high; most disputed first",
)
def figures(
    db: Db,
    only: Only,
    limit: Limit = 50,
    offset: Offset = 0,
    about: filter_text(ABOUT) = None,
    order: FigureOrder = "disputed",
    disputed: Annotated[
        bool,
        Query(description="Only figures with more than one statement (two sources, or one source giving two values)"),
    ] = False,
):
    rows = list_figures(db, order=order, about=about, disputed=disputed, limit=limit + 1, offset=offset, only=only)
    return _rows(rows, limit, offset, views.figure_summary)


@router.get("/figures/{figure_id}", response_model=FigureDetail, summary="One figure with every claim behind it")
def figure(db: Db, figure_id: Id):
    f = get_figure(db, figure_id)
    return views.figure_detail(
        f, figure_store.left_out(db, sorted({m.article for c in f.claims for m in c.mentions}), f.measure)
    )


@router.get("/events", response_model=Page[EventRow], summary="Events (PLOVER types), the latest first")
def events(
    db: Db,
    only: Only,
    limit: Limit = 50,
    offset: Offset = 0,
    type: Annotated[Literal[("", *TYPES)], Query(description="A PLOVER event type")] = "",  # type: ignore[valid-type]
    status: Annotated[Literal[("", *EVENT_STATUSES)], Query(description="happened, negated, ...")] = "",  # type: ignore[valid-type]
):
    rows = event_store.find_events(db, type or None, None, None, status or None, limit + 1, offset, only=only)
    return _rows(rows, limit, offset, views.event_row)


@router.get("/stories", response_model=Page[StorySummary], summary="Stories (articles about one event), latest first")
def stories(db: Db, limit: Limit = 50, offset: Offset = 0):
    return _rows(list_stories(db, limit + 1, offset), limit, offset, views.story_summary)


@router.get(
    "/stories/{story_id}",
    response_model=StoryDetail,
    summary="One story: its articles, the outlets that ran them, the figures they report",
)
def story(db: Db, story_id: Id):
    return reports.story_report(db, story_id)


@router.get("/search", response_model=Page[SearchHit], summary="Full-text search over titles and texts (FTS5)")
def search(
    db: Db,
    q: Annotated[str, Query(min_length=1, max_length=200, description="FTS5 query or plain words")],
    limit: Limit = 20,
    offset: Offset = 0,
):
    p = queries.search(db, q, limit, offset)
    items = [
        {
            "id": h.id,
            "source": h.source,
            "title": h.title,
            "published": h.published,
            "snippet": h.snippet,
            "marks": [{"start": s, "end": e} for s, e in h.marks],
        }
        for h in p.rows
    ]
    return _page(items, limit, offset, p.more)
