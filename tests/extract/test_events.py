"""Events: trigger, kind, actor, target and date from sentences written for these tests."""


def events(extract_text, text, published="2025-03-10"):
    return {e.trigger: e for e in extract_text(text, published).events}


def test_attack_with_actor_and_target(extract_text):
    ev = events(extract_text, "Rebel fighters attacked a police station in Brenn on Friday.")
    e = ev["attacked"]
    assert e.kind == "attack" and e.actor == "Rebel fighters" and e.target == "a police station"


def test_passive_target_and_agent(extract_text):
    e = events(extract_text, "Three journalists were detained by the police in Port Anselm.")["detained"]
    assert e.kind == "arrest" and e.target.endswith("journalists") and e.actor.endswith("police")


def test_noun_trigger_and_reporting_verbs_are_not_events(extract_text):
    ev = events(extract_text, "The collapse flooded twelve villages, the ministry said.")
    assert ev["collapse"].kind == "disaster" and ev["flooded"].kind == "disaster"
    assert "said" not in ev


def test_offsets_point_at_the_trigger(extract_text):
    x = extract_text("Troops were deployed to the valley.")
    (e,) = x.events
    assert x.article.text[e.start : e.end] == e.trigger == "deployed" and e.kind == "deploy"
