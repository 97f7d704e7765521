"""Handlers for amounts of time and for references: durations ("the past two months", "five-year"),
sets ("daily", "every week", "$40 a year") and PRESENT_REF / PAST_REF / FUTURE_REF ("now", "recently")."""

from __future__ import annotations

from .context import Context, norm, text_after
from .lexicon import UNITS, number


def name_part(ctx: Context, m) -> bool:
    """Whether the match is part of a name ("the Weekly Standard", "USA TODAY"), not a time."""
    word = m[0]
    if not word[:1].isupper():
        return False
    tok = ctx.token_at(m.start())
    return tok is not None and tok.pos_ == "PROPN" and (word.isupper() or not tok.is_sent_start)


def unit_of(word: str) -> tuple[str, int, bool, str | None]:
    w = word.lower()
    return UNITS["millennium" if w.startswith("millenni") else w]


def _duration(n, letter: str, mult: int, timed: bool) -> str:
    if n is None:
        return f"P{'T' if timed else ''}X{letter}"
    whole = int(n)
    frac = n - whole
    t = "T" if timed else ""
    if not frac:
        return f"P{t}{whole * mult}{letter}"
    smaller = {
        "Y": (12, "M", False),
        "D": (24, "H", True),
        "H": (60, "M", True),
        "W": (7, "D", False),
        "M": (60, "S", True) if timed else (30, "D", False),
    }
    if mult != 1 or letter not in smaller:
        return f"P{t}{whole * mult}{letter}"
    k, sub, sub_timed = smaller[letter]
    rest = round(frac * k)
    if sub_timed and not timed:
        return f"P{whole}{letter}T{rest}{sub}"
    return f"P{t}{whole}{letter}{rest}{sub}"


def h_duration(m, ctx):
    n_text = norm(m["n"])
    n = number(n_text)
    unit = m["unit"].lower()
    letter, mult, timed, _ = unit_of(unit)
    if (m["adj"] and m["adj"].lower() == "-old") or text_after(ctx, m).startswith(" old"):
        return None  # ages ("a 40-year-old", "52 years old") are not times
    vague = n is None
    if vague and not m["plural"] and "-" not in m[0]:
        return None  # "some day", "many a year"
    if unit == "second" and n_text in ("a", "an", "one") and not m["approx"]:
        return None  # "a second term"
    if unit == "quarter":
        if text_after(ctx, m).startswith(" of") or n_text in ("a", "an", "three"):
            return None  # "a quarter of the vote", "three quarters of voters"
    value = _duration(n, letter, mult, timed)
    if m["det"] and not m["plural"] and "-" in m[0][m.end("n") - m.start() : m.start("unit") - m.start()]:
        # "the eight-year war": the expression is the adjective, not the noun phrase
        return "DURATION", value, min(m.start(g) for g in ("side", "approx", "n") if m[g])
    return "DURATION", value


def h_half_unit(m, ctx):
    u = (m["u1"] or m["u2"]).lower()
    if m["u1"]:
        return "DURATION", {"hour": "PT30M", "day": "PT12H", "year": "P6M", "minute": "PT30S"}[u]
    return "DURATION", {"hour": "PT1H30M", "minute": "PT1M30S", "year": "P1Y6M", "day": "P1DT12H"}[u]


def h_plural_units(m, ctx):
    if m["side"].lower() == "recent":
        return "DATE", "PAST_REF"
    letter, mult, timed, _ = unit_of(m["unit"])
    return "DURATION", f"P{'T' if timed else ''}X{letter}"


def h_bare_units(m, ctx):
    letter, mult, timed, _ = unit_of(m["unit"] or m["unit2"])
    n = "X" if m["unit"] or m["plural"] else mult  # "for years", "decades-long"; "day-long" is P1D
    return "DURATION", f"P{'T' if timed else ''}{n}{letter}"


def h_ref(m, ctx):
    if name_part(ctx, m):
        return None
    w = norm(m["word"])
    if w.endswith("future"):
        return "DATE", "FUTURE_REF"
    if w.endswith("past") or w.endswith("recently"):
        return "DATE", "PAST_REF"
    return "DATE", "PRESENT_REF"


def h_set(m, ctx):
    if m["word"] and name_part(ctx, m):
        return None
    if m["word"]:
        return "SET", {
            "daily": "P1D",
            "weekly": "P1W",
            "monthly": "P1M",
            "annually": "P1Y",
            "yearly": "P1Y",
            "hourly": "PT1H",
            "nightly": "P1D",
            "biweekly": "P2W",
        }[m["word"].lower()]
    unit = m["unit"].lower()
    letter, mult, timed, _ = unit_of("day" if unit == "night" else unit)
    n = 2 if m["other"] else (number(m["n"]) if m["n"] else 1)
    if not isinstance(n, int):
        return None
    return "SET", f"P{'T' if timed else ''}{n * mult}{letter}"


def h_set_a(m, ctx):
    letter, mult, timed, _ = unit_of(m["unit"])
    return "SET", f"P{'T' if timed else ''}{mult}{letter}"
