#!/usr/bin/env python3
"""Figures on the project's own gold (tests/reconcile/data/figures_gold.json, docs/figures_gold.md).

The gold names allsides article IDs per incident and, per gold figure, the values its articles report and the
values a careless system would merge. This script builds the corpus from ../shared/data/allsides at run time
(one JSONL line per gold article: source = url, url, title, published = date, text = content_original),
ingests it into a fresh ledger, writes `newsledger figures` and `newsledger stories` (JSONL), a CLUSTERS file
(article source -> incident id) and the gold in plain score_figures format, runs the reference scorer
(../shared/tools/scorers/score_figures.py) and prints its lines, and computes the same numbers here (they must
agree), plus the share of gold figures whose judged figure merges no forbidden value.

usage: eval_figures.py [--work DIR] [--db LEDGER] [--write-benchmarks]
  --work             keep the corpus, ledger and outputs in DIR (default: a temporary folder)
  --db               reuse this ledger when it already holds the gold's articles, else build it there
  --write-benchmarks write the section "Figures (own gold)" into BENCHMARKS.md
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "reconcile" / "data" / "figures_gold.json"
ALLSIDES = ROOT.parent / "shared" / "data" / "allsides" / "articles.jsonl.gz"
REFERENCE = ROOT.parent / "shared" / "tools" / "scorers" / "score_figures.py"
from newsledger.models import MEASURES as _MEASURES  # noqa: E402  (the scorer judges the same)

SECTION = "Figures (own gold)"
# As the reference scorer (score_figures.py): the measures it judges, and the generic party words that count
# as one of the gold's parties in source purity.
MEASURES = set(_MEASURES)
GENERIC = ("official", "authorit", "police", "report", "media", "witness", "medic", "rescuer", "spokes")


def load_gold(path: Path = GOLD) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def gold_articles(gold: dict) -> dict[str, str]:
    """allsides ID -> incident id."""
    return {a: inc for inc, v in gold["incidents"].items() for a in v["articles"]}


def read_articles(ids, source: Path = ALLSIDES) -> dict[str, dict]:
    """The allsides rows with these IDs (one pass over the file)."""
    want, out = set(ids), {}
    with gzip.open(source, "rt", encoding="utf-8") as f:
        for line in f:
            if '"ID"' not in line:
                continue
            row = json.loads(line)
            if row.get("ID") in want:
                out[row["ID"]] = row
    missing = want - out.keys()
    if missing:
        raise RuntimeError(f"gold articles absent from {source}: {sorted(missing)}")
    return out


def build_inputs(gold: dict, work: Path, source: Path = ALLSIDES) -> tuple[Path, Path, Path]:
    """(corpus.jsonl, clusters.json, gold_plain.json) in work."""
    incident_of = gold_articles(gold)
    rows = read_articles(incident_of, source)
    lines, clusters = [], {}
    for aid in sorted(incident_of):
        r = rows[aid]
        if r["url"] in clusters:
            raise RuntimeError(f"two gold articles share the url {r['url']}")
        lines.append(
            json.dumps(
                {
                    "source": r["url"],
                    "url": r["url"],
                    "title": r.get("title"),
                    "published": r.get("date") or None,
                    "text": r["content_original"],
                },
                ensure_ascii=False,
            )
        )
        clusters[r["url"]] = incident_of[aid]
    corpus, clusters_path, plain = work / "corpus.jsonl", work / "clusters.json", work / "gold_figures.json"
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    clusters_path.write_text(json.dumps(clusters, indent=1), encoding="utf-8")
    keys = ("event", "measure", "expect", "forbid", "best", "min_articles", "sources")
    plain.write_text(
        json.dumps({"figures": [{k: f[k] for k in keys} for f in gold["figures"]]}, indent=1), encoding="utf-8"
    )
    return corpus, clusters_path, plain


def _newsledger(*args: str) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-c", "from newsledger.cli import main; main()", *args]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, env=env)


def _stored(db: Path) -> int:
    if not db.exists():
        return 0
    with sqlite3.connect(db) as conn:
        try:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        except sqlite3.OperationalError:
            return 0


# --- the metric, as score_figures.py counts it -------------------------------------------------------------


def claim_values(c: dict) -> list[float]:
    v = c.get("value") or {}
    out = [v.get("point")]
    if c.get("qualifier") == "range":
        out += [v.get("low"), v.get("high")]
    return [float(x) for x in out if isinstance(x, (int, float))]


def held(fig: dict) -> list[float]:
    return [x for c in fig.get("claims") or [] for x in claim_values(c)]


def has(values, e: float) -> bool:
    return any(abs(x - e) < 0.5 or (e >= 1e5 and abs(x - e) / e < 0.005) for x in values)


def source_ok(name, groups) -> bool:
    n = (name or "").lower().strip()
    return any(a in n or (len(n) > 3 and n in a) for g in groups for a in g) or any(w in n for w in GENERIC)


def score(gold: list[dict], figs: list[dict], event_of: dict[str, str]) -> dict:
    """Per gold figure: the judged figure (same measure, holding a claim from the incident's articles, most
    expected values) and why it fails; totals as the reference scorer prints them."""
    rows, purity = [], []
    passed = forbidden = best_ok = 0
    for g in gold:
        if g["measure"] not in MEASURES:
            continue
        cands = [
            f
            for f in figs
            if f.get("measure") == g["measure"]
            and any(event_of.get(c.get("article")) == g["event"] for c in f.get("claims") or [])
        ]
        best, hits = None, 0
        for f in cands:
            h = sum(has(held(f), e) for e in g["expect"])
            if h > hits:
                best, hits = f, h
        why, bad, in_range, p = [], [], False, None
        if not best:
            why.append("no figure with these values")
        else:
            v = held(best)
            if hits < 0.75 * len(g["expect"]):
                why.append(f"holds {hits}/{len(g['expect'])} expected values")
            bad = [e for e in g["forbid"] if has(v, e)]
            if bad:
                forbidden += 1
                why.append(f"merges values that are not this quantity {bad}")
            b = best.get("best")
            in_range = isinstance(b, (int, float)) and g["best"][0] - 0.5 <= b <= g["best"][1] + 0.5
            best_ok += in_range
            if not in_range:
                why.append(f"best {b} outside {g['best']}")
            arts = {c.get("article") for c in best.get("claims") or []}
            if len(arts) < g["min_articles"]:
                why.append(f"claims from {len(arts)} articles, want >= {g['min_articles']}")
            named = [c.get("source") for c in best.get("claims") or [] if c.get("source")]
            if g.get("sources") and named:
                p = sum(source_ok(n, g["sources"]) for n in named) / len(named)
                purity.append(p)
        passed += not why
        rows.append(
            {
                "event": g["event"],
                "measure": g["measure"],
                "ok": not why,
                "why": why,
                "figure": best.get("id") if best else None,
                "hits": hits,
                "forbidden": bad,
                "best": best.get("best") if best else None,
                "claims": len(best.get("claims") or []) if best else 0,
            }
        )
    judged = sum(r["figure"] is not None for r in rows)
    return {
        "gold": len(rows),
        "passed": passed,
        "forbidden_merges": forbidden,
        "best_in_range": best_ok,
        "purity": sum(purity) / len(purity) if purity else None,
        "judged": judged,
        "clean": len(rows) - forbidden,
        "rows": rows,
    }


def parse_reference(summary: str) -> dict:
    """The numbers of the scorer's last line: 'figures: P/N gold figures reconciled (F merge other quantities,
    B best in range, source purity X)'."""
    import re

    m = re.search(
        r"figures: (\d+)/(\d+) gold figures reconciled \((\d+) merge other quantities, (\d+) best in "
        r"range(?:, source purity ([\d.]+))?\)",
        summary,
    )
    if not m:
        raise RuntimeError(f"cannot read the reference scorer's summary: {summary!r}")
    p, n, f, b, sp = m.groups()
    return {
        "passed": int(p),
        "gold": int(n),
        "forbidden_merges": int(f),
        "best_in_range": int(b),
        "purity": float(sp) if sp else None,
    }


