"""Entities: spaCy's NER with repairs, one record per entity per article."""


def by_name(x):
    return {e.name: e for e in x.entities}


def test_possessive_is_not_part_of_the_name(extract_text):
    x = extract_text("Veridia's interior ministry said the Orvin dam had failed.")
    ents = by_name(x)
    assert "Veridia" in ents and "Veridia's" not in ents
    ((s, e),) = ents["Veridia"].mentions
    assert x.article.text[s:e] == "Veridia"


def test_title_and_short_form_join_the_full_name(extract_text):
    x = extract_text(
        "Ngozi Okafor, the finance minister, resigned on Monday. "
        "Ms Okafor said she had been misled. Okafor left the building at noon."
    )
    people = [e for e in x.entities if e.label == "PERSON"]
    assert len(people) == 1
    p = people[0]
    assert p.name == "Ngozi Okafor" and p.id == "person:ngozi-okafor"
    assert len(p.mentions) >= 2
    assert all(x.article.text[s:t].endswith("Okafor") for s, t in p.mentions)


def test_numbers_and_dates_are_not_entities(extract_text):
    x = extract_text("Some 300 soldiers arrived in Brenn on Tuesday.")
    assert {e.label for e in x.entities} <= {"GPE", "LOC", "ORG", "PERSON", "NORP", "FAC"}
    assert all(not e.name[0].isdigit() for e in x.entities)


def test_related_headlines_are_not_extracted(extract_text):
    text = (
        "The Orvin dam collapsed on Sunday, officials in Veridia said.\n\nRelated\n"
        "Marsh named head of Kessel rescue operation\nBrenn camps fill up as Rusk visits\n"
        "Photos from the valley\n"
    )
    x = extract_text(text)
    assert x.article.body_end is not None and x.article.text[x.article.body_end :].strip().startswith("Related")
    assert all(e < x.article.body_end for ent in x.entities for _, e in ent.mentions)


def test_spellings_with_one_id_are_one_entity(extractor):
    from newsledger.extract.entities import extract_entities
    from newsledger.ingest.readers import text_article

    art = text_article("Kim Il-sung met Kim Il sung.", "t")
    doc = extractor.nlp.make_doc(art.text)
    second = art.text.index("Kim Il sung")
    doc.ents = [doc.char_span(0, 11, label="PERSON"), doc.char_span(second, second + 11, label="PERSON")]
    ents = extract_entities(doc, art)
    assert len({e.id for e in ents}) == len(ents) == 1 and len(ents[0].mentions) == 2


def test_a_dam_a_valley_and_a_company_are_not_people(extract_text):
    x = extract_text(
        "The collapse of the Orvin dam flooded the Kessel valley. Shares in Orvin Hydro, the company that "
        "operated the dam, fell. Brightwater Capital said it would sue. Colonel Edda Marsh said the road would reopen."
    )
    labels = {e.name: e.label for e in x.entities}
    people = {n for n, lab in labels.items() if lab == "PERSON"}
    assert people <= {"Edda Marsh"} and "Edda Marsh" in people
    assert labels.get("Orvin Hydro", "ORG") == "ORG" and labels.get("Brightwater Capital", "ORG") == "ORG"


def test_the_evidence_is_read_from_the_name_and_its_neighbours():
    from newsledger.extract.labels import corrected_labels

    text = "Acme Corp hired Jane Park. Orvin dam burst. Halvard, a village, flooded. Ms Brooks River spoke."
    names = ["Acme Corp", "Jane Park", "Orvin", "Halvard", "Brooks River"]
    spans = [(text.index(n), text.index(n) + len(n), "PERSON") for n in names]
    assert corrected_labels(text, spans) == ["ORG", "PERSON", "FAC", "GPE", "PERSON"]  # a titled name stays
    # the model's other labels for the same name outvote a lone PERSON; a tie leaves it
    text = "Kessel said. Kessel flooded. Kessel is far."
    spans = [(0, 6, "PERSON"), (13, 19, "GPE"), (29, 35, "GPE")]
    assert corrected_labels(text, spans) == ["GPE", "GPE", "GPE"]
    assert corrected_labels(text, spans[:2]) == ["PERSON", "GPE"]
    assert corrected_labels("Talks in Jordan went on.", [(9, 15, "PERSON")]) == ["GPE"]
    assert corrected_labels("Michael Jordan scored.", [(0, 14, "PERSON")]) == ["PERSON"]
