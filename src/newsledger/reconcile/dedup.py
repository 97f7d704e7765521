"""Near-duplicate (syndicated) articles: the same wire story published by several outlets.

Exact repeats are already one article: its id is a hash of the normalised text, and every other outlet that
printed it is a row of `publications`. Near-identical texts (a wire story with another dateline, byline or
last paragraph) are different articles; here each is marked as a copy of the first-stored article of its
group, so that counting independent sources can count the group once (`original_of`, `originals`).

How: every article's body becomes a set of word 4-gram shingles and a MinHash of it (datasketch, 128
permutations). A new article is looked up in a MinHashLSH index of the articles reconciled before it,
published within `window_days` of it. A candidate is the same text when the estimated Jaccard similarity of
the two shingle sets is at least `threshold`, or when one text holds nearly all of the other (containment
at least `containment`, Jaccard at least `min_jaccard`): wire services re-issue a story longer or shorter,
and outlets cut it. The best match makes the new article a copy of that candidate's original. Signatures are
stored, so an update only hashes the new articles. Texts under `min_shingles` shingles (captions, video
pages) are never matched: a few shared words there say nothing about syndication.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, NamedTuple

import numpy as np

from ..store import Ledger
from ..store import dedup as store

if TYPE_CHECKING:
    from datasketch import LeanMinHash, MinHashLSH

_WORD = re.compile(r"\w+")
_SCHEME = "affine32"  # datasketch's collision-free permutations; pinned so stored signatures stay valid
_DTYPE = np.uint32
_MIX, _MASK = np.uint64(0x9E3779B1), np.uint64(0xFFFFFFFF)


class _Seen(NamedTuple):
    values: np.ndarray
    size: int
    original: str
    published: date | None
    order: int  # rowid: the order articles were stored in


@dataclass(frozen=True)
class DedupOptions:
    threshold: float = 0.5  # estimated Jaccard of shingle sets (see docs/stories.md for the measurements)
    containment: float = 0.8  # share of the shorter text's shingles found in the longer one
    min_jaccard: float = 0.2  # floor for a containment match; also the LSH index's threshold
    num_perm: int = 128
    seed: int = 1
    shingle: int = 4  # words per shingle
    min_shingles: int = 20
    window_days: int = 30  # copies run within days of each other; bounds the index on large ledgers
    chunk: int = 2000  # articles read and hashed at a time


def shingles(text: str, size: int) -> np.ndarray:
    """The distinct 32-bit hashes of a text's word n-grams (lower-cased), in numpy: one CRC-32 per word,
    combined over each window, is some ten times quicker than hashing every n-gram string in Python."""
    words = _WORD.findall(text.lower())
    n = len(words) - size + 1
    if n <= 0:
        return np.empty(0, dtype=np.uint64)
    h = np.fromiter((zlib.crc32(w.encode("utf-8")) for w in words), dtype=np.uint64, count=len(words))
    acc = np.zeros(n, dtype=np.uint64)
    for k in range(size):  # stays below 2**64: (2**32 - 1) * _MIX + 2**32
        acc = (acc * _MIX + h[k : k + n]) & _MASK
    return np.unique(acc)


def _same(value: int) -> int:
    return value  # the shingles are hashed already


def signature(text: str, options: DedupOptions) -> tuple[np.ndarray | None, int]:
    """The MinHash values of a text's shingles (None when it is too short to match) and their number."""
    from datasketch import MinHash  # imported when there is hashing to do: listings stay quick

    sh = shingles(text, options.shingle)
    if len(sh) < options.min_shingles:
        return None, len(sh)
    m = MinHash(num_perm=options.num_perm, seed=options.seed, scheme=_SCHEME, hashfunc=_same)
    m.update_batch(sh.tolist())
    return m.hashvalues.astype(_DTYPE), len(sh)


def same_text(jaccard: float, size_a: int, size_b: int, options: DedupOptions) -> bool:
    """Whether two shingle sets of these sizes and this Jaccard similarity are one text."""
    if jaccard >= options.threshold:
        return True
    if jaccard < options.min_jaccard:
        return False
    shared = jaccard / (1 + jaccard) * (size_a + size_b)  # |A & B| from J = |A & B| / |A | B|
    return shared / min(size_a, size_b) >= options.containment


