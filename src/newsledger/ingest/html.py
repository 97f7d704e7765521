"""HTML pages to articles: main text and metadata through trafilatura."""
from __future__ import annotations

from datetime import date

import trafilatura

from ..errors import InputError
from ..models import Article
from .ids import article_id


def html_article(html: str, source: str, published: date | None = None, url: str | None = None) -> Article:
    from .readers import parse_date  # local: readers imports this module

    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                      include_tables=False)
    text = (doc.text or "").strip() if doc is not None else ""
    if not text:
        raise InputError("NL106", "holds no article text that could be extracted", source)
    return Article(id=article_id(text), source=source, text=text, title=doc.title or None,
                   published=parse_date(doc.date) or published, url=doc.url or url)
