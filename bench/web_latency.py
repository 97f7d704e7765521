"""Latency of every page and API endpoint of `newsledger serve` under a bounded loopback load.

    python bench/web_latency.py LEDGER.db [--requests 200] [--concurrency 2] [--max-seconds 300] [--write]

Starts `newsledger serve` on 127.0.0.1 (a separate process, read-only), picks real ids from the ledger
(recent articles, the most named entities, the most disputed figures, stories), sends one warm-up request per
endpoint (its time is reported: the first hit builds the per-version caches), then `--requests` requests per
endpoint from `--concurrency` closed-loop clients (httpx), rotating over up to 20 ids per detail endpoint.
Reports p50 / p95 / max per endpoint; the floor is p95 < 100 ms. The run stops at `--max-seconds` whatever
is left. `--write` records the table in BENCHMARKS.md.
"""
from __future__ import annotations

import argparse
import os
import socket
import sqlite3
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from itertools import cycle
from pathlib import Path
from statistics import quantiles
from urllib.parse import quote

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _report import machine, write_section  # noqa: E402

FLOOR_MS = 100.0
SEARCH_TERMS = ["election", "police", "climate change", "supreme court", "refugees", "senate vote"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: str, port: int) -> subprocess.Popen:
    cmd = [sys.executable, "-c", "from newsledger.cli import main; main()", "serve", "--db", db,
           "--host", "127.0.0.1", "--port", str(port)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"the server exited: {proc.stderr.read().decode()[-2000:]}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/", timeout=2).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.terminate()
    raise SystemExit("the server did not answer within 60 s")


def ids(client: httpx.Client, url: str, key: str = "id", n: int = 20) -> list[str]:
    return [str(x[key]) for x in client.get(url, params={"limit": n}).json()["items"]][:n]


def targets(client: httpx.Client) -> dict[str, list[str]]:
    """Endpoint name -> the URLs to rotate over, from what the ledger holds."""
    arts = ids(client, "/api/articles")
    ents = ids(client, "/api/entities")
    figs = ids(client, "/api/figures")
    stories = ids(client, "/api/stories")
    speaker = next((e["name"] for e in client.get("/api/entities", params={"label": "PERSON", "limit": 1})
                    .json()["items"]), "said")
    q = [quote(t) for t in SEARCH_TERMS]
    enc = lambda xs: [quote(x, safe="") for x in xs]  # noqa: E731
    out = {
        "page /": ["/"],
        "page /articles": ["/articles"],
        "page /articles/{id}": [f"/articles/{a}" for a in arts],
        "page /entities": ["/entities"],
        "page /entities/{id}": [f"/entities/{e}" for e in enc(ents)],
        "page /figures": ["/figures"],
        "page /figures/{id}": [f"/figures/{f}" for f in enc(figs)],
        "page /stories": ["/stories"],
        "page /stories/{id}": [f"/stories/{s}" for s in enc(stories)],
        "page /search": [f"/search?q={t}" for t in q],
        "api /api/articles": ["/api/articles", "/api/articles?offset=100"],
        "api /api/articles/{id}": [f"/api/articles/{a}" for a in arts],
        "api /api/claims": ["/api/claims", "/api/claims?measure=killed", "/api/claims?offset=1000"],
        "api /api/claims?source=": [f"/api/claims?source={quote(speaker)}"],
        "api /api/quotes": ["/api/quotes", "/api/quotes?offset=1000"],
        "api /api/quotes?speaker=": [f"/api/quotes?speaker={quote(speaker)}"],
        "api /api/entities": ["/api/entities", "/api/entities?label=PERSON", "/api/entities?offset=500"],
        "api /api/entities/{id}": [f"/api/entities/{e}" for e in enc(ents)],
        "api /api/figures": ["/api/figures", "/api/figures?about=killed"],
        "api /api/figures/{id}": [f"/api/figures/{f}" for f in enc(figs)],
        "api /api/stories": ["/api/stories"],
        "api /api/stories/{id}": [f"/api/stories/{s}" for s in enc(stories)],
        "api /api/search": [f"/api/search?q={t}" for t in q],
    }
    return {k: v for k, v in out.items() if v}


