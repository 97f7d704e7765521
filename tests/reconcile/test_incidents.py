"""What a counted claim is about, read in its sentence (reconcile.incidents). Sentences written for these
tests; the same phenomena on real articles are in test_figure_phenomena.py and the figure gold."""

from __future__ import annotations

import re

import pytest

from newsledger.reconcile import incidents as I


def read(
    sentence: str, number: str, published: str = "2025-05-13", time: str | None = None, counted: str | None = None
) -> I.Reading:
    i = sentence.index(number)
    return I.read(sentence, (0, len(sentence)), (i, i + len(number)), time, published, counted)


@pytest.mark.parametrize(
    "sentence, number, time, role",
    [
        ("The 2004 tsunami killed 170,000 people across the region.", "170,000", "2004", I.BACKGROUND),
        ("Since the 1990s, studies have linked the drug to 30,000 deaths.", "30,000", "199", I.BACKGROUND),
        ("It was the deadliest attack since 2015, when 130 people died in the capital.", "130", None, I.BACKGROUND),
        ("Last year's floods killed 300 people in the same valley.", "300", None, I.BACKGROUND),
        ("About 2,000 people a day are crossing the border, the agency said.", "2,000", None, I.RATE),
        ("More than 100,000 Americans have died of COVID-19, officials said.", "100,000", None, I.TALLY),
        ("Officials said 20,000 troops would be needed to hold the city.", "20,000", None, I.HYPOTHETICAL),
        ("If the dam fails, up to 5,000 people could be displaced, engineers warned.", "5,000", None, I.HYPOTHETICAL),
        ("Troops are preparing to evacuate nearly 400 workers from the base.", "400", None, I.HYPOTHETICAL),
        ("Three of the dead were children, the hospital said.", "Three", None, I.PART),
        ("At least 14 people were killed, including nine villagers, police said.", "nine", None, I.PART),
        ("Four seriously and 20 slightly injured people were taken to hospital.", "Four", None, I.PART),
        (
            "He spoke at the cemetery, the resting place for 9,387 soldiers killed in the war.",
            "9,387",
            None,
            I.BACKGROUND,
        ),
        ("Medics said more than 40 people were critically wounded in the blast.", "40", None, I.PART),
        ("The storm displaced 2.5 million more people on Tuesday, the UN said.", "2.5 million", None, I.PART),
        ("The earthquake killed 23 people on Sunday, the ministry said.", "23", "2025-05-11", I.INCIDENT),
        ("BREAKING: 12 DEAD", "12", None, I.NOT_A_CLAIM),
        # a war's toll to date; a share
        ("The war has killed more than 400,000 people, monitors say.", "400,000", None, I.TALLY),
        ("The conflict in the east has displaced 1.5 million people.", "1.5 million", None, I.TALLY),
        ("At least 20 people have been killed in the attack, police said.", "20", None, I.INCIDENT),
        ("An air strike killed 12 fighters on Monday, a war monitor said.", "12", None, I.INCIDENT),
        ("Police said 9 of 10 suspects were never arrested.", "9", None, I.NOT_A_CLAIM),
        ("Nearly 3 out of every 100 people have been displaced, the agency said.", "3", None, I.NOT_A_CLAIM),
        ("One in five residents was displaced by the flood.", "One", None, I.NOT_A_CLAIM),
        ("Three of the 20 people killed were children, police said.", "Three", None, I.PART),
        ("Four of 23 people killed were children, police said.", "Four", None, I.PART),
    ],
)
def test_roles(sentence, number, time, role):
    assert read(sentence, number, time=time).role == role


def test_the_same_year_is_not_history():
    assert read("The attack in 2025 killed 40 people, police said.", "40", published="2025-06-01").role == I.INCIDENT


def test_a_second_incident_in_the_story_is_named():
    r = read("A second earthquake on Tuesday killed 37 people, police said.", "37")
    assert r.role == I.INCIDENT and r.incident == "another earthquake"
    assert read("The new quake killed 37 people, police said.", "37").incident == "another earthquake"
    assert read("The New York attack killed 8 people, police said.", "8").incident == ""  # a city, not "new"
    assert read("An aftershock killed 12 more people.", "12").role == I.PART  # "12 more": an increment
    assert read("An aftershock on Wednesday killed 12 people.", "12").incident == "aftershock"


@pytest.mark.parametrize(
    "sentence, number, incident",
    [
        (
            s := "The blast at a market in Orvin on Monday killed 14 people, and a second blast at a bus stop "
            "in Kessel on Tuesday killed 6 people.",
            "14",
            "",
        ),
        (s, "6", "another blast"),
        ("Rescuers found 9 bodies on Monday; a second earthquake struck on Tuesday.", "9", ""),
        ("Police said 5 people were hurt in a second explosion near the port.", "5", "another explosion"),
    ],
)
def test_a_second_incident_s_name_holds_only_in_its_own_clause(sentence, number, incident):
    assert read(sentence, number).incident == incident


@pytest.mark.parametrize(
    "sentence, number",
    [
        ("The nearby village of Orvin, population 3,544, is also badly affected, with 310 cases.", "3,544"),
        ("Floods hit Kessel, a town of 12,000 people, on Monday, officials said.", "12,000"),
        ("The storm struck the island, home to about 40,000 people, overnight.", "40,000"),
    ],
)
def test_a_place_s_population_is_no_count(sentence, number):
    assert read(sentence, number).role == I.NOT_A_CLAIM


def test_a_count_of_a_crowd_or_a_total_is_still_one():
    assert read("A total of 40 people were killed in the blast, police said.", "40").role == I.INCIDENT
    assert read("The floods affected 12,000 people in the town of Orvin.", "12,000").role == I.INCIDENT


@pytest.mark.parametrize(
    "sentence, number",
    [
        ("Police have detained 16 people since the attack; 5 remain in custody.", "5"),
        ("Of those arrested, 7 were still being held on Friday, police said.", "7"),
    ],
)
def test_those_still_held_are_a_part_of_those_arrested(sentence, number):
    r = read(sentence, number)
    assert r.role == I.PART and r.part is not None and ("custody" in r.part or "held" in r.part), r


