"""The entity and story reports, assembled once for both the JSON API and the pages."""
from __future__ import annotations

from ..store import Ledger
from ..store import pages as queries
from . import views
from .reconciled import Reconciled


def entity_report(ledger: Ledger, rec: Reconciled, entity_id: str, n: int = 50) -> dict | None:
    """An entity with its mentions per day, recent articles, and what it said (quotes) and claimed."""
    e = rec.entity(ledger, entity_id)
    if e is None:
        return None
    keys = list(e.keys)
    timeline = queries.entity_timeline(ledger, e.id)
    out = views.entity_summary(e)
    if out["articles"] is None:
        out["articles"] = sum(d["articles"] for d in timeline)
    if out["mentions"] is None:
        out["mentions"] = sum(d["mentions"] for d in timeline)
    return {**out, "keys": keys, "timeline": timeline,
            "recent_articles": [views.article_ref(r) for r in queries.entity_articles(ledger, e.id, 20)],
            "quotes": [views.cited_quote(r) for r in queries.said_by(ledger, "quotes", e.id, n, keys)],
            "claims": [views.cited_claim(r) for r in queries.said_by(ledger, "claims", e.id, n, keys)],
            "extra": e.extra}


def story_report(ledger: Ledger, rec: Reconciled, story_id: str) -> dict | None:
    """A story's articles (oldest first), the outlets that ran them, and the figures its articles report."""
    s = rec.story(ledger, story_id)
    if s is None:
        return None
    found = queries.articles_by_id(ledger, list(s.article_ids))
    arts = sorted(found.values(), key=lambda r: (r["published"] is None, r["published"] or "", r["id"]))
    outlets = sorted({p["source"] for p in queries.publications(ledger, list(found))} | {r["source"] for r in arts})
    ids = set(found)
    figures = [views.figure_summary(f) for f in rec.figures_of(ledger, ids)]
    days = [r["published"] for r in arts if r["published"]]
    return {"id": s.id, "title": s.title or (arts[0]["title"] if arts else None),
            "first": s.first or (days[0] if days else None), "last": s.last or (days[-1] if days else None),
            "articles": [{**views.article_ref(r), "copy_of": s.copies.get(r["id"])} for r in arts],
            "independent": sum(r["id"] not in s.copies for r in arts), "outlets": outlets, "figures": figures,
            "extra": s.extra}
