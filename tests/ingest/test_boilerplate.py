"""The related-headlines rule: what is marked off after a plain-text article, and what is not."""

from __future__ import annotations

from newsledger.ingest.boilerplate import body_end, headline_title
from newsledger.ingest.readers import text_article

BODY = (
    "The Orvin dam on the Kessel river gave way on Sunday, flooding three villages, officials in "
    "Veridia said.\n\nRescue teams reached Brenn by boat on Monday and moved 1,200 people to a "
    "school gym, the regional governor said.\n"
)


def tail(text: str) -> str:
    return text[body_end(text) :]


def test_headline_block_after_prose_is_marked_off():
    text = BODY + "\nMarsh named head of coastal bank\nLynford festival cancelled for third year\n"
    end = body_end(text)
    assert text[:end] == BODY.rstrip()
    assert text[end:].strip().startswith("Marsh named")


def test_marker_line_and_single_headline_are_marked_off():
    text = BODY + "\nRelated stories\n\nTallin port strike enters second week\n"
    assert tail(text).strip().startswith("Related stories")


def test_teasers_with_ellipsis_and_title_case_questions_are_headlines():
    text = BODY + "\nWhy Are Ferry Prices Rising Again?\nCouncil weighs new tram line for...\n"
    assert tail(text).strip().startswith("Why Are Ferry")


def test_text_stays_verbatim_and_body_excludes_block():
    text = BODY + "\nMarsh named head of coastal bank\nLynford festival cancelled for third year\n"
    art = text_article(text, "t.txt")
    assert art.text == text
    assert art.body == BODY.rstrip()


def test_short_final_paragraph_with_punctuation_is_kept():
    text = BODY + "\nThe governor will visit on Friday.\n"
    assert body_end(text) == len(text)


def test_single_unpunctuated_final_line_is_kept():
    text = BODY + "\nMore updates to follow\n"
    assert body_end(text) == len(text)


def test_sign_off_stays_in_body_and_headlines_after_it_go():
    signoff = "Reporting by Ana Petrov; Editing by Tom Reyes"
    text = BODY + f"\n{signoff}\n\nMarsh named head of coastal bank\nLynford festival cancelled again\n"
    assert text[: body_end(text)].endswith(signoff)
    alone = BODY + f"\n{signoff}\n"
    assert body_end(alone) == len(alone)


def test_agency_sign_off_alone_is_kept():
    text = BODY + "\n-- The Associated Press\n"
    assert body_end(text) == len(text)


def test_closing_list_that_repeats_the_body_is_kept():
    text = BODY + "\nVillages flooded\nOrvin dam on the Kessel river\nRescue teams in Brenn\n"
    assert body_end(text) == len(text)


def test_headlines_with_no_prose_before_them_are_not_cut():
    text = "Orvin dam gives way\nVillages flooded in Veridia\nRescue teams reach Brenn\n"
    assert body_end(text) == len(text)


def test_dateline_at_start_is_not_a_title_or_block():
    text = "VERIDIA, March 3 (Wire) - The Orvin dam gave way on Sunday, officials said.\n"
    assert body_end(text) == len(text)
    assert headline_title(text) is None


def test_headline_title():
    assert headline_title("Orvin dam gives way\n\nThe dam gave way on Sunday.\n") == "Orvin dam gives way"
    assert headline_title("The dam gave way on Sunday.\n\nMore later.\n") is None


def test_closing_schedule_and_link_lists_are_kept():
    schedule = BODY + "\nTour dates:\n\nJune 9 -- Brenn Arena, Veridia\nJune 12 -- Harbour Hall, Tallin\n"
    assert body_end(schedule) == len(schedule)
    links = BODY + "\nhttps://courier.example/a\nhttps://courier.example/b\n"
    assert body_end(links) == len(links)
