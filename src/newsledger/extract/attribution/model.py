"""A trained attribution tagger: source, cue and content spans as BIO tags over a paragraph's tokens.

A linear-chain CRF (CRFsuite) reads each token's words, parse and entity features, where it stands to the
nearest cue word in the parse, whether it is inside quotation marks, and what the rules (`rules`,
`colons`) made of it: the rules are features, the model learns where to trust them. Trained on PolNeAR
train by `scripts/train_attribution.py`, selected on dev; the model card is docs/attribution_model.md.

Only paragraphs that can hold an attribution are tagged (a quotation mark, a cue word, or a rule's
find); the others cost nothing beyond the parse.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from spacy.tokens import Doc, Token

from .lexicon import CUE_VERBS, NOUN_CUES, PERSON_NOUNS, STANCE_ADJ

MODEL_PATH = Path(__file__).with_name("data") / "attribution.crfsuite"

ROLES = ("SRC", "CUE", "CON")
_QUOTES = frozenset("\"“”„«»`'‘’")
_CUE_LEMMAS = CUE_VERBS | NOUN_CUES | STANCE_ADJ | frozenset({"accord"})


@dataclass(frozen=True)
class Spans:
    """One attribution as character spans, as the tagger read it: content, cue and source (each may be
    missing but content)."""

    start: int
    end: int
    cue: tuple[int, int] | None
    source: tuple[int, int] | None
    source_head: Token | None


def paragraphs(doc: Doc) -> Iterator[tuple[int, int]]:
    """Token ranges [i, j) between line breaks, without the whitespace tokens."""
    i = 0
    n = len(doc)
    while i < n:
        while i < n and doc[i].is_space:
            i += 1
        j = i
        while j < n and not (doc[j].is_space and "\n" in doc[j].text):
            j += 1
        if j > i:
            yield i, j
        i = j + 1


def worth_tagging(doc: Doc, i: int, j: int, rule_labels: Sequence[str]) -> bool:
    """Can this paragraph hold an attribution? The rules found one, or it has a quotation mark or a cue."""
    if any(lab != "O" for lab in rule_labels):
        return True
    for t in doc[i:j]:
        if t.lemma_.lower() in _CUE_LEMMAS or (t.text in _QUOTES and t.is_quote):
            return True
    return False


def span_labels(doc: Doc, i: int, j: int, spans: Sequence[tuple[str, int, int]]) -> list[str]:
    """BIO labels of tokens i..j from character spans (role, start, end); a token takes the role of the
    first span that covers its start, cue before source before content (the rare nested attribution
    keeps its inner cue and source)."""
    order = {r: k for k, r in enumerate(("CUE", "SRC", "CON"))}
    ranked = sorted(spans, key=lambda s: order[s[0]])
    labels = ["O"] * (j - i)
    for k, t in enumerate(doc[i:j]):
        for role, s, e in ranked:
            if s <= t.idx < e:
                labels[k] = role
                break
    out = []
    prev = "O"
    for lab in labels:
        out.append("O" if lab == "O" else ("I-" if lab == prev else "B-") + lab)
        prev = lab
    return out


def _cue_anchors(doc: Doc, i: int, j: int, lemmas: Sequence[str]) -> list[tuple[str, int]]:
    """For each token of [i, j), the dependency from its nearest ancestor that is a cue word: ('nsubj', 2) =
    inside the subject of a cue two levels up; ('self', 0) for the cue itself; ('none', 0) within 8 levels."""
    heads = [t.head.i for t in doc[i:j]]
    out = []
    for k in range(j - i):
        if lemmas[k] in _CUE_LEMMAS:
            out.append(("self", 0))
            continue
        found, child, at = ("none", 0), i + k, heads[k]
        for depth in range(1, 9):
            if at == child:
                break  # the root: no ancestor left
            lemma = lemmas[at - i] if i <= at < j else doc[at].lemma_.lower()
            if lemma in _CUE_LEMMAS:
                found = (doc[child].dep_, min(depth, 4))
                break
            child, at = at, (heads[at - i] if i <= at < j else doc[at].head.i)
        out.append(found)
    return out


def _quoted(doc: Doc, i: int, j: int, regions: Sequence[tuple[int, int]]) -> list[str]:
    toks = doc[i:j]
    if not len(toks):
        return []
    a, b = toks[0].idx, toks[-1].idx + len(toks[-1])
    near = [(s, e) for s, e in regions if s <= b and e > a]  # in the given order: the first holding a token wins
    out = []
    for t in toks:
        mark = "out"
        for s, e in near:
            if s <= t.idx < e:
                mark = "first" if t.idx == s else ("last" if t.idx + len(t) == e else "in")
                break
        out.append(mark)
    return out


def features(
    doc: Doc, i: int, j: int, rule_labels: Sequence[str], regions: Sequence[tuple[int, int]]
) -> list[list[str]]:
    """CRFsuite attributes of each token of the paragraph [i, j)."""
    toks = doc[i:j]
    quoted = _quoted(doc, i, j, regions)
    lemmas = [t.lemma_.lower() for t in toks]
    anchors = _cue_anchors(doc, i, j, lemmas)
    base = []
    for k, t in enumerate(toks):
        lemma = lemmas[k]
        anchor, depth = anchors[k]
        head = t.head
        base.append(
            {
                "w": t.lower_,
                "l": lemma,
                "p": t.pos_,
                "t": t.tag_,
                "d": t.dep_,
                "e": (t.ent_iob_ + t.ent_type_) if t.ent_type_ else "O",
                "s": t.shape_[:4],
                "x": t.lower_[-3:],
                "hl": (lemmas[head.i - i] if i <= head.i < j else head.lemma_.lower()) if head.i != t.i else "ROOT",
                "hp": head.pos_,
                "hd": head.dep_,
                "ca": anchor,
                "cad": f"{anchor}{depth}",
                "q": quoted[k],
                "r": rule_labels[k],
                "cue": "1" if lemma in _CUE_LEMMAS else "0",
                "pn": "1" if lemma in PERSON_NOUNS else "0",
                "ss": "1" if t.is_sent_start else "0",
            }
        )
    out = []
    n = len(base)
    for k, f in enumerate(base):
        a = [f"{name}={v}" for name, v in f.items()]
        a.append(f"d|hl={f['d']}|{f['hl']}")
        a.append(f"ca|q={f['ca']}|{f['q']}")
        a.append(f"r|ca={f['r']}|{f['ca']}")
        for off in (-2, -1, 1, 2):
            m = k + off
            if 0 <= m < n:
                g = base[m]
                a += [f"{off}:w={g['w']}", f"{off}:p={g['p']}", f"{off}:r={g['r']}", f"{off}:q={g['q']}"]
                if abs(off) == 1:
                    a += [f"{off}:d={g['d']}", f"{off}:ca={g['ca']}", f"{off}:cue={g['cue']}"]
            else:
                a.append(f"{off}:EDGE")
        out.append(a)
    return out


@cache
def tagger():
    """The shipped CRF, or None where it is not installed (the rules alone then)."""
    if not MODEL_PATH.exists():
        return None
    import pycrfsuite

    t = pycrfsuite.Tagger()
    t.open(str(MODEL_PATH))
    return t


def runs(labels: Sequence[str]) -> list[tuple[str, int, int]]:
    """(role, first, last+1) token-index runs of a BIO sequence."""
    out: list[tuple[str, int, int]] = []
    for k, lab in enumerate(labels):
        if lab == "O":
            continue
        role = lab[2:]
        if lab.startswith("I-") and out and out[-1][0] == role and out[-1][2] == k:
            out[-1] = (role, out[-1][1], k + 1)
        else:
            out.append((role, k, k + 1))
    return out


def decode(doc: Doc, i: int, labels: Sequence[str]) -> list[Spans]:
    """Attributions from one paragraph's tags: each content run goes to the nearest cue (in its
    sentence first), each cue takes the nearest source (its sentence first); content runs on both sides
    of one cue ('"...," he said, "..."') are one content."""
    rs = [(role, i + a, i + b) for role, a, b in runs(labels)]
    cues = [r for r in rs if r[0] == "CUE"]
    sources = [r for r in rs if r[0] == "SRC"]
    contents = [r for r in rs if r[0] == "CON"]

    def sent(k: int) -> int:
        return doc[k].sent.start

    def nearest(run, pool):
        if not pool:
            return None
        same = [p for p in pool if sent(p[1]) == sent(run[1])]
        return min(same or pool, key=lambda p: abs(p[1] - run[1]) if p[1] > run[1] else abs(run[1] - p[2]))

    def source_of(cue):
        """The source the parse ties to the cue (its subject, or a noun its head chain reaches), else the
        nearest one."""
        if not sources:
            return None
        cue_toks = {doc[k].i for k in range(cue[1], cue[2])}
        for s in sources:
            root = doc[s[1] : s[2]].root
            if root.head.i in cue_toks or any(a.i in cue_toks for a in list(root.ancestors)[:2]):
                return s
            if any(doc[k].head.i in range(s[1], s[2]) for k in cue_toks):  # "according to X", "X's claim"
                return s
        return nearest(cue, sources)

    by_cue: dict[tuple | None, list] = {}
    for c in contents:
        by_cue.setdefault(nearest(c, cues), []).append(c)
    out = []
    for cue, cons in by_cue.items():
        groups = [cons] if cue is not None else [[c] for c in cons]
        for group in groups:
            a, b = min(c[1] for c in group), max(c[2] for c in group)
            start, end = _trim(doc, a, b)
            if end <= start:
                continue
            src = source_of(cue) if cue is not None else None
            cue_span = _chars(doc, cue[1], cue[2]) if cue is not None else None
            src_span = _chars(doc, src[1], src[2]) if src is not None else None
            head = doc[src[1] : src[2]].root if src is not None else None
            out.append(Spans(start, end, cue_span, src_span, head))
    return out


def _chars(doc: Doc, a: int, b: int) -> tuple[int, int] | None:
    """Character span of tokens a..b without the whitespace tokens at its edges."""
    while a < b and doc[a].is_space:
        a += 1
    while b > a and doc[b - 1].is_space:
        b -= 1
    return (doc[a].idx, _end(doc[b - 1])) if b > a else None


def _end(t: Token) -> int:
    return t.idx + len(t.text)


def _trim(doc: Doc, a: int, b: int) -> tuple[int, int]:
    """Character span of tokens a..b without a trailing comma, dash or space."""
    while b > a and (doc[b - 1].is_space or doc[b - 1].text in {",", "—", "–", "-", ";"}):
        b -= 1
    if b <= a:
        return 0, 0
    return doc[a].idx, _end(doc[b - 1])


def rule_labels(doc: Doc, quotes) -> list[str]:
    """The rules' quotes as BIO labels over the whole doc: the tagger's strongest features."""
    spans: list[tuple[str, int, int]] = []
    for q in quotes:
        spans.append(("CON", q.start, q.end))
        if q.cue is not None:
            spans.append(("CUE", q.cue.start, q.cue.end))
        if q.speaker is not None and q.speaker.start is not None:
            spans.append(("SRC", q.speaker.start, q.speaker.end))
    return span_labels(doc, 0, len(doc), spans)


def regions(article) -> list[tuple[int, int]]:
    from .marks import quote_regions

    return quote_regions(article.text, len(article.body))
