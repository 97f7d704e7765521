"""The `newsledger` command: parses options, calls the library, prints. No logic lives here."""

from __future__ import annotations

import dataclasses
import json
import os
import sys
from datetime import date

import click

from .errors import Failure, NewsledgerError, printable
from .models import EVENT_STATUSES, MEASURES


def _published(ctx, param, value) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form") from None


def _alpha3(ctx, param, value) -> str | None:
    """An ISO 3166-1 alpha-3 code, upper-cased; anything else is refused (NL163), as the web filters refuse it."""
    if value is None:
        return None
    if not (len(value) == 3 and value.isascii() and value.isalpha()):
        raise click.BadParameter(f"{value[:40]!r} is not an ISO alpha-3 country code such as UKR")
    return value.upper()


def report(failure: Failure) -> None:
    click.echo(f"newsledger: {failure.error}", err=True)


def echo(text: str) -> None:
    """A line for a person: stored text in it (titles, names, sources) cannot drive the terminal."""
    click.echo(printable(text))


class CodedError(click.ClickException):
    """A coded error, printed as every other message of newsledger is: "newsledger: NL301: ..."."""

    def show(self, file=None) -> None:
        click.echo(f"newsledger: {self.message}", err=True)


class CodedUsageError(click.UsageError):
    """click's own complaint about the command line, in newsledger's form (NL163), with the hint to --help."""

    def show(self, file=None) -> None:
        click.echo(f"newsledger: {NewsledgerError('NL163', self.format_message())}", err=True)
        if self.ctx is not None:
            click.echo(f"Try '{self.ctx.command_path} --help' for help.", err=True)


def open_output(path: str, mode: str = "w"):
    """The file an `-o` names (- for stdout); NL164 when it cannot be made."""
    try:
        return click.open_file(path, mode, encoding=None if "b" in mode else "utf-8")
    except OSError as e:
        raise NewsledgerError("NL164", f"cannot write {path!r}: {e.strerror or e}") from None


def in_our_form(e: click.ClickException) -> click.ClickException:
    """click's errors (a bad option, a file it cannot open) printed as every other error: "newsledger: NL...: ..."."""
    if isinstance(e, (CodedError, CodedUsageError, click.exceptions.NoArgsIsHelpError)):
        return e
    if isinstance(e, click.UsageError):
        return CodedUsageError(e.format_message(), e.ctx)
    return CodedError(str(NewsledgerError("NL164", e.format_message())))  # exit 1, as click's own


class LedgerGroup(click.Group):
    """Any coded error a command meets is printed as its message (exit 1), never as a traceback."""

    def make_context(self, info_name, args, parent=None, **extra):
        try:
            return super().make_context(info_name, args, parent, **extra)
        except click.ClickException as e:
            raise in_our_form(e) from None

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except NewsledgerError as e:
            raise CodedError(str(e)) from None
        except click.ClickException as e:
            raise in_our_form(e) from None
        except (click.exceptions.Exit, click.Abort, KeyboardInterrupt, SystemExit):
            raise
        except Exception as e:  # SQLite on a damaged or busy ledger: a coded error naming the file
            from .store import explain

            coded = explain(e, ctx.meta.get(LEDGER_KEY))
            if coded is None:
                raise
            raise CodedError(str(coded)) from None


def workers_option(f):
    return click.option(
        "--workers",
        type=click.IntRange(min=1),
        default=1,
        show_default=True,
        help="Processes that parse in parallel (up to the number of cores).",
    )(f)


def fetch_options(f):
    """How URLs are fetched (ingest, extract, watch): the defaults are FetchOptions'."""
    from .ingest.fetch import FetchOptions

    d = FetchOptions()
    for opt in reversed(
        [
            click.option(
                "--timeout",
                type=click.FloatRange(min=0.1),
                default=d.timeout,
                show_default=True,
                help="Seconds to fetch one URL in all (redirects and retries included).",
            ),
            click.option(
                "--max-bytes",
                type=click.IntRange(min=1),
                default=d.max_bytes,
                show_default=True,
                help="Largest page body fetched, in bytes, after decompression.",
            ),
            click.option(
                "--max-redirects",
                type=click.IntRange(min=0),
                default=d.max_redirects,
                show_default=True,
                help="Redirects followed for one URL.",
            ),
            click.option(
                "--retries",
                type=click.IntRange(min=0),
                default=d.retries,
                show_default=True,
                help="Retries of a 429, a 5xx or a dropped connection, with a doubling backoff.",
            ),
            click.option("--ignore-robots", is_flag=True, help="Fetch what the site's robots.txt disallows."),
            click.option(
                "--allow-private",
                is_flag=True,
                help="Fetch loopback and private addresses too (a local test server only).",
            ),
        ]
    ):
        f = opt(f)
    return f


