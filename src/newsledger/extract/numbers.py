"""Finding and reading numbers in text: digits, number words, vague counts and fractions.

`find_numbers(text)` yields every number with its span and value; it knows nothing of units or
context (the claims package adds those). All regexes are compiled once, at import.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
SCALES = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
# Indian numbering, as Indian news writes money and counts ("Rs 500 crore").
INDIAN_SCALES = {"crore": 1e7, "lakh": 1e5}
# Suffixes written onto a digit ("15k", "$3bn", "4.3M"); "m"/"b" only count as million/billion
# after a currency sign, where they cannot be metres or bytes (claims/reading.py checks that).
SUFFIX_SCALES = {
    "k": 1e3,
    "K": 1e3,
    "M": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "m": 1e6,
    "bn": 1e9,
    "b": 1e9,
    "B": 1e9,
    "tn": 1e12,
    "trn": 1e12,
}
# Fractions: the denominator word gives the value of one part.
FRACTION_WORDS = {
    "half": 2,
    "halves": 2,
    "third": 3,
    "thirds": 3,
    "quarter": 4,
    "quarters": 4,
    "fourth": 4,
    "fourths": 4,
    "fifth": 5,
    "fifths": 5,
    "sixth": 6,
    "sixths": 6,
    "seventh": 7,
    "sevenths": 7,
    "eighth": 8,
    "eighths": 8,
    "ninth": 9,
    "ninths": 9,
    "tenth": 10,
    "tenths": 10,
}
UNICODE_FRACTIONS = {"½": 0.5, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 0.25, "¾": 0.75, "⅕": 0.2, "⅛": 0.125}
# Vague plural counts, read the way ACLED codes them: the lower bound of the order of magnitude
# ("dozens" = 12, "hundreds" = 100) as the point, and ten times that as the upper bound.
VAGUE = {"dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1e3, "millions": 1e6, "billions": 1e9}
# "several hundred", "a few thousand": between two and nine of the unit.
FEW = r"(?:several|a\s+few|a\s+couple\s+of)"


def trie_regex(words) -> str:
    """One regex alternation for many words, as a trie: Python's re tries alternatives one by one, so a
    shared prefix is read once instead of once per word."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node) -> str:
        alts = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        end = "" in node
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 and not end else "(?:" + "|".join(alts) + ")"
        return body + "?" if end else body

    return "(?:" + build(trie) + ")"


_FIRST_WORDS = (
    list(UNITS)
    + list(TENS)
    + list(SCALES)
    + list(FRACTION_WORDS)
    + list(VAGUE)
    + ["a", "an", "dozen", "tens", "several"]
)
_W_UNIT = "|".join(sorted(UNITS, key=len, reverse=True))
_W_TENS = "|".join(TENS)
_W_SCALE = "|".join(SCALES)
_W_ANY = rf"(?:{_W_TENS}|{_W_UNIT}|{_W_SCALE}|dozen)"
_FRAC = "|".join(sorted(FRACTION_WORDS, key=len, reverse=True))

_DIGITS = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"

