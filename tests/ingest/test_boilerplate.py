"""The related-headlines rule: what is marked off after a plain-text article, and what is not."""

from __future__ import annotations

from newsledger.ingest.boilerplate import body_end, headline_title, outside
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


# --- The test set: trailing headline lists of several shapes, and articles that end without one ------------

HEADLINE_TAILS = {
    "unpunctuated, no heading": "\nMarsh named head of coastal bank\nLynford festival cancelled for third year\n",
    "heading and one headline": "\nMore from the Courier\n\nTallin port strike enters second week\n",
    "bulleted under a heading": "\nRead more:\n\n- Marsh named head of coastal bank\n- Ferry fares to rise in May\n",
    "title-case questions": "\nWhy Are Ferry Prices Rising Again?\nWho Will Run The Kessel Ports Authority?\n",
    "teasers": "\nCouncil weighs new tram line for...\nBrenn school reopens after...\n",
    "each ending in Read more": (
        "\nKessel barge owners seek compensation Read more\nTallin mayor opens new bridge Read more\n"
    ),
    "then a copyright line": (
        "\nMarsh named head of coastal bank\nFerry fares to rise in May\n\nCopyright © 2025 The Courier. "
        "All rights reserved.\n"
    ),
    "upper case under a heading": "\nREAD MORE ABOUT THE FLOODS\n\nKESSEL LEVEES FAIL AGAIN\nBRENN COUNTS THE COST\n",
    "after a sign-off": "\n-- The Veridia Courier\n\nMarsh named head of coastal bank\nFerry fares to rise in May\n",
}

REAL_ENDINGS = {
    "a short last sentence": "\nThe governor will visit on Friday.\n",
    "a closing quote": '\n"We will rebuild every house," the mayor said.\n',
    "a list that repeats the body": "\nVillages flooded\nOrvin dam on the Kessel river\nRescue teams in Brenn\n",
    "a schedule": "\nHearings:\n\nJune 9 -- Brenn town hall\nJune 12 -- Tallin court\n",
    "a subheading and its paragraph": "\nWhat comes next\n\nEngineers will inspect the other two dams in May.\n",
    "a question in a sentence": "\nWill the levees hold next spring? Engineers are not sure.\n",
    "a sign-off": "\nReporting by Ana Petrov; Editing by Tom Reyes\n",
    "one unpunctuated closing line": "\nMore updates to follow\n",
}


def test_every_headline_tail_shape_is_marked_off():
    for shape, tail_text in HEADLINE_TAILS.items():
        art = text_article(BODY + tail_text, "t.txt")
        assert art.body_end is not None, shape
        last = "-- The Veridia Courier" if "sign-off" in shape else BODY.rstrip().split("\n")[-1]
        assert art.text[: art.body_end].endswith(last), shape
        assert art.text[art.body_end :].strip() and not art.body[art.body_end :], shape


def test_a_real_ending_is_never_cut():
    for shape, ending in REAL_ENDINGS.items():
        art = text_article(BODY + ending, "t.txt")
        assert art.body_end is None, shape
        assert art.body == art.text, shape


# --- Spans outside the body ---------------------------------------------------------------------------------


def kinds(text: str) -> list[tuple[str, str]]:
    return [(kind, text[s:e]) for s, e, kind in outside(text)]


def test_video_widget_on_its_own_line_and_glued_into_a_paragraph():
    widget = "JUST WATCHED Kessel levees fail Replay More Videos ... MUST WATCH Kessel levees fail 01:51"
    text = f"{BODY}\n{widget}\n\nThe mayor said 300 homes were lost. {widget} Rescuers kept searching.\n"
    found = kinds(text)
    assert found == [("widget", widget), ("widget", widget)]
    art = text_article(text, "t.txt")
    assert "JUST WATCHED" not in art.body and "Rescuers kept searching." in art.body
    assert len(art.body) == len(art.text.rstrip()) or art.body_end is None


def test_prompts_links_captions_and_labels_are_marked_whole_lines():
    lines = {
        "Advertisement": "widget",
        "Story Continued Below": "widget",
        "Sign up for the Courier's morning newsletter": "prompt",
        "Follow Ana on Twitter": "prompt",
        "Click here to get the Courier app": "prompt",
        "Related: Tallin port strike enters second week": "link",
        "( PHOTOS: The Kessel in flood)": "link",
        "Rescuers in Brenn on Monday. (Photo: Ana Petrov/Courier)": "caption",
        "Enlarge this image toggle caption Ana Petrov/AP Ana Petrov/AP": "caption",
        "Ana Petrov, Veridia Courier": "byline",
        "By Ana Petrov, Courier staff": "byline",
        "From the Left": "label",
        "Subscribe now for as little as $2 a month!": "prompt",
        "Get our daily newsletter Upgrade your inbox and get the Courier's picks.": "prompt",
        "Subscribe on Apple Podcasts, Spotify, or wherever you listen to podcasts.": "prompt",
        "Map: The Kessel floods": "link",
        "• QUIZ: Test your memory of the floods": "link",
        "Rescuers wade through Brenn, Veridia, March 3, 2025. REUTERS/Ana Petrov": "caption",
        "Rescuers in Brenn, March 2025. STRINGER / REUTERS": "caption",
        "Rescuers in Brenn, March 2025 (Reuters/Ana Petrov)": "caption",
        # Learnt on allsides 1-3,000 (extract 39): each shape was read there as article text.
        "Note: An earlier version of this story said the dam was built in 1961. It was built in 1964.": "note",
        "*An earlier version of this article misstated the number of villages flooded.": "note",
        "Follow Ana M. Ruiz on Twitter: @anaruiz": "prompt",
        "Follow Courier Opinion Join us on Twitter and Facebook": "prompt",
        "Related Coverage Ferry owners sue the council over the fare rise": "link",
        "FLOODS:5 things to know about the Kessel": "link",
        "Rescuers wade through Brenn on Monday. Ana Petrov/AFP via Getty Images": "caption",
        "The council meets in Brenn, March 3, 2025. Li Wei/Pool/AFP via Getty Images, FILE": "caption",
        "[Track the Kessel's rise, village by village]": "link",
        "[embedvideo id=4471]": "link",
    }
    for line, kind in lines.items():
        text = f"{BODY}\n{line}\n\nEngineers will inspect the other two dams in May, the ministry said.\n"
        assert kinds(text) == [(kind, line)], line


