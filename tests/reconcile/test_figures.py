"""Figures: claims about one quantity from several sources, grouped, with low / best / high.

The articles are invented (a flood at the Tamsin barrage in Lorvia, a border clash) and their claims are
written out as the extractor would store them.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from newsledger.errors import NotFound
from newsledger.models import Article, Claim, Entity, Extraction, Party, Value
from newsledger.reconcile import entities, figures
from newsledger.store import Ledger

APPROX = {"some", "about", "close to", "nearly", "around"}


def value_of(text: str) -> tuple[Value, str]:
    n = float(re.search(r"\d[\d,]*", text).group(0).replace(",", ""))
    if text.startswith("more than"):
        return Value(n, n, None), "more_than"
    if any(text.startswith(w) for w in APPROX):
        return Value(n), "approx"
    return Value(n, n, n), "exact"


def article(aid, day, text, claims, names=(), source=None) -> Extraction:
    """claims: (figure as written, counted, measure, source name or None)."""
    art = Article(id=aid, source=source or f"{aid}.txt", text=text, published=date(2025, 4, day))
    ents = [
        Entity(
            aid,
            f"{label.lower()}:{name.lower().replace(' ', '-')}",
            name,
            label,
            tuple((m.start(), m.end()) for m in re.finditer(re.escape(name), text)),
        )
        for name, label in names
    ]
    out = []
    for shown, counted, measure, who in claims:
        s = text.index(shown)
        value, qualifier = value_of(shown)
        party = None
        if who:
            ent = next((e for e in ents if e.name == who), None)
            party = Party(who, ent.id if ent else None, text.find(who), text.find(who) + len(who))
        sent_start = text.rfind(". ", 0, s) + 2 if ". " in text[:s] else 0
        sent_end = text.find(". ", s) + 1 or len(text)
        out.append(
            Claim(
                aid,
                s,
                s + len(shown),
                shown,
                value,
                qualifier,
                None,
                None,
                counted,
                measure,
                party,
                sent_start,
                sent_end,
            )
        )
    return Extraction(art, tuple(ents), (), tuple(out))


DAM = [("Tamsin barrage", "FAC"), ("Lorvia", "GPE")]

A1 = article(
    "a1",
    4,
    "The Tamsin barrage burst in Lorvia, killing 23 people, the interior ministry said.",
    [("23", "people", "killed", "interior ministry")],
    DAM,
)
A2 = article(
    "a2",
    6,
    "Opposition leader Irena Vasko said close to 150 people died at the Tamsin barrage in Lorvia. "
    "The interior ministry now counts 31 deaths.",
    [("close to 150", "people", "killed", "Irena Vasko"), ("31", "deaths", "killed", "interior ministry")],
    DAM + [("Irena Vasko", "PERSON")],
)
A3 = article(
    "a3",
    9,
    "The Lorvian Red Cross said some 90 civilians were killed and more than 200 people were "
    "wounded when the Tamsin barrage failed. Casualties reached some 300, it said.",
    [
        ("some 90", "civilians", "killed", "Lorvian Red Cross"),
        ("more than 200", "people", "injured", "Lorvian Red Cross"),
        ("some 300", None, "casualties", "Lorvian Red Cross"),
    ],
    DAM + [("Lorvian Red Cross", "ORG")],
)
# The ministry repeats its toll in another article: one statement, two mentions.
A4 = article(
    "a4",
    7,
    "Rescuers kept digging at the Tamsin barrage. The interior ministry said 31 people had died.",
    [("31", "people", "killed", "interior ministry")],
    DAM,
)


@pytest.fixture
def ledger(tmp_path):
    with Ledger(tmp_path / "f.db") as led:
        yield led


def reconcile(ledger):
    entities.update(ledger)
    figures.update(ledger)


def killed(ledger) -> figures.Figure:
    (f,) = [f for f in figures.list_figures(ledger) if f.measure == "killed"]
    return f


def killed_title(ledger, x: Extraction, headline: str, places=None) -> str:
    """The title of the one killed figure of `x` written under `headline` (with these resolved places)."""
    from dataclasses import replace

    art = replace(x.article, title=headline)
    ledger.write([replace(x, article=art, places=places) if places is not None else replace(x, article=art)])
    reconcile(ledger)
    return killed(ledger).incident.title


def test_three_sources_over_several_days(ledger):
    ledger.write([A1, A2, A3])
    reconcile(ledger)
    f = killed(ledger)
    assert f.counted == "people" and f.sources == 3
    assert (f.low, f.high) == (23, 150)
    # best: median of each source's latest value: ministry 31, Vasko 150, Red Cross 90 -> 90
    assert f.best == 90
    assert (f.first, f.last) == ("2025-04-04", "2025-04-09")
    assert [c.text for c in f.claims] == ["23", "close to 150", "31", "some 90"]
    assert [c.source for c in f.claims] == [
        "interior ministry",
        "Irena Vasko",
        "interior ministry",
        "Lorvian Red Cross",
    ]
    assert [(v.point, who) for v, _, who in f.by_value] == [  # by party: the ministry is the government's
        (23, ("Government",)),
        (31, ("Government",)),
        (90, ("Lorvian Red Cross",)),
        (150, ("Irena Vasko",)),
    ]
    assert [(d, c.text) for d, _, c in f.timeline] == [
        ("2025-04-04", "23"),
        ("2025-04-06", "close to 150"),
        ("2025-04-06", "31"),
        ("2025-04-09", "some 90"),
    ]


def test_a_source_repeating_its_value_is_one_claim(ledger):
    ledger.write([A1, A2, A4])
    reconcile(ledger)
    f = killed(ledger)
    thirty_one = [c for c in f.claims if c.value.point == 31]
    assert len(thirty_one) == 1 and [m.article for m in thirty_one[0].mentions] == ["a2", "a4"]
    assert f.sources == 2 and f.best == 31  # ministry 31 and Vasko 150: the lower middle


def test_casualties_killed_and_injured_stay_apart(ledger):
    ledger.write([A1, A3])
    reconcile(ledger)
    by = {f.measure: f for f in figures.list_figures(ledger)}
    assert set(by) == {"killed", "injured", "casualties"}
    assert by["casualties"].best == 300 and by["killed"].high == 90 and by["injured"].low == 200
    assert figures.list_figures(ledger, about="casualties")[0].measure == "casualties"


def test_counted_groups():
    assert (
        figures.counted_group("Congolese soldiers") == figures.counted_group("Congolese troops") == ("soldiers", "COD")
    )
    assert figures.counted_group("civilians")[0] == figures.counted_group("persons")[0] == "people"
    assert figures.counted_group(None) == ("people", None)
    assert figures.counted_group("other Americans") == ("people", "USA")
    assert figures.counted_group("Kessel valley residents") == ("people", None)
    assert figures.counted_group("schools") == ("school", None)
    assert figures.shown_group("soldiers", "COD") == "Congolese soldiers"
    # a company's staff are no soldiers; a country's or a service's personnel are
    assert figures.counted_group("Orvin Rail personnel") == ("personnel", None)
    assert figures.counted_group("Congolese personnel") == ("soldiers", "COD")
    assert figures.counted_group("Navy personnel")[0] == figures.counted_group("personnel")[0] == "soldiers"


def test_troops_and_soldiers_of_one_country_join_and_other_countries_do_not(ledger):
    names = [("Kivu ridge", "LOC")]
    ledger.write(
        [
            article(
                "b1",
                10,
                "Twelve hours of fighting on the Kivu ridge killed 14 Congolese soldiers, the army said.",
                [("14", "Congolese soldiers", "killed", None)],
                names,
            ),
            article(
                "b2",
                11,
                "Officials said 17 Congolese troops died on the Kivu ridge.",
                [("17", "Congolese troops", "killed", "Officials")],
                names,
            ),
            article(
                "b3",
                11,
                "On the Kivu ridge, 9 Rwandan soldiers were killed, Kigali said.",
                [("9", "Rwandan soldiers", "killed", None)],
                names,
            ),
        ]
    )
    reconcile(ledger)
    fs = {f.counted: f for f in figures.list_figures(ledger)}
    assert set(fs) == {"Congolese soldiers", "Rwandan soldiers"}
    assert (fs["Congolese soldiers"].low, fs["Congolese soldiers"].high) == (14, 17)


def test_unrelated_events_make_separate_figures(ledger):
    ledger.write(
        [
            A1,
            article(
                "c1",
                5,
                "A bus fell into the Narrow gorge near Pellam, killing 23 people, police said.",
                [("23", "people", "killed", "police")],
                [("Narrow gorge", "LOC"), ("Pellam", "GPE")],
            ),
            article(
                "c2",
                30,
                "The Tamsin barrage toll was revised: 40 people died, the ministry said.",
                [("40", "people", "killed", "ministry")],
                DAM,
            ),
        ]
    )
    reconcile(ledger)
    assert len([f for f in figures.list_figures(ledger) if f.measure == "killed"]) == 3


def test_stories_decide_when_present(ledger):
    ledger.write(
        [
            A1,
            A2,
            article(
                "c3",
                5,
                "In Lorvia, a fire at the Tamsin barrage depot killed 2 people.",
                [("2", "people", "killed", None)],
                DAM,
            ),
        ]
    )
    # Stories as the stories step files them (migration 0002), set by hand: a1 and a2 are one event.
    with ledger.conn as c:
        c.executemany("INSERT INTO stories(id) VALUES (?)", [("a1",), ("c3",)])
        c.executemany(
            "INSERT INTO story_articles(article_id, story_id, terms) VALUES (?, ?, '{}')",
            [("a1", "a1"), ("a2", "a1"), ("c3", "c3")],
        )
    reconcile(ledger)
    fs = [f for f in figures.list_figures(ledger) if f.measure == "killed"]
    assert sorted(len(f.claims) for f in fs) == [1, 3]


def test_a_syndicated_copy_counts_once(ledger, monkeypatch):
    orig = article(
        "d1",
        4,
        "At least 12 people were killed at the Tamsin barrage overnight.",
        [("12", "people", "killed", None)],
        DAM,
        source="Lorvia Wire",
    )
    copy = article(
        "d2",
        5,
        "At least 12 people were killed at the Tamsin barrage overnight, the wire reported.",
        [("12", "people", "killed", None)],
        DAM,
        source="Coast Herald",
    )
    own = article(
        "d3",
        5,
        "Some 15 people died at the Tamsin barrage, the Herald learned.",
        [("Some 15", "people", "killed", None)],
        DAM,
    )
    monkeypatch.setattr(figures.dedup, "original_of", lambda ledger, aid: "d1" if aid == "d2" else aid)
    ledger.write([orig, copy, own])
    reconcile(ledger)
    f = killed(ledger)
    assert f.sources == 2 and len(f.claims) == 2
    assert [m.article for m in f.claims[0].mentions] == ["d1", "d2"] and f.claims[0].source is None


def test_an_outlet_repeating_its_own_count_is_one_source(ledger):
    text = "At least 12 people died at the Tamsin barrage in Lorvia."
    later = "Rescuers at the Tamsin barrage in Lorvia found no one alive; at least 12 people died."
    ledger.write(
        [
            article("o1", 4, text, [("12", "people", "killed", None)], DAM, source="https://www.lorviawire.example/a"),
            article("o2", 6, later, [("12", "people", "killed", None)], DAM, source="https://lorviawire.example/b"),
        ]
    )
    reconcile(ledger)
    f = killed(ledger)
    assert f.sources == 1 and [m.article for m in f.claims[0].mentions] == ["o1", "o2"]


def test_incremental_equals_from_scratch(ledger):
    for x in (A1, A2, A3, A4):
        ledger.write([x])
        reconcile(ledger)
    step = [f.to_contract() for f in figures.list_figures(ledger)]
    assert figures.update(ledger) == 0
    figures.rebuild(ledger)
    assert [f.to_contract() for f in figures.list_figures(ledger)] == step


def test_queries_and_contract_shape(ledger):
    ledger.write([A1, A2, A3])
    reconcile(ledger)
    f = killed(ledger)
    assert figures.get_figure(ledger, f.id[:6]) == f
    with pytest.raises(NotFound):
        figures.get_figure(ledger, "nope")
    assert figures.list_figures(ledger, about="Vasko")[0].id == f.id
    assert figures.list_figures(ledger, about="zeppelin") == []
    d = f.to_contract()
    assert {"id", "measure", "counted", "low", "best", "high", "claims"} <= set(d)
    c = d["claims"][0]
    assert {"article", "source", "text", "value", "qualifier", "published"} <= set(c)
    assert c["value"] == {"point": 23.0, "low": 23.0, "high": 23.0} and c["published"] == "2025-04-04"


def test_only_counts_become_figures(ledger):
    text = "Prices rose by 5 percent and 40 people were evacuated, while 3 million euros were sent."
    x = Extraction(
        Article("e1", "e1.txt", text, published=date(2025, 4, 1)),
        (),
        (),
        (
            Claim("e1", 14, 23, "5 percent", Value(5, 5, 5), "exact", "up", "percent", None, "other"),
            Claim("e1", 28, 30, "40", Value(40, 40, 40), "exact", None, None, "people", "evacuated"),
            Claim("e1", 56, 72, "3 million euros", Value(3e6, 3e6, 3e6), "exact", None, "EUR", None, None),
        ),
    )
    ledger.write([x])
    reconcile(ledger)
    assert [(f.measure, f.best) for f in figures.list_figures(ledger)] == [("evacuated", 40)]


def test_cli_figures_and_figure(tmp_path):
    import json

    from click.testing import CliRunner

    from newsledger.cli import main

    db = tmp_path / "cli.db"
    with Ledger(db) as led:
        led.write([A1, A2, A3, A4])
        reconcile(led)
    run = CliRunner(env={"COLUMNS": "200"})
    lines = run.invoke(main, ["figures", "--db", str(db), "--format", "jsonl"]).output.splitlines()
    rows = [json.loads(line) for line in lines]
    assert {r["measure"] for r in rows} == {"killed", "injured", "casualties"}
    k = next(r for r in rows if r["measure"] == "killed")
    assert (k["low"], k["best"], k["high"]) == (23, 90, 150)
    assert all(set(c) >= {"article", "source", "text", "value", "qualifier", "published"} for c in k["claims"])
    about = run.invoke(main, ["figures", "--db", str(db), "--about", "Casualties reached", "--json"])
    about = about.output.splitlines()
    assert [json.loads(line)["measure"] for line in about] == ["casualties"]
    out = run.invoke(main, ["figures", "--db", str(db)]).output
    assert k["id"] in out and "23–150" in out
    r = run.invoke(main, ["figure", k["id"][:8], "--db", str(db)])
    assert r.exit_code == 0 and "Irena Vasko" in r.output and "(again)" in r.output and "a4" in r.output
    assert json.loads(run.invoke(main, ["figure", k["id"], "--db", str(db), "--json"]).output) == k
    r = run.invoke(main, ["figure", "nothing", "--db", str(db)])
    assert r.exit_code == 1 and "NL301" in r.output


def test_the_demo_has_a_toll_from_three_sources_over_several_days(tmp_path):
    """The shipped samples, ingested and reconciled: the death toll is one figure with its spread."""
    from pathlib import Path

    from click.testing import CliRunner

    from newsledger import reconcile
    from newsledger.cli import main

    samples = Path(__file__).resolve().parents[2] / "samples"
    db = tmp_path / "demo.db"
    r = CliRunner().invoke(main, ["ingest", str(samples), "--db", str(db), "--published", "2025-03-10", "--quiet"])
    assert r.exit_code == 0, r.output
    with Ledger(db) as led:
        reconcile.update(led)
        tolls = [f for f in figures.list_figures(led) if f.measure == "killed"]
        assert not any(f.measure == "casualties" for f in tolls)
    wholes = [f for f in tolls if f.part is None]
    assert len(wholes) == 1
    f = wholes[0]
    # the 23 bodies recovered are a part of the toll, linked to it, not a competing estimate of it
    assert all(p.part_of == f.id and p.part == "bodies recovered" for p in tolls if p.part is not None)
    assert f.sources >= 3 and f.first < f.last and f.low < f.best < f.high
    assert len({c.value.point for c in f.claims}) >= 3


WIRE = (
    "KESTA - Floodwater from the Tamsin barrage swept through three villages in Lorvia overnight, and at "
    "least 12 people were killed, the regional governor said on Friday. Rescue teams in boats were still "
    "searching flooded houses along the river, and the road to the valley was closed to traffic. Engineers "
    "had warned in the spring that the barrage needed repairs, local officials said."
)


def test_a_syndicated_copy_found_by_dedup_counts_once(ledger):
    """The dedup step (MinHash) marks the reprint; its unattributed toll is the wire's, not a new source."""
    from newsledger import reconcile

    copy_text = WIRE.replace("KESTA - ", "") + " The Coast Herald contributed to this report."
    claims = [("least 12", "people", "killed", None)]
    ledger.write(
        [
            article("s1", 4, WIRE, claims, DAM, source="Lorvia Wire"),
            article("s2", 5, copy_text, claims, DAM, source="Coast Herald"),
            article(
                "s3",
                5,
                "Some 15 people died at the Tamsin barrage in Lorvia, the Herald learned.",
                [("Some 15", "people", "killed", None)],
                DAM,
            ),
        ]
    )
    reconcile.update(ledger)
    f = killed(ledger)
    assert f.sources == 2
    twelve = next(c for c in f.claims if c.value.point == 12)
    assert [m.article for m in twelve.mentions] == ["s1", "s2"]