NUMBER_RE = re.compile(
    rf"""
    (?=[\d½⅓⅔¼¾⅕⅛+\-−.]|(?i:\b{trie_regex(_FIRST_WORDS)}\b))
    (?:(?P<outof>(?i:\b(?:\d{{1,3}}|{_W_UNIT}|{_W_TENS})\s+(?:out\s+of|in)\s+(?:every\s+)?(?:\d{{1,3}}|{_W_UNIT}|{_W_TENS})\b)
        (?!\s*(?:%|per|,\d|\.\d|\d)))
    | (?P<fracscale>(?i:\b(?:(?:(?:a|one|two|three)[\s-]+)?(?:quarters?|thirds?)|half|one[\s-]+half)\s+(?:of\s+)?
        an?\s+(?:million|billion|trillion|dozen)\b))
    | (?P<vague>(?i:(?:tens|hundreds)\s+of\s+(?:thousands|millions|billions)
        |dozens|hundreds|thousands|millions|billions)\b)
    | (?P<few>(?i:{FEW}\s+(?:dozen|hundred|thousand|million|billion))\b)
    | (?P<wfrac>(?i:\b(?:(?:a|an|one|two|three|four|five|six|seven|eight|nine|\d+)[\s-]+)?(?:{_FRAC})
        |half)\b)
    | (?P<ufrac>(?:\d{{1,3}}\s?)?[½⅓⅔¼¾⅕⅛](?:\s+(?i:million|billion|trillion)\b)?)
    | (?P<dfrac>(?<![\d/⁄.])\d{{1,3}}\s?[/⁄]\s?\d{{1,3}}(?![\d/⁄]))
    | (?P<digits>(?=[-−+]?\.?\d)(?:(?<![\w.,?!”])|(?<=PS)|(?<=RM)|(?<=Rs)|(?<=USD)|(?<=EUR)|(?<=GBP)|(?<=JPY)|(?<=CHF)
        |(?<=AUD)|(?<=CAD)|(?<=CNY)|(?<=INR)|(?<=\$US)|(?<=\$A))(?:(?P<sign>[-−+])(?=\d|\.\d))?{_DIGITS}
        (?:(?P<dscale>(?:\s*(?:-\s*)?(?i:hundred|thousand|million|billion|trillion|crores?|lakhs?)\b)+)
           |(?P<suffix>(?:mln|mn|bn|trn|tn|[kKMmbB])(?![A-Za-z0-9])))?)
    | (?P<words>(?i:\b(?:a|an)\s+(?:hundred|thousand|million|billion|trillion|dozen)\b
        (?:(?:\s+|-)(?:and\s+)?{_W_ANY}\b)*
        |\b{_W_ANY}\b(?:(?:\s+|-)(?:and\s+)?{_W_ANY}\b)*)))
    """,
    re.VERBOSE,
)
_HALF_ORDINAL = re.compile(r"(?i)\b(?:first|second|the|this|that|each|per)\s+$")
_OF_OR_END = re.compile(r"\s+of\b|\s*[,.;:)]|\s*$")
_WORD_SPLIT = re.compile(r"[\s-]+")
_SCALE_WORD = re.compile(r"(?i)(hundred|thousand|million|billion|trillion|crore|lakh)")


@dataclass(frozen=True)
class Number:
    start: int
    end: int
    value: float
    kind: str  # digits | words | vague | fraction
    high: float | None = None  # upper reading of a vague count
    scaled: bool = False  # carries its own scale word or suffix ("2.5 million", "3bn")
    suffix: str | None = None  # an attached one-letter suffix ("m", "b") whose reading depends on context
    raw: float | None = None  # the digits before any scale


def parse_digits(s: str) -> float:
    return float(s.replace(",", "").replace("−", "-"))


def parse_words(s: str) -> float | None:
    """'two thousand five hundred' -> 2500; 'a dozen' -> 12; None when the words do not make a number."""
    total = current = 0.0
    seen = False
    for w in _WORD_SPLIT.split(s.lower()):
        if w in ("and", ""):
            continue
        if w in ("a", "an"):
            current = 1.0
        elif w in UNITS:
            current += UNITS[w]
        elif w in TENS:
            current += TENS[w]
        elif w == "dozen":
            current = (current or 1.0) * 12
        elif w == "hundred":
            current = (current or 1.0) * 100
        elif w in SCALES:
            total += (current or 1.0) * SCALES[w]
            current = 0.0
        else:
            return None
        seen = True
    return total + current if seen else None


def _split_word_run(s: str, start: int) -> list[tuple[int, int]]:
    """A run like 'five six' or 'one two' is several numbers; split where a smaller-or-equal unit follows
    a unit or tens word ('twenty five' stays one, 'five six' splits)."""
    parts = []
    pos = 0
    last_kind = None
    seg_start = 0
    for m in re.finditer(r"[A-Za-z]+", s):
        w = m.group(0).lower()
        kind = "u" if w in UNITS else "t" if w in TENS else "s" if w in SCALES or w == "dozen" else "o"
        if kind == "o":
            continue
        if last_kind in ("u",) and kind in ("u", "t") or last_kind == "t" and kind == "t":
            parts.append((seg_start, pos))
            seg_start = m.start()
        last_kind = kind
        pos = m.end()
    parts.append((seg_start, pos))
    return [(start + a, start + b) for a, b in parts]


