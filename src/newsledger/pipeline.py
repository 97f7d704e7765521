"""ingest -> extract -> store, in batches, then reconcile across articles.

Articles already in the ledger are skipped before parsing, so re-running an interrupted ingest only
does the work that is missing. Each batch is one transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date

from . import steps
from .errors import Failure, NewsledgerError, StoreError
from .extract import VERSION as EXTRACT_VERSION
from .extract import ExtractOptions, Extractor, reads
from .ingest import read_inputs
from .ingest.fetch import Fetcher
from .ingest.language import name as language_name
from .ingest.readers import Fetch
from .models import Article, Extraction, FetchedPage
from .store import Ledger, live


def register_steps() -> None:
    """Extraction is the one per-article step: the cross-article ones read what it stored."""
    steps.register(
        steps.Step(
            "extract",
            EXTRACT_VERSION,
            ExtractOptions(),
            per_article=True,
            tuning=("batch_size", "n_process", "engine", "address"),
        )
    )


def made_by(extractor: Extractor) -> tuple[str, int, str]:
    """(step, version, options hash) recorded for each article `extractor` stores."""
    step = steps.get("extract")
    return step.name, step.version, step.options_hash(extractor.options)


def not_read(article: Article) -> NewsledgerError | None:
    """The warning for an article left unextracted because of its language (NL129), or None."""
    if reads(article):
        return None
    return NewsledgerError(
        "NL129",
        f"is in {language_name(article.language or '')} ({article.language}): stored with its language, "
        "no English extraction run on it",
        article.source,
    )


def stored_fetch(ledger: Ledger, fetcher: Fetcher | None = None) -> Fetch:
    """A fetch that reads a page from the ledger when it was fetched before, else fetches and keeps it: an
    ingest run again, or a re-extraction, never fetches a page twice."""
    made: list[Fetcher] = []

    def fetch(url: str) -> FetchedPage:
        page = live.page(ledger, url)
        if page is None:
            if fetcher is None and not made:
                made.append(Fetcher())
            page = (fetcher or made[0]).fetch(url)
            live.save_page(ledger, page)
        return page

    return fetch


@dataclass
class IngestReport:
    stored: int = 0
    already: int = 0  # articles that were in the ledger before (or twice in this run)
    failures: list[Failure] = field(default_factory=list)
    warnings: list[NewsledgerError] = field(default_factory=list)  # articles stored but not extracted (NL129)
    ids: list[str] = field(default_factory=list)  # of every article read, stored now or before, in order


def _new_only(
    items: Iterable[Article | Failure],
    ledger: Ledger,
    report: IngestReport,
    on_item: Callable[[Article | Failure], None] | None,
    repeats: list[Article],
) -> Iterator[Article | Failure]:
    seen: set[str] = set()
    for item in items:
        if isinstance(item, Article) and item.url and item.id not in seen and not ledger.has_article(item.id):
            # The canonical URL is part of the identity: a page stored before is that article, whatever its text
            # says now (an updated page is not a second report).
            if (same := ledger.article_by_url(item.url)) is not None:
                report.already += 1
                report.ids.append(same)
                if on_item:
                    on_item(item)
                continue
        if isinstance(item, Article):
            report.ids.append(item.id)
        if isinstance(item, Article) and (item.id in seen or ledger.has_article(item.id)):
            report.already += 1
            if item.id in seen:
                repeats.append(item)  # its first copy is not stored yet: note this source after it is
            else:
                ledger.note_publication(item)
            if on_item:
                on_item(item)
            continue
        if isinstance(item, Article):
            seen.add(item.id)
        yield item


def ingest(
    inputs: Iterable[str],
    ledger: Ledger,
    extractor: Extractor,
    published: date | None = None,
    batch_size: int = 64,
    on_item: Callable[[Article | Failure], None] | None = None,
    fetcher: Fetcher | None = None,
) -> IngestReport:
    """Read, extract and store every article of `inputs` (URLs fetched with `fetcher`, each page kept in the
    ledger); returns what was stored and what failed."""
    items = read_inputs(inputs, published, stored_fetch(ledger, fetcher))
    return ingest_articles(items, ledger, extractor, batch_size, on_item)


def ingest_articles(
    items: Iterable[Article | Failure],
    ledger: Ledger,
    extractor: Extractor,
    batch_size: int = 64,
    on_item: Callable[[Article | Failure], None] | None = None,
) -> IngestReport:
    """Extract and store articles already read (the web API's), then bring the cross-article steps up to
    date; failures among `items` are recorded and reported."""
    report = IngestReport()
    batch: list[Extraction | Failure] = []

    made = made_by(extractor)

    def flush():
        try:
            result = ledger.write(batch, made_by=made)
        except StoreError as e:  # the ledger stayed busy: say what is stored; a re-run stores the rest
            raise StoreError(
                e.code,
                f"{e.message}; {report.stored} articles were stored before it, the rest were not: run the "
                "same command again to store them",
                e.where,
            ) from None
        report.stored += result.stored
        report.already += result.already
        report.failures.extend(result.failures)
        batch.clear()

    repeats: list[Article] = []
    stream = _new_only(items, ledger, report, on_item, repeats)
    for item in extractor.pipe(stream):
        if isinstance(item, Failure):
            report.failures.append(item)
        elif (warning := not_read(item.article)) is not None:
            report.warnings.append(warning)
        batch.append(item)
        if on_item:
            on_item(item.article if isinstance(item, Extraction) else item)
        if len(batch) >= batch_size:
            flush()
    if batch:
        flush()
    for article in repeats:
        if ledger.has_article(article.id):
            ledger.note_publication(article)
    # Stories, canonical entities and figures follow what was stored; incremental, so cheap when little is new.
    with ledger.steps_lock():  # another ingest into this ledger may be updating them right now
        ledger.retrying(lambda: steps.update(ledger))
    return report
