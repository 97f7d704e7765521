"""Quotes and attributions: one test per pattern of issue 3, on sentences written for the tests
(invented people and events), and the PolNeAR evaluation gate."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from newsledger.extract.attribution.marks import quote_regions

from ..conftest import ROOT


def quotes(extract_text, text):
    return extract_text(text, published="2025-10-23").quotes


def find(qs, content):
    """The quote whose text is `content`, or whose text contains it."""
    for q in qs:
        if q.text == content:
            return q
    for q in qs:
        if content in q.text:
            return q
    raise AssertionError(f"no quote with {content!r} in {[q.text for q in qs]}")


def check_offsets(text, qs):
    for q in qs:
        assert text[q.start : q.end] == q.text
        if q.cue:
            assert text[q.cue.start : q.cue.end] == q.cue.text
        if q.speaker and q.speaker.start is not None:
            assert 0 <= q.speaker.start < q.speaker.end <= len(text)


# --- quotation marks -------------------------------------------------------------------------------


def test_regions_straight_curly_and_latex_marks():
    text = "He said \"one two\" and “three four” and ``five six'' too."
    assert [text[a:b] for a, b in quote_regions(text)] == ['"one two"', "“three four”", "``five six''"]


def test_region_continues_over_paragraphs_that_reopen():
    text = "“The first part goes on\n\n“and the second part ends here,” she said.\n\nNo quote."
    ((a, b),) = quote_regions(text)
    assert text[a:b].startswith("“The first") and text[a:b].endswith("here,”")


def test_unclosed_quote_is_dropped_at_paragraph_end():
    text = 'A stray " mark here.\n\nThen "a real one" later.'
    assert [text[a:b] for a, b in quote_regions(text)] == ['"a real one"']


# --- direct quotes ---------------------------------------------------------------------------------


def test_direct_quote_before_cue(extract_text):
    text = "“We will not sign this deal,” Okafor said on Monday."
    q = find(quotes(extract_text, text), "We will not sign")
    assert q.text == "“We will not sign this deal,”"
    assert q.kind == "direct" and q.cue.text == "said"
    assert q.speaker.name == "Okafor" and text[q.speaker.start : q.speaker.end] == "Okafor"


def test_direct_quote_after_colon_cue(extract_text):
    text = 'The mayor of Lindqvist, Tomas Berg, spoke on Friday. He said: "The bridge will open in May."'
    qs = quotes(extract_text, text)
    check_offsets(text, qs)
    q = find(qs, "The bridge will open")
    assert q.text == '"The bridge will open in May."'
    assert q.kind == "direct"
    assert q.speaker.name == "Tomas Berg"  # "He" resolved to the person named before
    assert text[q.speaker.start : q.speaker.end] == "He"


def test_quote_split_by_its_cue(extract_text):
    text = '"The river is rising," said the harbour master, "and we must leave tonight."'
    q = find(quotes(extract_text, text), "The river is rising")
    assert q.text == '"The river is rising,"'  # one span of what was said: no cue or speaker inside
    assert q.kind == "direct"
    assert q.speaker.name == "the harbour master" and q.cue.text == "said"


def test_content_around_its_cue_keeps_one_side_and_both_sides_claims_keep_their_source(extract_text):
    text = '"No," said Mayor Dana Orr, "we lost 12 people in the flood and 40 are still missing."'
    x = extract_text(text, published="2025-10-23")
    check_offsets(text, x.quotes)
    q = find(x.quotes, "we lost 12 people")
    assert q.text == '"we lost 12 people in the flood and 40 are still missing."'  # "No," is under half of it
    assert q.speaker.name == "Dana Orr"
    text = '"We lost 12 people in the flood," Mayor Dana Orr said, "and 40 are still missing."'
    x = extract_text(text, published="2025-10-23")
    assert [q.text for q in x.quotes] == ['"We lost 12 people in the flood,"']
    assert {c.text: c.source and c.source.name for c in x.claims} == {"12": "Dana Orr", "40": "Dana Orr"}


def test_quote_over_sentences_and_resumed_after_cue(extract_text):
    text = (
        "Ngozi Okafor, the trade minister, spoke in Abuja. “We will not sign. Not now,” Okafor said. "
        "“It is a betrayal of our farmers.”"
    )
    qs = quotes(extract_text, text)
    check_offsets(text, qs)
    q = find(qs, "We will not sign")
    assert q.text == "“We will not sign. Not now,”"  # the first side of its cue and speaker
    assert q.speaker.name == "Ngozi Okafor" and q.speaker.entity == "person:ngozi-okafor"


def test_quote_over_paragraphs(extract_text):
    text = (
        "Hanna Voss, the union leader, addressed the strikers.\n\n"
        "“We have waited three years for this offer\n\n"
        "“and we will wait no longer,” Voss said."
    )
    q = find(quotes(extract_text, text), "We have waited")
    assert q.text.startswith("“We have waited") and q.text.endswith("no longer,”")
    assert q.speaker.name == "Hanna Voss"


def test_partial_quote_is_mixed(extract_text):
    text = 'The farmers\' union called the deal "a betrayal of our farmers" on Friday.'
    q = find(quotes(extract_text, text), "a betrayal")
    assert q.kind == "mixed" and q.cue.text == "called"
    assert q.text.startswith('the deal "a betrayal of our farmers"')


def test_quote_inside_quote_is_not_an_attribution(extract_text):
    text = '"I think the plan will fail," Mr. Arlo Penn said.'
    qs = quotes(extract_text, text)
    assert [q.cue.text for q in qs] == ["said"]  # not "think"


def test_uncued_quote_paragraph_continues_last_speaker(extract_text):
    text = (
        "“The harvest failed,” said Farida Osei, a grower in Tamale.\n\n"
        "“Nobody came to help us and the prices doubled within a month.”"
    )
    qs = quotes(extract_text, text)
    q = find(qs, "Nobody came")
    assert q.cue is None and q.kind == "direct"
    assert q.speaker.name == "Farida Osei" and q.speaker.start is None


def test_headline_speaker_colon(extract_text):
    text = "Okafor: We Will Not Sign The Trade Deal.\n\nThe minister spoke in Abuja."
    q = find(quotes(extract_text, text), "We Will Not Sign")
    assert q.text == "We Will Not Sign The Trade Deal"
    assert text[q.speaker.start : q.speaker.end] == "Okafor" and q.cue.text == ":"


def test_sentence_with_colon_is_not_a_headline_speaker(extract_text):
    text = "Their short answer is: yes, the harbour will reopen next spring."
    assert not [q for q in quotes(extract_text, text) if q.cue and q.cue.text == ":"]


# --- indirect speech -------------------------------------------------------------------------------


def test_said_that_content_includes_that(extract_text):
    text = "The Ministry of Health said on Tuesday that 45 people had died."
    q = find(quotes(extract_text, text), "45 people")
    assert q.text == "that 45 people had died" and q.kind == "indirect"
    assert q.speaker.name == "Ministry of Health" and q.cue.text == "said"


def test_told_reporters(extract_text):
    text = "Lars Eriksen told reporters the talks had failed."
    q = find(quotes(extract_text, text), "the talks had failed")
    assert q.text == "the talks had failed" and q.cue.text == "told"
    assert q.speaker.name == "Lars Eriksen"


def test_clause_then_cue(extract_text):
    text = "Prices will rise by 5 percent next year, the central bank said."
    q = find(quotes(extract_text, text), "Prices will rise")
    assert q.text == "Prices will rise by 5 percent next year"
    assert q.speaker.name == "the central bank" and q.cue.text == "said"


def test_parenthetical_cue(extract_text):
    text = "The bigger risk, Ms. Dalia Runge said, is a flood in the lower valley."
    q = find(quotes(extract_text, text), "The bigger risk")
    assert "is a flood in the lower valley" in q.text
    assert q.speaker.name == "Dalia Runge"


@pytest.mark.parametrize("verb", ["claimed", "acknowledged", "estimated", "warned", "denied", "insisted"])
def test_reporting_verbs(extract_text, verb):
    text = f"The port authority {verb} that the cranes were unsafe."
    q = find(quotes(extract_text, text), "the cranes were unsafe")
    assert q.text == "that the cranes were unsafe" and q.cue.text == verb
    assert q.speaker.name == "The port authority"


def test_has_claimed_that(extract_text):
    text = "The opposition has claimed that the count was rigged."
    q = find(quotes(extract_text, text), "the count was rigged")
    assert q.cue.text in ("claimed", "has claimed") and q.speaker.name == "The opposition"


def test_conjoined_cues_share_the_subject(extract_text):
    text = "Ms Okafor insisted that the vote would go ahead, and warned that prices would rise."
    qs = quotes(extract_text, text)
    assert find(qs, "prices would rise").speaker.name == "Okafor"
    assert find(qs, "the vote would go ahead").cue.text == "insisted"


def test_object_of_reporting_verb(extract_text):
    text = "Kinshasa has acknowledged just over 20 dead."
    q = find(quotes(extract_text, text), "20 dead")
    assert (
        q.text == "just over 20 dead" and "acknowledged" in q.cue.text.split()
    )  # PolNeAR: the cue takes its auxiliary
    assert q.speaker.name == "Kinshasa" and text[q.speaker.start : q.speaker.end] == "Kinshasa"


def test_according_to_covers_the_rest_of_the_clause(extract_text):
    text = "According to the Red Cross, 120 families lost their homes."
    q = find(quotes(extract_text, text), "120 families")
    assert q.text == "120 families lost their homes"
    assert q.cue.text == "According to" and q.speaker.name == "Red Cross"


def test_according_to_demonym_estimates_is_the_country(extract_text):
    text = "Thousands crossed into Kenya last week, and according to Kenyan estimates, some 6,000 people have fled."
    q = find(quotes(extract_text, text), "6,000 people")
    assert q.text == "some 6,000 people have fled"
    assert q.speaker.name == "Kenya" and q.speaker.entity == "gpe:kenya"
    assert text[q.speaker.start : q.speaker.end] == "Kenyan estimates"


@pytest.mark.parametrize(
    "sentence,content,cue",
    [
        ("Senator Lina Park believes the tax is unfair.", "the tax is unfair", "believes"),
        ("The farmers' union backs the new water plan.", "the new water plan", "backs"),
        ("The governor opposes the northern pipeline.", "the northern pipeline", "opposes"),
        ("The mayor is convinced that the tunnel will be finished.", "that the tunnel will be finished", "convinced"),
    ],
)
def test_stance_cues(extract_text, sentence, content, cue):
    q = find(quotes(extract_text, sentence), content)
    # PolNeAR's cue takes an auxiliary ("is convinced"), the rules' the word alone
    assert q.text == content and cue in q.cue.text.split() and q.kind == "indirect"


def test_passive_cue_with_agent(extract_text):
    text = "The harbour plan was criticized by the fishermen's union."
    q = find(quotes(extract_text, text), "The harbour plan")
    assert q.text == "The harbour plan" and "criticized" in q.cue.text.split()  # PolNeAR: the cue takes its auxiliary
    assert text[q.speaker.start : q.speaker.end] == "the fishermen's union"


def test_possessive_noun_cue(extract_text):
    text = "Mr. Halvorsen's support for the harbour plan angered the council."
    q = find(quotes(extract_text, text), "the harbour plan")
    assert q.cue.text.startswith("support") and text[q.speaker.start : q.speaker.end] == "Mr. Halvorsen's"


def test_reported_speech_stays_in_its_paragraph(extract_text):
    text = "Julie Marsh said the photo was old. Photo: Harbour Archive\n\nDespite that, the unions stayed."
    qs = quotes(extract_text, text)
    check_offsets(text, qs)
    assert all("\n" not in q.text for q in qs)
    assert find(qs, "the photo was old").speaker.name == "Julie Marsh"


def test_idioms_and_media_are_not_content(extract_text):
    text = (
        "That said, the harbour stays closed. “We are ready,” Ms. Ines Laine said on Radio Lindqvist. "
        "“Who do they think they are?” Laine said of the council."
    )
    qs = quotes(extract_text, text)
    assert not [q for q in qs if q.text in ("the harbour stays closed", "Radio Lindqvist", "the council")]
    assert find(qs, "Who do they think").speaker.name == "Ines Laine"


def test_date_is_not_content(extract_text):
    text = "The minister spoke in Abuja on Monday."
    assert not [q for q in quotes(extract_text, text) if q.text == "Monday"]


# --- speakers --------------------------------------------------------------------------------------


def test_pronoun_resolves_to_nearest_person(extract_text):
    text = "Senator Amara Diallo chairs the committee. She said the vote was postponed."
    q = find(quotes(extract_text, text), "the vote was postponed")
    assert text[q.speaker.start : q.speaker.end] == "She"
    assert q.speaker.name == "Amara Diallo" and q.speaker.entity == "person:amara-diallo"


def test_title_and_surname_resolve_to_full_name(extract_text):
    text = "Ngozi Okafor arrived late. Ms. Okafor said the talks would resume."
    q = find(quotes(extract_text, text), "the talks would resume")
    assert q.speaker.name == "Ngozi Okafor" and q.speaker.entity == "person:ngozi-okafor"


def test_description_resolves_to_institution(extract_text):
    text = "The Ministry of Health published new figures. The ministry added that 300 were in hospital."
    q = find(quotes(extract_text, text), "300 were in hospital")
    assert text[q.speaker.start : q.speaker.end] == "The ministry"
    assert q.speaker.name == "Ministry of Health" and q.speaker.entity


def test_apposition_before_cue_keeps_its_comma(extract_text):
    text = "Tomas Berg, the mayor of Lindqvist, said the bridge was closed."
    q = find(quotes(extract_text, text), "the bridge was closed")
    assert text[q.speaker.start : q.speaker.end] == "Tomas Berg, the mayor of Lindqvist,"
    assert q.speaker.name == "Tomas Berg"


def test_inverted_speaker_after_cue(extract_text):
    text = "“It is too late,” said Ida Marsh, a spokeswoman for the port, on Friday."
    q = find(quotes(extract_text, text), "too late")
    assert text[q.speaker.start : q.speaker.end].startswith("Ida Marsh")
    assert q.speaker.name == "Ida Marsh"


def test_no_attribution_in_plain_narrative(extract_text):
    text = "The bridge was closed on Monday after the river rose by two metres."
    assert quotes(extract_text, text) == ()


def test_every_offset_matches_the_text(extract_text):
    text = (
        "Kinshasa has acknowledged just over 20 dead. “We are counting,” a ministry spokesman said. "
        "According to aid groups, the toll is higher, and Ms. Ines Laine, a nurse, warned it would rise."
    )
    qs = quotes(extract_text, text)
    assert len(qs) >= 3
    check_offsets(text, qs)
    assert all(q.kind in ("direct", "indirect", "mixed") for q in qs)


# --- the cue filter learned on the train split --------------------------------------------------------


def test_cue_filter_keeps_by_smoothed_source_precision():
    from newsledger.extract.attribution.cues import Filter

    table = {
        ("say", "ccomp", "per", "m"): (100, 90, 100, 85),  # a lexicon cue, mostly right
        ("have", "obj", "per", "m"): (200, 20, 200, 10),  # a verb outside the lexicon, mostly wrong
        ("seem", "obj", "pron", "m"): (40, 30, 40, 25),  # outside the lexicon, right on train
        ("think", "ccomp", "other", "s"): (50, 10, 50, 2),
    }  # a lexicon cue wrong with this source
    f = Filter(table, threshold=0.32)
    assert f.keep(("say", "ccomp", "per", "m"))
    assert f.keep(("say", "ccomp", "org", "l"))  # unseen source kind: backs off to (say, ccomp)
    assert not f.keep(("have", "obj", "per", "m"))
    assert f.keep(("seem", "obj", "pron", "m"))
    assert not f.keep(("think", "ccomp", "other", "s"))
    assert f.keep(("argue", "ccomp", "per", "m"))  # a lexicon cue without statistics stays
    assert not f.keep(("take", "obj", "per", "m"))  # a new verb without statistics does not
    assert f.keep(("support", "noun", "per", "s"))  # a person's possessive noun cue: the pattern
    assert f.explore_lemmas() == {"seem"}


def test_cue_statistics_ship_with_the_package():
    from newsledger.extract.attribution.cues import default_filter

    f = default_filter()
    assert len(f.table) > 1000
    assert f.keep(("say", "ccomp", "per", "m")) and f.keep(("tell", "quote", "pron", "l"))


def test_one_attribution_per_content():
    from newsledger.extract.quotes import _one_per_content
    from newsledger.models import Quote

    text = "The mayor said and then repeated that the bridge will close in May."
    outer = Quote("a", 15, 66, text[15:66], "indirect")
    inner = Quote("a", 33, 66, text[33:66], "indirect")  # the same content found from "repeated"
    other = Quote("a", 0, 9, text[0:9], "indirect")
    assert _one_per_content([other, outer, inner]) == [other, outer]


def test_the_same_content_is_not_reported_twice(extract_text):
    text = "The mayor, Ana Ruiz, said and later repeated that the bridge will close in May."
    qs = quotes(extract_text, text)
    assert len([q for q in qs if "the bridge will close" in q.text]) == 1


# --- evaluation gate -------------------------------------------------------------------------------

# The trained tagger with the rules beside it and the post-filter (attribution/filters.py) after both measures
# content 0.817 (P 0.884, R 0.760), source exact 0.706, source overlap 0.741 and claim sources 0.513 (119/232)
# on dev at extract 25 (bench/eval_attribution.py, BENCHMARKS.md). Issue 13's goals (source exact 0.80, content
# 0.82, claim sources 0.70) are not reached; claim sources cannot reach 0.70 by sources alone: 70 of the 232
# numeric attributions hold only a year, date, time, ordinal or name, which is no claim (bench/claim_source_misses.py).
FLOORS = {"content-overlap": 0.81, "source-exact": 0.69}
SOURCE_OVERLAP_TARGET = 0.72
CLAIM_SOURCES_FLOOR = 0.50


@pytest.fixture(scope="module")
def polnear_dev(shared_data):
    split = shared_data / "polnear" / "dev"
    if not (split / "text").is_dir():
        pytest.skip(f"needs PolNeAR dev at {split}, which is absent")
    out = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "eval_attribution.py"), str(split), "--json"],
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


@pytest.mark.gate
@pytest.mark.parametrize("metric", sorted(FLOORS))
def test_gate_polnear_dev_floors(polnear_dev, metric):
    assert polnear_dev[metric]["f1"] >= FLOORS[metric], polnear_dev["reference"]


@pytest.mark.gate
def test_gate_polnear_dev_source_overlap(polnear_dev):
    assert polnear_dev["source-overlap"]["f1"] >= SOURCE_OVERLAP_TARGET, polnear_dev["reference"]


@pytest.mark.gate
def test_gate_polnear_dev_claim_sources(polnear_dev):
    assert polnear_dev["claim_sources"]["rate"] >= CLAIM_SOURCES_FLOOR, polnear_dev["claims_reference"]


def _speaker_of(extract_text, text, content_word):
    x = extract_text(text, "2025-03-10")
    (q,) = [q for q in x.quotes if content_word in q.text]
    return q.speaker


def test_a_modifier_entity_is_not_the_speaker(extract_text):
    sp = _speaker_of(
        extract_text, "Veridia's interior ministry said on Monday that 23 bodies had been found.", "bodies"
    )
    assert sp.name == "Veridia's interior ministry" and sp.entity is None
    sp = _speaker_of(extract_text, "Opposition lawmakers in Veridia claimed that close to 150 people died.", "150")
    assert sp.name.startswith("Opposition lawmakers")


def test_a_description_that_fits_no_one_is_a_new_speaker(extract_text):
    sp = _speaker_of(
        extract_text,
        "Mira Okonjo leads the Civic Union. Some 2,000 people have fled to Brenn, according to the regional governor.",
        "2,000",
    )
    assert sp.name == "the regional governor" and sp.entity is None
    sp = _speaker_of(
        extract_text,
        "Interior Minister Halvard Rusk visited the valley. The minister said that the water was still rising.",
        "water",
    )
    assert sp.name == "Halvard Rusk"


@pytest.mark.parametrize(
    ("text", "content", "name"),
    [
        # named in the next sentence as what the description says
        (
            "The valley will flood again, the head of the Orvin water board said on Monday. The head of the board, "
            "Halvard Rusk, spoke at a rally in Brenn.",
            "valley",
            "Halvard Rusk",
        ),
        (
            "The index will fall further, a veteran strategist said. Dana Kessel, a strategist at Brenn Capital, "
            "wrote that the slide had begun.",
            "index",
            "Dana Kessel",
        ),
        # not as another one
        ("Prices will rise, an official said. Another official, Lee Brenn, said they would not.", "Prices", None),
        # another role, and a role told in general
        (
            "The talks will fail, the foreign minister said. Prime Minister Dana Kessel arrived in Brenn on Monday.",
            "talks",
            None,
        ),
        ("Taxes must fall, a president said. President Dana Kessel arrived in Brenn on Monday.", "Taxes", None),
        # the apposition in the speaker's own phrase names the speaker, but not one who only leads it
        ("Another official, Lee Brenn, said the prices would not rise.", "prices", "Lee Brenn"),
        ("The group, led by Dana Orvin, said the prices would not rise.", "prices", None),
    ],
)
def test_a_description_named_after_it_or_beside_it(extract_text, text, content, name):
    sp = _speaker_of(extract_text, text, content)
    assert (sp.entity is not None and sp.name == name) if name else sp.entity is None, sp


def test_he_said_two_sentences_after_the_named_speaker(extract_text):
    # the seed's kind: the speaker is named, two sentences pass, then "he said" with a quotation
    text = (
        "Marek Lindholm, the harbour master, met the crews on Tuesday. The storm had broken two moorings. "
        "Three boats were lost. \u201cWe were lucky nobody drowned,\u201d he said."
    )
    q = find(quotes(extract_text, text), "We were lucky nobody drowned")
    assert text[q.speaker.start : q.speaker.end] == "he"
    assert q.speaker.name == "Marek Lindholm" and q.speaker.entity == "person:marek-lindholm"


def test_according_to_names_its_object_whatever_the_tagger_took(extractor):
    from newsledger.extract.attribution.speakers import Speakers
    from newsledger.extract.quotes import _according_source
    from newsledger.models import Cue, Party, Quote

    text = "Veridia's prison population stood at 9,000 in 2024, according to the Lorne Bar Association."
    doc = extractor.nlp(text)
    cue = text.index("according to")
    wrong = Party("Veridia", None, 0, 7)
    q = Quote("a", 0, cue - 2, text[: cue - 2], "indirect", wrong, Cue("according to", cue, cue + 12))
    sp = _according_source(doc, Speakers(text, [], doc), q).speaker
    assert text[sp.start : sp.end] == "the Lorne Bar Association"


def test_a_quotation_signed_with_a_dash_is_its_signer_s(extract_text):
    text = (
        "Readers answered the question on Monday.\n\n"
        "“The most unqualified man to ever run for office.” ― Ana Ruiz “He scares me and my family.” ― Tomas Berg.\n\n"
        "“We need the jobs back in the valley.”\u2015 Lena Marsh\u00a0\nThe poll closed."
    )
    got = {q.text: text[q.speaker.start : q.speaker.end] for q in extract_text(text).quotes if q.speaker}
    assert got["“The most unqualified man to ever run for office.”"] == "Ana Ruiz"
    assert got["“He scares me and my family.”"] == "Tomas Berg"
    assert got["“We need the jobs back in the valley.”"] == "Lena Marsh"


def test_a_party_member_described_by_party_is_the_member_named_so(extract_text):
    text = (
        "Rep. Andy Halvard (R-Ohio) pressed the witness on Tuesday. Speaker Dana Ruiz watched. "
        '"This is a sham," the Ohio Republican told reporters after the session.'
    )
    (q,) = quotes(extract_text, text)
    assert q.speaker.name == "Andy Halvard", q.speaker
    assert text[q.speaker.start : q.speaker.end] == "the Ohio Republican"
    # no one named with the party or the state: the description as written, not the nearest name
    text = 'Barack Obama spoke first on Tuesday. "This is a sham," the Ohio Republican told reporters.'
    (q,) = quotes(extract_text, text)
    assert q.speaker.name == "the Ohio Republican", q.speaker
    # a member of another party from the state is not the one described
    text = 'Rep. Dana Ruiz (D-Ohio) spoke first on Tuesday. "This is a sham," the Ohio Republican told reporters.'
    (q,) = quotes(extract_text, text)
    assert q.speaker.name == "the Ohio Republican", q.speaker
    # the group, and a paper, keep their own names
    (q,) = quotes(extract_text, "The Republicans said the bill was dead on arrival in the Senate.")
    assert q.speaker.name == "Republicans", q.speaker


def test_a_speaker_cut_inside_a_hyphenated_title_keeps_the_whole_phrase(extract_text):
    text = 'Pink Floyd co-founder Roger Waters chanted "Free Palestine" at the concert in London on Sunday.'
    (q,) = quotes(extract_text, text)
    sp = q.speaker
    assert text[sp.start : sp.end] == "Pink Floyd co-founder Roger Waters", sp
    assert sp.name == "Roger Waters", sp


def test_first_person_in_a_transcript_turn_is_the_turn_s_speaker(extract_text):
    text = (
        "Maria Lopez talked with Dana Ruiz about the dam. A lightly edited transcript follows.\n\nMaria Lopez\n\n"
        "Why did the council close the Orvin dam?\n\nDana Ruiz\n\n"
        "I think they were worried about the spring floods, and I said so at the time.\n\nMaria Lopez\n\n"
        "Will it open again?\n"
    )
    q = find(quotes(extract_text, text), "they were worried")
    assert q.speaker.name == "Dana Ruiz" and text[q.speaker.start : q.speaker.end] == "I", q.speaker
    # names alone on a line once each are bylines or captions, not turns: "I" stays unnamed
    text = "Maria Lopez\n\nDana Ruiz\n\nI think they were worried about the spring floods, and I said so at the time.\n"
    q = find(quotes(extract_text, text), "they were worried")
    assert q.speaker is None or q.speaker.name is None, q.speaker


def test_a_maker_inside_a_hyphenated_source_ends(extract_text):
    # the parse cuts "Q" from "Q-polls", the speaker is widened back to "Q-polls", whose maker is "Q" again
    text = "The good news for Orr is these KTV/Courier/Q-polls demonstrate that she is drawing closer in Kessel."
    qs = quotes(extract_text, text)
    check_offsets(text, qs)


def test_a_body_named_before_its_head_is_no_earlier_organisation():
    from newsledger.extract.attribution.speakers import Speakers
    from newsledger.models import Entity

    text = "Orvin was told the federal government would help. The toll stands at 41, according to the Kessel County government."
    orvin = Entity("a", "org:orvin", "Orvin", "ORG", ((0, 5),))
    start = text.index("the Kessel")
    end = len(text) - 1
    kessel = Entity("a", "gpe:kessel-county", "Kessel County", "GPE", ((start + 4, start + 17),))
    p = Speakers(text, [orvin, kessel]).party(start, end, "government", end - len("government"))
    assert p.name == "the Kessel County government" and p.entity is None
