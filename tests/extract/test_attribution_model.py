"""The trained attribution tagger: its labels, its decoding, and that the shipped model is the one used."""

from __future__ import annotations

import pytest

from newsledger.extract.attribution import model


@pytest.fixture(scope="module")
def nlp(extractor):
    return extractor.nlp


def test_span_labels_are_bio_with_cue_before_source_before_content(nlp):
    text = 'The mayor said that "the bridge will close."'
    doc = nlp(text)
    spans = [("SRC", 0, 9), ("CUE", 10, 14), ("CON", 15, len(text)), ("CON", 10, 14)]
    labels = model.span_labels(doc, 0, len(doc), spans)
    assert labels[:4] == ["B-SRC", "I-SRC", "B-CUE", "B-CON"]
    assert set(labels[4:]) == {"I-CON"}


def test_runs_split_on_b_and_on_role_change():
    assert model.runs(["B-SRC", "I-SRC", "B-CUE", "O", "B-CON", "I-CON", "B-CON"]) == [
        ("SRC", 0, 2),
        ("CUE", 2, 3),
        ("CON", 4, 6),
        ("CON", 6, 7),
    ]


def test_decode_joins_content_around_its_cue_and_takes_the_cue_s_subject(nlp):
    text = '"The dam is safe," the engineer said, "and it will hold."'
    doc = nlp(text)
    said = next(t.i for t in doc if t.text == "said")
    labels = ["B-CON"] + ["I-CON"] * (said - 3) + ["B-SRC", "I-SRC", "B-CUE", "O", "B-CON"]
    labels += ["I-CON"] * (len(doc) - len(labels))
    assert doc[said - 2].text == "the"
    (att,) = model.decode(doc, 0, labels)
    assert (att.start, att.end) == (0, len(text))
    assert text[slice(*att.source)] == "the engineer"
    assert text[slice(*att.cue)] == "said"


def test_paragraphs_skip_line_breaks(nlp):
    doc = nlp("One line here.\n\nAnother line.")
    paras = list(model.paragraphs(doc))
    assert [doc[i:j].text for i, j in paras] == ["One line here.", "Another line."]


def test_a_paragraph_without_quote_mark_cue_or_rule_is_not_tagged(nlp):
    doc = nlp("The river rose by two metres overnight.")
    assert not model.worth_tagging(doc, 0, len(doc), ["O"] * len(doc))
    doc = nlp("The river rose, officials said.")
    assert model.worth_tagging(doc, 0, len(doc), ["O"] * len(doc))


def test_the_shipped_model_is_loaded_and_tags_an_attribution(extract_text):
    assert model.tagger() is not None, f"no model at {model.MODEL_PATH}"
    x = extract_text("Lena Vogt, the transport minister, said on Monday that flooding had closed 40 roads.")
    (q,) = x.quotes
    assert q.speaker is not None and q.speaker.name == "Lena Vogt"
    assert q.text == "that flooding had closed 40 roads"
    assert q.cue is not None and q.cue.text == "said"
