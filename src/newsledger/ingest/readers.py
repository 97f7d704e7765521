"""Turn inputs (paths, directories, JSONL, stdin) into Articles.

`read_inputs` streams `Article` records, and a `Failure` for each input (or JSONL line) that cannot be
read, so one bad file never stops the rest. Nothing here knows about extraction or storage.
Every read is bounded: no file, line or stdin is ever held in memory beyond `MAX_ARTICLE_BYTES` + 1, no
compressed stream is unpacked past `MAX_STREAM_BYTES`, and only regular files are opened (a FIFO or a
device never blocks the run). `read_path` is the guard of one input: whatever goes wrong while reading
it becomes a coded Failure for that input, and the run goes on with the next.
"""

from __future__ import annotations

import gzip
import os
import re
import stat
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import BinaryIO

from ..errors import Failure, InputError, NewsledgerError
from ..models import Article, FetchedPage
from .common import decode, load_json, parse_date, repair, text_article
from .feeds import feed_articles, is_json_feed, json_items, json_title, xml_feed
from .fetch import is_url
from .html import html_article
from .warc import read_warc_file
from .web import page_article

# Fetches one URL: a Fetcher's, or the pipeline's, which first looks for the page in the ledger.
Fetch = Callable[[str], FetchedPage]

# One article (a file, a JSONL line, stdin) larger than this is refused; JSONL files are streamed,
# so only their lines count.
MAX_ARTICLE_BYTES = 10 * 1024 * 1024
# A compressed input (.jsonl.gz, .warc.gz) is unpacked to at most this many bytes (NL143 past it, what was
# read before is kept): a 500 KB gzip can hold gigabytes.
MAX_STREAM_BYTES = 2 * 1024**3
TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz")
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
FEED_SUFFIXES = (".rss", ".atom")
JSON_SUFFIXES = (".json",)
_SUFFIXES = (
    ("text", TEXT_SUFFIXES),
    ("html", HTML_SUFFIXES),
    ("jsonl", JSONL_SUFFIXES),
    ("warc", WARC_SUFFIXES),
    ("feed", FEED_SUFFIXES),
    ("json", JSON_SUFFIXES),
)
KINDS = ", ".join(s for _, suffixes in _SUFFIXES for s in suffixes)
# Field names of common news corpora (news-please, allsides, CommonCrawl dumps), in order of preference.
TEXT_FIELDS = ("text", "content", "content_original", "body", "maintext")
DATE_FIELDS = ("published", "date", "date_publish", "datePublished")
SOURCE_FIELDS = ("source", "url", "id")
_CHUNK = 1 << 16
_READ = 1 << 20
_BLANKS = re.compile(rb"[ \t\r\n\f\v]*")


def _kind(path: str) -> str | None:
    low = path.lower()
    for kind, suffixes in _SUFFIXES:
        if low.endswith(suffixes):
            return kind
    return None


def _too_large(where: str, size: int | None = None) -> InputError:
    what = f"is {size / 2**20:.1f} MB" if size is not None else "is larger than the limit"
    return InputError(
        "NL107",
        f"{what}; one article may be at most {MAX_ARTICLE_BYTES // 2**20} MB "
        "(put many articles in a .jsonl file, one per line)",
        where,
    )


def read_bounded(f: BinaryIO, where: str) -> bytes:
    """All of a stream, refusing (without reading on) one larger than MAX_ARTICLE_BYTES."""
    data = f.read(MAX_ARTICLE_BYTES + 1)
    if len(data) > MAX_ARTICLE_BYTES:
        raise _too_large(where)
    return data


def regular_file(path: str) -> None:
    """Refuse (NL142) what is not a regular file: reading a FIFO or /dev/zero never ends."""
    try:
        mode = os.stat(path).st_mode
    except OSError as e:
        raise InputError("NL110", f"cannot be read ({e.strerror or e})", path) from None
    if not stat.S_ISREG(mode):
        what = "a FIFO" if stat.S_ISFIFO(mode) else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else None
        raise InputError("NL142", f"is {what or 'not a regular file'}; only regular files are read", path)


