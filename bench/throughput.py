"""Throughput and peak memory of `extract` and `ingest`, against bare spaCy parsing in the same run.

usage: python bench/throughput.py [--n 2000] [--corpus ../shared/data/allsides/articles.jsonl.gz] [--no-write]

Each mode runs in its own process so its peak memory (max RSS) is its own:
  baseline  nlp.pipe over the texts (the same pipeline and batch size the extractor uses)
  extract   read JSONL -> Extractor.pipe -> contract JSON (what `newsledger extract` does)
  ingest    read JSONL -> extract -> a fresh SQLite ledger (what `newsledger ingest` does)
  breakdown parse once, then time each extractor on the parsed docs: where the time goes
Results go to BENCHMARKS.md (section "Throughput") unless --no-write.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "data" / "allsides" / "articles.jsonl.gz"
sys.path.insert(0, str(ROOT / "bench"))
from _report import machine, write_section  # noqa: E402


def sample(corpus: Path, n: int, out: Path) -> tuple[int, int]:
    """The first n articles with text, as contract JSONL; returns (articles, words)."""
    k = words = 0
    with gzip.open(corpus, "rt", encoding="utf-8") as f, open(out, "w", encoding="utf-8") as o:
        for line in f:
            d = json.loads(line)
            text = d.get("content_original") or ""
            if not text.strip():
                continue
            o.write(json.dumps({"text": text, "source": d.get("url") or f"allsides-{k}", "title": d.get("title"),
                                "published": (d.get("date") or "")[:10] or None}) + "\n")
            k += 1
            words += len(text.split())
            if k == n:
                break
    return k, words


def run_mode(mode: str, path: str) -> dict:
    from newsledger.extract import Extractor
    from newsledger.ingest import read_inputs

    t0 = time.perf_counter()
    ex = Extractor()
    load = time.perf_counter() - t0
    articles = list(read_inputs([path]))
    t = time.perf_counter()
    if mode == "baseline":
        n = sum(1 for _ in ex.nlp.pipe((a.body for a in articles), batch_size=ex.options.batch_size))
    elif mode == "extract":
        with open(os.devnull, "w") as out:
            n = 0
            for x in ex.pipe(articles):
                out.write(json.dumps(x.to_contract(), ensure_ascii=False) + "\n")
                n += 1
    elif mode == "ingest":
        from newsledger.pipeline import ingest
        from newsledger.store import Ledger

        with tempfile.TemporaryDirectory() as d, Ledger(Path(d) / "bench.db") as led:
            t = time.perf_counter()  # reading again inside ingest is part of its cost
            rep = ingest([path], led, ex)
            n = rep.stored
    elif mode == "breakdown":
        return breakdown(ex, articles)
    secs = time.perf_counter() - t
    return {"mode": mode, "articles": n, "seconds": secs, "load_seconds": load,
            "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def breakdown(ex, articles) -> dict:
    from newsledger.extract import claims, entities, events, quotes, times

    t = time.perf_counter()
    docs = list(ex.nlp.pipe((a.body for a in articles), batch_size=ex.options.batch_size))
    parse = time.perf_counter() - t
    cost = dict.fromkeys(["entities", "times", "quotes", "claims", "events"], 0.0)
    for doc, a in zip(docs, articles):
        t = time.perf_counter(); ents = entities.extract_entities(doc, a); cost["entities"] += time.perf_counter() - t
        t = time.perf_counter(); tms = times.extract_times(doc, a); cost["times"] += time.perf_counter() - t
        t = time.perf_counter(); qs = quotes.extract_quotes(doc, a, ents); cost["quotes"] += time.perf_counter() - t
        t = time.perf_counter(); claims.extract_claims(doc, a, ents, qs, tms); cost["claims"] += time.perf_counter() - t
        t = time.perf_counter(); events.extract_events(doc, a, ents, tms); cost["events"] += time.perf_counter() - t
    return {"mode": "breakdown", "parse_seconds": parse, "articles": len(docs), **cost}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--no-write", action="store_true")
    ap.add_argument("--mode", help=argparse.SUPPRESS)
    ap.add_argument("--path", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.mode:
        print(json.dumps(run_mode(args.mode, args.path)))
        return 0
    if not args.corpus.exists():
        print(f"corpus {args.corpus} is absent", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "sample.jsonl"
        n, words = sample(args.corpus, args.n, path)
        res = {}
        for mode in ("baseline", "extract", "ingest", "breakdown"):
            out = subprocess.run([sys.executable, __file__, "--mode", mode, "--path", str(path)],
                                 capture_output=True, text=True, check=True)
            res[mode] = json.loads(out.stdout.strip().splitlines()[-1])
            print(mode, res[mode], file=sys.stderr)
    rows = []
    base = n / res["baseline"]["seconds"]
    for mode in ("baseline", "extract", "ingest"):
        r = res[mode]
        aps = r["articles"] / r["seconds"]
        rows.append(f"| {mode} | {r['articles']} | {aps:.2f} | {words / r['seconds']:,.0f} | "
                    f"{r['max_rss_mb']:,.0f} | {aps / base:.2f}x |")
    b = res["breakdown"]
    parse = b["parse_seconds"]
    parts = " · ".join(f"{k} {b[k] / parse * 100:.1f}%" for k in ("entities", "times", "quotes", "claims", "events"))
    text = "\n".join([
        f"{date.today().isoformat()} · {machine()} · {n} allsides articles ({words:,} words) · "
        f"`python bench/throughput.py --n {args.n}`",
        "",
        "| mode | articles | articles/s | words/s | peak RSS MB | vs baseline |",
        "|---|---|---|---|---|---|",
        *rows,
        "",
        f"Where the time goes (share of spaCy parse time, {parse:.1f} s, spent in each extractor): {parts}.",
        f"Floor for ingest: 0.70x baseline; measured {res['ingest']['articles'] / res['ingest']['seconds'] / base:.2f}x.",
    ])
    print(text)
    if not args.no_write:
        write_section("Throughput", text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
