"""How many items an ingest will read, where that is knowable before reading: for its progress total and ETA."""

from __future__ import annotations

import os
from collections.abc import Iterable

from ..errors import Failure
from .fetch import is_url
from .readers import HTML_SUFFIXES, JSONL_SUFFIXES, TEXT_SUFFIXES, expand


def _lines(path: str) -> int:
    """Non-blank lines of a plain JSONL file (each is an article or a failure), counted, not parsed."""
    with open(path, "rb") as f:
        return sum(1 for line in f if line.strip())


def _items(path: str) -> int | None:
    low = path.lower()
    if is_url(path) or low.endswith(TEXT_SUFFIXES + HTML_SUFFIXES):
        return 1
    if low.endswith(JSONL_SUFFIXES) and not low.endswith(".gz") and os.path.isfile(path):
        try:
            return _lines(path)
        except OSError:
            return 1  # read as one failure
    return None  # stdin, feeds, archives, JSON, compressed: known only once read


def expected(inputs: Iterable[str]) -> int | None:
    """The number of articles and failures reading `inputs` gives, or None when it is not known beforehand."""
    total = 0
    for path in inputs:
        for item in expand(path):
            n = 1 if isinstance(item, Failure) else _items(item)
            if n is None:
                return None
            total += n
    return total
