"""Which analyses a sentence needs: the one place that decides what spaCy runs where.

Every sentence is tokenized and goes through NER (entities, stories and places need every mention). Only a
sentence where an extractor can find something also gets the tagger, parser, attribute ruler and lemmatizer
(FULL): a trigger below is in it. Everything else is NER only (NER): about half of news sentences. The NER of
en_core_web_sm has its own embedding layer, so running it alone gives the tags the full pipeline gives.

Triggers, by the extractor that needs the parse (an extractor extends them with `add_triggers`):
  attribution  quotation marks, a colon, a reporting verb / cue noun / stance adjective (any inflection);
               a PARAGRAPH trigger: the attribution tagger reads whole paragraphs, so a paragraph with one
               is parsed whole
  numbers      a digit, %, a currency sign, a number word (claims, figures, measures)
  times        month, weekday, season, part of day, holiday, time unit, relative time words
  events       event trigger verbs and nouns (events.KINDS)
Words match on their surface form: a trigger word matches itself and its regular inflections (`forms`),
with a few irregular past forms listed; a word that matches wrongly costs a parse, never a record.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

FULL = "full"
NER = "ner"

_QUOTE_MARKS = re.compile(r"[\"“”„«»`‘:]|(?<!\w)['’]|['’](?!\w)")  # and the colon of "Smith: ..."
_FIGURE_CHARS = re.compile(r"[\d%$€£¥]")
_WORD = re.compile(r"[^\W\d_]+")
_IRREGULAR = {
    "say": "said",
    "tell": "told",
    "write": "wrote written",
    "speak": "spoke spoken",
    "think": "thought",
    "know": "knew known",
    "feel": "felt",
    "hold": "held",
    "give": "gave given",
    "see": "saw seen",
    "make": "made",
    "find": "found",
    "lead": "led",
    "shoot": "shot",
    "flee": "fled",
    "hurt": "hurt",
    "meet": "met",
    "send": "sent",
    "strike": "struck",
    "slay": "slew slain",
    "burn": "burnt",
    "forbid": "forbade forbidden",
    "swear": "swore sworn",
    "hear": "heard",
    "rise": "rose risen",
    "fall": "fell fallen",
    "grow": "grew grown",
}


def forms(word: str) -> set[str]:
    """A word and its regular inflections (said/says/saying from the lemma say, ...), lower case."""
    w = word.lower()
    stem = w[:-1] if w.endswith("e") else w
    out = {w, w + "s", w + "es", w + "ed", w + "d", w + "ing", stem + "ing", stem + "ed", w + w[-1] + "ed"}
    out |= {w + w[-1] + "ing", w + "er", w + "ers", w + "ment", w + "ments"}
    if w.endswith("y"):
        out |= {w[:-1] + "ies", w[:-1] + "ied"}
    out |= set(_IRREGULAR.get(w, "").split())
    return out


# trigger name -> surface words; the names in PARAGRAPH promote their whole paragraph
TRIGGERS: dict[str, set[str]] = {}
PARAGRAPH: set[str] = set()


_GLUE = {"the", "of", "a", "an", "s", "to", "in", "on", "for", "and", "day"}  # inside phrases ("the fourth of july")


def add_triggers(name: str, words: Iterable[str], paragraph: bool = False) -> None:
    """Sentences holding one of `words` (or an inflection) get the full parse; `paragraph`: their paragraph."""
    bucket = TRIGGERS.setdefault(name, set())
    for phrase in words:
        for w in _WORD.findall(phrase):
            if w.lower() not in _GLUE:
                bucket |= forms(w)
    if paragraph:
        PARAGRAPH.add(name)


def _defaults() -> None:
    from .attribution.lexicon import CUE_VERBS, NOUN_CUES, STANCE_ADJ
    from .numbers import _FIRST_WORDS
    from .plover import NOUNS, OBJECT_VERBS, VERBS
    from .timex import lexicon as t

    add_triggers("attribution", [*CUE_VERBS, *NOUN_CUES, *STANCE_ADJ, "according"], paragraph=True)
    add_triggers("numbers", [w for w in _FIRST_WORDS if w not in ("a", "an")] + ["percent", "half", "quarter"])
    add_triggers(
        "times",
        [*t.MONTHS, *t.WEEKDAYS, *t.SEASONS, *t.DAYPARTS, *t.HOLIDAYS, *t.NTH_WEEKDAY_HOLIDAYS, *t.UNITS, *t.ORDINALS]
        + "today tonight yesterday tomorrow now ago recently currently earlier later since until ".split()
        + "past previous prior coming upcoming early late mid former then soon daily weekly annual".split(),
    )
    add_triggers("events", [*VERBS, *NOUNS, *OBJECT_VERBS, "fire", "launch"])


def _words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text)}


def triggers(text: str) -> set[str]:
    """The names of the triggers in `text`."""
    if not TRIGGERS:
        _defaults()
    words = _words(text)
    found = {name for name, bucket in TRIGGERS.items() if not words.isdisjoint(bucket)}
    if _QUOTE_MARKS.search(text):
        found.add("attribution")
    if _FIGURE_CHARS.search(text):
        found.add("numbers")
    return found


def needs(text: str) -> str:
    """FULL when a trigger is in the sentence `text`, else NER."""
    return FULL if triggers(text) else NER


def plan(sentences: list[str], paragraph_of: list[int]) -> list[str]:
    """The analyses for each sentence; `paragraph_of[i]` numbers sentence i's paragraph."""
    found = [triggers(s) for s in sentences]
    whole = {p for f, p in zip(found, paragraph_of) if not PARAGRAPH.isdisjoint(f)}
    return [FULL if f or p in whole else NER for f, p in zip(found, paragraph_of)]
