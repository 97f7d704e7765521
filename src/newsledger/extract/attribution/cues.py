"""The cue filter: which candidate attributions to keep, by how often their cue and construction were right
on the PolNeAR train split.

`data/cue_stats.tsv` (built by bench/build_cue_stats.py from the train split; counts only) holds, per cue
lemma, construction (ccomp, obj, pass, prep, quote, clause, that, adj, noun, according, colon), kind of
source (per, pron, org, other, none) and length of content (s, m, l), how many candidates the rules
produced, how many had a source and how many of those overlapped the gold source.
A candidate is kept when the smoothed share of right sources reaches the threshold; a lexicon cue with no
statistics is kept, a verb outside the lexicon only when the statistics vouch for it (`explore_lemmas`:
the lemmas the rules then try as cues, e.g. *seem*, *make* in the constructions that PolNeAR annotates).
"""

from __future__ import annotations

from functools import cached_property, lru_cache
from pathlib import Path

from .lexicon import CUE_VERBS, PREP_CUES

DATA = Path(__file__).with_name("data") / "cue_stats.tsv"

# defaults; the values in use are chosen on the train split by two-fold cross-fitting and read from the
# TSV's header (bench/build_cue_stats.py prints the sweep)
THRESHOLD = 0.20
# smoothing: A pseudo-counts at the prior share (lexicon cues start trusted, new verbs do not)
A = 16.0
PRIOR_LEXICON = 0.6
PRIOR_NEW = 0.1
_ALWAYS = frozenset({"adj", "noun", "according", "colon", "that"})
# hand rules kept whatever the statistics say (a person's possessive stance noun, "Ruiz's support for ...")
_PROTECTED = frozenset({("noun", "per")})
_PREP_VERBS = frozenset(v for v, _ in PREP_CUES)


def in_lexicon(key: tuple[str, ...]) -> bool:
    """Whether the hand-written rules make this a cue without the statistics."""
    lemma, how = key[0], key[1]
    return how in _ALWAYS or lemma in CUE_VERBS or (how == "prep" and lemma in _PREP_VERBS)


Row = tuple[int, int, int, int]  # predicted, content matched, with a source, source matched


class Filter:
    """Keeps a candidate (lemma, construction, kind of source, length of content) when its smoothed share
    of right sources reaches the threshold. Smoothing backs off level by level: (lemma, construction),
    pulled towards a prior (trusted for the lexicon's cues, not for new verbs), then + kind of source,
    then + length of content."""

    def __init__(self, table: dict[tuple[str, ...], Row], threshold: float = THRESHOLD, smoothing: float = A):
        self.table = table
        self.threshold = threshold
        self.a = smoothing
        self.levels: dict[tuple[str, ...], list[int]] = {}
        for key, row in table.items():
            for n in (2, 3, 4):
                acc = self.levels.setdefault(key[:n], [0, 0, 0, 0])
                for i, v in enumerate(row):
                    acc[i] += v

    def score(self, key: tuple[str, ...]) -> float | None:
        pair = self.levels.get(key[:2])
        if pair is None or not pair[2]:
            return None
        p = PRIOR_LEXICON if in_lexicon(key) else PRIOR_NEW
        for n in (2, 3, 4):
            row = self.levels.get(key[:n])
            if row is None or not row[2]:
                break
            p = (row[3] + self.a * p) / (row[2] + self.a)
        return p

    def keep(self, key: tuple[str, ...]) -> bool:
        if key[1:3] in _PROTECTED:
            return True
        if key[2] == "none":
            return in_lexicon(key)  # no source: no source error to avoid
        p = self.score(key)
        if p is None:
            return in_lexicon(key)
        return p >= self.threshold

    @cached_property
    def explore(self) -> frozenset[str]:
        return frozenset(k[0] for k in self.levels if len(k) == 4 and not in_lexicon(k) and self.keep(k))

    def explore_lemmas(self) -> frozenset[str]:
        return self.explore


def load_table(path: Path = DATA) -> tuple[dict[tuple[str, ...], Row], dict[str, float]]:
    """The counts, and the threshold and smoothing chosen with them (from the header)."""
    table: dict[tuple[str, ...], Row] = {}
    params: dict[str, float] = {}
    if not path.exists():
        return table, params
    for line in open(path, encoding="utf-8"):
        if line.startswith("# threshold"):
            f = line[2:].split()
            params = {"threshold": float(f[1]), "smoothing": float(f[3])}
        if line.startswith("#") or not line.strip():
            continue
        f = line.rstrip("\n").split("\t")
        if f[1] == "-":
            continue  # a gold cue the rules never fire on: counts only
        table[(f[0], f[1], f[2], f[3])] = (int(f[4]), int(f[5]), int(f[6]), int(f[7]))
    return table, params


@lru_cache(maxsize=1)
def default_filter() -> Filter:
    table, params = load_table()
    return Filter(table, **params)
