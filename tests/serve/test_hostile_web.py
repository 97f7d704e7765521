"""The web layer keeps the CLI's rules (issue 18): per-line ingest errors, the same size limits, `Bearer`
required, coded 4xx instead of 500s, and the security headers on every error."""

from __future__ import annotations

import json
import warnings

from newsledger.serve import create_app
from newsledger.serve import ingest as web_ingest

from .conftest import TOKEN

AUTH = {"authorization": f"Bearer {TOKEN}"}
JSONL = {"content-type": "application/x-ndjson", **AUTH}


def secured(r) -> None:
    assert "default-src 'self'" in r.headers.get("content-security-policy", ""), r.headers
    assert r.headers["x-content-type-options"] == "nosniff"


def test_bad_lines_do_not_stop_the_good_ones(writable):
    good = [
        {"source": "Wire A", "text": "The Kessel ferry resumed service on Monday, the port authority said.\n"},
        {"source": "Wire B", "text": "The Orvin inquiry heard two engineers on Tuesday, the ministry said.\n"},
    ]
    bad = [
        b'{"text": "A lone \\ud800 surrogate in the dam story, said officials on Monday.", "title": "x\\udc00"}',
        b'{"text": "x", "n": ' + b"9" * 5000 + b"}",
        b"[" * 100_000,
        json.dumps({"url": ["a", "b"], "text": "A list where a URL should be, the port said on Friday."}).encode(),
    ]
    body = b"\n".join([json.dumps(good[0]).encode(), *bad, json.dumps(good[1]).encode()]) + b"\n"
    r = writable.post("/api/ingest", content=body, headers=JSONL)
    assert r.status_code == 200, r.text
    out = r.json()
    assert out["stored"] == 4, out  # both good lines, the surrogate one (replaced) and the list-URL one
    assert sorted(f.split(":")[0] for f in out["failures"]) == ["NL141", "NL141"], out


def test_a_text_body_over_the_article_limit_is_413(writable):
    r = writable.post(
        "/api/ingest", content=b"word " * (11 * 2**20 // 5), headers={"content-type": "text/plain", **AUTH}
    )
    assert r.status_code == 413 and "NL107" in r.json()["error"]["message"]
    secured(r)


def test_a_body_over_64_mb_is_413(writable, monkeypatch):
    assert web_ingest.MAX_BODY == 64 * 2**20  # what docs/web.md states
    monkeypatch.setattr(web_ingest, "MAX_BODY", 2**20)
    r = writable.post("/api/ingest", content=b"{}\n" * (2**20 // 3 + 10), headers=JSONL)
    assert r.status_code == 413
    secured(r)


def test_a_token_without_bearer_is_refused(writable):
    for value in (TOKEN, f"Basic {TOKEN}", f"Bearer{TOKEN}"):
        r = writable.post(
            "/api/ingest", content=b"{}", headers={"content-type": "application/x-ndjson", "authorization": value}
        )
        assert r.status_code == 401, value
        secured(r)


def test_a_huge_figure_id_is_404_not_500(client):
    # 60,000 characters: past SQLite's LIKE pattern limit (50,000), within httpx's URL limit
    for path in ("/figures/" + "a" * 60_000, "/api/figures/" + "a" * 60_000, "/articles/" + "b" * 60_000):
        r = client.get(path)
        assert r.status_code in (404, 422), (path[:20], r.status_code)
        secured(r)


def test_an_expensive_search_is_stopped(client, monkeypatch):
    from newsledger.store import ledger

    monkeypatch.setattr(ledger, "QUERY_BUDGET_S", 0.0)
    r = client.get("/api/search", params={"q": "NEAR(" + " ".join(["a*"] * 20) + ", 100)"})
    assert r.status_code == 400 and r.json()["error"]["code"] == "NL145", r.text
    secured(r)


def test_a_500_carries_the_security_headers(demo_db, monkeypatch):
    from newsledger.serve import api

    def boom(*a, **k):
        raise RuntimeError("a bug")

    monkeypatch.setattr(api, "list_figures", boom)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient
    with TestClient(create_app(demo_db), raise_server_exceptions=False) as c:
        r = c.get("/api/figures")
        assert r.status_code == 500 and "a bug" not in r.text
        secured(r)
