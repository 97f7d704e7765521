"""The web layer's view of `newsledger.reconcile` (stories, figures, canonical entities).

Reconciliation is optional for the server: a module that is not installed yet, or a ledger not reconciled
yet, reads as "nothing reconciled" (empty lists, 404s), and entities fall back to the store's per-article
keys. Records are read by attribute or key, so this module is the one place that knows their shapes. Lists
are cached per version of the database file: they are derived from the whole ledger, and the ledger changes
only when something is ingested.
"""
from __future__ import annotations

import importlib
import os
import threading
from dataclasses import dataclass, fields, is_dataclass
from datetime import date, datetime

from ..errors import NotFound
from ..models import Value
from ..present import figure as figure_text
from ..reconcile.figures import report_day
from ..store import Ledger
from ..store import pages as queries


def _get(obj, *names, default=None):
    """The first of `names` that `obj` has, as an attribute or a key."""
    for n in names:
        if isinstance(obj, dict):
            if n in obj.keys() and obj[n] is not None:
                return obj[n]
        elif getattr(obj, n, None) is not None:
            return getattr(obj, n)
    return default


def _day(x) -> str | None:
    if x is None:
        return None
    if isinstance(x, datetime | date):
        return x.isoformat()[:10]
    return str(x)


def _name(x) -> str | None:
    """A source or speaker given as a Party, a dict or a plain name."""
    if x is None or isinstance(x, str):
        return x
    return _get(x, "name", "entity")


def _num(x) -> float | None:
    return float(x) if isinstance(x, int | float) and not isinstance(x, bool) else None


def _plain(x):
    """A record as JSON-ready data, for fields this module does not know."""
    if is_dataclass(x) and not isinstance(x, type):
        return {f.name: _plain(getattr(x, f.name)) for f in fields(x)}
    if isinstance(x, dict):
        return {str(k): _plain(v) for k, v in x.items()}
    if isinstance(x, list | tuple | set | frozenset):
        return [_plain(v) for v in x]
    if isinstance(x, date | datetime):
        return x.isoformat()
    if isinstance(x, str | int | float | bool) or x is None:
        return x
    return str(x)


# -- views --------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class FigureClaim:
    article_id: str | None
    source: str | None
    text: str
    point: float | None
    low: float | None
    high: float | None
    qualifier: str
    published: str | None
    when: str | None  # when it was reported: its article's date (else the date it speaks for)
    claim_id: int | None  # the claim's row in the ledger
    shown: str  # as a reader writes it: "~3,500"
    # Every (article, date, claim row) where this source gave this value: repeats and syndicated copies.
    mentions: tuple[tuple[str | None, str | None, int | None], ...] = ()


@dataclass(frozen=True)
class FigureView:
    id: str
    measure: str | None
    counted: str | None
    low: float | None
    best: float | None
    high: float | None
    first: str | None
    last: str | None
    claims: tuple[FigureClaim, ...]

    @property
    def sources(self) -> list[str]:
        return sorted({c.source or "unattributed" for c in self.claims})

    @property
    def spread(self) -> float:
        """How far the estimates are apart, relative to the best one: 0 when all agree."""
        if self.low is None or self.high is None:
            return 0.0
        return (self.high - self.low) / max(abs(self.best or self.high or 1.0), 1.0)

    @property
    def label(self) -> str:
        what = " ".join(x for x in (self.measure, self.counted and f"({self.counted})") if x)
        return what or f"figure {self.id}"


@dataclass(frozen=True)
class StoryView:
    id: str
    title: str | None
    article_ids: tuple[str, ...]
    first: str | None
    last: str | None
    extra: dict
    copies: dict  # article id -> the article it is a syndicated copy of


@dataclass(frozen=True)
class EntityView:
    id: str
    name: str
    label: str | None
    articles: int | None
    mentions: int | None
    aliases: tuple[str, ...]
    keys: tuple[str, ...]  # the store's per-article entity keys it gathers
    extra: dict
    labels: tuple[str, ...] = ()  # every NER label it was named with


