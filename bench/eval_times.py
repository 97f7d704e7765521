#!/usr/bin/env python3
"""Time expressions on TempEval-3 (TimeBank + AQUAINT): relaxed span and value P/R/F1.

Each `.tml` becomes one article: the TEXT element with its tags stripped, published = the document
creation time (the DCT sits outside TEXT, so it is never counted). `newsledger extract` runs on the
articles and the reference scorer (../shared/tools/scorers/score_timex.py) scores its output.

usage: python bench/eval_times.py [--data DIR] [--limit N] [--errors N] [--speed N] [--write-benchmarks]

--speed N also times the extractor against the spaCy parse on N allsides articles (its share of the
ingest budget: at most ~5% of the parse).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DATA = SHARED / "data" / "tempeval3"
SCORER = SHARED / "tools" / "scorers" / "score_timex.py"
SECTION = "time expressions (TempEval-3 train)"


def _flatten(elem, parts: list[str], timexes: list[dict], pos: int) -> int:
    """Append elem's text to parts, recording each TIMEX3's offsets; returns the new offset."""
    start = pos
    if elem.text:
        parts.append(elem.text)
        pos += len(elem.text)
    for child in elem:
        pos = _flatten(child, parts, timexes, pos)
        if child.tail:
            parts.append(child.tail)
            pos += len(child.tail)
    if elem.tag == "TIMEX3":
        timexes.append({"start": start, "end": pos, "type": elem.get("type"), "value": elem.get("value")})
    return pos


def read_tml(path: Path) -> tuple[dict, dict]:
    """One .tml as (gold {id, published, timexes}, input {id, source, text, published})."""
    root = ET.parse(path).getroot()
    dct = next(t for t in root.iter("TIMEX3") if t.get("functionInDocument") == "CREATION_TIME")
    published = date.fromisoformat(dct.get("value")[:10]).isoformat()
    parts: list[str] = []
    timexes: list[dict] = []
    _flatten(root.find("TEXT"), parts, timexes, 0)
    text = "".join(parts)
    for t in timexes:
        t["text"] = text[t["start"] : t["end"]]
    doc_id = path.stem
    return (
        {"id": doc_id, "published": published, "timexes": timexes},
        {"id": doc_id, "source": doc_id, "text": text, "published": published},
    )


def load(data: Path, limit: int | None = None) -> tuple[list[dict], list[dict]]:
    paths = sorted(p for sub in ("TimeBank", "AQUAINT") for p in (data / sub).glob("*.tml"))
    gold, inputs = [], []
    for p in paths[:limit]:
        g, i = read_tml(p)
        gold.append(g)
        inputs.append(i)
    return gold, inputs


def run(data: Path = DATA, limit: int | None = None, workdir: Path | None = None) -> dict:
    """Extract and score; returns the scorer's figures and the output path."""
    gold, inputs = load(data, limit)
    work = Path(workdir or tempfile.mkdtemp(prefix="eval_times_"))
    work.mkdir(parents=True, exist_ok=True)
    gold_path, in_path, out_path = work / "gold.json", work / "input.jsonl", work / "output.jsonl"
    gold_path.write_text(json.dumps(gold))
    in_path.write_text("".join(json.dumps(i) + "\n" for i in inputs))
    exe = Path(sys.executable).parent / "newsledger"
    t0 = time.perf_counter()
    with open(out_path, "w") as out:
        subprocess.run([str(exe), "extract", str(in_path)], stdout=out, check=True)
    seconds = time.perf_counter() - t0
    report = subprocess.run(
        [sys.executable, str(SCORER), str(gold_path), str(out_path)], capture_output=True, text=True, check=True
    ).stdout
    nums = {}
    for line in report.splitlines():
        if m := re.match(r"(relaxed span|value)\s+P ([\d.]+) R ([\d.]+) F1 ([\d.]+)", line):
            key = "relaxed" if m[1].startswith("relaxed") else "value"
            nums[key] = tuple(float(x) for x in m.group(2, 3, 4))
    return {
        "report": report,
        "relaxed": nums["relaxed"],
        "value": nums["value"],
        "docs": len(gold),
        "timexes": sum(len(g["timexes"]) for g in gold),
        "seconds": seconds,
        "gold": gold,
        "output": out_path,
    }


def speed(n: int, repeats: int = 3) -> dict:
    """Seconds to parse n allsides articles with spaCy and to run extract_times on the parsed docs."""
    from _report import parsed_allsides
    from newsledger.extract.times import extract_times

    arts, docs, parse = parsed_allsides(n, date(2019, 1, 1))
    best = float("inf")
    for _ in range(repeats):
        t0 = time.perf_counter()
        found = sum(len(extract_times(d, a)) for d, a in zip(docs, arts))
        best = min(best, time.perf_counter() - t0)
    return {"articles": len(arts), "parse": parse, "times": best, "found": found}