def test_the_list_orders_by_sources_then_spread_then_latest(ledger):
    def report(aid, day, who, n, measure):
        return article(
            aid,
            day,
            f"The {who} said {n} people were {measure} at the Tamsin barrage in Lorvia.",
            [(n, "people", measure, who)],
            DAM,
        )

    ledger.write(
        [
            A1,
            A2,
            A3,
            A4,
            report("d1", 5, "interior ministry", "1,000", "displaced"),
            report("d2", 6, "Lorvian Red Cross", "5,000", "displaced"),  # spread 4
            report("e1", 8, "interior ministry", "100", "evacuated"),
            report("e2", 9, "Lorvian Red Cross", "110", "evacuated"),
        ]
    )  # spread 0.1, but later
    reconcile(ledger)
    listed = figures.list_figures(ledger)
    assert [(f.measure, f.sources) for f in listed[:3]] == [("killed", 3), ("displaced", 2), ("evacuated", 2)]
    latest = figures.list_figures(ledger, order="latest")
    assert [f.last for f in latest] == sorted((f.last for f in listed), reverse=True)
    assert [f.measure for f in figures.list_figures(ledger, disputed=True)] == ["killed", "displaced", "evacuated"]
    assert figures.list_figures(ledger, limit=2, offset=1) == listed[1:3]
    assert figures.list_figures(ledger, about="Red Cross", disputed=True)[0].measure == "killed"
    with pytest.raises(ValueError):
        figures.list_figures(ledger, order="biggest")
    (killed,) = [f for f in listed if f.measure == "killed"]
    assert killed.parties == ("Government", "Irena Vasko", "Lorvian Red Cross")
    assert figures.store.figures_of(ledger, ["d2", "e1"]) == [listed[1], listed[2]]
    assert set(figures.store.figure_of_claims(ledger, "a2").values()) == {killed.id}


def test_the_demo_toll_is_one_figure_of_three_parties(tmp_path, extractor):
    """The samples: a government (its ministry, minister, spokesman and "the government"), the opposition
    (with and without "in Veridia", and relaying the government's figure) and the Red Cross (and its head of
    operations) give the Orvin dam toll; a reprint adds no party."""
    from newsledger.pipeline import ingest
    from newsledger.store import Ledger

    with Ledger(tmp_path / "demo.db") as led:
        ingest([str(Path(__file__).resolve().parents[2] / "samples")], led, extractor, published=date(2025, 3, 10))
        killed = [f for f in figures.list_figures(led) if f.measure == "killed"]
    (f,) = [k for k in killed if k.part is None]
    # "23 bodies had been recovered": the bodies found so far, a part of the toll, not an estimate of it
    (bodies,) = [k for k in killed if k.part is not None]
    assert bodies.part == "bodies recovered" and bodies.part_of == f.id
    assert [(c.text, c.party_name) for c in bodies.claims] == [("23", "Government")]  # "Interior Minister Rusk"
    assert f.sources == 3 and f.parties == ("Government", "Opposition", "Veridian Red Cross")
    by_text = {c.text: c for c in f.claims}
    # The opposition's article relays "the just over 20 deaths the government has acknowledged": the
    # government's statement, seen again there, not the opposition's.
    over20 = by_text["just over 20"]
    assert over20.party_name == "Government" and len({m.article for m in over20.mentions}) == 2
    assert by_text["87"].party_name == "Veridian Red Cross"  # "Tomas Ferreira, the organisation's head ..."
    assert f.incident is not None and f.incident.title.startswith("killed in the")


def test_anchors_match_by_name_form():
    from newsledger.reconcile.figures import name_forms

    assert name_forms({"person:devin-patrick-kelley"}) & name_forms({"person:devin-kelley"})
    assert name_forms({"loc:mandalay-bay"}) & name_forms({"fac:mandalay-bay-casino"})
    assert not name_forms({"person:devin-kelley"}) & name_forms({"person:devin-smith"})
    assert not name_forms({"gpe:san-antonio"}) & name_forms({"gpe:san-diego"})


def test_a_dateline_says_whose_ministry_a_source_means(ledger):
    from dataclasses import replace

    text = (
        "KABUL (Reuters) - The United States said on Monday that the United States would keep its troops. "
        "An interior ministry spokesman said 12 people were killed in the blast near the Darvaz bridge."
    )
    x = article(
        "k1",
        4,
        text,
        [("12", "people", "killed", "An interior ministry spokesman")],
        [
            ("United States", "GPE"),
            ("Darvaz bridge", "FAC"),
        ],
    )
    x = replace(x, article=replace(x.article, outside=((0, 18, "dateline"),)))
    ledger.write([x])
    reconcile(ledger)
    (claim,) = killed(ledger).claims
    assert claim.party == "government:AFG"  # not the country the report names most


def test_a_person_s_name_the_tagger_took_for_a_place_is_no_other_incident(ledger):
    from dataclasses import replace

    text = (
        "Rebels attacked the village of Orvin on Monday, killing 7 people, the army said. "
        + "The villagers buried their dead in the hills above the river on a cold and windy morning. " * 6
        + "Aid came from Brenn, Kessel, Lorvia, Valmont, Darvaz and Tamsin, then again from Brenn, Kessel, Lorvia, "
        + "Valmont, Darvaz and Tamsin. "
        + "The regional spokeswoman, Capt. Ana Marsh, gave the toll. Soldiers searched the hills near Orvin. "
        + "Another 1 wounded rebel died later in a village clinic, according to Marsh."
    )
    x = article("p1", 4, text, [("7", "people", "killed", None), ("1", "rebel", "killed", None)], [])
    at = text.rindex("Marsh")
    ents = (
        Entity(
            "p1", "person:ana-marsh", "Ana Marsh", "PERSON", ((text.index("Ana Marsh"), text.index("Ana Marsh") + 9),)
        ),
        Entity("p1", "gpe:marsh", "Marsh", "GPE", ((at, at + 5),)),
        *(
            Entity("p1", f"gpe:{n.lower()}", n, "GPE", tuple((m.start(), m.end()) for m in re.finditer(n, text)))
            for n in ("Orvin", "Brenn", "Kessel", "Lorvia", "Valmont", "Darvaz", "Tamsin")
        ),
    )
    ledger.write([replace(x, entities=ents)])
    reconcile(ledger)
    assert not [f for f in figures.list_figures(ledger) if f.incident and "Marsh" in (f.incident.title or "")]


def test_a_title_names_the_event_its_sentences_name_when_the_headline_names_none(ledger):
    from dataclasses import replace

    text = "A gunman opened fire at a school in Orvin on Monday. At least 7 people were killed in the shooting, police said."
    x = article("t1", 4, text, [("7", "people", "killed", None)], [("Orvin", "GPE")])
    ledger.write([replace(x, article=replace(x.article, title="What Orvin can teach the nation"))])
    reconcile(ledger)
    title = killed(ledger).incident.title
    assert title.startswith("killed in the Orvin shooting"), title  # not "the fire" a gunman opened


