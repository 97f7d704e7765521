#!/usr/bin/env python3
"""What a figure measures and counts, against our own gold set (tests/extract/data/measures_gold.jsonl).

The gold holds only article keys, character offsets and labels (docs/measures_gold.md says how it was made).
This script rebuilds each article's text from ../shared/data (allsides: `content_original` of line N of
articles.jsonl.gz, verbatim), runs `newsledger extract` on a JSONL of those texts, and matches each gold
figure to the claim whose span overlaps the gold number span most. It reports figures found, measure
accuracy over found (a null measure reads as "other"), and counted accuracy over found: exact (the
predicted counted text equals the gold span's text, case and spacing aside) and head (same last word).

usage: eval_measures.py [--gold FILE] [--errors N] [--write-benchmarks]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from datetime import UTC
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "extract" / "data" / "measures_gold.jsonl"
DATA = ROOT.parent / "shared" / "data"
KINDS = ("casualty", "troops", "displacement", "money", "percent", "other")
_WORD = re.compile(r"[\w'’-]+")


def load_gold(path: Path = GOLD) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def load_texts(gold: list[dict], data: Path = DATA) -> dict[tuple[str, int], str]:
    """(corpus, article) -> the article text as newsledger ingests it."""
    texts: dict[tuple[str, int], str] = {}
    wanted = {g["article"] for g in gold if g["corpus"] == "allsides"}
    if wanted:
        with gzip.open(data / "allsides" / "articles.jsonl.gz", "rt", encoding="utf-8") as f:
            for i, line in enumerate(f):
                if i in wanted:
                    texts[("allsides", i)] = json.loads(line)["content_original"]
                    if len(texts) == len(wanted):
                        break
    unknown = {g["corpus"] for g in gold} - {"allsides"}
    if unknown:
        raise ValueError(f"no reader for corpus {sorted(unknown)}")
    return texts


def extract(texts: dict[tuple[str, int], str], workdir: Path) -> dict[tuple[str, int], dict]:
    """Run `newsledger extract` over the texts; returns each article's output object."""
    keys = sorted(texts)
    src = workdir / "articles.jsonl"
    with src.open("w", encoding="utf-8") as f:
        for corpus, art in keys:
            f.write(json.dumps({"text": texts[(corpus, art)], "id": f"{corpus}-{art}"}) + "\n")
    exe = Path(sys.executable).parent / "newsledger"
    proc = subprocess.run([str(exe), "extract", str(src)], capture_output=True, text=True, check=True)
    outs = [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]
    if len(outs) != len(keys):
        raise RuntimeError(f"extract gave {len(outs)} objects for {len(keys)} articles")
    for key, out in zip(keys, outs):
        if out["article"]["text"] != texts[key]:
            raise RuntimeError(f"article text of {key} changed in ingest; offsets would not hold")
    return dict(zip(keys, outs))


def _norm(s: str | None) -> str:
    return " ".join((s or "").replace("’", "'").split()).casefold()


def _head(s: str | None) -> str | None:
    words = _WORD.findall(_norm(s))
    return words[-1] if words else None


def match(g: dict, claims: list[dict]) -> dict | None:
    """The claim overlapping the gold number span most (then the nearest start)."""
    best, key = None, None
    for c in claims:
        ov = min(c["end"], g["end"]) - max(c["start"], g["start"])
        if ov > 0 and (key is None or (ov, -abs(c["start"] - g["start"])) > key):
            best, key = c, (ov, -abs(c["start"] - g["start"]))
    return best


def score(gold: list[dict], texts: dict, outputs: dict) -> dict:
    rows = []
    for g in gold:
        key = (g["corpus"], g["article"])
        text = texts[key]
        c = match(g, outputs[key]["claims"])
        gc = text[g["counted"][0] : g["counted"][1]] if g["counted"] else None
        row = {"gold": g, "claim": c, "number": text[g["start"] : g["end"]], "gold_counted": gc}
        if c is not None:
            pm = c.get("measure") or "other"
            pc = c.get("counted")
            row["measure_ok"] = pm == g["measure"]
            row["pred_measure"] = pm
            row["counted_exact"] = (gc is None and not pc) or (gc is not None and _norm(pc) == _norm(gc))
            row["counted_head"] = (gc is None and not pc) or (gc is not None and _head(pc) == _head(gc))
        rows.append(row)

    def summary(sel: list[dict]) -> dict:
        found = [r for r in sel if r["claim"] is not None]
        n = len(found) or 1
        return {
            "figures": len(sel),
            "found": len(found),
            "measure": sum(r["measure_ok"] for r in found) / n,
            "counted_exact": sum(r["counted_exact"] for r in found) / n,
            "counted_head": sum(r["counted_head"] for r in found) / n,
        }

    by_kind = defaultdict(list)
    for r in rows:
        by_kind[r["gold"]["kind"]].append(r)
    per_measure = defaultdict(lambda: [0, 0])
    for r in rows:
        if r["claim"] is not None:
            per_measure[r["gold"]["measure"]][0] += r["measure_ok"]
            per_measure[r["gold"]["measure"]][1] += 1
    confusions = Counter(
        (r["gold"]["measure"], r["pred_measure"]) for r in rows if r["claim"] is not None and not r["measure_ok"]
    )
    return {
        "rows": rows,
        "overall": summary(rows),
        "kinds": {k: summary(by_kind[k]) for k in KINDS if by_kind[k]},
        "per_measure": {m: tuple(v) for m, v in sorted(per_measure.items(), key=lambda kv: -kv[1][1])},
        "confusions": confusions.most_common(8),
    }


