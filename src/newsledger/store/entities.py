"""The SQL of canonical entities (`reconcile.entities`): `canonical_entities`, `entity_aliases`,
`entity_days` and the `canonical` column of `entities`, and the records read from them."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from typing import NamedTuple

from ..models import Canonical, CanonicalEntity
from .ledger import Ledger, like_pattern


class EntityRow(NamedTuple):
    """One per-article entity row, as resolution reads it."""

    id: int
    article_id: str
    key: str
    name: str
    label: str


# -- resolution --------------------------------------------------------------------------------------


def exists(ledger: Ledger, cid: str) -> bool:
    return ledger.conn.execute("SELECT 1 FROM canonical_entities WHERE id = ?", (cid,)).fetchone() is not None


def canonical(ledger: Ledger, cid: str) -> Canonical | None:
    r = ledger.conn.execute("SELECT * FROM canonical_entities WHERE id = ?", (cid,)).fetchone()
    return Canonical(r["id"], r["kind"], r["name"], r["country"]) if r else None


def persons_with_alias(ledger: Ledger, norm: str, but: str) -> list[str]:
    """Persons (not `but`) with a PERSON alias folded to `norm`."""
    rows = ledger.conn.execute(
        "SELECT DISTINCT a.canonical FROM entity_aliases a JOIN canonical_entities c ON c.id = a.canonical "
        "WHERE a.norm = ? AND a.label = 'PERSON' AND c.kind = 'person' AND c.id != ?",
        (norm, but),
    ).fetchall()
    return [r[0] for r in rows]


def articles_naming(ledger: Ledger, cid: str) -> int:
    """How many articles have entity rows resolved to `cid`."""
    return ledger.conn.execute(
        "SELECT count(DISTINCT article_id) FROM entities WHERE canonical = ?", (cid,)
    ).fetchone()[0]


def orgs_with_alias(ledger: Ledger, norm: str) -> list[str]:
    return [
        r[0]
        for r in ledger.conn.execute(
            "SELECT DISTINCT canonical FROM entity_aliases WHERE norm = ? AND label = 'ORG'", (norm,)
        )
    ]


def article_text(ledger: Ledger, aid: str) -> str:
    return ledger.conn.execute("SELECT text FROM articles WHERE id = ?", (aid,)).fetchone()[0]


def place_names(ledger: Ledger, aid: str) -> list[tuple[str, str]]:
    """(name, label) of an article's GPE and NORP entity rows."""
    return [
        tuple(r)
        for r in ledger.conn.execute(
            "SELECT name, label FROM entities WHERE article_id = ? AND label IN ('GPE', 'NORP')", (aid,)
        )
    ]


def mentions(ledger: Ledger, row_id: int) -> list[tuple[int, int]]:
    return [(r[0], r[1]) for r in ledger.conn.execute("SELECT start, end FROM mentions WHERE entity_id = ?", (row_id,))]


def acts(ledger: Ledger, aid: str, key: str, name: str) -> bool:
    """Whether an entity is a claim's source, a quote's speaker or an event's actor in its article."""
    return (
        ledger.conn.execute(
            "SELECT 1 FROM claims WHERE article_id = ? AND source_entity = ? UNION ALL "
            "SELECT 1 FROM quotes WHERE article_id = ? AND speaker_entity = ? UNION ALL "
            "SELECT 1 FROM events WHERE article_id = ? AND actor = ? LIMIT 1",
            (aid, key, aid, key, aid, name),
        ).fetchone()
        is not None
    )


# -- update ------------------------------------------------------------------------------------------


def rows_after(ledger: Ledger, last: int, batch: int) -> list[EntityRow]:
    """Up to `batch` entity rows with an id above `last`, in id order."""
    return [
        EntityRow(r["id"], r["article_id"], r["key"], r["name"], r["label"])
        for r in ledger.conn.execute(
            "SELECT * FROM entities WHERE id > ? ORDER BY id LIMIT ?", (last, batch)
        ).fetchall()
    ]


def merge(ledger: Ledger, old: str, new: str) -> None:
    """Fold canonical `old` into `new`: its rows and aliases move over."""
    conn = ledger.conn
    conn.execute("UPDATE entities SET canonical = ? WHERE canonical = ?", (new, old))
    conn.execute("UPDATE OR IGNORE entity_aliases SET canonical = ? WHERE canonical = ?", (new, old))
    conn.execute("DELETE FROM canonical_entities WHERE id = ?", (old,))


def add(ledger: Ledger, c: Canonical, aliases: Iterable[tuple[str, str, str]]) -> None:
    """Store a canonical entity (a known one keeps its country, or takes this one) and its (norm, alias,
    label) aliases."""
    conn = ledger.conn
    conn.execute(
        "INSERT INTO canonical_entities(id, kind, name, country) VALUES (?, ?, ?, ?) "
        "ON CONFLICT(id) DO UPDATE SET country = coalesce(country, excluded.country)",
        (c.id, c.kind, c.name, c.country),
    )
    conn.executemany(
        "INSERT OR IGNORE INTO entity_aliases(canonical, norm, alias, label) VALUES (?, ?, ?, ?)",
        [(c.id, *a) for a in aliases],
    )


def resolve_row(ledger: Ledger, row_id: int, cid: str) -> None:
    ledger.conn.execute("UPDATE entities SET canonical = ? WHERE id = ?", (cid, row_id))


