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

import bisect
import re
from dataclasses import dataclass

from spacy.symbols import AUX, NOUN, VERB
from spacy.tokens import Doc, Token

from .lexicon import (
    CONTENT_PREPS,
    CUE_VERBS,
    DOC_NOUNS,
    NAMING,
    NOUN_CUES,
    OBJECT_CONTENT,
    ORG_NOUNS,
    PERSON_NOUNS,
    PREP_CUES,
    SPEECH,
    STANCE_ADJ,
)

_PREP_VERBS = frozenset(v for v, _ in PREP_CUES)

_QUOTE_CHARS = frozenset("\"“”„«»'`‘’")
_SUBJ = ("nsubj",)
_INHERIT = ("conj", "advcl", "xcomp", "acomp")
_OBJ = ("dobj", "oprd", "xcomp", "dative")
_REL_PRON = {"WP", "WDT", "WP$"}
_NOMINAL = {"PROPN", "NOUN", "PRON"}
_WHEN = {"DATE", "TIME"}
_END_PUNCT = set(",.?!…—-")
# "said of Apple": for these, "of" names the topic, not the content
_SAY = {"say", "tell", "write", "add", "ask"}
# verbs whose that-clause is a consequence or fact, not something said ("this means that")
_NOT_THAT_CUES = {"mean", "be", "make", "ensure", "happen", "seem", "appear", "require", "follow", "prove"}
_SPEECH_OBJ = {"say", "write", "show", "think", "believe", "agree", "intend", "tell", "ask"}
# a sentence ends in the gap between a quotation and a verb (not "Mr." or "D.C.")
_SENT_END = re.compile(r"[a-z]{3}[.!?] +[A-Z\"“]")


@dataclass(frozen=True)
class Found:
    """One attribution as character spans; source is None when the text names nobody."""

    start: int
    end: int
    cue: tuple[int, int]
    source: tuple[int, int] | None
    source_head: str | None = None
    source_head_at: int | None = None  # the head word's offset: an entity counts only if it covers it
    # (cue lemma, construction, kind of source, length of content): what the cue filter (cues.py) judges
    key: tuple[str, str, str, str] = ("colon", "colon", "-", "-")


_PRONOUNS = frozenset("he she i we you who they it".split())
_PERSON_ENTS = frozenset({"PERSON"})
_GROUP_ENTS = frozenset({"ORG", "NORP", "GPE"})


def source_kind(tok: Token | None) -> str:
    """What kind of thing the source's head is: a person (name or person noun), a pronoun, an
    organisation or place, something else, or none -- a feature of the cue filter."""
    if tok is None:
        return "none"
    low = tok.lower_
    if low in _PRONOUNS:
        return "pron"
    if tok.ent_type_ in _PERSON_ENTS or low in PERSON_NOUNS:
        return "per"
    if tok.ent_type_ in _GROUP_ENTS or low in ORG_NOUNS:
        return "org"
    return "other"


def size(span: tuple[int, int]) -> str:
    """The content's length in characters, bucketed (a feature of the cue filter)."""
    n = span[1] - span[0]
    return "s" if n < 20 else "m" if n < 60 else "l"


def sent_bounds(doc: Doc, i: int) -> tuple[int, int]:
    """Token range of the sentence around token i (Token.sent is slow: it walks all sentences)."""
    s0 = i
    while s0 > 0 and not doc[s0].is_sent_start:
        s0 -= 1
    s1 = i + 1
    while s1 < len(doc) and not doc[s1].is_sent_start:
        s1 += 1
    return s0, s1


def _is_trim(tok: Token) -> bool:
    return tok.is_space or (tok.is_punct and tok.text[0] not in _QUOTE_CHARS)


def char_span(doc: Doc, i: int, j: int) -> tuple[int, int] | None:
    """Characters of tokens [i, j) without leading/trailing punctuation (quote marks stay)."""
    while i < j and _is_trim(doc[i]):
        i += 1
    while j > i and _is_trim(doc[j - 1]):
        if doc[j - 1].text == ")" and any(t.text == "(" for t in doc[i : j - 1]):
            break  # "Rep. Ann Lee (D-Ga.)" keeps its closing bracket
        j -= 1
    if i >= j:
        return None
    return doc[i].idx, doc[j - 1].idx + len(doc[j - 1])


def _subtree(doc: Doc, tok: Token) -> tuple[int, int] | None:
    return char_span(doc, tok.left_edge.i, tok.right_edge.i + 1)


