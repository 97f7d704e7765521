"""The ledger's own tables and their columns, for tools that describe it (Datasette's metadata.json)."""

from __future__ import annotations

from .ledger import Ledger


def tables(ledger: Ledger) -> dict[str, list[str]]:
    """Every table but SQLite's own and the FTS shadow tables, with its columns in order."""
    names = [
        r[0]
        for r in ledger.conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND name NOT LIKE '%_fts_%' ORDER BY name"
        )
    ]
    return {t: [r[1] for r in ledger.conn.execute("SELECT * FROM pragma_table_info(?)", (t,))] for t in names}
