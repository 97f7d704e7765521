#!/usr/bin/env python3
"""Main-text quality of HTML ingest on the 181 pages of ../shared/data/article-extraction.

Counted as that benchmark (and ../shared/tools/scorers/score_html.py) counts: 4-token shingles of \\w+
tokens; per page TP/FP/FN normalised to sum 1; mean precision and mean recall over pages; F1 of the means.
The pages go through `read_inputs` unzipped as `<id>.html`, exactly as `newsledger extract` reads them
(entity/claim extraction is skipped: it does not change `article.text`). When the reference scorer is
present it is run on the same output and the two results must agree.

With --warc the same pages are read from the synthetic WARC of ../shared/data/warc (one response record
per page) instead, to check that archive ingest loses nothing; its records are matched to the ground
truth by URL, and the output written for the reference scorer names each page by its id.

usage: eval_html.py [--data DIR] [--warc [FILE]] [--out OUT.jsonl] [--record]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "article-extraction"
WARC = ROOT.parent / "shared" / "data" / "warc" / "scrapinghub-aeb-181-news.warc.gz"
REFERENCE = ROOT.parent / "shared" / "tools" / "scorers" / "score_html.py"
TOKEN = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, n: int = 4) -> Counter:
    t = TOKEN.findall(text or "")
    return Counter(tuple(t[i : i + n]) for i in range(max(1, len(t) - n + 1)) if t[i : i + n])


def page_counts(true: str, pred: str) -> tuple[float, float, float]:
    a, b = shingles(true), shingles(pred)
    keys = a.keys() | b.keys()
    tp = sum(min(a[k], b[k]) for k in keys)
    fp = sum(max(0, b[k] - a[k]) for k in keys)
    fn = sum(max(0, a[k] - b[k]) for k in keys)
    s = tp + fp + fn
    return (tp / s, fp / s, fn / s) if s else (0.0, 0.0, 0.0)


def score(gold: dict[str, str], pred: dict[str, str]) -> dict:
    rows = [page_counts(gold[k], pred.get(k, "")) for k in gold]
    prec = statistics.mean([1.0 if fp == fn == 0 else tp / (tp + fp) for tp, fp, fn in rows if tp + fp > 0] or [0.0])
    rec = statistics.mean([1.0 if fp == fn == 0 else tp / (tp + fn) for tp, fp, fn in rows if tp + fn > 0] or [0.0])
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return {"f1": f1, "precision": prec, "recall": rec, "pages": len(gold), "extracted": sum(k in pred for k in gold)}


def run(data: Path, out: Path, warc: Path | None = None) -> dict:
    sys.path.insert(0, str(ROOT / "src"))
    from newsledger.errors import Failure
    from newsledger.ingest import read_inputs

    truth = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    gold = {k: v.get("articleBody", "") for k, v in truth.items()}
    by_url = {v.get("url"): k for k, v in truth.items()}
    pred: dict[str, str] = {}
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        if warc is None:
            for gz in sorted((data / "html").glob("*.html.gz")):
                (Path(tmp) / gz.name[:-3]).write_bytes(gzip.decompress(gz.read_bytes()))
        start = time.perf_counter()
        with out.open("w", encoding="utf-8") as f:
            for item in read_inputs([str(warc) if warc else tmp]):
                if isinstance(item, Failure):
                    failures.append(str(item.error))
                    continue
                key = by_url.get(item.source, item.source) if warc else Path(item.source).name.split(".")[0]
                article = {**item.to_contract(), "source": f"{key}.html"}
                f.write(json.dumps({"schema": "newsledger/1", "article": article}, ensure_ascii=False) + "\n")
                pred[key] = item.text
        seconds = time.perf_counter() - start
    result = score(gold, pred)
    result.update(seconds=seconds, failures=failures)
    return result


def reference(truth: Path, out: Path) -> str | None:
    """The reference scorer's line on the same output, or None when ../shared/tools is absent."""
    if not REFERENCE.is_file():
        return None
    done = subprocess.run(
        [sys.executable, str(REFERENCE), str(truth), str(out)], capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


def record(runs: list[tuple[dict, str]]) -> None:
    """Replace this bench's section of BENCHMARKS.md, keeping the others."""
    path = ROOT / "BENCHMARKS.md"
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    lines = "".join(
        f"- {line}; ingest {result['seconds']:.1f} s ({result['pages'] / result['seconds']:.1f} pages/s), "
        f"{len(result['failures'])} failures\n"
        for result, line in runs
    )
    section = (
        "## eval_html\n\n"
        f"- date: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC; machine: {platform.machine()}, "
        f"{os.cpu_count()} CPUs; Python {platform.python_version()}; commit {commit}\n"
        "- command: `.venv/bin/python bench/eval_html.py --record` (html: the pages as files; "
        "warc: the same pages from the shared WARC)\n"
        f"{lines}"
        "- baseline, same metric: trafilatura 2.3.1 `extract()` defaults 0.953; "
        "published: trafilatura 2.0 0.958, AutoExtract 0.970\n"
        "- floor pinned in tests/ingest/test_html_gate.py; the cascade's steps are measured in docs/ingest.md\n"
    )
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    parts = re.split(r"(?m)^(?=## )", text)
    kept = [p for p in parts if not p.startswith("## eval_html\n")]
    head, rest = kept[0], kept[1:]
    path.write_text(
        head.rstrip("\n") + "\n\n" + "\n".join(p.rstrip("\n") + "\n" for p in rest + [section]), encoding="utf-8"
    )


def evaluate(data: Path, warc: Path | None, keep: Path | None) -> tuple[dict, str] | None:
    """One scored run, checked against the reference scorer; None when the two disagree."""
    with tempfile.TemporaryDirectory() as tmp:
        out = keep or Path(tmp) / "out.jsonl"
        result = run(data, out, warc)
        line = (
            f"{'warc' if warc else 'html'}: word-shingle F1 {result['f1']:.3f} "
            f"(P {result['precision']:.3f} R {result['recall']:.3f}) over {result['pages']} pages, "
            f"{result['extracted']} extracted"
        )
        print(line)
        ref = reference(data / "ground-truth.json", out)
    for failure in result["failures"]:
        print(f"  failed: {failure}", file=sys.stderr)
    if ref is not None:
        print(f"reference scorer: {ref}")
        if ref.split(":", 1)[1] != line.split(":", 1)[1]:
            print("eval_html: disagrees with the reference scorer", file=sys.stderr)
            return None
    return result, line


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DATA, help="article-extraction folder")
    ap.add_argument(
        "--warc",
        type=Path,
        nargs="?",
        const=WARC,
        default=None,
        help="read the pages from this WARC instead (default: the shared one)",
    )
    ap.add_argument("--out", type=Path, default=None, help="keep the extract-shaped JSONL here")
    ap.add_argument(
        "--record",
        action="store_true",
        help="write the figures into BENCHMARKS.md (runs both the files and the shared WARC)",
    )
    args = ap.parse_args(argv)
    if not (args.data / "ground-truth.json").is_file():
        print(f"eval_html: no benchmark data at {args.data}", file=sys.stderr)
        return 2
    modes = [None, WARC] if args.record and WARC.is_file() else [args.warc]
    runs = [evaluate(args.data, warc, args.out) for warc in modes]
    if None in runs:
        return 1
    if args.record:
        record(runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
