"""A figure's neighbours: two numbers joined into a range, qualifier words and the interval they allow,
words of change, and a conversion in brackets."""

from __future__ import annotations

from .. import measures as M
from .figure import Figure
from .lexicon import CHANGE_OF, NOUN_CHANGE, PERCENTISH, QUAL_AFTER_OF, QUAL_OF
from .patterns import (
    BETWEEN_RE,
    BY_BEFORE_RE,
    CHANGE_BEFORE_RE,
    CHANGE_BY_RE,
    CHANGE_NOUN_AFTER_RE,
    CHANGE_NOUN_BEFORE_RE,
    PAREN_GAP_RE,
    PHRASAL_RE,
    QUAL_AFTER_RE,
    QUAL_BEFORE_RE,
    RANGE_GAP_RE,
    WS,
)
from .reading import yearlike


def join_range(text: str, a: Figure, b: Figure) -> Figure | None:
    """`a` and `b` as one range ("between 5 and 8", "14-18 mpg"), or None when they are two figures."""
    m = RANGE_GAP_RE.match(text[a.end : b.start])
    if not m or a.point is None or b.point is None or a.num.kind == "fraction" or b.num.kind == "fraction":
        return None
    if not _share_unit(a, b):
        return None
    opener = BETWEEN_RE.search(text, max(0, a.start - 10), a.start)
    av, bv = _first_value(a, b), b.point
    if not _joined(text, m, opener, a, b, av, bv):
        return None
    unit = a.unit or b.unit
    if (a.unit is None) != (b.unit is None) and a.unit is not None and not opener:
        return None  # "5% to 84" with the unit only on the first: two figures
    if yearlike(text, a.num) and yearlike(text, b.num) and not unit:
        return None  # "between 1600 and 1900": two years
    start = opener.start() if opener else a.start
    return Figure(
        start,
        b.end,
        a.core_start,
        b.core_end,
        b.num,
        None,
        min(av, bv),
        max(av, bv),
        unit,
        a.currency_sign or b.currency_sign,
        "range",
        explicit_unit=a.explicit_unit or b.explicit_unit,
        range_from=bool(opener and opener.group("w").lower() == "from"),
    )


def is_score(text: str, a: Figure, b: Figure) -> bool:
    """A score or a tally: "won 3-1", "tied 89-89", "a 257-167 vote"."""
    gap = text[a.end : b.start]
    return (
        a.num.kind == "digits"
        and b.num.kind == "digits"
        and bool(RANGE_GAP_RE.match(gap))
        and "-" in gap
        and not a.unit
        and a.point is not None
        and b.point is not None
        and a.point >= b.point
        and a.num.value == int(a.num.value)
    )


def _share_unit(a: Figure, b: Figure) -> bool:
    """Whether two figures' units allow a range. "$62 and $68 per share": the rate is both's, and both
    are given it (even when they then make no range)."""
    if not (a.unit and b.unit and a.unit != b.unit):
        return True
    if not (a.unit.startswith(b.unit + " per") or b.unit.startswith(a.unit + " per")):
        return False
    a.unit = b.unit = max(a.unit, b.unit, key=len)
    return True


def _first_value(a: Figure, b: Figure) -> float:
    if (
        not a.num.scaled
        and b.num.scaled
        and a.num.kind == "digits"
        and b.num.raw is not None
        and a.num.raw is not None
        and a.num.raw < b.num.raw
        and not a.currency_sign == "PS"
    ):
        return a.point * (b.point / b.num.raw)  # "33-35 billion", "1 to 2 thousand"
    return a.point


def _joined(text: str, m, opener, a: Figure, b: Figure, av: float, bv: float) -> bool:
    """Whether the word between two numbers (and "between" or "from" before them) makes them a range."""
    word = (m.group("w") or "").lower()
    between = bool(opener) and opener.group("w").lower() == "between"
    if m.group("dash"):
        return between or av < bv  # else a score (2-0, 89-89), never a range
    if word == "and":
        return between
    if word in ("to", "through", "-to-", "to-"):
        return bool(opener) or _to_joins(text, a, b, av, bv)
    if word == "or":
        return av < bv <= max(10 * av, av + 10)
    return True


def _to_joins(text: str, a: Figure, b: Figure, av: float, bv: float) -> bool:
    """ "5 to 8" with no "from" or "between" before: a range, unless after a word of change ("rose 5% to $84":
    a change and a level) other than a change by a range ("dropped by 1 to 1.5 degrees")."""
    ch = CHANGE_BEFORE_RE.search(text, max(0, a.start - 30), a.start)
    by_range = (
        ch is not None
        and ch.group(0).rstrip().lower().endswith(" by")
        and a.unit is None
        and b.explicit_unit
        and bv < 4 * av
    )
    return not (av > bv or ch and not by_range)


