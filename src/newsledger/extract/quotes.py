"""Quotes and attributions: who said, claimed or holds what, as `Quote` records.

Two sources of evidence meet here: the dependency parse finds cue words with their source and content
(`attribution.rules`), and the quotation marks find direct speech (`attribution.marks`), which widens a
content span to its whole quotation and catches quotations the parse leaves without a cue. Speakers are
then resolved to the article's entities (`attribution.speakers`).
"""

from __future__ import annotations

import bisect
import dataclasses
import re

from spacy.tokens import Doc

from ..models import Article, Cue, Entity, Party, Quote
from .attribution import colons, cues, filters, marks, model, rules
from .attribution.speakers import Speakers


def extract_quotes(doc: Doc, article: Article, entities: list[Entity]) -> list[Quote]:
    """The trained tagger's attributions where the model is installed (the rules are its features), else
    the rules' own."""
    quotes = rule_quotes(doc, article, entities)
    tagger = model.tagger()
    found = quotes if tagger is None else tagged_quotes(doc, article, entities, quotes, tagger)
    return filters.keep(doc, article.text, found)


def rule_quotes(doc: Doc, article: Article, entities: list[Entity]) -> list[Quote]:
    return [q for q, _ in candidates(doc, article, entities)]


def tagged_quotes(doc: Doc, article: Article, entities: list[Entity], rules_out: list[Quote], tagger) -> list[Quote]:
    """Quotes from the CRF's source / cue / content tags over the paragraphs that can hold one."""
    text = article.text
    regions = marks.quote_regions(text, len(article.body))
    labels = model.rule_labels(doc, rules_out)
    speakers = Speakers(text, entities, doc)
    found = []
    for i, j in model.paragraphs(doc):
        if model.worth_tagging(doc, i, j, labels[i:j]):
            found += model.decode(doc, i, tagger.tag(model.features(doc, i, j, labels[i:j], regions)))
    out: list[Quote] = []
    seen: set[tuple[int, int]] = set()
    last: Party | None = None
    for f in found:
        start, end = _widen(f.start, f.end, regions, text)
        cue = Cue(text[f.cue[0] : f.cue[1]], *f.cue) if f.cue else None
        rule = _overlapping(rules_out, start, end)
        if rule is not None and cue is not None and rule.cue is not None and _meets(rule.cue, cue):
            if rule.start <= start and end <= rule.end:
                start, end = rule.start, rule.end  # the parse's whole clause around a cue set into it
        if (start, end) in seen or end <= start:
            continue
        seen.add((start, end))
        speaker = None
        if rule is not None and rule.speaker is not None and rule.speaker.start is not None:
            speaker = rule.speaker  # the parse's source of the same content
        elif f.source is not None and f.source_head is not None:
            speaker = speakers.party(*f.source, f.source_head.text, f.source_head.idx)
        elif rule is not None and rule.speaker is not None:
            speaker = rule.speaker  # a speaker named elsewhere (an uncued quotation's last speaker)
            cue = cue or rule.cue
        elif f.cue is None and last is not None:
            speaker = last  # an uncued quotation goes on with the last speaker's speech
        if speaker is not None:
            last = speaker
        out.append(
            _quote(article, start, end, _resumed(_kind(start, end, regions), start, end, cue, regions), speaker, cue)
        )
    # '"..." ― Ana Ruiz "..." ― Tomas Berg': a signed quotation is its signer's, whatever the tagger read across it
    signed = [q for q in rules_out if q.cue is not None and q.cue.text in colons.DASHES]
    if signed:
        out = [q for q in out if not any(_crosses(q, s) for s in signed)]
    # what the rules found and the tagger did not read at all stays (short texts, rare constructions)
    out += [q for q in rules_out if _overlapping(out, q.start, q.end) is None]
    out.sort(key=lambda q: (q.start, -q.end))
    return [_according_source(doc, speakers, q) for q in out]


def _according_source(doc: Doc, speakers: Speakers, q: Quote) -> Quote:
    """'..., according to the NAACP': the source is the object of 'according to', whatever the tagger took
    ('America's prison population stood at ...' is no speaker)."""
    cue, sp = q.cue, q.speaker
    if cue is None or not cue.text.lower().startswith("according"):
        return q
    if sp is not None and sp.start is not None and 0 <= sp.start - cue.end <= 2:
        return q
    span = doc.char_span(cue.start, cue.end, alignment_mode="expand")
    to = span[-1] if span is not None and len(span) and span[-1].lower_ == "to" else None
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    if pobj is None:
        return q
    right = pobj.right_edge.i
    while right > pobj.i and (doc[right].is_punct or doc[right].is_space):
        right -= 1
    a, b = doc[pobj.left_edge.i].idx, doc[right].idx + len(doc[right].text)
    return dataclasses.replace(q, speaker=speakers.party(a, b, pobj.lower_, pobj.idx))


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
    speakers = Speakers(text, entities, doc)
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
    covered = [(f.start, f.end) for f in found]
    found += [f for f in colons.dash_quotes(text, regions) if not any(s < f.end and f.start < e for s, e in covered)]
    for f in found:
        start, end = _paragraph(f.start, f.end, f.cue, regions, text)
        start, end = _widen(start, end, regions, text)
        kind = _kind(start, end, regions)
        if f.cue[0] >= end and text[f.cue[0]] not in colons.DASHES:  # a signature closes its quotation
            end = _continue(text, f.cue[1], end, regions)
        if (start, end) in seen or end <= start:
            continue
        seen.add((start, end))
        speaker = speakers.party(*f.source, f.source_head, f.source_head_at) if f.source else None
        out.append(_quote(article, start, end, kind, speaker, Cue(text[f.cue[0] : f.cue[1]], f.cue[0], f.cue[1])))
        keys[id(out[-1])] = f.key
    out.sort(key=lambda q: (q.start, -q.end))
    if flt:
        out = _one_per_content(out)
    return [(q, keys.get(id(q), _UNCUED)) for q in _uncued(out, regions, text, article.id, keys, flt)]


