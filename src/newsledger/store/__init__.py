"""Store: the SQLite ledger (one writer, numbered migrations, foreign keys on, FTS5 over texts)."""
from .ledger import ArticleRef, Cited, EntitySummary, Ledger, WriteResult

__all__ = ["ArticleRef", "Cited", "EntitySummary", "Ledger", "WriteResult"]
