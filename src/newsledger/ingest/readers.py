"""Turn inputs (paths, directories, JSONL, stdin) into Articles.

`read_inputs` streams `Article` records, and a `Failure` for each input (or JSONL line) that cannot be
read, so one bad file never stops the rest. Nothing here knows about extraction or storage.
"""
from __future__ import annotations

import gzip
import io
import json
import os
import sys
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

from ..errors import Failure, InputError
from ..models import Article
from .boilerplate import body_end, headline_title
from .html import html_article
from .ids import article_id

# One article file larger than this is refused (JSONL files are streamed, so only their lines count).
MAX_ARTICLE_BYTES = 10 * 1024 * 1024
TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz")
# Field names of common news corpora (news-please, allsides, CommonCrawl dumps), in order of preference.
TEXT_FIELDS = ("text", "content", "content_original", "body", "maintext")
DATE_FIELDS = ("published", "date", "date_publish", "datePublished")
SOURCE_FIELDS = ("source", "url", "id")


def _kind(path: str) -> str | None:
    low = path.lower()
    for kind, suffixes in (("text", TEXT_SUFFIXES), ("html", HTML_SUFFIXES), ("jsonl", JSONL_SUFFIXES)):
        if low.endswith(suffixes):
            return kind
    return None


def parse_date(value) -> date | None:
    """The calendar date at the start of an ISO-like string ("2024-06-01", "2024-06-01T10:00:00Z")."""
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def decode(data: bytes, where: str) -> str:
    """Bytes to text, refusing what is not a UTF-8 text article."""
    if not data.strip():
        raise InputError("NL103", "is empty", where)
    if b"\x00" in data[:8192]:
        raise InputError("NL104", "looks binary (NUL bytes), not a text article", where)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError("NL105", f"is not valid UTF-8 (byte {e.start})", where) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def text_article(text: str, source: str, published: date | None = None, title: str | None = None,
                 url: str | None = None) -> Article:
    """An article from plain text, kept verbatim; a trailing related-headlines block is marked off."""
    if not text.strip():
        raise InputError("NL103", "has no text", source)
    end = body_end(text)
    return Article(id=article_id(text), source=source, text=text,
                   title=title or headline_title(text), published=published, url=url,
                   body_end=None if end == len(text) else end)


def _read_file(path: str) -> bytes:
    try:
        size = os.path.getsize(path)
        if size > MAX_ARTICLE_BYTES:
            raise InputError("NL107", f"is {size / 2**20:.1f} MB; one article file may be at most "
                             f"{MAX_ARTICLE_BYTES // 2**20} MB (use JSONL for many articles)", path)
        with open(path, "rb") as f:
            return f.read()
    except OSError as e:
        raise InputError("NL110", e.strerror or str(e), path) from None


def read_text_file(path: str, published: date | None = None) -> Article:
    return text_article(decode(_read_file(path), path), path, published)


def read_html_file(path: str, published: date | None = None) -> Article:
    return html_article(decode(_read_file(path), path), path, published)


def article_from_record(rec: dict, where: str, published: date | None = None) -> Article:
    """An article from one JSON object (the contract's fields, or a common corpus's)."""
    if not isinstance(rec, dict):
        raise InputError("NL108", "is not a JSON object", where)
    source = next((str(rec[k]) for k in SOURCE_FIELDS if rec.get(k)), where)
    when = next((d for k in DATE_FIELDS if (d := parse_date(rec.get(k)))), None) or published
    title = rec.get("title") if isinstance(rec.get("title"), str) else None
    url = rec.get("url") if isinstance(rec.get("url"), str) else None
    text = next((rec[k] for k in TEXT_FIELDS if isinstance(rec.get(k), str) and rec[k].strip()), None)
    if text is not None:
        return text_article(text, source, when, title or None, url)
    if isinstance(rec.get("html"), str) and rec["html"].strip():
        art = html_article(rec["html"], source, when, url=url)
        return art if not title else Article(**{**art.__dict__, "title": title})
    raise InputError("NL108", f"has no article text (one of {', '.join(TEXT_FIELDS)} or html)", where)


def read_jsonl_lines(lines: Iterable[bytes], name: str, published: date | None = None
                     ) -> Iterator[Article | Failure]:
    for n, raw in enumerate(lines, 1):
        where = f"{name}:{n}"
        if not raw.strip():
            continue
        try:
            if len(raw) > MAX_ARTICLE_BYTES:
                raise InputError("NL107", f"line is larger than {MAX_ARTICLE_BYTES // 2**20} MB", where)
            try:
                rec = json.loads(raw)
            except (json.JSONDecodeError, UnicodeDecodeError) as e:
                raise InputError("NL108", f"is not valid JSON ({e.__class__.__name__}: "
                                 f"{str(e).splitlines()[0][:80]})", where) from None
            yield article_from_record(rec, where, published)
        except InputError as e:
            yield Failure(e)


def read_jsonl_file(path: str, published: date | None = None) -> Iterator[Article | Failure]:
    opener = gzip.open if path.lower().endswith(".gz") else open
    try:
        with opener(path, "rb") as f:
            yield from read_jsonl_lines(f, path, published)
    except (OSError, EOFError) as e:
        yield Failure(InputError("NL110", getattr(e, "strerror", None) or str(e), path))


def _sniff(text: str) -> str:
    head = text.lstrip()[:200].lower()
    if head.startswith("{"):
        return "jsonl"
    if head.startswith(("<!doctype html", "<html", "<head", "<body", "<article")):
        return "html"
    return "text"


def read_stdin(published: date | None = None, stream=None) -> Iterator[Article | Failure]:
    """`-` as input: one text or HTML article, or JSONL, told apart by how it starts."""
    data = (stream or sys.stdin.buffer).read()
    try:
        text = decode(data, "-")
        kind = _sniff(text)
        if kind == "jsonl":
            yield from read_jsonl_lines(io.BytesIO(data), "-", published)
        elif kind == "html":
            yield html_article(text, "-", published)
        else:
            yield text_article(text, "-", published)
    except InputError as e:
        yield Failure(e)


def expand(path: str) -> Iterator[str | Failure]:
    """A path, or every article file under a directory (recursively, sorted by path)."""
    if path == "-":
        yield path
        return
    p = Path(path)
    if not p.exists():
        yield Failure(InputError("NL101", "does not exist", path))
    elif p.is_dir():
        found = sorted(str(f) for f in p.rglob("*") if f.is_file() and _kind(f.name))
        if not found:
            yield Failure(InputError("NL102", "holds no .txt, .html, .htm or .jsonl files", path))
        yield from found
    elif _kind(p.name) is None:
        yield Failure(InputError("NL109", "is not .txt, .html, .htm or .jsonl", path))
    else:
        yield str(p)


def read_path(path: str, published: date | None = None) -> Iterator[Article | Failure]:
    kind = "stdin" if path == "-" else _kind(path)
    try:
        if kind == "stdin":
            yield from read_stdin(published)
        elif kind == "jsonl":
            yield from read_jsonl_file(path, published)
        elif kind == "html":
            yield read_html_file(path, published)
        else:
            yield read_text_file(path, published)
    except InputError as e:
        yield Failure(e)


def read_inputs(paths: Iterable[str], published: date | None = None) -> Iterator[Article | Failure]:
    """Every article from every input, in input order, with a Failure for each unreadable one."""
    for path in paths:
        for item in expand(path):
            if isinstance(item, Failure):
                yield item
            else:
                yield from read_path(item, published)
