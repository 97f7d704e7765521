"""The SQL of near-duplicate detection (`reconcile.dedup`): the `duplicates` table and what it is built from."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from ..errors import NotFound
from .ledger import Ledger


class Pending(NamedTuple):
    rowid: int  # the order articles were stored in
    id: str
    published: str | None


class Signed(NamedTuple):
    """A reconciled article's MinHash signature and group."""

    article_id: str
    original_id: str
    shingles: int
    signature: bytes
    published: str | None
    rowid: int


_PENDING = (
    "SELECT a.rowid, a.id, a.published FROM articles a "
    "LEFT JOIN duplicates d ON d.article_id = a.id WHERE d.article_id IS NULL"
)


def any_pending(ledger: Ledger) -> bool:
    """Whether some article is not reconciled yet (read without a write lock)."""
    return ledger.conn.execute(_PENDING + " LIMIT 1").fetchone() is not None


def pending(ledger: Ledger) -> list[Pending]:
    """The articles not reconciled yet, in the order they were stored."""
    return [Pending(*r) for r in ledger.conn.execute(_PENDING + " ORDER BY a.rowid").fetchall()]


def bodies(ledger: Ledger, ids: list[str]) -> dict[str, str]:
    """Article id -> its body (the text up to `body_end`)."""
    return {
        aid: text if end is None else text[:end]
        for aid, text, end in ledger.conn.execute(
            "SELECT id, text, body_end FROM articles WHERE id IN (SELECT value FROM json_each(?))", (json.dumps(ids),)
        )
    }


def add(ledger: Ledger, rows: Iterable[tuple]) -> None:
    """Store (article_id, original_id, similarity, shingles, signature) rows."""
    ledger.conn.executemany(
        "INSERT INTO duplicates(article_id, original_id, similarity, shingles, signature) VALUES (?, ?, ?, ?, ?)", rows
    )


def signatures(ledger: Ledger, between: tuple[str, str] | None = None) -> Iterator[Signed]:
    """The reconciled articles that have a signature; with `between` (two ISO days), only those published
    then or undated."""
    sql = (
        "SELECT d.article_id, d.original_id, d.shingles, d.signature, a.published, a.rowid FROM duplicates d "
        "JOIN articles a ON a.id = d.article_id WHERE d.signature IS NOT NULL"
    )
    rows = (
        ledger.conn.execute(sql)
        if between is None
        else ledger.conn.execute(sql + " AND (a.published IS NULL OR a.published BETWEEN ? AND ?)", between)
    )
    return (Signed(*r) for r in rows)


def original_of(ledger: Ledger, article_id: str) -> str:
    """The first-stored article of this article's near-duplicate group (itself when it is an original,
    or when dedup has not seen it yet)."""
    row = ledger.conn.execute("SELECT original_id FROM duplicates WHERE article_id = ?", (article_id,)).fetchone()
    if row is not None:
        return row[0]
    if not ledger.has_article(article_id):
        raise NotFound("article", article_id)
    return article_id


def originals(ledger: Ledger) -> dict[str, str]:
    """Every syndicated copy -> its original."""
    return {
        r[0]: r[1]
        for r in ledger.conn.execute("SELECT article_id, original_id FROM duplicates WHERE original_id != article_id")
    }


def group(ledger: Ledger, original_id: str) -> list[str]:
    """The articles whose original is `original_id` (itself included), first stored first."""
    return [
        r[0]
        for r in ledger.conn.execute(
            "SELECT d.article_id FROM duplicates d JOIN articles a ON a.id = d.article_id "
            "WHERE d.original_id = ? ORDER BY a.rowid",
            (original_id,),
        )
    ]


def forget_all(ledger: Ledger) -> None:
    """Forget which articles are copies of which (the dedup step's rows)."""
    ledger.conn.execute("DELETE FROM duplicates")