def _source(doc: Doc, verb: Token) -> tuple[Token, tuple[int, int]] | None:
    cue = verb
    for depth in range(4):
        passive = False
        for c in verb.children:
            # a passive subject speaks only for a verb above the cue ("was asked to say")
            if c.dep_ == "nsubj" or (depth and c.dep_ == "nsubjpass"):
                if c.lower_ in ("that", "this"):
                    return None  # "That, the ministry says, ...": a misparse
                if c.i < cue.i and any(
                    "\n" in t.text_with_ws or t.text in ("—", "--") for t in doc[c.right_edge.i : cue.i]
                ):
                    return _left_noun(doc, cue)  # a dateline or headline taken for the subject
                span = _source_span(doc, c, cue)
                return (c, span) if span else None
            if c.dep_ == "auxpass":
                passive = True
            if c.dep_ == "agent":
                for p in c.children:
                    if p.dep_ == "pobj":
                        span = _subtree(doc, p)
                        return (p, span) if span else None
        if passive and not depth:
            return None
        if verb.dep_ in ("acl", "relcl") and verb.head.lower_ in DOC_NOUNS and verb.head.dep_ in _OBJ:
            verb = verb.head.head  # "issued a statement saying ...": who issued it
            continue
        if verb.dep_ == "acl" and verb.head.pos_ in _NOMINAL:
            # "a group seeking ...", "Democrats supporting Clinton": the noun the participle modifies
            noun = verb.head
            span = char_span(doc, noun.left_edge.i, noun.i + 1)
            return (noun, span) if span else None
        if verb.dep_ == "pcomp" and verb.head.head.i != verb.head.i:
            verb = verb.head.head  # "after saying ...", "by urging ...": the main verb's subject
        elif verb.dep_ in _INHERIT and verb.head.i != verb.i:
            verb = verb.head  # "..., adding that", "was quick to point out"
        else:
            break
    return _left_noun(doc, cue) if verb.i == cue.i else None


def _left_noun(doc: Doc, verb: Token) -> tuple[Token, tuple[int, int]] | None:
    """A subject the parser left unattached, right before the cue ("X, a spokesman, said")."""
    j = verb.i - 1
    while j >= 0 and doc[j].head.i == verb.i and doc[j].dep_ in ("aux", "neg", "advmod"):
        j -= 1
    if j >= 0 and doc[j].text == ",":
        j -= 1
    if j < 0 or doc[j].pos_ not in _NOMINAL or any(doc[k].is_sent_start for k in range(j + 1, verb.i + 1)):
        return None
    t = doc[j]
    while t.head.i != t.i and t.head.i < verb.i and t.head.pos_ in _NOMINAL:
        t = t.head
    span = _source_span(doc, t, verb)
    return (t, span) if span else None


def _source_span(doc: Doc, tok: Token, cue: Token) -> tuple[int, int] | None:
    """The subject's words, as PolNeAR marks them: an apposition before the cue keeps its closing
    comma ("Ana Ruiz, the owner of the shop, said"); a trailing date and a dateline are not part of it."""
    i, j = tok.left_edge.i, tok.right_edge.i + 1
    for k in range(tok.i - 1, i - 1, -1):
        if "\n" in doc[k].text_with_ws:
            i = k + 1  # "10:10 a.m.\n\nJeb Bush": a source does not cross a line break
            break
    for c in reversed(list(tok.rights)):
        if (
            c.dep_ == "npadvmod"
            and c.ent_type_ in _WHEN
            or c.dep_ == "prep"
            and any(p.ent_type_ in _WHEN for p in c.children if p.dep_ == "pobj")
        ):
            j = c.left_edge.i  # "the host on Thursday"
        else:
            break
    span = char_span(doc, i, j)
    if span and tok.i < cue.i and doc[j - 1].text == "," and any(t.text == "," for t in doc[i : j - 1]):
        span = (span[0], doc[j - 1].idx + 1)
    return span


def _that_clause(verb: Token) -> bool:
    """A verb outside the lexicon with a subject and a that-clause after it ("hinted that", "tweeted
    that") is a cue: such complements are what someone says or thinks."""
    if verb.lemma_ in _NOT_THAT_CUES:
        return False
    subj = comp = False
    for c in verb.children:
        if c.dep_ == "nsubj":
            subj = True
        elif c.dep_ == "ccomp" and c.i > verb.i and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children):
            comp = True
    return subj and comp