def too_big_stream(where: str) -> InputError:
    return InputError(
        "NL143",
        f"unpacks to more than {MAX_STREAM_BYTES // 2**20:,} MB; the rest is not read (split the archive)",
        where,
    )


def _read_file(path: str) -> bytes:
    try:
        size = os.path.getsize(path)
        if size > MAX_ARTICLE_BYTES:
            raise _too_large(path, size)
        with open(path, "rb") as f:
            return read_bounded(f, path)  # bounded again: the file may have grown since
    except OSError as e:
        raise InputError("NL110", f"cannot be read ({e.strerror or e})", path) from None


def read_text_file(path: str, published: date | None = None) -> Article:
    return text_article(decode(_read_file(path), path), path, published)


def read_html_file(path: str, published: date | None = None) -> Article:
    return html_article(decode(_read_file(path), path), path, published)


def article_from_record(rec, where: str, published: date | None = None) -> Article:
    """An article from one JSON object (the contract's fields, or a common corpus's)."""
    if not isinstance(rec, dict):
        raise InputError("NL108", f"is a JSON {type(rec).__name__}, not an object with the article's fields", where)
    source = next((str(rec[k]) for k in SOURCE_FIELDS if rec.get(k) not in (None, "")), where)
    when = next((d for k in DATE_FIELDS if (d := parse_date(rec.get(k)))), None) or published
    title = rec.get("title").strip() if isinstance(rec.get("title"), str) else None
    url = rec.get("url") if isinstance(rec.get("url"), str) else None
    text = next((rec[k] for k in TEXT_FIELDS if isinstance(rec.get(k), str) and rec[k].strip()), None)
    named = _record_outlet(rec)
    if text is not None:
        return text_article(text, source, when, title or None, url, outlet=named)
    if isinstance(rec.get("html"), str) and rec["html"].strip():
        art = html_article(rec["html"], source, when, url=url)
        fixed = repair(title) if title else None
        return replace(
            art,
            title=fixed or art.title,
            original_title=title if fixed and fixed != title else art.original_title,
            outlet=named or art.outlet,
        )
    raise InputError(
        "NL108", f"has no article text: none of {', '.join(TEXT_FIELDS)} or html is a non-empty string", where
    )


def _record_outlet(rec: dict) -> str | None:
    """The outlet a record names: its "outlet" field, a "source" that is a name (allsides: "New York Times -
    News"; not a path or URL), news-please's "source_domain", allsides' "source_url"."""
    src = rec.get("source")
    names = [rec.get("outlet"), src if isinstance(src, str) and "/" not in src else None]
    names += [rec.get("source_domain"), rec.get("source_url")]
    return next((n.strip() for n in names if isinstance(n, str) and n.strip()), None)


def read_feed_file(path: str, published: date | None = None) -> Iterator[Article | Failure]:
    """An RSS or Atom file: one article per item that carries text."""
    data = _read_file(path)
    if not data.strip():
        raise InputError("NL103", "is empty", path)
    title, items = xml_feed(data, path)
    yield from feed_articles(items, path, published, outlet=title)


def read_json_file(path: str, published: date | None = None) -> Iterator[Article | Failure]:
    """A .json file: a JSON Feed, one article object (news-please and the JSONL fields), or a list of them."""
    doc = load_json(decode(_read_file(path), path), path)
    if is_json_feed(doc):
        yield from feed_articles(json_items(doc), path, published, outlet=json_title(doc))
    elif doc == []:
        raise InputError("NL103", "is an empty list: no articles", path)
    elif isinstance(doc, list):
        for i, rec in enumerate(doc):
            try:
                yield article_from_record(rec, f"{path}[{i}]", published)
            except InputError as e:
                yield Failure(e)
    else:
        yield article_from_record(doc, path, published)


