"""Canonical entities: the per-article entities of the ledger joined across mentions and articles.

Ids are a function of the name wherever they can be, so extraction and other steps can compute them
without the database (`resolve(name, label)`):
  country:COD                  a country by name, short name, ISO code, demonym, or its capital acting as
                               its government ("Kinshasa said ..."); pycountry + data/countries.tsv
  person:ngozi-okafor          a person by full name without titles or initials
  org:fra:ministry-of-defence  a state body with its country ("the French defence ministry",
                               "France's Ministry of the Armed Forces"); other organisations org:<name>
  gpe:veridia, loc:..., ...    anything else by label and name
With the ledger, two more rules join names across articles: a surname alone ("Okafor", "Ms Okafor") is
the one person of that surname named in full in the ledger, and an ORG named exactly like an unresolved
place ("Veridia" tagged ORG) is that place. Both are applied whichever of the two forms arrives first.

`update(ledger)` handles the entity rows stored since its last run and fills their `canonical` column.
"""
from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass

from ..errors import NotFound
from ..store import Ledger
from ..store.ledger import like_pattern
from .gazetteer import (AMBIGUOUS, STATE_BODIES, Gazetteer, fold, gazetteer, government_body,
                        named_body_country)

STEP = "entities"
COUNTRY_LABELS = {"GPE", "NORP", "ORG", "LOC"}
_TITLES = {"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "lord", "lady", "gen", "col", "lt",
           "sgt", "capt", "maj", "cpl", "president", "minister", "senator", "sen", "rep", "gov", "governor",
           "judge", "justice", "chancellor", "premier", "king", "queen", "prince", "princess", "pope",
           "general", "secretary", "mayor", "ambassador", "rev", "father", "sheikh"}
# Part of the name (Donald Trump Jr. is not Donald Trump), but never the surname.
_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
# A surname alone is the most-named person of that surname when that one is named this many times as often
# as the next ("Trump": Donald Trump, not Donald Trump Jr.).
DOMINANT = 3
# A capital names its government when it acts: it speaks, decides, or owns forces or positions.
_ACTING = re.compile(
    r"^\s*(?:['’]s\s+(?:government|forces|army|troops|military|position|decision|response|demands?|"
    r"offer|envoy|regime|leadership)\b|(?:has|have|had|is|was)?\s*(?:said|says|say|announced|accused|"
    r"denied|rejected|claimed|insisted|warned|ordered|sent|deployed|wants|responded|blamed|condemned|"
    r"confirmed|agreed|refused|urged|called|demanded|threatened|signed|imposed|launched|recalled|"
    r"expelled|protested|vowed|pledged)\b)")


@dataclass(frozen=True)
class Canonical:
    id: str
    kind: str
    name: str
    country: str | None = None


@dataclass(frozen=True)
class CanonicalEntity:
    """A canonical entity as listed: every name it goes by, and how often the ledger names it."""
    id: str
    kind: str
    name: str
    country: str | None
    labels: tuple[str, ...]
    aliases: tuple[str, ...]
    articles: int
    mentions: int

    def to_dict(self) -> dict:
        return {"id": self.id, "kind": self.kind, "name": self.name, "country": self.country,
                "labels": list(self.labels), "aliases": list(self.aliases), "articles": self.articles,
                "mentions": self.mentions}


def slug(text: str) -> str:
    return re.sub(r"[^\w]+", "-", fold(text)).strip("-")


def person_words(name: str) -> list[str]:
    """The words of a person's name without titles or initials: "Ms N. Okafor" -> ["Okafor"]."""
    words = re.findall(r"[\w'’-]+\.?", name)
    out = [w.rstrip(".") for w in words if w.lower().rstrip(".") not in _TITLES]
    return [w for w in out if len(w) > 1] or out


def surname(words: list[str]) -> str | None:
    names = [w for w in words if w.lower() not in _SUFFIXES]
    return names[-1] if names else None


_MINOR = {"of", "the", "for", "and", "&", "on", "in", "at", "to", "de", "du", "des", "la", "le"}


