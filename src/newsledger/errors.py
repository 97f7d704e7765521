"""User-facing errors, each with a code that tests and scripts can rely on.

Library code raises these (or yields them as records for one bad input in a stream); only the CLI
turns them into messages and exit statuses.
"""

from __future__ import annotations

import re
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
    "NL140": "input failed in an unexpected way while being read (the run goes on; please report it)",
    "NL141": "JSON holds an integer of more than 100 digits or nesting deeper than about 1,000 levels",
    "NL142": "input is not a regular file (a FIFO, device or socket)",
    "NL143": "compressed input unpacks to more than the stream limit (a decompression bomb)",
    "NL144": "search text or name filter is longer than the limit",
    "NL145": "search or filter took longer than its time budget",
    "NL155": "event type is not a PLOVER event type",
    "NL156": "date filter is not a YYYY-MM-DD date",
    "NL160": "export has no such format for that table (see `newsledger export --help`)",
    "NL161": "Parquet export needs pyarrow (pip install 'newsledger[parquet]')",
    "NL162": "export slice is inverted (--since after --until)",
    "NL163": "command line is not valid: an unknown command or option, a missing argument, a value of the wrong kind",
    "NL164": "a file named on the command line cannot be opened (or written)",
    "NL170": "the Ray engine is asked for but Ray is not installed (pip install 'newsledger[ray]')",
    "NL171": "the Ray cluster at --address cannot be reached or started",
    "NL172": "a shard failed on every Ray worker it was retried on",
    "NL201": "database cannot be opened or is not a newsledger ledger",
    "NL202": "database was written by a newer newsledger",
    "NL203": "article could not be stored (the database refused its records)",
    "NL204": "database has an older schema and cannot be upgraded (opened read-only, or not writable)",
    "NL205": "ledger is busy: another writer held it longer than the wait (one writer at a time)",
    "NL206": "ledger is damaged (SQLite's integrity check finds it corrupt)",
    "NL301": "no such record in the ledger",
    "NL401": "spaCy English pipeline is not installed",
    "NL501": "extraction failed on an article",
    "NL701": "no such step, or an option the step does not have or a value of the wrong type",
}


_SURROGATE = re.compile("[\ud800-\udfff]")
# C0 and C1 controls, DEL: a name or message holding them could drive the terminal it is printed to.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _escape_char(m: re.Match) -> str:
    c = ord(m.group())
    # A file-name byte that is not UTF-8 (decoded by the OS with surrogateescape) shows as the byte.
    return f"\\x{c - 0xDC00:02x}" if 0xDC80 <= c <= 0xDCFF else f"\\x{c:02x}" if c < 0x100 else "\ufffd"


def printable(text: str, same_length: bool = False) -> str:
    """`text` safe to print and to store: lone surrogates (from surrogateescape'd file names or JSON
    escapes) and terminal control characters written as escapes; newlines and tabs kept. `same_length`:
    each becomes U+FFFD instead, so that offsets into the text still hold."""
    if same_length:
        return _CONTROL.sub("\ufffd", _SURROGATE.sub("\ufffd", text))
    text = _SURROGATE.sub(_escape_char, text)
    return _CONTROL.sub(_escape_char, text)


class NewsledgerError(Exception):
    """An error with a code and the input it concerns."""

    def __init__(self, code: str, message: str, where: str | None = None):
        assert code in CODES, code
        self.code = code
        self.message = printable(message)
        self.where = printable(where) if where else where
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
