"""Every regular expression of the time extractor, apart from the logic that reads them.

`RULES` lists (name, pattern) pairs; each pattern finds one kind of time expression in the article
body and names its parts for the resolver in `resolve.py`. Overlapping matches are settled there
(the longest wins, then the earliest rule). All patterns ignore case; names that are also common
words ("May", "March", "fall") are checked for capitals or context by the resolver.
"""

from __future__ import annotations

import re

from .lexicon import HOLIDAYS, MONTHS, NTH_WEEKDAY_HOLIDAYS, ONES, ORDINALS, TENS, WEEKDAYS


def _alt(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


MONTH_FULL = _alt(w for w in MONTHS if len(w) > 4 or w in ("may", "june", "july"))
MONTH_ABBR = r"(?:jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\."
MONTH = rf"(?:{MONTH_FULL}|{MONTH_ABBR}|(?:jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)(?=\s+\d))"
WEEKDAY = _alt(WEEKDAYS)
DAYPART = r"(?:morning|afternoon|evening|night|overnight)"
_ONES19 = _alt(w for w in ONES if " " not in w and w not in ("a", "an", "single", "dozen"))
_TENS = _alt(TENS)
NUMWORD = (
    rf"(?:(?:{_TENS})(?:[\s-]+(?:{_ONES19}))?|{_ONES19}|a\s+couple\s+of|couple\s+of|a\s+dozen|dozen"
    rf"|half\s+a\s+dozen|a\s+single|an?)(?:\s+(?:hundred|thousand))?"
)
DIGITS = r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?(?:\s+\d/\d)?"
VAGUE = r"several|a\s+few|few|some|many|numerous|a\s+number\s+of|dozens\s+of|hundreds\s+of|countless"
NUM = rf"(?:{DIGITS}|{NUMWORD}|{VAGUE})"
UNIT = r"(?:second|minute|hour|day|night|week|month|quarter|year|decade|century|centurie|millenni(?:um|a))"
APPROX = (
    r"(?:at\s+least|more\s+than|less\s+than|fewer\s+than|nearly|almost|about|around|roughly"
    r"|approximately|over|up\s+to|no\s+more\s+than|under|only|just|well\s+over|close\s+to|some)"
)
YEAR4 = r"(?:1[5-9]\d\d|20\d\d)(?![\d,.]\d)"
SPOKEN_YEAR = (
    rf"(?:(?:nineteen|twenty)[\s-]+(?:(?:{_TENS})(?:[\s-]+(?:{_ONES19}))?|hundred|oh[\s-]+(?:{_ONES19}))"
    r"|(?<=year\s)two\s+thousand(?:\s+and\s+\w+)?)"
)
YEAR = rf"(?:{YEAR4}|{SPOKEN_YEAR})"
ORDWORD = _alt(w for w in ORDINALS if w[0].isalpha() and w not in ("final", "last"))
DAYNUM = rf"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d)|{ORDWORD}"
QORD = r"(?:first|second|third|fourth|1st|2nd|3rd|4th|final|last)"
RELWORD = (
    r"(?:this\s+past|this\s+coming|this|last|next|the\s+past|the\s+previous|the\s+prior|the\s+coming"
    r"|the\s+current|the\s+following|the\s+next|the\s+same|that|the\s+latest|the\s+last)"
)
EDGE = r"(?:early|late|mid|earlier|later|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of)"
SEASON = r"(?:spring|summer|fall|autumn|winter)"
TZ = r"(?-i:\s+(?:[ECMP][SD]T|GMT|UTC|BST|CET))"
CLOCK = r"(?:\d{1,2}(?::\d\d)?\s*(?:a\.m\.?|p\.m\.?|am\b|pm\b)|\d{1,2}:\d\d(?!\d)|noon|midnight|midday)"
HOLIDAY = _alt(list(HOLIDAYS) + list(NTH_WEEKDAY_HOLIDAYS) + ["easter", "easter sunday", "good friday", "election day"])

_RULES = [
    # "Friday, Oct. 13, 2000", "Oct. 13", "13 October 2000", "the 4th of July"
    ("date", rf"(?:(?P<wd>{WEEKDAY}),?\s+)?(?P<mon>{MONTH})\s+(?P<day>{DAYNUM})(?:,?\s+(?P<year>{YEAR}))?"),
    ("date_dmy", rf"(?:the\s+)?(?P<day>{DAYNUM})\s+(?:of\s+)?(?P<mon>{MONTH}),?(?:\s+(?P<year>{YEAR4}))?"),
    ("iso", r"(?P<year>\d{4})-(?P<mon>[01]\d)-(?P<day>[0-3]\d)(?!\d)"),
    ("slash", r"(?<![\d/])(?P<mon>1[0-2]|0?[1-9])/(?P<day>[12]\d|3[01]|0?[1-9])/(?P<year>\d{4}|\d{2})(?![\d/])"),
    # "10 a.m. EST Tuesday", "noon Thursday", "8:30 p.m."
    (
        "clock",
        rf"(?:(?:around|about|at\s+about)\s+)?(?P<clock>{CLOCK})(?:{TZ})?(?:,?\s+(?:(?P<wd>{WEEKDAY})"
        rf"|(?P<rel>today|yesterday|tomorrow|tonight)|(?P<mon>{MONTH})\s+(?P<day>{DAYNUM})))?",
    ),
    ("clock_words", rf"(?P<n>{_ONES19}|\d{{1,2}})\s+(?:o'clock\s+)?in\s+the\s+(?P<part>morning|afternoon|evening)"),
    # "this year", "last October", "earlier this week", "next Tuesday", "the end of this quarter"
    (
        "rel",
        rf"(?:(?P<edge>{EDGE})[\s-]+)?(?P<rel>{RELWORD})\s+(?:(?P<fiscal>fiscal|calendar)\s+)?"
        rf"(?P<what>week(?:end)?|month|quarter|year|decade|century|{SEASON}|{MONTH_FULL}|{WEEKDAY})"
        rf"(?!-|\s+(?:or|and)\s+(?:so|two|more)|\s+of\b)",
    ),
    (
        "anaphoric_day",
        r"(?:(?:earlier|later|early|late)\s+)?(?P<rel>that|the\s+same|the\s+next|the\s+following"
        r"|the\s+previous|the\s+prior)\s+(?:same\s+)?(?P<what>day|morning|afternoon|evening|night)",
    ),
    ("the_weekend", r"the\s+weekend"),
    ("year_end", r"(?:the\s+)?(?:year[\s-]end|year's\s+end)"),
    ("week_of", rf"the\s+week\s+of\s+(?P<mon>{MONTH})\s+(?P<day>{DAYNUM})(?:,?\s+(?P<year>{YEAR4}))?"),
    (
        "the_year",
        r"the\s+(?:full\s+|fiscal\s+|calendar\s+|entire\s+|whole\s+)?year"
        r"(?![\s-]+(?:ago|earlier|before|after))",
    ),
    # "June last year", "January this year", "the summer of 1998"
    (
        "of_year",
        rf"(?:(?P<edge>{EDGE})[\s-]+)?(?:the\s+)?(?P<what>{MONTH_FULL}|{SEASON})\s+(?:of\s+)?"
        rf"(?:(?P<year>{YEAR})|(?P<rel>last|this|next)\s+year)",
    ),
    (
        "today",
        rf"(?:(?P<edge>early|late|earlier|later)\s+)?(?P<word>the\s+day\s+before\s+yesterday"
        rf"|the\s+day\s+after\s+tomorrow|today|tonight|yesterday|tomorrow|last\s+night"
        rf"|this\s+(?:morning|afternoon|evening)|(?:yesterday|tomorrow)\s+{DAYPART})",
    ),
    (
        "weekday",
        # not a day's name ("Bloody Sunday", "Super Tuesday"): an event, not a day of the report
        rf"(?<!bloody\s)(?<!black\s)(?<!super\s)(?<!cyber\s)"
        rf"(?:(?P<edge>early|late|earlier|later)\s+)?(?P<set>each\s+|every\s+)?(?P<wd>{WEEKDAY})"
        rf"(?P<plural>s)?(?:'s)?(?:\s+(?P<part>{DAYPART})(?P<parts>s)?)?",
    ),
    (
        "month",
        rf"(?:(?P<edge>{EDGE})[\s-]+)?(?P<set>each\s+|every\s+)?(?P<mon>{MONTH_FULL}|{MONTH_ABBR})"
        rf"(?:,?\s+(?P<year>{YEAR}))?",
    ),
    (
        "quarter",
        rf"(?:the\s+)?(?:(?P<yq>{YEAR4}|this\s+year's|last\s+year's|next\s+year's)\s+)?(?:fiscal\s+)?"
        rf"(?P<q>{QORD})[\s-]+(?:fiscal\s+|calendar\s+)?quarter(?:\s+of\s+(?:fiscal\s+)?"
        rf"(?:(?P<year>{YEAR4})|(?P<rel>this|last|next)\s+year))?",
    ),
    ("quarter_code", r"(?:(?P<q1>Q[1-4])\s+(?P<y1>\d{4})|(?P<y2>\d{4})\s*(?P<q2>Q[1-4]))\b"),
    (
        "half",
        rf"(?:the\s+)?(?P<h>first|second|last|latter)[\s-]+half\s+of\s+"
        rf"(?:(?P<year>{YEAR4})|(?P<rel>this|last|next)\s+year)",
    ),
    (
        "period",
        r"(?:the|this|that|last\s+year's)\s+(?:(?:same|comparable|corresponding)\s+(?=year-))?"
        r"(?P<kind>latest|current|same|comparable|corresponding|year-ago|year-earlier|\d{4})?\s*"
        r"(?:fiscal\s+)?(?P<what>quarter|period)(?!s)"
        r"(?(kind)|(?!\s+of\b))(?:\s+(?P<ly>last\s+year|a\s+year\s+(?:ago|earlier)))?",
    ),
    ("year_ago_adj", r"year-(?:ago|earlier)"),
    (
        "set_a",
        r"(?:(?<=\d\s)|(?<=lion\s)|(?<=times\s)|(?<=once\s)|(?<=twice\s))(?:a|an|per)\s+"
        r"(?P<unit>hour|day|week|month|year)\b",
    ),
    # "two days later", "a year ago", "six weeks earlier"
    (
        "ago",
        rf"(?:(?:{APPROX})\s+)?(?P<n>{NUM})[\s-]+(?P<unit>{UNIT})s?\s+(?:or\s+so\s+)?"
        rf"(?P<dir>ago|earlier|later|from\s+now|hence|(?:before|after)(?=\s*(?:[,.;:!?)]|$)))",
    ),
    # "the past two months", "five-year", "at least 20 more years", "the next few days"
    (
        "duration",
        rf"(?:(?P<det>the|each\s+of\s+the)\s+)?(?:(?P<side>past|last|next|first|coming|previous|following"
        rf"|final|preceding|remaining|ensuing|latest)\s+)?(?:(?P<approx>{APPROX})\s+)?(?P<n>{NUM})"
        rf"(?:\s+or\s+(?:so|{NUMWORD}|\d+))?[\s-]+(?:more[\s-]+|additional[\s-]+|full[\s-]+|straight[\s-]+"
        rf"|consecutive[\s-]+|long[\s-]+)?(?P<unit>{UNIT})(?P<plural>s)?(?P<adj>-long|-old)?",
    ),
    (
        "half_unit",
        rf"(?:(?:{APPROX})\s+)?(?:half\s+an?\s+(?P<u1>hour|day|year|minute)"
        rf"|an?\s+(?P<u2>hour|minute|year|day)"
        rf"\s+and\s+a\s+half)",
    ),
    ("plural_units", r"(?P<side>recent|coming|the\s+coming)\s+(?P<unit>day|week|month|quarter|year|decade)s"),
    (
        "bare_units",
        r"(?<=\bfor\s)(?P<unit>hour|day|week|month|year|decade|centurie)s(?!\s+(?:to|and|of)\b)"
        r"|(?P<unit2>hour|day|week|month|year|decade|centurie)(?P<plural>s)?-long",
    ),
    (
        "decade",
        r"(?:the\s+)?(?:(?P<edge>early|late|mid)[\s-]+)?(?:(?P<dec>1[5-9]\d0|20\d0)'?s|'(?P<short>\d0)s"
        r"|(?:nineteen[\s-]+)?(?P<word>twenties|thirties|forties|fifties|sixties|seventies|eighties"
        r"|nineties))",
    ),
    (
        "century",
        rf"(?:the\s+)?(?P<n>\d{{1,2}}(?:st|nd|rd|th)|{ORDWORD})"
        rf"[\s-]+century|(?P<this>this|last|next)\s+century",
    ),
    ("year", rf"(?:(?P<edge>{EDGE}|fiscal(?:\s+year)?|calendar|the\s+year|FY|post|pre)[\s-]*)?(?P<year>{YEAR})"),
    (
        "season",
        rf"(?:(?<=\bin\s)|(?<=\bduring\s)|(?<=\bby\s)|(?<=\buntil\s)|(?<=\bsince\s)|(?<=\bover\s))"
        rf"(?:the\s+)?(?:(?P<edge>early|late|mid)[\s-]+)?(?P<what>{SEASON})(?!\s+(?:of\s+)?\d)",
    ),
    ("holiday", rf"(?:(?P<rel>last|next|this)\s+)?(?P<name>{HOLIDAY})(?:\s+(?P<year>{YEAR4}))?"),
    (
        "ref",
        r"(?<!-)(?P<word>right\s+now|now|currently|nowadays|more\s+recently|recently|these\s+days|at\s+present"
        r"|the\s+(?:near\s+|distant\s+|foreseeable\s+|immediate\s+)?future|the\s+past)(?!-)",
    ),
    (
        "set",
        rf"(?P<word>daily|weekly|monthly|annually|yearly|hourly|nightly|biweekly)|(?P<every>every|each|per)\s+"
        rf"(?:(?P<other>other)\s+)?(?:(?P<n>{DIGITS}|{_ONES19})\s+)?"
        r"(?P<unit>hour|day|night|week|month|quarter|year)s?",
    ),
]

RULES = [(name, re.compile(rf"\b(?:{pat})(?!\w)", re.I)) for name, pat in _RULES]
RULE_INDEX = {name: i for i, (name, _) in enumerate(RULES)}

# Which rules can match near which word: a rule is only run in windows around its key words, so that
# an article costs a scan for words and a few short regex runs instead of every rule over all the text.
_MONTH_RULES = ("date", "date_dmy", "month", "of_year", "rel", "clock", "week_of")
_UNIT_RULES = (
    "duration",
    "ago",
    "set",
    "set_a",
    "half_unit",
    "plural_units",
    "bare_units",
    "rel",
    "anaphoric_day",
    "the_year",
    "the_weekend",
    "year_end",
    "week_of",
    "period",
    "quarter",
    "century",
    "year_ago_adj",
    "holiday",
    "today",
)
_YEAR_RULES = (
    "year",
    "decade",
    "quarter",
    "quarter_code",
    "half",
    "period",
    "of_year",
    "date",
    "date_dmy",
    "iso",
    "slash",
    "holiday",
    "month",
)
_KEYS: dict[str, tuple[str, ...]] = {}


def _key(words, rules) -> None:
    for w in words:
        _KEYS[w] = tuple(dict.fromkeys(_KEYS.get(w, ()) + tuple(rules)))


_key(MONTHS, _MONTH_RULES)
_key(WEEKDAYS, ("weekday", "date", "rel", "clock"))
_key(("spring", "summer", "fall", "autumn", "winter"), ("season", "of_year", "rel"))
_key(
    [
        u + s
        for u in (
            "second",
            "minute",
            "hour",
            "day",
            "night",
            "week",
            "weekend",
            "month",
            "quarter",
            "year",
            "decade",
            "century",
            "centurie",
            "millennium",
            "millennia",
        )
        for s in ("", "s")
    ],
    _UNIT_RULES,
)
_key(("morning", "afternoon", "evening", "night", "overnight"), ("today", "anaphoric_day", "weekday", "clock_words"))
_key(("today", "tonight", "yesterday", "tomorrow"), ("today", "clock"))
_key(("now", "currently", "nowadays", "recently", "future", "past", "present"), ("ref",))
_key(("daily", "weekly", "monthly", "annually", "yearly", "hourly", "nightly", "biweekly"), ("set",))
_key(("m", "am", "pm", "noon", "midnight", "midday", "est", "edt", "gmt", "utc"), ("clock",))
_key(("period", "half"), ("period", "half", "half_unit"))
_key(("nineteen", "thousand"), ("year", "of_year", "date"))
_key(("twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"), ("decade",))
_key(
    (
        "christmas",
        "thanksgiving",
        "easter",
        "halloween",
        "valentine",
        "independence",
        "labor",
        "memorial",
        "veterans",
        "election",
        "boxing",
        "eve",
        "presidents",
        "luther",
        "fourth",
    ),
    ("holiday",),
)
_key(("q",), ("quarter_code",))
KEYWORDS = _KEYS
YEAR_KEY_RULES = _YEAR_RULES
DECADE_KEY_RULES = ("decade",)
# Words and numbers, to find the key words (ASCII is enough: every key word is ASCII).
WORD = re.compile(r"[A-Za-z]+|\d+s?")
# How far a match may reach before and after its key word.
REACH_BEFORE, REACH_AFTER = 48, 40
