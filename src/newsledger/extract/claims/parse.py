"""What the parse says about a figure: whether it is a figure at all (years, labels, names), what it
counts (the noun it modifies, or "of" what) and what it measures (a lexicon word on the noun or on the
verbs above it)."""

from __future__ import annotations

from spacy.tokens import Doc

from .. import measures as M
from .figure import Counting, Figure
from .lexicon import AFTER_MEASURE, BEFORE_MEASURE, COUNTED_DEPS, LABELS, NAME_LABELS, NUMBER_NOUNS, UP_DEPS
from .patterns import AFTER_MEASURE_RE, BEFORE_MEASURE_RE, HYPHEN_NAME, ONE_NOT, ONE_NOT_BEFORE, YEAR_PREP
from .reading import yearlike


def skip_by_parse(doc: Doc, text: str, q: Figure) -> bool:
    """Years, labels ("Game 7", "iPhone 11"), and pronoun 'one' are not figures."""
    n = q.num
    if q.qualifier == "exact" and text.endswith(("per ", "for every "), max(0, q.start - 10), q.start):
        return True  # "26.3 guns per 100 residents": the denominator of a rate
    if n.kind == "words" and HYPHEN_NAME.match(text, n.end):
        return True  # One-A-Day
    if q.explicit_unit or q.currency_sign or n.scaled or n.kind in ("vague", "fraction"):
        return False
    span = doc.char_span(n.start, n.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    first = span[0]
    if _year(doc, text, q, first) or first.ent_type_ in NAME_LABELS and n.kind == "digits":
        return True
    if n.kind == "words" and _word_name(text, q, first):
        return True
    return _labelled(doc, text, q, span)


def _year(doc: Doc, text: str, q: Figure, first) -> bool:
    n = q.num
    if not (yearlike(text, n) and q.qualifier == "exact"):
        return False
    return (
        first.ent_type_ not in ("CARDINAL", "QUANTITY", "MONEY", "PERCENT")
        or bool(YEAR_PREP.search(text, max(0, n.start - 12), n.start))
        or first.i + 1 < len(doc)
        and doc[first.i + 1].pos_ not in ("NOUN",)
    )


def _word_name(text: str, q: Figure, first) -> bool:
    """A number word in a name (Formula One, Ocean's Eleven) or 'one' as a pronoun ("the same one")."""
    n = q.num
    if first.tag_ in ("NNP", "NNPS"):
        return True
    return first.lower_ == "one" and (
        first.tag_ != "CD"
        or bool(ONE_NOT.match(text, n.end))
        or bool(ONE_NOT_BEFORE.search(text, max(0, n.start - 10), n.start))
    )


def _labelled(doc: Doc, text: str, q: Figure, span) -> bool:
    """A number after a label or a name: Game 7, iPhone 11, Lang 20, COVID -19."""
    first = span[0]
    if not (first.i > 0 and q.qualifier == "exact" and q.unit is None):
        return False
    prev = doc[first.i - 1]
    if text[q.num.start] in "-−" and prev.text[:1].isupper():
        return True  # COVID -19
    if prev.whitespace_ and (
        prev.lower_.rstrip(".") in LABELS
        or (
            prev.tag_ in ("NNP", "NNPS")
            and prev.is_title | prev.is_upper | (not prev.is_lower)
            and not prev.is_sent_start
        )
    ):
        nxt = doc[span.end] if span.end < len(doc) else None
        return nxt is None or nxt.pos_ != "NOUN" or nxt.tag_ == "NN"
    return False


def syntax(doc: Doc, text: str, q: Figure, span) -> Counting:
    """What the figure counts and what it measures, from the parse."""
    c = Counting()
    if not (q.unit is None or q.unit in ("percent",) or q.num.kind == "fraction"):
        return c
    root = span.root
    lemmas: list[str] = []
    head = _counted_noun(doc, q, span, root, lemmas)
    if head is None and _counts_time(head_noun(doc, q, span, root)):
        return c  # "over 20 great years": a span of time, which no verb makes a toll
    if head is not None:
        if head.lemma_.lower() in M.GENERIC_COUNTED or head.lower_ in M.GENERIC_COUNTED:
            c.generic = True
            lemmas.append(head.lemma_.lower())
            lemmas.extend(x.lemma_.lower() for x in head.lefts)
        else:
            c.counted = counted_text(text, head, q.core_end)
    # A share (percentage, fraction) says what it is a share of, but measures nothing itself:
    # "30 percent of deaths" is not a death toll.
    if q.unit is not None or q.num.kind == "fraction":
        return c
    c.bare = head is None and not c.generic and not text.startswith("-", q.core_end)
    lemmas += _words_around(doc, text, q, span, head)
    c.verb = walk(head if head is not None else root, head is None, lemmas, c, text)
    if b := BEFORE_MEASURE_RE.search(text, max(0, q.start - 30), q.start):
        lemmas.append(BEFORE_MEASURE[b.group("w").lower()])  # last: what the parse says comes first
    c.measure = _measure(lemmas, head, c.generic)
    return c


def _counted_noun(doc: Doc, q: Figure, span, root, lemmas: list[str]):
    """The noun the figure counts, less pronouns (whose words go to `lemmas`) and number or unit words."""
    head = head_noun(doc, q, span, root)
    if head is not None and head.pos_ == "PRON":
        # "4,200 of those killed": what those are is said by the words on the pronoun
        lemmas.extend(
            w for c in head.children if c.dep_ in ("acl", "relcl", "amod") for w in (c.lemma_.lower(), c.lower_)
        )
        return None
    if head is not None and (
        head.tag_ == "CD"
        or head.lower_ in NUMBER_NOUNS
        or head.ent_type_ in ("DATE", "TIME")
        or head.lower_ in M.UNIT_WORDS
        or head.lower_ in M.CURRENCY_WORDS
    ):
        return None
    return head


def _counts_time(noun) -> bool:
    return noun is not None and (noun.lower_ in M.DURATIONS or noun.lower_ + "s" in M.DURATIONS)


def _words_around(doc: Doc, text: str, q: Figure, span, head) -> list[str]:
    """The words on the counted noun and on the figure, and the word after it, that may say its measure."""
    words: list[str] = []
    if head is not None:
        words += [head.lower_, head.lemma_.lower()]
        for c in head.children:
            if c.dep_ in ("acl", "amod", "relcl", "compound", "appos") and not _done_by(c):
                words += [c.lemma_.lower(), c.lower_]
                words += [g.lower_ for g in c.children if g.dep_ in ("oprd", "acomp", "xcomp")]
    for c in span.root.children:
        if c.dep_ in ("acl", "amod", "appos", "conj", "relcl") and c.i >= span.end:
            words += [c.lemma_.lower(), c.lower_]
    nxt = span.end
    while nxt < len(doc) and doc[nxt].lower_ in ("more", "others", "people", "persons", "already", "now"):
        nxt += 1
    if nxt < len(doc):
        words.append(doc[nxt].lower_)  # "40 dead", "5 million displaced", "dozens more injured"
    m = AFTER_MEASURE_RE.match(text, q.end, min(len(text), q.end + 60))
    if m:
        words.append(AFTER_MEASURE[m.group("w").split()[-1].lower()])
    return words


# Verbs of what is done to people: their active subject is the doer, their object the victim.
DOING = frozenset(
    "kill murder slay massacre execute behead wound injure shoot stab attack arrest detain capture kidnap abduct".split()
)


def _done_by(verb) -> bool:
    """Whether `verb` is an act done to an object by its active subject ("three gunmen killed 12 people"), or a
    relative clause that makes the noun it is on the doer ("the two men who allegedly killed the soldier"):
    such a subject counts no dead ("the two men who were killed", "the three who died", "five people suffered
    injuries" do)."""
    kids = list(verb.children)
    if verb.lemma_.lower() not in DOING or not any(k.dep_ == "dobj" and k.lower_ not in M.MEASURE_OF for k in kids):
        return False
    return verb.dep_ != "relcl" or any(k.dep_ == "nsubj" and k.lower_ in ("who", "that", "which") for k in kids)


CAPTIVES = frozenset({"hostage", "hostages", "prisoner", "prisoners", "captive", "captives", "pow", "pows"})


def _measure(lemmas: list[str], head, generic: bool) -> str | None:
    """The first word that names a measure; else a count of troops or of people."""
    head_lemma = head.lemma_.lower() if head is not None else ""
    forces = head is not None and (head_lemma in M.FORCES or head.lower_ in M.FORCES)
    for i, lem in enumerate(lemmas):
        found = M.MEASURE_OF.get(lem)
        if found is None and lem in M.SEND_LEMMAS and forces:
            found = "deployed"
        if found == "captured" and lem in CAPTIVES:
            # "beheading three hostages": what happened to the captives, when a verb says it
            found = next((m for w in lemmas[i + 1 :] if (m := M.MEASURE_OF.get(w)) in ("killed", "injured")), found)
        if found:
            return found
    if head is None or generic:
        return None
    if head_lemma in M.DEPLOYABLE or head.lower_ in M.DEPLOYABLE:
        return "deployed"  # a count of troops with no other word for it is the size of a force
    return "other" if is_people(head) else None


def walk(anchor, bare: bool, lemmas: list[str], c: Counting, text: str) -> str | None:
    """Up the parse from what the figure counts to the verb that says what happened to it; adds the
    words met to `lemmas` and returns the verb's lemma. A noun climbs only through its own arguments (a
    noun inside a prepositional phrase is not what the verb is about), a bare figure also through
    prepositions ("the toll rose to 52")."""
    tok = anchor
    for _ in range(5):
        if not _climbs(tok, bare):
            break
        via_of = tok.dep_ == "prep" and tok.lower_ == "of"
        doer = tok.dep_ == "nsubj"
        tok = tok.head
        if tok.pos_ == "NOUN":
            _noun_words(tok, anchor, via_of, lemmas)
        if tok.pos_ not in ("VERB", "AUX"):
            continue
        if doer and _done_by(tok):
            return None  # "three gunmen killed 12 people": the three did it; the 12 are the dead
        if tok.lemma_.lower() == "drown" and any(k.dep_ == "prt" for k in tok.children):
            return None  # "drowned out the speeches of 20 lawmakers"
        lemmas.append(tok.lemma_.lower())
        subject = _verb_words(tok, anchor, lemmas)
        if subject is not None:
            _subject_words(tok, subject, bare, lemmas, c, text)
        elif tok.dep_ in ("xcomp", "ccomp", "auxpass", "aux") and (tok.pos_ == "AUX" or tok.lemma_ == "be"):
            continue  # "the death toll was reported to be 128": on to "reported"
        return tok.lemma_.lower()
    return None


def _climbs(tok, bare: bool) -> bool:
    dep = tok.dep_
    if tok.head is tok:
        return False
    if dep == "pobj" and not (bare or tok.head.lower_ == "of"):
        return False
    return dep in UP_DEPS or dep in ("aux", "auxpass", "xcomp", "ccomp") and tok.pos_ in ("AUX", "VERB")


def _noun_words(tok, anchor, via_of: bool, lemmas: list[str]) -> None:
    if via_of:
        lemmas += [tok.lower_, tok.lemma_.lower()]  # "casualties of at least 29 people"
        lemmas.extend(c.lemma_.lower() for c in tok.lefts if c.dep_ == "amod")  # "the fatal shooting of four"
    if tok.i > anchor.i:
        lemmas.extend(c.lemma_.lower() for c in tok.lefts if c.dep_ == "compound")


def _verb_words(verb, anchor, lemmas: list[str]):
    """Adds the verb's complements and measure objects to `lemmas`; returns its subject before the anchor."""
    subject = None
    for c in verb.children:
        if c.dep_ in ("oprd", "acomp", "xcomp") and c.i > anchor.i:
            lemmas += [c.lemma_.lower(), c.lower_]  # "remain missing", "left 20 dead"
        elif c.dep_ in ("nsubj", "nsubjpass") and c.i < anchor.i:
            subject = c
        elif c.dep_ == "dobj" and c.i > anchor.i and c.lower_ in M.MEASURE_OF:
            lemmas.append(c.lower_)  # "two people suffered minor injuries"
    return subject


def _subject_words(verb, subject, bare: bool, lemmas: list[str], c: Counting, text: str) -> None:
    """What the verb's subject says of the figure: its measure, and for a bare figure what it counts."""
    low = subject.lower_
    if low in M.GENERIC_COUNTED or low in M.MEASURE_OF:
        # "the death toll rose to 52"; "casualties have topped 2,000" also says what is counted
        lemmas.extend(g.lemma_.lower() for g in subject.lefts if g.dep_ in ("compound", "amod"))
        lemmas += [subject.lower_, subject.lemma_.lower()]
        if bare and low in M.GENERIC_COUNTED:
            c.generic = True  # "the real figure is close to 150": what it counts is said before
        if bare and c.counted is None and low in M.MEASURE_OF and low not in M.GENERIC_COUNTED:
            c.counted = counted_text(text, subject, 0)
    if (
        bare
        and c.counted is None
        and subject.tag_ in ("NNS", "NNPS")
        and low not in M.GENERIC_COUNTED
        and verb.lemma_.lower() in M.PREDICATE
    ):
        c.counted = counted_text(text, subject, 0)  # "confirmed cases neared 1 million"


def head_noun(doc: Doc, q: Figure, span, root):
    """The noun the figure counts, or None."""
    head = None
    if (
        q.unit is None
        and root.dep_ in ("nummod", "quantmod", "compound", "amod", "npadvmod", "appos")
        and root.head.pos_ in ("NOUN", "PROPN")
        and not (span.start <= root.head.i < span.end)
    ):
        head = root.head
    if head is None:
        head = _of_object(root) or (
            _of_object(root.head)
            if root.head.tag_ in ("NN", "NNS", "CD")
            and span.start <= root.head.i < span.end + 2
            and root.head.i >= span.start
            else None
        )
    if (
        head is None
        and q.unit is None
        and span.end < len(doc)
        and doc[span.end].tag_ in ("NNS", "NNPS")
        and doc[span.end].idx >= q.core_end
    ):
        head = doc[span.end]  # "2.5 million people" under a parse that missed the nummod
    return head


def _of_object(tok):
    for child in tok.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            for g in child.children:
                if g.dep_ == "pobj" and (g.pos_ in ("NOUN", "PROPN", "PRON") or g.lower_ in M.MEASURE_OF):
                    return g
    return None


def counted_text(text: str, head, claim_end: int) -> str:
    """The head noun with its adjectives and compounds, and a coordinated noun ("women and children")."""
    start = head.idx
    for child in head.lefts:
        if child.dep_ in COUNTED_DEPS and child.idx >= claim_end and child.tag_ not in ("CD", "PRP$", "$"):
            start = min(start, max(child.left_edge.idx, claim_end))
            break
    while start < head.idx and not text[start].isalnum():
        start += 1
    end = head.idx + len(head.text)
    for child in head.rights:
        if (
            child.dep_ == "conj"
            and child.pos_ in ("NOUN", "PROPN")
            and child.is_alpha
            and any(c.dep_ == "cc" and c.lower_ in ("and", "or") for c in head.children)
            and child.i - head.i <= 4
            and not any(t.like_num for t in head.doc[head.i + 1 : child.i])
        ):
            end = child.idx + len(child.text)
            break
    while end > start and not text[end - 1].isalnum():  # "people.3" (a footnote glued on)
        end -= 1
    nl = text.find("\n", start, end)
    return text[start : nl if nl > start else end]


def is_people(tok) -> bool:
    low = tok.lower_
    return (
        low in M.PEOPLE
        or tok.lemma_.lower() in M.PEOPLE
        or tok.ent_type_ == "NORP"
        or low.endswith(("ians", "ists"))
        and tok.tag_ in ("NNS", "NNPS")
    )
