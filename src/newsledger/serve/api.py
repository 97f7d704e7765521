"""The JSON API under /api/: thin routes over `store.pages`, `reconciled` and `reports`.

Lists are pages (`limit`, `offset`, `next_offset`); a missing record is a 404 and bad parameters a 422,
both as `{"error": {...}}`.
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request

from ..models import MEASURES
from ..store import Ledger
from ..store import pages as queries
from . import reports, views
from .reconciled import Reconciled
from .schemas import (ArticleDetail, ArticleSummary, CitedClaim, CitedQuote, EntityDetail, EntitySummary, ErrorBody,
                      FigureDetail, FigureSummary, Index, Page, SearchHit, StoryDetail, StorySummary)

ERRORS = {404: {"model": ErrorBody, "description": "No such record"},
          422: {"model": ErrorBody, "description": "Invalid parameters"}}
router = APIRouter(prefix="/api", responses=ERRORS)


def ledger(request: Request) -> Iterator[Ledger]:
    with request.app.state.pool.ledger() as led:
        yield led


def reconciled(request: Request) -> Reconciled:
    return request.app.state.reconciled


Db = Annotated[Ledger, Depends(ledger)]
Rec = Annotated[Reconciled, Depends(reconciled)]
Limit = Annotated[int, Query(ge=1, le=500, description="Rows per page")]
Offset = Annotated[int, Query(ge=0, le=1_000_000, description="Rows to skip")]
Id = Annotated[str, Path(min_length=1, max_length=200)]


def filter_text(description: str):
    """An optional text filter of at most 200 characters."""
    return Annotated[str | None, Query(max_length=200, description=description)]

Measure = Literal[MEASURES]  # type: ignore[valid-type]


def _page(items: list, limit: int, offset: int, more: bool) -> dict:
    return {"items": items, "limit": limit, "offset": offset, "next_offset": offset + limit if more else None}


def _slice(rows: list, limit: int, offset: int, view) -> dict:
    """A page of an in-memory list, only that page converted."""
    return _page([view(r) for r in rows[offset:offset + limit]], limit, offset, len(rows) > offset + limit)


def _missing(what: str, key: str) -> HTTPException:
    return HTTPException(404, f"NL301: no {what} {key!r} in the ledger")


@router.get("/", response_model=Index, summary="What the ledger holds, and the endpoints")
def index(request: Request, db: Db, rec: Rec):
    return {"counts": rec.counts(db), "ingest": bool(request.app.state.ingest_token),
            "endpoints": sorted(request.app.openapi()["paths"])}


@router.get("/articles", response_model=Page[ArticleSummary], summary="Articles, newest first")
def articles(db: Db, limit: Limit = 50, offset: Offset = 0,
             source: filter_text("Part of the source (outlet, path or feed id)") = None):
    p = queries.articles(db, limit, offset, source)
    return _page([dict(r) for r in p.rows], limit, offset, p.more)


@router.get("/articles/{article_id}", response_model=ArticleDetail, response_model_by_alias=True,
            summary="One article (id or unique id prefix) with every extraction and its offsets")
def article(db: Db, article_id: Id):
    x = db.extraction(db.resolve_article_id(article_id))
    out = x.to_contract()
    out["article"] = {**out["article"], "url": x.article.url, "body_end": x.article.body_end}
    out["claims"] = [views.claim(c) for c in x.claims]
    return out


@router.get("/claims", response_model=Page[CitedClaim], summary="Numeric claims, newest articles first")
def claims(db: Db, limit: Limit = 50, offset: Offset = 0,
           source: filter_text("Part of the source's name or entity") = None,
           measure: Annotated[Measure | None, Query(description="What is measured")] = None,
           text: Annotated[str | None, Query(max_length=200, description="Words of the claim, what it counts, "
                                                                           "or its sentence (the last word, of four "
                                                                           "letters or more, also as a beginning)")] = None,
           article: Annotated[str | None, Query(max_length=200, description="Only this article's id")] = None):
    p = queries.claims(db, limit, offset, source=source, measure=measure, text=text, article=article)
    return _page([views.cited_claim(r) for r in p.rows], limit, offset, p.more)


@router.get("/quotes", response_model=Page[CitedQuote], summary="Quotes and attributions, newest articles first")
def quotes(db: Db, limit: Limit = 50, offset: Offset = 0,
           speaker: filter_text("Part of the speaker's name or entity") = None,
           article: Annotated[str | None, Query(max_length=200, description="Only this article's id")] = None):
    p = queries.quotes(db, limit, offset, speaker=speaker, article=article)
    return _page([views.cited_quote(r) for r in p.rows], limit, offset, p.more)


@router.get("/entities", response_model=Page[EntitySummary],
            summary="Entities (canonical once reconciled), most widely named first")
def entities(db: Db, rec: Rec, limit: Limit = 50, offset: Offset = 0,
             label: Annotated[str | None, Query(max_length=40, description="PERSON, ORG, GPE, NORP, ...")] = None,
             q: Annotated[str | None, Query(max_length=200, description="Part of the name or an alias")] = None):
    rows = rec.entities(db, label, limit + 1, offset, name=q)
    return _page([views.entity_summary(e) for e in rows[:limit]], limit, offset, len(rows) > limit)


@router.get("/entities/{entity_id}", response_model=EntityDetail,
            summary="One entity: mentions per day, recent articles, its quotes and claims")
def entity(db: Db, rec: Rec, entity_id: Id):
    out = reports.entity_report(db, rec, entity_id)
    if out is None:
        raise _missing("entity", entity_id)
    return out


@router.get("/figures", response_model=Page[FigureSummary],
            summary="Figures: claims about one quantity, with low / best / high; most disputed first")
def figures(db: Db, rec: Rec, limit: Limit = 50, offset: Offset = 0,
            about: filter_text("Part of the measure or what is counted") = None):
    figs = rec.ranked(db)
    if about:
        needle = about.casefold()
        figs = [f for f in figs if needle in (f.measure or "").casefold() or needle in (f.counted or "").casefold()]
    return _slice(figs, limit, offset, views.figure_summary)


@router.get("/figures/{figure_id}", response_model=FigureDetail, summary="One figure with every claim behind it")
def figure(db: Db, rec: Rec, figure_id: Id):
    f = rec.figure(db, figure_id)
    if f is None:
        raise _missing("figure", figure_id)
    return views.figure_detail(f)


@router.get("/stories", response_model=Page[StorySummary], summary="Stories (articles about one event), latest first")
def stories(db: Db, rec: Rec, limit: Limit = 50, offset: Offset = 0):
    return _slice(rec.stories(db), limit, offset, views.story_summary)


@router.get("/stories/{story_id}", response_model=StoryDetail,
            summary="One story: its articles, the outlets that ran them, the figures they report")
def story(db: Db, rec: Rec, story_id: Id):
    out = reports.story_report(db, rec, story_id)
    if out is None:
        raise _missing("story", story_id)
    return out


@router.get("/search", response_model=Page[SearchHit], summary="Full-text search over titles and texts (FTS5)")
def search(db: Db, q: Annotated[str, Query(min_length=1, max_length=200, description="FTS5 query or plain words")],
           limit: Limit = 20, offset: Offset = 0):
    p = queries.search(db, q, limit, offset)
    items = [{"id": h.id, "source": h.source, "title": h.title, "published": h.published, "snippet": h.snippet,
              "marks": [{"start": s, "end": e} for s, e in h.marks]} for h in p.rows]
    return _page(items, limit, offset, p.more)
