"""The report pages: server-rendered HTML with linkable URLs, no JavaScript framework (only the charts use
the vendored Vega-Lite). Routes gather data from `store.pages`, `reconciled` and `reports` and render a template."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from ..errors import NotFound
from ..present import claim_figure, party
from ..store import pages as queries
from . import charts, reports
from .api import Db, Rec  # the same dependencies as the API
from .highlight import marks_of, render as highlight
from .jinja import render

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)

PER_PAGE = 50
Offset = Annotated[int, Query(ge=0, le=1_000_000)]


def page(request: Request, template: str, **context) -> HTMLResponse:
    return HTMLResponse(render(template, request=request, **context))


@router.get("/")
def home(request: Request, db: Db, rec: Rec):
    stories = rec.stories(db)[:8]
    return page(request, "home.html", counts=rec.counts(db), stories=stories,
                disputed=rec.disputed(db, 6), recent=queries.articles(db, 10, 0).rows,
                people=rec.entities(db, "PERSON", 12))


@router.get("/search")
def search(request: Request, db: Db, q: Annotated[str, Query(max_length=200)] = "", offset: Offset = 0):
    hits = queries.search(db, q, 20, offset) if q.strip() else None
    return page(request, "search.html", q=q, hits=hits)


@router.get("/articles")
def articles(request: Request, db: Db, offset: Offset = 0):
    return page(request, "articles.html", rows=queries.articles(db, PER_PAGE, offset))


@router.get("/articles/{article_id}")
def article(request: Request, db: Db, rec: Rec, article_id: str):
    x = db.extraction(db.resolve_article_id(article_id))
    by_row = rec.figure_of_claim(db)
    rows = queries.claim_rows(db, x.article.id)
    figure_of = {start: by_row[row] for start, row in rows.items() if row in by_row}
    body_end = x.article.body_end if x.article.body_end is not None else len(x.article.text)
    marked = highlight(x.article.text, marks_of(x, figure_of))
    claims = [{"c": c, "shown": claim_figure(c), "source": party(c.source),
               "figure": figure_of.get(c.start)}
              for c in x.claims]
    people = sorted(x.entities, key=lambda e: (-len(e.mentions), e.name))
    pubs = queries.publications(db, [x.article.id])
    return page(request, "article.html", x=x, a=x.article, marked=marked, claims=claims, people=people,
                pubs=pubs, has_related=body_end < len(x.article.text), party=party)


@router.get("/figures")
def figures(request: Request, db: Db, rec: Rec, offset: Offset = 0,
            about: Annotated[str, Query(max_length=200)] = ""):
    figs = rec.ranked(db)
    if about:
        needle = about.casefold()
        figs = [f for f in figs if needle in (f.measure or "").casefold() or needle in (f.counted or "").casefold()]
    return page(request, "figures.html", figs=figs[offset:offset + PER_PAGE], offset=offset, about=about,
                more=len(figs) > offset + PER_PAGE, per_page=PER_PAGE)


@router.get("/figures/{figure_id}")
def figure(request: Request, db: Db, rec: Rec, figure_id: str):
    f = rec.figure(db, figure_id)
    if f is None:
        raise NotFound("figure", figure_id)
    arts = queries.articles_by_id(db, sorted({c.article_id for c in f.claims if c.article_id}))
    titles = {k: r["title"] for k, r in arts.items()}
    claims = sorted(f.claims, key=lambda c: (c.when or "", c.source or ""))
    return page(request, "figure.html", f=f, claims=claims, arts=arts, chart=charts.figure_chart(f, titles))


@router.get("/entities")
def entities(request: Request, db: Db, rec: Rec, offset: Offset = 0,
             label: Annotated[str, Query(max_length=40)] = ""):
    rows = rec.entities(db, label or None, PER_PAGE + 1, offset)
    return page(request, "entities.html", rows=rows[:PER_PAGE], offset=offset, label=label,
                more=len(rows) > PER_PAGE, per_page=PER_PAGE)


@router.get("/entities/{entity_id}")
def entity(request: Request, db: Db, rec: Rec, entity_id: str):
    e = reports.entity_report(db, rec, entity_id)
    if e is None:
        raise NotFound("entity", entity_id)
    return page(request, "entity.html", e=e, chart=charts.timeline_chart(e["timeline"], e["name"]))


@router.get("/stories")
def stories(request: Request, db: Db, rec: Rec, offset: Offset = 0):
    rows = rec.stories(db)
    return page(request, "stories.html", rows=rows[offset:offset + PER_PAGE], offset=offset,
                more=len(rows) > offset + PER_PAGE, per_page=PER_PAGE)


@router.get("/stories/{story_id}")
def story(request: Request, db: Db, rec: Rec, story_id: str):
    s = reports.story_report(db, rec, story_id)
    if s is None:
        raise NotFound("story", story_id)
    return page(request, "story.html", s=s)


def _type(schema: dict) -> str:
    """An OpenAPI parameter schema as a reader writes it: "integer = 50", "string | null"."""
    kinds = [schema] + schema.get("anyOf", [])
    out = " | ".join(k["type"] + (": " + ", ".join(map(str, k["enum"])) if k.get("enum") else "")
                     for k in kinds if k.get("type"))
    return out + (f" = {schema['default']}" if schema.get("default") is not None else "")


@router.get("/docs")
def docs(request: Request):
    """The API, read from the OpenAPI document: every endpoint, its parameters and what it answers."""
    spec = request.app.openapi()
    ops = [{"method": m.upper(), "path": p, "summary": op.get("summary", ""),
            "params": [{"name": x["name"], "in": x["in"], "required": x.get("required", False),
                        "type": _type(x.get("schema", {})), "description": x.get("description", "")}
                       for x in op.get("parameters", [])]}
           for p, item in spec["paths"].items() for m, op in item.items()]
    return page(request, "docs.html", ops=ops, spec=spec)
