"""The last pass over the tagger's and the rules' attributions: drop what a reader would not call one, and
mend speakers and contents that the span tagger cannot see are wrong.

A cue is kept when it is a word of saying, believing or reporting used as such: not a gerund subject
("Stopping the flow would ..."), not inside a conditional ("if the justices uphold ..."), not a passive
or raising verb with a control complement ("are known to promise", "was used to justify", "appeared to
have"), and with a subject that can be a source (a person, organisation, group, document, poll or
pronoun; not "this assumes", "that doesn't mean"), and a verb outside the lexicon only where PolNeAR
train often has its word as a cue (not "the vote marked", "opening up"). `bench/quote_filters.py`
measures each rule on PolNeAR dev by leaving it out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import cache
from pathlib import Path

from spacy.tokens import Doc, Token

from ...models import Quote
from .lexicon import CUE_VERBS, DOC_NOUNS, DOCUMENT_NOUNS, NOUN_CUES, ORG_NOUNS, PERSON_NOUNS, STANCE_ADJ

_LEXICON = CUE_VERBS | NOUN_CUES | STANCE_ADJ | frozenset({"accord"})
_SOURCE_PRON = frozenset("he she they we i you it who that which".split())
_SOURCE_NOUNS = (
    PERSON_NOUNS
    | ORG_NOUNS
    | DOCUMENT_NOUNS
    | DOC_NOUNS
    | frozenset(
        """poll polls survey surveys study studies analysis research report findings book memo document documents
    court justices voters people critics officials supporters opponents experts analysts groups democrats
    republicans lawmakers members residents""".split()
    )
)
_SOURCE_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_DEMONSTRATIVE = frozenset({"this", "that"})
_FUNCTION_WORDS = frozenset("that which who whom as they what when where if".split())
_RAISING = frozenset({"seem", "appear", "look"})
CUE_WORDS = Path(__file__).with_name("data") / "cue_words.tsv"
# a verb outside the lexicon seen this often in train and a cue in under this share of its uses is an act
_SEEN = 5
_CUE_RATE = 0.15


def keep(doc: Doc, text: str, quotes: Sequence[Quote]) -> list[Quote]:
    """The quotes whose cue is used as one, mended; an uncued one only as a quotation of a speaker."""
    kept = [q for q in quotes if (_uncued_speech(q) if q.cue is None else _cued(doc, q))]
    return [mend(doc, text, q) for q in kept] if "mend" in RULES else kept


def _cued(doc: Doc, q: Quote) -> bool:
    t = cue_token(doc, q)
    return t is None or reason(t, q) is None


def _uncued_speech(q: Quote) -> bool:
    """An uncued quote goes on with the last speaker's speech, and a list label ('TARGET:') has none; reported
    speech with no cue is no attribution ('three gunmen believed to have killed 12' is not the gunmen's)."""
    if "uncued" in RULES and q.kind == "indirect":
        return False
    return "label" not in RULES or not (q.speaker is not None and _is_label(q.speaker.name))


def _is_label(name: str | None) -> bool:
    return name is not None and name.isupper() and " " not in name.strip()


def cue_token(doc: Doc, q: Quote) -> Token | None:
    """The word of the cue span that carries it: a lexicon word, else its last verb, noun or adjective."""
    if q.cue is None:
        return None
    span = doc.char_span(q.cue.start, q.cue.end, alignment_mode="expand")
    toks = [t for t in span or () if not t.is_space]
    if not toks:
        return None
    lex = [t for t in toks if t.lemma_.lower() in _LEXICON]
    words = [t for t in toks if t.pos_ in ("VERB", "NOUN", "ADJ")]
    return (lex or words or toks)[-1]


def reason(t: Token, q: Quote) -> str | None:
    """Why the cue at t is no attribution, or None where it is one."""
    for name, test in TESTS:
        if name in RULES and test(t, q):
            return name
    return None


def _subject(t: Token) -> Token | None:
    """The cue's subject; an adjective's is its copula's ('the seat is certain to')."""
    for x in (t, t.head) if t.dep_ in ("acomp", "attr") else (t,):
        for c in x.children:
            if c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl"):
                return c
    return None


def _passive(t: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in t.children)


def _lemma(t: Token) -> str:
    return t.lemma_.lower()


def _gerund(t: Token, q: Quote) -> bool:
    """'Stopping the flow would ...', 'Refusing to ...': a gerund subject is an act, not a statement."""
    if t.tag_ != "VBG":
        return False
    # the parser sometimes makes the gerund the root of its sentence ("Refusing to testify is a crime")
    return t.dep_ in ("csubj", "csubjpass") or (t.dep_ == "ROOT" and t.i == t.sent.start and _subject(t) is None)


def _conditional(t: Token, q: Quote) -> bool:
    """'if the justices uphold the ruling', 'If you would like to ...': a hypothetical, not a statement."""
    for x in (t, t.head if t.dep_ in ("xcomp", "conj") else t):
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in x.children):
            return True
    return False