def test_a_group_of_its_own_noun_is_shown_as_written():
    assert figures.shown_group("member", None, "Taliban members") == "Taliban members"
    assert figures.shown_group("national", None, "its nationals") == "nationals"
    assert figures.shown_group("people", None, "the people") == "people"


def test_a_title_names_the_place_its_sentences_name_when_the_headline_names_none(ledger):
    from dataclasses import replace

    text = "Rescuers dug through the night. At least 9 people were killed in the war in Kessel, officials said."
    x = article("t2", 4, text, [("9", "people", "killed", None)], [("Kessel", "GPE")])
    ledger.write([replace(x, article=replace(x.article, title="A night of grief"))])
    reconcile(ledger)
    title = killed(ledger).incident.title
    assert title.startswith("killed in the Kessel war"), title
    assert figures.incident_title("killed", "", "Kessel", None, None).startswith("killed in Kessel")


def test_an_incident_s_place_is_where_its_sentences_say_not_where_the_reporter_is(ledger):
    from dataclasses import replace

    from newsledger.models import Place

    text = (
        "WASHINGTON - Officials in Washington met on Monday. Washington said little, and Washington waited. "
        "At least 9 people were killed in a raid on Kessel, officials said."
    )
    x = article("t3", 4, text, [("9", "people", "killed", None)], [("Washington", "GPE"), ("Kessel", "GPE")])

    def at(name, country, gid):
        return [
            Place("t3", m.start(), m.end(), name, name, country, None, 0.0, 0.0, "P", gid, 1000)
            for m in re.finditer(name, text)
        ]

    places = tuple(at("Washington", "USA", 1) + at("Kessel", "SYR", 2))
    ledger.write([replace(x, article=replace(x.article, title="A raid"), places=places)])
    reconcile(ledger)
    f = killed(ledger)
    assert (f.incident.place, f.incident.country) == ("Kessel", "SYR"), f.incident


@pytest.mark.parametrize(
    ("towns", "want"),
    [
        ((("Orvin", 7), ("Kessel", 4)), None),  # the gun shop's town beside the church's: no one town
        ((("Orvin", 2),), None),  # named twice: too little to say it is where
        ((("Orvin", 6), ("Kessel", 1)), "Orvin"),  # the article's one town
    ],
)
def test_a_town_no_count_s_sentence_names_is_the_incident_s_only_when_the_article_has_one(ledger, towns, want):
    from dataclasses import replace

    from newsledger.models import Place

    text = (
        " ".join(f"{name} said." for name, n in towns for _ in range(n)) + " The attack killed 9 people, police said."
    )
    x = article("t4", 4, text, [("9", "people", "killed", None)], [(name, "GPE") for name, _ in towns])
    places = tuple(
        Place("t4", m.start(), m.end(), name, name, "SYR", None, 0.0, 0.0, "P", gid, 1000)
        for gid, (name, _) in enumerate(towns, 1)
        for m in re.finditer(name, text)
    )
    ledger.write([replace(x, article=replace(x.article, title="Nine killed in attack"), places=places)])
    reconcile(ledger)
    f = killed(ledger)
    assert f.incident.place == want and f.incident.country == "SYR", f.incident


def test_one_region_s_toll_is_a_part_of_the_quake_s(ledger):
    text = (
        "An earthquake struck central Veridia on Wednesday, killing at least 240 people, officials said. "
        "The minister flew over the Kessel region. The minister reported 35 dead in Kessel."
    )
    x = article("r1", 4, text, [("at least 240", "people", "killed", None), ("35", None, "killed", None)], [])
    ledger.write([x])
    reconcile(ledger)
    whole = next(f for f in figures.list_figures(ledger) if f.part is None)
    (part,) = [f for f in figures.list_figures(ledger) if f.part]
    assert part.part == "in Kessel" and part.part_of == whole.id and whole.best == 240


@pytest.mark.parametrize("across", [True, False])
def test_one_region_s_count_under_a_toll_across_several_is_a_part(ledger, across):
    """A toll told "across seven states" holds each state's own count as a part, never as a competing estimate;
    where the opening tells no toll over several regions, the region's count is no part by this rule."""
    where = "across seven states" if across else "in the south"
    text = (
        f"A string of severe storms left at least 43 people dead {where} on Sunday, officials said. "
        "At least 6 people died overnight when two cars drove into flooded roads in the Kessel region, the sheriff said."
    )
    x = article(
        "m1",
        4,
        text,
        [("at least 43", "people", "killed", None), ("At least 6", "people", "killed", None)],
        [("Kessel", "GPE")],
    )
    ledger.write([x])
    reconcile(ledger)
    fs = [f for f in figures.list_figures(ledger) if f.measure == "killed"]
    parts = [f for f in fs if f.part == "in Kessel"]
    if across:
        (whole,) = [f for f in fs if f.part is None]
        assert whole.best == 43 and whole.low == 43 and len(parts) == 1 and parts[0].part_of == whole.id
    else:
        assert not parts


def test_a_capital_named_as_where_a_toll_fell_is_the_incident_s_place(ledger):
    """A capital is keyed by its country; "129 dead in Paris" still places the toll in Paris, France, over the
    country the headline and article name most (Syria, whose refugees the story is about)."""
    from dataclasses import replace

    text = (
        "Syrian refugees face new checks. Syria's war has sent millions abroad. The group, which holds territory "
        "in Syria, claimed the attacks, which left 129 dead in Paris on Friday. Paris said 2 people were arrested."
    )
    from newsledger.models import Place

    claims = [("129", None, "killed", None), ("2", "people", "arrested", "Paris")]  # Paris as an actor: keyed France
    x = article("c1", 4, text, claims, [("Syria", "GPE"), ("Paris", "GPE")])
    where = {"Syria": ("SYR", "A", 1), "Paris": ("FRA", "P", 2)}
    places = tuple(
        Place("c1", m.start(), m.end(), name, name, a3, None, 0.0, 0.0, feature, gid, 1000)
        for name, (a3, feature, gid) in where.items()
        for m in re.finditer(name, text)
    )
    ledger.write(
        [replace(x, article=replace(x.article, title="Syrian refugees face checks after attack"), places=places)]
    )
    reconcile(ledger)
    f = killed(ledger)
    assert (f.incident.place, f.incident.country) == ("Paris", "FRA"), f.incident


@pytest.mark.parametrize(
    ("sentence", "want"),
    [
        # the shooting set the protests off; the officers were hurt in the protests
        (
            "After yet another disputed police shooting, hundreds in Orvin took to the streets on Tuesday, "
            "injuring 12 police officers.",
            "protests",
        ),
        ("A gunman opened fire at a rally in Orvin on Tuesday, injuring 12 police officers.", "shooting"),
    ],
)
def test_the_act_of_the_count_s_clause_names_its_event_not_the_cause_before_it(ledger, sentence, want):
    from dataclasses import replace

    x = article("p1", 4, sentence, [("12", "police officers", "injured", None)], [("Orvin", "GPE")])
    ledger.write([replace(x, article=replace(x.article, title="Opinion: the problem is injustice"))])
    reconcile(ledger)
    (f,) = [f for f in figures.list_figures(ledger) if f.measure == "injured"]
    assert want in f.incident.title, f.incident.title


def test_a_nationality_or_a_bare_word_the_tagger_took_for_a_place_is_no_other_incident(ledger):
    text = (
        "Gunmen stormed a hotel in Orvin on Monday, the army said. "
        + "Guests hid in the kitchens while the gunmen moved from floor to floor of the building. " * 8
        + "At least 5 people were wounded, among them two Filipina employees of the Island hotel, officials said."
    )
    names = [("Orvin", "GPE"), ("Filipina", "GPE"), ("Island", "GPE")]
    x = article("n1", 4, text, [("5", "people", "injured", None)], names)
    ledger.write([x])
    reconcile(ledger)
    (f,) = [f for f in figures.list_figures(ledger) if f.measure == "injured"]
    assert "Filipina" not in f.incident.title and "at Island" not in f.incident.title, f.incident.title


# -- founding: a figure is shown once a claim in the opening, or dated to the report's days, founds it --------

_FILLER = "Officials met to discuss the road budget for the coming year in the capital. " * 20  # > FOUNDING_LEDE


@pytest.mark.parametrize(
    ("sentence", "founds"),
    [
        ("The barrage burst, killing 23 people, the ministry said.", True),  # the opening
        (_FILLER + "Rescuers said on Tuesday that 23 people had died.", True),  # dated to the report's days
        (_FILLER + "Last night 23 people died when the barrage burst.", True),
        (_FILLER + "The barrage burst in 1998, killing 23 people.", False),  # deep and undated
        ('She said: "When the barrage burst, 23 people died." ', False),  # quoted, even in the opening
        ("She said: \u201cOn Monday 23 people died.\u201d", False),
        ('He said: "The river rose fast. By dawn 23 people had died." ', False),  # a quotation opened earlier
        ('"The river rose fast," he said.\nBy dawn 23 people had died on Monday.', True),  # closed, another paragraph
        # told as known: a definite count with a participle refers to a toll the reader knows
        ("The bakery chain recalled the 23 children killed at the Lorvia school in its statement.", False),
        ("Mourners remembered the nearly 23 people who died when the barrage burst.", False),
        ("Mourners remembered the 23 people killed on Monday when the barrage burst.", True),  # dated: this report's
        ("The 23 people were killed when the barrage burst, the ministry said.", True),  # asserted
        ("The barrage killed the 23 workers of the night shift.", True),  # the object, no participle after it
    ],
)
def test_founding(sentence, founds):
    start = sentence.index("23")
    sent = (sentence.rfind(". ", 0, start) + 2 if ". " in sentence[:start] else 0, len(sentence))
    assert figures.founding(sentence, sent, (start, start + 2), None, "2025-04-04") is founds


def test_founding_by_a_time_of_the_report_days():
    text = _FILLER + "The barrage burst, killing 23 people."
    start, sent = text.index("23"), (len(_FILLER), len(text))
    assert figures.founding(text, sent, (start, start + 2), "2025-04-03", "2025-04-04")
    assert not figures.founding(text, sent, (start, start + 2), "2025-03-01", "2025-04-04")  # a month before


DEEP = article(
    "d1",
    5,
    _FILLER + "The Tamsin barrage in Lorvia once killed 40 people, the interior ministry said.",
    [("40", "people", "killed", "interior ministry")],
    DAM,
)


def test_a_deep_undated_count_founds_no_figure_but_joins_one(ledger):
    ledger.write([DEEP])
    reconcile(ledger)
    assert figures.list_figures(ledger) == []  # stored, not shown: nothing in the text anchors it
    ledger.write([A1])  # the opening of another report of the barrage founds the figure; the deep count joins
    reconcile(ledger)
    f = killed(ledger)
    assert sorted(c.text for c in f.claims) == ["23", "40"]


def test_a_figure_not_founded_says_why_on_the_page(ledger):
    from newsledger.store import figures as figure_store

    ledger.write([DEEP])
    reconcile(ledger)
    assert figure_store.left_out(ledger, ["d1"], "killed") == [("d1", "40", "unfounded", figure_store.UNFOUNDED)]
    ledger.write([A1])
    reconcile(ledger)
    assert figure_store.left_out(ledger, ["d1", "a1"], "killed") == []  # founded now: shown, with both claims


def test_a_title_names_no_place_that_is_a_person_s_name(ledger):
    from dataclasses import replace

    text = (
        "Jon Varek said on Monday that 7 people were killed in the shooting at a market in Orvin, police said. "
        "Varek spoke to reporters. Varek said more was to come."
    )
    x = article("v1", 4, text, [("7", "people", "killed", None)], [("Jon Varek", "PERSON"), ("Orvin", "GPE")])
    at = [m.start() for m in re.finditer("Varek", text)][1:]  # the tagger's place: "Varek" alone, twice
    x = replace(x, entities=(*x.entities, Entity("v1", "gpe:varek", "Varek", "GPE", tuple((a, a + 5) for a in at))))
    ledger.write([replace(x, article=replace(x.article, title="Varek speaks on the Orvin shooting"))])
    reconcile(ledger)
    title = killed(ledger).incident.title
    assert "Varek" not in title and "Orvin" in title, title


