#!/usr/bin/env python3
"""Story grouping on ../shared/data/giveme5w1h/news_cluster: 383 articles, gold event per article.

The news-please JSON files are converted to one JSONL (`text`, `title`, `published`, and `source` = the
article's URL, which is what the gold file is keyed on), ingested with `newsledger ingest`, grouped with
`newsledger stories --format jsonl`, and scored: B-cubed precision / recall / F1 by the reference scorer
(../shared/tools/scorers/score_stories.py, which counts an article missing from the output as recall 0),
the same computed here (they must agree), and the adjusted Rand index over the articles placed.

With `--scale N` it measures instead what dedup and stories cost on the first N articles of
../shared/data/allsides (stored without extraction, which these steps do not read): time and peak memory
from scratch for all but the newest ingest batch (the 64 latest published), then of one update that places
that batch, as news arrives.

usage: eval_stories.py [--data DIR] [--db LEDGER] [--work DIR] [--record]
       eval_stories.py --scale N [--record]
  --db     reuse this ledger when it already holds articles (ingest takes ~90 s), else build it there
  --record write the figures into BENCHMARKS.md
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import UTC, datetime
from math import comb
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "giveme5w1h" / "news_cluster"
REFERENCE = ROOT.parent / "shared" / "tools" / "scorers" / "score_stories.py"
ALLSIDES = ROOT.parent / "shared" / "data" / "allsides" / "articles.jsonl.gz"
BATCH = 64  # an ingest batch: what one incremental update places
# Run in a fresh process, so that its peak memory is that of reconciling alone (VmHWM: ru_maxrss would
# carry the parent's peak across exec).
_RECONCILE = """
import json, sys, time
from newsledger.store import Ledger
from newsledger.reconcile import dedup, stories
def peak():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
with Ledger(sys.argv[1]) as ledger:
    base = peak()
    t0 = time.perf_counter(); d = dedup.update(ledger)
    t1 = time.perf_counter(); s = stories.update(ledger)
    t2 = time.perf_counter()
    n = ledger.conn.execute("SELECT count(DISTINCT story_id) FROM story_articles").fetchone()[0]
    copies = ledger.conn.execute("SELECT count(*) FROM duplicates WHERE original_id != article_id").fetchone()[0]
print(json.dumps({"dedup_s": t1 - t0, "stories_s": t2 - t1, "placed": s, "hashed": d, "stories": n,
                  "copies": copies, "peak_mb": peak(), "base_mb": base}))
