"""Bad input: each gets a coded message naming the input (and line), and the rest is still read."""

from __future__ import annotations

import gzip
import io
import json
import tracemalloc

import pytest

from newsledger.errors import CODES, Failure
from newsledger.ingest import read_inputs, readers
from newsledger.ingest.readers import bounded_lines, read_jsonl_lines, read_stdin

GOOD = "The Kessel ferry resumed service on Monday after a two-week strike, the port authority said.\n"
PAGE_WITHOUT_ARTICLE = (
    "<html><head><title>Veridia Courier</title></head><body><nav><ul>"
    "<li><a href='/'>Home</a></li><li><a href='/w'>World</a></li></ul></nav>"
    "<footer>Contact</footer></body></html>"
)
FIFTY_MB = 50 * 2**20


def failures(items) -> list[str]:
    return [str(x.error) for x in items if isinstance(x, Failure)]


def only_failure(items, code: str, *needles: str) -> str:
    [msg] = failures(items)
    assert msg.startswith(code + ":"), msg
    for needle in needles:
        assert needle in msg, msg
    return msg


def test_codes_are_registered():
    for code in ("NL101", "NL102", "NL103", "NL104", "NL105", "NL106", "NL107", "NL108", "NL109", "NL110"):
        assert code in CODES


def test_missing_path(tmp_path):
    only_failure(read_inputs([str(tmp_path / "nope.txt")]), "NL101", "nope.txt", "does not exist")


def test_directory_without_articles(tmp_path):
    (tmp_path / "notes.md").write_text("not an article", encoding="utf-8")
    only_failure(read_inputs([str(tmp_path)]), "NL102", str(tmp_path))


def test_empty_and_blank_files(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b" \n\t\n")
    for name in ("empty.txt", "blank.txt"):
        only_failure(read_inputs([str(tmp_path / name)]), "NL103", name)


def test_binary_file(tmp_path):
    (tmp_path / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 20)
    only_failure(read_inputs([str(tmp_path / "photo.txt")]), "NL104", "photo.txt")


def test_invalid_utf8_names_the_line(tmp_path):
    (tmp_path / "latin1.txt").write_bytes("First line.\nThe caf\u00e9 in Brenn.\n".encode("latin-1"))
    only_failure(read_inputs([str(tmp_path / "latin1.txt")]), "NL105", "latin1.txt", "line 2", "0xe9")


def test_utf16_is_named(tmp_path):
    (tmp_path / "wide.txt").write_bytes("The ferry resumed service.\n".encode("utf-16"))
    only_failure(read_inputs([str(tmp_path / "wide.txt")]), "NL105", "wide.txt", "UTF-16")


def test_html_without_article(tmp_path):
    (tmp_path / "index.html").write_text(PAGE_WITHOUT_ARTICLE, encoding="utf-8")
    (tmp_path / "blank.html").write_text("<html><body></body></html>", encoding="utf-8")
    for name in ("index.html", "blank.html"):
        only_failure(read_inputs([str(tmp_path / name)]), "NL106", name)


def test_unsupported_file_type(tmp_path):
    (tmp_path / "a.pdf").write_bytes(b"%PDF-1.4")
    only_failure(read_inputs([str(tmp_path / "a.pdf")]), "NL109", "a.pdf")


def test_fifty_mb_file_is_refused_without_reading_it(tmp_path):
    big = tmp_path / "big.txt"
    with open(big, "wb") as f:
        f.truncate(FIFTY_MB)  # sparse: costs no disk
    tracemalloc.start()
    try:
        out = list(read_inputs([str(big)]))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    only_failure(out, "NL107", "big.txt", "50.0 MB")
    assert peak < 2**20


