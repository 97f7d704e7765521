#!/usr/bin/env python3
"""The trained attribution tagger against the rules alone, on the same PolNeAR split, in one run.

usage: attribution_model.py [SPLIT_DIR] [--record]

Parses each article of SPLIT_DIR (default ../shared/data/polnear/dev) once, then extracts twice: with the
shipped CRF (newsledger/extract/attribution/model.py, as `newsledger extract` runs) and with the tagger
switched off (the rules' own quotes). Both outputs are written in the contract's JSONL and scored by the
reference scorers (score_polnear.py, score_claim_sources.py), so the comparison and the scorers cannot
disagree. --record writes the table, the model's size and its training log line into BENCHMARKS.md
(section "Attribution model").
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from _report import machine, write_section  # noqa: E402
from eval_attribution import DEFAULT_SPLIT, readable_split, score  # noqa: E402

METRICS = ("content-overlap", "source-exact", "source-overlap", "cue-overlap")


def extract_both(split: Path, model_out: Path, rules_out: Path) -> dict:
    from newsledger.extract import Extractor
    from newsledger.extract.attribution import model
    from newsledger.ingest.readers import read_text_file

    ex = Extractor()
    tagger = model.tagger()
    if tagger is None:
        raise SystemExit(f"no trained model at {model.MODEL_PATH}: run scripts/train_attribution.py")
    seconds = {"model": 0.0, "rules": 0.0}
    with open(model_out, "w", encoding="utf-8") as fm, open(rules_out, "w", encoding="utf-8") as fr:
        for txt in sorted((split / "text").glob("*.txt")):
            art = read_text_file(str(txt))
            doc = ex.nlp(art.body)
            for name, f, tag in (("model", fm, tagger), ("rules", fr, None)):
                model.tagger = lambda tag=tag: tag  # type: ignore[assignment]
                t0 = time.perf_counter()
                x = ex.from_doc(doc, art)
                seconds[name] += time.perf_counter() - t0
                f.write(json.dumps(x.to_contract(), ensure_ascii=False) + "\n")
    return seconds


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("split", nargs="?", type=Path, default=DEFAULT_SPLIT)
    ap.add_argument("--record", action="store_true")
    a = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        t = Path(tmp)
        seconds = extract_both(a.split, t / "model.jsonl", t / "rules.jsonl")
        split = readable_split(a.split, t)
        res = {"model": score(split, t / "model.jsonl"), "rules": score(split, t / "rules.jsonl")}
    for name in ("rules", "model"):
        r = res[name]
        print(
            f"{name:6s}",
            "  ".join(f"{m} {r[m]['f1']:.3f}" for m in METRICS),
            f"claim sources {r['claim_sources']['rate']:.3f}",
        )
    if a.record:
        record(a.split, res, seconds)
    return 0


def record(split: Path, res: dict, seconds: dict) -> None:
    from newsledger.extract.attribution import model

    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    rows = []
    for name in ("rules", "model"):
        r = res[name]
        cells = " | ".join(f"{r[m]['p']:.3f} / {r[m]['r']:.3f} / **{r[m]['f1']:.3f}**" for m in METRICS)
        rows.append(f"| {name} | {cells} | {r['claim_sources']['rate']:.3f} |")
    size = model.MODEL_PATH.stat().st_size / 1e6
    body = f"""Script: `bench/attribution_model.py {split.parent.name}/{split.name} --record`; run {when} on {machine()}.
Each article parsed once, then extracted with the trained tagger (what `newsledger extract` ships) and with it
switched off (the rules alone); scored by the reference scorers. Cells: P / R / **F1**.

| extractor | content | source exact | source overlap | cue | claim sources |
|---|---|---|---|---|---|
{chr(10).join(rows)}

Extraction time after the parse ({split.name}): rules {seconds["rules"]:.1f} s, with the tagger {seconds["model"]:.1f} s.
Model: `{model.MODEL_PATH.relative_to(ROOT)}`, {size:.1f} MB (limit 25 MB); trained by `scripts/train_attribution.py`
on PolNeAR train only; the card is docs/attribution_model.md.
"""
    write_section("Attribution model", body)


if __name__ == "__main__":
    sys.exit(main())
