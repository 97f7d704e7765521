"""Quotes and attributions (placeholder until the quote extractor lands in this session)."""
from __future__ import annotations

from ..models import Quote


def extract_quotes(doc, article, entities) -> list[Quote]:
    return []
