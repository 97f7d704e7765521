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
from .places import extract_places
from .quotes import extract_quotes
from .times import extract_times

# Goes up with every change to an extractor that changes what it stores (`newsledger reprocess` then
# re-extracts the articles stored by an older version).
# 2: unresolved pronouns and list labels keep their span, not a name; 3: sources a sentence names;
# 4: the trained attribution tagger; 5: nothing from the spans marked outside the body (widgets, captions, ...);
# 6: places, geocoded
VERSION = 6


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
    n_process: int = 1


class Extractor:
    """Turns Articles into Extractions. Load once, use for many articles."""

    def __init__(self, options: ExtractOptions | None = None, nlp=None):
        self.options = options or ExtractOptions()
        self.nlp = nlp or load_pipeline(self.options.model)

    def extract(self, article: Article) -> Extraction:
        if not reads(article):
            return Extraction(article)
        part = parsed_part(article)
        return self._extraction(self._join(list(self.nlp.pipe(windows(part.body)))), part, article)

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
        times = extract_times(doc, reading)
        quotes = extract_quotes(doc, reading, entities)
        claims = extract_claims(doc, reading, entities, quotes, times)
        events = extract_events(doc, reading, entities, times)
        places = extract_places(reading, entities)
        if article.outside:
            inside = article.in_outside
            entities = [
                replace(e, mentions=ms) for e in entities if (ms := tuple(m for m in e.mentions if not inside(*m)))
            ]
            times = [t for t in times if not inside(t.start, t.end)]
            quotes = [q for q in quotes if not inside(q.start, q.end)]
            claims = [c for c in claims if not inside(c.start, c.end)]
            events = [e for e in events if not inside(e.start, e.end)]
            places = [p for p in places if not inside(p.start, p.end)]
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
        """Extract a stream, in order; failures pass through and a failing article becomes one."""

        def texts():
            for item in items:
                if isinstance(item, Failure) or not reads(item):
                    yield "", (item, item, 1)  # an empty doc keeps the failure (or the unread article) in place
                    continue
                part = parsed_part(item)
                pieces = windows(part.body)
                for piece in pieces:
                    yield piece, (item, part, len(pieces))

        docs = self.nlp.pipe(
            texts(), as_tuples=True, batch_size=self.options.batch_size, n_process=self.options.n_process
        )
        pending: list[Doc] = []
        for doc, (item, part, n) in docs:
            if isinstance(item, Failure):
                yield item
                continue
            if not reads(item):
                yield Extraction(item)  # stored with its language; the English extractors would misread it
                continue
            pending.append(doc)
            if len(pending) < n:
                continue
            try:
                yield self._extraction(self._join(pending), part, item)
            except Exception as e:  # one article's bug must not stop a batch of thousands
                yield Failure(NewsledgerError("NL501", f"{e.__class__.__name__}: {e}", item.source))
            pending = []
