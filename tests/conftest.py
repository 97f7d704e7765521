"""Shared fixtures: the spaCy pipeline loaded once, an Extractor, and the ../shared data folder."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SAMPLES = ROOT / "samples"


@pytest.fixture(scope="session")
def extractor():
    from newsledger.extract import Extractor

    return Extractor()


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """../shared/data, or a skip with a message when it is absent (a user's clone)."""
    data = SHARED / "data"
    if not data.is_dir():
        pytest.skip(f"needs the shared data at {data}, which is absent")
    return data


@pytest.fixture
def extract_text(extractor):
    """Extract one article from a string: extract_text("...", published="2025-10-23")."""
    from newsledger.ingest.readers import text_article

    def run(text: str, published: str | None = None):
        art = text_article(text, "test", date.fromisoformat(published) if published else None)
        return extractor.extract(art)

    return run


# -- a local web server on 127.0.0.1 for fetch and watch tests ---------------------------------------------


class Reply:
    """One answer: status, headers, body (bytes, or a list of chunks sent `delay` seconds apart)."""

    def __init__(self, body=b"", status: int = 200, headers: dict | None = None, delay: float = 0.0):
        self.body = body
        self.status = status
        self.headers = headers or {}
        self.delay = delay


class Site:
    """Routes of the local server: path -> Reply, or a list of Replies given in turn (the last one repeats)."""

    def __init__(self, base: str):
        self.base = base
        self.routes: dict[str, object] = {}
        self.requests: list[tuple[str, dict]] = []

    def url(self, path: str) -> str:
        return self.base + path

    def hits(self, path: str) -> int:
        return sum(1 for p, _ in self.requests if p == path)

    def reply(self, path: str) -> Reply:
        r = self.routes.get(path)
        if isinstance(r, list):
            return r.pop(0) if len(r) > 1 else r[0]
        if callable(r):
            return r()
        return r if isinstance(r, Reply) else Reply(b"not found", 404)


@pytest.fixture
def site():
    """A threaded HTTP server on 127.0.0.1 (a free port) serving `site.routes`; stopped after the test."""
    import threading
    import time
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    holder: list[Site] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            s = holder[0]
            s.requests.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
            r = s.reply(self.path)
            chunks = r.body if isinstance(r.body, list) else [r.body]
            self.send_response(r.status)
            for k, v in r.headers.items():
                self.send_header(k, v)
            if "Content-Length" not in r.headers and not isinstance(r.body, list):
                self.send_header("Content-Length", str(len(r.body)))
            self.end_headers()
            try:
                for c in chunks:
                    if r.delay:
                        time.sleep(r.delay)
                    self.wfile.write(c)
                    self.wfile.flush()
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up: what the test wants

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    holder.append(Site(f"http://127.0.0.1:{server.server_address[1]}"))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield holder[0]
    server.shutdown()
    server.server_close()


Site.Reply = Reply  # type: ignore[attr-defined]
