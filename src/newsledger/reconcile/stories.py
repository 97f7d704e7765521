"""Stories: articles about the same real-world event, grouped as they arrive.

Each article is a TF-IDF vector of its wording: lower-cased words and numbers without stop words, the title's
words counted `title_weight` times more, sublinear term frequency, smoothed IDF over every reconciled article,
unit length. A new article joins the existing story whose articles published within `window_days` of it are
on average most similar to it (cosine, average link), when that average is at least `threshold`; otherwise it
starts a story. A syndicated copy (see `dedup`) joins its original's story and takes no part in the
averages, so a wire story printed ten times does not outweigh the rest. The articles of one update are taken
in order of publication, as a reader would have met them; an undated one is taken to be as recent as the
dated articles it arrived with. Assignments are kept: a later update only places the articles that are new,
each exactly once (under the write lock), so every stored article is in exactly one story.

The thresholds were tuned on ../shared/data/giveme5w1h/news_cluster (bench/eval_stories.py); docs/stories.md
gives the measurements behind each.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, NamedTuple

import numpy as np

from ..errors import NotFound
from ..models import Story, StoryArticle  # noqa: F401 (re-exported)
from ..store import Ledger
from ..store import stories as store
from . import dedup

if TYPE_CHECKING:
    from scipy import sparse

_TOKEN = re.compile(r"[^\W\d_](?:[\w'’-]*\w)?|\d+(?:[.,]\d+)*")
_POSSESSIVE = re.compile(r"'s\b")
_UNDATED = -1


@dataclass(frozen=True)
class StoryOptions:
    threshold: float = 0.12  # least average cosine similarity to join a story
    title_weight: int = 3  # a headline word counts as this many words of the body
    window_days: int = 365  # only articles this close in time are compared (follow-ups come months later)
    chunk: int = 256  # articles read, or compared with the ledger in one matrix product, at a time


# -- wording ---------------------------------------------------------------------------------------


def terms(text: str, title: str | None, options: StoryOptions) -> Counter:
    """The words an article is compared by, with counts (the title's weighted)."""
    counts = Counter(_words(text))
    for w in _words(title or ""):
        counts[w] += options.title_weight
    return counts


def _words(text: str) -> list[str]:
    from spacy.lang.en.stop_words import STOP_WORDS  # only when there are articles to place

    # Whole-text operations first: per-word Python work is what placing many articles costs.
    text = _POSSESSIVE.sub("", text.lower().replace("’", "'"))
    return [w for w in _TOKEN.findall(text) if len(w) > 2 and w not in STOP_WORDS]


# -- assignment ------------------------------------------------------------------------------------


def _ordinal(published: str | None) -> int:
    return date.fromisoformat(published).toordinal() if published else _UNDATED


class _New(NamedTuple):
    id: str
    published: str | None
    original_id: str
    label: str | None = None


@dataclass
class _Open:
    """A story as the update sees it: its date span and, for a new one, what to store."""

    id: str
    first: int
    last: int
    label: str | None = None
    new: bool = False
    touched: bool = False

    def add(self, when: int) -> None:
        if when != _UNDATED:
            self.first = when if self.first == _UNDATED else min(self.first, when)
            self.last = max(self.last, when)
        self.touched = True


def update(ledger: Ledger, options: StoryOptions | None = None) -> int:
    """Place every article that is in no story yet; returns how many were placed."""
    options = options or StoryOptions()
    dedup.update(ledger)  # stories need to know which articles are copies
    if not store.any_pending(ledger):
        return 0  # up to date: no write lock taken
    with ledger.transaction(lock=True):
        new = [_New(*r) for r in store.pending(ledger)]
        return _update(ledger, new, options) if new else 0


def _update(ledger: Ledger, new: list[_New], options: StoryOptions) -> int:
    labels: dict[str, str | None] = {}
    rows: dict[str, tuple[np.ndarray, np.ndarray]] = {}
    # Texts in slices: only each article's term ids and counts are kept, not its text or a dict of words.
    for i in range(0, len(new), options.chunk):
        part = [r.id for r in new[i : i + options.chunk]]
        counts: dict[str, Counter] = {}
        for aid, title, text, body_end in store.texts(ledger, part):
            body = text if body_end is None else text[:body_end]
            counts[aid] = terms(body, title, options)
            labels[aid] = _label(title, body)
        df = Counter(t for c in counts.values() for t in c)
        ids = store.add_terms(ledger, df)
        for aid, c in counts.items():
            rows[aid] = (
                np.fromiter((ids[t] for t in c), dtype=np.int32, count=len(c)),
                np.fromiter(c.values(), dtype=np.float32, count=len(c)),
            )
    new = [r._replace(label=labels[r.id]) for r in new]
    placed, touched = _place(ledger, new, rows, options)
    for s in touched:
        first = date.fromordinal(s.first).isoformat() if s.first != _UNDATED else None
        last = date.fromordinal(s.last).isoformat() if s.last != _UNDATED else None
        if s.new:
            store.save(ledger, s.id, s.label, first, last)
        elif s.touched:
            store.set_span(ledger, s.id, first, last)
    # After the stories: each row points at one.
    store.place(ledger, [(aid, sid, sim, _pack(*rows[aid])) for aid, sid, sim in placed])
    return len(new)


def _pack(ids: np.ndarray, counts: np.ndarray) -> bytes:
    return ids.astype("<i4").tobytes() + counts.astype("<f4").tobytes()


def _unpack(blob: bytes) -> tuple[np.ndarray, np.ndarray]:
    n = len(blob) // 8
    return np.frombuffer(blob, "<i4", n), np.frombuffer(blob, "<f4", n, 4 * n)


def _place(
    ledger: Ledger, new: list[_New], vectors: dict[str, tuple[np.ndarray, np.ndarray]], options: StoryOptions
) -> tuple[list[tuple[str, str, float | None]], list[_Open]]:
    """(article, story, similarity) for every new article, and the stories it touched."""
    originals = [r for r in new if r.original_id == r.id]
    dates = [_ordinal(r.published) for r in originals]
    old = _neighbours(ledger, dates, options)
    stories: dict[str, _Open] = {}
    for sid, first, last in store.spans(ledger, sorted({o[1] for o in old})):
        stories[sid] = _Open(sid, _ordinal(first), _ordinal(last))

    # One row per compared article: the old ones near in time, then the new originals in date order.
    rows = [_unpack(o[2]) for o in old] + [vectors[r.id] for r in originals]
    when = np.array([_ordinal(o[3]) for o in old] + dates, dtype=np.int64)
    index = {s: i for i, s in enumerate(stories)}
    story_of = np.array([index[o[1]] for o in old] + [-1] * len(originals), dtype=np.int64)
    matrix = _vectors(ledger, rows)
    dated = np.flatnonzero(when != _UNDATED)
    undated = np.flatnonzero(when == _UNDATED)
    order = dated[np.argsort(when[dated], kind="stable")]
    order_when = when[order]
    span = options.window_days
    out: list[tuple[str, str, float | None]] = []
    ids = list(stories)
    n_old = len(old)
    for start in range(0, len(originals), options.chunk):
        chunk = np.arange(n_old + start, n_old + min(start + options.chunk, len(originals)))
        cw = when[chunk]
        if (cw == _UNDATED).any():
            near = np.arange(len(rows))
        else:
            lo, hi = np.searchsorted(order_when, [cw.min() - span, cw.max() + span + 1])
            near = np.concatenate([order[lo:hi], undated])
        sims = (matrix[chunk] @ matrix[near].T).toarray()
        member, near_when = story_of[near], when[near]  # kept in step as the chunk's articles are placed
        position = np.full(len(rows), -1)
        position[near] = np.arange(len(near))
        for k, row in enumerate(chunk):
            w = when[row]
            ok = member >= 0
            if w != _UNDATED:
                ok &= (near_when == _UNDATED) | (np.abs(near_when - w) <= span)
            best, score = -1, 0.0
            if ok.any():
                total = np.bincount(member[ok], weights=sims[k][ok], minlength=len(ids))
                size = np.bincount(member[ok], minlength=len(ids))
                mean = np.divide(total, size, out=np.zeros_like(total), where=size > 0)
                best = int(np.argmax(mean))
                score = float(mean[best])
            r = originals[row - n_old]
            if best < 0 or score < options.threshold:
                s = _Open(r.id, _UNDATED, _UNDATED, r.label, new=True)
                stories[s.id] = s
                ids.append(s.id)
                best, similarity = len(ids) - 1, None
            else:
                similarity = round(score, 4)
            story_of[row] = best
            if position[row] >= 0:
                member[position[row]] = best
            stories[ids[best]].add(w)
            out.append((r.id, ids[best], similarity))

    # Copies last: their original may be new too, and is placed by now.
    placed = {aid: sid for aid, sid, _ in out}
    for r in new:
        if r.original_id != r.id:
            sid = placed.get(r.original_id) or store.story_of(ledger, r.original_id)
            if sid is None:  # its original is in no story (cannot happen after a full update): start one
                sid = r.id
                stories[sid] = _Open(sid, _UNDATED, _UNDATED, r.label, new=True)
            elif sid not in stories:
                s = store.span(ledger, sid)
                stories[sid] = _Open(sid, _ordinal(s[0]), _ordinal(s[1]))
            stories[sid].add(_ordinal(r.published))
            out.append((r.id, sid, None))
    return out, list(stories.values())


def _neighbours(ledger: Ledger, dates: list[int], options: StoryOptions) -> list[tuple]:
    """(article, story, terms, published) of the placed originals that a new article may be compared with."""
    if not dates:
        return []
    dated = [d for d in dates if d != _UNDATED]
    if not dated:  # nothing to place them in time by: compare with everything
        return store.neighbours(ledger)
    # An undated article is taken to be as recent as the articles it arrived with.
    lo = date.fromordinal(max(1, min(dated) - options.window_days)).isoformat()  # a bogus year 1 stays valid
    hi = date.fromordinal(min(date.max.toordinal(), max(dated) + options.window_days)).isoformat()
    return store.neighbours(ledger, (lo, hi))


def _vectors(ledger: Ledger, rows: list[tuple[np.ndarray, np.ndarray]]) -> sparse.csr_matrix:
    """Unit-length TF-IDF rows (sublinear tf, smoothed idf over every placed article), float32 and built in
    place: on a large ledger this matrix is most of an update's memory."""
    from scipy import sparse

    if not rows:
        return sparse.csr_matrix((0, 0), dtype=np.float32)
    lengths = np.fromiter((len(ids) for ids, _ in rows), dtype=np.int64, count=len(rows))
    indptr = np.concatenate([[0], np.cumsum(lengths)])
    vocab, cols = np.unique(np.concatenate([ids for ids, _ in rows]), return_inverse=True)
    df = np.ones(len(vocab))
    known = np.array(store.term_df(ledger, vocab.tolist()), dtype=np.int64).reshape(-1, 2)
    df[np.searchsorted(vocab, known[:, 0])] = known[:, 1]
    # Every article counted in story_terms: those placed before and those of this update.
    total = ledger.count("articles")
    idf = (1.0 + np.log((1 + total) / (1 + df))).astype(np.float32)
    data = np.concatenate([c for _, c in rows]).astype(np.float32)
    np.log(data, out=data)
    data += 1.0
    data *= idf[cols]
    norms = np.sqrt(
        np.bincount(np.repeat(np.arange(len(rows)), lengths), weights=data * data, minlength=len(rows))
    ).astype(np.float32)
    norms[norms == 0] = 1.0
    data /= np.repeat(norms, lengths)
    return sparse.csr_matrix((data, cols.astype(np.int32), indptr), shape=(len(rows), len(vocab)))


def _label(title: str | None, text: str) -> str | None:
    if title:
        return title
    first = text.strip().split("\n", 1)[0]
    return first[:100] + ("…" if len(first) > 100 else "") if first else None


# -- queries ---------------------------------------------------------------------------------------


def list_stories(ledger: Ledger, limit: int | None = None, offset: int = 0) -> list[Story]:
    """Every story (or a page of them: `limit`, `offset`), the most recently active first, with its articles
    oldest first."""
    return store.load(ledger, store.ids(ledger, limit, offset))


def get_story(ledger: Ledger, key: str) -> Story:
    """One story by its id, or the story of an article (id, unique id prefix or source)."""
    sid = key if store.exists(ledger, key) else None
    if sid is None:
        try:
            sid = store.story_of(ledger, ledger.resolve_article_id(key))
        except NotFound:
            sid = None
    stories = store.load(ledger, [sid]) if sid else []
    if not stories:
        raise NotFound("story", key)
    return stories[0]


def story_of(ledger: Ledger, article_id: str) -> str | None:
    """The id of the story an article is in (None until `update` has placed it)."""
    return store.story_of(ledger, article_id)
