"""ingest -> extract -> store, in batches, then reconcile across articles.

Articles already in the ledger are skipped before parsing, so re-running an interrupted ingest only
does the work that is missing. Each batch is one transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date

from . import steps
from .errors import Failure, StoreError
from .extract import VERSION as EXTRACT_VERSION
from .extract import ExtractOptions, Extractor
from .ingest import read_inputs
from .models import Article, Extraction
from .store import Ledger


def register_steps() -> None:
    """Extraction is the one per-article step: the cross-article ones read what it stored."""
    steps.register(
        steps.Step("extract", EXTRACT_VERSION, ExtractOptions(), per_article=True, tuning=("batch_size", "n_process"))
    )


def made_by(extractor: Extractor) -> tuple[str, int, str]:
    """(step, version, options hash) recorded for each article `extractor` stores."""
    step = steps.get("extract")
    return step.name, step.version, step.options_hash(extractor.options)


@dataclass
class IngestReport:
    stored: int = 0
    already: int = 0  # articles that were in the ledger before (or twice in this run)
    failures: list[Failure] = field(default_factory=list)


def _new_only(
    items: Iterable[Article | Failure],
    ledger: Ledger,
    report: IngestReport,
    on_item: Callable[[Article | Failure], None] | None,
    repeats: list[Article],
) -> Iterator[Article | Failure]:
    seen: set[str] = set()
    for item in items:
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
) -> IngestReport:
    """Read, extract and store every article of `inputs`; returns what was stored and what failed."""
    return ingest_articles(read_inputs(inputs, published), ledger, extractor, batch_size, on_item)


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
