"""Attribution relations from the dependency parse: a cue word, its source, and its content.

The cascade, per cue verb (lemma in the lexicon):
  content: a clausal complement (`said (that) ...`, also before the verb: `"...," he said`);
           else for object-taking cues the object (`acknowledged just over 20 dead`, `backs the plan`),
           an open complement (`wants to ...`) or a `about/of/against` phrase;
           else the quotation that follows the cue (`He said: "..."`);
           else, for a cue set into a clause (`..., the minister said, ...`), that clause.
  source:  the subject; for `by`-passives the agent; for a cue without a subject, the subject of the
           verb it is conjoined or subordinated to (`..., adding that ...`); for `who said`, the noun.
`according to X` adjuncts make X the source of the rest of their sentence.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from .lexicon import CONTENT_PREPS, CUE_VERBS, OBJECT_CONTENT

_QUOTE_CHARS = frozenset("\"“”„«»'`‘’")
_SUBJ = ("nsubj",)
_INHERIT = ("conj", "advcl", "xcomp")
_OBJ = ("dobj", "oprd", "xcomp", "dative")
_REL_PRON = {"WP", "WDT", "WP$"}


@dataclass(frozen=True)
class Found:
    """One attribution as character spans; source is None when the text names nobody."""
    start: int
    end: int
    cue: tuple[int, int]
    source: tuple[int, int] | None
    source_head: str | None = None


def _is_trim(tok: Token) -> bool:
    return tok.is_space or (tok.is_punct and tok.text[0] not in _QUOTE_CHARS)


def char_span(doc: Doc, i: int, j: int) -> tuple[int, int] | None:
    """Characters of tokens [i, j) without leading/trailing punctuation (quote marks stay)."""
    while i < j and _is_trim(doc[i]):
        i += 1
    while j > i and _is_trim(doc[j - 1]):
        j -= 1
    if i >= j:
        return None
    return doc[i].idx, doc[j - 1].idx + len(doc[j - 1])


def _subtree(doc: Doc, tok: Token) -> tuple[int, int] | None:
    return char_span(doc, tok.left_edge.i, tok.right_edge.i + 1)


def _source(doc: Doc, verb: Token) -> tuple[Token, tuple[int, int]] | None:
    for _ in range(3):
        passive = False
        for c in verb.children:
            if c.dep_ == "nsubj":
                span = _source_span(doc, c)
                return (c, span) if span else None
            if c.dep_ == "auxpass":
                passive = True
            if c.dep_ == "agent":
                for p in c.children:
                    if p.dep_ == "pobj":
                        span = _subtree(doc, p)
                        return (p, span) if span else None
        if passive or verb.dep_ not in _INHERIT or verb.head is verb:
            return None
        verb = verb.head
    return None


def _source_span(doc: Doc, tok: Token) -> tuple[int, int] | None:
    """The subject's words; an apposition keeps its closing comma, as PolNeAR marks it
    ("Ana Ruiz, the owner of the shop, said")."""
    i, j = tok.left_edge.i, tok.right_edge.i + 1
    span = char_span(doc, i, j)
    if span and j < len(doc) and doc[j - 1].text == "," and any(t.text == "," for t in doc[i:j - 1]):
        span = (span[0], doc[j - 1].idx + 1)
    return span


def _content(doc: Doc, verb: Token, regions_after) -> tuple[int, int] | None:
    comps = [c for c in verb.children if c.dep_ == "ccomp"]
    if comps:
        after = [c for c in comps if c.i > verb.i]
        c = after[0] if after else comps[-1]
        return _subtree(doc, c)
    lemma = verb.lemma_.lower()
    if lemma in OBJECT_CONTENT:
        objs = [c for c in verb.children if c.dep_ in _OBJ and c.i > verb.i]
        if objs:
            return char_span(doc, objs[0].left_edge.i, objs[-1].right_edge.i + 1)
        for c in verb.children:
            if c.dep_ == "prep" and c.i > verb.i and c.lower_ in CONTENT_PREPS:
                for p in c.children:
                    if p.dep_ in ("pobj", "pcomp"):
                        return _subtree(doc, p)
    q = regions_after(verb)
    if q:
        return q
    head = verb.head
    if verb.dep_ in ("parataxis", "ccomp") and head is not verb:
        if head.i < verb.i and verb.right_edge.i + 2 >= head.right_edge.i:
            # '"...," the minister said.' / '..., X said.': the clause before the cue
            return char_span(doc, head.left_edge.i, verb.left_edge.i)
        # 'The risk, he said, is ...': the whole clause; the cue sits inside it
        return char_span(doc, head.left_edge.i, head.right_edge.i + 1)
    return None


def find(doc: Doc, text: str, regions: list[tuple[int, int]]) -> list[Found]:
    starts = {}
    for k, (qs, _) in enumerate(regions):
        starts[qs] = k

    def regions_after(verb: Token):
        # the quotation opening within a few characters after the cue (`said: "`, `said, "`)
        pos = verb.idx + len(verb)
        for off in range(0, 4):
            k = starts.get(pos + off)
            if k is not None:
                between = text[pos:pos + off]
                if all(ch in " ,:\n—-" for ch in between):
                    return regions[k]
        return None

    # PolNeAR does not annotate attributions inside direct speech ("I think ..." within a quote)
    inside = [False] * len(doc)
    ti = 0
    for qs, qe in regions:
        while ti < len(doc) and doc[ti].idx <= qs:
            ti += 1
        while ti < len(doc) and doc[ti].idx < qe - 1:
            inside[ti] = True
            ti += 1

    found: list[Found] = []
    for tok in doc:
        if inside[tok.i]:
            continue
        low = tok.lower_
        if low == "according":
            f = _according(doc, tok)
            if f:
                found.append(f)
            continue
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in CUE_VERBS:
            continue
        content = _content(doc, tok, regions_after)
        if content is None:
            continue
        src = _source(doc, tok)
        cue = (tok.idx, tok.idx + len(tok))
        if src:
            head, span = src
            found.append(Found(content[0], content[1], cue, span, head.lower_))
        else:
            found.append(Found(content[0], content[1], cue, None))
    return found


def _according(doc: Doc, tok: Token) -> Found | None:
    if tok.i + 1 >= len(doc) or doc[tok.i + 1].lower_ != "to":
        return None
    to = doc[tok.i + 1]
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    src = _subtree(doc, pobj)
    sent = tok.sent
    lo, hi = tok.left_edge.i, tok.right_edge.i + 1
    before = char_span(doc, sent.start, lo)
    after = char_span(doc, hi, sent.end)
    parts = [p for p in (before, after) if p]
    if not parts:
        return None
    content = max(parts, key=lambda p: p[1] - p[0])
    return Found(content[0], content[1], (tok.idx, to.idx + len(to)), src, pobj.lower_)
