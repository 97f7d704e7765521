"""Who states a claim and when: the speaker of the innermost quote holding it, else a source its sentence
names for it ("according to X", "X estimated", "X put the toll at", "figures from X show"), else the source
of the nearest attribution in the parse that governs the number (`governing_source`); and the nearest DATE in
its sentence."""

from __future__ import annotations

import re
from bisect import bisect_left

from spacy.tokens import Doc, Token

from ...models import Entity, Party, Quote
from ..attribution.lexicon import CUE_VERBS, DOCUMENT_NOUNS, NOUN_CUES
from ..attribution.rules import party_modifier
from ..attribution.speakers import Speakers
from ..measures import MEASURE_OF

_NAME = r"(?:the\s+|a\s+|an\s+)?(?:[\w.'’&-]+\s+){0,6}?[\w.'’&-]+"
# "according to the interior ministry", anywhere in the sentence.
_ACCORDING = re.compile(rf"\baccording to (?P<src>{_NAME}?)(?=\s*(?:[,.;:)]|\bwho\b|\bwhich\b|\bthat\b|$))", re.I)
# "the Red Cross estimated (that) ...", "police put the toll at", right before the number's clause.
_ESTIMATES = re.compile(
    r"(?P<src>(?-i:[A-Z])[\w.'’&-]*(?:\s+(?:of\s+|for\s+|the\s+)?(?-i:[A-Z])[\w.'’&-]*){0,5}|"
    r"\b(?:the|a)\s+[\w'’-]+(?:\s+[\w'’-]+){0,3})\s+(?:estimated|estimates|put|puts|counted|tallied|recorded|"
    r"reported|confirmed|acknowledged|said|says)\s+(?:on\s+\w+\s+)?(?:that\s+)?"
    r"(?:the\s+(?:death\s+|casualty\s+)?(?:toll|number|figure)\s+(?:at|was|is|had\s+risen\s+to|rose\s+to)\s+)?"
    r"[^.;,]{0,40}$",
    re.I,
)
# "figures from the health ministry show ..."
_FIGURES_FROM = re.compile(
    rf"\b(?:figures|data|statistics|numbers|estimates|records|a tally|a count)\s+(?:from|by|released by|compiled by|"
    rf"published by)\s+(?P<src>{_NAME}?)\s+(?:show|showed|shows|suggest|suggested|indicate|indicated|put|puts)\b",
    re.I,
)
# "..., local media said." after the number, closing the sentence, its clause ("..., an army spokesman said,
# adding ...") or an aside set off by dashes or brackets ("-- when 46 died, a spokesman told CNN --")
_SAID_AFTER = re.compile(
    r",\s+(?!(?:and|but|which|who|as|while|after|before)\b)(?P<src>(?:the\s+|a\s+|an\s+)?(?:[\w.'’&-]+\s+){0,5}?"
    r"[\w.'’&-]+)\s+(?:said|says|(?<!\bto\s)(?<!\bwould\s)(?<!\bwill\s)say|reported|reports|told\s+(?:reporters|(?:the\s+)?[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3}|\w+))"
    r"(?:\s+on\s+\w+|\s+\w+day)?(?=\s*(?:[,.;:\"”)—–]|--|$))"
)
# "..., NPR's Tom Bowman reports, citing officials with European Command": the party cited is the source.
_CITING = re.compile(
    r"(?:\s+on\s+\w+|\s+\w+day)?,\s+citing\s+"
    r"(?P<src>(?:the\s+|an?\s+)?(?:[\w.'’&-]+\s+){0,6}[\w'’&-]+(?:\.\w+)*(?:(?<=\.\w)\.)?)"
    r"(?=\s*(?:[,;:\"”)—–]|--|\.(?:\s|$)|$))"
)
# "the man authorities say killed 26", "a gunman who police said shot 5": an attribution set into a relative
# clause right before the number is the count's own, whoever states the sentence around it.
# A cue that says nothing was said: "does not refer to", "declined to comment on the report that 40 died".
_NEGATED = re.compile(r"\b(?:not|never)\b|n['’]t\b|\b(?:declin|refus)\w*", re.I)
_INNER_SAY = re.compile(
    r"(?:\b(?:who|whom)|\b(?:the|a|an)\s+[\w-]+)\s+(?P<src>(?:the\s+)?(?:(?!(?:who|whom|that)\b)[\w.'’&-]+\s+){0,3}?"
    r"(?!(?:who|whom|that)\b)[\w.'’&-]+)\s+(?:say|says|said|allege|alleges|alleged|believe|believes|believed)\s+"
    r"(?:had\s+|has\s+)?(?:(?:[a-z]+ed|shot)\s+[\d,]+(?:\s+people)?,?\s+and\s+)?(?:[a-z]+ed|shot)\s+"
    r"(?:(?:at\s+least|more\s+than|nearly|about|some|as\s+many\s+as)\s+)?$",
    re.I,
)
_NOT_A_SOURCE = {"it", "this", "that", "which", "who", "there", "here", "he", "she", "they", "we", "i", "you"}


