"""Who states a claim and when: the speaker of the innermost quote holding it, else a source its sentence
names for it ("according to X", "X estimated", "X put the toll at", "figures from X show"); and the nearest
DATE in its sentence."""

from __future__ import annotations

import re
from bisect import bisect_left

from ...models import Entity, Party, Quote

_NAME = r"(?:the\s+|a\s+|an\s+)?(?:[\w.'’&-]+\s+){0,6}?[\w.'’&-]+"
# "according to the interior ministry", anywhere in the sentence.
_ACCORDING = re.compile(rf"\baccording to (?P<src>{_NAME}?)(?=\s*(?:[,.;:)]|\bwho\b|\bwhich\b|\bthat\b|$))", re.I)
# "the Red Cross estimated (that) ...", "police put the toll at", right before the number's clause.
_ESTIMATES = re.compile(
    r"(?P<src>(?-i:[A-Z])[\w.'’&-]*(?:\s+(?:of\s+|for\s+|the\s+)?(?-i:[A-Z])[\w.'’&-]*){0,5}|"
    r"(?:the|a)\s+[\w'’-]+(?:\s+[\w'’-]+){0,3})\s+(?:estimated|estimates|put|puts|counted|tallied|recorded|"
    r"reported|confirmed|acknowledged|said|says)\s+(?:on\s+\w+\s+)?(?:that\s+)?"
    r"(?:the\s+(?:death\s+|casualty\s+)?(?:toll|number|figure)\s+(?:at|was|is|had\s+risen\s+to|rose\s+to)\s+)?"
    r"[^.;,]{0,40}$",
    re.I,
)
# "figures from the health ministry show ..."
_FIGURES_FROM = re.compile(
    rf"\b(?:figures|data|statistics|numbers|estimates|records|a tally|a count)\s+(?:from|by|released by|compiled by|"
    rf"published by)\s+(?P<src>{_NAME}?)\s+(?:show|showed|shows|suggest|suggested|indicate|indicated|put|puts)\b",
    re.I,
)
# "..., local media said." after the number, closing the sentence or its clause ("..., an army spokesman said,
# adding ...")
_SAID_AFTER = re.compile(
    r",\s+(?!(?:and|but|which|who|as|while|after|before)\b)(?P<src>(?:the\s+|a\s+|an\s+)?(?:[\w.'’&-]+\s+){0,5}?"
    r"[\w.'’&-]+)\s+(?:said|says|reported|reports|told\s+(?:reporters|\w+))"
    r"(?:\s+on\s+\w+|\s+\w+day)?(?=\s*(?:[,.;:\"”]|$))"
)
_NOT_A_SOURCE = {"it", "this", "that", "which", "who", "there", "here", "he", "she", "they", "we", "i", "you"}


def source_of(
    quotes: list[Quote],
    start: int,
    end: int,
    text: str = "",
    sentence: tuple[int, int] | None = None,
    entities: list[Entity] = (),  # type: ignore[assignment]
) -> Party | None:
    best = None
    for qt in quotes:
        if qt.start <= start and end <= qt.end and (best is None or qt.end - qt.start < best.end - best.start):
            best = qt
    if best is not None and not (
        best.cue is not None and sentence is not None and not sentence[0] <= best.cue.start < sentence[1]
    ):
        return best.speaker
    if not text or sentence is None:
        return best.speaker if best is not None else None
    # a quote whose cue is in another sentence yields to the claim's own sentence's source: "X says ...
    # fell on them. In China, one person died in Tibet, local media said."
    own = _named_in_sentence(text, sentence, start, end, entities)
    return own if own is not None or best is None else best.speaker


def _named_in_sentence(
    text: str, sentence: tuple[int, int], start: int, end: int, entities: list[Entity]
) -> Party | None:
    s0, s1 = sentence
    sent = text[s0:s1]
    found = None
    for rx in (_ACCORDING, _FIGURES_FROM):
        if m := rx.search(sent):
            found = (s0 + m.start("src"), s0 + m.end("src"))
            break
    if found is None:
        before = text[s0:start]
        cut = max(before.rfind(";"), before.rfind(" but "), before.rfind(" while "))
        clause_at = s0 + cut + 1 if cut >= 0 else s0
        if m := _ESTIMATES.search(text[clause_at:start]):
            found = (clause_at + m.start("src"), clause_at + m.end("src"))
    if found is None and (m := _SAID_AFTER.search(text, end, sentence[1])):
        found = (m.start("src"), m.end("src"))
    if found is None:
        return None
    a, b = found
    name = text[a:b].strip()
    if name.lower() in _NOT_A_SOURCE or not re.search(r"[A-Za-z]", name):
        return None
    for ent in entities:  # the entity the span names, when one is mentioned inside it
        if ent.label in ("PERSON", "ORG", "GPE", "NORP") and any(
            a <= ms and me <= b and (ent.label in ("PERSON", "ORG") or not re.search(r"\w", text[me:b]))
            for ms, me in ent.mentions
        ):  # a country or nationality only as the span's head: "a Russian organization" is no government
            return Party(name=ent.name, entity=ent.id, start=a, end=b)
    return Party(name=name, start=a, end=b)


def time_of(dates, sent, start: int, end: int) -> str | None:
    """The nearest DATE inside the sentence; `dates` (start, end, value) sorted by start."""
    if sent is None:
        return None
    best, dist = None, None
    for s, e, v in dates[bisect_left(dates, (sent[0],)) :]:
        if s >= sent[1]:
            break
        if e <= sent[1]:
            d = start - e if e <= start else s - end  # characters between the date and the claim
            if dist is None or d < dist:
                best, dist = v, d
    return best