"""


def convert(data: Path, work: Path) -> tuple[Path, Path]:
    """news_cluster JSON files -> (articles.jsonl, gold.json mapping source -> event id)."""
    files = sorted((data / "data").glob("*.json")) or sorted(data.glob("*.json"))
    gold, lines = {}, []
    for f in files:
        d = json.loads(f.read_text(encoding="utf-8"))
        source = d.get("url") or f.name
        lines.append(
            json.dumps(
                {
                    "text": d["text"],
                    "title": d.get("title"),
                    "published": (d.get("date_publish") or "")[:10] or None,
                    "source": source,
                },
                ensure_ascii=False,
            )
        )
        gold[source] = d["newsCluster"]["EventId"]
    articles, gold_path = work / "news_cluster.jsonl", work / "gold.json"
    articles.write_text("\n".join(lines) + "\n", encoding="utf-8")
    gold_path.write_text(json.dumps(gold), encoding="utf-8")
    return articles, gold_path


def _newsledger(*args: str) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-c", "from newsledger.cli import main; main()", *args]
    return subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)


def _stored(db: Path) -> int:
    import sqlite3

    if not db.exists():
        return 0
    with sqlite3.connect(db) as conn:
        try:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        except sqlite3.OperationalError:
            return 0


def bcubed(gold: dict[str, object], clusters: dict[str, set[str]]) -> tuple[float, float, float]:
    """As the reference scorer: precision over placed articles, recall over all gold articles."""
    by_event: dict[object, set[str]] = {}
    for k, e in gold.items():
        by_event.setdefault(e, set()).add(k)
    placed = [k for k in gold if k in clusters]
    p = sum(len((clusters[k] & gold.keys()) & by_event[gold[k]]) / len(clusters[k] & gold.keys()) for k in placed)
    r = sum(len((clusters[k] & gold.keys()) & by_event[gold[k]]) / len(by_event[gold[k]]) for k in placed)
    p, r = (p / len(placed) if placed else 0.0), r / len(gold)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def adjusted_rand(labels_true: list, labels_pred: list) -> float:
    n = len(labels_true)
    pairs = Counter(zip(labels_true, labels_pred))
    index = sum(comb(v, 2) for v in pairs.values())
    a = sum(comb(v, 2) for v in Counter(labels_true).values())
    b = sum(comb(v, 2) for v in Counter(labels_pred).values())
    expected = a * b / comb(n, 2) if n > 1 else 0.0
    top = (a + b) / 2
    return (index - expected) / (top - expected) if top != expected else 1.0


def reference(gold_path: Path, stories_path: Path) -> str | None:
    if not REFERENCE.is_file():
        return None
    out = subprocess.run(
        [sys.executable, str(REFERENCE), str(gold_path), str(stories_path)], capture_output=True, text=True
    )
    return out.stdout.strip()


def run(data: Path, work: Path, db: Path | None = None) -> dict:
    articles, gold_path = convert(data, work)
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    db = db or work / "ledger.db"
    ingest_s, ingest_err = None, ""
    if _stored(db) == 0:
        start = time.perf_counter()
        res = _newsledger("ingest", str(articles), "--db", str(db), "--quiet")
        ingest_s = time.perf_counter() - start
        ingest_err = (res.stdout + res.stderr)[-2000:] if res.returncode else ""
    start = time.perf_counter()
    res = _newsledger("stories", "--db", str(db), "--format", "jsonl")
    stories_s = time.perf_counter() - start
    if res.returncode:
        raise RuntimeError(f"newsledger stories failed: {res.stderr[-2000:]}")
    stories_path = work / "stories.jsonl"
    stories_path.write_text(res.stdout, encoding="utf-8")
    clusters: dict[str, set[str]] = {}
    label: dict[str, str] = {}
    copies = 0
    for line in res.stdout.splitlines():
        s = json.loads(line)
        members = {a["source"] for a in s["articles"]}
        copies += sum(a.get("copy_of") is not None for a in s["articles"])
        for m in members:
            clusters[m], label[m] = members, s["id"]
    p, r, f = bcubed(gold, clusters)
    placed = [k for k in gold if k in label]
    return {
        "precision": p,
        "recall": r,
        "f1": f,
        "ari": adjusted_rand([gold[k] for k in placed], [label[k] for k in placed]),
        "articles": len(gold),
        "placed": len(placed),
        "events": len(set(gold.values())),
        "stories": len({label[k] for k in placed}),
        "copies": copies,
        "ingest_s": ingest_s,
        "stories_s": stories_s,
        "ingest_errors": ingest_err,
        "reference": reference(gold_path, stories_path),
        "stories_path": str(stories_path),
    }


def _store(db: Path, articles: list) -> None:
    sys.path.insert(0, str(ROOT / "src"))
    from newsledger.models import Extraction
    from newsledger.store import Ledger

    with Ledger(db) as ledger:
        ledger.write([Extraction(a) for a in articles])


def _reconcile(db: Path) -> dict:
    out = subprocess.run([sys.executable, "-c", _RECONCILE, str(db)], capture_output=True, text=True, cwd=ROOT)
    if out.returncode:
        raise RuntimeError(out.stderr[-2000:])
    return json.loads(out.stdout)


def scale(n: int, work: Path, source: Path = ALLSIDES) -> dict:
    """Dedup + stories on the first n allsides articles: all but the newest batch from scratch, then that
    batch (the 64 latest published, as news arrives) as one update."""
    from itertools import islice

    sys.path.insert(0, str(ROOT / "src"))
    from newsledger.errors import Failure
    from newsledger.ingest import read_inputs

    def articles():
        return (a for a in islice(read_inputs([str(source)]), n) if not isinstance(a, Failure))

    # Two passes over the file, so that the articles are never all held at once.
    dated = sorted(((a.published, i) for i, a in enumerate(articles()) if a.published), reverse=True)
    newest = {i for _, i in dated[:BATCH]}
    db, held, rest, count, undated = work / "scale.db", [], [], 0, 0
    for i, a in enumerate(articles()):
        count, undated = count + 1, undated + (a.published is None)
        (held if i in newest else rest).append(a)
        if len(rest) >= 1000:
            _store(db, rest)
            rest = []
    _store(db, rest)
    full = _reconcile(db)
    _store(db, held)
    step = _reconcile(db)
    span = (min(a.published for a in held), max(a.published for a in held))
    return {
        "articles": count,
        "undated": undated,
        "scratch": full,
        "update": step,
        "batch_dates": [d.isoformat() for d in span],
    }


def scale_report(r: dict) -> str:
    from _report import machine

    f, u = r["scratch"], r["update"]
    return (
        f"`bench/eval_stories.py --scale {r['articles']}`: the first {r['articles']} allsides articles "
        f"({r['undated']} undated), stored without extraction; {datetime.now(UTC):%Y-%m-%d}, "
        f"{machine()}. Each run in a fresh process; memory is the process's peak resident size "
        f"(VmHWM; {f['base_mb']:.0f} MB with the ledger open, before the libraries these steps import).\n\n"
        "| run | articles placed | dedup | stories | peak memory | stories | syndicated copies |\n"
        "|---|---|---|---|---|---|---|\n"
        f"| from scratch (all but the {BATCH} newest) | {f['placed']} | {f['dedup_s']:.1f} s "
        f"| {f['stories_s']:.1f} s | {f['peak_mb']:.0f} MB | {f['stories']} | {f['copies']} |\n"
        f"| one update (the {BATCH} newest, {r['batch_dates'][0]} to {r['batch_dates'][1]}) | {u['placed']} "
        f"| {u['dedup_s']:.1f} s | {u['stories_s']:.1f} s | {u['peak_mb']:.0f} MB | {u['stories']} "
        f"| {u['copies']} |"
    )


def report(result: dict) -> str:
    from _report import machine

    ingest = (
        f"`newsledger ingest` {result['ingest_s']:.0f} s (extraction, then reconciliation: dedup, stories, "
        "entities, figures), "
        if result["ingest_s"] is not None
        else "ingest not timed (a ledger built before the run, `--db`), "
    )
    return (
        f"`bench/eval_stories.py` on giveme5w1h news_cluster ({result['articles']} articles, "
        f"{result['events']} gold events), {datetime.now(UTC):%Y-%m-%d}, {machine()}.\n\n"
        "| B-cubed P | B-cubed R | B-cubed F1 | ARI | stories | articles placed | syndicated copies |\n"
        "|---|---|---|---|---|---|---|\n"
        f"| {result['precision']:.3f} | {result['recall']:.3f} | {result['f1']:.3f} | {result['ari']:.3f} "
        f"| {result['stories']} | {result['placed']}/{result['articles']} | {result['copies']} |\n\n"
        f"Reference scorer: `{result['reference']}`. Time: {ingest}`newsledger stories` "
        f"{result['stories_s']:.1f} s (process start included; it places what is not yet in a story, so on a "
        "ledger built before the pipeline reconciled this is dedup and stories from scratch). Recall counts an "
        "article that ingest could not store as a miss; ARI is over the articles placed. Thresholds and "
        "how they were chosen: docs/stories.md."
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--db", type=Path, default=None)
    ap.add_argument("--work", type=Path, default=None)
    ap.add_argument("--record", action="store_true")
    ap.add_argument("--scale", type=int, default=None, metavar="N")
    args = ap.parse_args()
    if args.scale:
        if not ALLSIDES.is_file():
            print(f"needs {ALLSIDES}, which is absent", file=sys.stderr)
            return 2
        with tempfile.TemporaryDirectory() as tmp:
            r = scale(args.scale, Path(tmp))
        print(json.dumps(r))
        if args.record:
            sys.path.insert(0, str(Path(__file__).parent))
            from _report import write_section

            write_section("Dedup and stories at scale (allsides)", scale_report(r))
        return 0
    if not args.data.is_dir():
        print(f"needs {args.data}, which is absent", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        work = args.work or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        result = run(args.data, work, args.db)
    print(
        f"B-cubed P {result['precision']:.3f} R {result['recall']:.3f} F1 {result['f1']:.3f}  "
        f"ARI {result['ari']:.3f}  {result['stories']} stories for {result['events']} events  "
        f"{result['placed']}/{result['articles']} placed  {result['copies']} syndicated copies"
    )
    print(f"reference: {result['reference']}")
    if result["ingest_errors"]:
        print(f"ingest reported:\n{result['ingest_errors']}", file=sys.stderr)
    if args.record:
        sys.path.insert(0, str(Path(__file__).parent))
        from _report import write_section

        write_section("Stories (giveme5w1h news_cluster)", report(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
