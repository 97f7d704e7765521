"""The SQL the web pages need beyond `Ledger`'s queries: pages of rows (limit/offset), entity timelines,
and search with highlight offsets. Reads only; every function takes an open Ledger.

Pages are fetched one row past the limit, so a caller knows whether there is a next page without a count.
"""

from __future__ import annotations

import json
import sqlite3

from ..models import Hit, Page
from .ledger import CITE, ArticleRef, ArticleSummary, Cited, Ledger, Publication, bounded, like_pattern
from .slices import Slice

# FTS5 snippet markers: control characters never found in stored text, stripped into offsets.
_OPEN, _CLOSE = "\x02", "\x03"


def _page(conn: sqlite3.Connection, sql: str, args: list, limit: int, offset: int) -> Page:
    rows = conn.execute(sql + " LIMIT ? OFFSET ?", [*args, limit + 1, offset]).fetchall()
    return Page(rows[:limit], limit, offset, len(rows) > limit)


def articles(ledger: Ledger, limit: int, offset: int, source: str | None = None, only: Slice | None = None) -> Page:
    """Newest first: a reader opens the ledger to see what came in last; `only`: those the filter keeps."""
    conds, args = only.where_articles() if only else ([], [])
    if source:
        conds.append("a.source LIKE ? ESCAPE '\\'")
        args.append(like_pattern(source))
    where = f"WHERE {' AND '.join(conds)} " if conds else ""
    sql = (
        "SELECT a.id, a.source, a.title, a.published, length(a.text) AS chars, "
        "(SELECT count(*) FROM claims WHERE article_id = a.id) AS claims, "
        "(SELECT count(*) FROM quotes WHERE article_id = a.id) AS quotes, a.url, a.outlet, a.language "
        # NULLs sort last in DESC: the order is the articles_published index read backwards, no sort.
        f"FROM articles a {where}ORDER BY a.published DESC, a.rowid DESC"
    )
    page = _page(ledger.conn, sql, args, limit, offset)
    return Page([ArticleSummary(*r) for r in page.rows], limit, offset, page.more)


def claims(
    ledger: Ledger,
    limit: int,
    offset: int,
    source: str | None = None,
    measure: str | None = None,
    text: str | None = None,
    article: str | None = None,
    only: Slice | None = None,
) -> Page:
    """Claims of the newest articles first; `text` matches the claim, what it counts, or its sentence."""
    rows = ledger.claims(
        about=text, source=source, measure=measure, article=article, limit=limit + 1, offset=offset,
        newest_first=True, only=only,
    )  # fmt: skip
    return Page(rows[:limit], limit, offset, len(rows) > limit)


def quotes(
    ledger: Ledger,
    limit: int,
    offset: int,
    speaker: str | None = None,
    article: str | None = None,
    only: Slice | None = None,
) -> Page:
    rows = ledger.quotes(by=speaker, article=article, limit=limit + 1, offset=offset, newest_first=True, only=only)
    return Page(rows[:limit], limit, offset, len(rows) > limit)


def _of_entity(ledger: Ledger, eid: str) -> tuple[str, list[str]]:
    """The entity rows behind an id: those reconciled into it, or the rows of a key not reconciled yet.
    One condition, so the index on (canonical | key, published, article_id, mentions) serves each query
    in date order without reading every row of an entity named in thousands of articles."""
    if ledger.conn.execute("SELECT 1 FROM entities WHERE canonical = ? LIMIT 1", (eid,)).fetchone():
        return "e.canonical = ?", [eid]
    return "e.key = ? AND e.canonical IS NULL", [eid]


def entity_keys(ledger: Ledger, eid: str) -> list[str]:
    """The store's per-article entity keys behind this id (what quotes and claims point at)."""
    if r := ledger.conn.execute("SELECT keys FROM canonical_entities WHERE id = ?", (eid,)).fetchone():
        return sorted(json.loads(r[0]))  # kept by reconciliation
    cond, args = _of_entity(ledger, eid)
    return sorted(r[0] for r in ledger.conn.execute(f"SELECT DISTINCT e.key FROM entities e WHERE {cond}", args))


def canonical_of(ledger: Ledger, key: str) -> str | None:
    """The canonical id reconciliation gave a per-article key, if any."""
    r = ledger.conn.execute(
        "SELECT canonical FROM entities WHERE key = ? AND canonical IS NOT NULL LIMIT 1", (key,)
    ).fetchone()
    return r[0] if r else None


def entity_timeline(ledger: Ledger, eid: str) -> list[dict]:
    """Mentions and articles per publication day of the entity with this id."""
    if ledger.conn.execute("SELECT 1 FROM canonical_entities WHERE id = ?", (eid,)).fetchone():
        return [
            dict(r)
            for r in ledger.conn.execute(
                "SELECT day, mentions, articles FROM entity_days WHERE canonical = ? ORDER BY day IS NULL, day", (eid,)
            )
        ]
    cond, args = _of_entity(ledger, eid)
    sql = (
        "SELECT e.published AS day, sum(e.mentions) AS mentions, count(DISTINCT e.article_id) AS articles "
        f"FROM entities e WHERE {cond} GROUP BY e.published ORDER BY e.published IS NULL, e.published"
    )
    return [dict(r) for r in ledger.conn.execute(sql, args)]


def entity_articles(ledger: Ledger, eid: str, limit: int) -> list[ArticleRef]:
    """The latest articles naming the entity."""
    cond, args = _of_entity(ledger, eid)
    sql = (
        "SELECT a.id, a.source, a.title, a.published, a.outlet FROM entities e "
        f"JOIN articles a ON a.id = e.article_id WHERE {cond} "
        "GROUP BY e.published, e.article_id ORDER BY e.published DESC, e.article_id DESC LIMIT ?"
    )
    return [ArticleRef(*r) for r in ledger.conn.execute(sql, [*args, limit])]


