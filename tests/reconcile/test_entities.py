"""Canonical entities: people by full name and aliases, countries by every name, state bodies with their country.

Articles are short invented texts; their entities are given as (name, label) and located in the text, as the
extractor would store them.
"""

from __future__ import annotations

import json
import re
from datetime import date

import pytest

from newsledger.errors import NotFound
from newsledger.models import Article, Entity, Extraction
from newsledger.reconcile import entities
from newsledger.reconcile.gazetteer import gazetteer, government_body
from newsledger.store import Ledger


def article(aid: str, text: str, names: list[tuple[str, str]], day: int = 4) -> Extraction:
    art = Article(id=aid, source=f"{aid}.txt", text=text, published=date(2025, 3, day))
    ents = []
    for name, label in names:
        spans = tuple((m.start(), m.end()) for m in re.finditer(re.escape(name), text))
        assert spans, name
        ents.append(Entity(aid, f"{label.lower()}:{name.lower().replace(' ', '-')}", name, label, spans))
    return Extraction(art, tuple(ents))


@pytest.fixture
def ledger(tmp_path):
    with Ledger(tmp_path / "e.db") as led:
        yield led


def canon(ledger, aid: str, name: str) -> str:
    return ledger.conn.execute(
        "SELECT canonical FROM entities WHERE article_id = ? AND name = ?", (aid, name)
    ).fetchone()[0]


def test_congo_by_name_code_demonym_and_capital(ledger):
    ledger.write(
        [
            article(
                "a1",
                "The Democratic Republic of the Congo closed its border on Monday.",
                [("Democratic Republic of the Congo", "GPE")],
            ),
            article(
                "a2",
                "DRC officials met Congolese traders. Kinshasa said the talks would go on.",
                [("DRC", "GPE"), ("Congolese", "NORP"), ("Kinshasa", "GPE")],
            ),
            article(
                "a3", "Floods reached the outskirts of Kinshasa, where the river rose overnight.", [("Kinshasa", "GPE")]
            ),
        ]
    )
    entities.update(ledger)
    for aid, name in [
        ("a1", "Democratic Republic of the Congo"),
        ("a2", "DRC"),
        ("a2", "Congolese"),
        ("a2", "Kinshasa"),
    ]:
        assert canon(ledger, aid, name) == "country:COD", name
    # Kinshasa as a place, not acting as the government, stays the city (in the DRC).
    assert canon(ledger, "a3", "Kinshasa") == "gpe:kinshasa"
    e = entities.get_entity(ledger, "country:COD")
    assert e.country == "COD" and e.articles == 2 and e.kind == "country"
    assert {"DRC", "Congolese", "Kinshasa", "Democratic Republic of the Congo"} <= set(e.aliases)
    assert entities.get_entity(ledger, "gpe:kinshasa").country == "COD"


def test_resolve_without_and_with_the_ledger(ledger):
    assert entities.resolve("the Democratic Republic of the Congo", "GPE") == "country:COD"
    assert entities.resolve("COD", "GPE") == "country:COD"
    assert entities.resolve("Kinshasa", "GPE") == "country:COD"  # a source speaks for its state
    assert entities.resolve("Ms Ngozi Okafor", "PERSON") == "person:ngozi-okafor"
    assert entities.resolve("the French defence ministry", "ORG") == "org:fra:ministry-of-defence"
    assert entities.resolve("France's Ministry of the Armed Forces", "ORG") == "org:fra:ministry-of-defence"
    assert entities.resolve("American Airlines", "ORG") == "org:american-airlines"
    assert entities.resolve("...", "ORG") is None
    ledger.write([article("p1", "Ngozi Okafor, the chief engineer, spoke first.", [("Ngozi Okafor", "PERSON")])])
    entities.update(ledger)
    assert entities.resolve("Okafor", "PERSON") == "person:okafor"  # no ledger: only the name
    assert entities.resolve("Ms Okafor", "PERSON", ledger) == "person:ngozi-okafor"


