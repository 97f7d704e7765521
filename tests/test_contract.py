"""`newsledger extract` output holds ../shared/CONTRACT.md exactly, checked by the shared checker."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CHECKER = ROOT.parent / "shared" / "tools" / "check_contract.py"
BIN = Path(sys.executable).parent / "newsledger"


def extract_and_check(inputs: list[str], tmp_path: Path, *extra: str) -> list[dict]:
    if not CHECKER.exists():
        pytest.skip(f"needs the shared contract checker at {CHECKER}, which is absent")
    out = tmp_path / "out.jsonl"
    with open(out, "w") as f:
        r = subprocess.run([str(BIN), "extract", *inputs, *extra], stdout=f, stderr=subprocess.PIPE, text=True)
    assert r.returncode == 0, r.stderr[-2000:]
    check = subprocess.run([sys.executable, str(CHECKER), str(out)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout[-3000:]
    return [json.loads(l) for l in out.read_text().splitlines()]


def test_samples_hold_the_contract(tmp_path):
    rows = extract_and_check([str(ROOT / "samples")], tmp_path, "--published", "2025-03-10")
    assert len(rows) == 6
    assert [r["article"]["source"] for r in rows][:2] == [
        "samples/kessel-courier-troops.html",
        "samples/orvin-hydro-shares.txt",
    ] or rows[0]["article"]["source"].endswith("kessel-courier-troops.html")


def test_polnear_dev_holds_the_contract(tmp_path, shared_data):
    rows = extract_and_check([str(shared_data / "polnear" / "dev" / "text")], tmp_path)
    assert len(rows) == len(list((shared_data / "polnear" / "dev" / "text").glob("*.txt")))


def test_allsides_thousand_hold_the_contract(tmp_path, shared_data):
    src = tmp_path / "allsides.jsonl"
    n = 0
    with gzip.open(shared_data / "allsides" / "articles.jsonl.gz", "rt") as f, open(src, "w") as o:
        for line in f:
            o.write(line)
            n += 1
            if n == 1000:
                break
    rows = extract_and_check([str(src)], tmp_path)
    assert len(rows) == sum(1 for l in open(src) if (json.loads(l).get("content_original") or "").strip())
    assert sum(len(r["claims"]) for r in rows) > 0 and sum(len(r["entities"]) for r in rows) > 1000
