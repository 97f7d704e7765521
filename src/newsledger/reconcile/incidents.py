"""What a counted claim is about, read from its sentence: this story's incident, a part of it, another
incident, or no incident at all (docs/figures.md, "One quantity of one incident").

`read(...)` looks only at the claim's own sentence (character offsets into the article text) and returns a
`Reading`: the claim's role, why, and the key of the incident within its story. A figure takes claims of
one role "incident" or "part" and one incident key; every other role is left out of figures, with its reason
kept so that pages can say why. Regexes over the sentence, no parse: the parse already chose what is counted.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

# Roles a claim can have.
INCIDENT, PART, BACKGROUND, TALLY, RATE, HYPOTHETICAL, NOT_A_CLAIM, UNDECIDED = (
    "incident",
    "part",
    "background",
    "tally",
    "rate",
    "hypothetical",
    "not_a_claim",
    "undecided",  # maybe this incident's, maybe not: the text does not tell, so out of the figure
)
IN_FIGURES = (INCIDENT, PART)


@dataclass(frozen=True)
class Reading:
    role: str
    reason: str = ""
    incident: str = ""  # within the story: "" = its main incident; else e.g. "another earthquake", "aftershock"
    place: str | None = None  # a place named right after the number ("16 in India"): maybe another incident
    part: str | None = None  # what part of the whole: "of the dead", "children", "seriously injured"
    preliminary: bool = False  # "so far", "expected to rise", "preliminary"
    stance: str | None = None  # the cue as a stance: confirmed, acknowledged, claimed, estimated, reported
    event_day: str | None = None  # the day of the incident the sentence dates ("the April 25 quake")


_EVENT = (
    r"(?:earthquake|quake|aftershock|tremor|tsunami|attack|bombing|blast|explosion|shooting|massacre|"
    r"raid|air ?strike|strike|storm|hurricane|typhoon|cyclone|tornado|flood(?:ing)?|fire|wildfire|crash|"
    r"clash(?:es)?|riot(?:s|ing)?|protest(?:s)?|stampede|ambush|assault|offensive|battle|war|uprising|"
    r"outbreak|epidemic|pandemic|disaster|eruption|landslide|collapse|derailment|siege)"
)
# Earlier incidents or periods, named as such near the number. A year counts only when it is before the
# article's own year (checked in `_history`).
_YEARS = re.compile(
    rf"\b(?:since|than|in|of|during|from)\s+(?:(?:early|late|mid-?)\s*)?(?:the\s+)?(?P<y1>(?:19|20)\d\d)s?\b"
    rf"|\b(?P<y2>(?:19|20)\d\d)(?:'s)?\s+(?:\w+\s+)?{_EVENT}",
    re.I,
)
# A time before the report: "last year's", "two years ago" (also what a sentence before can set).
_PAST = (
    r"\b(?:last|previous|prior)\s+(?:year|decade|month)['’]?s?\b|\b(?:a|an|one|two|three|four|five|six|seven|"
    r"eight|nine|ten|several|many|\d+)\s+(?:years?|decades?|months?)\s+(?:ago|earlier|before)\b|\byears\s+ago\b"
)
_EARLIER = re.compile(
    rf"{_PAST}|\b(?:a|an|one|two|three|four|five|six|seven|"
    rf"eight|nine|ten|several|many|\d+)\s+(?:years?|decades?|months?)\s+(?:after|later)\b|\b(?:previous|earlier|past|prior)\s+{_EVENT}s?\b|\blast\s+(?:\w+\s+){{0,2}}{_EVENT}\b|\bin\s+the\s+past\b|\bin\s+history\b|"
    rf"\b(?:early|earlier)\s+(?:this|that|last)\s+(?:year|month)\b|\bhistoric(?:al)?ly\b|\bworst\s+\w+\s+since\b|\bdeadliest\s+(?:\w+\s+)?since\b|\banniversary\b|"
    rf"\b(?:during|in|of)\s+the\s+(?:(?-i:[A-Z])[\w-]+\s+){{1,3}}(?-i:War)\b|"  # "during the First Seminole War"
    rf"\bsince\s+(?:the\s+)?(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|"
    rf"April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|"
    rf"Nov|Dec)\b)(?-i:[A-Z])[\w.'-]+",
    re.I,
)
# A second incident in the same story.
_SIBLING = re.compile(
    rf"\b(?P<which>second|another|new|fresh|separate|later|latest|subsequent|follow-up|earlier|first)\s+"
    rf"(?:(?:and\s+)?\w+\s+)?(?P<event>{_EVENT})\b|\b(?P<after>aftershocks?)\b",
    re.I,
)
_AFTER_EVENT = re.compile(
    rf"\b(?:after|since|weeks after|days after)\s+(?:a|an|the)\s+(?:[\w.-]+\s+){{0,3}}{_EVENT}\b", re.I
)
# Words of a headline that say its story is of a later incident than the first ("Another Powerful
# Earthquake Strikes Nepal"); not "new": "New York".
_HEADLINE_WHICH = ("second", "another", "fresh", "separate", "subsequent", "third")


# Where one clause of a sentence ends and another begins: "killed 22, and a second shooting ... killed nine".
_CLAUSE_BREAK = re.compile(r",\s*(?:and|but|while|whereas)\b|;|\s[-–—]\s|[–—]", re.I)


def _sibling(sentence: str, start: int = 0, end: int | None = None) -> re.Match | None:
    """The first sibling-incident phrase that is one ("New York attack" names a city, not a new attack) and,
    for the count at [start, end), that stands in the count's own clause: in "The shooting in El Paso killed
    22, and a second shooting in Dayton killed nine", the second shooting is the nine's, not the 22's."""
    for m in _SIBLING.finditer(sentence):
        if m.group("which") and m.group("which").lower() == "new" and re.match(r"new\s+(?-i:[A-Z])", m.group(0), re.I):
            continue
        if end is not None:
            gap = sentence[m.end() : start] if m.end() <= start else sentence[end : m.start()]
            if _CLAUSE_BREAK.search(gap):
                continue
        return m
    return None


def headline_incident(title: str | None, sentence: str, at: int) -> str:
    """The later incident a headline names ("another earthquake"), for a count of its article's main incident;
    "" where the count's sentence goes back to the earlier one ("two weeks after a massive quake killed")."""
    m = next((m for m in _SIBLING.finditer(title or "") if (m.group("which") or "").lower() in _HEADLINE_WHICH), None)
    if (
        m is None
        or _AFTER_EVENT.search(sentence[:at])
        or ((s := _sibling(sentence)) and (s.group("which") or "").lower() in ("first", "earlier", "previous"))
    ):
        return ""
    return _sibling_label(m)


# Kinds of event: words of one kind can name one incident ("the bombing", "the blast", "the attack").
_KINDS = {
    "violence": "attack bombing blast explosion shooting massacre raid airstrike strike ambush assault offensive "
    "battle war",
    "quake": "earthquake quake aftershock tremor tsunami",
    "weather": "storm hurricane typhoon cyclone tornado flood flooding landslide",
    "unrest": "clash clashes riot riots rioting protest protests uprising stampede siege",
    "fire": "fire wildfire",
    "crash": "crash derailment collapse",
}
_KIND_OF = {w: k for k, ws in _KINDS.items() for w in ws.split()}
# A gunman's fire is no fire: "opened fire", "returned fire", "under fire" (before the word), "police fire
# tear gas" (after it). Shared with the figure titles (reconcile.figures).
GUNFIRE = r"(?<!opened )(?<!open )(?<!opens )(?<!opening )(?<!returned )(?<!under )"
FIRE_VERB_OBJECTS = r"(?:upon|into|tear|rubber|water|warning|shots|back|rockets|missiles|bullets|live)"
# A headline's event words, less the verbs "storm" ("Protesters storm the embassy") and "fire".
_HEAD_EVENT = re.compile(
    rf"{GUNFIRE}\b{_EVENT}\b(?!(?<=storm)\s(?:the|a|an|US|U\.S\.|into|past)\b)"
    rf"(?!(?<=fire)\s{FIRE_VERB_OBJECTS}\b)",
    re.I,
)
_CAUSED = re.compile(
    GUNFIRE + rf"\b(?P<event>{_EVENT})s?\b(?:(?!\b(?:and|but|while)\b)[^.;:!?]){{0,100}}?"
    r"(?:,\s*|\s)(?:killing|injuring|wounding|that killed|which killed|that left|leaving|in which)\s+"
    r"(?:at\s+least\s+|about\s+|some\s+|nearly\s+|more\s+than\s+)?$",
    re.I,
)


def _kind(word: str) -> str | None:
    return _KIND_OF.get(re.sub(r"\s+", "", word.lower()))


def caused_by_other(title: str | None, sentence: str, at: int) -> str:
    """The event of another kind than the headline's whose toll the number is: "protests over the U.S.
    airstrikes that targeted a militia over the weekend, killing 25 fighters" in a story on an embassy siege
    ("airstrike"); "" where the headline names no event, or one of the same kind."""
    m = _CAUSED.search(sentence[:at])
    heads = {k for m in _HEAD_EVENT.finditer(title or "") if (k := _kind(m.group(0)))}
    if m is None or not heads or (mine := _kind(m.group("event"))) is None or mine in heads:
        return ""
    return re.sub(r"\s+", "", m.group("event").lower())


_LATER = {"second", "another", "new", "fresh", "subsequent", "later", "follow-up", "third"}


def _sibling_label(m: re.Match) -> str:
    """One name for one later incident however it is called: "a second quake", "another earthquake" and "the
    new earthquake" are "another earthquake"."""
    which, event = m.group("which").lower(), m.group("event").lower()
    event = "earthquake" if event in ("quake", "tremor") else event
    return f"{'another' if which in _LATER else which} {event}"


