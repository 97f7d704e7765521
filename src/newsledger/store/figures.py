"""The SQL of figures (`reconcile.figures`): `figures` and `figure_claims`, what filing a claim looks up,
and the Figure records read from them."""

from __future__ import annotations

import json
import re
import sqlite3
from typing import NamedTuple

from ..models import Figure, FigureClaim, Incident, Mention, Value
from .ledger import MAX_KEY, Ledger, like_pattern
from .slices import Slice


class ClaimRow(NamedTuple):
    """A stored claim as filing reads it."""

    id: int
    article_id: str
    start: int
    end: int
    sentence_start: int | None
    sentence_end: int | None
    source_start: int | None
    source_end: int | None
    point: float | None
    low: float | None
    high: float | None
    qualifier: str
    change: str | None
    unit: str | None
    counted: str | None
    measure: str | None
    source_name: str | None
    source_entity: str | None
    time: str | None
    text: str = ""  # the number as written


class Candidate(NamedTuple):
    id: str
    anchor: str
    first: str | None
    last: str | None
    incident: str
    part: str | None


class Filed(NamedTuple):
    """A claim filed in a figure, as the figure's summary reads it."""

    source_key: str
    point: float | None
    low: float | None
    high: float | None
    day: str | None


class Head(NamedTuple):
    id: str
    measure: str
    grp: str
    country: str | None
    anchor: str
    incident: str = ""
    part: str | None = None
    first: str | None = None


# -- the ledger around a claim -----------------------------------------------------------------------


def claims_after(ledger: Ledger, last: int, batch: int) -> list[ClaimRow]:
    """Up to `batch` claims with a row id above `last`, in id order."""
    return [
        ClaimRow(
            r["id"],
            r["article_id"],
            r["start"],
            r["end"],
            r["sentence_start"],
            r["sentence_end"],
            r["source_start"],
            r["source_end"],
            r["point"],
            r["low"],
            r["high"],
            r["qualifier"],
            r["change"],
            r["unit"],
            r["counted"],
            r["measure"],
            r["source_name"],
            r["source_entity"],
            r["time"],
            r["text"],
        )
        for r in ledger.conn.execute("SELECT * FROM claims WHERE id > ? ORDER BY id LIMIT ?", (last, batch)).fetchall()
    ]


def article_counts(ledger: Ledger, aid: str) -> list[tuple[int, int, str | None]]:
    """(start, end, measure) of an article's claims that count something (a measure, no unit), in text order."""
    return [
        (r[0], r[1], r[2])
        for r in ledger.conn.execute(
            "SELECT start, end, measure FROM claims WHERE article_id = ? AND measure IS NOT NULL AND unit IS NULL "
            "ORDER BY start",
            (aid,),
        )
    ]


def told_before(ledger: Ledger, aid: str, before: int, measure: str, point: float) -> bool:
    """Whether the article counts this measure with this value before the offset."""
    return (
        ledger.conn.execute(
            "SELECT 1 FROM claims WHERE article_id = ? AND measure = ? AND unit IS NULL AND point = ? AND end <= ?",
            (aid, measure, point, before),
        ).fetchone()
        is not None
    )


def anchors(ledger: Ledger, aid: str, labels: tuple[str, ...]) -> list[str]:
    """The canonical ids (else keys) of an article's entities with these labels."""
    return [
        r[0]
        for r in ledger.conn.execute(
            "SELECT DISTINCT coalesce(canonical, key) FROM entities WHERE article_id = ? AND label IN "
            f"({', '.join('?' * len(labels))})",
            (aid, *labels),
        )
    ]


def anchors_by_mentions(ledger: Ledger, aid: str, labels: tuple[str, ...]) -> list[str]:
    """The canonical ids (else keys) of an article's entities with these labels, most mentioned first."""
    return [
        r[0]
        for r in ledger.conn.execute(
            "SELECT coalesce(canonical, key) FROM entities WHERE article_id = ? AND label IN "
            f"({', '.join('?' * len(labels))}) GROUP BY 1 ORDER BY sum(mentions) DESC, min(id)",
            (aid, *labels),
        )
    ]


def places_between(ledger: Ledger, aid: str, start: int, end: int) -> list[tuple[str, str, int, int]]:
    """(canonical id or key, name, how often the article names it, its first offset there) of the places and
    facilities named between two offsets of an article."""
    return [
        (r[0], r[1], r[2], r[3])
        for r in ledger.conn.execute(
            "SELECT coalesce(e.canonical, e.key), e.name, e.mentions, min(m.start) FROM mentions m JOIN entities e "
            "ON e.id = m.entity_id WHERE m.article_id = ? AND m.start >= ? AND m.end <= ? "
            "AND e.label IN ('GPE', 'LOC', 'FAC') GROUP BY e.id ORDER BY min(m.start)",
            (aid, start, end),
        )
    ]


