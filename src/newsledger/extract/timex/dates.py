"""Calendar points at a granularity (day, week, month, quarter, ...), their arithmetic and TIMEX3 values."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

GRANULARITIES = ("day", "week", "weekend", "month", "quarter", "half", "season", "year", "decade", "century")


@dataclass(frozen=True)
class Point:
    """A calendar period given by its granularity and a date inside it (or its start)."""

    gran: str
    day: date
    suffix: str = ""  # "TNI", "T10:30", "-SU": appended to the value as is

    def value(self) -> str:
        d, g = self.day, self.gran
        if g == "day":
            v = d.isoformat()
        elif g in ("week", "weekend"):
            y, w, _ = d.isocalendar()
            v = f"{y:04d}-W{w:02d}" + ("-WE" if g == "weekend" else "")
        elif g == "month":
            v = f"{d.year:04d}-{d.month:02d}"
        elif g == "quarter":
            v = f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
        elif g == "half":
            v = f"{d.year:04d}-H{1 if d.month <= 6 else 2}"
        elif g == "decade":
            v = f"{d.year // 10:03d}"
        elif g == "century":
            v = f"{d.year // 100:02d}"
        else:  # year, season (its suffix carries the season)
            v = f"{d.year:04d}"
        return v + self.suffix


def add_months(d: date, n: int) -> date:
    m = d.month - 1 + n
    y = d.year + m // 12
    m = m % 12 + 1
    last = (date(y + (m == 12), m % 12 + 1, 1) - timedelta(days=1)).day
    return date(y, m, min(d.day, last))


def shift(d: date, unit: str, n: int) -> date:
    """d moved by n units (day, week, weekend, month, quarter, half, year, decade, century)."""
    if unit == "day":
        return d + timedelta(days=n)
    if unit in ("week", "weekend"):
        return d + timedelta(days=7 * n)
    months = {"month": 1, "quarter": 3, "half": 6, "season": 3, "year": 12, "decade": 120, "century": 1200}
    return add_months(d, months[unit] * n)


def weekday_near(ref: date, weekday: int, direction: int) -> date:
    """The weekday (1 = Monday) on or before ref (direction -1) or on or after it (+1)."""
    diff = weekday - ref.isoweekday()
    if direction < 0:
        return ref + timedelta(days=diff if diff <= 0 else diff - 7)
    return ref + timedelta(days=diff if diff >= 0 else diff + 7)


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> date:
    """The nth (1-based; -1 = last) weekday of a month."""
    if nth > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (nth - 1))
    last = add_months(date(year, month, 1), 1) - timedelta(days=1)
    return last - timedelta(days=(last.isoweekday() - weekday) % 7)


def easter(year: int) -> date:
    """Western Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    return date(year, month, (h + l_ - 7 * m + 114) % 31 + 1)
