"""What resolving a document's time expressions needs: its creation time, the last date it mentioned,
its parse (for the tense of the verb governing an expression) and a few helpers over its text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .dates import Point

PAST, PRESENT, FUTURE = -1, 0, 1
FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo"})
VAGUE_MODALS = frozenset({"would", "could", "might", "'d"})
MODALS = frozenset({"may", "should", "can", "must", "ca"})
# Verbs whose infinitive complement lies ahead of them.
PROSPECTIVE = frozenset(
    {
        "agree",
        "expect",
        "plan",
        "intend",
        "schedule",
        "slate",
        "due",
        "hope",
        "aim",
        "seek",
        "want",
        "propose",
        "decide",
        "promise",
        "vow",
        "threaten",
        "prepare",
        "set",
        "pledge",
        "offer",
        "ask",
        "urge",
        "order",
        "need",
        "wish",
        "try",
        "attempt",
    }
)
_SPACE = re.compile(r"[\s-]+")


@dataclass
class Context:
    """What resolution needs about the document: its creation time, the last date it mentioned, the parse."""

    dct: date | None
    text: str = ""
    doc: object = None  # the spaCy Doc of text, for tenses; None resolves without them
    anchor: Point | None = None

    def base(self) -> date | None:
        """The date anaphoric expressions count from: the last mentioned one, else the DCT."""
        return self.anchor.day if self.anchor else self.dct

    def token_at(self, char: int):
        if self.doc is None:
            return None
        span = self.doc.char_span(char, char + 1, alignment_mode="expand")
        return span[0] if span is not None and len(span) else None

    def tense(self, start: int) -> int | None:
        """PAST, PRESENT or FUTURE from the verb that governs the token at `start`, None without one.

        An infinitive or a bare verb takes the tense of the verb it depends on ("staged celebrations to
        mark the entry on Friday" is past); "will"/"shall" make the future, "could"/"would" say nothing.
        """
        tok = self.token_at(start)
        for _ in range(6):
            if tok is None or tok.pos_ in ("VERB", "AUX"):
                break
            tok = tok.head if tok.head is not tok else None
        for _ in range(3):
            if tok is None or tok.pos_ not in ("VERB", "AUX"):
                return None
            auxes = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
            words = {a.lower_ for a in auxes} | {tok.lower_}
            if words & FUTURE_AUX:
                return FUTURE
            if tok.tag_ == "VBD" or any(a.tag_ == "VBD" or a.lemma_ == "have" for a in auxes):
                return PAST
            if words & VAGUE_MODALS:
                return None
            if words & MODALS:
                return FUTURE
            if tok.tag_ == "VBN":
                if any(a.tag_ in ("VBZ", "VBP") or a.lower_ in ("be", "being") for a in auxes):
                    # "is expected by summer", "are scheduled for Friday"
                    return FUTURE if tok.lemma_ in PROSPECTIVE else PRESENT
                return PAST  # "the decision, announced Wednesday"
            if tok.lower_ == "going" and any(c.dep_ == "xcomp" for c in tok.children):
                return FUTURE
            if tok.tag_ == "VB" or (tok.tag_ == "VBG" and not auxes):
                # an infinitive, bare verb or participle clause: ask the verb it depends on, unless that
                # verb looks ahead ("agreed to buy it in February", "are expected to join in April")
                if tok.head is tok:
                    return FUTURE if tok.tag_ == "VB" else PRESENT
                if tok.tag_ == "VB" and tok.head.lemma_ in PROSPECTIVE:
                    return FUTURE
                tok = tok.head
                continue
            return PRESENT
        return None


def text_after(ctx: Context, m, n: int = 8) -> str:
    """The few characters after a match, lower-cased."""
    return ctx.text[m.end() : m.end() + n].lower()


def text_before(ctx: Context, m, n: int = 8) -> str:
    return ctx.text[max(0, m.start() - n) : m.start()].lower()


def norm(text: str | None) -> str:
    return _SPACE.sub(" ", text.lower()) if text else ""


def capitalised(word: str | None) -> bool:
    return bool(word) and word[0].isupper()
