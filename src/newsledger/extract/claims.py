"""Numeric claims (placeholder until the claim extractor lands in this session)."""
from __future__ import annotations

from ..models import Claim


def extract_claims(doc, article, entities, quotes, times) -> list[Claim]:
    return []
