#!/usr/bin/env python3
"""Boilerplate inside plain text and mojibake, before and after marking spans outside the body.

On allsides articles 3,001-5,000 (../shared/data/allsides/articles.jsonl.gz, by line order): articles
whose extracted body holds CNN's video widget text, articles with mojibake in title or text, and claims and
quotes whose sentence, as the extractors read it, holds boilerplate. The rules were tuned on articles
1-3,000; these are the held-out ones.

Extraction runs once per side (it is the slow part: minutes on 2 cores), with whichever newsledger is
importable, and keeps what is counted in a file:

    PYTHONPATH=/work/main/src python bench/boilerplate.py extract /tmp/bp_before.json.gz   # the code before
    PYTHONPATH=src python bench/boilerplate.py extract /tmp/bp_after.json.gz --only marked # this code
    PYTHONPATH=src python bench/boilerplate.py report /tmp/bp_before.json.gz /tmp/bp_after.json.gz --record
    PYTHONPATH=src python bench/boilerplate.py draw          # the 30 articles of docs/boilerplate_audit.md
    PYTHONPATH=src python bench/boilerplate.py spans         # marked spans by kind, articles 1-3,000 (tuning)

"Boilerplate" in a sentence is counted two ways: characters of a span that this code's rules
(`ingest.boilerplate.outside`) mark, found on the text as that side stored it; and, independent of those
rules, widget and prompt phrases (`PHRASES`) in the sentence as it was read.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import sys
import tempfile
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _report import machine, write_section  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "allsides" / "articles.jsonl.gz"
FIRST, LAST = 3001, 5000  # 1-based line numbers, inclusive: the held-out range
SEED, DRAWN = 19, 30
# Phrases that are a page's furniture wherever they stand (checked on the text as the extractors read it).
WIDGET = re.compile(r"JUST WATCHED|MUST WATCH|Replay More Videos")
PHRASES = re.compile(
    r"JUST WATCHED|MUST WATCH|Replay More Videos|Story Continued Below|Sign up for|Click here|CLICK HERE|"
    r"toggle caption|Image copyright|Read more|READ MORE|Advertisement|Follow us on|Read or Share this story"
)


def lines(first: int, last: int) -> list[str]:
    out = []
    with gzip.open(DATA, "rt", encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if n > last:
                break
            if n >= first:
                out.append(line)
    return out


def extract(out: str, first: int, last: int, only: str | None = None) -> None:
    """Read and extract lines first..last as `newsledger ingest` would, keeping what `report` counts.
    `only` (see `_needed`): extract only some articles; `report` takes the others' records from the BEFORE
    file ("marked": they read exactly as before) or counts none for them ("phrase")."""
    from newsledger.errors import Failure
    from newsledger.extract import Extractor
    from newsledger.ingest import read_inputs

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "part.jsonl"
        path.write_text("".join(lines(first, last)), encoding="utf-8")
        rows: list[dict] = []
        items = list(read_inputs([str(path)]))
        todo = [it for it in items if isinstance(it, Failure) or _needed(it, only)]
        done = {id(x.article if not isinstance(x, Failure) else x): x for x in Extractor().pipe(todo)}
        for it in items:
            if isinstance(it, Failure):
                rows.append({"failure": it.error.code})
                continue
            item = done.get(id(it))
            if item is None and only == "marked":
                rows.append({"same": True})
                continue
            assert not isinstance(item, Failure), item
            a = it
            rows.append(
                {
                    "title": a.title,
                    "text": a.text,
                    "body": a.body,  # what the extractors read (with marked spans blanked, where they are)
                    "outside": [list(s) for s in getattr(a, "outside", ())],
                    "skipped": item is None,  # not extracted: it can hold nothing counted (see _needed)
                    "sentences": [list(s) for s in item.sentences] if item else [],
                    "claims": [[c.start, c.end] for c in item.claims] if item else [],
                    "quotes": [[q.start, q.end] for q in item.quotes] if item else [],
                }
            )
    with gzip.open(out, "wt", encoding="utf-8") as f:
        json.dump(rows, f)
    print(f"{len(rows)} items -> {out}")


def _needed(a, only: str | None) -> bool:
    """Whether `a` must be extracted: always without `only`; with "marked", when this layer changes it (a
    span marked or a character repaired); with "phrase", when what the extractors read still holds a
    widget/prompt phrase (elsewhere no sentence read can hold one, nor a marked character)."""
    if only == "marked":
        return bool(getattr(a, "outside", ()) or getattr(a, "original_text", None))
    if only == "phrase":
        return bool(PHRASES.search(a.body))
    return True


def _sentence(sents: list[list[int]], start: int, end: int, text: str) -> tuple[int, int]:
    """The span of the sentences [start, end) lies in, trimmed of the whitespace (and blanks) at its ends."""
    cover = [s for s in sents if s[0] < end and start < s[1]] or [[start, end]]
    s, e = min(c[0] for c in cover), max(c[1] for c in cover)
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def load(path: str) -> list[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return json.load(f)


def count(rows: list[dict], before: list[dict] | None = None) -> dict:
    """What the table counts; a row marked "same" (not extracted again) is the BEFORE file's row."""
    from newsledger.ingest.boilerplate import outside
    from newsledger.ingest.common import repair

    c: Counter = Counter()
    for n, r in enumerate(rows):
        c["not_extracted"] += bool(r.get("skipped"))
        if r.get("same"):
            assert before is not None and "failure" not in before[n]
            r = before[n]
            c["not_extracted_again"] += 1
        if "failure" in r:
            c["failed"] += 1
            continue
        c["articles"] += 1
        text, body = r["text"], r["body"]
        marked = outside(text)  # this code's rules, on the text as this side stored it
        c["widget_articles"] += bool(WIDGET.search(body))
        c["boilerplate_articles"] += any(s < len(body) and body[s:e].strip() for s, e, _ in marked)
        c["mojibake_titles"] += bool(r["title"]) and repair(r["title"]) != r["title"]
        c["mojibake_texts"] += repair(text) != text
        for kind in ("claims", "quotes"):
            for start, end in r[kind]:
                c[kind] += 1
                s, e = _sentence(r["sentences"], start, end, body)
                c[f"{kind}_marked"] += any(
                    ms < e and s < me and body[max(s, ms) : min(e, me)].strip() for ms, me, _ in marked
                )
                c[f"{kind}_phrase"] += bool(PHRASES.search(body[s:e]))
    return dict(c)