def test_prose_that_mentions_the_same_words_is_not_marked():
    for line in (
        "The mayor said 4,000 people subscribe to the city newsletter.",
        "By Sunday, the water had receded from most streets.",
        "Read the full report, the ministry urged residents.",
        "NATO engineers arrived on Tuesday to help with the levees.",
        "Most voters back the levy, according to a Reuters/Ipsos poll. Reuters/Ipsos",
        "Get ready for more rain, the mayor told residents who subscribe to the city newsletter.",
        "Map makers in Brenn redrew the river's course on Tuesday.",
        "[The council disputes the ministry's count. — Ana Ruiz]",  # a bracketed note with a sentence end
        "[Evacuated so far: Brenn 1,200; Orvin 300]",  # a box of figures
        "[In fairness, the ministry had warned the council twice.]",
        "At 10:30 the first boats reached Brenn, the governor said.",
        "The Related Coverage desk did not respond.",
    ):
        assert outside(f"{BODY}\n{line}\n") == (), line


def test_datelines_glued_to_the_first_sentence():
    for dateline in ("LUSK - ", "BRENN, Veridia (Courier) — ", "Brenn (Courier) ", "TALLIN, March 3 -- "):
        text = f"{dateline}Flash floods swept through the valley on Sunday, the mayor said.\n"
        assert kinds(text) == [("dateline", dateline)], dateline
    for start in ("UPDATE - Flash floods swept through the valley on Sunday.", "FLOODS: a timeline of the week\n"):
        assert not [k for k, _ in kinds(start + "\n") if k == "dateline"], start


def test_ap_caption_glued_to_the_first_sentence_marks_the_caption_only():
    caption = "FILE - In this Jan. 4, 2024, file photo, rescuers wade through Brenn, Veridia."
    text = f"{caption} The Orvin dam gave way on Sunday, officials said.\n"
    assert kinds(text) == [("caption", caption)]


def test_byline_and_outlet_label_above_the_first_paragraph():
    text = "Ana Petrov\n\nUSA TODAY\n\nThe Orvin dam gave way on Sunday, flooding three villages, officials said.\n"
    assert kinds(text) == [("byline", "Ana Petrov"), ("label", "USA TODAY")]


def test_several_writers_above_the_first_paragraph():
    text = (
        "Ana Petrov, Li Wei and Tomas K . Brenner\n\nUSA TODAY\n\nThe Orvin dam gave way on Sunday, officials said.\n"
    )
    assert kinds(text) == [("byline", "Ana Petrov, Li Wei and Tomas K . Brenner"), ("label", "USA TODAY")]
    prose = "Marsh and Brenner\n\nThe Orvin dam gave way on Sunday, officials said.\n"
    assert kinds(prose) == []  # two surnames are a title, not writers


def test_headlines_after_a_related_marker_mid_body():
    text = (
        f"{BODY}\nRelated:\n\nMarsh named head of coastal bank\nFerry fares to rise in May\n\n"
        "Engineers will inspect the other two dams in May, the ministry said.\n"
    )
    assert [k for k, _ in kinds(text)] == ["link", "link", "link"]


def test_mojibake_is_repaired_and_the_original_kept():
    broken = "The dam\u00c3\u00a2\u00e2\u201a\u00ac\u00e2\u201e\u00a2s keepers said it held until \u00c3\u00a2\u00e2\u201a\u00ac\u00e2\u201e\u00a208."
    art = text_article(broken, "t.txt", title="Orvin dam\u00c3\u00a2\u00e2\u201a\u00ac\u00e2\u201e\u00a2s end")
    assert art.text == "The dam’s keepers said it held until ’08." and art.original_text == broken
    assert art.title == "Orvin dam’s end" and art.original_title.startswith("Orvin dam\u00c3")
    clean = text_article(BODY, "t.txt", title="Orvin dam “gives way”")
    assert clean.original_text is None and clean.original_title is None and clean.title == "Orvin dam “gives way”"


def test_hover_card_glued_after_a_name_is_marked_and_the_name_kept():
    card = "Ana Maria RuizDam inquiry opens in Brenn Ferry fares to rise in May Lusk counts the cost MORE"
    text = f"The mayor, Ana Ruiz {card}, said 300 homes were lost in the flood on Sunday.\n"
    assert kinds(text) == [("widget", card)]
    assert text_article(text, "t.txt").body.startswith("The mayor, Ana Ruiz ")


def test_video_player_caption_with_highlights_and_writers_note():
    player = "CLOSE Watch the Orvin dam give way, seen from the Brenn bridge."
    caption = "Rescuers in Brenn on Monday. (Photo: Ana Petrov, Courier) Story Highlights"
    note = (
        "Ana Petrov is a columnist for the Courier. The views expressed in this commentary are her own. "
        "Read more opinion at the Courier."
    )
    text = f"{note}\n\n{player}\n\n{caption} The dam gave way on Sunday.\n\n{BODY}"
    assert kinds(text) == [("prompt", note), ("widget", player), ("caption", caption)]


def test_a_list_announced_by_a_colon_is_kept():
    text = BODY + "\nSources:\n\nVeridia interior ministry briefing, March 3\nRed Cross field report, March 4\n"
    assert body_end(text) == len(text)


def test_a_parenthesis_in_lower_case_is_no_agency_and_a_title_no_byline():
    assert outside("Grid View (From left) Rescuers wade through the flooded streets of Brenn.\n") == ()
    text = "For Brenn's Mayor, Flood Questions Could Threaten Reelection\n\nThe mayor said 300 homes were lost.\n"
    assert outside(text) == ()


