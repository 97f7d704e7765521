"""`watch`: a feed server on 127.0.0.1 whose feed grows between polls; figures follow the new entries."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsledger.ingest.fetch import Fetcher, FetchOptions
from newsledger.store import Ledger, live
from newsledger.store.figures import list_figures
from newsledger.watch import Watcher, WatchOptions, opml_feeds

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent / "newsledger"
# The invented wire stories of samples/ (an outlet each), served as pages.
STORIES = [json.loads(line) for line in (ROOT / "samples" / "wire.jsonl").read_text().splitlines()]


def page(story: dict) -> bytes:
    paras = "".join(f"<p>{p}</p>" for p in story["text"].split("\n\n"))
    return (
        f'<html lang="en"><head><title>{story["title"]}</title>'
        f'<meta property="og:site_name" content="{story["source"]}">'
        f'<meta property="article:published_time" content="{story["published"]}">'
        f"</head><body><article><h1>{story['title']}</h1>{paras}</article></body></html>"
    ).encode()


def rss(site, stories: list[dict], title: str = "Veridia Newswire") -> bytes:
    items = "".join(
        f"<item><title>{s['title']}</title><link>{site.url(f'/story/{i}')}</link>"
        f"<guid>urn:story:{i}</guid><description>Orvin dam coverage.</description></item>"
        for i, s in enumerate(stories)
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title>{items}</channel></rss>'.encode()


def serve(site, n: int, etag: str) -> None:
    """The feed with the first `n` stories; a 304 to a client that has this version."""
    body = rss(site, STORIES[:n])

    def reply():
        if dict(site.requests[-1:])["/feed.xml"].get("if-none-match") == etag:
            return site.Reply(b"", 304, {"ETag": etag})
        return site.Reply(body, headers={"Content-Type": "application/rss+xml", "ETag": etag})

    site.routes["/feed.xml"] = reply
    for i, s in enumerate(STORIES):
        site.routes[f"/story/{i}"] = site.Reply(page(s), headers={"Content-Type": "text/html; charset=utf-8"})


def watcher(site, led, extractor, **kw) -> Watcher:
    fetcher = Fetcher(FetchOptions(allow_private=True, backoff=0.01, retries=kw.pop("retries", 1)))
    return Watcher([site.url("/feed.xml")], led, extractor, fetcher, WatchOptions(every=kw.pop("every", 0.0)))


def dead(led: Ledger) -> set[float]:
    """Every death toll the ledger's figures hold."""
    return {c.value.point for f in list_figures(led) if f.measure == "killed" for c in f.claims if c.value.point}


def test_figures_update_as_new_entries_arrive(site, tmp_path, extractor):
    serve(site, 2, "v1")
    with Ledger(tmp_path / "l.db") as led:
        w = watcher(site, led, extractor)
        first = w.poll()
        assert (first.feeds[0].entries, first.stored) == (2, 2)
        before = dead(led)
        assert 23 in before and 90 not in before
        again = w.poll()  # the same feed: a conditional request, answered 304
        assert again.feeds[0].state == "unchanged" and again.stored == 0
        assert dict(site.requests[-1:])["/feed.xml"]["if-none-match"] == "v1"
        serve(site, 4, "v2")  # two new entries: the Red Cross's toll
        third = w.poll()
        assert (third.feeds[0].entries, third.stored) == (2, 2)
        assert 90 in dead(led) and before <= dead(led)
        assert "4 articles" in third.line() and "2 new entries, 2 stored" in third.line()
        outlets = {a.outlet for a in led.articles()}
        assert outlets == {s["source"] for s in STORIES}  # og:site_name, not the feed's title or a URL
        assert {a.source for a in led.articles()} == {site.url(f"/story/{i}") for i in range(4)}


def test_restart_resumes_without_refetching(site, tmp_path, extractor):
    serve(site, 2, "v1")
    with Ledger(tmp_path / "l.db") as led:
        watcher(site, led, extractor).poll()
    pages = site.hits("/story/0")
    serve(site, 3, "v2")
    with Ledger(tmp_path / "l.db") as led:  # a new process: the state is in the ledger
        rep = watcher(site, led, extractor).poll()
        assert (rep.feeds[0].entries, rep.stored) == (1, 1)
        assert live.feed_state(led, site.url("/feed.xml")).etag == "v2"
    assert site.hits("/story/0") == pages and site.hits("/story/2") == 1


