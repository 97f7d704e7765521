#!/usr/bin/env python3
"""Geocoding on GeoWebNews and LGL: accuracy@161 km, mean and median error, span recall.

GeoWebNews: `score_places.py --write-input` writes the articles, `newsledger extract` reads them, and
`score_places.py` scores the output; this script's own scorer (`score`, the same metric) must agree with
it, and scores LGL (Corpora/lgl.xml, loaded here) and the baseline. Baseline: the same place spans, each
resolved to the most populous gazetteer record of that name, ignoring its article.

usage: python bench/eval_places.py [--limit N] [--speed N] [--write-benchmarks]

--speed N times `extract_places` on N parsed allsides articles against the spaCy parse.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DATA = SHARED / "data" / "geoparsing" / "data"
GWN = DATA / "GWN.xml"
LGL = DATA / "Corpora" / "lgl.xml"
SCORER = SHARED / "tools" / "scorers" / "score_places.py"
SECTION = "places: geocoding (GeoWebNews, LGL)"
sys.path.insert(0, str(ROOT / "src"))


def km(a, b) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (*a, *b))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(min(1.0, h)))


def gwn_gold(path: Path = GWN) -> dict[str, list[tuple]]:
    """(start, end, lat, lon, kind) of each gold toponym; kind is GeoWebNews' type ("Literal", "Demonym",
    "Metonymic", ...) and, where its GeoNames id is in the gazetteer, that record's level."""
    out = {}
    for a in ET.parse(path).getroot().iter("article"):
        rows = []
        for t in a.iter("toponym"):
            lat, lon = t.findtext("latitude"), t.findtext("longitude")
            if lat and lon and (t.findtext("nonLocational") or "").strip() != "Yes":
                kind = (t.findtext("type") or "?", (t.findtext("geonamesID") or "").strip())
                rows.append((int(t.findtext("start")), int(t.findtext("end")), float(lat), float(lon), kind))
        out[f"gwn-{a.get('file')}"] = rows
    return out


def annotated(path: Path, tag: str, key) -> dict[str, list[tuple[int, int]]]:
    """Every annotated toponym span, with or without coordinates, by article source: a resolved place off
    all of them is taken as a false place (the corpora annotate every toponym)."""
    return {
        key(a): [(int(t.findtext("start")), int(t.findtext("end"))) for t in a.iter("toponym")]
        for a in ET.parse(path).getroot().iter(tag)
    }


def precision(spans: dict, pred: dict) -> float:
    located = [(src, p) for src, ps in pred.items() for p in ps if isinstance(p.get("lat"), (int, float))]
    on = sum(any(p["start"] < e and p["end"] > s for s, e in spans.get(src, ())) for src, p in located)
    return on / max(len(located), 1)


def lgl(path: Path = LGL) -> tuple[list[dict], dict]:
    """LGL articles as extract input, and their gold toponyms (those with a gazetteer point)."""
    docs, gold = [], {}
    for a in ET.parse(path).getroot().iter("article"):
        src = f"lgl-{a.get('docid')}"
        docs.append({"source": src, "text": a.findtext("text") or ""})
        rows = []
        for t in a.iter("toponym"):
            lat, lon = t.findtext("gaztag/lat"), t.findtext("gaztag/lon")
            if lat and lon:
                kind = t.findtext("gaztag/fcode") or "?"  # GeoNames feature code: PPL, ADM1, PCLI, ...
                rows.append((int(t.findtext("start")), int(t.findtext("end")), float(lat), float(lon), kind))
        gold[src] = rows
    return docs, gold


def score(gold: dict, pred: dict) -> dict:
    """score_places.py's metric over any gold: a toponym is found when a resolved place overlaps it."""
    total = right = 0
    errors = []
    for src, rows in gold.items():
        places = [p for p in pred.get(src, []) if isinstance(p.get("lat"), (int, float))]
        for s, e, lat, lon, *_ in rows:
            total += 1
            hit = [p for p in places if p["start"] < e and p["end"] > s]
            if hit:
                d = min(km((lat, lon), (p["lat"], p["lon"])) for p in hit)
                errors.append(d)
                right += d <= 161
    return {
        "gold": total,
        "found": len(errors),
        "acc161": right / max(total, 1),
        "acc161_found": right / max(len(errors), 1),
        "mean_km": statistics.fmean(errors) if errors else float("nan"),
        "median_km": statistics.median(errors) if errors else float("nan"),
        "span_recall": len(errors) / max(total, 1),
    }