def test_media_player_line_exclusive_label_and_story_prompts():
    player = "Media playback is unsupported on your device Media caption The mayor of Brenn on the flood"
    prompt = "Are you in Brenn? Tell us your story by emailing news@courier.example."
    text = f"{player}\n\nExclusive— The Orvin dam gave way on Sunday, officials said.\n\n{prompt}\n"
    assert kinds(text) == [("widget", player), ("dateline", "Exclusive— "), ("prompt", prompt)]


def test_reported_speech_before_a_bare_credit_keeps_the_sentence():
    text = "Julie Marsh said the photo was old. Photo: Harbour Archive\n"
    assert kinds(text) == [("caption", "Photo: Harbour Archive")]


# --- Notes closing the text: writers' bios and contact lines (kind "note") ----------------------------------

OPINION = (
    "The Orvin dam was built for a river that no longer exists, and the council has known it for a decade.\n\n"
    "Rebuilding it as it was would waste the money the villages need to move to higher ground, and the "
    "council should say so before the spring floods come.\n"
)

CLOSING_NOTES = {
    "a bulleted bio": "• Ana Ruiz is a former judge of the Veridia high court.",
    "a dashed bio with an apposition": "— Ana Ruiz, a Courier columnist, is the author of “Rivers We Lost.”",
    "a title and a surname": "Mr. Tolvan is a member of the Courier’s editorial board.",
    "a bio in the past tense": "Ana Ruiz was the first mayor of Brenn and is a senior fellow at the Kessel Institute.",
    "a bio ending in a handle": "Ana Ruiz is a contributor to the Courier. Follow her on Twitter @anaruiz",
    "the writer": "The writer is a professor of hydrology at Tallin University.",
    "a write-to line": "Write to Ana Ruiz at ana.ruiz@courier.example and Li Wei at li.wei@courier.example",
    "a reached-at line": "• Ana Ruiz can be reached at [email protected].",
    "a letters line": "Send letters to: letters@courier.example.",
    "a letter to the editor": "Tell us what you think: send a letter to the editor at letters@courier.example.",
    "a bio without final punctuation": "Ana Ruiz is the general counsel for the Kessel Boatmen's Association",
    "a long apposition and another verb": (
        'Ana Ruiz, a member of the Courier\'s board and author of "Floods, Dams, and Us," has taught hydrology '
        "at Tallin University."
    ),
    "a title before the name": "Former Veridia Governor Ana Ruiz is a candidate for the Senate. Follow her on Twitter: @anaruiz",
    "two writers": 'Ana Ruiz and Li Wei write the "Kessel Notes" blog for the Courier\'s opinion section.',
    "a reach-on-Twitter line": "Reach Ana Ruiz on Twitter @anaruiz. Reach Li Wei on Twitter @liwei",
}


def test_bios_and_contact_lines_closing_an_opinion_piece_are_notes():
    for shape, note in CLOSING_NOTES.items():
        text = f"{OPINION}\n{note}\n"
        assert kinds(text) == [("note", note)], shape
        art = text_article(text, "t.txt")
        assert art.body == OPINION.rstrip(), shape


def test_a_bio_then_a_contact_line_and_a_prompt_are_all_marked():
    bio = "• Ana Ruiz is a former judge of the Veridia high court."
    contact = "She can be reached at ana.ruiz@courier.example."
    text = f"{OPINION}\n{bio}\n\n{contact}\n\nCopyright © 2025 The Courier. All rights reserved.\n"
    assert [k for k, _ in kinds(text)] == ["note", "note", "prompt"]
    assert text_article(text, "t.txt").body == OPINION.rstrip()


NEWS = (
    "Ana Ruiz, who chairs the Kessel flood inquiry, said on Monday that the Orvin dam had not been inspected "
    "since 2019, and that the council had been warned twice.\n\n"
    "Tolvan, the council's engineer, said the warnings had been passed on to the ministry in Veridia.\n"
)

# Last paragraphs of real articles that look like a bio or a contact line, and must stay in the body.
REAL_LAST_PARAGRAPHS = {
    "a bio of someone the story names": "Ana Ruiz is a former judge of the Veridia high court.",
    "a title and a surname the story uses": "Mr. Tolvan is a member of the council's engineering board.",
    "a person the story did not name, doing something": (
        "Mr. Marsh was one of many residents who lost a boat in the flood. Former engineers doubt the council "
        "will pay for them."
    ),
    "a place with a clause": (
        "The World Bank, which lent the money for the dam in 1961, was absent from the inquiry, and its former "
        "director declined to comment."
    ),
    "a surname alone": "Halloran is a former mayor of Brenn and a critic of the council.",
    "a tip line the police gave": "Anyone with information was asked to email tips@police.example, a police spokesman said.",
    "a credit with a contact": (
        "Li Wei of the Courier staff contributed to this report. Ana Petrov can be reached at ana@courier.example."
    ),
    "a sentence with no role": "Ana Marsh was swept away by the water on Sunday and found alive on Monday.",
    "a quote naming two people": "“Tomas Brenner and Li Wei have been members of this council for a decade,” the mayor said.",
    "what someone does": (
        "Authority President Ana Halloran is planning a tour of the flooded villages before the spring vote."
    ),
}


def test_real_last_paragraphs_that_look_like_notes_are_kept():
    for shape, last in REAL_LAST_PARAGRAPHS.items():
        text = f"{NEWS}\n{last}\n"
        assert not [k for k, _ in kinds(text) if k == "note"], shape
        art = text_article(text, "t.txt")
        assert art.body == text, shape


def test_a_bio_in_the_middle_of_the_text_is_not_a_closing_note():
    bio = "Ana Halloran is a former judge of the Veridia high court."
    text = f"{OPINION}\n{bio}\n\nThe council meets again on Friday to vote on the plan.\n"
    assert kinds(text) == []


