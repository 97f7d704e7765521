"""Draw figures for a hand audit: N figures of a ledger with a fixed seed, each with every claim's sentence.

usage: python bench/audit_figures.py --db LEDGER [--n 20] [--seed 2026] [--min-claims 1] > audit.txt
       python bench/audit_figures.py --articles OUT.jsonl [--skip 1000] [--count 1000]

The second form writes the articles a ledger for an audit is ingested from: allsides articles with text, in
corpus order, after the first --skip of them (the way bench/throughput.py samples them).

The draw is uniform over the ledger's figures with at least --min-claims statements (ordered by id, then
`random.Random(seed).sample`), so the same ledger and seed give the same figures. For each figure it prints
its incident, low / best / high, parties, and every statement with the sentence it came from and where (article
id and offsets), so that a reader can judge whether the figure is one quantity of one incident with each value
credited to one party. The printout holds article text: read it, do not commit it; record the judgement in
docs/figures_audit.md.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--db")
    ap.add_argument("--articles", type=Path, help="write allsides articles as JSONL here, and stop")
    ap.add_argument("--skip", type=int, default=0)
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--n", type=int, default=20)
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--min-claims", type=int, default=1)
    args = ap.parse_args()
    if args.articles:
        sys.path.insert(0, str(ROOT / "bench"))
        from throughput import sample

        n, _ = sample(
            ROOT.parent / "shared" / "data" / "allsides" / "articles.jsonl.gz", args.count, args.articles, args.skip
        )
        print(f"{n} articles -> {args.articles}")
        return
    if not args.db:
        ap.error("--db is required")
    import newsledger
    from newsledger.present import figure as shown

    with newsledger.open(args.db) as led:
        figs = sorted((f for f in led.figures() if len(f.claims) >= args.min_claims), key=lambda f: f.id)
        drawn = random.Random(args.seed).sample(figs, min(args.n, len(figs)))
        print(
            f"{len(drawn)} of {len(figs)} figures with >= {args.min_claims} statements, seed {args.seed}, "
            f"ledger {args.db} ({len(led.articles())} articles)\n"
        )
        for i, f in enumerate(drawn, 1):
            title = f.incident.title if f.incident else ""
            print(f"## {i}. figure {f.id}: {f.measure} ({f.counted}{', ' + f.part if f.part else ''}) {title}")
            print(
                f"low {f.low} best {f.best} high {f.high}; {f.sources} parties: {', '.join(f.parties)}"
                + (f"; part of {f.part_of}" if f.part_of else "")
            )
            for c in f.claims:
                x = led.store.extraction(c.article)
                # The statement's own claim row (an article can hold the same number twice).
                row = next((k for k in led.store.claims(article=c.article) if k.row == c.claim), None)
                claim = row.record if row else None
                s0, s1 = (
                    (claim.sentence_start, claim.sentence_end) if claim and claim.sentence_start is not None else (0, 0)
                )
                sentence = x.article.text[s0:s1].replace("\n", " ").strip()
                print(
                    f"  - {shown(c.value, c.qualifier)} [{c.text}] party {c.party_name or '(outlet)'}"
                    f" (as written: {c.source}){' relayed by ' + c.relayed_by if c.relayed_by else ''}"
                    f"; {c.published}; article {c.article} [{s0}:{s1}] {x.article.source}; "
                    f"{len(c.mentions)} mention(s)"
                )
                print(f"      {x.article.title!r}")
                print(f"      > {sentence}")
            print()
    sys.stdout.flush()


if __name__ == "__main__":
    main()
