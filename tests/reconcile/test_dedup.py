"""Near-duplicates: a wire story printed by several outlets is one original with copies (invented articles)."""

from __future__ import annotations

from datetime import date

import pytest

from newsledger.errors import NotFound
from newsledger.ingest.ids import article_id
from newsledger.models import Article, Extraction
from newsledger.reconcile import dedup
from newsledger.store import Ledger

WIRE = (
    "The passenger ferry Maren Star capsized on Lake Tarsin early on Tuesday with 212 people on board, "
    "the Norland coast guard said. Rescue boats from the port of Velda pulled 180 survivors from the cold "
    "water by midday, and divers were searching the hull for those still missing. Coast guard spokeswoman "
    "Ilse Brandvik said the ferry had left Velda at dawn and turned over about four kilometres from the "
    "shore after its cargo shifted in high winds. The ferry operator, Tarsin Lines, said it was "
    "cooperating fully with investigators and had set up a hotline for relatives. The government "
    "declared a day of mourning. "
)
# The same wire story as two other outlets ran it: their own last line, or the last paragraph cut.
COPY = WIRE + "Reporting by the Norland Press Agency; editing by the Velda Courier news desk."
CUT = WIRE.rsplit(" The government", 1)[0]
OTHER = (
    "The city council of Orsk approved a new tram line on Monday after a three-year debate, clearing the "
    "way for construction to start in the spring. The line will link the northern suburbs with the old "
    "market square and the railway station, the mayor told reporters, and should carry 40,000 riders a "
    "day once it opens. Shopkeepers on the route asked for help during the works, which are expected to "
    "close two streets for most of next year."
)


def article(text: str, source: str, day: int = 3, month: int = 3) -> Extraction:
    return Extraction(
        Article(id=article_id(text), source=source, text=text, title=None, published=date(2025, month, day))
    )


@pytest.fixture
def ledger(tmp_path):
    with Ledger(tmp_path / "l.db") as led:
        yield led


def test_wire_copies_point_at_the_first_stored_article(ledger):
    ledger.write([article(WIRE, "wire"), article(COPY, "courier", 4), article(OTHER, "orsk")])
    ledger.write([article(CUT, "gazette", 5)])
    assert dedup.update(ledger) == 4
    first = article_id(WIRE)
    assert dedup.original_of(ledger, first) == first
    assert dedup.original_of(ledger, article_id(COPY)) == first
    assert dedup.original_of(ledger, article_id(CUT)) == first
    assert dedup.original_of(ledger, article_id(OTHER)) == article_id(OTHER)
    assert dedup.originals(ledger) == {article_id(COPY): first, article_id(CUT): first}
    assert dedup.copies(ledger, article_id(CUT)) == [first, article_id(COPY)]


def test_update_is_incremental(ledger):
    ledger.write([article(WIRE, "wire"), article(OTHER, "orsk")])
    assert dedup.update(ledger) == 2
    assert dedup.update(ledger) == 0
    ledger.write([article(COPY, "courier", 4)])  # a copy arriving later still finds its original
    assert dedup.update(ledger) == 1
    assert dedup.original_of(ledger, article_id(COPY)) == article_id(WIRE)


def test_an_exact_repeat_is_one_article_with_several_publications(ledger):
    ledger.write([article(WIRE, "wire")])
    ledger.note_publication(article(WIRE, "courier").article)
    dedup.update(ledger)
    assert ledger.count("articles") == 1
    assert dedup.originals(ledger) == {}
    sources = {r[0] for r in ledger.conn.execute("SELECT source FROM publications")}
    assert sources == {"wire", "courier"}


def test_copies_are_looked_for_only_near_in_time(ledger):
    ledger.write([article(WIRE, "wire", 3, 3), article(COPY, "courier", 3, 11)])
    dedup.update(ledger)
    assert dedup.original_of(ledger, article_id(COPY)) == article_id(COPY)


def test_short_texts_are_never_copies(ledger):
    a, b = "Watch the video: ferry capsizes on Lake Tarsin.", "Watch the video: ferry capsizes on Lake Tarsin!!"
    ledger.write([article(a, "a"), article(b + " (updated)", "b")])
    dedup.update(ledger)
    assert dedup.originals(ledger) == {}


def test_same_text_rule():
    options = dedup.DedupOptions()
    assert dedup.same_text(0.6, 100, 100, options)
    assert dedup.same_text(0.3, 100, 30, options)  # the short one is inside the long one
    assert not dedup.same_text(0.3, 100, 100, options)  # two texts sharing a third of their wording
    assert not dedup.same_text(0.1, 100, 10, options)


def test_original_of_an_unknown_article(ledger):
    with pytest.raises(NotFound):
        dedup.original_of(ledger, "nope")
    ledger.write([article(OTHER, "orsk")])
    assert dedup.original_of(ledger, article_id(OTHER)) == article_id(OTHER)  # not reconciled yet: itself
