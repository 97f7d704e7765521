"""The language of an article's text, offline, with py3langid (langid.py's model: 97 languages, no network).

`detect` gives an ISO 639-1 code when the model is sure (normalised probability at least `MIN_PROBABILITY`
over at least `MIN_LETTERS` letters), else None: a short or mixed text is not guessed. Accuracy and cost on
a mixed sample are measured by bench/language.py (BENCHMARKS.md).
"""

from __future__ import annotations

from functools import cache

MIN_PROBABILITY = 0.9
MIN_LETTERS = 40
# Enough of an article to tell its language; the rest only costs time.
_SAMPLE_CHARS = 4000


@cache
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect(text: str) -> str | None:
    """ISO 639-1 code of `text` ("en", "pt"), or None when it is too short or the model is unsure."""
    sample = text[:_SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return None
    code, prob = _identifier().classify(sample)
    return code if prob >= MIN_PROBABILITY else None


def name(code: str) -> str:
    """The English name of a language code ("pt" -> "Portuguese"), the code itself when unknown."""
    import pycountry

    found = pycountry.languages.get(alpha_2=code)
    return found.name if found else code
