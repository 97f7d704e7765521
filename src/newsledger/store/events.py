"""Reading events across the ledger: the filters of `newsledger events` and the web event pages."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import InputError
from ..extract.plover import TYPES
from ..models import Event
from .ledger import Ledger, event_of, like_pattern
from .slices import Slice


@dataclass(frozen=True)
class StoredEvent:
    id: int
    event: Event
    published: str | None
    source: str


# The country of an event's own place: `place` indexes its article's places in text order.
PLACE_COUNTRY = (
    "(SELECT country FROM (SELECT p.country, row_number() OVER (ORDER BY p.start, p.id) - 1 AS i "
    "FROM places p WHERE p.article_id = e.article_id) WHERE i = e.place)"
)


def _where(type, country, since, status, only: Slice | None) -> tuple[list[str], list]:
    type, status = type or (only and only.type), status or (only and only.status)
    if type and type.upper() not in TYPES:
        raise InputError("NL155", f"{type[:40]!r} is not one of {', '.join(TYPES)}", "--type")
    if since and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", since):
        raise InputError("NL156", f"{since[:40]!r} is not a date like 2024-03-01", "--since")
    where, args = only.where("a") if only else ([], [])
    for sql, value in (
        ("e.type = ?", type and type.upper()),
        ("(e.actor_country = ? OR e.target_country = ?)", country and country.upper()),
        ("substr(COALESCE(e.time, a.published), 1, 10) >= ?", since),
        ("e.status = ?", status),
        # A party: the actor or the target, as written or as its entity, holds the text.
        (
            "(e.actor LIKE ? ESCAPE '\\' OR e.target LIKE ? ESCAPE '\\' "
            "OR e.actor_entity LIKE ? ESCAPE '\\' OR e.target_entity LIKE ? ESCAPE '\\')",
            only and only.party and like_pattern(only.party),
        ),
        # Only the events of articles that name a place in the country are ranked (places_country).
        (
            f"e.article_id IN (SELECT article_id FROM places WHERE country = ?) AND {PLACE_COUNTRY} = ?",
            only and only.country,
        ),
    ):
        if value:
            where.append(sql)
            args += [value] * sql.count("?")
    return where, args


_FROM = "FROM events e JOIN articles a ON a.id = e.article_id"


def find_events(
    ledger: Ledger,
    type: str | None = None,
    country: str | None = None,
    since: str | None = None,
    status: str | None = None,
    limit: int | None = None,
    offset: int = 0,
    only: Slice | None = None,
) -> list[StoredEvent]:
    """Events by type, by the actor's or target's country (alpha-3), on or after a date (the event's time, else
    the article's date), by status; `only`: of a slice's articles, at a place in its country, with its party as
    actor or target; newest first."""
    where, args = _where(type, country, since, status, only)
    sql = (
        f"SELECT e.*, e.id AS event_id, a.published AS published, a.source AS source {_FROM}"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY COALESCE(e.time, a.published) DESC, e.article_id, e.start LIMIT ? OFFSET ?"
    )
    rows = ledger.conn.execute(sql, (*args, limit or -1, offset))
    return [StoredEvent(r["event_id"], event_of(r), r["published"], r["source"]) for r in rows]


def count_events(ledger: Ledger, type: str | None = None, status: str | None = None, only: Slice | None = None) -> int:
    """How many events `find_events` finds with these filters, every page of them."""
    where, args = _where(type, None, None, status, only)
    return ledger.conn.execute(
        f"SELECT count(*) {_FROM}" + (" WHERE " + " AND ".join(where) if where else ""), args
    ).fetchone()[0]


def get_event(ledger: Ledger, event_id: int) -> StoredEvent | None:
    r = ledger.conn.execute(
        "SELECT e.*, e.id AS event_id, a.published AS published, a.source AS source FROM events e "
        "JOIN articles a ON a.id = e.article_id WHERE e.id = ?",
        (event_id,),
    ).fetchone()
    return StoredEvent(r["event_id"], event_of(r), r["published"], r["source"]) if r else None