def untagged_places_between(ledger: Ledger, aid: str, start: int, end: int) -> list[tuple[str, int, str, int]]:
    """(name, offset, feature, population) of the places the place extractor resolved between two offsets
    under their own name (no demonym) where the tagger saw no place, facility or location ("Copenhagen"
    tagged an organisation)."""
    return [
        (r[0], r[1], r[2], r[3] or 0)
        for r in ledger.conn.execute(
            "SELECT p.text, p.start, p.feature, p.population FROM places p WHERE p.article_id = :a "
            "AND p.start >= :s AND p.end <= :e AND p.text = p.name AND NOT EXISTS (SELECT 1 FROM mentions m "
            "JOIN entities e ON e.id = m.entity_id WHERE m.article_id = :a AND m.start < p.end AND p.start < m.end "
            "AND e.label IN ('GPE', 'LOC', 'FAC')) ORDER BY p.start",
            {"a": aid, "s": start, "e": end},
        )
    ]


def articles_naming(ledger: Ledger, cid: str) -> int:
    """How many articles name a canonical entity (or an unreconciled key)."""
    return ledger.conn.execute(
        "SELECT count(DISTINCT article_id) FROM entities WHERE canonical = :id OR (canonical IS NULL AND key = :id)",
        {"id": cid},
    ).fetchone()[0]


def published(ledger: Ledger, aid: str) -> str | None:
    return ledger.conn.execute("SELECT published FROM articles WHERE id = ?", (aid,)).fetchone()[0]


def source_entity(ledger: Ledger, aid: str, key: str) -> tuple[str | None, str | None] | None:
    """(canonical id, its name) of an article's entity key; None when the article has no such entity."""
    e = ledger.conn.execute(
        "SELECT e.canonical, c.name FROM entities e LEFT JOIN canonical_entities c "
        "ON c.id = e.canonical WHERE e.article_id = ? AND e.key = ?",
        (aid, key),
    ).fetchone()
    return (e[0], e[1]) if e else None


def entity_mentions(ledger: Ledger, aid: str, key: str) -> list[tuple[int, int]]:
    """Where an article names one of its entities (by key), in text order."""
    return [
        (r[0], r[1])
        for r in ledger.conn.execute(
            "SELECT m.start, m.end FROM mentions m JOIN entities e ON e.id = m.entity_id "
            "WHERE e.article_id = ? AND e.key = ? ORDER BY m.start",
            (aid, key),
        )
    ]


def article_dateline(ledger: Ledger, aid: str) -> str | None:
    """The text of an article's dateline ("KABUL (Reuters) - "), when ingest marked one."""
    r = ledger.conn.execute("SELECT text, outside FROM articles WHERE id = ?", (aid,)).fetchone()
    if not r or not r["outside"]:
        return None
    spans = [s for s in json.loads(r["outside"]) if s[2] == "dateline"]
    return r["text"][spans[0][0] : spans[0][1]] if spans else None


