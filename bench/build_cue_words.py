#!/usr/bin/env python3
"""How often each word is a cue in PolNeAR TRAIN: the saying and thinking words outside the lexicon.

usage: build_cue_words.py [SPLIT_DIR] [--out TSV] [--min N]

For every lower-cased word form, counts how often it stands inside a gold Cue span and how often it occurs
in the split's texts at all. The attribution post-filter (`attribution/filters.py`) keeps a verb outside
the lexicon as a cue only where its form is a cue often enough here ("bemoaned", "lambasted" are; "marked",
"left", "opening" are not). Only counts go into the TSV (no text); words seen under --min times are left
out (the filter gives a rare verb the benefit of the doubt). Needs no parse: it reads the .ann files and the texts.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SPLIT = ROOT.parent / "shared" / "data" / "polnear" / "train"
OUT = ROOT / "src" / "newsledger" / "extract" / "attribution" / "data" / "cue_words.tsv"
WORD = re.compile(r"[a-z][a-z'’-]*")


def counts(split: Path) -> tuple[Counter, Counter]:
    """(cue counts, occurrence counts) per word form; the first annotator's file of each article."""
    cue: Counter = Counter()
    occ: Counter = Counter()
    seen: set[str] = set()
    for ann in sorted((split / "attributions").glob("*.ann")):
        base = ann.name.rsplit("_", 1)[0]
        text = split / "text" / f"{base}.txt"
        if base in seen or not text.exists():
            continue
        seen.add(base)
        occ.update(WORD.findall(text.read_text(encoding="utf-8").lower()))
        for line in ann.read_text(encoding="utf-8").splitlines():
            f = line.split("\t")
            if len(f) == 3 and f[0].startswith("T") and f[1].startswith("Cue "):
                cue.update(WORD.findall(f[2].lower()))
    return cue, occ


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("split", nargs="?", type=Path, default=DEFAULT_SPLIT)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--min", type=int, default=5, help="least occurrences of a form to be written")
    args = ap.parse_args(argv)
    if not (args.split / "attributions").is_dir():
        raise SystemExit(f"no split at {args.split} (needs text/ and attributions/)")
    cue, occ = counts(args.split)
    rows = sorted((w, cue[w], max(n, cue[w])) for w, n in (occ + cue).items() if max(n, cue[w]) >= args.min)
    with open(args.out, "w", encoding="utf-8") as f:
        f.write(f"# built by bench/build_cue_words.py from {args.split.name}: form, times a cue, occurrences\n")
        f.writelines(f"{w}\t{c}\t{n}\n" for w, c, n in rows)
    print(f"{len(rows)} forms -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
