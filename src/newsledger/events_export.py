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


def plover_record(row: StoredEvent, text: str) -> dict:
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
        "eventLoc": None,  # the place's name and country once places are merged (#15, places half)
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


def plover_records(rows: Iterable[StoredEvent], text_of) -> Iterator[dict]:
    """One PLOVER record per stored event; `text_of(article_id)` gives the article's text."""
    for row in rows:
        yield plover_record(row, text_of(row.event.article_id))