def test_editors_notes_and_corrections_are_notes():
    for line in (
        "Editor's note: This report is free to read for everyone in the Kessel valley.",
        "EDITOR’S NOTE: An earlier draft of this story ran in the Courier's evening edition.",
        "Correction: An earlier version of this story misstated the height of the Orvin dam.",
        "This story has been updated with the council's vote on Tuesday.",
        "--This report was updated at 7:48 p.m.",
    ):
        text = f"{BODY}\n{line}\n\nEngineers will inspect the other two dams in May, the ministry said.\n"
        assert kinds(text) == [("note", line)], line
    text = f"{BODY}\nEditor's Note\n\nGet the Courier's flood guide. Go Here Now.\n\n{BODY}"
    assert kinds(text) == [("note", "Editor's Note"), ("note", "Get the Courier's flood guide. Go Here Now.")]


def test_story_highlights_label_glued_to_the_first_highlight():
    text = "Story highlights The Orvin dam gave way on Sunday\n\nThree villages were flooded\n\n" + BODY
    assert kinds(text) == [("label", "Story highlights")]
    assert text_article(text, "t.txt").body.lstrip().startswith("The Orvin dam gave way on Sunday")


def test_more_page_furniture_lines():
    lines = {
        "Updated on March 9 at 4:25 a.m. ET": "label",
        "Updated Oct. 2, 2025, at 9:15 p.m. ET": "label",
        "Click for more from the Veridia Courier.": "prompt",
        "Click to view the Courier flood poll": "prompt",
        "Subscribe to the Courier's YouTube channel.": "prompt",
        "Like us on Facebook for more flood news.": "prompt",
        "COPYRIGHT 2025 COURIER SYNDICATE": "prompt",
        "Content created by the Courier Foundation is available without charge to other newsrooms.": "prompt",
        "SPECIAL COVERAGE: The Kessel floods": "link",
        "LISTEN TO ARTICLE 4:12 SHARE THIS ARTICLE Share Tweet Email": "widget",
        "Advertisements": "widget",
        "For more on the Kessel floods, click here.": "prompt",
        "Watch the latest video from the Kessel valley at video.courier.example": "prompt",
        "The views of guest writers are their own, not the Courier's": "prompt",
        "Sign up to get our email dispatches from the Kessel valley": "prompt",
        "Related Video: How the Orvin Dam Gave Way": "link",
        "READ NEXT: Ferry fares to rise in May": "link",
        "Go deeper: Ferry fares to rise in May": "link",
        "Historic floods:Kessel levees fail for the third time in a decade": "link",
        "► Aug. 19:Ferry fares to rise in May": "link",
        "FERRY OWNERS SUE COUNCIL OVER 'RUINOUS' FARE RISE": "link",
        "Angry about the fares?:Ferry owners say the rise is the council's fault": "link",
    }
    for line, kind in lines.items():
        text = f"{BODY}\n{line}\n\nEngineers will inspect the other two dams in May, the ministry said.\n"
        assert kinds(text) == [(kind, line)], line


def test_tags_after_the_text_are_links():
    text = BODY + "\nThis article tagged under: Floods\n\nVeridia\n\nOrvin dam\n"
    assert [k for k, _ in kinds(text)] == ["link", "link", "link"]
    assert text_article(text, "t.txt").body == BODY.rstrip()


def test_photo_gallery_glued_into_a_line():
    gallery = (
        "Photos: The Kessel floods Rescuers wade through Brenn on Monday. Hide Caption 1 of 2 "
        "Photos: The Kessel floods The Orvin dam after it gave way. Hide Caption 2 of 2"
    )
    text = f"{BODY}\n{gallery}\n\nEngineers will inspect the other two dams in May, the ministry said.\n"
    assert [k for k, _ in kinds(text)] == ["caption", "caption"]
    assert "Hide Caption" not in text_article(text, "t.txt").body


def test_a_label_and_a_colon_inside_prose_is_no_glued_link():
    for line in (
        "The mayor said:The dam will be rebuilt by May, and every family will be housed.",
        "At 10:30 the levee broke, the ministry said.",
    ):
        assert outside(f"{BODY}\n{line}\n") == (), line


def test_a_subheading_in_capitals_is_the_articles():
    for line in (
        "WHAT COMES NEXT",
        "ARE THE LEVEES SAFE FOR ANOTHER WINTER?",
        "‘WE WILL REBUILD’ SAYS THE MAYOR OF BRENN",
    ):
        text = f"{BODY}\n{line}\n\nEngineers will inspect the other two dams in May, the ministry said.\n"
        assert outside(text) == (), line


def test_a_writers_bio_opening_the_text_is_a_note_and_a_lead_about_a_person_is_not():
    bio = "Ana Ruiz is a Courier columnist. She has covered the Kessel valley for 20 years."
    text = f"{bio}\n\n{OPINION}"
    assert kinds(text) == [("note", bio)]
    lead = "Ana Ruiz is a former judge who will lead the inquiry into the Orvin dam, the council said on Monday."
    text = f"{lead}\n\nRuiz said the inquiry would report by May.\n"
    assert kinds(text) == []


def test_an_opening_caption_with_its_credit_and_the_headline_glued_after_it():
    lead = "The Orvin dam gave way on Sunday. | AP Photo Kessel floods: what comes next for Brenn"
    text = f"{lead}\n\n{BODY}"
    assert kinds(text) == [("caption", lead)]
    pipe = "BRENN, VERIDIA | Rescue teams reached the flooded villages by boat on Monday, the governor said.\n"
    assert [k for k, _ in kinds(pipe)] != ["caption"]


def test_a_caption_ending_in_a_name_and_agency_credit():
    caption = "Rescuers wade through Brenn, Veridia, March 4, 2025. (Ana Petrov/Reuters)"
    text = f"{caption}\n\n{BODY}"
    assert kinds(text) == [("caption", caption)]


