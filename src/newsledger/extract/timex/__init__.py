"""Rule-based TIMEX3 extraction in the HeidelTime style: patterns find, the resolver normalises.

`find` runs every rule of `patterns.RULES` over the text and keeps the longest of overlapping matches;
`resolve` walks them in text order, resolving each against the publication date and the last
mentioned date (see `resolve.py`).
"""
from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from .patterns import RULES
from .resolve import HANDLERS, Context

__all__ = ["find", "resolve"]


def find(text: str) -> list[tuple[int, int, str, object]]:
    """Non-overlapping (start, end, rule, match) in text order; the longest match wins, then the earlier rule."""
    cands = []
    for rank, (name, rx) in enumerate(RULES):
        for m in rx.finditer(text):
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
    ctx = Context(dct=published, doc=doc)
    for s, e, name, m in find(text):
        got = HANDLERS[name](m, ctx)
        if got is not None:
            yield s, e, got[0], got[1]