def qualify(text: str, q: Figure, limit: int) -> None:
    """Qualifier words around the figure, and the interval they allow."""
    if q.qualifier == "exact":
        m = QUAL_BEFORE_RE.search(text, max(0, q.start - 32), q.start)
        if m:
            phrase = WS.sub(" ", m.group("q").strip()).lower()
            qual = QUAL_OF.get(phrase)
            if qual:
                if q.num.kind == "vague" and qual in ("more_than", "at_least"):
                    q.qualifier = qual  # "more than a dozen", "over hundreds"
                elif q.num.kind != "vague":
                    q.qualifier = qual
                q.nearly = phrase in M.NEARLY
                q.start = m.start()
        ma = QUAL_AFTER_RE.match(text, q.end, min(limit, q.end + 12))
        if ma and not (ma.group("q") == "+" and ma.group("sp")):
            q.qualifier = QUAL_AFTER_OF[WS.sub(" ", ma.group("q")).lower()]
            q.end = ma.end()
    elif q.qualifier == "range":
        m = QUAL_BEFORE_RE.search(text, max(0, q.start - 32), q.start)
        if m and QUAL_OF.get(WS.sub(" ", m.group("q").strip()).lower()) == "approx":
            q.qualifier = "approx"  # "about 14-18 mpg": an approximate range keeps its bounds
            q.start = m.start()
            return
    interval(q)


def interval(q: Figure) -> None:
    p = q.point
    if q.num.kind == "vague" and q.qualifier == "exact":
        q.qualifier = "range"
        q.low, q.high = p, q.num.high
    elif q.qualifier == "exact":
        q.low = q.high = p
    elif q.qualifier == "approx":
        if p is not None:
            q.low, q.high = None, (p if q.nearly else None)
    elif q.qualifier in ("more_than", "at_least"):
        q.low, q.high = p, None
    elif q.qualifier in ("less_than", "at_most"):
        q.low, q.high = None, p


def inherit(text: str, q: Figure, prev: Figure | None) -> None:
    """A conversion in brackets ("just under 296 hp (224 kW / 300 PS)") says what the figure before says."""
    if prev is None or q.qualifier != "exact" or prev.qualifier == "exact" and not prev.change:
        return
    if q.start - prev.end > 4 or not PAREN_GAP_RE.fullmatch(text, prev.end, q.start):
        return
    if prev.qualifier not in ("exact", "range"):
        q.qualifier, q.nearly = prev.qualifier, prev.nearly
        interval(q)
    q.change = q.change or prev.change


def change(text: str, q: Figure, prev: Figure | None, limit: int) -> None:
    """The figure's change, up or down, from the words around it: "rose 5%", "a drop of 3%", "-2.1%"."""
    if q.range_from:
        return
    w0 = max(0, q.start - 40)
    m = CHANGE_BEFORE_RE.search(text, w0, q.start)
    if m:
        w = WS.sub(" ", m.group("w").lower())
        if not (w in ("up", "down") and PHRASAL_RE.search(text, max(0, m.start() - 12), m.start())):
            q.change = CHANGE_OF.get(w)
            return
    m = CHANGE_BY_RE.search(text, w0, q.start)
    if m:
        q.change = CHANGE_OF.get(m.group("w").lower())  # "grow sales by 35 per cent"
        return
    digits_sign = text[q.num.start : q.num.start + 1] if q.num.kind == "digits" else ""
    if (digits_sign in "+-−" and digits_sign) and q.unit in PERCENTISH and q.low is not None:
        q.change = "up" if digits_sign == "+" else "down"
        return
    m = CHANGE_NOUN_BEFORE_RE.search(text, w0, q.start)
    if m:
        q.change = NOUN_CHANGE.get(m.group("w").lower())
        return
    if q.unit is not None:
        m = CHANGE_NOUN_AFTER_RE.match(text, q.end, min(limit, q.end + 24))
        if m:
            q.change = NOUN_CHANGE.get(m.group("w").lower())
            return
    if (
        prev is not None
        and prev.change
        and BY_BEFORE_RE.search(text, max(0, q.start - 4), q.start)
        and q.start - prev.end < 60
    ):
        q.change = prev.change  # "Ross were down 2.3%, Burlington by 2.6%"