# --- After audit 4: page notes past the bios, captions glued to the headline, lists of other stories, box bylines,
# subheadings in capitals (sentences written for these tests).


def test_a_print_edition_line_after_the_bios_is_a_note_and_the_walk_reaches_the_bios():
    bios = "Ms. Halloran is a professor of hydrology at Tallin University. Mr. Oskarsen is the Courier's river editor."
    for page in (
        "This essay appears as “The River Wins” in the May 4, 2025, print edition of the Kessel Review.",
        "This column first appeared in the Tallin Evening Post.",
        "This article was originally published by Riverwatch, a magazine about water policy.",
        "This story is part of a reporting partnership between the Courier and Kessel Radio.",
        "This story was published in partnership with the Tallin Evening Post",
    ):
        text = f"{OPINION}\n{bios}\n\n{page}\n"
        assert kinds(text) == [("note", bios), ("note", page)], page
        assert text_article(text, "t.txt").body == OPINION.rstrip(), page


def test_sentences_about_other_stories_and_publications_stay():
    for last in (
        "The story first appeared in the Courier in 1961, the year the dam opened, the archivist said.",
        "This report was published on Monday by the ministry, which said the levees were sound.",
        "The article, published in a trade journal in May, warned that the spillway was too small.",
    ):
        text = f"{NEWS}\n{last}\n"
        assert kinds(text) == [], last


def test_corrections_and_clarifications_is_a_note():
    line = "Corrections & Clarifications: An earlier version of this story misstated the height of the dam."
    text = f"{BODY}\n{line}\n\nEngineers will inspect the other two dams in May, the ministry said.\n"
    assert kinds(text) == [("note", line)]


def test_writers_above_a_special_for_line_and_several_writers_before_an_outlet():
    text = (
        "Ana Ruiz, Li Wei and Tomas Brenner\n\nSpecial for the Kessel Courier\n\n"
        "BRENN, Veridia — Rescue teams reached the flooded villages by boat on Monday, the governor said.\n"
    )
    assert [k for k, _ in kinds(text)] == ["byline", "byline", "dateline"]
    credit = "Ana Ruiz and Li Wei, Kessel Courier"
    text = f"{BODY}\n“The river will not wait for the council,” they wrote.\n\n{credit}\n\n{BODY}"
    assert kinds(text) == [("byline", credit)]


def test_places_in_capitals_in_a_list_are_no_bylines():
    text = f"{BODY}\nBRENN, VERIDIA\n\nTwo boats were lost on Sunday night, the harbour master said.\n"
    assert kinds(text) == []


def test_the_byline_of_a_box_inside_the_text():
    for line in (
        "Analysis by Ana Ruiz, Courier flood correspondent",
        "Analysis by Courier flood correspondent Ana Ruiz",
        "Analysis: Ana Ruiz, Courier river correspondent",
    ):
        text = f"{BODY}\n{line}\n\nThe council has been warned before, and it has always found a reason to wait.\n"
        assert kinds(text) == [("byline", line)], line
    for line in (
        "Analysis by the ministry found that the levees were too low.",
        "Opinion: The dam must not be rebuilt as it was",
        "Analysis of the spillway",
    ):
        text = f"{BODY}\n{line}\n\nThe council has been warned before, and it has always found a reason to wait.\n"
        assert kinds(text) == [], line


def test_an_opening_caption_with_the_headline_glued_after_it_and_no_credit():
    for lead in (
        "Rescuers reached Brenn by boat on Monday. Dam inquiry opens in Tallin",
        "The mayor spoke from the harbour office in Brenn, Ver. Mayor: 'We will rebuild'",
        "Boats wait at the Brenn quay on Monday. Ana Petrov/Getty Images",
    ):
        text = f"{lead}\n\n{BODY}"
        assert kinds(text) == [("caption", lead)], lead
        assert text_article(text, "t.txt").body.lstrip().startswith("The Orvin dam"), lead


def test_first_lines_that_are_the_articles_own_are_not_glued_captions():
    for lead in (
        "Why The Orvin Dam Failed. What Comes Next For Brenn",  # a title in two parts
        "The council met on Sunday night. She said the warnings had been passed on to",  # cut short
        "“The dam held for sixty years. Then the river rose again",  # a quotation, cut short
        "The river rose all week. “I want the council to act,” Mayor Marsh says",  # a title quoting someone
        "Rescue teams reached the flooded villages by boat on Monday, the governor said.",
        # a quoted news summary and the name of its source, as a digest of other outlets opens
        "“The council warned on Monday that it would close the dam. Rescuers reached Brenn by boat.” Kessel News",
    ):
        text = f"{lead}\n\n{BODY}"
        assert kinds(text) == [], lead


def test_a_list_of_other_stories_announced_by_a_colon_line():
    items = (
        "Kessel floods: what the inquiry must answer",
        "Levees Fail Again. Who Pays?",
        "Ferry owners say the council ignored them. Were they right?",
        "Mayor Marsh: ‘We will rebuild’",
        '-- "Five Questions About The Orvin Dam." (Kessel Radio)',
    )
    for intro in ("More coverage of the Kessel floods:", "More on the Orvin dam and the council's inquiry:"):
        text = BODY + f"\nContributing: Li Wei\n\n{intro}\n\n" + "\n\n".join(items) + "\n"
        found = kinds(text)
        assert found == [("link", intro)] + [("link", item) for item in items], intro
        assert text_article(text, "t.txt").body.rstrip().endswith("Contributing: Li Wei")


def test_a_read_more_list_past_an_advertisement_and_headlines_ending_in_a_full_stop():
    bio = "— Ana Ruiz is a senior editor of the Kessel Review."
    items = [
        "The Council Has Run Out of Excuses.",
        "Advertisement",
        "No, Don’t Rebuild the ‘Old Dam’",
        "Move the Villages",
    ]
    text = OPINION + "\nREAD MORE:\n\n" + "\n\n".join(items) + f"\n\n{bio}\n"
    assert [k for k, _ in kinds(text)] == ["link", "link", "widget", "link", "link", "note"]
    assert text_article(text, "t.txt").body == OPINION.rstrip()


