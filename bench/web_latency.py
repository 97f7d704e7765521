"""Latency of every page and API endpoint of `newsledger serve` under a bounded loopback load.

    python bench/web_latency.py LEDGER.db [--build] [--requests 200] [--concurrency 2] [--max-seconds 300] [--write]

With `--build` and no ledger at LEDGER.db, it first ingests the 37,554 allsides articles into it
(`newsledger ingest --workers <cores>`, hours on 2 cores) and reports how long that took.

Starts `newsledger serve` on 127.0.0.1 (a separate process, read-only), picks real ids from the ledger
(recent articles, the most named entities, the most disputed figures, stories), sends one warm-up request per
endpoint (its time is reported as 'first'), then drives a mixed load with
locust (`--concurrency` users, no wait between requests): `--requests` requests per endpoint, the endpoints
interleaved, each detail endpoint rotating over up to 20 ids. Reports locust's p50 / p95 / max per endpoint;
the floor is p95 < 100 ms. The run stops at `--max-seconds` whatever is left. `--write` records the table in
BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import os
import socket
import sqlite3
import subprocess
import sys
import time
from itertools import cycle
from pathlib import Path
from urllib.parse import quote

import gevent
import httpx
from locust import FastHttpUser, task  # first: locust patches sockets with gevent on import
from locust import __version__ as locust_version
from locust.env import Environment
from locust.exception import StopUser

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _report import ROOT, machine, write_section  # noqa: E402

ALLSIDES = ROOT.parent / "shared" / "data" / "allsides" / "articles.jsonl.gz"

FLOOR_MS = 100.0
SEARCH_TERMS = ["election", "police", "climate change", "supreme court", "refugees", "senate vote"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: str, port: int) -> subprocess.Popen:
    cmd = [
        sys.executable,
        "-c",
        "from newsledger.cli import main; main()",
        "serve",
        "--db",
        db,
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
    ]
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
    speaker = next(
        (e["name"] for e in client.get("/api/entities", params={"label": "PERSON", "limit": 1}).json()["items"]), "said"
    )
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
        "page /claims": ["/claims", "/claims?measure=killed", f"/claims?party={quote(speaker)}"],
        "page /quotes": ["/quotes", f"/quotes?party={quote(speaker)}"],
        "page /events": ["/events", "/events?type=ASSAULT"],
        "api /api/articles": ["/api/articles", "/api/articles?offset=100"],
        "api /api/articles/{id}": [f"/api/articles/{a}" for a in arts],
        "api /api/claims": ["/api/claims", "/api/claims?measure=killed", "/api/claims?offset=1000"],
        "api /api/claims?source=": [f"/api/claims?source={quote(speaker)}", "/api/claims?source=Nobody%20Anywhere"],
        "api /api/claims?text=": [f"/api/claims?text={t}" for t in q + ["hurricane", "zyxwvut"]],
        "api /api/quotes": ["/api/quotes", "/api/quotes?offset=1000"],
        "api /api/quotes?speaker=": [f"/api/quotes?speaker={quote(speaker)}", "/api/quotes?speaker=Nobody%20Anywhere"],
        "api /api/entities": ["/api/entities", "/api/entities?label=PERSON", "/api/entities?offset=500"],
        "api /api/entities/{id}": [f"/api/entities/{e}" for e in enc(ents)],
        "api /api/figures": ["/api/figures", "/api/figures?about=killed"],
        "api /api/figures/{id}": [f"/api/figures/{f}" for f in enc(figs)],
        "api /api/stories": ["/api/stories"],
        "api /api/stories/{id}": [f"/api/stories/{s}" for s in enc(stories)],
        "api /api/search": [f"/api/search?q={t}" for t in q],
        "api /api/events": ["/api/events", "/api/events?type=PROTEST"],
    }
    return {k: v for k, v in out.items() if v}


def load(base: str, plan: dict[str, list[str]], n: int, users: int, max_seconds: float) -> list[tuple]:
    """n requests per endpoint from `users` locust users, endpoints interleaved so the load is mixed; one
    (name, requests, min, p50, p95, max, failures) row per endpoint, times in ms."""
    rotations = {name: cycle(urls) for name, urls in plan.items()}
    jobs = iter([(name, next(rotations[name])) for _ in range(n) for name in plan])

    class Reader(FastHttpUser):
        host = base
        network_timeout = connection_timeout = 30.0

        @task
        def read(self):
            job = next(jobs, None)
            if job is None:
                raise StopUser()
            self.client.get(job[1], name=job[0])

    env = Environment(user_classes=[Reader])
    runner = env.create_local_runner()
    runner.start(users, spawn_rate=users)
    deadline = time.monotonic() + max_seconds
    gevent.sleep(1)
    while runner.user_count and time.monotonic() < deadline:
        gevent.sleep(0.2)
    runner.quit()
    rows = []
    for name in plan:
        e = env.stats.get(name, "GET")
        if e.num_requests:
            rows.append(
                (
                    name,
                    e.num_requests,
                    e.min_response_time,
                    e.get_response_time_percentile(0.5),
                    e.get_response_time_percentile(0.95),
                    e.max_response_time,
                    e.num_failures,
                )
            )
    return rows


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
    ap.add_argument("--build", action="store_true", help="ingest the allsides articles when there is no ledger")
    ap.add_argument("--write", action="store_true", help="record the result in BENCHMARKS.md")
    args = ap.parse_args()
    built = ""
    if not Path(args.db).exists():
        if not args.build:
            raise SystemExit(f"no ledger at {args.db} (--build makes one from the allsides articles)")
        t = time.monotonic()
        subprocess.run(
            [
                sys.executable,
                "-c",
                "from newsledger.cli import main; main()",
                "ingest",
                str(ALLSIDES),
                "--db",
                args.db,
                "--workers",
                str(os.cpu_count()),
                "--quiet",
            ],
            check=True,
        )
        built = (
            f" Built by this run from `{ALLSIDES.relative_to(ROOT.parent)}` with `newsledger ingest "
            f"--workers {os.cpu_count()}` (extraction and reconciliation) in {(time.monotonic() - t) / 60:.0f} min."
        )

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
        for name, k, lo, p50, p95, mx, errors in load(base, plan, args.requests, args.concurrency, args.max_seconds):
            rows.append((name, k, lo, p50, p95, mx, cold[name], errors))
            print(
                f"{name:30s} n={k:4d} min={lo:6.1f} p50={p50:7.1f} ms p95={p95:7.1f} ms max={mx:7.1f} ms "
                f"first={cold[name]:7.1f} ms errors={errors}",
                flush=True,
            )
    finally:
        server.terminate()
        server.wait(10)

    loadavg = (load_before, os.getloadavg()[0])
    over = [r for r in rows if r[4] >= FLOOR_MS]
    unmeasured = [name for name in plan if name not in {r[0] for r in rows}]
    size = ledger_size(args.db)
    table = [
        "| endpoint | requests | min ms | p50 ms | p95 ms | max ms | first (cold) ms | non-200 |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    table += [
        f"| `{n}` | {k} | {lo:.1f} | {p50:.1f} | {p95:.1f} | {mx:.1f} | {cold:.0f} | {e} |"
        for n, k, lo, p50, p95, mx, cold, e in rows
    ]
    verdict = (
        f"**p95 < {FLOOR_MS:.0f} ms on every endpoint.**"
        if not over
        else f"**p95 ≥ {FLOOR_MS:.0f} ms on {len(over)} endpoint(s): "
        + ", ".join(f"`{r[0]}` ({r[4]:.0f} ms)" for r in over)
        + ".**"
    )
    if unmeasured:
        verdict += " Not measured (time limit): " + ", ".join(f"`{n}`" for n in unmeasured) + "."
    body = (
        f"`python bench/web_latency.py {args.db} --requests {args.requests} --concurrency {args.concurrency}`"
        f"  \n{time.strftime('%Y-%m-%d')}, {machine()}.\n\n"
        f"Ledger: " + ", ".join(f"{v:,} {k}" for k, v in size.items()) + "." + built + " "
        f"Loopback only (127.0.0.1), `newsledger serve` in its own process (uvicorn, one worker), "
        f"locust {locust_version} with {args.concurrency} users and no wait time, all endpoints interleaved in "
        f"one mixed load, detail endpoints rotating over up to 20 real ids; locust rounds times of 100 ms "
        f"and more to 10 ms. "
        f"'first' is the single warm-up request before measuring, once the server answers (it builds its "
        f"lists of figures and stories as it starts). Load average (1 min) {loadavg[0]:.1f} before, {loadavg[1]:.1f} after: "
        f"the machine's other work shares its {os.cpu_count()} cores ('min' is the closest to the service "
        f"time alone).\n\n" + "\n".join(table) + "\n\n" + verdict
    )
    print("\n" + verdict)
    if args.write:
        write_section("Web latency (newsledger serve)", body)
        print("written to BENCHMARKS.md")


if __name__ == "__main__":
    main()
