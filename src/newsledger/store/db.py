"""Opening the ledger database: connection settings and numbered migrations.

Migrations are the files `migrations/NNNN_name.sql`, applied in order, each in its own transaction and
recorded in `schema_migrations`, so a ledger written by an older newsledger is brought up to date.
"""

from __future__ import annotations

import re
import sqlite3
from importlib import resources
from pathlib import Path

from ..errors import StoreError

_MIGRATION = re.compile(r"^(\d{4})_(\w+)\.sql$")


def migrations() -> list[tuple[int, str, str]]:
    """(version, name, sql) for every migration shipped with the package, in order."""
    out = []
    for f in resources.files(__package__).joinpath("migrations").iterdir():
        if m := _MIGRATION.match(f.name):
            out.append((int(m.group(1)), m.group(2), f.read_text(encoding="utf-8")))
    return sorted(out)


def connect(path: str | Path, readonly: bool = False) -> sqlite3.Connection:
    """A connection to the ledger at `path` (":memory:" for tests), migrated to the current schema."""
    where = str(path)
    try:
        if readonly:
            if not Path(where).exists():
                raise StoreError("NL201", "does not exist; run `newsledger ingest` first", where)
            conn = sqlite3.connect(f"file:{where}?mode=ro", uri=True, check_same_thread=False)
            if _behind(conn):  # written by an older newsledger: bring it up to date once, then read
                conn.close()
                _upgrade(where)
                conn = sqlite3.connect(f"file:{where}?mode=ro", uri=True, check_same_thread=False)
        else:
            if where != ":memory:" and Path(where).parent and not Path(where).parent.exists():
                raise StoreError("NL201", "is in a folder that does not exist", where)
            conn = sqlite3.connect(where, check_same_thread=False)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA foreign_keys = ON")
        if not readonly:
            conn.execute("PRAGMA journal_mode = WAL")  # readers (serve) never block the writer
            conn.execute("PRAGMA synchronous = NORMAL")
            migrate(conn)
        else:
            _check_version(conn)
        return conn
    except sqlite3.DatabaseError as e:
        raise StoreError("NL201", f"is not a newsledger database ({e})", where) from None


def _applied(conn: sqlite3.Connection) -> set[int]:
    has = conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='schema_migrations'").fetchone()
    if not has:
        tables = conn.execute("SELECT count(*) FROM sqlite_master WHERE type='table'").fetchone()[0]
        if tables:
            raise sqlite3.DatabaseError("it holds tables but no newsledger schema")
        return set()
    return {r[0] for r in conn.execute("SELECT version FROM schema_migrations")}


def _behind(conn: sqlite3.Connection) -> bool:
    applied = _applied(conn)
    return bool(applied) and not applied >= {v for v, _, _ in migrations()}


def _upgrade(where: str) -> None:
    """Apply the migrations an older ledger lacks (a read-only caller still needs the current schema)."""
    conn = None
    try:
        conn = sqlite3.connect(where)
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA journal_mode = WAL")
        migrate(conn)
    except sqlite3.OperationalError as e:
        raise StoreError(
            "NL204", f"has an older schema and cannot be upgraded ({e}); open it once with write access", where
        ) from None
    finally:
        if conn is not None:
            conn.close()


def _check_version(conn: sqlite3.Connection) -> None:
    applied = _applied(conn)
    known = {v for v, _, _ in migrations()}
    if applied - known:
        raise StoreError(
            "NL202", f"has schema version {max(applied)}; this newsledger knows up to {max(known)}; upgrade newsledger"
        )
    if not applied:
        raise sqlite3.DatabaseError("it holds no newsledger schema")


def migrate(conn: sqlite3.Connection) -> None:
    applied = _applied(conn)
    known = migrations()
    if applied - {v for v, _, _ in known}:
        raise StoreError(
            "NL202",
            f"has schema version {max(applied)}; this newsledger knows up to {known[-1][0]}; upgrade newsledger",
        )
    if not applied:
        conn.execute(
            "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
            "applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')))"
        )
    for version, name, sql in known:
        if version in applied:
            continue
        # executescript commits first; wrap the migration so it lands whole or not at all.
        conn.executescript(
            f"BEGIN;\n{sql}\nINSERT INTO schema_migrations(version, name) VALUES ({version}, '{name}');\nCOMMIT;"
        )