def test_a_colon_line_that_opens_the_articles_own_list_is_kept():
    text = (
        BODY + "\nThe inquiry named three causes:\n\nThe spillway was too small\n\nThe gauges had failed\n\n"
        "Nobody read the warnings\n"
    )
    assert kinds(text) == []


def test_a_six_word_line_in_capitals_is_a_subheading_where_the_subheadings_are_in_capitals():
    text = (
        f"{BODY}\nWHERE TO GIVE\n\nThe Red Cross has opened a shelter at the Brenn school, its director said.\n\n"
        "GIVE BLOOD BEFORE WINTER COMES AGAIN\n\nThe blood bank in Tallin is short of every type, a doctor said.\n"
    )
    assert kinds(text) == []
    link = "FERRY OWNERS SUE COUNCIL OVER FARES"
    text = f"{BODY}\n{link}\n\nEngineers will inspect the other two dams in May, the ministry said.\n"
    assert kinds(text) == [("link", link)]


def test_the_page_speaking_to_its_reader_about_the_outlet():
    for line in (
        "You can read more opinions from our contributors on the Opinion front page and on Twitter @courierops.",
        "Your financial contribution will enable our staff to keep every flood story free. Please consider making "
        "a contribution to the Courier today.",
        "See Other Flood Commentary by Ana Ruiz",
        "Feature image: Boats at the Brenn quay after the flood. Courtesy of the harbour office.",
        "( Also on THE COURIER: Ferry owners sue the council over the fare rise)",
        "( On the Ground in Brenn: what the flood left)",
        "Interested in Kessel Floods? Add Kessel Floods as an interest to stay up to date on the latest news.",
        "Respond to this post on the Courier's Facebook page here.",
    ):
        text = f"{BODY}\n{line}\n\nEngineers will inspect the other two dams in May, the ministry said.\n"
        assert [found for _, found in kinds(text)] == [line], line
    for line in (
        "You can read the engineers' report on the ministry's website, the governor said.",
        "Residents said their contribution to the rebuilding fund helps the council hire engineers.",
    ):
        text = f"{BODY}\n{line}\n"
        assert kinds(text) == [], line


def test_a_note_on_a_chart_in_parentheses_and_a_bio_with_a_handle():
    for line in ("(Source: Veridia Ministry of Water)", "(Note: figures for 2024 are estimates.)"):
        text = f"{BODY}\n{line}\n\nEngineers will inspect the other two dams in May, the ministry said.\n"
        assert kinds(text) == [], line
    bio = "Ana Ruiz (@anaruiz) lives in Tallin, where she writes about rivers and the people who live by them."
    assert kinds(f"{OPINION}\n{bio}\n") == [("note", bio)]


def test_key_points_glued_to_the_first_point():
    text = "KEY POINTS The Orvin dam gave way on Sunday\n\nThree villages were flooded\n\n" + BODY
    assert kinds(text) == [("label", "KEY POINTS")]


COLUMN = [
    "The Orvin dam gave way on Sunday, and the council has been arguing about it ever since.",
    "The engineers had warned for a decade. Nobody listened, and the Kessel valley paid for it.",
    "Three villages flooded, and 1,200 people spent the week in a school gym in Brenn.",
    "The insurers have paid for almost none of it, and the families are still waiting.",
    "The regional governor now promises a review. Reviews are what governments offer when they have nothing "
    "else to give. This one will be no different from the last.",
]


def test_a_sentence_set_again_as_a_line_of_its_own_is_a_pull_quote():
    pull = "Reviews are what governments offer when they have nothing else to give."
    text = "\n\n".join(COLUMN + [f"‘{pull}’", "The council meets again on Friday to vote on the plan."]) + "\n"
    assert [(k, s) for k, s in kinds(text) if k == "pullquote"] == [("pullquote", f"‘{pull}’")]


def test_repeats_that_are_the_article_s_own_are_no_pull_quotes():
    turn = "I am not running for governor."
    cases = {
        # a speaker who starts again below
        "restart": COLUMN + [turn, "Are you sure?", turn + " Do you want me to put an exclamation point on it?"],
        # a question asked again in the answer
        "question": COLUMN + ["What do you mean by a review?", "Well, what do you mean by a review? I mean an audit."],
        # an embedded post the article quotes from
        "post": COLUMN
        + [
            '"The dam will be rebuilt by spring, and the valley will be safe again."',
            "The dam will be rebuilt by spring, and the valley will be safe again. Thanks to all! — Ana Ruiz "
            "(@anaruiz) May 3, 2019",
        ],
        # an opening summary that the text tells again below
        "summary": [COLUMN[2], *COLUMN[:2], *COLUMN[3:], COLUMN[2] + " The gym reopens on Monday."],
    }
    for shape, lines in cases.items():
        assert not [k for k, _ in kinds("\n\n".join(lines) + "\n") if k == "pullquote"], shape


def test_links_and_players_glued_into_paragraphs_and_appeals_for_money():
    link = "(RELATED: Kessel Mayor Accused Of Hiding Flood Report)"
    text = f"{BODY}\nEngineers will inspect the other two dams in May, the ministry said. {link}\n"
    assert kinds(text) == [("link", link)]
    text = f"{BODY}\n#related#Engineers will inspect the other two dams in May, the ministry said.\n"
    assert kinds(text) == [("link", "#related#")]
    player = "Play Video 1:49 Orvin dam gives way: what we know so far – video report"
    text = f"{BODY}\n{player}\n\nEngineers will inspect the other two dams in May, the ministry said.\n"
    assert kinds(text) == [("widget", player)]
    appeal = (
        "The Courier Foundation is working hard to cover every flood. For as little as $3, you can help us. "
        "Make a one-time donation to support our reporting."
    )
    text = f"{BODY}\n{appeal}\n\nEngineers will inspect the other two dams in May, the ministry said.\n"
    assert kinds(text) == [("prompt", appeal)]
    tips = "Send tips to ana@ courier.example."
    assert kinds(f"{BODY}\n{tips}\n") == [("note", tips)]
    # the article's own words stay: a parenthesis that is no link, a reader asked for help, a video in a sentence
    for line in (
        "The ministry (watch: it has been wrong before) says the levees will hold.",
        "So I wonder if you can help us understand the risk, the mayor asked the engineers.",
        "A video of the dam giving way was played to the court on Monday.",
    ):
        assert kinds(f"{BODY}\n{line}\n") == [], line


