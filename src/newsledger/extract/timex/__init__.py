"""Rule-based TIMEX3 extraction in the HeidelTime style: patterns find, the resolver normalises.

`find` runs every rule of `patterns.RULES` over the text and keeps the longest of overlapping matches;
`resolve` walks them in text order, resolving each against the publication date and the last
mentioned date (see `resolve.py`).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from .patterns import DECADE_KEY_RULES, KEYWORDS, REACH_AFTER, REACH_BEFORE, RULES, WORD, YEAR_KEY_RULES
from .resolve import HANDLERS, Context

__all__ = ["find", "resolve"]


def _windows(text: str) -> dict[str, list[tuple[int, int]]]:
    """For each rule, the merged stretches of text around its key words where it may match."""
    spans: dict[str, list[tuple[int, int]]] = {}
    n = len(text)
    for w in WORD.finditer(text):
        tok = w[0]
        if tok[0].isdigit():
            if tok[-1] == "s":
                rules = DECADE_KEY_RULES
            elif len(tok) == 4 and "1500" <= tok <= "2099":
                rules = YEAR_KEY_RULES
            else:
                continue
        else:
            rules = KEYWORDS.get(tok.lower())
            if not rules:
                continue
        a, b = max(0, w.start() - REACH_BEFORE), min(n, w.end() + REACH_AFTER)
        for r in rules:
            lst = spans.setdefault(r, [])
            if lst and a <= lst[-1][1]:
                lst[-1] = (lst[-1][0], b)
            else:
                lst.append((a, b))
    return spans


def find(text: str) -> list[tuple[int, int, str, object]]:
    """Non-overlapping (start, end, rule, match) in text order; the longest match wins, then the earlier rule."""
    windows = _windows(text)
    cands = []
    for rank, (name, rx) in enumerate(RULES):
        for a, b in windows.get(name, ()):
            for m in rx.finditer(text, a, b):
                cands.append((m.start() - m.end(), rank, m.start(), m.end(), name, m))
    if not cands:
        return []
    cands.sort(key=lambda c: c[:3])
    taken = bytearray(len(text) + 1)
    kept = []
    for _, _, s, e, name, m in cands:
        if any(taken[s:e]):
            continue
        taken[s:e] = b"\x01" * (e - s)
        kept.append((s, e, name, m))
    kept.sort(key=lambda k: k[0])
    return kept


def resolve(text: str, published: date | None, doc=None) -> Iterator[tuple[int, int, str, str]]:
    """(start, end, type, value) of each time expression in text, in order."""
    ctx = Context(dct=published, text=text, doc=doc)
    for s, e, name, m in find(text):
        try:
            got = HANDLERS[name](m, ctx)
        except (ValueError, OverflowError):  # "8,000 years ago" lands before year 1: no calendar value
            got = None
        if got is not None:  # (type, value), or (type, value, start) where a handler trims the span
            yield (got[2] if len(got) > 2 else s), e, got[0], got[1]
