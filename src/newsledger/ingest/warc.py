"""Web archives (WARC 0.18/1.0/1.1 and ARC v1, plain or gzipped per record): each archived HTML page
with an article becomes an Article.

Standard library only: records are read one at a time (a block over the size limit is skipped in
chunks), so an archive of any size streams. Read as pages: `response` records with a 2xx HTTP status
and an HTML payload (chunked transfer and gzip/deflate content encoding undone; UTF-8 when the bytes
are valid UTF-8, else the charset of the HTTP header, then of a <meta> tag, else cp1252), and
`resource` records of an HTML type. Requests, metadata, revisits, non-HTML payloads and archived pages
with no article (index pages, errors) are crawl furniture and are skipped without a message; a
malformed or truncated archive is NL111. The article's source and URL are the record's target URI.

Bounded: a header block has at most `_MAX_HEADER_LINES` lines, records are separated by at most
`_MAX_BLANK_LINES` blank lines, a payload's content encoding unpacks to at most the article limit (NL107),
a gzipped archive to at most the stream limit (NL143), and only text codecs are used for charsets.
"""

from __future__ import annotations

import gzip
import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import BinaryIO

from ..errors import Failure, InputError
from ..models import Article
from .common import html_text
from .html import html_article

_CHUNK = 1 << 16
_MAX_HEADER_LINE = 1 << 16
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_MAX_HEADER_LINES = 1000
_MAX_BLANK_LINES = 64
_DIGITS = re.compile(r"[0-9]{1,18}")  # ASCII only: '²'.isdigit() is True, int('²') fails


class _Limited:
    """A stream that refuses (NL143) to give more than `limit` bytes in all: a gzip bomb stops there."""

    def __init__(self, f: gzip.GzipFile, limit: int, where: str):
        self.f, self.left, self.where = f, limit, where

    def _count(self, data: bytes) -> bytes:
        self.left -= len(data)
        if self.left < 0:
            raise StreamTooLarge(self.where)
        return data

    def read(self, n: int = -1) -> bytes:
        return self._count(self.f.read(n))

    def readline(self, n: int = -1) -> bytes:
        return self._count(self.f.readline(n))


class StreamTooLarge(Exception):
    pass


@dataclass(frozen=True)
class Record:
    number: int
    headers: dict[str, str]  # names lower-cased
    block: bytes


def _headers(f: BinaryIO) -> dict[str, str] | None:
    """A record's named headers; None for a header block longer than _MAX_HEADER_LINES."""
    out: dict[str, str] = {}
    for _ in range(_MAX_HEADER_LINES):
        line = f.readline(_MAX_HEADER_LINE)
        if not line.strip():
            return out
        name, sep, value = line.decode("utf-8", "replace").partition(":")
        if sep:
            out[name.strip().lower()] = value.strip()
    return None


def _skip(f: BinaryIO, n: int) -> int:
    left = n
    while left > 0 and (got := len(f.read(min(_CHUNK, left)))):
        left -= got
    return n - left


def records(f: BinaryIO, name: str, limit: int) -> Iterator[Record | Failure]:
    """The records of an (uncompressed) archive stream; a Failure for a record that cannot be used."""
    n = blanks = 0
    while True:
        line = f.readline(_MAX_HEADER_LINE)
        if not line:
            return
        if not line.strip():
            blanks += 1
            if blanks > _MAX_BLANK_LINES:
                yield Failure(
                    InputError("NL111", f"has more than {_MAX_BLANK_LINES} blank lines between records", name)
                )
                return
            continue
        n += 1
        blanks = 0
        where = f"{name}#{n}"
        if line.startswith(b"WARC/"):
            headers = _headers(f)
            if headers is None:
                yield Failure(InputError("NL111", f"has a header block over {_MAX_HEADER_LINES} lines", where))
                return
            length = headers.get("content-length", "")
        else:  # ARC v1: "URL IP-address archive-date content-type length"
            fields = line.split()
            if len(fields) < 5 or not _DIGITS.fullmatch(fields[-1].decode("ascii", "replace")):
                yield Failure(InputError("NL111", f"is not a WARC or ARC record ({line[:40]!r})", where))
                return
            headers = {
                "warc-type": "response" if not fields[0].startswith(b"filedesc:") else "warcinfo",
                "warc-target-uri": fields[0].decode("utf-8", "replace"),
                "content-type": "application/http",
                "arc": "1",
            }
            length = fields[-1].decode()
        if not _DIGITS.fullmatch(length):
            yield Failure(InputError("NL111", "has no valid Content-Length; the rest cannot be read", where))
            return
        size = int(length)
        if size > limit:
            if _skip(f, size) < size:
                yield Failure(InputError("NL111", "ends inside a record (truncated archive)", where))
                return
            yield Failure(
                InputError(
                    "NL107", f"is a {size / 2**20:.1f} MB record; one article may be at most {limit // 2**20} MB", where
                )
            )
            continue
        try:
            block = f.read(size)
        except EOFError:  # a gzip member cut short
            block = b""
        if len(block) < size:
            yield Failure(InputError("NL111", "ends inside a record (truncated archive)", where))
            return
        yield Record(n, headers, block)


