"""Formats and fields that read_inputs accepts, and stable article ids."""

from __future__ import annotations

import gzip
import io
import json
from datetime import date

from newsledger.errors import Failure
from newsledger.ingest import read_inputs
from newsledger.ingest.ids import article_id
from newsledger.ingest.readers import parse_date, read_stdin

TEXT = (
    "Floodwater reached the old town of Brenn on Tuesday, the Veridian interior ministry said, "
    "and some 400 residents spent the night in a school gym.\n\n"
    '"We expect the river to fall by Thursday," said Lina Marsh, the town\'s mayor.\n'
)

PAGE = """<!DOCTYPE html><html lang="en"><head>
<title>Floodwater reaches Brenn | Veridia Courier</title>
<meta property="og:title" content="Floodwater reaches Brenn">
<meta property="og:url" content="https://courier.example/2025/10/23/brenn-flood">
<link rel="canonical" href="https://courier.example/2025/10/23/brenn-flood">
<meta property="article:published_time" content="2025-10-23T08:00:00Z">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<article><h1>Floodwater reaches Brenn</h1>
<p>Floodwater reached the old town of Brenn on Tuesday, the Veridian interior ministry said, and some
400 residents spent the night in a school gym while volunteers filled sandbags along the quay.</p>
<p>"We expect the river to fall by Thursday," said Lina Marsh, the town's mayor, who asked residents
of the lower streets to stay with relatives until the water has gone down.</p>
<p>READ MORE: Kessel bridge to reopen in spring</p>
<p>The ministry said a second pumping station would be running by the weekend, and that damage to
the quay walls would be assessed once the river had fallen below its spring level.</p>
</article>
<aside><h2>Most read</h2><ul><li><a href="/a">Tallin port strike enters second week</a></li>
<li><a href="/b">Lynford festival cancelled</a></li></ul></aside>
<footer><p>Copyright Veridia Courier. All rights reserved.</p></footer>
</body></html>"""


def articles(items):
    out = list(items)
    assert not [x for x in out if isinstance(x, Failure)], out
    return out


def test_text_file_is_verbatim(tmp_path):
    p = tmp_path / "brenn.txt"
    p.write_text(TEXT, encoding="utf-8")
    [art] = articles(read_inputs([str(p)], published=date(2025, 10, 23)))
    assert art.text == TEXT and art.source == str(p) and art.published == date(2025, 10, 23)
    assert art.body_end is None


def test_html_main_text_and_metadata(tmp_path):
    p = tmp_path / "brenn.html"
    p.write_text(PAGE, encoding="utf-8")
    [art] = articles(read_inputs([str(p)], published=date(2020, 1, 1)))
    assert art.text.startswith("Floodwater reached the old town of Brenn")
    assert "pumping station" in art.text
    for furniture in ("Home", "Most read", "Tallin port", "READ MORE", "All rights reserved"):
        assert furniture not in art.text
    assert not art.text.startswith("Floodwater reaches Brenn")  # the title is metadata, not body
    assert art.title and "Floodwater reaches Brenn" in art.title
    assert art.published == date(2025, 10, 23)  # the page's own date wins over --published
    assert art.url == "https://courier.example/2025/10/23/brenn-flood"


def test_html_body_split_in_chunks_is_joined(tmp_path):
    # Some sites cut the body into same-class containers with ads between; all parts are the article.
    tail = (
        "while volunteers kept filling sandbags through the night and the river kept rising along the "
        "old quay walls of the town"
    )
    chunks = "".join(
        '<div class="row"><div class="article-body">'
        + "".join(
            f"<p>Part {c}.{n} of the Brenn flood report: the water rose street by street, {tail}.</p>" for n in range(4)
        )
        + '</div><div class="ad-rail">Advertisement</div></div>'
        for c in range(3)
    )
    p = tmp_path / "chunks.html"
    p.write_text(
        f"<html><head><title>Brenn flood</title></head><body><article>{chunks}</article></body></html>",
        encoding="utf-8",
    )
    [art] = articles(read_inputs([str(p)]))
    assert [f"Part {c}.{n} " in art.text for c in range(3) for n in range(4)] == [True] * 12
    assert "Advertisement" not in art.text


