"""The Python API: a ledger opened by path, its records by the same filters as the CLI, and `extract`
for one article without a database (docs/python.md).

    import newsledger
    with newsledger.open("newsledger.db") as ledger:
        df = ledger.claims(measure="killed").to_pandas()
    x = newsledger.extract("Officials said 12 people died.", published="2025-03-04")

Every list is a `Records`: a plain list of typed, frozen records (`newsledger.models`), with `to_pandas()`
for a flat DataFrame (pandas is the optional extra `newsledger[pandas]`).
"""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path
from typing import Any, Generic, TypeVar

from .models import Extraction
from .store import ArticleSummary, Cited, EntitySummary
from .store import Ledger as Store

T = TypeVar("T")


def _plain(x: Any) -> Any:
    if dataclasses.is_dataclass(x) and not isinstance(x, type):
        return {f.name: _plain(getattr(x, f.name)) for f in dataclasses.fields(x)}
    if isinstance(x, (list, tuple)):
        return [_plain(v) for v in x]
    return x


def _row(x: Any) -> dict:
    """One record as a flat row: a cited record's fields, then its article's as article.*"""
    if isinstance(x, Cited):
        return {**_plain(x.record), "row": x.row, "article": _plain(x.article)}
    return _plain(x)


class Records(list, Generic[T]):
    """A list of records that can become a DataFrame."""

    def to_pandas(self):
        """One row per record; nested fields flattened with dots (`value.point`, `article.published`),
        lists (a figure's claims, a story's articles) kept as lists of dicts."""
        try:
            import pandas as pd
        except ImportError:  # an optional extra: say how to get it
            raise ImportError("to_pandas needs pandas: pip install 'newsledger[pandas]'") from None
        return pd.json_normalize([_row(x) for x in self]) if self else pd.DataFrame()


class Ledger:
    """A newsledger ledger, opened for reading (or writing, with `readonly=False`)."""

    def __init__(self, path: str | Path = "newsledger.db", readonly: bool = True):
        self.store = Store(path, readonly=readonly)

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def articles(self, limit: int | None = None) -> Records[ArticleSummary]:
        """Stored articles, oldest first."""
        return Records(self.store.articles(limit))

    def claims(
        self,
        about: str | None = None,
        source: str | None = None,
        measure: str | None = None,
        article: str | None = None,
        limit: int | None = None,
    ) -> Records[Cited]:
        """Numeric claims (each a `Cited` holding a `Claim` and its article), oldest first; filters as in
        `newsledger claims`."""
        aid = self.store.resolve_article_id(article) if article else None
        return Records(self.store.claims(about=about, source=source, measure=measure, article=aid, limit=limit))

    def quotes(self, by: str | None = None, article: str | None = None, limit: int | None = None) -> Records[Cited]:
        """Quotes with their speakers (each a `Cited` holding a `Quote`), oldest first."""
        aid = self.store.resolve_article_id(article) if article else None
        return Records(self.store.quotes(by=by, article=aid, limit=limit))

    def entities(self, label: str | None = None, limit: int | None = None) -> Records[EntitySummary]:
        """Who and what is named, in how many articles, most named first."""
        return Records(self.store.entities(label=label, limit=limit))

    def figures(self, about: str | None = None, limit: int | None = None) -> Records:
        """Figures: the claims about one quantity side by side, with low / best / high."""
        from .reconcile.figures import list_figures

        return Records(list_figures(self.store, about=about, limit=limit))

    def figure(self, figure_id: str):
        from .reconcile.figures import get_figure

        return get_figure(self.store, figure_id)

    def stories(self, limit: int | None = None) -> Records:
        """Stories: articles about the same event, most recently active first."""
        from .reconcile.stories import list_stories

        return Records(list_stories(self.store, limit))

    def extraction(self, article: str) -> Extraction:
        """Everything stored for one article (its id, a unique id prefix or its source)."""
        return self.store.extraction(self.store.resolve_article_id(article))


def open(path: str | Path = "newsledger.db", readonly: bool = True) -> Ledger:  # noqa: A001 (as io.open)
    """Open the ledger at `path` (NL201 when there is none)."""
    return Ledger(path, readonly=readonly)


_EXTRACTOR: Any = None


def extract(
    text: str, published: str | date | None = None, title: str | None = None, source: str = "text"
) -> Extraction:
    """Extract one article from plain text, no database: entities, quotes, claims, times and events with
    offsets into `text`. The spaCy pipeline is loaded on the first call and kept."""
    global _EXTRACTOR
    from .extract import Extractor
    from .ingest.readers import text_article

    if _EXTRACTOR is None:
        _EXTRACTOR = Extractor()
    day = date.fromisoformat(published) if isinstance(published, str) else published
    return _EXTRACTOR.extract(text_article(text, source, day, title=title))
