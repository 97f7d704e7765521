"""Ingest with N processes against bare spaCy with N processes, and the Ray engine against --workers, in one run.

usage: python bench/scale.py [--n 120] [--workers 2] [--rounds 2] [--no-write]

Modes, each over the same N allsides articles, each end to end as a user runs it (worker start-up and
model loading included, a fresh ledger each time), in rounds, each round in a rotated order, so that the load
from other work on the machine falls on all alike:
  spacy     bare spaCy `nlp.pipe(bodies, n_process=W)`, the full pipeline (what issue 14 measures against)
  workers   `ingest --workers W` (local processes)
  ray-1     `ingest --engine ray --workers 1` on a local Ray cluster of W CPUs
  ray-W     `ingest --engine ray --workers W`
Peak memory per worker: the largest VmHWM of a Ray actor, and of the local worker processes.
Results go to BENCHMARKS.md (section "Scale: workers and Ray") unless --no-write.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "src"))
from _report import machine, write_section  # noqa: E402
from throughput import DEFAULT_CORPUS, sample  # noqa: E402


def run(mode: str, path: Path, workers: int, nlp, d: str) -> int:
    from newsledger.extract import ExtractOptions, Extractor
    from newsledger.ingest import read_inputs
    from newsledger.pipeline import ingest
    from newsledger.store import Ledger

    if mode == "spacy":
        bodies = [a.body for a in read_inputs([str(path)])]
        return sum(1 for _ in nlp.pipe(bodies, batch_size=32, n_process=workers))
    n = 1 if mode == "ray-1" else workers
    options = ExtractOptions(n_process=n, engine="ray" if mode.startswith("ray") else "local")
    with Ledger(Path(d) / f"{mode}-{time.monotonic_ns()}.db") as led:
        return ingest([str(path)], led, Extractor(options, nlp=nlp)).stored


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=120)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args()
    if not args.corpus.exists():
        print(f"corpus {args.corpus} is absent", file=sys.stderr)
        return 2
    import ray

    from newsledger.extract import ray_engine
    from newsledger.extract.nlp import load_pipeline

    w = args.workers
    ray.init(num_cpus=w, include_dashboard=False, log_to_driver=False)
    nlp = load_pipeline()
    modes = ["spacy", "workers", "ray-1", f"ray-{w}"]
    secs = dict.fromkeys(modes, 0.0)
    ray_peak = 0.0
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "sample.jsonl"
        n, words = sample(args.corpus, args.n, path)
        for r in range(args.rounds):
            for m in modes[r % len(modes) :] + modes[: r % len(modes)]:  # rotated: no mode always goes first
                t = time.perf_counter()
                got = run(m, path, w, nlp, d)
                secs[m] += time.perf_counter() - t
                assert got == n, (m, got, n)
                if m.startswith("ray"):
                    ray_peak = max([ray_peak, *ray_engine.LAST_PEAKS_MB])
                print(r, m, f"{secs[m]:.1f} s", file=sys.stderr)
    local_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    ray.shutdown()
    text = report(n, words, w, secs, ray_peak, local_peak, args)
    print(text)
    if not args.no_write:
        write_section("Scale: workers and Ray", text)
    return 0


def report(n, words, w, secs, ray_peak, local_peak, args) -> str:
    aps = {m: n * args.rounds / s for m, s in secs.items()}
    rows = [f"| {m} | {secs[m]:.1f} | {aps[m]:.2f} |" for m in secs]
    return "\n".join(
        [
            f"{date.today().isoformat()} · {machine()} · {n} allsides articles ({words:,} words), each mode end to end "
            f"(start-up and model loading included), {args.rounds} rounds in rotated order · "
            f"`python bench/scale.py --n {args.n} --workers {w} --rounds {args.rounds}`",
            "",
            f"| mode (W = {w}) | seconds (all rounds) | articles/s |",
            "|---|---|---|",
            *rows,
            "",
            f"ingest --workers {w} vs bare spaCy with {w} processes: {aps['workers'] / aps['spacy']:.2f}x (goal 3.0x) · "
            f"Ray {w} vs 1 workers: {aps[f'ray-{w}'] / aps['ray-1']:.2f}x (goal 1.7x) · Ray vs --workers on the same "
            f"cores: {aps[f'ray-{w}'] / aps['workers']:.2f}x (goal 0.9x).",
            f"Peak memory per worker: Ray actor {ray_peak:,.0f} MB, local worker process {local_peak:,.0f} MB (goal < 1,500).",
        ]
    )


if __name__ == "__main__":
    sys.exit(main())
