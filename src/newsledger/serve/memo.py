"""What the pages read of the whole ledger on every request (the row counts), kept per version of the
database file: the ledger changes only when something is ingested. Everything else is one indexed query
per request, read as the store's records."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


class Memo:
    def __init__(self, db_path: str):
        self.db_path = db_path
        self._lock = threading.Lock()
        self._values: dict[str, tuple[tuple, object]] = {}

    def version(self) -> tuple:
        """Changes whenever the database is written (the main file or its WAL)."""
        out = []
        for p in (self.db_path, self.db_path + "-wal"):
            try:
                st = os.stat(p)
                out.append((st.st_mtime_ns, st.st_size))
            except OSError:
                out.append(None)
        return tuple(out)

    def get(self, name: str, build: Callable[[], T]) -> T:
        """The value kept under `name` for this version of the database, built now when there is none."""
        v = self.version()
        hit = self._values.get(name)
        if hit and hit[0] == v:
            return hit[1]  # type: ignore[return-value]
        value = build()
        with self._lock:
            self._values[name] = (v, value)
        return value

    def clear(self) -> None:
        with self._lock:
            self._values.clear()