def said_by(ledger: Ledger, table: str, eid: str, limit: int, keys: list[str] | None = None) -> list[Cited]:
    """Quotes (table "quotes") or claims ("claims") attributed to the entity with this id, newest first.
    An attribution names a per-article entity key. When the entity's keys carry few attributions in all
    (`attributions` counts them), those rows are read by index and sorted; else the entity's own rows are
    walked newest article first, stopping at `limit`. CROSS JOIN fixes which table leads. Never a scan of
    every quote, nor a walk through thousands of rows of an entity that hardly speaks."""
    prefix, alias = {"quotes": ("speaker", "q"), "claims": ("source", "k")}[table]
    cond, args = _of_entity(ledger, eid)
    keys = entity_keys(ledger, eid) if keys is None else keys
    if not keys:
        return []
    marks = ",".join("?" * len(keys))
    said = ledger.conn.execute(
        f"SELECT coalesce(sum(rows), 0) FROM attributions WHERE kind = ? AND name IN ({marks})", [table, *keys]
    ).fetchone()[0]
    if said < ledger.RARE:
        sql = (
            f"SELECT {alias}.*, {CITE} FROM {table} {alias} "
            f"CROSS JOIN entities e ON e.article_id = {alias}.article_id AND e.key = {alias}.{prefix}_entity "
            f"JOIN articles a ON a.id = {alias}.article_id WHERE {alias}.{prefix}_entity IN ({marks}) AND {cond} "
            f"ORDER BY e.published DESC, e.article_id DESC, {alias}.start LIMIT ?"
        )
        return ledger.cited(table, ledger.conn.execute(sql, [*keys, *args, limit]))
    sql = (
        f"SELECT {alias}.*, {CITE} FROM entities e "
        f"CROSS JOIN {table} {alias} ON {alias}.article_id = e.article_id AND {alias}.{prefix}_entity = e.key "
        f"JOIN articles a ON a.id = e.article_id WHERE {cond} "
        f"ORDER BY e.published DESC, e.article_id DESC, {alias}.start LIMIT ?"
    )
    return ledger.cited(table, ledger.conn.execute(sql, [*args, limit]))


def articles_by_id(ledger: Ledger, ids: list[str]) -> dict[str, ArticleRef]:
    """These articles by id (ids not in the ledger are left out)."""
    return {
        r[0]: ArticleRef(*r)
        for r in ledger.conn.execute(
            "SELECT a.id, a.source, a.title, a.published, a.outlet FROM articles a "
            "WHERE a.id IN (SELECT value FROM json_each(?))",
            (json.dumps(list(ids)),),
        )
    }


def publications(ledger: Ledger, article_id: str) -> list[Publication]:
    """Every place an article was seen: one row per source, the first first."""
    return [
        Publication(*r)
        for r in ledger.conn.execute(
            "SELECT article_id, source, url, published FROM publications WHERE article_id = ? "
            "ORDER BY published, source",
            (article_id,),
        )
    ]


def _unmark(snippet: str) -> tuple[str, list[tuple[int, int]]]:
    out, marks, start = [], [], None
    n = 0
    for ch in snippet:
        if ch == _OPEN:
            start = n
        elif ch == _CLOSE:
            if start is not None:
                marks.append((start, n))
            start = None
        else:
            out.append(ch)
            n += 1
    return "".join(out), marks


_MATCH = "FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid WHERE articles_fts MATCH ?"


def _matching(ledger: Ledger, query: str, sql: str, run):
    """`run(sql, match)` with the query as FTS5 syntax, else (not valid syntax) as a phrase; None: nothing in
    the query is searchable."""
    query = "".join(ch if ch.isprintable() else " " for ch in bounded(query, "search"))  # a NUL ends FTS5's string
    with ledger.budget("search"):  # NEAR of many prefix terms: minutes without it
        try:
            return run(sql, query)
        except sqlite3.OperationalError as e:
            if "interrupted" in str(e):
                raise
            phrase = '"' + query.replace('"', '""') + '"'
            try:
                return run(sql, phrase)
            except sqlite3.OperationalError as e:  # nothing searchable left in it
                if "interrupted" in str(e):
                    raise
                return None


def search(ledger: Ledger, query: str, limit: int, offset: int) -> Page:
    """Full-text search (FTS5 syntax; text that is not valid syntax is searched as a phrase)."""
    sql = (
        "SELECT a.id, a.source, a.title, a.published, "
        f"snippet(articles_fts, 1, char(2), char(3), ' … ', 24) AS snippet {_MATCH} ORDER BY rank"
    )
    page = _matching(ledger, query, sql, lambda sql, q: _page(ledger.conn, sql, [q], limit, offset))
    if page is None:
        return Page([], limit, offset, False)
    hits = []
    for r in page.rows:
        text, marks = _unmark(r["snippet"] or "")
        hits.append(Hit(r["id"], r["source"], r["title"], r["published"], text, marks))
    return Page(hits, page.limit, page.offset, page.more)


def search_count(ledger: Ledger, query: str) -> int:
    """How many articles `search` finds for the query, every page of them."""
    n = _matching(ledger, query, f"SELECT count(*) {_MATCH}", lambda sql, q: ledger.conn.execute(sql, [q]).fetchone())
    return n[0] if n else 0


def counts(ledger: Ledger) -> dict[str, int]:
    return {t: ledger.count(t) for t in ("articles", "entities", "quotes", "claims", "times", "events")}