def initials(name: str) -> str | None:
    """"who" for "World Health Organization", "icrc" for "International Committee of the Red Cross"."""
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", name) if w.lower() not in _MINOR]
    return "".join(w[0] for w in words).lower() if len(words) >= 2 else None


def as_acronym(name: str) -> str | None:
    """"un" for "UN" or "U.N.": a name written as an acronym, lower-cased."""
    t = name.replace(".", "").strip()
    return t.lower() if 2 <= len(t) <= 6 and t.isalpha() and t.isupper() else None


def _singular(word: str) -> str:
    return word[:-1] if word.endswith("s") and not word.endswith("ss") and len(word) > 4 else word


def canonicalize(name: str, label: str, gaz: Gazetteer | None = None, acting: bool = True,
                 country: str | None = None, context: str | None = None) -> Canonical | None:
    """The canonical entity `name` with NER `label` stands for, from the name alone (no ledger).

    `acting`: the name is used as an actor (a source or speaker), so a capital stands for its state.
    `country`: a country the context gives an organisation ("France's" before it).
    `context`: the article text, which decides an ambiguous name ("Georgia": the country or the US state).
    """
    gaz = gaz or gazetteer()
    text = re.sub(r"^(?:the|The)\s+", "", name.strip())
    if not any(c.isalpha() for c in text):
        return None
    cues = AMBIGUOUS.get(fold(text))
    ambiguous = cues is not None and not (context and any(c in context.lower() for c in cues))
    if label in COUNTRY_LABELS and not ambiguous and \
            (a3 := gaz.country(text, capitals=acting and label in {"GPE", "ORG"})):
        return Canonical(f"country:{a3}", "country", gaz.name(a3), a3)
    if label == "PERSON":
        words = person_words(text)
        return Canonical("person:" + slug(" ".join(words)), "person", " ".join(words)) if words else None
    if label == "ORG":
        a3, rest = gaz.split_country(text)
        if a3 and not (STATE_BODIES.search(rest) or government_body(rest)):
            a3, rest = None, text  # "American Airlines" is not a state body
        a3 = a3 or named_body_country(rest) or (country if STATE_BODIES.search(rest) or government_body(rest)
                                                else None)
        body = government_body(rest) or as_acronym(rest) or slug(rest)  # "U.N." and "UN": org:un
        return Canonical(f"org:{a3.lower()}:{body}" if a3 else f"org:{body}", "org", text, a3)
    kind = "place" if label in {"GPE", "LOC"} else label.lower()
    city_of = gaz.capitals.get(fold(text)) if label == "GPE" else None
    key = _singular(slug(text)) if label == "NORP" else slug(text)  # "Republicans" = "Republican"
    return Canonical(f"{label.lower()}:{key}", kind, text, city_of)