def _figure_claim(c) -> FigureClaim:
    v = _get(c, "value")
    if isinstance(v, Value) or (v is not None and not isinstance(v, int | float)):
        point, low, high = _num(_get(v, "point")), _num(_get(v, "low")), _num(_get(v, "high"))
    else:
        point, low, high = _num(v), _num(_get(c, "low")), _num(_get(c, "high"))
    qualifier = _get(c, "qualifier", default="exact")
    art = _get(c, "article_id", "article")
    art_id = _get(art, "id") if art is not None and not isinstance(art, str) else art
    published = _day(_get(c, "published") or (_get(art, "published") if not isinstance(art, str | None) else None))
    time = _day(_get(c, "time", "date"))
    when = report_day(published, time)
    claim_id = _get(c, "claim", "claim_id", "id")
    mentions = tuple((_get(m, "article", "article_id"), _day(_get(m, "published")), _get(m, "claim", "claim_id"))
                     for m in (_get(c, "mentions") or ()))
    return FigureClaim(art_id, _name(_get(c, "source", "source_name")), _get(c, "text", default=""),
                       point, low, high, qualifier, published, when,
                       claim_id if isinstance(claim_id, int) else None,
                       figure_text(Value(point, low, high), qualifier, _get(c, "unit")),
                       mentions or ((art_id, published, claim_id if isinstance(claim_id, int) else None),))


def _figure(f) -> FigureView:
    claims = tuple(_figure_claim(c) for c in (_get(f, "claims") or ()))
    days = sorted(c.when for c in claims if c.when)
    return FigureView(str(_get(f, "id")), _get(f, "measure"), _get(f, "counted"),
                      _num(_get(f, "low")), _num(_get(f, "best")), _num(_get(f, "high")),
                      _day(_get(f, "first")) or (days[0] if days else None),
                      _day(_get(f, "last")) or (days[-1] if days else None), claims)


def _ids(items) -> tuple[str, ...]:
    out = []
    for a in items or ():
        out.append(a if isinstance(a, str) else _get(a, "article_id", "id"))
    return tuple(str(a) for a in out if a is not None)


def _story(s) -> StoryView:
    known = {"id", "title", "label", "headline", "articles", "article_ids", "members", "first", "last"}
    extra = {k: v for k, v in (_plain(s) or {}).items() if k not in known} if not isinstance(s, str) else {}
    members = _get(s, "articles", "article_ids", "members") or ()
    copies = {str(_get(a, "id")): str(_get(a, "copy_of")) for a in members
              if not isinstance(a, str) and _get(a, "copy_of")}
    return StoryView(str(_get(s, "id")), _get(s, "title", "label", "headline"), _ids(members),
                     _day(_get(s, "first")), _day(_get(s, "last")), extra, copies)


def _entity(e, ledger: Ledger | None = None) -> EntityView:
    """An entity as the pages show it; with `ledger`, also the store keys it gathers (one query: details only)."""
    eid = str(_get(e, "id", "key"))
    keys = _get(e, "keys", "members", "entity_keys")
    keys = tuple(k if isinstance(k, str) else _get(k, "key", "id") for k in keys) if keys else ()
    if not keys and ledger is not None:
        keys = tuple(queries.entity_keys(ledger, eid))
    name = str(_get(e, "name", "canonical", default=eid))
    aliases = tuple(x for x in (a if isinstance(a, str) else str(_get(a, "name", "text"))
                                for a in _get(e, "aliases", default=())) if x != name)
    known = {"id", "key", "name", "label", "articles", "mentions", "aliases", "keys", "members", "entity_keys",
             "labels"}
    extra = {k: v for k, v in _plain(e).items() if k not in known} if not isinstance(e, str) else {}
    arts, ments = _get(e, "articles"), _get(e, "mentions")
    label = _get(e, "label", "type")
    labels = tuple(_get(e, "labels") or ((label,) if label else ()))
    if not label and labels:  # the label it is best known by: PERSON over ORG over the rest
        label = next((x for x in ("PERSON", "ORG", "GPE", "NORP", "LOC") if x in labels), labels[0])
    return EntityView(eid, name, label,
                      arts if isinstance(arts, int) else None, ments if isinstance(ments, int) else None,
                      aliases, keys, extra, labels)


# -- the adapter --------------------------------------------------------------------------------------

def _module(name: str):
    try:
        return importlib.import_module(f"newsledger.reconcile.{name}")
    except ImportError:
        return None


def _call(module: str, func: str, *args, **kwargs):
    """The reconcile function's answer, or None when the module or the function is missing (the tables are
    there: migrations create them)."""
    mod = _module(module)
    fn = getattr(mod, func, None) if mod else None
    if fn is None:
        return None
    try:
        return fn(*args, **kwargs)
    except NotFound:
        return None


