"""Error codes are documented: docs/errors.md lists every code in errors.CODES."""

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsledger.cli import main
from newsledger.errors import CODES, InputError


def test_every_code_is_documented():
    doc = (Path(__file__).resolve().parents[1] / "docs" / "errors.md").read_text()
    assert [c for c in CODES if f"| {c} |" not in doc] == []


def test_message_names_code_and_input():
    assert str(InputError("NL103", "is empty", "a.txt")) == "NL103: 'a.txt' is empty"


def test_docs_say_what_errors_py_says():
    doc = (Path(__file__).resolve().parents[1] / "docs" / "errors.md").read_text()
    listed = dict(re.findall(r"^\| (NL\d{3}) \| (.+) \|$", doc, re.M))
    assert set(listed) - {"NL422"} == set(CODES)  # NL422: the web API's own, not raised by the library


def test_readme_code_ranges_cover_every_input_code():
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text()
    covered = set()
    for lo, hi in re.findall(r"`NL(\d{3})`\.\.\.`NL(\d{3})`", readme):
        assert f"NL{lo}" in CODES and f"NL{hi}" in CODES, (lo, hi)
        covered |= {f"NL{n}" for n in range(int(lo), int(hi) + 1)}
    assert sorted(c for c in CODES if c.startswith("NL1") and c not in covered) == []
    assert [c for c in re.findall(r"NL\d{3}", readme) if c not in CODES] == []


@pytest.mark.parametrize(
    "args",
    [
        ["nosuch"],
        ["claims", "--bogus"],
        ["claims", "--limit", "0"],
        ["ingest", "--published", "2025-13-01", "x.txt"],
        ["ingest"],
        ["reprocess", "--set", "a=b"],
        ["export", "--format", "xml"],
        ["export", "--since", "yesterday"],
        ["export", "--table", "events", "--country", "12"],  # the web's filters refuse it too (422)
        ["events", "--country", "Veridia"],
    ],
)
def test_click_errors_read_like_every_other_error(args):
    r = CliRunner().invoke(main, args)
    assert r.exit_code == 2
    assert r.output.startswith("newsledger: NL163: ") and "Error:" not in r.output
    assert "--help' for help." in r.output


def test_an_output_file_that_cannot_be_made_is_coded(tmp_path):
    from newsledger.store import Ledger

    Ledger(tmp_path / "l.db").close()
    r = CliRunner().invoke(main, ["export", "--db", str(tmp_path / "l.db"), "-o", str(tmp_path / "no" / "x.csv")])
    assert r.exit_code == 1 and r.output.startswith("newsledger: NL164: cannot write") and "Traceback" not in r.output
