"""The SQL of stories (`reconcile.stories`): `stories`, `story_articles` and the document frequencies of
`story_terms`, and the Story records read from them."""

from __future__ import annotations

import json
from collections.abc import Iterable

from ..models import Story, StoryArticle
from .ledger import Ledger

_PENDING = (
    "SELECT a.id, a.published, d.original_id FROM articles a JOIN duplicates d ON d.article_id = a.id "
    "LEFT JOIN story_articles s ON s.article_id = a.id WHERE s.article_id IS NULL"
)


def any_pending(ledger: Ledger) -> bool:
    """Whether some deduplicated article is in no story yet (read without a write lock)."""
    return ledger.conn.execute(_PENDING + " LIMIT 1").fetchone() is not None


def pending(ledger: Ledger) -> list[tuple]:
    """(id, published, original_id) of the articles in no story, oldest first, undated last."""
    return [tuple(r) for r in ledger.conn.execute(_PENDING + " ORDER BY a.published IS NULL, a.published, a.rowid")]


def texts(ledger: Ledger, ids: list[str]) -> list[tuple]:
    """(id, title, text, body_end) of these articles."""
    return [
        tuple(r)
        for r in ledger.conn.execute(
            "SELECT id, title, text, body_end FROM articles WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps(ids),),
        )
    ]


def add_terms(ledger: Ledger, df: dict[str, int]) -> dict[str, int]:
    """Add these document frequencies to `story_terms`; returns each term's id."""
    conn = ledger.conn
    conn.executemany(
        "INSERT INTO story_terms(term, df) VALUES (?, ?) ON CONFLICT(term) DO UPDATE SET df = df + excluded.df",
        df.items(),
    )
    return dict(
        conn.execute(
            "SELECT term, id FROM story_terms WHERE term IN (SELECT value FROM json_each(?))",
            (json.dumps(list(df), ensure_ascii=False),),
        )
    )


def term_df(ledger: Ledger, ids: list[int]) -> list[tuple[int, int]]:
    """(term id, document frequency) of these term ids."""
    return ledger.conn.execute(
        "SELECT id, df FROM story_terms WHERE id IN (SELECT value FROM json_each(?))", (json.dumps(ids),)
    ).fetchall()


def neighbours(ledger: Ledger, between: tuple[str, str] | None = None) -> list[tuple]:
    """(article, story, terms, published) of the placed originals; with `between` (two ISO days), only
    those published then or undated."""
    sql = (
        "SELECT s.article_id, s.story_id, s.terms, a.published FROM story_articles s "
        "JOIN articles a ON a.id = s.article_id JOIN duplicates d ON d.article_id = s.article_id "
        "WHERE d.original_id = s.article_id"
    )
    if between is None:
        return [tuple(r) for r in ledger.conn.execute(sql)]
    return [
        tuple(r)
        for r in ledger.conn.execute(sql + " AND (a.published IS NULL OR a.published BETWEEN ? AND ?)", between)
    ]


def spans(ledger: Ledger, ids: list[str]) -> list[tuple[str, str | None, str | None]]:
    """(id, first_published, last_published) of these stories."""
    return [
        tuple(r)
        for r in ledger.conn.execute(
            "SELECT id, first_published, last_published FROM stories WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps(ids),),
        )
    ]


def span(ledger: Ledger, story_id: str) -> tuple[str | None, str | None]:
    """(first_published, last_published) of one story."""
    s = ledger.conn.execute("SELECT first_published, last_published FROM stories WHERE id = ?", (story_id,)).fetchone()
    return s[0], s[1]


def save(ledger: Ledger, story_id: str, label: str | None, first: str | None, last: str | None) -> None:
    """Store a new story (or replace its label and span)."""
    ledger.conn.execute(
        "INSERT INTO stories(id, label, first_published, last_published) VALUES (?, ?, ?, ?) "
        "ON CONFLICT(id) DO UPDATE SET label = excluded.label, "
        "first_published = excluded.first_published, last_published = excluded.last_published",
        (story_id, label, first, last),
    )


