"""Fixtures for the web layer: the demo ledger built once from the samples, a hostile ledger, and in-process
clients (no socket)."""

from __future__ import annotations

import json
import shutil
import warnings
from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"

# Article text and titles come from the web: these must arrive in the page as inert text.
HOSTILE = {
    "source": "Hostile <img src=x onerror=alert('src')>",
    "url": "javascript:alert('url')",
    "published": "2025-03-08",
    "title": "Dam toll <script>alert('title')</script> <a href=\"javascript:alert(1)\">click</a>",
    "text": (
        "The ministry said <script>alert('text')</script> that 12 people were killed "
        "<img src=x onerror=\"alert('img')\"> near the dam, <a href=\"javascript:alert('link')\">officials</a> "
        "said on Friday. \"We found <b onmouseover=alert('q')>12 bodies</b>\", said Anna Berg. "
        "</script><script>alert('close')</script> ]]> {{ 7*7 }} {% raw %}\n"
    ),
}


def build(db: Path, inputs: list[str], extractor) -> None:
    from newsledger.pipeline import ingest
    from newsledger.store import Ledger

    with Ledger(db) as ledger:
        rep = ingest(inputs, ledger, extractor, date(2025, 3, 10))
        assert not rep.failures, rep.failures  # ingest runs every cross-article step


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory, extractor) -> Path:
    db = tmp_path_factory.mktemp("serve") / "demo.db"
    build(db, [str(SAMPLES)], extractor)
    return db


@pytest.fixture(scope="session")
def hostile_db(tmp_path_factory, extractor) -> Path:
    d = tmp_path_factory.mktemp("hostile")
    src = d / "hostile.jsonl"
    src.write_text(json.dumps(HOSTILE) + "\n", encoding="utf-8")
    db = d / "hostile.db"
    build(db, [str(src)], extractor)
    return db


def client_for(app):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # starlette's notice that it prefers httpx2 over httpx
        from fastapi.testclient import TestClient
    return TestClient(app)


TOKEN = "s3cret-token"  # the ingest token of `writable`


@pytest.fixture
def writable(tmp_path, demo_db, extractor):
    """A client on a copy of the demo ledger that accepts ingest with TOKEN."""
    from newsledger.serve import create_app

    db = tmp_path / "copy.db"
    shutil.copy(demo_db, db)
    with client_for(create_app(db, ingest_token=TOKEN, extractor=extractor)) as c:
        yield c


@pytest.fixture(scope="session")
def client(demo_db):
    from newsledger.serve import create_app

    with client_for(create_app(demo_db)) as c:
        yield c


@pytest.fixture(scope="session")
def hostile_client(hostile_db):
    from newsledger.serve import create_app

    with client_for(create_app(hostile_db)) as c:
        yield c


# Invented articles naming real places, for the place maps (#15): the samples' places are fictional.
PLACES_TEXTS = {
    "quake-indonesia.txt": (
        "Quake shakes Sumatra\n\nA strong earthquake struck off Padang, Indonesia, on Monday, killing at least "
        "12 people, officials in Jakarta said. Residents of Bukittinggi fled to higher ground. Police arrested "
        "two looters in Padang on Tuesday."
    ),
    "quake-iran.txt": (
        "Quake hits western Iran\n\nAn earthquake near Kermanshah, Iran, killed 30 people on Tuesday, the "
        "Iranian Red Crescent said. Rescuers from Tehran reached the villages by night. Police detained three "
        "looters in Kermanshah."
    ),
}


@pytest.fixture(scope="session")
def places_db(tmp_path_factory, extractor) -> Path:
    root = tmp_path_factory.mktemp("places")
    for name, text in PLACES_TEXTS.items():
        (root / name).write_text(text, encoding="utf-8")
    db = root / "places.db"
    build(db, [str(root / n) for n in PLACES_TEXTS], extractor)
    return db


@pytest.fixture(scope="session")
def places_client(places_db):
    from newsledger.serve import create_app

    with client_for(create_app(places_db)) as c:
        yield c
