#!/usr/bin/env python3
"""Why numeric attributions miss their claim source: the misses of `score_claim_sources.py`, by kind.

usage: claim_source_misses.py [SPLIT_DIR] [--out OUT.jsonl] [--record] [--list]

Runs `bench/eval_attribution.py`'s extract over SPLIT_DIR (default ../shared/data/polnear/dev), or reads OUT.jsonl
when it exists, then for each gold attribution with a Source whose content holds a digit and which gets no claim
whose source overlaps the gold Source (the reference scorer's test), names the kind of miss:

- no claim inside the content, by what its digits are: a year, a date or time, an ordinal, "9/11", or other
  (a name or label such as "EB-5", "Fortune 500", or a figure the claim reader missed or spans differently);
- a quote with the gold speaker holds the content, but the claim is outside the quote's span;
- no quote found for the attribution;
- a quote found, with no speaker;
- a quote found, with another speaker (the gold source a pronoun, or not).

--list  print each miss (for error analysis on dev or train; never on the held-back test split).
--record write the table into BENCHMARKS.md (section "Claim sources: the misses").
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import re
import sys
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from _report import machine, write_section  # noqa: E402
from eval_attribution import DEFAULT_SPLIT, SCORERS, extract, readable_split  # noqa: E402

_PRONOUNS = frozenset("he she they it we i you his her their its who which them him".split())
_MONTH = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?|May"


def digit_kind(word: str, content: str) -> str:
    w = word.strip(".,;:“”\"'’()[]")
    if re.fullmatch(r"(1[89]|20)\d\d(s)?|\d{4}[-–]\d{2,4}", w):
        return "year"
    if re.fullmatch(r"\d{1,2}(:\d\d)?", w) and re.search(re.escape(w) + r"\s*[ap]\.m\.", content):
        return "date or time"
    if re.fullmatch(r"\d{1,2}", w) and re.search(rf"\b(?:{_MONTH})\s+{w}\b", content):
        return "date or time"
    if re.fullmatch(r"\d+(st|nd|rd|th)", w):
        return "ordinal"
    if w in ("9/11", "911"):
        return "9/11"
    return "other"


def misses(split: Path, out: Path) -> list[dict]:
    sys.path.insert(0, str(SCORERS))
    from score_polnear import any_overlap, hull, load_gold, overlap, span_of

    gold = load_gold(str(split))
    texts = {
        os.path.splitext(f)[0]: (split / "text" / f).read_text(encoding="utf-8") for f in os.listdir(split / "text")
    }
    claims, quotes = {}, {}
    for line in open(out, encoding="utf-8"):
        if line.strip():
            d = json.loads(line)
            base = os.path.splitext(os.path.basename(d["article"]["source"] or ""))[0]
            claims[base], quotes[base] = d.get("claims") or [], d.get("quotes") or []
    found = []
    for base, atts in sorted(gold.items()):
        t = texts.get(base, "")
        for g in atts:
            if "Source" not in g:
                continue
            c0, c1 = hull(g["Content"])
            if not re.search(r"\d", t[c0:c1]):
                continue

            def credited(sp, g=g):
                return sp is not None and any(any_overlap(sp, s) for s in g["Source"])

            inside = [c for c in claims.get(base, []) if span_of(c) and c0 <= c["start"] and c["end"] <= c1]
            if any(credited(span_of(c.get("source"))) for c in inside):
                continue
            source = " | ".join(t[a:b] for a, b in g["Source"])
            qs = [q for q in quotes.get(base, []) if any(overlap((q["start"], q["end"]), s) for s in g["Content"])]
            speakers = [span_of(q.get("speaker")) for q in qs]
            if not inside:
                kinds = {digit_kind(w, t[c0:c1]) for w in re.findall(r"\S*\d\S*", t[c0:c1])}
                kind = "no claim in the content: " + (
                    "other (a name or label, or a figure read differently)"
                    if "other" in kinds
                    else " + ".join(sorted(kinds))
                )
            elif any(credited(s) for s in speakers):
                kind = "a quote has the gold speaker, the claim lies outside its span"
            elif not qs:
                kind = "no quote found for the attribution"
            elif all(s is None for s in speakers):
                kind = "a quote found, no speaker"
            elif source.lower() in _PRONOUNS:
                kind = "a quote found, another speaker (gold source a pronoun)"
            else:
                kind = "a quote found, another speaker"
            found.append({"article": base, "kind": kind, "source": source, "content": t[c0:c1][:160]})
    return found


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("split", nargs="?", type=Path, default=DEFAULT_SPLIT)
    ap.add_argument("--out", type=Path, help="the extract output to read (made here when absent)")
    ap.add_argument("--record", action="store_true")
    ap.add_argument("--list", action="store_true")
    args = ap.parse_args(argv)
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        out = args.out or Path(tmp) / "extract.jsonl"
        if not out.exists():
            extract(args.split, out)
        found = misses(readable_split(args.split, Path(tmp)), out)
    counts = collections.Counter(m["kind"] for m in found)
    for kind, n in counts.most_common():
        print(f"{n:4d}  {kind}")
    print(f"{len(found):4d}  misses in all")
    if args.list:
        for m in found:
            print(f"{m['kind']} | {m['article']} | source {m['source']!r} | {m['content']!r}")
    if args.record:
        when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
        rows = "\n".join(f"| {kind} | {n} |" for kind, n in counts.most_common())
        write_section(
            "Claim sources: the misses",
            f"""Script: `bench/claim_source_misses.py {args.split.parent.name}/{args.split.name} --record`; run {when} on
{machine()}. The numeric attributions of PolNeAR {args.split.name} that
`score_claim_sources.py` counts as missed, by kind:

| kind | misses |
|---|---|
{rows}
| all | {len(found)} |

A content whose only digits are a year, a date or time, an ordinal or a name holds no claim by design (a year
is no figure), so those attributions cannot be credited by any claim source.
""",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