def _control(t: Token, q: Quote) -> bool:
    """'candidates are known to promise', 'it was used to justify', 'he is expected to face': a passive
    verb with a control complement says nothing; a passive verb outside the lexicon neither."""
    if t.dep_ == "acl" and t.tag_ == "VBN" and _lemma(t) not in _LEXICON:
        return True  # 'a goal shared by', 'moves designed to'
    if not _passive(t):
        return False
    return _lemma(t) not in _LEXICON or any(c.dep_ == "xcomp" for c in t.children)


def _raising(t: Token, q: Quote) -> bool:
    """'he appeared to have a beard', 'seems to ...': a raising verb reports no one's statement."""
    return _lemma(t) in _RAISING and any(c.dep_ == "xcomp" for c in t.children)


def _no_source(t: Token, q: Quote) -> bool:
    """The subject cannot be a source: 'this assumes', 'that doesn't mean', 'it remained unclear', 'the
    seat is certain to'."""
    s = _subject(t)
    if s is None:
        return False
    if s.dep_ == "expl" or (s.lower_ in _DEMONSTRATIVE and t.dep_ != "relcl" and s.pos_ != "NOUN"):
        return True
    return t.pos_ == "ADJ" and not _possible_source(s)


def _possible_source(s: Token) -> bool:
    if s.lower_ in _SOURCE_PRON or s.ent_type_ in _SOURCE_ENTS or s.pos_ == "PROPN":
        return True
    if s.dep_ == "csubj":
        return False
    return _lemma(s) in _SOURCE_NOUNS or s.lower_ in _SOURCE_NOUNS


_SENDING = frozenset("order send dispatch deploy commit".split())


def _act(t: Token, q: Quote) -> bool:
    """A verb outside the lexicon that is seldom a cue in PolNeAR train: an act ('marked', 'left', 'opening
    up'), not a statement, unless a quotation is its content; and any such verb whose content is an infinitive."""
    if t.pos_ != "VERB" or q.kind == "direct" or _lemma(t) in _LEXICON:
        return False
    if q.text.startswith("to "):  # "agencies scrambled Friday to assess the threat": an act with its aim
        return True
    if _lemma(t) in _SENDING and (content := t.doc.char_span(q.start, q.end, alignment_mode="expand")) is not None:
        if len(content) and content.root.dep_ == "dobj" and content.root.head.i == t.i:
            return True  # "ordered 800 troops to the border": whom it sends, no one's words
    cue, seen = cue_words().get(t.lower_, (0, 0))
    return seen >= _SEEN and cue < _CUE_RATE * seen  # a rare verb keeps the benefit of the doubt


@cache
def cue_words() -> dict[str, tuple[int, int]]:
    """Form -> (times a cue, occurrences) in PolNeAR train (bench/build_cue_words.py)."""
    out = {}
    for line in CUE_WORDS.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            w, c, n = line.split("\t")
            out[w] = (int(c), int(n))
    return out


def _imperative(t: Token, q: Quote) -> bool:
    """'Thank you for subscribing', 'Look at the subsidies': an order to the reader, no one's statement."""
    return t.tag_ == "VB" and t.dep_ == "ROOT" and _subject(t) is None and not any(c.dep_ == "aux" for c in t.children)


