"""Store: the SQLite ledger (one writer, numbered migrations, foreign keys on, FTS5 over texts)."""

from .db import explain
from .ledger import ArticleRef, ArticleSummary, Cited, EntitySummary, Ledger, Publication, WriteResult

__all__ = ["explain", "ArticleRef", "ArticleSummary", "Cited", "EntitySummary", "Ledger", "Publication", "WriteResult"]