def run(gold_path: Path = GOLD, data: Path = DATA) -> dict:
    gold = load_gold(gold_path)
    texts = load_texts(gold, data)
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        outputs = extract(texts, Path(tmp))
    result = score(gold, texts, outputs)
    result.update(seconds=time.perf_counter() - t0, articles=len(texts), texts=texts)
    return result


def table(result: dict) -> str:
    lines = ["| kind | figures | found | measure | counted exact | counted head |", "|---|---|---|---|---|---|"]
    for name, s in [*result["kinds"].items(), ("**all**", result["overall"])]:
        lines.append(
            f"| {name} | {s['figures']} | {s['found']} | {s['measure']:.3f} | "
            f"{s['counted_exact']:.3f} | {s['counted_head']:.3f} |"
        )
    return "\n".join(lines)


def errors(result: dict, n: int) -> None:
    """Print figures whose measure or counted differ (for development; nothing is stored)."""
    shown = 0
    for r in result["rows"]:
        g, c = r["gold"], r["claim"]
        if c is not None and r["measure_ok"] and r["counted_head"]:
            continue
        text = result["texts"][(g["corpus"], g["article"])]
        lo, hi = max(0, g["start"] - 120), min(len(text), g["end"] + 80)
        print(f"{g['corpus']}:{g['article']}:{g['start']} [{g['kind']}] {r['number']!r}")
        print("   ", " ".join(text[lo:hi].split()))
        if c is None:
            print("    missed")
        else:
            print(
                f"    measure gold {g['measure']} / pred {r['pred_measure']};"
                f" counted gold {r['gold_counted']!r} / pred {c.get('counted')!r} (claim {c['text']!r})"
            )
        shown += 1
        if shown >= n:
            break


def write_benchmarks(result: dict) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from datetime import datetime

    from _report import machine, write_section

    o = result["overall"]
    per = ", ".join(f"{m} {k}/{n}" for m, (k, n) in result["per_measure"].items())
    conf = ", ".join(f"{g}→{p} {k}" for (g, p), k in result["confusions"]) or "none"
    body = f"""Script: `bench/eval_measures.py --write-benchmarks`.
Run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC on {machine()}.
Data: our own gold set, `tests/extract/data/measures_gold.jsonl` ({o["figures"]} figures in {result["articles"]}
allsides articles, offsets and labels only; how it was annotated: `docs/measures_gold.md`). A figure is found when a
claim's span overlaps its number; measure and counted are scored over the found figures (null measure = "other";
null counted is right only where the gold has none; head = same last word).

{table(result)}

Measure right by gold measure (right/found): {per}.
Most frequent measure confusions (gold→predicted, count): {conf}.
`newsledger extract` over the {result["articles"]} articles took {result["seconds"]:.1f} s (model load included).
"""
    write_section("Measure and counted (own gold set)", body)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=GOLD)
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--errors", type=int, default=0, help="print up to N figures with differences")
    ap.add_argument("--write-benchmarks", action="store_true")
    args = ap.parse_args(argv)
    if not (args.data / "allsides" / "articles.jsonl.gz").is_file():
        print(f"needs {args.data / 'allsides'}, which is absent", file=sys.stderr)
        return 2
    result = run(args.gold, args.data)
    print(table(result))
    print("measure right/found by gold measure:", result["per_measure"])
    print("measure confusions (gold, pred): count", result["confusions"])
    print(f"{result['articles']} articles, {result['seconds']:.1f} s")
    if args.errors:
        errors(result, args.errors)
    if args.write_benchmarks:
        write_benchmarks(result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
