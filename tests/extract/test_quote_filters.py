"""The quote post-filter (issue 13, audit 1): cues that are no attribution are dropped, a relative pronoun
and a pronoun resolve to the party they refer to, a content holds neither its own source nor a second
sentence. Sentences written for the tests (invented people and places)."""

from __future__ import annotations

import dataclasses

import pytest

from newsledger.extract.attribution import filters
from newsledger.extract.attribution.speakers import _namelike
from newsledger.models import Cue, Entity, Party, Quote


@pytest.fixture
def quotes(extract_text):
    def run(text):
        qs = extract_text(text, published="2025-10-23").quotes
        for q in qs:
            assert text[q.start : q.end] == q.text
        return qs

    return run


def cues(qs):
    return {q.cue.text for q in qs if q.cue}


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Refusing to testify before the council is a crime in Veridia.", "Refusing"),
        ("Stopping the flow of goods across the river would cost the port dearly.", "Stopping"),
        ("Candidates in Lindqvist are known to promise lower taxes before every vote.", "known"),
        ("The old law was used to justify the closure of the harbour.", "used"),
        ("If the justices uphold the ruling, the harbour will close for a year.", "uphold"),
        ("The harbour reopened in May. That doesn't mean the port is safe.", "mean"),
        ("The vote marked the first time the council agreed on the harbour.", "marked"),
        ("The storm left the harbour of Lindqvist closed for a month.", "left"),
        ("Tomas Berg also appeared to have a broken arm after the storm.", "appeared"),
        # a saying that did not happen
        ("The mayor of Lindqvist declined to say whether the harbour would reopen in May.", "declined"),
        ("Tomas Berg refused to label the flooding of the harbour a disaster.", "refused"),
        ("Tomas Berg stops short of saying that the council would close the harbour.", "saying"),
        # the question an interviewer asks
        ("HOST: Have you changed your view of the harbour plan since the storm?", "view"),
        ("Do you think the council will close the harbour before May?", "think"),
    ],
)
def test_a_cue_that_is_no_attribution_is_dropped(quotes, text, cue):
    assert not any(cue in c for c in cues(quotes(text)))


def test_a_verb_of_saying_stays(quotes):
    qs = quotes("Tomas Berg, the mayor of Lindqvist, said the harbour would reopen in May.")
    assert any(q.cue and q.cue.text == "said" and "harbour would reopen" in q.text for q in qs)


def test_who_resolves_to_the_noun_its_clause_modifies(quotes):
    text = (
        "The closure was announced by Lena Marsh, a spokeswoman for the port, who said the harbour would reopen in May."
    )
    (q,) = [q for q in quotes(text) if q.cue and q.cue.text == "said"]
    assert text[q.speaker.start : q.speaker.end] == "who"
    assert q.speaker.name == "Lena Marsh"


def test_he_resolves_to_the_subject_not_a_nearer_name_in_an_apposition(quotes):
    text = (
        "Tomas Berg said he feared the plans of the new harbour master, Ivo Lund, for the port.\n\n"
        '"We will not let the port close," he said.'
    )
    (q,) = [q for q in quotes(text) if q.text.startswith('"We will')]
    assert q.speaker.name == "Tomas Berg"


def test_seed_kind_he_said_after_a_named_speaker_two_sentences_earlier(quotes):
    text = (
        'Ngozi Okafor, the trade minister, spoke in Abuja on Monday. The talks had failed. "We will not sign," he said.'
    )
    (q,) = [q for q in quotes(text) if q.text.startswith('"We will')]
    assert q.speaker.name == "Ngozi Okafor"


def test_a_mis_tagged_person_is_no_antecedent():
    def person(name):
        return Entity("a", f"person:{name}", name, "PERSON", ((0, len(name)),))

    assert _namelike(person("Abu Bakr al-Baghdadi")) and _namelike(person("Kei Kawashima-Ginsberg"))
    assert not _namelike(person("patron saint"))
    assert not _namelike(person("Sanders 786-645")) and not _namelike(person("@hughhewitt"))


def _quote(text, content, cue, source):
    s, c, p = text.index(content), text.index(cue), text.index(source)
    return Quote(
        "a",
        s,
        s + len(content),
        content,
        "indirect",
        Party(source, None, p, p + len(source)),
        Cue(cue, c, c + len(cue)),
    )


def test_content_that_holds_its_own_source_ends_before_it():
    text = "Ivo Lund, 34, was arrested on Thursday and charged, city police said."
    q = _quote(text, text[:-1], "said", "city police")
    assert (
        text[slice(*filters._own_source(text, q, q.start, q.end))].rstrip(", ")
        == "Ivo Lund, 34, was arrested on Thursday and charged"
    )


def test_content_that_opens_with_its_source_starts_after_the_cue():
    text = "It was a delay that the port authority said could cost the town its ferry."
    content = "that the port authority said could cost the town its ferry"
    q = _quote(text, content, "said", "the port authority")
    assert text[slice(*filters._own_source(text, q, q.start, q.end))].strip() == "could cost the town its ferry"


def test_a_parenthetical_cue_keeps_its_content():
    text = "The risk, the engineer said, is a flood."
    q = _quote(text, text[:-1], "said", "the engineer")
    assert filters._own_source(text, q, q.start, q.end) == (q.start, q.end)


def test_reported_content_ends_with_its_sentence(extractor):
    text = "Tomas Berg said that the harbour will close. The ferry will stop too."
    doc = extractor.nlp(text)
    q = _quote(text, "that the harbour will close. The ferry will stop too", "said", "Tomas Berg")
    assert filters.mend(doc, text, q).text == "that the harbour will close."


