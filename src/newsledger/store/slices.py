"""Which articles and stories a filter holds: one implementation for `export`, the API and the pages.

An `ArticleFilter` keeps the articles published from `since` to `until` (ISO dates, both kept; an undated
article is in no dated slice), by an outlet (exact name), in a story (its id).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from .ledger import Ledger


@dataclass(frozen=True)
class ArticleFilter:
    since: str | None = None
    until: str | None = None
    outlet: str | None = None
    story: str | None = None

    @property
    def whole(self) -> bool:
        return not (self.since or self.until or self.outlet or self.story)

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


def _sql(f: ArticleFilter, select: str) -> tuple[str, list]:
    conds, args = f.where()
    return f"SELECT {select} FROM articles a" + (" WHERE " + " AND ".join(conds) if conds else ""), args


def article_ids(ledger: Ledger, f: ArticleFilter) -> list[str]:
    """Ids of the articles the filter keeps, in storage order."""
    sql, args = _sql(f, "a.id")
    return [r[0] for r in ledger.conn.execute(sql + " ORDER BY a.rowid", args)]


def count(ledger: Ledger, f: ArticleFilter) -> int:
    sql, args = _sql(f, "count(*)")
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
