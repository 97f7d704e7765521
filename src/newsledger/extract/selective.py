"""Parse only what needs parsing: tokenize a body, cut it into candidate sentences, ask `needs.plan` what
each needs, and run the spaCy components over the runs of sentences that need them, in batches.

The runs join back into one Doc whose text is the body's (every offset holds). A FULL run gets the whole
pipeline (the parser sets its sentences); a NER run gets NER alone, its sentences the candidates. Candidate
sentences end after . ! ? (and a closing quote after them) followed by a space, and at every line break: a
cut there is never inside a sentence the parser would make, so a run's parse is the parse it had in the
whole body, up to the embedding window at its edges.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy
from spacy.attrs import DEP, HEAD
from spacy.language import Language
from spacy.tokens import Doc

from .needs import FULL, plan
from .nlp import MAX_SENTENCE_TOKENS

# A NER run's tokens hang from their sentence's first token (labelled ROOT, the others LABEL): a flat tree
# that only carries the sentence bounds; no extractor reads a parse in a sentence without a trigger.
LABEL = "dep"
_ENDS = {".", "!", "?", "…"}
_CLOSERS = {'"', "”", "’", "'", ")"}


def candidates(doc: Doc) -> tuple[list[tuple[int, int]], list[int]]:
    """Candidate sentences as token ranges, and each one's paragraph number."""
    spans: list[tuple[int, int]] = []
    paras: list[int] = []
    start = para = 0
    for i, t in enumerate(doc):
        newline = t.is_space and "\n" in t.text
        end = t.whitespace_ and (t.text in _ENDS or (t.text in _CLOSERS and i > 0 and doc[i - 1].text in _ENDS))
        if newline or end or i == len(doc) - 1:
            spans.append((start, i + 1))
            paras.append(para)
            start = i + 1
            para += newline
    return spans, paras


def runs(doc: Doc) -> list[tuple[int, int, str]]:
    """Token ranges of consecutive candidate sentences that need the same analyses."""
    spans, paras = candidates(doc)
    kinds = plan([doc[a:b].text for a, b in spans], paras)
    out: list[tuple[int, int, str]] = []
    for (a, b), kind in zip(spans, kinds):
        if out and out[-1][2] == kind:
            out[-1] = (out[-1][0], b, kind)
        else:
            out.append((a, b, kind))
    return out


def _set_starts(doc: Doc) -> None:
    """A NER run's sentences: its candidates, cut after MAX_SENTENCE_TOKENS as the parser's are. Set as heads
    (each token's the first of its sentence, no label): the joined Doc takes its sentences from the heads."""
    starts = {a for a, _ in candidates(doc)[0]}
    heads = numpy.zeros((len(doc), 1), dtype="int32")
    first = run = 0
    for i in range(len(doc)):
        run = 0 if i in starts or run + 1 >= MAX_SENTENCE_TOKENS else run + 1
        first = i if run == 0 else first
        heads[i, 0] = first - i
    root, other = (doc.vocab.strings.add(s) for s in ("ROOT", LABEL))
    deps = numpy.where(heads == 0, root, other).astype("uint64")
    doc.from_array([HEAD, DEP], numpy.hstack([heads.astype("uint64"), deps]))  # type: ignore[arg-type]


def parse_many(nlp: Language, tokenized: list[Doc], batch_size: int) -> list[Doc]:
    """Each tokenized body parsed as it needs, in the same order."""
    pieces: list[tuple[int, Doc, str]] = []
    for k, doc in enumerate(tokenized):
        for a, b, kind in runs(doc) if len(doc) else []:
            pieces.append((k, doc[a:b].as_doc(), kind))
    for name, proc in nlp.pipeline:
        chosen = [d for _, d, kind in pieces if kind == FULL or name == "ner"]
        _apply(proc, chosen, batch_size)
    by_body: list[list[Doc]] = [[] for _ in tokenized]
    for k, d, kind in pieces:
        if kind != FULL:
            _set_starts(d)
        by_body[k].append(d)
    return [_join(ds) if ds else doc for ds, doc in zip(by_body, tokenized)]


def _apply(proc, docs: Iterable[Doc], batch_size: int) -> None:
    """Components annotate in place; `pipe` is their batched form."""
    if hasattr(proc, "pipe"):
        for _ in proc.pipe(docs, batch_size=batch_size):
            pass
    else:
        for d in docs:
            proc(d)


def _join(docs: list[Doc]) -> Doc:
    if len(docs) == 1:
        return docs[0]
    # the tensors differ in width (NER runs have none); spaCy's stub lacks `exclude`
    return Doc.from_docs(docs, ensure_whitespace=False, exclude=["tensor"])  # type: ignore[call-arg]