def test_entries_are_identified_by_id_not_summary(site, tmp_path, extractor):
    # Every entry has the same summary; with pages that cannot be had, each entry is its own summary article.
    site.routes["/feed.xml"] = site.Reply(
        b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Valley Notes</title>'
        b'<entry><id>urn:a</id><title>Floods close the pass road</title><link href="/gone/a"/>'
        b"<summary>Latest updates from the valley on the flooding and the rescue work.</summary></entry>"
        b'<entry><id>urn:b</id><title>Schools reopen after the floods</title><link href="/gone/b"/>'
        b"<summary>Latest updates from the valley on the flooding and the rescue work.</summary></entry>"
        b"</feed>",
        headers={"Content-Type": "application/atom+xml"},
    )
    with Ledger(tmp_path / "l.db") as led:
        rep = watcher(site, led, extractor).poll()
        assert rep.stored == 2  # not one dropped as a duplicate of the other
        assert {a.title for a in led.articles()} == {"Floods close the pass road", "Schools reopen after the floods"}
        assert {a.outlet for a in led.articles()} == {"Valley Notes"}  # the feed's title
        assert sorted(f.error.code for f in rep.feeds[0].failures) == ["NL126", "NL126"]  # the 404 pages


def test_failing_feed_backs_off_and_others_go_on(site, tmp_path, extractor):
    serve(site, 1, "v1")
    site.routes["/broken.xml"] = site.Reply(b"", 500)
    with Ledger(tmp_path / "l.db") as led:
        fetcher = Fetcher(FetchOptions(allow_private=True, backoff=0.01, retries=0))
        now = [1000.0]
        w = Watcher(
            [site.url("/broken.xml"), site.url("/feed.xml")],
            led,
            extractor,
            fetcher,
            WatchOptions(every=60),
            clock=lambda: now[0],
        )
        rep = w.poll()
        assert [f.state for f in rep.feeds] == ["failed", "new"] and rep.stored == 1
        assert rep.feeds[0].failures[0].error.code == "NL130"
        assert live.feed_state(led, site.url("/broken.xml")).next_poll == 1000 + 120  # every x 2
        now[0] += 61
        rep = w.poll()
        assert [f.state for f in rep.feeds] == ["waiting", "unchanged"]
        now[0] += 60
        w.poll()
        assert live.feed_state(led, site.url("/broken.xml")).failures == 2
        assert live.feed_state(led, site.url("/broken.xml")).next_poll == now[0] + 240


def test_opml_lists_feeds(tmp_path):
    opml = (
        b'<?xml version="1.0"?><opml version="2.0"><body><outline text="news">'
        b'<outline type="rss" text="A" xmlUrl="https://a.example/feed"/>'
        b'<outline type="rss" text="B" xmlUrl="https://b.example/atom"/></outline></body></opml>'
    )
    assert opml_feeds(opml, "f.opml") == ["https://a.example/feed", "https://b.example/atom"]
    with pytest.raises(Exception) as e:
        opml_feeds(b"<opml><body/></opml>", "empty.opml")
    assert getattr(e.value, "code", None) == "NL131"


def test_cli_watch_opml_once(site, tmp_path):
    serve(site, 2, "v1")
    (tmp_path / "feeds.opml").write_text(
        f'<?xml version="1.0"?><opml version="2.0"><body><outline xmlUrl="{site.url("/feed.xml")}"/></body></opml>'
    )
    db = tmp_path / "l.db"
    r = subprocess.run(
        [
            str(BIN),
            "watch",
            str(tmp_path / "feeds.opml"),
            "--db",
            str(db),
            "--polls",
            "2",
            "--every",
            "1s",
            "--allow-private",
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert r.returncode == 0, r.stderr[-2000:]
    lines = [ln for ln in r.stdout.splitlines() if ln.startswith("poll ")]
    assert len(lines) == 2 and "2 stored" in lines[0] and "1 unchanged" in lines[1]
    r = subprocess.run([str(BIN), "figures", "--db", str(db), "--json"], capture_output=True, text=True)
    figs = [json.loads(ln) for ln in r.stdout.splitlines()]
    killed = [f for f in figs if f["measure"] == "killed" and f["part_of"] is None]  # not the bodies recovered
    assert r.returncode == 0 and {c["value"]["point"] for c in killed[0]["claims"]} >= {20, 150}
