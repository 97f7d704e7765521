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
from dataclasses import dataclass
from datetime import date, timedelta
from statistics import median_low
from urllib.parse import urlparse

from ..errors import NotFound
from ..models import MEASURES, Figure, FigureClaim, Mention  # noqa: F401 (re-exported)
from ..store import Ledger, progress
from ..store import figures as store
from ..store import stories as story_store
from ..store.figures import ClaimRow, list_figures  # noqa: F401 (re-exported: the CLI, API and pages list by it)
from . import dedup
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


def eligible(row: ClaimRow) -> bool:
    """A count of something measured: no unit, no change, a whole number."""
    if row.measure not in MEASURES or row.measure == "other" or row.unit or row.change:
        return False
    vals = [v for v in (row.point, row.low, row.high) if v is not None]
    return bool(vals) and all(v >= 1 or v == 0 for v in vals)


# -- the ledger around a claim -----------------------------------------------------------------------

@dataclass(frozen=True)
class FigureOptions:
    """How close in time reports must be, and how rare a shared entity, to join one figure."""
    window_days: int = WINDOW_DAYS
    rare_share: float = RARE_SHARE
    rare_min: int = RARE_MIN
    batch: int = 5000  # claims filed per transaction


class _Context:
    """Stories, near-duplicate originals and article entities, looked up once per article."""

    def __init__(self, ledger: Ledger, options: FigureOptions):
        self.ledger, self.options = ledger, options
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
        return self._memo("story", aid, lambda: story_store.story_of(self.ledger, aid))

    def origin(self, aid: str) -> str:
        return self._memo("origin", aid, lambda: dedup.original_of(self.ledger, aid) or aid)

    def anchors(self, aid: str) -> frozenset[str]:
        """The places, facilities, events and people the article names, countries aside."""
        return self._memo("anchors", aid, lambda: frozenset(
            e for e in store.anchors(self.ledger, aid, ANCHOR_LABELS) if not e.startswith("country:")))

    def rare(self, cid: str) -> bool:
        """Whether few articles name an entity, so that sharing it ties two reports."""
        if self._rare_max is None:
            n = self.ledger.count("articles")
            self._rare_max = max(self.options.rare_min, int(self.options.rare_share * n))
        return self._memo("df", cid, lambda: store.articles_naming(self.ledger, cid)) <= self._rare_max

    def published(self, aid: str) -> str | None:
        return self._memo("published", aid, lambda: store.published(self.ledger, aid))


def _source(ledger: Ledger, row: ClaimRow, origin: str) -> tuple[str, str | None]:
    """(key, name shown) of who makes a claim: its canonical entity, its name, or the article itself."""
    if row.source_entity:
        e = store.source_entity(ledger, row.article_id, row.source_entity)
        if e and e[0]:
            return e[0], e[1] or row.source_name
    if row.source_name:
        name = re.sub(r"^(?:a|an|the|one)\s+", "", fold(row.source_name))
        return "name:" + name, row.source_name
    outlet = _outlet(store.article_source(ledger, origin))
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


def _near(day: str | None, first: str | None, last: str | None, window_days: int = WINDOW_DAYS) -> bool:
    if not day or not first:
        return True
    d, w = date.fromisoformat(day), timedelta(days=window_days)
    return date.fromisoformat(first) - w <= d <= date.fromisoformat(last or first) + w


# -- update ------------------------------------------------------------------------------------------

def _find(ledger: Ledger, ctx: _Context, measure, grp, country, aid, origin, day) -> str | None:
    story = ctx.story(aid)
    window = ctx.options.window_days
    for f in store.candidates(ledger, measure, grp, country, day, window):
        if not _near(day, f.first, f.last, window):
            continue
        fstory = ctx.story(f.anchor)
        if story is not None and fstory is not None:
            if story == fstory:
                return f.id
            continue
        arts = store.origins(ledger, f.id)
        if origin in arts:
            return f.id
        mine = ctx.anchors(aid)
        theirs = frozenset().union(*(ctx.anchors(a) for a in arts))
        if any(ctx.rare(e) for e in mine & theirs):
            return f.id
    return None


def _summarize(ledger: Ledger, fid: str) -> None:
    rows = store.filed(ledger, fid)
    if not rows:
        store.delete(ledger, fid)
        return
    lows = [next(v for v in (r.low, r.point, r.high) if v is not None) for r in rows]
    highs = [next(v for v in (r.high, r.point, r.low) if v is not None) for r in rows]
    latest: dict[str, float] = {}
    for r in rows:  # oldest first: each source's last word wins
        latest[r.source_key] = r.point if r.point is not None else (r.low if r.low is not None else r.high)
    days = [r.day for r in rows if r.day]
    store.summarize(ledger, fid, min(lows), median_low(sorted(latest.values())), max(highs),
                    min(days, default=None), max(days, default=None), len(latest))


def _merge_same_story(ledger: Ledger, ctx: _Context, fid: str) -> str:
    """Stories merge as articles arrive: two figures of the same quantity in one story become one."""
    f = store.head(ledger, fid)
    story = ctx.story(f.anchor) if f else None
    if story is None:
        return fid
    for oid, anchor in store.same_quantity(ledger, f):
        if ctx.story(anchor) == story:
            store.move(ledger, fid, oid)
            return oid
    return fid


def update(ledger: Ledger, options: FigureOptions | None = None) -> int:
    """File every claim stored since the last run into a figure; returns how many claims were read."""
    options = options or FigureOptions()
    ctx = _Context(ledger, options)
    done = 0
    while True:
        with ledger.transaction():
            rows = store.claims_after(ledger, progress.last_id(ledger, STEP), options.batch)
            if not rows:
                return done
            touched: set[str] = set()
            for row in rows:
                if eligible(row):
                    touched.add(_file(ledger, ctx, row))
            for fid in sorted(touched):
                _summarize(ledger, _merge_same_story(ledger, ctx, fid))
            progress.advance(ledger, STEP, rows[-1].id)
            done += len(rows)


def _file(ledger: Ledger, ctx: _Context, row: ClaimRow) -> str:
    aid = row.article_id
    origin = ctx.origin(aid)
    grp, country = counted_group(row.counted)
    day = report_day(ctx.published(aid), row.time)
    fid = _find(ledger, ctx, row.measure, grp, country, aid, origin, day)
    if fid is None:
        fid = hashlib.sha1(f"{row.measure}|{grp}|{country}|{aid}|{row.start}".encode()).hexdigest()[:12]
        store.add(ledger, fid, row.measure, shown_group(grp, country), grp, country, aid, day)
    else:  # keep the window current for the claims that follow in this batch
        store.widen(ledger, fid, day)
    key, shown = _source(ledger, row, origin)
    value = f"{row.point}|{row.low}|{row.high}|{row.qualifier}"
    store.file(ledger, row.id, fid, key, shown, f"{key}|{value}", origin, day)
    return fid


def rebuild(ledger: Ledger) -> int:
    """Drop every figure and file all claims again, from scratch."""
    with ledger.transaction():
        store.forget_all(ledger)
        progress.forget(ledger, STEP)
    return update(ledger)


# -- queries -----------------------------------------------------------------------------------------

def get_figure(ledger: Ledger, id: str) -> Figure:
    """One figure by id or unique id prefix."""
    f = store.get_figure(ledger, id)
    if f is None:
        raise NotFound("figure", id)
    return f
