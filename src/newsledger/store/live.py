"""Fetched pages and watched feeds: what `ingest URL` and `watch` keep so that a restart, or a re-extraction,
never fetches again what it has."""

from __future__ import annotations

import json
from dataclasses import dataclass

from ..models import FetchedPage
from .ledger import Ledger


def save_page(ledger: Ledger, page: FetchedPage) -> None:
    with ledger.conn:
        ledger.conn.execute(
            "INSERT INTO pages(url, final_url, status, headers, body, fetched_at) VALUES (?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(url) DO UPDATE SET final_url = excluded.final_url, status = excluded.status, "
            "headers = excluded.headers, body = excluded.body, fetched_at = excluded.fetched_at",
            (page.url, page.final_url, page.status, json.dumps(dict(page.headers)), page.body, page.fetched_at),
        )


def page(ledger: Ledger, url: str) -> FetchedPage | None:
    """The page stored for `url` (as asked for, or as redirected to), or None."""
    r = ledger.conn.execute(
        "SELECT * FROM pages WHERE url = ? UNION ALL SELECT * FROM pages WHERE final_url = ? LIMIT 1", (url, url)
    ).fetchone()
    if r is None:
        return None
    return FetchedPage(
        r["url"], r["final_url"], r["status"], tuple(json.loads(r["headers"]).items()), r["body"], r["fetched_at"]
    )


def page_count(ledger: Ledger) -> int:
    return ledger.conn.execute("SELECT count(*) FROM pages").fetchone()[0]


@dataclass(frozen=True)
class FeedState:
    url: str
    title: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    polled_at: str | None = None
    next_poll: float = 0.0
    failures: int = 0
    last_error: str | None = None


def feed_state(ledger: Ledger, url: str) -> FeedState:
    r = ledger.conn.execute("SELECT * FROM feeds WHERE url = ?", (url,)).fetchone()
    return FeedState(url) if r is None else FeedState(**dict(r))


def save_feed_state(ledger: Ledger, st: FeedState) -> None:
    with ledger.conn:
        ledger.conn.execute(
            "INSERT INTO feeds(url, title, etag, last_modified, polled_at, next_poll, failures, last_error) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(url) DO UPDATE SET title = excluded.title, "
            "etag = excluded.etag, last_modified = excluded.last_modified, polled_at = excluded.polled_at, "
            "next_poll = excluded.next_poll, failures = excluded.failures, last_error = excluded.last_error",
            (st.url, st.title, st.etag, st.last_modified, st.polled_at, st.next_poll, st.failures, st.last_error),
        )


def seen_entries(ledger: Ledger, feed: str) -> set[str]:
    return {r[0] for r in ledger.conn.execute("SELECT key FROM feed_entries WHERE feed = ?", (feed,))}


def mark_entries(ledger: Ledger, feed: str, done: list[tuple[str, str | None, str | None]]) -> None:
    """Record entries (key, link, article id or None) as handled."""
    with ledger.conn:
        ledger.conn.executemany(
            "INSERT INTO feed_entries(feed, key, link, article_id) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
            [(feed, k, link, aid) for k, link, aid in done],
        )


def feeds(ledger: Ledger) -> list[FeedState]:
    return [FeedState(**dict(r)) for r in ledger.conn.execute("SELECT * FROM feeds ORDER BY url")]


def totals(ledger: Ledger) -> dict[str, int]:
    """What a watch summary line reports: the ledger's articles, claims, stories and figures."""
    return {
        t: ledger.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in ("articles", "claims", "stories", "figures")
    }
