"""Error codes are documented: docs/errors.md lists every code in errors.CODES."""

from pathlib import Path

from newsledger.errors import CODES, InputError


def test_every_code_is_documented():
    doc = (Path(__file__).resolve().parents[1] / "docs" / "errors.md").read_text()
    assert [c for c in CODES if f"| {c} |" not in doc] == []


def test_message_names_code_and_input():
    assert str(InputError("NL103", "is empty", "a.txt")) == "NL103: 'a.txt' is empty"
