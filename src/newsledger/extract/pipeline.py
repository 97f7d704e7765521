"""The extraction pipeline: parse articles in batches with spaCy, then run the extractors in order."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from spacy.tokens import Doc

from ..errors import Failure, NewsledgerError
from ..models import Article, Extraction
from .claims import extract_claims
from .entities import extract_entities
from .events import extract_events
from .nlp import load_pipeline
from .quotes import extract_quotes
from .times import extract_times

# Goes up with every change to an extractor that changes what it stores (`newsledger reprocess` then
# re-extracts the articles stored by an older version).
# 2: unresolved pronouns and list labels keep their span, not a name; 3: sources a sentence names;
# 4: the trained attribution tagger; 5: nothing from the spans marked outside the body (widgets, captions, ...)
VERSION = 5


LANGUAGE = "en"  # what the extractors read


def reads(article: Article) -> bool:
    """Whether the English extractors can read the article: English, or of a language not known."""
    return article.language in (None, LANGUAGE)


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
        return self.from_doc(self.nlp(article.body), article)

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
            sentences=tuple((s.start_char, s.end_char) for s in doc.sents),
        )

    def pipe(self, items: Iterable[Article | Failure]) -> Iterator[Extraction | Failure]:
        """Extract a stream, in order; failures pass through and a failing article becomes one."""

        def texts():
            for item in items:
                if isinstance(item, Failure) or not reads(item):
                    yield "", item  # an empty doc keeps the failure (or the unread article) in its place
                else:
                    yield item.body, item

        docs = self.nlp.pipe(
            texts(), as_tuples=True, batch_size=self.options.batch_size, n_process=self.options.n_process
        )
        for doc, item in docs:
            if isinstance(item, Failure):
                yield item
                continue
            if not reads(item):
                yield Extraction(item)  # stored with its language; the English extractors would misread it
                continue
            try:
                yield self.from_doc(doc, item)
            except Exception as e:  # one article's bug must not stop a batch of thousands
                yield Failure(NewsledgerError("NL501", f"{e.__class__.__name__}: {e}", item.source))
