#!/usr/bin/env python3
"""What each rule of the quote post-filter (`attribution/filters.py`) does on PolNeAR: all rules, none, and
each left out, scored by the reference scorers.

usage: quote_filters.py [SPLIT_DIR] [--record] [--cache DIR]

The split (default ../shared/data/polnear/dev) is parsed once (spaCy DocBin under --cache, default
/tmp/newsledger-quote-filters, outside the repository); each configuration then re-runs the extraction on
the parsed docs and scores it with ../shared/tools/scorers (content overlap, source exact, claim sources),
as bench/eval_attribution.py does. A rule is worth keeping when leaving it out lowers precision more than
it raises recall. --record writes the table into BENCHMARKS.md (section "Quote filters").
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from _report import machine, write_section  # noqa: E402
from eval_attribution import DEFAULT_SPLIT, readable_split, score  # noqa: E402


def parsed(split: Path, cache: Path, extractor):
    """(articles, parsed parts, docs) of the split, parsed once."""
    from spacy.tokens import DocBin

    from newsledger.extract.pipeline import parsed_part
    from newsledger.ingest.readers import read_text_file

    path = cache / f"{split.parent.name}-{split.name}.pkl"
    if not path.exists():
        cache.mkdir(parents=True, exist_ok=True)
        arts = [read_text_file(str(p)) for p in sorted((split / "text").glob("*.txt"))]
        parts = [parsed_part(a) for a in arts]
        bin_ = DocBin(store_user_data=True)
        for d in extractor.parse([p.body for p in parts]):
            bin_.add(d)
        path.write_bytes(pickle.dumps((arts, parts, bin_.to_bytes())))
    arts, parts, raw = pickle.loads(path.read_bytes())
    return arts, parts, list(DocBin().from_bytes(raw).get_docs(extractor.nlp.vocab))


def run(split: Path, data, extractor, rules: frozenset[str], tmp: Path) -> dict:
    from newsledger.extract.attribution import filters

    filters.RULES = rules
    out = tmp / "extract.jsonl"
    with open(out, "w", encoding="utf-8") as f:
        for a, p, d in zip(*data):
            f.write(json.dumps(extractor._extraction(d, p, a).to_contract(), ensure_ascii=False) + "\n")
    return score(readable_split(split, tmp), out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("split", nargs="?", type=Path, default=DEFAULT_SPLIT)
    ap.add_argument("--record", action="store_true")
    ap.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "newsledger-quote-filters")
    args = ap.parse_args(argv)
    if not (args.split / "text").is_dir():
        raise SystemExit(f"no split at {args.split} (needs text/ and attributions/)")
    from newsledger.extract.attribution import filters
    from newsledger.extract.pipeline import Extractor

    extractor = Extractor()
    data = parsed(args.split, args.cache, extractor)
    every = filters.RULES
    configs = [("all rules", every), ("no rules", frozenset())] + [(f"without {r}", every - {r}) for r in sorted(every)]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, rules in configs:
            res = run(args.split, data, extractor, rules, Path(tmp))
            c, s, cl = res["content-overlap"], res["source-exact"], res.get("claim_sources", {})
            rows.append(
                f"| {name} | {c['p']:.3f} | {c['r']:.3f} | {c['f1']:.3f} | {s['f1']:.3f} | "
                f"{cl.get('hit', 0)}/{cl.get('total', 0)} ({cl.get('rate', 0):.3f}) |"
            )
            print(rows[-1], flush=True)
    filters.RULES = every
    if args.record:
        when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
        table = "\n".join(rows)
        write_section(
            "Quote filters",
            f"""Script: `bench/quote_filters.py {args.split.parent.name}/{args.split.name} --record`; run {when} on {machine()}.
The post-filter over the tagger's and the rules' quotes (`attribution/filters.py`: cues that are no
attribution dropped, contents mended) on PolNeAR {args.split.name}, with all its rules, none, and each left
out; scored by `../shared/tools/scorers` (content overlap P/R/F1, source exact F1, claim sources).

| rules | content P | content R | content F1 | source exact F1 | claim sources |
|---|---|---|---|---|---|
{table}
""",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
