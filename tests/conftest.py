"""Shared fixtures: the spaCy pipeline loaded once, an Extractor, and the ../shared data folder."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SAMPLES = ROOT / "samples"


@pytest.fixture(scope="session")
def extractor():
    from newsledger.extract import Extractor

    return Extractor()


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """../shared/data, or a skip with a message when it is absent (a user's clone)."""
    data = SHARED / "data"
    if not data.is_dir():
        pytest.skip(f"needs the shared data at {data}, which is absent")
    return data


@pytest.fixture
def extract_text(extractor):
    """Extract one article from a string: extract_text("...", published="2025-10-23")."""
    from newsledger.ingest.readers import text_article

    def run(text: str, published: str | None = None):
        art = text_article(text, "test", date.fromisoformat(published) if published else None)
        return extractor.extract(art)

    return run
