"""Events coded in PLOVER: type, mode, status, roles, place, time and magnitude, from sentences written here."""

from newsledger.extract.events import choose_place
from newsledger.models import Place


def events(extract_text, text, published="2025-03-10"):
    return extract_text(text, published).events


def one(extract_text, text, trigger, published="2025-03-10"):
    (e,) = [e for e in events(extract_text, text, published) if e.trigger == trigger]
    return e


def test_attack_with_actor_target_sector(extract_text):
    e = one(extract_text, "Rebel fighters attacked a police station in Brenn on Friday.", "attacked")
    assert (e.type, e.status) == ("ASSAULT", "happened")
    assert e.actor.name == "Rebel fighters" and e.actor.sector == "rebels"
    assert e.target.name == "a police station" and e.time == "2025-03-07"


def test_fired_a_projectile_is_an_aerial_assault(extract_text):
    e = one(extract_text, "North Korea fired a projectile into the sea on Tuesday.", "fired")
    assert (e.type, e.mode, e.status) == ("ASSAULT", "heavy-weapons", "happened")
    assert e.actor.name == "North Korea" and e.actor.country == "PRK" and e.target is None  # the weapon is no target


def test_sirens_negation_and_preparation_are_not_happened_assaults(extract_text):
    assert events(extract_text, "Air raid sirens sounded across the capital.") == ()
    (e,) = events(extract_text, "It was not a direct attack on the city.")
    assert e.status == "negated"
    (e,) = events(extract_text, "The country is preparing for a nuclear attack.")
    assert e.status == "hypothetical"


def test_denied_future_and_conditional(extract_text):
    e = one(extract_text, "The army denied that it had shelled the town.", "shelled")
    assert (e.type, e.status) == ("ASSAULT", "denied")
    evs = events(extract_text, "Russia will launch an offensive if talks fail.")
    assert {(e.type, e.status) for e in evs} >= {("ASSAULT", "future"), ("THREATEN", "happened")}


def test_according_to_is_not_agree_and_victims_are_not_actors(extract_text):
    evs = events(extract_text, "According to officials, rebels killed 12 civilians in the market.")
    assert [e.type for e in evs] == ["ASSAULT"]
    (e,) = evs
    assert e.actor.name == "rebels" and e.target.name == "12 civilians" and e.dead == 12


def test_died_is_no_event_and_numbers_are_no_roles(extract_text):
    evs = events(extract_text, "Twelve people died when rebels attacked the village.")
    assert [(e.trigger, e.actor.name) for e in evs] == [("attacked", "rebels")]
    e = one(extract_text, "120 were arrested by the police on Monday.", "arrested")
    assert (e.type, e.mode) == ("COERCE", "arrest") and e.target is None and e.actor.sector == "police"


def test_one_event_per_happening(extract_text):
    evs = events(extract_text, "Gunmen attacked and killed four soldiers at the checkpoint.")
    assert [e.type for e in evs] == ["ASSAULT"]


def test_crowd_size_from_the_claims_of_the_sentence(extract_text):
    e = one(extract_text, "About 5,000 protesters marched through the capital on Sunday.", "marched")
    assert (e.type, e.mode) == ("PROTEST", "demo") and e.size == 5000 and e.actor.name.endswith("protesters")


def test_contract_fields(extract_text):
    x = extract_text("Police arrested two journalists in Brenn.", "2025-03-10")
    d = x.to_contract()["events"][0]
    assert list(d) == ["start", "end", "trigger", "type", "mode", "status", "actor", "target", "place", "time"]
    assert set(d["actor"]) == {"name", "entity", "start", "end"}
    assert x.article.text[d["start"] : d["end"]] == d["trigger"] == "arrested"


P = [
    Place("a", 0, 5, "BRENN"),  # the dateline
    Place("a", 40, 47, "Ukraine"),
    Place("a", 60, 65, "Kyiv"),
    Place("a", 120, 126, "Odessa"),
]


def test_place_prefers_the_triggers_in_x():
    assert choose_place(P, (30, 100), near=[(60, 65)]) == 2


def test_place_of_the_sentence_outside_the_roles():
    assert choose_place(P, (30, 100), avoid=[(40, 47)]) == 2
    assert choose_place(P, (30, 100)) == 1


def test_place_falls_back_to_the_dateline_or_none():
    assert choose_place(P, (200, 260)) == 0
    assert choose_place((), (0, 10)) is None


# -- the first audit's failure kinds (docs/events_audit.md), on sentences written here ------------------------


def types(extract_text, text):
    return {(e.type, e.status) for e in events(extract_text, text)}


def test_campaign_rally_is_no_protest_but_a_rally_against_is(extract_text):
    assert not any(t == "PROTEST" for t, _ in types(extract_text, "Trump held a campaign rally in Ohio on Monday."))
    assert ("PROTEST", "happened") in types(extract_text, "Thousands rallied against the new law in Brenn.")


def test_political_fights_and_verbal_attacks_are_no_assaults(extract_text):
    assert not any(t == "ASSAULT" for t, _ in types(extract_text, "Democrats will fight the bill in the Senate."))
    (e,) = events(extract_text, "Trump attacked Senator Warren on Twitter.")
    assert (e.type, e.mode, e.target.name) == ("ACCUSE", "disapprove", "Senator Warren")
    assert ("ASSAULT", "happened") in types(extract_text, "Rebels attacked the army base near Brenn.")