def _fetcher(timeout, max_bytes, max_redirects, retries, ignore_robots, allow_private):
    from .ingest.fetch import Fetcher, FetchOptions

    return Fetcher(
        FetchOptions(
            timeout=timeout,
            max_bytes=max_bytes,
            max_redirects=max_redirects,
            retries=retries,
            robots=not ignore_robots,
            allow_private=allow_private,
        )
    )


def warn(error: NewsledgerError) -> None:
    click.echo(f"newsledger: warning: {error}", err=True)


@click.group(cls=LedgerGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="newsledger")
def main():
    """newsledger: a source-attributed ledger of who says what, with which figures, when, in the news."""


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "--published",
    callback=_published,
    metavar="YYYY-MM-DD",
    help="Publication date for inputs that carry none (never overrides one they carry).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl"]),
    default="jsonl",
    show_default=True,
    help="Output format: one JSON object per article (see docs/schema.md).",
)
@click.option("--model", default=None, help="spaCy pipeline to use (default: the installed English one).")
@workers_option
@fetch_options
def extract(inputs, published, fmt, model, workers, **fetch):
    """Extract entities, quotes, claims and times from INPUTS, one JSON line per article, no database.

    INPUTS are text (.txt), HTML (.html, .htm), JSON lines (.jsonl, .jsonl.gz), JSON (.json), RSS/Atom feeds
    (.rss, .atom), web archives (.warc, .warc.gz, .arc, .arc.gz), directories of them, http(s) URLs, or - for
    stdin. Unreadable inputs are reported on stderr and the exit status is 1; the rest is still printed. An article
    not in English is printed with its language and nothing extracted, and a warning (NL129).
    """
    from .extract import ExtractOptions, Extractor
    from .ingest import read_inputs
    from .pipeline import not_read

    failed = False
    extractor = Extractor(ExtractOptions(model=model, n_process=workers))
    fetcher = _fetcher(**fetch)
    out = sys.stdout
    try:
        for item in extractor.pipe(read_inputs(inputs, published, fetcher.fetch)):
            if isinstance(item, Failure):
                report(item)
                failed = True
                continue
            if (w := not_read(item.article)) is not None:
                warn(w)
            out.write(json.dumps(item.to_contract(), ensure_ascii=False) + "\n")
        out.flush()
    except BrokenPipeError:  # `newsledger extract ... | head`: the reader has all it wants
        sys.stderr.close()
        os._exit(0)
    except KeyboardInterrupt:
        click.echo("newsledger: interrupted", err=True)
        sys.exit(130)
    sys.exit(1 if failed else 0)


# -- the stored ledger -------------------------------------------------------------------------------


def db_option(f):
    return click.option(
        "--db",
        "db",
        default="newsledger.db",
        show_default=True,
        type=click.Path(dir_okay=False),
        help="The ledger database (SQLite).",
    )(f)


def json_option(f):
    return click.option("--json", "as_json", is_flag=True, help="Print JSON lines for scripts instead of a table.")(f)


def limit_option(f):
    return click.option("--limit", type=click.IntRange(min=1), default=None, help="Show at most this many rows.")(f)


LEDGER_KEY = "newsledger.db"


def open_ledger(db: str, readonly: bool = True):
    from .store import Ledger

    ctx = click.get_current_context(silent=True)
    if ctx is not None:  # what LedgerGroup names when SQLite fails on it
        ctx.meta[LEDGER_KEY] = db
    return Ledger(db, readonly=readonly)


def emit_json(rows) -> None:
    for r in rows:
        click.echo(json.dumps(r, ensure_ascii=False, default=str))


_NO_WRAP = {"id", "published", "date", "figure", "when", "lang"}