@pytest.mark.parametrize(
    ("text", "count", "counted", "names", "headline", "want", "unwanted"),
    [
        # the place the sentence puts the count at, before the headline's
        (
            "In Brenn, 5 people were killed when the river flooded on Monday, officials said. Orvin sent rescuers.",
            "5",
            "people",
            ("Brenn", "Orvin"),
            "Orvin rescuers reach the flood",
            "Brenn",
            ("Orvin",),
        ),
        # the town, not the state that locates it
        (
            "A gunman opened fire at a depot in Orvin, Lorvia, and killed 6 workers on Monday, police said.",
            "6",
            "workers",
            ("Orvin", "Lorvia"),
            "Questions after the depot attack",
            "Orvin",
            ("Lorvia",),
        ),
        # no event from a headline's verb
        (
            "At least 9 people were killed in Kessel on Monday as marchers met the police, officials said.",
            "9",
            "people",
            ("Kessel",),
            "Police fire tear gas at marchers",
            "Kessel",
            ("fire",),
        ),
        # no event from inside a compound word
        (
            "In a day of rapid-fire news from war-torn Kessel, 8 people were killed on Monday, officials said.",
            "8",
            "people",
            ("Kessel",),
            "A day of news",
            "Kessel",
            ("fire", "war"),
        ),
        # weapons' fire is no fire
        (
            "In Kessel, 9 people were killed by army fire on Monday, officials said.",
            "9",
            "people",
            ("Kessel",),
            "Kessel mourns its dead",
            "Kessel",
            ("fire",),
        ),
        (
            "In Kessel, 9 people were killed by French fire on Monday, officials said.",
            "9",
            "people",
            ("Kessel",),
            "Kessel mourns its dead",
            "Kessel",
            ("fire",),
        ),
    ],
)
def test_a_title_names_what_the_count_s_own_sentence_names(
    ledger, text, count, counted, names, headline, want, unwanted
):
    from dataclasses import replace

    x = article("b1", 4, text, [(count, counted, "killed", None)], [(n, "GPE") for n in names])
    ledger.write([replace(x, article=replace(x.article, title=headline))])
    reconcile(ledger)
    title = killed(ledger).incident.title
    assert want in title and not any(u in title for u in unwanted), title


@pytest.mark.parametrize(
    ("text", "count", "measure", "headline", "want", "unwanted"),
    [
        # the protests a shooting set off, under the shooting's headline: the arrests are the protests'
        (
            "At least 44 people were arrested after the Wednesday night protests in Orvin, police said.",
            "44",
            "arrested",
            "Police shooting of Orvin man sparks anger",
            "protests",
            ("shooting",),
        ),
        # a vaguer word in the clause does not unname the headline's bombings
        (
            "The attacks near the finish line in Orvin killed 3 people on Monday, police said.",
            "3",
            "killed",
            "Twin bombings rock Orvin marathon",
            "bombings",
            ("attacks",),
        ),
        # an event word the clause puts after the count is a later one: "continued, after"
        (
            "The clashes continued, after 4 people were killed Tuesday during the attack on the consulate in Orvin.",
            "4",
            "killed",
            "Anger in Orvin",
            "attack",
            ("clashes",),
        ),
        # the act the sentence tells, where no word names the event
        (
            "The co-pilot deliberately crashed the plane near Orvin on Tuesday, killing all 150 people on board.",
            "150",
            "killed",
            "Prosecutor: co-pilot hid illness from employer",
            "crash",
            ("“",),
        ),
        (
            "Gunmen took 170 people hostage at a hotel in Orvin on Friday, killing at least 3 of them.",
            "3",
            "killed",
            "Orvin: gunmen storm luxury hotel",
            "siege",
            ("storm",),
        ),
    ],
)
def test_a_title_names_the_event_of_the_count_s_own_clause(ledger, text, count, measure, headline, want, unwanted):
    from dataclasses import replace

    x = article("c1", 4, text, [(count, "people", measure, None)], [("Orvin", "GPE")])
    ledger.write([replace(x, article=replace(x.article, title=headline))])
    reconcile(ledger)
    (f,) = [f for f in figures.list_figures(ledger) if f.measure == measure]
    assert want in f.incident.title and not any(u in f.incident.title for u in unwanted), f.incident.title


def test_an_earlier_dated_incident_is_titled_by_its_place_too():
    title = figures.incident_title("killed", "tornado", "Moore", None, None, "of 2013-05-20")
    assert title.startswith("killed in the Moore tornado of 2013-05-20"), title
    assert figures.incident_title("killed", "Hurricane Ida", "Houma", None, None, "of 2021-08-29").startswith(
        "killed in the Hurricane Ida of"
    )


def test_a_name_the_ledger_tags_as_something_else_is_no_title_place(ledger):
    """ "Facebook" tagged a place in one headline's article, a company in the ledger's others: no place."""
    from dataclasses import replace

    others = [
        article(f"o{i}", 2, "Facebook said on Monday it would change its rules.", [], [("Facebook", "ORG")])
        for i in range(3)
    ]
    text = "The attack in Facebook killed 9 people on Monday, officials said."
    x = article("f1", 4, text, [("9", "people", "killed", None)], [("Facebook", "GPE")])
    ledger.write([*others, replace(x, article=replace(x.article, title="Facebook attack: 9 killed"))])
    reconcile(ledger)
    f = killed(ledger)
    assert "Facebook" not in f.incident.title and f.incident.place != "Facebook", f.incident


def test_words_against_a_person_are_no_attack(ledger):
    from dataclasses import replace

    text = "The families of 7 soldiers killed in Kessel on Monday wrote to Jon Varek, officials said."
    x = article("w1", 4, text, [("7", "soldiers", "killed", None)], [("Kessel", "GPE"), ("Jon Varek", "PERSON")])
    ledger.write([replace(x, article=replace(x.article, title="Families Attack Varek Over His Remarks"))])
    reconcile(ledger)
    title = killed(ledger).incident.title
    assert "attack" not in title.lower(), title


def test_an_agency_named_after_its_place_is_no_place():
    assert figures.not_a_place("St. Louis County Police") and figures.not_a_place("Kessel Sheriff's Office")
    assert not figures.not_a_place("Kessel University") and not figures.not_a_place("Orvin")
    assert figures.not_a_place("Kessel Emergency Management") and figures.not_a_place("Meanwhile")


def test_a_named_day_is_no_place():
    assert figures.not_a_place("Easter Sunday") and figures.not_a_place("Bloody Friday")
    assert figures.not_a_place("Wednesday's")
    assert not figures.not_a_place("Orvin")


def test_a_word_for_people_or_a_bare_common_word_is_no_place():
    assert figures.not_a_place("Gunmen") and figures.not_a_place("Militants") and figures.not_a_place("Strip")
    assert not figures.not_a_place("Orvin") and not figures.not_a_place("Troy")


def test_a_site_s_common_noun_is_no_place_and_storming_is_no_storm():
    assert figures.not_a_place("mosques") and not figures.not_a_place("Al Noor Mosque")
    title = "Protesters storm U.S. embassy in Kessel"
    assert not [m for m in figures._EVENT_WORD.finditer(title) if figures._an_event(title, m, frozenset())]
    title = "Three dead as gunmen storm luxury hotel in Kessel"
    assert not [m for m in figures._EVENT_WORD.finditer(title) if figures._an_event(title, m, frozenset())]
    title = "A retweet storm angers Kessel"
    assert not [m for m in figures._EVENT_WORD.finditer(title) if figures._an_event(title, m, frozenset())]
    assert not figures.counts_people("nights")  # "two nights of unrest"
    title = "Deadly storm hits Orvin"
    assert [m.group(1) for m in figures._EVENT_WORD.finditer(title) if figures._an_event(title, m, frozenset())]


def test_writings_are_no_people():
    assert not figures.counts_people("arrest warrants") and not figures.counts_people("tweets")
    assert figures.counts_people("migrants") and figures.counts_people("reporters")


def _deep_count(ledger, opening: str, deep: str, place: str) -> None:
    """One article whose only count of 12 killed stands deep in it, past the founding opening."""
    ledger.write(
        [article("d1", 4, opening + " " + _FILLER + deep, [("12", "people", "killed", None)], [(place, "GPE")])]
    )
    reconcile(ledger)


def test_a_weekday_s_possessive_names_no_other_incident(ledger):
    _deep_count(
        ledger,
        "Officials in Orvin spoke of the depot attack on Monday.",
        "Police said 12 people were killed in Wednesday's assault on the depot.",
        "Orvin",
    )
    (f,) = figures.list_figures(ledger)
    assert "Wednesday" not in (f.incident.title or ""), f.incident.title


def test_a_rite_of_the_day_dates_no_deep_count(ledger):
    _deep_count(
        ledger,
        "Officials in Orvin spoke of the depot attack on Monday.",
        "Police said 12 people were killed during Friday prayers at the mosque.",
        "Orvin",
    )
    assert figures.list_figures(ledger) == []
    # nor does the date the tagger gives the rite's weekday
    text = "x" * 1300 + " Police said 12 people were killed during Friday prayers at the mosque."
    at = text.index("12")
    sentence = (1301, len(text))
    assert not figures.founding(text, sentence, (at, at + 2), "2025-04-04", "2025-04-05")
    assert figures.founding(text.replace("during Friday prayers", "on Friday"), sentence, (at, at + 2), None, None)


def test_buildings_are_no_people_even_with_a_country():
    assert not figures.counts_people("Belgian mosques") and not figures.counts_people("churches")
    assert figures.counts_people("Belgian worshippers")
    assert not figures.counts_people("states") and not figures.counts_people("Veridian provinces")
    assert figures.counts_people("state troopers")


def test_deaths_in_a_sentence_that_counts_an_epidemic_s_cases_are_a_tally(ledger):
    _deep_count(
        ledger,
        "The governor thanked the team owner for the masks on Monday.",
        "As of Wednesday, more than 700 cases of coronaviruses had been confirmed in Lorvia, and 12 people have died.",
        "Lorvia",
    )
    (why,) = ledger.conn.execute("SELECT role FROM claim_readings").fetchall()
    assert why[0] == "tally", why


def test_a_founded_part_founds_its_whole(ledger):
    text = (
        "At least 3 of the dead in Orvin were children, the hospital said. "
        + _FILLER
        + ("The flood in Orvin killed 23 people, officials said.")
    )
    from dataclasses import replace

    x = article("w1", 5, text, [("3", "people", "killed", None), ("23", "people", "killed", None)], DAM)
    ledger.write([replace(x, article=replace(x.article, title="Flood in Orvin"))])  # what happened
    reconcile(ledger)
    shown = figures.list_figures(ledger)
    whole = next((f for f in shown if f.best == 23), None)
    part = next((f for f in shown if f.best == 3), None)
    assert whole is not None and part is not None, [(f.best, f.part) for f in shown]
    assert part.part_of == whole.id


# -- one party, one value: a second, different count of one source in one report is another quantity ------

_CRASH = "At least 31 people were killed when the plane crashed into the Tamsin river in Lorvia, the ministry said. "


def test_a_second_value_of_one_source_in_one_report_is_another_count(ledger):
    text = _CRASH + "The same airline lost a plane last July, when 48 people were killed, the ministry said."
    x = article("c1", 4, text, [("31", "people", "killed", "ministry"), ("48", "people", "killed", "ministry")])
    ledger.write([x])
    reconcile(ledger)
    shown = [sorted(c.text for c in f.claims) for f in figures.list_figures(ledger) if f.measure == "killed"]
    assert shown == [["31"]], shown  # 48 is no competing estimate of the 31
    (hidden,) = ledger.conn.execute("SELECT id FROM figures WHERE founded = 0").fetchall()
    assert [c.text for c in figures.get_figure(ledger, hidden[0]).claims] == ["48"]  # kept apart, not shown


@pytest.mark.parametrize(
    ("second", "value", "who"),
    [
        ("Later the toll rose to 35, the ministry said.", "35", "ministry"),  # one source updating its count
        ("Rescuers said 40 people were killed.", "40", "Rescuers"),  # two sources: competing estimates
    ],
)
def test_an_update_or_another_source_s_value_joins_the_figure(ledger, second, value, who):
    x = article("c2", 4, _CRASH + second, [("31", "people", "killed", "ministry"), (value, "people", "killed", who)])
    ledger.write([x])
    reconcile(ledger)
    assert sorted(c.text for c in killed(ledger).claims) == ["31", value]


