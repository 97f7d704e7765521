"""Fetch + extract throughput of URLs against a local server, with concurrency.

usage: python bench/fetch.py [--pages 181] [--workers 1,4,8] [--no-write]

A threaded HTTP server on 127.0.0.1 serves the 181 news pages of ../shared/data/warc (gzip-encoded, as
most sites send them). Three measures:
  fetch          Fetcher.fetch of every page (robots.txt read once), in N threads sharing one Fetcher
  fetch+text     the same, then `page_article` (trafilatura main text, outlet, language) in each thread
  ingest         `newsledger.pipeline.ingest` of every URL into a fresh ledger: fetch, text, spaCy
                 extraction, store and reconcile, one process (what `newsledger ingest URL...` does)
Pages/s are over the wall time of each run. The server runs in this process too, on another thread.
Results go to BENCHMARKS.md (section "Fetch throughput") unless --no-write.
"""

from __future__ import annotations

import argparse
import gzip
import socket
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
sys.path.insert(0, str(ROOT / "bench"))
from _report import machine, write_section  # noqa: E402


def pages(n: int) -> list[bytes]:
    from newsledger.ingest import warc

    out = []
    with gzip.open(DATA / "warc" / "scrapinghub-aeb-181-news.warc.gz") as f:
        for rec in warc.records(f, "warc", 1 << 27):
            if isinstance(rec, warc.Record) and (html := warc.page(rec)) is not None:
                out.append(html.encode("utf-8"))
            if len(out) >= n:
                break
    return out


def serve(bodies: list[bytes]) -> tuple[ThreadingHTTPServer, str]:
    packed = [gzip.compress(b) for b in bodies]

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # keep-alive: one connection per client thread, as a real site allows

        def setup(self):
            super().setup()
            # Headers and body go out in two writes: without this, Nagle and the client's delayed ACK add
            # 40 ms to every response, a cost of this test server, not of fetching.
            self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

        def do_GET(self):
            if self.path == "/robots.txt":
                body, ctype, enc = b"User-agent: *\nAllow: /\n", "text/plain", None
            else:
                body, ctype, enc = packed[int(self.path.rsplit("/", 1)[1])], "text/html; charset=utf-8", "gzip"
            self.send_response(200)
            self.send_header("Content-Type", ctype)
            if enc:
                self.send_header("Content-Encoding", enc)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def run(urls: list[str], workers: int, text: bool) -> tuple[float, int]:
    from newsledger.errors import InputError
    from newsledger.ingest.fetch import Fetcher, FetchOptions
    from newsledger.ingest.web import page_article

    ok = 0
    with Fetcher(FetchOptions(allow_private=True)) as f:

        def one(url: str) -> bool:
            try:
                page = f.fetch(url)
                if text:
                    page_article(page)
                return True
            except InputError:
                return False  # a page without an article (an index page) among the 181

        t0 = time.perf_counter()
        with ThreadPoolExecutor(workers) as pool:
            ok = sum(pool.map(one, urls))
        return time.perf_counter() - t0, ok


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=181)
    ap.add_argument("--workers", default="1,4,8")
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args()
    bodies = pages(args.pages)
    server, base = serve(bodies)
    urls = [f"{base}/page/{i}" for i in range(len(bodies))]
    mb = sum(len(b) for b in bodies) / 2**20
    from newsledger.ingest.language import detect

    detect("The model is loaded before anything is timed, as a long-running process has it.")
    rows = []
    for workers in (int(w) for w in args.workers.split(",")):
        for kind, text in (("fetch", False), ("fetch+text", True)):
            secs, ok = run(urls, workers, text)
            rows.append(f"| {kind} | {workers} | {len(urls)} | {ok} | {secs:.2f} | {len(urls) / secs:.1f} |")
            print(rows[-1], flush=True)

    from newsledger.extract import Extractor
    from newsledger.ingest.fetch import Fetcher, FetchOptions
    from newsledger.pipeline import ingest
    from newsledger.store import Ledger

    extractor = Extractor()
    with tempfile.TemporaryDirectory() as d, Ledger(Path(d) / "l.db") as led:
        t0 = time.perf_counter()
        rep = ingest(urls, led, extractor, fetcher=Fetcher(FetchOptions(allow_private=True)))
        secs = time.perf_counter() - t0
    rows.append(f"| ingest | 1 | {len(urls)} | {rep.stored} stored | {secs:.2f} | {len(urls) / secs:.1f} |")
    print(rows[-1])
    server.shutdown()
    body = f"""`bench/fetch.py` on {machine()}, {time.strftime("%Y-%m-%d")}: the {len(urls)} WARC news pages
({mb:.1f} MB of HTML, sent gzip-encoded) served by a local threaded server on 127.0.0.1, in this process.
`ok`: pages fetched (for fetch+text: read as an article; for ingest: stored).

| run | threads | URLs | ok | seconds | pages/s |
|---|---|---|---|---|---|
{chr(10).join(rows)}

Fetching itself is cheap next to extraction: trafilatura's main text (with the outlet and the language) is
most of fetch+text, and spaCy's parse most of ingest. Threads help fetch+text only as far as the machine's
cores and the GIL allow; `--workers` (parallel parsing processes) is what speeds ingest up."""
    print(body)
    if not args.no_write:
        write_section("Fetch throughput", body)


if __name__ == "__main__":
    main()