def run(work: Path, db: Path | None = None, source: Path = ALLSIDES, gold_path: Path = GOLD) -> dict:
    gold = load_gold(gold_path)
    corpus, clusters_path, plain = build_inputs(gold, work, source)
    db = db or work / "ledger.db"
    ingest_s = None
    if _stored(db) == 0:
        t0 = time.perf_counter()
        res = _newsledger("ingest", str(corpus), "--db", str(db), "--quiet")
        ingest_s = time.perf_counter() - t0
        if res.returncode:
            raise RuntimeError(f"newsledger ingest failed: {(res.stdout + res.stderr)[-2000:]}")
    t0 = time.perf_counter()
    figs_res = _newsledger("figures", "--db", str(db), "--format", "jsonl")
    stories_res = _newsledger("stories", "--db", str(db), "--format", "jsonl")
    reconcile_s = time.perf_counter() - t0
    for name, res in (("figures", figs_res), ("stories", stories_res)):
        if res.returncode:
            raise RuntimeError(f"newsledger {name} failed: {res.stderr[-2000:]}")
    figures_path, stories_path = work / "figures.jsonl", work / "stories.jsonl"
    figures_path.write_text(figs_res.stdout, encoding="utf-8")
    stories_path.write_text(stories_res.stdout, encoding="utf-8")

    clusters = json.loads(clusters_path.read_text(encoding="utf-8"))
    event_of = {
        a["id"]: clusters.get(a.get("source"))
        for line in stories_res.stdout.splitlines()
        if line.strip()
        for a in json.loads(line).get("articles") or []
    }
    figs = [json.loads(line) for line in figs_res.stdout.splitlines() if line.strip()]
    ours = score(json.loads(plain.read_text(encoding="utf-8"))["figures"], figs, event_of)

    ref_lines = None
    if REFERENCE.is_file():
        out = subprocess.run(
            [sys.executable, str(REFERENCE), str(plain), str(figures_path), str(stories_path), str(clusters_path)],
            capture_output=True,
            text=True,
        )
        if out.returncode:
            raise RuntimeError(f"reference scorer failed: {out.stderr[-2000:]}")
        ref_lines = out.stdout.strip().splitlines()
        ref = parse_reference(ref_lines[-1])
        mine = {k: ours[k] for k in ("passed", "gold", "forbidden_merges", "best_in_range")}
        if (
            {k: ref[k] for k in mine} != mine
            or (ref["purity"] is None) != (ours["purity"] is None)
            or (
                ref["purity"] is not None and abs(ref["purity"] - ours["purity"]) > 0.0051
            )  # the scorer prints 2 places
        ):
            raise RuntimeError(f"this script and the reference scorer disagree: {mine, ours['purity']} vs {ref}")
        ref_ok = [line.startswith("PASS") for line in ref_lines[:-1]]
        if ref_ok != [r["ok"] for r in ours["rows"]]:
            raise RuntimeError("this script and the reference scorer disagree on which gold figures pass")
    return {
        **ours,
        "reference": ref_lines,
        "articles": len(gold_articles(gold)),
        "incidents": len(gold["incidents"]),
        "figures_out": len(figs),
        "ingest_s": ingest_s,
        "reconcile_s": reconcile_s,
        "work": str(work),
    }


