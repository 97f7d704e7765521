"""A number read with what is written onto it: a currency sign before, a scale, unit or rate after."""

from __future__ import annotations

from .. import measures as M
from ..numbers import Number
from .figure import Figure
from .lexicon import ATTACHED_ONLY, CURRENCY_CODES, NATION_CURRENCY
from .patterns import AGED_RE, BLOCK_RE, CUR_AFTER_SIGN, NEG_WORD_RE, PER_SEP, PREFIX_WORD_RE, UNIT_AFTER_RE, WS


class _NotAFigure(Exception):
    """What is written onto a number shows it is part of a name or a word ("PS4", "A2", "COVID-19")."""


def blocking(text: str, n: Number, limit: int) -> int | None:
    """The end of a non-figure span (a date, a time, an address) that holds the number, or None.
    Searched in a window around each number rather than over the whole text: numbers are few."""
    lo = max(0, n.start - 48)
    for m in BLOCK_RE.finditer(text, lo, min(limit, n.end + 48)):
        if m.start() <= n.start < m.end():
            return m.end()
        if m.start() > n.start:
            break
    return None


def read(text: str, n: Number, limit: int) -> Figure | None:
    """The number with its currency sign, scale and unit; None when it is not a figure."""
    q = Figure(n.start, n.end, n.start, n.end, n, n.value)
    if n.kind == "digits":
        try:
            _read_digits(text, q, limit)
        except _NotAFigure:
            return None
    if q.unit is None or q.currency_sign:
        _read_unit(text, q, limit)
    return q


def yearlike(text: str, n: Number) -> bool:
    return (
        n.kind == "digits"
        and n.end - n.start == 4
        and 1000 <= n.value <= 2199
        and n.value == int(n.value)
        and text[n.start : n.end].isdigit()
    )


def _read_digits(text: str, q: Figure, limit: int) -> None:
    """The sign, scale suffix and prefix written onto a number in digits."""
    n = q.num
    start, end = n.start, n.end
    m = _sign_before(text, n)
    if m:
        q.currency_sign = m.group(0).strip()
        q.unit = M.CURRENCY_PREFIX[q.currency_sign]
        q.start = m.start()
    elif text[start - 1 : start].isalpha():
        raise _NotAFigure  # glued to a word: A2, S22
    if n.suffix in ("m", "b"):
        _scale(q)
    tail = text[end : end + 1]
    if tail.isalpha() or tail.isdigit():
        um = UNIT_AFTER_RE.match(text, end, min(limit, end + 40))
        if not um or um.group("gap"):
            raise _NotAFigure  # "3s", "5G", "11th": not a unit we know
    if text[start - 1 : start] == "-" and start >= 2:
        _prefix_word(text, q)
    if NEG_WORD_RE.search(text, max(0, start - 6), start) and q.point is not None:
        q.point = -abs(q.point)
        q.start = start - 6 if text[start - 6 : start].lower().startswith("minus") else q.start


def _sign_before(text: str, n: Number):
    """The match of a currency sign written before the number, or None."""
    start, end = n.start, n.end
    m = M.CURRENCY_PREFIX_RE.search(text, max(0, start - 6), start)
    if not m:
        return None
    sign = m.group(0).strip()
    before = text[m.start() - 1 : m.start()] if m.start() else ""
    if before.isalpha():
        return None
    if sign == "PS" and not (n.scaled or n.suffix or "," in text[start:end] or "." in text[start:end]):
        raise _NotAFigure  # PS4 is a console, PS2.7m is pounds
    if sign in CURRENCY_CODES and before and not before.isspace() and before not in "($":
        return None
    return m


def _scale(q: Figure) -> None:
    """ "$2.5m", "$3b": the suffix scales money; a bare "5m" is metres."""
    n = q.num
    if q.currency_sign:
        q.point = n.value * (1e6 if n.suffix == "m" else 1e9)
    elif n.suffix == "m":
        q.unit = "m"


