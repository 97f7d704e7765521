"""Hostile inputs (issue 18): each is a coded failure for that input, never a traceback or a hang, and the
good inputs around it are read."""

from __future__ import annotations

import gzip
import json
import os
import threading
import time
import zlib

import pytest

from newsledger.errors import Failure
from newsledger.ingest import read_inputs, readers
from newsledger.ingest.warc import _dechunk

GOOD = "The Kessel ferry resumed service on Monday after a two-week strike, the port authority said.\n"
PAGE = (
    "<html><head><title>Ferry strike ends</title></head><body><article><p>"
    + "The Kessel ferry resumed service on Monday after a two-week strike, the port authority said. " * 3
    + "</p></article></body></html>"
)


def read(*paths) -> list:
    return list(read_inputs([str(p) for p in paths]))


def codes(items) -> list[str]:
    return [x.error.code for x in items if isinstance(x, Failure)]


def texts(items) -> list[str]:
    return [x.text for x in items if not isinstance(x, Failure)]


def between_good(tmp_path, name: str, data: bytes) -> list:
    """`data` as file `name` between two good articles; both good ones must come through."""
    (tmp_path / "a_good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / name).write_bytes(data)
    (tmp_path / "z_good.txt").write_text(GOOD.replace("Monday", "Tuesday"), encoding="utf-8")
    out = read(tmp_path / "a_good.txt", tmp_path / name, tmp_path / "z_good.txt")
    assert texts(out)[0] == GOOD and texts(out)[-1] == GOOD.replace("Monday", "Tuesday"), out
    return out


def warc(http: bytes, uri: str = "http://example.org/a") -> bytes:
    head = (
        "WARC/1.0\r\nWARC-Type: response\r\n"
        f"WARC-Target-URI: {uri}\r\nContent-Type: application/http; msgtype=response\r\n"
        f"Content-Length: {len(http)}\r\n\r\n"
    )
    return head.encode() + http + b"\r\n\r\n"


def test_a_huge_json_integer_is_nl141(tmp_path):
    line = b'{"text": "A ferry sank.", "n": ' + b"9" * 5000 + b"}\n"
    out = between_good(tmp_path, "big.jsonl", line)
    assert codes(out) == ["NL141"] and "5000 digits" in str(out[1].error)


@pytest.mark.parametrize("name", ["deep.jsonl", "deep.json"])
def test_deep_nesting_is_nl141(tmp_path, name):
    assert codes(between_good(tmp_path, name, b"[" * 100_000 + b"\n")) == ["NL141"]


def test_lone_surrogates_are_replaced(tmp_path):
    line = b'{"text": "The dam \\ud800 held on Monday, engineers said.", "title": "Dam \\udc00 holds"}\n'
    out = between_good(tmp_path, "s.jsonl", line)
    [art] = [a for a in out if not isinstance(a, Failure) and "dam" in a.text]
    assert "\ufffd" in art.text and art.title == "Dam \ufffd holds"
    art.text.encode("utf-8")  # storable and printable


def test_a_non_utf8_file_name_is_shown_with_its_byte(tmp_path):
    name = os.path.join(os.fsencode(tmp_path), b"caf\xe9.txt")
    with open(name, "wb") as f:
        f.write(GOOD.encode())
    [art] = read(tmp_path)
    assert art.source.endswith("caf\\xe9.txt")
    art.source.encode("utf-8")


def test_json_feed_url_as_a_list(tmp_path):
    feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "items": [{"id": "7", "url": ["a", "b"], "date_published": ["x"], "content_text": GOOD}],
    }
    out = between_good(tmp_path, "feed.json", json.dumps(feed).encode())
    assert [a.source for a in out if not isinstance(a, Failure)][1] == "7"
    assert all(a.url is None or isinstance(a.url, str) for a in out)


def test_corrupt_deflate_data_is_nl110(tmp_path):
    good = (json.dumps({"text": GOOD}) + "\n").encode()
    raw = zlib.compressobj(9, zlib.DEFLATED, -15)
    body = raw.compress(good) + raw.flush(zlib.Z_FULL_FLUSH)
    bad = b"\xff\xff\xff\xff" * 8  # an invalid deflate block
    header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"
    out = between_good(tmp_path, "c.jsonl.gz", header + body + bad)
    assert codes(out) == ["NL110"] and "corrupt" in str(out[1].error)


def test_warc_content_length_superscript(tmp_path):
    data = b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: \xc2\xb2\r\n\r\nab\r\n\r\n"
    assert codes(between_good(tmp_path, "a.warc", data)) == ["NL111"]


