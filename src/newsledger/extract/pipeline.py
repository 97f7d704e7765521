"""The extraction pipeline: parse articles in batches with spaCy, then run the extractors in order.

Bounded work per article: only the first MAX_PARSE_CHARS characters or MAX_PARSE_TOKENS tokens (words
and punctuation marks, as a regex counts them: an emoji is one) of a body are parsed and extracted (the
whole text is stored and searchable), and a body longer than WINDOW_CHARS is parsed in windows cut
after a paragraph break (else a line break, else a space), joined back into one Doc whose text is the
body's, so every offset holds. A parser's memory grows with the length of what it is given at once; a
window keeps it flat whatever the article. A run of more than MAX_RUN characters without a space (200,000
emoji, a wall of quote marks) is cut into windows of MAX_RUN: spaCy's tokenizer strips affixes from a
token one at a time, quadratic in its length.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from spacy.tokens import Doc

from ..errors import Failure, NewsledgerError
from ..models import Article, Extraction
from .claims import extract_claims
from .entities import extract_entities
from .events import extract_events
from .nlp import load_pipeline
from .place_mentions import as_people, named_people
from .places import extract_places
from .quotes import extract_quotes, one_span
from .selective import parse_many
from .times import extract_times

# Goes up with every change to an extractor that changes what it stores (`newsledger reprocess` then
# re-extracts the articles stored by an older version).
# 2: unresolved pronouns and list labels keep their span, not a name; 3: sources a sentence names;
# 4: the trained attribution tagger; 5: nothing from the spans marked outside the body (widgets, captions, ...);
# 6: a measure verb right before the figure where the parse lost it ("- killing at least 84 -");
# 7: events coded in PLOVER (type, mode, status, roles, place, magnitude);
# 8: a place, facility or company tagged PERSON relabelled (labels.py);
# 9: sentences without a trigger get NER alone (extract/needs.py): a few records move;
# 10: places, geocoded, and each event's place among them; 11: a place opening an organisation's name
# ("Zimbabwe Electoral Commission") and a two-word place tagged PERSON ("Tamil Nadu") are place mentions;
# 12: captives a verb says were killed are counted as killed ("beheading three hostages"); 13: a nationality
# or country inside a claim's source words ("a Russian organization") is not the source entity, and a quote
# whose cue is in another sentence yields to the source the claim's own sentence names (", local media said.");
# 14: places inside any entity's name, untagged by cue, repeated names, US counties and macroregions;
# 15: more spans outside the body (writers' bios and contact lines, editor's notes, opening captions, links);
# 16: a claim's source named after it mid-sentence (", an army spokesman said, adding ..."); 17: quotes whose cue
# is no attribution dropped (attribution/filters.py), speakers through relatives and recent subjects
# 18: events read word senses (figurative fights and rallies, everyday "released"/"declined"/"asked"), stated
# intent and reported obligations only, questions hypothetical, roles across relative clauses (extract/senses.py),
# roles through participles ("a committee opposing X") and "investigation into X"; likelihoods ("threatens to
# erupt") and broken laws are no THREATEN / REJECT; 19: more spans outside the body (page notes past the bios,
# captions glued to the headline, lists of other stories after a colon line, box bylines, reader prompts)
# 20: a claim outside any quote takes the source of the nearest attribution above it in the parse (a cue's
# complement clause, a stating verb's object, "by one estimate", "In the latest poll", "it says" set into the
# clause, "a Times report that"); a relayed quote keeps its speaker; speaker spans start at the subject's own
# phrase; "according to" names its object; a quotation signed with a dash is its signer's; 22: a claim's
# sentence drops the subheading and blanked widget lines the parser glued to it across a blank line, and a bare
# count takes no group across a semicolon ("three police officers; at least 500 were injured"); 23: a day's name
# ("Bloody Sunday", "Super Tuesday") is no weekday of the report; 24: a passive cue takes no source from
# another sentence, and a cue inside an aside ("X — who has expressed ... — is charged") says only the aside;
# 25: a bare count takes no group from a part named in an aside before it ("12 people, including two police
# officers, and wounded 10"); reported speech with no cue is no attribution; 26: nor from the subject of the
# verb it is the object of ("three attackers armed with knives killed at least seven"); 27: a bare side ("the
# South") is no place, and reported content with a quoted phrase ends with its cue's sentence; 28: the weekday
# of a rite ("Friday prayers") is a date again (TempEval-3 annotates it; the figures step reads it as no day of
# the report); 29: a name tagged a person holds no place inside an organisation's tag, and "Fla." is Florida;
# 30: a common first name before a surname the article uses alone is a person, not a place ("Theresa May");
# 31: and such a name's entity is the person's (labelled PERSON), so no step takes it for a place or a capital;
# 32: an attribution set into a relative clause right before a count is its source ("the man police say killed 26");
# 33: a source closing a dash-set aside ("-- when 46 died, a spokesman told CNN --") or a statement's relative
# clause ("said in a statement that highlighted ... the deaths of two") is the count's; 34: "..., officials say"
# (plural present), and a relayer "citing" a party ("..., NPR's reporter reports, citing officials with X") gives X's
# 35: a town takes the region named last before it, within 300 characters ("a base in Nevada ... at Hawthorne");
# 36: wire photo credits after a caption anywhere, offers to the reader, widget labels marked outside the body;
# 37: who raises, lowers or holds a tally ("raised the death toll to 45") is the source of its value, and a cue
# in a relative clause on what is counted ("the 300 deaths officials say the storm caused"); 38: a finding is
# its maker's ("An analysis by X", "X's latest figures", "Data released by X": the party is X)
# 39: corrections ("An earlier version of this story ..."), Reuters' "Related Coverage", bracketed links, credits
#     "via Getty Images", "Follow NAME on Twitter" with longer names, marked outside the body;
# 40: a place's name before a landform's word inside another name is no place ("Mandalay Bay Resort");
# 41: the doers of an act are no count of its victims ("three gunmen killed 12", "the two men who killed the
#     soldier"); "drowned" is a death; a toll takes no count of one list item ("two children" of "three adults
#     and two children"); a town's own same-named district is no evidence for its country (Lebanon's Tripoli)
# 42: "the U.S. government" is no other country's government; one who "does not refer to" an attack is no
#     source of its toll; 43: a verb outside the cue lexicon whose content is an infinitive ("agencies
#     scrambled to assess a threat ...") is an act, no attribution
# 44: "the group" just after an organisation spoke is that organisation, and a description near another
#     sentence's entity is not its ("The rebel group X said ... . The Interior Ministry said"); "with activists
#     reporting between 322 and 1,300 killed", "officials putting the toll at 57" credit the count
# 45: pull quotes (a sentence set again as a line of its own near its paragraph) are marked outside the body
# 46: "the killing of four hostages", "the fatal shooting of three" count the dead
# 47: "Georgia" is the US state where the article names Atlanta, Savannah, Macon, Augusta or "Ga.", whatever
#     word of the country's it also holds ("Georgians")
# 48: a place the parse ran into a speaker's phrase ("in the province of Shabwah, a tribal leader, X, said") is
#     no speaker
# 49: an attribution inside another's reported words claims the number ("the wire service said activists were
#     claiming that nearly 500 had died": the activists'); 50: a name that titles a work ("a Batman movie") is no place
# 51: "the statement said" is its maker's, as the last sentences introduced it ("A Palestinian government
#     statement condemned ...", "The ministry said in a statement ...")
# 52: a count in a description of what a speaker talks about, inside an indirect report, is the writer's ("said
#     the deputy at the school where a gunman killed 17 did a poor job"); 53: a sending verb's object is no one's
#     words ("ordered 800 troops to the border"), a span of time no toll ("over 20 great years"); 54: the
#     description stays the speaker's where the reported words give counts of their own or "according to" relays them
# 55: "the Arizona Republican" (a party member) is the person named before with the state, not the
#     party, and no one where no one is; a speaker the parse cut inside a hyphenated word keeps it ("Pink Floyd
#     co-founder Roger Waters"); "opposition claims that 300 died", inside another's words, are the opposition's;
#     no extractor reads "(RELATED: HEADLINE)" glued into a paragraph, "#related#", "Play Video 1:49 ... – video",
#     appeals for one-time donations (ingest/boilerplate.py marks them)
# 56: "I" in a transcript's turn (two or more people's names heading turns, alone on a line or as "NAME:") is the
#     turn's speaker
# 57: update and correction notes opening "UPDATE March 27:" or "CORRECTION (...):", Reuters' "(For a graphic on ...:
#     tmsnrt.rs/...)", an embed's "Your browser does not support the iframe ...", captions credited "(NAME via AP)"
#     and podcast prompts are marked outside the body (boilerplate audit 8's kinds, found outside its range)
# 58: a number in a claim or report noun's "that" clause is the claim's maker's, not its denier's ("rejected rebel
#     claims that 40 ...": the rebels'; "claims by activists that": the activists'; "dismissed reports that 30 ...",
#     "said reports that 30 ... were false": no one named); nor is it the count of one who declines to comment on
#     it, refuses or does not confirm it
# 59: a description speaker the next sentence names as one is that person ("a veteran strategist said. Dana Kessel, a
#     strategist at ..."), and the apposition of a speaker's own phrase names it ("Another official, Lee Brenn,");
#     a quoted passage and its source's name opening a digest is no caption glued to a headline, and "(NAME/The News
#     & Observer via AP, Pool)" is a credit (boilerplate audit 9); a transcript's turn heading with the speaker's
#     role ("NAME (CO-HOST): ...") is no dateline, and a count in a turn with no other source is the turn's speaker's
# 60: a statement set out in the paragraph after its introduction ("X has issued a statement on the attack:") is
#     X's: "I" in it is X, its counts with no other source are X's, and a description in first-person words is
#     the speaker's, not the reporter's; a first line introducing such a statement ("President X has issued a
#     statement ...:") is no writer's bio
# 61: a quotation split by its cue and speaker is one span with neither inside: the first quotation (the second
#     where the first is two words or fewer), or two quotes where a sentence end and a cue of its own part them;
#     claims keep their credit on both sides.
# 62: a saying declined, refused or stopped short of ("declined to say whether", "stops short of saying") is no
#     attribution (filters: refused), nor a question put to "you" ("Have you changed your view of ...?": asked).
# 63: a study is its publisher's ("Harvard researchers published a study estimating that 5,000 ..."); a count in a
#     clause timing a non-saying act by an event ("approved a measure ... a day after a derailment left 7 dead") is
#     the reporter's.
# 64: boilerplate: captions led by a credit in capitals ("NAME/REUTERS/FILE ..."), a caption ending in "Getty",
#     bracketed promotions ("[Watch Fox: ...]", "[Read more about ...]") and "We encourage readers ..." prompts.
# 65: boilerplate: "Follow USA TODAY reporter NAME on Twitter @...", "for only $5" offers, "Vote Now in Urgent
#     Poll" promotions, "You might also be interested in:" lists.
# 66: "the Snohomish County government", a name before its head, is the span as written, never an earlier
#     organisation the text describes with the head word (a party named "Oso").
# 67: boilerplate: series notes and column taglines, mid-text mail prompts and framed notices, a lone "X" and
#     "CNN Map", hover cards with no headlines, a wiki's "[ edit ]" links, a gallery's split last slide.
# 68: boilerplate: captions led by a mixed-case credit or ending in a bare or bracketed agency, art credits,
#     "WATCH LIVE:", NPR's audio module, the NYT's newsletter box, mail prompts and handles, newsletters' glued
#     link words and TV promotions, "Corrections & Amplifications", "top story picks" lists.
# 69: boilerplate: "Read more about X" / "Read more on X" link lines with no colon.
# 70: boilerplate: pull quotes that name their speaker after a dash, wherever the repeated quote stands.
# 71: boilerplate: the WSJ's "Share Your Thoughts" prompts and video captions ("Photo: AP"), "Newsletter Sign-up",
#     poll widgets, "Post comments below", an editorial-standards line.
VERSION = 71


LANGUAGE = "en"  # what the extractors read


def reads(article: Article) -> bool:
    """Whether the English extractors can read the article: English, or of a language not known."""
    return article.language in (None, LANGUAGE)


# Safety bounds, not tuning (a news article is under 50,000 characters): see the module's docstring.
MAX_PARSE_CHARS = 150_000
MAX_PARSE_TOKENS = 20_000
_TOKEN = re.compile(r"\w+|[^\w\s]")
WINDOW_CHARS = 20_000
MAX_RUN = 200
_LONG_RUN = re.compile(rf"\S{{{MAX_RUN + 1},}}")


def windows(text: str, size: int | None = None) -> list[str]:
    """`text` cut into pieces that join back into it: runs of more than MAX_RUN non-space characters in
    pieces of MAX_RUN, the rest in pieces of at most `size` characters, each cut after the last paragraph
    break in the piece, else line break, else space."""
    out: list[str] = []
    pos = 0
    for m in _LONG_RUN.finditer(text):
        out += _by_size(text[pos : m.start()], size or WINDOW_CHARS)
        out += [text[i : min(i + MAX_RUN, m.end())] for i in range(m.start(), m.end(), MAX_RUN)]
        pos = m.end()
    out += _by_size(text[pos:], size or WINDOW_CHARS)
    return [w for w in out if w] or [text]


def _by_size(text: str, size: int) -> list[str]:
    out = []
    pos = 0
    while len(text) - pos > size:
        end = pos + size
        for sep in ("\n\n", "\n", ". ", " "):
            cut = text.rfind(sep, pos + size // 4, end)
            if cut >= 0:
                end = cut + len(sep)
                break
        out.append(text[pos:end])
        pos = end
    out.append(text[pos:])
    return out


def parse_end(body: str) -> int:
    """Where parsing stops: after MAX_PARSE_CHARS characters or MAX_PARSE_TOKENS tokens, at a space."""
    end = min(len(body), MAX_PARSE_CHARS)
    if len(body) // 2 > MAX_PARSE_TOKENS or end < len(body):  # else too short to hold that many tokens
        for i, m in enumerate(_TOKEN.finditer(body, 0, end)):
            if i == MAX_PARSE_TOKENS:
                end = m.start()
                break
    if end < len(body):
        space = max(body.rfind(" ", end - 1000, end), body.rfind("\n", end - 1000, end))
        end = space + 1 if space > 0 else end
    return end


def parsed_part(article: Article) -> Article:
    """The article as extraction reads it: its body up to `parse_end` (the rest marked outside the body,
    as `unparsed`)."""
    body = article.body
    end = parse_end(body)
    if end == len(body):
        return article
    kept = tuple(s for s in article.outside if s[1] <= end)
    return dataclasses.replace(article, outside=(*kept, (end, len(article.text), "unparsed")))


@dataclass(frozen=True)
class ExtractOptions:
    model: str | None = None  # a spaCy pipeline name; None picks the installed English one
    batch_size: int = 32  # articles per nlp.pipe batch
    n_process: int = 1  # worker processes (Ray actors with engine "ray")
    engine: str = "local"  # or "ray": see extract/ray_engine.py
    address: str | None = None  # of the Ray cluster; None starts a local one


class Extractor:
    """Turns Articles into Extractions. Load once, use for many articles."""

    def __init__(self, options: ExtractOptions | None = None, nlp=None):
        self.options = options or ExtractOptions()
        self.nlp = nlp or load_pipeline(self.options.model)

    def extract(self, article: Article) -> Extraction:
        if not reads(article):
            return Extraction(article)
        part = parsed_part(article)
        return self._extraction(self.parse([part.body])[0], part, article)

    def parse(self, bodies: list[str]) -> list[Doc]:
        """Each body tokenized (in windows, see the module's docstring), then parsed only where it needs it."""
        tokens = [self._join([self.nlp.make_doc(w) for w in windows(b)]) for b in bodies]
        return parse_many(self.nlp, tokens, self.options.batch_size)

    @staticmethod
    def _join(docs: list[Doc]) -> Doc:
        return docs[0] if len(docs) == 1 else Doc.from_docs(docs, ensure_whitespace=False)

    def _extraction(self, doc: Doc, part: Article, article: Article) -> Extraction:
        x = self.from_doc(doc, part)
        return x if part is article else dataclasses.replace(x, article=article)

    @staticmethod
    def from_doc(doc: Doc, article: Article) -> Extraction:
        """`doc` is the parse of `article.body`. The extractors read `article.reading`, the text with its
        marked spans blanked, and what still touches a marked span (a quote widened across a caption line)
        is dropped, so every record's text is the stored text's and none comes from outside the body."""
        reading = article.reading
        entities = extract_entities(doc, reading)
        named = named_people(reading.text, entities)  # "Theresa May": no Wisconsin village, in any record
        entities = as_people(entities, named)
        times = extract_times(doc, reading)
        quotes = extract_quotes(doc, reading, entities)
        claims = extract_claims(doc, reading, entities, quotes, times)
        quotes = [part for q in quotes for part in one_span(q, reading.text)]
        # before the events: an event's place is an index into these
        places = extract_places(reading, entities, article, named)
        events = extract_events(doc, reading, entities, times, claims, tuple(places))
        if article.outside:
            inside = article.in_outside
            entities = [
                replace(e, mentions=ms) for e in entities if (ms := tuple(m for m in e.mentions if not inside(*m)))
            ]
            times = [t for t in times if not inside(t.start, t.end)]
            quotes = [q for q in quotes if not inside(q.start, q.end)]
            claims = [c for c in claims if not inside(c.start, c.end)]
            events = [e for e in events if not inside(e.start, e.end)]
        return Extraction(
            article=article,
            entities=tuple(entities),
            quotes=tuple(quotes),
            claims=tuple(claims),
            times=tuple(times),
            events=tuple(events),
            places=tuple(places),
            sentences=tuple((s.start_char, s.end_char) for s in doc.sents),
        )

    def pipe(self, items: Iterable[Article | Failure]) -> Iterator[Extraction | Failure]:
        """Extract a stream, in order, a batch of articles at a time (in `n_process` worker processes when
        more than one); failures pass through and a failing article becomes one."""
        batches = _batches(items, self.options.batch_size)
        if self.options.engine == "ray":
            from .ray_engine import ray_pipe

            yield from ray_pipe(self.options, batches, max(1, self.options.n_process))
            return
        if self.options.n_process <= 1:
            for batch in batches:
                yield from self._batch(batch)
            return
        yield from _in_workers(self.options, batches)

    def _batch(self, items: list[Article | Failure]) -> Iterator[Extraction | Failure]:
        readable = [(item, parsed_part(item)) for item in items if not isinstance(item, Failure) and reads(item)]
        docs = dict(zip((id(item) for item, _ in readable), self.parse([p.body for _, p in readable])))
        parts = {id(item): part for item, part in readable}
        for item in items:
            if isinstance(item, Failure):
                yield item
            elif not reads(item):
                yield Extraction(item)  # stored with its language; the English extractors would misread it
            else:
                try:
                    yield self._extraction(docs[id(item)], parts[id(item)], item)
                except Exception as e:  # one article's bug must not stop a batch of thousands
                    yield Failure(NewsledgerError("NL501", f"{e.__class__.__name__}: {e}", item.source))


def _batches(items: Iterable[Article | Failure], size: int) -> Iterator[list[Article | Failure]]:
    batch: list[Article | Failure] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


_WORKER: list[Extractor] = []


def _start_worker(options: ExtractOptions) -> None:
    _WORKER.append(Extractor(dataclasses.replace(options, n_process=1)))  # spaCy loaded once per process


def _work(batch: list[Article | Failure]) -> list[Extraction | Failure]:
    return list(_WORKER[0]._batch(batch))


def _in_workers(options: ExtractOptions, batches: Iterator[list[Article | Failure]]) -> Iterator[Extraction | Failure]:
    """Batches extracted in a pool of processes, results in input order. At most two batches per worker
    are in flight, so memory stays flat however long the input (Pool.imap would read all of it)."""
    import multiprocessing as mp
    from collections import deque

    with mp.get_context("spawn").Pool(options.n_process, _start_worker, (options,)) as pool:
        pending: deque = deque()
        for batch in batches:
            pending.append(pool.apply_async(_work, (batch,)))
            if len(pending) >= 2 * options.n_process:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()
