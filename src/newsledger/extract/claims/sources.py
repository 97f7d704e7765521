"""Who states a claim and when: the speaker of the innermost quote holding it, and the nearest DATE in
its sentence."""

from __future__ import annotations

from ...models import Party, Quote


def source_of(quotes: list[Quote], start: int, end: int) -> Party | None:
    best = None
    for qt in quotes:
        if qt.start <= start and end <= qt.end and (best is None or qt.end - qt.start < best.end - best.start):
            best = qt
    return best.speaker if best is not None else None


def time_of(dates, sent, start: int, end: int) -> str | None:
    if sent is None:
        return None
    best, dist = None, None
    for s, e, v in dates:
        if s >= sent[0] and e <= sent[1]:
            d = start - e if e <= start else s - end  # characters between the date and the claim
            if dist is None or d < dist:
                best, dist = v, d
    return best
