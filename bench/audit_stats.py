#!/usr/bin/env python3
"""Exact statistics for hand audits: a Clopper-Pearson interval for each tally, and Fisher's exact test
(two-sided) of the first tally against each other one.

usage: audit_stats.py K/N [K/N ...]     e.g. audit_stats.py 39/60 30/80 8/20

Used for the figures audits (docs/figures_audit.md): right figures K of N drawn.
"""

from __future__ import annotations

import sys
from math import comb


def _cdf(k: int, n: int, p: float) -> float:
    return sum(comb(n, i) * p**i * (1 - p) ** (n - i) for i in range(k + 1))


def clopper_pearson(k: int, n: int, alpha: float = 0.05) -> tuple[float, float]:
    """The exact (1 - alpha) interval for a proportion k of n, by bisection on the binomial tails."""

    def solve(below) -> float:
        lo, hi = 0.0, 1.0
        for _ in range(60):
            mid = (lo + hi) / 2
            lo, hi = (mid, hi) if below(mid) else (lo, mid)
        return lo

    lower = 0.0 if k == 0 else solve(lambda p: 1 - _cdf(k - 1, n, p) < alpha / 2)
    upper = 1.0 if k == n else solve(lambda p: _cdf(k, n, p) > alpha / 2)
    return lower, upper


def fisher(a: int, n1: int, b: int, n2: int) -> float:
    """Two-sided p of Fisher's exact test: a of n1 against b of n2 (tables as likely or less, summed)."""
    k, n = a + b, n1 + n2

    def prob(x: int) -> float:
        return comb(n1, x) * comb(n2, k - x) / comb(n, k)

    p0 = prob(a)
    return sum(prob(x) for x in range(max(0, k - n2), min(k, n1) + 1) if prob(x) <= p0 * (1 + 1e-9))


def main(argv: list[str]) -> None:
    tallies = [tuple(int(v) for v in t.split("/")) for t in argv]
    if not tallies or any(len(t) != 2 or not 0 <= t[0] <= t[1] for t in tallies):
        sys.exit(__doc__)
    for k, n in tallies:
        lo, hi = clopper_pearson(k, n)
        print(f"{k}/{n} = {k / n:.2f}, exact 95% interval {lo:.2f} to {hi:.2f}")
    (a, n1), rest = tallies[0], tallies[1:]
    for b, n2 in rest:
        print(f"{a}/{n1} against {b}/{n2}: Fisher's exact p = {fisher(a, n1, b, n2):.3f}")


if __name__ == "__main__":
    main(sys.argv[1:])
