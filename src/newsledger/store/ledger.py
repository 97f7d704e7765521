"""The Ledger: the one writer of extractions into SQLite, and the queries over them.

Writes come in batches, one transaction per batch: an interrupted ingest keeps every committed batch,
and the same ingest run again stores only what is missing (an article is keyed by its text's id).
Queries return the typed records of `models`, paired with the article they came from.
"""

from __future__ import annotations

import json
import re
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from ..errors import Failure, InputError, NotFound, StoreError
from ..models import Article, Claim, Cue, Entity, Event, Extraction, Party, Place, Quote, Role, TimeExpr, Value
from .db import connect, retry_busy, steps_lock
from .steps import mark_articles

if TYPE_CHECKING:
    from .slices import Slice


@dataclass(frozen=True)
class ArticleRef:
    """Enough of an article to cite it next to a record."""

    id: str
    source: str
    title: str | None
    published: str | None
    outlet: str | None = None


@dataclass(frozen=True)
class Cited:
    """A record with the article it was extracted from, and its row id in the ledger."""

    record: object
    article: ArticleRef
    row: int | None = None


@dataclass(frozen=True)
class ArticleSummary:
    """A stored article as a list shows it: how long it is and how much was extracted from it."""

    id: str
    source: str
    title: str | None
    published: str | None
    chars: int
    claims: int
    quotes: int
    url: str | None = None
    outlet: str | None = None
    language: str | None = None


@dataclass(frozen=True)
class Publication:
    """One place an article was seen: the same text under another source is a publication too."""

    article_id: str
    source: str
    url: str | None
    published: str | None


@dataclass(frozen=True)
class EntitySummary:
    key: str
    name: str
    label: str
    articles: int
    mentions: int


@dataclass(frozen=True)
class WriteResult:
    stored: int
    already: int
    failures: list[Failure] = field(default_factory=list)


def _party(name, entity, start, end) -> Party | None:
    return None if name is None and entity is None and start is None else Party(name, entity, start, end)


# Bounds on what a caller may ask (the web's query strings, the CLI's options): a filter or search text
# of at most MAX_FILTER characters (NL144), an id or key of at most MAX_KEY, and QUERY_BUDGET_S seconds of
# SQLite work per search or filter (NL145), enforced by a progress handler.
MAX_FILTER = 1000
MAX_KEY = 200
QUERY_BUDGET_S = 5.0


def like_pattern(text: str) -> str:
    """A LIKE pattern (with ESCAPE '\\') that finds `text` anywhere, its % and _ taken literally."""
    bounded(text)
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


T = TypeVar("T")


def bounded(text: str, what: str = "filter") -> str:
    if len(text) > MAX_FILTER:
        raise InputError("NL144", f"is {len(text):,} characters; a {what} may be at most {MAX_FILTER:,}", what)
    return text


# The columns that cite a row's article (`a`), as `cited` reads them.
CITE = "a.source AS a_source, a.title AS a_title, a.published AS a_published, a.outlet AS a_outlet"


_PLACE_COLUMNS = (
    "start",
    "end",
    "text",
    "name",
    "country",
    "admin1",
    "lat",
    "lon",
    "feature",
    "geonameid",
    "population",
)


