"""Places geocoded in context (#15): invented sentences, the real gazetteer and the real spaCy parse."""

from __future__ import annotations

import pytest

from newsledger.extract.places import Context, resolve
from newsledger.reconcile.geonames import place_index


def _place(x, text):
    hits = [p for p in x.places if p.text == text or p.text.startswith(text + ",")]
    assert hits, f"{text!r} not among {[p.text for p in x.places]}"
    return hits[0]


def test_paris_alone_is_the_french_capital(extract_text):
    p = _place(extract_text("Thousands marched through Paris on Saturday against the pension reform."), "Paris")
    assert (p.country, p.admin1) == ("FRA", "Ile-de-France")
    assert abs(p.lat - 48.85) < 0.2 and abs(p.lon - 2.35) < 0.2


def test_paris_texas_is_the_texan_town():
    """The qualifier after the name wins over the population prior."""
    ctx = Context(countries=__import__("collections").Counter(), regions=set(), text="")
    rec = resolve("Paris", "Texas", ctx, place_index())
    assert rec is not None and (rec.country, rec.admin1) == ("USA", "Texas")
    assert abs(rec.lat - 33.66) < 0.3


def test_paris_texas_in_an_article(extract_text):
    x = extract_text("A tornado damaged several homes in Paris, Texas, late on Tuesday, officials said.")
    p = _place(x, "Paris")
    assert (p.country, p.admin1) == ("USA", "Texas")


def test_springfield_ill_is_in_illinois(extract_text):
    x = extract_text("The governor signed the budget in Springfield, Ill., on Friday.")
    p = _place(x, "Springfield")
    assert (p.country, p.admin1) == ("USA", "Illinois")


def test_a_city_is_resolved_by_its_articles_country(extract_text):
    """Alone, "Hyderabad" is the Indian city (larger); in an article about Pakistan it is the one in Sindh."""
    alone = _place(extract_text("Heavy rain flooded streets in Hyderabad on Monday."), "Hyderabad")
    assert alone.country == "IND"
    x = extract_text(
        "Pakistan's monsoon has killed dozens this week. Heavy rain flooded streets in Hyderabad on Monday, "
        "and officials in Pakistan said more rain was due in Karachi."
    )
    assert _place(x, "Hyderabad").country == "PAK"


def test_a_country_and_its_demonym_are_the_country(extract_text):
    x = extract_text("Russian troops crossed into Ukraine, and the Ukrainian army fell back towards Kyiv.")
    assert _place(x, "Ukraine").country == "UKR"
    assert _place(x, "Russian").country == "RUS"


def test_an_unknown_name_stays_unresolved(extract_text):
    x = extract_text("The convoy reached Zorbavindel Crossing before dawn, the aid agency said.")
    unknown = [p for p in x.places if "Zorbavindel" in p.text]
    for p in unknown:
        assert (p.name, p.country, p.lat, p.lon, p.geonameid) == (None, None, None, None, None)


def test_places_in_the_contract(extract_text):
    x = extract_text("Flooding hit Jakarta, Indonesia, on Sunday.")
    out = x.to_contract()
    assert out["places"], out
    for p in out["places"]:
        assert set(p) == {"start", "end", "text", "name", "country", "admin1", "lat", "lon"}
        assert x.article.text[p["start"] : p["end"]] == p["text"]
    jakarta = next(p for p in out["places"] if p["text"].startswith("Jakarta"))
    assert jakarta["country"] == "IDN" and isinstance(jakarta["lat"], float)


@pytest.mark.parametrize("name", ["Atlantis Prime", "Qqqxyz"])
def test_resolve_returns_none_for_names_not_in_the_gazetteer(name):
    ctx = Context(countries=__import__("collections").Counter(), regions=set(), text="")
    assert resolve(name, None, ctx, place_index()) is None


def test_a_place_that_opens_an_organisation_s_name_is_a_place_mention():
    from newsledger.extract.places import _leading_place

    def lead(name):
        span = _leading_place(name)
        return name[span[0] : span[1]] if span else None

    assert lead("Zimbabwe Electoral Commission") == "Zimbabwe"
    assert lead("The Washington Post") == "Washington"
    assert lead("Toronto Police Service") == "Toronto"
    assert lead("Canada") is None  # the whole name: a place itself, decided by the ORG rule
    assert lead("Apple Inc.") is None and lead("Ford Motor Company") is None
    assert lead("Fox  Online News") is None and lead("Zimbabwe\nElectoral Commission") == "Zimbabwe"  # any spacing
