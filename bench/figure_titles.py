"""How shown figures' titles name their incident: an event, a place, both, or only the headline.

usage: python bench/figure_titles.py --db LEDGER [--base OTHER_LEDGER] [--list] [--write-benchmarks]

Counts, over a ledger's shown figures, titles that name an event ("killed in the Orvin shooting", "Hurricane
Harvey"), a place (the stored place, written in the title), both, neither (a place alone is "place", the
headline quoted is "headline"), and titles dated by the report ("reported 2025-03-02") rather than by the
day the count's sentence gives. The audits (docs/figures_audit.md) count a title that names no event or no
place as a fault; this is the count a script can make of it, not a judgement of whether the event is the
right one. With --base, also how many titles differ between two ledgers of the same articles (figure ids
are stable across rebuilds), and with --list each title, for reading (it holds headline text: do not commit).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))


def kinds(title: str, place: str | None) -> tuple[str, bool]:
    """(what the title names: "event+place", "event", "place", "headline" or "none"; dated by the report)."""
    from newsledger.reconcile import figures

    head = title.split(", reported ")[0]
    if "“" in head:
        what = "headline"
    else:
        event = bool(figures._EVENT_WORD.search(head) or figures._NAMED_STORM.search(head)) or " Fire" in head
        named = bool(place and place in head)
        what = "event+place" if event and named else "event" if event else "place" if named else "none"
    return what, ", reported " in title


def titles(db: str) -> dict[str, tuple[str, str | None]]:
    import newsledger

    with newsledger.open(db) as led:
        return {f.id: (f.incident.title, f.incident.place) for f in led.figures() if f.incident}


KINDS = ("event+place", "event", "place", "headline", "none")


def summary(got: dict[str, tuple[str, str | None]]) -> Counter:
    count = Counter(kinds(t, p)[0] for t, p in got.values())
    count["dated by the report"] = sum(kinds(t, p)[1] for t, p in got.values())
    return count


def write_benchmarks(db: str, base: str | None, rows: list[Counter], sizes: list[int]) -> None:
    from _report import machine, write_section
    from newsledger.reconcile import VERSIONS

    head = "| titles name | this ledger |" + (" base ledger |" if base else "")
    lines = [head, "|---|---|" + ("---|" if base else "")]
    for what in (*KINDS, "dated by the report"):
        lines.append(f"| {what} | " + " | ".join(f"{r[what]} of {n}" for r, n in zip(rows, sizes, strict=True)) + " |")
    body = (
        f"`bench/figure_titles.py --db {db}" + (f" --base {base}" if base else "") + "`: what the titles of a "
        f"ledger's shown figures name (figures step {VERSIONS['figures']} here; the base ledger as it was built). "
        f"A count of form, not a judgement of whether the event named is the right one. "
        f"{datetime.now(UTC):%Y-%m-%d}, {machine()}.\n\n" + "\n".join(lines)
    )
    write_section("Figure titles", body)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--db", required=True)
    ap.add_argument("--base", help="a ledger of the same articles to compare titles with")
    ap.add_argument("--list", action="store_true", help="print every title (holds headline text)")
    ap.add_argument("--write-benchmarks", action="store_true", help="write the counts into BENCHMARKS.md")
    args = ap.parse_args()
    got = titles(args.db)
    rows = [summary(got)] + ([summary(titles(args.base))] if args.base else [])
    print(f"{len(got)} shown figures in {args.db}")
    for what in (*KINDS, "dated by the report"):
        print(f"  {what:20} {rows[0][what]:4} ({rows[0][what] / max(len(got), 1):.0%})")
    if args.write_benchmarks:
        sizes = [len(got)] + ([len(titles(args.base))] if args.base else [])
        write_benchmarks(args.db, args.base, rows, sizes)
    if args.base:
        base = titles(args.base)
        both = got.keys() & base.keys()
        changed = [fid for fid in sorted(both) if got[fid][0] != base[fid][0]]
        print(
            f"  {len(changed)} of {len(both)} figures in both ledgers have another title ({len(got.keys() - both)} new)"
        )
        if args.list:
            for fid in changed:
                print(f"    {fid}: {base[fid][0]!r} -> {got[fid][0]!r}")
    if args.list and not args.base:
        for fid, (t, p) in sorted(got.items()):
            print(f"    {fid} {kinds(t, p)[0]:12} {t!r} (place {p})")


if __name__ == "__main__":
    main()