def test_person_aliases_across_articles_in_either_order(ledger):
    # The surname arrives before the full name: it is joined once the full name is known.
    ledger.write([article("b1", "Ms Okafor declined to comment.", [("Ms Okafor", "PERSON")], day=3)])
    entities.update(ledger)
    ledger.write(
        [
            article(
                "b2",
                "Engineer Ngozi Okafor said the spillway failed. Okafor left at noon.",
                [("Ngozi Okafor", "PERSON"), ("Okafor", "PERSON")],
            ),
            article("b3", "Okafor told the inquiry the gauges were broken.", [("Okafor", "PERSON")]),
            article("b4", "Dr. Ngozi A. Okafor will testify again.", [("Ngozi A. Okafor", "PERSON")]),
        ]
    )
    entities.update(ledger)
    ids = {
        canon(ledger, a, n)
        for a, n in [("b1", "Ms Okafor"), ("b2", "Ngozi Okafor"), ("b2", "Okafor"), ("b3", "Okafor")]
    }
    assert ids == {"person:ngozi-okafor"}
    # An initial is not part of the name.
    assert canon(ledger, "b4", "Ngozi A. Okafor") == "person:ngozi-okafor"
    e = entities.get_entity(ledger, "person:ngozi-okafor")
    assert e.name == "Ngozi Okafor" and e.articles >= 3 and "Ms Okafor" in e.aliases


def test_an_ambiguous_surname_stays_apart(ledger):
    ledger.write(
        [
            article(
                "c1",
                "Ngozi Okafor and Chidi Okafor ran the plant.",
                [("Ngozi Okafor", "PERSON"), ("Chidi Okafor", "PERSON")],
            ),
            article("c2", "Okafor refused to say more.", [("Okafor", "PERSON")]),
        ]
    )
    entities.update(ledger)
    assert canon(ledger, "c2", "Okafor") == "person:okafor"


def test_state_body_with_its_country(ledger):
    ledger.write(
        [
            article("d1", "The French defence ministry said two jets were sent.", [("French defence ministry", "ORG")]),
            article(
                "d2",
                "France's Ministry of the Armed Forces confirmed the flights.",
                [("Ministry of the Armed Forces", "ORG"), ("France", "GPE")],
            ),
            article(
                "d3",
                "Ukraine's defence ministry reported shelling. The Pentagon declined comment.",
                [("defence ministry", "ORG"), ("Pentagon", "ORG")],
            ),
        ]
    )
    entities.update(ledger)
    assert canon(ledger, "d1", "French defence ministry") == "org:fra:ministry-of-defence"
    assert canon(ledger, "d2", "Ministry of the Armed Forces") == "org:fra:ministry-of-defence"
    assert canon(ledger, "d3", "defence ministry") == "org:ukr:ministry-of-defence"
    assert canon(ledger, "d3", "Pentagon") == "org:usa:ministry-of-defence"
    e = entities.get_entity(ledger, "org:fra:ministry-of-defence")
    assert e.country == "FRA" and e.articles == 2


def test_a_country_tagged_org_joins_the_place(ledger):
    ledger.write(
        [
            article("v1", "Veridia said the dam was safe.", [("Veridia", "ORG")]),
            article("v2", "Rain fell across Veridia.", [("Veridia", "GPE")]),
        ]
    )
    entities.update(ledger)
    assert canon(ledger, "v1", "Veridia") == canon(ledger, "v2", "Veridia") == "gpe:veridia"


def test_update_is_incremental_and_listing(ledger):
    ledger.write([article("f1", "Brenn council met. Brenn voted.", [("Brenn", "GPE")])])
    assert entities.update(ledger) == 1
    assert entities.update(ledger) == 0
    ledger.write([article("f2", "Tomas Ferreira visited Brenn.", [("Tomas Ferreira", "PERSON"), ("Brenn", "GPE")])])
    assert entities.update(ledger) == 2
    rows = entities.list_entities(ledger)
    assert rows[0].id == "gpe:brenn" and rows[0].articles == 2 and rows[0].mentions == 3
    assert [r.id for r in entities.list_entities(ledger, label="PERSON")] == ["person:tomas-ferreira"]
    assert len(entities.list_entities(ledger, limit=1)) == 1
    with pytest.raises(NotFound):
        entities.get_entity(ledger, "person:nobody")
    assert entities.rebuild(ledger) == 3


