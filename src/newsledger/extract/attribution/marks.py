"""Quotation-mark regions: where direct speech is, found from the marks alone.

A region runs from an opening mark to its closing mark, both included (PolNeAR's content spans of
direct quotes include the marks). Straight marks toggle; curly marks say which side they are.
A paragraph that opens a quote and does not close it continues into the next paragraph when that one
opens with a quote mark again (the newspaper convention for a quote over several paragraphs).
"""

from __future__ import annotations

import re

# Openers and closers; `` and '' are the LaTeX/PTB-style pair some feeds use.
_MARK = re.compile(r"``|''|[\"“”„«»]")
_OPEN = {"“", "„", "«", "``"}
_CLOSE = {"”", "»"}
_PARA = re.compile(r"\n\s*\n|\n")


def quote_regions(text: str, end: int | None = None) -> list[tuple[int, int]]:
    """Sorted, non-overlapping [start, end) regions of text[:end] inside quotation marks."""
    end = len(text) if end is None else end
    regions: list[tuple[int, int]] = []
    open_at: int | None = None
    para_end = _next_para(text, 0, end)
    for m in _MARK.finditer(text, 0, end):
        pos, mark = m.start(), m.group()
        while pos >= para_end:  # crossing into a new paragraph
            if open_at is not None and not _opens_para(text, para_end, end):
                open_at = None  # an unclosed quote that does not continue: unbalanced, dropped
            para_end = _next_para(text, para_end + 1, end)
        if open_at is None:
            if mark not in _CLOSE:
                open_at = pos
        elif mark in _OPEN:
            # a continuation paragraph re-opens; a stray opener mid-paragraph restarts the quote
            if not _starts_para(text, pos):
                open_at = pos
        else:
            regions.append((open_at, m.end()))
            open_at = None
    return regions


def _next_para(text: str, pos: int, end: int) -> int:
    m = _PARA.search(text, pos, end)
    return m.end() if m else end + 1


def _starts_para(text: str, pos: int) -> bool:
    i = pos - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return i < 0 or text[i] == "\n"


def _opens_para(text: str, pos: int, end: int) -> bool:
    m = _MARK.match(text, pos, end) if pos < end else None
    return bool(m) and m.group() not in _CLOSE
