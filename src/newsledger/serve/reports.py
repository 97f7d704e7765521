"""The entity and story reports, assembled once for both the JSON API and the pages."""

from __future__ import annotations

from ..errors import NotFound
from ..models import CanonicalEntity
from ..reconcile.entities import get_entity
from ..reconcile.stories import get_story
from ..store import Ledger
from ..store import figures as figure_store
from ..store import pages as queries
from . import views


def entity(ledger: Ledger, entity_id: str) -> CanonicalEntity:
    """An entity by canonical id, or by a per-article key (read as the canonical entity it joined)."""
    try:
        return get_entity(ledger, entity_id)
    except NotFound:
        canonical = queries.canonical_of(ledger, entity_id)
        if canonical in (None, entity_id):
            raise
        return get_entity(ledger, canonical)


def entity_report(ledger: Ledger, entity_id: str, n: int = 50) -> dict:
    """An entity with its mentions per day, recent articles, and what it said (quotes) and claimed."""
    e = entity(ledger, entity_id)
    keys = queries.entity_keys(ledger, e.id)
    return {
        **views.entity_summary(e),
        "kind": e.kind,
        "country": e.country,
        "keys": keys,
        "timeline": queries.entity_timeline(ledger, e.id),
        "recent_articles": [views.article_ref(a) for a in queries.entity_articles(ledger, e.id, 20)],
        "quotes": [views.cited_quote(r) for r in queries.said_by(ledger, "quotes", e.id, n, keys)],
        "claims": [views.cited_claim(r) for r in queries.said_by(ledger, "claims", e.id, n, keys)],
    }


def story_report(ledger: Ledger, story_id: str) -> dict:
    """A story's articles (oldest first), the outlets that ran them, and the figures its articles report."""
    s = get_story(ledger, story_id)
    outlets = {a.outlet or a.source for a in s.articles} | {p for a in s.articles for p in a.publications}
    figures = figure_store.figures_of(ledger, [a.id for a in s.articles])
    return {
        "id": s.id,
        "title": s.title or (s.articles[0].title if s.articles else None),
        "first": s.first,
        "last": s.last,
        "articles": [views.story_article(a) for a in s.articles],
        "independent": s.independent,
        "outlets": sorted(outlets),
        "figures": [views.figure_summary(f) for f in figures],
    }
