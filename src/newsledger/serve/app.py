"""The web application: `create_app(db_path)` gives a FastAPI app over a stored ledger.

Reads go through a small pool of read-only connections (one per worker thread at a time), so requests
never share a connection and never write. The optional ingest endpoint (only with a token) writes through
one writable Ledger behind a lock: the store keeps one writer.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterator
from contextlib import asynccontextmanager, contextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import InputError, NewsledgerError, NotFound
from ..store import Ledger, explain
from .memo import Memo

STATIC = Path(__file__).parent / "static"

# Hostile article text is escaped; this is the second wall: no inline script runs, nothing loads from
# elsewhere. Vega compiles its expressions with Function(), hence 'unsafe-eval' for scripts from 'self'.
CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)


class LedgerPool:
    """Read-only Ledger connections, reused across requests (SQLite's page cache stays warm)."""

    def __init__(self, path: str):
        self.path = path
        self._idle: queue.SimpleQueue[Ledger] = queue.SimpleQueue()
        self._all: list[Ledger] = []
        Ledger(path, readonly=True).close()  # fail at start, not at the first request, on a bad path

    @contextmanager
    def ledger(self) -> Iterator[Ledger]:
        try:
            led = self._idle.get_nowait()
        except queue.Empty:
            led = Ledger(self.path, readonly=True)
            self._all.append(led)
        try:
            yield led
        finally:
            self._idle.put(led)

    def close(self) -> None:
        for led in self._all:
            led.close()
        self._all.clear()


def _error(status: int, code: str, message: str, detail=None) -> dict:
    return {"error": {"status": status, "code": code, "message": message, "detail": detail}}


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api")


def create_app(db_path: str | Path, ingest_token: str | None = None, extractor=None) -> FastAPI:
    """The app over the ledger at `db_path`, opened read-only. With `ingest_token`, POST /api/ingest
    accepts articles from callers that present it (`extractor` lets tests share a loaded one)."""
    from . import api, pages
    from .jinja import render

    path = str(db_path)
    pool = LedgerPool(path)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        pool.close()
        if getattr(app.state, "writer", None) is not None:
            app.state.writer.close()

    # Swagger UI and ReDoc load from a CDN: /docs is a page of our own, from the same OpenAPI document.
    app = FastAPI(
        title="newsledger",
        version="1",
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
        description="A source-attributed ledger of the news: articles, entities, quotes, numeric "
        "claims, the figures they add up to, and stories. Read-only unless started "
        "with an ingest token.",
    )
    app.state.pool = pool
    app.state.memo = Memo(path)
    app.state.ingest_token = ingest_token
    app.state.extractor = extractor
    app.state.writer = None
    app.state.write_lock = threading.Lock()

    def secure(response):
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        return response

    @app.middleware("http")
    async def headers(request: Request, call_next):
        return secure(await call_next(request))

    def page_error(request: Request, status: int, message: str) -> HTMLResponse:
        return HTMLResponse(render("error.html", request=request, status=status, message=message), status_code=status)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        message = exc.detail if isinstance(exc.detail, str) else "error"
        if _wants_json(request):
            code = "NL301" if exc.status_code == 404 and message.startswith("NL301") else "HTTP"
            return JSONResponse(
                _error(exc.status_code, code, message),
                status_code=exc.status_code,
                headers=getattr(exc, "headers", None),
            )
        return page_error(request, exc.status_code, message)

    @app.exception_handler(NotFound)
    async def not_found(request: Request, exc: NotFound):
        if _wants_json(request):
            return JSONResponse(_error(404, exc.code, str(exc)), status_code=404)
        return page_error(request, 404, str(exc))

    def coded(request: Request, exc: NewsledgerError):
        # A caller's text past a bound is its fault (400); a busy ledger is temporary (503).
        status = 400 if isinstance(exc, InputError) else 503 if exc.code == "NL205" else 500
        if _wants_json(request):
            return JSONResponse(_error(status, exc.code, str(exc)), status_code=status)
        return page_error(request, status, str(exc))

    @app.exception_handler(NewsledgerError)
    async def ledger_error(request: Request, exc: NewsledgerError):
        return coded(request, exc)

    @app.exception_handler(Exception)
    async def server_error(request: Request, exc: Exception):
        # Runs outside the middleware above: the headers are set here, on the 500 itself.
        known = explain(exc, path)
        if known is not None:
            return secure(coded(request, known))
        body = _error(500, "HTTP", "internal error")
        return secure(
            JSONResponse(body, status_code=500) if _wants_json(request) else page_error(request, 500, "internal error")
        )

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError):
        detail = [
            {"loc": [str(x) for x in e.get("loc", ())], "msg": str(e.get("msg", "")), "type": str(e.get("type", ""))}
            for e in exc.errors()
        ]
        if _wants_json(request):
            return JSONResponse(_error(422, "NL422", "invalid request parameters", detail), status_code=422)
        return page_error(request, 422, "; ".join(f"{'.'.join(d['loc'][1:])}: {d['msg']}" for d in detail))

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.include_router(api.router)
    if ingest_token:
        from .ingest import router as ingest_router

        app.include_router(ingest_router)
    app.include_router(pages.router)
    return app
