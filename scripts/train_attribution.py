#!/usr/bin/env python3
"""Train the attribution tagger (newsledger/extract/attribution/model.py) on PolNeAR train.

usage: train_attribution.py [--train DIR] [--out MODEL] [--c1 X] [--c2 X] [--iterations N] [--limit N]

Reads ../shared/data/polnear/train (text/*.txt, attributions/*.ann; the first annotator's file of each
article), parses each article with the shipped spaCy pipeline, runs the rules, and trains a CRFsuite
model (L-BFGS, elastic net) on the paragraphs the tagger will see at run time. The dev split is never
read here: select with bench/eval_attribution.py, which runs the whole extractor on dev. The held-back
test split is never touched. Prints the training time and the model's size.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsledger.extract.attribution import model  # noqa: E402
from newsledger.extract.entities import extract_entities  # noqa: E402
from newsledger.extract.nlp import load_pipeline  # noqa: E402
from newsledger.extract.quotes import rule_quotes  # noqa: E402
from newsledger.ingest.readers import read_text_file  # noqa: E402

TRAIN = ROOT.parent / "shared" / "data" / "polnear" / "train"
_T = re.compile(r"^T\d+\t(\w+) (\d+ \d+(?:;\d+ \d+)*)\t")
_E = re.compile(r"^E\d+\t(.*)$")


def gold_spans(ann: Path) -> list[tuple[str, int, int]]:
    """(role, start, end) of every source, cue and content part of the file's attributions."""
    parts: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    events = []
    for line in open(ann, encoding="utf-8"):
        m = _T.match(line)
        if m:
            tid = line.split("\t", 1)[0]
            spans = [tuple(map(int, p.split())) for p in m.group(2).split(";")]
            parts[tid] = (m.group(1), spans)  # type: ignore[assignment]
        elif (m := _E.match(line)) is not None:
            events.append([a.split(":", 1) for a in m.group(1).split() if ":" in a])
    role_of = {"Source": "SRC", "Cue": "CUE", "Content": "CON"}
    out = []
    for ev in events:
        roles = {r.rstrip("0123456789") for r, _ in ev}
        if "Content" not in roles:
            continue
        for r, tid in ev:
            r = r.rstrip("0123456789")
            if r in role_of and tid in parts:
                out += [(role_of[r], s, e) for s, e in parts[tid][1]]
    return out


def articles(split: Path) -> list[tuple[Path, Path]]:
    seen: dict[str, Path] = {}
    for ann in sorted((split / "attributions").glob("*.ann")):
        seen.setdefault(ann.name.rsplit("_", 1)[0], ann)
    return [(split / "text" / f"{base}.txt", ann) for base, ann in sorted(seen.items())]


def sequences(split: Path, limit: int | None = None):
    """(features, labels) per paragraph worth tagging, and how many gold content tokens fall outside."""
    nlp = load_pipeline()
    pairs = articles(split)[:limit]
    missed = total = 0
    for k, (txt, ann) in enumerate(pairs):
        article = read_text_file(str(txt))
        doc = nlp(article.body)
        entities = extract_entities(doc, article)
        rule_labels = model.rule_labels(doc, rule_quotes(doc, article, entities))
        regions = model.regions(article)
        spans = gold_spans(ann)
        for i, j in model.paragraphs(doc):
            gold = model.span_labels(doc, i, j, spans)
            n = sum(1 for g in gold if g != "O")
            total += n
            if not model.worth_tagging(doc, i, j, rule_labels[i:j]):
                missed += n
                continue
            yield model.features(doc, i, j, rule_labels[i:j], regions), gold
        if k % 100 == 0:
            print(f"  {k}/{len(pairs)} articles", file=sys.stderr)
    print(f"gold role tokens outside tagged paragraphs: {missed}/{total}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--train", type=Path, default=TRAIN)
    ap.add_argument("--out", type=Path, default=model.MODEL_PATH)
    ap.add_argument("--c1", type=float, default=0.1)
    ap.add_argument("--c2", type=float, default=0.01)
    ap.add_argument("--iterations", type=int, default=150)
    ap.add_argument("--limit", type=int, default=None, help="first N articles only (a quick trial)")
    a = ap.parse_args(argv)
    if not a.train.is_dir():
        raise SystemExit(f"no PolNeAR train split at {a.train}")
    import pycrfsuite

    t0 = time.perf_counter()
    trainer = pycrfsuite.Trainer(verbose=False)
    n = 0
    for xseq, yseq in sequences(a.train, a.limit):
        trainer.append(xseq, yseq)
        n += 1
    t1 = time.perf_counter()
    trainer.set_params({"c1": a.c1, "c2": a.c2, "max_iterations": a.iterations, "feature.possible_transitions": True})
    a.out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(a.out))
    t2 = time.perf_counter()
    print(
        f"{n} paragraphs; features {t1 - t0:.0f} s, training {t2 - t1:.0f} s; "
        f"model {a.out} {a.out.stat().st_size / 1e6:.1f} MB"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
