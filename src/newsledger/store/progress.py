"""How far each incremental reconcile step has read (`canonical_progress`: the last row id it handled)."""

from __future__ import annotations

from .ledger import Ledger


def last_id(ledger: Ledger, step: str) -> int:
    r = ledger.conn.execute("SELECT last_id FROM canonical_progress WHERE step = ?", (step,)).fetchone()
    return r[0] if r else 0


def advance(ledger: Ledger, step: str, last: int) -> None:
    ledger.conn.execute(
        "INSERT INTO canonical_progress(step, last_id) VALUES (?, ?) "
        "ON CONFLICT(step) DO UPDATE SET last_id = excluded.last_id",
        (step, last),
    )


def forget(ledger: Ledger, step: str) -> None:
    ledger.conn.execute("DELETE FROM canonical_progress WHERE step = ?", (step,))