def test_a_toll_in_another_place_names_the_place():
    r = read("The quake killed 8,000 people in Nepal and 16 in India, officials said.", "16")
    assert r.role == I.INCIDENT and r.place == "India"
    assert read("Renzi reported 35 dead in Le Marche.\n\nFabrizio Curcio spoke.", "35").place == "Le Marche"


def test_hedges_and_stance():
    r = read("The government acknowledged that at least 20 people died, a toll expected to rise.", "20")
    assert r.preliminary and r.stance == "acknowledged"
    assert read("The Red Cross estimated that 90 people were killed.", "90").stance == "estimated"
    assert read("Rebels claimed that 150 soldiers died.", "150").stance == "claimed"
    assert not read("The ministry confirmed 31 deaths.", "31").preliminary


def test_a_site_carries_to_the_next_sentence_of_its_paragraph():
    text = (
        "Two bombs struck Valmont.\n\nThe first blast tore through the hall at the Valmont airport after 8 a.m. "
        "Early reports put the dead at 13. In all, 31 people died.\n\nOfficials spoke."
    )
    early = text.index("Early")
    assert I.site_before(text, (early, text.index("13.") + 3)) == "at the Valmont airport"
    total = text.index("In all")
    assert I.site_before(text, (total, text.index("died.") + 5)) is None  # the whole, not a part
    officials = text.index("Officials")
    assert I.site_before(text, (officials, len(text))) is None  # a paragraph's first sentence names its own


def test_a_count_said_of_the_whole_is_at_no_one_site():
    text = "In all, 31 people were killed in bombings at the Valmont airport and a metro station, officials say."
    at = text.index("31")
    assert I.site_of(text, (0, len(text)), (at, at + 2)) is None
    text = "Ten people were killed at the Valmont airport, officials say."
    assert I.site_of(text, (0, len(text)), (0, 3)) == "at the Valmont airport"


def test_a_week_s_tally_across_a_region_is_no_incident():
    r = read("More than 60 people have been killed over the past week in protests across Iraq's south.", "60")
    assert r.role == I.TALLY
    assert read("A bomb killed 12 people in Valmont last week, police said.", "12").role == I.INCIDENT


@pytest.mark.parametrize(
    "sentence, number, role",
    [
        # "one" as a pronoun counts no one
        ("There is no humane way to kill a man, even one as cruel as the Orvin gunman.", "one", I.NOT_A_CLAIM),
        ("No one who voted for the plan was hurt.", "one", I.NOT_A_CLAIM),
        ("Only one person was killed in the blast, police said.", "one", I.INCIDENT),
        # a supposition, however it is worded
        ("Suppose that we were to send 40,000 troops into Veridia, the minister said.", "40,000", I.HYPOTHETICAL),
        ("Imagine that 3,000 people were displaced by the dam.", "3,000", I.HYPOTHETICAL),
        # one of several occasions: a series, not one incident
        ("The group has beheaded four hostages, most recently a Veridian aid worker.", "four", I.TALLY),
        # those released from hospital are some of the injured
        ("One person hurt in the blast was released from the hospital on Sunday.", "One", I.PART),
    ],
)
def test_what_counts_no_one_of_this_incident(sentence, number, role):
    assert read(sentence, number).role == role


def test_a_named_incident_of_history_is_background_without_its_year():
    s = "The raid on Pearl Harbor, in which 2,402 Americans were killed, still shapes the debate."
    assert read(s, "2,402", published="2013-05-01").role == I.BACKGROUND
    # a day named like a historic one is no history ("the Sept. 11 attack in Benghazi killed four")
    assert read("The Sept. 11 attack in Valmont killed four diplomats.", "four", published="2012-09-13").role == (
        I.INCIDENT
    )


def test_a_part_is_labelled_with_what_it_is_said_to_be():
    s = "Two of the four Americans who died in the attack were not diplomats but were, in fact, CIA contractors."
    r = read(s, "Two", counted="Americans")
    assert r.role == I.PART and r.part == "CIA contractors"
    assert read("Three of the dead were children, the hospital said.", "Three").part == "children"
    assert (
        read("Two of the injured were being treated in Valmont.", "Two", counted="injured").part == "of the injured"
    )  # not the group again


@pytest.mark.parametrize(
    "sentence, number, role",
    [
        ("As many as 900 people have been killed in the last week in fighting across the country.", "900", I.TALLY),
        ("The agency said it had detained 1,995 adults from May 5 to June 9.", "1,995", I.TALLY),
        ("The president visited cities hit by mass shootings that left 31 dead.", "31", I.TALLY),
        ("He blamed video games for the slaughter that left at least 31 dead in less than 24 hours.", "31", I.TALLY),
        ("The two shootings in Orvin and Kessel left 31 dead over the weekend.", "31", I.TALLY),
        ("About 40,000 soldiers died in Lorvia, Kessel and Brenn.", "40,000", I.TALLY),
        ("By Sunday some 1,500 migrants had already died in 2025 trying to cross the sea.", "1,500", I.TALLY),
        ("At least two Lorvians have been killed so far fighting for the militia, officials said.", "two", I.TALLY),
        ("Some 30 Lorvians are being held hostage overseas today.", "30", I.TALLY),
        ("A fire killed 12 people in Valmont in 2025, officials said.", "12", I.INCIDENT),
        ("He executed two prisoners during the Second Kessel War, historians say.", "two", I.BACKGROUND),
        ("A bomb killed 12 people in Valmont last week, police said.", "12", I.INCIDENT),
        ("Police arrested 40 people in May after the riot in Valmont.", "40", I.INCIDENT),
        (
            "Nearly four years of fighting have left more than 90,000 people dead.",
            "90,000",
            I.TALLY,
        ),  # the month, no modal
    ],
)
def test_periods_and_several_incidents_are_no_incident(sentence, number, role):
    assert read(sentence, number).role == role