def _quote(article: Article, start: int, end: int, kind: str, speaker: Party | None, cue: Cue | None) -> Quote:
    return Quote(article.id, start, end, article.text[start:end], kind, speaker, cue)


def _resumed(kind: str, start: int, end: int, cue: Cue | None, regions) -> str:
    """'"...," said X, "..."' is direct speech, though the cue and speaker stand between its quotations."""
    if kind != "mixed" or cue is None or not start < cue.start < end:
        return kind
    starts = {s for s, _ in regions}
    ends = {e for _, e in regions}
    return "direct" if start in starts and end in ends else kind


def _crosses(q: Quote, signed: Quote) -> bool:
    """Whether q overlaps a signed quotation other than as an attribution inside it."""
    inside = signed.start <= q.start and q.end <= signed.end and q.cue is not None
    return q.start < signed.end and signed.start < q.end and not inside


def _meets(a: Cue, b: Cue) -> bool:
    return a.start < b.end and b.start < a.end


def _overlapping(quotes: list[Quote], start: int, end: int) -> Quote | None:
    """The first quote whose content overlaps [start, end) by half the shorter span or more."""
    for q in quotes:
        inter = min(q.end, end) - max(q.start, start)
        if inter > 0 and inter >= 0.5 * min(q.end - q.start, end - start):
            return q
    return None


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


_EDGE = " \t\n,;:.–—-"
_MARKS = '"“”‘’«»'


# A cue of its own right after a quotation: '"..." Laine said of the council', '"...," added Orr'.
_OWN_CUE = re.compile(
    r"\s*,?\s*(?:(?:(?-i:[A-Z])[\w.'’-]*|he|she|they|we|i)\s+){1,3}(?:said|says|added|adds|told|asked|wrote|writes)\b"
    r"|\s*,?\s*(?:said|says|added|adds|asked|wrote|writes)\b",
    re.I,
)


def one_span(q: Quote, text: str) -> list[Quote]:
    """A quotation split by its cue and speaker as spans with neither inside, since the contract's content is
    one span of what was said. Of the two sides, the quoted one; of two quoted sides the first ('"We lost 12
    people," Orr said, "and 40 are missing."'), unless it is two words or fewer ('"No," he said, "..."');
    both, as two quotes, where a sentence end parts them and a cue of its own follows the second ('"We are
    ready," Laine said. "Who do they think they are?" Laine said of the council'). An unquoted content with
    its cue inside is left as it is (a content the parse widened: cutting it at the cue loses as many PolNeAR
    dev contents as it finds). Run after the claims, which keep their credit on both sides."""
    inside = [
        (p.start, p.end)
        for p in (q.speaker, q.cue)
        if p is not None and p.start is not None and p.end is not None and q.start < p.start and p.end < q.end
    ]
    if not inside:
        return [q]
    cut0, cut1 = min(a for a, _ in inside), max(b for _, b in inside)
    sides = []
    for a, b in ((q.start, cut0), (cut1, q.end)):
        piece = q.text[a - q.start : b - q.start]
        lead = len(piece) - len(piece.lstrip(_EDGE))
        kept = piece.lstrip(_EDGE).rstrip(_EDGE.replace(".", ""))
        # the rest of the cue's sentence before a new one opens a quotation: "... said on Radio Lindqvist. “..."
        mark = next((i for i, c in enumerate(kept) if c in _MARKS), 0)
        if mark and kept[:mark].rstrip()[-1:] in (".", "!", "?"):
            lead, kept = lead + mark, kept[mark:]
        if kept.strip(_MARKS + "' "):
            sides.append((a + lead, a + lead + len(kept), kept))
    quoted = [s for s in sides if any(m in s[2] for m in _MARKS)]
    if not quoted:
        return [q]
    if len(quoted) == 2:
        between = q.text[cut1 - q.start : quoted[1][0] - q.start]
        if not (any(c in between for c in ".!?") and _OWN_CUE.match(text, q.end)):
            quoted = quoted[1:] if len(quoted[0][2].split()) <= 2 else quoted[:1]
    return [dataclasses.replace(q, start=a, end=b, text=t) for a, b, t in quoted]
