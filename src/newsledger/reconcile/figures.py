"""Figures: the claims about one quantity, from every source that gave one, side by side.

A claim joins a figure when it has the same measure (casualties and killed are different figures, never
merged), the same canonical counted group ("Congolese troops" = "Congolese soldiers", "civilians" =
"people"), the same story, and a compatible time: reported within `WINDOW_DAYS` of the figure's reports.
Without stories (no `stories` step in this ledger, or an article in none) the story is replaced by shared
named entities: the claim's article must share with the figure's articles a place, facility, event or person that
few articles name (at most `RARE_SHARE` of the ledger's articles, or `RARE_MIN`: "the Orvin dam", not
"Washington"). Countries are too broad to tie two reports, organisations too often the outlet or agency.

A statement is one source giving one value. The same source repeating the same value in another article,
or a syndicated copy of an article (`dedup.original_of`), is one statement with several mentions. An
unattributed claim is its outlet's (a URL's host, a feed's outlet name; the original's, for a copy), or its
article's own when the article came from a file. Only counts are figures: claims with a measure, no unit, no
change ("rose by 5") and a whole value.

Low / best / high (docs/figures.md):
  low   the lowest lower bound any statement gives (UCDP's low: the lowest estimate reported)
  high  the highest upper bound any statement gives (an open "more than 200" counts as 200)
  best  the median of each independent source's latest value, the lower middle when the count is even.
        Sources revise tolls as counting goes on, so each source's latest word is its estimate; one vote
        per source, so a source repeating itself or a syndicated copy adds no weight; the median takes
        the side of neither the lowest (often an official count of bodies found) nor the highest (often
        an advocate's); the lower middle, and a range's low end, keep it on the conservative side (ACLED).
"""
from __future__ import annotations

import hashlib
import re
import sqlite3
from dataclasses import dataclass
from datetime import date, timedelta
from statistics import median_low
from urllib.parse import urlparse

from ..errors import NotFound
from ..models import MEASURES, Value
from ..store import Ledger
from .gazetteer import fold, gazetteer

STEP = "figures"
WINDOW_DAYS = 14
RARE_SHARE = 0.01
RARE_MIN = 10
ANCHOR_LABELS = ("GPE", "LOC", "FAC", "EVENT", "PERSON")

# Counted words -> the group they count. Anything else is its own group (by its head noun, singular).
GROUPS = {
    "people": ("people", "person", "persons", "civilian", "civilians", "individual", "individuals", "resident",
               "residents", "villager", "villagers", "inhabitant", "inhabitants", "death", "deaths", "fatality",
               "fatalities", "victim", "victims", "body", "bodies", "life", "lives", "dead", "casualty",
               "casualties", "injury", "injuries", "wounded", "injured", "toll", "death toll"),
    "soldiers": ("soldier", "soldiers", "troop", "troops", "serviceman", "servicemen", "servicewoman",
                 "service members", "service member", "servicemembers", "military personnel",
                 "army personnel", "personnel"),
    "children": ("child", "children", "kid", "kids", "minor", "minors", "boy", "boys", "girl", "girls"),
    "police officers": ("police officer", "police officers", "policeman", "policemen", "police", "officer",
                        "officers", "policewoman", "policewomen"),
    "fighters": ("fighter", "fighters", "militant", "militants", "insurgent", "insurgents", "rebel", "rebels"),
    "migrants": ("migrant", "migrants", "refugee", "refugees", "asylum seeker", "asylum seekers"),
}
_GROUP_OF = {w: g for g, ws in GROUPS.items() for w in ws}
_LEADING = re.compile(r"^(?:the|a|an|some|other|more|at least|about|of|those|these|all|its|their)\s+", re.I)


@dataclass(frozen=True)
class Mention:
    """One place a statement was made: an article and the claim row in it."""
    article: str
    published: str | None
    claim: int


@dataclass(frozen=True)
class FigureClaim:
    """One statement in a figure: a source giving a value, with every article it appeared in."""
    article: str
    source: str | None
    text: str
    value: Value
    qualifier: str
    published: str | None
    claim: int
    time: str | None = None
    mentions: tuple[Mention, ...] = ()

    def to_contract(self) -> dict:
        return {"article": self.article, "source": self.source, "text": self.text,
                "value": self.value.to_contract(), "qualifier": self.qualifier, "published": self.published,
                "mentions": [{"article": m.article, "published": m.published} for m in self.mentions]}