ROWS = (
    ("articles", "articles read"),
    ("failed", "inputs that failed"),
    ("not_extracted_again", "articles this layer leaves unchanged (AFTER: their BEFORE records)"),
    ("not_extracted", "articles not extracted: nothing in what they read can be counted below"),
    ("widget_articles", "articles with CNN video-widget text in the body read"),
    ("boilerplate_articles", "articles with any marked boilerplate in the body read"),
    ("mojibake_titles", "titles with mojibake (ftfy would change them)"),
    ("mojibake_texts", "texts with mojibake"),
    ("claims", "claims"),
    ("claims_marked", "claims whose sentence holds marked boilerplate"),
    ("claims_phrase", "claims whose sentence holds a widget/prompt phrase"),
    ("quotes", "quotes"),
    ("quotes_marked", "quotes whose sentence holds marked boilerplate"),
    ("quotes_phrase", "quotes whose sentence holds a widget/prompt phrase"),
)


def report(before: str, after: str, record: bool) -> None:
    rows_before = load(before)
    rows_after = load(after)
    assert len(rows_before) == len(rows_after), "the two runs read different inputs"
    b, a = count(rows_before), count(rows_after, rows_before)
    out = [
        f"`python bench/boilerplate.py report BEFORE AFTER --record` on allsides articles {FIRST:,}-{LAST:,} "
        f"(line order; rules tuned on 1-3,000). BEFORE extracted with the code before this layer "
        f"(`PYTHONPATH=/work/main/src ... extract`), AFTER with this commit. "
        f"{datetime.now(UTC):%Y-%m-%d}; {machine()}.",
        "",
        "| | before | after |",
        "|---|---:|---:|",
    ]
    out += [f"| {label} | {b.get(k, 0):,} | {a.get(k, 0):,} |" for k, label in ROWS]
    out += [
        "",
        "Marked boilerplate: characters of a span `ingest.boilerplate.outside` marks, on each side's stored text. "
        "Widget/prompt phrase: one of `bench/boilerplate.py`'s `PHRASES`, found in the sentence as it was read, "
        "whatever marked it. Sentence: the parser's sentences the claim or quote lies in.",
    ]
    out.append(
        "Recorded run: BEFORE is one `extract` run of the code at 9e43d7f (before this layer; `git archive "
        "9e43d7f src`) while other work loaded the machine; an earlier such run and a lone re-run of one of its "
        "articles found different quote counts, so compare the boilerplate rows, not the claim and quote totals."
    )
    if a.get("not_extracted_again"):
        out.append(
            f"AFTER extracted again only the {a['articles'] - a['not_extracted_again']:,} articles this layer "
            "changes (`extract --only marked`); the others read character for character as before, so their "
            "BEFORE records are counted."
        )
    if a.get("not_extracted"):
        out.append(
            f"AFTER parsed only the {a['articles'] - a['not_extracted']:,} articles whose body as read still "
            "holds a widget/prompt phrase (`extract --only phrase`): in the others no sentence read can hold a "
            "phrase or a marked character (marked characters read as blanks), so the claim and quote totals "
            "of AFTER are those articles' only."
        )
    text = "\n".join(out)
    print(text)
    if record:
        write_section("Boilerplate inside plain text", text)