def table(title: str, columns: list[str], rows: list[list]) -> None:
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    t = Table(title=title, title_justify="left", show_lines=False, expand=False)
    for c in columns:
        t.add_column(c, overflow="fold", no_wrap=c in _NO_WRAP)
    for r in rows:  # cells are text, never rich markup (a search snippet's "[inquiry]" prints as is) nor escapes
        t.add_row(*["" if v is None else escape(printable(str(v))) for v in r])
    Console().print(t)
    if not rows:
        click.echo("(none)")


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@db_option
@click.option(
    "--published", callback=_published, metavar="YYYY-MM-DD", help="Publication date for inputs that carry none."
)
@click.option(
    "--batch-size", type=click.IntRange(min=1), default=64, show_default=True, help="Articles per transaction."
)
@workers_option
@click.option(
    "--engine",
    type=click.Choice(["local", "ray"]),
    default="local",
    show_default=True,
    help="Where extraction runs: local processes, or Ray actors (pip install 'newsledger[ray]'; docs/scale.md).",
)
@click.option("--address", default=None, help="Ray cluster to join (auto, ray://HOST:PORT); default: a local one.")
@fetch_options
@click.option("--quiet", is_flag=True, help="No progress line; failures listed after the run.")
def ingest(inputs, db, published, batch_size, workers, engine, address, quiet, **fetch):
    """Read INPUTS, extract, and store them in the ledger. Idempotent: stored articles are skipped.

    INPUTS are text (.txt), HTML (.html, .htm), JSON lines (.jsonl, .jsonl.gz), JSON (.json: an article, a
    list of them, or a JSON Feed), RSS/Atom feeds (.rss, .atom), web archives (.warc, .warc.gz, .arc,
    .arc.gz), directories of them, http(s) URLs (each page fetched once and kept in the ledger), or - for stdin. Feed
    lists (OPML) are for `newsledger watch`. Unreadable inputs are reported and recorded, the rest is stored,
    and the exit status is 1. Articles not in English are stored with their language, unextracted. The
    progress line shows a total and an ETA when the inputs are files and JSON lines (--quiet: none).
    """
    from rich.console import Console
    from rich.markup import escape
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn, TimeRemainingColumn

    from .extract import ExtractOptions, Extractor
    from .ingest.count import expected
    from .pipeline import ingest as run

    ledger = open_ledger(db, readonly=False)
    extractor = Extractor(ExtractOptions(n_process=workers, engine=engine, address=address))
    total = None if quiet else expected(inputs)  # files and JSONL lines: known; stdin, feeds, archives: not
    columns = (
        SpinnerColumn(),
        TextColumn("{task.completed}{task.fields[of]} read"),
        BarColumn(bar_width=None),
        TextColumn("{task.fields[rate]} articles/s"),
        TimeElapsedColumn(),
        *([TextColumn("ETA"), TimeRemainingColumn()] if total else []),
    )
    # On stderr, and stopped before the summary line: the summary is the last thing a run prints.
    progress = Progress(
        *columns, console=Console(stderr=True), disable=quiet, redirect_stdout=False, redirect_stderr=False
    )
    task = progress.add_task("ingest", total=total, rate="–", of=f"/{total}" if total else "")

    def on_item(item):
        if isinstance(item, Failure):
            progress.console.print(f"[red]newsledger: {escape(printable(str(item.error)))}[/red]", highlight=False)
        progress.advance(task)  # a failure is one of the items the total counts
        t = progress.tasks[0]
        if t.elapsed:
            progress.update(task, rate=f"{t.completed / t.elapsed:.1f}")

    try:
        with progress:
            rep = run(inputs, ledger, extractor, published, batch_size, on_item, _fetcher(**fetch))
    except KeyboardInterrupt:
        click.echo("newsledger: interrupted; every committed batch is kept, run the same ingest to finish", err=True)
        sys.exit(130)
    finally:
        ledger.close()
    n_fail = len(rep.failures)
    for w in rep.warnings:
        warn(w)
    if quiet:
        for f in rep.failures:
            report(f)
    click.echo(f"{rep.stored} stored, {rep.already} already in the ledger, {n_fail} failed -> {db}")
    sys.exit(1 if n_fail else 0)


def _duration(ctx, param, value) -> float:
    """'15m', '90s', '2h', '1d' or plain seconds, to seconds."""
    import re

    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*", str(value))
    if not m or float(m.group(1)) <= 0:
        raise click.BadParameter(f"{value!r} is not a duration such as 90s, 15m, 2h or 1d")
    return float(m.group(1)) * {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}[m.group(2)]