def test_a_run_of_three_pasted_headlines_is_no_sentence():
    s = "At least 9 dead in standoff at Orvin hotel  Killed in Orvin: 3 students, 2 guests  Police: mastermind held"
    assert read(s, "9").role == I.NOT_A_CLAIM


def test_people_who_are_held_are_no_arrest():
    s = "We spoke to more than 30 detainees who described crowded detention centers."
    i = s.index("30")
    r = I.read(s, (0, len(s)), (i, i + 2), None, "2025-05-13", "detainees", "arrested")
    assert r.role == I.NOT_A_CLAIM
    s = "Police detained 30 protesters on Monday."
    i = s.index("30")
    assert I.read(s, (0, len(s)), (i, i + 2), None, "2025-05-13", "protesters", "arrested").role == I.INCIDENT


def test_a_headline_that_names_a_later_incident_holds_for_its_article_s_counts():
    title = "Another Powerful Earthquake Strikes Veridia"
    s = "Officials said at least 37 people died on Tuesday."
    assert I.headline_incident(title, s, s.index("37")) == "another earthquake"
    back = "It struck two weeks after a massive quake killed more than 8,000 people."
    assert I.headline_incident(title, back, back.index("8,000")) == ""  # the earlier quake's toll
    assert I.headline_incident("Earthquake strikes Veridia", s, s.index("37")) == ""
    assert I.headline_incident("New Orleans attack: 14 dead", s, s.index("37")) == ""


def test_a_definition_s_threshold_and_a_list_of_towns():
    s = "The archive defines a mass shooting as an attack in which at least four people are killed or wounded."
    assert read(s, "four").role == I.NOT_A_CLAIM
    s = "The agency reported at least 35 dead in Orvin, 11 in Kessel, and 17 in the province of Brenn."
    r = read(s, "35")
    assert r.role == I.PART and r.part == "in Orvin"


def test_stations_are_no_deployment():
    s = "At one time we had five gas stations and a barbershop."
    i = s.index("five")
    assert I.read(s, (0, len(s)), (i, i + 4), None, "2025-05-13", "gas stations", "deployed").role == I.NOT_A_CLAIM
    s = "The army has stationed 400 soldiers in the valley."
    i = s.index("400")
    assert I.read(s, (0, len(s)), (i, i + 3), None, "2025-05-13", "soldiers", "deployed").role == I.INCIDENT


AGES = "Police said a boy and two girls, aged three, five and eight, had died."


