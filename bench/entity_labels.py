"""PERSON labels the model gives to places, facilities and companies: how many the correction changes, and a
random draw of the PERSON entities left, for a hand check (docs/entities.md, "PERSON labels").

usage: python bench/entity_labels.py [--n 1000] [--draw 30] [--seed 17] [--write]

Runs spaCy's NER (the parser off: only the entity labels matter here) on the demo samples and on the first
--n allsides articles with text, labels every entity as the model does and as newsledger does after its
correction (extract/labels.py), counts both, and prints --draw PERSON entities drawn with --seed from the
corrected ones of the allsides articles, each with the words around its first mention (on stdout only: the
corpus text stays out of the repository). --write puts the counts in BENCHMARKS.md ("Entity labels").
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
from collections import Counter
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from _report import machine, write_section  # noqa: E402

CORPUS = ROOT.parent / "shared" / "data" / "allsides" / "articles.jsonl.gz"


def allsides(n: int) -> list[tuple[str, str]]:
    out = []
    with gzip.open(CORPUS, "rt", encoding="utf-8") as f:
        for line in f:
            text = json.loads(line).get("content_original") or ""
            if text.strip():
                out.append((f"allsides-{len(out)}", text))
            if len(out) == n:
                break
    return out


def samples() -> list[tuple[str, str]]:
    from newsledger.ingest import read_inputs
    from newsledger.models import Article

    return [(a.id, a.text) for a in read_inputs([str(ROOT / "samples")]) if isinstance(a, Article)]


def label(nlp, docs: list[tuple[str, str]]):
    """(key, text, name, start, model label, corrected label) of each entity span (first mention per name)."""
    from newsledger.extract.entities import LABELS, _repair
    from newsledger.extract.labels import corrected_labels

    rows = []
    for (key, text), doc in zip(docs, nlp.pipe((t for _, t in docs), batch_size=32)):
        spans = [(*_repair(text, e.start_char, e.end_char), e.label_) for e in doc.ents if e.label_ in LABELS]
        spans = [s for s in spans if any(c.isalpha() for c in text[s[0] : s[1]])]
        seen = set()
        for (s, e, model), ours in zip(spans, corrected_labels(text, spans)):
            if (name := text[s:e]) not in seen:
                seen.add(name)
                rows.append((key, text, name, s, model, ours))
    return rows


def counts(rows) -> dict[str, int]:
    changed = Counter(ours for *_, model, ours in rows if model == "PERSON" and ours != "PERSON")
    return {
        "entities (one per name per article)": len(rows),
        "PERSON by the model": sum(r[4] == "PERSON" for r in rows),
        "PERSON after the correction": sum(r[5] == "PERSON" for r in rows),
        **{f"relabelled {k}": v for k, v in sorted(changed.items())},
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--draw", type=int, default=30)
    ap.add_argument("--seed", type=int, default=17)
    ap.add_argument("--write", action="store_true")
    args = ap.parse_args()
    from newsledger.extract.nlp import load_pipeline

    nlp = load_pipeline()
    nlp.select_pipes(enable=[p for p in nlp.pipe_names if p in ("tok2vec", "ner")])
    demo = label(nlp, samples())
    bulk = label(nlp, allsides(args.n))
    demo_changed = sorted({(r[2], r[5]) for r in demo if r[4] == "PERSON" and r[5] != "PERSON"})
    people = [r for r in bulk if r[5] == "PERSON"]
    drawn = random.Random(args.seed).sample(people, min(args.draw, len(people)))
    for i, (key, text, name, s, *_) in enumerate(drawn, 1):
        ctx = " ".join(text[max(0, s - 90) : s + len(name) + 90].split())
        print(f"{i:2}. {name!r:32} {key:14} …{ctx}…")
    c_demo, c_bulk = counts(demo), counts(bulk)
    keys = list(dict.fromkeys([*c_demo, *c_bulk]))
    lines = [
        f"{date.today().isoformat()} · {machine()} · spaCy NER, parser off · "
        f"`python bench/entity_labels.py {' '.join(sys.argv[1:])}`",
        "",
        f"| | demo samples | first {args.n} allsides articles |",
        "|---|---|---|",
        *(f"| {k} | {c_demo.get(k, 0)} | {c_bulk.get(k, 0)} |" for k in keys),
        "",
        "Relabelled on the demo: " + (", ".join(f"{n} ({lab})" for n, lab in demo_changed) or "none") + ".",
        f"Hand check of {len(drawn)} PERSON entities drawn (seed {args.seed}) after the correction: docs/entities.md.",
    ]
    print("\n".join(lines))
    if args.write:
        write_section("Entity labels", "\n".join(lines))


if __name__ == "__main__":
    main()