# An incident the sentence dates: "the April 25 quake", "Tuesday's attack", "the attack on Oct. 1".
_DATED_EVENT = re.compile(
    rf"(?:\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{{1,2}}(?:st|nd|rd|th)?|"
    rf"\b\d{{1,2}}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*|"
    rf"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day['’]s)\s+(?:\w+\s+)?{_EVENT}\b|"
    rf"\b{_EVENT}\s+(?:on|of)\s+(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|"
    rf"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{{1,2}})\b",
    re.I,
)
# The words that say a count is of the measure, next to the number (within its clause): a figure of people
# killed needs "killed", "died", "deaths"... there, not only somewhere up the parse ("four inmates ... one of
# whom was executed ... filed a lawsuit"; "billions of lives").
_EVIDENCE = {
    "killed": r"kill\w*|died|dies|dying|die|dead|deaths?|death toll|toll|fatalit\w+|bodies|corpses|slain|slaughter\w*|"
    r"murder\w*|massacr\w*|perish\w*|lost (?:their |his |her )?lives|lives (?:lost|were lost|claimed)|"
    r"executed|shot dead|gunned down|lost|victims",
    "injured": r"injur\w*|wound\w*|hurt|hospitali[sz]ed|treated|casualt\w+|maimed",
    "casualties": r"casualt\w+|killed or (?:injured|wounded)|dead (?:and|or) (?:injured|wounded)",
    "missing": r"missing|unaccounted|disappeared|lost at sea",
    "captured": r"captur\w*|taken (?:prisoner|captive|hostage)|seized|abduct\w*|kidnap\w*|held (?:hostage|captive)|"
    # not "prisoners of war" alone: the graves of two POWs are no capture
    r"hostages?",
    # not "detainees" or "detention centers": people who are held, not an arrest
    "arrested": r"arrest\w*|detain(?:ed|s|ing)?|held|custody|rounded up|apprehend\w*|charged|jailed|imprisoned",
    # not "refugees" alone: "a trawler carrying 396 refugees" counts people aboard, not an incident's displaced
    # "left homeless", not "homeless New Yorkers" (a standing population)
    "displaced": r"displac\w*|fled|flee\w*|homeless(?!\s+(?-i:[A-Z])|\s+(?:people|men|women|children|families|"
    r"population|residents|veterans|shelters?|persons|individuals|camps?)\b)|"
    r"uproot\w*|forced from|driven from|lost their homes",
    # "stationed", not "gas stations"
    "deployed": r"deploy\w*|sent|send\w*|dispatch\w*|station(?:ed|ing)|mobili[sz]\w*|troops? (?:to|in|into)|"
    r"boots on the ground|surge|arriv\w*|posted",
    "evacuated": r"evacuat\w*|rescued|moved to safety|ordered to leave|airlifted",
    "affected": r"affected|hit|impacted|struck",
}
_EVIDENCE_RE = {m: re.compile(rf"\b(?:{p})\b", re.I) for m, p in _EVIDENCE.items()}
_CLAUSE_END = re.compile(r"[;:]|,\s+(?:but|while|whereas|and\s+(?:the|a|an|he|she|they|it))\b|\s[-–—]\s")
# Ages and "one of the things": numbers that count nothing.
_AGE_AFTER = re.compile(r"^(?:-|\s)?(?:years?[- ]old|-year-old|yo\b)|^\s*,\s*(?:was|is)\s+(?:killed|shot)", re.I)
_AGE_BEFORE = re.compile(
    r"\b(?:aged|age|at age|at the age of|died at|dies at|(?:under|over|below|above)\s+the\s+age\s+of|"
    # an age bound: "children under five", "those over 65", "a child under two"
    r"(?:child(?:ren)?|kids?|bab(?:y|ies)|infants?|boys?|girls?|people|person|those|adults?|anyone|residents?)\s+"
    r"(?:under|over|below|above))\s*$",
    re.I,
)
_AGES = re.compile(
    r"\bages\b[^.;]{0,120}?\b(?:range[sd]?|ranging)(?:\s+(?:from|between))?\s*$", re.I
)  # "ages ... range from"
_NUM_WORD = (
    r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|(?:thir|four|fif|six|seven|eigh|nine)teen|"
    r"(?:twen|thir|for|fif|six|seven|eigh|nine)ty(?:-[a-z]+)?)"
)
# A list of ages: "a boy and three girls, aged one, two and seven"; "aged 4 to 9".
_AGE_LIST = re.compile(rf"\b(?:aged|ages(?:\s+of)?)\s+(?:{_NUM_WORD}(?:\s*,\s*|\s+(?:and|or|to)\s+)){{0,8}}$", re.I)
# A place's population: "the Pueblo of San Felipe, population 3,544, is also badly affected", "home to 40,000",
# "a town of 12,000 people" (not "a total of", "a group of", "a crowd of").
_POPULATION_BEFORE = re.compile(
    r"(?:\bpopulations?(?:\s+of)?|\bpop\.|\bhome\s+to|\b(?:a|the)\s+(?:\w+\s+)?(?:city|town|village|nation|country|"
    r"state|county|province|region|island|district|suburb|community|tribe|pueblo)\s+of)"
    r"\s+(?:(?:about|some|nearly|around|roughly|almost|just\s+(?:over|under)|more\s+than|fewer\s+than|over|"
    r"under|only)\s+)?$",
    re.I,
)
# A value denied or corrected: "seven were injured - not 30".
_DENIED = re.compile(r"(?:^|[\s,(–—-])not\s+(?:the\s+)?$", re.I)
# The whole a part is taken from: "Two of the 17 hostages ... died", "17 patients -- 14 of whom died".
_PARTITIVE_BEFORE = re.compile(
    rf"\b(?:{_NUM_WORD}|all|none|most|many|some|several)\s+of\s+(?:the|its|their|those|these)\s+$", re.I
)
_OF_WHOM_AFTER = re.compile(
    r"^(?P<np>[^.;:,()–—]{0,40}?)\s*(?:,|--|–|—|\()\s*(?:\w+\s+){1,2}of\s+(?:whom|them)\b", re.I
)
_NP_END = re.compile(r"\b(?:were|was|are|is|had|have|has|died|die|dies)\b|[,;:]")
_ONE_OF = re.compile(
    r"one of (?:the|my|his|her|their|our|its|these|those)\s+(?!(?:dead|killed|victims|wounded|"
    r"injured|people|hostages)\b)\w+",
    re.I,
)
# "Eight U.S. troops diagnosed with brain injuries arrived in the U.S.": casualties flown home, no deployment.
_CARED_FOR = re.compile(
    r"^[^.;:]{0,40}?\b(?:diagnosed|wounded|injured|hurt|sick|ill|ailing|with (?:\w+\s+){0,3}injur\w+)\b"
    r"[^.;:]{0,80}?\b(?:arriv\w*|flown|airlifted|sent|transferred|taken|moved)\b",
    re.I,
)
# "the wife of one of the hostages": a person named through their kin, no count of the group.
_KIN_OF = re.compile(
    r"\b(?:wife|husband|widow|mother|father|son|daughter|brother|sister|family|families|relatives?|parents?|"
    r"friends?|lawyers?|attorneys?|girlfriend|boyfriend|partner|children|child|employer|colleagues?)\s+of\s*$",
    re.I,
)
_PARENT_OF = re.compile(r"\b(?:mother|father|parent|grandmother|grandfather|mom|dad)\s+of\s*$", re.I)
# An illness passed on is no injury ("two nurses infected by the patient"); "diagnosed with brain injuries" is.
_ILL = re.compile(r"\b(?:infect\w*|tested positive|contract(?:ed|ing)\s+(?:the\s+)?(?:virus|disease))\b", re.I)
# An act the sentence says was not done, right before the count: "he did not order the 2.3 million evacuated".
_NEGATED_ACT = re.compile(
    r"\b(?:did not|didn['’]t|never|refused to|declined to|chose not to|decided not to|decided against)\s+"
    r"(?:\w+\s+){0,2}?(?:evacuat\w*|deploy\w*|send(?:ing)?|arrest\w*|kill\w*|displac\w*|order(?:ing)?)\b[^.;:]*$",
    re.I,
)
# "one" as a pronoun, not a count: "even one as cruel as him", "no one who voted", "the one that got away".
_ONE_PRONOUN_BEFORE = re.compile(r"\b(?:even|any|no|every|each|the|the only|this|that|some|which)\s*$", re.I)
# "three parents whose children were killed": the kin of the dead, counted; the measure is said of others.
_WHOSE_KIN = re.compile(
    r"^\s+(?:[\w-]+\s+){0,2}?(?:whose|who\s+(?:have\s+|had\s+)?lost\s+(?:their|a|two|three))\s+(?:[\w-]+\s+)?"
    r"(?:children|child|sons?|daughters?|husbands?|wives|wife|relatives?|family|families|parents?|loved\s+ones?|"
    r"brothers?|sisters?|mothers?|fathers?|friends?|kids?)\b",
    re.I,
)
_ONE_PRONOUN_AFTER = re.compile(r"^\s*(?:as|who|whom|whose|that|which|like|such|else|another)\b", re.I)
_LABEL_COLON = re.compile(r"(?:^|\s)(?-i:[A-Z]{4,}(?:\s[A-Z]{2,})?):(?:\s|$)")
# A noun right after the number that counts no people, whatever the parse made of the counted words.
_THING_AFTER = re.compile(
    r"^\s+(?:[\w-]+\s+){0,2}?(?P<thing>counts?|charges?|felon(?:y|ies)|"
    r"times|percent|votes?|seats?|indictments?|lawsuits?|guns|rifles|weapons|rounds|shots|"
    # machines, not people: "sent three ships", "40 more flights affected", "21 police cruisers", "deployed five
    # landers" (on Mars)
    r"ships|warships|vessels|boats|planes|aircraft|jets|helicopters|drones|tanks|vehicles|cruisers|flights|"
    r"trucks|cars|buses|trains|missiles|bombs|rockets|satellites|spacecraft|probes|landers|rovers|orbiters)\b",
    re.I,
)
_SPAN_AFTER = re.compile(
    r"^\s+(?:(?:more|straight|consecutive|long|full|tense|violent)\s+)?(nights?|days?|weeks?|months?|years?|hours?|"
    r"minutes?|decades?)\b",
    re.I,
)
# Tallies over time and rates: different quantities from an incident's toll.
_RATE = re.compile(
    r"\b(?:a|per|each|every)\s+(?:day|week|month|year|hour|minute)\b|\bdaily\b|\bannual(?:ly)?\b|"
    r"\bweekly\b|\bmonthly\b|\bon average\b|\ban average of\b",
    re.I,
)
_TALLY = re.compile(
    r"\b(?:covid(?:-19)?|coronavirus|virus|pandemic|flu|influenza|malaria|cholera|ebola|measles|aids|hiv|"
    r"cancer|overdoses?|opioids?|heart disease|tuberculosis|(?:so far )?this year|so far in (?:19|20)\d\d|"
    # a year to date: "1,500 migrants had already died in 2015", "in 2015 alone", "to date this year"
    r"already (?:\w+ ){0,3}in (?:19|20)\d\d\b|in (?:19|20)\d\d (?:alone|so far|to date)\b|"
    # who died in a war's ranks, and captives held around the world: no one incident's
    r"(?:died|killed) (?:so far )?(?:while )?fighting (?:for|with|alongside)\b|"
    r"(?:held|detained|imprisoned|jailed) (?:hostage |captive )?(?:overseas|abroad|worldwide|around the world)\b|"
    r"since the (?:start|beginning|outbreak) of|over the (?:past|last) (?:\w+ )?(?:weeks|months|years|decades?)|"
    r"over (?:a|an|the|two|three|four|five|six|several|many|\d+) (?:days|weeks|months|years|decades?|decade)|"
    r"in (?:the )?(?:past|last) (?:\w+ )?(?:weeks|months|years|decades?)|since (?:the )?9/11|since september 11|"
    r"in recent (?:weeks|months|years)|since (?:19|20)\d\d|"
    r"since (?:january|february|march|april|may|june|july|august|september|october|november|december)\b(?!\s+\d)|"
    r"(?:over|during|in) the (?:past|last) (?:week|month|year)|"
    # a week's wave across a country: "Protests erupted across Turkey this week, leaving at least 31 dead"
    r"across (?:(?-i:[A-Z])[\w.'-]*\s+){1,3}(?:this|last|that) week|"  # a period's tally, not "a bomb killed 12 last week"
    # between two dates: "from May 5 to June 9"
    r"from (?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2}(?:st|nd|rd|th)?,? "
    r"(?:to|through|until|and) (?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d|"
    # several incidents' sum: "mass shootings that left 31 dead", "in Vietnam, Iraq and Afghanistan"
    r"(?:\w+\s+)?(?:years|months|decades) of (?:war|fighting|clashes|conflict|violence|bombing)|"
    # days of a conflict: "nearly 150 died over the eight days of fighting", "the eight-day war"
    r"(?:over|during|in|after|followed|following|ended|ending) (?:the )?(?:first |past |last )?(?:two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve|several|many|\d+) (?:days|weeks|months) of (?:war|fighting|clashes|conflict|violence|bombing|"
    r"bombardment|air ?strikes|strikes|protests|unrest|hostilities)|"
    r"(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d+)-(?:day|week|month) (?:war|conflict|"
    r"offensive|campaign|bombardment|fighting|operation|military operation)|"
    # the fallen of wars and years: "the families of 17 service members who died fighting for the U.S."
    r"who (?:have |had )?died (?:fighting|serving|in (?:combat|service|uniform|the line of duty))|"
    # a leader's years: "Under President Obama, drone attacks have killed four Americans"
    r"\bunder (?:(?:former |then-)?(?:president|prime minister|premier|chancellor|king|presidents) )(?-i:[A-Z])[\w.-]+|"
    r"(?:during|over|in|throughout) (?:his|her|their|the) (?:(?-i:[A-Z])[\w-]+ )?(?:presidency|tenure|administration|premiership|"
    r"reign|rule|two terms|first term|second term|time in office)\b(?!\s+(?-i:[a-z]){3})|"
    # many attacks' sum: "killed 11 ... in 30 attacks in 15 provinces over the past 24 hours"
    r"\bin (?:\d+|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens of|scores of) (?:separate )?"
    r"(?:attacks|raids|ambushes|bombings|assaults|incidents)\b|"
    r"mass shootings|(?:separate|back-to-back|unrelated) (?:shootings|attacks|bombings|encounters|incidents|accidents)|(?:two|both|three) (?:[\w-]+ )?shootings|"
    # a span's toll: "the slaughter that left at least 31 dead in less than 24 hours over the weekend"
    r"in (?:less than|under|fewer than|the space of|the span of) (?:\d+|two|three|four|five|six|a|an) (?:hours|days|weeks)|"
    # a weekend's many shootings in a city: "66 people were shot over the July 4 holiday weekend"
    r"weekend\b[^.;]{0,80}?\bshootings|shootings\b[^.;]{0,40}?\bweekend|"
    r"(?:two|both|three|four|five|the) (?:[\w-]+ )?(?:crashes|earthquakes|quakes|hurricanes|wars)\b|"
    r"(?:two|both) (?:[\w-]+ )?(?:flights|planes|jets|airliners)\b|"
    r"since (?:the |(?-i:[A-Z])[\w-]+['’]s )(?:[\w'’-]+ ){0,2}(?:campaign|offensive|operation|intervention|airstrikes|"
    r"bombing campaign|invasion|incursion)(?: [\w-]+){0,3} (?:began|started|was launched|got under way)|"
    r"in (?-i:[A-Z])[\w-]+, (?-i:[A-Z])[\w-]+,? and (?-i:[A-Z])[\w-]+|"
    r"across (?:[A-Z][\w.-]*(?:['’]s)?\s+)?(?:the\s+)?(?:south|north|east|west|centre|center|provinces|cities|towns)|"
    r"most recently|the latest (?:in|of) a (?:series|string|spate)|in total since|each year|across the (?:country|nation|region|state|world)|nationwide|worldwide|"
    r"in cities across|since the (?:war|conflict|crisis|uprising|fighting|revolution|occupation|violence|clashes|offensive|protests) "
    r"(?:began|started|flared|erupted|broke out|escalated|intensified))\b",
    re.I,
)
# Not a statement of fact: needs, conditions, forecasts (before the number, in its clause).
_HYPOTHETICAL = re.compile(
    r"\b(?:would|could|might|(?-i:may)|should|must|need(?:s|ed)?(?:\s+to)?|required?|requires|if|unless|"
    r"plans?\s+to|planning\s+to|prepar(?:e|es|ed|ing)\s+to|getting\s+ready\s+to|pledg(?:e|es|ed)\s+to|promis(?:e|es|ed)\s+to|vow(?:s|ed)?\s+to|call(?:s|ed|ing)?\s+(?:on\s+\w+\s+)?for|urg(?:e|es|ed|ing)|propos(?:e|es|ed|ing)|aims?\s+to|seeks?\s+to|wants?\s+to|threaten(?:s|ed)?\s+to|up\s+to\s+\w+\s+could|"
    r"projected|forecast|predicts?|risk(?:s|ing)?|hypothetical(?:ly)?|proposals?|options?|scenarios?|"
    r"plans?\s+(?:to|for|that|would)|planning\s+(?:an?|the)\s+(?:[\w-]+\s+)?(?:evacuation|deployment|operation|"
    r"attack|strike|invasion)|as\s+many\s+as\s+\w+\s+could|"
    r"assum(?:e|es|ed|ing)|suppos(?:e|es|ed|ing)|imagin(?:e|es|ed|ing)|let['’]s\s+say|were\s+to|was\s+to\s+be)\b[^.;:]*$",
    re.I,
)
# The dot of an abbreviation, which ends no clause: "U.S.", "Gen.", "Sept."
_ABBREVIATION_DOT = re.compile(r"\b([A-Z]|Mrs?|Ms|Dr|St|Lt|Col|Gen|Sgt|Rep|Sen|Gov|Jan|Feb|Aug|Sept?|Oct|Nov|Dec)\.")
# "The site defines a mass shooting as an attack in which at least four people are killed or wounded."
_DEFINITION = re.compile(r"\b(?:defin(?:e|es|ed|ing|ition)|qualif(?:y|ies) as|threshold)\b", re.I)
# A modal right after the counted words: "20,000 troops would be needed", "5,000 jobs could go".
_HYPOTHETICAL_AFTER = re.compile(
    r"^\W*(?:[\w-]+\s+){0,3}?(?:would|could|might|(?-i:may)|will|should|must)\s+"
    r"(?!(?:still\s+)?(?:rise|climb|increase|grow|go up|be higher|be revised)\b)",
    re.I,
)
# An alert or readiness, not a deployment: "the whole Guard, 23,000 troops, told to be ready to deploy if needed".
# A share: "N out of M", "N of every M", "N in M", or N of a round ten, hundred or thousand
_SHARE = re.compile(
    r"\s*(?:(?:out\s+)?of\s+every|out\s+of|in)\s+(?:\d[\d,]*|ten|a hundred|one hundred|a thousand|five|four|three|two)\b"
    r"|\s*of\s+(?:10|100|1,000|ten|a hundred|one hundred|a thousand)\b(?!\s+(?:of|who|people\s+(?:killed|who)))",
    re.I,
)
# A war's toll to date: a conflict named in the sentence, and a perfect tense or "to date" (the war "has killed")
_CONFLICT = re.compile(r"\b(?:wars?|conflicts?|insurgency|uprising|occupation|intifada|civil strife)\b", re.I)
_OVER_THE_UNREST = re.compile(
    r"\b(?:since|as|while)\s+(?:the\s+)?[^.;]{0,70}?\b(?:have|has)\s+(?:\w+\s+){0,2}?(?:sought|tried|moved|worked|"
    r"struggled|begun|began|started|continued|raged|spread)\b[^.;]{0,40}?\b(?:protests?|unrest|demonstrations|"
    r"crackdown|uprising)\b|\bsince\s+(?:the\s+)?(?:\w+\s+)?(?:protests?|unrest|demonstrations|crackdown|uprising)\s+"
    r"(?:began|started|erupted|broke\s+out)\b",
    re.I,
)
_TO_DATE = re.compile(
    r"\b(?:have|has)\s+(?:(?:now|so far|already)\s+)?(?:been\s+)?(?:killed|died|displaced|wounded|injured|"
    r"claimed|left|forced|fled|uprooted)\b|\b(?:to date|in all|altogether)\b",
    re.I,
)
# "captured" in another sense than taking people: on film, by a camera, attention, votes
_CAPTURED_OTHERWISE = re.compile(
    r"\b(?:captur|record|film|caught)\w*\b[^.;]{0,40}?\b(?:(?:on|by|in) (?:an? |the )?(?:[\w-]+ ){0,2}"
    r"(?:video|camera|film|tape)|live|footage|"
    r"photos?|images?|pictures?|attention|imagination|votes?|seats?|market|delegates?|nominations?|primar(?:y|ies)|"
    r"states|districts|counties|caucus(?:es)?)\b",
    re.I,
)
# Captives released, freed or rescued: a release, not how many were taken ("secured the release of 20 hostages")
_RELEASED_BEFORE = re.compile(
    r"\b(?:release|releasing|released|freed|freeing|free|rescued|rescuing|swap(?:ped|ping)?|exchang(?:e|ed|ing))"
    r"\s+(?:of\s+)?(?:(?:the|all|at least|some|about|nearly|more than|another)\s+)*$",
    re.I,
)
_RELEASED_AFTER = re.compile(
    r"^\s*(?:[\w-]+\s+){0,3}?(?:were|have been|had been|was|are|being)\s+(?:\w+\s+)?"
    r"(?:released|freed|set free|swapped|exchanged|rescued)\b|^\s*(?:newly\s+)?(?:freed|released|rescued|liberated)\s",
    re.I,
)
# An attempt or plot to kill or take people, not a killing ("tried to force him to murder 3 officers")
_ATTEMPT = re.compile(
    r"\b(?:tried|attempted|trying|attempting|plotted|plotting|conspired|conspiring|planned|planning|sought|"
    r"seeking|threatened|threatening)\s+to\s+(?:[\w-]+\s+){0,4}?(?:kill|murder|assassinate|execute|"
    r"kidnap|abduct|capture|behead)\s+(?:(?:the|all|at least|some|about|nearly|more than|up to|as many as)\s+)*$",
    re.I,
)
_READY = re.compile(
    r"\b(?:if (?:needed|necessary|required|called upon|called)|on (?:standby|alert|high alert)|ready to|"
    r"prepared to|put on notice)\b",
    re.I,
)
# "General X, who commands the 68,000 troops in the country": the force there, not a deployment.
_COMMANDS = re.compile(
    r"\b(?:command(?:s|ed|ing)?|lead(?:s|ing)?|led|oversee(?:s|ing)?|oversaw|in charge of)\s+"
    r"(?:the\s+|some\s+|about\s+|nearly\s+|roughly\s+|more than\s+|all\s+)*$",
    re.I,
)
_GUESS = re.compile(r"\b(?:or more|or even more|perhaps|maybe|possibly|i think|i believe|i guess)\b", re.I)
# Parts of a whole.
_OF_WHOLE = re.compile(
    r"^\s*(?:of|among)\s+(?:the|them|those|these|whom|which)\b|^\s*of\s+(?:the\s+)?(?:\d[\d,]*|\w+)\s+"
    r"(?:dead|killed|victims|injured|wounded|people|casualties)\b"
    # "one of three terrorists who died": one picked out of a count the sentence gives
    r"|^\s*of\s+(?:the\s+)?(?:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens|hundreds)\s+"
    r"(?-i:[a-z])[\w-]+",
    re.I,
)
_PART_BEFORE = re.compile(
    r"\b(?:including|includ(?:e|es|ed)|among\s+them|among\s+whom|of\s+whom|of\s+them|"
    r"among\s+the\s+(?:dead|victims|injured|wounded))\s+(?:(?:\w+\s+){1,4}and\s+)?$",
    re.I,
)
# "Six Germans were among the wounded", "an American was among at least 28 people killed": one group of the
# whole, however it is counted, never the whole.
_AMONG_AFTER = re.compile(
    r"^\s*(?:[\w'’-]+\s+){0,4}?(?:was|were|is|are)\s+(?:(?:also|reportedly|believed to be|said to be)\s+)?among\s+"
    r"(?:the\s+(?:[\w-]+\s+)?(?:dead|killed|victims|injured|wounded|hurt|casualties|people|passengers|hostages|"
    r"missing|arrested|detained)\b|those\b|(?:(?:at\s+least|more\s+than|nearly|about|some|the)\s*)?(?:\d|$))",
    re.I,
)
_SEVERITY = re.compile(
    r"^\s*(?:(?:people|persons|others|victims|of\s+them)\s+)?(?:(?:were|was|are|is|had\s+been|have\s+been|has\s+been)\s+)?"
    r"(?:seriously|critically|severely|gravely|slightly|lightly|"
    r"moderately|badly|mortally)\b",
    re.I,
)
_CONDITION = re.compile(
    r"^[^.;:]{0,70}?(?:\b(?:remain(?:s|ed|ing)?|still)\s+(?:\w+\s+)?(?P<state>(?:in\s+)?(?:critical|serious|grave|"
    r"stable)\s+condition|hospitali[sz]ed|(?:in|at)\s+(?:the\s+)?(?:[\w-]+\s+)?hospitals?|in\s+intensive\s+care|"
    # "16 taken into custody; 5 remain in custody": those still held, not all who were arrested
    r"in\s+(?:police\s+)?custody|in\s+detention|in\s+jail|behind\s+bars|(?:being\s+)?held)|"
    r"\b(?:are|were|was|is|in)\s+(?P<cond>(?:in\s+)?(?:critical|serious|grave|stable)\s+condition)|"
    r"\b(?:was|were|been|being)\s+(?P<out>released|discharged|sent home)\b)\b",
    re.I,
)
# One region's toll: "killed in the state", "in its jurisdiction" (a county's part of a state's fires).
_SUBREGION = re.compile(
    r"^[^.;:]{0,50}?\bin\s+(?:the|its|their|that)\s+(?P<region>state|province|district|region|county|jurisdiction)\b(?!\s+of)",
    re.I,
)
_PLACE_LIST = re.compile(
    r"^\s*(?:[\w-]+\s+){0,2}?in\s+(?P<place>(?-i:[A-Z])[\w'.-]+(?:\s+(?-i:[A-Z])[\w'.-]+)?),\s+(?:and\s+)?"
    r"(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:[\w-]+\s+)?in\s+(?-i:[A-Z])"
)
# Bodies by what was done with them, not a toll: "six bodies have been recovered", "divers pulled out 12 bodies".
_RECOVERED_AFTER = re.compile(
    r"^\s+(?:[\w-]+\s+){0,2}?(?:bodies|corpses|remains)\b[^.;:]{0,40}?\b(?:recovered|retrieved|found|pulled|"
    r"fished|located|identified|brought|exhumed|unearthed)\b",
    re.I,
)
# "authorities had recovered the bodies of at least two people"
_RECOVERED_BODIES_OF = re.compile(
    r"\b(?:recover\w*|retriev\w*|found|pulled\s+out|fished\s+out|located|exhum\w*|unearth\w*)\s+(?:the\s+)?"
    r"(?:bodies|corpses|remains)\s+of\s+(?:(?:at least|about|some|another|more than|nearly|up to)\s+)*$",
    re.I,
)
_RECOVERED_BEFORE = re.compile(
    r"\b(?:recover\w*|retriev\w*|found|pulled(?:\s+out)?|fished\s+out|located|exhum\w*|unearth\w*)\s+"
    r"(?:(?:the|at least|about|some|another|more than|nearly)\s+)*$",
    re.I,
)
# One who died on the way to hospital or later in it: a part of the dead, not a toll ("one victim died en
# route to a hospital" beside "12 people were killed"). Not "three died in hospital": often the whole toll.
_DIED_IN_HOSPITAL = re.compile(
    r"^[^.;:]{0,50}?\b(?:(?:died|dies|succumbed|was pronounced dead|were pronounced dead)\s+"
    r"(?:on the way to|en route to|after arriving at)|later (?:died|succumbed)\s+(?:\w+\s+)?(?:at|in))"
    r"\s+(?:a\s+|the\s+)?(?:local\s+|nearby\s+|area\s+)?hospitals?\b",
    re.I,
)
# Those a hospital took in, beside a count of the dead: "One died, while most of those brought to the hospital had
# been shot" (of that hospital's patients).
_HOSPITAL_PATIENTS = re.compile(
    r"\b(?:those|the people|the patients|patients|the victims)\s+(?:who\s+were\s+|who\s+had\s+been\s+)?"
    r"(?:brought|taken|rushed|admitted|transported|carried)\s+(?:in\s+)?to\s+(?:the\s+|a\s+|its\s+|the\s+city's\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:hospitals?|clinics?|medical\s+cent(?:er|re)s?)\b",
    re.I,
)
# One hospital's patients, the hospital the subject: "The hospital has treated more than 600 people injured",
# a share of the injured, not their count (not "hospitals have treated", which may be all of them).
_ONE_HOSPITAL_BEFORE = re.compile(
    r"\b(?:the|a|one|its|this|that)\s+(?:[\w-]+\s+){0,3}(?:hospital|clinic|infirmary|medical\s+cent(?:er|re))\s+"
    r"(?:(?:has|had|have|says\s+it\s+has|said\s+it\s+had)\s+)?(?:treated|received|admitted|taken\s+in|cared\s+for)\s+"
    r"(?:(?:more\s+than|over|at\s+least|about|nearly|some|around|up\s+to|almost)\s+)?$",
    re.I,
)
# The next sentence adds to the count: "..., killing eight people. One other person was rushed to the hospital
# and died." The eight are the dead so far, a part of the toll the two give.
_MORE_DIED = (
    rf"(?:(?:{_NUM_WORD}|an?)\s+(?:other|more|further|additional)|another|a\s+(?:second|third|fourth|fifth|"
    rf"sixth|seventh|eighth|ninth|tenth))\b(?:(?!\b(?:no\s+one|nobody|none)\b)[^.;]){{0,80}}?\b(?:died|succumbed|was pronounced dead|were pronounced "
    rf"dead|did not survive)\b"
)
_MORE_DIED_NEXT = re.compile(r"[.!?\"”’]*\s*" + _MORE_DIED, re.I)
# Or the count's own sentence goes on to add them: "eight people died at the scene and another died at a hospital".
_MORE_DIED_THEN = re.compile(r"(?:,|;|\band\b|\bwhile\b|\bbut\b)\s*" + _MORE_DIED, re.I)
# "Ambassador Chris Stevens and three other Americans": a named person and others, whose total is one more.
_NAMED_AND = re.compile(r"(?-i:[A-Z])[\w.'’-]+\s+and\s+(?:at\s+least\s+|some\s+|the\s+)?$")
_IN_CAMPS = re.compile(
    r"^[^.;]{0,60}?\b(?:held|detained|interned|imprisoned|kept|locked\s+up)\s+(?:in|at|inside)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:camps?|detention\s+(?:centers?|centres?|facilities|facility))\b",
    re.I,
)
# A count joined to one more person: "two police officers and another victim dead", "three soldiers and a fourth man".
_AND_ANOTHER = re.compile(
    r"^\s+(?:[\w-]+\s+){0,3}?and\s+(?:another|one\s+other|a\s+(?:third|fourth|fifth|sixth|seventh))\s+(?:[\w-]+\s+)?"
    r"(?:victims?|person|man|woman|child|boy|girl|officer|soldier|civilian|bystander|resident|student|teacher|"
    r"worker|passenger|customer|employee)\b(?!\s+(?:was|were|is|are|had|has|have|suffered|sustained)\b)",
    re.I,
)
_INCREMENT = re.compile(r"^\s*(?:more|additional|new|further|extra)\b|^\s*more\s", re.I)
_INCREMENT_BEFORE = re.compile(r"\b(?:another|an additional|a further|an extra)\s*$", re.I)
# "Of the other three people in custody": those besides someone told before, never all of them.
_THE_OTHER_BEFORE = re.compile(r"\b(?:the|its|their)\s+other\s*$", re.I)


