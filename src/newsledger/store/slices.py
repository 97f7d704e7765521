"""Which rows a filter holds: one implementation for `export`, the API and the pages.

A `Slice` keeps the articles published from `since` to `until` (ISO dates, both kept; an undated article is
in no dated slice), by an outlet (exact name), in a story (its id); and of those articles' rows, the ones of
a `measure` (claims, figures), a `party` (part of a claim's source, a quote's speaker, an event's actor or
target, or the name of a party behind a figure) and a `country` (ISO alpha-3: an event's place, a figure's
incident, the incident of the figure a claim is part of); and a page's own refinements, so that a download
holds exactly what the page shows: `about` (figures: a text their counted group, measure, sources or
sentences hold), `type` and `status` (events: a PLOVER type, happened / negated / ...). The articles table
itself reads `measure` and `country` as what an article holds: a claim of that measure, a place in that
country (`where_articles`); the other per-article tables ignore them. The conditions are SQL here; the
queries of `Ledger.claims`/`quotes`, `events.find_events` and `figures.list_figures` add them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, fields

from .ledger import Ledger


@dataclass(frozen=True)
class Slice:
    since: str | None = None
    until: str | None = None
    outlet: str | None = None
    story: str | None = None
    measure: str | None = None
    party: str | None = None
    country: str | None = None
    about: str | None = None
    type: str | None = None
    status: str | None = None

    @property
    def whole(self) -> bool:
        return not any(getattr(self, f.name) for f in fields(self))

    def query(self) -> dict[str, str]:
        """The fields set, as a URL's query names them (the pages' links, the downloads)."""
        return {f.name: v for f in fields(self) if (v := getattr(self, f.name))}

    def where(self, alias: str = "a") -> tuple[list[str], list]:
        """SQL conditions on the articles table (as `alias`) and their arguments."""
        conds, args = [], []
        for sql, value in (
            (f"{alias}.published >= ?", self.since),
            (f"{alias}.published <= ?", self.until),
            (f"{alias}.outlet = ?", self.outlet),
            (f"{alias}.id IN (SELECT article_id FROM story_articles WHERE story_id = ?)", self.story),
        ):
            if value:
                conds.append(sql)
                args.append(value)
        return conds, args

    def where_articles(self, alias: str = "a") -> tuple[list[str], list]:
        """`where`, and for the articles table (its page, count and export) the articles that hold a claim of
        the measure and name a place in the country."""
        conds, args = self.where(alias)
        for sql, value in (
            (f"{alias}.id IN (SELECT article_id FROM claims WHERE measure = ?)", self.measure),
            (f"{alias}.id IN (SELECT article_id FROM places WHERE country = ?)", self.country),
        ):
            if value:
                conds.append(sql)
                args.append(value)
        return conds, args


def _sql(f: Slice, select: str, own: bool) -> tuple[str, list]:
    conds, args = f.where_articles() if own else f.where()
    return f"SELECT {select} FROM articles a" + (" WHERE " + " AND ".join(conds) if conds else ""), args


def article_ids(ledger: Ledger, f: Slice, own: bool = False) -> list[str]:
    """Ids of the articles the filter keeps, in storage order; `own`: the articles table's own (`where_articles`)."""
    sql, args = _sql(f, "a.id", own)
    return [r[0] for r in ledger.conn.execute(sql + " ORDER BY a.rowid", args)]


def count(ledger: Ledger, f: Slice) -> int:
    """How many articles the articles page lists for the filter."""
    sql, args = _sql(f, "count(*)", True)
    return ledger.conn.execute(sql, args).fetchone()[0]


def outlets(ledger: Ledger) -> list[str]:
    """Every outlet named by an article, for a filter's choices."""
    return [
        r[0] for r in ledger.conn.execute("SELECT DISTINCT outlet FROM articles WHERE outlet IS NOT NULL ORDER BY 1")
    ]


def story_ids_of(ledger: Ledger, article_ids: list[str]) -> list[str]:
    """The stories any of these articles is placed in, the most recently active first."""
    return [
        r[0]
        for r in ledger.conn.execute(
            "SELECT s.id FROM stories s WHERE s.id IN (SELECT story_id FROM story_articles "
            "WHERE article_id IN (SELECT value FROM json_each(?))) "
            "ORDER BY s.last_published IS NULL, s.last_published DESC, s.first_published DESC, s.id",
            (json.dumps(article_ids),),
        )
    ]


def countries(ledger: Ledger) -> list[str]:
    """Every country a place or a figure's incident is in, for a filter's choices."""
    return [
        r[0]
        for r in ledger.conn.execute(
            "SELECT country FROM places WHERE country IS NOT NULL UNION "
            "SELECT incident_country FROM figures WHERE founded AND incident_country IS NOT NULL ORDER BY 1"
        )
    ]
