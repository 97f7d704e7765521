"""Writing the stored ledger out: every table as CSV, JSON lines or Parquet, times as TimeML.

An export is a (table, format) pair in `EXPORTS`; a new one (the events layer's PLOVER JSON) is one more
`register` call, not another branch. Flat tables are a column list and a row function, written by every
tabular format alike. The column names are documented in docs/exports.md and tested against it.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import BinaryIO
from xml.sax.saxutils import escape, quoteattr

from .errors import NewsledgerError
from .models import Extraction
from .store import Ledger, slices
from .store import stories as stored_stories
from .store.events import StoredEvent, find_events
from .store.figures import list_figures
from .store.slices import Slice  # what an export holds, shared with the web pages and the API


def _article_ids(ledger: Ledger, part: Slice, own: bool = False) -> list[str] | None:
    """None: every article (the whole ledger, streamed), else the ids in the slice (`own`: the articles
    table's, which also reads the slice's measure and country)."""
    return None if part.whole else slices.article_ids(ledger, part, own)


def _extractions(ledger: Ledger, part: Slice, own: bool = False) -> Iterator[Extraction]:
    ids = _article_ids(ledger, part, own)
    if ids is None:
        yield from ledger.extractions()
    else:
        for aid in ids:
            yield ledger.extraction(aid)


# -- flat tables: columns and rows ------------------------------------------------------------------------


def _pub(x: Extraction) -> str | None:
    return x.article.published.isoformat() if x.article.published else None


def _article_rows(x: Extraction) -> Iterable[list]:
    a = x.article
    yield [a.id, _pub(x), a.source, a.url, a.outlet, a.language, a.title, len(a.text), a.text]


def _claim_row(aid: str, pub: str | None, c) -> list:
    s = c.source
    return [
        aid, pub, c.start, c.end, c.text, c.value.point, c.value.low, c.value.high, c.qualifier, c.change, c.unit,
        c.counted, c.measure, s and s.name, s and s.entity, c.time,
    ]  # fmt: skip


def _quote_row(aid: str, pub: str | None, q) -> list:
    s = q.speaker
    return [aid, pub, q.start, q.end, q.text, q.kind, s and s.name, s and s.entity, q.cue and q.cue.text]


def _entity_rows(x: Extraction) -> Iterable[list]:
    for e in x.entities:
        yield [x.article.id, _pub(x), e.id, e.name, e.label, e.canonical, len(e.mentions)]


def _time_rows(x: Extraction) -> Iterable[list]:
    for t in x.times:
        yield [x.article.id, _pub(x), t.start, t.end, t.text, t.type, t.value]


def _role(r) -> list:
    return [r.name, r.entity, r.sector, r.country] if r else [None] * 4


def _event_row(aid: str, pub: str | None, e) -> list:
    head = [aid, pub, e.start, e.end, e.trigger, e.type, e.mode, e.status]
    return [*head, *_role(e.actor), *_role(e.target), e.place, e.time, e.dead, e.injured, e.size]


def _place_rows(x: Extraction) -> Iterable[list]:
    for p in x.places:
        yield [x.article.id, _pub(x), p.start, p.end, p.text, p.name, p.country, p.admin1, p.lat, p.lon, p.feature]


def _per_article(
    rows: Callable[[Extraction], Iterable[list]], own: bool = False
) -> Callable[[Ledger, Slice], Iterator[list]]:
    def all_rows(ledger: Ledger, part: Slice) -> Iterator[list]:
        for x in _extractions(ledger, part, own):
            yield from rows(x)

    return all_rows


def _events(ledger: Ledger, part: Slice) -> Iterator[StoredEvent]:
    """Every event article by article (the whole ledger, streamed), else those the slice keeps, newest first."""
    if part.whole:
        for x in ledger.extractions():
            yield from (StoredEvent(i, e, _pub(x), x.article.source) for i, e in enumerate(x.events, 1))
    else:
        yield from find_events(ledger, only=part)


def _cited(table: str, row: Callable[[str, str | None, object], list]) -> Callable[[Ledger, Slice], Iterator[list]]:
    """Claims or quotes: the whole ledger article by article (streamed), else the slice's rows as the
    claims and quotes pages find them (its articles, measure, party), oldest first."""

    def all_rows(ledger: Ledger, part: Slice) -> Iterator[list]:
        if part.whole:
            for x in ledger.extractions():
                yield from (row(x.article.id, _pub(x), r) for r in getattr(x, table))
            return
        found = ledger.claims(only=part) if table == "claims" else ledger.quotes(only=part)
        yield from (row(c.article.id, c.article.published, c.record) for c in found)

    return all_rows


def _event_rows(ledger: Ledger, part: Slice) -> Iterator[list]:
    for r in _events(ledger, part):
        yield _event_row(r.event.article_id, r.published, r.event)


def _figures(ledger: Ledger, part: Slice):
    """Every figure (parts included), or those the slice keeps: of its articles (whole), measure, party, country."""
    return list_figures(ledger, only=None if part.whole else part)


def _figure_rows(ledger: Ledger, part: Slice) -> Iterator[list]:
    for f in _figures(ledger, part):
        inc = f.incident
        for c in f.claims:
            yield [
                f.id, f.measure, f.counted, f.part, f.part_of, inc and inc.title, inc and inc.date,
                inc and inc.country, f.low, f.best, f.high, f.sources, c.party, c.party_name, c.source,
                c.relayed_by, c.stance, c.preliminary, c.value.point, c.value.low, c.value.high, c.qualifier,
                c.text, c.article, c.published, len(c.mentions),
            ]  # fmt: skip


def _stories(ledger: Ledger, part: Slice):
    ids = _article_ids(ledger, part)
    sids = stored_stories.ids(ledger) if ids is None else slices.story_ids_of(ledger, ids)
    return stored_stories.load(ledger, sids)


def _story_rows(ledger: Ledger, part: Slice) -> Iterator[list]:
    for s in _stories(ledger, part):
        for a in s.articles:
            yield [
                s.id, s.title, s.first, s.last, len(s.articles), s.independent, a.id, a.published, a.title,
                a.source, a.outlet, a.copy_of, "; ".join(a.publications),
            ]  # fmt: skip


@dataclass(frozen=True)
class Flat:
    columns: tuple[str, ...]
    rows: Callable[[Ledger, Slice], Iterator[list]]


CITE = ("article", "published")
TABLES: dict[str, Flat] = {
    "articles": Flat(
        ("id", "published", "source", "url", "outlet", "language", "title", "chars", "text"),
        _per_article(_article_rows, own=True),
    ),
    "claims": Flat(
        (
            *CITE,
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
        ),
        _cited("claims", _claim_row),
    ),  # fmt: skip
    "quotes": Flat(
        (*CITE, "start", "end", "text", "kind", "speaker", "speaker_entity", "cue"), _cited("quotes", _quote_row)
    ),
    "entities": Flat((*CITE, "id", "name", "label", "canonical", "mentions"), _per_article(_entity_rows)),
    "times": Flat((*CITE, "start", "end", "text", "type", "value"), _per_article(_time_rows)),
    "places": Flat(
        (*CITE, "start", "end", "text", "name", "country", "admin1", "lat", "lon", "feature"),
        _per_article(_place_rows),
    ),
    "events": Flat(
        (
            *CITE,
            *("start", "end", "trigger", "type", "mode", "status"),
            *("actor", "actor_entity", "actor_sector", "actor_country"),
            *("target", "target_entity", "target_sector", "target_country"),
            *("place", "time", "dead", "injured", "size"),
        ),
        _event_rows,
    ),
    "figures": Flat(
        (
            "figure",
            "measure",
            "counted",
            "part",
            "part_of",
            "incident",
            "incident_date",
            "incident_country",
            "low",
            "best",
            "high",
            "parties",
            "party",
            "party_name",
            "source",
            "relayed_by",
            "stance",
            "preliminary",
            "point",
            "value_low",
            "value_high",
            "qualifier",
            "text",
            "article",
            "published",
            "mentions",
        ),
        _figure_rows,
    ),  # fmt: skip
    "stories": Flat(
        (
            "story",
            "title",
            "first",
            "last",
            "articles",
            "independent",
            "article",
            "published",
            "article_title",
            "source",
            "outlet",
            "copy_of",
            "publications",
        ),
        _story_rows,
    ),  # fmt: skip
}
FIGURE_COLUMNS = list(TABLES["figures"].columns)


# -- formats ----------------------------------------------------------------------------------------------

Writer = Callable[[Ledger, Slice, BinaryIO], None]
EXPORTS: dict[tuple[str, str], Writer] = {}


def register(table: str, fmt: str) -> Callable[[Writer], Writer]:
    def add(fn: Writer) -> Writer:
        EXPORTS[(table, fmt)] = fn
        return fn

    return add


def _text(out: BinaryIO) -> io.TextIOWrapper:
    return io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)


def _csv(flat: Flat) -> Writer:
    def write(ledger: Ledger, part: Slice, out: BinaryIO) -> None:
        text = _text(out)
        w = csv.writer(text, lineterminator="\n")
        w.writerow(flat.columns)
        w.writerows(flat.rows(ledger, part))
        text.detach()

    return write


def _jsonl_lines(out: BinaryIO, objects: Iterable[dict]) -> None:
    for o in objects:
        out.write((json.dumps(o, ensure_ascii=False, default=str) + "\n").encode())


def _jsonl(flat: Flat) -> Writer:
    def write(ledger: Ledger, part: Slice, out: BinaryIO) -> None:
        _jsonl_lines(out, (dict(zip(flat.columns, r)) for r in flat.rows(ledger, part)))

    return write


def _parquet(flat: Flat) -> Writer:
    def write(ledger: Ledger, part: Slice, out: BinaryIO) -> None:
        try:
            import pyarrow as pa
            import pyarrow.parquet as pq
        except ImportError:
            raise NewsledgerError("NL161", "Parquet needs pyarrow: pip install 'newsledger[parquet]'") from None
        rows = list(flat.rows(ledger, part))
        cols = {c: [r[i] for r in rows] for i, c in enumerate(flat.columns)}
        pq.write_table(pa.table(cols), out)

    return write


for _name, _flat in TABLES.items():
    for _fmt, _make in (("csv", _csv), ("jsonl", _jsonl), ("parquet", _parquet)):
        EXPORTS[(_name, _fmt)] = _make(_flat)


@register("articles", "jsonl")
def write_contract(ledger: Ledger, part: Slice, out: BinaryIO) -> None:
    """One contract object per article, every extraction nested (the `extract` command's lines)."""
    _jsonl_lines(out, (x.to_contract() for x in _extractions(ledger, part, own=True)))


@register("figures", "jsonl")
def write_figures_jsonl(ledger: Ledger, part: Slice, out: BinaryIO) -> None:
    """The contract's figure line per figure, its claims and parties nested."""
    _jsonl_lines(out, (f.to_contract() for f in _figures(ledger, part)))


@register("stories", "jsonl")
def write_stories_jsonl(ledger: Ledger, part: Slice, out: BinaryIO) -> None:
    _jsonl_lines(out, (s.to_contract() for s in _stories(ledger, part)))


@register("events", "plover")
def write_plover(ledger: Ledger, part: Slice, out: BinaryIO) -> None:
    """The events as PLOVER JSON records, one a line (`events_export.py`, the fields of the PLOVER gold)."""
    from .events_export import place_of, plover_record

    if part.whole:
        for x in ledger.extractions():
            rows = (StoredEvent(i, e, _pub(x), x.article.source) for i, e in enumerate(x.events, 1))
            _jsonl_lines(out, (plover_record(r, x.article.text, place_of(r.event, x.places)) for r in rows))
        return
    held: Extraction | None = None
    for r in find_events(ledger, only=part):
        if held is None or held.article.id != r.event.article_id:
            held = ledger.extraction(r.event.article_id)  # the text and places its record quotes
        _jsonl_lines(out, [plover_record(r, held.article.text, place_of(r.event, held.places))])


def timeml(x: Extraction) -> str:
    """One article as a TimeML document: its text with each time expression inline as a TIMEX3 (an expression
    inside or across an earlier one is left out: TimeML tags do not overlap), the publication date as DCT."""
    a, parts, at = x.article, [], 0
    dct = f'<DCT><TIMEX3 tid="t0" type="DATE" value="{a.published}" functionInDocument="CREATION_TIME"/></DCT>'
    for n, t in enumerate(sorted(x.times, key=lambda t: (t.start, -t.end)), 1):
        if t.start < at:
            continue
        parts += [
            escape(a.text[at : t.start]),
            f'<TIMEX3 tid="t{n}" type={quoteattr(t.type)} value={quoteattr(t.value)}>',
        ]
        parts += [escape(a.text[t.start : t.end]), "</TIMEX3>"]
        at = t.end
    parts.append(escape(a.text[at:]))
    return (
        f"<TimeML>\n<DOCID>{escape(a.id)}</DOCID>\n{dct if a.published else ''}\n"
        f"<TEXT>{''.join(parts)}</TEXT>\n</TimeML>\n"
    )


@register("times", "timeml")
def write_timeml(ledger: Ledger, part: Slice, out: BinaryIO) -> None:
    """The articles as TimeML documents in one XML file (root <TimeMLCorpus>, one <TimeML> per article)."""
    out.write(b'<?xml version="1.0" encoding="UTF-8"?>\n<TimeMLCorpus>\n')
    for x in _extractions(ledger, part):
        out.write(timeml(x).encode())
    out.write(b"</TimeMLCorpus>\n")


def formats() -> list[str]:
    return sorted({f for _, f in EXPORTS})


def writer(table: str, fmt: str) -> Writer:
    """The writer of `table` as `fmt`; NL160 when that table has no such format."""
    fn = EXPORTS.get((table, fmt))
    if fn is None:
        have = ", ".join(f for t, f in sorted(EXPORTS) if t == table)
        raise NewsledgerError("NL160", f"--table {table} has no --format {fmt} (it has {have})")
    return fn
