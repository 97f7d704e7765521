"""Second writers wait instead of failing, new ledgers are safe to create twice at once, and a damaged ledger
answers a coded error naming the file and what `pragma integrity_check` found (issue 18)."""

from __future__ import annotations

import multiprocessing as mp
import sqlite3
import threading
import time

import pytest

from newsledger.errors import StoreError
from newsledger.models import Article, Extraction
from newsledger.store import Ledger, db


def extraction(i: int, tag: str = "") -> Extraction:
    text = f"Article {tag}{i}: the Orvin dam held on day {i}, engineers said."
    return Extraction(Article(id=f"{tag}{i:015d}"[-16:], source=f"{tag}{i}.txt", text=text), (), (), (), (), ())


def _create_and_write(path: str, tag: str, n: int, start, out) -> None:
    start.wait()
    try:
        with Ledger(path) as led:
            for i in range(n):
                led.write([extraction(i, tag)])
        out.put((tag, "ok"))
    except Exception as e:  # the test reads what went wrong
        out.put((tag, f"{e.__class__.__name__}: {e}"))


def test_two_processes_create_one_new_ledger_and_both_write(tmp_path):
    path = str(tmp_path / "new.db")
    ctx = mp.get_context("fork")
    start, out = ctx.Event(), ctx.Queue()
    procs = [ctx.Process(target=_create_and_write, args=(path, tag, 20, start, out)) for tag in "abcd"]
    for p in procs:
        p.start()
    start.set()
    for p in procs:
        p.join(120)
    results = sorted(out.get(timeout=5) for _ in procs)
    assert results == [(t, "ok") for t in "abcd"], results
    with Ledger(path, readonly=True) as led:
        assert led.count("articles") == 80
        versions = [r[0] for r in led.conn.execute("SELECT version FROM schema_migrations")]
        assert versions == sorted(set(versions))


def test_a_writer_waits_for_another_writers_lock(tmp_path, monkeypatch):
    monkeypatch.setattr(db, "BUSY_TIMEOUT_S", 0.2)  # each wait short; the retry carries it past the holder
    monkeypatch.setattr(db, "BUSY_TRIES", 30)
    path = tmp_path / "l.db"
    Ledger(path).close()
    holder = sqlite3.connect(path, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    threading.Timer(1.0, holder.commit).start()
    with Ledger(path) as led:
        t = time.monotonic()
        assert led.write([extraction(1)]).stored == 1
        assert time.monotonic() - t >= 0.9
        assert led.count("articles") == 1


def test_a_lock_never_freed_is_nl205_and_nothing_half_written(tmp_path, monkeypatch):
    monkeypatch.setattr(db, "BUSY_TIMEOUT_S", 0.1)
    monkeypatch.setattr(db, "BUSY_TRIES", 2)
    path = tmp_path / "l.db"
    Ledger(path).close()
    holder = sqlite3.connect(path)
    holder.execute("BEGIN IMMEDIATE")
    with Ledger(path) as led:
        with pytest.raises(StoreError) as e:
            led.write([extraction(1), extraction(2)])
        assert e.value.code == "NL205" and str(path) in str(e.value)
        holder.rollback()
        assert led.count("articles") == 0
        assert led.write([extraction(1), extraction(2)]).stored == 2  # the same batch, again: all of it


def damage(path) -> None:
    """Overwrite every page but the first (the header and schema root) with garbage."""
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big") or 65536
    for off in range(page, len(data), page):
        data[off : off + page] = bytes((i * 37 + 11) % 256 for i in range(page))
    path.write_bytes(bytes(data))


@pytest.fixture
def damaged(tmp_path):
    path = tmp_path / "bad.db"
    with Ledger(path) as led:
        led.write([extraction(i) for i in range(50)])
        led.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    damage(path)
    return path


def test_a_damaged_ledger_is_nl206_with_integrity_check_findings(damaged):
    with pytest.raises(StoreError) as e:
        with Ledger(damaged, readonly=True) as led:
            led.articles()
            led.search("dam")
    assert e.value.code == "NL206", e.value
    assert str(damaged) in str(e.value) and "integrity_check" in str(e.value)


def test_a_sound_ledger_explains_nothing(tmp_path):
    path = tmp_path / "ok.db"
    Ledger(path).close()
    assert db.explain(sqlite3.OperationalError("no such table: x"), str(path)) is None