def bounded_lines(f: BinaryIO, where: str = "-") -> Iterator[tuple[int, bytes | None]]:
    """The non-blank lines of a stream with their numbers; None for a line longer than MAX_ARTICLE_BYTES
    (skipped without being held in memory). Read in chunks, so a run of blank lines costs no Python work
    per line; past MAX_STREAM_BYTES it stops with NL143."""
    n = 1  # the number of the line buf starts in
    buf = bytearray()
    total = 0
    skipping = False  # inside a line over the limit: dropped until its newline
    while True:
        chunk = f.read(_READ)
        total += len(chunk)
        if total > MAX_STREAM_BYTES:
            raise too_big_stream(where)
        if not chunk:
            if skipping:
                yield n, None
            elif buf.strip():
                yield n, bytes(buf)
            return
        if skipping:
            cut = chunk.find(b"\n")
            if cut < 0:
                continue
            yield n, None
            n += 1
            skipping = False
            chunk = chunk[cut + 1 :]
        buf += chunk
        pos = 0
        while True:
            blank = _BLANKS.match(buf, pos)
            if blank is not None and blank.end() > pos:
                n += buf.count(b"\n", pos, blank.end())
                pos = blank.end()
            end = buf.find(b"\n", pos)
            if end < 0:
                break
            yield n, (bytes(buf[pos : end + 1]) if end - pos <= MAX_ARTICLE_BYTES else None)
            n += 1
            pos = end + 1
        del buf[:pos]
        if len(buf) > MAX_ARTICLE_BYTES:
            buf.clear()
            skipping = True


def numbered(lines: Iterable[bytes]) -> Iterator[tuple[int, bytes]]:
    """Lines already in memory (a web request's body), numbered for `read_jsonl_lines`."""
    return enumerate(lines, 1)


def read_jsonl_lines(
    lines: Iterable[tuple[int, bytes | None]], name: str, published: date | None = None
) -> Iterator[Article | Failure]:
    """One article per numbered line (`bounded_lines`, `numbered`); a Failure for each bad line, which
    never stops the others; NL103 when no line holds anything."""
    seen = False
    for n, raw in lines:
        where = f"{name}:{n}"
        try:
            if raw is None:
                seen = True
                raise _too_large(where)
            if not raw.strip():
                continue
            seen = True
            try:
                line = raw.decode("utf-8-sig" if n == 1 else "utf-8")
            except UnicodeDecodeError as e:
                raise InputError(
                    "NL105", f"is not valid UTF-8 (byte 0x{raw[e.start]:02x} at column {e.start + 1})", where
                ) from None
            yield article_from_record(load_json(line, where, line=True), where, published)
        except InputError as e:
            yield Failure(e)
        except Exception as e:  # the guard of one line: its failure is its own
            yield Failure(unexpected(e, where))
    if not seen:
        yield Failure(InputError("NL103", "is empty: no line holds an article", name))


def read_jsonl_file(path: str, published: date | None = None) -> Iterator[Article | Failure]:
    gz = path.lower().endswith(".gz")
    try:
        with (gzip.open if gz else open)(path, "rb") as f:
            yield from read_jsonl_lines(bounded_lines(f, path), path, published)
    except gzip.BadGzipFile:
        yield Failure(InputError("NL110", "is not gzip-compressed (or is corrupt) though named .gz", path))
    except zlib.error as e:
        yield Failure(InputError("NL110", f"is corrupt gzip data ({e}); lines before it are kept", path))
    except (OSError, EOFError) as e:
        what = "ends early (truncated gzip)" if isinstance(e, EOFError) else f"cannot be read ({e.strerror or e})"
        yield Failure(InputError("NL110", what, path))


def _sniff(text: str) -> str:
    head = text.lstrip()[:200].lower()
    if head.startswith("{"):
        return "jsonl"
    if head.startswith(("<!doctype html", "<html", "<head", "<body", "<article", "<!--")):
        return "html"
    return "text"