# Where a count's own words place it: "arrested in the New York area", "killed in Homs".
_IN_PLACE = r"(?:in|at)\s+(?:the\s+)?(?P<place>(?-i:[A-Z])[\w.'’-]*(?:\s+(?-i:[A-Z])[\w.'’-]*){0,2})"
_OWN_PLACE = re.compile(rf"^\s*(?:[\w'’-]+\s+){{0,5}}?{_IN_PLACE}")
_PLACE_IN = re.compile(rf"\b{_IN_PLACE}")


def _another_place(before: str, own: str) -> str | None:
    """The place an "another N" count's own words name, where its clause named another place before it: the
    count is that place's, not an increment of the first ("160 ... in the Los Angeles area, with another 40 or
    so arrested in the New York area")."""
    m = _OWN_PLACE.match(own)
    if not m:
        return None
    place = m.group("place").rstrip(".")
    earlier = [p.group("place").rstrip(".") for p in _PLACE_IN.finditer(before)]
    return place if earlier and all(p != place for p in earlier) else None


def another_before(before: str) -> bool:
    """Whether "another" or the like stands right before a number: "Another 15 people were wounded"."""
    return bool(_INCREMENT_BEFORE.search(before[-25:]))


# A place right after the number: "16 in India", "killed 16 people in neighbouring India".
_PLACE_AFTER = re.compile(  # one line's words: not "in Le Marche.\n\nFabrizio"
    r"^[^.;,]{0,30}?\b(?:in|across)\s+(?:neighbou?ring\s+)?(?P<place>[A-Z][\w'-]+(?:\.(?=[ ][A-Z]))?"
    r"(?:[ ][A-Z][\w'-]+){0,2})"
)
_PRELIMINARY = re.compile(
    r"\b(?:preliminary|so far|expected to (?:rise|climb|increase|grow)|"
    r"(?:could|may|might|is likely to|will likely) (?:rise|climb|increase|grow)|"
    r"feared|fears?|at least|still (?:rising|climbing)|provisional|initial)\b",
    re.I,
)
_STANCES = (
    ("acknowledged", r"acknowledg\w*|admit\w*|concede\w*"),
    ("confirmed", r"confirm\w*|verif\w*"),
    ("claimed", r"claim\w*|alleg\w*|insist\w*|maintain\w*"),
    ("estimated", r"estimat\w*|put the (?:toll|number|figure)|believ\w*|project\w*|calculat\w*"),
    ("reported", r"report\w*|said|says|say|told|announc\w*|stat\w*|according to|recorded"),
)
_STANCE = [(s, re.compile(rf"\b(?:{p})\b", re.I)) for s, p in _STANCES]


