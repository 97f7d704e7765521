"""POST /api/ingest: articles sent over HTTP, stored like `newsledger ingest` does. Mounted only when the
server was started with a token, and every request must present it (`Authorization: Bearer TOKEN`).

Requests are extracted and written one at a time, behind a lock: the ledger keeps one writer.
"""

from __future__ import annotations

import hmac
import io
from datetime import date
from typing import Annotated

from fastapi import APIRouter, Header, HTTPException, Query, Request
from starlette.concurrency import run_in_threadpool

from ..errors import Failure, InputError
from ..ingest.html import html_article
from ..ingest.readers import MAX_ARTICLE_BYTES, bounded_lines, decode, read_jsonl_lines, text_article, unexpected
from ..pipeline import ingest_articles
from ..store import Ledger
from .schemas import ErrorBody, IngestResult

JSONL = {"application/jsonl", "application/x-ndjson", "application/x-jsonlines", "application/json-lines"}
HTML = {"text/html", "application/xhtml+xml"}
TEXT = {"text/plain"}
MAX_BODY = 64 * 2**20  # a JSONL batch of many articles (docs/web.md: over 64 MB is 413)

router = APIRouter(
    prefix="/api",
    responses={
        401: {"model": ErrorBody, "description": "Missing or wrong token"},
        413: {"model": ErrorBody, "description": "Body too large"},
        415: {"model": ErrorBody, "description": "Not JSONL, HTML or plain text"},
        422: {"model": ErrorBody, "description": "Invalid parameters"},
    },
)


def _articles(body: bytes, kind: str, source: str, published: date | None, url: str | None):
    """What the CLI would read from the same bytes: JSONL line by line (a bad line is its own failure,
    a line over the article limit NL107), one HTML or text article otherwise."""
    if kind == "jsonl":
        return list(read_jsonl_lines(bounded_lines(io.BytesIO(body), source), source, published))
    try:
        text = decode(body, source)
        if kind == "html":
            return [html_article(text, source, published, url=url)]
        return [text_article(text, source, published, url=url)]
    except InputError as e:
        return [Failure(e)]
    except Exception as e:  # the per-input guard, as on the CLI
        return [Failure(unexpected(e, source))]


def _store(request: Request, items: list) -> dict:
    state = request.app.state
    with state.write_lock:  # one writer, however many requests arrive
        if state.extractor is None:
            from ..extract import Extractor

            state.extractor = Extractor()
        if state.writer is None:
            state.writer = Ledger(request.app.state.pool.path)
        rep = ingest_articles(items, state.writer, state.extractor)
    request.app.state.memo.clear()
    return {"stored": rep.stored, "already": rep.already, "failures": [str(f.error) for f in rep.failures]}


@router.post(
    "/ingest",
    response_model=IngestResult,
    summary="Store articles sent as JSONL, HTML or plain text",
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "application/x-ndjson": {"schema": {"type": "string"}},
                "text/html": {"schema": {"type": "string"}},
                "text/plain": {"schema": {"type": "string"}},
            },
        }
    },
)
async def ingest(
    request: Request,
    authorization: Annotated[str | None, Header(description="Bearer TOKEN")] = None,
    source: Annotated[
        str, Query(min_length=1, max_length=500, description="Where an HTML or text article came from")
    ] = "api",
    url: Annotated[str | None, Query(max_length=2000)] = None,
    published: Annotated[date | None, Query(description="Date for articles that carry none")] = None,
):
    token = request.app.state.ingest_token
    scheme, _, given = (authorization or "").strip().partition(" ")
    if not token or scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), token.encode()):
        raise HTTPException(
            401, "a valid token is required: Authorization: Bearer TOKEN", headers={"WWW-Authenticate": "Bearer"}
        )
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    kind = "jsonl" if ctype in JSONL else "html" if ctype in HTML else "text" if ctype in TEXT else None
    if kind is None:
        raise HTTPException(415, f"send application/x-ndjson, text/html or text/plain, not {ctype or 'nothing'!r}")
    # One HTML or text article has the CLI's limit; a JSONL batch the body limit, each line the article's.
    limit = MAX_BODY if kind == "jsonl" else MAX_ARTICLE_BYTES
    declared = request.headers.get("content-length", "")
    if declared.isascii() and declared.isdigit() and int(declared) > limit:
        raise HTTPException(413, f"NL107: a {kind} body may carry at most {limit // 2**20} MB")
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise HTTPException(413, f"NL107: a {kind} body may carry at most {limit // 2**20} MB")
    items = _articles(bytes(body), kind, source, published, url)
    return await run_in_threadpool(_store, request, items)
