"""Which properties of a coded event predict that a hand audit judged it right: the audits' verdict rows
(docs/events_audit.md) located in a ledger and in its articles' parse, precision by feature and by gate.

usage: python bench/audit_events_features.py --db LEDGER [--doc docs/events_audit.md] [--audits 3]

LEDGER is an ingest of the allsides articles the audits drew from (the first 1,000 lines for the first three
audits). Each verdict row (article id, trigger offsets, verdict by the first audit's rule: type, status and
roles right, the place not counted) is located by article and trigger offset among the ledger's events (the
ledger's coder may be newer than the audit's: rows whose event the coder no longer yields, or yields with
another type or status, are counted apart). Features are read off the ledger's event and the spaCy parse of
its article (the parse the extractor reads); "asserted" is the gate of this checkout's coder
(extract/events.py `asserted`), re-coded from the same parse. The printout holds no article text.
"""

from __future__ import annotations

import argparse
import re
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ROW = re.compile(r"^\| (\d+) \| ([0-9a-f]{16}) \[(\d+):(\d+)\] \| ([^|]*) \| ([^|]*) \|")
SPEECH_TYPES = {"AGREE", "REJECT", "CONSULT", "REQUEST", "SUPPORT", "ACCUSE", "CONCEDE", "THREATEN"}


def rows(doc: Path, audits: int) -> list[dict]:
    """The verdict rows of the first `audits` audit tables, in order."""
    out, table = [], 0
    for line in doc.read_text(encoding="utf-8").splitlines():
        if line.startswith("| # |"):
            table += 1
        m = ROW.match(line)
        if m and table <= audits:
            coded = m[5].split()
            out.append(
                {
                    "audit": table,
                    "n": int(m[1]),
                    "article": m[2],
                    "start": int(m[3]),
                    "end": int(m[4]),
                    "type": coded[0].split("/")[0],
                    "status": coded[1].rstrip(","),
                    "right": m[6].strip().startswith("right"),
                }
            )
    return out


def _finite_past(tok) -> bool:
    """A realis past: the trigger is a past-tense finite verb ("attacked"), or a perfect / passive participle
    whose auxiliary is past or present perfect ("has attacked", "was arrested")."""
    if tok.tag_ == "VBD":
        return True
    aux = {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}
    return tok.tag_ == "VBN" and bool(aux & {"has", "have", "had", "was", "were", "'s", "'ve"})


def _finite_args(tok) -> bool:
    """A noun that is the subject or object of a finite verb ("protests erupted", "police made arrests")."""
    from newsledger.extract.events import _finite

    ok = tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("nsubj", "nsubjpass", "dobj")
    return ok and tok.head.pos_ in ("VERB", "AUX") and _finite(tok.head)


def features(ev, tok, x) -> dict[str, bool]:
    from newsledger.extract.events import _finite

    text = x.article.text
    quoted = any(q.start <= ev.start < q.end for q in x.quotes if q.kind == "direct")
    actor_ent = ev.actor is not None and ev.actor.entity is not None
    target_ent = ev.target is not None and ev.target.entity is not None
    return {
        "actor named (an entity)": actor_ent,
        "target named (an entity)": target_ent,
        "actor any": ev.actor is not None,
        "target any": ev.target is not None,
        "no role": ev.actor is None and ev.target is None,
        "both roles": ev.actor is not None and ev.target is not None,
        "trigger a verb": tok is not None and tok.pos_ == "VERB",
        "trigger a noun": tok is not None and tok.pos_ in ("NOUN", "PROPN"),
        "status happened": ev.status == "happened",
        "finite past verb": tok is not None and _finite_past(tok),
        "finite verb": tok is not None and tok.pos_ == "VERB" and _finite(tok),
        "finite verb's subject or object noun": tok is not None and _finite_args(tok),
        "asserted (the coder's gate)": False,  # set from this checkout's coder
        "in a quotation": quoted,
        "not in a quotation": not quoted,
        "first fifth of article": ev.start < len(text) / 5,
        "material type": ev.type not in SPEECH_TYPES,
        "verbal type": ev.type in SPEECH_TYPES,
        "sentence's own date": ev.time is not None
        and ev.time != (x.article.published and x.article.published.isoformat()),
        "actor a person/org entity": actor_ent
        and tok is not None
        and _ent_type(tok.doc, ev.actor) in ("PERSON", "ORG", "GPE", "NORP"),
    }


def _ent_type(doc, role) -> str | None:
    span = doc.char_span(role.start, role.end, alignment_mode="expand") if role.start is not None else None
    return next((t.ent_type_ for t in span or () if t.ent_type_), None)


