"""Reading events across the ledger: the filters of `newsledger events` and the web event pages."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import InputError
from ..extract.plover import TYPES
from ..models import Event
from .ledger import Ledger, event_of


@dataclass(frozen=True)
class StoredEvent:
    id: int
    event: Event
    published: str | None
    source: str


def find_events(
    ledger: Ledger,
    type: str | None = None,
    country: str | None = None,
    since: str | None = None,
    status: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[StoredEvent]:
    """Events by type, by the actor's or target's country (alpha-3), on or after a date (the event's time, else
    the article's date), by status; newest first."""
    if type and type.upper() not in TYPES:
        raise InputError("NL155", f"{type[:40]!r} is not one of {', '.join(TYPES)}", "--type")
    if since and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", since):
        raise InputError("NL156", f"{since[:40]!r} is not a date like 2024-03-01", "--since")
    where, args = [], []
    if type:
        where.append("e.type = ?")
        args.append(type.upper())
    if country:
        where.append("(e.actor_country = ? OR e.target_country = ?)")
        args += [country.upper()] * 2
    if since:
        where.append("substr(COALESCE(e.time, a.published), 1, 10) >= ?")
        args.append(since)
    if status:
        where.append("e.status = ?")
        args.append(status)
    sql = (
        "SELECT e.*, e.id AS event_id, a.published AS published, a.source AS source FROM events e "
        "JOIN articles a ON a.id = e.article_id"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY COALESCE(e.time, a.published) DESC, e.article_id, e.start LIMIT ? OFFSET ?"
    )
    rows = ledger.conn.execute(sql, (*args, limit or -1, offset))
    return [StoredEvent(r["event_id"], event_of(r), r["published"], r["source"]) for r in rows]


def get_event(ledger: Ledger, event_id: int) -> StoredEvent | None:
    r = ledger.conn.execute(
        "SELECT e.*, e.id AS event_id, a.published AS published, a.source AS source FROM events e "
        "JOIN articles a ON a.id = e.article_id WHERE e.id = ?",
        (event_id,),
    ).fetchone()
    return StoredEvent(r["event_id"], event_of(r), r["published"], r["source"]) if r else None