OUTCOMES = ("right", "not found", "unresolved", "far")
LEVELS = {0: "continent", 1: "country", 2: "admin1", 3: "city"}


def outcome(row: tuple, places: list[dict]) -> tuple[str, float | None]:
    """What became of one gold toponym: right, not found (no place overlaps it), unresolved (a place
    overlaps it but has no coordinate) or far (resolved, more than 161 km off); and the error in km."""
    s, e, lat, lon = row[:4]
    hit = [p for p in places if p["start"] < e and p["end"] > s]
    located = [p for p in hit if isinstance(p.get("lat"), (int, float))]
    if not located:
        return ("unresolved" if hit else "not found"), None
    d = min(km((lat, lon), (p["lat"], p["lon"])) for p in located)
    return ("right" if d <= 161 else "far"), d


def feature_kind(kind) -> str:
    """LGL: the GeoNames feature code, grouped; GeoWebNews: the level of the gold id's gazetteer record."""
    if isinstance(kind, str):
        return {"PPL": "city", "ADM": "admin", "PCL": "country", "CON": "continent"}.get(kind[:3], kind)
    from newsledger.reconcile.geonames import place_index

    level = _levels(place_index()).get(int(kind[1])) if kind[1].isdigit() else None
    return LEVELS[level] if level is not None else ("not in gazetteer" if kind[1] else "no GeoNames id")


_LEVEL_CACHE: dict = {}


def _levels(index) -> dict[int, int]:
    if not _LEVEL_CACHE:
        _LEVEL_CACHE.update((r[0], r[8]) for r in index.rows if r[0] is not None)
    return _LEVEL_CACHE


def breakdown(gold: dict, pred: dict, key) -> dict[str, Counter]:
    """Per gold kind (`key` of a row's kind), how many toponyms came out each way, plus their error km."""
    out: dict[str, Counter] = defaultdict(Counter)
    for src, rows in gold.items():
        for row in rows:
            what, d = outcome(row, pred.get(src, []))
            c = out[key(row[4])]
            c[what] += 1
            c["km"] += d or 0
    return out


def misses(gold: dict, pred: dict, texts: dict, what: str, n: int) -> list[tuple[str, int]]:
    """The `n` commonest gold names that came out `what`: for reading errors, printed, never recorded."""
    c = Counter(
        texts[src][row[0] : row[1]]
        for src, rows in gold.items()
        for row in rows
        if outcome(row, pred.get(src, []))[0] == what
    )
    return c.most_common(n)


def breakdown_table(title: str, b: dict[str, Counter]) -> str:
    rows = sorted(b.items(), key=lambda kv: kv[1]["right"] - sum(kv[1][o] for o in OUTCOMES))  # most missed first
    lines = [
        f"| {title} | gold | right | not found | unresolved | far (> 161 km) | mean km (resolved) |",
        "|---|" + "---|" * 6,
    ]
    for kind, c in rows:
        n = sum(c[o] for o in OUTCOMES)
        located = c["right"] + c["far"]
        mean = f"{c['km'] / located:.0f}" if located else "-"
        lines.append(f"| {kind} | {n} | {c['right']} | {c['not found']} | {c['unresolved']} | {c['far']} | {mean} |")
    return "\n".join(lines)


def _top(b: dict[str, Counter], n: int) -> dict[str, Counter]:
    """The n kinds with the most gold, the rest summed as "other"."""
    ranked = sorted(b, key=lambda k: -sum(b[k][o] for o in OUTCOMES))
    out = {k: b[k] for k in ranked[:n]}
    if rest := ranked[n:]:
        out["other"] = sum((b[k] for k in rest), Counter())
    return out


def extract(docs_path: Path, out_path: Path) -> None:
    exe = Path(sys.executable).parent / "newsledger"
    with out_path.open("w") as out:
        subprocess.run([str(exe), "extract", str(docs_path)], stdout=out, check=True)


