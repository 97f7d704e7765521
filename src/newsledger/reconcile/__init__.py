"""Reconcile: the cross-article layer, derived from the stored ledger and kept up to date incrementally.

Each layer is a registered step (`newsledger.steps`), run in this order over what changed since its last run:
  dedup     exact and near-duplicate (syndicated) articles -> one story, several publications
  stories   articles about the same real-world event, grouped
  entities  mentions across articles -> canonical entities (people, countries with ISO codes, organisations)
  figures   claims about the same quantity -> figures with low / best / high and their sources
"""

from __future__ import annotations

from ..store import Ledger

# Go up with every change that changes what a step stores (`newsledger reprocess` rebuilds it).
VERSIONS = {"dedup": 1, "stories": 1, "entities": 3, "figures": 96}


def register_steps() -> None:
    from .. import steps
    from . import dedup, entities, figures, stories

    # name, module, options (the defaults), what it requires, options that only tune speed or memory
    for name, module, options, requires, tuning in (
        ("dedup", dedup, dedup.DedupOptions(), (), ("chunk",)),
        ("stories", stories, stories.StoryOptions(), ("dedup",), ("chunk",)),
        ("entities", entities, entities.EntityOptions(), ("extract",), ("batch",)),
        ("figures", figures, figures.FigureOptions(), ("extract", "dedup", "stories", "entities"), ("batch",)),
    ):
        steps.register(steps.Step(name, VERSIONS[name], options, requires, module.update, tuning=tuning))


def update(ledger: Ledger) -> None:
    """Every cross-article step, incrementally (`newsledger.steps.update`)."""
    from .. import steps

    steps.update(ledger)