def read_stdin(published: date | None = None, stream: BinaryIO | None = None) -> Iterator[Article | Failure]:
    """`-` as input: one text or HTML article, or JSONL, told apart by how it starts."""
    f = stream or sys.stdin.buffer
    head = f.peek(256)[:256] if hasattr(f, "peek") else b""
    try:
        if head.lstrip().startswith(b"{"):  # JSONL is streamed line by line, like a file
            yield from read_jsonl_lines(bounded_lines(f), "-", published)
            return
        text = decode(read_bounded(f, "-"), "-")
        kind = _sniff(text)
        if kind == "jsonl":
            yield from read_jsonl_lines(numbered(ln.encode() for ln in text.splitlines(keepends=True)), "-", published)
        elif kind == "html":
            yield html_article(text, "-", published)
        else:
            yield text_article(text, "-", published)
    except InputError as e:
        yield Failure(e)


def _walk(root: Path) -> tuple[list[str], list[Failure]]:
    """Article files under a directory, recursively, sorted by path; hidden files and folders skipped."""
    found: list[str] = []
    errors: list[Failure] = []

    def onerror(e: OSError) -> None:
        errors.append(Failure(InputError("NL110", f"cannot be read ({e.strerror or e})", e.filename)))

    for folder, dirs, files in os.walk(root, onerror=onerror):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found.extend(os.path.join(folder, f) for f in files if not f.startswith(".") and _kind(f))
    return sorted(found), errors


def expand(path: str) -> Iterator[str | Failure]:
    """A path, or every article file under a directory (recursively, sorted by path)."""
    if path == "-" or is_url(path):
        yield path
        return
    p = Path(path)
    if not p.exists():
        yield Failure(InputError("NL101", "does not exist", path))
    elif p.is_dir():
        found, errors = _walk(p)
        yield from errors
        if not found and not errors:
            yield Failure(
                InputError(
                    "NL102", f"is a directory with no article files in it (looked for {KINDS}, recursively)", path
                )
            )
        yield from found
    elif _kind(p.name) is None:
        yield Failure(InputError("NL109", f"is not an input newsledger reads ({KINDS})", path))
    else:
        yield str(p)


def unexpected(e: BaseException, where: str) -> InputError:
    """What escaped a reader's own checks, as one input's coded failure."""
    return InputError("NL140", f"failed while being read ({e.__class__.__name__}: {str(e)[:200]})", where)


def read_path(path: str, published: date | None = None, fetch: Fetch | None = None) -> Iterator[Article | Failure]:
    """The articles of one input, and a Failure for what cannot be read: nothing raised while reading,
    decoding or parsing it leaves this generator (articles it gave before a failure stand)."""
    kind = "stdin" if path == "-" else "url" if is_url(path) else _kind(path)
    try:
        if kind not in ("stdin", "url"):
            regular_file(path)
        if kind == "url":
            yield page_article(fetch(path) if fetch else _fetch_once(path), published)
        elif kind == "stdin":
            yield from read_stdin(published)
        elif kind == "jsonl":
            yield from read_jsonl_file(path, published)
        elif kind == "html":
            yield read_html_file(path, published)
        elif kind == "warc":
            yield from read_warc_file(path, published, MAX_ARTICLE_BYTES, MAX_STREAM_BYTES)
        elif kind == "feed":
            yield from read_feed_file(path, published)
        elif kind == "json":
            yield from read_json_file(path, published)
        else:
            yield read_text_file(path, published)
    except NewsledgerError as e:
        yield Failure(e)
    except Exception as e:  # noqa: BLE001 - the per-input guard: one input's bug must not stop the run
        yield Failure(unexpected(e, path))


def _fetch_once(url: str) -> FetchedPage:
    from .fetch import Fetcher

    with Fetcher() as f:
        return f.fetch(url)


def read_inputs(
    paths: Iterable[str], published: date | None = None, fetch: Fetch | None = None
) -> Iterator[Article | Failure]:
    """Every article from every input, in input order, with a Failure for each unreadable one. A URL is
    fetched with `fetch` (default: a Fetcher with the default FetchOptions)."""
    for path in paths:
        for item in expand(path):
            if isinstance(item, Failure):
                yield item
            else:
                yield from read_path(item, published, fetch)
