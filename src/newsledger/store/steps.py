"""What made the ledger's derived rows: per step its version and options, per article its extraction's.

The registry of steps and the logic of catching up live in `newsledger.steps`; this module only reads and
writes the three tables of migration 0005.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # ledger.py imports this module to mark what made an article's rows
    from .ledger import Ledger


@dataclass(frozen=True)
class Made:
    """What produced a step's rows: version None = an older newsledger that recorded none."""

    version: int | None
    options_hash: str | None
    options: dict | None
    updated_at: str | None = None


def state(ledger: Ledger, step: str) -> Made | None:
    """How a cross-article step's rows were made; None when the step has not run on this ledger."""
    r = ledger.conn.execute(
        "SELECT version, options_hash, options, updated_at FROM step_state WHERE step = ?", (step,)
    ).fetchone()
    if r is None:
        return None
    return Made(r["version"], r["options_hash"], json.loads(r["options"]) if r["options"] else None, r["updated_at"])


def record(ledger: Ledger, step: str, version: int, options_hash: str, options: dict) -> None:
    with ledger.conn as c:
        c.execute(
            "INSERT INTO step_state(step, version, options_hash, options) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(step) DO UPDATE SET version = excluded.version, options_hash = excluded.options_hash, "
            "options = excluded.options, updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')",
            (step, version, options_hash, json.dumps(options, sort_keys=True)),
        )


def chosen_options(ledger: Ledger, step: str) -> dict:
    """The options a user set for a step on this ledger (empty: its defaults)."""
    r = ledger.conn.execute("SELECT options FROM step_options WHERE step = ?", (step,)).fetchone()
    return json.loads(r[0]) if r else {}


def choose_options(ledger: Ledger, step: str, options: dict) -> None:
    with ledger.conn as c:
        if options:
            c.execute(
                "INSERT INTO step_options(step, options) VALUES (?, ?) "
                "ON CONFLICT(step) DO UPDATE SET options = excluded.options",
                (step, json.dumps(options, sort_keys=True)),
            )
        else:
            c.execute("DELETE FROM step_options WHERE step = ?", (step,))


def stale_articles(ledger: Ledger, step: str, version: int, options_hash: str, limit: int | None = None) -> list[str]:
    """Articles whose rows of `step` were made by another version or options (or by an unknown one),
    in the order they were stored."""
    sql = (
        "SELECT a.id FROM articles a LEFT JOIN article_steps s ON s.article_id = a.id AND s.step = :step "
        "WHERE s.version IS NULL OR s.version != :v OR s.options_hash != :h ORDER BY a.rowid LIMIT :n"
    )
    rows = ledger.conn.execute(
        sql, {"step": step, "v": version, "h": options_hash, "n": -1 if limit is None else limit}
    ).fetchall()
    return [r[0] for r in rows]


def count_stale_articles(ledger: Ledger, step: str, version: int, options_hash: str) -> int:
    sql = (
        "SELECT count(*) FROM articles a LEFT JOIN article_steps s ON s.article_id = a.id AND s.step = :step "
        "WHERE s.version IS NULL OR s.version != :v OR s.options_hash != :h"
    )
    return ledger.conn.execute(sql, {"step": step, "v": version, "h": options_hash}).fetchone()[0]


def article_versions(ledger: Ledger, step: str) -> dict[tuple[int | None, str | None], int]:
    """(version, options hash) -> how many articles' rows of `step` they made; (None, None): unrecorded."""
    sql = (
        "SELECT s.version, s.options_hash, count(*) FROM articles a LEFT JOIN article_steps s "
        "ON s.article_id = a.id AND s.step = ? GROUP BY s.version, s.options_hash"
    )
    return {(r[0], r[1]): r[2] for r in ledger.conn.execute(sql, (step,))}


def mark_articles(conn, step: str, version: int, options_hash: str, article_ids: Iterable[str]) -> None:
    """Inside the caller's transaction: these articles' rows of `step` are now made by this version."""
    conn.executemany(
        "INSERT INTO article_steps(article_id, step, version, options_hash) VALUES (?, ?, ?, ?) "
        "ON CONFLICT(article_id, step) DO UPDATE SET version = excluded.version, "
        "options_hash = excluded.options_hash",
        [(a, step, version, options_hash) for a in article_ids],
    )


def clear(ledger: Ledger, step: str) -> None:
    """Delete every row a cross-article step derived, and how far it had read, in one transaction."""
    from . import dedup, entities, figures, progress, stories

    forget = {"dedup": dedup, "stories": stories, "entities": entities, "figures": figures}[step].forget_all
    with ledger.conn:
        forget(ledger)
        progress.forget(ledger, step)
