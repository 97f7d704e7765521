"""Word tables for time expressions: month, weekday, unit, number and holiday names."""

from __future__ import annotations

import re

from ..numbers import TENS as NUMBER_TENS
from ..numbers import UNITS as NUMBER_WORDS

MONTHS = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
WEEKDAYS = {"monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7}
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
# TIMEX3 parts of the day.
DAYPARTS = {
    "morning": "MO",
    "afternoon": "AF",
    "evening": "EV",
    "night": "NI",
    "overnight": "NI",
    "midday": "MI",
    "daytime": "DT",
}
ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "thirtieth": 30,
    "1st": 1,
    "2nd": 2,
    "3rd": 3,
    "4th": 4,
    "final": 4,
    "last": 4,
}
ONES = {
    **NUMBER_WORDS,
    "a": 1,
    "an": 1,
    "a single": 1,
    "single": 1,
    "a couple of": 2,
    "a couple": 2,
    "couple of": 2,
    "a dozen": 12,
    "dozen": 12,
    "half a dozen": 6,
}
TENS = NUMBER_TENS
# Vague amounts: "several months" is PXM.
VAGUE = ("several", "a few", "few", "some", "many", "numerous", "a number of", "dozens of", "hundreds of", "countless")
# Unit -> (TIMEX3 duration letter, multiplier, needs the T of a time duration, granularity for dates).
UNITS = {
    "second": ("S", 1, True, None),
    "minute": ("M", 1, True, None),
    "hour": ("H", 1, True, None),
    "day": ("D", 1, False, "day"),
    "night": ("D", 1, False, "day"),
    "week": ("W", 1, False, "week"),
    "weekend": ("WE", 1, False, "week"),
    "month": ("M", 1, False, "month"),
    "quarter": ("Q", 1, False, "quarter"),
    "year": ("Y", 1, False, "year"),
    "decade": ("Y", 10, False, "decade"),
    "century": ("Y", 100, False, "century"),
    "centurie": ("Y", 100, False, "century"),
    "millennium": ("Y", 1000, False, None),
}
# Fixed-date holidays (month, day) and the rule-based ones (month, weekday, nth; -1 = last).
HOLIDAYS = {
    "christmas": (12, 25),
    "christmas day": (12, 25),
    "christmas eve": (12, 24),
    "new year's day": (1, 1),
    "new year's eve": (12, 31),
    "independence day": (7, 4),
    "the fourth of july": (7, 4),
    "july fourth": (7, 4),
    "halloween": (10, 31),
    "valentine's day": (2, 14),
    "veterans day": (11, 11),
    "boxing day": (12, 26),
}
NTH_WEEKDAY_HOLIDAYS = {
    "thanksgiving": (11, 4, 4),
    "thanksgiving day": (11, 4, 4),
    "labor day": (9, 1, 1),
    "memorial day": (5, 1, -1),
    "martin luther king day": (1, 1, 3),
    "presidents day": (2, 1, 3),
    "presidents' day": (2, 1, 3),
}

_NUM_WORD = re.compile(r"[\s-]+")


def number(text: str) -> int | float | None:
    """The value of a number written in digits or words ("24", "twenty-four", "a couple of"),
    None for a vague amount ("several") and for what is not a number."""
    t = text.lower().replace(",", "").strip()
    if not t:
        return None
    if t[0].isdigit():
        parts = t.split()
        try:
            if len(parts) == 2 and "/" in parts[1]:  # "1 1/2"
                num, den = parts[1].split("/")
                return int(parts[0]) + int(num) / int(den)
            return float(t) if "." in t else int(t)
        except ValueError:
            return None
    if t in ONES:
        return ONES[t]
    words = _NUM_WORD.split(t)
    total = 0
    for w in words:
        if w in TENS:
            total += TENS[w]
        elif w in ONES:
            total += ONES[w]
        elif w == "hundred":
            total = max(total, 1) * 100
        elif w == "thousand":
            total = max(total, 1) * 1000
        elif w == "and":
            continue
        else:
            return None
    return total