def source_of(
    quotes: list[Quote],
    start: int,
    end: int,
    text: str = "",
    sentence: tuple[int, int] | None = None,
    entities: list[Entity] = (),  # type: ignore[assignment]
    doc: Doc | None = None,
    speakers: Speakers | None = None,
) -> Party | None:
    if text and sentence is not None and (inner := _inner_source(text, sentence, start, entities)) is not None:
        return inner
    best = None
    for qt in quotes:
        if qt.cue is not None and _NEGATED.search(qt.cue.text):
            continue  # "He does not refer to the attack that left 12 dead": whoever gave the 12, not he
        if qt.start <= start and end <= qt.end and (best is None or qt.end - qt.start < best.end - best.start):
            best = qt
    if best is not None and _relays(best) and sentence is not None:
        # '"...," O'Malley said, according to the Las Vegas Sun': the speaker claims it, the paper relays it
        said = [
            q
            for q in quotes
            if q.start <= start
            and end <= q.end
            and q.speaker is not None
            and q.cue is not None
            and not _relays(q)
            and sentence[0] <= q.cue.start < sentence[1]
        ]
        best = min(said, key=lambda q: q.end - q.start, default=best)
    if (
        best is not None
        and best.speaker is not None
        and not (best.cue is not None and sentence is not None and not sentence[0] <= best.cue.start < sentence[1])
    ):
        if (
            best.cue is not None
            and text
            and (cited := _CITING.match(text, best.cue.end, sentence[1] if sentence else len(text)))
        ):
            return _span_party(text, cited.start("src"), cited.end("src"), entities) or best.speaker
        if best.kind == "indirect" and doc is not None and _describes(doc, best, start, end):
            return None  # the reporter's description of what the speaker talks about, not the speaker's count
        if best.kind == "indirect" and doc is not None and not _FINDING_CUE.match(best.cue.text if best.cue else ""):
            inner = _inner_speaker(doc, speakers or Speakers(text, entities, doc), best, start, end)
            if inner is not None:
                return inner
            if _denied_claim(doc, best, start, end):
                return None  # the denier's is the denial, the number is the claim's unnamed maker's
        if best.speaker.entity is None and doc is not None:
            return (speakers or Speakers(text, entities, doc)).made_by(best.speaker)  # "... published a study"
        return best.speaker
    if not text or sentence is None:
        return best.speaker if best is not None else None
    # a quote whose cue is in another sentence yields to the claim's own sentence's source: "X says ...
    # fell on them. In China, one person died in Tibet, local media said."
    own = _named_in_sentence(text, sentence, start, end, entities)
    if own is not None and own.entity is None and doc is not None:
        own = (speakers or Speakers(text, entities, doc)).made_by(own)  # "The ministry's latest figures put ..."
    if own is None and doc is not None:
        own = governing_source(doc, speakers or Speakers(text, entities, doc), start, end)
        if own is not None and best is not None and best.start <= (own.start or 0) < best.end:
            own = None  # a speaker inside the quotation ("..., I say, ...") is its speaker's own voice
    if own is None and best is None and doc is not None:
        who = speakers or Speakers(text, entities, doc)
        own = who.turn_speaker(start) or who.introduced(start)  # a transcript's turn, a statement set out
    return own if own is not None or best is None else best.speaker