@main.command()
@click.argument("feeds", nargs=-1, required=True)
@db_option
@click.option("--every", default="15m", show_default=True, callback=_duration, help="Time between two polls of a feed.")
@click.option("--polls", type=click.IntRange(min=1), default=None, help="Stop after this many polls (default: never).")
@click.option("--once", is_flag=True, help="Poll once and stop (as --polls 1).")
@fetch_options
def watch(feeds, db, every, polls, once, **fetch):
    """Poll FEEDS (RSS, Atom or JSON Feed URLs or files, or OPML files listing them) and ingest new entries.

    Each new entry's page is fetched, extracted and stored, and stories, entities and figures are brought up
    to date; one summary line is printed per poll. Feeds are polled with ETag / Last-Modified; a failing feed
    backs off (doubling, up to 6 h). The state is in the ledger: a stopped watch (Ctrl-C) restarted later
    goes on where it stopped.
    """
    from .extract import Extractor
    from .watch import Watcher, WatchOptions

    ledger = open_ledger(db, readonly=False)
    watcher = Watcher(list(feeds), ledger, Extractor(), _fetcher(**fetch), WatchOptions(every=every))
    failed = bool(watcher.setup_failures)
    for f in watcher.setup_failures:
        report(f)
    if not watcher.feeds:
        ledger.close()
        raise CodedError("no feed to watch")
    try:
        for poll in watcher.run(polls=1 if once else polls):
            for fp in poll.feeds:
                for f in fp.failures:
                    report(f)
                    failed = True
                for w in fp.warnings:
                    warn(w)
            click.echo(poll.line())
    except KeyboardInterrupt:
        click.echo(
            f"newsledger: stopped after {watcher.polls} polls; every feed's state is in {db}: "
            "the same watch goes on from there",
            err=True,
        )
        sys.exit(130)
    finally:
        ledger.close()
    sys.exit(1 if failed else 0)


@main.command()
@db_option
@json_option
@limit_option
@click.option("--language", metavar="CODE", help="Only articles in this language (ISO 639-1: en, pt, de, ...).")
def articles(db, as_json, limit, language):
    """List stored articles, oldest first, with their outlet and language."""
    with open_ledger(db) as ledger:
        rows = ledger.articles(limit, language=language.lower() if language else None)
    if as_json:
        return emit_json(dataclasses.asdict(r) for r in rows)
    table(
        "Articles",
        ["id", "published", "title", "outlet", "lang", "claims", "quotes"],
        [[r.id, r.published, r.title, r.outlet or r.source, r.language, r.claims, r.quotes] for r in rows],
    )


@main.command()
@click.argument("article")
@db_option
@json_option
def show(article, db, as_json):
    """Show one ARTICLE (id, id prefix or source) with its entities, quotes, claims and times marked."""
    from rich.console import Console
    from rich.markup import escape
    from rich.text import Text

    from .present import claim_figure, party

    with open_ledger(db) as ledger:
        x = ledger.extraction(ledger.resolve_article_id(article))
    if as_json:
        return click.echo(json.dumps(x.to_contract(), ensure_ascii=False))
    a = x.article
    text = Text(printable(a.text, same_length=True))
    for e in x.entities:
        for s, t in e.mentions:
            text.stylize("cyan", s, t)
    for q in x.quotes:
        text.stylize("italic green", q.start, q.end)
        if q.speaker and q.speaker.start is not None:
            text.stylize("bold cyan", q.speaker.start, q.speaker.end)
    for t in x.times:
        text.stylize("magenta", t.start, t.end)
    for c in x.claims:
        text.stylize("bold yellow", c.start, c.end)
    con = Console()
    head = f"{a.title or '(untitled)'}"
    con.print(
        f"[bold]{escape(printable(head))}[/bold]  {a.published or 'undated'}  {escape(printable(a.outlet or a.source))}"
        f"{'  ' + a.language if a.language else ''}  [dim]{a.id}[/dim]"
    )
    con.print(
        "[dim]entities[/dim] [cyan]cyan[/cyan] · [dim]quotes[/dim] [italic green]green[/italic green] · "
        "[dim]figures[/dim] [bold yellow]yellow[/bold yellow] · [dim]times[/dim] [magenta]magenta[/magenta]\n"
    )
    con.print(text)
    if x.claims:
        table(
            "Claims",
            ["figure", "qualifier", "counted", "measure", "source", "when", "text"],
            [[claim_figure(c), c.qualifier, c.counted, c.measure, party(c.source), c.time, c.text] for c in x.claims],
        )
    if x.quotes:
        table(
            "Quotes",
            ["speaker", "kind", "cue", "quote"],
            [[party(q.speaker), q.kind, q.cue.text if q.cue else None, q.text] for q in x.quotes],
        )


def _when(c, ref) -> str | None:
    return c.time or ref.published


