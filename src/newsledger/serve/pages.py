"""The report pages: server-rendered HTML with linkable URLs, no JavaScript framework (only the charts use
the vendored Vega-Lite). Routes read the same queries as the API, turn records into the API's dicts with
`views` (or `reports`), and render a template."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import replace
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, Response

from ..errors import NotFound
from ..events_export import place_of
from ..export import writer
from ..extract.plover import TYPES
from ..models import EVENT_STATUSES, MEASURES, Page
from ..present import claim_figure, party
from ..reconcile.entities import list_entities
from ..reconcile.figures import get_figure, list_figures
from ..reconcile.stories import list_stories
from ..store import Cited, slices
from ..store import events as event_store
from ..store import figures as figure_store
from ..store import pages as queries
from ..store.figures import count_figures
from ..store.slices import Slice
from . import charts, reports, views
from .api import Db, Kept, Only, counts  # the same dependencies and filter as the API
from .highlight import marks_of
from .highlight import render as highlight
from .jinja import render

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)

PER_PAGE = 50
DISPUTED = 6  # figures on the home page
Offset = Annotated[int, Query(ge=0, le=1_000_000)]


def page(request: Request, template: str, **context) -> HTMLResponse:
    return HTMLResponse(render(template, request=request, **context))


@router.get("/")
def home(request: Request, db: Db, kept: Kept):
    disputed = list_figures(db, order="disputed", disputed=True, limit=DISPUTED)
    return page(
        request,
        "home.html",
        counts=counts(db, kept),
        stories=[views.story_summary(s) for s in list_stories(db, 8)],
        disputed=[views.figure_summary(f) for f in disputed],
        recent=queries.articles(db, 10, 0).rows,
        people=[views.entity_summary(e) for e in list_entities(db, "PERSON", 12)],
    )


@router.get("/search")
def search(request: Request, db: Db, q: Annotated[str, Query(max_length=200)] = "", offset: Offset = 0):
    hits = queries.search(db, q, 20, offset) if q.strip() else None
    total = queries.search_count(db, q) if hits is not None else None
    return page(request, "search.html", q=q, hits=hits, total=total)


def _listing(request: Request, db: Db, kept: Kept, template: str, only: Slice, count, **context):
    """A filtered list: the filter's form, its count, its downloads and pages (`query`, `extra`: the slice, the
    page's own refinements in it, what the export registry takes). The choices and the unfiltered count read
    the whole ledger: they are kept until it changes."""
    query = urlencode(only.query())
    return page(
        request,
        template,
        only=only,
        total=count() if query else kept.get(f"total {template}", count),
        query=query,
        extra=f"&{query}" if query else "",
        outlets=kept.get("outlets", lambda: slices.outlets(db)),
        countries=kept.get("countries", lambda: slices.countries(db)),
        measures=list(MEASURES),
        **context,
    )


@router.get("/articles")
def articles(request: Request, db: Db, kept: Kept, only: Only, offset: Offset = 0):
    rows = queries.articles(db, PER_PAGE, offset, only=only)
    return _listing(request, db, kept, "articles.html", only, lambda: slices.count(db, only), rows=rows)


def _cited(request: Request, db: Db, kept: Kept, only: Only, offset: int, table: str) -> HTMLResponse:
    """The claims or quotes page: the newest articles' rows first, each as the API shows it."""
    parts: dict[str, tuple[Callable[..., Page], Callable[..., int], Callable[[Cited], dict]]] = {
        "claims": (queries.claims, db.count_claims, views.cited_claim),
        "quotes": (queries.quotes, db.count_quotes, views.cited_quote),
    }
    read, count, view = parts[table]
    rows = read(db, PER_PAGE, offset, only=only)
    items = [view(c) for c in rows.rows]
    return _listing(request, db, kept, f"{table}.html", only, lambda: count(only=only), rows=rows, items=items)


