"""The Python API: what docs/python.md shows runs, and the records it returns are the typed ones."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

import newsledger
from newsledger.errors import NewsledgerError
from newsledger.models import Claim, Quote
from newsledger.pipeline import ingest
from newsledger.store import Ledger as Store

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "python.md"


@pytest.fixture(scope="module")
def demo(tmp_path_factory, extractor) -> Path:
    db = tmp_path_factory.mktemp("library") / "newsledger.db"
    with Store(db) as led:
        ingest([str(ROOT / "samples")], led, extractor, published=date(2025, 3, 10))
    return db


def test_the_documented_session_runs(demo, monkeypatch, capsys, extractor):
    monkeypatch.chdir(demo.parent)
    monkeypatch.setattr("newsledger.library._EXTRACTOR", extractor)
    blocks = re.findall(r"```python\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)
    assert len(blocks) >= 4
    scope: dict = {}
    for block in blocks:
        exec(compile(block, str(DOC), "exec"), scope)  # noqa: S102 - our own documentation
    out = capsys.readouterr().out
    assert "6 articles" in out
    assert "Veridia's interior ministry" in out  # a claim's source, printed by the first block
    assert "killed people low" in out  # the figure line
    assert "14" in out  # the extracted claim


def test_records_are_typed_and_filtered_as_in_the_cli(demo):
    with newsledger.open(demo) as led:
        claims = led.claims(source="Red Cross")
        assert claims and all(isinstance(c.record, Claim) for c in claims)
        assert all("Red Cross" in (c.record.source.name or "") for c in claims)
        quotes = led.quotes(by="Ferreira")
        assert quotes and all(isinstance(q.record, Quote) for q in quotes)
        assert len(led.claims(limit=2)) == 2
        fig = led.figures(about="dead")[0] if led.figures(about="dead") else led.figures()[0]
        assert led.figure(fig.id[:6]).id == fig.id
        first = led.articles()[0]
        assert led.extraction(first.id[:8]).article.id == first.id
        assert led.claims(article=first.id) and all(c.article.id == first.id for c in led.claims(article=first.id))


def test_to_pandas_is_flat_and_keeps_every_record(demo):
    pd = pytest.importorskip("pandas")
    with newsledger.open(demo) as led:
        claims = led.claims()
        df = claims.to_pandas()
        assert isinstance(df, pd.DataFrame) and len(df) == len(claims)
        assert {"text", "measure", "value.point", "article.published", "row"} <= set(df.columns)
        assert led.figures().to_pandas()["best"].notna().all()
        assert newsledger.Records().to_pandas().empty


def test_a_missing_ledger_is_a_coded_error(tmp_path):
    with pytest.raises(NewsledgerError) as e:
        newsledger.open(tmp_path / "none.db")
    assert e.value.code == "NL201"
    assert newsledger.__version__[0].isdigit()
