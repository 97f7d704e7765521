"""Trailing boilerplate in plain-text articles.

Scraped pages often end with a block of "related stories": short headline-like lines with no final
punctuation. That block stays in `Article.text` (offsets must hold) but is not part of the body.
"""
from __future__ import annotations

import re

_END_PUNCT = tuple('.!?:;"\'”’)…')
_MAX_HEADLINE_WORDS = 16


def _headline_like(line: str) -> bool:
    s = line.strip()
    return bool(s) and not s.endswith(_END_PUNCT) and len(s.split()) <= _MAX_HEADLINE_WORDS


def body_end(text: str) -> int:
    """Offset where the body ends: before a trailing block of at least two headline-like lines."""
    lines = text.splitlines(keepends=True)
    offsets, pos = [], 0
    for line in lines:
        offsets.append(pos)
        pos += len(line)
    i = len(lines)
    while i > 0 and not lines[i - 1].strip():
        i -= 1
    j = i
    while j > 0 and (_headline_like(lines[j - 1]) or not lines[j - 1].strip()):
        j -= 1
    headlines = sum(1 for line in lines[j:i] if line.strip())
    # The block must follow a body that ends like prose, else a short article is all "headlines".
    if headlines >= 2 and j > 0 and lines[j - 1].strip().endswith(_END_PUNCT):
        cut = offsets[j]
        while cut > 0 and text[cut - 1].isspace():
            cut -= 1
        return cut
    return len(text)


def headline_title(text: str) -> str | None:
    """The first line as a title when it reads like one: short, unpunctuated, followed by a blank line."""
    m = re.match(r"\s*([^\n]{3,200})\n\s*\n", text)
    if m and _headline_like(m.group(1)):
        return m.group(1).strip()
    return None
