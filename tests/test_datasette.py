"""The ledger opened by Datasette as it is: its full-text search detected, metadata.json describing it."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsledger.cli import main
from newsledger.metadata import DESCRIPTIONS
from newsledger.store import Ledger

datasette_app = pytest.importorskip("datasette.app")
ROOT = Path(__file__).resolve().parents[1]
OLD_FTS = "CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='rowid')"


@pytest.fixture(scope="module")
def ledger_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("datasette") / "demo.db"
    args = ["ingest", str(ROOT / "samples"), "--db", str(db), "--published", "2025-03-10", "--quiet"]
    assert CliRunner().invoke(main, args).exit_code == 0
    return db


def metadata_json(db: Path, tmp_path: Path) -> dict:
    out = tmp_path / "metadata.json"
    r = CliRunner().invoke(main, ["datasette-metadata", "--db", str(db), "-o", str(out)])
    assert r.exit_code == 0, r.output
    return json.loads(out.read_text())


def get(db: Path, meta: dict, path: str) -> dict:
    async def fetch():
        ds = datasette_app.Datasette([str(db)], metadata=meta)
        r = await ds.client.get(path)
        assert r.status_code == 200, r.text
        return r.json()

    return asyncio.run(fetch())


def test_datasette_finds_the_full_text_search_and_the_descriptions(ledger_db, tmp_path):
    meta = metadata_json(ledger_db, tmp_path)
    every = get(ledger_db, meta, "/demo/articles.json?_shape=array&_col=title&_size=max")
    found = get(ledger_db, meta, "/demo/articles.json?_shape=array&_col=title&_col=text&_search=inquiry")
    assert 0 < len(found) < len(every)  # an undetected FTS table leaves _search ignored: every row
    assert all("inquiry" in r["text"].lower() for r in found)
    names = get(ledger_db, meta, "/demo/attributions.json?_shape=array&_search=Cross")
    assert names and all("cross" in r["name"].lower() for r in names)
    tables = meta["databases"]["demo"]["tables"]
    assert tables["claims"]["columns"]["measure"].startswith("killed")
    shown = get(ledger_db, meta, "/-/metadata.json")
    assert shown["databases"]["demo"]["tables"]["figures"]["description"] == DESCRIPTIONS["figures"][0]


def test_every_table_of_the_ledger_is_described(ledger_db, tmp_path):
    tables = metadata_json(ledger_db, tmp_path)["databases"]["demo"]["tables"]
    assert [t for t, v in tables.items() if not v["description"]] == []
    assert tables["articles"]["columns"].keys() >= {"id", "published", "outlet", "text"}


def test_a_ledger_with_the_old_full_text_table_is_upgraded(tmp_path, ledger_db):
    db = tmp_path / "old.db"
    db.write_bytes(ledger_db.read_bytes())
    with Ledger(db) as ledger:  # as migration 11 found it: the FTS declared with quotes, Datasette blind to it
        ledger.conn.executescript(
            f"DROP TABLE articles_fts; {OLD_FTS}; INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');"
            "DELETE FROM schema_migrations WHERE version = 11;"
        )
    with Ledger(db) as ledger:
        sql = ledger.conn.execute("SELECT sql FROM sqlite_master WHERE name = 'articles_fts'").fetchone()[0]
        assert "content=[articles]" in sql
        assert [r["id"] for r in ledger.search("inquiry")] and ledger.search("inquiry")[0]["snippet"]
        n = ledger.conn.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'dam'").fetchone()[0]
        assert n == ledger.conn.execute("SELECT count(*) FROM articles WHERE text LIKE '%dam%'").fetchone()[0]
