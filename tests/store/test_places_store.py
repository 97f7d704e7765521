"""Places in the ledger (#15, migration 9): written with the other extracted rows, read back whole."""

from __future__ import annotations

import dataclasses
from datetime import date

from newsledger.models import Article, Extraction, Place
from newsledger.store import Ledger

TEXT = "Floods hit Jakarta on Sunday, and the Zorbavindel Crossing was cut off."


def _extraction() -> Extraction:
    art = Article(id="p1", source="p.txt", text=TEXT, title="Floods", published=date(2026, 1, 4))
    jakarta = Place("p1", 11, 18, "Jakarta", "Jakarta", "IDN", "Jakarta", -6.21, 106.85, "P", 1642911, 8540121)
    unknown = Place("p1", 38, 57, "Zorbavindel Crossing")
    return Extraction(art, places=(jakarta, unknown))


def test_places_round_trip_with_every_field(tmp_path):
    x = _extraction()
    with Ledger(tmp_path / "l.db") as led:
        assert led.write([x]).stored == 1
        back = led.extraction("p1")
        assert back.places == x.places
        assert back.to_contract()["places"] == x.to_contract()["places"]
        assert led.count("places") == 2
        assert [p.text for p in led.places(["p1"])] == ["Jakarta"]  # only resolved ones are mapped


def test_reextraction_replaces_the_places(tmp_path):
    x = _extraction()
    with Ledger(tmp_path / "l.db") as led:
        led.write([x])
        fewer = dataclasses.replace(x, places=x.places[:1])
        led.replace_extractions([fewer], ("extract", 6, "h"))
        assert led.extraction("p1").places == fewer.places
