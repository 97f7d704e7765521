"""Reconcile: the cross-article layer, derived from the stored ledger and kept up to date incrementally.

`update(ledger)` runs each step over what changed since its last run, in this order:
  dedup     exact and near-duplicate (syndicated) articles -> one story, several publications
  stories   articles about the same real-world event, grouped
  entities  mentions across articles -> canonical entities (people, countries with ISO codes, organisations)
  figures   claims about the same quantity -> figures with low / best / high and their sources
"""
from __future__ import annotations

from ..store import Ledger


def update(ledger: Ledger) -> None:
    from . import dedup, entities, figures, stories

    dedup.update(ledger)
    stories.update(ledger)
    entities.update(ledger)
    figures.update(ledger)