@pytest.mark.parametrize(
    "sentence, number, counted, measure, role",
    [
        (
            "About 9.7 million soldiers died, historians reckon, in the First World War.",
            "9.7 million",
            "soldiers",
            "killed",
            I.BACKGROUND,
        ),
        ("Everyone aboard the two 737 crashes, 346 people, died.", "346", "people", "killed", I.TALLY),
        (
            "More than 500 people have been killed since the army's offensive into the north began.",
            "500",
            "people",
            "killed",
            I.TALLY,
        ),
        (
            "The entire Guard, 23,000 soldiers, was told to be ready to deploy if needed.",
            "23,000",
            "soldiers",
            "deployed",
            I.HYPOTHETICAL,
        ),
        (
            "There were 92,000 homeless New Yorkers before the pandemic.",
            "92,000",
            "homeless New Yorkers",
            "displaced",
            I.NOT_A_CLAIM,
        ),
        ("The floods left 5,000 people homeless in Kessel.", "5,000", "people", "displaced", I.INCIDENT),
        # the group a part is taken from, when the measure is said of the part only
        (
            "Two of the 12 hostages first held by the gunman died, police said.",
            "12",
            "hostages",
            "killed",
            I.NOT_A_CLAIM,
        ),
        ("Two of the 12 hostages first held by the gunman died, police said.", "Two", "hostages", "killed", I.PART),
        (
            "There were also 11 patients -- nine of whom died -- in the review.",
            "11",
            "patients",
            "killed",
            I.NOT_A_CLAIM,
        ),
        ("None of the 300 passengers aboard the ferry was hurt.", "300", "passengers", "injured", I.NOT_A_CLAIM),
        # ... but not where the whole's own words carry the measure
        ("Three of the 12 people killed in the blast were children.", "12", "people", "killed", I.INCIDENT),
        ("Two of the 17 dead were children, the hospital said.", "17", "dead", "killed", I.INCIDENT),
        # ... or where the measure is said after the "of them" aside, of the whole
        (
            "A farmer and three of his sons, two of them teenagers, died when the bridge fell.",
            "three",
            "sons",
            "killed",
            I.INCIDENT,
        ),
        (
            "The blasts killed three and injured more than 180, many of them gravely.",
            "180",
            None,
            "injured",
            I.INCIDENT,
        ),
        # a plan, past an abbreviation's dot
        (
            "The council said Monday it will ask parliament to approve a plan to expand the U.N. mission in "
            "Kessel and send up to 400 more soldiers there.",
            "400",
            "soldiers",
            "deployed",
            I.HYPOTHETICAL,
        ),
        # a value the sentence denies
        ("A source said six were injured - not 25 - in the attack.", "25", None, "injured", I.NOT_A_CLAIM),
        ("A source said six were injured - not 25 - in the attack.", "six", None, "injured", I.INCIDENT),
        # a list of ages
        (
            AGES,
            "eight",
            "children",
            "killed",
            I.NOT_A_CLAIM,
        ),
        (
            AGES,
            "five",
            "children",
            "killed",
            I.NOT_A_CLAIM,
        ),
        (
            AGES,
            "two",
            "girls",
            "killed",
            I.INCIDENT,
        ),
        # machines, not people
        (
            "Each country will send three ships to join the search, the navy said.",
            "three",
            "ships",
            "deployed",
            I.NOT_A_CLAIM,
        ),
        ("Another 40 flights were affected on Sunday.", "40", "flights", "affected", I.NOT_A_CLAIM),
        (
            "The Veridian agency has deployed four landers and two rovers on Mars.",
            "four",
            "landers",
            "deployed",
            I.NOT_A_CLAIM,
        ),
        ("Valmont sent 300 soldiers to the border on Monday.", "300", "soldiers", "deployed", I.INCIDENT),
        # those still in hospital, a part of the injured
        (
            "Officials said the 49 victims still at Orvin-area hospitals would survive their injuries.",
            "49",
            "victims",
            "injured",
            I.PART,
        ),
        # the kin of the dead, and "the only one" as a pronoun
        (
            "We heard from three parents whose children were killed by the gang.",
            "three",
            "parents",
            "killed",
            I.NOT_A_CLAIM,
        ),
        ("Two women who lost their sons in the flood spoke on Monday.", "Two", "women", "killed", I.NOT_A_CLAIM),
        (
            "Dana Orr is the only one wounded in the Kessel shooting to sit in the council.",
            "one",
            None,
            "injured",
            I.NOT_A_CLAIM,
        ),
        ("Only one person was killed in the Kessel shooting on Monday.", "one", "person", "killed", I.INCIDENT),
        ("Four soldiers whose unit was ambushed on Monday were killed.", "Four", "soldiers", "killed", I.INCIDENT),
        # a standing force its commander leads
        (
            "General Orr, who commands the 9,000 troops in Veridia, was questioned.",
            "9,000",
            "troops",
            "deployed",
            I.NOT_A_CLAIM,
        ),
        # captured by a camera
        ("Two men at the fence were captured by an AP video on Friday.", "Two", "men", "captured", I.NOT_A_CLAIM),
        # the dead before more died, the count's own sentence adding them
        (
            "A spokesman said eight people died at the scene and another person died at a hospital.",
            "eight",
            "people",
            "killed",
            I.PART,
        ),
        (
            "In Kessel, eight people were killed in the blast, while a ninth died later that night.",
            "eight",
            "people",
            "killed",
            I.PART,
        ),
        (
            "The blast killed eight people, and another bomb went off, but no one died.",
            "eight",
            "people",
            "killed",
            I.INCIDENT,
        ),
        ("The blast killed eight people and another man was hurt.", "eight", "people", "killed", I.INCIDENT),
        # one picked out of a count the sentence gives
        ("Police believe he was one of three gunmen who died outside the stadium.", "one", "gunmen", "killed", I.PART),
        # a count joined to one more: the toll is one more than it
        ("The ambush in Orvin left two police officers and another victim dead.", "two", "officers", "killed", I.PART),
        ("The blast killed two soldiers and another attack wounded five.", "two", "soldiers", "killed", I.INCIDENT),
        ("The blast killed two soldiers and another man was hurt.", "two", "soldiers", "killed", I.INCIDENT),
        # those held in camps: a population held, not an incident's arrests
        (
            "The UN says more than 9,000 people have been detained in camps in Kessel.",
            "9,000",
            "people",
            "arrested",
            I.TALLY,
        ),
        (
            "Police said 12 protesters were detained in the square on Monday.",
            "12",
            "protesters",
            "arrested",
            I.INCIDENT,
        ),
        # a past century, separate encounters, weeks of unrest: no one incident
        (
            "Communism was blamed for 94 million deaths in Asia and Europe in the 20th century.",
            "94 million",
            "deaths",
            "killed",
            I.BACKGROUND,
        ),
        (
            "The watchdog is investigating two deaths in separate encounters with police in Orvin.",
            "two",
            "deaths",
            "killed",
            I.TALLY,
        ),
        (
            "The watchdog is investigating two deaths in an encounter with police in Orvin on Monday.",
            "two",
            "deaths",
            "killed",
            I.INCIDENT,
        ),
        (
            "At least 450 people have been killed as police have sought to quell the protests in Kessel.",
            "450",
            "people",
            "killed",
            I.TALLY,
        ),
        (
            "At least 30 people have been killed since the protests began in October, activists said.",
            "30",
            "people",
            "killed",
            I.TALLY,
        ),
        (
            "At least 12 people have been killed in the protests in Orvin on Monday, police said.",
            "12",
            "people",
            "killed",
            I.INCIDENT,
        ),
    ],
)
def test_counts_that_are_no_toll_of_this_incident(sentence, number, counted, measure, role):
    i = sentence.index(number)
    r = I.read(sentence, (0, len(sentence)), (i, i + len(number)), None, "2018-11-11", counted, measure)
    assert r.role == role, r


