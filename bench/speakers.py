"""How often a stored quote has no speaker, an unresolved one, or a speaker name that names no party.

usage: python bench/speakers.py --db LEDGER [--before OLDER_LEDGER] [--write]

Counts every quote of the ledger: with no speaker at all; with a speaker span but no name (an unresolved
pronoun or a list label, contract `name: null`); with a name that is a pronoun or relative ("who", "I", "we")
or an upper-case label ("TARGET") (what the issue counts as non-parties); and the rest. --write puts the
figures in BENCHMARKS.md (section "Speakers"). --before: the same articles extracted by an older newsledger,
counted beside.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from _report import machine, write_section  # noqa: E402

PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "who", "which", "that", "him", "her", "them", "us", "me"}
LABEL = re.compile(r"[A-Z][A-Z'’-]{3,}")


def count(db: str) -> dict[str, int]:
    from newsledger.store import Ledger

    out = {"quotes": 0, "no speaker": 0, "speaker without a name": 0, "pronoun or label as name": 0, "named": 0}
    with Ledger(db, readonly=True) as led:
        for c in led.quotes():
            q = c.record
            out["quotes"] += 1
            s = q.speaker
            if s is None:
                out["no speaker"] += 1
            elif s.name is None and s.entity is None:
                out["speaker without a name"] += 1
            elif (s.name or "").strip().lower() in PRONOUNS or LABEL.fullmatch((s.name or "").strip()):
                out["pronoun or label as name"] += 1
            else:
                out["named"] += 1
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--db", required=True)
    ap.add_argument("--before")
    ap.add_argument("--write", action="store_true")
    args = ap.parse_args()
    runs = [("", args.db)] + ([("before: ", args.before)] if args.before else [])
    counts = [(label, db, count(db)) for label, db in runs]
    lines = [f"`python bench/speakers.py {' '.join(sys.argv[1:])}`. Machine: {machine()}.", ""]
    lines.append("| quotes | " + " | ".join(f"{label}`{db}`" for label, db, _ in counts) + " |")
    lines.append("|---|" + "---|" * len(counts))
    for k in counts[0][2]:
        cells = [f"{c[k]} ({c[k] / (c['quotes'] or 1):.1%})" if k != "quotes" else str(c[k]) for _, _, c in counts]
        lines.append(f"| {k} | " + " | ".join(cells) + " |")
    text = "\n".join(lines)
    print(text)
    if args.write:
        write_section("Speakers", text)


if __name__ == "__main__":
    main()
