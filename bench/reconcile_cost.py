"""Time and peak memory of reconciliation (dedup, stories, entities, figures): from scratch vs incremental.

usage: python bench/reconcile_cost.py [--db LEDGER] [--n 300] [--batch 50] [--corpus allsides.jsonl.gz]
                                      [--save LEDGER] [--no-write]

The ledger is either --db (its first N articles, copied; the original is not touched) or, without --db,
the first N articles of the allsides corpus ingested into a fresh ledger (extraction time is reported but
is not part of the reconcile cost). Each mode runs in its own process, so its peak memory is its own:
  scratch      every reconcile step over all N articles at once, after forgetting what was reconciled
  incremental  the same N articles written in batches of --batch, reconciling after each batch (as an
               ingest that reconciles as it goes would); the last batch is the cost of adding --batch
               articles to a ledger of N - batch
Both must end with the same figures; the script checks it. Steps that are not in this build (dedup,
stories) are skipped and named. Results go to BENCHMARKS.md (section "Reconciliation cost") unless --no-write.
"""

from __future__ import annotations

import argparse
import importlib
import json
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "data" / "allsides" / "articles.jsonl.gz"
sys.path.insert(0, str(ROOT / "bench"))
from _report import machine, write_section  # noqa: E402

STEPS = ("dedup", "stories", "entities", "figures")