# What a study finds people reported is the study's finding: "results found that patients reported ...".
_FINDING_CUE = re.compile(r"(?:found|finds|find|showed|shows|show|suggested|suggests|indicated|indicates)\b", re.I)
# Verbs of saying whose subject, inside another's reported words, is who claims the number.
_SAYING_VERBS = frozenset("say claim tell report estimate insist acknowledge confirm announce".split())


def _inner_speaker(doc: Doc, speakers: Speakers, quote: Quote, start: int, end: int) -> Party | None:
    """The one another's reported words say claims the number: "the wire service said activists were claiming
    that nearly 500 people had died" is the activists' (a pronoun, a document or a number is no one)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    tok = span.root
    for _ in range(8):
        if tok.head.i == tok.i:
            return None
        child, tok = tok, tok.head
        if not quote.start <= tok.idx < quote.end:
            return None  # out of the reported words: the outer speaker's own verb
        if tok.pos_ == "NOUN" and (made := _noun_source(tok, child)) is not None and quote.start <= made.idx:
            # "The ministry rejected rebel claims that 40 soldiers were captured": the rebels' claim, relayed
            first = min(made.left_edge.idx, tok.left_edge.idx)  # "claims by activists that ...", "rebel claims"
            opening = re.sub(r"^\W*(?:that\s+)?", "", doc.text[quote.start : first])
            return _party(doc, speakers, made) if not opening and not _quantity(made) else None
        if tok.pos_ == "VERB" and tok.tag_ != "VBN" and tok.lemma_.lower() in _SAYING_VERBS and child.dep_ == "ccomp":
            subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            if (
                subject is None
                or (
                    quote.speaker is not None
                    and quote.speaker.start is not None
                    and quote.speaker.end is not None
                    and quote.speaker.start <= subject.idx < quote.speaker.end
                )
                or subject.pos_ not in ("NOUN", "PROPN")
                or subject.lower_ in _NOT_A_SOURCE
                or subject.lemma_.lower() in DOCUMENT_NOUNS
                or _quantity(subject)
            ):
                return None
            # the reported words open with it ("activists were claiming that ...", "that police sources tell
            # them ..."): an attribution set further in is a part of what the speaker says
            opening = re.sub(r"^\W*(?:that\s+)?", "", doc.text[quote.start : subject.left_edge.idx])
            return _party(doc, speakers, subject) if not opening else None
    return None


# Verbs of an incident that a description of its site, weapon or victims is built on: "the school where a
# gunman killed 17", "the quake, which left 300 dead".
_EVENT_VERBS = frozenset(MEASURE_OF) | {"leave", "claim"}


def _describes(doc: Doc, quote: Quote, start: int, end: int) -> bool:
    """Whether the number, inside another's reported words, lies in a description of what they talk about: a
    relative clause or participle on a noun ("said the deputy at the school where a gunman killed 17 did a poor
    job", "the attack that killed seven") or an appositive so described ("referring to X and Y, the two teachers
    killed on Friday"). Such descriptions in an indirect report are the reporter's words, not the speaker's."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span) or _relays(quote):
        return False  # "..., according to the police chief": the chief's account, descriptions and all
    sp = quote.speaker
    if sp is not None and sp.start is not None and doc.text[sp.start : sp.end].lower() in ("i", "we"):
        return False  # "I condemn the shooting that killed 12": the speaker's own words, descriptions and all
    tok = span.root
    for _ in range(6):
        if not quote.start <= tok.idx < quote.end or tok.head.i == tok.i:
            return False
        if _claim_content(tok):
            return False  # "rejected rebel claims that 40 soldiers were killed": what the claim says, no description
        if tok.dep_ in ("relcl", "acl") and tok.lemma_.lower() in _EVENT_VERBS and tok.head.pos_ in ("NOUN", "PROPN"):
            return quote.start <= tok.head.idx < quote.end and not _counts_besides(doc, quote, tok)
        if tok.dep_ == "appos" and any(
            c.dep_ == "acl" and c.lemma_.lower() in _EVENT_VERBS and c.i > tok.i for c in tok.children
        ):
            return not _counts_besides(doc, quote, tok)
        if tok.dep_ == "advcl" and tok.lemma_.lower() in _EVENT_VERBS and _an_act(doc, quote):
            # "A House panel approved a measure ... a day after a derailment left seven dead": the panel's act
            # is timed by the event, whose toll is the reporter's
            return any(c.dep_ == "mark" and c.lower_ in _WHEN for c in tok.children)
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("relcl", "acl"):
            return False  # the number is in a clause of the reported words themselves
        tok = tok.head
    return False