class Reconciled:
    """Stories, figures and entities for the pages and the API, cached per database version."""

    def __init__(self, db_path: str):
        self.db_path = db_path
        self._lock = threading.Lock()
        self._building: dict[str, threading.Lock] = {}
        self._cache: dict[str, tuple[tuple, object]] = {}

    def version(self) -> tuple:
        """Changes whenever the database is written (the main file or its WAL)."""
        out = []
        for p in (self.db_path, self.db_path + "-wal"):
            try:
                st = os.stat(p)
                out.append((st.st_mtime_ns, st.st_size))
            except OSError:
                out.append(None)
        return tuple(out)

    def _cached(self, name: str, build):
        v = self.version()
        hit = self._cache.get(name)
        if hit and hit[0] == v:
            return hit[1]
        with self._lock:
            building = self._building.setdefault(name, threading.Lock())
        with building:  # one build per list at a time: a request that arrives meanwhile waits for it
            hit = self._cache.get(name)
            if hit and hit[0] == v:
                return hit[1]
            value = build()
            self._cache[name] = (v, value)
        return value

    def warm(self, ledger: Ledger) -> None:
        """Build the cached lists now (the server does it as it starts), not on a reader's first request."""
        self.ranked(ledger)
        self.figure_of_claim(ledger)
        self.figures_of(ledger, ())
        self.stories(ledger)
        self.counts(ledger)

    def clear(self) -> None:
        with self._lock:
            self._cache.clear()

    # figures

    def figures(self, ledger: Ledger) -> list[FigureView]:
        return self._cached("figures", lambda: [_figure(f) for f in (_call("figures", "list_figures", ledger) or [])])

    def figure(self, ledger: Ledger, figure_id: str) -> FigureView | None:
        f = _call("figures", "get_figure", ledger, figure_id)
        if f is None:  # ids may be ints in the module: the cached list answers for those too
            return next((x for x in self.figures(ledger) if x.id == figure_id), None)
        return _figure(f)

    def ranked(self, ledger: Ledger) -> list[FigureView]:
        """Every figure, those whose sources disagree most first: more sources, then a wider spread."""
        return self._cached("ranked", lambda: sorted(
            self.figures(ledger), key=lambda f: (-len(f.sources), -f.spread, -len(f.claims), f.id)))

    def disputed(self, ledger: Ledger, n: int) -> list[FigureView]:
        """The most disputed figures: more than one source or value behind them."""
        return [f for f in self.ranked(ledger) if len(f.claims) > 1][:n]

    def figure_of_claim(self, ledger: Ledger) -> dict[int, str]:
        """Claim row id -> the figure it was filed in, for every mention of every statement."""
        def build():
            out: dict[int, str] = {}
            for f in self.figures(ledger):
                for c in f.claims:
                    for _, _, claim in c.mentions:
                        if claim is not None:
                            out.setdefault(claim, f.id)
            return out
        return self._cached("figure_of_claim", build)

    def figures_of(self, ledger: Ledger, article_ids) -> list[FigureView]:
        """The figures any of these articles report (any mention), in list order."""
        def build():
            out: dict[str, list[int]] = {}
            for i, f in enumerate(self.figures(ledger)):
                for c in f.claims:
                    for art, _, _ in c.mentions:
                        got = out.setdefault(art, [])
                        if not got or got[-1] != i:  # figures come in order: a repeat is the last one
                            got.append(i)
            return out
        by_article = self._cached("figures_of", build)
        figs = self.figures(ledger)
        return [figs[i] for i in sorted({i for a in article_ids for i in by_article.get(a, ())})]

    # stories

    def stories(self, ledger: Ledger) -> list[StoryView]:
        def build():
            out = [_story(s) for s in (_call("stories", "list_stories", ledger) or [])]
            return sorted(out, key=lambda s: (s.last or "", s.id), reverse=True)
        return self._cached("stories", build)

    def story(self, ledger: Ledger, story_id: str) -> StoryView | None:
        s = _call("stories", "get_story", ledger, story_id)
        if s is None:
            return next((x for x in self.stories(ledger) if x.id == story_id), None)
        return _story(s)

    # entities

    def entities(self, ledger: Ledger, label: str | None = None, limit: int = 50, offset: int = 0,
                 name: str | None = None) -> list[EntityView]:
        """A page of canonical entities, most widely named first (read from counts reconciliation keeps,
        so not cached: a page is one indexed query)."""
        got = _call("entities", "list_entities", ledger, label=label, limit=limit, offset=offset, name=name)
        return [_entity(e) for e in got or ()]

    def entity(self, ledger: Ledger, entity_id: str) -> EntityView | None:
        """An entity by canonical id or by a per-article key (read as the canonical entity it joined)."""
        e = _call("entities", "get_entity", ledger, entity_id)
        if e is None and (canonical := queries.canonical_of(ledger, entity_id)) not in (None, entity_id):
            e = _call("entities", "get_entity", ledger, canonical)
        return _entity(e, ledger) if e is not None else None

    def counts(self, ledger: Ledger) -> dict[str, int]:
        return self._cached("counts", lambda: queries.counts(ledger))