@pytest.mark.parametrize(
    "sentence, number, measure, role",
    [
        # "captured" in another sense, and captives released: no capture count
        ("The crash was captured live on air by 3 television crews, the station said.", "3", "captured", I.NOT_A_CLAIM),
        ("The envoy secured the release of 20 hostages held by the militia.", "20", "captured", I.NOT_A_CLAIM),
        ("The envoy flew home with three freed prisoners held captive for a year.", "three", "captured", I.NOT_A_CLAIM),
        ("Officials said 12 hostages were freed on Monday.", "12", "captured", I.NOT_A_CLAIM),
        ("Rebels captured 20 soldiers near the border on Monday, the army said.", "20", "captured", I.INCIDENT),
        # an attempt or plot to kill, not a killing
        ("Prosecutors say he tried to force a guard to murder three officers.", "three", "killed", I.HYPOTHETICAL),
        ("Gunmen who tried to kidnap a trader killed 3 guards on Monday.", "3", "killed", I.INCIDENT),
        # plans, a weekend's shootings, the graves of prisoners of war
        ("A leaked proposal would send 120,000 troops to the region.", "120,000", "deployed", I.HYPOTHETICAL),
        ("The ministry presented a plan to send 3,000 troops to Kessel.", "3,000", "deployed", I.HYPOTHETICAL),
        ("The army sent 3,000 troops to the border on Monday.", "3,000", "deployed", I.INCIDENT),
        ("At least 66 people were wounded in weekend shootings in Kessel, police said.", "66", "injured", I.TALLY),
        ("The gunman killed 20 people at the concert over the weekend, police said.", "20", "killed", I.INCIDENT),
        ("The graves of two German prisoners of war stand in the cemetery.", "two", "captured", I.NOT_A_CLAIM),
        ("Rebels captured 200 soldiers on Monday.", "200", "captured", I.INCIDENT),
        # a parent's children, the sick, acts not done, spans of time
        ("Among the dead was a mother of five who worked at the plant.", "five", "killed", I.NOT_A_CLAIM),
        ("Parents of children under five were arrested at the border on Monday.", "five", "arrested", I.NOT_A_CLAIM),
        ("He said 19 parents of children under the age of five had left.", "five", "arrested", I.NOT_A_CLAIM),
        ("A child under the age of two was among the injured, police said.", "two", "injured", I.NOT_A_CLAIM),
        ("A boy under 10 was injured in the blast on Monday.", "10", "injured", I.NOT_A_CLAIM),
        ("The senator captured 40 delegates in the primary on Tuesday.", "40", "captured", I.NOT_A_CLAIM),
        ("In two nights of unrest in Kessel, dozens were arrested.", "two", "arrested", I.NOT_A_CLAIM),
        ("He cited the logistics of planning an evacuation of 2.3 million.", "2.3", "evacuated", I.HYPOTHETICAL),
        ("Twenty people killed days after the vote were buried on Monday.", "Twenty", "killed", I.INCIDENT),
        ("At least two nurses infected by the patient are in hospital.", "two", "injured", I.NOT_A_CLAIM),
        ("Eight troops were diagnosed with brain injuries after the strike on Monday.", "Eight", "injured", I.INCIDENT),
        ("The mayor said he did not order the 2.3 million evacuated.", "2.3", "evacuated", I.NOT_A_CLAIM),
        ("Police did not say why, but 20 people were arrested on Monday.", "20", "arrested", I.INCIDENT),
    ],
)
def test_senses_plans_and_what_counts_nothing(sentence, number, measure, role):
    i = sentence.index(number)
    got = I.read(sentence, (0, len(sentence)), (i, i + len(number)), None, "2025-05-13", None, measure)
    assert got.role == role, got


@pytest.mark.parametrize(
    "sentence, number, published, role",
    [
        # an undated article still names history: the world wars are no incident of its own
        ("Some 9 million soldiers died in World War One, historians say.", "9 million", None, I.BACKGROUND),
        ("The dam burst, killing 23 people in the valley, officials said.", "23", None, I.INCIDENT),
        # a period from an earlier year
        ("Floods killed 300 people in the valley from 2009 to 2011.", "300", "2025-05-13", I.BACKGROUND),
        # the ages of the dead are no count of them
        (
            "The ages of those killed in the attack range from 46 to 73, police said.",
            "from 46 to 73",
            "2025-05-13",
            I.NOT_A_CLAIM,
        ),
        ("The ages of the dead ranged between 19 and 60.", "19", "2025-05-13", I.NOT_A_CLAIM),
        # two flights lost are two incidents' sum
        ("All 300 people aboard both flights were killed.", "300", "2025-05-13", I.TALLY),
        # a week's wave across a country, not one day's protest in one city
        ("Protests erupted across Lorvia this week, leaving at least 31 people dead.", "31", "2025-05-13", I.TALLY),
        ("Protests erupted in Kessel on Monday, leaving at least 31 people dead.", "31", "2025-05-13", I.INCIDENT),
        ("All 150 people aboard the flight were killed.", "150", "2025-05-13", I.INCIDENT),
    ],
)
def test_undated_history_ages_and_two_flights(sentence, number, published, role):
    i = sentence.index(number)
    got = I.read(sentence, (0, len(sentence)), (i, i + len(number)), None, published, "people", "killed")
    assert got.role == role, got


def test_a_condition_is_of_the_number_it_follows_not_the_next():
    s = "More than 20 officers were injured, and one remained hospitalized on Tuesday."
    first = I.read(s, (0, len(s)), (s.index("20"), s.index("20") + 2), None, "2025-05-13", "officers", "injured")
    one = s.index("one")
    second = I.read(s, (0, len(s)), (one, one + 3), None, "2025-05-13", "officers", "injured")
    assert first.role == I.INCIDENT and first.part is None
    assert second.role == I.PART and second.part == "hospitalized"


def test_a_component_is_labelled_by_its_noun_not_its_verb():
    s = "Police said nine were wounded by gunfire and seven were hurt by flying glass."
    mates = [(s.index("nine"), s.index("nine") + 4, "injured")]
    i = s.index("seven")
    got = I.read(s, (0, len(s)), (i, i + 5), None, "2025-05-13", None, "injured", mates)
    assert got.role == I.PART and got.part == "a part"


def test_a_denied_value_is_no_count_beside_the_stated_one():
    s = "A source said that seven were injured - not 30 - and that at least three are still at Camp Orr."
    spans = [(s.index(n), s.index(n) + len(n), "injured") for n in ("seven", "30", "at least three")]
    i = s.index("seven")
    got = I.read(s, (0, len(s)), (i, i + 5), None, "2025-05-13", None, "injured", spans)
    assert got.role == I.INCIDENT and got.part is None, got


def test_a_part_of_whom_is_labelled_as_a_part_not_of_whom():
    s = "There were also 17 patients -- 14 of whom died -- in the review."
    i = s.index("14")
    got = I.read(s, (0, len(s)), (i, i + 2), None, "2025-05-13", "patients", "killed")
    assert got.role == I.PART and got.part == "a part", got


def test_part_labels_name_the_whole_s_group_not_its_number_or_the_part_s_own_group():
    s = "Two of the 17 hostages first held by the gunman died, police said."
    assert I.read(s, (0, len(s)), (0, 3), None, "2025-05-13", "hostages", "killed").part == "of the hostages"
    s = "The ministry said 16 protesters and 13 policemen were wounded in the clashes."
    a, b = s.index("16"), s.index("13")
    got = I.read(s, (0, len(s)), (a, a + 2), None, "2025-05-13", "protesters", "injured", [(b, b + 2, "injured")])
    assert got.role == I.PART and got.part == "a part", got