@main.command()
@db_option
@json_option
@limit_option
@click.option(
    "--about",
    help="Only claims whose figure, counted group or sentence has these words "
    "(the last word, of four letters or more, also as a beginning).",
)
@click.option("--source", help="Only claims made by this source (name or entity, partial match).")
@click.option("--measure", help="Only claims of this measure (killed, injured, casualties, displaced, ...).")
def claims(db, as_json, limit, about, source, measure):
    """List numeric claims: figure, interval, what is counted and measured, source, article and date.

    The figure is the number as stated with its qualifier (~ about, > more than, ≥ at least, < less than,
    ≤ at most); the interval is what the statement allows. The date is the one the claim's sentence refers
    to, else the article's publication date.
    """
    from .present import claim_figure, interval, party

    with open_ledger(db) as ledger:
        rows = ledger.claims(about=about, source=source, measure=measure, limit=limit)
    if as_json:
        return emit_json(
            {**r.record.to_contract(), "article": r.article.id, "published": r.article.published} for r in rows
        )
    table(
        "Claims",
        ["figure", "interval", "counted", "measure", "source", "article", "date"],
        [
            [
                claim_figure(c.record),
                interval(c.record.value, c.record.unit),
                c.record.counted,
                c.record.measure,
                party(c.record.source),
                c.article.title or c.article.id,
                _when(c.record, c.article),
            ]
            for c in rows
        ],
    )


@main.command()
@db_option
@json_option
@limit_option
@click.option("--by", help="Only quotes by this speaker (name or entity, partial match).")
def quotes(db, as_json, limit, by):
    """List quotes and attributions with their speakers."""
    from .present import party

    with open_ledger(db) as ledger:
        rows = ledger.quotes(by=by, limit=limit)
    if as_json:
        return emit_json(
            {**r.record.to_contract(), "article": r.article.id, "published": r.article.published} for r in rows
        )
    table(
        "Quotes",
        ["speaker", "kind", "quote", "article", "date"],
        [
            [
                party(q.record.speaker),
                q.record.kind,
                q.record.text,
                q.article.title or q.article.id,
                q.article.published,
            ]
            for q in rows
        ],
    )


@main.command()
@db_option
@json_option
@limit_option
@click.option("--label", help="Only this label (PERSON, ORG, GPE, NORP, ...).")
def entities(db, as_json, limit, label):
    """List canonical entities (people, countries with ISO codes, organisations with their country) with
    every name they go by and how many articles and mentions name them."""
    from .reconcile.entities import list_entities

    with open_ledger(db) as ledger:
        rows = list_entities(ledger, label=label, limit=limit)
    if as_json:
        return emit_json(r.to_dict() for r in rows)
    table(
        "Entities",
        ["entity", "name", "kind", "country", "aliases", "articles", "mentions"],
        [
            [r.id, r.name, r.kind, r.country, "; ".join(a for a in r.aliases if a != r.name), r.articles, r.mentions]
            for r in rows
        ],
    )


@main.command()
@db_option
@limit_option
@click.option("--type", "etype", help="Only this PLOVER type (ASSAULT, PROTEST, COERCE, ...).")
@click.option(
    "--country",
    callback=_alpha3,
    metavar="ISO3",
    help="Only events whose actor or target is of this country (ISO alpha-3, e.g. UKR).",
)
@click.option("--since", help="Only events on or after this date (YYYY-MM-DD).")
@click.option("--status", type=click.Choice(EVENT_STATUSES), help="Only events with this status (e.g. happened).")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "jsonl", "plover"]),
    default="table",
    show_default=True,
    help="table: one row per event; jsonl: contract event objects; plover: PLOVER JSON records, one a line.",
)
def events(db, limit, etype, country, since, status, fmt):
    """List events coded in PLOVER: who did what to whom, where and when, and whether it happened."""
    from .events_export import plover_records
    from .store.events import find_events

    with open_ledger(db) as ledger:
        rows = find_events(ledger, etype, country, since, status, limit)
        if fmt == "plover":
            return emit_json(plover_records(rows, ledger.extraction))
    if fmt == "jsonl":
        return emit_json({"id": r.id, "article": r.event.article_id, **r.event.to_contract()} for r in rows)
    table(
        "Events",
        ["id", "when", "type", "mode", "status", "actor", "target", "trigger", "article"],
        [
            [
                r.id,
                r.event.time or r.published,
                r.event.type,
                r.event.mode,
                r.event.status,
                r.event.actor and r.event.actor.name,
                r.event.target and r.event.target.name,
                r.event.trigger,
                r.event.article_id,
            ]
            for r in rows
        ],  # fmt: skip
    )


@main.command()
@click.argument("query")
@db_option
@json_option
@limit_option
def search(query, db, as_json, limit):
    """Full-text search over article titles and texts (SQLite FTS5 syntax)."""
    with open_ledger(db) as ledger:
        rows = ledger.search(query, limit or 20)
    if as_json:
        return emit_json(dict(r) for r in rows)
    table(
        f"Search: {query}",
        ["id", "published", "title", "snippet"],
        [[r["id"], r["published"], r["title"], r["snippet"]] for r in rows],
    )