def test_another_count_is_kept_apart_with_a_title_that_says_so(ledger):
    text = _CRASH + "Wednesday, 48 people were killed in Lorvia, the ministry said."  # dated: shown
    x = article("c4", 4, text, [("31", "people", "killed", "ministry"), ("48", "people", "killed", "ministry")])
    ledger.write([x])
    reconcile(ledger)
    assert [[c.text for c in f.claims] for f in figures.list_figures(ledger)] == [["31"]]  # 48 is never shown
    (fid,) = [r[0] for r in ledger.conn.execute("SELECT id FROM figures WHERE founded = 0")]
    other = figures.get_figure(ledger, fid)  # but kept, with a title that says what it is
    assert [c.text for c in other.claims] == ["48"], other
    assert other.incident.title.startswith("killed: " + figures.ANOTHER_COUNT), other


def test_another_count_deep_in_a_report_founds_nothing_and_stays_apart_on_a_rebuild(ledger):
    text = _CRASH + _FILLER + "The airline lost a plane last July, when 48 people died, the ministry said."
    x = article(
        "c5",
        4,
        text,
        [("31", "people", "killed", "ministry"), ("48", "people", "killed", "ministry")],
    )
    ledger.write([x])
    reconcile(ledger)
    figures.rebuild(ledger)
    assert [sorted(c.text for c in f.claims) for f in figures.list_figures(ledger) if f.measure == "killed"] == [["31"]]


# -- a smaller count placed in a town inside the state or country of the article's count is that town's part --


def _placed(aid: str, text: str, where: list[tuple[str, str, str | None, str]]):
    """Resolved place mentions: (name, country, admin1, GeoNames feature) at each occurrence."""
    from newsledger.models import Place

    return tuple(
        Place(aid, m.start(), m.end(), name, name, country, admin1, 0.0, 0.0, feature, i + 1, 1000)
        for i, (name, country, admin1, feature) in enumerate(where)
        for m in re.finditer(re.escape(name), text)
    )


def _placed_figures(ledger, aid: str, text: str, claims, where) -> list:
    """The figures of one article whose places (name, country, admin1, feature) are resolved as given."""
    from dataclasses import replace

    x = article(aid, 4, text, claims, [(name, "GPE") for name, *_ in where])
    ledger.write([replace(x, places=_placed(aid, text, where))])
    reconcile(ledger)
    return figures.list_figures(ledger)


_STATE_STORM = (
    "In North Carolina the storm killed at least 5 people on Friday, state officials said. "
    "Police said 2 people died when a tree fell on a house in Wilmington."
)
_STATE_PLACES = [("North Carolina", "USA", "North Carolina", "A"), ("Wilmington", "USA", "North Carolina", "P")]


def test_a_town_s_smaller_count_inside_the_state_s_is_its_part(ledger):
    claims = [("at least 5", "people", "killed", None), ("2", "people", "killed", None)]
    shown = _placed_figures(ledger, "w1", _STATE_STORM, claims, _STATE_PLACES)
    (whole,) = [f for f in shown if f.part is None]
    (part,) = [f for f in shown if f.part]
    assert (whole.low, whole.high) == (5, 5), whole
    assert part.part == "in Wilmington" and part.part_of == whole.id and part.best == 2


@pytest.mark.parametrize(
    ("text", "where"),
    [
        # the same town: competing counts of one toll, not a part
        (
            "In Wilmington the storm killed at least 5 people on Friday, state officials said. "
            "Police said 2 people died when a tree fell on a house in Wilmington.",
            [("Wilmington", "USA", "North Carolina", "P")],
        ),
        # a town of another state: not inside the count's place
        (
            "In North Carolina the storm killed at least 5 people on Friday, state officials said. "
            "Police said 2 people died when a tree fell on a house in Norfolk.",
            [("North Carolina", "USA", "North Carolina", "A"), ("Norfolk", "USA", "Virginia", "P")],
        ),
    ],
)
def test_a_smaller_count_is_no_part_outside_or_at_the_count_s_own_place(ledger, text, where):
    from dataclasses import replace

    claims = [("at least 5", "people", "killed", None), ("2", "people", "killed", None)]
    x = article("w2", 4, text, claims, [(w[0], "GPE") for w in where])
    ledger.write([replace(x, places=_placed("w2", text, where))])
    reconcile(ledger)
    assert not [f for f in figures.list_figures(ledger) if f.part], figures.list_figures(ledger)


def test_a_nation_s_count_holds_a_city_s_count_as_its_part(ledger):
    from dataclasses import replace

    text = (
        "Over the holiday weekend more than 150 people were wounded by gunfire in the United States, reports said on Monday. "
        "In Atlanta, 14 people were wounded at a park party, police said."
    )
    claims = [("more than 150", "people", "injured", None), ("14", "people", "injured", None)]
    x = article("w3", 4, text, claims, [("United States", "GPE"), ("Atlanta", "GPE")])
    where = [("United States", "USA", None, "A"), ("Atlanta", "USA", "Georgia", "P")]
    ledger.write([replace(x, places=_placed("w3", text, where))])
    reconcile(ledger)
    (part,) = [f for f in figures.list_figures(ledger) if f.part]
    assert part.part == "in Atlanta" and part.best == 14


# -- a deep, undated count that differs from its article's opening count is left out, and said so ------------


@pytest.mark.parametrize(
    ("deep", "joins"),
    [
        ("Rescuers said a crash on the same road killed 48 people.", False),  # another value: left out
        ("Rescuers said 31 people were killed.", True),  # the same value: one toll, joins
        ("Rescuers said the toll rose to 35.", True),  # the count moved on: joins
    ],
)
def test_a_deep_count_unlike_the_opening_s_is_left_out_with_why(ledger, deep, joins):
    text = _CRASH + _FILLER + deep
    value = re.search(r"\d+", deep).group(0)
    x = article("d1", 4, text, [("31", "people", "killed", "ministry"), (value, "people", "killed", "Rescuers")])
    ledger.write([x])
    reconcile(ledger)
    assert (value in [c.text for c in killed(ledger).claims]) is joins
    out = figures.store.left_out(ledger, ["d1"], "killed")
    assert bool([r for r in out if r[2] == "undecided" and r[1] == value]) is not joins, out


def test_a_group_s_count_bigger_than_the_toll_is_no_part_of_it(ledger):
    text = (
        "Rockets killed 3 people in the border town of Orvin on Tuesday, police said. "
        "Health officials in Kessel said on Tuesday that 113 Veridians had been killed in air strikes."
    )
    claims = [("3", "people", "killed", None), ("113", "Veridians", "killed", None)]
    ledger.write([article("g1", 4, text, claims, [("Orvin", "GPE"), ("Kessel", "GPE"), ("Veridians", "NORP")])])
    reconcile(ledger)
    big = [f for f in figures.list_figures(ledger) if f.best == 113]
    assert big and all(f.part_of is None for f in big), big


@pytest.mark.parametrize(
    "second",
    [
        "The siege ended after 6 militants were killed by security forces.",
        "The siege ended when security forces shot dead 6 militants.",
        "The siege ended when 6 militants were shot dead by Veridian forces.",
    ],
)
def test_fighters_the_forces_killed_are_no_part_of_their_victims_toll(ledger, second):
    text = "Armed men stormed a college in Orvin on Thursday and killed 40 people, police said. " + second
    claims = [("40", "people", "killed", None), ("6", "militants", "killed", None)]
    ledger.write([article("g2", 4, text, claims, [("Orvin", "GPE")])])
    reconcile(ledger)
    (six,) = [f for f in figures.list_figures(ledger) if f.best == 6]
    assert six.part_of is None, six


def test_a_title_s_country_is_the_town_s_not_the_headline_s_nationality(ledger):
    from dataclasses import replace

    text = (
        "A gunman killed 3 people at the naval air station in Pensacola on Friday, the Navy said. "
        "The gunman was a student from Saudi Arabia, and Saudi Arabia condemned the attack."
    )
    x = article("p1", 4, text, [("3", "people", "killed", None)], [("Pensacola", "GPE"), ("Saudi Arabia", "GPE")])
    places = _placed("p1", text, [("Pensacola", "USA", "Florida", "P"), ("Saudi Arabia", "SAU", None, "A")])
    title = "Pensacola shooter was an aviation student from Saudi Arabia, official says"
    ledger.write([replace(x, article=replace(x.article, title=title), places=places)])
    reconcile(ledger)
    assert killed(ledger).incident.country == "USA", killed(ledger).incident


def test_an_increment_with_no_whole_is_not_shown(ledger):
    text = "Mayor Ana Ruiz and 3 other officials were killed in the blast in Kessel on Monday, police said."
    ledger.write([article("i1", 4, text, [("3", "officials", "killed", None)], [("Kessel", "GPE")])])
    reconcile(ledger)
    assert [f for f in figures.list_figures(ledger) if f.measure == "killed"] == []


def test_an_office_s_jurisdiction_and_a_street_are_no_incident_place(ledger):
    from dataclasses import replace

    text = (
        "Kessel County Sheriff Ana Ruiz said 4 people died in the shooting at a plant in Orvin on Monday. "
        "The gunman opened fire at the plant on Tamsin Street, killing 3 people. One other man died later."
    )
    names = [("Kessel County", "GPE"), ("Orvin", "GPE"), ("Tamsin Street", "FAC")]
    x = article("j1", 4, text, [("4", "people", "killed", "Ana Ruiz"), ("3", "people", "killed", None)], names)
    ledger.write([replace(x, article=replace(x.article, title="Gunman kills four at a plant"))])
    reconcile(ledger)
    titles = [f.incident.title for f in figures.list_figures(ledger) if f.measure == "killed"]
    assert titles and all("Kessel" not in t and "Tamsin" not in t for t in titles), titles
    (whole,) = [f for f in figures.list_figures(ledger) if f.measure == "killed" and f.part is None]
    assert whole.best == 4 and "Orvin" in whole.incident.title, whole


def test_a_storm_named_in_the_opening_names_the_incident(ledger):
    from dataclasses import replace

    text = (
        "Tropical Storm Tamsin dumped record rain on the coast on Monday. "
        "At least 25 people have been killed in Orvin since the storm came ashore, officials said. "
        "Police said 3 people were arrested for looting in Orvin on Monday."
    )
    claims = [("25", "people", "killed", None), ("3", "people", "arrested", None)]
    x = article("s1", 4, text, claims, [("Orvin", "GPE")])
    ledger.write([replace(x, article=replace(x.article, title="'It looks like a tornado': Orvin reels"))])
    reconcile(ledger)
    assert killed(ledger).incident.title.startswith("killed in Tropical Storm Tamsin"), killed(ledger).incident
    (arrests,) = [f for f in figures.list_figures(ledger) if f.measure == "arrested"]
    assert "Tamsin" not in arrests.incident.title, arrests.incident  # the arrests in its town are no storm's


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # the fire the opening names, not the headline's plural of two fires
        (
            "The Tamsin Fire has burned through the town of Orvin. At least 25 people were killed in the fire, "
            "officials said on Monday, and the Fire Department said more.",
            "killed in the Tamsin Fire",
        ),
        # two named fires: which one is not said
        (
            "The Tamsin Fire burned Orvin and the Brenn Fire burned Kessel. At least 25 people were killed in "
            "the wildfires, officials said on Monday.",
            "killed in the Orvin wildfires",
        ),
        # a second fire in lower case is a second fire
        (
            "The Tamsin Fire burned Orvin and the Brenn fire burned Kessel. At least 25 people were killed in "
            "the wildfires, officials said on Monday.",
            "killed in the Orvin wildfires",
        ),
        # two named fires, and the count's own sentence names one
        (
            "The Tamsin Fire, in the north, has killed at least 25 people. Far to the south, the Brenn Fire "
            "burned Kessel, officials said on Monday.",
            "killed in the Tamsin Fire",
        ),
    ],
)
def test_a_fire_named_in_the_opening_names_the_incident(ledger, text, want):
    x = article("f1", 4, text, [("25", "people", "killed", None)], [("Orvin", "GPE"), ("Kessel", "GPE")])
    title = killed_title(ledger, x, "Orvin wildfires: the toll rises")
    assert title.startswith(want), title