def dates_between(ledger: Ledger, aid: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """(start, end, value) of the DATE and TIME expressions of an article between two offsets."""
    sql = "SELECT start, end, value FROM times WHERE article_id = ? AND type IN ('DATE', 'TIME') AND start >= ? "
    return [(s, e, v) for s, e, v in ledger.conn.execute(sql + "AND end <= ? ORDER BY start", (aid, start, end))]


def article_dateline_end(ledger: Ledger, aid: str) -> int:
    """Where an article's dateline ends (0 where ingest marked none), past any byline before it."""
    r = ledger.conn.execute("SELECT outside FROM articles WHERE id = ?", (aid,)).fetchone()
    spans = json.loads(r["outside"]) if r and r["outside"] else []
    return max((s[1] for s in spans if s[2] == "dateline"), default=0)


def article_title(ledger: Ledger, aid: str) -> str | None:
    return ledger.conn.execute("SELECT title FROM articles WHERE id = ?", (aid,)).fetchone()[0]


def article_source(ledger: Ledger, aid: str) -> str:
    return ledger.conn.execute("SELECT source FROM articles WHERE id = ?", (aid,)).fetchone()[0]


# -- filing ------------------------------------------------------------------------------------------


def candidates(
    ledger: Ledger, measure: str, grp: str, country: str | None, day: str | None, window_days: int
) -> list[Candidate]:
    """Figures of this quantity (reported within `window_days` of `day`, when given), oldest first."""
    sql = "SELECT id, anchor, first, last, incident, part FROM figures WHERE measure = ? AND grp = ? AND country IS ?"
    args: list = [measure, grp, country]
    if day:  # the window in SQL too: a common quantity ("people killed") has many figures
        sql += (
            " AND (first IS NULL OR (julianday(first) - ? <= julianday(?) "
            "AND julianday(?) <= julianday(coalesce(last, first)) + ?))"
        )
        args += [window_days, day, day, window_days]
    return [Candidate(*r) for r in ledger.conn.execute(sql + " ORDER BY first IS NULL, first, rowid", args)]


def origins(ledger: Ledger, fid: str) -> list[str]:
    """The original articles of a figure's claims."""
    return [r[0] for r in ledger.conn.execute("SELECT DISTINCT origin FROM figure_claims WHERE figure_id = ?", (fid,))]


def filed(ledger: Ledger, fid: str) -> list[Filed]:
    """A figure's claims with their values, by report day (undated last), then claim."""
    return [
        Filed(r["source_key"], r["point"], r["low"], r["high"], r["day"])
        for r in ledger.conn.execute(
            "SELECT fc.*, k.point, k.low, k.high FROM figure_claims fc JOIN claims k ON k.id = fc.claim_id "
            "WHERE fc.figure_id = ? ORDER BY fc.day IS NULL, fc.day, fc.claim_id",
            (fid,),
        ).fetchall()
    ]


def said_in(ledger: Ledger, fid: str, origin: str, key: str) -> list[tuple[float | None, float | None, float | None]]:
    """(point, low, high) of each claim filed in the figure from one article (or its copies) by one party."""
    return [
        (r[0], r[1], r[2])
        for r in ledger.conn.execute(
            "SELECT k.point, k.low, k.high FROM figure_claims fc JOIN claims k ON k.id = fc.claim_id "
            "WHERE fc.figure_id = ? AND fc.origin = ? AND fc.source_key = ?",
            (fid, origin, key),
        )
    ]


def counts_in(
    ledger: Ledger, fid: str, aid: str
) -> list[tuple[float | None, float | None, float | None, int, int, int, bool]]:
    """(point, low, high, sentence start, end, number start, founds) of each claim filed in the figure from one
    article."""
    return [
        (r[0], r[1], r[2], r[3], r[4], r[5], bool(r[6]))
        for r in ledger.conn.execute(
            "SELECT k.point, k.low, k.high, k.sentence_start, k.sentence_end, k.start, fc.founds "
            "FROM figure_claims fc "
            "JOIN claims k ON k.id = fc.claim_id WHERE fc.figure_id = ? AND k.article_id = ? "
            "AND k.sentence_start IS NOT NULL",
            (fid, aid),
        )
    ]


def resolved_places_between(
    ledger: Ledger, aid: str, start: int, end: int
) -> list[tuple[int, str, str, str | None, str | None]]:
    """(offset, name, country, admin1, feature) of the resolved place mentions between two offsets."""
    return [
        (r[0], r[1], r[2], r[3], r[4])
        for r in ledger.conn.execute(
            "SELECT start, coalesce(name, text), country, admin1, feature FROM places "
            "WHERE article_id = ? AND start >= ? AND end <= ? AND country IS NOT NULL ORDER BY start",
            (aid, start, end),
        )
    ]


def claim_sentences(ledger: Ledger, fid: str) -> list[tuple[str, int, int]]:
    """(article, sentence start, end) of each claim filed in the figure."""
    return [(a, s0, s1) for a, s0, s1, _ in claim_spans(ledger, fid)]


def claim_spans(ledger: Ledger, fid: str) -> list[tuple[str, int, int, int]]:
    """(article, sentence start, end, number start) of each claim filed in the figure."""
    return [
        (r[0], r[1], r[2], r[3])
        for r in ledger.conn.execute(
            "SELECT k.article_id, k.sentence_start, k.sentence_end, k.start FROM figure_claims fc JOIN claims k "
            "ON k.id = fc.claim_id WHERE fc.figure_id = ? AND k.sentence_start IS NOT NULL",
            (fid,),
        )
    ]


# A figure is founded by a claim of its own, or by a founded part: "three of the dead were children" in an
# article's opening tells of the whole's incident too (and a part shown without its whole reads as the toll).
# An increment with no whole ("Stevens and three other Americans", "2.5 million more"), bodies counted by their
# recovery ("six bodies recovered so far") and one who died on the way to hospital are never shown alone: alone
# each reads as the toll, which it is not.
NEEDS_WHOLE = ("more", "bodies recovered", "died in hospital", "dead so far")
# A party's second value in one report that agrees with none of its first (an earlier hour's count, a part, a
# past incident: the text does not say which) is kept, and never shown: undecided, like a deep undated count.
ANOTHER_COUNT = "another count by the same source"
_FOUNDED = (
    f"(part IS NULL OR part NOT IN {NEEDS_WHOLE!r} OR part_of IS NOT NULL) AND incident IS NOT '{ANOTHER_COUNT}' AND ("
    "(SELECT coalesce(max(founds), 0) FROM figure_claims WHERE figure_id = ?) "
    "OR EXISTS (SELECT 1 FROM figures p WHERE p.part_of = ? AND p.founded))"
)


def summarize(ledger: Ledger, fid: str, low, best, high, first: str | None, last: str | None, sources: int) -> None:
    ledger.conn.execute(
        "UPDATE figures SET low = ?, best = ?, high = ?, first = ?, last = ?, sources = ?, "
        f"founded = {_FOUNDED} WHERE id = ?",
        (low, best, high, first, last, sources, fid, fid, fid),
    )


def delete(ledger: Ledger, fid: str) -> None:
    ledger.conn.execute("DELETE FROM figures WHERE id = ?", (fid,))


def head(ledger: Ledger, fid: str) -> Head | None:
    r = ledger.conn.execute("SELECT * FROM figures WHERE id = ?", (fid,)).fetchone()
    return (
        Head(r["id"], r["measure"], r["grp"], r["country"], r["anchor"], r["incident"], r["part"], r["first"])
        if r
        else None
    )


def same_quantity(ledger: Ledger, f: Head) -> list[tuple[str, str, str | None]]:
    """(id, anchor, first report day) of the other figures of f's quantity, oldest first."""
    return [
        (r[0], r[1], r[2])
        for r in ledger.conn.execute(
            "SELECT id, anchor, first FROM figures WHERE measure = ? AND grp = ? AND country IS ? AND incident = ? "
            "AND part IS ? AND id != ? ORDER BY first IS NULL, first, rowid",
            (f.measure, f.grp, f.country, f.incident, f.part, f.id),
        ).fetchall()
    ]


def move(ledger: Ledger, fid: str, into: str) -> None:
    """Move a figure's claims into another figure and drop it."""
    ledger.conn.execute("UPDATE figure_claims SET figure_id = ? WHERE figure_id = ?", (into, fid))
    ledger.conn.execute("DELETE FROM figures WHERE id = ?", (fid,))


def add(
    ledger: Ledger,
    fid: str,
    measure: str,
    counted: str,
    grp: str,
    country: str | None,
    anchor: str,
    day: str | None,
    incident: str = "",
    part: str | None = None,
) -> None:
    ledger.conn.execute(
        "INSERT INTO figures(id, measure, counted, grp, country, anchor, first, last, incident, "
        "part) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (fid, measure, counted, grp, country, anchor, day, day, incident, part),
    )


def widen(ledger: Ledger, fid: str, day: str | None) -> None:
    """Stretch a figure's first and last report day to take in `day`."""
    ledger.conn.execute(
        "UPDATE figures SET first = min(coalesce(first, ?), ?), last = max(coalesce(last, ?), ?) "
        "WHERE id = ? AND ? IS NOT NULL",
        (day, day, day, day, fid, day),
    )


def file(
    ledger: Ledger,
    claim_id: int,
    fid: str,
    key: str,
    shown: str | None,
    statement: str,
    origin: str,
    day: str | None,
    party_name: str | None = None,
    relayed_by: str | None = None,
    stance: str | None = None,
    preliminary: bool = False,
    founds: bool = True,
) -> None:
    ledger.conn.execute(
        "INSERT OR REPLACE INTO figure_claims(claim_id, figure_id, source_key, source, statement, "
        "origin, day, party, party_name, relayed_by, stance, preliminary, founds) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            claim_id,
            fid,
            key,
            shown,
            statement,
            origin,
            day,
            key,
            party_name,
            relayed_by,
            stance,
            int(preliminary),
            int(founds),
        ),
    )