class LazyStream(io.RawIOBase):
    """A stream of `parts` ((byte string, times)) that never exists in memory whole."""

    def __init__(self, parts):
        self.parts = [list(p) for p in parts]

    def readable(self):
        return True

    def readinto(self, buf):
        while self.parts and self.parts[0][1] == 0:
            self.parts.pop(0)
        if not self.parts:
            return 0
        chunk, times = self.parts[0]
        k = max(1, min(times, len(buf) // len(chunk)))
        data = chunk * k
        buf[: len(data)] = data
        self.parts[0][1] -= k
        return len(data)


def bounded_peak(fn):
    # The language model is loaded once per process (about 100 MB, bench/language.py): not a cost of one input.
    from newsledger.ingest.language import detect

    detect("A sentence long enough for the language model to be loaded before memory is measured.")
    tracemalloc.start()
    try:
        result = fn()
        return result, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_fifty_mb_stdin_is_refused_after_the_limit():
    stream = io.BufferedReader(LazyStream([(b"word ", FIFTY_MB // 5)]))
    out, peak = bounded_peak(lambda: list(read_stdin(stream=stream)))
    only_failure(out, "NL107", "'-'")
    assert peak < readers.MAX_ARTICLE_BYTES * 2.5


def test_fifty_mb_jsonl_line_is_skipped_and_the_next_line_read():
    stream = io.BufferedReader(
        LazyStream(
            [(b'{"text": "', 1), (b"a", FIFTY_MB), (b'"}\n', 1), (json.dumps({"text": GOOD}).encode() + b"\n", 1)]
        )
    )
    out, peak = bounded_peak(lambda: list(read_jsonl_lines(bounded_lines(stream), "big.jsonl")))
    only_failure(out, "NL107", "big.jsonl:1")
    assert [a.text for a in out if not isinstance(a, Failure)] == [GOOD]
    assert peak < readers.MAX_ARTICLE_BYTES * 2.5


def test_jsonl_bad_lines_are_reported_by_line_and_the_rest_read(tmp_path):
    lines = [
        json.dumps({"text": GOOD}).encode(),
        b'{"text": "unterminated',
        b"[1, 2, 3]",
        b'"just a string"',
        json.dumps({"title": "No text here", "url": "https://x.example/a"}).encode(),
        json.dumps({"text": "   "}).encode(),
        b'{"text": "caf\xe9"}',
        b"",
        json.dumps({"content": "The last line is fine."}).encode(),
    ]
    p = tmp_path / "feed.jsonl"
    p.write_bytes(b"\n".join(lines) + b"\n")
    out = list(read_inputs([str(p)]))
    msgs = failures(out)
    assert [m.split(":")[0] for m in msgs] == ["NL108", "NL108", "NL108", "NL108", "NL108", "NL105"]
    for msg, n in zip(msgs, (2, 3, 4, 5, 6, 7)):
        assert f"feed.jsonl:{n}'" in msg, msg
    assert "not valid JSON" in msgs[0] and "list" in msgs[1] and "no article text" in msgs[3]
    assert [a.text for a in out if not isinstance(a, Failure)] == [GOOD, "The last line is fine."]


def test_corrupt_gzip(tmp_path):
    (tmp_path / "a.jsonl.gz").write_bytes(b"not gzip at all\n")
    only_failure(read_inputs([str(tmp_path / "a.jsonl.gz")]), "NL110", "a.jsonl.gz")
    whole = gzip.compress(((json.dumps({"text": GOOD}) + "\n") * 50).encode())
    (tmp_path / "cut.jsonl.gz").write_bytes(whole[: len(whole) // 2])
    out = list(read_inputs([str(tmp_path / "cut.jsonl.gz")]))
    assert failures(out) and failures(out)[0].startswith("NL110")


def test_long_line_limit_in_a_real_file(tmp_path, monkeypatch):
    monkeypatch.setattr(readers, "MAX_ARTICLE_BYTES", 1000)
    p = tmp_path / "a.jsonl"
    p.write_text(json.dumps({"text": "x " * 2000}) + "\n" + json.dumps({"text": GOOD}) + "\n", encoding="utf-8")
    out = list(read_inputs([str(p)]))
    only_failure(out, "NL107", "a.jsonl:1")
    assert [a.text for a in out if not isinstance(a, Failure)] == [GOOD]


@pytest.fixture
def bad_inputs(tmp_path):
    """A good article first and last, with every kind of bad input between."""
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "nothing").mkdir()
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "latin1.txt").write_bytes("caf\u00e9\n".encode("latin-1"))
    (tmp_path / "index.html").write_text(PAGE_WITHOUT_ARTICLE, encoding="utf-8")
    with open(tmp_path / "big.txt", "wb") as f:
        f.truncate(FIFTY_MB)
    (tmp_path / "mixed.jsonl").write_text(
        json.dumps({"text": "The port reopened on Tuesday, officials said."}) + '\n{oops\n[1]\n{"title": "x"}\n',
        encoding="utf-8",
    )
    (tmp_path / "last.txt").write_text("Brenn council met on Wednesday, its clerk said.\n", encoding="utf-8")
    names = [
        "good.txt",
        "missing.txt",
        "nothing",
        "empty.txt",
        "binary.txt",
        "latin1.txt",
        "index.html",
        "big.txt",
        "mixed.jsonl",
        "last.txt",
    ]
    return [str(tmp_path / n) for n in names]


EXPECTED = [
    ("NL101", "missing.txt"),
    ("NL102", "nothing"),
    ("NL103", "empty.txt"),
    ("NL104", "binary.txt"),
    ("NL105", "latin1.txt"),
    ("NL106", "index.html"),
    ("NL107", "big.txt"),
    ("NL108", "mixed.jsonl:2"),
    ("NL108", "mixed.jsonl:3"),
    ("NL108", "mixed.jsonl:4"),
]


def test_every_bad_input_through_read_inputs(bad_inputs):
    out = list(read_inputs(bad_inputs))
    msgs = failures(out)
    assert [(m.split(":")[0], name) for m, (_, name) in zip(msgs, EXPECTED)] == [(c, n) for c, n in EXPECTED]
    assert all(name in m for m, (_, name) in zip(msgs, EXPECTED))
    good = [a for a in out if not isinstance(a, Failure)]
    assert [a.source.rsplit("/", 1)[-1] for a in good] == ["good.txt", "mixed.jsonl:1", "last.txt"]


def test_every_bad_input_through_the_cli(bad_inputs):
    from click.testing import CliRunner

    from newsledger.cli import main

    result = CliRunner().invoke(main, ["extract", *bad_inputs, "--published", "2025-10-23"])
    assert result.exit_code == 1, result.output
    printed = [json.loads(line)["article"] for line in result.stdout.splitlines() if line.strip()]
    assert [a["source"].rsplit("/", 1)[-1] for a in printed] == ["good.txt", "mixed.jsonl:1", "last.txt"]
    assert all(a["published"] == "2025-10-23" for a in printed)
    errors = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(errors) == len(EXPECTED), result.stderr
    for line, (code, name) in zip(errors, EXPECTED):
        assert line.startswith(f"newsledger: {code}:") and name in line, line


def test_stdin_jsonl_with_a_bad_line_through_the_cli():
    from click.testing import CliRunner

    from newsledger.cli import main

    data = json.dumps({"text": GOOD}) + "\n{oops\n"
    result = CliRunner().invoke(main, ["extract", "-"], input=data.encode())
    assert result.exit_code == 1
    [line] = [ln for ln in result.stdout.splitlines() if ln.strip()]
    assert json.loads(line)["article"]["source"] == "-:1"
    assert result.stderr.startswith("newsledger: NL108: '-:2'")
