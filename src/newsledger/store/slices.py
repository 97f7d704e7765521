"""Which articles and stories an export's slice (`--since`, `--until`, `--story`) holds."""

from __future__ import annotations

import json

from .ledger import Ledger


def article_ids(ledger: Ledger, since: str | None, until: str | None, among: list[str] | None = None) -> list[str]:
    """Ids of the articles published from `since` to `until` (ISO dates, both kept; an undated article is in
    no dated slice), among `among` when given, in storage order."""
    where, args = [], []
    if since:
        where.append("published >= ?")
        args.append(since)
    if until:
        where.append("published <= ?")
        args.append(until)
    if among is not None:
        where.append("id IN (SELECT value FROM json_each(?))")
        args.append(json.dumps(among))
    sql = "SELECT id FROM articles" + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY rowid"
    return [r[0] for r in ledger.conn.execute(sql, args)]


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