def test_reported_content_with_a_quoted_phrase_ends_with_its_sentence(extractor):
    text = (
        'A gunman opened fire at the harbour, killing six people in a "senseless" act. One other man died later. '
        "Police said two people were hurt."
    )
    q = dataclasses.replace(_quote(text, text[: text.index(" were hurt")], "said", "Police"), kind="mixed")
    assert filters.mend(extractor.nlp(text), text, q).text == "two people"
    quoted = 'Berg said the closure was "a blow. We will rebuild" and left.'
    q = dataclasses.replace(_quote(quoted, quoted[quoted.index("the closure") : -1], "said", "Berg"), kind="mixed")
    assert "rebuild" in filters.mend(extractor.nlp(quoted), quoted, q).text


def test_a_list_label_is_no_speaker(quotes):
    qs = quotes("ATTACKER: unknown\n\nTARGET: No casualties after the attack on the harbour of Lindqvist")
    assert not any(q.speaker and q.speaker.name in ("TARGET", "ATTACKER") for q in qs)


def test_according_to_content_leaves_out_the_cue_and_the_earlier_sentence(quotes):
    text = "The response came from an old idea. According to that idea, a flood is a problem of bad walls."
    (q,) = [q for q in quotes(text) if q.cue and q.cue.text == "According to"]
    assert q.text == "a flood is a problem of bad walls"


def test_they_resolves_to_the_plural_subject_before_it(quotes):
    text = "Economists at the Lindqvist Bank say the help will matter. And they warn that such help must come soon."
    (q,) = [q for q in quotes(text) if q.cue and q.cue.text == "warn"]
    assert q.speaker.name == "Economists"


@pytest.mark.parametrize(
    ("text", "tagged", "speaker"),
    [
        # a phrase of the clause before, up to the subject's own phrase
        (
            "With 40 days until the vote, Ana Ruiz, an adviser to the mayor, called the plan a mistake.",
            "the vote, Ana Ruiz, an adviser to the mayor,",
            "Ana Ruiz, an adviser to the mayor,",
        ),
        # a dateline line and an opening quotation mark
        ("9:40 a.m.\n\nTomas Berg says the port will reopen.", "9:40 a.m.\n\nTomas Berg", "Tomas Berg"),
        ('She left. "Lena Marsh said the port would close.', '"Lena Marsh', "Lena Marsh"),
        # the end stays: PolNeAR keeps appositions and relative clauses
        (
            "Ivo Lund, who runs the ferry, said the harbour would close.",
            "Ivo Lund, who runs the ferry,",
            "Ivo Lund, who runs the ferry,",
        ),
    ],
)
def test_a_speaker_span_starts_at_the_subject_s_own_phrase(extractor, text, tagged, speaker):
    doc = extractor.nlp(text)
    a, cue = text.index(tagged), text.index(" ", text.index(tagged) + len(tagged) - 1) + 1
    word = text[cue : text.index(" ", cue)]
    content = text[cue + len(word) + 1 : -1]
    q = Quote("x", cue + len(word) + 1, len(text) - 1, content, "indirect", Party(tagged, None, a, a + len(tagged)))
    q = dataclasses.replace(q, cue=Cue(word, cue, cue + len(word)))
    sp = filters.mend(doc, text, q).speaker
    assert text[sp.start : sp.end] == speaker
    assert sp.name == speaker


def test_a_passive_cue_takes_no_source_from_the_sentence_before(extractor):
    text = (
        "On May 3, the council sent riot police to clear the Harbour Camp, hundreds of dock workers who had been "
        "striking in the port. The police used tear gas. Two men and a boy were reported dead."
    )
    q = _quote(text, "Two men and a boy were reported dead", "were reported", "the Harbour Camp")
    assert filters.mend(extractor.nlp(text), text, q).speaker is None


def test_a_passive_cue_keeps_a_source_of_its_own_sentence(extractor):
    text = "The port reopened in May. Tomas Berg was reported as saying that the ferry will stop."
    q = _quote(text, "that the ferry will stop", "was reported", "Tomas Berg")
    assert filters.mend(extractor.nlp(text), text, q).speaker.name == "Tomas Berg"


def test_a_cue_inside_an_aside_says_only_the_aside(extractor):
    text = (
        "Tomas Berg, 34 — who has openly expressed hatred of the union — is charged in the Tuesday attack, in "
        "which six dock workers were shot dead at the harbour."
    )
    q = _quote(text, text[text.index("hatred") : -1], "has openly expressed", "who")
    assert filters.mend(extractor.nlp(text), text, q).text == "hatred of the union"


def test_reported_speech_with_no_cue_is_no_attribution(extractor):
    text = "Police are hunting three gunmen believed to have killed 12 people in Kessel on Monday."
    q = Quote("a", 0, len(text) - 1, text[:-1], "indirect", Party("three gunmen", None, 26, 38))
    assert filters.keep(extractor.nlp(text), text, [q]) == []
    quoted = dataclasses.replace(q, kind="direct")
    assert filters.keep(extractor.nlp(text), text, [quoted]) != []


def test_a_verb_outside_the_lexicon_with_an_infinitive_content_is_an_act(extractor):
    text = "Agencies in Veridia scrambled on Friday to assess a threat exposed by the arrests of 24 people."
    doc = extractor.nlp(text)
    c0, q0 = text.index("scrambled"), text.index("to assess")
    q = Quote("a1", q0, len(text) - 1, text[q0:-1], "indirect", None, Cue("scrambled", c0, c0 + 9))
    assert filters.reason(filters.cue_token(doc, q), q) == "act"


def test_a_verb_outside_the_lexicon_acting_on_its_object_is_an_act(quotes):
    assert "ordered" not in cues(
        quotes("Last week the defence minister of Veridia ordered 800 more troops to the border.")
    )
    assert "ordered" in cues(quotes("The general ordered that 800 troops go to the border."))
