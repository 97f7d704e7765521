"""Who a source span refers to: the entity it names, or for a pronoun or a description
("he", "the ministry") the nearest compatible earlier mention."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from functools import lru_cache

import pycountry

from ...models import Entity, Party
from ...reconcile.geonames import AP_STATES  # data only: the AP's state abbreviations
from ..entities import TITLES
from .lexicon import DOCUMENT_NOUNS, ORG_NOUNS, PERSON_NOUNS

_WORD = re.compile(r"[\w'’-]+")
_PERSON_PRON = {"he", "she", "him", "her", "his"}
_GROUP_PRON = {"they", "it", "them", "their", "its"}
_PLURAL_PRON = {"they", "them", "their"}
_RELATIVE = {"who", "whom", "that", "which", "whose"}
# lower-case parts of a name ("Abu Bakr al-Baghdadi", "Voces de la Frontera")
_PARTICLES = {"al", "bin", "ibn", "de", "la", "le", "da", "del", "der", "van", "von", "du", "di", "el"}
_NOT_NAME = re.compile(r"[\d/@#]|http")
_SPEAKERS = ("PERSON", "ORG", "GPE", "NORP")
_UNNAMED = {
    "he",
    "she",
    "him",
    "her",
    "they",
    "them",
    "it",
    "we",
    "us",
    "i",
    "me",
    "you",
    "his",
    "their",
    "its",
    "our",
    "my",
    "your",
    "who",
    "whom",
    "which",
    "that",
    "this",
    "these",
    "those",
    "one",
    "someone",
    "somebody",
    "anyone",
    "everyone",
    "others",
}
_LABEL = re.compile(r"[A-Z][A-Z'’-]{3,}")
_DEMONYM = ((re.compile(r"ese$"), ""), (re.compile(r"ian$"), "ia"), (re.compile(r"an$"), "a"), (re.compile(r"i$"), ""))


# Findings and their makers ("an analysis by X", "X's latest figures", "data released by X", "an X study").
_FINDINGS = DOCUMENT_NOUNS | frozenset(
    """poll polls survey surveys study studies analysis analyses census audit review projection projections
    forecast forecasts calculation calculations finding findings""".split()
)
_MADE = frozenset({"by", "from"})
# A name and a comma before "a"/"an"/"the", a role and a person's name: a place the parse ran into the speaker's
# phrase ("Shabwah, a tribal leader, Tarek al-Awlaki"), not a body and what it is ("Issue One, an advocacy group").
_PLACE_BEFORE_SPEAKER = re.compile(
    r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2},\s+(?=(?:a|an|the)\s+[^,]{2,60},\s+[A-Z])"  # "X, a leader, NAME"
)
# First-person speakers, and a transcript's turn heading: a name alone on a line, or "NAME:" opening one.
_FIRST_PRON = frozenset({"i", "me", "my", "we", "us", "our"})
_TURN = re.compile(
    r"^(?:(?P<name>[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3})[ \t]*$|"
    r"(?P<label>[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,2})(?:[ \t]*\([^()\n]{1,40}\))?:[ \t]+\S)",  # "NAME (HOST):"
    re.M,
)
# A member of a party, as a description's head: "the Arizona Republican", "the New York Democrat".
_PARTY_MEMBERS = frozenset("republican democrat independent libertarian".split())
_MEMBER_REACH = 3000  # characters back to the person a description names
_NOT_STATE = frozenset("No. Senate House GOP Democratic Republican".split())  # "the No. 3 Senate Republican"
# The rest of a hyphenated word a span stops inside, and the name after it.
_HYPHEN_TAIL = re.compile(r"(?<=\w)[-–](?=\w)[\w'’-]*(?:\s(?-i:[A-Z])[\w.'’-]*){0,3}")
_STATEMENTS = frozenset("statement release communique communiqué".split())
# Descriptions any organisation takes ("the group"), and the names of state bodies they do not describe.
_ANY_BODY = frozenset("group organization organisation association coalition charity company firm".split())
_STATE_BODY = re.compile(
    r"\b(?:ministry|department|police|army|military|government|office|council|court|parliament|commission|agency|"
    r"bureau|authority|authorities|administration|forces|congress|senate|house|legislature|assembly|party|"
    r"campaign|committee)\b"
)


# "Harvard researchers published a study estimating ...": the study is its publisher's.
_PUBLISHING = frozenset("publish release issue conduct commission produce unveil".split())


def _publisher(noun):
    if noun.dep_ != "dobj" or noun.head.lemma_.lower() not in _PUBLISHING:
        return None
    return next((c for c in noun.head.children if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")), None)


def _maker(noun):
    for c in noun.children:
        if c.dep_ == "poss" and c.pos_ != "PRON":
            return c
        if c.dep_ == "prep" and c.lower_ in _MADE:
            return next((p for p in c.children if p.dep_ == "pobj" and p.pos_ in ("NOUN", "PROPN")), None)
        if c.dep_ == "acl" and c.tag_ == "VBN":  # "released by", "compiled from"
            for k in c.children:
                if k.dep_ == "agent" or (k.dep_ == "prep" and k.lower_ in _MADE):
                    return next((p for p in k.children if p.dep_ == "pobj" and p.pos_ in ("NOUN", "PROPN")), None)
    names = [c for c in noun.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < noun.i]
    return names[-1] if names else None


def _chars(left, right) -> tuple[int, int]:
    """Character offsets of the tokens left..right, less closing punctuation and a possessive ("the ministry's")."""
    while right.i > left.i and (right.is_punct or right.tag_ == "POS"):
        right = right.doc[right.i - 1]
    return left.idx, right.idx + len(right.text)


class Speakers:
    """Resolves source spans of one article against its entities."""

    def __init__(self, text: str, entities: list[Entity], doc=None):
        self.text = text
        self.doc = doc  # the parse, for a relative pronoun's antecedent
        mentions = sorted(
            (s, e, ent) for ent in entities if ent.label in _SPEAKERS and _namelike(ent) for s, e in ent.mentions
        )
        self.starts = [m[0] for m in mentions]
        self.mentions = mentions
        self.by_label = {lab: [m for m in mentions if m[2].label == lab] for lab in _SPEAKERS}
        self.gpe = [ent for ent in entities if ent.label == "GPE"]
        self._turns: list[tuple[int, Entity | None]] | None = None  # a transcript's turns, found on first use

    def made_by(self, party: Party) -> Party:
        """`party` with its finding's maker as the name, where its span names one ("Data released by the
        ministry"), for a source found in the text, not through `party`."""
        if party.start is None or party.end is None or (maker := self._maker(party.start, party.end)) is None:
            return party
        found = self.party(*maker)
        return Party(found.name, found.entity, party.start, party.end)

    def _maker(self, start: int, end: int) -> tuple[int, int, str, int] | None:
        """Who made a finding the span names: "An analysis by the Harlow Institute", "Data released by the
        ministry", "The ministry's latest figures", "A Harlow Institute study" are the maker's; and the
        subject that publishes it ("Harlow researchers published a study")."""
        if self.doc is None:
            return None
        span = self.doc.char_span(start, end, alignment_mode="expand")  # its root, whatever head was given
        if span is None or not len(span) or span.root.pos_ != "NOUN" or span.root.lower_ not in _FINDINGS:
            return None
        found = _maker(span.root)
        if found is None:
            by = _publisher(span.root)
            if by is None:
                return None
            a, b = _chars(by.left_edge, by.right_edge)
            # a publisher that is itself a finding, or holds the span, names no one else ("polls released a poll")
            inside = a < end and start < b
            return None if inside or by.lower_ in _FINDINGS else (a, b, by.lower_, by.idx)
        a, b = _chars(found.left_edge, found.right_edge)
        return (a, b, found.lower_, found.idx) if start <= a and b <= end else None

    def party(self, start: int, end: int, head: str | None = None, head_at: int | None = None) -> Party:
        """The Party for text[start:end]; head is the lower-cased head word of the span, at head_at.

        An entity inside the span speaks only when it covers the head: in "Veridia's interior ministry"
        or "lawmakers in Veridia" the country is a modifier, and the span as written is the speaker;
        but "Kenyan estimates" are Kenya's.
        """
        given = (start, end)
        if m := _HYPHEN_TAIL.match(self.text, end):
            # "Pink Floyd co" of "Pink Floyd co-founder Roger Waters": the parse cut the word, and its head
            end = m.end()
            last = self.text[start:end].split()[-1]
            head, head_at = last.lower(), end - len(last)
        if (cut := _PLACE_BEFORE_SPEAKER.match(self.text, start, end)) and re.search(
            r"\b(?:of|in|from|near|at)\s+$", self.text[max(0, start - 8) : start]
        ):
            # "in the province of Shabwah, a tribal leader, Tarek al-Awlaki, said": the parse ran the place into
            # the subject; the speaker is the apposition after it
            return self.party(cut.end(), end)
        ant = self._antecedent(start, end, head)
        if ant is not None:
            found = self.party(*ant)
            return Party(found.name, found.entity, start, end)
        maker = self._maker(start, end)
        # (not the span given: "Q" of "CBS/NYT/Q-polls" is widened to "Q-polls", whose maker is "Q" again)
        if maker is not None and maker[:2] not in ((start, end), given):  # the span as written, the maker as the party
            found = self.party(*maker)
            return Party(found.name, found.entity, start, end)
        ent = self._inside(start, end, head_at) or self._surname(start, end)
        if ent is None and head_at is not None and (head or "") in DOCUMENT_NOUNS:
            ent = self._inside(start, end)
        if ent is None and (head or "") in _STATEMENTS and self._definite(start, end):
            if (earlier := self._statement_before(start, head or "")) is not None:
                found = self.party(*earlier)
                return Party(found.name, found.entity, start, end)
        if ent is None:
            word = (head or self.text[start:end]).lower()
            if word in _PERSON_PRON:
                ent = self._person_before(start)
            elif word in _FIRST_PRON and (intro := self.introduced(start)) is not None:
                return Party(name=intro.name, entity=intro.entity, start=start, end=end)  # a statement set out
            elif word in _FIRST_PRON and (turn := self._turn(start)) is not None:
                return Party(name=turn.name, entity=turn.id, start=start, end=end)  # "Jesse Wegman\n\nI think ..."
            elif word in _GROUP_PRON:
                plural = self._plural_subject(start) if word in _PLURAL_PRON else None
                if plural is not None:
                    found = self.party(*plural)
                    return Party(found.name, found.entity, start, end)
                ent = self._before(start, ("ORG", "GPE"))
            elif word in PERSON_NOUNS:
                # "the head of the Guards said ... . The head of the Guards, Gen. Hossein Salami, ...": named after
                ent = (self._described_before(start, "PERSON", word) if self._definite(start, end) else None) or (
                    self._described_after(start, end, word)
                )
            elif (
                word == "government"
                and self._definite(start, end)
                and not self._modifier(start, end)
                and not self._named_modifier(start, end)
            ):
                ent = self._country_before(start)  # not "the U.S. government": the span as written says whose
            elif word in ORG_NOUNS and self._definite(start, end) and not self._named_modifier(start, end):
                # 'the group' just after an organisation spoke is that organisation ('Doctors Without Borders
                # said ... . Of those, 355 died, the Paris-based group said'), as written where the tagger
                # took a part of its name ('Borders')
                subject = self._org_subject_before(start, word)
                if isinstance(subject, tuple):
                    found = self.party(*subject)
                    return Party(found.name, found.entity, start, end)
                ent = subject or self._described_before(start, "ORG", word)
        if (
            ent is None
            and not _SPOKESPERSON.search(self.text, start, end)  # a body's voice: the party layer reads the span
            and (named := self._inside(start, end)) is not None
            and named.label == "PERSON"
        ):
            # "Another official, Lee Brenn,": the description's apposition names the speaker
            if any(
                (s == start and self.text[e : e + 1] == ",")
                or (re.fullmatch(r"[^,]{1,60},\s*", self.text[start:s]) and _APPOSITION_END.match(self.text, e, end))
                for s, e in self._at(named, start, end)
            ):
                ent = named
        if ent is None:
            raw = self.text[start:end]
            # An unresolved pronoun or relative, or an upper-case list label ("TARGET"), names no one: the span
            # is kept, the name is not (contract: name null).
            if word in _UNNAMED or raw.strip().lower() in _UNNAMED or _LABEL.fullmatch(raw.strip()):
                return Party(name=None, start=start, end=end)
            return Party(name=raw, start=start, end=end)
        if ent.label == "NORP" and self._one_described(start, end):
            # "the Arizona Republican told The Hill", "the 45-year-old Briton said": a person described by
            # party or nationality, not the party or the country
            person = self._member_before(start, end)
            if person is None:
                return Party(name=self.text[start:end], start=start, end=end)
            return Party(name=person.name, entity=person.id, start=start, end=end)
        if ent.label == "NORP":
            ent = self._country(ent)
        return Party(name=ent.name, entity=ent.id, start=start, end=end)

    def _antecedent(self, start: int, end: int, head: str | None) -> tuple[int, int, str, int] | None:
        """'the spokeswoman, who said': the noun phrase a relative pronoun's clause modifies, as (start,
        end, head, head_at), without the clause."""
        word = (head or self.text[start:end]).strip().lower()
        if self.doc is None or word not in _RELATIVE:
            return None
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or span.root.head.dep_ != "relcl":
            return None
        noun = span.root.head.head
        left = noun.left_edge.i
        if noun.pos_ not in ("NOUN", "PROPN", "PRON") or left > noun.i:
            return None
        return self.doc[left].idx, noun.idx + len(noun.text), noun.lower_, noun.idx

    def _surname(self, start: int, end: int) -> Entity | None:
        """'Okafor', 'Ms. Okafor' or a transcript's 'OKAFOR' where the parser tagged no name: the person named so
        earlier."""
        words = [w for w in _WORD.findall(self.text[start:end]) if w.lower().rstrip(".") not in TITLES]
        if not words or len(words) > 2 or not all(w[0].isupper() for w in words):
            return None
        tail = [w.lower() for w in words]
        best = None
        for s, _e, ent in self.by_label["PERSON"]:
            if s >= start:
                break
            name = [w.lower() for w in _WORD.findall(ent.name)]
            if len(name) > len(tail) and name[-len(tail) :] == tail:
                best = ent
        return best

    def _inside(self, start: int, end: int, head_at: int | None = None) -> Entity | None:
        """The first speaker-like entity mentioned within the span (covering head_at, when given);
        a person before anything else."""
        i = bisect.bisect_left(self.starts, start)
        found = None
        while i < len(self.mentions) and self.mentions[i][0] < end:
            s, e, ent = self.mentions[i]
            if e <= end and (head_at is None or s <= head_at < e):
                if ent.label == "PERSON":
                    return ent
                found = found or ent
            i += 1
        return found

    def _at(self, ent: Entity, start: int, end: int) -> list[tuple[int, int]]:
        """Where `ent` is mentioned within [start, end)."""
        i = bisect.bisect_left(self.starts, start)
        out = []
        while i < len(self.mentions) and self.mentions[i][0] < end:
            s, e, other = self.mentions[i]
            if other is ent and e <= end:
                out.append((s, e))
            i += 1
        return out

    def _named_modifier(self, start: int, end: int) -> bool:
        """Whether a name stands before the span's head, tagged or not: "the Snohomish County government" says
        whose (not "the Paris-based group", a description)."""
        words = self.text[start:end].split()[1:-1]  # less the article and the head
        return any(re.match(r"[A-Z][\w.'’]*$", w) for w in words)

    def _modifier(self, start: int, end: int) -> Entity | None:
        """The country or nationality named inside the span, before its head: "the Syrian government"."""
        i = bisect.bisect_left(self.starts, start)
        while i < len(self.mentions) and self.mentions[i][0] < end:
            if self.mentions[i][1] <= end and self.mentions[i][2].label in ("GPE", "NORP"):
                return self.mentions[i][2]
            i += 1
        return None

    def _before(self, start: int, labels: tuple[str, ...]) -> Entity | None:
        best = None
        for lab in labels:
            ms = self.by_label[lab]
            i = bisect.bisect_left(ms, (start,))
            if i and (best is None or ms[i - 1][0] > best[0]):
                best = ms[i - 1]
        return best[2] if best else None

    def _person_before(self, start: int) -> Entity | None:
        """'he', 'she': the nearest earlier person; a surname the tagger took for an organisation
        ('Trump', 'Rodriguez-Kennedy' tagged ORG) counts where the parse makes it a clause's subject."""
        i = bisect.bisect_left(self.starts, start)
        people = [
            (s, ent)
            for s, e, ent in self.mentions[max(0, i - 12) : i]
            if ent.label == "PERSON" or (ent.label in ("ORG", "NORP") and self._subject_name(s, e))
        ]
        people = [p for p in people if not self._quoted(p[0])] or people
        if not people:
            return self._before(start, ("PERSON",))
        # the subject of the last sentences (quotations aside) before a nearer name in an object or apposition
        window = self._sentence_start(start, back=3)
        for s, ent in reversed(people):
            if s >= window and self._is_subject(s) and not self._quoted(s):
                return ent
        return people[-1][1]

    def _plural_subject(self, start: int) -> tuple[int, int, str, int] | None:
        """'they': the plural noun that is the subject of one of the last sentences ('Economists say ...
        And they warn'), quotations aside, as (start, end, head, head_at) of its phrase."""
        if self.doc is None:
            return None
        window = self._sentence_start(start, back=2)
        at = self.doc.char_span(window, start, alignment_mode="expand")
        for t in reversed(list(at or ())):
            if t.idx >= start or t.dep_ not in ("nsubj", "nsubjpass") or t.tag_ not in ("NNS", "NNPS"):
                continue
            if not self._quoted(t.idx):
                return self.doc[t.left_edge.i].idx, t.idx + len(t.text), t.lower_, t.idx
        return None

    def _sentence_start(self, at: int, back: int) -> int:
        if self.doc is None:
            return at
        span = self.doc.char_span(at, at + 1, alignment_mode="expand")
        if span is None:
            return at
        sent = span[0].sent
        for _ in range(back):
            if sent.start == 0:
                break
            sent = self.doc[sent.start - 1].sent
        return sent.start_char

    def _quoted(self, at: int) -> bool:
        """Inside a quotation of its paragraph: a name the speaker says, not the speaker."""
        before = self.text[self.text.rfind("\n", 0, at) + 1 : at]
        return before.count("“") > before.count("”") or before.count('"') % 2 == 1

    def _is_subject(self, at: int) -> bool:
        return self._subject_head(at, within=False) is not None

    def _subject_name(self, start: int, end: int) -> bool:
        if self.doc is None:
            return False
        span = self.doc.char_span(start, end, alignment_mode="expand")
        words = [t for t in span or () if not t.is_punct]
        if span is None or len(words) > 2 or not all(t.tag_ == "NNP" and not t.is_upper for t in words):
            return False
        if span.start > 0 and self.doc[span.start - 1].lower_ == "the":
            return False  # "the Taliban" is a group, not a surname
        return span.root.dep_ in ("nsubj", "nsubjpass")

    def _described_before(self, start: int, label: str, word: str) -> Entity | None:
        """'the minister' is the nearest earlier person introduced as one ('Interior Minister Halvard
        Rusk', 'Rusk, the minister,'); a description that fits no one ('the regional governor') is a
        new speaker, left as written."""
        near = re.compile(rf"\b{re.escape(word)}", re.I)
        for s, e, ent in reversed([m for m in self.by_label[label] if m[0] < start]):
            # within the mention's sentence ("The rebel group Kessel Front said ... . The Interior Ministry said"
            # does not describe the ministry as a group), and not the description itself
            if near.search(self.text, *self._around(s, e, start, 80)):
                return ent
        return None

    def _described_after(self, start: int, end: int, word: str) -> Entity | None:
        """A description that the next sentence names: the first person after it, up to the end of the next
        sentence, introduced there as one: "The head of the board, Halvard Rusk,", "Dana Kessel, a strategist
        at ...", "Spokesman George Little". Not one told as one of several ("another official", "one senior
        official"), whom the text does not name by design; an indefinite one only for a role the press leaves
        unnamed at first ("a spokesman", not "a president"); "foreign minister" only as one, not "Prime Minister"."""
        phrase = self.text[start:end]
        if _ONE_OF_SEVERAL.match(phrase) or (not self._definite(start, end) and word not in _UNNAMED_ROLES):
            return None
        if re.search(r",\s+[A-Z][\w'’.-]+\s+[A-Z]", phrase):
            return None  # "his attorney, Jaye Schlachet,": the phrase names the speaker, if not as an entity
        words = _WORD.findall(phrase.lower())
        i = len(words) - 1 - words[::-1].index(word) if word in words else -1
        role = rf"{words[i - 1]}\s+{re.escape(word)}" if i > 0 and words[i - 1] in _ROLE_MODIFIERS else re.escape(word)
        stop = self.text.find(". ", self.text.find(". ", end) + 2)
        limit = min(len(self.text), end + 400, stop if stop >= 0 else len(self.text))
        titled = re.compile(
            rf"(?<!other )(?<!another )\b{role}(?:\s+(?:of|for|to|at|in|with|from)\s+[^,.;]{{1,40}}?,|,)?"
            rf"\s+(?:(?-i:[A-Z])[\w.'’-]*\s+){{0,3}}$",
            re.I,
        )
        # "Dana Kessel, a strategist at ...", not "... to Hillary Clinton, the aide said": a clause of its own
        described = re.compile(
            rf",\s+(?:a|an|the|his|her|its|their)\s+(?:[\w'’.-]+\s+){{0,5}}?{role}\b(?!\s+(?:{_SAYING}))", re.I
        )
        people = self.by_label["PERSON"]
        for s, e, ent in people[bisect.bisect_left(people, (end,)) :]:
            if s >= limit:
                break
            if titled.search(self.text, max(end, s - 70), s) or described.match(self.text, e):
                return ent
        return None

    def _around(self, s: int, e: int, start: int, after: int) -> tuple[int, int]:
        """The words around a mention at [s, e) that introduce it: up to 60 characters before and `after` after,
        within its sentence and before `start`."""
        stop = self.text.find(". ", e)
        return max(0, s - 60, self.text.rfind(". ", 0, s) + 1), min(start, e + after, stop if stop >= 0 else start)

    def _org_subject_before(self, start: int, word: str) -> Entity | tuple[int, int, str, int] | None:
        """The organisation that is the subject of this or the last sentence (quotations aside), where the
        description fits it: its name holds the word ('the ministry'), or the word is any body's ('the group')
        and the name is no state body's. The subject's phrase (start, end, head, head_at) where the entity
        is only a part of it."""
        window = self._sentence_start(start, back=1)
        for s, e, ent in reversed([m for m in self.by_label["ORG"] if window <= m[0] < start]):
            head = self._subject_head(s)
            if self._quoted(s) or head is None:
                continue
            name = self.text[min(s, head.left_edge.idx) : max(e, head.idx + len(head.text))]
            if not (word in name.lower() or (word in _ANY_BODY and not _STATE_BODY.search(name.lower()))):
                return None  # the last subject is another kind of body: no guess
            if s <= head.idx < e:
                return ent
            return head.left_edge.idx, max(e, head.idx + len(head.text)), head.lower_, head.idx
        return None

    def _subject_head(self, at: int, within: bool = True):
        """The head of the subject the word at `at` heads ("A spokesman, Nasrat Rahimi,"), or, `within`, stands in
        ("Borders" of "Doctors Without Borders said", the tagger's entity a part of the name); else None."""
        span = None if self.doc is None else self.doc.char_span(at, at + 1, alignment_mode="expand")
        if span is None:
            return None
        climb = ("compound", "flat", "appos", "pobj", "prep") if within else ("compound", "flat", "appos")
        t = span[0]
        while t.dep_ in climb and t.head.i != t.i:
            t = t.head
        return t if t.dep_ in ("nsubj", "nsubjpass") else None

    def _statement_before(self, start: int, word: str) -> tuple[int, int, str, int] | None:
        """'the statement said': who made the statement the last sentences introduced ("A Palestinian government
        statement condemned ... . ..., the statement said"), as (start, end, head, head_at) of the maker."""
        if self.doc is None:
            return None
        window = self._sentence_start(start, back=2)
        at = self.doc.char_span(window, start, alignment_mode="expand")
        for t in reversed(list(at or ())):
            if t.lower_ != word or t.idx >= start or not any(c.lower_ in ("a", "an") for c in t.lefts):
                continue
            # its maker, the body named before it ("A Palestinian government statement"), or who said it in it
            # ("The ministry said in a statement")
            maker = _maker(t)
            left = right = None
            if maker is None and (body := next((c for c in reversed(list(t.lefts)) if c.dep_ == "compound"), None)):
                mods = [c for c in t.lefts if c.dep_ in ("amod", "compound", "nmod")]
                left, right = min(mods, key=lambda c: c.i).left_edge, body
                maker = body
            elif maker is None and t.dep_ == "pobj" and t.head.lower_ == "in" and t.head.head.pos_ == "VERB":
                maker = next((c for c in t.head.head.children if c.dep_ == "nsubj"), None)
            if maker is None:
                return None
            if left is None or right is None:
                left, right = maker.left_edge, maker.right_edge
            return (*_chars(left, right), maker.lower_, maker.idx)
        return None

    def _country_before(self, start: int) -> Entity | None:
        """'the government': the place named most often (and more than once) before it, the first
        named on a tie: a country is usually introduced first and named again; the town of the day, once."""
        counts: dict[str, list] = {}
        for s, _, ent in self.by_label["GPE"]:
            if s >= start:
                break
            counts.setdefault(ent.id, [0, s, ent])[0] += 1
        best = max(counts.values(), key=lambda c: (c[0], -c[1]), default=None)
        return best[2] if best and best[0] >= 2 else None  # named once, it may be a town

    def _member_before(self, start: int, end: int) -> Entity | None:
        """The person a party member's description refers to. With a state ("the Ohio Republican"): the nearest
        earlier person named with it and not with another party ("Sen. Dana Ruiz (R-Ohio)", "Ruiz, an Ohio
        Republican"), else none, for the nearest speaker is another senator as often as this one. Without ("the
        Republican"): the subject of the last sentences, as for "he"."""
        words = self.text[start:end].split()[1:-1]
        state = " ".join(w for w in words if w[:1].isupper() and w not in _NOT_STATE)
        if not state:
            return self._person_before(start)
        code = _us_states().get(state)
        if code is None:
            return None
        abbr = [re.escape(a) for a in AP_STATES.get(code, "").split("|") if a] + [code, re.escape(state)]
        near = re.compile(rf"(?<![\w-]){re.escape(state)}(?![\w-])|\b[RDI]-(?:{'|'.join(abbr)})(?!\w)")
        # another party's member of the same state: "Rep. Devin Nunes (R-Calif.)" for "the California Democrat"
        party = self.text[start:end].split()[-1].lower()
        others = [
            w
            for w in ("Republican", "Democrat", "Democratic", "Independent", "Libertarian")
            if w[:4].lower() != party[:4]
        ]
        letters = "".join(c for c in "RDI" if c != party[0].upper())
        other = re.compile(rf"\b(?:[{letters}]-|(?:{'|'.join(others)})\b)")
        for s, e, ent in reversed([m for m in self.by_label["PERSON"] if m[0] < start]):
            if start - s > _MEMBER_REACH:
                break
            a, b = self._around(s, e, start, 40)
            if near.search(self.text, a, b) and not other.search(self.text, a, b):
                return ent
        return None

    def _turn(self, start: int) -> Entity | None:
        """In a transcript (turns headed by two or more people's names, alone on a line or as "NAME:"), the person
        whose turn `start` is in: "I" in the answer under "Jesse Wegman" is Wegman."""
        if self._turns is None:
            turns: list[tuple[int, Entity | None]] = []
            for m in _TURN.finditer(self.text):
                g = "name" if m.group("name") else "label"
                ent = self._inside(m.start(g), m.end(g)) or self._surname(m.start(g), m.end(g))
                if ent is None:  # "STEVE KESSEL:" for Steve Kessel, named so in the prose
                    said = m.group(g).lower()
                    ent = next((e for _, _, e in self.by_label["PERSON"] if e.name.lower() == said), None)
                turns.append((m.start(g), ent if ent is not None and ent.label == "PERSON" else None))
            # a transcript: two or more people take turns, one of them again (a name alone on a line once is a
            # byline, a caption or a heading)
            ids = Counter(ent.id for _, ent in turns if ent is not None)
            self._turns = turns if len(ids) >= 2 and max(ids.values()) >= 2 else []
        return next((ent for at, ent in reversed(self._turns) if at < start), None)

    def introduced(self, start: int) -> Party | None:
        """The maker of a statement set out in the paragraph at `start`, where the paragraph before introduces it
        and ends in a colon: "President Kessel has issued a statement on the attack:" (the paragraph after is his
        words: "I strongly condemn ..."); the maker is the named person or body that opens the introduction."""
        para = self.text.rfind("\n", 0, start) + 1
        before = self.text[:para].rstrip()
        if not before.endswith(":"):
            return None
        intro = before.rfind("\n") + 1
        m = _INTRODUCED.match(self.text, intro, len(before))
        if m is None:
            return None
        end = intro + m.end("who") - m.start()
        maker = self._inside(intro, end)
        if maker is not None and maker.label in ("PERSON", "ORG", "GPE"):
            return Party(name=maker.name, entity=maker.id, start=intro, end=end)
        who = self.text[intro:end]
        if not who[:1].isupper() or who.split()[0].lower() in _UNNAMED:
            return None  # "It said:", "This is what he wrote:": no one named
        return self.party(intro, end)

    def turn_speaker(self, start: int) -> Party | None:
        """The person whose transcript turn opens the paragraph at `start` ("NAME (HOST): ... 300 girls ..."),
        where the text is a transcript; None elsewhere."""
        para = self.text.rfind("\n", 0, start) + 1
        m = _TURN.match(self.text, para)
        if m is None or not m.group("label"):
            return None
        ent = self._turn(start)
        if ent is None or not any(at == m.start("label") for at, _ in self._turns or ()):
            return None
        surname = re.escape(ent.name.split()[-1].upper())
        if re.search(rf"(?m)^[A-Z .'’-]*\b{surname}, (?:HOST|BYLINE|CORRESPONDENT):", self.text):
            return None  # the outlet's own host or reporter ("BRIAN NAYLOR, BYLINE:"): the outlet's words
        return Party(name=ent.name, entity=ent.id, start=m.start("label"), end=m.end("label"))

    def _one_described(self, start: int, end: int) -> bool:
        """Whether the span is a definite description of one party member whose last word is the party ("the
        Arizona Republican", "The top Senate Democrat"), not the group ("the Republicans"), a paper ("The
        Oregonian") or a modifier of another head ("the Republican senator")."""
        raw = self.text[start:end].rstrip()
        if not self._definite(start, end) or len(raw.split()) > 5 or raw.split()[-1].lower() not in _PARTY_MEMBERS:
            return False
        i = bisect.bisect_left(self.starts, start)
        while i < len(self.mentions) and self.mentions[i][0] < end:
            s, e, ent = self.mentions[i]
            if ent.label == "NORP" and e == start + len(raw) and s > start:
                return True
            i += 1
        return False

    def _definite(self, start: int, end: int) -> bool:
        return self.text[start:end].lower().startswith(("the ", "this "))

    def _country(self, ent: Entity) -> Entity:
        """'according to Kenyan estimates': the country, when the article names it."""
        for pat, rep in _DEMONYM:
            country = pat.sub(rep, ent.name).lower()
            if country != ent.name.lower():
                for g in self.gpe:
                    if g.name.lower() == country:
                        return g
        return ent