def rss_mb() -> float:
    """Peak resident memory of this process. VmHWM, not ru_maxrss: Linux carries ru_maxrss over exec, so a
    child started by a parent that loaded spaCy would report the parent's peak."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def steps() -> tuple[list[tuple[str, object]], list[str]]:
    have, missing = [], []
    for name in STEPS:
        try:
            mod = importlib.import_module(f"newsledger.reconcile.{name}")
        except ImportError:
            missing.append(name)
            continue
        have.append((name, mod))
    return have, missing


def reconcile(ledger, have) -> dict[str, float]:
    out = {}
    for name, mod in have:
        t = time.perf_counter()
        mod.update(ledger)
        out[name] = time.perf_counter() - t
    return out


def figures_of(ledger) -> list[dict]:
    from newsledger.reconcile.figures import list_figures

    return sorted((f.to_contract() for f in list_figures(ledger)), key=lambda d: d["id"])


def child(mode: str, db: str, batch: int) -> dict:
    """One measurement, in its own process."""
    from newsledger.store import Ledger

    have, missing = steps()
    base = rss_mb()
    per_step: dict[str, float] = {}
    batches: list[float] = []
    # Both modes write the stored extractions into a fresh ledger, so nothing reconciled before counts;
    # from scratch is one batch of everything.
    src = Ledger(db, readonly=True)
    ids = [r[0] for r in src.conn.execute("SELECT id FROM articles ORDER BY rowid")]
    size = len(ids) if mode == "scratch" else batch
    with Ledger(str(Path(db).with_suffix(f".{mode}.db"))) as led:
        for i in range(0, len(ids), size):
            led.write([src.extraction(a) for a in ids[i : i + size]])
            t = time.perf_counter()
            for k, v in reconcile(led, have).items():
                per_step[k] = per_step.get(k, 0.0) + v
            batches.append(time.perf_counter() - t)
        figs = figures_of(led)
        n = led.count("articles")
        stories = (
            sorted(
                sorted(json.loads(a))
                for (a,) in led.conn.execute(
                    "SELECT json_group_array(article_id) FROM story_articles GROUP BY story_id"
                )
            )
            if dict(have).get("stories")
            else []
        )
        canon = dict(((a, k), c) for a, k, c in led.conn.execute("SELECT article_id, key, canonical FROM entities"))
    src.close()
    total = sum(batches)
    return {
        "mode": mode,
        "articles": n,
        "seconds": total,
        "per_step": per_step,
        "batches": batches,
        "peak_rss_mb": rss_mb(),
        "base_rss_mb": base,
        "missing": missing,
        "figures": len(figs),
        "figures_digest": json.dumps(figs, sort_keys=True),
        "stories": stories,
        "canonical": [[a, k, c] for (a, k), c in sorted(canon.items())],
    }


def prepare(args, tmp: Path) -> tuple[Path, str]:
    """A ledger of the first N articles in tmp; returns it and a line on where it came from."""
    db = tmp / "ledger.db"
    if args.db:
        src = sqlite3.connect(args.db)
        dst = sqlite3.connect(db)
        src.backup(dst)
        src.close()
        dst.execute("PRAGMA foreign_keys = ON")
        dst.execute(
            "DELETE FROM articles WHERE rowid NOT IN (SELECT rowid FROM articles ORDER BY rowid LIMIT ?)", (args.n,)
        )
        dst.commit()
        dst.close()
        return db, f"the first {args.n} articles of `{args.db}`"
    from newsledger.extract import Extractor
    from newsledger.ingest import read_inputs
    from newsledger.models import Extraction
    from newsledger.store import Ledger
    from throughput import sample  # the same sampling as the throughput bench

    jsonl = tmp / "sample.jsonl"
    k, _ = sample(Path(args.corpus), args.n, jsonl)
    t = time.perf_counter()
    refused = 0
    with Ledger(db) as led:
        for x in Extractor().pipe(read_inputs([str(jsonl)])):
            if not isinstance(x, Extraction):
                continue
            try:  # one article a transaction: an extraction the store refuses is left out, not the run
                led.write([x])
            except sqlite3.IntegrityError:
                refused += 1
        stored = led.count("articles")
    return db, (
        f"the first {k} allsides articles with text, ingested here in {time.perf_counter() - t:.0f} s "
        f"(extraction, not counted below); {stored} stored"
        + (f", {refused} refused by the store (an extraction bug, reported)" if refused else "")
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--db", help="an existing ledger to take the first N articles of")
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--batch", type=int, default=50)
    ap.add_argument("--corpus", default=str(DEFAULT_CORPUS))
    ap.add_argument("--no-write", action="store_true")
    ap.add_argument("--save", help="keep the prepared ledger here (to rerun with --db without ingesting again)")
    ap.add_argument("--child", nargs=2, metavar=("MODE", "DB"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(child(args.child[0], args.child[1], args.batch)))
        return
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        db, origin = prepare(args, tmp)
        if args.save:
            shutil.copy(db, args.save)
        res = {}
        for mode in ("scratch", "incremental"):
            copy = tmp / f"{mode}.db"
            shutil.copy(db, copy)
            out = subprocess.run(
                [sys.executable, __file__, "--child", mode, str(copy), "--batch", str(args.batch)],
                capture_output=True,
                text=True,
                check=True,
            )
            res[mode] = json.loads(out.stdout.strip().splitlines()[-1])
    s, i = res["scratch"], res["incremental"]
    same = s["figures_digest"] == i["figures_digest"]
    same_stories = s["stories"] == i["stories"]
    canon_diff = sum(x != y for x, y in zip(s["canonical"], i["canonical"]))
    steps_run = ", ".join(s["per_step"]) or "none"
    nb = len(i["batches"])
    lines = [
        f"`python bench/reconcile_cost.py {' '.join(sys.argv[1:])}` on {origin}: {s['articles']} articles.",
        f"Machine: {machine()}.",
        f"Steps timed: {steps_run}"
        + (f"; not in this build, skipped: {', '.join(s['missing'])}" if s["missing"] else "")
        + ".",
        "",
        "| mode | articles | reconcile time | per article | peak RSS (process) | figures |",
        "|---|---|---|---|---|---|",
        f"| from scratch | {s['articles']} | {s['seconds']:.2f} s | {1000 * s['seconds'] / s['articles']:.1f} ms | "
        f"{s['peak_rss_mb']:.0f} MB (imports alone {s['base_rss_mb']:.0f} MB) | {s['figures']} |",
        f"| incremental, {nb} batches of {args.batch} | {i['articles']} | {i['seconds']:.2f} s in all | "
        f"{1000 * i['seconds'] / i['articles']:.1f} ms | {i['peak_rss_mb']:.0f} MB (imports alone "
        f"{i['base_rss_mb']:.0f} MB) | {i['figures']} |",
        "",
        "Per step, from scratch: " + ", ".join(f"{k} {v:.2f} s" for k, v in s["per_step"].items()) + ".",
        "Per step, incremental (sum over batches): "
        + ", ".join(f"{k} {v:.2f} s" for k, v in i["per_step"].items())
        + ".",
        (
            f"Incremental batches: first {i['batches'][0]:.2f} s, last {i['batches'][-1]:.2f} s (adding {args.batch} "
            f"articles to a ledger of {i['articles'] - args.batch})."
        )
        if nb
        else "",
        f"Incremental and from-scratch figures are {'identical' if same else 'different'}; stories are "
        f"{'identical' if same_stories else 'different'} ({len(s['stories'])} from scratch, {len(i['stories'])} "
        f"incremental); canonical entities differ on {canon_diff} of {len(s['canonical'])} entity rows."
        + ("" if same or same_stories else " Figures follow stories, so different stories give different figures."),
    ]
    text = "\n".join(lines)
    print(text)
    if not args.no_write:
        write_section("Reconciliation cost", text)


if __name__ == "__main__":
    main()