@dataclass(frozen=True)
class Figure:
    id: str
    measure: str
    counted: str
    low: float | None
    best: float | None
    high: float | None
    first: str | None
    last: str | None
    claims: tuple[FigureClaim, ...]
    sources: int = 0

    @property
    def timeline(self) -> list[tuple[str | None, str | None, FigureClaim]]:
        """(date, source, statement) for every mention, oldest first: how the figure moved."""
        out = [(m.published, c.source, c) for c in self.claims for m in c.mentions]
        return sorted(out, key=lambda t: (t[0] is None, t[0] or "", t[2].claim))

    @property
    def by_value(self) -> list[tuple[Value, str, tuple[str | None, ...]]]:
        """(value, qualifier, sources) for every distinct value, lowest first: who stands behind each."""
        out: dict[tuple, list[str | None]] = {}
        for c in self.claims:
            out.setdefault((c.value, c.qualifier), [])
            if c.source not in out[(c.value, c.qualifier)]:
                out[(c.value, c.qualifier)].append(c.source)
        key = lambda k: next((v for v in (k[0].point, k[0].low, k[0].high) if v is not None), 0.0)  # noqa: E731
        return [(v, q, tuple(srcs)) for (v, q), srcs in sorted(out.items(), key=lambda kv: key(kv[0]))]

    def to_contract(self) -> dict:
        return {"id": self.id, "measure": self.measure, "counted": self.counted, "low": self.low,
                "best": self.best, "high": self.high, "first": self.first, "last": self.last,
                "sources": self.sources, "claims": [c.to_contract() for c in self.claims]}


# -- what a claim counts -----------------------------------------------------------------------------

def _singular(word: str) -> str:
    for end, rep in (("ies", "y"), ("men", "man"), ("ses", "s"), ("s", "")):
        if word.endswith(end) and len(word) > len(end) + 2 and not word.endswith("ss"):
            return word[: -len(end)] + rep
    return word


def counted_group(counted: str | None) -> tuple[str, str | None]:
    """(group, country alpha-3) of a counted phrase: "Congolese troops" -> ("soldiers", "COD")."""
    if not counted:
        return "people", None
    text = counted.strip()
    while (m := _LEADING.match(text)):  # "other Americans", "the Congolese troops"
        text = text[m.end():]
    if a3 := gazetteer().demonym(text):  # "Americans", "four Congolese"
        return "people", a3
    a3, rest = gazetteer().split_country(text)
    text = fold(rest)
    while (m := _LEADING.match(text)):
        text = text[m.end():]
    if text in _GROUP_OF:
        return _GROUP_OF[text], a3
    words = text.split()
    for n in range(min(3, len(words)), 0, -1):  # the head is at the end: "Kessel valley residents"
        tail = " ".join(words[-n:])
        if tail in _GROUP_OF:
            return _GROUP_OF[tail], a3
    return (_singular(words[-1]) if words else "people"), a3


def shown_group(group: str, country: str | None) -> str:
    if not country:
        return group
    g = gazetteer()
    return f"{g.adjective.get(country) or g.name(country)} {group}"


def eligible(row: sqlite3.Row) -> bool:
    """A count of something measured: no unit, no change, a whole number."""
    if row["measure"] not in MEASURES or row["measure"] == "other" or row["unit"] or row["change"]:
        return False
    vals = [v for v in (row["point"], row["low"], row["high"]) if v is not None]
    return bool(vals) and all(v >= 1 or v == 0 for v in vals)


# -- the ledger around a claim -----------------------------------------------------------------------

class _Context:
    """Stories, near-duplicate originals and article entities, looked up once per article."""

    def __init__(self, ledger: Ledger):
        self.ledger, self.conn = ledger, ledger.conn
        self._story_sql = _story_sql(self.conn)
        self._original = _original_of()
        self._cache: dict[tuple[str, str], object] = {}
        self._rare_max: int | None = None

    def _memo(self, kind: str, aid: str, fn):
        key = (kind, aid)
        if key not in self._cache:
            if len(self._cache) > 20000:
                self._cache.clear()
            self._cache[key] = fn()
        return self._cache[key]

    def story(self, aid: str) -> str | None:
        if not self._story_sql:
            return None

        def find():
            r = self.conn.execute(self._story_sql, (aid,)).fetchone()
            return str(r[0]) if r and r[0] is not None else None
        return self._memo("story", aid, find)

    def origin(self, aid: str) -> str:
        if self._original is None:
            return aid

        def find():
            try:
                return self._original(self.ledger, aid) or aid
            except sqlite3.OperationalError:  # dedup's tables absent in this ledger
                return aid
        return self._memo("origin", aid, find)

    def anchors(self, aid: str) -> frozenset[str]:
        """The places, facilities, events and people the article names, countries aside."""
        return self._memo("anchors", aid, lambda: frozenset(
            r[0] for r in self.conn.execute(
                "SELECT DISTINCT coalesce(canonical, key) FROM entities WHERE article_id = ? AND label IN "
                f"({', '.join('?' * len(ANCHOR_LABELS))})", (aid, *ANCHOR_LABELS))
            if not r[0].startswith("country:")))

    def rare(self, cid: str) -> bool:
        """Whether few articles name an entity, so that sharing it ties two reports."""
        if self._rare_max is None:
            n = self.conn.execute("SELECT count(*) FROM articles").fetchone()[0]
            self._rare_max = max(RARE_MIN, int(RARE_SHARE * n))
        return self._memo("df", cid, lambda: self.conn.execute(
            "SELECT count(DISTINCT article_id) FROM entities WHERE canonical = :id OR (canonical IS NULL AND key = :id)",
            {"id": cid}).fetchone()[0]) <= self._rare_max

    def published(self, aid: str) -> str | None:
        return self._memo("published", aid, lambda: self.conn.execute(
            "SELECT published FROM articles WHERE id = ?", (aid,)).fetchone()[0])