def draw(seed: int, n: int) -> None:
    """Print `n` articles drawn at random from the held-out range, each with what is marked outside the body."""
    from newsledger.ingest.readers import article_from_record

    rng = random.Random(seed)
    picks = sorted(rng.sample(range(FIRST, LAST + 1), n))
    held = lines(FIRST, LAST)
    for no in picks:
        rec = json.loads(held[no - FIRST])
        a = article_from_record(rec, f"line {no}")
        print(f"=== line {no} | {rec.get('source')} | {a.title!r} | {len(a.text)} chars | body_end {a.body_end}")
        for s, e, kind in a.outside:
            print(f"  [{kind}] {a.text[s:e][:160]!r}")
        # short lines left in the body: where missed furniture would be
        pos = 0
        for line in a.text.splitlines(keepends=True):
            t = line.strip()
            if t and len(t.split()) <= 12 and not a.in_outside(pos, pos + len(line)):
                print(f"  (short) {t[:120]!r}")
            pos += len(line)
        end = a.body_end or len(a.text)
        print("  first:", repr(a.body.lstrip()[:200]))
        print("  last body:", repr(a.text[max(0, end - 300) : end]))


def spans(first: int, last: int) -> None:
    from newsledger.ingest.boilerplate import outside

    kinds: Counter = Counter()
    arts: Counter = Counter()
    for line in lines(first, last):
        text = json.loads(line).get("content_original") or ""
        found = {k for _, _, k in outside(text)}
        kinds.update(k for _, _, k in outside(text))
        arts.update(found)
    for k, v in kinds.most_common():
        print(f"{k:10} {v:6} spans in {arts[k]:5} articles")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    e = sub.add_parser("extract")
    e.add_argument("out")
    e.add_argument("--only", choices=("marked", "phrase"), help="extract only these articles (see _needed)")
    r = sub.add_parser("report")
    r.add_argument("before")
    r.add_argument("after")
    r.add_argument("--record", action="store_true")
    d = sub.add_parser("draw")
    d.add_argument("--seed", type=int, default=SEED)
    d.add_argument("-n", type=int, default=DRAWN)
    s = sub.add_parser("spans")
    s.add_argument("--first", type=int, default=1)
    s.add_argument("--last", type=int, default=FIRST - 1)
    args = ap.parse_args()
    if not DATA.exists():
        sys.exit(f"{DATA} is absent: nothing to measure")
    if args.cmd == "extract":
        extract(args.out, FIRST, LAST, args.only)
    elif args.cmd == "report":
        report(args.before, args.after, args.record)
    elif args.cmd == "draw":
        draw(args.seed, args.n)
    else:
        spans(args.first, args.last)


if __name__ == "__main__":
    main()
