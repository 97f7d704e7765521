"""Event coding, measured: PLOVER gold records and india-police-events sentences.

usage: python bench/eval_events.py [--india-docs 300] [--speed 50] [--write]

PLOVER: `score_plover.py --write-input` writes the gold sentences as `extract` input, `newsledger extract` runs
on them, and the reference scorer scores the output, on all 322 records and on two halves: the even-numbered
records (dev: the only ones whose errors were read while the lexicon was written) and the odd-numbered ones
(held out: never looked at). Nothing is trained, so there is nothing fitted on either half.
india-police-events: each gold sentence of the first N documents is extracted as an article; a sentence is
FORCE when it has a happened ASSAULT by the police or security forces (the actor's sector police or military:
the gold labels police actions only), KILL when that ASSAULT kills (its trigger, or a dead count), ARREST when it
has a happened COERCE/arrest; precision / recall / F1 against the sentence labels.
--speed N times `extract_events` against the spaCy parse on N allsides articles.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
GOLD = SHARED / "data" / "plover" / "PLOVER_GSR_CAMEO.txt"
INDIA = SHARED / "data" / "india-police-events" / "data" / "final" / "sents.jsonl"
SCORER = SHARED / "tools" / "scorers" / "score_plover.py"
SECTION = "events (PLOVER gold, india-police-events)"
KILLS = {"kill", "killing", "killings", "murder", "massacre", "slay", "lynch", "behead", "execute", "slaughter"}


def _score(gold: Path, out: Path) -> dict:
    report = subprocess.run(
        [sys.executable, str(SCORER), str(gold), str(out)], capture_output=True, text=True, check=True
    ).stdout
    m = re.search(r"type accuracy ([\d.]+) over (\d+) records; mode ([\d.]+); actor ([\d.]+); target ([\d.]+)", report)
    assert m, report
    per = {t: (int(a), int(b)) for t, a, b in re.findall(r"^(\w+)\s+(\d+)/(\d+)$", report, re.M)}
    return {
        "type": float(m[1]),
        "records": int(m[2]),
        "mode": float(m[3]),
        "actor": float(m[4]),
        "target": float(m[5]),
        "per": per,
        "report": report,
    }


def plover(work: Path) -> dict:
    """Extract the gold sentences once; score all, the dev half and the held-out half."""
    docs, out = work / "plover_docs.jsonl", work / "plover_out.jsonl"
    subprocess.run([sys.executable, str(SCORER), "--write-input", str(GOLD), str(docs)], check=True)
    exe = Path(sys.executable).parent / "newsledger"
    t0 = time.perf_counter()
    with open(out, "w") as f:
        subprocess.run([str(exe), "extract", str(docs)], stdout=f, check=True)
    seconds = time.perf_counter() - t0
    records = json.loads(GOLD.read_text(encoding="utf-8"))
    halves = {"all": records}
    coded = [r for r in records if r.get("event") != "DOCUMENT" and r.get("text")]
    halves["dev"] = [r for i, r in enumerate(coded) if i % 2 == 0]
    halves["held-out"] = [r for i, r in enumerate(coded) if i % 2 == 1]
    res = {}
    for name, recs in halves.items():
        g = work / f"gold_{name}.json"
        g.write_text(json.dumps(recs))
        res[name] = _score(g, out)
    res["seconds"] = seconds
    return res


def _india_labels(events: list, text: str) -> set[str]:
    """The gold's labels are police actions: KILL and FORCE are a happened ASSAULT whose actor is the police or
    the security forces (sector police or military), KILL when it kills (its trigger, or a dead count);
    ARREST is any happened COERCE/arrest (the police arrest, whoever the sentence names)."""
    out = set()
    for e in events:
        if e.status != "happened":
            continue
        trig = text[e.start : e.end].lower()
        security = e.actor is not None and e.actor.sector in ("police", "military")
        if e.type == "ASSAULT" and security:
            out.add("FORCE")
            if any(trig.startswith(k[:4]) for k in KILLS) or e.dead:
                out.add("KILL")
        if e.type == "COERCE" and e.mode == "arrest":
            out.add("ARREST")
    return out


def india(n_docs: int) -> dict:
    from newsledger.extract import Extractor
    from newsledger.ingest.readers import text_article

    sents = []
    docs: set[int] = set()
    for line in open(INDIA, encoding="utf-8"):
        d = json.loads(line)
        if d["doc_id"] not in docs and len(docs) >= n_docs:
            break
        docs.add(d["doc_id"])
        if d["sent_text"].strip():
            sents.append(d)
    ex = Extractor()
    counts = {k: [0, 0, 0] for k in ("KILL", "ARREST", "FORCE")}  # tp, fp, fn
    arts = (text_article(s["sent_text"], f"india-{s['doc_id']}-{s['sent_id']}", date(2002, 3, 1)) for s in sents)
    for s, x in zip(sents, ex.pipe(arts)):
        pred, gold = _india_labels(getattr(x, "events", ()), s["sent_text"]), set(s["sent_labels"])
        for k, c in counts.items():
            c[0] += k in pred and k in gold
            c[1] += k in pred and k not in gold
            c[2] += k in gold and k not in pred
    out = {"docs": len(docs), "sentences": len(sents)}
    for k, (tp, fp, fn) in counts.items():
        p, r = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
        out[k] = (p, r, 2 * p * r / max(p + r, 1e-9), tp + fn)
    return out


def speed(n: int) -> dict:
    sys.path.insert(0, str(ROOT / "bench"))
    from _report import parsed_allsides
    from newsledger.extract.entities import extract_entities
    from newsledger.extract.events import extract_events
    from newsledger.extract.times import extract_times

    arts, docs, parse = parsed_allsides(n, date(2019, 1, 1))
    pre = [(extract_entities(d, a), extract_times(d, a)) for d, a in zip(docs, arts)]
    t0 = time.perf_counter()
    found = sum(len(extract_events(d, a, e, t)) for d, a, (e, t) in zip(docs, arts, pre))
    return {"articles": len(arts), "parse": parse, "events": time.perf_counter() - t0, "found": found}


def _table(res: dict) -> str:
    rows = ["| records | n | type acc. | mode | actor | target |", "|---|---|---|---|---|---|"]
    for name in ("all", "dev", "held-out"):
        r = res[name]
        rows.append(
            f"| {name} | {r['records']} | {r['type']:.3f} | {r['mode']:.3f} | {r['actor']:.3f} | {r['target']:.3f} |"
        )
    per = res["all"]["per"]
    rows += [
        "",
        "Per gold type (all records; the scorer maps DISAPPROVE/INVESTIGATE to ACCUSE, DEMAND to REQUEST, "
        "FIGHT to ASSAULT):",
        "",
        "| type | right |",
        "|---|---|",
    ]
    rows += [f"| {t} | {a}/{b} |" for t, (a, b) in sorted(per.items())]
    return "\n".join(rows)


def write(res: dict, ind: dict | None, cost: dict | None) -> None:
    sys.path.insert(0, str(ROOT / "bench"))
    from _report import machine, write_section

    body = (
        f"`bench/eval_events.py`, {date.today().isoformat()}, {machine()}. PLOVER gold "
        f"(`PLOVER_GSR_CAMEO.txt`) scored by `../shared/tools/scorers/score_plover.py` on the output of "
        f"`newsledger extract` ({res['seconds']:.0f} s for the 322 sentences). The coder is a lexicon over the "
        "parse with word-sense rules (extract/senses.py), nothing trained; dev = even-numbered records (errors "
        "read while writing the rules), held-out = odd-numbered (never read).\n\n" + _table(res)
    )
    if ind:
        body += (
            f"\n\nindia-police-events, sentence level, first {ind['docs']} documents ({ind['sentences']} sentences)"
            ":\n\n| label | P | R | F1 | gold |\n|---|---|---|---|---|\n"
        )
        body += "\n".join(
            f"| {k} | {ind[k][0]:.3f} | {ind[k][1]:.3f} | {ind[k][2]:.3f} | {ind[k][3]} |"
            for k in ("KILL", "ARREST", "FORCE")
        )
        body += (
            "\n\nThe india labels are police actions (police killed, police used force), so KILL and FORCE count a "
            'happened ASSAULT only when its actor is the police or the security forces ("killed in police firing" '
            "gives the police as actor); ARREST counts any happened arrest. Mode is scored against the GSR's draft "
            "mode names (strike-hun, riot-spon, ...), the coder uses PLOVER 2021's (CAMEO2PLOVER-2021.txt)."
        )
    if cost:
        body += (
            f"\n\nCost: `extract_events` on {cost['articles']} allsides articles (already parsed, entities and "
            f"times given) took {cost['events']:.2f} s against {cost['parse']:.1f} s of spaCy parse "
            f"({100 * cost['events'] / cost['parse']:.1f}%), {cost['found']} events."
        )
    write_section(SECTION, body)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--india-docs", type=int, default=300)
    ap.add_argument("--speed", type=int, default=0)
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--plover-only", action="store_true")
    args = ap.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="eval_events_"))
    res = plover(work)
    print(res["all"]["report"])
    for name in ("dev", "held-out"):
        print(name, {k: res[name][k] for k in ("type", "records", "mode", "actor", "target")})
    print("output:", work / "plover_out.jsonl")
    ind = None if args.plover_only else india(args.india_docs)
    print(ind)
    cost = speed(args.speed) if args.speed else None
    print(cost)
    if args.write:
        write(res, ind, cost)
    return 0


if __name__ == "__main__":
    sys.exit(main())