def test_bodies_recovered_with_no_toll_are_not_shown(ledger):
    text = "Searchers in Kessel said on Monday that 6 bodies had been recovered from the sea so far."
    ledger.write([article("b1", 4, text, [("6", "bodies", "killed", None)], [("Kessel", "GPE")])])
    reconcile(ledger)
    assert [f for f in figures.list_figures(ledger) if f.measure == "killed"] == []


def test_a_number_in_the_reporter_s_parenthesis_is_the_outlet_s(ledger):
    text = (
        "According to police sources, the older brother was the driving force behind the bombing in Kessel "
        "(where 3 people died on Monday). Police said more."
    )
    ledger.write([article("p1", 4, text, [("3", "people", "killed", "police sources")], [("Kessel", "GPE")])])
    reconcile(ledger)
    (c,) = killed(ledger).claims
    assert c.source is None or "police" not in (c.party_name or "").lower(), (c.source, c.party_name)


@pytest.mark.parametrize(
    ("text", "count", "who"),
    [
        (
            "Assad said that the attack in Kessel, in which more than 1,000 people reportedly died, was a crime.",
            "1,000",
            "Assad",
        ),
        (
            "The minister said the raid on Kessel — where 40 people were reportedly killed — was lawful.",
            "40",
            "minister",
        ),
    ],
)
def test_a_count_the_reporter_sets_apart_as_reported_is_not_the_speaker_s(ledger, text, count, who):
    ledger.write([article("r2", 4, text, [(count, "people", "killed", who)], [("Kessel", "GPE")])])
    reconcile(ledger)
    (c,) = killed(ledger).claims
    assert c.source is None, (c.source, c.party_name)


def test_a_reported_count_after_a_speaker_s_sentence_is_the_outlet_s(ledger):
    text = (
        "Officials in Veridia say two jets flew over Kessel on Monday. The strike reportedly killed at least 14 people."
    )
    x = article(
        "r4", 4, text, [("at least 14", "people", "killed", "Officials")], [("Kessel", "GPE"), ("Veridia", "GPE")]
    )
    ledger.write([x])
    reconcile(ledger)
    (c,) = killed(ledger).claims
    assert c.source is None, (c.source, c.party_name)


def test_a_count_the_speaker_says_was_reported_is_still_the_speaker_s(ledger):
    text = "Officials in Kessel said 12 people were reportedly killed in the raid on Monday."
    ledger.write([article("r3", 4, text, [("12", "people", "killed", "Officials")], [("Kessel", "GPE")])])
    reconcile(ledger)
    (c,) = killed(ledger).claims
    assert c.source is not None, (c.source, c.party_name)


@pytest.mark.parametrize(
    ("text", "count", "who", "kept"),
    [
        # the gunman is inside what officials say: theirs
        ("Officials now say at least one gunman killed 12 people at the Kessel yard.", "12", "Officials", True),
        (
            "The Observatory claimed the strikes killed at least 14 fighters in Kessel.",
            "at least 14",
            "The Observatory",
            True,
        ),
        # an event named by its toll inside what is alleged of someone: the reporter's description
        (
            "Prosecutors allege Ana Ruiz gave him the rifle he used in the rampage that left 3 dead in Kessel.",
            "3",
            "Ana Ruiz",
            False,
        ),
    ],
)
def test_a_count_in_a_source_s_words_or_in_the_reporter_s_description(ledger, text, count, who, kept):
    ledger.write([article("w1", 4, text, [(count, "people", "killed", who)], [("Kessel", "GPE")])])
    reconcile(ledger)
    (c,) = killed(ledger).claims
    assert (c.source is not None) == kept, (c.source, c.party_name)


def test_a_count_in_a_relative_clause_naming_the_killers_is_the_outlet_s(ledger):
    text = "On Monday the group said on its radio service that the couple who killed 14 in Kessel were its supporters."
    ledger.write([article("r1", 4, text, [("14", None, "killed", "the group")], [("Kessel", "GPE")])])
    reconcile(ledger)
    (c,) = killed(ledger).claims
    assert c.source is None, (c.source, c.party_name)


@pytest.mark.parametrize(
    ("text", "where", "headline", "want", "unwanted"),
    [
        # a shooting happens at one site: the town the opening puts it in, not the county of the count's sentence
        (
            "A gunman opened fire in a newsroom in Orvin on Thursday. "
            "At least 5 people were killed in the shooting in Kessel County, police said.",
            [("Kessel County", "USA", "Veria", "A"), ("Orvin", "USA", "Veria", "P")],
            "Gunman kills five in a newsroom",
            "Orvin",
            ("Kessel",),
        ),
        # nor the state of the headline
        (
            "A student opened fire in the cafeteria of a high school in Orvin on Friday. Police in Montana "
            "said 5 people were killed.",
            [("Orvin", "USA", "Montana", "P"), ("Montana", "USA", "Montana", "A")],
            "Montana school shooting: what we know",
            "Orvin",
            ("Montana",),
        ),
        # the town of the school the opening names, not the city it is some miles from
        (
            "A student opened fire on Friday at Orvin High School, about 30 miles north of Brenn. Police in "
            "Montana said 5 people were killed.",
            [
                ("Orvin High School", "USA", "Montana", "S"),
                ("Brenn", "USA", "Montana", "P"),
                ("Montana", "USA", "Montana", "A"),
            ],  # fmt: skip
            "Montana school shooting claims another victim",
            "Orvin",
            ("Montana", "Brenn"),
        ),
        # a storm can strike a whole state: its toll keeps the state
        (
            "In Veria the storm killed 5 people on Friday, state officials said. A tree fell on a house in Orvin.",
            [("Veria", "USA", "Veria", "A"), ("Orvin", "USA", "Veria", "P")],
            "Storm batters Veria",
            "Veria",
            ("Orvin",),
        ),
        # a car driven into a crowd is at one site too: the town of the opening, not the headline's state
        (
            "Violence erupted at a rally in Orvin on Saturday. Police in Veria said 5 people were killed when a "
            "driver plowed into a crowd of marchers.",
            [("Orvin", "USA", "Veria", "P"), ("Veria", "USA", "Veria", "A")],
            "Veria violence: governor speaks",
            "Orvin",
            ("Veria",),
        ),
        # the town a suspect is from is not where the shooting was (nor the place of its title)
        (
            "A gunman opened fire at a store in Veria on Saturday. Tom Rusk, 21, of Orvin, was charged over "
            "the shooting that left 5 dead in the border city, prosecutors said.",
            [("Veria", "USA", "Veria", "P"), ("Orvin", "USA", "Veria", "P")],
            "Man charged over store shooting",
            "the shooting",
            ("Orvin",),
        ),
        # two towns of the state in the opening: which one is not said, so the state stays
        (
            "Gunmen opened fire in Orvin and in Brenn on Friday. In Veria 5 people were killed in the "
            "shootings, police said.",
            [("Veria", "USA", "Veria", "A"), ("Orvin", "USA", "Veria", "P"), ("Brenn", "USA", "Veria", "P")],
            "Veria shootings leave five dead",
            "Veria",
            ("Orvin", "Brenn"),
        ),
    ],
)
def test_a_one_site_event_is_titled_by_its_town_not_its_state_or_county(ledger, text, where, headline, want, unwanted):
    count = "At least 5" if "At least 5" in text else "5"
    x = article("s1", 4, text, [(count, "people", "killed", None)], [(w[0], "GPE") for w in where])
    title = killed_title(ledger, x, headline, _placed("s1", text, where))
    assert want in title and not any(u in title for u in unwanted), title


def test_a_one_site_event_titled_by_a_country_is_titled_by_its_town_past_a_byline(ledger):
    from dataclasses import replace

    text = (
        "Ana Lurz\n\nSpecial for the Herald\n\nBRENN, Mali — Gunmen stormed a college in northern Mali on "
        "Thursday, killing 40 people. Hundreds of students fled the campus in Orvin, near the border."
    )
    where = [("BRENN", "MLI", "Brenn Region", "P"), ("Mali", "MLI", None, "A"), ("Orvin", "MLI", "Orvin Region", "P")]
    x = article("m1", 4, text, [("40", "people", "killed", None)], [("Mali", "GPE"), ("Orvin", "GPE")])
    d = text.index("BRENN")
    x = replace(x, article=replace(x.article, outside=((0, 8, "byline"), (10, 32, "byline"), (d, d + 13, "dateline"))))
    title = killed_title(ledger, x, "40 dead in Mali college attack", _placed("m1", text, where))
    assert "Orvin attack" in title and "BRENN" not in title and "Brenn" not in title, title


@pytest.mark.parametrize(
    ("text", "when", "value", "dated"),
    [
        # the day the sentence gives the blast, two days before the report (2025-04-07, a Monday)
        ("The blast at a market in Orvin on Saturday killed 14 people, police said.", "Saturday", "2025-04-05", True),
        # within the week before the report: the sentence's weekday is still the incident's
        ("The blast at a market in Orvin on Wednesday killed 14 people.", "Wednesday", "2025-04-02", True),
        ("A blast at a market in Orvin killed 14 people, police said on Sunday.", "Sunday", "2025-04-06", False),
        (
            "A blast at a market in Orvin killed 14 people, and a vigil on Sunday drew crowds.",
            "Sunday",
            "2025-04-06",
            False,
        ),
        ("On Sunday, police said 14 people had been killed in a blast in Orvin.", "Sunday", "2025-04-06", False),
        # the day the opening sentence gives what happened, for a count after it that gives none
        (
            "Gunmen stormed a market in Orvin on Saturday. Police said 14 people were killed.",
            "Saturday",
            "2025-04-05",
            True,
        ),
        (
            "Two men appeared in court on Saturday over the attack on a market in Orvin. Police said 14 people died.",
            "Saturday",
            "2025-04-05",
            False,
        ),
        (
            "A panel approved a bill on Saturday, a day after a blast in Orvin. Police said 14 people were killed.",
            "Saturday",
            "2025-04-05",
            False,
        ),
    ],
)
def test_an_incident_is_dated_by_the_day_its_sentence_gives_it_not_the_day_it_was_said(
    ledger, text, when, value, dated
):
    from dataclasses import replace

    from newsledger.models import TimeExpr

    x = article("e1", 7, text, [("14", "people", "killed", None)], [("Orvin", "GPE")])
    t0 = text.index(when)
    x = replace(x, times=(TimeExpr("e1", t0, t0 + len(when), when, "DATE", value),))
    ledger.write([x])
    reconcile(ledger)
    f = killed(ledger)
    if dated:
        assert f.incident.date == value and f.incident.title.endswith(value) and "reported" not in f.incident.title
    else:
        assert f.incident.date == "2025-04-07" and "reported 2025-04-07" in f.incident.title, f.incident


def test_a_state_the_resolver_left_unplaced_is_known_by_the_gazetteer(ledger):
    text = "A student opened fire at a high school in Orvin on Friday. Police in Montana said 5 people were killed."
    x = article("s2", 4, text, [("5", "people", "killed", None)], [("Orvin", "GPE"), ("Montana", "GPE")])
    title = killed_title(ledger, x, "Montana school shooting", _placed("s2", text, [("Orvin", "USA", "Montana", "P")]))
    assert "Orvin" in title and "Montana" not in title, title


@pytest.mark.parametrize(
    ("second", "parts"),
    [
        ("Another 15 people, half of them soldiers, were wounded.", []),  # the lead's 15, told again
        ("Another 15 people were wounded in a second blast on Tuesday.", [15]),  # a later day's more
    ],
)
def test_an_increment_that_repeats_the_lead_s_count_is_the_count(ledger, second, parts):
    text = (
        "A gunman opened fire at a base in Kessel on Monday, killing a general and wounding 15 people. "
        f"The army said the gunman was killed. {second}"
    )
    from dataclasses import replace

    x = article("r1", 4, text, [("15", "people", "injured", None)] * 2, [("Kessel", "GPE")])
    at = text.rindex("15")
    later = replace(
        x.claims[1], start=at, end=at + 2, sentence_start=text.rindex(". ", 0, at) + 2, sentence_end=len(text)
    )
    ledger.write([replace(x, claims=(x.claims[0], later))])
    reconcile(ledger)
    hurt = [f for f in figures.list_figures(ledger) if f.measure == "injured"]
    assert [f.best for f in hurt if f.part is None] == [15], hurt
    assert [f.best for f in hurt if f.part == "more"] == parts, hurt