def _content(
    doc: Doc, verb: Token, regions_after, explore: bool = False
) -> tuple[tuple[int, int], str] | tuple[None, str]:
    """The content span and the construction that gave it (ccomp, pass, obj, prep, quote, clause)."""
    span, how = _content_how(doc, verb, regions_after, explore)
    return (span, how) if span else (None, how)


def _content_how(doc: Doc, verb: Token, regions_after, explore: bool):
    lemma = verb.lemma_.lower()
    # else a cue only with its preposition; `explore`: a verb outside the lexicon tried as a cue of any
    # construction (the cue filter keeps those that the train split shows to be attribution)
    cue = explore or lemma in CUE_VERBS or _that_clause(verb)
    comps = [c for c in verb.children if c.dep_ == "ccomp"] if cue else None
    if comps:
        after = [c for c in comps if c.i > verb.i]
        c = after[0] if after else comps[-1]
        return _subtree(doc, c), "ccomp"
    if lemma in OBJECT_CONTENT or explore:
        subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if subj is not None:
            return _subtree(doc, subj), "pass"  # "the plan was criticized (by the union)": what was criticized
        objs = [c for c in verb.children if c.dep_ in _OBJ and c.i > verb.i]
        bare = objs and objs[0].pos_ == "PRON" and objs[0].left_edge.i == objs[-1].right_edge.i
        if bare and lemma in _SPEECH_OBJ:
            objs = []  # "said it", "wrote them": a bare pronoun is no content of speech
        if objs:
            return char_span(doc, objs[0].left_edge.i, objs[-1].right_edge.i + 1), "obj"
    for c in verb.children:
        if (
            c.dep_ == "prep"
            and c.i > verb.i
            and (
                c.lower_ in CONTENT_PREPS and not (lemma in _SAY and c.lower_ == "of") or (lemma, c.lower_) in PREP_CUES
            )
        ):
            for p in c.children:
                if p.dep_ in ("pobj", "pcomp") and p.ent_type_ not in _WHEN:  # not "spoke on Monday"
                    return _subtree(doc, p), "prep"
    if not cue:
        return None, ""
    q = regions_after(verb)
    if q:
        return q, "quote"
    head = verb.head
    if (
        lemma in SPEECH
        and verb.dep_ in ("parataxis", "ccomp")
        and head.i != verb.i
        and verb.left_edge.i > 0
        and (doc[verb.left_edge.i].is_punct or doc[verb.left_edge.i - 1].is_punct)
        and not any(c.dep_ == "mark" for c in verb.children)
    ):
        if head.i < verb.i and verb.right_edge.i + 2 >= head.right_edge.i:
            # '"...," the minister said.' / '..., X said.': the clause before the cue
            return char_span(doc, head.left_edge.i, verb.left_edge.i), "clause"
        # 'The risk, he said, is ...': the whole clause; the cue sits inside it
        return char_span(doc, head.left_edge.i, head.right_edge.i + 1), "clause"
    return None, ""


