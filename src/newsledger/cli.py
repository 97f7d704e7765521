"""The `newsledger` command: parses options, calls the library, prints. No logic lives here."""
from __future__ import annotations

import json
import sys
from datetime import date

import click

from .errors import Failure, NewsledgerError


def _published(ctx, param, value) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form") from None


def report(failure: Failure) -> None:
    click.echo(f"newsledger: {failure.error}", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="newsledger")
def main():
    """newsledger: a source-attributed ledger of who says what, with which figures, when, in the news."""


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--published", callback=_published, metavar="YYYY-MM-DD",
              help="Publication date for inputs that carry none (never overrides one they carry).")
@click.option("--format", "fmt", type=click.Choice(["jsonl"]), default="jsonl", show_default=True,
              help="Output format: one JSON object per article (see docs/schema.md).")
@click.option("--model", default=None, help="spaCy pipeline to use (default: the installed English one).")
def extract(inputs, published, fmt, model):
    """Extract entities, quotes, claims and times from INPUTS, one JSON line per article, no database.

    INPUTS are .txt, .html/.htm or .jsonl files, directories of them, or - for stdin.
    Unreadable inputs are reported on stderr and the exit status is 1; the rest is still printed.
    """
    from .extract import ExtractOptions, Extractor
    from .ingest import read_inputs

    failed = False
    try:
        extractor = Extractor(ExtractOptions(model=model))
    except NewsledgerError as e:
        raise click.ClickException(str(e)) from None
    out = sys.stdout
    for item in extractor.pipe(read_inputs(inputs, published)):
        if isinstance(item, Failure):
            report(item)
            failed = True
            continue
        out.write(json.dumps(item.to_contract(), ensure_ascii=False) + "\n")
    out.flush()
    sys.exit(1 if failed else 0)
