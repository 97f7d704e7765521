#!/usr/bin/env python3
"""Per-cue statistics from the PolNeAR TRAIN split, for the attribution cue filter.

usage: build_cue_stats.py [SPLIT_DIR] [--limit N] [--cache DIR] [--out TSV] [--parse-only]

Runs the attribution rules with the cue filter off (every candidate, including the verbs outside the
lexicon that take a clause, an object or a quotation) on the articles of SPLIT_DIR (default
../shared/data/polnear/train), aligns each predicted attribution with the gold ones the way
../shared/tools/scorers/score_polnear.py does (content overlap of half the shorter span, first unused gold in
order), and writes, per cue lemma and construction, how many attributions were predicted, how many match a
gold content and how many of those with a source overlap the gold source. Gold cue lemmas the rules never
fire on are counted too (`-` construction rows with gold counts only).

Only counts derived from the train split go into the TSV (src/newsledger/extract/attribution/data/cue_stats.tsv);
no text. The threshold and the smoothing of the filter are chosen on train by two-fold cross-fitting (counts
from one half of the articles, the extractor with that filter scored on the other half) and written into the
TSV's header, where attribution/cues.py reads them.

Parsed docs are cached (spaCy DocBin) under --cache (default /tmp/newsledger-cue-stats), outside the
repository.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DEFAULT_SPLIT = SHARED / "data" / "polnear" / "train"
SCORERS = SHARED / "tools" / "scorers"
OUT = ROOT / "src" / "newsledger" / "extract" / "attribution" / "data" / "cue_stats.tsv"
sys.path.insert(0, str(SCORERS))


def parse(split: Path, limit: int, cache: Path):
    """(name, article, doc) for the first `limit` articles of the split, parsed once and cached."""
    from spacy.tokens import DocBin

    from newsledger.extract.nlp import load_pipeline
    from newsledger.ingest.readers import read_text_file

    paths = sorted((split / "text").glob("*.txt"))[: limit or None]
    arts = [read_text_file(str(p)) for p in paths]
    cache.mkdir(parents=True, exist_ok=True)
    f = cache / f"{split.name}-{len(paths)}.spacy"
    nlp = load_pipeline()
    if f.exists():
        docs = list(DocBin().from_disk(f).get_docs(nlp.vocab))
    else:
        docs = list(nlp.pipe([a.body for a in arts], batch_size=32))
        db = DocBin(store_user_data=False)
        for d in docs:
            db.add(d)
        db.to_disk(f)
    return [(p.stem, a, d) for p, a, d in zip(paths, arts, docs)]


def overlap(a, b):
    inter = min(a[1], b[1]) - max(a[0], b[0])
    short = min(a[1] - a[0], b[1] - b[0])
    return inter > 0 and short > 0 and inter >= 0.5 * short


def any_overlap(a, b):
    return min(a[1], b[1]) - max(a[0], b[0]) > 0


def align(quotes, atts):
    """Per predicted quote: (content matched, source given, source overlaps gold), as the scorer matches."""
    used = set()
    out = []
    for q in quotes:
        sp = (q.speaker.start, q.speaker.end) if q.speaker and q.speaker.start is not None else None
        hit = src = False
        for i, g in enumerate(atts):
            if i in used or not any(overlap((q.start, q.end), s) for s in g["Content"]):
                continue
            used.add(i)
            hit = True
            src = bool(sp and "Source" in g and any(any_overlap(sp, s) for s in g["Source"]))
            break
        out.append((hit, sp is not None, src))
    return out, used


def records(items, gold):
    """Every candidate with its key and its alignment; and the gold cue lemmas left unmatched."""
    from newsledger.extract.entities import extract_entities
    from newsledger.extract.quotes import candidates

    recs = []  # (article, key, hit, has_src, src_ok)
    missed = Counter()
    gold_lemma = Counter()
    for name, art, doc in items:
        atts = gold.get(name, [])
        pairs = candidates(doc, art, extract_entities(doc, art), use_filter=False)
        al, used = align([q for q, _ in pairs], atts)
        for (_q, key), (hit, has, ok) in zip(pairs, al):
            recs.append((name, key, hit, has, ok))
        for i, g in enumerate(atts):
            if "Cue" not in g or "Source" not in g:
                continue
            lemma = _cue_lemma(doc, g["Cue"])
            gold_lemma[lemma] += 1
            if i not in used:
                missed[lemma] += 1
    return recs, gold_lemma, missed


def _cue_lemma(doc, spans):
    s, e = spans[0]
    span = doc.char_span(s, e, alignment_mode="expand")
    if span is None or not len(span):
        return "?"
    root = span.root
    return root.lemma_.lower() if root.pos_ in ("VERB", "AUX") else root.lower_


def f1(tp, pred, gold):
    p, r = (tp / pred if pred else 0), (tp / gold if gold else 0)
    return 2 * p * r / (p + r) if p + r else 0


def evaluate(items, gold, ents, flt):
    """The extractor with the cue filter `flt` on `items`, counted as the scorer counts: content predicted,
    matched, gold; sources predicted, matched (overlap), gold."""
    from newsledger.extract.quotes import candidates

    c = [0] * 6
    for name, art, doc in items:
        atts = gold.get(name, [])
        qs = [q for q, _ in candidates(doc, art, ents[name], use_filter=flt)]
        al, _ = align(qs, atts)
        c[0] += len(qs)
        c[1] += sum(h for h, _, _ in al)
        c[2] += len(atts)
        c[3] += sum(s for _, s, _ in al)
        c[4] += sum(o for _, _, o in al)
        c[5] += sum(1 for g in atts if "Source" in g)
    return c


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("split", nargs="?", type=Path, default=DEFAULT_SPLIT)
    ap.add_argument("--limit", type=int, default=0, help="only the first N articles (sorted by name)")
    ap.add_argument("--cache", type=Path, default=Path("/tmp/newsledger-cue-stats"))
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--parse-only", action="store_true")
    args = ap.parse_args(argv)
    if args.split.name != "train":
        print("warning: cue statistics are meant to come from the train split", file=sys.stderr)
    items = parse(args.split, args.limit, args.cache)
    if args.parse_only:
        return 0
    from score_polnear import load_gold

    from eval_attribution import readable_split  # one train .ann has a span running over a line break

    with tempfile.TemporaryDirectory() as tmp:
        gold = load_gold(str(readable_split(args.split, Path(tmp))))
    names = {n for n, _, _ in items}
    gold = {k: v for k, v in gold.items() if k in names}
    gold_src = sum(1 for v in gold.values() for g in v if "Source" in g)
    gold_content = sum(len(v) for v in gold.values())
    recs, gold_lemma, missed = records(items, gold)
    with open(args.cache / "records.json", "w") as f:  # for error analysis, outside the repository
        json.dump({"recs": recs, "gold_src": gold_src, "gold_content": gold_content}, f)

    from newsledger.extract.attribution import cues

    def table(rs):
        t = defaultdict(lambda: [0, 0, 0, 0])
        for _, key, hit, has, ok in rs:
            row = t[key]
            row[0] += 1
            row[1] += hit
            row[2] += has
            row[3] += ok
        return t

    # threshold and smoothing by two-fold cross-fitting over articles: counts from one half, the real
    # extractor with that filter on the other half, matched as the scorer matches
    from newsledger.extract.entities import extract_entities

    ents = {n: extract_entities(d, a) for n, a, d in items}
    order = sorted(names)
    halves = [set(order[0::2]), set(order[1::2])]
    fits = [table([r for r in recs if r[0] in halves[k]]) for k in range(2)]
    scores = {}
    for a in (8.0, 16.0, 32.0):
        for th in (0.15, 0.2, 0.25, 0.3, 0.35):
            c = [0] * 6
            for k in range(2):
                flt = cues.Filter({key: tuple(v) for key, v in fits[k].items()}, th, a)
                test = [it for it in items if it[0] in halves[1 - k]]
                for i, v in enumerate(evaluate(test, gold, ents, flt)):
                    c[i] += v
            scores[(a, th)] = (f1(c[4], c[3], c[5]), f1(c[1], c[0], c[2]))
            print(
                f"A {a:g} threshold {th:.2f}: cross-fitted source-overlap F1 {scores[(a, th)][0]:.3f}, "
                f"content F1 {scores[(a, th)][1]:.3f}"
            )
    best_a, best_th = max(scores, key=lambda k: (round(scores[k][0], 3), scores[k][1]))
    print(f"best on train (cross-fitted): A {best_a:g}, threshold {best_th:.2f}")

    full = table(recs)
    # a verb outside the lexicon that never had a right source can never pass the filter: left out
    right = Counter()
    for key, row in full.items():
        right[key[0]] += row[3]
    full = {k: v for k, v in full.items() if cues.in_lexicon(k) or right[k[0]]}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as f:
        f.write(f"# cue statistics from {len(items)} PolNeAR train articles (bench/build_cue_stats.py); counts only\n")
        f.write(f"# threshold {best_th:g} smoothing {best_a:g}\n")
        f.write(
            "# lemma\tconstruction\tsource_kind\tsize\tpredicted\tcontent_matched\twith_source\t"
            "source_matched\tgold_cues\tgold_missed\n"
        )
        for (lemma, cons, kind, size), (n, hit, has, ok) in sorted(full.items()):
            f.write(
                f"{lemma}\t{cons}\t{kind}\t{size}\t{n}\t{hit}\t{has}\t{ok}\t"
                f"{gold_lemma.get(lemma, 0)}\t{missed.get(lemma, 0)}\n"
            )
        fired = {key[0] for key in full}
        for lemma, n in gold_lemma.most_common():
            if lemma not in fired and n >= 3 and "\t" not in lemma and lemma.strip():
                f.write(f"{lemma}\t-\t-\t-\t0\t0\t0\t0\t{n}\t{missed.get(lemma, 0)}\n")
    print(f"wrote {args.out} ({len(full)} lemma x construction rows)")
    print("most missed gold cue lemmas:", ", ".join(f"{w} {n}" for w, n in missed.most_common(40)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