@pytest.mark.parametrize(
    "paragraph, number, role",
    [
        # the year two sentences up still dates the count, where no sentence between names a day of its own
        (
            "On July 28, 1932, the governor sent troops to clear the camp. The troops used tear gas. "
            "Two men were reported dead.",
            "Two",
            I.BACKGROUND,
        ),
        (
            "In 2006, the river flooded the valley. Rescuers worked for weeks. About 40 people died in the valley.",
            "40",
            I.BACKGROUND,
        ),
        # a day of the report between sets the time back to now
        (
            "In 2006, the river flooded the valley. On Tuesday it rose again. About 40 people died in the valley.",
            "40",
            I.INCIDENT,
        ),
        # a year of comparison is no time: the worst since 2015 is this year's
        (
            "The flood was the worst since 2015. Rescuers worked through the night. About 40 people died in the valley.",
            "40",
            I.INCIDENT,
        ),
        # "last year" is an earlier year too
        (
            "The rifle was used in last year's shooting at a Brenn school. It was also used at a Kessel cinema "
            "in an attack that killed 12 people.",
            "12",
            I.BACKGROUND,
        ),
        # another paragraph's year says nothing of this one
        (
            "In 2006, the river flooded the valley.\n\nRescuers worked for weeks. About 40 people died in the valley.",
            "40",
            I.INCIDENT,
        ),
    ],
)
def test_an_earlier_year_set_up_to_two_sentences_before_in_the_paragraph(paragraph, number, role):
    s0 = paragraph.rindex(". ", 0, paragraph.index(number)) + 2
    c0 = paragraph.index(number)
    got = I.read(paragraph, (s0, len(paragraph)), (c0, c0 + len(number)), None, "2020-06-02", "people", "killed")
    assert got.role == role, got


def test_the_fallen_of_a_nation_s_wars_are_a_tally():
    got = read("The families of 17 soldiers who died fighting for Veridia demanded an apology on Monday.", "17")
    assert got.role == I.TALLY, got


@pytest.mark.parametrize(
    "title, sentence, number, event",
    [
        # another kind of event than the headline's, whose toll the number is
        (
            "Crowd ends siege of the Veridian embassy",
            "The crowd said it was protesting the airstrikes that hit a militia camp on Sunday, killing 25 fighters.",
            "25",
            "airstrike",
        ),
        ("Protests spread across Veridia", "The earthquake struck at dawn, killing 12 people.", "12", "earthquake"),
        # the same kind names the same incident; a headline with no event says nothing
        ("Suicide bombing in Kessel", "The blast tore through the market, killing 20 people.", "20", ""),
        ("Kessel mourns", "The blast tore through the market, killing 20 people.", "20", ""),
        # the verb "storm" is no storm, a gunman's fire no fire
        ("Protesters storm the embassy", "The earthquake struck at dawn, killing 12 people.", "12", ""),
        (
            "Panic as Kessel gunman opened fire",
            "A gunman fired from the hotel, in an attack which killed 50 people.",
            "50",
            "",
        ),
        ("Police fire tear gas at marchers", "The clashes spread, killing 3 people.", "3", ""),
        # the event must cause the number in its own clause
        ("Protests spread across Veridia", "After the earthquake, police and troops arrested 12 people.", "12", ""),
    ],
)
def test_a_toll_caused_by_another_kind_of_event_than_the_headline_s(title, sentence, number, event):
    assert I.caused_by_other(title, sentence, sentence.index(number)) == event


@pytest.mark.parametrize(
    "sentence, role",
    [
        ("The video was sent to the wife of one of the hostages, the agency said.", I.NOT_A_CLAIM),
        ("Lawyers for the family of one of the hostages spoke on Monday.", I.NOT_A_CLAIM),
        ("The gunmen killed one of the hostages on Monday, the agency said.", I.INCIDENT),
    ],
)
def test_one_of_a_group_named_through_their_kin_is_no_count(sentence, role):
    i = sentence.index("one of")
    got = I.read(sentence, (0, len(sentence)), (i, i + 3), None, "2025-05-13", "hostages", "killed")
    assert got.role != I.NOT_A_CLAIM if role == I.INCIDENT else got.role == role, got


@pytest.mark.parametrize(
    "sentence, role",
    [
        ("Eight Veridian troops diagnosed with brain injuries arrived home on Friday, officials said.", I.NOT_A_CLAIM),
        ("Twelve wounded soldiers were flown to Kessel for treatment on Friday.", I.NOT_A_CLAIM),
        ("Eight U.S. troops diagnosed with brain injuries arrived in the U.S. on Friday.", I.NOT_A_CLAIM),
        ("Eight hundred Veridian troops arrived in Kessel on Friday, officials said.", I.INCIDENT),
    ],
)
def test_the_wounded_moved_for_care_are_no_deployment(sentence, role):
    n = sentence.split()[0]
    got = I.read(sentence, (0, len(sentence)), (0, len(n)), None, "2025-05-13", "troops", "deployed")
    assert got.role == role, got


@pytest.mark.parametrize(
    "time, published, role",
    [
        ("2025-04", "2025-05-20", I.BACKGROUND),  # "in April", over two weeks after April ended
        ("2025-04", "2025-05-05", I.INCIDENT),  # the days just after it: still the news
        ("2025-05", "2025-05-20", I.INCIDENT),
    ],
)
def test_a_month_before_the_report_dates_a_past_count(time, published, role):
    sentence = "Veridia sent 1,000 troops to the border in April, officials said."
    i = sentence.index("1,000")
    got = I.read(sentence, (0, len(sentence)), (i, i + 5), time, published, "troops", "deployed")
    assert got.role == role, got


def test_detainees_released_are_no_count_of_arrests():
    sentence = "Veridia released three men detained in Kessel, officials said on Monday."
    i = sentence.index("three")
    got = I.read(sentence, (0, len(sentence)), (i, i + 5), None, "2025-05-13", "men", "arrested")
    assert got.role == I.NOT_A_CLAIM, got