@main.command()
@db_option
@click.option(
    "--table",
    "what",
    type=click.Choice(["articles", "claims", "quotes", "entities", "times", "places", "events", "figures", "stories"]),
    default="articles",
    show_default=True,
    help="Which records: figures write one row per claim with its figure, incident and party; stories one row "
    "per article of a story.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "csv", "parquet", "timeml", "plover"]),
    default="jsonl",
    show_default=True,
    help="jsonl: one object per row (articles, figures and stories: the contract's nested object); csv; "
    "parquet (needs newsledger[parquet]); timeml: --table times as TimeML documents; plover: --table events as "
    "PLOVER JSON records.",
)
@click.option("--since", callback=_published, metavar="YYYY-MM-DD", help="Only articles published on or after.")
@click.option("--until", callback=_published, metavar="YYYY-MM-DD", help="Only articles published on or before.")
@click.option("--story", metavar="ID", help="Only the articles of this story (its id, or one of its articles).")
@click.option("--outlet", help="Only the articles of this outlet (its name as `articles` shows it).")
@click.option(
    "--measure",
    type=click.Choice(MEASURES),
    help="Claims and figures: only those of this measure; articles: with a claim of it.",
)
@click.option(
    "--party",
    help="Claims: part of the source; quotes: of the speaker; events: of the actor or target; figures: a party's name.",
)
@click.option(
    "--country",
    callback=_alpha3,
    metavar="ISO3",
    help="Events at a place in, figures (and their claims) of an incident in, articles naming a place in, this "
    "country.",
)
@click.option("--output", "-o", default="-", type=click.Path(dir_okay=False, allow_dash=True), help="File (- stdout).")
def export(db, what, fmt, since, until, story, outlet, measure, party, country, output):
    """Export one table of the ledger, or a slice of it, as JSON lines, CSV, Parquet or TimeML.

    Column names are stable and documented in docs/exports.md. Figures and stories of a slice are the ones its
    articles report, whole.
    """
    from .errors import NewsledgerError
    from .export import Slice, writer

    write = writer(what, fmt)  # NL160 before the output file is created
    if since and until and since > until:
        raise NewsledgerError("NL162", f"--since {since} is after --until {until}")
    with _stories_ledger(db) if what == "stories" or story else open_ledger(db) as ledger:
        sid = None
        if story:
            from .reconcile import stories as st

            sid = st.get_story(ledger, story).id
        part = Slice(
            since and since.isoformat(), until and until.isoformat(), outlet, sid, measure, party, country,
        )  # fmt: skip
        with open_output(output, "wb") as out:
            write(ledger, part, out)


@main.command("datasette-metadata")
@db_option
@click.option("--output", "-o", default="-", type=click.Path(dir_okay=False, allow_dash=True), help="File (- stdout).")
def datasette_metadata(db, output):
    """Write Datasette's metadata.json for the ledger: a description of every table and column.

    Then: datasette LEDGER.db --metadata metadata.json (the full-text tables give articles a search box).
    """
    from pathlib import Path

    from .metadata import metadata

    with open_ledger(db) as ledger:
        meta = metadata(ledger, Path(db).stem)
    with open_output(output) as out:
        json.dump(meta, out, ensure_ascii=False, indent=2)
        out.write("\n")


@main.command()
@db_option
@click.option(
    "--host", default="127.0.0.1", show_default=True, help="Interface to listen on (loopback only by default)."
)
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="Port to listen on.")
@click.option(
    "--ingest-token",
    envvar="NEWSLEDGER_INGEST_TOKEN",
    default=None,
    metavar="TOKEN",
    help="Turn on POST /api/ingest for callers that present this token (env NEWSLEDGER_INGEST_TOKEN). "
    "Without it the server never writes.",
)
def serve(db, host, port, ingest_token):
    """Serve the ledger as report pages and a JSON API (/api/, OpenAPI at /docs), read-only by default."""
    import uvicorn

    from .serve import create_app

    app = create_app(db, ingest_token=ingest_token)
    click.echo(f"newsledger: serving {db} at http://{host}:{port}/ (Ctrl-C to stop)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")


# -- figures across articles (reconcile.figures) ------------------------------------------------------


