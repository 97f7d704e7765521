"""The server works on a ledger that was never reconciled: lists of stories, figures and canonical entities
are empty and their records 404, while articles and their extractions read as usual."""
from __future__ import annotations

import pytest

from newsledger.serve import create_app, reconciled

from .conftest import client_for


@pytest.fixture
def bare(demo_db, monkeypatch):
    monkeypatch.setattr(reconciled, "_module", lambda name: None)
    with client_for(create_app(demo_db)) as c:
        yield c


def test_without_reconcile_everything_still_answers(bare):
    assert bare.get("/api/figures").json()["items"] == []
    assert bare.get("/api/stories").json()["items"] == []
    assert bare.get("/api/figures/abc").status_code == 404
    assert bare.get("/api/entities?label=PERSON").json()["items"] == []
    assert bare.get("/api/entities/person:halvard-rusk").status_code == 404
    for url in ("/", "/figures", "/stories", "/entities", "/articles"):
        assert bare.get(url).status_code == 200, url
    aid = bare.get("/api/articles").json()["items"][0]["id"]
    body = bare.get(f"/articles/{aid}").text
    assert 'href="/figures/' not in body and 'href="#claim-0"' in body  # claims link to their table row


def test_database_errors_surface(monkeypatch):
    import sqlite3

    def raising(message):
        def fn(*args, **kwargs):
            raise sqlite3.OperationalError(message)
        return fn

    class Figures:  # migrations create every table: no error reads as "nothing reconciled"
        list_figures = staticmethod(raising("no such table: figures"))
        get_figure = staticmethod(raising("database is locked"))

    monkeypatch.setattr(reconciled, "_module", lambda name: Figures)
    with pytest.raises(sqlite3.OperationalError):
        reconciled._call("figures", "list_figures", None)
    with pytest.raises(sqlite3.OperationalError):
        reconciled._call("figures", "get_figure", None, "x")