def find(doc: Doc, text: str, regions: list[tuple[int, int]], explore=frozenset()) -> list[Found]:
    """Every candidate attribution. `explore`: lemmas outside the lexicon to try as cues as well (a set,
    or True for every verb with a subject: what bench/build_cue_stats.py counts on the train split)."""
    starts = {}
    for k, (qs, _) in enumerate(regions):
        starts[qs] = k

    def regions_after(verb: Token):
        # the quotation opening within a few characters after the cue (`said: "`, `said, "`)
        pos = verb.idx + len(verb)
        for off in range(0, 4):
            k = starts.get(pos + off)
            if k is not None:
                between = text[pos : pos + off]
                if all(ch in " ,:\n—-" for ch in between):
                    return regions[k]
        return None

    # PolNeAR does not annotate attributions inside direct speech ("I think ..." within a quote)
    qstarts = [qs for qs, _ in regions]

    def inside(tok: Token) -> bool:
        k = bisect.bisect_right(qstarts, tok.idx) - 1
        return k >= 0 and tok.idx < regions[k][1] - 1

    cands: list[Token] = []
    new: set[int] = set()
    found: list[Found] = []
    for tok in doc:
        if tok.pos == NOUN:
            if tok.lower_ in NOUN_CUES and not inside(tok):
                f = _noun_cue(doc, tok)
                if f:
                    found.append(f)
            continue
        if tok.pos != VERB and tok.pos != AUX and tok.lower_ != "according" or inside(tok):
            continue
        if tok.lower_ == "according":
            f = _according(doc, tok)
            if f:
                found.append(f)
            continue
        if tok.pos == AUX:
            f = _stance_adj(doc, tok)
            if f:
                found.append(f)
            continue
        lemma = tok.lemma_.lower()
        if lemma in CUE_VERBS or lemma in _PREP_VERBS or _that_clause(tok):
            cands.append(tok)
        elif tok.pos == VERB and (explore is True or lemma in explore):
            cands.append(tok)
            new.add(tok.i)

    anchored = _quote_cues(text, regions, cands)
    for tok in cands:
        if tok.lemma_.lower() in NAMING and (tok.dep_ == "acl" or doc[tok.i - 1].lower_ in ("so", "so-")):
            continue  # "a group called X", "the so-called deal": a name, not a statement
        if (
            tok.lower_ == "said"
            and tok.i
            and doc[tok.i - 1].lower_ == "that"
            and tok.i + 1 < len(doc)
            and doc[tok.i + 1].text == ","
        ):
            continue  # "That said, ..."
        content, how = _content(doc, tok, regions_after, tok.i in new)
        quote = anchored.get(tok.i)
        if quote and quote[0] < tok.idx and content and content[0] > tok.idx and content == regions_after(tok):
            content = (quote[0], content[1])  # '"...," she said, "..."': one quotation split by its cue
        elif quote and (content is None or quote[0] < tok.idx and content[0] < tok.idx):
            content, how = quote, "quote"  # the parse missed the quotation next to the cue
        if content is None:
            continue
        src = _source(doc, tok)
        cue = (tok.idx, tok.idx + len(tok))
        lemma = tok.lemma_.lower()
        if tok.i not in new and lemma not in CUE_VERBS and how == "ccomp":
            how = "that"  # a verb outside the lexicon with a that-clause
        key = (lemma, how, source_kind(src[0] if src else None), size(content))
        if src:
            head, span = src
            if content[0] < span[0] < content[1] and not content[0] < cue[0] < content[1]:
                # "..., a spokesman, Ana Ruiz, said": the parse put the source in the clause
                content = char_span(
                    doc,
                    doc.char_span(content[0], content[1], alignment_mode="expand").start,
                    doc.char_span(span[0], span[1], alignment_mode="expand").start,
                )
                if content is None:
                    continue
            found.append(Found(content[0], content[1], cue, span, head.lower_, head.idx, key))
        else:
            found.append(Found(content[0], content[1], cue, None, None, key))
    return found


def _quote_cues(text: str, regions: list[tuple[int, int]], cands: list[Token]) -> dict[int, tuple[int, int]]:
    """Speech verbs right next to a quotation, whatever the parse made of it: '"...," Ana Ruiz, the
    mayor, said' and 'Ruiz tweeted in response: "..."'. Token index -> the quotation."""
    out: dict[int, tuple[int, int]] = {}
    speech = [t for t in cands if t.lemma_.lower() in SPEECH]
    pos = [t.idx for t in speech]
    for qs, qe in regions:
        k = bisect.bisect_left(pos, qe)
        if k < len(speech) and speech[k].i not in out:
            gap = text[qe : pos[k]]
            # speech ends in punctuation inside its marks ('"... it,"') or is set off by a comma after them
            mark = 2 if text[qe - 2 : qe] == "''" else 1
            ended = text[qe - mark - 1 : qe - mark] in _END_PUNCT or gap.lstrip().startswith(",")
            if ended and len(gap) <= 80 and "\n" not in gap and not _SENT_END.search(gap):
                out[speech[k].i] = (qs, qe)
                continue
        k = bisect.bisect_left(pos, qs) - 1
        if k >= 0 and speech[k].i not in out:
            gap = text[pos[k] + len(speech[k]) : qs]
            # 'said, "...', 'told reporters: "...' -- not 'said in his book, "Title"'
            if gap.strip() in (",", ":", "") or len(gap) <= 40 and gap.rstrip().endswith(":"):
                out[speech[k].i] = (qs, qe)
    return out


