"""Web archives: WARC/ARC records to articles, with their quirks, and broken archives reported."""

from __future__ import annotations

import gzip
import zlib

import pytest

from newsledger.errors import Failure
from newsledger.ingest import read_inputs, readers

PARA = (
    "The Kessel ferry resumed service on Monday after a two-week strike, the port authority of "
    "Veridia said, and the first crossing carried some 300 passengers to Tallin."
)
PAGE = (
    f"<html><head><title>Ferry back</title></head><body><article><p>{PARA}</p>"
    f"<p>{PARA.replace('Monday', 'Tuesday')}</p></article></body></html>"
)


def warc_record(
    block: bytes,
    kind: str = "response",
    uri: str = "https://courier.example/ferry",
    ctype: str = "application/http; msgtype=response",
    version: str = "1.0",
) -> bytes:
    head = (
        f"WARC/{version}\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\n"
        f"WARC-Date: 2025-10-23T08:00:00Z\r\nContent-Type: {ctype}\r\nContent-Length: {len(block)}\r\n\r\n"
    )
    return head.encode() + block + b"\r\n\r\n"


def http(body: bytes, status: str = "200 OK", ctype: str = "text/html; charset=utf-8", extra: str = "") -> bytes:
    return f"HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\n{extra}\r\n".encode() + body


def read(path) -> tuple[list, list[str]]:
    out = list(read_inputs([str(path)]))
    return [x for x in out if not isinstance(x, Failure)], [str(x.error) for x in out if isinstance(x, Failure)]


def test_response_records_gzipped_per_record(tmp_path):
    p = tmp_path / "crawl.warc.gz"
    recs = [
        warc_record(b"software: test\r\n", "warcinfo", ctype="application/warc-fields"),
        warc_record(b"GET /ferry HTTP/1.1\r\n\r\n", "request", ctype="application/http; msgtype=request"),
        warc_record(http(PAGE.encode())),
        warc_record(http(PAGE.encode(), "404 Not Found"), uri="https://courier.example/gone"),
        warc_record(http(b"\x89PNG...", ctype="image/png"), uri="https://courier.example/a.png"),
    ]
    p.write_bytes(b"".join(gzip.compress(r) for r in recs))
    arts, errs = read(p)
    assert not errs
    [art] = arts
    assert art.source == art.url == "https://courier.example/ferry"
    assert art.text.startswith("The Kessel ferry resumed service on Monday")
    assert art.title == "Ferry back"
    assert art.published is None  # WARC-Date is when it was crawled, not published


def test_chunked_gzip_encoded_latin1_and_resource_records(tmp_path):
    latin = PAGE.replace("Veridia", "Véridia").replace("utf-8", "iso-8859-1").encode("latin-1")
    chunked = b"".join(b"%x\r\n%s\r\n" % (len(c), c) for c in (latin[:100], latin[100:])) + b"0\r\n\r\n"
    gz = zlib.compress(PAGE.encode(), wbits=31)
    recs = [
        warc_record(
            http(chunked, ctype="text/html; charset=iso-8859-1", extra="Transfer-Encoding: chunked\r\n"),
            uri="https://a.example/1",
        ),
        warc_record(http(gz, extra="Content-Encoding: gzip\r\n"), uri="https://a.example/2", version="0.18"),
        warc_record(PAGE.encode(), "resource", uri="https://a.example/3", ctype="text/html; charset=utf-8"),
        warc_record(b"", "revisit", uri="https://a.example/4"),
    ]
    p = tmp_path / "crawl.warc"
    p.write_bytes(b"".join(recs))
    arts, errs = read(p)
    assert not errs
    assert [a.source for a in arts] == ["https://a.example/1", "https://a.example/2", "https://a.example/3"]
    assert "Véridia" in arts[0].text
    assert all(a.text.startswith("The Kessel ferry") for a in arts)


def test_arc_file(tmp_path):
    body = http(PAGE.encode())
    arc = (
        b"filedesc://crawl.arc 0.0.0.0 20251023080000 text/plain 9\n1 0 Test\n\n"
        + b"https://arc.example/ferry 192.0.2.1 20251023080000 text/html %d\n" % len(body)
        + body
        + b"\n"
    )
    p = tmp_path / "crawl.arc.gz"
    p.write_bytes(gzip.compress(arc))
    arts, errs = read(p)
    assert not errs and [a.source for a in arts] == ["https://arc.example/ferry"]


def test_truncated_and_malformed_archives(tmp_path):
    whole = warc_record(http(PAGE.encode()))
    (tmp_path / "cut.warc").write_bytes(warc_record(http(PAGE.encode()), uri="https://a.example/ok") + whole[:-200])
    arts, errs = read(tmp_path / "cut.warc")
    assert [a.source for a in arts] == ["https://a.example/ok"]
    assert len(errs) == 1 and errs[0].startswith("NL111:") and "cut.warc#2" in errs[0]

    (tmp_path / "cut.warc.gz").write_bytes(gzip.compress(whole)[:-30])
    _, errs = read(tmp_path / "cut.warc.gz")
    assert len(errs) == 1 and errs[0].startswith("NL111:") and "cut.warc.gz" in errs[0]

    (tmp_path / "junk.warc").write_bytes(b"this is not an archive at all\n")
    _, errs = read(tmp_path / "junk.warc")
    assert len(errs) == 1 and errs[0].startswith("NL111:") and "junk.warc#1" in errs[0]

    (tmp_path / "nolength.warc").write_bytes(b"WARC/1.0\r\nWARC-Type: response\r\n\r\nbody\r\n\r\n")
    _, errs = read(tmp_path / "nolength.warc")
    assert len(errs) == 1 and errs[0].startswith("NL111:") and "Content-Length" in errs[0]


def test_oversized_record_is_skipped_and_the_next_read(tmp_path, monkeypatch):
    monkeypatch.setattr(readers, "MAX_ARTICLE_BYTES", 2000)
    big = http(PAGE.encode() + b"<!--" + b"x" * 5000 + b"-->")
    p = tmp_path / "big.warc"
    p.write_bytes(warc_record(big, uri="https://a.example/big") + warc_record(http(PAGE.encode())))
    arts, errs = read(p)
    assert len(errs) == 1 and errs[0].startswith("NL107:") and "big.warc#1" in errs[0]
    assert [a.source for a in arts] == ["https://courier.example/ferry"]


def test_shared_warc_quirk_files(shared_data):
    folder = shared_data / "warc"
    if not folder.is_dir():
        pytest.skip(f"needs {folder}, which is absent")
    expect = {
        "warcio/example.warc": 1,
        "warcio/example.warc.gz": 1,
        "warcio/example.arc.gz": 1,
        "warcio/example-iana.org-chunked.warc": 1,
        "warcio/example-resource.warc.gz": 1,
        "resiliparse/block-sized-records.warc.gz": 0,
    }
    for name, n in expect.items():
        arts, errs = read(folder / name)
        assert not errs and len(arts) == n, (name, errs)
    arts, errs = read(folder / "resiliparse" / "clueweb-quirk.warc.gz")  # WARC/0.18, EUC-JP, gzip bodies
    assert not errs and len(arts) >= 20
    assert all("\ufffd" not in a.text for a in arts)
    _, errs = read(folder / "resiliparse" / "clipped.warc.gz")
    assert len(errs) == 1 and errs[0].startswith("NL111:")