def _story_sql(conn: sqlite3.Connection) -> str | None:
    """SQL for an article's story id, from whatever table the stories step keeps (None without one)."""
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    for t in ("story_articles", "stories", "articles"):
        if t not in tables:
            continue
        cols = {r[1] for r in conn.execute(f"PRAGMA table_info({t})")}
        key = "id" if t == "articles" else "article_id"
        for col in ("story_id", "story"):
            if key in cols and col in cols:
                return f"SELECT {col} FROM {t} WHERE {key} = ?"
    return None


def _original_of():
    try:
        from . import dedup
    except ImportError:  # the dedup step is not part of this build
        return None
    return getattr(dedup, "original_of", None)


def _source(conn: sqlite3.Connection, row: sqlite3.Row, origin: str) -> tuple[str, str | None]:
    """(key, name shown) of who makes a claim: its canonical entity, its name, or the article itself."""
    if row["source_entity"]:
        e = conn.execute("SELECT e.canonical, c.name FROM entities e LEFT JOIN canonical_entities c "
                         "ON c.id = e.canonical WHERE e.article_id = ? AND e.key = ?",
                         (row["article_id"], row["source_entity"])).fetchone()
        if e and e[0]:
            return e[0], e[1] or row["source_name"]
    if row["source_name"]:
        name = re.sub(r"^(?:a|an|the|one)\s+", "", fold(row["source_name"]))
        return "name:" + name, row["source_name"]
    outlet = _outlet(conn.execute("SELECT source FROM articles WHERE id = ?", (origin,)).fetchone()[0])
    return ("outlet:" + outlet if outlet else "article:" + origin), None


def _outlet(source: str) -> str | None:
    """The outlet an article came from, when its source names one: a URL's host or a feed's outlet name
    ("Veridia Daily Wire"); None for a file path, which names no outlet."""
    if re.match(r"^https?://", source):
        return urlparse(source).netloc.lower().removeprefix("www.") or None
    if "/" in source or "\\" in source or re.search(r"\.\w{2,5}$", source):
        return None
    return fold(source) or None


def report_day(published: str | None, time: str | None) -> str | None:
    """The day a claim was reported: its article's date, else the day its time names ("2025-W10" and an
    undated article's "XXXX-XX-XX" name none)."""
    if published:
        return published
    return time if time and re.fullmatch(r"\d{4}-\d{2}-\d{2}", time) else None


def _near(day: str | None, first: str | None, last: str | None) -> bool:
    if not day or not first:
        return True
    d, w = date.fromisoformat(day), timedelta(days=WINDOW_DAYS)
    return date.fromisoformat(first) - w <= d <= date.fromisoformat(last or first) + w


# -- update ------------------------------------------------------------------------------------------

def _find(conn, ctx: _Context, measure, grp, country, aid, origin, day) -> str | None:
    story = ctx.story(aid)
    sql = "SELECT id, anchor, first, last FROM figures WHERE measure = ? AND grp = ? AND country IS ?"
    args: list = [measure, grp, country]
    if day:  # the window in SQL too: a common quantity ("people killed") has many figures
        sql += (" AND (first IS NULL OR (julianday(first) - ? <= julianday(?) "
                "AND julianday(?) <= julianday(coalesce(last, first)) + ?))")
        args += [WINDOW_DAYS, day, day, WINDOW_DAYS]
    cands = conn.execute(sql + " ORDER BY first IS NULL, first, rowid", args).fetchall()
    for f in cands:
        if not _near(day, f["first"], f["last"]):
            continue
        fstory = ctx.story(f["anchor"])
        if story is not None and fstory is not None:
            if story == fstory:
                return f["id"]
            continue
        arts = [r[0] for r in conn.execute("SELECT DISTINCT origin FROM figure_claims WHERE figure_id = ?", (f["id"],))]
        if origin in arts:
            return f["id"]
        mine = ctx.anchors(aid)
        theirs = frozenset().union(*(ctx.anchors(a) for a in arts))
        if any(ctx.rare(e) for e in mine & theirs):
            return f["id"]
    return None