def test_directory_is_recursive_sorted_and_skips_hidden(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("Zeta story text.\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Alpha story text.\n", encoding="utf-8")
    (tmp_path / "b" / "c.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / ".cache").mkdir()
    (tmp_path / ".cache" / "x.txt").write_text("Hidden.\n", encoding="utf-8")
    (tmp_path / "notes.md").write_text("Not an article type.\n", encoding="utf-8")
    got = articles(read_inputs([str(tmp_path)]))
    assert [a.source for a in got] == [
        str(tmp_path / "a.txt"),
        str(tmp_path / "b" / "c.html"),
        str(tmp_path / "b" / "z.txt"),
    ]


def test_jsonl_contract_and_corpus_fields(tmp_path):
    rows = [
        {"text": TEXT, "title": "Brenn", "published": "2025-10-23", "url": "https://x.example/1", "source": "courier"},
        {"content_original": "Second story.", "date": "2016-09-20", "url": "https://x.example/2"},
        {"content": "Third story.", "date_publish": "2017-01-02 10:00:00", "id": "n-3"},
        {"body": "Fourth story.", "date": "Tue, 19 Nov 2019 08:57:40 +0100"},
        {"html": PAGE, "title": "Given title", "source": "page"},
    ]
    p = tmp_path / "a.jsonl"
    p.write_text("\n".join(json.dumps(r) for r in rows) + "\n\n", encoding="utf-8")
    got = articles(read_inputs([str(p)]))
    assert [a.source for a in got] == ["courier", "https://x.example/2", "n-3", f"{p}:4", "page"]
    assert [a.published for a in got] == [
        date(2025, 10, 23),
        date(2016, 9, 20),
        date(2017, 1, 2),
        date(2019, 11, 19),
        date(2025, 10, 23),
    ]
    assert got[0].text == TEXT and got[0].title == "Brenn" and got[0].url == "https://x.example/1"
    assert got[4].title == "Given title" and "pumping station" in got[4].text


def test_jsonl_gz(tmp_path):
    p = tmp_path / "a.jsonl.gz"
    with gzip.open(p, "wt", encoding="utf-8") as f:
        f.write(json.dumps({"text": TEXT}) + "\n" + json.dumps({"text": "Other story."}) + "\n")
    got = articles(read_inputs([str(p)]))
    assert [a.text for a in got] == [TEXT, "Other story."]


def test_stdin_text_html_and_jsonl():
    [t] = articles(read_stdin(stream=io.BytesIO(TEXT.encode())))
    assert t.text == TEXT and t.source == "-"
    [h] = articles(read_stdin(stream=io.BytesIO(PAGE.encode())))
    assert "pumping station" in h.text
    lines = (json.dumps({"text": "One story."}) + "\n" + json.dumps({"text": "Two story."}) + "\n").encode()
    got = articles(read_stdin(stream=io.BufferedReader(io.BytesIO(lines))))
    assert [a.text for a in got] == ["One story.", "Two story."]
    assert articles(read_stdin(stream=io.BytesIO(lines)))[1].source == "-:2"


def test_same_article_twice_gets_same_id(tmp_path):
    (tmp_path / "one.txt").write_text(TEXT, encoding="utf-8")
    reflowed = "  " + TEXT.replace("\n\n", "\r\n  \r\n").replace(" ", "  ").replace("\n", "\r\n") + "\n\n"
    (tmp_path / "two.txt").write_bytes(reflowed.encode("utf-8"))
    p = tmp_path / "three.jsonl"
    p.write_text(json.dumps({"text": TEXT.replace("\n", " ")}) + "\n", encoding="utf-8")
    got = articles(read_inputs([str(tmp_path / "one.txt"), str(tmp_path / "two.txt"), str(p)]))
    assert len({a.id for a in got}) == 1
    assert article_id(TEXT) != article_id(TEXT.replace("400", "500"))


def test_id_ignores_unicode_composition():
    assert article_id("Caf\u00e9 in Brenn") == article_id("Cafe\u0301 in Brenn")


def test_parse_date_forms():
    assert parse_date("2025-10-23T08:00:00Z") == date(2025, 10, 23)
    assert parse_date("2025/10/23") == date(2025, 10, 23)
    assert parse_date("October 23, 2025") == date(2025, 10, 23)
    assert parse_date("23 Oct 2025") == date(2025, 10, 23)
    assert parse_date("Thu, 23 Oct 2025 08:00:00 GMT") == date(2025, 10, 23)
    assert parse_date("10/23/25") is None  # numeric orders are ambiguous: not guessed
    assert parse_date("soon") is None and parse_date(20251023) is None
