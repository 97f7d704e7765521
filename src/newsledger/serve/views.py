"""Records as the API returns them: one place, so the JSON API and the pages agree on every field."""
from __future__ import annotations

import sqlite3

from ..models import Claim, Quote
from ..present import claim_figure
from ..store import Cited
from .reconciled import EntityView, FigureView, StoryView


def claim(c: Claim) -> dict:
    return {**c.to_contract(), "figure": claim_figure(c)}


def quote(q: Quote) -> dict:
    return q.to_contract()


def _cite(c: Cited) -> dict:
    return {"article": c.article.id, "published": c.article.published, "title": c.article.title}


def cited_claim(c: Cited) -> dict:
    return {**claim(c.record), **_cite(c)}


def cited_quote(c: Cited) -> dict:
    return {**quote(c.record), **_cite(c)}


def figure_summary(f: FigureView) -> dict:
    return {"id": f.id, "measure": f.measure, "counted": f.counted, "low": f.low, "best": f.best, "high": f.high,
            "first": f.first, "last": f.last, "claims": len(f.claims), "sources": f.sources}


def figure_detail(f: FigureView) -> dict:
    return {**figure_summary(f), "claims": [
        {"article": c.article_id, "source": c.source, "text": c.text,
         "value": {"point": c.point, "low": c.low, "high": c.high}, "qualifier": c.qualifier,
         "published": c.published, "when": c.when, "figure": c.shown,
         "mentions": [{"article": a, "published": d} for a, d, _ in c.mentions]} for c in f.claims]}


def entity_summary(e: EntityView) -> dict:
    return {"id": e.id, "name": e.name, "label": e.label, "articles": e.articles, "mentions": e.mentions,
            "aliases": list(e.aliases)}


def story_summary(s: StoryView) -> dict:
    return {"id": s.id, "title": s.title, "articles": len(s.article_ids), "first": s.first, "last": s.last}


def article_ref(r: sqlite3.Row) -> dict:
    return {"id": r["id"], "source": r["source"], "title": r["title"], "published": r["published"]}
