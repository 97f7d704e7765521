"""Right figures by measure and by number of statements, over the hand audits in docs/figures_audit.md.

usage: python bench/audit_by_measure.py [--min-step 29]

Reads each audit section's verdict table ("| # | figure id | measure (counted) | statements | verdict | why |") of
the audits at figures step version --min-step or later, and counts "right" (borderline included) against all, by
measure and by one statement against two or more: where the ledger's shown figures go wrong most often.
"""

from __future__ import annotations

import argparse
import re
from collections import defaultdict
from pathlib import Path

DOC = Path(__file__).resolve().parents[1] / "docs" / "figures_audit.md"
_HEAD = re.compile(r"^\S+ audit: seed (\d+), figures step version (\d+)")


def tally(text: str, min_step: int) -> tuple[dict[str, list[int]], dict[str, list[int]], int]:
    by_measure: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    by_statements: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    audits = 0
    for section in re.split(r"\n## ", text):
        m = _HEAD.match(section)
        if not m or int(m.group(2)) < min_step:
            continue
        audits += 1
        for line in section.split("\n"):
            cells = [c.strip() for c in line.split("|")]
            if len(cells) < 7 or not cells[1].isdigit():
                continue
            right = cells[5].startswith("right")
            measure = cells[3].split("(")[0].strip()
            # "2: 4, Police, ...; 5, ..." gives the count; later audits list the statements alone, ";" apart
            n = re.match(r"(\d+):", cells[4])
            statements = int(n.group(1)) if n else cells[4].count(";") + 1
            count = "one statement" if statements == 1 else "two or more"
            for table, key in ((by_measure, measure), (by_statements, count)):
                table[key][0] += right
                table[key][1] += 1
    return by_measure, by_statements, audits


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--min-step", type=int, default=29)
    args = ap.parse_args()
    by_measure, by_statements, audits = tally(DOC.read_text(encoding="utf-8"), args.min_step)
    print(f"{audits} audits at figures step {args.min_step} or later")
    for table in (by_measure, by_statements):
        for key, (right, n) in sorted(table.items(), key=lambda kv: -kv[1][1]):
            print(f"  {key:<16} {right:>4} of {n:<4} right")


if __name__ == "__main__":
    main()
