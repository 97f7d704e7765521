"""The ingest endpoint: absent without a token, and with one it stores JSONL and HTML sent by a caller
that presents the token, and nothing for anyone else."""

from __future__ import annotations

import json

from .conftest import SAMPLES, TOKEN


def test_off_without_a_token(client):
    r = client.post("/api/ingest", content=b"{}", headers={"content-type": "application/x-ndjson"})
    assert r.status_code in (404, 405)
    assert "/api/ingest" not in client.get("/openapi.json").json()["paths"]


def test_requires_the_token(writable):
    for headers in ({}, {"authorization": "Bearer wrong"}, {"authorization": TOKEN + "x"}):
        r = writable.post(
            "/api/ingest", content=b'{"text": "x"}', headers={"content-type": "application/x-ndjson", **headers}
        )
        assert r.status_code == 401 and r.json()["error"]["status"] == 401
        assert r.headers["www-authenticate"] == "Bearer"
    assert writable.get("/api/").json()["counts"]["articles"] == 6


def test_jsonl_is_stored_and_served(writable):
    line = {
        "source": "Test Wire",
        "published": "2025-03-11",
        "title": "Orvin inquiry opens",
        "text": "An inquiry into the Orvin dam opened on Tuesday, the justice ministry said. "
        "Officials said 31 people were killed.\n",
    }
    body = (json.dumps(line) + "\nnot json\n").encode()
    auth = {"authorization": f"Bearer {TOKEN}"}
    r = writable.post("/api/ingest", content=body, headers={"content-type": "application/x-ndjson", **auth})
    assert r.status_code == 200, r.text
    out = r.json()
    assert out["stored"] == 1 and len(out["failures"]) == 1 and "NL108" in out["failures"][0]
    assert writable.get("/api/").json()["counts"]["articles"] == 7
    assert writable.get("/api/search?q=inquiry%20opens").json()["items"][0]["title"] == "Orvin inquiry opens"
    again = writable.post("/api/ingest", content=body, headers={"content-type": "application/x-ndjson", **auth})
    assert again.json()["stored"] == 0 and again.json()["already"] == 1


def test_html_is_stored(writable):
    html = (SAMPLES / "kessel-courier-troops.html").read_bytes().replace(b"troops", b"soldiers")
    r = writable.post(
        "/api/ingest?source=Kessel%20Courier&published=2025-03-12",
        content=html,
        headers={"content-type": "text/html; charset=utf-8", "authorization": f"Bearer {TOKEN}"},
    )
    assert r.status_code == 200 and r.json()["stored"] == 1, r.text
    arts = writable.get("/api/articles?source=Kessel Courier").json()["items"]
    assert arts and "soldiers" in arts[0]["title"]
    assert arts[0]["published"] == "2025-03-07"  # the page's own date wins over ?published=


def test_other_content_types_are_refused(writable):
    r = writable.post(
        "/api/ingest", content=b"%PDF", headers={"content-type": "application/pdf", "authorization": f"Bearer {TOKEN}"}
    )
    assert r.status_code == 415 and r.json()["error"]["status"] == 415


def test_a_reprint_posted_to_the_api_is_recorded_as_a_publication(writable, tmp_path):
    """The same text from another outlet is one article seen twice: the API records the second source, as
    `newsledger ingest` does."""
    line = {
        "source": "First Wire",
        "published": "2025-03-11",
        "text": "Rescuers in Veridia said on Tuesday that 14 people were still missing after the flood.\n",
    }
    auth = {"authorization": f"Bearer {TOKEN}", "content-type": "application/x-ndjson"}
    assert writable.post("/api/ingest", content=json.dumps(line).encode(), headers=auth).json()["stored"] == 1
    reprint = {**line, "source": "Second Wire"}
    out = writable.post("/api/ingest", content=json.dumps(reprint).encode(), headers=auth).json()
    assert out["stored"] == 0 and out["already"] == 1
    from newsledger.store import Ledger

    db = writable.app.state.pool.path
    with Ledger(db, readonly=True) as led:
        aid = led.resolve_article_id("First Wire")
        sources = {
            r["source"] for r in led.conn.execute("SELECT source FROM publications WHERE article_id = ?", (aid,))
        }
    assert sources == {"First Wire", "Second Wire"}