def read_places(out_path: Path) -> dict:
    return {d["article"]["source"]: d.get("places") or [] for d in map(json.loads, out_path.open()) if d}


def baseline(pred: dict) -> dict:
    """The same spans, each the most populous record of its name (a country by its name first)."""
    from newsledger.reconcile.gazetteer import gazetteer
    from newsledger.reconcile.geonames import place_index

    index, g = place_index(), gazetteer()
    out = {}
    for src, places in pred.items():
        rows = []
        for p in places:
            a3 = g.country(p["text"])
            rec = index.country(a3) if a3 else max(index.lookup(p["text"]), key=lambda r: r.population, default=None)
            rows.append({**p, "lat": rec.lat if rec else None, "lon": rec.lon if rec else None})
        out[src] = rows
    return out


def limited(path: Path, out: Path, limit: int | None) -> Path:
    if limit is None:
        return path
    out.write_text("".join(path.read_text().splitlines(keepends=True)[:limit]))
    return out


def run_gwn(work: Path, limit: int | None) -> dict:
    docs = work / "gwn.jsonl"
    subprocess.run([sys.executable, str(SCORER), "--write-input", str(GWN), str(docs)], check=True)
    docs = limited(docs, work / "gwn-limited.jsonl", limit)
    out = work / "gwn.out.jsonl"
    extract(docs, out)
    pred = read_places(out)
    gold = {k: v for k, v in gwn_gold().items() if k in pred}
    ours = score(gold, pred)
    line = subprocess.run([sys.executable, str(SCORER), str(GWN), str(out)], capture_output=True, text=True).stdout
    ref = float(re.search(r"accuracy@161km ([\d.]+)", line).group(1))
    if limit is None and abs(ref - round(ours["acc161"], 3)) > 0.0005:
        raise SystemExit(f"this script's scorer ({ours['acc161']:.3f}) disagrees with score_places.py ({ref})")
    kinds = {"type": breakdown(gold, pred, lambda k: k[0]), "feature": breakdown(gold, pred, feature_kind)}
    spans = annotated(GWN, "article", lambda a: f"gwn-{a.get('file')}")
    ours["precision"] = precision(spans, pred)
    return {"ours": ours, "baseline": score(gold, baseline(pred)), "reference": line.strip(), "kinds": kinds}


def run_lgl(work: Path, limit: int | None) -> dict | None:
    if not LGL.exists():
        return None
    docs, gold = lgl()
    docs = docs[:limit] if limit else docs
    path = work / "lgl.jsonl"
    path.write_text("".join(json.dumps(d) + "\n" for d in docs))
    out = work / "lgl.out.jsonl"
    extract(path, out)
    pred = read_places(out)
    gold = {k: v for k, v in gold.items() if k in pred}
    kinds = {"feature": breakdown(gold, pred, feature_kind)}
    ours = score(gold, pred)
    ours["precision"] = precision(annotated(LGL, "article", lambda a: f"lgl-{a.get('docid')}"), pred)
    return {"ours": ours, "baseline": score(gold, baseline(pred)), "kinds": kinds}


def speed(n: int) -> dict:
    sys.path.insert(0, str(ROOT / "bench"))
    from _report import parsed_allsides
    from newsledger.extract.entities import extract_entities
    from newsledger.extract.places import extract_places
    from newsledger.reconcile.geonames import place_index

    load = index_load()
    place_index()
    arts, docs, parse_s = parsed_allsides(n)
    ents = [extract_entities(d, a.reading) for d, a in zip(docs, arts)]
    t0 = time.perf_counter()
    found = sum(len(extract_places(a.reading, e, a)) for a, e in zip(arts, ents))
    return {"articles": n, "parse_s": parse_s, "places_s": time.perf_counter() - t0, "found": found, **load}


_LOAD = """
import json, time


def rss():  # the resident set now (ru_maxrss is inherited from the parent across exec)
    return int(open("/proc/self/status").read().split("VmRSS:")[1].split()[0]) / 1024


before = rss()
t0 = time.perf_counter()
from newsledger.reconcile.geonames import place_index
i = place_index()
print(json.dumps({"load_s": time.perf_counter() - t0, "records": len(i.rows), "names": len(i.names),
                  "mib": rss() - before}))
"""