def _lean(values: np.ndarray, options: DedupOptions) -> LeanMinHash:
    from datasketch import LeanMinHash

    return LeanMinHash(seed=options.seed, hashvalues=values, scheme=_SCHEME)


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _close(a: date | None, b: date | None, days: int) -> bool:
    return a is None or b is None or abs((a - b).days) <= days


def update(ledger: Ledger, options: DedupOptions | None = None) -> int:
    """Mark the articles not yet reconciled as originals or copies; returns how many were done."""
    options = options or DedupOptions()
    if not store.any_pending(ledger):
        return 0  # up to date: no write lock taken
    with ledger.transaction(lock=True):
        return _update(ledger, options)


def _update(ledger: Ledger, options: DedupOptions) -> int:
    new = store.pending(ledger)
    if not new:
        return 0
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=options.min_jaccard, num_perm=options.num_perm)
    known: dict[str, _Seen] = {}
    for row in _indexed(ledger, [_day(r.published) for r in new], options):
        values = np.frombuffer(row.signature, dtype=_DTYPE)
        known[row.article_id] = _Seen(values, row.shingles, row.original_id, _day(row.published), row.rowid)
        lsh.insert(row.article_id, _lean(values, options), check_duplication=False)
    for i in range(0, len(new), options.chunk):
        part = new[i : i + options.chunk]
        texts = store.bodies(ledger, [r.id for r in part])  # a slice at a time: texts are not all held at once
        rows = []
        for r in part:
            (values, size), when = signature(texts[r.id], options), _day(r.published)
            original, similarity = r.id, None
            if values is not None:
                seen = _Seen(values, size, r.id, when, r.rowid)
                original, similarity = _match(lsh, known, seen, options) or (r.id, None)
                known[r.id] = seen._replace(original=original)
                lsh.insert(r.id, _lean(values, options), check_duplication=False)
            rows.append((r.id, original, similarity, size, None if values is None else values.tobytes()))
        store.add(ledger, rows)
    return len(new)


def _indexed(ledger: Ledger, dates: list[date | None], options: DedupOptions):
    """Signatures of reconciled articles that could match one of the new ones (by publication date)."""
    dated = [d for d in dates if d is not None]
    if not dated:  # nothing to place them in time by: compare with everything
        return store.signatures(ledger)
    # An undated article is taken to be as recent as the articles it arrived with.
    lo = date.fromordinal(max(1, min(dated).toordinal() - options.window_days))  # a bogus year 1 stays valid
    hi = date.fromordinal(min(date.max.toordinal(), max(dated).toordinal() + options.window_days))
    return store.signatures(ledger, (lo.isoformat(), hi.isoformat()))


def _match(lsh: MinHashLSH, known: dict[str, _Seen], new: _Seen, options: DedupOptions) -> tuple[str, float] | None:
    best: tuple[float, int, str] | None = None
    for key in lsh.query(_lean(new.values, options)):
        other = known[key]
        if not _close(new.published, other.published, options.window_days):
            continue
        sim = float(np.mean(other.values == new.values))
        if not same_text(sim, new.size, other.size, options):
            continue
        # Equal similarity: the earlier-stored match wins, so the result does not depend on LSH order.
        if best is None or (sim, -other.order) > (best[0], -best[1]):
            best = (sim, other.order, other.original)
    return (best[2], best[0]) if best else None


def original_of(ledger: Ledger, article_id: str) -> str:
    """The first-stored article of this article's near-duplicate group (itself when it is an original,
    or when dedup has not seen it yet)."""
    return store.original_of(ledger, article_id)


def originals(ledger: Ledger) -> dict[str, str]:
    """Every syndicated copy -> its original, for counting many articles at once."""
    return store.originals(ledger)


def copies(ledger: Ledger, article_id: str) -> list[str]:
    """The other articles of this article's near-duplicate group, first stored first."""
    return [a for a in store.group(ledger, original_of(ledger, article_id)) if a != article_id]
