"""Steps are versioned: the ledger records what made its rows, `status` sees a mismatch and `reprocess`
catches up, incrementally, to what a fresh ingest of the same inputs gives."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsledger import steps
from newsledger.errors import NewsledgerError
from newsledger.pipeline import ingest
from newsledger.reconcile import figures as figs
from newsledger.store import Ledger

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
BIN = Path(sys.executable).parent / "newsledger"


def _ledger(path: Path, extractor) -> Ledger:
    from datetime import date

    led = Ledger(path)
    ingest([str(SAMPLES)], led, extractor, published=date(2025, 3, 10))
    return led


def _snapshot(led: Ledger) -> dict:
    """What a user reads: every article's extraction and every figure, without row ids."""
    out = {
        "extractions": [led.extraction(a).to_contract() for a in sorted(led.article_ids())],
        "figures": sorted((f.to_contract() for f in figs.list_figures(led)), key=lambda f: f["id"]),
    }
    return json.loads(json.dumps(out, sort_keys=True))


@pytest.fixture
def bumped(monkeypatch):
    """Pretend this newsledger has a newer version of one step."""

    def bump(name: str) -> None:
        steps.ordered()
        monkeypatch.setitem(
            steps.REGISTRY, name, dataclasses.replace(steps.REGISTRY[name], version=steps.REGISTRY[name].version + 1)
        )

    return bump


def test_a_fresh_ledger_is_current(tmp_path, extractor):
    with _ledger(tmp_path / "l.db", extractor) as led:
        rows = steps.status(led)
    assert [s.step for s in rows] == ["extract", "dedup", "stories", "entities", "figures"]
    assert all(s.current and s.ran for s in rows), rows


def test_a_newer_figures_step_is_seen_and_rebuilt_alone(tmp_path, extractor, bumped):
    with _ledger(tmp_path / "l.db", extractor) as led:
        before = _snapshot(led)
        claims_before = led.count("claims")
        made = steps.get("figures").version
        bumped("figures")
        st = {s.step: s for s in steps.status(led)}
        assert not st["figures"].current and f"made by version {made}" in st["figures"].reason
        assert all(st[n].current for n in ("extract", "dedup", "stories", "entities"))
        done = [p.step for p in steps.reprocess(led)]
        assert done == ["figures"]  # nothing else was redone
        assert all(s.current for s in steps.status(led))
        assert led.count("claims") == claims_before
        assert _snapshot(led) == before
        assert list(steps.reprocess(led)) == []  # up to date: a second run does nothing


def test_a_newer_extractor_re_extracts_from_stored_text_and_rebuilds_what_reads_it(tmp_path, extractor, bumped):
    with _ledger(tmp_path / "l.db", extractor) as led:
        before = _snapshot(led)
        bumped("extract")
        st = {s.step: s for s in steps.status(led)}
        assert st["extract"].stale == led.count("articles")
        assert not st["entities"].current and not st["figures"].current  # they read what extract stored
        assert st["stories"].current  # stories read only the text
        done = [p.step for p in steps.reprocess(led, extractor_factory=lambda: extractor)]
        assert set(done) == {"extract", "entities", "figures"}
        assert all(s.current for s in steps.status(led))
        assert _snapshot(led) == before


def test_an_old_ledger_reprocessed_equals_a_fresh_ingest(tmp_path, extractor):
    """A ledger made before steps were recorded: every row is of an unknown version."""
    fresh = _snapshot(_ledger(tmp_path / "fresh.db", extractor))
    with _ledger(tmp_path / "old.db", extractor) as led:
        with led.conn:  # what migration 0005 leaves of a ledger written by an older newsledger
            led.conn.execute("DELETE FROM article_steps")
            led.conn.execute("UPDATE step_state SET version = NULL, options_hash = NULL, options = NULL")
            led.conn.execute("DELETE FROM figures WHERE rowid % 2 = 0")  # and older, different figures
        st = steps.status(led)
        assert not any(s.current for s in st)
        list(steps.reprocess(led, extractor_factory=lambda: extractor))
        assert all(s.current for s in steps.status(led))
        assert _snapshot(led) == fresh


def test_changed_options_are_seen_then_reverted(tmp_path, extractor):
    from newsledger.store import steps as made

    with _ledger(tmp_path / "l.db", extractor) as led:
        before = _snapshot(led)
        made.choose_options(led, "figures", {"window_days": 3})
        st = {s.step: s for s in steps.status(led)}
        assert not st["figures"].current and "window_days: 14 -> 3" in st["figures"].reason
        assert [p.step for p in steps.reprocess(led, "figures")] == ["figures"]
        assert steps.options_for(led, steps.get("figures")).window_days == 3
        made.choose_options(led, "figures", {})
        assert not {s.step: s for s in steps.status(led)}["figures"].current
        list(steps.reprocess(led))
        assert _snapshot(led) == before


def test_tuning_options_do_not_make_a_step_stale():
    step = steps.get("figures")
    assert step.options_hash(step.options_with({"batch": 7})) == step.options_hash(step.options)
    assert step.options_hash(step.options_with({"window_days": 7})) != step.options_hash(step.options)


def test_unknown_steps_and_options_are_coded_errors():
    with pytest.raises(NewsledgerError) as e:
        steps.get("nope")
    assert e.value.code == "NL701"
    with pytest.raises(NewsledgerError) as e:
        steps.get("stories").options_with({"thresold": "0.2"})
    assert e.value.code == "NL701" and "threshold" in str(e.value)
    with pytest.raises(NewsledgerError) as e:
        steps.get("stories").options_with({"threshold": "high"})
    assert e.value.code == "NL701"


def test_cli_status_and_reprocess(tmp_path, extractor):
    db = tmp_path / "l.db"
    _ledger(db, extractor).close()
    run = lambda *a: subprocess.run([str(BIN), *a, "--db", str(db)], capture_output=True, text=True)  # noqa: E731
    assert run("status").returncode == 0
    out = run("reprocess", "--step", "stories", "--set", "threshold=0.3")
    assert out.returncode == 0 and "stories: rebuilt; figures: rebuilt" in out.stdout, out
    st = [json.loads(line) for line in run("status", "--json").stdout.splitlines()]
    assert all(s["current"] for s in st)
    out = run("reprocess", "--step", "stories", "--set", "threshold=")  # back to the default
    assert out.returncode == 0
    assert run("reprocess").stdout.startswith("up to date")
    bad = run("reprocess", "--step", "stories", "--set", "nope=1")
    assert bad.returncode == 1 and "NL701" in bad.stderr and "Traceback" not in bad.stderr


def test_reprocess_marks_stored_articles_again_before_re_extracting(tmp_path, extractor):
    """An article stored before a boilerplate rule existed loses what that rule marks on reprocess."""
    from newsledger.ingest.readers import text_article

    text = (
        "The Orvin dam gave way on Sunday, killing 12 people, the ministry said.\n\n"
        "JUST WATCHED Mayor: 40 missing Replay More Videos ... MUST WATCH Mayor: 40 missing 01:51\n"
    )
    old = dataclasses.replace(text_article(text, "old.txt"), outside=())
    with Ledger(tmp_path / "l.db") as led:
        led.write([extractor.extract(old)], made_by=("extract", 1, "old"))
        list(steps.reprocess(led, "extract", extractor_factory=lambda: extractor, force=True))
        again = led.article(old.id)
        assert [k for _, _, k in again.outside] == ["widget"] and again.body_end is not None
        claims = led.extraction(old.id).claims
    assert {c.value.point for c in claims} == {12}
