"""Time expressions: TIMEX3 types and values, resolved against the article's publication date.

The rules live in the `timex` package (patterns, word tables, calendar arithmetic, resolver);
docs/times.md describes what is found and how values are chosen.
"""

from __future__ import annotations

from ..models import Article, TimeExpr
from .timex import resolve


def extract_times(doc, article: Article) -> list[TimeExpr]:
    """Every time expression in the article body, in text order."""
    text = article.body  # what doc was parsed from; doc.text would rebuild it token by token
    return [
        TimeExpr(article_id=article.id, start=s, end=e, text=text[s:e], type=kind, value=value)
        for s, e, kind, value in resolve(text, article.published, doc)
    ]
