#!/usr/bin/env python3
"""Attribution quality on PolNeAR: `newsledger extract` quotes against the gold source / cue / content spans.

usage: eval_attribution.py [SPLIT_DIR] [--out OUT.jsonl] [--record] [--json] [--speed N]

SPLIT_DIR (default ../shared/data/polnear/dev) holds text/*.txt and attributions/*.ann. The script runs
`newsledger extract SPLIT_DIR/text --format jsonl` (the contract), then the reference scorers of
../shared/tools/scorers: score_polnear.py (content overlap P/R/F1, source exact and overlap, cue overlap) and
score_claim_sources.py (numeric attributions whose claim gets the gold source). The figures reported are
the reference scorers' own output, parsed, so the two cannot disagree.

The train split has one .ann file whose span text runs over a line break, which the reference scorer cannot
read; for such a split the scorers run on a copy of the attributions without those continuation lines.

--speed N   also time extract_quotes against the spaCy parse on N allsides articles (the speed budget).
--record    write the figures into BENCHMARKS.md (section "Attribution (PolNeAR)").
--json      print the figures as one JSON object (used by the gate test).
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DEFAULT_SPLIT = SHARED / "data" / "polnear" / "dev"
SCORERS = SHARED / "tools" / "scorers"
sys.path.insert(0, str(ROOT / "bench"))
from _report import machine, write_section  # noqa: E402

ROW = re.compile(
    r"^(content-overlap|source-exact|source-overlap|cue-overlap)\s+P ([\d.]+) R ([\d.]+) F1 ([\d.]+)", re.M
)
CLAIMS = re.compile(r"claim sources: (\d+)/(\d+) .*?\(([\d.]+)\); (\d+)/\d+ have a claim inside")
_BRAT_LINE = re.compile(r"^[TE]\d+\t")


def newsledger() -> list[str]:
    exe = Path(sys.executable).with_name("newsledger")
    return [str(exe)] if exe.exists() else [sys.executable, "-c", "from newsledger.cli import main; main()"]


def extract(split: Path, out: Path) -> float:
    t0 = time.perf_counter()
    with open(out, "w", encoding="utf-8") as f:
        r = subprocess.run(
            newsledger() + ["extract", str(split / "text"), "--format", "jsonl"],
            stdout=f,
            stderr=subprocess.PIPE,
            text=True,
        )
    if r.returncode != 0:
        raise SystemExit(f"newsledger extract failed ({r.returncode}): {r.stderr[-2000:]}")
    return time.perf_counter() - t0


def readable_split(split: Path, tmp: Path) -> Path:
    """The split itself, or a copy of its attributions without lines the reference scorer cannot parse."""
    bad = False
    for ann in (split / "attributions").glob("*.ann"):
        if any(line.strip() and not _BRAT_LINE.match(line) for line in open(ann, encoding="utf-8")):
            bad = True
            break
    if not bad:
        return split
    copy = tmp / "split"
    (copy / "attributions").mkdir(parents=True)
    (copy / "text").symlink_to((split / "text").resolve())
    for ann in (split / "attributions").glob("*.ann"):
        lines = [line for line in open(ann, encoding="utf-8") if _BRAT_LINE.match(line)]
        (copy / "attributions" / ann.name).write_text("".join(lines), encoding="utf-8")
    return copy


def score(split: Path, out: Path) -> dict:
    polnear = subprocess.run(
        [sys.executable, str(SCORERS / "score_polnear.py"), str(split), str(out)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    claims = subprocess.run(
        [sys.executable, str(SCORERS / "score_claim_sources.py"), str(split), str(out)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    res: dict = {"reference": polnear.strip().splitlines()[-1], "claims_reference": claims.strip()}
    for name, p, r, f in ROW.findall(polnear):
        res[name] = {"p": float(p), "r": float(r), "f1": float(f)}
    m = CLAIMS.search(claims)
    if m:
        res["claim_sources"] = {
            "hit": int(m.group(1)),
            "total": int(m.group(2)),
            "rate": float(m.group(3)),
            "with_claim": int(m.group(4)),
        }
    return res


def speed(n: int) -> dict:
    """Seconds spent in extract_quotes against seconds of spaCy parsing, on n allsides articles."""
    from _report import parsed_allsides
    from newsledger.extract.entities import extract_entities
    from newsledger.extract.quotes import extract_quotes, rule_quotes

    arts, docs, parse = parsed_allsides(n)
    ents = [extract_entities(d, a) for d, a in zip(docs, arts)]
    t0 = time.perf_counter()
    quotes = sum(len(extract_quotes(d, a, e)) for d, a, e in zip(docs, arts, ents))
    spent = time.perf_counter() - t0
    t0 = time.perf_counter()
    for d, a, e in zip(docs, arts, ents):
        rule_quotes(d, a, e)
    rules_s = time.perf_counter() - t0
    return {
        "articles": len(arts),
        "parse_s": round(parse, 2),
        "quotes_s": round(spent, 3),
        "share": round(spent / parse, 4),
        "rules_s": round(rules_s, 3),
        "model_share": round((spent - rules_s) / parse, 4),
        "quotes": quotes,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("split", nargs="?", type=Path, default=DEFAULT_SPLIT)
    ap.add_argument("--out", type=Path, help="keep the extract output here")
    ap.add_argument("--record", action="store_true", help="write the figures into BENCHMARKS.md")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--speed", type=int, default=0, metavar="N", help="time extract_quotes on N allsides articles")
    args = ap.parse_args(argv)
    if not (args.split / "text").is_dir():
        raise SystemExit(f"no split at {args.split} (needs text/ and attributions/)")
    with tempfile.TemporaryDirectory() as tmp:
        out = args.out or Path(tmp) / "extract.jsonl"
        seconds = extract(args.split, out)
        res = score(readable_split(args.split, Path(tmp)), out)
    res["split"] = str(args.split)
    res["articles"] = len(list((args.split / "text").glob("*.txt")))
    res["extract_s"] = round(seconds, 1)
    if args.speed:
        res["speed"] = speed(args.speed)
    if args.json:
        print(json.dumps(res))
    else:
        print(res["reference"])
        print(res["claims_reference"])
        if "speed" in res:
            print(
                "speed: {quotes_s} s in extract_quotes vs {parse_s} s spaCy parse on {articles} articles "
                "({share:.1%}); the rules alone {rules_s} s, so the tagger adds {model_share:.1%} of the parse"
                "".format(**res["speed"])
            )
    if args.record:
        record(res)
    return 0


def record(res: dict) -> None:
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    rows = "\n".join(
        f"| {k} | {res[k]['p']:.3f} | {res[k]['r']:.3f} | {res[k]['f1']:.3f} |"
        for k in ("content-overlap", "source-exact", "source-overlap", "cue-overlap")
        if k in res
    )
    split = Path(res["split"])
    body = f"""Script: `bench/eval_attribution.py {split.parent.name}/{split.name} --record`; run {when} on {machine()}.
