"""How records read to a person: one place for the CLI and the web pages to share. Uses only models."""

from __future__ import annotations

from .models import Claim, Party, Value

_SIGN = {"approx": "~", "more_than": ">", "at_least": "≥", "less_than": "<", "at_most": "≤"}
_CURRENCY = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"}


def number(x: float | None) -> str:
    """12,500 · 2.5 million · 0.33: big numbers in words, as news writes them."""
    if x is None:
        return "?"
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(x) >= size:
            return f"{x / size:,.3g} {word}"
    if x == int(x):
        return f"{int(x):,}"
    return f"{x:,.4g}" if abs(x) >= 1 else f"{x:.2g}"


def _with_unit(s: str, unit: str | None) -> str:
    if not unit:
        return s
    if unit in _CURRENCY:
        return _CURRENCY[unit] + s
    if unit == "percent":
        return s + "%"
    return f"{s} {unit}"


def figure(value: Value, qualifier: str, unit: str | None = None, change: str | None = None) -> str:
    """A claim's value as a reader writes it: "~3,500", ">20", "200–300", "+5%"."""
    if qualifier == "range" or (value.point is None and value.low is not None):
        s = _with_unit(f"{number(value.low)}–{number(value.high)}", unit)
    else:
        s = _SIGN.get(qualifier, "") + _with_unit(number(value.point), unit)
    return {"up": "+", "down": "−"}.get(change or "", "") + s


def interval(value: Value, unit: str | None = None) -> str:
    """What the statement allows: "20–∞" for "just over 20", "≤150" for "close to 150", "" when exact."""
    lo, hi = value.low, value.high
    if lo is not None and hi is not None:
        return "" if lo == hi == value.point else _with_unit(f"{number(lo)}–{number(hi)}", unit)
    if lo is not None:
        return _with_unit(f"{number(lo)}–∞", unit)
    if hi is not None:
        return "≤" + _with_unit(number(hi), unit)
    return ""


def claim_figure(c: Claim) -> str:
    return figure(c.value, c.qualifier, c.unit, c.change)


def party(p: Party | None) -> str:
    return (p.name or "?") if p else "—"
