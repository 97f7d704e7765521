"""Draw quotes for a hand audit: N quotes of a ledger with a fixed seed, each with its sentence and speaker.

usage: python bench/audit_quotes.py --db LEDGER [--n 30] [--seed 13]

The draw is uniform over the ledger's quotes (ordered by article and offsets, then
`random.Random(seed).sample`), so the same ledger and seed give the same quotes. For each it prints the
content, cue and speaker (name, entity, span as written) and the paragraph around it, so that a reader can
judge whether it is an attribution, whether the content is what was said, and whether the speaker is the
party that says it. The printout holds article text: read it, do not commit it; record the judgement in
docs/attribution_audit.md.
"""

from __future__ import annotations

import argparse
import random
import sys


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--db", required=True)
    ap.add_argument("--n", type=int, default=30)
    ap.add_argument("--seed", type=int, default=13)
    args = ap.parse_args()
    import newsledger

    with newsledger.open(args.db) as led:
        quotes = []
        texts = {}
        for a in led.articles():
            x = led.extraction(a.id)
            texts[a.id] = x.article.text
            quotes += [(a.id, q) for q in x.quotes]
        quotes.sort(key=lambda p: (p[0], p[1].start, p[1].end))
        drawn = random.Random(args.seed).sample(quotes, min(args.n, len(quotes)))
        print(f"{len(drawn)} of {len(quotes)} quotes, seed {args.seed}, ledger {args.db}\n")
        for i, (aid, q) in enumerate(drawn, 1):
            text = texts[aid]
            p0 = text.rfind("\n", 0, q.start) + 1
            p1 = text.find("\n", q.end)
            p1 = len(text) if p1 == -1 else p1
            sp = q.speaker
            written = text[sp.start : sp.end] if sp and sp.start is not None else None
            print(f"## {i}. article {aid} [{q.start}:{q.end}] {q.kind}")
            print(
                f"   cue {q.cue.text if q.cue else None!r}; speaker {sp.name if sp else None!r}"
                f" ({sp.entity if sp else None}; as written {written!r})"
            )
            print(f"   content: {q.text[:300]!r}")
            print(f"   > {text[max(p0, q.start - 400) : min(p1, q.end + 300)]}")
            print()
    sys.stdout.flush()


if __name__ == "__main__":
    main()
