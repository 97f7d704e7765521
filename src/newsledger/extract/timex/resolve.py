"""Handlers for points in time: from regex matches to TIMEX3 DATE/TIME types and values.

Each rule of `patterns.RULES` has a handler (here, or in `amounts.py` for durations, sets and
references) that reads the match and returns (type, value), (type, value, start) to trim the span, or
None to drop it. Values are resolved against the document creation time (the article's publication
date): weekdays, months and seasons without a year look backwards or forwards by the tense of the
governing verb; "two days later", "the following week", "that year" and the finance idioms ("a year
earlier", "the year-ago quarter") count from the last date the text mentioned. Without a publication
date, relative values stay unresolved (`XXXX-10-23`, `XXXX-WXX-5`).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from .amounts import h_bare_units, h_duration, h_half_unit, h_plural_units, h_ref, h_set, h_set_a, unit_of
from .context import FUTURE, PAST, Context, capitalised, norm, text_after, text_before
from .dates import Point, easter, nth_weekday, shift, weekday_near
from .lexicon import DAYPARTS, HOLIDAYS, MONTHS, NTH_WEEKDAY_HOLIDAYS, ONES, ORDINALS, SEASONS, TENS, WEEKDAYS, number

# A date without a year this close to the publication date is taken as the nearest one, whatever the tense:
# "payable Nov. 10" in a story of Oct. 27 said in the past tense is still the coming Nov. 10.
NEAR_DAYS = 62
# Words before a bare "May" that make it the month, not the verb or the surname.
MAY_CONTEXT = frozenset(
    {
        "in",
        "since",
        "until",
        "till",
        "by",
        "of",
        "from",
        "through",
        "early",
        "late",
        "mid",
        "last",
        "next",
        "this",
        "during",
        "before",
        "after",
        "end",
        "between",
    }
)
# Nouns a bare year may count (a "1998 report") versus things a number counts ("2000 people").
TIME_NOUNS = frozenset(
    {
        "year",
        "season",
        "election",
        "campaign",
        "budget",
        "report",
        "census",
        "level",
        "law",
        "act",
        "agreement",
        "accord",
        "war",
        "game",
        "games",
        "olympics",
        "cup",
        "model",
        "period",
        "quarter",
        "results",
        "figure",
        "figures",
        "estimate",
        "forecast",
        "plan",
        "crisis",
        "attack",
        "attacks",
        "summit",
        "race",
        "earnings",
        "loss",
        "profit",
    }
)
FINENESS = {
    "day": 0,
    "week": 1,
    "weekend": 1,
    "month": 2,
    "quarter": 3,
    "season": 3,
    "half": 4,
    "year": 5,
    "decade": 6,
    "century": 7,
}
SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_CLOCK = re.compile(r"(\d{1,2})(?::(\d\d))?\s*([ap])?", re.I)
UNRESOLVED = {
    "day": "XXXX-XX-XX",
    "week": "XXXX-WXX",
    "weekend": "XXXX-WXX-WE",
    "month": "XXXX-XX",
    "quarter": "XXXX-QX",
    "half": "XXXX-HX",
    "year": "XXXX",
    "decade": "XXX",
    "century": "XX",
}


def _month(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def _day(word: str) -> int:
    w = word.lower()
    return ORDINALS[w] if w in ORDINALS else int(re.match(r"\d+", w).group())


def _year(text: str) -> int:
    t = norm(text)
    if t[0].isdigit():
        return int(t)
    words = t.split()
    if words[0] == "two":  # "two thousand (and five)"
        rest = " ".join(words[3:]) if len(words) > 3 else ""
        return 2000 + (number(rest) or 0 if rest else 0)
    century = 1900 if words[0] == "nineteen" else 2000
    rest = words[1:]
    if rest == ["hundred"]:
        return century
    if rest and rest[0] == "oh":
        return century + ONES.get(rest[1], 0)
    n = 0
    for w in rest:
        n += TENS.get(w, 0) + (ONES.get(w, 0) if w in ONES else 0)
    return century + n


def _sign(rel: str) -> int:
    if rel in ("last", "the past", "the previous", "the prior", "this past", "the last", "the latest"):
        return -1
    if rel in ("next", "the coming", "the following", "the next", "this coming"):
        return 1
    return 0


ANAPHORIC = frozenset({"the previous", "the prior", "the following", "that", "the same"})


def _date_in_year(ctx: Context, month: int, day: int, start: int, weekday: int = 0) -> str | None:
    """A month and day without a year, placed by tense: before the DCT for past, after for future."""
    if ctx.dct is None:
        return f"XXXX-{month:02d}-{day:02d}"
    d = ctx.dct
    cands = []
    for y in (d.year - 1, d.year, d.year + 1):
        try:
            cands.append(date(y, month, day))
        except ValueError:
            continue
    if not cands:
        return None
    if weekday:  # "Monday, Oct. 26": the year where the weekday fits
        cands = [c for c in cands if c.isoweekday() == weekday] or cands
    pick = _by_tense(ctx, cands, d, start, NEAR_DAYS)
    ctx.anchor = Point("day", pick)
    return pick.isoformat()


def _by_tense(ctx: Context, cands: list[date], d: date, start: int, near: int) -> date:
    """The candidate nearest to d when one lies within `near` days, else the one the tense points to."""
    nearest = min(cands, key=lambda c: abs((c - d).days))
    if abs((nearest - d).days) <= near:
        return nearest
    t = ctx.tense(start)
    if t == PAST:
        return max((c for c in cands if c <= d), default=nearest)
    if t == FUTURE:
        return min((c for c in cands if c >= d), default=nearest)
    return nearest


def _set_point(ctx: Context, p: Point) -> str:
    ctx.anchor = p
    return p.value()


# ---- handlers: (match, ctx) -> (type, value) | None -------------------------------------------------


def h_date(m, ctx):
    if not capitalised(m["mon"]):
        return None
    month, day = _month(m["mon"]), _day(m["day"])
    if m["year"]:
        try:
            return "DATE", _set_point(ctx, Point("day", date(_year(m["year"]), month, day)))
        except ValueError:
            return None
    wd = WEEKDAYS[m["wd"].lower()] if m.groupdict().get("wd") else 0
    v = _date_in_year(ctx, month, day, m.start(), wd)
    return ("DATE", v) if v else None


def h_iso(m, ctx):
    try:
        return "DATE", _set_point(ctx, Point("day", date(int(m["year"]), int(m["mon"]), int(m["day"]))))
    except ValueError:
        return None


def h_slash(m, ctx):
    y = int(m["year"])
    if y < 100:
        y += 2000 if y < 50 else 1900
    try:
        return "DATE", _set_point(ctx, Point("day", date(y, int(m["mon"]), int(m["day"]))))
    except ValueError:
        return None


def _weekday_date(ctx: Context, wd: int, start: int) -> date | None:
    if ctx.dct is None:
        return None
    return weekday_near(ctx.dct, wd, 1 if ctx.tense(start) == FUTURE else -1)


def h_clock(m, ctx):
    c = norm(m["clock"])
    if c in ("noon", "midday"):
        hh, mm = 12, 0
    elif c == "midnight":
        hh, mm = 24, 0
    else:
        cm = _CLOCK.match(c)
        hh, mm = int(cm[1]), int(cm[2] or 0)
        if not cm[3] and not (m["wd"] or m["rel"] or m["mon"]) and "T" not in m[0][len(m["clock"]) :].upper():
            return None  # "3:30" alone may be a score or a ratio
        if hh > 24 or mm > 59:
            return None
        if cm[3] and cm[3].lower() == "p" and hh < 12:
            hh += 12
        elif cm[3] and cm[3].lower() == "a" and hh == 12:
            hh = 0
    clock = f"T{hh:02d}:{mm:02d}"
    day = None
    if m["wd"]:
        if not capitalised(m["wd"]):
            return None
        day = _weekday_date(ctx, WEEKDAYS[m["wd"].lower()], m.start())
        if day is None:
            return "TIME", f"XXXX-WXX-{WEEKDAYS[m['wd'].lower()]}{clock}"
    elif m["rel"]:
        if ctx.dct:
            day = ctx.dct + timedelta(days={"yesterday": -1, "tomorrow": 1}.get(m["rel"].lower(), 0))
    elif m["mon"]:
        v = _date_in_year(ctx, _month(m["mon"]), _day(m["day"]), m.start())
        return ("TIME", v + clock) if v else None
    elif ctx.anchor and ctx.anchor.gran == "day":
        day = ctx.anchor.day
    else:
        day = ctx.dct
    if day is None:
        return "TIME", "XXXX-XX-XX" + clock
    ctx.anchor = Point("day", day)
    return "TIME", day.isoformat() + clock


def h_clock_words(m, ctx):
    n = number(m["n"])
    if not isinstance(n, int) or not 1 <= n <= 12:
        return None
    hh = n + (12 if m["part"].lower() != "morning" and n < 12 else 0)
    day = ctx.anchor.day if ctx.anchor and ctx.anchor.gran == "day" else ctx.dct
    return "TIME", (day.isoformat() if day else "XXXX-XX-XX") + f"T{hh:02d}:00"


def _season_year(d: date, code: str, direction: int) -> int:
    start = SEASON_START[code]
    if direction < 0 and start > d.month:
        return d.year - 1
    if direction > 0 and start + 2 < d.month:
        return d.year + 1
    return d.year


def h_rel(m, ctx):
    rel, what = norm(m["rel"]), norm(m["what"])
    sign = _sign(rel)
    base = ctx.base() if rel in ANAPHORIC else ctx.dct
    if what in MONTHS:
        if not capitalised(m["what"]):
            return None
        month = MONTHS[what]
        if base is None:
            return "DATE", f"XXXX-{month:02d}"
        if sign == 0:
            y = base.year
        elif sign < 0:
            y = base.year if month < base.month else base.year - 1
        else:
            y = base.year if month > base.month else base.year + 1
        return "DATE", _set_point(ctx, Point("month", date(y, month, 1)))
    if what in WEEKDAYS:
        if not capitalised(m["what"]):
            return None
        wd = WEEKDAYS[what]
        if base is None:
            return "DATE", f"XXXX-WXX-{wd}"
        if sign < 0:
            d = weekday_near(base - timedelta(days=1), wd, -1)
        elif sign > 0:
            d = weekday_near(base + timedelta(days=1), wd, 1)
        else:
            d = _weekday_date(ctx, wd, m.start())
            if d is None:  # anchored by an earlier date, but "this Monday" needs the publication date
                return "DATE", f"XXXX-WXX-{wd}"
        return "DATE", _set_point(ctx, Point("day", d))
    if what in SEASONS:
        code = SEASONS[what]
        if base is None:
            return "DATE", f"XXXX-{code}"
        y = _season_year(base, code, sign) if sign else base.year
        if sign < 0 and y == base.year and SEASON_START[code] + 2 >= base.month:
            y -= 1  # "last summer" in August is the summer before
        return "DATE", _set_point(ctx, Point("season", date(y, 1, 1), f"-{code}"))
    gran = what
    if m["what"][0].isupper() and not m[0].isupper() and capitalised(m["rel"].split()[-1]):
        return None  # a title: ABC's "This Week", "Next Year in Jerusalem"
    spanning = text_before(ctx, m).endswith(("for ", "over ", "during ", "throughout "))
    if sign and gran != "weekend" and rel.startswith("the ") and spanning:
        letter, mult, timed, _ = unit_of(gran)
        return "DURATION", f"P{mult}{letter}"  # "for the next decade", "over the past year"
    if base is None:
        return "DATE", UNRESOLVED[gran]
    if gran == "weekend":
        sat = weekday_near(base, 6, 1 if sign >= 0 else -1)
        if sign < 0 and sat == base:
            sat -= timedelta(days=7)
        elif sign > 0:
            sat += timedelta(days=7)
        return "DATE", _set_point(ctx, Point("weekend", sat))
    return "DATE", _set_point(ctx, Point(gran, shift(base, gran, sign)))


def h_anaphoric_day(m, ctx):
    base = ctx.base()
    what = m["what"].lower()
    part = "" if what == "day" else "T" + DAYPARTS[what]
    kind = "TIME" if part else "DATE"
    if base is None:
        return kind, "XXXX-XX-XX" + part
    d = base + timedelta(days=_sign(norm(m["rel"])))
    ctx.anchor = Point("day", d)
    return kind, d.isoformat() + part


def h_the_weekend(m, ctx):
    if ctx.dct is None:
        return "DATE", "XXXX-WXX-WE"
    future = ctx.tense(m.start()) == FUTURE
    sat = weekday_near(ctx.dct, 6, 1 if future else -1)
    if not future and ctx.dct.isoweekday() == 7:
        sat = ctx.dct - timedelta(days=1)
    return "DATE", _set_point(ctx, Point("weekend", sat))


def h_the_year(m, ctx):
    if text_after(ctx, m).startswith((" end", " to ")):
        return "DURATION", "P1Y"  # "the year ended Sept. 30" is a span of a year
    base = ctx.dct  # "for the full year", "by the end of the year": the year of publication
    return "DATE", str(base.year) if base else "XXXX"


def h_year_end(m, ctx):
    return "DATE", str(ctx.dct.year) if ctx.dct else "XXXX"


def h_week_of(m, ctx):
    got = h_date(m, ctx)
    if got is None:
        return None
    if got[1].startswith("X"):
        return "DATE", "XXXX-WXX"
    return "DATE", _set_point(ctx, Point("week", date.fromisoformat(got[1])))


def h_of_year(m, ctx):
    what = norm(m["what"])
    if m["year"]:
        y = _year(m["year"])
    elif ctx.dct is not None:
        y = ctx.dct.year + _sign(m["rel"].lower())
    else:
        y = None
    if what in SEASONS:
        code = SEASONS[what]
        return "DATE", (_set_point(ctx, Point("season", date(y, 1, 1), f"-{code}")) if y else f"XXXX-{code}")
    if not capitalised(m["what"]):
        return None
    month = MONTHS[what]
    return "DATE", (_set_point(ctx, Point("month", date(y, month, 1))) if y else f"XXXX-{month:02d}")


def h_today(m, ctx):
    if m[0].isupper() and len(m[0]) > 1:
        return None  # "USA TODAY"
    w = norm(m["word"])
    offset = {
        "yesterday": -1,
        "tomorrow": 1,
        "last night": -1,
        "the day before yesterday": -2,
        "the day after tomorrow": 2,
    }.get(w.split()[0] if w.split()[0] in ("yesterday", "tomorrow") else w, 0)
    part = ""
    if w == "tonight" or w == "last night":
        part = "TNI"
    elif w.split()[-1] in DAYPARTS and w.split()[-1] not in ("yesterday", "tomorrow"):
        part = "T" + DAYPARTS[w.split()[-1]]
    kind = "TIME" if part else "DATE"
    if ctx.dct is None:
        return kind, "XXXX-XX-XX" + part
    d = ctx.dct + timedelta(days=offset)
    ctx.anchor = Point("day", d)
    return kind, d.isoformat() + part


def h_weekday(m, ctx):
    if not capitalised(m["wd"]):
        return None
    wd = WEEKDAYS[m["wd"].lower()]
    part = "T" + DAYPARTS[m["part"].lower()] if m["part"] else ""
    if m["set"] or m["plural"] or m["parts"]:  # "each Monday", "on Tuesdays", "Tuesday nights"
        return "SET", f"XXXX-WXX-{wd}{part}"
    d = _weekday_date(ctx, wd, m.start())
    if d is None:
        return ("TIME" if part else "DATE"), f"XXXX-WXX-{wd}{part}"
    ctx.anchor = Point("day", d)
    return ("TIME" if part else "DATE"), d.isoformat() + part


def h_month(m, ctx):
    word = m["mon"]
    if not capitalised(word):
        return None
    if word.lower() == "may" and not m["year"] and not m["edge"]:
        before = ctx.text[max(0, m.start() - 12) : m.start()].split()
        if not before or before[-1].lower() not in MAY_CONTEXT:
            return None
    if not m["year"] and not m["edge"] and (text_after(ctx, m).startswith(" for ") or text_after(ctx, m) == " of the "):
        if text_before(ctx, m).endswith(("the ", "a ", "`", '"')):
            return None  # "the March for Life", "the ``March of the Mothers''"
    month = _month(word)
    if m["set"]:
        return "SET", f"XXXX-{month:02d}"
    if m["year"]:
        return "DATE", _set_point(ctx, Point("month", date(_year(m["year"]), month, 1)))
    if ctx.dct is None:
        return "DATE", f"XXXX-{month:02d}"
    cands = [date(y, month, 15) for y in (ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1)]
    pick = _by_tense(ctx, cands, ctx.dct, m.start(), NEAR_DAYS)
    return "DATE", _set_point(ctx, Point("month", pick.replace(day=1)))


def _quarter_word(q: str) -> int:
    return ORDINALS[q.lower()]


def h_quarter(m, ctx):
    q = _quarter_word(m["q"])
    y = None
    yq = norm(m["yq"])
    if m["year"]:
        y = int(m["year"])
    elif yq and yq[0].isdigit():
        y = int(yq)
    elif ctx.dct is not None:
        rel = yq.split()[0] if yq else (m["rel"] or "").lower()
        if rel:
            y = ctx.dct.year + _sign(rel)
        else:
            y = ctx.dct.year
            dq = (ctx.dct.month - 1) // 3 + 1
            if q > dq and ctx.tense(m.start()) == PAST:
                y -= 1
    if y is None:
        return "DATE", f"XXXX-Q{q}"
    return "DATE", _set_point(ctx, Point("quarter", date(y, 3 * q - 2, 1)))


def h_quarter_code(m, ctx):
    q, y = int((m["q1"] or m["q2"])[1]), int(m["y1"] or m["y2"])
    return "DATE", _set_point(ctx, Point("quarter", date(y, 3 * q - 2, 1)))


def h_half(m, ctx):
    if m["year"]:
        y = int(m["year"])
    elif ctx.dct is not None:
        y = ctx.dct.year + _sign(m["rel"].lower())
    else:
        return "DATE", "XXXX-HX"
    return "DATE", _set_point(ctx, Point("half", date(y, 1 if m["h"].lower() == "first" else 7, 1)))


def _last_quarter(ctx: Context, start: int) -> Point | None:
    if ctx.anchor and ctx.anchor.gran == "quarter":
        return ctx.anchor
    if ctx.dct is None:
        return None
    back = -1 if ctx.tense(start) in (PAST, None) else 0
    return Point("quarter", shift(ctx.dct, "quarter", back))


def h_period(m, ctx):
    kind, what = " ".join((m["kind"] or "").lower().split()), m["what"].lower()
    if what == "period" and not kind:
        return None
    if kind[:1].isdigit():
        base = _last_quarter(ctx, m.start())
        y = int(kind)
        if base is None:
            return "DATE", str(y)
        return "DATE", Point("quarter", date(y, base.day.month, 1)).value()
    if kind == "current" or (m[0].lower().startswith("this") and not kind):
        if ctx.dct is None:
            return "DATE", "XXXX-QX"
        return "DATE", Point("quarter", ctx.dct).value()
    if what == "period" and ctx.anchor and ctx.anchor.gran in ("month", "half", "season", "quarter"):
        base = ctx.anchor  # "the first half of 2013 ... the same period a year earlier"
    else:
        base = _last_quarter(ctx, m.start())
    if base is None:
        return "DATE", "XXXX-QX"
    if kind in ("year-ago", "year-earlier") or m["ly"] or m[0].lower().startswith("last year"):
        return "DATE", Point(base.gran, shift(base.day, "year", -1), base.suffix).value()
    return "DATE", base.value()


def h_year_ago_adj(m, ctx):
    if ctx.anchor and ctx.anchor.gran == "quarter":
        return "DATE", Point("quarter", shift(ctx.anchor.day, "year", -1)).value()
    return "DATE", str(ctx.dct.year - 1) if ctx.dct else "XXXX"


def h_ago(m, ctx):
    n = number(m["n"])
    d = norm(m["dir"])
    forward = d in ("later", "after", "from now", "hence")
    letter, mult, _, gran = unit_of(m["unit"])
    if n is None or n != int(n):
        return "DATE", "FUTURE_REF" if forward else "PAST_REF"
    count = int(n) * (1 if forward else -1)
    from_dct = d in ("ago", "from now", "hence")
    base = ctx.dct if from_dct else ctx.base()
    if base is None:
        return "DATE", UNRESOLVED.get(gran or "day", "XXXX")
    if gran is None:  # hours, minutes: the day they fall on
        return "DATE", Point("day", base).value()
    if gran == "year" and ctx.anchor and ctx.anchor.gran == "quarter":
        return "DATE", Point("quarter", shift(ctx.anchor.day, "year", count)).value()  # "a year earlier"
    if gran in ("decade", "century"):
        p = Point("year", shift(base, "year", count * mult))
    else:
        p = Point(gran, shift(base, gran, count))
        if not from_dct and ctx.anchor and FINENESS[ctx.anchor.gran] < FINENESS[gran]:
            # "a year earlier" after "Aug. 12" is Aug. 12 a year before
            p = Point(ctx.anchor.gran, p.day, ctx.anchor.suffix if ctx.anchor.gran == "season" else "")
    return "DATE", p.value() if from_dct else _set_point(ctx, p)


def h_decade(m, ctx):
    if m["dec"]:
        return "DATE", m["dec"][:3]
    if m["short"]:
        d = int(m["short"])
        return "DATE", f"{19 if d >= 30 else 20}{d // 10}"
    words = {
        "twenties": 2,
        "thirties": 3,
        "forties": 4,
        "fifties": 5,
        "sixties": 6,
        "seventies": 7,
        "eighties": 8,
        "nineties": 9,
    }
    return "DATE", f"19{words[m['word'].lower()]}"


def h_century(m, ctx):
    if m["this"]:
        if ctx.dct is None:
            return "DATE", "XX"
        return "DATE", f"{ctx.dct.year // 100 + _sign(m['this'].lower()):02d}"
    n = norm(m["n"])
    k = ORDINALS[n] if n in ORDINALS else int(re.match(r"\d+", n).group())
    return "DATE", f"{k - 1:02d}"


def h_year(m, ctx):
    y = _year(m["year"])
    if not m["edge"] and m["year"][0].isdigit():
        tok = ctx.token_at(m.start("year"))
        if tok is not None and tok.ent_type_ != "DATE":
            if tok.ent_type_ in ("MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"):
                return None
            counts = tok.dep_ == "nummod" and tok.head.pos_ in ("NOUN", "PROPN")
            if counts and tok.head.lemma_.lower() not in TIME_NOUNS:
                return None
        before = ctx.text[max(0, m.start() - 1) : m.start()]
        if before in ("$", "#"):
            return None
    return "DATE", _set_point(ctx, Point("year", date(y, 1, 1)))


def h_season(m, ctx):
    code = SEASONS[m["what"].lower()]
    if ctx.dct is None:
        return "DATE", f"XXXX-{code}"
    t = ctx.tense(m.start())
    y = _season_year(ctx.dct, code, 0 if t is None else t)
    return "DATE", _set_point(ctx, Point("season", date(y, 1, 1), f"-{code}"))


def h_holiday(m, ctx):
    if not capitalised(m["name"]):
        return None
    name = norm(m["name"])

    def on(y: int) -> date:
        if name in HOLIDAYS:
            mo, dd = HOLIDAYS[name]
            return date(y, mo, dd)
        if name in NTH_WEEKDAY_HOLIDAYS:
            mo, wd, nth = NTH_WEEKDAY_HOLIDAYS[name]
            return nth_weekday(y, mo, wd, nth)
        if name == "election day":
            return nth_weekday(y, 11, 1, 1) + timedelta(days=1)
        e = easter(y)
        return e - timedelta(days=2) if name == "good friday" else e

    if m["year"]:
        return "DATE", _set_point(ctx, Point("day", on(int(m["year"]))))
    if ctx.dct is None:
        return None
    sign = _sign(m["rel"].lower()) if m["rel"] else 0
    cands = [on(y) for y in (ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1)]
    if sign < 0:
        d = max(c for c in cands if c < ctx.dct)
    elif sign > 0:
        d = min(c for c in cands if c > ctx.dct)
    else:
        d = _by_tense(ctx, cands, ctx.dct, m.start(), NEAR_DAYS)
    return "DATE", _set_point(ctx, Point("day", d))


HANDLERS = {
    "date": h_date,
    "date_dmy": h_date,
    "iso": h_iso,
    "slash": h_slash,
    "clock": h_clock,
    "clock_words": h_clock_words,
    "anaphoric_day": h_anaphoric_day,
    "the_weekend": h_the_weekend,
    "the_year": h_the_year,
    "year_end": h_year_end,
    "week_of": h_week_of,
    "rel": h_rel,
    "of_year": h_of_year,
    "today": h_today,
    "weekday": h_weekday,
    "month": h_month,
    "quarter": h_quarter,
    "quarter_code": h_quarter_code,
    "half": h_half,
    "period": h_period,
    "year_ago_adj": h_year_ago_adj,
    "set_a": h_set_a,
    "ago": h_ago,
    "duration": h_duration,
    "half_unit": h_half_unit,
    "plural_units": h_plural_units,
    "bare_units": h_bare_units,
    "decade": h_decade,
    "century": h_century,
    "year": h_year,
    "season": h_season,
    "holiday": h_holiday,
    "ref": h_ref,
    "set": h_set,
}
