"""Records as the API returns them, one function per record: the JSON API and the pages both use them, so
they agree on every field."""

from __future__ import annotations

from dataclasses import asdict

from ..models import CanonicalEntity, Claim, Figure, FigureClaim, Quote, Story, StoryArticle
from ..present import claim_figure
from ..present import figure as shown_value
from ..reconcile.figures import report_day
from ..store import ArticleRef, ArticleSummary, Cited


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


def article_summary(a: ArticleSummary) -> dict:
    return asdict(a)


def article_ref(a: ArticleRef | StoryArticle) -> dict:
    return {
        "id": a.id,
        "source": a.source,
        "title": a.title,
        "published": a.published,
        "outlet": getattr(a, "outlet", None),
    }


def story_article(a: StoryArticle) -> dict:
    return {**article_ref(a), "copy_of": a.copy_of}


def when(c: FigureClaim) -> str | None:
    """When a statement was reported: its article's date, else the day its time names."""
    return report_day(c.published, c.time)


def shown(c: FigureClaim) -> str:
    """A statement's value as a reader writes it: "~3,500" (figures are counts: no unit, no change)."""
    return shown_value(c.value, c.qualifier)


def figure_summary(f: Figure) -> dict:
    return {
        "id": f.id,
        "measure": f.measure,
        "counted": f.counted,
        "low": f.low,
        "best": f.best,
        "high": f.high,
        "first": f.first,
        "last": f.last,
        "claims": len(f.claims),
        "sources": f.sources,
        "parties": list(f.parties),
        "title": f.incident.title if f.incident else None,
        "incident": f.incident.to_contract() if f.incident else None,
        "part_of": f.part_of,
        "part": f.part,
    }


def figure_claim(c: FigureClaim) -> dict:
    return {
        "article": c.article,
        "source": c.source,
        "text": c.text,
        "value": c.value.to_contract(),
        "qualifier": c.qualifier,
        "published": c.published,
        "when": when(c),
        "figure": shown(c),
        "party": c.party,
        "party_name": c.party_name,
        "relayed_by": c.relayed_by,
        "stance": c.stance,
        "preliminary": c.preliminary,
        "mentions": [{"article": m.article, "published": m.published} for m in c.mentions],
    }


def figure_detail(f: Figure, left_out: list[tuple[str, str, str, str]] = ()) -> dict:  # type: ignore[assignment]
    """A figure with every statement, and the claims of its measure in its articles that it leaves out."""
    return {
        **figure_summary(f),
        "claims": [figure_claim(c) for c in f.claims],
        "left_out": [{"article": a, "text": t, "role": r, "reason": why} for a, t, r, why in left_out],
    }


def entity_summary(e: CanonicalEntity) -> dict:
    return {
        "id": e.id,
        "name": e.name,
        "label": e.label,
        "articles": e.articles,
        "mentions": e.mentions,
        "aliases": [a for a in e.aliases if a != e.name],
    }


def story_summary(s: Story) -> dict:
    return {"id": s.id, "title": s.title, "articles": len(s.articles), "first": s.first, "last": s.last}


def event_row(r) -> dict:
    """A stored event as one row of the events list."""
    e = r.event
    return {
        "id": r.id,
        "article": e.article_id,
        "when": e.time or r.published,
        "type": e.type,
        "mode": e.mode,
        "status": e.status,
        "actor": e.actor.name if e.actor else None,
        "target": e.target.name if e.target else None,
        "trigger": e.trigger,
        "dead": e.dead,
    }


def event_detail(r, text: str) -> dict:
    """A stored event with the sentence around its trigger, for the event page."""
    e = r.event
    left = max(text.rfind(". ", 0, e.start) + 2, text.rfind("\n", 0, e.start) + 1, e.start - 300)
    right = min(p for p in (text.find(". ", e.end), text.find("\n", e.end), e.end + 300, len(text)) if p >= 0)
    return {
        **event_row(r),
        "source": r.source,
        "start": e.start,
        "before": text[left : e.start],
        "after": text[e.end : right + 1],
        "actor": asdict(e.actor) if e.actor else None,
        "target": asdict(e.target) if e.target else None,
        "place": e.place,
        "time": e.time,
        "injured": e.injured,
        "size": e.size,
    }
