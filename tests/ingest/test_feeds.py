"""Feeds (RSS, Atom, JSON Feed) and .json article files."""

from __future__ import annotations

import json
from datetime import date

import pytest

from newsledger.errors import Failure
from newsledger.ingest import read_inputs
from newsledger.ingest.feeds import fragment_text

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Veridia Courier</title><link>https://courier.example/</link>
<item>
  <title>Ferry back after strike</title>
  <link>https://courier.example/ferry</link>
  <guid isPermaLink="false">c-1</guid>
  <pubDate>Thu, 23 Oct 2025 08:00:00 +0000</pubDate>
  <description>Short teaser.</description>
  <content:encoded><![CDATA[<p>The Kessel ferry resumed service on Monday, the port said.</p>
  <p>Some 300 passengers crossed<br>to Tallin.</p><script>track()</script>]]></content:encoded>
</item>
<item>
  <title>Council meets</title>
  <guid>c-2</guid>
  <description>Brenn council met on &lt;b&gt;Wednesday&lt;/b&gt;, its clerk said.</description>
</item>
<item><title>Link only</title><link>https://courier.example/link-only</link></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Veridia Wire</title>
<entry>
  <title type="html">Dam &lt;em&gt;gives way&lt;/em&gt;</title>
  <link rel="self" href="https://wire.example/api/1"/>
  <link rel="alternate" href="https://wire.example/dam"/>
  <id>urn:wire:1</id>
  <published>2025-10-20T06:00:00Z</published>
  <updated>2025-10-21T06:00:00Z</updated>
  <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>The Orvin dam gave way on Sunday.</p><p>Three villages were flooded.</p></div></content>
</entry>
<entry>
  <title>Plain entry</title>
  <id>urn:wire:2</id>
  <summary type="text">Rescue teams reached Brenn &lt;by boat&gt;.</summary>
