"""The README's tour runs as written, command by command, on the demo ledger (in a scratch folder)."""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsledger.cli import main

ROOT = Path(__file__).resolve().parents[1]
# Commands the tour shows that reach the network or run until stopped: not run here, and no others.
NOT_RUN = {
    "ingest https://example.org/news/story": "fetches a page from the network",
    "watch feeds.opml --every 15m": "polls feeds until stopped",
    "serve": "serves until stopped (tests/serve runs the server)",
}


def tour() -> list[str]:
    readme = (ROOT / "README.md").read_text()
    section = readme.split("## A tour of the CLI on the demo ledger", 1)[1].split("\n## ", 1)[0]
    lines = re.findall(r"^    newsledger (.+?)(?:\s{2,}#.*)?$", section, re.M)
    assert len(lines) > 20
    return lines


def test_the_tour_names_only_what_it_skips():
    assert set(NOT_RUN) <= set(tour())


@pytest.fixture(scope="module")
def scratch(tmp_path_factory):
    """A folder as after `make demo`: samples/ and newsledger.db built from them."""
    here = tmp_path_factory.mktemp("tour")
    shutil.copytree(ROOT / "samples", here / "samples")
    return here


def test_every_tour_command_runs(scratch, monkeypatch):
    monkeypatch.chdir(scratch)
    monkeypatch.setenv("COLUMNS", "160")
    ran = []
    for line in tour():
        if line in NOT_RUN:
            continue
        r = CliRunner().invoke(main, shlex.split(line))
        assert r.exit_code == 0, f"newsledger {line}\n{r.output}"
        assert "Traceback" not in r.output and (r.output.strip() or " -o " in line), line
        ran.append(line)
    assert (scratch / "newsledger.db").exists() and (scratch / "metadata.json").exists()
    assert len(ran) == len(tour()) - len(NOT_RUN)