@main.command()
@db_option
@json_option
@limit_option
@click.option("--about", help="Only figures whose counted group, measure, source or sentence mentions this text.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "jsonl"]),
    default="table",
    show_default=True,
    help="table: one row per figure with its spread; jsonl: one contract `figure` object per line.",
)
def figures(db, as_json, limit, about, fmt):
    """List figures: claims about the same quantity from several sources, with low / best / high."""
    from .present import number
    from .reconcile.figures import list_figures

    with open_ledger(db) as ledger:
        rows = list_figures(ledger, about=about, limit=limit)
    if as_json or fmt == "jsonl":
        return emit_json(f.to_contract() for f in rows)
    table(
        "Figures",
        ["id", "measure", "counted", "figure", "spread", "parties", "when"],
        [
            [
                f.id,
                f.measure,
                # a part is no competing toll: say whose part it is ("people (bodies recovered, part of 07f9...)")
                f"{f.counted} ({f.part}{', part of ' + f.part_of if f.part_of else ''})" if f.part else f.counted,
                number(f.best),
                f"{number(f.low)}–{number(f.high)}" if f.low != f.high else "",
                f.sources,
                f.first if f.first == f.last else f"{f.first}…{(f.last or '')[5:]}",
            ]
            for f in rows
        ],
    )
    if rows:
        click.echo("figure: best estimate (median of each party's latest value); spread: lowest to highest")


@main.command()
@click.argument("figure_id", metavar="ID")
@db_option
@json_option
def figure(figure_id, db, as_json):
    """Show one figure (ID or id prefix): every claim behind it with source, qualifier, date and article."""
    from .present import figure as shown
    from .present import number
    from .reconcile.figures import get_figure

    with open_ledger(db) as ledger:
        f = get_figure(ledger, figure_id)
    if as_json:
        return click.echo(json.dumps(f.to_contract(), ensure_ascii=False))
    echo(
        f"{f.measure}: {f.counted}"
        + (f" ({f.part}, part of {f.part_of})" if f.part_of else "")
        + (f"  {f.incident.title}" if f.incident else "")
    )
    echo(
        f"  low {number(f.low)} · best {number(f.best)} · high {number(f.high)}  "
        f"{f.sources} parties ({', '.join(f.parties)}), {f.first or '?'} to {f.last or '?'}  [{f.id}]"
    )
    for v, q, who in f.by_value:
        echo(f"  {shown(v, q):>10}  " + ", ".join(w or "(the article itself)" for w in who))
    rows = sorted(
        ((m, c, i) for c in f.claims for i, m in enumerate(c.mentions)),
        key=lambda t: (t[0].published is None, t[0].published or "", t[0].claim),
    )
    table(
        "Claims, oldest first",
        ["date", "figure", "qualifier", "party", "as written", "article", "text"],
        [
            [
                m.published,
                shown(c.value, c.qualifier) + (" (again)" if i else ""),
                c.qualifier + (", preliminary" if c.preliminary else ""),
                (c.party_name or "(the outlet)") + (f", relayed by {c.relayed_by}" if c.relayed_by else ""),
                c.source,
                m.article,
                c.text,
            ]
            for m, c, i in rows
        ],
    )


# -- stories across articles (reconcile.stories) -----------------------------------------------------


def _stories_ledger(db: str):
    """The ledger with every article placed in a story (an existing ledger only: nothing is created)."""
    from .reconcile import stories as st

    open_ledger(db).close()  # NL201 when there is no ledger at db
    ledger = open_ledger(db, readonly=False)
    st.update(ledger)
    return ledger


@main.command()
@db_option
@json_option
@limit_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "jsonl"]),
    default="table",
    show_default=True,
    help="table: one row per story; jsonl: one contract `story` object per line.",
)
def stories(db, as_json, limit, fmt):
    """List stories: articles about the same event, most recently active first, syndicated copies marked.

    Articles not yet in a story are placed first (incremental: the ones already placed stay where they are).
    """
    from .reconcile import stories as st

    with _stories_ledger(db) as ledger:
        rows = st.list_stories(ledger, limit)
    if as_json or fmt == "jsonl":
        return emit_json(s.to_contract() for s in rows)
    table(
        "Stories",
        ["id", "title", "articles", "independent", "first", "last"],
        [[s.id, s.title, len(s.articles), s.independent, s.first, s.last] for s in rows],
    )


