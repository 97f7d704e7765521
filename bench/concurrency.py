"""Four writers and four readers on one ledger at once: are articles lost, do readers fail?

    python bench/concurrency.py               # 4 writers + 4 readers for 120 s; writes BENCHMARKS.md
    python bench/concurrency.py --seconds 20 --no-write

The ledger does not exist when they start: the four writers create it at the same moment. Each writer is
a process that ingests (read, extract, store, then the cross-article steps) one JSONL file of new invented
articles after another until the time is up; each reader is a process that lists articles, searches,
filters claims and quotes, and reads one article, in a loop. At the end every article a writer was given
must be in the ledger, unless that writer reported it as not stored (a coded NL205: busy too long).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import random
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).parent))

from _report import machine, write_section  # noqa: E402

PLACES = ["Orvin", "Kessel", "Brenn", "Lakeside", "Veridia", "Tarn"]
SOURCES = ["the Red Cross", "police", "the interior ministry", "Governor Alvo Kest", "engineers"]


def article(rng: random.Random, tag: str) -> dict:
    place = rng.choice(PLACES)
    text = (
        f"Flooding near {place} displaced {rng.randint(10, 9000)} people on Monday, {rng.choice(SOURCES)} said "
        f"({tag}). At least {rng.randint(2, 300)} homes were destroyed, according to {rng.choice(SOURCES)}. "
        f'"We are still counting," said {rng.choice(["Mara Ferreira", "Tomas Brenn", "Ilse Varga"])}.\n'
    )
    return {"text": text, "source": f"wire {tag}", "published": f"2025-03-{rng.randint(1, 28):02d}"}


def writer(i: int, db: str, folder: str, seconds: float, per_file: int, start, out) -> None:
    from newsledger.errors import StoreError
    from newsledger.extract import Extractor
    from newsledger.ingest.ids import article_id
    from newsledger.pipeline import ingest
    from newsledger.store import Ledger

    rng = random.Random(i)
    extractor = Extractor()
    sent: list[str] = []
    refused: list[str] = []
    errors: list[str] = []
    stored = 0
    start.wait()
    end = time.monotonic() + seconds
    n = 0
    while time.monotonic() < end:
        recs = [article(rng, f"w{i}-{n}-{j}") for j in range(per_file)]
        path = Path(folder) / f"w{i}-{n}.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
        ids = [article_id(r["text"]) for r in recs]
        sent += ids
        try:
            with Ledger(db) as ledger:
                stored += ingest([str(path)], ledger, extractor, batch_size=4).stored
        except StoreError as e:
            refused += ids  # reported, with what was stored; not lost silently
            errors.append(str(e))
        except Exception as e:  # a crash is what this measures
            errors.append(f"{e.__class__.__name__}: {e}")
        n += 1
    out.put({"writer": i, "sent": sent, "refused": refused, "stored": stored, "errors": errors})


def reader(i: int, db: str, seconds: float, start, out) -> None:
    from newsledger.store import Ledger

    start.wait()
    end = time.monotonic() + seconds
    ok, errors = 0, Counter()
    while time.monotonic() < end:
        try:
            with Ledger(db, readonly=True) as ledger:
                rows = ledger.articles(limit=50)
                ledger.search("flooding")
                ledger.claims(about="homes", limit=20)
                ledger.quotes(by="Ferreira", limit=20)
                if rows:
                    ledger.extraction(rows[-1].id)
            ok += 1
        except Exception as e:
            msg = f"{e.__class__.__name__}: {e}"
            if "NL201" in msg and not ok:
                time.sleep(0.2)  # the writers have not created it yet (no file, or no schema committed)
                continue
            errors[msg[:160]] += 1
        time.sleep(0.05)
    out.put({"reader": i, "ok": ok, "errors": dict(errors)})


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seconds", type=float, default=120)
    ap.add_argument("--writers", type=int, default=4)
    ap.add_argument("--readers", type=int, default=4)
    ap.add_argument("--per-file", type=int, default=8, help="articles per ingest run of a writer")
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args()
    ctx = mp.get_context("spawn")
    from newsledger.store import Ledger

    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "shared.db")
        start, out = ctx.Event(), ctx.Queue()
        procs = [
            ctx.Process(target=writer, args=(i, db, tmp, args.seconds, args.per_file, start, out))
            for i in range(args.writers)
        ] + [ctx.Process(target=reader, args=(i, db, args.seconds, start, out)) for i in range(args.readers)]
        for p in procs:
            p.start()
        time.sleep(10)  # the writers load spaCy; then all start at once
        t0 = time.monotonic()
        start.set()
        results = [out.get(timeout=args.seconds + 900) for _ in procs]
        for p in procs:
            p.join(60)
        wall = time.monotonic() - t0
        with Ledger(db, readonly=True) as ledger:
            present = set(ledger.article_ids())
    ws = [r for r in results if "writer" in r]
    rs = [r for r in results if "reader" in r]
    sent = {a for w in ws for a in w["sent"]}
    refused = {a for w in ws for a in w["refused"]}
    lost = sent - present - refused
    writer_errors = [e for w in ws for e in w["errors"]]
    reader_errors = Counter()
    for r in rs:
        reader_errors.update(r["errors"])
    reads = sum(r["ok"] for r in rs)
    report = {
        "sent": len(sent),
        "present": len(present & sent),
        "refused": len(refused - present),
        "lost": len(lost),
        "writer_errors": writer_errors[:10],
        "reads": reads,
        "reader_errors": dict(reader_errors),
    }
    print(json.dumps(report, indent=1))
    body = (
        f"`python bench/concurrency.py --seconds {args.seconds:g}` on {time.strftime('%Y-%m-%d')} ({machine()}): "
        f"{args.writers} writer processes creating one new ledger at the same moment and then each ingesting "
        f"files of {args.per_file} new articles (read, extract, store, cross-article steps) one after another, "
        f"and {args.readers} reader processes listing, searching, filtering and reading articles, for "
        f"{wall:.0f} s in all.\n\n"
        "| measure | result | goal |\n|---|---|---|\n"
        f"| articles given to the writers | {len(sent):,} | |\n"
        f"| of them in the ledger at the end | {len(present & sent):,} | all |\n"
        f"| reported not stored (NL205, busy too long) | {len(refused - present)} | 0 |\n"
        f"| lost (neither stored nor reported) | {len(lost)} | 0 |\n"
        f"| writer errors | {len(writer_errors)} | 0 |\n"
        f"| reader rounds / reader errors | {reads:,} / {sum(reader_errors.values())} | – / 0 |\n"
    )
    print(body)
    if not args.no_write:
        write_section("Concurrent writers and readers", body)


if __name__ == "__main__":
    main()