class Resolver:
    """Canonical ids with the ledger's aliases: surnames and mislabelled places joined across articles."""

    def __init__(self, conn: sqlite3.Connection, gaz: Gazetteer | None = None):
        self.conn, self.gaz = conn, gaz or gazetteer()

    def _exists(self, cid: str) -> bool:
        return self.conn.execute("SELECT 1 FROM canonical_entities WHERE id = ?", (cid,)).fetchone() is not None

    def full_names(self, surname: str, but: str | None = None) -> list[str]:
        """Persons named in full whose surname is `surname`."""
        rows = self.conn.execute(
            "SELECT DISTINCT a.canonical FROM entity_aliases a JOIN canonical_entities c ON c.id = a.canonical "
            "WHERE a.norm = ? AND a.label = 'PERSON' AND c.kind = 'person' AND c.id != ?",
            (fold(surname), "person:" + slug(surname))).fetchall()
        return [r[0] for r in rows if r[0] != but]

    def person_by_surname(self, name: str) -> str | None:
        """The one person named in full with this surname, or the one named far more often than the others."""
        hits = self.full_names(name)
        if len(hits) <= 1:
            return hits[0] if hits else None
        counts = sorted(((self.conn.execute("SELECT count(DISTINCT article_id) FROM entities WHERE canonical = ?",
                                            (h,)).fetchone()[0], h) for h in hits), reverse=True)
        return counts[0][1] if counts[0][0] >= DOMINANT * max(counts[1][0], 1) else None

    def resolve(self, name: str, label: str, acting: bool = True, country: str | None = None,
                context: str | None = None) -> Canonical | None:
        c = canonicalize(name, label, self.gaz, acting, country, context)
        if c is None:
            return None
        if c.kind == "person" and " " not in c.name:
            hit = self.person_by_surname(c.name)
            if hit:
                return self.canonical(hit) or c
        if c.kind == "org" and c.country is None and self._exists("gpe:" + c.id[4:]):
            return self.canonical("gpe:" + c.id[4:]) or c
        if c.kind == "org" and c.country is None and (acr := as_acronym(name)):
            hit = self.org_by_acronym(acr)
            if hit:
                return self.canonical(hit) or c
        return c

    def org_by_acronym(self, acr: str) -> str | None:
        """The one organisation in the ledger whose name's initials are `acr` ("WHO")."""
        hits = [r[0] for r in self.conn.execute(
            "SELECT DISTINCT canonical FROM entity_aliases WHERE norm = ? AND label = 'ORG'", ("acr:" + acr,))]
        return hits[0] if len(hits) == 1 else None

    def canonical(self, cid: str) -> Canonical | None:
        r = self.conn.execute("SELECT * FROM canonical_entities WHERE id = ?", (cid,)).fetchone()
        return Canonical(r["id"], r["kind"], r["name"], r["country"]) if r else None


