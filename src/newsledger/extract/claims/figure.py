"""The records a figure is read into before it becomes a Claim."""

from __future__ import annotations

from dataclasses import dataclass

from ..numbers import Number


@dataclass
class Figure:
    """A figure being read from the text: its span, value, interval, unit, qualifier and change.

    Mutable on purpose: each step of the cascade (unit, range, qualifier, change, brackets) widens the
    span or sets a field, often reading what an earlier step set, and copying a frozen record at each of
    them would hide that order rather than protect it. It never leaves the package: each one ends as a
    frozen Claim."""

    start: int  # the claim: the number with its sign, unit and qualifier words
    end: int
    core_start: int  # the number (or the two of a range) alone, as looked up in the parse
    core_end: int
    num: Number  # of a range: its second number
    point: float | None
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    currency_sign: str | None = None
    qualifier: str = "exact"
    nearly: bool = False  # "nearly 300": 300 is the upper bound of an approximate figure
    change: str | None = None
    range_from: bool = False  # "from 5 to 8": the words before say how it moved, the range is no change
    explicit_unit: bool = False  # a unit written after the number, not one taken from a sign or "aged"


@dataclass
class Counting:
    """What a figure counts and measures, from the parse (`parse.syntax`) or, for a bare figure, from the
    figure before it. Mutable for the same reason as Figure: the walk up the parse and the inheritance
    fill it in turn."""

    counted: str | None = None
    generic: bool = False  # counts a word like "toll" or "figure": what it counts is said elsewhere
    bare: bool = False  # no noun of its own
    verb: str | None = None  # the verb the parse walk ended on
    measure: str | None = None