def _prefix_word(text: str, q: Figure) -> None:
    """A word hyphenated onto the number: "sub-10", "minus-5"; any other makes it a name (COVID-19)."""
    start = q.num.start
    pw = PREFIX_WORD_RE.search(text, max(0, start - 12), start)
    if not pw:
        return
    w = pw.group("w").lower()
    if w in ("to", "and", "or") or text[pw.start() - 1 : pw.start()].isdigit():
        return  # "200,000 to-260,000"
    if w == "sub":
        q.qualifier = "less_than"
        q.start = pw.start()
    elif w == "minus":
        q.point = -abs(q.point)
    else:
        raise _NotAFigure  # COVID-19, F-150, TA-35


def _read_unit(text: str, q: Figure, limit: int) -> None:
    """The unit after the number ("years old" after "aged"), then a rate after the unit."""
    if q.currency_sign:
        m = CUR_AFTER_SIGN.match(text, q.end, min(limit, q.end + 6))
        if m and q.num.kind == "digits":
            q.end = m.end()
        _rate(text, q, limit)
        return
    if q.num.kind == "digits":
        m = CUR_AFTER_SIGN.match(text, q.end, min(limit, q.end + 1))
        if m and m.group(0) == "€":
            q.unit, q.end, q.explicit_unit = "EUR", m.end(), True
            return
    m = UNIT_AFTER_RE.match(text, q.end, min(limit, q.end + 40))
    if not m:
        if AGED_RE.search(text, max(0, q.start - 14), q.start):
            q.unit = "years old"
        return
    unit = _unit_of(text, q.num, m)
    if unit is None:
        return
    q.unit = unit
    q.explicit_unit = True
    q.end = m.end()
    _rate(text, q, limit)


def _rate(text: str, q: Figure, limit: int) -> None:
    # "$21.25 per square foot", "3,000 tests per day": the rate belongs to the unit
    per = PER_SEP.match(text, q.end, min(limit, q.end + 24))
    if per and q.unit != "years old":
        q.unit = f"{q.unit} per {per.group('u').lower()}"
        q.end = per.end()


def _unit_of(text: str, n: Number, m) -> str | None:
    """The unit that an UNIT_AFTER_RE match names, or None when it is not the number's unit."""
    gap = m.group("gap")
    key = WS.sub(" ", m.group("unit"))
    low = key.lower()
    if not _unit_fits(n, gap, key):
        return None
    # The word tables are lower-case: a symbol that is not a word (nor a currency) is read as a symbol.
    if key in M.UNIT_SYMBOLS and key not in M.UNIT_WORDS and low not in M.CURRENCY_WORDS:
        unit = M.UNIT_SYMBOLS[key]
    elif low in M.UNIT_WORDS:
        unit = M.UNIT_WORDS[low]
    elif low in M.CURRENCY_WORDS:
        if low in ("won", "rand", "sen") and n.kind != "digits":
            return None
        unit = _currency(low, m.group("nation"))
    else:
        return None
    if low in ("pounds", "pound"):
        unit = _pounds(text, n, m)
    if low in ("point", "points") and n.kind == "words" and n.value == 1:
        return None  # "one point" is a turn of phrase more often than a figure
    return unit


def _unit_fits(n: Number, gap: str, key: str) -> bool:
    """Whether the gap between number and unit allows the unit."""
    if (" of" in gap or gap.strip() == "of") and n.kind not in ("vague",) and not n.scaled:
        return False  # "tens of millions of dollars", "dozens of miles": "of" only after a vague count
    if "-" in gap and (key in M.UNIT_SYMBOLS and len(key) == 1):
        return False
    return not (key in ATTACHED_ONLY and gap)


def _currency(low: str, nation: str | None) -> str:
    unit = M.CURRENCY_WORDS[low]
    nation = (nation or "").lower()
    if not nation:
        return unit
    if low.startswith("dollar"):
        return M.DOLLAR_NATIONS.get(nation, unit)
    return NATION_CURRENCY.get(nation, unit)


def _pounds(text: str, n: Number, m) -> str:
    """Pounds are sterling or weight."""
    nation = (m.group("nation") or "").lower()
    if nation in M.DOLLAR_NATIONS:
        return M.DOLLAR_NATIONS[nation] if nation not in ("us", "u.s.", "american") else "GBP"
    if text.startswith(" sterling", m.end()):
        return "GBP"
    if (n.scaled or n.kind == "vague") and not text.startswith(" of ", m.end()):
        return "GBP"  # "5 million pounds", but "5 million pounds of thrust" is a weight
    return "lb"
