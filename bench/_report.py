"""Shared by the bench scripts: where a run happened, and writing one section of BENCHMARKS.md."""

from __future__ import annotations

import os
import platform
import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCHMARKS = ROOT / "BENCHMARKS.md"
HEADER = (
    "# Benchmarks\n\nEvery figure here was written by a script in `bench/`; each section says which, "
    "with the date, machine, Python and commit it ran on.\n"
)


def commit() -> str:
    try:
        out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT, capture_output=True, text=True
        ).stdout.strip()
        return out.stdout.strip() + ("+dirty" if dirty else "")
    except OSError:
        return "unknown"


def machine() -> str:
    return f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, commit {commit()}"


def write_section(name: str, body: str) -> None:
    """Replace (or add) the `## name` section of BENCHMARKS.md, keeping the others."""
    text = BENCHMARKS.read_text(encoding="utf-8") if BENCHMARKS.exists() else HEADER
    section = f"## {name}\n\n{body.strip()}\n"
    pattern = re.compile(rf"^## {re.escape(name)}\n.*?(?=^## |\Z)", re.S | re.M)
    text = pattern.sub(lambda _: section + "\n", text) if pattern.search(text) else text.rstrip() + "\n\n" + section
    BENCHMARKS.write_text(text.rstrip() + "\n", encoding="utf-8")


def parsed_allsides(n: int, published=None):
    """(articles, spaCy docs, parse seconds) for the first n allsides articles with text: what the
    per-extractor speed checks time their extractor against."""
    import gzip
    import json
    import time

    from newsledger.extract.nlp import load_pipeline
    from newsledger.ingest.readers import text_article

    arts = []
    with gzip.open(ROOT.parent / "shared" / "data" / "allsides" / "articles.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            text = json.loads(line).get("content_original") or ""
            if text.strip():
                arts.append(text_article(text, f"allsides-{len(arts)}", published))
            if len(arts) >= n:
                break
    nlp = load_pipeline()
    t0 = time.perf_counter()
    docs = list(nlp.pipe([a.body for a in arts], batch_size=32))
    return arts, docs, time.perf_counter() - t0