@pytest.mark.parametrize(
    ("text", "shown", "counted", "measure"),
    [
        ("Veridia sent 2,000 troops to the border in Kessel on Monday, officials said.", "2,000", "troops", "deployed"),
        # a standing force: no word moves it
        ("About 3,000 Veridian troops are in Kessel, officials said on Monday.", "3,000", "troops", "deployed"),
        # where a force stands, not an act that moves it
        ("About 3,000 Veridian troops stationed in Kessel held drills on Monday.", "3,000", "troops", "deployed"),
        # protesters who stand outside are no force
        ("About 300 protesters were stationed outside the hall in Kessel on Monday.", "300", "protesters", "deployed"),
        # territory a campaign took is no toll of an incident
        ("Rebels captured 300 villages around Kessel on Monday, officials said.", "300", "villages", "captured"),
    ],
)
def test_a_force_s_size_and_captured_territory_are_no_figure(ledger, text, shown, counted, measure):
    ledger.write([article("d1", 4, text, [(shown, counted, measure, None)], [("Kessel", "GPE")])])
    reconcile(ledger)
    got = [f.best for f in figures.list_figures(ledger) if f.measure == measure]
    assert got == ([2000] if "sent" in text else []), got


def test_a_headline_place_that_says_where_a_victim_is_from_is_no_incident_place(ledger):
    text = "A gunman killed 5 people at a market on Friday, police said. The market is in Orvin."
    x = article("h1", 4, text, [("5", "people", "killed", None)], [("Orvin", "GPE"), ("Veria", "GPE")])
    title = killed_title(
        ledger, x, "Veria man among market attack victims", _placed("h1", text, [("Orvin", "KES", None, "P")])
    )
    assert "Veria" not in title and "attack" in title, title


@pytest.mark.parametrize(
    ("title", "events"),
    [
        ("Kessel police union declares war on the mayor", []),
        ("A trade war with Veria deepens", []),
        ("War in Kessel: 12 killed as the army advances", ["War"]),
        ("Mayor on the Orvin truck attack: this is war!", ["attack"]),
        ("Gunman opens fire at Kessel's National War Memorial", []),
        ("Two killed in border clash between Veria and Kessel", ["clash"]),
        ("Police arrest 40 at Orvin demonstration", ["demonstration"]),
        ("Three hurt in Orvin market stabbing", ["stabbing"]),
        ("Fierce fighting in Orvin leaves 12 dead", ["fighting"]),
        ("Kessel mayor fighting for his job", []),
        ("Gun violence claims 12 in Orvin each year", []),
        ("Budget standoff in Kessel drags on", []),
        ("The Orvin militia standoff, explained", ["standoff"]),
        ("Gunman's rampage at Orvin club leaves 9 dead", ["rampage"]),
    ],
)
def test_a_war_of_words_or_policy_is_no_event(title, events):
    got = [m.group(1) for m in figures._EVENT_WORD.finditer(title) if figures._an_event(title, m, frozenset())]
    assert got == events, got


def test_the_country_an_event_is_said_to_be_in_titles_it(ledger):
    text = "Militants killed 3 soldiers at a base on Sunday, officials said."
    x = article("k1", 4, text, [("3", "soldiers", "killed", None)])
    title = killed_title(ledger, x, "Three U.S. soldiers killed in attack on a base in Kenya")
    assert title.startswith("killed in the Kenya attack") and "Kenya, Kenya" not in title, title


def test_a_country_s_name_the_article_resolves_to_a_region_elsewhere_is_no_event_country():
    people = frozenset()
    assert figures._event_country(["Two hurt in an attack in Georgia"], people, {}) == "GEO"
    assert figures._event_country(["Two hurt in an attack in Georgia"], people, {"georgia": "USA"}) is None
    assert figures._event_country(["Syrian attack kills 40"], people, {}) is None  # whose, not where


def test_a_place_a_group_is_based_in_is_no_incident_place():
    assert figures._HOME_OF.match("a London-based monitoring group", len("a London"))
    assert figures._HOME_OF.match("a Utah man", len("a Utah")) and not figures._HOME_OF.match("in Utah on", 7)


def test_where_the_teller_sits_is_no_incident_place():
    for before in ("fled the city, a U.N. official in ", "the agency's spokeswoman in ", "diplomats based in "):
        assert figures._HOME_BEFORE.search(before), before
    assert not figures._HOME_BEFORE.search("officials said 30 people were killed in ")


def test_a_sentence_s_event_word_nearest_the_count_names_its_incident(ledger):
    text = "Protests broke out in Orvin on Wednesday, a day after an explosion at the mine killed 27 people, officials said."
    x = article("e1", 4, text, [("27", "people", "killed", None)], [("Orvin", "GPE")])
    title = killed_title(ledger, x, "Grief and anger grip a mining town")
    assert "explosion" in title and "protest" not in title.lower(), title


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("Gunmen opened fire at a wedding in Orvin on Friday, killing 12 people, officials said.", "shooting"),
        ("Armed men attacked the village of Orvin on Friday, killing 12 people, officials said.", "attack"),
        ("A man drove a van into a crowd in Orvin on Friday, killing 12 people, officials said.", "ramming"),
    ],
)
def test_the_act_a_sentence_tells_names_its_incident_where_it_names_no_event(ledger, text, event):
    x = article("e2", 4, text, [("12", "people", "killed", None)], [("Orvin", "GPE")])
    title = killed_title(ledger, x, "Grief grips a small town")
    assert f"the Orvin {event}" in title, title


def test_a_count_near_no_word_of_anything_that_happened_founds_no_figure(ledger):
    standing = "The ministry's register gives a toll of 40 deaths at the Tamsin barrage in Lorvia."
    ledger.write([article("h1", 4, standing, [("40", "deaths", "killed", "ministry")], DAM)])
    reconcile(ledger)
    assert figures.list_figures(ledger) == []
    ledger.write([A1])  # the burst founds one, under any headline
    reconcile(ledger)
    assert [f.best for f in figures.list_figures(ledger)] == [23]


def test_a_kidnapping_the_sentence_tells_titles_its_captives(ledger):
    from dataclasses import replace

    text = "Gunmen kidnapped 8 students from a school in Orvin on Thursday, police said. The army gave chase."
    x = article("k1", 4, text, [("8", "students", "captured", None)], [("Orvin", "GPE")])
    x = replace(x, article=replace(x.article, title="Students taken from their school"))
    ledger.write([replace(x, places=_placed("k1", text, [("Orvin", "NGA", "Kaduna", "P")]))])
    reconcile(ledger)
    (f,) = [f for f in figures.list_figures(ledger) if f.measure == "captured"]
    assert "the Orvin kidnapping" in f.incident.title, f.incident.title


def test_civil_personnel_are_no_soldiers():
    assert figures.counted_group("disaster-relief and rescue personnel") == ("personnel", None)
    assert figures.counted_group("US embassy personnel") == ("personnel", "USA")
    assert figures.counted_group("military personnel")[0] == figures.counted_group("personnel")[0] == "soldiers"


@pytest.mark.parametrize(
    "text",
    [
        "On Monday the Red Hand group claimed responsibility for the bombings in Kessel that killed 40 people.",
        "On Monday the Red Hand group claimed credit for the attacks in Kessel, in which 40 people were killed.",
    ],
)
def test_a_toll_after_a_claim_of_responsibility_is_the_outlet_s(ledger, text):
    ledger.write([article("cr1", 4, text, [("40", "people", "killed", "the Red Hand group")], [("Kessel", "GPE")])])
    reconcile(ledger)
    (c,) = killed(ledger).claims
    assert c.source is None, (c.source, c.party_name)


def test_a_toll_the_claimant_gives_is_still_its_own(ledger):
    text = "On Monday the Red Hand group claimed responsibility for the raid in Kessel, saying it killed 30 soldiers."
    ledger.write([article("cr2", 4, text, [("30", "soldiers", "killed", "the Red Hand group")], [("Kessel", "GPE")])])
    reconcile(ledger)
    (f,) = [f for f in figures.list_figures(ledger) if f.measure == "killed"]
    (c,) = f.claims
    assert c.source is not None, (c.source, c.party_name)


def test_a_toll_in_a_place_said_to_be_of_another_country_is_its_own_incident(ledger):
    text = (
        "Storms in Texas killed 4 people on Monday, officials said. "
        "But in Puerto Lago, a Mexican city on the border, a tornado killed at least 13 people on Monday."
    )
    ledger.write(
        [
            article(
                "t1",
                10,
                text,
                [("4", "people", "killed", "officials"), ("at least 13", "people", "killed", None)],
                [("Texas", "GPE"), ("Puerto Lago", "GPE")],
            )
        ]
    )
    reconcile(ledger)
    fs = [f for f in figures.list_figures(ledger) if f.measure == "killed"]
    assert len(fs) == 2 and all(f.low == f.high for f in fs), fs
    assert any("Mexico" in f.incident.title for f in fs if f.incident), [f.incident for f in fs]


def test_a_state_s_abbreviation_after_a_town_is_no_place_of_the_title(ledger):
    # the town a modifier the tagger missed ("an Orvin, Fla., nightclub"), its state's abbreviation tagged alone
    text = "An attack on an Orvin, Fla., nightclub left 49 people dead on Sunday."
    x = article("ap1", 4, text, [("49", "people", "killed", None)], [("Fla", "GPE")])
    title = killed_title(
        ledger, x, "Worst shooting: what we know", _placed("ap1", text, [("Fla", "USA", "Florida", "A")])
    )
    assert "Fla" not in title, title


def test_a_placed_town_in_a_mis_tagged_person_s_name_is_still_the_title_s_place(ledger):
    # the tagger made "Club Orvin" a person; the geocoder placed "Orvin" and the ledger tags it a place
    text = "A gunman opened fire at Club Orvin in Orvin early on Sunday, killing 49 people."
    x = article("po1", 4, text, [("49", "people", "killed", None)], [("Club Orvin", "PERSON"), ("Orvin", "GPE")])
    title = killed_title(
        ledger, x, "Worst shooting: what we know", _placed("po1", text, [("Orvin", "USA", "Florida", "P")])
    )
    assert "Orvin shooting" in title, title


def test_a_big_town_the_tagger_took_for_an_organisation_places_a_count_at_it(monkeypatch):
    # "in Orvin, killing two": the place extractor resolved Orvin, the tagger called it an organisation
    text = "A man attacked a cafe in Orvin, killing two. Orvin says it will help. He lived in Brenn."
    monkeypatch.setattr(figures.store, "places_between", lambda ledger, aid, s0, s1: [])
    untagged = [("Orvin", 25, "P", 600_000), ("Orvin", 45, "P", 600_000), ("Brenn", 82, "P", 900)]
    monkeypatch.setattr(
        figures.store, "untagged_places_between", lambda ledger, aid, s0, s1: [u for u in untagged if s0 <= u[1] < s1]
    )
    found = figures._places_in(None, text, "a1", 0, len(text))
    assert [(name, pos) for _, name, _, pos in found] == [("Orvin", 25)]  # not "Orvin says", not a hamlet


def test_a_town_the_text_calls_a_town_places_a_count_at_it_whatever_its_size(monkeypatch):
    text = "Gunmen fired on a mosque in the western city of Brenn, killing 10. Brenn says it will help."
    monkeypatch.setattr(figures.store, "places_between", lambda ledger, aid, s0, s1: [])
    untagged = [("Brenn", text.index("Brenn"), "P", 900), ("Brenn", text.rindex("Brenn"), "P", 900)]
    monkeypatch.setattr(
        figures.store, "untagged_places_between", lambda ledger, aid, s0, s1: [u for u in untagged if s0 <= u[1] < s1]
    )
    found = figures._places_in(None, text, "a1", 0, len(text))
    assert [(name, pos) for _, name, _, pos in found] == [("Brenn", text.index("Brenn"))]