@main.command()
@click.argument("key", metavar="ID")
@db_option
@json_option
def story(key, db, as_json):
    """Show one story (its id, or the id, id prefix or source of one of its articles) with every article."""
    from .reconcile import stories as st

    with _stories_ledger(db) as ledger:
        s = st.get_story(ledger, key)
    if as_json:
        return click.echo(json.dumps(s.to_contract(), ensure_ascii=False))
    echo(
        f"{s.title or '(untitled)'}  {s.first or '?'} to {s.last or '?'}  "
        f"{len(s.articles)} articles, {s.independent} independent  [{s.id}]"
    )
    table(
        "Articles, oldest first",
        ["id", "published", "title", "source", "copy of"],
        [[a.id, a.published, a.title, ", ".join((a.source, *a.publications)), a.copy_of] for a in s.articles],
    )


# -- steps: what made the ledger, and bringing it up to date ---------------------------------------------


@main.command()
@db_option
@json_option
def status(db, as_json):
    """Show, per step, whether the ledger's rows are what this newsledger would make (version and options).

    Exit status 0 when every step is current, 3 when `newsledger reprocess` has something to do.
    """
    from . import steps

    with open_ledger(db, readonly=False) as ledger:  # an older ledger is upgraded to record steps
        rows = steps.status(ledger)
    if as_json:
        emit_json(
            {
                "step": s.step,
                "version": s.version,
                "options_hash": s.options_hash,
                "made_version": s.made_version,
                "made_options_hash": s.made_hash,
                "stale": s.stale,
                "ran": s.ran,
                "current": s.current,
                "reason": s.reason or None,
            }
            for s in rows
        )
    else:
        table(
            "Steps",
            ["step", "version", "made by", "state", "why"],
            [
                [
                    s.step,
                    s.version,
                    "–" if not s.ran else (s.made_version or "unrecorded"),
                    "current"
                    if s.current
                    else (f"{s.stale} articles to redo" if s.step == "extract" else "to rebuild"),
                    s.reason,
                ]
                for s in rows
            ],
        )
    sys.exit(0 if all(s.current for s in rows) else 3)


def _settings(ctx, param, values) -> dict:
    out: dict = {}
    for v in values:
        if "=" not in v:
            raise click.BadParameter(f"{v!r} is not NAME=VALUE")
        k, _, val = v.partition("=")
        out[k.strip()] = val.strip()
    return out


@main.command()
@db_option
@click.option(
    "--step",
    "step_name",
    default=None,
    metavar="NAME",
    help="Only this step and the steps that require it (extract, dedup, stories, entities, figures).",
)
@click.option(
    "--set",
    "settings",
    multiple=True,
    callback=_settings,
    metavar="NAME=VALUE",
    help="Run --step with this option from now on (repeatable); --set NAME= goes back to the default.",
)
@click.option("--force", is_flag=True, help="Redo --step even when it is current.")
@workers_option
@click.option("--quiet", is_flag=True, help="No progress.")
def reprocess(db, step_name, settings, force, workers, quiet):
    """Bring the ledger up to date with this newsledger: re-extract articles stored by an older extractor
    (from their stored text; no input is read again) and rebuild cross-article steps made by another
    version or with other options. Incremental: what is current is left as it is.
    """
    from . import steps
    from .extract import ExtractOptions, Extractor
    from .store import steps as made

    if (settings or force) and not step_name:
        raise click.UsageError("--set and --force need --step")
    open_ledger(db).close()  # NL201 when there is no ledger at db
    with open_ledger(db, readonly=False) as ledger:
        if settings:
            step = steps.get(step_name)
            chosen = {**made.chosen_options(ledger, step.name), **settings}
            chosen = {k: v for k, v in chosen.items() if v != ""}
            step.options_with(chosen)  # NL701 for an unknown option or a value of the wrong type
            made.choose_options(ledger, step.name, chosen)
        elif step_name:
            steps.get(step_name)  # NL701 for an unknown step
        extract_opts = steps.options_for(ledger, steps.get("extract"))
        factory = lambda: Extractor(ExtractOptions(model=extract_opts.model, n_process=workers))  # noqa: E731
        redone: dict[str, int] = {}
        try:
            for p in steps.reprocess(ledger, step_name, factory, force=force):
                redone[p.step] = p.done
                if not quiet and p.step == "extract":
                    click.echo(f"\rextract: {p.done}/{p.total} articles", nl=False, err=True)
        except KeyboardInterrupt:
            click.echo("\nnewsledger: interrupted; what was committed is kept, run reprocess again to finish", err=True)
            sys.exit(130)
        if not quiet and "extract" in redone:
            click.echo("", err=True)
    if not redone:
        click.echo(f"up to date -> {db}")
    else:
        click.echo(
            "; ".join(
                f"{k}: {v} articles re-extracted" if k == "extract" else f"{k}: rebuilt" for k, v in redone.items()
            )
            + f" -> {db}"
        )
