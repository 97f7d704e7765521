"""Named entities from spaCy's NER, repaired and grouped into one record per entity per article.

Repairs: a possessive ('s) and surrounding punctuation are not part of a name, nor is a leading "the";
a surname or short form of a person named in full earlier ("Okafor" after "Ngozi Okafor", "Ms Okafor")
is a mention of that person; a dam, a valley or a company tagged PERSON gets its own label (labels.py).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from ..models import Article, Entity
from .labels import corrected_labels

# Numeric and temporal labels belong to claims and times, not to the entity list.
LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART", "LANGUAGE"}
TITLES = {
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "prof",
    "sir",
    "gen",
    "col",
    "lt",
    "sgt",
    "capt",
    "president",
    "minister",
    "senator",
    "sen",
    "rep",
    "gov",
    "governor",
    "judge",
    "justice",
    "chancellor",
    "premier",
    "king",
    "queen",
    "prince",
    "pope",
    "general",
    "secretary",
    "mayor",
    "ambassador",
}
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
_TRIM = " \t\n\"'“”‘’.,;:()[]-–—"


def _repair(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink [start, end) to the name itself."""
    span = text[start:end]
    m = _POSSESSIVE.search(span)
    if m and len(span) > len(m.group(0)) + 1:
        end -= len(m.group(0))
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM and not text[start:end].endswith(("Inc.", "Jr.", "Co.")):
        end -= 1
    low = text[start:end].lower()
    if low.startswith("the ") and end - start > 4:
        start += 4
    return start, end


def _words(name: str) -> list[str]:
    return [w for w in re.findall(r"[\w'-]+", name) if w.lower().rstrip(".") not in TITLES]


def slug(text: str) -> str:
    return re.sub(r"[^\w]+", "-", text.lower()).strip("-")


def entity_id(label: str, name: str) -> str:
    return f"{label.lower()}:{slug(name)}"


def extract_entities(doc: Doc, article: Article) -> list[Entity]:
    text = article.text
    groups: dict[tuple[str, str], dict] = {}  # (label, key) -> {"name", "mentions"}
    persons: list[tuple[list[str], tuple[str, str]]] = []  # full names seen so far, for short forms
    spans = []
    for ent in doc.ents:
        if ent.label_ not in LABELS:
            continue
        start, end = _repair(text, ent.start_char, ent.end_char)
        if any(c.isalpha() for c in text[start:end]):
            spans.append((start, end, ent.label_))
    for (start, end, _), label in zip(spans, corrected_labels(text, spans)):
        name = text[start:end]
        if label == "PERSON":  # "Ms Ngozi Okafor" is Ngozi Okafor
            while (m := re.match(r"([A-Z][a-z]{1,10})\.?\s+(?=[A-Z])", name)) and m.group(1).lower() in TITLES:
                start += m.end()
                name = text[start:end]
        words = _words(name)
        key = (label, slug(" ".join(words)) or slug(name) or name.lower())  # "Kim Jong-un" = "Kim Jong Un"
        if label == "PERSON" and words:
            # A short form joins the earlier full name whose last words it matches.
            for full, fkey in persons:
                if len(words) < len(full) and [w.lower() for w in full[-len(words) :]] == [w.lower() for w in words]:
                    key = fkey
                    break
            else:
                if key not in groups:
                    persons.append((words, key))
        group = groups.setdefault(key, {"name": name, "mentions": []})
        if (start, end) not in group["mentions"]:
            group["mentions"].append((start, end))
    # Different spellings can share an id ("U.S." and "U.S"): one entity each id, mentions joined.
    by_id: dict[str, tuple[str, str, list]] = {}
    for (label, _), g in groups.items():
        eid = entity_id(label, g["name"])
        if eid in by_id:
            by_id[eid][2].extend(m for m in g["mentions"] if m not in by_id[eid][2])
        else:
            by_id[eid] = (g["name"], label, list(g["mentions"]))
    return [
        Entity(article_id=article.id, id=eid, name=name, label=label, mentions=tuple(sorted(ms)))
        for eid, (name, label, ms) in by_id.items()
    ]