def test_counterfactual_and_columnist_would_are_no_threats(extract_text):
    evs = types(extract_text, "Without the tip, the arrests would not have happened.")
    assert {t for t, _ in evs} == {"COERCE"} and all(st != "happened" for _, st in evs)
    assert not any(t == "THREATEN" for t, _ in types(extract_text, "America would fight and win such a war."))
    assert ("THREATEN", "happened") in types(extract_text, "Iran said it would attack the tankers.")


def test_a_question_asserts_no_event(extract_text):
    assert types(extract_text, "Would Russia really invade Ukraine?") == {("ASSAULT", "hypothetical")}


def test_speech_act_target_is_the_party_not_the_content(extract_text):
    e = one(extract_text, "The Supreme Court rejected a request from the administration.", "rejected")
    assert e.actor.name == "The Supreme Court" and e.target.name == "the administration"
    e = one(extract_text, "The two sides were negotiating on a suite of issues.", "negotiating")
    assert e.target is None


def test_actor_across_a_relative_clause(extract_text):
    e = one(extract_text, "It was Senator Jane Smith, who criticized the governor on Friday.", "criticized")
    assert e.actor.name == "Senator Jane Smith" and e.target.name == "the governor"


def test_everyday_senses_are_no_events(extract_text):
    for text in (
        "The company released a statement on Monday.",
        "Officials declined to comment on the report.",
        "He pleaded guilty to two counts of fraud.",
        "She was asked about the report on Sunday.",
        "The parties must meet in the middle.",
        "In March, the governor signed the budget.",
    ):
        evs = events(extract_text, text)
        assert not {e.type for e in evs} & {"RETREAT", "REJECT", "REQUEST", "CONSULT", "PROTEST"}, (text, evs)


def test_fitting_objects_make_the_event(extract_text):
    assert ("RETREAT", "happened") in types(extract_text, "The rebels released the hostages on Monday.")
    assert ("AGREE", "happened") in types(extract_text, "Egypt and Israel struck a deal on Friday.")
    assert ("CONSULT", "happened") in types(extract_text, "The minister met with rebel leaders in Brenn.")


def test_killed_in_police_firing_has_the_police_as_actor(extract_text):
    e = one(extract_text, "Two people were killed in police firing in Brenn.", "killed")
    assert e.type == "ASSAULT" and e.actor.sector == "police"


def test_shielded_from_and_protected_against_did_not_happen(extract_text):
    assert types(extract_text, "The order shields four million immigrants from deportation.") <= {("COERCE", "negated")}
    assert types(extract_text, "The law helps protect against terrorist attacks.") == {("ASSAULT", "hypothetical")}


def test_warnings_of_what_may_happen_are_no_threats_and_things_do_not_threaten(extract_text):
    assert not types(extract_text, "Health experts warn that the virus could spread further.")
    assert not types(extract_text, "These are issues that threaten the fabric of our communities.")
    assert ("THREATEN", "happened") in types(extract_text, "North Korea threatened the United States on Monday.")


# -- the second audit's failure kinds: roles the sentence names through participles, "into", "by" ----------


def test_roles_through_participles_and_noun_prepositions(extract_text):
    e = one(extract_text, "The union funded a committee opposing Senator Jane Smith.", "opposing")
    assert e.actor.name == "a committee" and e.target.name == "Senator Jane Smith"
    e = one(extract_text, "The minister denied any investigation into the Bidens.", "investigation")
    assert e.status == "denied" and e.target.name == "the Bidens"
    e = one(extract_text, "If officials are forced to detain the migrants, it will hurt them.", "detain")
    assert e.status == "hypothetical" and e.actor.name == "officials"


def test_likelihoods_and_broken_laws_are_no_threats_or_rejections(extract_text):
    assert not types(extract_text, "The party threatens to erupt into a full-scale war.")
    assert not any(t == "REJECT" for t, _ in types(extract_text, "The decision was violating the Procedure Act."))


# -- the gate: the ledger keeps what a clause asserts (docs/events_audit.md, "What predicts a right event")


def test_a_finite_verb_is_asserted(extract_text):
    for text, trigger in (
        ("Police arrested three protesters in Brenn on Monday.", "arrested"),
        ("Rebel fighters have attacked the village twice.", "attacked"),
        ("The minister will meet the envoy on Friday.", "meet"),
    ):
        coded = [e for e in events(extract_text, text) if e.trigger == trigger]
        assert coded and all(e.asserted for e in coded), text


def test_an_infinitive_or_an_event_noun_alone_is_not_asserted(extract_text):
    e = one(extract_text, "Rebel fighters planned to attack the village near the border.", "attack")
    assert e.status == "future" and not e.asserted
    (e,) = events(extract_text, "Witnesses described the attack on the village by rebel fighters.")
    assert e.type == "ASSAULT" and not e.asserted


def test_a_happening_is_asserted_when_any_of_its_triggers_is(extract_text):
    evs = [e for e in events(extract_text, "The rocket attack on the border village killed five soldiers.")]
    assert [e.type for e in evs] == ["ASSAULT"] and evs[0].asserted