_WHEN = frozenset("after before since when as until".split())


def _an_act(doc: Doc, quote: Quote) -> bool:
    """Whether the quote's cue is no verb of saying, thinking or reporting: "approved", "passed", "signed"."""
    cue = doc.char_span(quote.cue.start, quote.cue.end, alignment_mode="expand") if quote.cue else None
    return cue is not None and len(cue) > 0 and cue[0].lemma_.lower() not in CUE_VERBS


def _claim_content(tok: Token) -> bool:
    """Whether `tok` heads the "that" clause of a claim or report noun: "claims that 40 soldiers were killed"."""
    return (
        tok.dep_ in ("acl", "relcl", "ccomp")
        # a plural noun the tagger took for a verb ("said reports/VERB that 30 died were false") keeps a noun's role
        and (tok.head.pos_ == "NOUN" or tok.head.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj"))
        and tok.head.lemma_ in NOUN_CUES | _EVIDENCE
        and any(c.dep_ == "mark" and c.lower_ == "that" for c in tok.children)
    )


def _denied_claim(doc: Doc, quote: Quote, start: int, end: int) -> bool:
    """Whether the number lies in the content of a claim noun that the quote's speaker denies: "officials
    dismissed reports that 30 had died" gives no one's 30 to the officials."""
    cue = doc.char_span(quote.cue.start, quote.cue.end, alignment_mode="expand") if quote.cue else None
    denies = cue is not None and any(t.lemma_.lower() in _DENYING for t in cue)
    span = doc.char_span(start, end, alignment_mode="expand")
    tok = span.root if span is not None and len(span) else None
    for _ in range(8):
        if tok is None or tok.head.i == tok.i or not quote.start <= tok.idx < quote.end:
            return False
        if _claim_content(tok):
            noun = tok.head  # "said reports that 30 had died were false"
            predicate = noun.head if noun.dep_ in ("nsubj", "nsubjpass") else None
            false = predicate is not None and any(
                c.dep_ in ("acomp", "attr", "oprd") and c.lemma_.lower() in _FALSE for c in predicate.children
            )
            return denies or false or (predicate is not None and predicate.lemma_.lower() in _FALSE)
        tok = tok.head
    return False


_DENYING = frozenset("deny reject dismiss refute dispute contest disavow rebut".split())
_FALSE = frozenset("false untrue wrong baseless unfounded exaggerated inaccurate incorrect fabricated bogus".split())


def _counts_besides(doc: Doc, quote: Quote, description: Token) -> bool:
    """Whether the reported words count something outside the description: "the center reported that 20 died at
    the station, where some 130 were wounded" gives the counts, the description's among them."""
    inside = {t.i for t in description.subtree}
    content = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    return content is not None and any(
        t.like_num and t.i not in inside and t.ent_type_ not in ("DATE", "TIME") for t in content
    )


def _relays(q: Quote) -> bool:
    return q.cue is not None and q.cue.text.lower().startswith("according")


# Verbs whose object (not only their clause) is what the subject states: "the ministry reported 40 deaths",
# "police estimated the crowd at 5,000". Other cue verbs state only a clause: "rebels attacked 3 villages"
# is the reporter's figure, "rebels said they attacked 3 villages" the rebels'.
_STATING_OBJECT = frozenset(
    """estimate report count tally record confirm acknowledge admit put cite project forecast predict calculate
    announce claim show reveal disclose list quote""".split()
)
# Clausal content of a cue verb: its complement clause. An adverbial clause ("..., while 5 percent prefer",
# "Heading into the debate in 10 days, X said"), a second verb ("said yes and reached three") or an infinitive
# ("continues to lead with 40 percent", "seeks to raise $5,000": an act, not a statement) is none.
_CLAUSE = frozenset({"ccomp"})
_OBJECT = frozenset({"dobj", "obj", "attr", "oprd"})
# "put the toll at 45", "an estimate of 300", "reported between 3 and 5"
_OBJECT_PREPS = frozenset({"at", "of", "between"})
# Heads of an evidential phrase ("by one estimate", "in a recent poll") and nouns whose possessor states
# their clause ("the Times's report that 40 died").
_EVIDENCE = DOCUMENT_NOUNS | frozenset(
    """poll survey study analysis estimate census audit review projection forecast calculation reckoning
    report finding""".split()
)
_EVIDENCE_PREPS = frozenset({"by", "in", "from", "under"})
_STATING_NOUNS = frozenset(
    "statement message announcement release report post tweet letter filing briefing update bulletin".split()
)
_SUBJECTS = ("nsubj", "csubj")
_NOMINAL = ("NOUN", "PROPN", "PRON")
_QUANTIFIERS = frozenset("percent % percentage most many some all few several both none half majority".split())
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "agent", "expl"})