@router.get("/claims")
def claims(request: Request, db: Db, kept: Kept, only: Only, offset: Offset = 0):
    return _cited(request, db, kept, only, offset, "claims")


@router.get("/quotes")
def quotes(request: Request, db: Db, kept: Kept, only: Only, offset: Offset = 0):
    return _cited(request, db, kept, only, offset, "quotes")


DOWNLOADS = {"csv": "text/csv; charset=utf-8", "jsonl": "application/x-ndjson"}
LISTS = {"articles", "claims", "quotes", "figures", "events"}  # the pages with downloads


@router.get("/download/{table}.{fmt}")
def download(
    db: Db,
    only: Only,
    table: str,
    fmt: str,
    about: Annotated[str, Query(max_length=200)] = "",
    type: Annotated[str, Query(max_length=20)] = "",
    status: Annotated[str, Query(max_length=20)] = "",
):
    """What a filtered page shows, every page of it, as `newsledger export` writes it (docs/exports.md); the
    figures page's `about` and the events page's `type` and `status` too."""
    if table not in LISTS or fmt not in DOWNLOADS:
        raise HTTPException(404, f"no download {table}.{fmt}")
    only = replace(only, about=about or None, type=type.upper() or None, status=status or None)
    out = io.BytesIO()
    writer(table, fmt)(db, only, out)
    name = f"newsledger-{table}.{fmt}"
    headers = {"Content-Disposition": f'attachment; filename="{name}"'}
    return Response(out.getvalue(), media_type=DOWNLOADS[fmt], headers=headers)


@router.get("/articles/{article_id}")
def article(request: Request, db: Db, article_id: str):
    x = db.extraction(db.resolve_article_id(article_id))
    figure_of = figure_store.figure_of_claims(db, x.article.id)
    body_end = x.article.body_end if x.article.body_end is not None else len(x.article.text)
    marked = highlight(x.article.text, marks_of(x, figure_of))
    claims = [
        {"c": c, "shown": claim_figure(c), "source": party(c.source), "figure": figure_of.get(c.start)}
        for c in x.claims
    ]
    people = sorted(x.entities, key=lambda e: (-len(e.mentions), e.name))
    pubs = queries.publications(db, x.article.id)
    places = charts.place_rows(x.places)
    return page(
        request,
        "article.html",
        x=x,
        a=x.article,
        marked=marked,
        claims=claims,
        people=people,
        pubs=pubs,
        has_related=body_end < len(x.article.text),
        party=party,
        places=places,
        map=charts.place_map(places),
    )


@router.get("/figures")
def figures(
    request: Request,
    db: Db,
    kept: Kept,
    only: Only,
    offset: Offset = 0,
    about: Annotated[str, Query(max_length=200)] = "",
):
    only = replace(only, about=about or None)  # in the slice, so the downloads hold it too
    rows = list_figures(db, order="disputed", limit=PER_PAGE + 1, offset=offset, only=only)
    return _listing(
        request,
        db,
        kept,
        "figures.html",
        only,
        lambda: count_figures(db, only=only),
        figs=[views.figure_summary(f) for f in rows[:PER_PAGE]],
        offset=offset,
        about=about,
        more=len(rows) > PER_PAGE,
        per_page=PER_PAGE,
    )


@router.get("/figures/{figure_id}")
def figure(request: Request, db: Db, figure_id: str):
    f = get_figure(db, figure_id)
    arts = queries.articles_by_id(db, sorted({m.article for c in f.claims for m in c.mentions}))
    titles = {k: a.title for k, a in arts.items()}
    out = views.figure_detail(f, figure_store.left_out(db, sorted(arts), f.measure))
    claims = sorted(out["claims"], key=lambda c: (c["when"] or "", c["source"] or ""))
    places = charts.place_rows(db.places(sorted(arts)))
    chart = charts.figure_chart(f, titles)
    return page(request, "figure.html", f=out, claims=claims, arts=arts, chart=chart, places=places,
                map=charts.place_map(places))  # fmt: skip