def _empty(t: Token, q: Quote) -> bool:
    """A content that is only a relative or a conjunction ('that', 'as', 'which') says nothing; and an
    attributive participle ('his alleged use of') names no one who alleges."""
    return q.text.strip().lower() in _FUNCTION_WORDS or (t.dep_ == "amod" and t.tag_ == "VBN")


def _label(t: Token, q: Quote) -> bool:
    """'TARGET: ...', 'ADDENDUM: ...': a list label before a colon is no speaker."""
    if q.cue is None or q.cue.text != ":" or q.speaker is None:
        return False
    return q.speaker.name is None or _is_label(q.speaker.name)


_REFUSING = frozenset({"decline", "refuse"})


def _refused(t: Token, q: Quote) -> bool:
    """'declined to say whether', 'refused to label it an epidemic', 'stops short of saying': a saying that
    did not happen (PolNeAR train has a saying verb after "declined to" as a cue 8 times in 39)."""
    if _lemma(t) in _REFUSING and q.text.startswith("to "):
        return True
    if t.dep_ == "xcomp" and _lemma(t.head) in _REFUSING:
        return True
    return t.dep_ == "pcomp" and t.head.lower_ == "of" and t.head.head.lower_ == "short"


def _asked(t: Token, q: Quote) -> bool:
    """'Have you adjusted your view of Zuckerberg?', 'Do you think the dam will hold?': the one asked says
    nothing yet; the question is the asker's."""
    if (q.speaker is not None and q.speaker.name) or not t.sent.text.rstrip(" \"'”’)").endswith("?"):
        return False  # a named speaker asks: 'Sanders would ask, "Mr. Trump, do you really think ...?"'
    return any(
        c.lower_ in ("you", "your") and c.dep_ in ("nsubj", "nsubjpass", "poss")
        for x in (t, t.head)
        for c in x.children
    )


TESTS = (
    ("refused", _refused),
    ("asked", _asked),
    ("gerund", _gerund),
    ("conditional", _conditional),
    ("control", _control),
    ("raising", _raising),
    ("no_source", _no_source),
    ("act", _act),
    ("label", _label),
    ("imperative", _imperative),
    ("empty", _empty),
)
# the rules in force: all; bench/quote_filters.py measures each by leaving it out
RULES = frozenset(name for name, _ in TESTS) | {"mend", "speaker_span", "uncued"}


_EDGE = " ,;:—–-\n"


def mend(doc: Doc, text: str, q: Quote) -> Quote:
    """The content without its own source ('X was arrested, police said' -> 'X was arrested'; 'a delay
    that the party said could result in ...' -> 'could result in ...') and, when reported (not quoted),
    within the cue's sentence."""
    q = _mend_speaker(doc, text, q) if "speaker_span" in RULES else q
    q = _agentless(doc, q)
    start, end = _inside_aside(text, q, q.start, q.end)
    if q.kind == "indirect":
        start, end = _one_sentence(doc, q, start, end)
    elif q.kind == "mixed":  # reported, with a quoted phrase in it: cut where no quotation is cut
        s2, e2 = _one_sentence(doc, q, start, end)
        if _balanced(text[s2:e2]):
            start, end = s2, e2
    start, end = _own_source(text, q, start, end)
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    if (start, end) == (q.start, q.end) or end - start < 2:
        return q
    return replace(q, start=start, end=end, text=text[start:end])


def _agentless(doc: Doc, q: Quote) -> Quote:
    """'The troops used tear gas. Two men were reported dead.': a passive cue with no agent has no source
    in another sentence (the tagger reads whole paragraphs and takes the subject of the sentence before)."""
    sp, t = q.speaker, cue_token(doc, q)
    if sp is None or sp.start is None or t is None or not _passive(t) or q.kind == "direct":
        return q
    if any(c.dep_ == "agent" for c in t.children):
        return q
    k = t.i  # the cue's sentence start, walked back to (Token.sent walks the whole doc)
    while k > 0 and not t.doc[k].is_sent_start:
        k -= 1
    return q if sp.start >= t.doc[k].idx else replace(q, speaker=None)


_ASIDE_OPEN = {"—": "—", "–": "–", "(": ")"}