def _dechunk(body: bytes) -> bytes:
    """A chunked body undone; a body cut before its last chunk gives the chunks it has (every step moves
    forward, so a missing line end ends the loop rather than restarting it)."""
    out: list[bytes] = []
    pos = 0
    while pos < len(body):
        end = body.find(b"\n", pos)
        if end < 0:
            break
        size = int(body[pos:end].split(b";")[0].strip() or b"0", 16)
        if size == 0:
            break
        out.append(body[end + 1 : end + 1 + size])
        after = body.find(b"\n", end + 1 + size)  # the CRLF after the chunk
        if after < 0:
            break
        pos = after + 1
    return b"".join(out)


def _decode_content(body: bytes, encoding: str, limit: int, where: str) -> bytes | None:
    """The payload with its content encoding undone, unpacked to at most `limit` bytes (NL107 past it)."""
    encoding = encoding.lower()
    if encoding in ("", "identity"):
        return body
    if encoding in ("gzip", "x-gzip", "deflate"):
        for wbits in (47, -15):  # gzip or zlib by header; raw deflate
            d = zlib.decompressobj(wbits)
            try:
                out = d.decompress(body, limit + 1)
            except zlib.error:
                continue
            if len(out) > limit:
                raise InputError(
                    "NL107", f"unpacks (Content-Encoding {encoding}) to more than {limit // 2**20} MB", where
                )
            return out
        return body  # archives often store the decoded payload under the original header
    return None  # br, compress: no decoder in the standard library


def _http(block: bytes) -> tuple[int, dict[str, str], bytes] | None:
    head, sep, body = block.partition(b"\r\n\r\n")
    if not sep:
        head, sep, body = block.partition(b"\n\n")
    lines = head.decode("iso-8859-1").splitlines()
    if not lines or not lines[0].startswith("HTTP/"):
        return None
    status = lines[0].split()
    code = int(status[1]) if len(status) > 1 and status[1].isdigit() else 0
    headers = {}
    for ln in lines[1:]:
        name, s, value = ln.partition(":")
        if s:
            headers[name.strip().lower()] = value.strip()
    return code, headers, body


def page(record: Record, limit: int = 10 * 2**20, where: str = "") -> str | None:
    """The HTML text a record archives, or None when it holds no HTML page."""
    kind = record.headers.get("warc-type", "")
    if kind == "resource":
        ctype = record.headers.get("content-type", "")
        return html_text(record.block, ctype) if ctype.lower().startswith(_HTML_TYPES) else None
    if kind != "response" or not record.headers.get("content-type", "").startswith("application/http"):
        return None
    http = _http(record.block)
    if http is None:
        return None
    code, headers, body = http
    ctype = headers.get("content-type", "")
    if not 200 <= code < 300 or (ctype and not ctype.lower().startswith(_HTML_TYPES)):
        return None
    if "chunked" in headers.get("transfer-encoding", "").lower():
        try:
            body = _dechunk(body)
        except ValueError:
            pass  # stored already de-chunked
    body = _decode_content(body, headers.get("content-encoding", ""), limit, where)
    return html_text(body, ctype) if body else None


def read_warc_file(
    path: str, published: date | None, limit: int, stream_limit: int = 2 * 1024**3
) -> Iterator[Article | Failure]:
    try:
        with open(path, "rb") as raw:
            gz = raw.read(2) == b"\x1f\x8b"
            raw.seek(0)
            f = _Limited(gzip.GzipFile(fileobj=raw), stream_limit, path) if gz else raw
            found = False
            for rec in records(f, path, limit):  # type: ignore[arg-type]
                found = True
                if isinstance(rec, Failure):
                    yield rec
                    continue
                try:
                    html = page(rec, limit, f"{path}#{rec.number}")
                except InputError as e:
                    yield Failure(e)
                    continue
                if html is None:
                    continue
                uri = rec.headers.get("warc-target-uri", "").strip("<>") or None
                try:
                    yield html_article(html, uri or f"{path}#{rec.number}", published, url=uri)
                except InputError:
                    continue  # an archived page without an article is crawl furniture
            if not found:
                yield Failure(InputError("NL103", "is empty: no records", path))
    except StreamTooLarge:
        yield Failure(
            InputError("NL143", f"unpacks to more than {stream_limit // 2**20:,} MB; the rest is not read", path)
        )
    except (EOFError, gzip.BadGzipFile, zlib.error) as e:
        yield Failure(InputError("NL111", f"is a truncated or corrupt gzip archive ({e})", path))
    except OSError as e:
        yield Failure(InputError("NL110", f"cannot be read ({e.strerror or e})", path))