def measure(base: str, urls: list[str], n: int, concurrency: int, stop_at: float) -> tuple[list[float], int]:
    """Latencies (ms) of n requests over the urls from `concurrency` clients; and the count of non-200s."""
    lat: list[float] = []
    errors: list[int] = []
    todo = iter(range(n))
    url_of = cycle(urls)

    def worker():
        with httpx.Client(base_url=base, timeout=30) as c:
            for _ in todo:  # the iterator is shared: n requests in all
                if time.monotonic() > stop_at:
                    return
                url = next(url_of)
                t = time.perf_counter()
                r = c.get(url)
                lat.append((time.perf_counter() - t) * 1000)
                if r.status_code != 200:
                    errors.append(r.status_code)

    with ThreadPoolExecutor(concurrency) as pool:
        for f in [pool.submit(worker) for _ in range(concurrency)]:
            f.result()
    return lat, len(errors)


def ledger_size(db: str) -> dict[str, int]:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    out = {}
    for t in ("articles", "claims", "quotes", "entities", "figures", "stories"):
        try:
            out[t] = conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        except sqlite3.OperationalError:
            pass
    conn.close()
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("db", help="the ledger to serve (read-only)")
    ap.add_argument("--requests", type=int, default=200, help="requests per endpoint (default 200)")
    ap.add_argument("--concurrency", type=int, default=2, help="closed-loop clients (default 2)")
    ap.add_argument("--max-seconds", type=float, default=300, help="stop the whole run after this long")
    ap.add_argument("--write", action="store_true", help="record the result in BENCHMARKS.md")
    args = ap.parse_args()
    if not Path(args.db).exists():
        raise SystemExit(f"no ledger at {args.db}")

    load_before = os.getloadavg()[0]
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = start_server(args.db, port)
    rows = []
    try:
        with httpx.Client(base_url=base, timeout=120) as c:
            plan = targets(c)
            cold = {}
            for name, urls in plan.items():
                t = time.perf_counter()
                c.get(urls[0])
                cold[name] = (time.perf_counter() - t) * 1000
        stop_at = time.monotonic() + args.max_seconds
        for name, urls in plan.items():
            lat, errors = measure(base, urls, args.requests, args.concurrency, stop_at)
            if len(lat) < 2:
                print(f"{name}: stopped (time limit)")
                continue
            q = quantiles(lat, n=100, method="inclusive")
            rows.append((name, len(lat), min(lat), q[49], q[94], max(lat), cold[name], errors))
            print(f"{name:30s} n={len(lat):4d} min={min(lat):6.1f} p50={q[49]:7.1f} ms p95={q[94]:7.1f} ms "
                  f"max={max(lat):7.1f} ms "
                  f"first={cold[name]:7.1f} ms errors={errors}", flush=True)
    finally:
        server.terminate()
        server.wait(10)

    load = (load_before, os.getloadavg()[0])
    over = [r for r in rows if r[4] >= FLOOR_MS]
    size = ledger_size(args.db)
    table = ["| endpoint | requests | min ms | p50 ms | p95 ms | max ms | first (cold) ms | non-200 |",
             "|---|---:|---:|---:|---:|---:|---:|---:|"]
    table += [f"| `{n}` | {k} | {lo:.1f} | {p50:.1f} | {p95:.1f} | {mx:.1f} | {cold:.0f} | {e} |"
              for n, k, lo, p50, p95, mx, cold, e in rows]
    verdict = (f"**p95 < {FLOOR_MS:.0f} ms on every endpoint.**" if not over else
               f"**p95 ≥ {FLOOR_MS:.0f} ms on {len(over)} endpoint(s): "
               + ", ".join(f"`{r[0]}` ({r[4]:.0f} ms)" for r in over) + ".**")
    body = (f"`python bench/web_latency.py {args.db} --requests {args.requests} --concurrency {args.concurrency}`"
            f"  \n{time.strftime('%Y-%m-%d')}, {machine()}.\n\n"
            f"Ledger: " + ", ".join(f"{v:,} {k}" for k, v in size.items()) + ". "
            f"Loopback only (127.0.0.1), `newsledger serve` in its own process (uvicorn, one worker), "
            f"{args.concurrency} closed-loop httpx clients, detail endpoints rotating over up to 20 real ids. "
            f"'first' is the single warm-up request before measuring (it fills the per-version caches of "
            f"figures, stories and entities). Load average (1 min) {load[0]:.1f} before, {load[1]:.1f} after: "
            f"the machine's other work shares its {os.cpu_count()} cores ('min' is the closest to the service "
            f"time alone).\n\n" + "\n".join(table) + "\n\n" + verdict)
    print("\n" + verdict)
    if args.write:
        write_section("Web latency (newsledger serve)", body)
        print("written to BENCHMARKS.md")


if __name__ == "__main__":
    main()
