"""User-facing errors, each with a code that tests and scripts can rely on.

Library code raises these (or yields them as records for one bad input in a stream); only the CLI
turns them into messages and exit statuses.
"""

from __future__ import annotations

from dataclasses import dataclass

# code -> short description, for docs and `--help`.
CODES = {
    "NL101": "input path does not exist",
    "NL102": "directory holds no articles (.txt, .html, .htm, .json, .jsonl, feeds, web archives)",
    "NL103": "input is empty",
    "NL104": "input is binary, not text",
    "NL105": "input is not valid UTF-8",
    "NL106": "HTML page holds no article text",
    "NL107": "input is larger than the size limit",
    "NL108": "JSONL line is not a valid article object",
    "NL109": "input type is not supported",
    "NL110": "input cannot be read",
    "NL111": "web archive (WARC/ARC) is malformed or truncated",
    "NL112": "feed cannot be parsed or holds no item with text",
    "NL120": "URL is not an http(s) URL newsledger can fetch",
    "NL121": "URL resolves to a loopback, private, link-local or metadata address (refused)",
    "NL122": "URL's host cannot be resolved or reached",
    "NL123": "URL did not answer within the time limit",
    "NL124": "URL's response is larger than the size limit",
    "NL125": "URL redirects too many times",
    "NL126": "URL answered with an HTTP error status",
    "NL127": "URL is disallowed by the site's robots.txt",
    "NL128": "URL is not an HTML page",
    "NL129": "article is not in English: stored with its language, no English extraction run (a warning)",
    "NL130": "feed could not be polled (it is retried later, with backoff)",
    "NL131": "OPML file cannot be parsed or lists no feed",
    "NL201": "database cannot be opened or is not a newsledger ledger",
    "NL202": "database was written by a newer newsledger",
    "NL203": "article could not be stored (the database refused its records)",
    "NL204": "database has an older schema and cannot be upgraded (opened read-only, or not writable)",
    "NL301": "no such record in the ledger",
    "NL401": "spaCy English pipeline is not installed",
    "NL501": "extraction failed on an article",
    "NL701": "no such step, or an option the step does not have or a value of the wrong type",
}


class NewsledgerError(Exception):
    """An error with a code and the input it concerns."""

    def __init__(self, code: str, message: str, where: str | None = None):
        assert code in CODES, code
        self.code = code
        self.message = message
        self.where = where
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f" {self.where!r}" if self.where else ""
        return f"{self.code}:{where} {self.message}" if where else f"{self.code}: {self.message}"


class InputError(NewsledgerError):
    """One input (a file, a line of a file, stdin) could not be turned into an article."""


class StoreError(NewsledgerError):
    """The ledger database cannot be used."""


class NotFound(NewsledgerError):
    def __init__(self, what: str, key: str):
        super().__init__("NL301", f"no {what} {key!r} in the ledger")


@dataclass(frozen=True)
class Failure:
    """A recorded failure in a stream of inputs: the stream goes on without it."""

    error: NewsledgerError
