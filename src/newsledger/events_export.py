"""Events as PLOVER JSON records: the fields of the gold records in PLOVER_GSR_CAMEO.txt (id, date, source,
target, event, mode, eventText, text, textInfo, eventLoc, dead / injured / size, language, publication,
coder, version, dateCoded), so that PLOVER tools read the ledger's events. `export` calls `plover_records`."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import date

from . import __version__
from .models import Role
from .store.events import StoredEvent

CODER = "newsledger"
_SENT_END = re.compile(r"(?<=[.!?])\s+|\n")


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    left = max((m.end() for m in _SENT_END.finditer(text, 0, start)), default=0)
    m = _SENT_END.search(text, end)
    return left, m.start() if m else len(text)


def _actor(r: Role | None) -> list[dict]:
    if r is None or not r.name:
        return []
    return [{"actorText": r.name, "code": r.country, "sector": r.sector, "entity": r.entity}]


def _markup(text: str, s0: int, s1: int, marks: list[tuple[int, int, str]]) -> str:
    out, pos = [], s0
    for a, b, tag in sorted(m for m in marks if s0 <= m[0] < m[1] <= s1):
        if a < pos:
            continue
        out += [text[pos:a], f"({tag}: {text[a:b]})"]
        pos = b
    return "".join(out) + text[pos:s1]


def _loc(place) -> dict | None:
    """PLOVER's eventLoc of a resolved place."""
    if place is None or place.lat is None:
        return None
    return {"name": place.name, "country": place.country, "admin1": place.admin1, "lat": place.lat, "lon": place.lon}


def plover_record(row: StoredEvent, text: str, place=None) -> dict:
    """One PLOVER record; `place` is the event's place (models.Place), where the caller has the article's."""
    e = row.event
    s0, s1 = _sentence(text, e.start, e.end)
    marks = [(e.start, e.end, "EVT")] + [
        (r.start, r.end, tag)
        for r, tag in ((e.actor, "SRC"), (e.target, "TAR"))
        if r and r.start is not None and r.end is not None
    ]
    return {
        "id": f"newsledger-{e.article_id}-{e.type}-{row.id}",
        "date": (e.time or row.published or "")[:10] or None,
        "source": _actor(e.actor),
        "target": _actor(e.target),
        "event": e.type,
        "mode": e.mode or "",
        "status": e.status,
        "eventText": e.trigger,
        "context": "",
        "text": text[s0:s1].strip(),
        "textInfo": {"markup": _markup(text, s0, s1, marks).strip()},
        "eventLoc": _loc(place),
        "dead": e.dead,
        "injured": e.injured,
        "size": e.size,
        "language": "en",
        "publication": row.source,
        "coder": CODER,
        "version": __version__,
        "dateCoded": date.today().isoformat(),
        "comment": "" if e.status == "happened" else f"not an event that happened: {e.status}",
    }


def plover_records(rows: Iterable[StoredEvent], extraction_of) -> Iterator[dict]:
    """One PLOVER record per stored event; `extraction_of(article_id)` gives the article's extraction."""
    for row in rows:
        x = extraction_of(row.event.article_id)
        yield plover_record(row, x.article.text, place_of(row.event, x.places))


def place_of(event, places):
    """The event's place among its article's places (an index), or None."""
    i = event.place
    return places[i] if i is not None and 0 <= i < len(places) else None
