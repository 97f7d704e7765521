"""Time of the filtered list pages (claims, quotes, events, articles, figures) on a ledger grown from the demo.

    python bench/web_filters.py [--copies 6000] [--runs 7] [--write]

Ingests samples/ into a fresh ledger, then copies its articles `--copies` times (new ids, the same rows of
claims, quotes, events and places, each copy one day later, in its own outlet among 20 and in the story of
its original), so the filters have something to cut. Figures are not copied (reconciliation makes them):
the figures page is timed on the demo's. Each URL is requested `--runs` times in process (FastAPI's
TestClient, no socket, after one warm-up); the table gives the rows the filter keeps (the page's count) and
the fastest, median and slowest time of the page, its count and first page included. `--write` records the table
in BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import os
import re
import sqlite3
import statistics
import sys
import tempfile
import time
import warnings
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _report import ROOT, machine, write_section  # noqa: E402

COLUMNS = {
    "claims": "start, end, text, point, low, high, qualifier, change, unit, counted, measure, source_name, "
    "source_entity, source_start, source_end, sentence_start, sentence_end, time",
    "quotes": "start, end, text, kind, speaker_name, speaker_entity, speaker_start, speaker_end, cue_text, "
    "cue_start, cue_end",
    "events": "start, end, trigger, kind, actor, target, time, type, mode, status, actor_entity, actor_start, "
    "actor_end, actor_sector, actor_country, target_entity, target_start, target_end, target_sector, "
    "target_country, place, dead, injured, size",
    "places": "start, end, text, name, country, admin1, lat, lon, feature, geonameid, population",
}


def grow(db: Path, copies: int) -> None:
    """Copy every article `copies` times with its rows (one transaction)."""
    conn = sqlite3.connect(db)
    originals = conn.execute("SELECT id FROM articles").fetchall()
    with conn:
        conn.execute("CREATE TEMP TABLE copy_of(new TEXT PRIMARY KEY, old TEXT, k INTEGER)")
        conn.executemany(
            "INSERT INTO copy_of VALUES (?, ?, ?)",
            ((f"{aid}{k:06d}", aid, k) for k in range(1, copies + 1) for (aid,) in originals),
        )
        conn.execute(
            "INSERT INTO articles(id, source, title, published, text, outlet, language) "
            "SELECT c.new, a.source || '#' || c.k, a.title, date(coalesce(a.published, '2025-03-10'), "
            "'+' || c.k || ' days'), a.text, 'Outlet ' || (c.k % 20), a.language "
            "FROM copy_of c JOIN articles a ON a.id = c.old"
        )
        for table, cols in COLUMNS.items():
            conn.execute(
                f"INSERT INTO {table}(article_id, {cols}) SELECT c.new, {cols} FROM copy_of c "
                f"JOIN {table} t ON t.article_id = c.old"
            )
        conn.execute(
            "INSERT INTO story_articles(article_id, story_id, similarity, terms) "
            "SELECT c.new, s.story_id, s.similarity, s.terms FROM copy_of c JOIN story_articles s ON s.article_id = c.old"
        )
    conn.execute("ANALYZE")
    conn.close()


def urls(db: Path) -> list[str]:
    conn = sqlite3.connect(db)
    story = conn.execute("SELECT story_id FROM story_articles GROUP BY story_id ORDER BY count(*) DESC").fetchone()[0]
    mid = conn.execute(
        "SELECT published FROM articles ORDER BY published LIMIT 1 OFFSET (SELECT count(*) / 2 FROM articles)"
    ).fetchone()[0]
    conn.close()
    out = []
    for page in ("claims", "quotes", "events", "articles"):
        out += [f"/{page}", f"/{page}?since={mid}", f"/{page}?outlet=Outlet%207", f"/{page}?story={story}"]
    out += ["/claims?measure=killed", "/claims?party=Ferreira", "/claims?measure=killed&since=" + mid]
    out += ["/quotes?party=Ferreira", "/quotes?party=Nobody%20Anywhere", "/events?country=UKR"]
    out += ["/figures", "/figures?party=Government", "/figures?measure=killed&since=" + mid]
    return out


def timed(client, url: str, runs: int) -> tuple[int, float, float, float]:
    body = client.get(url).text  # warm-up
    total = int(re.search(r'<span id="total">(\d+)</span>', body).group(1))
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        assert client.get(url).status_code == 200
        times.append((time.perf_counter() - t) * 1000)
    return total, min(times), statistics.median(times), max(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--copies", type=int, default=6000, help="copies of each demo article (default 6000)")
    ap.add_argument("--runs", type=int, default=7, help="timed requests per URL (default 7)")
    ap.add_argument("--write", action="store_true", help="record the result in BENCHMARKS.md")
    args = ap.parse_args()

    from newsledger.extract import Extractor
    from newsledger.pipeline import ingest
    from newsledger.serve import create_app
    from newsledger.store import Ledger

    with tempfile.TemporaryDirectory() as d:
        db = Path(d) / "grown.db"
        with Ledger(db) as ledger:
            ingest([str(ROOT / "samples")], ledger, Extractor(), date(2025, 3, 10))
        t = time.perf_counter()
        grow(db, args.copies)
        grown_s = time.perf_counter() - t
        conn = sqlite3.connect(db)
        size = {
            x: conn.execute(f"SELECT count(*) FROM {x}").fetchone()[0]
            for x in ("articles", "claims", "quotes", "events")
        }
        conn.close()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from fastapi.testclient import TestClient
        with TestClient(create_app(db)) as client:
            rows = [(u, *timed(client, u, args.runs)) for u in urls(db)]
    table = "\n".join(f"| `{u}` | {n:,} | {lo:.1f} | {med:.1f} | {mx:.1f} |" for u, n, lo, med, mx in rows)
    body = (
        f"`python bench/web_filters.py --copies {args.copies} --runs {args.runs}`  \n"
        f"{date.today().isoformat()}, {machine()}.\n\n"
        f"The demo ledger grown to {', '.join(f'{v:,} {k}' for k, v in size.items())} (copied in {grown_s:.0f} s; "
        "figures not copied: the demo's 5). Each page in process (TestClient, no socket), one warm-up then "
        f"{args.runs} requests; the time includes the count, the first page of 50 and the rendering. The "
        "unfiltered count is kept until the ledger changes (serve/memo.py); a filtered one is counted each time. "
        f"Load average (1 min) {os.getloadavg()[0]:.1f} at the end: the machine's other work shares its cores "
        "('min' is the closest to the page's own time).\n\n"
        "| page | rows kept | min ms | median ms | max ms |\n|---|---:|---:|---:|---:|\n" + table
    )
    print(body)
    if args.write:
        write_section("Web filters (list pages on a grown demo ledger)", body)


if __name__ == "__main__":
    main()