def find_numbers(text: str, pos: int = 0, endpos: int | None = None) -> list[Number]:
    out: list[Number] = []
    endpos = len(text) if endpos is None else endpos
    for m in NUMBER_RE.finditer(text, pos, endpos):
        kind = m.lastgroup
        s, e = m.start(), m.end()
        g = m.group(0)
        if m.group("digits") is not None:
            num_end = e
            scaled = False
            suffix = None
            if m.group("dscale"):
                num_end = m.start("dscale")
                scaled = True
                scale = 1.0
                for w in _SCALE_WORD.findall(m.group("dscale")):
                    scale *= SCALES.get(w.lower()) or INDIAN_SCALES[w.lower()]
            elif m.group("suffix"):
                num_end = m.start("suffix")
                suffix = m.group("suffix")
                scale = SUFFIX_SCALES[suffix]
                scaled = suffix not in ("m", "b")
            else:
                scale = 1.0
            raw = parse_digits(text[s:num_end])
            value = raw * scale if (scaled or suffix is None) else raw
            if suffix in ("m", "b"):  # resolved by the caller; until then the bare number
                value = raw
            out.append(Number(s, e, value, "digits", scaled=scaled, suffix=suffix, raw=raw))
        elif kind == "words":
            if g.split(None, 1)[0].lower() in SCALES or g.lower().startswith("dozen"):
                continue  # "a baker's dozen", "hundred" alone: not a count
            for a, b in _split_word_run(g, s):
                v = parse_words(text[a:b])
                if v is not None:
                    out.append(Number(a, b, v, "words", scaled=bool(_SCALE_WORD.search(text[a:b])), raw=v))
        elif kind == "vague":
            low_w = g.lower().split()
            if len(low_w) == 3:  # tens of thousands, hundreds of millions
                v = (10 if low_w[0] == "tens" else 100) * VAGUE[low_w[2]]
            else:
                v = VAGUE[low_w[0]]
            out.append(Number(s, e, float(v), "vague", high=float(v) * 10))
        elif kind == "few":
            unit = SCALES.get(g.lower().split()[-1], 12)
            out.append(Number(s, e, 2.0 * unit, "vague", high=9.0 * unit))
        elif kind == "wfrac":
            words = _WORD_SPLIT.split(g.lower())
            den = FRACTION_WORDS[words[-1]]
            after = text[e : e + 8]
            if len(words) == 1:
                # "half" alone is a fraction unless it is a half of a match ("second half");
                # "third" alone is an ordinal ("the third largest")
                if words[0] != "half" or _HALF_ORDINAL.search(text, max(0, s - 12), s):
                    continue
                num = 1.0
            else:
                n = words[0]
                if n in ("a", "an", "one"):
                    # "a third of" is a fraction, "a third term" an ordinal
                    if words[-1] not in ("half", "halves") and not _OF_OR_END.match(after):
                        continue
                    num = 1.0
                else:
                    num = float(UNITS[n]) if n in UNITS else float(n)
            out.append(Number(s, e, num / den, "fraction"))
        elif kind == "fracscale":  # "a quarter of a million", "half a million"
            words = _WORD_SPLIT.split(g.lower())
            scale = 12.0 if words[-1] == "dozen" else SCALES[words[-1]]
            frac_word = next(w for w in words if w in FRACTION_WORDS)
            num = float(UNITS.get(words[0], 1)) if words[0] in UNITS else 1.0
            out.append(
                Number(
                    s,
                    e,
                    num / FRACTION_WORDS[frac_word] * scale,
                    "words",
                    scaled=True,
                    raw=num / FRACTION_WORDS[frac_word] * scale,
                )
            )
        elif kind == "outof":
            parts = re.split(r"(?i)\s+(?:out\s+of|in)\s+(?:every\s+)?", g)
            a, b = (parse_digits(p) if p[0].isdigit() else parse_words(p) for p in parts)
            if a is not None and b and 0 < a < b:
                out.append(Number(s, e, a / b, "fraction"))
            else:  # "10 in 3" is not a fraction: read the two numbers on their own
                mid = re.search(r"(?i)\s+(?:out\s+of|in)\s+(?:every\s+)?", g)
                out.extend(find_numbers(text, s, s + mid.start()))
                out.extend(find_numbers(text, s + mid.end(), e))
        elif kind == "ufrac":  # "½", "2½ years", "½ million"
            i = next(k for k, ch in enumerate(g) if ch in UNICODE_FRACTIONS)
            whole = float(g[:i]) if g[:i].strip() else 0.0
            v = whole + UNICODE_FRACTIONS[g[i]]
            word = g[i + 1 :].strip().lower()
            if word:
                out.append(Number(s, e, v * SCALES[word], "digits", scaled=True, raw=v))
            else:
                out.append(Number(s, e, v, "fraction" if not whole else "digits", raw=v))
        elif kind == "dfrac":
            a, b = re.split(r"\s?[/⁄]\s?", g)
            na, nb = int(a), int(b)
            if 0 < na < nb:
                out.append(Number(s, e, na / nb, "fraction"))
    # 310 digits in a row read as infinity: no figure, and int() of it would raise further on.
    return [n for n in out if math.isfinite(n.value)]