def _row(start: int, end: int, source_start: int, source_end: int):
    from newsledger.store.figures import ClaimRow

    return ClaimRow(
        1,
        "a1",
        start,
        end,
        None,
        None,
        source_start,
        source_end,
        89.0,
        None,
        None,
        "at_least",
        None,
        None,
        "people",
        "killed",
        "source",
        None,
        None,
    )


def test_an_event_s_toll_told_before_its_source_is_the_source_s():
    text = (
        "Rescue teams are scrambling to reach the site of Monday's earthquake in northern Veridia that has killed "
        "at least 89 people, according to state media."
    )
    at = text.index("at least 89")
    src = text.index("state media")
    assert not figures._unsaid(text, (0, len(text)), _row(at, at + 11, src, src + 11))
    # a person named by what they did stays the reporter's description
    text = "The couple who killed 14 people were supporters of the group, its news agency said."
    at = text.index("14")
    src = text.index("its news agency")
    assert figures._unsaid(text, (0, len(text)), _row(at, at + 2, src, src + 15))


def test_flooding_a_website_is_no_flood():
    def events(title):
        return [m.group(1) for m in figures._EVENT_WORD.finditer(title) if figures._an_event(title, m, frozenset())]

    assert events("Orvin bots flood Twitter with posts after the Kessel school shooting") == ["shooting"]
    assert events("Floods kill 12 in Orvin") == ["Floods"] and events("The flood in Orvin left 12 dead") == ["flood"]


def test_a_toll_inside_the_source_s_quoted_words_is_the_source_s():
    text = (
        'The Orvin Wire began its report this way: "Activists accused the army of launching an attack that killed '
        'at least 213 people on Wednesday."'
    )
    at = text.index("at least 213")
    assert not figures._unsaid(text, (0, len(text)), _row(at, at + 12, 4, 14))
    # outside the quotation, the relative clause is still the reporter's description
    text = "The Orvin Wire said the couple who killed 14 people were supporters of the group."
    at = text.index("14")
    assert figures._unsaid(text, (0, len(text)), _row(at, at + 2, 4, 14))


def test_a_relayer_citing_the_source_leaves_the_value_the_source_s(ledger):
    text = "Some 200 people are in custody, Radio Kessel reported, citing Orvin prosecutors."
    ledger.write([article("r1", 4, text, [("Some 200", "people", "arrested", "Orvin prosecutors")])])
    reconcile(ledger)
    parties = [r[0] for r in ledger.conn.execute("SELECT party_name FROM figure_claims")]
    assert parties == ["Orvin prosecutors"], parties


_ROUND_UP = (
    "Protests spread across Veridia on Wednesday night. \n"
    "Orvin, Lorvia: Crowds block the ring road\n"
    "At least 30 people were arrested and 11 citations were issued, police said. \n"
    "Kessel: Effigy burned outside city hall\n"
    "As many as 3,000 people marched in the city, and 28 people were arrested for blocking the bridge. "
)


def test_a_round_up_s_section_heads_place_its_counts(ledger):
    from dataclasses import replace

    claims = [("At least 30", "people", "arrested", None), ("28", "people", "arrested", None)]
    places = _placed("u1", _ROUND_UP, [("Orvin", "VRD", "Lorvia", "P"), ("Kessel", "VRD", "Lorvia", "P")])
    x = article("u1", 4, _ROUND_UP, claims, [("Orvin", "GPE"), ("Kessel", "GPE")])
    ledger.write([replace(x, places=places)])
    reconcile(ledger)
    got = sorted((f.part, f.low, f.high) for f in figures.list_figures(ledger) if f.measure == "arrested")
    # two cities' arrests, never one range of 28 to 30
    assert got == [("in Kessel", 28, 28), ("in Orvin", 30, 30)], got


def test_a_speaker_s_label_is_no_section_head(ledger):
    from dataclasses import replace

    text = _ROUND_UP.replace("Orvin, Lorvia:", "Vasko:").replace("Kessel:", "Ruiz:")
    claims = [("At least 30", "people", "arrested", None), ("28", "people", "arrested", None)]
    x = article("u2", 4, text, claims, [("Vasko", "PERSON"), ("Ruiz", "PERSON")])
    ledger.write([replace(x, places=())])
    reconcile(ledger)
    parts = {f.part for f in figures.list_figures(ledger) if f.measure == "arrested"}
    assert not {p for p in parts if p and p.startswith("in ")}, parts


def test_a_detention_the_story_says_was_no_arrest_is_in_no_figure(ledger):
    text = (
        "10 people were wounded in a shooting on Tamsin Street in Orvin on Sunday, police said. "
        "1 person was detained near the scene, the police chief said. No arrests had been made by Monday."
    )
    ledger.write(
        [article("n1", 4, text, [("10", "people", "injured", None), ("1 person", "person", "arrested", None)])]
    )
    reconcile(ledger)
    assert [f for f in figures.list_figures(ledger) if f.measure == "arrested"] == []
    # an arrest the story tells as one stays
    text = text.replace("No arrests had been made by Monday.", "He was charged on Monday.")
    ledger.write(
        [article("n2", 5, text, [("10", "people", "injured", None), ("1 person", "person", "arrested", None)])]
    )
    reconcile(ledger)
    assert [f.best for f in figures.list_figures(ledger) if f.measure == "arrested"] == [1]


def test_a_place_the_count_is_put_in_wins_over_a_nearer_place_only_named(ledger):
    text = (
        "The leak from the Tamsin pipeline, carrying the same oil that would be moved by Kessel, has killed at "
        "least 3 people in the small town of Orvin."
    )
    x = article("m1", 4, text, [("at least 3", "people", "killed", None)], [("Kessel", "FAC"), ("Orvin", "GPE")])
    title = killed_title(ledger, x, "Pipeline leak kills three")
    assert "Orvin" in title and "Kessel" not in title, title


_TWO_CITIES = (
    "At least 30 people were arrested in Oakland on Wednesday night, police said. "
    "Police said 15 protesters were arrested in Chicago."
)
_CITY_PLACES = [("Oakland", "USA", "California", "P"), ("Chicago", "USA", "Illinois", "P")]


def test_one_city_s_count_is_no_part_of_another_city_s(ledger):
    claims = [("At least 30", "people", "arrested", None), ("15", "protesters", "arrested", None)]
    shown = _placed_figures(ledger, "c1", _TWO_CITIES, claims, _CITY_PLACES)
    oakland = next(f for f in shown if f.best == 30)
    chicago = next(f for f in shown if f.best == 15)
    assert chicago.part_of is None and oakland.part_of is None, (chicago, oakland)


_PARIS = "Gunmen killed 12 people at a magazine office in Paris on Wednesday, police said."
_SANAA = "On the same day a car bomb killed 37 people at a police academy in Sanaa, officials said."


def test_counts_their_sentences_put_in_two_countries_are_two_incidents(ledger):
    from dataclasses import replace

    names = [("Paris", "GPE"), ("Sanaa", "GPE"), ("Wednesday", "DATE")]
    paris = article("p1", 7, _PARIS, [("12", "people", "killed", None)], names)
    sanaa = article("p2", 7, _SANAA, [("37", "people", "killed", None)], names)
    ledger.write(
        [
            replace(paris, places=_placed("p1", _PARIS, [("Paris", "FRA", "Ile-de-France", "P")])),
            replace(sanaa, places=_placed("p2", _SANAA, [("Sanaa", "YEM", "Amanat Alasimah", "P")])),
        ]
    )
    reconcile(ledger)
    shown = [f for f in figures.list_figures(ledger) if f.measure == "killed"]
    assert sorted(f.best for f in shown) == [12, 37] and all(f.low == f.high for f in shown), shown


_TELLER = "A U.N. official in Damascus said on Monday that some 300,000 people had fled Raqqa during the assault."


def test_the_city_the_teller_sits_in_is_not_the_count_s_place(ledger):
    places = [("Raqqa", "SYR", "Raqqa", "P"), ("Damascus", "SYR", "Dimashq", "P")]
    (f,) = _placed_figures(ledger, "r1", _TELLER, [("some 300,000", "people", "displaced", None)], places)
    assert f.incident.place == "Raqqa", f.incident


def test_counts_other_articles_put_in_two_towns_are_two_incidents(ledger):
    from dataclasses import replace

    dallas = "A sniper killed 5 people in Dallas, Texas, on Thursday night, police said."
    santa_fe = "A gunman killed 10 people at a high school in Santa Fe, Texas, on Friday, officials said."
    names = [("Texas", "GPE"), ("Dallas", "GPE"), ("Santa Fe", "GPE")]
    places = {
        "d1": [("Dallas", "USA", "Texas", "P"), ("Texas", "USA", "Texas", "A")],
        "s1": [("Santa Fe", "USA", "Texas", "P"), ("Texas", "USA", "Texas", "A")],
    }
    xs = [article("d1", 7, dallas, [("5", "people", "killed", None)], names)]
    xs.append(article("s1", 8, santa_fe, [("10", "people", "killed", None)], names))
    ledger.write([replace(x, places=_placed(x.article.id, x.article.text, places[x.article.id])) for x in xs])
    reconcile(ledger)
    shown = [f for f in figures.list_figures(ledger) if f.measure == "killed"]
    assert sorted(f.best for f in shown) == [5, 10] and all(f.low == f.high for f in shown), shown


@pytest.mark.parametrize("one_story", [False, True])
def test_an_undated_count_joins_another_report_s_figure_only_where_the_values_agree(ledger, one_story):
    from dataclasses import replace

    names = [("Texas", "GPE"), ("Orvin", "GPE")]
    dated = article(
        "u1",
        7,
        "A gunman killed 2 people in Orvin, Texas, on Thursday, police said.",
        [("2", "people", "killed", None)],
        names,
    )
    undated = article(
        "u2",
        8,
        "At least 10 people were killed at a school in Orvin, Texas, the governor said.",
        [("10", "people", "killed", None)],
        names,
    )
    undated = replace(undated, article=replace(undated.article, published=None))
    ledger.write([dated, undated])
    if one_story:  # a story that ran the two together (set by hand, as the stories step files them)
        with ledger.conn as c:
            c.execute("INSERT INTO stories(id) VALUES ('u1')")
            c.executemany(
                "INSERT INTO story_articles(article_id, story_id, terms) VALUES (?, 'u1', '{}')", [("u1",), ("u2",)]
            )
    reconcile(ledger)
    shown = [f for f in figures.list_figures(ledger) if f.measure == "killed"]
    assert sorted(f.best for f in shown) == [2, 10], shown


def test_an_opening_according_to_credits_every_count_of_its_sentence(ledger):
    text = (
        "Rockets fell on Orvin again. According to the Orvin Ministry of Health, 27 people were killed Tuesday, "
        "including children, and 137 Kesselians have been killed since the latest hostilities erupted."
    )
    who = "Orvin Ministry of Health"
    claims = [("27", "people", "killed", who), ("137", "Kesselians", "killed", who)]
    ledger.write([article("g1", 4, text, claims, [(who, "ORG"), ("Orvin", "GPE")], source="https://news.example/a")])
    reconcile(ledger)
    parties = {c.text: c.party_name for f in figures.list_figures(ledger) for c in f.claims}
    assert parties.get("137") == parties.get("27") and "example" not in (parties.get("137") or ""), parties


def test_a_count_of_places_is_in_no_figure(ledger):
    text = (
        "The governor activated the guard in the three most-affected states, and 20 counties were affected by floods."
    )
    claims = [("three", "most-affected states", "affected", None), ("20", "counties", "affected", None)]
    ledger.write([article("j1", 4, text.replace("three", "3"), [("3", *claims[0][1:]), claims[1]])])
    reconcile(ledger)
    assert figures.list_figures(ledger) == []


def test_a_place_that_names_the_event_wins_over_a_venue_farther_from_the_count(ledger):
    text = (
        "The governor's remarks followed a meeting at the Kessel Hall on Monday with families affected by the "
        "Orvin, Fla., school shooting last week which left 9 dead."
    )
    x = article("m2", 4, text, [("9", "people", "killed", None)], [("Kessel Hall", "FAC"), ("Orvin", "GPE")])
    title = killed_title(ledger, x, "Governor calls for school guards")
    assert "Orvin" in title and "Kessel" not in title, title