@pytest.mark.parametrize("charset", ["rot13", "base64", "zlib", "idna", "punycode", "uu"])
def test_warc_codec_that_is_no_charset_is_refused(tmp_path, charset):
    page = PAGE.replace("The Kessel ferry", "Caf\u00e9 owners said the Kessel ferry").encode("cp1252")
    http = f"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset={charset}\r\n\r\n".encode() + page
    out = between_good(tmp_path, "a.warc", warc(http))
    assert codes(out) == []
    assert "Caf\u00e9 owners" in texts(out)[1]  # read as cp1252, the fallback


def test_dechunk_without_the_last_chunk_ends():
    assert _dechunk(b"5\r\nabcde") == b"abcde"
    assert _dechunk(b"5\r\nabcde\r\n3\r\nfg") == b"abcdefg"
    assert _dechunk(b"zz-not-hex") == b"" or True  # a ValueError is the caller's; no loop either way


def test_warc_chunked_record_without_its_last_chunk(tmp_path):
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nabcde"
    t = time.monotonic()
    between_good(tmp_path, "a.warc", warc(http))
    assert time.monotonic() - t < 10


def test_content_encoding_bomb_is_nl107(tmp_path, monkeypatch):
    monkeypatch.setattr(readers, "MAX_ARTICLE_BYTES", 2**20)
    bomb = gzip.compress(b"<p>" + b" " * (8 * 2**20) + b"</p>")
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n" + bomb
    assert codes(between_good(tmp_path, "a.warc", warc(http))) == ["NL107"]


def test_gzip_of_newlines_is_quick_and_bounded(tmp_path, monkeypatch):
    # 64 MB of newlines in a 64 KB gzip: read in chunks (no Python step per blank line); stopped at the limit.
    data = gzip.compress(b"\n" * (64 * 2**20) + (json.dumps({"text": GOOD}) + "\n").encode())
    t = time.monotonic()
    out = between_good(tmp_path, "n.jsonl.gz", data)
    assert time.monotonic() - t < 10 and codes(out) == [] and len(texts(out)) == 3
    monkeypatch.setattr(readers, "MAX_STREAM_BYTES", 16 * 2**20)
    assert codes(between_good(tmp_path, "n.jsonl.gz", data)) == ["NL143"]


def test_gzipped_warc_bomb_is_nl143(tmp_path, monkeypatch):
    monkeypatch.setattr(readers, "MAX_STREAM_BYTES", 4 * 2**20)
    data = gzip.compress(warc(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n" + b"x" * (3 * 2**20)) * 3)
    assert codes(between_good(tmp_path, "a.warc.gz", data)) == ["NL143"]


def test_warc_of_blank_lines_or_endless_headers(tmp_path):
    assert codes(between_good(tmp_path, "a.warc", b"\r\n" * 100_000)) == ["NL111"]
    assert codes(between_good(tmp_path, "b.warc", b"WARC/1.0\r\n" + b"X-A: b\r\n" * 5000)) == ["NL111"]


def test_a_fifo_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "x.txt"
    os.mkfifo(fifo)
    done: list = []
    t = threading.Thread(target=lambda: done.append(read(fifo)), daemon=True)
    t.start()
    t.join(10)
    assert done and codes(done[0]) == ["NL142"]


def test_dev_zero_named_txt_is_refused(tmp_path):
    (tmp_path / "x.txt").symlink_to("/dev/zero")
    out = between_good(tmp_path, "y.txt", GOOD.encode())
    assert codes(read(tmp_path / "x.txt")) == ["NL142"] and codes(out) == []
    assert codes(read(tmp_path)) == ["NL142"]  # found by walking a folder too


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("e.jsonl", b""),
        ("b.jsonl", b"\n\n  \n"),
        ("e.jsonl.gz", gzip.compress(b"")),
        ("e.warc", b""),
        ("l.json", b"[]"),
    ],
)
def test_silent_skips_are_nl103(tmp_path, name, data):
    assert codes(between_good(tmp_path, name, data)) == ["NL103"]


def test_the_guard_turns_any_reader_bug_into_nl140(tmp_path, monkeypatch):
    def broken(path, published=None):
        raise KeyError("a bug in a reader")

    monkeypatch.setattr(readers, "read_text_file", broken)
    (tmp_path / "a.jsonl").write_text(json.dumps({"text": GOOD}) + "\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(GOOD, encoding="utf-8")
    out = read(tmp_path / "a.jsonl", tmp_path / "b.txt", tmp_path / "a.jsonl")
    assert codes(out) == ["NL140"] and "KeyError" in str(out[1].error) and len(texts(out)) == 2


def test_a_tag_name_lxml_keeps_but_qname_refuses_is_nl112(tmp_path):
    feed = b"<rss><channel><item><linkVhttps:>x</linkVhttps:><description>" + GOOD.encode() + b"</description></item>"
    out = between_good(tmp_path, "a.rss", feed + b"</channel></rss>")
    assert codes(out) in ([], ["NL112"]) and "NL140" not in codes(out)