class Ledger:
    def __init__(self, path: str | Path = "newsledger.db", readonly: bool = False):
        self.path = str(path)
        self.conn: sqlite3.Connection = connect(path, readonly=readonly)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextmanager
    def budget(self, what: str, seconds: float | None = None) -> Iterator[None]:
        """Queries in the block stop after `seconds` of SQLite work with NL145 (an FTS query of many
        prefix terms NEAR each other can take minutes)."""
        deadline = time.monotonic() + (QUERY_BUDGET_S if seconds is None else seconds)
        self.conn.set_progress_handler(lambda: int(time.monotonic() > deadline), 1000)
        try:
            yield
        except sqlite3.OperationalError as e:
            if "interrupted" not in str(e):
                raise
            raise InputError(
                "NL145", f"took longer than {QUERY_BUDGET_S:g} s and was stopped; ask for something narrower", what
            ) from None
        finally:
            self.conn.set_progress_handler(None, 0)

    @contextmanager
    def transaction(self, lock: bool = False) -> Iterator[None]:
        """A transaction: committed when the block ends, rolled back when it raises. `lock`: begin it holding
        the write lock, so that a second updater (a web ingest and a CLI listing at once) waits and then finds
        the work done, rather than doing it twice."""
        with self.conn:
            if lock and not self.conn.in_transaction:
                self.conn.execute("BEGIN IMMEDIATE")
            yield

    # -- writing ---------------------------------------------------------------------------------

    def has_article(self, article_id: str) -> bool:
        return self.conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None

    def article_by_url(self, url: str) -> str | None:
        """The stored article with this canonical URL: the same page, even when its text has changed since."""
        r = self.conn.execute("SELECT id FROM articles WHERE url = ? ORDER BY rowid LIMIT 1", (url,)).fetchone()
        return r[0] if r else None

    def retrying(self, fn: Callable[[], T]) -> T:
        """`fn()`, tried again while another process holds the write lock; NL205 when it never frees."""
        return retry_busy(fn, self.path)

    @contextmanager
    def steps_lock(self) -> Iterator[None]:
        """One process at a time updates the cross-article steps of this ledger (`store.db.steps_lock`)."""
        with steps_lock(self.path):
            yield

    def note_publication(self, article: Article) -> None:
        """Record that a stored article was seen again under another source."""

        def note() -> None:
            with self.conn:
                self.conn.execute(
                    "INSERT INTO publications(article_id, source, url, published) "
                    "VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                    (article.id, article.source, article.url, article.published and article.published.isoformat()),
                )

        self.retrying(note)

    def write(self, batch: Iterable[Extraction | Failure], made_by: tuple[str, int, str] | None = None) -> WriteResult:
        """Store a batch in one transaction; articles already stored are left as they are.

        An article whose records the database refuses becomes a recorded failure (NL203): a savepoint
        takes its rows back, and the rest of the batch is stored. `made_by` (step, version, options hash)
        is recorded for each stored article: what made its rows. While another process writes, the batch
        waits for it and is tried again whole (NL205 when the lock never frees): nothing of it is dropped.
        """
        items = list(batch)
        return self.retrying(lambda: self._write(items, made_by))

    def _write(self, batch: list[Extraction | Failure], made_by: tuple[str, int, str] | None) -> WriteResult:
        stored = already = 0
        failures: list[Failure] = []
        c = self.conn
        # IMMEDIATE: the write lock is taken (or waited for) before anything is read, so SQLite's busy
        # timeout applies; explicit, since releasing an outermost savepoint would commit on its own.
        c.execute("BEGIN IMMEDIATE")
        try:
            for item in batch:
                if isinstance(item, Failure):
                    self._record(item)
                    continue
                self.conn.execute("SAVEPOINT article")
                try:
                    if self._insert(item):
                        stored += 1
                        if made_by:
                            mark_articles(c, *made_by, [item.article.id])
                    else:
                        already += 1
                except (
                    sqlite3.IntegrityError,
                    sqlite3.InterfaceError,
                    sqlite3.ProgrammingError,
                    ValueError,
                    OverflowError,
                ) as e:  # the record's fault (a constraint, an unbindable value, an int past 64 bits)
                    self.conn.execute("ROLLBACK TO article")
                    failure = Failure(StoreError("NL203", f"cannot be stored ({e})", item.article.source))
                    self._record(failure)
                    failures.append(failure)
                self.conn.execute("RELEASE article")
            c.execute("COMMIT")
        except BaseException:  # Ctrl-C included: the batch lands whole or not at all
            if c.in_transaction:  # a Ctrl-C right after COMMIT finds none to take back
                c.execute("ROLLBACK")
            raise
        return WriteResult(stored, already, failures)

    def _record(self, failure: Failure) -> None:
        e = failure.error
        self.conn.execute(
            "INSERT INTO failures(input, code, message) VALUES (?, ?, ?)", (e.where or "", e.code, e.message)
        )

    def _insert(self, x: Extraction) -> bool:
        a, c = x.article, self.conn
        pub = a.published.isoformat() if a.published else None
        # ON CONFLICT, not OR IGNORE: only a repeat is skipped, any other broken row still fails the batch.
        cur = c.execute(
            "INSERT INTO articles(id, source, title, published, url, text, body_end, outside, original_text, "
            "original_title, outlet, language) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO NOTHING",
            (
                a.id,
                a.source,
                a.title,
                pub,
                a.url,
                a.text,
                a.body_end,
                _spans_json(a),
                a.original_text,
                a.original_title,
                a.outlet,
                a.language,
            ),
        )
        c.execute(
            "INSERT INTO publications(article_id, source, url, published) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
            (a.id, a.source, a.url, pub),
        )
        if cur.rowcount == 0:
            return False
        self._insert_records(x)
        return True

    _EXTRACTED = ("mentions", "entities", "quotes", "claims", "times", "events", "places")

    def replace_extractions(self, batch: Iterable[Extraction | Failure], made_by: tuple[str, int, str]) -> WriteResult:
        """Swap stored articles' extracted rows for a new extraction of the same text, in one transaction
        (`newsledger reprocess`). A failure keeps the article's old rows and is recorded."""
        done = 0
        failures: list[Failure] = []
        c = self.conn
        with c:
            for item in batch:
                if isinstance(item, Failure):
                    self._record(item)
                    failures.append(item)
                    continue
                aid = item.article.id
                for table in self._EXTRACTED:
                    c.execute(f"DELETE FROM {table} WHERE article_id = ?", (aid,))
                # the spans marked outside the body may be newer than the stored ones (ingest's rules grew)
                c.execute(
                    "UPDATE articles SET outside = ?, body_end = ? WHERE id = ?",
                    (_spans_json(item.article), item.article.body_end, aid),
                )
                self._insert_records(item)
                mark_articles(c, *made_by, [aid])
                done += 1
        return WriteResult(done, 0, failures)

    def article_ids(self) -> list[str]:
        """Every article's id, in the order they were stored."""
        return [r[0] for r in self.conn.execute("SELECT id FROM articles ORDER BY rowid")]

    def _insert_records(self, x: Extraction) -> None:
        a, c = x.article, self.conn
        pub = a.published.isoformat() if a.published else None
        for e in x.entities:
            row = c.execute(
                "INSERT INTO entities(article_id, key, name, label, canonical, published, mentions) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (a.id, e.id, e.name, e.label, e.canonical, pub, len(e.mentions)),
            ).lastrowid
            c.executemany(
                "INSERT INTO mentions(entity_id, article_id, start, end) VALUES (?, ?, ?, ?)",
                [(row, a.id, s, t) for s, t in e.mentions],
            )
        c.executemany(
            "INSERT INTO quotes(article_id, start, end, text, kind, speaker_name, speaker_entity, speaker_start, "
            "speaker_end, cue_text, cue_start, cue_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    a.id,
                    q.start,
                    q.end,
                    q.text,
                    q.kind,
                    *((q.speaker.name, q.speaker.entity, q.speaker.start, q.speaker.end) if q.speaker else (None,) * 4),
                    *((q.cue.text, q.cue.start, q.cue.end) if q.cue else (None,) * 3),
                )
                for q in x.quotes
            ],
        )
        c.executemany(
            "INSERT INTO claims(article_id, start, end, text, point, low, high, qualifier, change, unit, counted, "
            "measure, source_name, source_entity, source_start, source_end, sentence_start, sentence_end, time) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    a.id,
                    k.start,
                    k.end,
                    k.text,
                    k.value.point,
                    k.value.low,
                    k.value.high,
                    k.qualifier,
                    k.change,
                    k.unit,
                    k.counted,
                    k.measure,
                    *((k.source.name, k.source.entity, k.source.start, k.source.end) if k.source else (None,) * 4),
                    k.sentence_start,
                    k.sentence_end,
                    k.time,
                )
                for k in x.claims
            ],
        )
        c.executemany(
            "INSERT INTO times(article_id, start, end, text, type, value) VALUES (?, ?, ?, ?, ?, ?)",
            [(a.id, t.start, t.end, t.text, t.type, t.value) for t in x.times],
        )
        c.executemany(
            f"INSERT INTO events({', '.join(_EVENT_COLUMNS)}) VALUES ({', '.join('?' * len(_EVENT_COLUMNS))})",
            [_event_row(a.id, v) for v in x.events if v.asserted],  # what a clause asserts (models.Event)
        )
        c.executemany(
            f"INSERT INTO places(article_id, {', '.join(_PLACE_COLUMNS)}) VALUES (?{', ?' * len(_PLACE_COLUMNS)})",
            [(a.id, *(getattr(p, k) for k in _PLACE_COLUMNS)) for p in x.places],
        )

    # -- reading ---------------------------------------------------------------------------------

    @staticmethod
    def _ref(r: sqlite3.Row) -> ArticleRef:
        return ArticleRef(r["article_id"], r["a_source"], r["a_title"], r["a_published"], r["a_outlet"])

    def count(self, table: str) -> int:
        assert table in {"articles", "entities", "quotes", "claims", "times", "events", "places", "failures"}
        return self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]

    def articles(self, limit: int | None = None, language: str | None = None) -> list[ArticleSummary]:
        """Stored articles, oldest first; `language` (an ISO 639-1 code) keeps those in that language."""
        sql = (
            "SELECT a.id, a.source, a.title, a.published, length(a.text) AS chars, "
            "(SELECT count(*) FROM claims WHERE article_id = a.id) AS claims, "
            "(SELECT count(*) FROM quotes WHERE article_id = a.id) AS quotes, a.url, a.outlet, a.language "
            "FROM articles a "
            + ("WHERE a.language = ? " if language else "")
            + "ORDER BY a.published IS NULL, a.published, a.rowid"
        )
        args: list = [language] if language else []
        rows = self.conn.execute(sql + (" LIMIT ?" if limit else ""), [*args, *([limit] if limit else [])])
        return [ArticleSummary(*r) for r in rows]

    def resolve_article_id(self, key: str) -> str:
        """An article id from a full id, a unique id prefix, or a source path/URL."""
        if len(key) > MAX_FILTER:
            raise NotFound("article", key[:40] + "…")
        # One indexed lookup at a time (an OR of the three scans every article).
        for sql, arg in (
            ("id = ?", key),
            ("source = ?", key),
            ("id GLOB ?", re.sub(r"[*?\[\]]", "", key) + "*"),
        ):  # GLOB: a prefix reads the index
            rows = self.conn.execute(f"SELECT id FROM articles WHERE {sql} LIMIT 2", (arg,)).fetchall()
            if len(rows) == 1:
                return rows[0][0]
            if rows:
                break
        raise NotFound("article", key)

    def article(self, article_id: str) -> Article:
        r = self.conn.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
        if r is None:
            raise NotFound("article", article_id)
        return Article(
            id=r["id"],
            source=r["source"],
            text=r["text"],
            title=r["title"],
            published=date.fromisoformat(r["published"]) if r["published"] else None,
            url=r["url"],
            outside=tuple(tuple(s) for s in json.loads(r["outside"])) if r["outside"] else (),
            original_text=r["original_text"],
            original_title=r["original_title"],
            outlet=r["outlet"],
            language=r["language"],
        )

    def extraction(self, article_id: str) -> Extraction:
        """Everything stored for one article, as the extraction that produced it."""
        a = self.article(article_id)
        c = self.conn
        ents = []
        for e in c.execute("SELECT * FROM entities WHERE article_id = ? ORDER BY id", (a.id,)):
            ms = tuple(
                (m["start"], m["end"])
                for m in c.execute("SELECT start, end FROM mentions WHERE entity_id = ? ORDER BY start", (e["id"],))
            )
            ents.append(Entity(a.id, e["key"], e["name"], e["label"], ms, e["canonical"]))
        quotes = [
            self._quote(r) for r in c.execute("SELECT * FROM quotes WHERE article_id = ? ORDER BY start", (a.id,))
        ]
        claims = [
            self._claim(r) for r in c.execute("SELECT * FROM claims WHERE article_id = ? ORDER BY start", (a.id,))
        ]
        times = [
            TimeExpr(a.id, r["start"], r["end"], r["text"], r["type"], r["value"])
            for r in c.execute("SELECT * FROM times WHERE article_id = ? ORDER BY start", (a.id,))
        ]
        events = [event_of(r) for r in c.execute("SELECT * FROM events WHERE article_id = ? ORDER BY start", (a.id,))]
        places = tuple(
            Place(a.id, **{k: r[k] for k in _PLACE_COLUMNS})
            for r in c.execute("SELECT * FROM places WHERE article_id = ? ORDER BY start", (a.id,))
        )
        return Extraction(a, tuple(ents), tuple(quotes), tuple(claims), tuple(times), tuple(events), places=places)

    def places(self, article_ids: Iterable[str]) -> list[Place]:
        """The resolved places of these articles, in article and text order."""
        ids = list(article_ids)
        sql = (
            f"SELECT article_id, {', '.join(_PLACE_COLUMNS)} FROM places WHERE lat IS NOT NULL "
            f"AND article_id IN ({', '.join('?' * len(ids))}) ORDER BY article_id, start"
        )
        return [Place(r["article_id"], **{k: r[k] for k in _PLACE_COLUMNS}) for r in self.conn.execute(sql, ids)]

    def extractions(self) -> Iterator[Extraction]:
        for (aid,) in self.conn.execute("SELECT id FROM articles ORDER BY rowid").fetchall():
            yield self.extraction(aid)

    @staticmethod
    def _quote(r: sqlite3.Row) -> Quote:
        cue = Cue(r["cue_text"], r["cue_start"], r["cue_end"]) if r["cue_text"] is not None else None
        return Quote(
            r["article_id"],
            r["start"],
            r["end"],
            r["text"],
            r["kind"],
            _party(r["speaker_name"], r["speaker_entity"], r["speaker_start"], r["speaker_end"]),
            cue,
        )

    @staticmethod
    def _claim(r: sqlite3.Row) -> Claim:
        return Claim(
            r["article_id"],
            r["start"],
            r["end"],
            r["text"],
            Value(r["point"], r["low"], r["high"]),
            r["qualifier"],
            r["change"],
            r["unit"],
            r["counted"],
            r["measure"],
            _party(r["source_name"], r["source_entity"], r["source_start"], r["source_end"]),
            r["sentence_start"],
            r["sentence_end"],
            r["time"],
        )

    RARE = 2000  # rows: fewer than this are fetched and sorted rather than walked to article by article
    NAMES = 400  # a name filter matching more distinct names than this is checked row by row

    def cited(self, table: str, rows: Iterable[sqlite3.Row]) -> list[Cited]:
        """Rows of `claims` or `quotes` joined with their article (the CITE columns) as Cited records."""
        read = {"claims": self._claim, "quotes": self._quote}[table]
        return [Cited(read(r), self._ref(r), r["id"]) for r in rows]

    def _cited_sql(
        self, table: str, where: list[str], article: str | None, newest_first: bool, walk: bool
    ) -> tuple[str, str]:
        """FROM ... WHERE ... of a claims or quotes query, and its ORDER BY."""
        alias = {"claims": "k", "quotes": "q"}[table]
        if article:
            where.append("a.id = ?")
        # Newest first with `walk` reads the articles_published index backwards, each article's rows by their
        # index, and stops at the page (CROSS JOIN keeps that order: the planner would otherwise sort every
        # row). Without it the planner starts from the matching rows: cheaper when they are few. Oldest first
        # (a report's reading order) keeps undated articles last.
        order = "a.published DESC, a.rowid DESC" if newest_first else "a.published IS NULL, a.published, a.rowid"
        join = f"articles a CROSS JOIN {table} {alias}" if walk else f"{table} {alias} JOIN articles a"
        rows = f"FROM {join} ON {alias}.article_id = a.id " + (f"WHERE {' AND '.join(where)} " if where else "")
        return rows, f"ORDER BY {order}, {alias}.start"

    def _cited(
        self,
        table: str,
        found: tuple[list[str], list, bool] | None,
        article: str | None,
        limit: int | None,
        offset: int,
        newest_first: bool,
    ) -> list[Cited]:
        """A page of claims or quotes for the conditions `found` (None: no row can match)."""
        if found is None:
            return []
        where, args, walk = found
        sql, order = self._cited_sql(table, where, article, newest_first, walk)
        alias = {"claims": "k", "quotes": "q"}[table]
        with self.budget(table):
            rows = self.conn.execute(
                f"SELECT {alias}.*, {CITE} {sql}{order} LIMIT ? OFFSET ?",
                [*args, *([article] if article else []), -1 if limit is None else limit, offset],
            ).fetchall()
        return self.cited(table, rows)

    def _count_cited(self, table: str, found: tuple[list[str], list, bool] | None, article: str | None) -> int:
        if found is None:
            return 0
        where, args, walk = found
        sql, _ = self._cited_sql(table, where, article, False, walk)
        with self.budget(table):
            return self.conn.execute(f"SELECT count(*) {sql}", [*args, *([article] if article else [])]).fetchone()[0]

    def claims(
        self,
        about: str | None = None,
        source: str | None = None,
        measure: str | None = None,
        article: str | None = None,
        limit: int | None = None,
        offset: int = 0,
        newest_first: bool = False,
        only: Slice | None = None,
    ) -> list[Cited]:
        """Claims; `about` matches the figure as written, what it counts, or its sentence, by whole words (the
        last one, of four letters or more, also as a beginning: "refugee" finds "refugees", "efugee" nothing);
        `only`: those of a slice's articles, its measure, party (the claim's source) and country (of the
        incident of the figure the claim is part of)."""
        found = self._claims_where(about, source, measure, only)
        return self._cited("claims", found, article, limit, offset, newest_first)

    def count_claims(
        self, about: str | None = None, source: str | None = None, measure: str | None = None, only: Slice | None = None
    ) -> int:
        """How many claims `claims` finds with these filters, every page of them."""
        return self._count_cited("claims", self._claims_where(about, source, measure, only), None)

    def _claims_where(self, about, source, measure, only: Slice | None) -> tuple[list[str], list, bool] | None:
        """The conditions of a claims query, their arguments, and whether to walk the articles (None: no
        claim can match)."""
        where: list[str] = []
        args: list = []
        walk = self._parties("claims", source, only, where, args)
        if walk is None:
            return None
        if about:
            self._about(about, where, args)
        if only and only.country:
            where.append(
                "k.id IN (SELECT fc.claim_id FROM figure_claims fc JOIN figures f ON f.id = fc.figure_id "
                "WHERE f.founded AND f.incident_country = ?)"
            )
            args.append(only.country)
        measures = {measure, only.measure if only else None} - {None, ""}
        if len(measures) > 1:
            return None
        if measures:
            (measure,) = measures
            # A rare measure is found from its own index; a common one article by article ("+": the
            # measure is then checked in each article's index, not looked up across all claims).
            walk = (
                walk
                and self.conn.execute(
                    "SELECT count(*) FROM (SELECT 1 FROM claims WHERE measure = ? LIMIT ?)", (measure, self.RARE)
                ).fetchone()[0]
                >= self.RARE
            )
            where.append(("+" if walk else "") + "k.measure = ?")
            args.append(measure)
        return where, args, bool(walk)

    @staticmethod
    def _about(about: str, where: list[str], args: list) -> None:
        """Claims about `about`: of the measure it names ("dead", "deaths": killed), or whose figure, counted
        group or sentence has its words."""
        from .figures import measure_named

        measure = measure_named(about)
        text: list[str] = []
        own: list = [measure] if measure else []
        if tokens := re.findall(r"\w+", about):
            # Only the articles that hold these words as a phrase (FTS5 ignores the punctuation between
            # them) have their sentences read; the last word, of four letters or more, also as a beginning
            # (a short prefix or a number, "1,200" is "1" "200", would expand to half the index). "+" keeps
            # the walk in date order instead of fetching those articles and sorting all their claims.
            last = tokens[-1]
            text.append("+a.rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
            own.append('"' + " ".join(tokens) + '"' + (" *" if len(last) > 3 and not last.isdigit() else ""))
        text.append(
            "(k.text LIKE ? ESCAPE '\\' OR k.counted LIKE ? ESCAPE '\\' OR "
            "substr(a.text, coalesce(k.sentence_start, k.start) + 1, "
            "coalesce(k.sentence_end, k.end) - coalesce(k.sentence_start, k.start)) LIKE ? ESCAPE '\\')"
        )
        own += [like_pattern(about)] * 3
        clause = " AND ".join(text)
        where.append(f"(+k.measure = ? OR ({clause}))" if measure else clause)
        args += own

    def quotes(
        self,
        by: str | None = None,
        article: str | None = None,
        limit: int | None = None,
        offset: int = 0,
        newest_first: bool = False,
        only: Slice | None = None,
    ) -> list[Cited]:
        """Quotes; `by` a part of the speaker's name or entity; `only`: a slice's articles and party (speaker)."""
        return self._cited("quotes", self._quotes_where(by, only), article, limit, offset, newest_first)

    def count_quotes(self, by: str | None = None, only: Slice | None = None) -> int:
        return self._count_cited("quotes", self._quotes_where(by, only), None)

    def _quotes_where(self, by: str | None, only: Slice | None) -> tuple[list[str], list, bool] | None:
        where: list[str] = []
        args: list = []
        walk = self._parties("quotes", by, only, where, args)
        return None if walk is None else (where, args, walk)

    _PARTY = {"claims": ("k.source_name", "k.source_entity"), "quotes": ("q.speaker_name", "q.speaker_entity")}

    def _parties(self, table: str, name: str | None, only: Slice | None, where: list, args: list) -> bool | None:
        """The conditions of a slice's articles, and of a party (a claim's source, a quote's speaker) that
        holds `name` and the slice's party; whether to walk the articles (`_by_name`), None: no row matches."""
        if only:
            conds, more = only.where("a")
            where += conds
            args += more
        walk = True
        for text in {t for t in (name, only.party if only else None) if t}:
            named = self._by_name(table, self._PARTY[table], text, where, args)
            if named is None:
                return None
            walk = walk and named
        return walk

    def _by_name(self, kind: str, columns: tuple[str, str], text: str, where: list, args: list) -> bool | None:
        """Add the filter "name or entity contains `text`" for quotes' speakers or claims' sources. The
        distinct names come from `attributions`: none matching -> None (no row can match); few rows behind
        them -> their rows by index (False: no walk); else the articles are walked newest first (True)."""
        bounded(text)
        if len(text) >= 3 and not set(text) & set("%_\\"):  # the trigram index answers LIKE without ESCAPE
            sql = (
                "SELECT a.name, a.rows FROM attributions_fts f CROSS JOIN attributions a ON a.id = f.rowid "
                "WHERE f.name LIKE ? AND a.kind = ? LIMIT ?"
            )
            found = self.conn.execute(sql, (f"%{text}%", kind, self.NAMES + 1)).fetchall()
        else:
            found = self.conn.execute(
                "SELECT name, rows FROM attributions WHERE kind = ? AND name LIKE ? ESCAPE '\\' LIMIT ?",
                (kind, like_pattern(text), self.NAMES + 1),
            ).fetchall()
        if not found:
            return None
        if len(found) > self.NAMES:
            where.append(f"({columns[0]} LIKE ? ESCAPE '\\' OR {columns[1]} LIKE ? ESCAPE '\\')")
            args += [like_pattern(text)] * 2
            return True
        names = [r[0] for r in found]
        marks = ",".join("?" * len(names))
        where.append(f"({columns[0]} IN ({marks}) OR {columns[1]} IN ({marks}))")
        args += names * 2
        return sum(r[1] for r in found) >= self.RARE

    def entities(self, label: str | None = None, limit: int | None = None) -> list[EntitySummary]:
        sql = (
            "SELECT e.key, min(e.name) AS name, e.label, count(DISTINCT e.article_id) AS articles, "
            "sum(e.mentions) AS mentions FROM entities e "
            + ("WHERE e.label = ? " if label else "")
            + "GROUP BY e.key, e.label ORDER BY articles DESC, mentions DESC, name"
            + (" LIMIT ?" if limit else "")
        )
        args = ([label] if label else []) + ([limit] if limit else [])
        return [
            EntitySummary(r["key"], r["name"], r["label"], r["articles"], r["mentions"])
            for r in self.conn.execute(sql, args)
        ]

    def search(self, query: str, limit: int = 20) -> list[sqlite3.Row]:
        """Full-text search (FTS5 syntax; a plain phrase is searched as words)."""
        sql = (
            "SELECT a.id, a.source, a.title, a.published, "
            "snippet(articles_fts, 1, '[', ']', ' … ', 12) AS snippet "
            "FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
            "WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?"
        )
        query = "".join(ch if ch.isprintable() else " " for ch in bounded(query, "search")).strip()
        if not query:
            return []
        with self.budget("search"):
            try:
                return self.conn.execute(sql, (query, limit)).fetchall()
            except sqlite3.OperationalError as e:
                if "interrupted" in str(e):
                    raise
                # Not valid FTS5 syntax (a stray quote or operator): search the words as a phrase instead.
                phrase = '"' + query.replace('"', '""') + '"'
                return self.conn.execute(sql, (phrase, limit)).fetchall()

    def failures(self) -> list[sqlite3.Row]:
        return self.conn.execute("SELECT * FROM failures ORDER BY id").fetchall()


def _spans_json(a: Article) -> str | None:
    return json.dumps([list(s) for s in a.outside]) if a.outside else None


_EVENT_COLUMNS = (
    "article_id", "start", "end", "trigger", "kind", "type", "mode", "status", "actor", "actor_entity",
    "actor_start", "actor_end", "actor_sector", "actor_country", "target", "target_entity", "target_start",
    "target_end", "target_sector", "target_country", "place", "time", "dead", "injured", "size",
)  # fmt: skip


def _role_cols(r: Role | None) -> tuple:
    return (r.name, r.entity, r.start, r.end, r.sector, r.country) if r else (None,) * 6


def _event_row(article_id: str, v: Event) -> tuple:
    return (
        (article_id, v.start, v.end, v.trigger, v.kind, v.type, v.mode, v.status)
        + _role_cols(v.actor)
        + _role_cols(v.target)
        + (v.place, v.time, v.dead, v.injured, v.size)
    )


def _role_of(r: sqlite3.Row, side: str) -> Role | None:
    if r[side] is None and r[f"{side}_entity"] is None:
        return None
    return Role(*(r[k] for k in (side, f"{side}_entity", f"{side}_start", f"{side}_end", f"{side}_sector",
                                  f"{side}_country")))  # fmt: skip


def event_of(r: sqlite3.Row) -> Event:
    """An Event from an `events` row (a row of the old lexicon has its kind upper-cased as its type)."""
    return Event(
        r["article_id"], r["start"], r["end"], r["trigger"], r["type"] or r["kind"].upper(), r["mode"],
        r["status"], _role_of(r, "actor"), _role_of(r, "target"), r["place"], r["time"], r["dead"],
        r["injured"], r["size"],
    )  # fmt: skip