def errors(result: dict, n: int) -> None:
    """Print up to n misses, false alarms and wrong values, for building rules by phenomenon."""
    outs = {json.loads(l)["article"]["source"]: json.loads(l) for l in open(result["output"])}
    shown = 0
    for g in result["gold"]:
        pred = outs[g["id"]]["times"]
        used = set()
        for x in g["timexes"]:
            hit = next(
                (
                    i
                    for i, t in enumerate(pred)
                    if i not in used and min(t["end"], x["end"]) > max(t["start"], x["start"])
                ),
                None,
            )
            if hit is None:
                print(f"MISS  {g['id']} {g['published']} {x['text']!r} {x['type']} {x['value']}")
            else:
                used.add(hit)
                t = pred[hit]
                if t["value"] != x["value"]:
                    print(
                        f"VALUE {g['id']} {g['published']} {x['text']!r}->{t['text']!r} "
                        f"gold {x['value']} got {t['value']}"
                    )
                else:
                    continue
            shown += 1
        for i, t in enumerate(pred):
            if i not in used:
                print(f"EXTRA {g['id']} {t['text']!r} {t['type']} {t['value']}")
                shown += 1
        if shown >= n:
            break


def write_benchmarks(result: dict, cost: dict | None = None) -> None:
    rev = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    rp, rr, rf = result["relaxed"]
    vp, vr, vf = result["value"]
    body = (
        f"## {SECTION}\n\n"
        f"{date.today().isoformat()}, {platform.machine()} x{os.cpu_count()}, "
        f"Python {platform.python_version()}, commit {rev}. `python bench/eval_times.py "
        f"{'--speed ' + str(cost['articles']) + ' ' if cost else ''}--write-benchmarks`, "
        f"{result['docs']} documents, {result['timexes']} gold TIMEX3, scored by "
        f"`../shared/tools/scorers/score_timex.py`.\n\n"
        f"| metric | P | R | F1 | floor |\n|---|---|---|---|---|\n"
        f"| relaxed span | {rp:.3f} | {rr:.3f} | {rf:.3f} | 0.88 |\n"
        f"| value | {vp:.3f} | {vr:.3f} | {vf:.3f} | 0.80 |\n\n"
        f"Published on the TempEval-3 platinum test (value F1): HeidelTime 0.776, SUTime 0.674.\n"
    )
    if cost:
        body += (
            f"\nCost: `extract_times` on {cost['articles']} allsides articles (already parsed) took "
            f"{cost['times']:.2f} s against {cost['parse']:.1f} s for the spaCy parse "
            f"({cost['times'] / cost['parse']:.1%} of it; budget 5%), {cost['found']} expressions "
            f"(`--speed {cost['articles']}`; a shared, loaded machine, so the ratio is the figure).\n"
        )
    path = ROOT / "BENCHMARKS.md"
    old = path.read_text() if path.exists() else "# Benchmarks\n"
    pat = re.compile(rf"^## {re.escape(SECTION)}\n.*?(?=^## |\Z)", re.S | re.M)
    new = pat.sub(lambda _: body + "\n", old) if pat.search(old) else old.rstrip("\n") + "\n\n" + body
    path.write_text(new)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--limit", type=int)
    ap.add_argument("--errors", type=int, default=0, help="print up to N errors")
    ap.add_argument("--workdir", type=Path)
    ap.add_argument("--speed", type=int, default=0, help="also time the extractor on N allsides articles")
    ap.add_argument("--write-benchmarks", action="store_true")
    args = ap.parse_args(argv)
    if not args.data.is_dir():
        print(f"needs TempEval-3 data at {args.data}, which is absent", file=sys.stderr)
        return 2
    result = run(args.data, args.limit, args.workdir)
    print(result["report"], end="")
    print(f"{result['seconds']:.1f} s for extract")
    if args.errors:
        errors(result, args.errors)
    cost = speed(args.speed) if args.speed else None
    if cost:
        print(
            f"cost: extract_times {cost['times']:.2f} s, spaCy parse {cost['parse']:.1f} s "
            f"({cost['times'] / cost['parse']:.1%}) on {cost['articles']} allsides articles"
        )
    if args.write_benchmarks:
        write_benchmarks(result, cost)
    return 0


if __name__ == "__main__":
    sys.exit(main())
