"""Numeric claims: every figure in an article with its interval, qualifier, change, unit, what it counts,
what it measures, who states it, and when.

The cascade, for each article (docs/claims.md gives the reasons):
1. numbers.find_numbers finds every number in the body: digits, words, vague counts, fractions;
   patterns.BLOCK_RE marks what is not a figure (times of day, dates, phone numbers, addresses, ordinals, ...).
2. Each number is read with its neighbours in the text (`reading`): a currency sign before, a scale, unit
   or currency word after; then (`context`) a qualifier before ("some", "just over") or after ("or more").
3. Two numbers joined by "-", "to", "and" (after "between") or "or" become one range (`context`).
4. Years, model numbers and labels ("Game 7") are dropped with the help of the parse (`parse`).
5. The parse gives what is counted (the noun the number modifies, or "of" what) and the measure (a
   lexicon word on the noun or on the verbs above it); a bare figure inherits both from the figure
   before it ("40 casualties ... a figure close to 300").
6. The source is the speaker of the innermost quote holding the claim, else a source its sentence names
   for it, else the nearest attribution above it in the parse; the time is the nearest DATE in its sentence
   (`sources`).
Everything is regex over the text plus a few lookups in the parse per figure: no per-token loops.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from ...models import Article, Claim, Entity, Quote, TimeExpr, Value
from .. import measures as M
from ..attribution.speakers import Speakers
from ..numbers import find_numbers
from .context import change, inherit, is_score, join_range, qualify
from .figure import Counting, Figure
from .parse import skip_by_parse, syntax
from .reading import blocking, read
from .sources import source_of, time_of

__all__ = ["extract_claims"]


def extract_claims(
    doc: Doc, article: Article, entities: list[Entity], quotes: list[Quote], times: list[TimeExpr]
) -> list[Claim]:
    """The claims of the article body, in text order; `entities` name the sources a sentence gives."""
    text = article.text
    limit = len(article.body)
    figures = _ranges(text, _read_all(text, limit))
    dates = sorted((t.start, t.end, t.value) for t in times if t.type == "DATE")
    out: list[Claim] = []
    kept: list[tuple[Figure, Counting, tuple[int, int]]] = []
    prev: Figure | None = None
    speakers = Speakers(text, entities, doc)
    for q in figures:
        qualify(text, q, limit)
        if skip_by_parse(doc, text, q):
            continue
        change(text, q, prev, limit)
        inherit(text, q, prev)
        c, sent = _parse(doc, text, q)
        if sent:
            _from_figure_before(text, q, c, sent, kept)
            kept.append((q, c, sent))
        prev = q
        out.append(_claim(article, text, q, c, sent, quotes, dates, entities, doc, speakers))
    return out


def _read_all(text: str, limit: int) -> list[Figure]:
    """Every number of the body read as a figure, less those inside a non-figure span (BLOCK_RE)."""
    found: list[Figure] = []
    blocked_until = -1
    for n in find_numbers(text, 0, limit):
        if n.start < blocked_until:
            continue
        b = blocking(text, n, limit)
        if b is not None:
            blocked_until = b
            continue
        q = read(text, n, limit)
        if q is not None:
            found.append(q)
    return found


def _ranges(text: str, found: list[Figure]) -> list[Figure]:
    """Neighbouring figures joined into ranges; the two numbers of a score dropped."""
    figures: list[Figure] = []
    i = 0
    while i < len(found):
        q = found[i]
        if i + 1 < len(found):
            r = join_range(text, q, found[i + 1])
            if r is not None:
                figures.append(r)
                i += 2
                continue
            if is_score(text, q, found[i + 1]):
                i += 2
                continue
        figures.append(q)
        i += 1
    return figures


def _parse(doc: Doc, text: str, q: Figure) -> tuple[Counting, tuple[int, int] | None]:
    """What the parse says the figure counts and measures, and the span of its sentence."""
    span = doc.char_span(q.core_start, q.core_end, alignment_mode="expand")
    if span is None or not len(span):
        return Counting(), None
    s = span[0].sent
    return syntax(doc, text, q, span), paragraph_clip(text, (s.start_char, s.end_char), q.core_start, q.core_end)


_PARAGRAPH = re.compile(r"\n[ \t]*\n")
_HEADING_WORDS = 12


def _heading(par: str) -> bool:
    """A paragraph that is no sentence of its own: blanked (a widget, a caption), or a subheading: a few words,
    no full stop, no digit (not a post's signature, "- Name (@handle) March 15, 2019", which dates the post)."""
    par = par.strip()
    return not par or (
        len(par.split()) <= _HEADING_WORDS
        and not par.endswith((".", "!", "?", '"', "”", "'", "’"))
        and not any(ch.isdigit() for ch in par)
    )


def paragraph_clip(text: str, sent: tuple[int, int], start: int, end: int) -> tuple[int, int]:
    """The sentence without the subheadings and blanked widget lines the parser joined to it across a blank
    line ("Suspects held", then a video widget, then the paragraph), which end in no full stop."""
    s0, s1 = sent
    cur = s0
    for m in _PARAGRAPH.finditer(text, s0, start):
        if _heading(text[cur : m.start()]):
            s0 = m.end()
        cur = m.end()
    for m in _PARAGRAPH.finditer(text, end, s1):
        nxt = _PARAGRAPH.search(text, m.end(), s1)
        if _heading(text[m.end() : nxt.start() if nxt else s1]):
            s1 = m.start()
            break
    return s0, s1


# A figure inside an aside that names a part of the count before it.
_PART_ASIDE = re.compile(
    r"\b(?:including|among them|among whom|of whom|of them|such as)\s+(?:at least\s+|about\s+|some\s+)?$", re.I
)


# Between two counts of one list: "three adults and two children", "four soldiers, two police officers".
_CONJUNCT = re.compile(r"\s+[\w-]+(?:\s+[\w-]+){0,2}?\s*(?:,\s*(?:and\s+)?|\s+and\s+)", re.I)


# A verb of what is done to people, right before a bare count: the count is its object ("killed at least
# seven"), not more of the figure before, unless that figure is an object of such a verb too ("killed 12
# soldiers and wounded 10").
_ACT_BEFORE = re.compile(
    r"\b(?:killed|killing|kills|murdered|wounded|wounding|injured|injuring|shot|shooting|stabbed|stabbing|"
    r"arrested|arresting|detained|detaining)\s+(?:at\s+least\s+|about\s+|some\s+|nearly\s+|more\s+than\s+|"
    r"over\s+|up\s+to\s+|almost\s+|another\s+)?$",
    re.I,
)


def _from_figure_before(
    text: str, q: Figure, c: Counting, sent: tuple[int, int], kept: list[tuple[Figure, Counting, tuple[int, int]]]
) -> None:
    """A bare figure counts what the figure before it in the sentence counted; it measures the same
    unless a verb of its own says something else ("332 were arrested, but only seven convicted")."""
    if c.counted is not None or not (q.unit is None and c.bare or c.generic) or q.num.kind == "fraction":
        return
    for k, (pq, pc, psent) in reversed(list(enumerate(kept))[-4:]):
        # "the real figure", "the toll" point back to the sentence before as well
        if psent != sent and not (c.generic and psent[1] >= sent[0] - 3):
            break
        if ";" in text[pq.end : q.start]:  # "... three police officers; at least 500 were injured": not theirs
            break
        if _PART_ASIDE.search(text[max(psent[0], pq.start - 30) : pq.start]):
            continue  # "killed 12 people, including two police officers, and wounded 10": the 10 are not officers
        if c.generic and k and kept[k - 1][2] == psent and _CONJUNCT.fullmatch(text, kept[k - 1][0].end, pq.start):
            break  # "three adults and two children drowned. The toll rose to 19": a toll of people, not children
        if _ACT_BEFORE.search(text[pq.end : q.start]) and not _ACT_BEFORE.search(
            text[max(psent[0], pq.start - 40) : pq.start] + " "
        ):
            break  # "three attackers armed with knives killed at least seven": the seven are not attackers
        if (pc.counted or pc.measure) and pq.unit is None and pq.num.kind != "fraction":
            c.counted = pc.counted  # "acknowledged just over 20 dead ... a figure close to 300"
            if c.measure is None and (c.verb is None or c.verb in M.REPORTING or c.verb == pc.verb):
                c.measure = pc.measure
            break


def _claim(article: Article, text: str, q: Figure, c: Counting, sent, quotes, dates, entities, doc, speakers) -> Claim:
    return Claim(
        article_id=article.id,
        start=q.start,
        end=q.end,
        text=text[q.start : q.end],
        value=Value(q.point, q.low, q.high),
        qualifier=q.qualifier,
        change=q.change,
        unit=q.unit,
        counted=c.counted,
        measure=c.measure,
        source=source_of(quotes, q.start, q.end, text, sent, entities, doc, speakers),
        sentence_start=sent[0] if sent else None,
        sentence_end=sent[1] if sent else None,
        time=time_of(dates, sent, q.start, q.end),
    )