def _stance_adj(doc: Doc, be: Token) -> Found | None:
    """'Ms Ruiz is convinced that ...', 'they were critical of the plan': source, adjective, content."""
    if be.lemma_ != "be":
        return None
    adj = subj = None
    for c in be.children:
        if c.dep_ == "acomp" and c.lower_ in STANCE_ADJ:  # "convinced" is often tagged a verb
            adj = c
        elif c.dep_ == "nsubj":
            subj = c
    if adj is None or subj is None or subj.lower_ in ("that", "this", "it"):
        return None
    content = None
    for c in list(adj.children) + list(be.children):
        if c.i <= adj.i:
            continue
        if c.dep_ in ("ccomp", "xcomp"):
            content = _subtree(doc, c)
        elif c.dep_ == "prep" and c.lower_ in ("of", "about", "with", "that", "in"):
            p = next((p for p in c.children if p.dep_ in ("pobj", "pcomp")), None)
            content = _subtree(doc, p) if p is not None else None
        if content:
            break
    if content is None:
        return None
    span = _source_span(doc, subj, be)
    return (
        Found(
            content[0],
            content[1],
            (adj.idx, adj.idx + len(adj)),
            span,
            subj.lower_,
            subj.idx,
            (adj.lower_, "adj", source_kind(subj), size(content)),
        )
        if span
        else None
    )


# Who a noun that modifies a cue noun can be: "opposition claims", "rebel allegations", "police estimates".
_PARTY_WORDS = frozenset("opposition rebel activist insurgent militant".split())  # lemmas


def party_modifier(tok: Token) -> bool:
    """Whether a word right before a cue noun names who makes the claim, not its topic ("abuse allegations")."""
    if tok.dep_ not in ("compound", "amod", "nmod"):
        return False
    return tok.ent_type_ in ("ORG", "NORP", "GPE", "PERSON") or tok.lemma_.lower() in (
        _PARTY_WORDS | ORG_NOUNS | PERSON_NOUNS
    )


def _noun_cue(doc: Doc, noun: Token) -> Found | None:
    """ "Ruiz's support for the plan", "the ministry's claim that ...": possessor, noun, content."""
    poss = content = None
    for c in noun.children:
        if c.dep_ == "poss" and c.i < noun.i:
            poss = c
        elif poss is None and c.i == noun.i - 1 and party_modifier(c):
            poss = c  # "rebel claims that 40 soldiers were captured", "Syrian opposition claims that ..."
        elif c.i > noun.i and content is None:
            if c.dep_ == "prep" and c.lower_ in ("of", "for", "on", "about", "against", "to", "that"):
                p = next((p for p in c.children if p.dep_ in ("pobj", "pcomp")), None)
                content = _subtree(doc, p) if p is not None else None
            elif c.dep_ in ("acl", "ccomp") and any(m.dep_ == "mark" for m in c.children):
                content = _subtree(doc, c)
    if poss is None or content is None or poss.tag_ == "PRP$" and poss.lower_ == "its":
        return None
    span = char_span(doc, poss.left_edge.i, poss.right_edge.i + 1)
    return (
        Found(
            content[0],
            content[1],
            (noun.idx, noun.idx + len(noun)),
            span,
            poss.lower_,
            poss.idx,
            (noun.lower_, "noun", source_kind(poss), size(content)),
        )
        if span
        else None
    )


def _according(doc: Doc, tok: Token) -> Found | None:
    if tok.i + 1 >= len(doc) or doc[tok.i + 1].lower_ != "to":
        return None
    to = doc[tok.i + 1]
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    src = _subtree(doc, pobj)
    # the clause the adjunct belongs to ("..., while according to X, <clause>"), else its sentence
    head = tok.head
    if head.i != tok.i and head.pos in (VERB, AUX):
        s0, s1 = head.left_edge.i, head.right_edge.i + 1
        while s0 < tok.i and doc[s0].dep_ in ("mark", "cc", "punct"):
            s0 += 1
    else:
        s0, s1 = sent_bounds(doc, tok.i)
    lo, hi = tok.left_edge.i, tok.right_edge.i + 1
    before = char_span(doc, s0, lo)
    after = char_span(doc, hi, s1)
    parts = [p for p in (before, after) if p]
    if not parts:
        return None
    content = max(parts, key=lambda p: p[1] - p[0])
    return Found(
        content[0],
        content[1],
        (tok.idx, to.idx + len(to)),
        src,
        pobj.lower_,
        pobj.idx,
        ("according", "according", source_kind(pobj), size(content)),
    )