def note_reading(ledger: Ledger, claim_id: int, role: str, reason: str) -> None:
    """A counted claim left out of figures, and why."""
    ledger.conn.execute(
        "INSERT OR REPLACE INTO claim_readings(claim_id, role, reason) VALUES (?, ?, ?)", (claim_id, role, reason)
    )


def readings(ledger: Ledger, claim_ids: list[int]) -> dict[int, tuple[str, str]]:
    """claim row -> (role, reason) for those of these claims that are in no figure."""
    marks = ",".join("?" * len(claim_ids))
    return (
        {
            r[0]: (r[1], r[2])
            for r in ledger.conn.execute(
                f"SELECT claim_id, role, reason FROM claim_readings WHERE claim_id IN ({marks})", claim_ids
            )
        }
        if claim_ids
        else {}
    )


UNFOUNDED = (
    "in a figure none of whose claims founds it (each deep in its article with no day of the report, or quoted): "
    "not shown"
)


def left_out(ledger: Ledger, article_ids: list[str], measure: str) -> list[tuple[str, str, str, str]]:
    """(article, claim as written, role, reason) of these articles' claims of `measure` that the figures step
    left out of every figure shown, in text order."""
    return [
        (r[0], r[1], r[2], r[3])
        for r in ledger.conn.execute(
            "SELECT k.article_id, k.text, r.role, r.reason, k.start FROM claims k "
            "JOIN claim_readings r ON r.claim_id = k.id "
            "WHERE k.article_id IN (SELECT value FROM json_each(:ids)) AND k.measure = :m "
            "UNION ALL SELECT k.article_id, k.text, 'unfounded', :why, k.start FROM claims k "
            "JOIN figure_claims fc ON fc.claim_id = k.id JOIN figures f ON f.id = fc.figure_id AND NOT f.founded "
            "WHERE k.article_id IN (SELECT value FROM json_each(:ids)) AND k.measure = :m ORDER BY 1, 5",
            {"ids": json.dumps(article_ids), "m": measure, "why": UNFOUNDED},
        )
    ]