def test_unreconciled_rows_are_opened_by_key_and_listed_once_reconciled(ledger):
    ledger.write([article("g1", "Lena Moritz wrote the note. Moritz left.", [("Lena Moritz", "PERSON")])])
    assert entities.list_entities(ledger) == []  # lists rank by counts that reconciliation keeps
    e = entities.get_entity(ledger, "person:lena-moritz")
    assert (e.name, e.articles, e.labels) == ("Lena Moritz", 1, ("PERSON",))
    entities.update(ledger)
    assert [(r.id, r.articles) for r in entities.list_entities(ledger)] == [("person:lena-moritz", 1)]


def test_list_counts_follow_merges_and_pages(ledger):
    ledger.write([article("h1", "Moritz spoke.", [("Moritz", "PERSON")])])
    entities.update(ledger)
    ledger.write(
        [
            article("h2", "Lena Moritz spoke again.", [("Lena Moritz", "PERSON")]),
            article("h3", "Brenn council met.", [("Brenn", "GPE")]),
        ]
    )
    entities.update(ledger)  # the lone surname joins the full name: its article counts there now
    rows = entities.list_entities(ledger)
    assert [(r.id, r.articles) for r in rows][0] == ("person:lena-moritz", 2)
    (keys,) = ledger.conn.execute("SELECT keys FROM canonical_entities WHERE id = 'person:lena-moritz'").fetchone()
    assert sorted(json.loads(keys)) == ["person:lena-moritz", "person:moritz"]  # the merged surname's too
    days = ledger.conn.execute("SELECT canonical, day, articles, mentions FROM entity_days ORDER BY canonical")
    assert [tuple(r) for r in days] == [("gpe:brenn", "2025-03-04", 1, 1), ("person:lena-moritz", "2025-03-04", 2, 2)]
    assert [r.id for r in entities.list_entities(ledger, limit=1, offset=1)] == ["gpe:brenn"]
    assert [r.id for r in entities.list_entities(ledger, name="lena")] == ["person:lena-moritz"]
    assert entities.list_entities(ledger, name="100%") == []


def test_gazetteer_names():
    g = gazetteer()
    assert g.country("Côte d'Ivoire") == g.country("Ivory Coast") == "CIV"
    assert g.country("Americans") == g.country("U.S.") == "USA"
    assert g.country("London") is None and g.country("London", capitals=True) == "GBR"
    assert g.name("COD") == "Democratic Republic of the Congo"
    assert government_body("Department of Defense") == "ministry-of-defence"
    assert government_body("Interior Ministry") == "ministry-of-interior"
    assert government_body("Civic Union") is None


def test_cli_entities_shows_canonical_entities(tmp_path):
    import json

    from click.testing import CliRunner

    from newsledger.cli import main

    db = tmp_path / "cli.db"
    with Ledger(db) as led:
        led.write(
            [
                article(
                    "h1", "DRC troops crossed. Kinshasa said it acted alone.", [("DRC", "GPE"), ("Kinshasa", "GPE")]
                ),
                article("h2", "Congolese officials met.", [("Congolese", "NORP")]),
            ]
        )
        entities.update(led)
    rows = [
        json.loads(line)
        for line in CliRunner().invoke(main, ["entities", "--db", str(db), "--json"]).output.splitlines()
    ]
    assert rows[0]["id"] == "country:COD" and rows[0]["articles"] == 2
    assert set(rows[0]["aliases"]) == {"DRC", "Kinshasa", "Congolese"}
    out = CliRunner().invoke(main, ["entities", "--db", str(db), "--label", "NORP"], env={"COLUMNS": "200"}).output
    assert "country:COD" in out and "Democratic Republic of the Congo" in out


def test_georgia_the_state_and_the_country(ledger):
    ledger.write(
        [
            article("k1", "Voters in Georgia lined up in Atlanta.", [("Georgia", "GPE")]),
            article("k2", "Georgia recalled its envoy, officials in Tbilisi said.", [("Georgia", "GPE")]),
            # "Georgians" is a word of the country's, but Atlanta says the state
            article("k3", "Georgians protested at the Georgia State Capitol in Atlanta.", [("Georgia", "GPE")]),
        ]
    )
    entities.update(ledger)
    assert canon(ledger, "k1", "Georgia") == "gpe:georgia"
    assert canon(ledger, "k2", "Georgia") == "country:GEO"
    assert canon(ledger, "k3", "Georgia") == "gpe:georgia"
    assert entities.resolve("LA", "GPE") is not None and entities.resolve("LA", "GPE") != "country:LAO"