# A name set beside a description ends the speaker's phrase, or a description or relative follows it: "Another
# official, Lee Brenn,", "the Cocoa Cinnamon, Rebecca Bossen, a theater artist"; not "Vijaya Gadde, Twitter's ...".
_APPOSITION_END = re.compile(r"\s*(?:,\s*(?:(?:a|an|the|who|whose)\b.*)?)?$", re.S)
# A paragraph that introduces a statement set out after it: "X has issued a statement on the attack:", "X wrote
# on Facebook:", "The ministry said in a statement:".
_INTRODUCED = re.compile(
    # a name ("President Dana Kessel") or a short description ("The ministry"), no clause: not "The BBC rounds up
    # what officials said ...:"
    r"(?P<who>(?:(?:The|A|An)\s+(?:[\w.'’-]+\s+){0,3}?[\w.'’-]+|(?:[A-Z][\w.'’-]*\s+){0,4}[A-Z][\w.'’-]*))\s+"
    r"(?:has\s+|have\s+|had\s+|also\s+|later\s+)?"
    r"(?:issued|released|put\s+out|posted|tweeted|wrote|said|says|added|stated|responded)\b[^\n]{0,120}:$"
)
_SPOKESPERSON = re.compile(r"\bspokes(?:man|woman|person|people|men|women)\b", re.I)
_SAYING = "said|says|say|told|tells|added|adds|noted|wrote|writes|explained|argued|insisted|asked|continued|stated"
# Roles the press names only later, so that an indefinite one ("a spokesman said") may be named after it.
_UNNAMED_ROLES = frozenset(
    "spokesman spokeswoman spokesperson official aide adviser advisor lawyer attorney analyst expert economist "
    "researcher pollster strategist executive officer".split()
)
# The word before a role that makes it another role: a foreign minister is no prime minister.
_ROLE_MODIFIERS = frozenset(
    "foreign prime finance defense defence interior deputy vice press attorney assistant health justice "
    "education trade energy home chief".split()
)
# A description of one among several, whom the text does not name by design: "another official", "one senior
# official", "a second former executive".
_ONE_OF_SEVERAL = re.compile(r"\s*(?:one|another|other|some|several|two|three|a\s+(?:second|third|fourth))\b", re.I)


@lru_cache(maxsize=1)
def _us_states() -> dict[str, str]:
    """The US states' names -> their postal codes ("Ohio" -> "OH")."""
    return {d.name: d.code.split("-")[1] for d in pycountry.subdivisions.get(country_code="US") or ()}


def _namelike(ent: Entity) -> bool:
    """A person's name is capitalised word by word and holds no digits, handles or links: 'patron saint',
    'Sanders 786-645' or '@hughhewitt' tagged PERSON are no one a pronoun can refer to."""
    if ent.label != "PERSON":
        return True
    words = ent.name.replace("-", " ").split()
    return (
        bool(words) and not _NOT_NAME.search(ent.name) and all(w[0].isupper() or w.lower() in _PARTICLES for w in words)
    )