def report(r: dict) -> str:
    pur = f"{r['purity']:.2f}" if r["purity"] is not None else "n/a"
    lines = [
        f"`bench/eval_figures.py` on the project's own figure gold (`tests/reconcile/data/figures_gold.json`, "
        f"docs/figures_gold.md): {r['gold']} gold figures in {r['incidents']} incidents, {r['articles']} allsides "
        f"articles ingested into a fresh ledger; scored by `../shared/tools/scorers/score_figures.py` with "
        f"stories and the article -> incident clusters (this script's own count agrees). "
        f"{datetime.now(UTC):%Y-%m-%d}, {machine()}.",
        "",
        "| measure | value |",
        "|---|---|",
        f"| gold figures reconciled (pass) | {r['passed']}/{r['gold']} |",
        f"| judged figure merges a forbidden value | {r['forbidden_merges']} |",
        f"| no forbidden merge (of all gold figures) | {100 * r['clean'] / r['gold']:.0f}% |",
        f"| best in range | {r['best_in_range']} |",
        f"| source purity | {pur} |",
        f"| gold figures with no candidate figure | {r['gold'] - r['judged']} |",
        f"| figures written | {r['figures_out']} |",
    ]
    if r["reference"]:
        lines += ["", "Scorer output:", "", "```", *r["reference"], "```"]
    return "\n".join(lines)


def machine() -> str:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from _report import machine as m

    return m()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--work", type=Path)
    ap.add_argument("--db", type=Path)
    ap.add_argument("--write-benchmarks", action="store_true")
    args = ap.parse_args(argv)
    if not ALLSIDES.is_file():
        print(f"needs {ALLSIDES}, which is absent", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        work = args.work or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        r = run(work, args.db)
    for line in r["reference"] or []:
        print(line)
    pur = f"{r['purity']:.2f}" if r["purity"] is not None else "n/a"
    print(
        f"own count: {r['passed']}/{r['gold']} pass, {r['forbidden_merges']} forbidden merges, "
        f"{r['best_in_range']} best in range, source purity {pur}",
        end="",
    )
    print(
        f"; no forbidden merge in {100 * r['clean'] / r['gold']:.0f}% of figures "
        f"({r['gold'] - r['judged']} with no candidate); {r['figures_out']} figures from {r['articles']} articles"
        + (f", ingest {r['ingest_s']:.0f} s" if r["ingest_s"] else "")
    )
    if args.write_benchmarks:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from _report import write_section

        write_section(SECTION, report(r))
    return 0


if __name__ == "__main__":
    sys.exit(main())
