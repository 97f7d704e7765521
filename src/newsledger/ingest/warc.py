"""Web archives (WARC 0.18/1.0/1.1 and ARC v1, plain or gzipped per record): each archived HTML page
with an article becomes an Article.

Standard library only: records are read one at a time (a block over the size limit is skipped in
chunks), so an archive of any size streams. Read as pages: `response` records with a 2xx HTTP status
and an HTML payload (chunked transfer and gzip/deflate content encoding undone; UTF-8 when the bytes
are valid UTF-8, else the charset of the HTTP header, then of a <meta> tag, else cp1252), and
`resource` records of an HTML type. Requests, metadata, revisits, non-HTML payloads and archived pages
with no article (index pages, errors) are crawl furniture and are skipped without a message; a
malformed or truncated archive is NL111. The article's source and URL are the record's target URI.
"""

from __future__ import annotations

import gzip
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


@dataclass(frozen=True)
class Record:
    number: int
    headers: dict[str, str]  # names lower-cased
    block: bytes


def _headers(f: BinaryIO) -> dict[str, str]:
    out: dict[str, str] = {}
    while (line := f.readline(_MAX_HEADER_LINE)).strip():
        name, sep, value = line.decode("utf-8", "replace").partition(":")
        if sep:
            out[name.strip().lower()] = value.strip()
    return out


def _skip(f: BinaryIO, n: int) -> int:
    left = n
    while left > 0 and (got := len(f.read(min(_CHUNK, left)))):
        left -= got
    return n - left


def records(f: BinaryIO, name: str, limit: int) -> Iterator[Record | Failure]:
    """The records of an (uncompressed) archive stream; a Failure for a record that cannot be used."""
    n = 0
    while True:
        line = f.readline(_MAX_HEADER_LINE)
        if not line:
            return
        if not line.strip():
            continue
        n += 1
        where = f"{name}#{n}"
        if line.startswith(b"WARC/"):
            headers = _headers(f)
            length = headers.get("content-length", "")
        else:  # ARC v1: "URL IP-address archive-date content-type length"
            fields = line.split()
            if len(fields) < 5 or not fields[-1].isdigit():
                yield Failure(InputError("NL111", f"is not a WARC or ARC record ({line[:40]!r})", where))
                return
            headers = {
                "warc-type": "response" if not fields[0].startswith(b"filedesc:") else "warcinfo",
                "warc-target-uri": fields[0].decode("utf-8", "replace"),
                "content-type": "application/http",
                "arc": "1",
            }
            length = fields[-1].decode()
        if not length.isdigit():
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
    out: list[bytes] = []
    pos = 0
    while True:
        end = body.find(b"\n", pos)
        if end < 0:
            raise ValueError("no chunk size")
        size = int(body[pos:end].split(b";")[0].strip() or b"0", 16)
        if size == 0:
            return b"".join(out)
        out.append(body[end + 1 : end + 1 + size])
        pos = end + 1 + size
        pos = body.find(b"\n", pos) + 1  # the CRLF after the chunk


def _decode_content(body: bytes, encoding: str) -> bytes | None:
    encoding = encoding.lower()
    if encoding in ("", "identity"):
        return body
    if encoding in ("gzip", "x-gzip", "deflate"):
        for wbits in (47, -15):  # gzip or zlib by header; raw deflate
            try:
                return zlib.decompress(body, wbits)
            except zlib.error:
                continue
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


def page(record: Record) -> str | None:
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
    body = _decode_content(body, headers.get("content-encoding", ""))
    return html_text(body, ctype) if body else None


def read_warc_file(path: str, published: date | None, limit: int) -> Iterator[Article | Failure]:
    try:
        with open(path, "rb") as raw:
            gz = raw.read(2) == b"\x1f\x8b"
            raw.seek(0)
            f = gzip.GzipFile(fileobj=raw) if gz else raw
            for rec in records(f, path, limit):
                if isinstance(rec, Failure):
                    yield rec
                    continue
                html = page(rec)
                if html is None:
                    continue
                uri = rec.headers.get("warc-target-uri", "").strip("<>") or None
                try:
                    yield html_article(html, uri or f"{path}#{rec.number}", published, url=uri)
                except InputError:
                    continue  # an archived page without an article is crawl furniture
    except (EOFError, gzip.BadGzipFile, zlib.error) as e:
        yield Failure(InputError("NL111", f"is a truncated or corrupt gzip archive ({e})", path))
    except OSError as e:
        yield Failure(InputError("NL110", f"cannot be read ({e.strerror or e})", path))
