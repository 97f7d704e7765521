"""Who a source span refers to: the entity it names, or for a pronoun or a description
("he", "the ministry") the nearest compatible earlier mention."""
from __future__ import annotations

import bisect
import re

from ...models import Entity, Party
from .lexicon import ORG_NOUNS, PERSON_NOUNS

_PERSON_PRON = {"he", "she", "him", "her"}
_GROUP_PRON = {"they", "it", "them"}
_SPEAKERS = ("PERSON", "ORG", "GPE", "NORP")
_DEMONYM = ((re.compile(r"ese$"), ""), (re.compile(r"ian$"), "ia"), (re.compile(r"an$"), "a"),
            (re.compile(r"i$"), ""))


class Speakers:
    """Resolves source spans of one article against its entities."""

    def __init__(self, text: str, entities: list[Entity]):
        self.text = text
        mentions = sorted((s, e, ent) for ent in entities if ent.label in _SPEAKERS
                          for s, e in ent.mentions)
        self.starts = [m[0] for m in mentions]
        self.mentions = mentions
        self.by_label = {lab: [m for m in mentions if m[2].label == lab] for lab in _SPEAKERS}
        self.gpe = [ent for ent in entities if ent.label == "GPE"]

    def party(self, start: int, end: int, head: str | None = None) -> Party:
        """The Party for text[start:end]; head is the lower-cased head word of the span, when known."""
        ent = self._inside(start, end)
        if ent is None:
            word = (head or self.text[start:end]).lower()
            if word in _PERSON_PRON:
                ent = self._before(start, ("PERSON",))
            elif word in _GROUP_PRON:
                ent = self._before(start, ("ORG", "GPE"))
            elif word in PERSON_NOUNS and self._definite(start, end):
                ent = self._before(start, ("PERSON",))
            elif word in ORG_NOUNS and self._definite(start, end):
                ent = self._before(start, ("GPE",) if word == "government" else ("ORG",))
        if ent is None:
            return Party(name=self.text[start:end], start=start, end=end)
        return Party(name=self._name(ent), entity=ent.id, start=start, end=end)

    def _inside(self, start: int, end: int) -> Entity | None:
        """The first speaker-like entity mentioned within the span; a person before anything else."""
        i = bisect.bisect_left(self.starts, start)
        found = None
        while i < len(self.mentions) and self.mentions[i][0] < end:
            s, e, ent = self.mentions[i]
            if e <= end:
                if ent.label == "PERSON":
                    return ent
                found = found or ent
            i += 1
        return found

    def _before(self, start: int, labels: tuple[str, ...]) -> Entity | None:
        best = None
        for lab in labels:
            ms = self.by_label[lab]
            i = bisect.bisect_left(ms, (start,))
            if i and (best is None or ms[i - 1][0] > best[0]):
                best = ms[i - 1]
        return best[2] if best else None

    def _definite(self, start: int, end: int) -> bool:
        return self.text[start:end].lower().startswith(("the ", "this "))

    def _name(self, ent: Entity) -> str:
        if ent.label != "NORP":
            return ent.name
        # "according to Kenyan estimates": the country, when the article names it or the form is regular
        for pat, rep in _DEMONYM:
            country = pat.sub(rep, ent.name)
            if country != ent.name:
                for g in self.gpe:
                    if g.name.lower() == country.lower():
                        return g.name
        return ent.name
