"""Quotes and attributions: who said, claimed or holds what, as `Quote` records.

Two sources of evidence meet here: the dependency parse finds cue words with their source and content
(`attribution.rules`), and the quotation marks find direct speech (`attribution.marks`), which widens a
content span to its whole quotation and catches quotations the parse leaves without a cue. Speakers are
then resolved to the article's entities (`attribution.speakers`).
"""

from __future__ import annotations

import bisect
import re

from spacy.tokens import Doc

from ..models import Article, Cue, Entity, Party, Quote
from .attribution import colons, cues, marks, rules
from .attribution.speakers import Speakers


def extract_quotes(doc: Doc, article: Article, entities: list[Entity]) -> list[Quote]:
    return [q for q, _ in candidates(doc, article, entities)]


_UNCUED = ("", "uncued", "none", "-")
_PRONOUNS = frozenset("he she they it i we".split())


def candidates(
    doc: Doc, article: Article, entities: list[Entity], use_filter=True
) -> list[tuple[Quote, tuple[str, ...]]]:
    """The quotes with the key (cue lemma, construction, kind of source, length) that produced each.
    `use_filter=False`: every candidate, verbs outside the lexicon included, unfiltered and not deduplicated
    (bench/build_cue_stats.py counts these); a `cues.Filter`: that filter instead of the shipped one."""
    text = article.text
    regions = marks.quote_regions(text, len(article.body))
    speakers = Speakers(text, entities)
    out: list[Quote] = []
    keys: dict[int, tuple[str, ...]] = {}
    seen: set[tuple[int, int]] = set()
    flt = (cues.default_filter() if use_filter is True else use_filter) or None
    found = rules.find(doc, text, regions, flt.explore_lemmas() if flt else True)
    if flt:
        found = [f for f in found if flt.keep(f.key)]
    found += colons.headline_quotes(text, len(article.body))
    covered = [(f.start, f.end) for f in found]
    found += [f for f in colons.colon_quotes(text, regions) if not any(s < f.end and f.start < e for s, e in covered)]
    for f in found:
        start, end = _paragraph(f.start, f.end, f.cue, regions, text)
        start, end = _widen(start, end, regions, text)
        kind = _kind(start, end, regions)
        if f.cue[0] >= end:
            end = _continue(text, f.cue[1], end, regions)
        if (start, end) in seen or end <= start:
            continue
        seen.add((start, end))
        speaker = speakers.party(*f.source, f.source_head, f.source_head_at) if f.source else None
        out.append(
            Quote(
                article_id=article.id,
                start=start,
                end=end,
                text=text[start:end],
                kind=kind,
                speaker=speaker,
                cue=Cue(text[f.cue[0] : f.cue[1]], f.cue[0], f.cue[1]),
            )
        )
        keys[id(out[-1])] = f.key
    out.sort(key=lambda q: (q.start, -q.end))
    if flt:
        out = _one_per_content(out)
    return [(q, keys.get(id(q), _UNCUED)) for q in _uncued(out, regions, text, article.id, keys, flt)]


def _one_per_content(quotes: list[Quote]) -> list[Quote]:
    """Of two attributions whose contents overlap by half the shorter one or more, the first (outer)
    one: on the train split the second is mostly the same attribution found twice (a cue and its
    conjoined verb, a clause and its object) and only rarely a nested one."""
    kept: list[Quote] = []
    for q in quotes:
        dup = False
        for k in reversed(kept):
            inter = min(k.end, q.end) - max(k.start, q.start)
            if inter > 0 and inter >= 0.5 * min(k.end - k.start, q.end - q.start):
                dup = True
                break
        if not dup:
            kept.append(q)
    return kept


# a second sentence in the gap: the next quotation is no longer the cue's
_SENTENCES = re.compile(r"[a-z]{2}[.!?] +\S.*[.!?] ")


