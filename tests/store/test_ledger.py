"""The ledger: migrations, idempotent batches, rollback, queries back to typed records."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from newsledger.errors import Failure, InputError, NotFound, StoreError
from newsledger.models import Article, Claim, Cue, Entity, Extraction, Party, Quote, TimeExpr, Value
from newsledger.store import Ledger
from newsledger.store.db import migrations

TEXT = 'Rescuers found 23 bodies, the ministry said on Monday. "We keep searching," Rusk said.'


def extraction(text=TEXT, source="a.txt", aid="a1") -> Extraction:
    art = Article(id=aid, source=source, text=text, title="Dam", published=date(2025, 3, 4))
    rusk = Entity(aid, "person:rusk", "Rusk", "PERSON", ((77, 81),))
    ministry = Party("the ministry", None, 30, 42)
    claim = Claim(
        aid,
        15,
        17,
        "23",
        Value(23.0, 23.0, 23.0),
        "exact",
        None,
        None,
        "bodies",
        "killed",
        ministry,
        0,
        53,
        "2025-03-03",
    )
    quote = Quote(aid, 55, 73, TEXT[55:73], "direct", Party("Rusk", "person:rusk", 77, 81), Cue("said", 82, 86))
    when = TimeExpr(aid, 46, 52, "Monday", "DATE", "2025-03-03")
    return Extraction(art, (rusk,), (quote,), (claim,), (when,))


@pytest.fixture
def ledger(tmp_path):
    with Ledger(tmp_path / "l.db") as led:
        yield led


def test_migrations_are_numbered_and_recorded(ledger):
    versions = [v for v, _, _ in migrations()]
    assert versions == sorted(versions) and versions[0] == 1
    rows = ledger.conn.execute("SELECT version FROM schema_migrations").fetchall()
    assert [r[0] for r in rows] == versions
    assert ledger.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_round_trip_gives_back_the_same_records(ledger):
    x = extraction()
    assert ledger.write([x]).stored == 1
    back = ledger.extraction("a1")
    assert back.to_contract() == x.to_contract()


def test_same_article_twice_is_one_article(ledger):
    assert ledger.write([extraction()]).stored == 1
    again = ledger.write([extraction(source="copy.txt")])
    assert (again.stored, again.already) == (0, 1)
    assert ledger.count("articles") == 1 and ledger.count("claims") == 1
    sources = {r[0] for r in ledger.conn.execute("SELECT source FROM publications")}
    assert sources == {"a.txt", "copy.txt"}


def test_a_refused_article_is_a_failure_and_the_batch_goes_on(ledger):
    ledger.write([extraction()])
    good = Extraction(
        Article(id="b1", source="b.txt", text="x"), claims=(Claim("b1", 0, 1, "x", Value(1.0), qualifier="exact"),)
    )
    dup = Entity("c1", "gpe:brenn", "Brenn", "GPE", ((0, 5),))
    broken = Extraction(Article(id="c1", source="c.txt", text="Brenn"), entities=(dup, dup))  # same key twice
    result = ledger.write([broken, good])
    assert result.stored == 1 and [f.error.code for f in result.failures] == ["NL203"]
    assert ledger.has_article("b1") and not ledger.has_article("c1")
    assert ledger.conn.execute("SELECT count(*) FROM entities WHERE article_id = 'c1'").fetchone()[0] == 0
    assert ledger.failures()[-1]["input"] == "c.txt"
    assert ledger.extraction("a1").to_contract() == extraction().to_contract()


def test_interrupted_batch_leaves_stored_articles_untouched(ledger):
    ledger.write([extraction()])

    def batch():
        yield Extraction(Article(id="b1", source="b.txt", text="x"))
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        ledger.write(batch())
    assert ledger.count("articles") == 1 and not ledger.has_article("b1")


def test_failures_are_recorded(ledger):
    ledger.write([Failure(InputError("NL103", "is empty", "empty.txt"))])
    (row,) = ledger.failures()
    assert (row["input"], row["code"]) == ("empty.txt", "NL103")


def test_queries(ledger):
    ledger.write([extraction()])
    (c,) = ledger.claims(about="bodies")
    assert c.record.value.point == 23 and c.article.published == "2025-03-04"
    assert ledger.claims(about="tanks") == []
    # Words, or the beginnings of words of four letters or more; numbers as written.
    assert len(ledger.claims(about="bodie")) == len(ledger.claims(about="23")) == 1
    assert ledger.claims(about="odies") == [] and ledger.claims(about="24") == []
    assert len(ledger.claims(about="found 23 bodi")) == 1 and ledger.claims(about="23 found") == []
    assert len(ledger.claims(source="ministry")) == 1 and ledger.claims(source="Okonjo") == []
    assert [q.record.speaker.name for q in ledger.quotes(by="rusk")] == ["Rusk"]
    assert [e.key for e in ledger.entities()] == ["person:rusk"]
    assert ledger.search("rescuers")[0]["id"] == "a1"
    assert ledger.search('"unbalanced') == []  # bad FTS syntax is searched as a phrase, not an error
    assert ledger.search("rescuers\x00") and ledger.search("\x00") == []
    assert ledger.resolve_article_id("a.txt") == ledger.resolve_article_id("a") == "a1"  # source, id prefix
    ledger.write([extraction(text=TEXT + " More.", source="b.txt", aid="a2")])
    assert ledger.resolve_article_id("a2") == "a2"
    with pytest.raises(NotFound):
        ledger.resolve_article_id("a")  # a prefix of two ids names neither
    with pytest.raises(NotFound):
        ledger.resolve_article_id("nope")


def _many(n: int) -> list[Extraction]:
    """n articles on successive days, each with a quote by Rusk or Ilse Brandt and a claim by the ministry."""
    out = []
    for i in range(n):
        text = f'Rescuers found {i + 1} bodies, the ministry said. "We keep searching," Rusk said. {i}'
        who = Party("Rusk", "person:rusk", 77, 81) if i % 3 else Party("Ilse Brandt", "person:ilse-brandt", 77, 81)
        art = Article(id=f"m{i:03d}", source=f"m{i}.txt", text=text, published=date(2025, 1, 1 + i % 28))
        q = Quote(art.id, 55, 73, text[55:73], "direct", who, Cue("said", 82, 86))
        k = Claim(
            art.id,
            15,
            15 + len(str(i + 1)),
            str(i + 1),
            Value(i + 1.0, i + 1.0, i + 1.0),
            "exact",
            None,
            None,
            "bodies",
            "killed" if i % 10 == 0 else "other",
            Party("the ministry", None, 30, 42),
            0,
            53,
            None,
        )
        out.append(Extraction(art, (), (q,), (k,)))
    return out


def test_name_filters_give_the_same_rows_whichever_way_they_are_read(ledger):
    ledger.write(_many(60))
    names = dict(
        (r["name"], r["rows"]) for r in ledger.conn.execute("SELECT name, rows FROM attributions WHERE kind = 'quotes'")
    )
    assert names == {"Rusk": 40, "person:rusk": 40, "Ilse Brandt": 20, "person:ilse-brandt": 20}  # kept on insert

    def read():
        return (
            [c.row for c in ledger.quotes(by="brandt", newest_first=True)],
            [c.row for c in ledger.quotes(by="R", newest_first=True, limit=7, offset=3)],
            [c.row for c in ledger.claims(source="ministry", measure="killed", newest_first=True)],
            [c.row for c in ledger.claims(measure="other", newest_first=True, limit=5)],
        )

    by_index = read()  # few rows behind the names: fetched by index and sorted
    assert len(by_index[0]) == 20 and len(by_index[1]) == 7 and len(by_index[2]) == 6
    ledger.RARE = 1  # every filter walks the articles newest first
    assert read() == by_index
    ledger.NAMES = 1  # too many names: checked row by row
    assert read() == by_index
    assert ledger.quotes(by="nobody at all") == [] and ledger.claims(source="Zyx") == []


def test_not_a_ledger_is_refused(tmp_path):
    p = tmp_path / "junk.db"
    p.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError) as e:
        Ledger(p)
    assert e.value.code == "NL201"
    assert p.read_bytes() == b"this is not sqlite" * 100  # left as it was


def test_readonly_needs_an_existing_ledger(tmp_path):
    with pytest.raises(StoreError):
        Ledger(tmp_path / "none.db", readonly=True)


def _at_version(path, version: int) -> None:
    """A ledger as an older newsledger left it: only the migrations up to `version`."""
    conn = sqlite3.connect(path)
    conn.execute(
        "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
        "applied_at TEXT NOT NULL DEFAULT '')"
    )
    for v, name, sql in migrations():
        if v <= version:
            conn.executescript(
                f"BEGIN;\n{sql}\nINSERT INTO schema_migrations(version, name) VALUES ({v}, '{name}');\nCOMMIT;"
            )
    conn.close()


def test_an_older_ledger_is_upgraded_with_its_counts_even_when_opened_read_only(tmp_path):
    p = tmp_path / "old.db"
    _at_version(p, 3)
    conn = sqlite3.connect(p)  # rows as version 3 wrote them: no date or mention count on entities
    conn.execute("INSERT INTO articles(id, source, published, text) VALUES ('a1', 'a.txt', '2025-03-04', ?)", (TEXT,))
    conn.execute("INSERT INTO canonical_entities(id, kind, name) VALUES ('person:ivo-rusk', 'person', 'Ivo Rusk')")
    conn.execute(
        "INSERT INTO entities(id, article_id, key, name, label, canonical) "
        "VALUES (1, 'a1', 'person:rusk', 'Rusk', 'PERSON', 'person:ivo-rusk')"
    )
    conn.executemany(
        "INSERT INTO mentions(entity_id, article_id, start, end) VALUES (1, 'a1', ?, ?)", [(77, 81), (0, 4)]
    )
    conn.commit()
    conn.close()
    with Ledger(p, readonly=True) as led:
        assert led.conn.execute("SELECT max(version) FROM schema_migrations").fetchone()[0] == migrations()[-1][0]
        assert tuple(led.conn.execute("SELECT published, mentions FROM entities").fetchone()) == ("2025-03-04", 2)
        assert tuple(led.conn.execute("SELECT articles, mentions FROM canonical_entities").fetchone()) == (1, 2)


def test_an_older_ledger_that_cannot_be_upgraded_is_refused_by_name(tmp_path):
    p = tmp_path / "old.db"
    _at_version(p, 3)
    writer = sqlite3.connect(p)
    writer.execute("BEGIN IMMEDIATE")  # another process is writing it (root ignores file modes: a lock)
    try:
        with pytest.raises(StoreError) as e:
            Ledger(p, readonly=True)
        assert e.value.code == "NL204" and str(p) in str(e.value)
    finally:
        writer.rollback()
        writer.close()
    with Ledger(p, readonly=True) as led:  # upgraded once the lock is gone
        assert led.conn.execute("SELECT max(version) FROM schema_migrations").fetchone()[0] == migrations()[-1][0]


def test_plover_events_round_trip_and_filter(ledger):
    from dataclasses import replace

    from newsledger.models import Event, Role
    from newsledger.store.events import find_events

    ev = Event(
        "a1", 0, 8, "Rescuers", "ASSAULT", "heavy-weapons", "denied",
        Role("the ministry", "org:ministry", 30, 42, "government", "UKR"), None, None, "2025-03-03", 23.0,
    )  # fmt: skip
    happened = replace(ev, start=15, end=17, trigger="23", status="happened", type="PROTEST", mode="demo")
    x = replace(extraction(), events=(ev, happened))
    ledger.write([x])
    back = ledger.extraction("a1")
    assert back.events == (ev, happened) and back.events[0].actor.sector == "government"
    assert [s.event for s in find_events(ledger, type="assault")] == [ev]
    assert [s.event for s in find_events(ledger, country="ukr", status="denied")] == [ev]
    assert find_events(ledger, since="2025-03-04") == [] and len(find_events(ledger, since="2025-03")) == 2
    old = ledger.conn.execute("SELECT kind FROM events WHERE type = 'PROTEST'").fetchone()[0]
    assert old == "protest"  # the old column readers filter on


def test_the_ledger_keeps_only_asserted_events(ledger):
    from dataclasses import replace

    from newsledger.models import Event

    said = Event("a1", 0, 8, "attacked", "ASSAULT", None, "happened")
    referred = replace(said, start=15, end=17, trigger="attack", asserted=False)
    ledger.write([replace(extraction(), events=(said, referred))])
    assert ledger.extraction("a1").events == (said,)
