"""Opening the ledger database: connection settings and numbered migrations.

Migrations are the files `migrations/NNNN_name.sql`, applied in order, each in its own transaction and
recorded in `schema_migrations`, so a ledger written by an older newsledger is brought up to date. Each
migration takes the write lock and records itself first, so two processes creating one new ledger at once
apply it once: the second waits, finds it recorded and goes on.

One writer at a time: a writer waits up to BUSY_TIMEOUT_S for the lock (SQLite's busy timeout) and
`retry_busy` tries a refused write again, BUSY_TRIES times in all, before NL205. `explain` turns what
SQLite raises on a damaged file into NL206 with `pragma integrity_check`'s findings.
"""

from __future__ import annotations

import fcntl
import re
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import TypeVar

from ..errors import NewsledgerError, StoreError

T = TypeVar("T")
BUSY_TIMEOUT_S = 60.0
BUSY_TRIES = 3

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
            conn = _open(f"file:{where}?mode=ro", uri=True)
            if _behind(conn):  # written by an older newsledger: bring it up to date once, then read
                conn.close()
                _upgrade(where)
                conn = _open(f"file:{where}?mode=ro", uri=True)
        else:
            if where != ":memory:" and Path(where).parent and not Path(where).parent.exists():
                raise StoreError("NL201", "is in a folder that does not exist", where)
            conn = _open(where)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA foreign_keys = ON")
        if not readonly:
            # readers (serve) never block the writer; a ledger being created by another process refuses the
            # journal-mode change at once, without the busy wait
            retry_busy(lambda: conn.execute("PRAGMA journal_mode = WAL"), where)
            conn.execute("PRAGMA synchronous = NORMAL")
            retry_busy(lambda: migrate(conn), where)
        else:
            _check_version(conn)
        return conn
    except sqlite3.DatabaseError as e:
        raise explain(e, where) or StoreError("NL201", f"is not a newsledger database ({e})", where) from None


def _open(target: str, uri: bool = False) -> sqlite3.Connection:
    return sqlite3.connect(target, uri=uri, check_same_thread=False, timeout=BUSY_TIMEOUT_S)


def _busy(e: BaseException) -> bool:
    return isinstance(e, sqlite3.OperationalError) and ("locked" in str(e) or "busy" in str(e))


def retry_busy(fn: Callable[[], T], where: str, tries: int | None = None) -> T:
    """`fn()`, tried again when SQLite answers busy or locked (each try has already waited the busy
    timeout); NL205 when it is still refused. `fn` must be safe to run again: a transaction rolled back.
    A refusal that came at once (SQLite skips the busy wait for a journal-mode change or a read turning
    into a write) does not count as a wait: it is tried again until the waits' time has passed."""
    tries = tries or BUSY_TRIES
    deadline = time.monotonic() + tries * BUSY_TIMEOUT_S
    waits = 0
    while True:
        began = time.monotonic()
        try:
            return fn()
        except sqlite3.OperationalError as e:
            if not _busy(e):
                raise
            waited = time.monotonic() - began >= BUSY_TIMEOUT_S / 2
            waits += waited
            if waits >= tries or time.monotonic() >= deadline:
                raise StoreError(
                    "NL205",
                    f"is busy: another process held its write lock through {tries} waits of "
                    f"{BUSY_TIMEOUT_S:g} s ({e}); one writer at a time",
                    where,
                ) from None
            time.sleep(0.1 * (waits + 1) if waited else 0.05)


@contextmanager
def steps_lock(where: str) -> Iterator[None]:
    """Held while one process brings the cross-article steps up to date: each step reads what is stored
    and writes what follows, so two processes doing it at once would write the same rows twice. An
    advisory lock on `LEDGER.lock` beside the ledger; waited for like the write lock (NL205 past that)."""
    if where == ":memory:":
        yield
        return
    with open(where + ".lock", "a") as f:
        deadline = time.monotonic() + BUSY_TIMEOUT_S * BUSY_TRIES
        while True:
            try:
                fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise StoreError(
                        "NL205", "is busy: another process has been updating its cross-article steps too long", where
                    ) from None
                time.sleep(0.05)
        try:
            yield
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)


def integrity_findings(where: str, most: int = 5) -> list[str]:
    """What `pragma integrity_check` says of the file at `where` (["ok"] for a sound one)."""
    try:
        conn = sqlite3.connect(f"file:{where}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_S)
        try:
            return [r[0] for r in conn.execute(f"PRAGMA integrity_check({int(most)})")]
        finally:
            conn.close()
    except sqlite3.DatabaseError as e:
        return [str(e)]


def explain(error: BaseException, where: str | None) -> NewsledgerError | None:
    """The coded error behind what SQLite raised on the ledger at `where`: NL205 for a lock held too long,
    NL206 for a damaged file (naming integrity_check's findings); None when the file is sound (a bug)."""
    if isinstance(error, NewsledgerError):
        return error
    if not isinstance(error, sqlite3.DatabaseError) or where is None:
        return None
    if _busy(error):
        return StoreError(
            "NL205", f"is busy: another process holds its write lock ({error}); one writer at a time", where
        )
    if where == ":memory:" or not Path(where).exists():
        return None
    findings = integrity_findings(where)
    if findings == ["ok"] or findings == ["file is not a database"]:
        return None
    return StoreError(
        "NL206",
        f"is damaged ({error}); pragma integrity_check: {'; '.join(findings)}. Restore it from a backup, or "
        "ingest the articles again into a new ledger",
        where,
    )


def _applied(conn: sqlite3.Connection) -> set[int]:
    # one statement, one snapshot: another process may create the schema between two reads
    tables, has = conn.execute(
        "SELECT count(*), coalesce(sum(name = 'schema_migrations'), 0) FROM sqlite_master WHERE type='table'"
    ).fetchone()
    if not has:
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
            "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
            "applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')))"
        )
    for version, name, sql in known:
        if version in applied:
            continue
        # executescript commits first; wrap the migration so it lands whole or not at all. The write lock
        # and its own row come first: a second process creating the ledger at the same moment waits here,
        # then fails on that row (the migration is applied) and goes on to the next.
        try:
            conn.executescript(
                f"BEGIN IMMEDIATE;\nINSERT INTO schema_migrations(version, name) VALUES ({version}, '{name}');\n"
                f"{sql}\nCOMMIT;"
            )
        except sqlite3.IntegrityError:
            if conn.in_transaction:
                conn.rollback()
            if version not in _applied(conn):  # the migration itself was refused, not applied by another
                raise
        except BaseException:
            if conn.in_transaction:
                conn.rollback()
            raise