def test_a_gunman_s_fire_is_no_other_kind_of_event():
    sentence = "A gunman opened fire in the club early on Sunday, killing 50 people."
    assert I.caused_by_other("Kessel nightclub shooting", sentence, sentence.index("50")) == ""


@pytest.mark.parametrize(
    "sentence, number, role",
    [
        ("Mayor Ana Ruiz and three other officials were killed in the blast on Monday.", "three", I.PART),
        ("Mayor Ana Ruiz and three of her aides were killed in the blast on Monday.", "three", I.PART),
        ("Mayor Ana Ruiz and the three other officials killed had no guards, he said.", "three", I.PART),
        ("The blast killed five people and wounded 10 others on Monday.", "10", I.INCIDENT),
    ],
)
def test_others_besides_someone_named_are_a_part(sentence, number, role):
    i = sentence.index(number)
    got = I.read(sentence, (0, len(sentence)), (i, i + len(number)), None, "2025-05-13", "officials", "killed")
    assert got.role == role, got


def test_a_run_of_counts_shares_the_year_said_after_its_last():
    sentence = "Data released on Friday counted 11 fatalities and more than 10,000 injuries from fireworks in 2014."
    i, j = sentence.index("11"), sentence.index("10,000")
    mates = [(i, i + 2, "killed"), (j, j + 6, "injured")]
    got = I.read(sentence, (0, len(sentence)), (i, i + 2), None, "2015-06-29", "fatalities", "killed", mates)
    assert got.role == I.BACKGROUND, got


@pytest.mark.parametrize(
    "sentence, number, role, part",
    [
        ("Rescuers said six bodies have been recovered from the sea so far.", "six", I.PART, "bodies recovered"),
        ("Divers pulled out 12 bodies from the wreck on Monday.", "12", I.PART, "bodies recovered"),
        (
            "The mayor said crews had recovered the bodies of at least 12 people in the city.",
            "12",
            I.PART,
            "bodies recovered",
        ),
        ("The blast in Kessel killed 12 people on Monday, police said.", "12", I.INCIDENT, None),
    ],
)
def test_bodies_counted_by_their_recovery_are_a_part(sentence, number, role, part):
    i = sentence.index(number)
    got = I.read(sentence, (0, len(sentence)), (i, i + len(number)), None, "2025-05-13", "bodies", "killed")
    assert (got.role, got.part) == (role, part), got


@pytest.mark.parametrize(
    "sentence, number, measure, role",
    [
        # one who died on the way to hospital or later in it
        ("One victim died on the way to the hospital, the chief said.", "One", "killed", I.PART),
        ("A ninth victim later died at a local hospital.", "ninth", "killed", I.PART),
        ("Three people died in hospital on Monday after the blast, police said.", "Three", "killed", I.INCIDENT),
        # one hospital's patients, the hospital the subject
        ("The small clinic has treated more than 400 people injured in the clashes.", "400", "injured", I.PART),
        ("Kessel General Hospital said it had received 35 wounded by Monday night.", "35", "injured", I.INCIDENT),
        ("Hospitals have treated more than 400 people injured in the clashes.", "400", "injured", I.INCIDENT),
        ("The Orvin hospital received 35 of the wounded, a doctor said.", "35", "injured", I.PART),
        # the dead among those a hospital took in
        ("One died, while most of those brought to the hospital had been shot.", "One", "killed", I.PART),
        ("One died, police said, and most of the wounded were shot.", "One", "killed", I.INCIDENT),
    ],
)
def test_a_hospital_s_share_of_the_dead_or_injured_is_a_part(sentence, number, measure, role):
    i = sentence.index(number)
    got = I.read(sentence, (0, len(sentence)), (i, i + len(number)), None, "2025-05-13", "people", measure)
    assert got.role == role, got


@pytest.mark.parametrize(
    "sentence, role",
    [
        ("Nearly 150 people died over the eight days of fighting, officials said.", I.TALLY),
        ("The eight-day conflict killed nearly 150 people, officials said.", I.TALLY),
        ("The truce followed eight days of violence on the border and nearly 150 deaths.", I.TALLY),
        ("The air strike on Monday killed nearly 150 people, officials said.", I.INCIDENT),
        # many attacks' sum
        ("Rebels killed nearly 150 people in 30 attacks in 15 provinces over the past day, officials said.", I.TALLY),
        ("Rebels killed nearly 150 people in two coordinated attacks on Monday, officials said.", I.INCIDENT),
    ],
)
def test_days_of_fighting_are_a_tally(sentence, role):
    i = sentence.index("150")
    got = I.read(sentence, (0, len(sentence)), (i, i + 3), None, "2025-05-13", "people", "killed")
    assert got.role == role, got


def test_the_first_items_of_a_list_of_counts_are_parts_too():
    sentence = (
        "A spokesperson said that nine St. Louis officers, one trooper, and one county officer were hurt on Friday."
    )
    spans = [(sentence.index(w), sentence.index(w) + len(w.split()[0])) for w in ("nine", "one trooper", "one county")]
    mates = [(a, b, "injured") for a, b in spans]
    got = [I.read(sentence, (0, len(sentence)), span, None, "2025-05-13", None, "injured", mates) for span in spans]
    assert [(g.role, g.part) for g in got] == [
        (I.PART, "st louis officers"),
        (I.PART, "trooper"),
        (I.PART, "county officer"),
    ], got


@pytest.mark.parametrize(
    "sentence, first, measure, role",
    [
        # "another" sets the killed apart from the injured, however long the first count's words
        (
            "He said three district police chiefs on duty at the square were injured and another three were killed.",
            "three",
            "injured",
            I.INCIDENT,
        ),
        (
            "Police said 12 people were killed on Monday and another three were killed on Tuesday.",
            "12",
            "killed",
            I.PART,
        ),
    ],
)
def test_another_after_a_count_of_another_measure_is_no_increment(sentence, first, measure, role):
    a, i = sentence.index(first), sentence.rindex("three")
    mates = [(a, a + len(first), measure), (i, i + 5, "killed")]
    got = I.read(sentence, (0, len(sentence)), (i, i + 5), None, "2025-05-13", "people", "killed", mates)
    assert got.role == role, got


