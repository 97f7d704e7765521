"""Time expressions (placeholder until the time extractor lands in this session)."""
from __future__ import annotations

from ..models import TimeExpr


def extract_times(doc, article) -> list[TimeExpr]:
    return []