def test_a_surname_goes_to_the_dominant_full_name_and_suffixes_count(ledger):
    ledger.write(
        [article(f"t{i}", "Aldo Brenner spoke.", [("Aldo Brenner", "PERSON")]) for i in range(3)]
        + [
            article("t9", "Aldo Brenner Jr. spoke. Brenner left.", [("Aldo Brenner Jr.", "PERSON")]),
            article("u1", "Brenner said no.", [("Brenner", "PERSON")]),
        ]
    )
    entities.update(ledger)
    assert canon(ledger, "t9", "Aldo Brenner Jr.") == "person:aldo-brenner-jr"
    assert canon(ledger, "u1", "Brenner") == "person:aldo-brenner"  # 3 articles against 1


def test_plural_groups_dotted_codes_and_names_that_only_contain_a_body(ledger):
    ledger.write(
        [
            article(
                "n1",
                "Republicans and one Republican met U.S officials of the "
                "Military Religious Freedom Foundation and the U.S. Senate.",
                [
                    ("Republicans", "NORP"),
                    ("Republican", "NORP"),
                    ("U.S", "GPE"),
                    ("Military Religious Freedom Foundation", "ORG"),
                    ("U.S. Senate", "ORG"),
                ],
            )
        ]
    )
    entities.update(ledger)
    assert canon(ledger, "n1", "Republicans") == canon(ledger, "n1", "Republican") == "norp:republican"
    assert canon(ledger, "n1", "U.S") == "country:USA"
    assert canon(ledger, "n1", "Military Religious Freedom Foundation") == "org:military-religious-freedom-foundation"
    assert canon(ledger, "n1", "U.S. Senate") == "org:usa:senate"


def test_an_acronym_is_the_one_organisation_with_those_initials(ledger):
    ledger.write(
        [
            article("w0", "WHO experts arrived on Monday.", [("WHO", "ORG")]),
            article("w1", "The World Health Organization sent a team.", [("World Health Organization", "ORG")]),
            article(
                "w2",
                "U.N. staff and the United Nations envoy met the Union of Nurses.",
                [("U.N.", "ORG"), ("United Nations", "ORG"), ("Union of Nurses", "ORG")],
            ),
        ]
    )
    entities.update(ledger)
    assert canon(ledger, "w0", "WHO") == "org:world-health-organization"  # the acronym came first
    # Two organisations with the initials UN: the acronym stays apart.
    assert canon(ledger, "w2", "U.N.") == "org:un"
    ledger.write([article("w3", "The UN said little.", [("UN", "ORG")])])
    entities.update(ledger)
    assert canon(ledger, "w3", "UN") == "org:un"


def test_state_bodies_with_no_country_are_not_one_body():
    """Gaza's health ministry is not the US health department, nor Florida's, though all are 'health'."""
    from newsledger.reconcile.entities import canonicalize

    ids = {canonicalize(n, "ORG").id for n in ("Gaza Health Ministry", "Department of Health and Human Services",
                                               "Florida Department of Health")}  # fmt: skip
    assert len(ids) == 3, ids
    assert canonicalize("Iraq's Health Ministry", "ORG").id == canonicalize("the Iraqi Ministry of Health", "ORG").id


def test_an_acronym_far_better_known_alone_is_not_the_organisation_with_its_initials(ledger):
    lone = [article(f"i{i}", "ISIS fighters attacked the town on Monday.", [("ISIS", "ORG")]) for i in range(4)]
    full = article(
        "i9",
        "The Institute for Science and International Security published satellite images.",
        [("Institute for Science and International Security", "ORG")],
    )
    ledger.write([*lone, full])
    entities.update(ledger)
    assert canon(ledger, "i0", "ISIS") == "org:isis"
    ledger.write([article("i10", "ISIS claimed the attack.", [("ISIS", "ORG")])])
    entities.update(ledger)
    assert canon(ledger, "i10", "ISIS") == "org:isis"