def acronyms(ledger: Ledger, cid: str) -> list[str]:
    """The "acr:..." alias norms of a canonical entity."""
    return [
        r[0]
        for r in ledger.conn.execute(
            "SELECT DISTINCT norm FROM entity_aliases WHERE canonical = ? AND norm LIKE 'acr:%'", (cid,)
        ).fetchall()
    ]


def lone_surnames(ledger: Ledger, ids: list[str]) -> list[tuple[str, str]]:
    """(id, name) of those of these ids that are persons named by one word."""
    return [
        tuple(r)
        for r in ledger.conn.execute(
            f"SELECT id, name FROM canonical_entities WHERE kind = 'person' AND instr(name, ' ') = 0 "
            f"AND id IN ({', '.join('?' * len(ids))})",
            ids,
        ).fetchall()
    ]


def aliases(ledger: Ledger, cid: str) -> list[str]:
    """Every name a canonical entity goes by."""
    return [n for (n,) in ledger.conn.execute("SELECT DISTINCT alias FROM entity_aliases WHERE canonical = ?", (cid,))]


def rename(ledger: Ledger, cid: str, name: str) -> None:
    ledger.conn.execute("UPDATE canonical_entities SET name = ? WHERE id = ?", (name, cid))


def recount(ledger: Ledger, ids: set[str]) -> None:
    """Refresh how many articles name these canonical entities and how often (the lists rank by it), the
    keys they gather, and their mentions per day."""
    conn = ledger.conn
    rows = [{"id": i} for i in ids]
    conn.executemany(
        "UPDATE canonical_entities SET (articles, mentions, keys) = (SELECT count(DISTINCT article_id), "
        "coalesce(sum(mentions), 0), json_group_array(DISTINCT key) FROM entities WHERE canonical = :id) "
        "WHERE id = :id",
        rows,
    )
    conn.executemany("DELETE FROM entity_days WHERE canonical = :id", rows)
    conn.executemany(
        "INSERT INTO entity_days(canonical, day, articles, mentions) SELECT canonical, published, "
        "count(DISTINCT article_id), sum(mentions) FROM entities WHERE canonical = :id "
        "GROUP BY published",
        rows,
    )


def forget_all(ledger: Ledger) -> None:
    """Unresolve every entity row and drop every canonical entity and alias."""
    c = ledger.conn
    c.execute("UPDATE entities SET canonical = NULL")
    c.execute("DELETE FROM entity_aliases")
    c.execute("DELETE FROM canonical_entities")


# -- queries -----------------------------------------------------------------------------------------
# Lists read the counts `update` keeps on canonical_entities (index canonical_entities_rank): at tens of
# thousands of articles, aggregating every entity row per request is seconds, not milliseconds.

_NAMES = (
    "SELECT json_group_array(DISTINCT alias) AS aliases, json_group_array(DISTINCT label) AS labels "
    "FROM entity_aliases WHERE canonical = ?"
)


def _entity(conn: sqlite3.Connection, r: sqlite3.Row) -> CanonicalEntity:
    names = conn.execute(_NAMES, (r["id"],)).fetchone()
    return CanonicalEntity(
        r["id"],
        r["kind"],
        r["name"],
        r["country"],
        tuple(sorted(json.loads(names["labels"]))),
        tuple(sorted(json.loads(names["aliases"]), key=str.lower)),
        r["articles"],
        r["mentions"],
    )


def list_entities(
    ledger: Ledger, label: str | None = None, limit: int | None = None, offset: int = 0, name: str | None = None
) -> list[CanonicalEntity]:
    """Canonical entities, most widely named first; `label` keeps those named at least once with that NER
    label, `name` those with a name or alias containing it."""
    where, args = [], []
    if label:
        where.append("EXISTS (SELECT 1 FROM entity_aliases a WHERE a.canonical = c.id AND a.label = ?)")
        args.append(label)
    if name:
        where.append(
            "(c.name LIKE ? ESCAPE '\\' OR EXISTS (SELECT 1 FROM entity_aliases a "
            "WHERE a.canonical = c.id AND a.alias LIKE ? ESCAPE '\\'))"
        )
        args += [like_pattern(name)] * 2
    sql = (
        "SELECT * FROM canonical_entities c "
        + ("WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY c.articles DESC, c.mentions DESC, c.name LIMIT ? OFFSET ?"
    )
    rows = ledger.conn.execute(sql, [*args, -1 if limit is None else limit, offset]).fetchall()
    return [_entity(ledger.conn, r) for r in rows]


def get_entity(ledger: Ledger, id: str) -> CanonicalEntity | None:
    """One canonical entity by id, or a per-article key whose rows are not reconciled (None: neither)."""
    conn = ledger.conn
    r = conn.execute("SELECT * FROM canonical_entities WHERE id = ?", (id,)).fetchone()
    if r is not None:
        return _entity(conn, r)
    r = conn.execute(
        "SELECT min(name) AS name, json_group_array(DISTINCT name) AS aliases, "
        "json_group_array(DISTINCT label) AS labels, count(DISTINCT article_id) AS articles, "
        "coalesce(sum(mentions), 0) AS mentions FROM entities WHERE key = ? AND canonical IS NULL",
        (id,),
    ).fetchone()
    if not r["articles"]:
        return None
    labels = tuple(sorted(json.loads(r["labels"])))
    kind = id.split(":", 1)[0] if ":" in id else labels[0].lower()
    return CanonicalEntity(
        id,
        kind,
        r["name"],
        None,
        labels,
        tuple(sorted(json.loads(r["aliases"]), key=str.lower)),
        r["articles"],
        r["mentions"],
    )