def _inside_aside(text: str, q: Quote, start: int, end: int) -> tuple[int, int]:
    """'Roof — who has expressed racist views — is charged in the killings ...': the content of a cue in an
    aside ends with the aside."""
    sp, cue = q.speaker, q.cue
    if sp is None or sp.start is None or sp.end is None or cue is None:
        return start, end
    if text[sp.start : sp.end].lower() not in ("who", "which"):
        return start, end
    opener = text[max(0, sp.start - 8) : sp.start].rstrip()[-1:]  # not a copy of all the text before
    if opener not in _ASIDE_OPEN:
        return start, end
    close = text.find(_ASIDE_OPEN[opener], max(cue.end, start), end)
    return (start, close) if close > start else (start, end)


def _own_source(text: str, q: Quote, start: int, end: int) -> tuple[int, int]:
    sp, cue = q.speaker, q.cue
    if sp is None or sp.start is None or sp.end is None or cue is None or q.kind == "direct":
        return start, end
    if not (start <= sp.start and sp.end <= end and start <= cue.start and cue.end <= end):
        return start, end
    lo, hi = min(sp.start, cue.start), max(sp.end, cue.end)
    before, after = text[start:lo].strip(_EDGE), text[hi:end].strip(_EDGE + ".")
    if not after and before:
        return start, lo
    if after and before.lower() in ("", "that", "which", "who", "what"):
        return hi, end
    return start, end


def _one_sentence(doc: Doc, q: Quote, start: int, end: int) -> tuple[int, int]:
    """Reported content that runs past its sentence ends there: the cue's sentence, or the one of the
    content nearest the cue."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or q.cue is None:
        return start, end
    sents = []
    k = span.start
    while k < span.end:  # Token.sent walks the doc: once per sentence, not per token
        sents.append(doc[k].sent)
        k = sents[-1].end
    if len(sents) < 2:
        return start, end
    at = q.cue.start
    near = min(
        sents, key=lambda s: 0 if s.start_char <= at < s.end_char else min(abs(at - s.start_char), abs(at - s.end_char))
    )
    return max(start, near.start_char), min(end, near.end_char)


def _balanced(span: str) -> bool:
    """Whether every quotation a span opens it also closes ("killing eight in an "unfathomable" act")."""
    return span.count("“") == span.count("”") and span.count('"') % 2 == 0


_OPEN = "\"“‘'«"


def _mend_speaker(doc: Doc, text: str, q: Quote) -> Quote:
    """The source as PolNeAR marks it, the subject's own phrase: the tagger's span can start too early, on a
    dateline line, at an opening quotation mark, or in a phrase of the clause before ("With 50 days until the
    election, Minyon Moore, ... called"). Its end stays: PolNeAR keeps appositions and relative clauses."""
    sp = q.speaker
    if sp is None or sp.start is None or sp.end is None or sp.end - sp.start < 2:
        return q
    a, b = sp.start, sp.end
    if (k := text.rfind("\n\n", a, b)) >= 0:  # a paragraph break: "7 p.m.\n\nDonald Trump"
        a = k + 2
    while a < b and (text[a] in _OPEN or text[a].isspace()):
        a += 1
    span = doc.char_span(a, b, alignment_mode="expand")
    if span is not None and len(span) > 1:
        inside = range(span.start, span.end)
        tops = [t for t in span if t.head.i not in inside or t.head.i == t.i]
        head = next((t for t in reversed(tops) if t.dep_ in ("nsubj", "nsubjpass")), None)
        # "the election, Minyon Moore", "that Mayor Bill de Blasio": the subject's own phrase; but not where the
        # words left out run into it ("Fight for $15 organizing director Kendall Fells", a name the parser split)
        left = head.left_edge.i if head is not None else span.start
        if (
            head is not None
            and left > span.start
            and doc[left - 1].pos_ not in ("ADP", "DET", "CCONJ", "PART")
            and doc[left - 1].whitespace_  # not inside a word the parser split: "co-founder Roger Waters"
        ):
            a = head.left_edge.idx
    if (a, b) == (sp.start, sp.end) or b - a < 2:
        return q
    name = text[a:b] if sp.entity is None and sp.name == text[sp.start : sp.end] else sp.name
    return replace(q, speaker=replace(sp, name=name, start=a, end=b))
