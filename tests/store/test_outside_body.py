"""The spans outside the body and the original text survive the ledger, and an older ledger's body_end
becomes its one span."""

from __future__ import annotations

import sqlite3

from newsledger.ingest.readers import text_article
from newsledger.models import Extraction
from newsledger.store import Ledger

TEXT = (
    "LUSK - Flash floods swept through the valley on Sunday, the mayor\u00c3\u00a2\u00e2\u201a\u00ac\u00e2\u201e\u00a2s office said.\n\n"
    "Advertisement\n\nRescuers reached 40 homes, the sheriff said.\n\n"
    "Marsh named head of coastal bank\nFerry fares to rise in May\n"
)


def test_spans_and_original_round_trip(tmp_path):
    art = text_article(TEXT, "t.txt")
    assert art.original_text == TEXT and "mayor’s" in art.text
    with Ledger(tmp_path / "l.db") as led:
        led.write([Extraction(article=art)], made_by=("extract", 4, "x"))
        back = led.article(art.id)
    assert back.outside == art.outside and back.body_end == art.body_end is not None
    assert back.original_text == TEXT and back.body == art.body
    assert [k for _, _, k in back.outside] == ["dateline", "widget", "related"]


def test_a_ledger_before_spans_keeps_its_related_block(tmp_path):
    path = tmp_path / "l.db"
    with Ledger(path) as led:
        pass
    conn = sqlite3.connect(path)
    conn.execute("DELETE FROM schema_migrations WHERE version = 8")
    for col in ("outside", "original_text", "original_title"):
        conn.execute(f"ALTER TABLE articles DROP COLUMN {col}")
    conn.execute(
        "INSERT INTO articles(id, source, text, body_end) VALUES ('a1', 's', 'Body text.\n\nA headline\nAnother', 10)"
    )
    conn.commit()
    conn.close()
    with Ledger(path) as led:
        a = led.article("a1")
    assert a.outside == ((10, len(a.text), "related"),) and a.body == "Body text."