def article_country(ledger: Ledger, aid: str) -> str | None:
    """The country an article names most, and more than once (ISO alpha-3 of its canonical country entities)."""
    r = ledger.conn.execute(
        "SELECT substr(canonical, 9) FROM entities WHERE article_id = ? AND canonical LIKE 'country:%' "
        "GROUP BY canonical HAVING sum(mentions) > 1 ORDER BY sum(mentions) DESC, min(id) LIMIT 1",
        (aid,),
    ).fetchone()
    return r[0] if r else None


def article_places(ledger: Ledger, aid: str, n: int = 3) -> list[tuple[str, str]]:
    """(key, name) of the places (not countries) an article names most, most named first."""
    return [
        (r[0], r[1])
        for r in ledger.conn.execute(
            "SELECT coalesce(canonical, key), min(name) FROM entities WHERE article_id = ? "
            "AND label IN ('GPE', 'LOC', 'FAC') AND coalesce(canonical, '') NOT LIKE 'country:%' "
            "GROUP BY coalesce(canonical, key) ORDER BY sum(mentions) DESC, min(id) LIMIT ?",
            (aid, n),
        )
    ]


def article_place_countries(ledger: Ledger, aid: str) -> list[tuple[str, int]]:
    """(alpha-3, how many mentions) of the countries an article's resolved towns and regions lie in (not
    the countries it names as such: "U.S. officials" says who speaks, "Padang" where it happened)."""
    return [
        (r[0], r[1])
        for r in ledger.conn.execute(
            "SELECT country, count(*) FROM places WHERE article_id = ? AND country IS NOT NULL "
            "AND (feature = 'P' OR (feature = 'A' AND admin1 IS NOT NULL)) GROUP BY country "
            "ORDER BY count(*) DESC, min(start)",
            (aid,),
        )
    ]


def article_towns(ledger: Ledger, aid: str) -> list[tuple[str, str, int]]:
    """(name, alpha-3, mentions) of the resolved towns an article names, most named first."""
    return [
        (r[0], r[1], r[2])
        for r in ledger.conn.execute(
            "SELECT name, country, count(*) FROM places WHERE article_id = ? AND feature = 'P' "
            "GROUP BY geonameid ORDER BY count(*) DESC, min(start)",
            (aid,),
        )
    ]