def index_load() -> dict:
    """Loading the cached gazetteer index in a fresh process: seconds and memory (the first run builds it)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    subprocess.run([sys.executable, "-c", _LOAD], env=env, check=True, capture_output=True)  # builds the cache
    out = subprocess.run([sys.executable, "-c", _LOAD], env=env, check=True, capture_output=True, text=True)
    return json.loads(out.stdout)


def _row(name: str, r: dict) -> str:
    prec = f"{r['precision']:.3f}" if "precision" in r else "-"
    return (
        f"| {name} | {r['acc161']:.3f} | {r['acc161_found']:.3f} | {r['mean_km']:.0f} | {r['median_km']:.0f} | "
        f"{r['span_recall']:.3f} | {prec} | {r['gold']} |"
    )


def report(gwn: dict, lgl_: dict | None, cost: dict | None) -> str:
    from _report import machine

    rows = [_row("GeoWebNews, newsledger", gwn["ours"]), _row("GeoWebNews, baseline (most populous)", gwn["baseline"])]
    if lgl_:
        rows += [_row("LGL, newsledger", lgl_["ours"]), _row("LGL, baseline (most populous)", lgl_["baseline"])]
    body = [
        f"`python bench/eval_places.py --write-benchmarks`, {time.strftime('%Y-%m-%d')}, {machine()}.",
        "",
        "| corpus, geocoder | acc@161 (all gold) | acc@161 (found) | mean km | median km | span recall | "
        "on a toponym | gold |",
        "|---|---|---|---|---|---|---|---|",
        *rows,
        "",
        f"score_places.py on the same output: `{gwn['reference']}`.",
        "A gold toponym the extractor does not find, or leaves unresolved, counts as wrong in acc@161 (all "
        "gold). The baseline geocodes the same spans (so the same recall) to the most populous record of the "
        "name. The country points, the region/city rules and the place-finding cues were chosen while reading "
        "GeoWebNews and LGL errors (counts by kind, below), never as per-name tables. On a toponym: the share of resolved places that overlap an annotated "
        "toponym of the corpus (with or without coordinates); the rest are places where the annotators saw none. "
        "Published CLIFF / Mordecai figures: not found in the search corpora, "
        "so none are cited.",
    ]
    body += [
        "",
        "Where the misses are (GeoWebNews by its annotation type and by the gazetteer level of the gold "
        "GeoNames id; LGL by the gold feature code):",
        "",
    ]
    body += [breakdown_table("GeoWebNews type", gwn["kinds"]["type"]), "",
             breakdown_table("GeoWebNews feature", gwn["kinds"]["feature"])]  # fmt: skip
    if lgl_:
        body += ["", breakdown_table("LGL feature", _top(lgl_["kinds"]["feature"], 8))]
    if cost:
        body.append(
            f"\nCost: `extract_places` on {cost['articles']} allsides articles (already parsed) took "
            f"{cost['places_s']:.2f} s against {cost['parse_s']:.1f} s of spaCy parse "
            f"({100 * cost['places_s'] / cost['parse_s']:.1f}%), {cost['found']} places. Loading the cached gazetteer "
            f"index ({cost['records']} records, {cost['names']} names) in a fresh process took {cost['load_s']:.2f} s "
            f"and {cost['mib']:.0f} MiB."
        )
    return "\n".join(body)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int)
    ap.add_argument("--speed", type=int, default=0)
    ap.add_argument("--write-benchmarks", action="store_true")
    args = ap.parse_args(argv)
    if not GWN.exists():
        print(f"no GeoWebNews at {GWN}", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        gwn = run_gwn(Path(tmp), args.limit)
        lgl_ = run_lgl(Path(tmp), args.limit)
    cost = speed(args.speed) if args.speed else None
    sys.path.insert(0, str(ROOT / "bench"))
    text = report(gwn, lgl_, cost)
    print(text)
    if args.write_benchmarks:
        from _report import write_section

        write_section(SECTION, text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