@router.get("/entities")
def entities(request: Request, db: Db, offset: Offset = 0, label: Annotated[str, Query(max_length=40)] = ""):
    rows = list_entities(db, label or None, PER_PAGE + 1, offset)
    return page(
        request,
        "entities.html",
        rows=[views.entity_summary(e) for e in rows[:PER_PAGE]],
        offset=offset,
        label=label,
        more=len(rows) > PER_PAGE,
        per_page=PER_PAGE,
    )


@router.get("/entities/{entity_id}")
def entity(request: Request, db: Db, entity_id: str):
    e = reports.entity_report(db, entity_id)
    return page(request, "entity.html", e=e, chart=charts.timeline_chart(e["timeline"], e["name"]))


@router.get("/events")
def events(
    request: Request,
    db: Db,
    kept: Kept,
    only: Only,
    offset: Offset = 0,
    type: Annotated[str, Query(max_length=20)] = "",
    status: Annotated[str, Query(max_length=20)] = "",
):
    only = replace(only, type=type.upper() or None, status=status or None)
    rows = event_store.find_events(db, limit=PER_PAGE + 1, offset=offset, only=only)
    return _listing(
        request,
        db,
        kept,
        "events.html",
        only,
        lambda: event_store.count_events(db, only=only),
        rows=[views.event_row(r) for r in rows[:PER_PAGE]],
        types=list(TYPES),
        statuses=list(EVENT_STATUSES),
        etype=type.upper(),
        status=status,
        offset=offset,
        more=len(rows) > PER_PAGE,
        per_page=PER_PAGE,
    )


@router.get("/events/{event_id}")
def event(request: Request, db: Db, event_id: int):
    row = event_store.get_event(db, event_id)
    if row is None:
        raise NotFound("event", str(event_id))
    x = db.extraction(row.event.article_id)
    where = place_of(row.event, x.places)
    places = charts.place_rows([where] if where else [])
    return page(
        request,
        "event.html",
        e=views.event_detail(row, x.article.text),
        where=where,
        places=places,
        map=charts.place_map(places, "the event's place"),
    )


@router.get("/stories")
def stories(request: Request, db: Db, offset: Offset = 0):
    rows = list_stories(db, PER_PAGE + 1, offset)
    return page(
        request,
        "stories.html",
        rows=[views.story_summary(s) for s in rows[:PER_PAGE]],
        offset=offset,
        more=len(rows) > PER_PAGE,
        per_page=PER_PAGE,
    )


@router.get("/stories/{story_id}")
def story(request: Request, db: Db, story_id: str):
    s = reports.story_report(db, story_id)
    places = charts.place_rows(db.places(a["id"] for a in s["articles"]))
    return page(request, "story.html", s=s, places=places, map=charts.place_map(places))


def _type(schema: dict) -> str:
    """An OpenAPI parameter schema as a reader writes it: "integer = 50", "string | null"."""
    kinds = [schema] + schema.get("anyOf", [])
    out = " | ".join(
        k["type"] + (": " + ", ".join(map(str, k["enum"])) if k.get("enum") else "") for k in kinds if k.get("type")
    )
    return out + (f" = {schema['default']}" if schema.get("default") is not None else "")


@router.get("/docs")
def docs(request: Request):
    """The API, read from the OpenAPI document: every endpoint, its parameters and what it answers."""
    spec = request.app.openapi()
    ops = [
        {
            "method": m.upper(),
            "path": p,
            "summary": op.get("summary", ""),
            "params": [
                {
                    "name": x["name"],
                    "in": x["in"],
                    "required": x.get("required", False),
                    "type": _type(x.get("schema", {})),
                    "description": x.get("description", ""),
                }
                for x in op.get("parameters", [])
            ],
        }
        for p, item in spec["paths"].items()
        for m, op in item.items()
    ]
    return page(request, "docs.html", ops=ops, spec=spec)