GATES = {
    "asserted (finite verb or conjoined to one)": lambda f: f["asserted (the coder's gate)"],
    "asserted, or a finite verb's subject/object noun": lambda f: (
        f["asserted (the coder's gate)"] or f["finite verb's subject or object noun"]
    ),
    "asserted, not quoted": lambda f: f["asserted (the coder's gate)"] and f["not in a quotation"],
    "asserted, actor or target named": lambda f: (
        f["asserted (the coder's gate)"] and (f["actor named (an entity)"] or f["target named (an entity)"])
    ),
    "happened and actor named": lambda f: f["status happened"] and f["actor named (an entity)"],
    "finite past verb, not quoted": lambda f: f["finite past verb"] and f["not in a quotation"],
    "finite past verb and actor named": lambda f: f["finite past verb"] and f["actor named (an entity)"],
    "material type or both roles named": lambda f: (
        f["material type"] or (f["actor named (an entity)"] and f["target named (an entity)"])
    ),
    "actor named, not quoted": lambda f: f["actor named (an entity)"] and f["not in a quotation"],
}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--db", required=True)
    ap.add_argument("--doc", type=Path, default=ROOT / "docs" / "events_audit.md")
    ap.add_argument("--audits", type=int, default=3)
    ap.add_argument("-v", action="store_true", help="print each row's features")
    args = ap.parse_args()
    import newsledger
    from newsledger.errors import NotFound
    from newsledger.extract import Extractor
    from newsledger.extract.pipeline import parsed_part

    items = rows(args.doc, args.audits)
    ex = Extractor()
    by_article = defaultdict(list)
    for r in items:
        by_article[r["article"]].append(r)
    located = []
    with newsledger.open(args.db) as led:
        for aid, rs in by_article.items():
            try:
                x = led.store.extraction(aid)
            except NotFound:
                print(f"article {aid} is not in the ledger: {len(rs)} rows skipped")
                continue
            part = parsed_part(x.article)
            doc = ex.parse([part.body])[0]
            now = {(e.start, e.end): e for e in ex.from_doc(doc, part).events}  # this checkout's coder
            for r in rs:
                ev = next((e for e in x.events if e.start == r["start"] and e.end == r["end"]), None)
                if ev is None:
                    located.append((r, None, None))
                    continue
                span = doc.char_span(ev.start, ev.end, alignment_mode="expand")
                tok = span.root if span is not None else None
                f = features(ev, tok, x)
                f["asserted (the coder's gate)"] = (ev.start, ev.end) in now and now[ev.start, ev.end].asserted
                located.append((r, ev, f))
                if args.v and tok is not None:
                    aux = [c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass", "neg")]
                    hd = tok.head
                    haux = [c.lower_ for c in hd.children if c.dep_ in ("aux", "auxpass", "neg")]
                    print(
                        "  ",
                        r["audit"],
                        r["n"],
                        r["right"],
                        ev.type,
                        ev.status,
                        tok.tag_,
                        tok.dep_,
                        aux,
                        hd.tag_,
                        hd.dep_,
                        haux,
                        hd.lemma_ if tok.pos_ != "VERB" else "",
                    )
    n_right = sum(r["right"] for r, _, _ in located)
    gone = [r for r, ev, _ in located if ev is None]
    same = [(r, ev, f) for r, ev, f in located if ev is not None and ev.type == r["type"] and ev.status == r["status"]]
    print(
        f"{len(located)} verdict rows, {n_right} right; {len(gone)} no longer coded "
        f"({sum(r['right'] for r in gone)} of them right); {len(located) - len(gone) - len(same)} coded with "
        f"another type or status; {len(same)} coded as audited\n"
    )
    for label, subset in (("all located", [t for t in located if t[1] is not None]), ("coded as audited", same)):
        rights = sum(r["right"] for r, _, _ in subset)
        print(f"### {label}: {len(subset)} events, {rights} right, precision {rights / max(len(subset), 1):.2f}\n")
        print("| feature | events | right | precision | right lost |")
        print("|---|---:|---:|---:|---:|")
        for name in subset[0][2]:
            kept = [r for r, _, f in subset if f[name]]
            k = sum(r["right"] for r in kept)
            print(f"| {name} | {len(kept)} | {k} | {k / max(len(kept), 1):.2f} | {rights - k} |")
        for name, gate in GATES.items():
            kept = [r for r, _, f in subset if gate(f)]
            k = sum(r["right"] for r in kept)
            print(f"| gate: {name} | {len(kept)} | {k} | {k / max(len(kept), 1):.2f} | {rights - k} |")
        print()
    if args.v:
        for r, ev, f in located:
            on = [k for k, v in (f or {}).items() if v]
            print(r["audit"], r["n"], "right" if r["right"] else "wrong", ev and ev.type, ev and ev.status, on)


if __name__ == "__main__":
    main()
