"""Draw events for a hand audit: N events of the first 1,000 allsides articles with a fixed seed.

usage: python bench/audit_events.py [--db LEDGER | --articles 1000] [--n 30] [--seed 13]

With --db, the events are those a ledger holds (an ingest of the first 1,000 allsides lines, with their
dates); without it, the articles are extracted as `newsledger extract` does (published 2019-01-01), and only the asserted events
(the ones a ledger keeps, extract 21) are drawn. Events are ordered by article and offsets and drawn with `random.Random(seed).sample`, so the same
code, articles and seed give the same events. Each prints with its type, mode, status, roles, time and
magnitude and the sentence around it, to judge type, roles, place, date and whether it happened. The
printout holds article text: read it, do not commit it; the judgement goes to docs/events_audit.md.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ALLSIDES = ROOT.parent / "shared" / "data" / "allsides" / "articles.jsonl.gz"


def articles(n: int):
    from newsledger.ingest.readers import text_article

    out = []
    with gzip.open(ALLSIDES, "rt", encoding="utf-8") as f:
        for line in f:
            text = json.loads(line).get("content_original") or ""
            if text.strip():
                out.append(text_article(text, f"allsides-{len(out)}", date(2019, 1, 1)))
            if len(out) >= n:
                break
    return out


def _role(r) -> str:
    return "None" if r is None else f"{r.name!r} ({r.entity}; {r.sector}; {r.country})"


def _extractions(args):
    if args.db:
        import newsledger

        with newsledger.open(args.db) as led:
            yield from led.store.extractions()
        return
    from newsledger.extract import Extractor

    yield from Extractor().pipe(articles(args.articles))


def _place(places, i) -> str:
    if i is None or i >= len(places):
        return "None"
    p = places[i]
    return f"{p.text!r} [{p.start}:{p.end}] = {p.name} ({p.country}; {p.lat}, {p.lon})"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--n", type=int, default=30)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--db", default=None, help="draw from the events this ledger holds")
    args = ap.parse_args()
    texts, places, events = {}, {}, []
    for x in _extractions(args):
        if hasattr(x, "events"):
            texts[x.article.id] = x.article.text
            places[x.article.id] = getattr(x, "places", ())
            events += [(x.article.id, e) for e in x.events if e.asserted]  # what the ledger keeps
    events.sort(key=lambda p: (p[0], p[1].start, p[1].end, p[1].type))
    drawn = random.Random(args.seed).sample(events, min(args.n, len(events)))
    print(f"{len(drawn)} of {len(events)} events in {len(texts)} articles, seed {args.seed}\n")
    for i, (aid, e) in enumerate(drawn, 1):
        text = texts[aid]
        s0 = max(text.rfind(". ", 0, e.start) + 2, text.rfind("\n", 0, e.start) + 1, e.start - 400)
        s1 = min(p for p in (text.find(". ", e.end), text.find("\n", e.end), e.end + 300, len(text)) if p >= 0)
        print(f"## {i}. {aid} [{e.start}:{e.end}] {e.trigger!r} {e.type}/{e.mode} {e.status} time={e.time}")
        print(f"   actor {_role(e.actor)}; target {_role(e.target)}; dead={e.dead} injured={e.injured} size={e.size}")
        print(f"   place {_place(places[aid], e.place)}")
        print(f"   > {text[s0 : s1 + 1]}\n")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