def _continue(text: str, cue_end: int, end: int, regions) -> int:
    """'"...," she said. "..."' and '"...," said the mayor, "..."': the quotation right after the cue
    (in its sentence after a comma, or opening the next sentence) goes on with the same speech."""
    k = bisect.bisect_left(regions, (cue_end,))
    if k < len(regions):
        qs, qe = regions[k]
        gap = text[cue_end:qs]
        # same paragraph, nothing but the rest of the cue's clause in between
        if (
            "\n" not in gap
            and len(gap) <= 80
            and gap.rstrip()[-1:] in (",", ".", ":", "")
            and not _SENTENCES.search(gap)
        ):
            return qe
    return end


def _uncued(quotes: list[Quote], regions, text: str, article_id: str, keys: dict, flt) -> list[Quote]:
    """Quotations the parse found no cue for: in news these continue the speech of the last speaker.
    PolNeAR marks their source at that speaker's earlier mention; the span of it is given where the cue
    filter's statistics say it is mostly right (by whether the mention is a pronoun and the quotation's
    length), else only the name."""
    out = []
    qi = 0
    last = None
    for qs, qe in regions:
        while qi < len(quotes) and quotes[qi].start < qs:
            if quotes[qi].end > qs:
                break
            out.append(quotes[qi])
            if quotes[qi].speaker:
                last = quotes[qi].speaker
            qi += 1
        covered = qi < len(quotes) and quotes[qi].start < qe
        if covered or not _speech_like(text, qs, qe):
            continue
        speaker = None
        if last:
            speaker = Party(last.name, last.entity)
            if last.start is not None:
                mention = text[last.start : last.end].lower()
                key = ("", "uncued", "pron" if mention in _PRONOUNS else "name", rules.size((qs, qe)))
                if flt is None or flt.keep(key):
                    speaker = Party(last.name, last.entity, last.start, last.end)
                    keys_key = key
        q = Quote(article_id=article_id, start=qs, end=qe, text=text[qs:qe], kind="direct", speaker=speaker, cue=None)
        if speaker and speaker.start is not None:
            keys[id(q)] = keys_key
        out.append(q)
    out.extend(quotes[qi:])
    out.sort(key=lambda q: (q.start, -q.end))
    return out


def _paragraph(start: int, end: int, cue: tuple[int, int], regions, text: str) -> tuple[int, int]:
    """Reported speech outside quotation marks stays in the cue's paragraph (the parser sometimes runs a
    clause over a line break into a caption or the next paragraph)."""
    nl = text.find("\n", start, end)
    while nl != -1:
        k = bisect.bisect_right(regions, (nl, len(text))) - 1
        if not (k >= 0 and regions[k][0] < nl < regions[k][1]):
            if cue[0] < nl:
                return start, len(text[start:nl].rstrip()) + start
            start = nl + 1
        nl = text.find("\n", max(start, nl + 1), end)
    while start < end and text[start].isspace():
        start += 1
    return start, end


def _widen(start: int, end: int, regions: list[tuple[int, int]], text: str) -> tuple[int, int]:
    """Take in the quotation marks around a content span, and the rest of a quotation it opens."""
    for qs, qe in regions:
        if qe <= start:
            continue
        if qs >= end:
            break
        if qs < start <= qs + 2:
            start = qs
        if start == qs and end < qe:
            end = qe
        elif end < qe <= end + 2 and all(c in ",.!?;:" for c in text[end : qe - 1]):
            end = qe
    return start, end


def _kind(start: int, end: int, regions: list[tuple[int, int]]) -> str:
    quoted = 0
    for qs, qe in regions:
        if qe <= start:
            continue
        if qs >= end:
            break
        if qs <= start and end <= qe:
            return "direct"
        quoted += 1
    return "mixed" if quoted else "indirect"


def _speech_like(text: str, qs: int, qe: int) -> bool:
    """A quotation that is speech rather than a title or scare quote: it opens its paragraph, or it is
    a sentence-sized stretch of words."""
    words = len(text[qs:qe].split())
    para_start = qs == 0 or text[qs - 1] == "\n"
    return words >= (4 if para_start else 10)