</entry>
</feed>"""

JSON_FEED = {
    "version": "https://jsonfeed.org/version/1.1",
    "title": "Courier",
    "items": [
        {
            "id": "j-1",
            "url": "https://courier.example/j1",
            "title": "Port reopens",
            "content_html": "<p>The port reopened on Tuesday.</p><p>Queues formed early.</p>",
            "date_published": "2025-10-22T10:00:00-04:00",
        },
        {"id": "j-2", "title": "Text item", "content_text": "Plain text body, kept as is."},
        {"id": "j-3", "title": "No text"},
    ],
}


def split(items):
    out = list(items)
    return [x for x in out if not isinstance(x, Failure)], [str(x.error) for x in out if isinstance(x, Failure)]


def test_rss_items(tmp_path):
    p = tmp_path / "courier.rss"
    p.write_text(RSS, encoding="utf-8")
    arts, errs = split(read_inputs([str(p)], published=date(2000, 1, 1)))
    assert not errs
    first, second = arts
    assert first.source == first.url == "https://courier.example/ferry"
    assert first.title == "Ferry back after strike" and first.published == date(2025, 10, 23)
    assert (
        first.text
        == "The Kessel ferry resumed service on Monday, the port said.\n\nSome 300 passengers crossed\nto Tallin."
    )
    assert second.source == "c-2" and second.published == date(2000, 1, 1)
    assert second.text == "Brenn council met on Wednesday, its clerk said."


def test_atom_entries(tmp_path):
    p = tmp_path / "wire.atom"
    p.write_text(ATOM, encoding="utf-8")
    arts, errs = split(read_inputs([str(p)]))
    assert not errs
    dam, plain = arts
    assert dam.source == "https://wire.example/dam" and dam.title == "Dam gives way"
    assert dam.text == "The Orvin dam gave way on Sunday.\n\nThree villages were flooded."
    assert dam.published == date(2025, 10, 20)  # published, not updated
    assert plain.source == "urn:wire:2" and plain.text == "Rescue teams reached Brenn <by boat>."


def test_json_feed(tmp_path):
    p = tmp_path / "feed.json"
    p.write_text(json.dumps(JSON_FEED), encoding="utf-8")
    arts, errs = split(read_inputs([str(p)]))
    assert not errs
    assert [a.source for a in arts] == ["https://courier.example/j1", "j-2"]
    assert arts[0].text == "The port reopened on Tuesday.\n\nQueues formed early."
    assert arts[0].published == date(2025, 10, 22)
    assert arts[1].text == "Plain text body, kept as is."


def test_json_article_files(tmp_path):
    one = {
        "title": "Brenn flood",
        "text": "Floodwater reached Brenn on Tuesday.",
        "date_publish": "2025-10-21 09:00:00",
        "url": "https://courier.example/flood",
        "source_domain": "courier.example",
    }
    (tmp_path / "one.json").write_text(json.dumps(one), encoding="utf-8")
    (tmp_path / "many.json").write_text(
        json.dumps([{"text": "First."}, {"title": "no text"}, {"text": "Third."}]), encoding="utf-8"
    )
    arts, errs = split(read_inputs([str(tmp_path / "one.json"), str(tmp_path / "many.json")]))
    assert [a.source for a in arts] == [
        "https://courier.example/flood",
        f"{tmp_path / 'many.json'}[0]",
        f"{tmp_path / 'many.json'}[2]",
    ]
    assert arts[0].published == date(2025, 10, 21) and arts[0].title == "Brenn flood"
    assert len(errs) == 1 and errs[0].startswith("NL108:") and "many.json[1]" in errs[0]


def test_bad_feeds(tmp_path):
    cases = {
        "broken.rss": "<rss><channel><item><title>x",
        "html.rss": "<html><body>hi</body></html>",
        "empty.atom": "",
        "titles.rss": "<rss><channel><item><title>Only a title</title></item></channel></rss>",
        "bad.json": "{not json",
        "entity.rss": '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM '
        '"file:///etc/passwd">]><rss><channel><item><description>&x;</description></item></channel></rss>',
    }
    for name, body in cases.items():
        (tmp_path / name).write_text(body, encoding="utf-8")
    got = {}
    for name in cases:
        arts, errs = split(read_inputs([str(tmp_path / name)]))
        assert not arts and len(errs) == 1, (name, arts, errs)
        assert name in errs[0]
        got[name] = errs[0].split(":")[0]
    assert got == {
        "broken.rss": "NL112",
        "html.rss": "NL112",
        "empty.atom": "NL103",
        "titles.rss": "NL112",
        "bad.json": "NL108",
        "entity.rss": "NL112",
    }


def test_fragment_text():
    assert (
        fragment_text("<h2>Head</h2>Loose <i>inline</i> text<ul><li>one</li><li>two</li></ul>")
        == "Head\n\nLoose inline text\n\none\n\ntwo"
    )
    assert fragment_text("no tags at all") == "no tags at all"


def test_shared_feeds(shared_data):
    folder = shared_data / "feeds"
    if not folder.is_dir():
        pytest.skip(f"needs {folder}, which is absent")
    arts, errs = split(read_inputs([str(folder)]))
    assert not errs and len(arts) >= 3
    assert all(a.text.strip() and a.source for a in arts)


def test_feed_title_is_the_outlet_and_summaries_do_not_merge_entries(tmp_path):
    # Two entries with new titles and links but the very same summary: two articles, not one "duplicate".
    atom = (
        '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Brenn Evening News</title>'
        '<entry><id>urn:x:1</id><title>Bridge closed for repairs</title><link href="https://brenn.example/1"/>'
        "<summary>Live updates from Brenn on roads, weather and the council.</summary></entry>"
        '<entry><id>urn:x:2</id><title>Council approves budget</title><link href="https://brenn.example/2"/>'
        "<summary>Live updates from Brenn on roads, weather and the council.</summary></entry></feed>"
    )
    path = tmp_path / "live.atom"
    path.write_text(atom)
    arts = [a for a in read_inputs([str(path)]) if not isinstance(a, Failure)]
    assert [a.title for a in arts] == ["Bridge closed for repairs", "Council approves budget"]
    assert len({a.id for a in arts}) == 2
    assert {a.outlet for a in arts} == {"Brenn Evening News"}
    # Full content is the article itself: the same content under two links is one text, one id.
    full = atom.replace("<summary>", '<content type="text">').replace("</summary>", "</content>")
    path.write_text(full)
    assert len({a.id for a in read_inputs([str(path)]) if not isinstance(a, Failure)}) == 1