def key_mentions(ledger: Ledger, keys: list[str]) -> dict[str, int]:
    """Entity key -> its mentions in all the ledger's articles ("org:facebook": 40)."""
    marks = ",".join("?" * len(keys))
    return dict(
        ledger.conn.execute(
            f"SELECT key, sum(mentions) FROM entities WHERE key IN ({marks}) GROUP BY key", keys
        ).fetchall()
    )


def place_countries(ledger: Ledger, aid: str) -> dict[str, str]:
    """The resolved places an article names, as written (lower case) -> alpha-3 of the country they lie in."""
    return {
        r[0].lower(): r[1]
        for r in ledger.conn.execute(
            "SELECT DISTINCT text, country FROM places WHERE article_id = ? AND country IS NOT NULL", (aid,)
        )
    }


def article_regions(ledger: Ledger, aid: str) -> frozenset[str]:
    """The words (as written and resolved) of the regions and other areas an article names (GeoNames class A:
    countries among them)."""
    return frozenset(
        w
        for r in ledger.conn.execute("SELECT text, name FROM places WHERE article_id = ? AND feature = 'A'", (aid,))
        for w in r
        if w
    )


def article_orgs(ledger: Ledger, aid: str) -> list[tuple[int, str, str]]:
    """(first mention offset, canonical id or key, name) of an article's organisations, in text order."""
    return sorted(
        (r[0], r[1], r[2])
        for r in ledger.conn.execute(
            "SELECT min(m.start), coalesce(e.canonical, e.key), e.name FROM entities e JOIN mentions m "
            "ON m.entity_id = e.id WHERE e.article_id = ? AND e.label = 'ORG' GROUP BY e.id",
            (aid,),
        )
    )


def whole_of(ledger: Ledger, f: Head) -> list[tuple[str, str, str | None]]:
    """(id, anchor, first report day) of figures that may be the whole `f` is a part of: same measure and
    incident, no part, counting people (or f's own group when f is a marked part), oldest first."""
    return [
        (r[0], r[1], r[2])
        for r in ledger.conn.execute(
            "SELECT id, anchor, first FROM figures WHERE measure = ? AND incident = ? AND part IS NULL AND id != ? "
            "AND ((grp = 'people' AND country IS NULL) OR (? IS NOT NULL AND grp = ? AND country IS ?)) "
            "ORDER BY first IS NULL, first, rowid",
            (f.measure, f.incident, f.id, f.part, f.grp, f.country),
        )
    ]


def describe(
    ledger: Ledger,
    fid: str,
    part_of: str | None,
    title: str | None,
    place: str | None,
    country: str | None,
    day: str | None,
) -> None:
    ledger.conn.execute(
        "UPDATE figures SET part_of = ?, title = ?, place = ?, incident_country = ?, incident_date = ? WHERE id = ?",
        (part_of, title, place, country, day, fid),
    )
    ledger.conn.execute(f"UPDATE figures SET founded = {_FOUNDED} WHERE id = ?", (fid, fid, fid))
    if part_of is not None:
        ledger.conn.execute(f"UPDATE figures SET founded = {_FOUNDED} WHERE id = ?", (part_of, part_of, part_of))


def forget_all(ledger: Ledger) -> None:
    ledger.conn.execute("DELETE FROM figure_claims")
    ledger.conn.execute("DELETE FROM figures")
    ledger.conn.execute("DELETE FROM claim_readings")


# -- queries -----------------------------------------------------------------------------------------

ORDERS = ("disputed", "latest")

# How far a figure's estimates are apart, relative to its best one (0 when they agree or a bound is missing).
SPREAD = "coalesce((f.high - f.low) * 1.0 / max(abs(coalesce(nullif(f.best, 0), nullif(f.high, 0), 1)), 1), 0)"
_ORDER_BY = {
    # More independent parties first, then the widest spread, then the latest reported.
    "disputed": f"f.sources DESC, {SPREAD} DESC, f.last IS NULL, f.last DESC, f.id",
    "latest": "f.last IS NULL, f.last DESC, f.sources DESC, f.id",
}
# A figure about `:q`: its counted group or measure, or one of its claims' source, counted words, sentence
# or article title.
_ABOUT = (
    "(f.counted LIKE :q ESCAPE '\\' OR f.measure LIKE :q ESCAPE '\\' OR EXISTS ("
    "SELECT 1 FROM figure_claims fc JOIN claims k ON k.id = fc.claim_id "
    "JOIN articles a ON a.id = k.article_id WHERE fc.figure_id = f.id AND ("
    "fc.source LIKE :q ESCAPE '\\' OR a.title LIKE :q ESCAPE '\\' OR k.counted LIKE :q ESCAPE '\\' "
    "OR substr(a.text, coalesce(k.sentence_start, k.start) + 1, coalesce(k.sentence_end, k.end) - "
    "coalesce(k.sentence_start, k.start)) LIKE :q ESCAPE '\\')))"
)
# More than one statement behind it: two sources, or one source giving two values.
_DISPUTED = "(SELECT count(DISTINCT fc.statement) FROM figure_claims fc WHERE fc.figure_id = f.id) > 1"