def test_update_notes_graphic_links_player_fallbacks_credits_and_podcast_prompts():
    lines = (
        ("note", "UPDATE March 27: This story has been updated with a statement from the ministry."),
        ("note", "CORRECTION (Saturday, Oct. 1, 7:10 p.m.): Originally, this column said the dam was closed."),
        ("widget", "Your browser does not support the iframe HTML tag. Try viewing this in a modern browser."),
        ("caption", "Rescuers search the rubble in Brenn on Monday. (Ana Ruiz/Kessel Courier via AP)"),
        ("caption", "The mayor speaks in Brenn on Monday. (Ana Ruiz/The Kessel News & Courier via AP, Pool)"),
        ("prompt", "Catch up on the flood season with our reporters on our weekly podcast, “High Water.”"),
    )
    for kind, line in lines:
        text = f"{BODY}\n{line}\n\nEngineers will inspect the other two dams in May, the ministry said.\n"
        assert kinds(text) == [(kind, line)], line
    graphic = "(For a graphic on the flooded villages, click on: tmsnrt.rs/2NUL74l)"
    text = f"{BODY}\nEngineers will inspect the other two dams in May, the ministry said. {graphic}\n"
    assert kinds(text) == [("link", graphic)]
    # the article's own words stay
    for line in (
        "The update to the flood plan was approved on Monday, the council said.",
        "Correction officers were sent to the dam, the governor said.",
        "The ministry said the podcast host had asked about the dam.",
    ):
        assert kinds(f"{BODY}\n{line}\n") == [], line


def test_a_transcript_s_turn_with_the_speaker_s_role_is_no_dateline():
    for turn in ("STEVE KESSEL (CO-HOST): ", "SEN. ANA RUIZ (R-TX): "):
        text = f"{BODY}\n\n{turn}They took 300 girls from that school, and nobody is doing anything.\n"
        assert kinds(text) == [], turn
    text = "KESSEL (Reuters) - Rescuers reached the flooded villages by boat on Monday, the governor said.\n"
    assert [k for k, _ in kinds(text)] == ["dateline"]


def test_a_first_line_introducing_a_statement_is_no_bio():
    intro = "President Ana Ruiz has issued a statement on the flooding in Orvin earlier today:"
    text = f"{intro}\n\nI grieve with the families of Orvin, where the river took 12 lives this week.\n"
    assert kinds(text) == []


def assert_marked_alone(lines, kept):
    """Each (kind, line) between two paragraphs is marked as that kind, alone; each line of `kept` is not."""
    for kind, line in lines:
        text = f"{BODY}\n{line}\n\nEngineers will inspect the other two dams in May, the ministry said.\n"
        assert kinds(text) == [(kind, line)], line
    for line in kept:
        assert kinds(f"{BODY}\n{line}\n") == [], line


def test_capital_credit_captions_getty_credits_bracketed_promotions_and_reader_prompts():
    lines = (
        ("caption", "ANA RUIZ/REUTERS/FILE A member of the Kessel party puts up a poster in Brenn in 2016."),
        ("caption", "LEE ORR/GETTY IMAGES Dana Brenn (2nd from r.) visits the flooded port on Monday."),
        ("caption", "Members of the Kessel council. Front row, left to right: Dana Orr, Lee Brenn. Getty"),
        ("link", "[Watch Courier TV: Sen. Dana Orr, R-Kessel, discusses the dam in the 9 a.m. ET hour]"),
        ("link", "[Read more about how the villagers reacted to the flood plan.]"),
        ("prompt", "We encourage readers who wish to comment on our material to do so through our Facebook page."),
    )
    # the article's own words stay
    kept = (
        "The museum was founded with a gift from the oilman J. Paul Getty.",
        "The ministry said the ORVIN/AP poll of 1,000 voters was wrong.",
        "We encourage you to read the ministry's report, the mayor wrote in a letter to the council.",
    )
    assert_marked_alone(lines, kept)


def test_long_follow_lines_only_price_offers_poll_promotions_and_interested_in_lists():
    lines = (
        ("prompt", "Follow Courier TODAY reporter Ana Ruiz on Twitter @ByAnaRuiz."),
        ("prompt", "Get instant access to more trading ideas and Courier ratings for only $5."),
        ("prompt", "Do You Approve Or Disapprove of the Mayor? Vote Now in Urgent Poll"),
    )
    kept = (
        "Follow the money, the senator said on Twitter @anaruiz.",
        "Voters can vote now in the poll on the dam, the council said.",
    )
    assert_marked_alone(lines, kept)
    text = f"{BODY}\nYou might also be interested in:\n\nKessel dam inspected after floods\n"
    assert [k for k, _ in kinds(text)] == ["link", "link"]


def test_series_and_column_notes_mail_prompts_framed_notices_and_lone_players():
    lines = (
        ("note", "This is Part 2 of a two-part investigation into the dam. The first story focused on the levees."),
        ("note", "About This Investigation This is Part 1 of a two-part series on the Kessel floods."),
        ("note", "This is the first of three parts of our conversation with Mayor Ana Ruiz."),
        ("note", "Second of three parts"),
        ("note", "The Flood Desk is a reported column by Ana Ruiz, primarily focused on the valley."),
        ("prompt", "Mailing list. To receive a weekly alert about the column, contact me at ana@courier.example."),
        ("prompt", "******* Don't Forget: If you send in a question, please include your town. *******"),
        ("widget", "X"),
        ("widget", "KTV Map"),
    )
    kept = (
        "This is the third time the dam has failed in a decade.",
        "This is the final part of the plan, the mayor said.",
        "The council is a body of seven elected members.",
        "The engineer said that residents should contact me at ana@courier.example, the mayor said.",
    )
    assert_marked_alone(lines, kept)