def _year_before(time: str | None, published: str | None, days: int = 45) -> bool:
    """Whether the claim's time (a TIMEX value) ends well before its article's date."""
    if not time or not published:
        return False
    try:
        pub = date.fromisoformat(published)
    except ValueError:
        return False
    if m := re.fullmatch(r"(\d{3})", time):  # a decade ("since the 1990s": 199) that ended before the report's year
        return int(m[1]) * 10 + 9 < pub.year
    if m := re.fullmatch(r"(\d{4})", time):
        return int(m[1]) < pub.year
    if m := re.fullmatch(r"(\d{4})-(\d{2})", time):
        y, mo = int(m[1]), int(m[2])
        if not 1 <= mo <= 12:
            return False
        end = date(y + mo // 12, mo % 12 + 1, 1)  # the day after the month ends
        return (pub - end).days >= 14  # "in June" in a report of July 20: over two weeks after the month ended
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", time):
        try:
            return (pub - date(int(m[1]), int(m[2]), int(m[3]))).days > days
        except ValueError:
            return False
    return False


def _clause_before(before: str) -> str:
    """The words before the number back to its clause's start (a comma, semicolon or "and" boundary)."""
    cut = max(before.rfind(","), before.rfind(";"), before.rfind(":"), before.rfind(" - "), before.rfind("—"))
    return before[cut + 1 :] if cut >= 0 else before


def stance(sentence: str, at: int | None = None) -> str | None:
    """The cue's stance: the reporting verb nearest the number at `at` (in the sentence), a verb before it
    over one after ("lawmakers claimed that close to 150 died, more than the 20 the government acknowledged")."""
    best: tuple[int, str] | None = None
    for name, rx in _STANCE:
        for m in rx.finditer(sentence):
            d = 0 if at is None else (at - m.end() if m.end() <= at else 2 * (m.start() - at))
            if best is None or d < best[0]:
                best = (d, name)
            if at is None:
                return name
    return best[1] if best else None


def _evidence(measure: str | None, before: str, counted_span: str, after: str) -> bool:
    """Whether a word of the measure stands in the number's clause (a few words around it)."""
    rx = _EVIDENCE_RE.get(measure or "")
    if rx is None:
        return True
    b = _clause_before(before)[-90:]
    a = after[:110]
    if m := _CLAUSE_END.search(a):
        a = a[: m.start()]
    return bool(rx.search(b) or rx.search(counted_span) or rx.search(a))


def read(
    text: str,
    sentence: tuple[int, int],
    claim: tuple[int, int],
    time: str | None,
    published: str | None,
    counted: str | None = None,
    measure: str | None = None,
    others: Sequence[tuple[int, int, str | None]] = (),
) -> Reading:
    """The role of the claim at `claim` (offsets into `text`) in its sentence at `sentence`. `others` are the
    sentence's other counted claims, (start, end, measure): a count coordinated with another ("killed five
    and injured 17") shares its history, and is read against it ("50 dead and another 53 wounded")."""
    s0, s1 = sentence
    c0, c1 = claim
    sent = text[s0:s1]
    before, after = text[s0:c0], text[c1:s1]
    mates = [
        o
        for o in others
        if s0 <= o[0]
        and o[1] <= s1
        and (o[0], o[1]) != (c0, c1)
        and not _DENIED.search(text[max(s0, o[0] - 12) : o[0]])
    ]  # a denied value ("seven, not 30") is no count beside this one
    lead = _lead(text, c0, mates)
    near_before = before[-60:]
    pre = bool(_PRELIMINARY.search(sent))
    st = stance(sent, c0 - s0)

    event_day = time if time and re.fullmatch(r"\d{4}-\d{2}-\d{2}", time) and _DATED_EVENT.search(sent) else None

    def out(
        role: str, reason: str = "", incident: str = "", part: str | None = None, place: str | None = None
    ) -> Reading:
        return Reading(role, reason, incident, place, part, pre, st, event_day)

    words = re.findall(r"[A-Za-z]+", sent)
    if len(words) < 4 or (sent.isupper() and len(words) < 12):
        return out(NOT_A_CLAIM, "a label or headline fragment, not a sentence")
    if _LABEL_COLON.search(after):  # "22 killed ... ATTACKERS: ..." (a label before the sentence is a kicker)
        return out(NOT_A_CLAIM, "an entry of a list with labels ('ATTACKERS:'), not a sentence")
    if _headline(sent, words) or _in_headline_run(sent, c0 - s0):
        return out(NOT_A_CLAIM, "a headline (of this or another story), not a sentence of the article")
    if _AGE_AFTER.match(after) or _AGE_BEFORE.search(before[-30:]) or _AGES.search(before):
        return out(NOT_A_CLAIM, "an age, not a count")
    if _AGE_LIST.search(before[-80:]):
        return out(NOT_A_CLAIM, "an age in a list of ages, not a count")
    if _DENIED.search(before[-12:]):
        return out(NOT_A_CLAIM, "a value the sentence denies ('seven, not 30'), not a claim of it")
    if _POPULATION_BEFORE.search(before[-50:]):
        return out(NOT_A_CLAIM, "a standing population ('population 3,544', 'a city of 200,000'), not a count")
    if _whole_of_other(before, text[c0:c1], after, measure):
        return out(NOT_A_CLAIM, f"the group a part is taken from, not a count of those {measure}")
    if m := _SPAN_AFTER.match(after):  # "In two nights of unrest, dozens were arrested": a span of time
        return out(NOT_A_CLAIM, f"counts {m.group(1).lower()}, a span of time, not people")
    if m := _THING_AFTER.match(after):  # "charged with 29 federal felony counts"
        return out(NOT_A_CLAIM, f"counts {m.group('thing').lower()}, not people")
    if text[c0:c1].lower() == "one" and (_ONE_PRONOUN_BEFORE.search(before[-12:]) or _ONE_PRONOUN_AFTER.match(after)):
        return out(NOT_A_CLAIM, "'one' as a pronoun, not a count")
    if text[c0:c1].lower() == "one" and re.match(r"\s+of\b", after) and _KIN_OF.search(before[-30:]):
        return out(NOT_A_CLAIM, "'one of' named through their kin ('the wife of one of'), not a count")
    if _WHOSE_KIN.match(after):  # "three parents whose children were killed"
        return out(NOT_A_CLAIM, f"those whose kin were {measure} ('parents whose children were killed'), not a count")
    if _PARENT_OF.search(before[-30:]):  # "a mother of five": her children, no count of the incident
        return out(NOT_A_CLAIM, "the children of a parent ('a mother of five'), not a count")
    if measure == "injured" and _ILL.search(text[max(s0, c0 - 60) : min(s1, c1 + 80)]):
        return out(NOT_A_CLAIM, "the infected or sick, not the injured of an incident")
    if _NEGATED_ACT.search(_clause_before(before)):
        return out(NOT_A_CLAIM, "a count the sentence says was not acted on ('did not order 2.3 million evacuated')")
    if _ONE_OF.match(text[c0:s1]):
        return out(NOT_A_CLAIM, "'one of' a kind, not a count")
    clause = _clause_before(before)
    if not _evidence(measure, before, text[c0:c1], after):
        return out(NOT_A_CLAIM, f"no word of '{measure}' next to the number")
    if _DEFINITION.search(before):
        return out(NOT_A_CLAIM, "a definition's threshold, not a count")
    if measure == "arrested" and _IN_CAMPS.match(after):  # "more than a million Muslims have been detained in camps"
        return out(TALLY, "those held in camps or detention centres: a population held, not an incident's arrests")
    if measure == "deployed" and _COMMANDS.search(before[-40:]):
        return out(NOT_A_CLAIM, "a standing force someone commands, not a deployment")
    if measure == "deployed" and _CARED_FOR.match(_ABBREVIATION_DOT.sub(r"\1", after)):
        return out(NOT_A_CLAIM, "the wounded or sick moved for care, not a deployment")
    if measure == "deployed" and _READY.search(sent):
        return out(HYPOTHETICAL, "a force on alert or ready, not deployed")
    if measure == "captured" and _CAPTURED_OTHERWISE.search(sent):
        return out(NOT_A_CLAIM, "'captured' on film or in another sense than taking people")
    if measure in ("captured", "arrested") and (_RELEASED_BEFORE.search(before[-40:]) or _RELEASED_AFTER.match(after)):
        return out(NOT_A_CLAIM, "captives released, freed or rescued: a release, not how many were taken")
    plain = _ABBREVIATION_DOT.sub(r"\1", clause)  # "a plan to expand the U.S. mission and send up to 1,500"
    if _ATTEMPT.search(plain):
        return out(HYPOTHETICAL, "an attempt or plot, not what happened")
    if _HYPOTHETICAL.search(plain) or _HYPOTHETICAL_AFTER.match(after):
        return out(HYPOTHETICAL, "a need, condition or forecast, not a count")
    if _GUESS.search(text[c0 : min(s1, c1 + 25)]) and re.search(
        r"\b(?:tens|hundreds|thousands|dozens)\b", text[c0:c1], re.I
    ):
        return out(HYPOTHETICAL, "a guess, not a count")
    if _RATE.search(after[:60]) or _RATE.search(near_before[-25:]):
        return out(RATE, "a rate over time, not one incident's count")
    if _year_before(time, published):
        return out(BACKGROUND, f"an earlier time ({time}) than the article's incident")
    tail = _tail(text, c1, mates)
    if _history(text[max(s0, lead - 80) : c0] + " # " + text[c1 : min(s1, tail + 60)], published) or _historic(
        sent, published
    ):
        return out(BACKGROUND, "an earlier incident or period, named next to the number")
    if _MEMORIAL.search(before[-60:]):
        return out(BACKGROUND, "the dead a memorial or cemetery holds, not an incident's count")
    if _earlier_context(text, s0, sent, published):
        return out(BACKGROUND, "an earlier year set by the sentence before, and no day of its own")
    if _TALLY.search(sent):
        return out(TALLY, "a running tally of a cause or period, not one incident's count")
    if _CONFLICT.search(sent) and _TO_DATE.search(sent):  # "the war has killed more than 400,000 people"
        return out(TALLY, "a war's or conflict's toll to date, not one incident's count")
    if _TO_DATE.search(sent) and _OVER_THE_UNREST.search(after):
        # "At least 450 people have been killed as security forces have sought to quell the protests"
        return out(TALLY, "a toll to date over weeks of protests or unrest, not one incident's count")
    if _SHARE.match(after):  # "9 of 10 were never arrested", "one in five", "3 out of every 100"
        return out(NOT_A_CLAIM, "a share, not a count")
    # Parts: "three of the dead", "including 10 children", "four seriously", "2.5 million more".
    if _OF_WHOLE.search(after) or _PART_BEFORE.search(before[-40:]) or _AMONG_AFTER.match(_own_words(after)):
        return out(PART, "a part of the whole", part=_part_label(after, counted))
    if _SEVERITY.search(after):
        m = _SEVERITY.search(after)
        return out(PART, "one degree of the whole", part=m.group(0).split()[-1].lower() if m else None)
    if m := _CONDITION.match(_own_words(after)):  # "45 people who were wounded remained in critical condition"
        return out(
            PART,
            "those in one condition, not all of them",
            part=(m.group("state") or m.group("cond") or m.group("out")).lower(),
        )
    if m := _SUBREGION.match(after):  # "More than 70 people have been killed in the state"
        return out(PART, "one region's toll of a wider incident", part="in the " + m.group("region").lower())
    if measure == "killed" and (
        _RECOVERED_AFTER.match(after)
        or (_RECOVERED_BEFORE.search(before[-40:]) and re.match(r"\s+bodies", after))
        or _RECOVERED_BODIES_OF.search(before[-70:])
    ):
        return out(PART, "bodies by their recovery, not the toll", part="bodies recovered")
    if measure == "injured" and _ONE_HOSPITAL_BEFORE.search(before[-90:]):
        return out(PART, "one hospital's patients, not all the injured", part="treated at one hospital")
    if measure == "killed" and not mates and _HOSPITAL_PATIENTS.search(sent):
        return out(PART, "the dead among one hospital's patients, not all the dead", part="died in hospital")
    if measure == "killed" and _DIED_IN_HOSPITAL.match(_own_words(after)):
        return out(PART, "those who died on the way to or later in hospital, not all the dead", part="died in hospital")
    if measure == "killed" and not mates and (_MORE_DIED_NEXT.match(text, s1) or _MORE_DIED_THEN.search(after)):
        return out(PART, "the dead before more died, as the next sentence says", part="dead so far")
    if re.match(r"\s+(?:other\b|of\s+(?:his|her|their)\s)", after) and _NAMED_AND.search(before[-40:]):
        return out(PART, "others besides someone named, not the total", part="more")
    if _INCREMENT_BEFORE.search(before[-25:]) and (place := _another_place(before, _own_words(after))):
        # "160 were arrested in the Los Angeles area, with another 40 or so arrested in the New York area"
        return out(PART, "another place's count beside this one's, not more of it", part="in " + place)
    if (
        _INCREMENT.search(after)
        or _INCREMENT_BEFORE.search(before[-25:])
        or _THE_OTHER_BEFORE.search(before[-25:])
        or (
            re.match(r"\s+other\b", after)
            and ((_told_before(text, s0, measure) and _anyone(counted)) or re.search(r"\band\s+$", before))
        )
    ) and not _beside_other(
        text, c0, mates, measure
    ):  # "50 dead and another 53 wounded": others than the dead, not more wounded
        return out(PART, "an increment, not a total", part="more")
    if _AND_ANOTHER.match(after):  # "left two police officers and another victim dead": the toll is three
        return out(PART, "one of two counts joined by 'and another', not the total", part=_part_label(after, counted))
    if m := _PLACE_LIST.match(after):  # "at least 35 dead in Amatrice, 11 in Accumoli and 17 in ...": by town
        return out(PART, "one place's count of several the sentence lists", part="in " + m.group("place"))
    if label := _component(text, (c0, c1), s1, mates, measure):
        if label == (counted or "").lower():
            label = "a part"  # "16 protesters and 13 policemen": the group says it already
        return out(PART, "one of several counts of the same measure, not the total", part=label)
    incident = ""
    if m := _sibling(sent, c0 - s0, c1 - s0):
        if m.group("after"):
            incident = "aftershock"
        elif m.group("which").lower() != "first":
            incident = _sibling_label(m)
    p = _PLACE_AFTER.match(after)
    return out(INCIDENT, incident=incident, place=p.group("place") if p else None)


_COORD = re.compile(r"^[^.;:!?]{0,40}\band\b[^.;:!?]{0,30}$", re.I)
# Words between two counts of one measure that make the second a revision or a comparison, not a component.
_NOT_COMPONENT = re.compile(
    r"\b(?:from|to|than|up|down|rose|risen|raised|revised|later|now|said|says|say|put|toll|total|including|"
    r"of\s+(?:them|whom|the))\b",
    re.I,
)


_NEXT_COUNT = re.compile(rf"\s[-–—]\s|[–—]|\b(?:{_NUM_WORD})\b", re.I)


def _own_words(after: str) -> str:
    """The words after a number up to the next number or dash: what they say is of this number, not the next
    one's ("more than 20 police were injured, and one remained hospitalized")."""
    m = _NEXT_COUNT.search(after)
    return after[: m.start()] if m else after


def _whole_of_other(before: str, span: str, after: str, measure: str | None) -> bool:
    """Whether the number is the group a part is taken from, and the measure is said of the part only: "two of
    the 17 hostages held by the gunman died" (17 were held, two died), "17 patients -- 14 of whom died". Not
    "three of the 12 people killed" or "two of the 17 dead", where the whole's own words carry the measure."""
    if m := _OF_WHOM_AFTER.match(after):
        aside = re.split(r"[,;:.()–—]|--", after[m.end() :], maxsplit=1)[0]
        if not _evidence(measure, "", "", aside):  # "four of her children, two of them babies, died"
            return False
        own = m.group("np")
    elif _PARTITIVE_BEFORE.search(before[-40:]):
        cut = _NP_END.search(after[:60])
        own = after[: cut.start()] if cut else after[:60]
    else:
        return False
    return not _evidence(measure, before, span, own)  # "injured more than 180, many of them gravely"


def _tail(text: str, c1: int, mates: Sequence[tuple[int, int, str | None]]) -> int:
    """Where the run of coordinated counts the claim starts ends: "11 fatalities and more than 10,000 injuries
    from fireworks in 2014" is read to "10,000" and on, so that what is said after the last count holds for both."""
    tail = c1
    for s, e, _ in sorted(mates):
        if s >= tail and _COORD.match(text[tail:s]):
            tail = e
    return tail


def _lead(text: str, c0: int, mates: Sequence[tuple[int, int, str | None]]) -> int:
    """Where the run of coordinated counts the claim ends starts: "killed five people and injured 17" is read
    from "five" on, so that what is said before the first count holds for both."""
    lead = c0
    for s, e, _ in sorted(mates, key=lambda m: -m[0]):
        if e <= lead and _COORD.match(text[e:lead]):
            lead = s
    return lead


def _anyone(counted: str | None) -> bool:
    """Whether a count is of people at large: "four other people", not "two other students", whose "other" may
    set them apart from the one who shot them."""
    return not counted or counted.lower().split()[-1] in ("people", "persons", "individuals", "civilians")


def _told_before(text: str, s0: int, measure: str | None) -> bool:
    """Whether a word of the measure stands in the sentences just before a count's ("four people died in Oklahoma.
    ... four other people were killed in Texas": more of them; not "killing 10. Ten other people were wounded",
    others than the dead)."""
    rx = _EVIDENCE_RE.get(measure or "")
    return rx is not None and bool(rx.search(text, max(0, s0 - 300), s0))


def _beside_other(text: str, c0: int, mates: Sequence[tuple[int, int, str | None]], measure: str | None) -> bool:
    """Whether a count of another measure stands just before, in the same clause ("49 victims dead and 53 more
    wounded")."""
    return any(
        e <= c0 and m and m != measure and m != "other" and c0 - e <= 100 and not re.search(r"[.;:]", text[e:c0])
        for _, e, m in mates
    )


# Where a part's own words end: its verb or the first function word ("policemen were wounded in").
_TAIL_STOP = frozenset(
    "was were is are be been being had have has who whom which that in at on by from with to for as not still "
    "remain remains remained died die dies underwent suffered".split()
)


def _component(
    text: str, claim: tuple[int, int], s1: int, mates: Sequence[tuple[int, int, str | None]], measure: str | None
) -> str | None:
    """A count coordinated with another count of the same measure ("one other person was wounded by gunfire,
    and as many as 15 others suffered minor injuries"; "20 children and six teachers died"): each is a part
    of a whole the sentence does not state. Returns what tells this part apart (the words after it)."""
    c0, c1 = claim
    for s, e, m in mates:
        if m != measure:
            continue
        gap = _ABBREVIATION_DOT.sub(r"\1", text[e:c0] if e <= c0 else text[c1:s] if c1 <= s else "")  # "St. Louis"
        # the first items of a list ("nine city officers, one trooper, and one county officer") are set apart
        # by commas, and the "and" comes before its last
        listed = (
            c1 <= s
            and gap.rstrip().endswith(",")
            and any(m2 == measure and s2 > s and re.search(r"\band\b", text[e:s2]) for s2, _, m2 in mates)
        )
        if not gap or len(gap) > 60 or not (listed or re.search(r"\band\b", gap)) or _NOT_COMPONENT.search(gap):
            continue
        if re.search(r"[.;:!?]", gap) or _NEXT_COUNT.search(gap):  # a dash or another number between: two clauses
            continue
        tail = re.split(r",|\band\b|\bor\b|[–—(]", text[c1 : min(s1, c1 + 60)], maxsplit=1)[0]
        words = re.findall(r"[\w'-]+", tail)  # "20 first-grade students and six adults": "first-grade students"
        noun = list(itertools.takewhile(lambda w: w.lower() not in _TAIL_STOP and not w.lower().endswith("ed"), words))
        return " ".join(noun[:4]).lower() or "a part"  # "seven were injured": no words of its own
    return None


# An epidemic's deaths are a running tally of a cause, whatever the sentence says.
_EPIDEMIC = re.compile(
    r"\b(?:covid(?:-19)?|coronavirus(?:es)?|pandemic|epidemic|ebola|influenza|flu season|measles|cholera|sars|mers|zika|"
    r"virus|confirmed (?:infections|cases)|social distancing)\b",
    re.I,
)


# What happens in an incident, as a word of its own: an event's noun, or a verb of killing, dying, violence,
# disaster, unrest, an arrest or a deployment. Not a count's noun ("deaths", "cases"), "war", "outbreak" or
# "campaign" (periods), nor "held" or "in custody" (states).
_HAPPENING = re.compile(
    GUNFIRE + r"\b(?:(?:earth)?quakes?|aftershocks?|tremors?|tsunamis?|attack\w*|bomb(?:s|ed|ing|ings|er|ers)?|"
    r"blasts?|explo(?:sions?|sives?|ded?|des)|shoot\w*|shot|shots|gunfire|gun(?:m[ae]n|shots?|fight\w*)|"
    r"massacre[sd]?|raid(?:s|ed|ing)?|air ?strikes?|drone strikes?|struck|strikes?|storms?|hurricanes?|typhoons?|"
    r"cyclones?|tornado(?:es|s)?|flood\w*|fires?|wildfires?|blazes?|burn(?:ed|ing|t)|arson|crash\w*|"
    r"collid\w*|collisions?|clash\w*|riot\w*|protest\w*|demonstrat(?:ion|ions|ors|ed)|rall(?:y|ies|ied)|"
    r"march(?:es|ed|ers)?|unrest|stampedes?|ambush\w*|assault\w*|battles?|fighting|fought|erupt\w*|"
    r"landslides?|mudslides?|avalanches?|collaps\w*|derail\w*|sank|sunk|sinking|capsiz\w*|stab\w*|knife|found (?:dead|slain|murdered)|"
    r"rammed|ramming|gunned|detonat\w*|shell(?:ed|ing)|rockets?|missiles?|mortars?|grenades?|sieges?|"
    r"hijack\w*|kidnap\w*|abduct\w*|accidents?|disasters?|crackdowns?|violence|violent|ambushed|"
    r"executed|execution|lynch\w*|beheaded|hanged|drown\w*|poison\w*|plung\w*|overturn\w*|"
    r"arrest\w*|detain(?:ed|ing)|rounded up|apprehend\w*|round-?ups?|seized|captured|taken (?:hostage|captive)|"
    r"deploy\w*|dispatch\w*|evacuat\w*|displac\w*|fled|flee\w*|uproot\w*|rescued|stranded|trapped|"
    r"burst|breach(?:ed|es)?|gave way|incident|tragedy|emergency|rampage|standoff|hostage-taking|"
    r"kill(?:s|ed|ing)?|di(?:ed|es|ing)|wounded|injured|hurt|sent|sending)\b",
    re.I,
)


def happening(text: str) -> bool:
    """Whether `text` says that something happened: a word of an event or of an act ("the blast", "were
    killed", "were arrested"), not only a count's noun or a state ("17 deaths from the virus", "142 inmates
    still held")."""
    return bool(_HAPPENING.search(text))


def happenings(text: str, start: int, end: int) -> list[re.Match[str]]:
    """The words of an event or act (as `happening` finds them) between two offsets."""
    return list(_HAPPENING.finditer(text, start, end))


def epidemic(opening: str) -> bool:
    """Whether an article's headline and opening, or the claim's own sentence, are about an epidemic (its
    counts are tallies)."""
    return bool(_EPIDEMIC.search(opening))


# The days of a report: a weekday, "yesterday", "overnight" (a figure is founded by a count so dated)
_RITE = r"['’]?s?\s+(?:prayers?|sermons?|services?|worship|mass|school)\b"
# A weekday's rite ("during Friday prayers", "Sunday services"): the tagger dates it, but it says which day of
# the week, not that it was this week's.
RITE_DAY = re.compile(rf"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day(?={_RITE})", re.I)
REPORT_DAYS = re.compile(
    r"\b(?<!bloody )(?<!black )(?<!super )(?<!cyber )(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day"
    rf"(?!{_RITE})"
    r"|yesterday|today|tonight|overnight|last night"
    r"|this (?:morning|afternoon|evening))\b",
    re.I,
)
# A sentence's own time: a day of the report, this week, a month's day, a year, "now"
_OWN_DAY = re.compile(
    REPORT_DAYS.pattern
    + r"|\bthis week\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d|\b(?:19|20)\d\d\b|\bnow\b",
    re.I,
)


_PAST_TIME = re.compile(_PAST, re.I)
# The dead a memorial holds: "the resting place for 9,387 US troops killed in the Normandy campaign".
_MEMORIAL = re.compile(
    r"\b(?:resting\s+place|memorial|monument|graves?)\s+(?:to|for|of|honou?ring)\s+(?:the\s+|some\s+|about\s+)?$", re.I
)


def _earlier_context(text: str, s0: int, sent: str, published: str | None) -> bool:
    """Whether a sentence before sets an earlier year and neither it nor this one names a day of the report:
    "In 2006, Israel fought Hezbollah for a month. Around 160 Israelis died", "On July 28, 1932, troops were
    sent in. They used tear gas. Two men were reported dead". Two sentences back at most, in the count's
    paragraph, or in the paragraph before when the count opens its own (news paragraphs are often one
    sentence); a year of comparison ("the worst since 2015") sets no time."""
    if not published or not published[:4].isdigit() or _OWN_DAY.search(sent):
        return False
    prev = text[max(0, s0 - 500) : s0].rstrip()
    prev = prev[prev.rfind("\n") + 1 :]  # the paragraph's own sentences
    cut = [0] + [m.end() for m in re.finditer(r"[.!?][\"”’]?\s+", prev[:-1])]
    for a, b in list(zip(cut, cut[1:] + [len(prev)]))[::-1][:2]:
        before = prev[a:b]
        years = [int(y) for y in re.findall(r"(?<!since )(?<!than )\b((?:19|20)\d\d)\b", before, re.I)]
        if years:
            return max(years) < int(published[:4])
        if _PAST_TIME.search(before):  # "used in last year's mass shooting at a Newtown school ..."
            return True
        if _OWN_DAY.search(before):
            return False
    return False


# Incidents of history that the text names without their year ("the attack on Pearl Harbor, in which 2,402
# Americans were killed"), with the year each ended: background in any later article.
_HISTORIC = [
    (re.compile(p, re.I), y)
    for p, y in (
        (r"\bpearl harbou?r\b", 1941),
        (r"\b(?:world war (?:i|1|one)|first world war|great war)\b(?! ?ii)", 1918),
        (r"\b(?:world war (?:ii|2|two)|second world war|wwii|ww2)\b", 1945),
        (
            r"\b(?:hiroshima|nagasaki|holocaust|d-day|normandy (?:landings?|campaign|invasion)|auschwitz|concentration camps?)\b",
            1945,
        ),
        (r"\bkorean war\b", 1953),
        (r"\bvietnam war\b", 1975),
        (r"(?<![\d/])9/11\b", 2001),  # not "Sept. 11": Benghazi's attack fell on that day too
        (r"\b(?:first|1991|persian) gulf war\b", 1991),
        (r"\b(?:oklahoma city bombing|rwandan genocide|srebrenica)\b", 1995),
        # a past century: "94 million deaths ... in the 20th century"
        (
            r"\b(?:in|during|over|of|throughout)\s+the\s+(?:1[0-9]th|20th|(?:(?:eleven|twelf|thirteen|fourteen|fifteen|"
            r"sixteen|seventeen|eighteen|nineteen)th)|twentieth)\s+century\b",
            2000,
        ),
    )
]


def _historic(sentence: str, published: str | None) -> bool:
    """Whether the sentence names an incident of history, wherever in it ("About 9.7 million soldiers died,
    ... in the First World War")."""
    year = int(published[:4]) if published and published[:4].isdigit() else None
    # an undated article is written after the history it names (the latest of _HISTORIC is 2001)
    return any((year is None or y < year) and rx.search(sentence) for rx, y in _HISTORIC)


def _history(window: str, published: str | None) -> bool:
    if _EARLIER.search(window):
        return True
    year = int(published[:4]) if published and published[:4].isdigit() else None
    if any((year is None or y < year) and rx.search(window) for rx, y in _HISTORIC):
        return True
    for m in _YEARS.finditer(window):
        y = int(m.group("y1") or m.group("y2"))
        if year is None or y < year:
            return True
    return False


# What a part of the dead is said to be: "two of the four ... were, in fact, CIA contractors".
_PREDICATE = re.compile(
    r"\b(?:were|are|was|is)\b,?(?:\s*(?:in fact|actually|also|all|both|reportedly),?)*\s+"
    r"(?:an?\s+|the\s+)?(?P<x>[A-Za-z][\w-]*(?:\s+(?!(?:and|or|but|who|which|that|in|at|of|from|by|with|on|for|to)\b)"
    r"[A-Za-z][\w-]*){0,2})"
)
_NO_PREDICATE = {"in", "at", "being", "not", "still", "among", "from", "also", "said", "thought", "expected", "due"}


def _part_label(after: str, counted: str | None) -> str | None:
    if re.match(r"\s*(?:of|among)\s", after):
        clause = re.split(r"[.;:!?]", after, maxsplit=1)[0]
        for m in _PREDICATE.finditer(clause):
            first = m.group("x").split()[0].lower()
            if first not in _NO_PREDICATE and not first.endswith("ed"):
                return m.group("x")
    whole = re.match(
        rf"\s*(?:of|among)\s+(?:the\s+)?(?:(?:{_NUM_WORD}|[\d,]+)\s+)?(?!(?:whom|them|those|these|which)\b)([A-Za-z]\w*)",
        after,
        re.I,
    )
    return f"of the {whole.group(1)}" if whole else "a part"  # not `counted`: the group says that already


# One site of an incident that struck several: "two explosions at Brussels Airport, one at a subway station",
# "shootings at two mosques". A count at one of them is a part of the incident's toll.
_SITE = (
    r"airport|terminal|station|metro|subway|mosque|church|synagogue|temple|school|university|campus|hospital|"
    r"market|hotel|club|nightclub|bar|restaurant|stadium|arena|mall|store|base|checkpoint|square|embassy|"
    r"museum|theat(?:er|re)|concert hall|office|building|village|town"
)
_SITE_NP = (
    rf"(?:the\s+|a\s+)?(?:[A-Z][\w'.-]*['’]?s?\s+){{0,4}}(?:[\w-]+\s+){{0,2}}(?i:{_SITE})s?\b"
    rf"(?:\s+(?:[A-Z][\w'.-]*\s*){{1,3}})?"
)
_AT_SITE = re.compile(rf"^[^.;]{{0,60}}?\bat\s+(?P<site>{_SITE_NP})")
# "at Al Noor Mosque, where ... he killed at least 41 people"
_AT_SITE_BEFORE = re.compile(rf"\bat\s+(?P<site>{_SITE_NP}),?\s+where\b[^.;]*$")
_SEVERAL = re.compile(
    r"\b(?:two|three|four|five|2|3|4|5|several|multiple|twin|coordinated|simultaneous|a series of)\s+(?:\w+\s+)?"
    r"(?:attacks|blasts|explosions|bombings|shootings|mosques|churches|sites|locations|stations|targets)\b|"
    r"\band (?:another|one) at\b|\band another (?:struck|hit|at|in)\b|"
    # "the attacks in Brussels", "Tuesday's bombings": one incident's; not "16 high-profile attacks" (many)
    r"(?:\bthe|['’]s)\s+(?:(?!(?:of|from|for|by|against|on|in)\b)[\w-]+\s+){0,2}"
    r"(?:attacks|bombings|blasts|explosions|shootings)\b",
    re.I,
)


def site_of(text: str, sentence: tuple[int, int], claim: tuple[int, int]) -> str | None:
    """The site a count is placed at in its clause ("at the Maelbeek metro station"), if any."""
    after = text[claim[1] : sentence[1]]
    if _WHOLE.search(text, sentence[0], sentence[1]):
        return None  # "In all, 31 people were killed in bombings at Zaventem Airport and a metro station"
    m = _AT_SITE.match(after) or _AT_SITE_BEFORE.search(text[sentence[0] : claim[0]])
    if m and not re.match(
        r"(?:the\s+)?(?:two|three|four|five|both|several|multiple|\d+)\b", m.group("site"), re.I
    ):  # "at two mosques" is the whole incident
        return "at " + re.sub(r"\s+", " ", m.group("site")).strip()
    return None


_WHOLE = re.compile(
    r"\b(?:in all|in total|total|overall|altogether|combined|both|all (?:the|three|two)|(?:the|these) "
    r"(?:attacks|bombings|blasts|explosions|shootings))\b",
    re.I,
)
_AT_SITE_ANY = re.compile(rf"\bat\s+(?P<site>{_SITE_NP})")


def site_before(text: str, sentence: tuple[int, int]) -> str | None:
    """The site the sentence before, in the same paragraph, is at, for a count that names none of its own
    ("The first two explosions rocked the departure hall at the Brussels airport. Early reports placed the
    number of dead at 13"); none when the count's sentence speaks of the whole ("in all", "the attacks")."""
    if _WHOLE.search(text, sentence[0], sentence[1]):
        return None
    para = text.rfind("\n", 0, sentence[0]) + 1
    if not text[para : sentence[0]].strip():
        return None  # the sentence opens its paragraph
    # the last site named: the one the next sentence goes on about
    m = next(reversed(list(_AT_SITE_ANY.finditer(text, max(para, sentence[0] - 300), sentence[0]))), None)
    if m is None or re.match(r"(?:the\s+)?(?:two|three|four|five|both|several|multiple|\d+)\b", m.group("site"), re.I):
        return None
    return "at " + re.sub(r"\s+", " ", m.group("site")).strip()


def several_sites(opening: str) -> bool:
    """Whether an article's headline and opening tell of an incident at several sites."""
    return bool(_SEVERAL.search(opening))


def _in_headline_run(sentence: str, at: int) -> bool:
    """Whether the number at `at` stands in a line of related headlines pasted into the text: pieces set
    apart by runs of spaces, the number's own piece a headline ("One security guard wounded in shooting at
    ...  Gunman dead after Garland, Texas attack  ...")."""
    pieces = [(m.start(), m.group(0)) for m in re.finditer(r"\S+(?:\s\S+)*", sentence)]
    if len(pieces) < 3 or re.search(r"\(@\w+\)", sentence):  # embedded posts are statements, not headlines
        return False
    own = next((p for s, p in pieces if s <= at < s + len(p)), "")
    open_ended = [p for _, p in pieces if p[-1:] not in ".!\"”'’)"]
    return own in open_ended and len(open_ended) >= 0.75 * len(pieces)


_SMALL = {"a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "by", "with", "as", "from", "is", "are"}


def _headline(sentence: str, words: list[str]) -> bool:
    """A line of capitalised words without a sentence's end: a headline (a related story's, left in the text)."""
    s = sentence.strip()
    if not words or s[-1:] in ".!?\"”'’)" or len(words) > 20:
        return False
    content = [w for w in words if w.lower() not in _SMALL]
    return len(content) >= 3 and sum(w[0].isupper() for w in content) >= 0.75 * len(content)