def set_span(ledger: Ledger, story_id: str, first: str | None, last: str | None) -> None:
    ledger.conn.execute(
        "UPDATE stories SET first_published = ?, last_published = ? WHERE id = ?", (first, last, story_id)
    )


def place(ledger: Ledger, rows: Iterable[tuple[str, str, float | None, bytes]]) -> None:
    """Store (article, story, similarity, packed terms) rows; the stories must exist."""
    ledger.conn.executemany(
        "INSERT INTO story_articles(article_id, story_id, similarity, terms) VALUES (?, ?, ?, ?)", rows
    )


def story_of(ledger: Ledger, article_id: str) -> str | None:
    row = ledger.conn.execute("SELECT story_id FROM story_articles WHERE article_id = ?", (article_id,)).fetchone()
    return row[0] if row else None


def exists(ledger: Ledger, story_id: str) -> bool:
    return ledger.conn.execute("SELECT id FROM stories WHERE id = ?", (story_id,)).fetchone() is not None


def ids(ledger: Ledger, limit: int | None = None, offset: int = 0) -> list[str]:
    """Ids of the stories with articles, the most recently active first (a page of them: `limit`, `offset`)."""
    return [
        r[0]
        for r in ledger.conn.execute(
            "SELECT id FROM stories s WHERE EXISTS (SELECT 1 FROM story_articles m WHERE m.story_id = s.id) "
            "ORDER BY s.last_published IS NULL, s.last_published DESC, s.first_published DESC, s.id LIMIT ? OFFSET ?",
            (-1 if limit is None else limit, offset),
        )
    ]


def load(ledger: Ledger, ids: list[str]) -> list[Story]:
    """These stories (those that exist and have articles), in this order, their articles oldest first."""
    if not ids:
        return []
    conn = ledger.conn
    wanted = json.dumps(ids)
    members: dict[str, list[StoryArticle]] = {i: [] for i in ids}
    pubs: dict[str, list[str]] = {}
    for r in conn.execute(
        "SELECT p.article_id, p.source FROM publications p JOIN articles a ON a.id = p.article_id "
        "JOIN story_articles m ON m.article_id = p.article_id "
        "WHERE m.story_id IN (SELECT value FROM json_each(?)) AND p.source != a.source ORDER BY p.rowid",
        (wanted,),
    ):
        pubs.setdefault(r[0], []).append(r[1])
    for r in conn.execute(
        "SELECT m.story_id, a.id, a.source, a.title, a.published, a.outlet, d.original_id FROM story_articles m "
        "JOIN articles a ON a.id = m.article_id LEFT JOIN duplicates d ON d.article_id = a.id "
        "WHERE m.story_id IN (SELECT value FROM json_each(?)) "
        "ORDER BY a.published IS NULL, a.published, a.rowid",
        (wanted,),
    ):
        copy_of = r["original_id"] if r["original_id"] not in (None, r["id"]) else None
        members[r["story_id"]].append(
            StoryArticle(
                r["id"], r["source"], r["title"], r["published"], copy_of, tuple(pubs.get(r["id"], ())), r["outlet"]
            )
        )
    heads = {
        r["id"]: r
        for r in conn.execute("SELECT * FROM stories WHERE id IN (SELECT value FROM json_each(?))", (wanted,))
    }
    return [
        Story(i, heads[i]["label"], heads[i]["first_published"], heads[i]["last_published"], tuple(members[i]))
        for i in ids
        if i in heads and members[i]
    ]


def forget_all(ledger: Ledger) -> None:
    """Drop every story, its articles' places in it and the term counts."""
    c = ledger.conn
    c.execute("DELETE FROM story_articles")
    c.execute("DELETE FROM stories")
    c.execute("DELETE FROM story_terms")
