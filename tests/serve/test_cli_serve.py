"""`newsledger serve` refuses a ledger it cannot open before it starts listening."""

from __future__ import annotations

from click.testing import CliRunner

from newsledger.cli import main


def test_serve_needs_an_existing_ledger(tmp_path):
    r = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "none.db"), "--port", "8765"])
    assert r.exit_code == 1 and "NL201" in r.output


def test_serve_help_says_read_only():
    r = CliRunner().invoke(main, ["serve", "--help"])
    assert r.exit_code == 0 and "read-only" in r.output and "--ingest-token" in r.output