def _statements(conn: sqlite3.Connection, ids: list[str]) -> dict[str, tuple[FigureClaim, ...]]:
    """The statements of these figures, each with every article it appeared in, oldest first."""
    rows = conn.execute(
        "SELECT fc.*, k.article_id, k.text, k.point, k.low, k.high, k.qualifier, k.time, a.published "
        "FROM figure_claims fc JOIN claims k ON k.id = fc.claim_id JOIN articles a ON a.id = k.article_id "
        "WHERE fc.figure_id IN (SELECT value FROM json_each(?)) "
        "ORDER BY a.published IS NULL, a.published, a.rowid, k.start",
        (json.dumps(ids),),
    ).fetchall()
    groups: dict[str, dict[str, list[sqlite3.Row]]] = {i: {} for i in ids}
    for r in rows:
        groups[r["figure_id"]].setdefault(r["statement"], []).append(r)
    return {
        fid: tuple(
            FigureClaim(
                r["article_id"],
                r["source"],
                r["text"],
                Value(r["point"], r["low"], r["high"]),
                r["qualifier"],
                r["published"],
                r["claim_id"],
                r["time"],
                tuple(Mention(x["article_id"], x["published"], x["claim_id"]) for x in rs),
                r["party"],
                r["party_name"],
                r["relayed_by"],
                r["stance"],
                bool(r["preliminary"]),
            )
            for rs in by_statement.values()
            for r in rs[:1]
        )
        for fid, by_statement in groups.items()
    }


def _figures(conn: sqlite3.Connection, rows: list[sqlite3.Row]) -> list[Figure]:
    """Figure records of these `figures` rows, their statements read in one query."""
    claims = _statements(conn, [r["id"] for r in rows])
    wholes = json.dumps([r["part_of"] for r in rows if r["part_of"]])
    shown = {w for (w,) in conn.execute(_FOUNDED_IN, (wholes,))}  # a part names no whole that is not shown
    return [
        Figure(
            r["id"],
            r["measure"],
            r["counted"],
            r["low"],
            r["best"],
            r["high"],
            r["first"],
            r["last"],
            claims[r["id"]],
            r["sources"],
            Incident(r["title"], r["place"], r["incident_country"], r["incident_date"]) if r["title"] else None,
            r["part_of"] if r["part_of"] in shown else None,
            r["part"],
        )
        for r in rows
    ]


_FOUNDED_IN = "SELECT id FROM figures WHERE founded AND id IN (SELECT value FROM json_each(?))"


def _select(ledger: Ledger, where: list[str], args: dict, order: str, limit: int | None, offset: int) -> list[Figure]:
    if order not in _ORDER_BY:
        raise ValueError(f"order must be one of {ORDERS}, not {order!r}")
    sql = (
        f"SELECT f.* FROM figures f {'WHERE ' + ' AND '.join(where) if where else ''} "
        f"ORDER BY {_ORDER_BY[order]} LIMIT :limit OFFSET :offset"
    )
    rows = ledger.conn.execute(sql, {**args, "limit": -1 if limit is None else limit, "offset": offset}).fetchall()
    return _figures(ledger.conn, rows)


def measure_named(words: str) -> str | None:
    """The measure these words name: a measure ("killed") or a word it is read from ("dead", "deaths")."""
    from ..extract.measures import MEASURE_LEMMAS, MEASURE_OF  # a lexicon (no NLP)

    key = " ".join(re.findall(r"\w+", words.lower()))
    return key if key in MEASURE_LEMMAS else MEASURE_OF.get(key)


def _named(conds: list[str], args: list) -> tuple[str, dict]:
    """Positional conditions (a slice's) as named ones, for queries written with :names."""
    marks = iter(range(len(args)))
    sql = re.sub(r"\?", lambda _: f":s{next(marks)}", " AND ".join(conds))
    return sql, {f"s{i}": v for i, v in enumerate(args)}


