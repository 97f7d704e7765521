"""ingest -> extract -> store: idempotent, batched, and safe to interrupt."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsledger.pipeline import ingest
from newsledger.store import Ledger

BIN = Path(sys.executable).parent / "newsledger"


def corpus(path: Path, n: int) -> Path:
    with open(path, "w", encoding="utf-8") as f:
        for i in range(n):
            text = (
                f"Storm number {i} flooded {i + 3} villages in the Orvin district on Monday, officials said. "
                f"Some {100 + i} people were evacuated."
            )
            f.write(json.dumps({"text": text, "source": f"wire-{i}", "published": "2025-03-04"}) + "\n")
    return path


def test_ingest_twice_stores_once(tmp_path, extractor):
    src = corpus(tmp_path / "c.jsonl", 5)
    with Ledger(tmp_path / "l.db") as led:
        first = ingest([str(src)], led, extractor, batch_size=2)
        assert (first.stored, first.already, first.failures) == (5, 0, [])
        counts = {t: led.count(t) for t in ("articles", "entities", "claims", "times")}
        second = ingest([str(src), str(src)], led, extractor)
        assert (second.stored, second.already) == (0, 10)
        assert {t: led.count(t) for t in counts} == counts


def test_bad_input_is_recorded_and_the_rest_stored(tmp_path, extractor):
    src = corpus(tmp_path / "c.jsonl", 2)
    (tmp_path / "empty.txt").write_text("")
    with Ledger(tmp_path / "l.db") as led:
        rep = ingest([str(src), str(tmp_path / "empty.txt"), str(tmp_path / "missing.txt")], led, extractor)
        assert rep.stored == 2
        assert sorted(f.error.code for f in rep.failures) == ["NL101", "NL103"]
        assert len(led.failures()) == 2


def _articles(db: Path) -> int:
    try:
        with sqlite3.connect(db) as c:
            return c.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:
        return 0


def _default_sigint() -> None:
    # A suite started in the background by a shell without job control inherits SIGINT ignored, and Python
    # then installs no KeyboardInterrupt handler: the child must start as a user's terminal would start it.
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT])
def test_interrupted_ingest_keeps_committed_batches_and_resumes(tmp_path, sig):
    src = corpus(tmp_path / "c.jsonl", 400)  # long enough that the signal lands mid-run, not at its end
    db = tmp_path / "l.db"
    cmd = [str(BIN), "ingest", str(src), "--db", str(db), "--batch-size", "4", "--quiet"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, preexec_fn=_default_sigint)
    deadline = time.time() + 120
    while _articles(db) < 8 and time.time() < deadline and proc.poll() is None:
        time.sleep(0.05)
    assert proc.poll() is None, "ingest finished before it could be interrupted"
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=60)
    if sig == signal.SIGINT:
        assert proc.returncode == 130 and b"interrupted" in err
        assert b"Traceback" not in err
    with sqlite3.connect(db) as c:
        assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        kept = c.execute("SELECT count(*) FROM articles").fetchone()[0]
        # every stored article is whole: batches land entirely or not at all
        assert kept % 4 == 0 and 8 <= kept < 400
        assert c.execute("SELECT count(DISTINCT article_id) FROM claims").fetchone()[0] == kept
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert f"{400 - kept} stored, {kept} already" in done.stdout
    with sqlite3.connect(db) as c:
        assert c.execute("SELECT count(*) FROM articles").fetchone()[0] == 400
        assert (
            c.execute("SELECT count(*) FROM claims").fetchone()[0]
            == c.execute("SELECT count(*) FROM (SELECT DISTINCT article_id, start FROM claims)").fetchone()[0]
        )


def test_same_text_twice_in_one_run_records_both_sources(tmp_path, extractor):
    text = "Some 40 people were hurt in Brenn on Monday, police said."
    src = tmp_path / "twice.jsonl"
    src.write_text("\n".join(json.dumps({"text": text, "source": s}) for s in ("outlet-a", "outlet-b")) + "\n")
    with Ledger(tmp_path / "l.db") as led:
        rep = ingest([str(src)], led, extractor)
        assert (rep.stored, rep.already) == (1, 1)
        sources = {r[0] for r in led.conn.execute("SELECT source FROM publications")}
        assert sources == {"outlet-a", "outlet-b"}


def test_a_writer_that_cannot_store_says_what_it_stored(tmp_path, extractor, monkeypatch):
    from newsledger.errors import StoreError
    from newsledger.store import db

    monkeypatch.setattr(db, "BUSY_TIMEOUT_S", 0.1)
    monkeypatch.setattr(db, "BUSY_TRIES", 2)
    src = tmp_path / "a.jsonl"
    lines = [{"text": f"The Kessel ferry carried {n} passengers on Monday, the port said.\n"} for n in (10, 20, 30)]
    src.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    path = tmp_path / "l.db"
    with Ledger(path) as ledger:
        holder = sqlite3.connect(path)
        holder.execute("BEGIN IMMEDIATE")  # a second writer that never lets go
        with pytest.raises(StoreError) as e:
            ingest([str(src)], ledger, extractor, batch_size=2)
        assert e.value.code == "NL205" and "0 articles were stored" in str(e.value)
        holder.rollback()
        assert ingest([str(src)], ledger, extractor, batch_size=2).stored == 3  # the same command again