def _has_tables(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'canonical_entities'").fetchone() is not None


def resolve(name: str, label: str, ledger: Ledger | None = None) -> str | None:
    """The canonical id of an actor named `name` with NER `label` (a claim's source, a quote's speaker);
    with a ledger, also by the aliases it holds. None for a name that is no entity."""
    if ledger is not None and _has_tables(ledger.conn):
        c = Resolver(ledger.conn).resolve(name, label)
    else:
        c = canonicalize(name, label)
    return c.id if c else None


# -- update ------------------------------------------------------------------------------------------

class _Articles:
    """Article texts and the countries each names, read once per update."""

    def __init__(self, conn: sqlite3.Connection, gaz: Gazetteer):
        self.conn, self.gaz = conn, gaz
        self._text: dict[str, str] = {}
        self._countries: dict[str, set[str]] = {}

    def text(self, aid: str) -> str:
        if aid not in self._text:
            if len(self._text) > 256:
                self._text.clear()
            self._text[aid] = self.conn.execute("SELECT text FROM articles WHERE id = ?", (aid,)).fetchone()[0]
        return self._text[aid]

    def countries(self, aid: str) -> set[str]:
        if aid not in self._countries:
            if len(self._countries) > 256:
                self._countries.clear()
            names = self.conn.execute("SELECT name, label FROM entities WHERE article_id = ? AND label IN "
                                      "('GPE', 'NORP')", (aid,)).fetchall()
            text = self.text(aid).lower()
            self._countries[aid] = {a3 for n, _ in names if (a3 := self.gaz.country(n)) and not (
                fold(n) in AMBIGUOUS and not any(c in text for c in AMBIGUOUS[fold(n)]))}
        return self._countries[aid]


def _mentions(conn: sqlite3.Connection, row_id: int) -> list[tuple[int, int]]:
    return [(r[0], r[1]) for r in conn.execute("SELECT start, end FROM mentions WHERE entity_id = ?", (row_id,))]


def _context_country(gaz: Gazetteer, text: str, start: int) -> str | None:
    """A country that owns a mention in the words right before it: "France's <Ministry>", "the French
    <defence ministry>". A bare country name there ("in Russia <Capitol Police>") owns nothing."""
    words = text[max(0, start - 60):start].split()[-4:]
    for n in range(1, len(words) + 1):
        head = " ".join(words[-n:])
        bare = re.sub(r"['’]s?$", "", head)
        a3 = gaz.country(bare) if bare != head else gaz.demonym(head)
        if a3:
            return a3
    return None


def _acting(conn: sqlite3.Connection, row: sqlite3.Row, text: str, spans) -> bool:
    """Whether a place acts as a state in its article: it is a source, speaker or actor, or a verb of
    saying or deciding follows it."""
    if any(_ACTING.match(text[e:e + 60]) for _, e in spans):
        return True
    aid, key, name = row["article_id"], row["key"], row["name"]
    return conn.execute(
        "SELECT 1 FROM claims WHERE article_id = ? AND source_entity = ? UNION ALL "
        "SELECT 1 FROM quotes WHERE article_id = ? AND speaker_entity = ? UNION ALL "
        "SELECT 1 FROM events WHERE article_id = ? AND actor = ? LIMIT 1",
        (aid, key, aid, key, aid, name)).fetchone() is not None


def _merge(conn: sqlite3.Connection, old: str, new: str) -> None:
    """Fold canonical `old` into `new`: its rows and aliases move over."""
    conn.execute("UPDATE entities SET canonical = ? WHERE canonical = ?", (new, old))
    conn.execute("UPDATE OR IGNORE entity_aliases SET canonical = ? WHERE canonical = ?", (new, old))
    conn.execute("DELETE FROM canonical_entities WHERE id = ?", (old,))


def _add(conn: sqlite3.Connection, c: Canonical, alias: str, label: str) -> None:
    conn.execute("INSERT INTO canonical_entities(id, kind, name, country) VALUES (?, ?, ?, ?) "
                 "ON CONFLICT(id) DO UPDATE SET country = coalesce(country, excluded.country)",
                 (c.id, c.kind, c.name, c.country))
    forms = {fold(alias)}
    if c.kind == "person":
        words = person_words(alias)
        last = surname(words)
        forms |= {fold(" ".join(words))} | ({fold(last)} if last else set())
    elif c.kind == "org" and label == "ORG" and not as_acronym(alias) and (acr := initials(alias)):
        forms.add("acr:" + acr)
    conn.executemany("INSERT OR IGNORE INTO entity_aliases(canonical, norm, alias, label) VALUES (?, ?, ?, ?)",
                     [(c.id, f, alias, label) for f in forms if f])


def _absorb(conn: sqlite3.Connection, res: Resolver, c: Canonical) -> None:
    """A new place takes in an ORG of the same name filed before it arrived."""
    if c.kind == "place" and c.id.startswith("gpe:") and res._exists("org:" + c.id[4:]):
        _merge(conn, "org:" + c.id[4:], c.id)


def _join_acronyms(conn: sqlite3.Connection, res: Resolver, touched: set[str]) -> set[str]:
    """An acronym filed alone ("WHO") joins the organisation whose name arrived later."""
    moved = set()
    for cid in touched:
        if not cid.startswith("org:"):
            continue
        for (norm,) in conn.execute("SELECT DISTINCT norm FROM entity_aliases WHERE canonical = ? "
                                    "AND norm LIKE 'acr:%'", (cid,)).fetchall():
            lone = "org:" + norm[4:]
            if lone != cid and res._exists(lone) and res.org_by_acronym(norm[4:]) == cid:
                _merge(conn, lone, cid)
                moved.add(cid)
    return moved


def _join_surnames(conn: sqlite3.Connection, res: Resolver, touched: set[str]) -> set[str]:
    """Surnames filed alone join the person they now resolve to (the full name may have come later).
    Only the surnames of people this batch touched can have changed."""
    moved = set()
    lone = set()
    for cid in touched:
        if cid.startswith("person:") and (c := res.canonical(cid)) and (last := surname(c.name.split())):
            lone.add("person:" + slug(last))
    for (cid, name) in conn.execute(
            f"SELECT id, name FROM canonical_entities WHERE kind = 'person' AND instr(name, ' ') = 0 "
            f"AND id IN ({', '.join('?' * len(lone))})", sorted(lone)).fetchall():
        hit = res.person_by_surname(name)
        if hit and hit != cid:
            _merge(conn, cid, hit)
            moved.add(hit)
    return moved


def _display_names(conn: sqlite3.Connection, ids: set[str]) -> None:
    """Show a person or organisation by the fullest name it goes by."""
    for cid in ids:
        r = conn.execute("SELECT kind, country FROM canonical_entities WHERE id = ?", (cid,)).fetchone()
        if r is None or r["kind"] == "country":
            continue
        names = [n for (n,) in conn.execute("SELECT DISTINCT alias FROM entity_aliases WHERE canonical = ?", (cid,))]
        if not names:
            continue
        if r["kind"] == "person":
            names = [" ".join(person_words(n)) for n in names]
        best = max(names, key=lambda n: (len(n.split()), len(n)))
        best = re.sub(r"^(?:the|The)\s+", "", best)
        if r["kind"] == "org" and r["country"] and gazetteer().split_country(best)[0] is None \
                and not named_body_country(best):
            best = f"{best} ({gazetteer().name(r['country'])})"
        conn.execute("UPDATE canonical_entities SET name = ? WHERE id = ?", (best, cid))


def _count(conn: sqlite3.Connection, ids: set[str]) -> None:
    """Refresh how many articles name these canonical entities and how often (the lists rank by it), the
    keys they gather, and their mentions per day."""
    ids = [{"id": i} for i in ids]
    conn.executemany("UPDATE canonical_entities SET (articles, mentions, keys) = (SELECT count(DISTINCT article_id), "
                     "coalesce(sum(mentions), 0), json_group_array(DISTINCT key) FROM entities WHERE canonical = :id) "
                     "WHERE id = :id", ids)
    conn.executemany("DELETE FROM entity_days WHERE canonical = :id", ids)
    conn.executemany("INSERT INTO entity_days(canonical, day, articles, mentions) SELECT canonical, published, "
                     "count(DISTINCT article_id), sum(mentions) FROM entities WHERE canonical = :id "
                     "GROUP BY published", ids)


@dataclass(frozen=True)
class EntityOptions:
    batch: int = 2000  # entity rows resolved per transaction


def update(ledger: Ledger, options: EntityOptions | None = None) -> int:
    """Give every entity row stored since the last run its canonical entity; returns how many."""
    conn = ledger.conn
    gaz = gazetteer()
    res = Resolver(conn, gaz)
    arts = _Articles(conn, gaz)
    done = 0
    while True:
        with conn:
            r = conn.execute("SELECT last_id FROM canonical_progress WHERE step = ?", (STEP,)).fetchone()
            last = r[0] if r else 0
            rows = conn.execute("SELECT * FROM entities WHERE id > ? ORDER BY id LIMIT ?", (last, (options or EntityOptions()).batch)).fetchall()
            if not rows:
                return done
            touched: set[str] = set()
            for row in rows:
                c = _canonical_for(conn, res, arts, row)
                if c is None:
                    continue
                new = not res._exists(c.id)
                _add(conn, c, row["name"], row["label"])
                if new:
                    _absorb(conn, res, c)
                conn.execute("UPDATE entities SET canonical = ? WHERE id = ?", (c.id, row["id"]))
                touched.add(c.id)
            touched |= _join_surnames(conn, res, touched) | _join_acronyms(conn, res, touched)
            _display_names(conn, {t for t in touched if res._exists(t)})
            _count(conn, touched)
            conn.execute("INSERT INTO canonical_progress(step, last_id) VALUES (?, ?) "
                         "ON CONFLICT(step) DO UPDATE SET last_id = excluded.last_id", (STEP, rows[-1]["id"]))
            done += len(rows)


def _canonical_for(conn, res: Resolver, arts: _Articles, row: sqlite3.Row) -> Canonical | None:
    name, label, aid = row["name"], row["label"], row["article_id"]
    acting, country = False, None
    if label in {"GPE", "ORG"} and fold(name) in res.gaz.capitals:
        acting = _acting(conn, row, arts.text(aid), _mentions(conn, row["id"]))
    if label == "ORG":
        text, spans = arts.text(aid), _mentions(conn, row["id"])
        for s, _ in spans:
            if country := _context_country(res.gaz, text, s):
                break
        if country is None and government_body(name) and len(cs := arts.countries(aid)) == 1:
            country = next(iter(cs))  # a ministry in an article about one country is that country's
    context = arts.text(aid) if fold(name) in AMBIGUOUS else None
    return res.resolve(name, label, acting=acting, country=country, context=context)


def rebuild(ledger: Ledger) -> int:
    """Forget every canonical entity and resolve all entity rows again (after a gazetteer change)."""
    with ledger.conn as c:
        c.execute("UPDATE entities SET canonical = NULL")
        c.execute("DELETE FROM entity_aliases")
        c.execute("DELETE FROM canonical_entities")
        c.execute("DELETE FROM canonical_progress WHERE step = ?", (STEP,))
    return update(ledger)


# -- queries -----------------------------------------------------------------------------------------
# Lists read the counts `update` keeps on canonical_entities (index canonical_entities_rank): at tens of
# thousands of articles, aggregating every entity row per request is seconds, not milliseconds.

_NAMES = ("SELECT json_group_array(DISTINCT alias) AS aliases, json_group_array(DISTINCT label) AS labels "
          "FROM entity_aliases WHERE canonical = ?")


def _entity(conn: sqlite3.Connection, r: sqlite3.Row) -> CanonicalEntity:
    names = conn.execute(_NAMES, (r["id"],)).fetchone()
    return CanonicalEntity(r["id"], r["kind"], r["name"], r["country"], tuple(sorted(json.loads(names["labels"]))),
                           tuple(sorted(json.loads(names["aliases"]), key=str.lower)), r["articles"], r["mentions"])


def list_entities(ledger: Ledger, label: str | None = None, limit: int | None = None, offset: int = 0,
                  name: str | None = None) -> list[CanonicalEntity]:
    """Canonical entities, most widely named first; `label` keeps those named at least once with that NER
    label, `name` those with a name or alias containing it. Rows not reconciled yet are not listed."""
    if not _has_tables(ledger.conn):
        return []
    where, args = [], []
    if label:
        where.append("EXISTS (SELECT 1 FROM entity_aliases a WHERE a.canonical = c.id AND a.label = ?)")
        args.append(label)
    if name:
        where.append("(c.name LIKE ? ESCAPE '\\' OR EXISTS (SELECT 1 FROM entity_aliases a "
                     "WHERE a.canonical = c.id AND a.alias LIKE ? ESCAPE '\\'))")
        args += [like_pattern(name)] * 2
    sql = ("SELECT * FROM canonical_entities c " + ("WHERE " + " AND ".join(where) if where else "")
           + " ORDER BY c.articles DESC, c.mentions DESC, c.name LIMIT ? OFFSET ?")
    rows = ledger.conn.execute(sql, [*args, -1 if limit is None else limit, offset]).fetchall()
    return [_entity(ledger.conn, r) for r in rows]


def get_entity(ledger: Ledger, id: str) -> CanonicalEntity:
    """One canonical entity by id, or a per-article key whose rows are not reconciled."""
    conn = ledger.conn
    r = conn.execute("SELECT * FROM canonical_entities WHERE id = ?", (id,)).fetchone() \
        if _has_tables(conn) else None
    if r is not None:
        return _entity(conn, r)
    r = conn.execute("SELECT min(name) AS name, json_group_array(DISTINCT name) AS aliases, "
                     "json_group_array(DISTINCT label) AS labels, count(DISTINCT article_id) AS articles, "
                     "coalesce(sum(mentions), 0) AS mentions FROM entities WHERE key = ? AND canonical IS NULL",
                     (id,)).fetchone()
    if not r["articles"]:
        raise NotFound("entity", id)
    labels = tuple(sorted(json.loads(r["labels"])))
    kind = id.split(":", 1)[0] if ":" in id else labels[0].lower()
    return CanonicalEntity(id, kind, r["name"], None, labels, tuple(sorted(json.loads(r["aliases"]), key=str.lower)),
                           r["articles"], r["mentions"])
