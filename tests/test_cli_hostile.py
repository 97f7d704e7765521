"""The CLI against a damaged ledger and hostile stored text (issue 18): coded errors, never a traceback;
stored text never becomes terminal markup or escape sequences."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from newsledger.cli import main
from newsledger.models import Article, Extraction
from newsledger.store import Ledger

from .store.test_concurrency import damage, extraction

COMMANDS = [
    ["articles"],
    ["show", "000000000000001"],
    ["claims"],
    ["claims", "--about", "dam"],
    ["quotes", "--by", "engineer"],
    ["entities"],
    ["search", "dam"],
    ["export", "--format", "jsonl"],
    ["export", "--format", "csv", "--table", "claims"],
    ["stories"],
    ["story", "000000000000001"],
    ["figures"],
    ["figure", "abc"],
    ["status"],
    ["reprocess", "--step", "stories"],
]


@pytest.fixture(scope="module")
def damaged_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("damaged") / "bad.db"
    with Ledger(path) as led:
        led.write([extraction(i) for i in range(60)])
        led.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    damage(path)
    return path


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: " ".join(a))
def test_every_command_on_a_damaged_ledger_is_coded(damaged_db, args):
    r = CliRunner().invoke(main, [*args, "--db", str(damaged_db)])
    assert r.exception is None or isinstance(r.exception, SystemExit), r.exc_info
    assert r.exit_code == 1, r.output
    assert "NL206" in r.output and str(damaged_db) in r.output and "integrity_check" in r.output, r.output


def test_ingest_into_a_damaged_ledger_is_coded(damaged_db, tmp_path):
    (tmp_path / "a.txt").write_text("The ferry resumed service on Monday, the port said.\n", encoding="utf-8")
    r = CliRunner().invoke(main, ["ingest", str(tmp_path / "a.txt"), "--db", str(damaged_db), "--quiet"])
    assert isinstance(r.exception, SystemExit) and r.exit_code == 1 and "NL206" in r.output, r.output


HOSTILE_TITLE = "[blink][red]Dam[/red][link=https://evil.example]click[/link] \x1b[31mred\x1b]8;;x\x07"


def test_stored_text_is_not_markup_nor_escapes(tmp_path, monkeypatch):
    monkeypatch.setenv("FORCE_COLOR", "1")
    path = tmp_path / "l.db"
    art = Article(
        id="f" * 16, source="\x1b[2Jevil.txt", text="The dam \x1b[5mheld\x1b[0m, engineers said.", title=HOSTILE_TITLE
    )
    with Ledger(path) as led:
        led.write([Extraction(art, (), (), (), (), ())])
    for args in (["articles"], ["show", "f" * 16]):
        out = CliRunner().invoke(main, [*args, "--db", str(path)]).output
        # blink (SGR 5) and hyperlinks (OSC 8) would be rich's rendering of the markup; the rest raw escapes
        for seq in ("\x1b[5m", "\x1b]8;", "\x1b[2J", "\x1b[31m", "\x07"):
            assert seq not in out, (seq, out)
        assert "blink" in out and "\\x1b" in out, out  # shown as the text it is


def test_a_filter_of_100000_characters_is_coded(tmp_path):
    path = tmp_path / "l.db"
    with Ledger(path) as led:
        led.write([extraction(i) for i in range(3)])
    for args in (["claims", "--source", "%" * 100_000], ["quotes", "--by", "a" * 100_000], ["search", "a" * 100_000]):
        r = CliRunner().invoke(main, [*args, "--db", str(path)])
        assert isinstance(r.exception, SystemExit) and r.exit_code == 1 and "NL144" in r.output, r.output[:300]