def _sliced(only: Slice, where: list[str], args: dict) -> None:
    """A slice's conditions on figures: reported by one of its articles, of its measure, with a party of
    that name, in its incident country."""
    conds, positional = only.where("a")
    if conds:
        sql, named = _named(conds, positional)
        where.append(
            "f.id IN (SELECT fc.figure_id FROM articles a JOIN claims k ON k.article_id = a.id "
            f"JOIN figure_claims fc ON fc.claim_id = k.id WHERE {sql})"
        )
        args.update(named)
    if only.measure:
        where.append("f.measure = :measure")
        args["measure"] = only.measure
    if only.country:
        where.append("f.incident_country = :country")
        args["country"] = only.country
    if only.party:
        where.append(
            "EXISTS (SELECT 1 FROM figure_claims fc WHERE fc.figure_id = f.id AND "
            "coalesce(fc.party_name, fc.source, 'unattributed') LIKE :party ESCAPE '\\')"
        )
        args["party"] = like_pattern(only.party)


def _filters(about: str | None, disputed: bool, only: Slice | None) -> tuple[list[str], dict]:
    where: list[str] = ["f.founded"]  # a figure none of whose claims founds it is no figure yet
    args: dict[str, str | None] = {}
    about = about or (only.about if only is not None else None)
    if about:
        measure = measure_named(about)
        where.append(f"(f.measure = :m OR {_ABOUT})" if measure else _ABOUT)
        args.update(q=like_pattern(about), m=measure)
    if disputed:
        where.append(_DISPUTED)
    if only is not None:
        _sliced(only, where, args)
    return where, args


def list_figures(
    ledger: Ledger,
    *,
    order: str = "disputed",
    about: str | None = None,
    disputed: bool = False,
    limit: int | None = None,
    offset: int = 0,
    only: Slice | None = None,
) -> list[Figure]:
    """Figures, one page of them (`limit`, `offset`), with their statements.

    order     "disputed": more independent sources first, then a wider spread of estimates
              ((high - low) / max(|best or high or 1|, 1)), then the latest reported, then id;
              "latest": the latest reported first
    about     the counted group, the measure, a source, or the sentence, counted words or article title of
              a claim contains this text
    disputed  only figures with more than one statement (two sources, or one source giving two values)
    only      a `slices.Slice`: the figures its articles report (whole), of its measure, party and country
    """
    where, args = _filters(about, disputed, only)
    return _select(ledger, where, args, order, limit, offset)


def count_figures(
    ledger: Ledger, *, about: str | None = None, disputed: bool = False, only: Slice | None = None
) -> int:
    """How many figures `list_figures` finds with these filters, every page of them."""
    where, args = _filters(about, disputed, only)
    sql = "SELECT count(*) FROM figures f" + (" WHERE " + " AND ".join(where) if where else "")
    return ledger.conn.execute(sql, args).fetchone()[0]


def figures_of(ledger: Ledger, article_ids: list[str], order: str = "disputed") -> list[Figure]:
    """The figures any of these articles reports (any mention)."""
    where = [
        "f.founded",
        "f.id IN (SELECT fc.figure_id FROM claims k JOIN figure_claims fc ON fc.claim_id = k.id "
        "WHERE k.article_id IN (SELECT value FROM json_each(:ids)))",
    ]
    return _select(ledger, where, {"ids": json.dumps(list(article_ids))}, order, None, 0)


def figure_of_claims(ledger: Ledger, article_id: str) -> dict[int, str]:
    """Claim start offset -> the figure the claim was filed in, for one article's claims (records carry
    offsets, figures claim rows)."""
    return {
        r[0]: r[1]
        for r in ledger.conn.execute(
            "SELECT k.start, fc.figure_id FROM claims k JOIN figure_claims fc ON fc.claim_id = k.id "
            "JOIN figures f ON f.id = fc.figure_id WHERE k.article_id = ? AND f.founded",
            (article_id,),
        )
    }


def get_figure(ledger: Ledger, id: str) -> Figure | None:
    """One figure by id or unique id prefix (None: no such figure, or the prefix is not unique)."""
    if len(id) > MAX_KEY:  # ids are short; a 100,000-character one is no id (and no LIKE pattern SQLite takes)
        return None
    rows = ledger.conn.execute(
        "SELECT * FROM figures WHERE id = ? OR id LIKE ? LIMIT 2", (id, id.replace("%", "").replace("_", "") + "%")
    ).fetchall()
    exact = [r for r in rows if r["id"] == id]
    if exact:
        rows = exact
    elif len(rows) != 1:
        return None
    return _figures(ledger.conn, rows[:1])[0]
