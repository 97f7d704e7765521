"""Throughput and peak memory of `extract` and `ingest`, against bare spaCy parsing in the same run.

usage: python bench/throughput.py [--n 2000] [--corpus ../shared/data/allsides/articles.jsonl.gz] [--no-write]

Three modes over the same articles:
  baseline  nlp.pipe over the texts (the same pipeline and batch size the extractor uses)
  extract   read JSONL -> Extractor.pipe -> contract JSON (what `newsledger extract` does)
  ingest    read JSONL -> extract -> a fresh SQLite ledger, then reconcile (what `newsledger ingest` does)
Speed: one process runs the three modes in turn (rotating which goes first) on each chunk of 50 articles,
so that load from other work on the machine falls on all three alike (run one after the other, the
ratios moved by 40% here).
Memory: each mode also runs alone in its own process on the first 200 articles, for its peak RSS.
Breakdown: parse once, then time each extractor on the parsed docs: where the time goes.
Results go to BENCHMARKS.md (section "Throughput") unless --no-write.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
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


def sample(corpus: Path, n: int, out: Path, skip: int = 0) -> tuple[int, int]:
    """The first n articles with text (after the first `skip` of them), as contract JSONL; returns (articles,
    words)."""
    k = words = 0
    with gzip.open(corpus, "rt", encoding="utf-8") as f, open(out, "w", encoding="utf-8") as o:
        for line in f:
            d = json.loads(line)
            text = d.get("content_original") or ""
            if not text.strip():
                continue
            if skip:
                skip -= 1
                continue
            o.write(
                json.dumps(
                    {
                        "text": text,
                        "source": d.get("url") or f"allsides-{k}",
                        "title": d.get("title"),
                        "published": (d.get("date") or "")[:10] or None,
                    }
                )
                + "\n"
            )
            k += 1
            words += len(text.split())
            if k == n:
                break
    return k, words


def _run(mode: str, ex, path: str, ledger=None) -> int:
    from newsledger.ingest import read_inputs
    from newsledger.pipeline import ingest

    if mode == "baseline":
        bodies = [a.body for a in read_inputs([path])]
        return sum(1 for _ in ex.nlp.pipe(bodies, batch_size=ex.options.batch_size))
    if mode == "extract":
        n = 0
        with open(os.devnull, "w") as out:
            for x in ex.pipe(read_inputs([path])):
                out.write(json.dumps(x.to_contract(), ensure_ascii=False) + "\n")
                n += 1
        return n
    return ingest([path], ledger, ex).stored


def run_mode(mode: str, paths: list[str]) -> dict:
    """One mode alone (memory), or all three alternating chunk by chunk (speed)."""
    from newsledger.extract import Extractor
    from newsledger.store import Ledger

    ex = Extractor()
    modes = ("baseline", "extract", "ingest") if mode == "alternate" else (mode,)
    secs = dict.fromkeys(modes, 0.0)
    counts = dict.fromkeys(modes, 0)
    with tempfile.TemporaryDirectory() as d, Ledger(Path(d) / "bench.db") as led:
        list(ex.nlp.pipe(["A warm-up sentence, so the first timed mode pays no start-up cost."] * 8))
        for i, path in enumerate(paths):
            for m in modes[i % len(modes) :] + modes[: i % len(modes)]:  # rotate: no mode always goes first
                t = time.perf_counter()
                counts[m] += _run(m, ex, path, led)
                secs[m] += time.perf_counter() - t
    return {
        "mode": mode,
        "seconds": secs,
        "articles": counts,
        "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def breakdown(paths: list[str]) -> dict:
    from newsledger.extract import Extractor, claims, entities, events, quotes, times
    from newsledger.ingest import read_inputs

    ex = Extractor()
    articles = list(read_inputs(paths))
    t = time.perf_counter()
    docs = list(ex.nlp.pipe((a.body for a in articles), batch_size=ex.options.batch_size))
    parse = time.perf_counter() - t
    cost = dict.fromkeys(["entities", "times", "quotes", "claims", "events"], 0.0)
    for doc, a in zip(docs, articles):
        t = time.perf_counter()
        ents = entities.extract_entities(doc, a)
        cost["entities"] += time.perf_counter() - t
        t = time.perf_counter()
        tms = times.extract_times(doc, a)
        cost["times"] += time.perf_counter() - t
        t = time.perf_counter()
        qs = quotes.extract_quotes(doc, a, ents)
        cost["quotes"] += time.perf_counter() - t
        t = time.perf_counter()
        claims.extract_claims(doc, a, ents, qs, tms)
        cost["claims"] += time.perf_counter() - t
        t = time.perf_counter()
        events.extract_events(doc, a, ents, tms)
        cost["events"] += time.perf_counter() - t
    return {"mode": "breakdown", "parse_seconds": parse, "articles": len(docs), **cost}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--no-write", action="store_true")
    ap.add_argument("--mode", help=argparse.SUPPRESS)
    ap.add_argument("--paths", nargs="*", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.mode:
        res = breakdown(args.paths) if args.mode == "breakdown" else run_mode(args.mode, args.paths)
        print(json.dumps(res))
        return 0
    if not args.corpus.exists():
        print(f"corpus {args.corpus} is absent", file=sys.stderr)
        return 2

    def child(mode: str, paths: list[Path]) -> dict:
        out = subprocess.run(
            [sys.executable, __file__, "--mode", mode, "--paths", *map(str, paths)],
            capture_output=True,
            text=True,
            check=True,
        )
        r = json.loads(out.stdout.strip().splitlines()[-1])
        print(mode, r, file=sys.stderr)
        return r

    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "sample.jsonl"
        n, words = sample(args.corpus, args.n, path)
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        chunks = []
        for i in range(0, len(lines), 50):
            chunks.append(Path(d) / f"chunk{i // 50:04d}.jsonl")
            chunks[-1].write_text("".join(lines[i : i + 50]), encoding="utf-8")
        speed = child("alternate", chunks)
        memory = {m: child(m, chunks[:4])["max_rss_mb"] for m in ("baseline", "extract", "ingest")}
        b = child("breakdown", chunks[:4])
    secs, counts = speed["seconds"], speed["articles"]
    base = counts["baseline"] / secs["baseline"]
    rows = []
    for mode in ("baseline", "extract", "ingest"):
        aps = counts[mode] / secs[mode]
        rows.append(
            f"| {mode} | {counts[mode]} | {aps:.2f} | {words / secs[mode]:,.0f} | "
            f"{memory[mode]:,.0f} | {aps / base:.2f}x |"
        )
    parse = b["parse_seconds"]
    parts = " · ".join(f"{k} {b[k] / parse * 100:.1f}%" for k in ("entities", "times", "quotes", "claims", "events"))
    ratio = counts["ingest"] / secs["ingest"] / base
    text = "\n".join(
        [
            f"{date.today().isoformat()} · {machine()} · {n} allsides articles ({words:,} words), modes alternating "
            f"per 50-article chunk · `python bench/throughput.py --n {args.n}`",
            "",
            "| mode | articles | articles/s | words/s | peak RSS MB (200 articles, alone) | vs baseline |",
            "|---|---|---|---|---|---|",
            *rows,
            "",
            f"Where the time goes (share of the spaCy parse time of {b['articles']} articles, {parse:.1f} s, spent in "
            f"each extractor): {parts}. The rest of ingest is reading, SQLite writes and reconciliation.",
            f"Floor for ingest: 0.70x baseline; measured {ratio:.2f}x.",
        ]
    )
    print(text)
    if not args.no_write:
        write_section("Throughput", text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