def _summarize(conn: sqlite3.Connection, fid: str) -> None:
    rows = conn.execute(
        "SELECT fc.*, k.point, k.low, k.high FROM figure_claims fc JOIN claims k ON k.id = fc.claim_id "
        "WHERE fc.figure_id = ? ORDER BY fc.day IS NULL, fc.day, fc.claim_id", (fid,)).fetchall()
    if not rows:
        conn.execute("DELETE FROM figures WHERE id = ?", (fid,))
        return
    lows = [next(v for v in (r["low"], r["point"], r["high"]) if v is not None) for r in rows]
    highs = [next(v for v in (r["high"], r["point"], r["low"]) if v is not None) for r in rows]
    latest: dict[str, float] = {}
    for r in rows:  # oldest first: each source's last word wins
        latest[r["source_key"]] = r["point"] if r["point"] is not None else (
            r["low"] if r["low"] is not None else r["high"])
    days = [r["day"] for r in rows if r["day"]]
    conn.execute("UPDATE figures SET low = ?, best = ?, high = ?, first = ?, last = ?, sources = ? WHERE id = ?",
                 (min(lows), median_low(sorted(latest.values())), max(highs), min(days, default=None),
                  max(days, default=None), len(latest), fid))


def _merge_same_story(conn, ctx: _Context, fid: str) -> str:
    """Stories merge as articles arrive: two figures of the same quantity in one story become one."""
    f = conn.execute("SELECT * FROM figures WHERE id = ?", (fid,)).fetchone()
    story = ctx.story(f["anchor"]) if f else None
    if story is None:
        return fid
    for o in conn.execute("SELECT id, anchor FROM figures WHERE measure = ? AND grp = ? AND country IS ? "
                          "AND id != ? ORDER BY first IS NULL, first, rowid",
                          (f["measure"], f["grp"], f["country"], fid)).fetchall():
        if ctx.story(o["anchor"]) == story:
            conn.execute("UPDATE figure_claims SET figure_id = ? WHERE figure_id = ?", (o["id"], fid))
            conn.execute("DELETE FROM figures WHERE id = ?", (fid,))
            return o["id"]
    return fid


@dataclass(frozen=True)
class FigureOptions:
    window_days: int = WINDOW_DAYS
    rare_share: float = RARE_SHARE
    rare_min: int = RARE_MIN
    batch: int = 5000  # claims filed per transaction


def update(ledger: Ledger, options: FigureOptions | None = None) -> int:
    """File every claim stored since the last run into a figure; returns how many claims were read."""
    batch = (options or FigureOptions()).batch
    conn = ledger.conn
    ctx = _Context(ledger)
    done = 0
    while True:
        with conn:
            r = conn.execute("SELECT last_id FROM canonical_progress WHERE step = ?", (STEP,)).fetchone()
            last = r[0] if r else 0
            rows = conn.execute("SELECT * FROM claims WHERE id > ? ORDER BY id LIMIT ?", (last, batch)).fetchall()
            if not rows:
                return done
            touched: set[str] = set()
            for row in rows:
                if eligible(row):
                    touched.add(_file(conn, ctx, row))
            for fid in sorted(touched):
                _summarize(conn, _merge_same_story(conn, ctx, fid))
            conn.execute("INSERT INTO canonical_progress(step, last_id) VALUES (?, ?) "
                         "ON CONFLICT(step) DO UPDATE SET last_id = excluded.last_id", (STEP, rows[-1]["id"]))
            done += len(rows)