def test_hover_cards_without_headlines_after_a_suffix_and_a_gallery_s_split_last_slide():
    text = f"{BODY}\nChief of staff Dana Orr Dana Lee OrrMORE is on thin ice for his handling of the dam.\n"
    assert kinds(text) == [("widget", "Dana Lee OrrMORE")]
    card = "Dana (Dee) Lee OrrOrr Jr's book tops the list Flood bill passes MORE"
    text = f"{BODY}\nAt that meeting, Dana Orr Jr. {card}, the mayor and a lawyer met.\n"
    assert kinds(text) == [("widget", card)]
    slide = "Photos: Kessel floods through the years The river rose over the levee in Brenn on Monday."
    text = f"{BODY}\n{slide}\n\nHide Caption 9 of 9\n\nEngineers will inspect the other two dams in May.\n"
    assert [t for _, t in kinds(text)] == [f"{slide}\n\nHide Caption 9 of 9"]


def test_a_wiki_page_s_edit_links_and_closing_headings():
    text = (
        f"{BODY}\nReactions [ edit ]\n\nThe ministry opened an inquiry into the dam's collapse on Monday.\n\n"
        "See also [ edit ]\n\nReferences [ edit ]\n"
    )
    assert kinds(text) == [("link", " [ edit ]"), ("link", "See also [ edit ]"), ("link", "References [ edit ]")]


def test_mixed_case_and_agency_credits_art_credits_audio_and_newsletter_widgets_and_mail_prompts():
    lines = (
        ("caption", "Ana Petrov/Staff A market in Brenn, on the Kessel's east bank, has signs in three languages."),
        ("caption", "Tomas Berg/The Christian Science Monitor Dana Orr stands outside her flooded shop in Brenn."),
        ("caption", "Lia Moss/Brenn Gazette/AP/File Volunteers fill sandbags by the levee in 2019."),
        ("caption", "The Kessel dam at the Conservative Party conference in 1989 (Reuters)"),
        ("caption", "Rescuers search the rubble in Brenn after the dam burst [File: Tomas Berg/Pool/Reuters]"),
        ("caption", "Villagers return to their homes near the river [Al Jazeera]"),
        ("caption", "cartoons by Ana Petrov"),
        ("widget", "WATCH LIVE:"),
        ("widget", "Floods Why The Kessel Dam Broke Why The Kessel Dam Broke Listen · 4:07 4:07"),
        (
            "widget",
            "Newsletter Sign Up Continue reading the main story Please verify you're not a robot by clicking the box.",
        ),
        ("note", "Got a TIP from the RIVER or the HILLS? Email FloodFirst@courier.example"),
        ("note", "Share your top three dams. Email them to floodfirst@courier.example or tweet @floodfirst"),
        ("prompt", "Join the Courier Video Lab Go behind the scenes. Chat with us. Become a member of the Lab today."),
        ("note", "Twitter: @anapetrov"),
        ("link", "Here are our top story picks on the floods:"),
        ("link", "Read more about how the council decided to rebuild the levee"),
        ("link", "Read more on the Kessel floods."),
        ("prompt", "Share Your Thoughts Should Brenn rebuild the levee? Join the conversation below."),
        ("prompt", "Post comments below, or join our discussion on Twitter."),
        ("prompt", "We are committed to truth and accuracy in all of our journalism. Read our editorial standards."),
        ("widget", "Newsletter Sign-up"),
        (
            "widget",
            "Should Brenn rebuild? Yes No Completing this poll entitles you to Courier news updates. 97% (786 Votes)",
        ),
        ("caption", "The Kessel flooded three villages. NAME explains why the levee failed. Photo: AP"),
    )
    kept = (
        '-- "Brenn Mayor Says Levee Will Hold." (Reuters)',
        "The engineers said they would write to the ministry at once.",
        "Ana Petrov, a farmer in Brenn, said the water rose overnight.",
        "Read more from the Brenn Courier, including a map of the flooded streets.",
    )
    assert_marked_alone(lines, kept)
    fix = "An earlier version of this article misspelled the name of the Orvin dam."
    assert kinds(f"{BODY}\nCorrections & Amplifications\n\n{fix}\n") == [
        ("note", "Corrections & Amplifications"),
        ("note", fix),
    ]


def test_a_newsletter_s_link_words_and_tv_promotions_glued_to_a_paragraph():
    text = (
        f"{BODY}\nThe council voted to rebuild the levee. Read more. – Watch Fox: NAME has the latest from Brenn.\n\n"
        "The Courier has the story of the first flood. More.\n\nEngineers will inspect the dams in May.\n"
    )
    assert kinds(text) == [("prompt", "Read more. – Watch Fox: NAME has the latest from Brenn."), ("link", "More.")]


def test_a_pull_quote_that_names_its_speaker_far_from_its_paragraph():
    said = "It was not a plan that came out of the blue. The council had weighed it from day one."
    filler = "".join(f"Engineers checked levee number {k} on Monday and found it sound.\n\n" for k in range(8))
    pull = "'It was not a plan that came out of the blue … weighed it from day one.' — Mayor Ana Ruiz, on the levee"
    text = f'{BODY}\nThe mayor defended the vote. "{said}" she said.\n\n{filler}{pull}\n\nThe vote passed 5-2.\n'
    assert kinds(text) == [("pullquote", pull)]
    epigraph = "'The river gives and the river takes away, in Brenn as everywhere.' — Old Kessel saying"
    assert kinds(f"{BODY}\n{epigraph}\n\nThe vote passed 5-2.\n") == []
