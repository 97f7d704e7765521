"""Numeric claims: every figure in an article with its interval, qualifier, change, unit, what it counts,
what it measures, who states it, and when.

The cascade, for each article (docs/claims.md gives the reasons):
1. numbers.find_numbers finds every number in the body: digits, words, vague counts, fractions;
   BLOCK_RE marks what is not a figure (times of day, dates, phone numbers, addresses, ordinals, ...).
2. Each number is read with its neighbours in the text: a currency sign before, a scale, unit or
   currency word after, a qualifier before ("some", "just over") or after ("or more").
3. Two numbers joined by "-", "to", "and" (after "between") or "or" become one range.
4. Years, model numbers and labels ("Game 7") are dropped with the help of the parse.
5. The parse gives what is counted (the noun the number modifies, or "of" what) and the measure (a
   lexicon word on the noun or on the verbs above it); a bare figure inherits both from the figure
   before it ("40 casualties ... a figure close to 300").
6. The source is the speaker of the innermost quote holding the claim; the time is the nearest DATE in
   its sentence.
Everything is regex over the text plus a few lookups in the parse per figure: no per-token loops.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from ..models import Article, Claim, Entity, Quote, TimeExpr, Value
from . import measures as M
from .numbers import Number, find_numbers

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
          r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
_STREET = (r"(?:Street|St|Road|Rd|Avenue|Ave|Boulevard|Blvd|Lane|Ln|Drive|Dr|Way|Place|Pl|Court|Ct"
           r"|Terrace|Highway|Hwy|Parkway|Pkwy|Square|Sq)")
# Spans whose numbers are not figures.
BLOCK_RE = re.compile(
    rf"""(?=[\dA-Z#'(,])(?:
      \b\d{{1,2}}[:.]\d{{2}}(?:[:.]\d{{2}})?\s?(?:[ap]\.?m\b\.?|[AP]\.?M\b\.?)       # 10.45pm, 5:00 AM
    | \b\d{{1,2}}\s?(?:[ap]\.m\.|[ap]m\b|[AP]M\b)                                 # 5am
    | \b\d{{1,2}}:\d{{2}}(?::\d{{2}})?\b                                          # 4:39 (clock)
    | \b\d{{1,4}}[/.-]\d{{1,2}}[/.-]\d{{2,4}}\b                                     # 12/25/2019
    | \b{_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+\d{{4}}\b)?                 # March 7, 2019
    | \b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\b\.?(?:,?\s+\d{{4}}\b)?       # 7 March 2019
    | \b{_MONTH}\.?,?\s+(?:of\s+)?\d{{4}}\b                                          # June of 2018
    | \b(?:1[5-9]|20)\d\d[-–/]\d{{2}}\b(?!\s*(?:%|per))                             # the 2019-20 season
    | (?:\b\d\d|\B')?\d0s\b                                                         # the 1990s, '90s
    | \b(?:1[5-9]|20)\d\d['’′]s\b                                                   # 2022's
    | \(?\b\d{{3}}\)?[-.\s]\d{{3}}[-.]\d{{4}}\b                                     # phone numbers
    | \b\d+(?:st|nd|rd|th)\b                                                        # ordinals
    | (?:\bNo\.|\#|\bNos?\.)\s?\d+                                                 # No. 1, #1
    | \b\d{{1,5}}(?:-\d{{1,5}})?\s+(?:[NSEW]\.?\s+)?(?:(?:[A-Z][a-z]+|\d+(?:st|nd|rd|th))\s+){{1,3}}{_STREET}\b
    | \b\d{{5}}(?:-\d{{4}})?\s+ZIP\b | \bZIP(?:\s+[Cc]ode)?\s+\d{{5}}\b              # ZIP codes
    | \b(?:24/7|9/11|7/7|50/50|20/20)\b
    | \b(?:240|360|480|720|1080|1440|2160|4320)[pi]\b                                 # 1080p (video)
    | \b(?:1[0-2]|0?[1-9])/(?:3[01]|[12]\d|0?[1-9])\b(?![/\d]|\s+(?:of|majority|vote)\b)    # 11/19 (a date)
    | (?<=[A-Za-z]{{2}}),\s\d{{1,3}}(?=,(?!\d))                                          # Maddon, 66, / her son, 3,
    )""",
    re.VERBOSE,
)

_WS = re.compile(r"\s+")
_SPACE = r"[ \u00a0]"
_UNIT_ALTS = sorted(
    [(re.escape(k).replace(r"\ ", r"\s+"), False) for k in M.UNIT_WORDS]
    + [(re.escape(k).replace(r"\ ", r"\s+"), False) for k in M.CURRENCY_WORDS if k.isalpha() or " " in k]
    + [(re.escape(k).replace(r"\ ", r"\s?"), True) for k in M.UNIT_SYMBOLS],
    key=lambda a: len(a[0]), reverse=True)
# Single-letter symbols must be written onto the number ("45g", "118.5p"), except W and p.
_ATTACHED_ONLY = {"g", "t", "L", "l", "V", "c", "m", "x"}
_NATION = "|".join(re.escape(k) for k in sorted(M.DOLLAR_NATIONS, key=len, reverse=True))
UNIT_AFTER_RE = re.compile(
    rf"""(?P<gap>{_SPACE}?-?{_SPACE}?|{_SPACE}+(?:of{_SPACE}+)?)
    (?:(?P<nation>(?i:{_NATION})){_SPACE}+(?=(?i:dollars?|crowns|kroner|kronor|francs|pounds?)))?
    (?P<unit>{"|".join(f"(?i:{a})" if not sym else a for a, sym in _UNIT_ALTS)})
    (?![A-Za-z0-9])""",
    re.VERBOSE,
)
_CUR_AFTER_SIGN = re.compile(r"€|\s?(?:US|U\.S\.)(?![A-Za-z])")  # "1,200€", "$76 US"
_LETTER_AFTER = re.compile(r"[A-Za-z]")

_QUAL_PHRASES = sorted(((p, q) for q, ps in M.QUALIFIERS_BEFORE.items() for p in ps),
                       key=lambda pq: len(pq[0]), reverse=True)
_QUAL_OF = {p: q for p, q in _QUAL_PHRASES}
QUAL_BEFORE_RE = re.compile(
    r"(?:(?<![\w-])(?:(?i:slightly|just|well|far|only)\s+)?(?P<q>"
    + "|".join(r"(?i:" + re.escape(p).replace(r"\ ", r"\s+") + ")" + (r"\s*" if not p.endswith("-") else "")
               for p, _ in _QUAL_PHRASES) + r"))$")
QUAL_AFTER_RE = re.compile(
    r"(?P<sp>\s*)(?P<q>\+(?![\d\w])|(?i:or\s+(?:more|higher|above|fewer|less|lower|under|so)\b|plus\b|odd\b))")
_QUAL_AFTER_OF = {"+": "at_least", "plus": "at_least", "or more": "at_least", "or higher": "at_least",
                  "or above": "at_least", "or fewer": "at_most", "or less": "at_most",
                  "or lower": "at_most", "or under": "at_most", "or so": "approx", "odd": "approx"}
_BETWEEN_RE = re.compile(r"(?i)(?<![\w])(?P<w>between|from)\s+$")
_RANGE_GAP_RE = re.compile(r"^\s*(?:(?P<dash>[-–—])|(?P<w>to|and|or|through|-to-|to-))\s*$", re.I)
_AGED_RE = re.compile(r"(?i)\baged\s+(?:between\s+)?$")

_CHANGE_BEFORE_RE = re.compile(
    r"(?i)(?<![\w-])(?P<w>" + "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(M.CHANGE_UP + M.CHANGE_DOWN, key=len, reverse=True))
    + r")(?:\s+(?:by|another|a\s+further|an\s+additional|a\s+combined|a\s+total\s+of))?\s+$")
# "gave up 517 yards", "shut down 3 plants": up/down there belong to a phrasal verb, not to a change.
_PHRASAL_RE = re.compile(
    r"(?i)\b(?:gave|give|gives|giving|given|picked|pick|picks|set|sets|took|take|takes|taken|signed|sign|shut|"
    r"shuts|broke|break|breaks|broken|turned|turn|turns|backed|back|held|hold|holds|put|puts|brought|bring|"
    r"made|make|makes|showed|show|shows|called|call|calls|wound|wrote|write|ran|run|runs|tied|tie|looked|"
    r"look|played|play|handed|hand|hands|knocked|sat|sit|stood|stand|paid|pay|pays|split|rounded|round|"
    r"served|serve|summed|locked|lock|scooped|snapped|racked|rack|rang|piled|stacked|ate|used|use|filled|"
    r"fill|opened|open|opens|dressed|beefed|mopped|cleaned|cracked|clamped|wrapped|shored|ramped|ramp|"
    r"stepped|step|steps|scaled|scale|wrote|marked|mark|marks|wound|choked|dug|stirred|whipped|"
    r"sped|speed|backed|face|faced|faces|came|come|comes|went|go|goes)\s+$")
_CHANGE_BY_RE = re.compile(
    r"(?i)(?<![\w-])(?P<w>" + "|".join(
        re.escape(w) for w in sorted(M.CHANGE_UP + M.CHANGE_DOWN, key=len, reverse=True) if " " not in w
        and w not in ("up", "down", "higher", "lower", "cut"))
    + r")\s+(?:[\w'’]+\s+){1,2}by\s+$")
_PAREN_GAP_RE = re.compile(r"\s*(?:\(|/|,?\s*or)\s*$")
_CHANGE_OF = {w: "up" for w in M.CHANGE_UP} | {w: "down" for w in M.CHANGE_DOWN}
_CHANGE_NOUN_BEFORE_RE = re.compile(
    r"(?i)(?<![\w-])(?P<w>" + "|".join(M.CHANGE_NOUNS_UP + M.CHANGE_NOUNS_DOWN) + r")s?\s+of\s+$")
_CHANGE_NOUN_AFTER_RE = re.compile(
    r"(?i)(?:\s+[a-z]+)?\s+(?P<w>" + "|".join(M.CHANGE_NOUNS_UP + M.CHANGE_NOUNS_DOWN)
    + r"|higher|lower)\b")
_NOUN_CHANGE = {w: "up" for w in M.CHANGE_NOUNS_UP} | {w: "down" for w in M.CHANGE_NOUNS_DOWN} | {
    "higher": "up", "lower": "down"}
_BY_BEFORE_RE = re.compile(r"(?i)(?<![\w])by\s+$")
_LABELS = {"game", "category", "level", "phase", "stage", "chapter", "article", "section", "round", "grade",
           "class", "type", "version", "room", "page", "step", "season", "episode", "unit", "flight", "route",
           "channel", "number", "no", "gate", "platform", "row", "seat", "tier", "volume", "vol", "part",
           "act", "verse", "apartment", "suite", "floor", "district", "precinct", "ward", "lane", "exit",
           "highway", "interstate", "bus", "car", "jersey", "figure", "table", "item", "clause", "amendment",
           "resolution", "rule", "model", "mark", "series", "generation", "gen", "day", "week"}
_ONE_NOT = re.compile(r"(?i)\s+(?:another|day\b|time\b|point\b)")
_ONE_NOT_BEFORE = re.compile(r"(?i)\b(?:the|same|this|that|each|every|no|any|which|another|little|last)\s+$")
_YEAR_PREP = re.compile(r"(?i)\b(?:in|since|by|until|till|from|through|before|after|of|during|circa|c\.|early|late"
                        r"|mid|year|spring|summer|autumn|fall|winter|between|and|to|or)[\s-]+$")
# Entities whose numbers are names, not figures: "Big 12", "iPhone 11", "Game 7", "S&P 500".
_NAME_LABELS = {"ORG", "PRODUCT", "EVENT", "WORK_OF_ART", "FAC", "LAW", "PERSON", "GPE", "LOC", "NORP"}
_PER_SEP = re.compile(r"(?:\s*(?:per|a|an|each)\s+|/)(?P<u>[a-z]+)\b", re.I)
_NEG_WORD_RE = re.compile(r"(?i)minus[\s-]$")
_PREFIX_WORD_RE = re.compile(r"(?i)(?P<w>[a-z]+)-$")
_PERCENTISH = {"percent", "percentage points", "basis points", "points"}
_HYPHEN_NAME = re.compile(r"-[A-Z]")
_NUMBER_NOUNS = {"half", "third", "thirds", "quarter", "quarters", "dozen", "dozens", "hundreds", "thousands",
                 "millions", "billions", "percent", "%", "cent"}
_COUNTED_DEPS = {"compound", "amod", "nmod"}
# Words after a figure (and its noun) that say what happened to it: "228 people reported missing",
# "60,000 customers without power", "52 diplomats hostage".
_AFTER_MEASURE = {"missing": "missing", "for": "missing", "power": "affected", "electricity": "affected",
                  "evacuation": "evacuated", "hostage": "hostage", "custody": "arrested",
                  "assistance": "affected", "aid": "affected"}
_AFTER_MEASURE_RE = re.compile(
    r"(?i)(?:[ \t]+[A-Za-z][\w.'’-]*){0,6}?[ \t]+(?P<w>missing|"
    r"unaccounted\s+for|without\s+(?:power|electricity)|in\s+need\s+of\s+(?:\w+\s+)?(?:assistance|aid)|"
    r"under\s+(?:a\s+)?(?:mandatory\s+)?evacuation|hostage|in\s+custody)\b")
_UP_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "prep", "attr", "conj", "appos", "nummod", "npadvmod",
            "oprd", "acomp", "quantmod", "compound", "amod", "agent", "dative"}


@dataclass
class _Q:
    """A figure being read; becomes a Claim."""
    start: int
    end: int
    core_start: int
    core_end: int
    num: Number
    point: float | None
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    currency_sign: str | None = None
    qualifier: str = "exact"
    nearly: bool = False
    change: str | None = None
    range_from: bool = False
    counted: str | None = None
    counted_generic: bool = False
    bare: bool = False
    verb: str | None = None
    measure: str | None = None
    explicit_unit: bool = False


def _blocking(text: str, n: Number, limit: int) -> int | None:
    """The end of a non-figure span (a date, a time, an address) that holds the number, or None.
    Searched in a window around each number rather than over the whole text: numbers are few."""
    lo = max(0, n.start - 48)
    for m in BLOCK_RE.finditer(text, lo, min(limit, n.end + 48)):
        if m.start() <= n.start < m.end():
            return m.end()
        if m.start() > n.start:
            break
    return None


def _read(text: str, n: Number, limit: int) -> _Q | None:
    """The number with its currency sign, scale and unit; None when it is not a figure."""
    start, end = n.start, n.end
    q = _Q(start, end, start, end, n, n.value)
    if n.kind == "digits":
        m = M.CURRENCY_PREFIX_RE.search(text, max(0, start - 6), start)
        if m:
            sign = m.group(0).strip()
            before = text[m.start() - 1:m.start()] if m.start() else ""
            if before.isalpha():
                m = None
            elif sign == "PS" and not (n.scaled or n.suffix or "," in text[start:end] or "." in text[start:end]):
                return None  # PS4 is a console, PS2.7m is pounds
            elif sign in ("PS", "RM", "Rs", "USD", "EUR", "GBP", "JPY", "CHF", "AUD", "CAD", "CNY", "INR") \
                    and before and not before.isspace() and before not in "($":
                m = None
        if m:
            q.currency_sign = m.group(0).strip()
            q.unit = M.CURRENCY_PREFIX[q.currency_sign]
            q.start = m.start()
        elif text[start - 1:start].isalpha():
            return None  # glued to a word: A2, S22
        if n.suffix in ("m", "b"):
            if q.currency_sign:
                q.point = n.value * (1e6 if n.suffix == "m" else 1e9)
            elif n.suffix == "m":
                q.unit = "m"
        tail = text[end:end + 1]
        if tail.isalpha() or tail.isdigit():
            um = UNIT_AFTER_RE.match(text, end, min(limit, end + 40))
            if not um or um.group("gap"):
                return None  # "3s", "5G", "11th": not a unit we know
        if text[start - 1:start] == "-" and start >= 2:
            pw = _PREFIX_WORD_RE.search(text, max(0, start - 12), start)
            if pw:
                w = pw.group("w").lower()
                if w in ("to", "and", "or") or text[pw.start() - 1:pw.start()].isdigit():
                    pass  # "200,000 to-260,000"
                elif w == "sub":
                    q.qualifier = "less_than"
                    q.start = pw.start()
                elif w == "minus":
                    q.point = -abs(q.point)
                else:
                    return None  # COVID-19, F-150, TA-35
        if _NEG_WORD_RE.search(text, max(0, start - 6), start) and q.point is not None:
            q.point = -abs(q.point)
            q.start = start - 6 if text[start - 6:start].lower().startswith("minus") else q.start
    if q.unit is None or q.currency_sign:
        _read_unit(text, q, limit)
    return q


def _read_unit(text: str, q: _Q, limit: int) -> None:
    end = q.end
    if q.currency_sign:
        m = _CUR_AFTER_SIGN.match(text, end, min(limit, end + 6))
        if m and q.num.kind == "digits":
            q.end = m.end()
        per = _PER_SEP.match(text, q.end, min(limit, q.end + 24))
        if per:
            q.unit = f"{q.unit} per {per.group('u').lower()}"
            q.end = per.end()
        return
    if q.num.kind == "digits":
        m = _CUR_AFTER_SIGN.match(text, end, min(limit, end + 1))
        if m and m.group(0) == "€":
            q.unit, q.end, q.explicit_unit = "EUR", m.end(), True
            return
    m = UNIT_AFTER_RE.match(text, end, min(limit, end + 40))
    if not m:
        if _AGED_RE.search(text, max(0, q.start - 14), q.start):
            q.unit = "years old"
        return
    gap = m.group("gap")
    raw = m.group("unit")
    key = _WS.sub(" ", raw)
    low = key.lower()
    if " of" in gap or gap.strip() == "of":
        # "tens of millions of dollars", "dozens of miles": only currency and units after a vague count
        if q.num.kind not in ("vague",) and not q.num.scaled:
            return
    if "-" in gap and (key in M.UNIT_SYMBOLS and len(key) == 1):
        return
    if key in _ATTACHED_ONLY and gap:
        return
    if key in M.UNIT_SYMBOLS and key not in M.UNIT_WORDS and low not in M.CURRENCY_WORDS:
        unit = M.UNIT_SYMBOLS[key]
    elif low in M.UNIT_WORDS:
        unit = M.UNIT_WORDS[low]
    elif low in M.CURRENCY_WORDS:
        unit = M.CURRENCY_WORDS[low]
        if low in ("won", "rand", "sen") and q.num.kind != "digits":
            return
        nation = (m.group("nation") or "").lower()
        if nation:
            unit = M.DOLLAR_NATIONS.get(nation, unit) if low.startswith("dollar") else {
                "danish": "DKK", "swedish": "SEK", "norwegian": "NOK", "czech": "CZK",
                "swiss": "CHF"}.get(nation, unit)
    elif key in M.UNIT_SYMBOLS:
        unit = M.UNIT_SYMBOLS[key]
    else:
        return
    if low in ("pounds", "pound"):
        nation = (m.group("nation") or "").lower()
        if nation in M.DOLLAR_NATIONS:
            unit = M.DOLLAR_NATIONS[nation] if nation not in ("us", "u.s.", "american") else "GBP"
        elif text.startswith(" sterling", m.end()):
            unit = "GBP"
        elif (q.num.scaled or q.num.kind == "vague") and not text.startswith(" of ", m.end()):
            unit = "GBP"  # "5 million pounds", but "5 million pounds of thrust" is a weight
        else:
            unit = "lb"
    if low in ("point", "points") and q.num.kind == "words" and q.num.value == 1:
        return  # "one point" is a turn of phrase more often than a figure
    if unit == "percent" and low in ("p",):
        return
    q.unit = unit
    q.explicit_unit = True
    q.end = m.end()
    # "$21.25 per square foot", "3,000 tests per day": the rate belongs to the unit
    per = _PER_SEP.match(text, q.end, min(limit, q.end + 24))
    if per and unit not in ("years old",):
        q.unit = f"{unit} per {per.group('u').lower()}" if unit else None
        q.end = per.end()


def _join_range(text: str, a: _Q, b: _Q) -> _Q | None:
    gap = text[a.end:b.start]
    m = _RANGE_GAP_RE.match(gap)
    if not m or a.point is None or b.point is None or a.num.kind == "fraction" or b.num.kind == "fraction":
        return None
    if a.unit and b.unit and a.unit != b.unit:
        if not (a.unit.startswith(b.unit + " per") or b.unit.startswith(a.unit + " per")):
            return None
        a.unit = b.unit = max(a.unit, b.unit, key=len)  # "$62 and $68 per share": the rate is both
    opener = _BETWEEN_RE.search(text, max(0, a.start - 10), a.start)
    word = (m.group("w") or "").lower()
    av, bv = a.point, b.point
    if not a.num.scaled and b.num.scaled and a.num.kind == "digits" and b.num.raw is not None \
            and a.num.raw is not None and a.num.raw < b.num.raw and not a.currency_sign == "PS":
        av = a.point * (b.point / b.num.raw)  # "33-35 billion", "1 to 2 thousand"
    if m.group("dash"):
        if opener and opener.group("w").lower() == "between":
            pass
        elif av >= bv:
            return None  # a score (2-0, 89-89), never a range
    elif word == "and":
        if not opener or opener.group("w").lower() != "between":
            return None
    elif word in ("to", "through", "-to-", "to-"):
        if not opener:
            ch = _CHANGE_BEFORE_RE.search(text, max(0, a.start - 30), a.start)
            by_range = ch is not None and ch.group(0).rstrip().lower().endswith(" by") and a.unit is None \
                and b.explicit_unit and bv < 4 * av  # "dropped by 1 to 1.5 degrees"
            if av > bv or ch and not by_range:
                return None  # "rose 5% to $84": a change and a level
    elif word == "or":
        if not (av < bv <= max(10 * av, av + 10)):
            return None
    unit = a.unit or b.unit
    if (a.unit is None) != (b.unit is None) and a.unit is not None and not opener:
        return None  # "5% to 84" with the unit only on the first: two figures
    if _yearlike(text, a.num) and _yearlike(text, b.num) and not unit:
        return None  # "between 1600 and 1900": two years
    start = opener.start() if opener else a.start
    r = _Q(start, b.end, a.core_start, b.core_end, b.num, None, min(av, bv), max(av, bv), unit,
           a.currency_sign or b.currency_sign, "range", explicit_unit=a.explicit_unit or b.explicit_unit)
    r.range_from = bool(opener and opener.group("w").lower() == "from")
    return r


def _qualify(text: str, q: _Q, limit: int) -> None:
    """Qualifier words around the figure, and the interval they allow."""
    if q.qualifier == "exact":
        m = QUAL_BEFORE_RE.search(text, max(0, q.start - 32), q.start)
        if m:
            phrase = _WS.sub(" ", m.group("q").strip()).lower()
            qual = _QUAL_OF.get(phrase)
            if qual and q.qualifier != "range":
                if q.num.kind == "vague" and qual in ("more_than", "at_least"):
                    q.qualifier = qual  # "more than a dozen", "over hundreds"
                elif q.num.kind != "vague":
                    q.qualifier = qual
                q.nearly = phrase in M.NEARLY
            if qual:
                q.start = m.start()
        ma = QUAL_AFTER_RE.match(text, q.end, min(limit, q.end + 12))
        if ma and not (ma.group("q") == "+" and ma.group("sp")):
            q.qualifier = _QUAL_AFTER_OF[_WS.sub(" ", ma.group("q")).lower()]
            q.end = ma.end()
    elif q.qualifier == "range":
        m = QUAL_BEFORE_RE.search(text, max(0, q.start - 32), q.start)
        if m and _QUAL_OF.get(_WS.sub(" ", m.group("q").strip()).lower()) == "approx":
            q.qualifier = "approx"  # "about 14-18 mpg": an approximate range keeps its bounds
            q.start = m.start()
            return
    _interval(q)


def _interval(q: _Q) -> None:
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


def _inherit(text: str, q: _Q, prev: _Q | None) -> None:
    """A conversion in brackets ("just under 296 hp (224 kW / 300 PS)") says what the figure before says."""
    if prev is None or q.qualifier != "exact" or prev.qualifier == "exact" and not prev.change:
        return
    if q.start - prev.end > 4 or not _PAREN_GAP_RE.fullmatch(text, prev.end, q.start):
        return
    if prev.qualifier not in ("exact", "range"):
        q.qualifier, q.nearly = prev.qualifier, prev.nearly
        _interval(q)
    q.change = q.change or prev.change


def _change(text: str, q: _Q, prev: _Q | None, limit: int) -> None:
    if q.range_from:
        return
    w0 = max(0, q.start - 40)
    m = _CHANGE_BEFORE_RE.search(text, w0, q.start)
    if m:
        w = _WS.sub(" ", m.group("w").lower())
        if not (w in ("up", "down") and _PHRASAL_RE.search(text, max(0, m.start() - 12), m.start())):
            q.change = _CHANGE_OF.get(w)
            return
    m = _CHANGE_BY_RE.search(text, w0, q.start)
    if m:
        q.change = _CHANGE_OF.get(m.group("w").lower())  # "grow sales by 35 per cent"
        return
    sign = text[q.core_start - 1:q.core_start] if q.core_start else ""
    digits_sign = text[q.num.start:q.num.start + 1] if q.num.kind == "digits" else ""
    if (digits_sign in "+-−" and digits_sign) and q.unit in _PERCENTISH and q.low is not None:
        q.change = "up" if digits_sign == "+" else "down"
        return
    del sign
    m = _CHANGE_NOUN_BEFORE_RE.search(text, w0, q.start)
    if m:
        q.change = _NOUN_CHANGE.get(m.group("w").lower())
        return
    if q.unit is not None:
        m = _CHANGE_NOUN_AFTER_RE.match(text, q.end, min(limit, q.end + 24))
        if m:
            q.change = _NOUN_CHANGE.get(m.group("w").lower())
            return
    if prev is not None and prev.change and _BY_BEFORE_RE.search(text, max(0, q.start - 4), q.start) \
            and q.start - prev.end < 60:
        q.change = prev.change  # "Ross were down 2.3%, Burlington by 2.6%"


def _counted_text(text: str, head, claim_end: int) -> str:
    """The head noun with its adjectives and compounds, and a coordinated noun ("women and children")."""
    start = head.idx
    for child in head.lefts:
        if child.dep_ in _COUNTED_DEPS and child.idx >= claim_end and child.tag_ not in ("CD", "PRP$", "$"):
            start = min(start, max(child.left_edge.idx, claim_end))
            break
    while start < head.idx and not text[start].isalnum():
        start += 1
    end = head.idx + len(head.text)
    for child in head.rights:
        if child.dep_ == "conj" and child.pos_ in ("NOUN", "PROPN") and child.is_alpha and any(
                c.dep_ == "cc" and c.lower_ in ("and", "or") for c in head.children) \
                and child.i - head.i <= 4 and not any(t.like_num for t in head.doc[head.i + 1:child.i]):
            end = child.idx + len(child.text)
            break
    while end > start and not text[end - 1].isalnum():  # "people.3" (a footnote glued on)
        end -= 1
    nl = text.find("\n", start, end)
    return text[start:nl if nl > start else end]


def _of_object(tok):
    for child in tok.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            for g in child.children:
                if g.dep_ == "pobj" and (g.pos_ in ("NOUN", "PROPN", "PRON") or g.lower_ in M.MEASURE_OF):
                    return g
    return None


def _head_noun(doc: Doc, q: _Q, span, root):
    """The noun the figure counts, or None."""
    head = None
    if q.unit is None and root.dep_ in ("nummod", "quantmod", "compound", "amod", "npadvmod", "appos") \
            and root.head.pos_ in ("NOUN", "PROPN") and not (span.start <= root.head.i < span.end):
        head = root.head
    if head is None:
        head = _of_object(root) or (_of_object(root.head) if root.head.tag_ in ("NN", "NNS", "CD") and
                                    span.start <= root.head.i < span.end + 2 and root.head.i >= span.start
                                    else None)
    if head is None and q.unit is None and span.end < len(doc) and doc[span.end].tag_ in ("NNS", "NNPS") \
            and doc[span.end].idx >= q.core_end:
        head = doc[span.end]  # "2.5 million people" under a parse that missed the nummod
    return head


def _syntax(doc: Doc, text: str, q: _Q, span) -> None:
    """What the figure counts and what it measures, from the parse."""
    root = span.root
    is_count = q.unit is None or q.unit in ("percent",) or q.num.kind == "fraction"
    if not is_count:
        return
    head = _head_noun(doc, q, span, root)
    lemmas: list[str] = []
    if head is not None and head.pos_ == "PRON":
        # "4,200 of those killed": what those are is said by the words on the pronoun
        lemmas.extend(w for c in head.children if c.dep_ in ("acl", "relcl", "amod")
                      for w in (c.lemma_.lower(), c.lower_))
        head = None
    if head is not None and (head.tag_ == "CD" or head.lower_ in _NUMBER_NOUNS
                             or head.ent_type_ in ("DATE", "TIME")
                             or head.lower_ in M.UNIT_WORDS or head.lower_ in M.CURRENCY_WORDS):
        head = None
    if head is not None:
        if head.lemma_.lower() in M.GENERIC_COUNTED or head.lower_ in M.GENERIC_COUNTED:
            q.counted_generic = True
            lemmas.append(head.lemma_.lower())
            lemmas.extend(c.lemma_.lower() for c in head.lefts)
        else:
            q.counted = _counted_text(text, head, q.core_end)
    # A share (percentage, fraction) says what it is a share of, but measures nothing itself:
    # "30 percent of deaths" is not a death toll.
    if q.unit is not None or q.num.kind == "fraction":
        return
    q.bare = head is None and not q.counted_generic and not text.startswith("-", q.core_end)
    anchor = head if head is not None else root
    if head is not None:
        lemmas += [head.lower_, head.lemma_.lower()]
        for c in head.children:
            if c.dep_ in ("acl", "amod", "relcl", "compound", "appos"):
                lemmas += [c.lemma_.lower(), c.lower_]
                lemmas += [g.lower_ for g in c.children if g.dep_ in ("oprd", "acomp", "xcomp")]
    for c in root.children:
        if c.dep_ in ("acl", "amod", "appos", "conj", "relcl") and c.i >= span.end:
            lemmas += [c.lemma_.lower(), c.lower_]
    nxt = span.end
    while nxt < len(doc) and doc[nxt].lower_ in ("more", "others", "people", "persons", "already", "now"):
        nxt += 1
    if nxt < len(doc):
        lemmas.append(doc[nxt].lower_)  # "40 dead", "5 million displaced", "dozens more injured"
    m = _AFTER_MEASURE_RE.match(text, q.end, min(len(text), q.end + 60))
    if m:
        lemmas.append(_AFTER_MEASURE[m.group("w").split()[-1].lower()])
    own = len(lemmas)
    verb = _walk(anchor, head is None, lemmas, q, text)
    q.verb = verb
    head_lemma = head.lemma_.lower() if head is not None else ""
    forces = head is not None and (head_lemma in M.FORCES or head.lower_ in M.FORCES)
    for i, lem in enumerate(lemmas):
        found = M.MEASURE_OF.get(lem)
        if found is None and lem in M.SEND_LEMMAS and forces:
            found = "deployed"
        if found:
            q.measure = found
            return
    if head is not None and not q.counted_generic:
        if head_lemma in M.DEPLOYABLE or head.lower_ in M.DEPLOYABLE:
            q.measure = "deployed"  # a count of troops with no other word for it is the size of a force
        elif _is_people(head):
            q.measure = "other"


def _walk(anchor, bare: bool, lemmas: list[str], q: _Q, text: str) -> str | None:
    """Up the parse from what the figure counts to the verb that says what happened to it; adds the
    words met to `lemmas` and returns the verb's lemma. A noun climbs only through its own arguments (a
    noun inside a prepositional phrase is not what the verb is about), a bare figure also through
    prepositions ("the toll rose to 52")."""
    tok = anchor
    for _ in range(5):
        dep = tok.dep_
        if tok.head is tok:
            break
        if dep == "pobj" and not (bare or tok.head.lower_ == "of"):
            break
        if dep not in _UP_DEPS and not (dep in ("aux", "auxpass", "xcomp", "ccomp") and tok.pos_ in ("AUX", "VERB")):
            break
        via_of = tok.dep_ == "prep" and tok.lower_ == "of"
        tok = tok.head
        if tok.pos_ == "NOUN" and via_of:
            lemmas += [tok.lower_, tok.lemma_.lower()]  # "casualties of at least 29 people"
        if tok.pos_ == "NOUN" and tok.i > anchor.i:
            lemmas.extend(c.lemma_.lower() for c in tok.lefts if c.dep_ == "compound")
        if tok.pos_ in ("VERB", "AUX"):
            lemmas.append(tok.lemma_.lower())
            subject = None
            for c in tok.children:
                if c.dep_ in ("oprd", "acomp", "xcomp") and c.i > anchor.i:
                    lemmas += [c.lemma_.lower(), c.lower_]  # "remain missing", "left 20 dead"
                elif c.dep_ in ("nsubj", "nsubjpass") and c.i < anchor.i:
                    subject = c
                elif c.dep_ == "dobj" and c.i > anchor.i and c.lower_ in M.MEASURE_OF:
                    lemmas.append(c.lower_)  # "two people suffered minor injuries"
            if subject is not None and (subject.lower_ in M.GENERIC_COUNTED or subject.lower_ in M.MEASURE_OF):
                # "the death toll rose to 52"; "casualties have topped 2,000" also says what is counted
                lemmas.extend(g.lemma_.lower() for g in subject.lefts if g.dep_ in ("compound", "amod"))
                lemmas += [subject.lower_, subject.lemma_.lower()]
                if bare and subject.lower_ in M.GENERIC_COUNTED:
                    q.counted_generic = True  # "the real figure is close to 150": what it counts is said before
                if bare and q.counted is None and subject.lower_ in M.MEASURE_OF \
                        and subject.lower_ not in M.GENERIC_COUNTED:
                    q.counted = _counted_text(text, subject, 0)
            if subject is None and tok.dep_ in ("xcomp", "ccomp", "auxpass", "aux") and (
                    tok.pos_ == "AUX" or tok.lemma_ == "be"):
                continue  # "the death toll was reported to be 128": on to "reported"
            if bare and q.counted is None and subject is not None and subject.tag_ in ("NNS", "NNPS") \
                    and subject.lower_ not in M.GENERIC_COUNTED and tok.lemma_.lower() in M.PREDICATE:
                q.counted = _counted_text(text, subject, 0)  # "confirmed cases neared 1 million"
            return tok.lemma_.lower()
    return None


def _is_people(tok) -> bool:
    low = tok.lower_
    return (low in M.PEOPLE or tok.lemma_.lower() in M.PEOPLE or tok.ent_type_ == "NORP"
            or low.endswith(("ians", "ists")) and tok.tag_ in ("NNS", "NNPS"))


def _yearlike(text: str, n: Number) -> bool:
    return n.kind == "digits" and n.end - n.start == 4 and 1000 <= n.value <= 2199 and n.value == int(n.value) \
        and text[n.start:n.end].isdigit()


def _skip_by_parse(doc: Doc, text: str, q: _Q) -> bool:
    """Years, labels ("Game 7", "iPhone 11"), and pronoun 'one' are not figures."""
    n = q.num
    if q.qualifier == "exact" and text.endswith(("per ", "for every "), max(0, q.start - 10), q.start):
        return True  # "26.3 guns per 100 residents": the denominator of a rate
    if n.kind == "words" and _HYPHEN_NAME.match(text, n.end):
        return True  # One-A-Day
    if q.explicit_unit or q.currency_sign or n.scaled or n.kind in ("vague", "fraction"):
        return False
    span = doc.char_span(n.start, n.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    first = span[0]
    if _yearlike(text, n) and q.qualifier == "exact":
        if first.ent_type_ not in ("CARDINAL", "QUANTITY", "MONEY", "PERCENT") or \
                _YEAR_PREP.search(text, max(0, n.start - 12), n.start) or \
                first.i + 1 < len(doc) and doc[first.i + 1].pos_ not in ("NOUN",):
            return True  # a year
    if first.ent_type_ in _NAME_LABELS and n.kind == "digits":
        return True
    if n.kind == "words":
        if first.tag_ in ("NNP", "NNPS"):
            return True  # Formula One, Ocean's Eleven
        if first.lower_ == "one" and (first.tag_ != "CD" or _ONE_NOT.match(text, n.end)
                                      or _ONE_NOT_BEFORE.search(text, max(0, n.start - 10), n.start)):
            return True
    if first.i > 0 and q.qualifier == "exact" and q.unit is None:
        prev = doc[first.i - 1]
        if text[n.start] in "-−" and prev.text[:1].isupper():
            return True  # COVID -19
        if prev.whitespace_ and (prev.lower_.rstrip(".") in _LABELS or (
                prev.tag_ in ("NNP", "NNPS") and prev.is_title | prev.is_upper | (not prev.is_lower)
                and not prev.is_sent_start)):
            nxt = doc[span.end] if span.end < len(doc) else None
            if nxt is None or nxt.pos_ != "NOUN" or nxt.tag_ == "NN":
                return True  # Game 7, iPhone 11, Lang 20
    return False


def extract_claims(doc: Doc, article: Article, entities: list[Entity], quotes: list[Quote],
                   times: list[TimeExpr]) -> list[Claim]:
    text = article.text
    limit = len(article.body)
    numbers = find_numbers(text, 0, limit)
    if not numbers:
        return []
    read: list[_Q] = []
    blocked_until = -1
    for n in numbers:
        if n.start < blocked_until:
            continue
        b = _blocking(text, n, limit)
        if b is not None:
            blocked_until = b
            continue
        q = _read(text, n, limit)
        if q is not None:
            read.append(q)
    # ranges
    figures: list[_Q] = []
    i = 0
    while i < len(read):
        q = read[i]
        if i + 1 < len(read):
            r = _join_range(text, q, read[i + 1])
            if r is not None:
                figures.append(r)
                i += 2
                continue
            gap = text[q.end:read[i + 1].start]
            if q.num.kind == "digits" and read[i + 1].num.kind == "digits" and _RANGE_GAP_RE.match(gap) \
                    and "-" in gap and not q.unit and q.point is not None and read[i + 1].point is not None \
                    and q.point >= read[i + 1].point and q.num.value == int(q.num.value):
                i += 2  # a score or a tally: "won 3-1", "tied 89-89", "a 257-167 vote"
                continue
        figures.append(q)
        i += 1
    dates = sorted((t.start, t.end, t.value) for t in times if t.type == "DATE")
    out: list[Claim] = []
    kept: list[tuple[_Q, tuple[int, int]]] = []
    prev: _Q | None = None
    for q in figures:
        _qualify(text, q, limit)
        if _skip_by_parse(doc, text, q):
            continue
        _change(text, q, prev, limit)
        _inherit(text, q, prev)
        span = doc.char_span(q.core_start, q.core_end, alignment_mode="expand")
        sent = None
        if span is not None and len(span):
            _syntax(doc, text, q, span)
            s = span[0].sent
            sent = (s.start_char, s.end_char)
        if q.counted is None and (q.unit is None and q.bare or q.counted_generic) and q.num.kind != "fraction" \
                and sent:
            # a bare figure counts what the figure before it in the sentence counted; it measures the same
            # unless a verb of its own says something else ("332 were arrested, but only seven convicted")
            for pq, psent in reversed(kept[-4:]):
                # "the real figure", "the toll" point back to the sentence before as well
                if psent != sent and not (q.counted_generic and psent[1] >= sent[0] - 3):
                    break
                if (pq.counted or pq.measure) and pq.unit is None and pq.num.kind != "fraction":
                    q.counted = pq.counted  # "acknowledged just over 20 dead ... a figure close to 300"
                    if q.measure is None and (q.verb is None or q.verb in M.REPORTING or q.verb == pq.verb):
                        q.measure = pq.measure
                    break
        if sent:
            kept.append((q, sent))
        prev = q
        out.append(_claim(article, text, q, sent, quotes, dates))
    return out


def _source(quotes: list[Quote], start: int, end: int):
    best = None
    for qt in quotes:
        if qt.start <= start and end <= qt.end and (best is None or qt.end - qt.start < best.end - best.start):
            best = qt
    return best.speaker if best is not None else None


def _time(dates, sent, start: int, end: int) -> str | None:
    if sent is None:
        return None
    best, dist = None, None
    for s, e, v in dates:
        if s >= sent[0] and e <= sent[1]:
            d = start - e if e <= start else s - end  # characters between the date and the claim
            if dist is None or d < dist:
                best, dist = v, d
    return best


def _claim(article: Article, text: str, q: _Q, sent, quotes, dates) -> Claim:
    point = q.point
    return Claim(
        article_id=article.id, start=q.start, end=q.end, text=text[q.start:q.end],
        value=Value(point, q.low, q.high), qualifier=q.qualifier, change=q.change, unit=q.unit,
        counted=q.counted, measure=q.measure, source=_source(quotes, q.start, q.end),
        sentence_start=sent[0] if sent else None, sentence_end=sent[1] if sent else None,
        time=_time(dates, sent, q.start, q.end))