def governing_source(doc: Doc, speakers: Speakers, start: int, end: int) -> Party | None:
    """The source of the nearest attribution above the number in the parse of its sentence, innermost first:
    a verb of saying or believing whose clause holds the number ("officials said the two raised $350 million"),
    or a verb stating its object ("the agency reported 40 deaths"); an evidential phrase on a clause ("..., by
    one estimate", "In the latest poll, ...") or a cue set into it ("the benefit, it says, would be $300"); a report or claim noun with a possessor or a name before it
    ("a New York Times report that ..."). Never from the subject's side of the verb ("63 percent said",
    "endorsed by dozens of papers"), and never a source whose words hold the number."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    child, tok = span.root, span.root.head
    sent_start = span.root.sent.start
    # within the number's paragraph: the parser sometimes runs a sentence on across a paragraph break
    text = doc.text
    para = (text.rfind("\n", 0, start) + 1, len(text) if (n := text.find("\n", end)) < 0 else n)
    verbs_between = False  # a verb between the number and `tok`: the number is no longer in a bare object
    steps = 0
    while child.i != tok.i and tok.i >= sent_start and para[0] <= tok.idx < para[1] and steps < 12:
        steps += 1
        found: Token | None = None
        if child.dep_ not in _SUBJECT_DEPS:
            found = _verb_source(tok, child, verbs_between, steps) or _noun_source(tok, child)
        if found is None:
            found = _parenthetical(tok, child)
        if found is not None and _quantity(found):
            found = None  # "38 percent said ..., while 60 percent said": a share is no source of another
        if found is None:
            found = _evidential(tok, child)  # "by one estimate"
        if found is None:
            found = _revised(tok, child)  # "officials raised the death toll to 45"
        if found is None:
            found = _relative_cue(tok, child)  # "the 40 homes the mayor says were lost"
        party = _party(doc, speakers, found) if found is not None else None
        if party is not None and not (party.start is not None and party.start < end and start < (party.end or 0)):
            if party.start is None or para[0] <= party.start < para[1]:
                return party
        verbs_between = verbs_between or tok.pos_ in ("VERB", "AUX")
        child, tok = tok, tok.head
    return None


def _verb_source(verb: Token, child: Token, verbs_between: bool, steps: int) -> Token | None:
    """The subject of a cue verb whose clause holds the number, or of a stating verb whose object is the
    figure or what it counts ("reported 40 deaths", "a loss of $5 million", "put the toll at 45"; not
    "confirming judges at the slowest pace in 50 years")."""
    # "put the toll at 57": put states a tally's value, not otherwise a cue
    tally = verb.lemma_ == "put" and any(c.dep_ in _OBJECT and c.lemma_ in _TALLIES for c in verb.children)
    if verb.pos_ not in ("VERB", "AUX") or (verb.lemma_ not in CUE_VERBS and not tally):
        return None
    if any(c.dep_ == "neg" for c in verb.children) or (
        verb.dep_ == "xcomp" and verb.head.lemma_.lower() in ("decline", "refuse")
    ):
        return None  # "would not confirm that 40 died", "refused to confirm": no one's count
    stated = verb.lemma_ in _STATING_OBJECT and not verbs_between
    if child.dep_ in _CLAUSE:
        if child.i < verb.i and any(t.text in (";", ":") for t in verb.doc[child.i : verb.i]):
            return None  # "Sanders advocates $15 trillion; Clinton seeks ...": a clause of its own
    elif not (
        (stated and child.dep_ in _OBJECT and steps <= 3)
        or (stated and child.dep_ == "prep" and child.lower_ in _OBJECT_PREPS and steps <= 2)
    ):
        return None
    return _subject(verb)


def _subject(verb: Token) -> Token | None:
    """The verb's subject, the agent of a passive, or the subject of the verb it hangs from ("..., saying",
    "declined to say", "tweeted and said")."""
    for c in verb.children:
        if c.dep_ in _SUBJECTS:
            return c
    for c in verb.children:
        if c.dep_ == "agent":
            return next((p for p in c.children if p.dep_ == "pobj"), None)
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head  # "with activists reporting between 322 and 1,300 killed", "officials citing records"
    participle = verb.dep_ == "advcl" and verb.tag_ == "VBG"  # "..., saying that"; not "even though ... expected"
    if (verb.dep_ in ("xcomp", "conj") or participle) and verb.head.i != verb.i and verb.head.pos_ in ("VERB", "AUX"):
        return next((c for c in verb.head.children if c.dep_ in _SUBJECTS), None)
    return None


def _noun_source(noun: Token, child: Token) -> Token | None:
    """'the ministry's estimate of 300', 'a New York Times report that ...': the possessor or the name."""
    if noun.pos_ not in ("NOUN", "PROPN") or noun.lemma_ not in NOUN_CUES | _EVIDENCE:
        return None
    # its "that" clause (the parser makes it a complement or a relative clause); a participle on the noun is a
    # description ("the FEC report covering the last three months")
    clause = child.dep_ == "ccomp" or (
        child.dep_ in ("acl", "relcl") and any(c.dep_ == "mark" and c.lower_ == "that" for c in child.children)
    )
    counts = child.dep_ == "prep" and child.lower_ in ("of", "at") and noun.lemma_ in DOCUMENT_NOUNS
    # "a statement that highlighted ... the deaths of two": what the statement itself does is what it states
    states = (
        child.dep_ == "relcl"
        and noun.lemma_ in _STATING_NOUNS
        and any(c.dep_ == "nsubj" and c.lower_ in ("that", "which") for c in child.children)
    )
    if not clause and not counts and not states:  # "the ministry's estimate of 300"
        return None
    for c in noun.children:
        if c.dep_ == "poss":
            return c
    names = [c for c in noun.children if c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN" and c.i < noun.i]
    if names:
        return names[0]
    for c in noun.children:  # "claims by activists that 200 were killed"
        if c.dep_ == "prep" and c.lower_ == "by" and c.i < child.i:
            maker = next((p for p in c.children if p.dep_ == "pobj" and p.pos_ in ("NOUN", "PROPN")), None)
            if maker is not None:
                return maker
    if noun.i > 0 and noun.doc[noun.i - 1].head.i == noun.i and party_modifier(noun.doc[noun.i - 1]):
        return noun.doc[noun.i - 1]  # "rebel claims that 40 soldiers were captured"
    # "the chief said in a statement that ...": the statement's speaker
    prep = noun.head
    if noun.dep_ == "pobj" and prep.lower_ in ("in", "through") and prep.head.lemma_ in CUE_VERBS:
        if prep.head.pos_ in ("VERB", "AUX"):
            return _subject(prep.head)
    return None


# Verbs that set a tally's value, and the tallies: "raised the death toll to 45", "cut its forecast to 1.8
# percent", "held the fund's estimate steady at 3.1 percent".
_REVISING = frozenset("raise lower revise increase cut update lift boost reduce downgrade upgrade hold keep".split())
_TALLIES = _EVIDENCE | frozenset("toll forecast projection outlook tally".split())
_REVISED_PREPS = frozenset({"to", "at", "by"})


def _revised(verb: Token, child: Token) -> Token | None:
    """Who sets the value of a tally: the tally's possessor ("the IMF's estimate"), else the verb's subject."""
    if verb.pos_ != "VERB" or verb.lemma_ not in _REVISING:
        return None
    if not ((child.dep_ == "prep" and child.lower_ in _REVISED_PREPS) or child.pos_ in ("ADJ", "ADV")):
        return None
    tally = next((c for c in verb.children if c.dep_ == "dobj" and c.lemma_ in _TALLIES), None)
    if tally is None:
        return None
    owner = next((c for c in tally.children if c.dep_ == "poss"), None)
    subject = _subject(verb)
    if owner is not None and (owner.pos_ != "PRON" or subject is None):
        return owner
    return subject


def _evidential(head: Token, child: Token) -> Token | None:
    """'..., by one estimate', 'In the latest poll, ...' on the clause that holds the number."""
    if head.pos_ not in ("VERB", "AUX"):
        return None
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ in _EVIDENCE_PREPS and c.i != child.i:
            for p in c.children:
                if p.dep_ == "pobj" and p.lemma_ in _EVIDENCE and not p.like_num:
                    return p
    return None


def _quantity(tok: Token) -> bool:
    """A share or a quantified group ("38 percent of voters", "six in 10 voters", "most"): a survey's answer
    beside another, not the source of the figure."""
    if tok.like_num or tok.pos_ == "NUM" or tok.lower_ in _QUANTIFIERS:
        return True
    return any(c.dep_ in ("nummod", "quantmod") or c.like_num for c in tok.children if c.i < tok.i)


def _parenthetical(head: Token, child: Token) -> Token | None:
    """'The average benefit, it says, would be $300': a cue set into the clause that holds the number."""
    if head.pos_ not in ("VERB", "AUX"):
        return None
    for c in head.children:
        if c.dep_ == "parataxis" and c.i != child.i and c.lemma_ in CUE_VERBS and c.pos_ == "VERB":
            if not any(k.dep_ in ("ccomp", "dobj") for k in c.children):  # its own content: no aside
                # a noun or pronoun: "All told, the group raised $4 million" is an idiom
                return next((k for k in c.children if k.dep_ in _SUBJECTS and k.pos_ in _NOMINAL), None)
    return None


_RELATIVE = frozenset("that which who whom".split())


def _relative_cue(noun: Token, child: Token) -> Token | None:
    """'the 300 deaths (that) officials say the storm caused': a cue in a relative clause on what is counted."""
    if noun.pos_ not in ("NOUN", "PROPN") or child.dep_ not in ("nummod", "quantmod", "compound", "amod"):
        return None
    for c in noun.children:
        if c.dep_ == "relcl" and c.pos_ == "VERB" and c.lemma_ in CUE_VERBS:
            subject = next((k for k in c.children if k.dep_ == "nsubj"), None)
            if subject is not None and subject.pos_ in _NOMINAL and subject.lower_ not in _RELATIVE:
                return subject
    return None


def _party(doc: Doc, speakers: Speakers, tok: Token) -> Party | None:
    """The phrase a source token heads, as the article's speakers resolve it."""
    left, right = tok.left_edge.i, tok.right_edge.i
    if tok.dep_ in ("compound", "nmod"):  # the name before a noun: 'a New York Times report'
        left, right = tok.head.left_edge.i, tok.i
    for c in tok.rights:  # "activists reporting between 322 and 1,300 killed": the participle is what they do
        if c.dep_ == "acl" and c.tag_ == "VBG" and c.lemma_ in CUE_VERBS:
            right = min(right, c.left_edge.i - 1)
    while left < right and (doc[left].dep_ in ("cc", "punct", "advmod") or doc[left].is_space):
        left += 1  # "But a POLITICO analysis"
    while right > left and (doc[right].is_punct or doc[right].is_space):
        right -= 1
    a, b = doc[left].idx, doc[right].idx + len(doc[right].text)
    return speakers.party(a, b, tok.lower_, tok.idx)


def _named_in_sentence(
    text: str, sentence: tuple[int, int], start: int, end: int, entities: list[Entity]
) -> Party | None:
    s0, s1 = sentence
    sent = text[s0:s1]
    found = None
    for rx in (_ACCORDING, _FIGURES_FROM):
        if m := rx.search(sent):
            found = (s0 + m.start("src"), s0 + m.end("src"))
            break
    if found is None:
        before = text[s0:start]
        cut = max(before.rfind(";"), before.rfind(" but "), before.rfind(" while "))
        clause_at = s0 + cut + 1 if cut >= 0 else s0
        if m := _ESTIMATES.search(text[clause_at:start]):
            found = (clause_at + m.start("src"), clause_at + m.end("src"))
    if found is None and (m := _SAID_AFTER.search(text, end, sentence[1])):
        found = (m.start("src"), m.end("src"))
        if cited := _CITING.match(text, m.end(), sentence[1]):
            found = (cited.start("src"), cited.end("src"))
    return None if found is None else _span_party(text, *found, entities)


def _inner_source(text: str, sentence: tuple[int, int], start: int, entities: list[Entity]) -> Party | None:
    """The source of an attribution set into a relative clause right before the number ("the man police say
    killed 26"): the count's own, before any quotation or cue of the sentence around it."""
    m = _INNER_SAY.search(text, max(sentence[0], start - 120), start)
    return None if m is None else _span_party(text, m.start("src"), m.end("src"), entities)


def _span_party(text: str, a: int, b: int, entities: list[Entity]) -> Party | None:
    name = text[a:b].strip()
    if name.lower() in _NOT_A_SOURCE or not re.search(r"[A-Za-z]", name):
        return None
    for ent in entities:  # the entity the span names, when one is mentioned inside it
        if ent.label in ("PERSON", "ORG", "GPE", "NORP") and any(
            a <= ms and me <= b and (ent.label in ("PERSON", "ORG") or not re.search(r"\w", text[me:b]))
            for ms, me in ent.mentions
        ):  # a country or nationality only as the span's head: "a Russian organization" is no government
            return Party(name=ent.name, entity=ent.id, start=a, end=b)
    return Party(name=name, start=a, end=b)


def time_of(dates, sent, start: int, end: int) -> str | None:
    """The nearest DATE inside the sentence; `dates` (start, end, value) sorted by start."""
    if sent is None:
        return None
    best, dist = None, None
    for s, e, v in dates[bisect_left(dates, (sent[0],)) :]:
        if s >= sent[1]:
            break
        if e <= sent[1]:
            d = start - e if e <= start else s - end  # characters between the date and the claim
            if dist is None or d < dist:
                best, dist = v, d
    return best
