"""Word tables of the claim extractor beyond the lexicons in `measures`: the words around a figure, and
the parse labels that matter."""

from __future__ import annotations

from .. import measures as M

# Single-letter symbols must be written onto the number ("45g", "118.5p"), except W and p.
ATTACHED_ONLY = {"g", "t", "L", "l", "V", "c", "m", "x"}
QUAL_PHRASES = sorted(
    ((p, q) for q, ps in M.QUALIFIERS_BEFORE.items() for p in ps), key=lambda pq: len(pq[0]), reverse=True
)
QUAL_OF = {p: q for p, q in QUAL_PHRASES}
QUAL_AFTER_OF = {
    "+": "at_least",
    "plus": "at_least",
    "or more": "at_least",
    "or higher": "at_least",
    "or above": "at_least",
    "or fewer": "at_most",
    "or less": "at_most",
    "or lower": "at_most",
    "or under": "at_most",
    "or so": "approx",
    "odd": "approx",
}
CHANGE_OF = {w: "up" for w in M.CHANGE_UP} | {w: "down" for w in M.CHANGE_DOWN}
NOUN_CHANGE = (
    {w: "up" for w in M.CHANGE_NOUNS_UP} | {w: "down" for w in M.CHANGE_NOUNS_DOWN} | {"higher": "up", "lower": "down"}
)
LABELS = {
    "game",
    "category",
    "level",
    "phase",
    "stage",
    "chapter",
    "article",
    "section",
    "round",
    "grade",
    "class",
    "type",
    "version",
    "room",
    "page",
    "step",
    "season",
    "episode",
    "unit",
    "flight",
    "route",
    "channel",
    "number",
    "no",
    "gate",
    "platform",
    "row",
    "seat",
    "tier",
    "volume",
    "vol",
    "part",
    "act",
    "verse",
    "apartment",
    "suite",
    "floor",
    "district",
    "precinct",
    "ward",
    "lane",
    "exit",
    "highway",
    "interstate",
    "bus",
    "car",
    "jersey",
    "figure",
    "table",
    "item",
    "clause",
    "amendment",
    "resolution",
    "rule",
    "model",
    "mark",
    "series",
    "generation",
    "gen",
    "day",
    "week",
}
# Entities whose numbers are names, not figures: "Big 12", "iPhone 11", "Game 7", "S&P 500".
NAME_LABELS = {"ORG", "PRODUCT", "EVENT", "WORK_OF_ART", "FAC", "LAW", "PERSON", "GPE", "LOC", "NORP"}
PERCENTISH = {"percent", "percentage points", "basis points", "points"}
NUMBER_NOUNS = {
    "half",
    "third",
    "thirds",
    "quarter",
    "quarters",
    "dozen",
    "dozens",
    "hundreds",
    "thousands",
    "millions",
    "billions",
    "percent",
    "%",
    "cent",
}
# Children of the counted noun that belong to what is counted ("displaced people").
COUNTED_DEPS = {"compound", "amod", "nmod"}
# Words after a figure (and its noun) that say what happened to it: "228 people reported missing",
# "60,000 customers without power", "52 diplomats hostage".
AFTER_MEASURE = {
    "missing": "missing",
    "for": "missing",
    "power": "affected",
    "electricity": "affected",
    "evacuation": "evacuated",
    "hostage": "hostage",
    "custody": "arrested",
    "assistance": "affected",
    "aid": "affected",
}
BEFORE_MEASURE = {
    "kill": "kill",
    "injur": "injure",
    "wound": "wound",
    "displac": "displace",
    "arrest": "arrest",
    "evacuat": "evacuate",
    "detain": "detain",
}
# Dependencies through which parse.walk climbs from a figure's noun to its verb.
UP_DEPS = {
    "nsubj",
    "nsubjpass",
    "dobj",
    "pobj",
    "prep",
    "attr",
    "conj",
    "appos",
    "nummod",
    "npadvmod",
    "oprd",
    "acomp",
    "quantmod",
    "compound",
    "amod",
    "agent",
    "dative",
}
# Currency codes written before a number; glued to a letter or digit before them they are part of a word.
CURRENCY_CODES = ("PS", "RM", "Rs", "USD", "EUR", "GBP", "JPY", "CHF", "AUD", "CAD", "CNY", "INR")
# Currencies named by nation and word: "Danish kroner", "Swiss francs" (dollars: M.DOLLAR_NATIONS).
NATION_CURRENCY = {"danish": "DKK", "swedish": "SEK", "norwegian": "NOK", "czech": "CZK", "swiss": "CHF"}