`newsledger extract` over the {res["articles"]} articles of PolNeAR {split.name} ({res["extract_s"]} s, model load
included), scored by `../shared/tools/scorers/score_polnear.py` (a quote matches a gold attribution when their content
spans overlap by half the shorter one).

| metric | P | R | F1 |
|---|---|---|---|
{rows}

The trained tagger (docs/attribution_model.md) against the rules alone on the same split: see "Attribution model".
Issue 13's goals on dev: source exact F1 >= 0.80, content F1 >= 0.82, claim sources >= 0.70. Published on the
PolNeAR test split (exact spans): BERT+CofeNet source 83.2, content 72.9; CoreNLP quote annotator source 13.9.
"""
    if "claim_sources" in res:
        c = res["claim_sources"]
        body += (
            f"\nClaim sources (`score_claim_sources.py`): {c['hit']}/{c['total']} numeric attributions get a "
            f"claim with the gold source ({c['rate']:.3f}); {c['with_claim']}/{c['total']} have a claim "
            "inside the content.\n"
        )
    if "speed" in res:
        s = res["speed"]
        body += (
            f"\nSpeed: `extract_quotes` took {s['quotes_s']} s against {s['parse_s']} s of spaCy parsing on "
            f"{s['articles']} allsides articles ({s['share']:.1%} of the parse; {s['quotes']} quotes); the rules alone "
            f"{s['rules_s']} s, so the trained tagger (features and CRF) adds {s['model_share']:.1%} of the parse "
            "(budget: 50%).\n"
        )
    write_section("Attribution (PolNeAR)", body)


if __name__ == "__main__":
    sys.exit(main())