def _file(conn, ctx: _Context, row: sqlite3.Row) -> str:
    aid = row["article_id"]
    origin = ctx.origin(aid)
    grp, country = counted_group(row["counted"])
    day = report_day(ctx.published(aid), row["time"])
    fid = _find(conn, ctx, row["measure"], grp, country, aid, origin, day)
    if fid is None:
        fid = hashlib.sha1(f"{row['measure']}|{grp}|{country}|{aid}|{row['start']}".encode()).hexdigest()[:12]
        conn.execute("INSERT INTO figures(id, measure, counted, grp, country, anchor, first, last) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                     (fid, row["measure"], shown_group(grp, country), grp, country, aid, day, day))
    else:  # keep the window current for the claims that follow in this batch
        conn.execute("UPDATE figures SET first = min(coalesce(first, ?), ?), last = max(coalesce(last, ?), ?) "
                     "WHERE id = ? AND ? IS NOT NULL", (day, day, day, day, fid, day))
    key, shown = _source(conn, row, origin)
    value = f"{row['point']}|{row['low']}|{row['high']}|{row['qualifier']}"
    conn.execute("INSERT OR REPLACE INTO figure_claims(claim_id, figure_id, source_key, source, statement, origin, "
                 "day) VALUES (?, ?, ?, ?, ?, ?, ?)", (row["id"], fid, key, shown, f"{key}|{value}", origin, day))
    return fid


def rebuild(ledger: Ledger) -> int:
    """Drop every figure and file all claims again, from scratch."""
    with ledger.conn as c:
        c.execute("DELETE FROM figure_claims")
        c.execute("DELETE FROM figures")
        c.execute("DELETE FROM canonical_progress WHERE step = ?", (STEP,))
    return update(ledger)


# -- queries -----------------------------------------------------------------------------------------

def _has_tables(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'figures'").fetchone() is not None


def _like(text: str) -> str:
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _statements(conn: sqlite3.Connection, fid: str) -> tuple[FigureClaim, ...]:
    rows = conn.execute(
        "SELECT fc.*, k.article_id, k.text, k.point, k.low, k.high, k.qualifier, k.time, a.published "
        "FROM figure_claims fc JOIN claims k ON k.id = fc.claim_id JOIN articles a ON a.id = k.article_id "
        "WHERE fc.figure_id = ? ORDER BY a.published IS NULL, a.published, a.rowid, k.start", (fid,)).fetchall()
    groups: dict[str, list[sqlite3.Row]] = {}
    for r in rows:
        groups.setdefault(r["statement"], []).append(r)
    out = []
    for rs in groups.values():
        r = rs[0]
        out.append(FigureClaim(r["article_id"], r["source"], r["text"], Value(r["point"], r["low"], r["high"]),
                               r["qualifier"], r["published"], r["claim_id"], r["time"],
                               tuple(Mention(x["article_id"], x["published"], x["claim_id"]) for x in rs)))
    return tuple(out)


def _figure(conn: sqlite3.Connection, r: sqlite3.Row) -> Figure:
    return Figure(r["id"], r["measure"], r["counted"], r["low"], r["best"], r["high"], r["first"], r["last"],
                  _statements(conn, r["id"]), r["sources"])


def list_figures(ledger: Ledger, about: str | None = None, limit: int | None = None) -> list[Figure]:
    """Figures, most-disputed first (most sources), then latest; `about` matches the counted group, the
    measure, a source, or the sentence or title a claim came from."""
    conn = ledger.conn
    if not _has_tables(conn):
        return []
    where, args = "", {}
    if about:
        where = ("WHERE f.counted LIKE :q ESCAPE '\\' OR f.measure LIKE :q ESCAPE '\\' OR EXISTS ("
                 "SELECT 1 FROM figure_claims fc JOIN claims k ON k.id = fc.claim_id "
                 "JOIN articles a ON a.id = k.article_id WHERE fc.figure_id = f.id AND ("
                 "fc.source LIKE :q ESCAPE '\\' OR a.title LIKE :q ESCAPE '\\' OR k.counted LIKE :q ESCAPE '\\' "
                 "OR substr(a.text, coalesce(k.sentence_start, k.start) + 1, coalesce(k.sentence_end, k.end) - "
                 "coalesce(k.sentence_start, k.start)) LIKE :q ESCAPE '\\'))")
        args["q"] = _like(about)
    sql = (f"SELECT * FROM figures f {where} ORDER BY f.sources DESC, f.last IS NULL, f.last DESC, f.id"
           + (f" LIMIT {int(limit)}" if limit else ""))
    return [_figure(conn, r) for r in conn.execute(sql, args).fetchall()]


def get_figure(ledger: Ledger, id: str) -> Figure:
    """One figure by id or unique id prefix."""
    conn = ledger.conn
    rows = conn.execute("SELECT * FROM figures WHERE id = ? OR id LIKE ? LIMIT 2",
                        (id, id.replace("%", "").replace("_", "") + "%")).fetchall() if _has_tables(conn) else []
    exact = [r for r in rows if r["id"] == id]
    if exact:
        return _figure(conn, exact[0])
    if len(rows) != 1:
        raise NotFound("figure", id)
    return _figure(conn, rows[0])