@pytest.mark.parametrize(
    "text, happened",
    [
        ("A gunman opened fire at a bus stop in Varnholm, killing four.", True),
        ("At least 12 people died when the ferry capsized off Tessaly.", True),
        ("Police arrested 30 protesters outside the ministry.", True),
        ("The blast tore through the market.", True),
        ("Six children were found dead in a home in Orvin on Friday.", True),
        ("Two hundred troops were deployed to the border town.", True),
        ("At least 12 people were killed at the barrage overnight.", True),
        # a standing number, a cause's tally, a toll: only a count's noun or a state
        ("Some 140 inmates are still held at the island prison.", False),
        ("The new virus has now caused at least 17 deaths, officials said.", False),
        ("Fireworks accounted for eleven deaths last year, the agency's data show.", False),
        ("The war's toll stands at about 900 militants, the monitor says.", False),
        # "held" is a state, "campaign" a period
        ("Four Americans are held in Veridia, and 130 candidates are on the ballot in the campaign.", False),
    ],
)
def test_a_happening_is_an_event_or_an_act_not_a_count_s_noun(text, happened):
    assert I.happening(text) is happened


@pytest.mark.parametrize(
    "sentence, number",
    [
        ("At least six Germans were among the wounded, the agency reported.", "six"),
        ("Only one civilian was among the wounded.", "one"),
        ("Three Americans were among the 28 people killed in the attack on the hotel.", "Three"),
        ("Two officers were also among those killed.", "Two"),
    ],
)
def test_a_group_among_the_dead_is_a_part(sentence, number):
    assert read(sentence, number).role == I.PART


def test_among_the_first_is_no_part():
    assert read("Four firefighters were among the first to arrive; 12 people were killed.", "12").role == I.INCIDENT


@pytest.mark.parametrize(
    "sentence, role",
    [
        ("Under President Orlan Vey, drone strikes have killed 150 people, officials said.", I.TALLY),
        ("During his presidency, 150 soldiers were killed in the region.", I.TALLY),
        ("Under pressure from the army, police said 150 people were killed on Sunday.", I.INCIDENT),
        ("The attack during the Vey administration visit killed 150 people on Sunday.", I.INCIDENT),
    ],
)
def test_a_leader_s_years_are_a_tally(sentence, role):
    i = sentence.index("150")
    got = I.read(sentence, (0, len(sentence)), (i, i + 3), None, "2025-05-13", "people", "killed")
    assert got.role == role, got


@pytest.mark.parametrize(
    "sentence, number, measure, mates, role",
    [
        ("Of the other three people in custody, one was a woman, officials said.", "three", "arrested", (), I.PART),
        ("Police hold the driver; the other two were arrested on Monday.", "two were", "arrested", (), I.PART),
        # others than the dead, not more of the injured
        (
            "Two people died and the other three were injured, police said.",
            "three",
            "injured",
            ("Two", "killed"),
            I.INCIDENT,
        ),
    ],
)
def test_the_other_few_are_a_part(sentence, number, measure, mates, role):
    i = sentence.index(number)
    others = [(sentence.index(mates[0]), sentence.index(mates[0]) + len(mates[0]), mates[1])] if mates else []
    got = I.read(sentence, (0, len(sentence)), (i, i + len(number.split()[0])), None, None, "people", measure, others)
    assert got.role == role, got


@pytest.mark.parametrize(
    "text, number, measure, part",
    [
        # more of the measure told just before: a part, not the toll
        (
            "Officials in Orvin say four people died. Four other people were killed in Kessel.",
            "Four other",
            "killed",
            "more",
        ),
        ("A gunman killed a police officer and two other people on Monday.", "two", "killed", "more"),
        # others than the dead: the wounded's own count
        (
            "The gunman opened fire, killing 10 people. Ten other people were wounded, the governor said.",
            "Ten",
            "injured",
            None,
        ),
        # others than the shooter, himself a student
        (
            "Two students were wounded. A seventh-grader shot a teacher and wounded two other students.",
            "two other",
            "injured",
            None,
        ),
    ],
)
def test_others_of_the_measure_told_before_are_more_of_it(text, number, measure, part):
    i = text.index(number)
    sentence = (text.rfind(".", 0, i) + 1, len(text))
    counted = re.match(r"\w+\s+other\s+(\w+)", text[i:]).group(1)  # type: ignore[union-attr]
    got = I.read(text, sentence, (i, i + len(number.split()[0])), None, None, counted, measure)
    assert got.part == part, got


def test_a_virus_and_its_confirmed_infections_are_an_epidemic():
    assert I.epidemic("The second virus wave: how bad will it be as restrictions ease?")
    assert I.epidemic("Lorvia has recorded over 7,000 deaths and 120,000 confirmed infections.")
    assert not I.epidemic("The gunman killed 12 people at the Orvin theater on Friday.")


def test_another_count_in_another_place_is_that_place_s_not_an_increment():
    sentence = "The paper reported that 160 were arrested in the Orvin area, with another 40 or so arrested in the Kessel area."
    a, i = sentence.index("160"), sentence.index("40 or so")
    mates = [(a, a + 3, "arrested"), (i, i + 8, "arrested")]
    got = I.read(sentence, (0, len(sentence)), (i, i + 8), None, "2025-05-13", "people", "arrested", mates)
    assert (got.role, got.part) == (I.PART, "in Kessel"), got
    # "another" in the same place is still more of the first count
    same = sentence.replace("in the Kessel area", "in the Orvin area")
    got = I.read(same, (0, len(same)), (i, i + 8), None, "2025-05-13", "people", "arrested", mates)
    assert (got.role, got.part) == (I.PART, "more"), got
