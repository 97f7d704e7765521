"""Writing the stored ledger out: contract JSON lines per article, or CSV of one kind of record."""

from __future__ import annotations

import csv
import json
from typing import TextIO

from .store import Ledger
from .store.figures import list_figures

_COLUMNS = {
    "claims": [
        "article",
        "published",
        "start",
        "end",
        "text",
        "point",
        "low",
        "high",
        "qualifier",
        "change",
        "unit",
        "counted",
        "measure",
        "source",
        "source_entity",
        "time",
    ],
    "quotes": ["article", "published", "start", "end", "text", "kind", "speaker", "speaker_entity", "cue"],
    "entities": ["article", "published", "id", "name", "label", "canonical", "mentions"],
    "times": ["article", "published", "start", "end", "text", "type", "value"],
}


def write_jsonl(ledger: Ledger, out: TextIO) -> None:
    for x in ledger.extractions():
        out.write(json.dumps(x.to_contract(), ensure_ascii=False) + "\n")


def _rows(x, what: str):
    a = x.article
    pub = a.published.isoformat() if a.published else None
    if what == "claims":
        for c in x.claims:
            s = c.source
            yield [
                a.id,
                pub,
                c.start,
                c.end,
                c.text,
                c.value.point,
                c.value.low,
                c.value.high,
                c.qualifier,
                c.change,
                c.unit,
                c.counted,
                c.measure,
                s and s.name,
                s and s.entity,
                c.time,
            ]
    elif what == "quotes":
        for q in x.quotes:
            s = q.speaker
            yield [a.id, pub, q.start, q.end, q.text, q.kind, s and s.name, s and s.entity, q.cue and q.cue.text]
    elif what == "entities":
        for e in x.entities:
            yield [a.id, pub, e.id, e.name, e.label, e.canonical, len(e.mentions)]
    else:
        for t in x.times:
            yield [a.id, pub, t.start, t.end, t.text, t.type, t.value]


def write_csv(ledger: Ledger, out: TextIO, what: str) -> None:
    w = csv.writer(out, lineterminator="\n")
    w.writerow(_COLUMNS[what])
    for x in ledger.extractions():
        w.writerows(_rows(x, what))


FIGURE_COLUMNS = [
    "figure", "measure", "counted", "part", "part_of", "incident", "incident_date", "incident_country",
    "low", "best", "high", "parties", "party", "party_name", "source", "relayed_by", "stance", "preliminary",
    "point", "value_low", "value_high", "qualifier", "text", "article", "published", "mentions",
]  # fmt: skip


def write_figures_jsonl(ledger: Ledger, out: TextIO) -> None:
    """Every figure, parts included, as the contract's figure line."""
    for f in list_figures(ledger):
        out.write(json.dumps(f.to_contract(), ensure_ascii=False) + "\n")


def write_figures_csv(ledger: Ledger, out: TextIO) -> None:
    """One row per statement of every figure (parts included), with the figure's incident and values."""
    w = csv.writer(out, lineterminator="\n")
    w.writerow(FIGURE_COLUMNS)
    for f in list_figures(ledger):
        inc = f.incident
        for c in f.claims:
            w.writerow([
                f.id, f.measure, f.counted, f.part, f.part_of, inc and inc.title, inc and inc.date,
                inc and inc.country, f.low, f.best, f.high, f.sources, c.party, c.party_name, c.source,
                c.relayed_by, c.stance, c.preliminary, c.value.point, c.value.low, c.value.high, c.qualifier,
                c.text, c.article, c.published, len(c.mentions),
            ])  # fmt: skip
