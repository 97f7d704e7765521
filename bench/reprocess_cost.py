"""What `newsledger reprocess` costs when one step changes, against rebuilding from scratch.

usage: python bench/reprocess_cost.py [--db LEDGER] [--n 1000] [--corpus allsides.jsonl.gz] [--save LEDGER]
                                      [--no-extract] [--no-write]

The ledger is --db (copied; the original is not touched) or the first N allsides articles with text ingested
into a fresh one by `newsledger.pipeline` (the same sample as bench/reconcile_cost.py; --save keeps it).
Each mode runs on its own copy, in its own process, after making this newsledger's version of the named steps
newer than the ledger's (as an upgrade of newsledger does), then `steps.reprocess`:
  figures    the figures step alone is newer: reprocess rebuilds figures and nothing else
  reconcile  every cross-article step is newer: dedup, stories, entities and figures rebuilt from scratch
  everything every step, extraction included: every article re-extracted from its stored text, then all
             cross-article steps (what ingesting the same articles afresh costs); --no-extract skips it
All modes must end with the same figures as the ledger had; the script checks it.
Results go to BENCHMARKS.md (section "Reprocess cost") unless --no-write.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "data" / "allsides" / "articles.jsonl.gz"
sys.path.insert(0, str(ROOT / "bench"))
from _report import machine, write_section  # noqa: E402

MODES = {
    "figures": ("figures",),
    "reconcile": ("dedup", "stories", "entities", "figures"),
    "everything": ("extract", "dedup", "stories", "entities", "figures"),
}


def figures_digest(led) -> str:
    from newsledger.reconcile.figures import list_figures

    return json.dumps(sorted((f.to_contract() for f in list_figures(led)), key=lambda d: d["id"]), sort_keys=True)


def child(mode: str, db: str) -> dict:
    from newsledger import steps
    from newsledger.store import Ledger

    steps.ordered()
    for name in MODES[mode]:  # this newsledger's step is newer than what made the ledger's rows
        s = steps.REGISTRY[name]
        steps.REGISTRY[name] = dataclasses.replace(s, version=s.version + 1)
    with Ledger(db) as led:
        t = time.perf_counter()
        done: dict[str, int] = {}
        for p in steps.reprocess(led):
            done[p.step] = p.done
        seconds = time.perf_counter() - t
        current = all(s.current for s in steps.status(led))
        return {
            "mode": mode,
            "seconds": seconds,
            "redone": done,
            "current": current,
            "articles": led.count("articles"),
            "claims": led.count("claims"),
            "figures_digest": figures_digest(led),
        }


def prepare(args, tmp: Path) -> tuple[Path, str]:
    db = tmp / "ledger.db"
    if args.db:
        shutil.copy(args.db, db)
        return db, f"`{args.db}`"
    from newsledger.extract import Extractor
    from newsledger.pipeline import ingest
    from newsledger.store import Ledger
    from throughput import sample  # the sample of bench/throughput.py and bench/reconcile_cost.py

    jsonl = tmp / "sample.jsonl"
    k, _ = sample(Path(args.corpus), args.n, jsonl)
    t = time.perf_counter()
    with Ledger(db) as led:
        rep = ingest([str(jsonl)], led, Extractor())
    return db, (
        f"the first {k} allsides articles with text, ingested here by newsledger.pipeline in "
        f"{time.perf_counter() - t:.0f} s ({rep.stored} stored, {len(rep.failures)} failed)"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--db")
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--corpus", default=str(DEFAULT_CORPUS))
    ap.add_argument("--save")
    ap.add_argument("--no-extract", action="store_true")
    ap.add_argument("--no-write", action="store_true")
    ap.add_argument("--child", nargs=2, metavar=("MODE", "DB"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(child(*args.child)))
        return
    from newsledger import steps
    from newsledger.store import Ledger

    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        db, origin = prepare(args, tmp)
        if args.save:
            shutil.copy(db, args.save)
        with Ledger(db) as led:
            stale = [s.step for s in steps.status(led) if not s.current]
            if stale:
                sys.exit(f"the ledger is not current ({', '.join(stale)}): run `newsledger reprocess` on it first")
            before = figures_digest(led)
            n_figs = len(json.loads(before))
        res = {}
        for mode in MODES:
            if mode == "everything" and args.no_extract:
                continue
            copy = tmp / f"{mode}.db"
            shutil.copy(db, copy)
            out = subprocess.run(
                [sys.executable, __file__, "--child", mode, str(copy)], capture_output=True, text=True, check=True
            )
            res[mode] = json.loads(out.stdout.strip().splitlines()[-1])
    f = res["figures"]
    lines = [
        f"`python bench/reprocess_cost.py {' '.join(sys.argv[1:])}` on {origin}: {f['articles']} articles, "
        f"{f['claims']} claims, {n_figs} figures.",
        f"Machine: {machine()}.",
        "",
        "| this newsledger has newer | reprocess redoes | time | against the figures step alone |",
        "|---|---|---|---|",
    ]
    for mode, r in res.items():
        redone = ", ".join(f"{k} ({v} articles)" if k == "extract" else k for k, v in r["redone"].items())
        lines.append(
            f"| {', '.join(MODES[mode])} | {redone} | {r['seconds']:.2f} s | {r['seconds'] / f['seconds']:.1f}x |"
        )
    same = all(r["figures_digest"] == before for r in res.values())
    lines += [
        "",
        "Every mode ends current (`newsledger status`): "
        + ("yes" if all(r["current"] for r in res.values()) else "NO")
        + f"; figures identical to the ledger's before: {'yes' if same else 'NO'}.",
    ]
    text = "\n".join(lines)
    print(text)
    if not args.no_write:
        write_section("Reprocess cost", text)


if __name__ == "__main__":
    main()
