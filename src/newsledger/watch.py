"""Watching feeds: `newsledger watch FEED_OR_OPML...` polls RSS, Atom and JSON feeds, fetches each new
entry's page, ingests it and brings the cross-article steps (stories, entities, figures) up to date.

- A feed is a URL or a local feed file; an OPML file (or URL) stands for every feed it lists.
- Polls are conditional (If-None-Match / If-Modified-Since from the last answer's ETag / Last-Modified):
  a 304 costs one request and nothing else.
- Entries are identified by their id, else their link (never their summary text); those handled are kept in
  the ledger, with each feed's validators and backoff, so a restarted watch goes on where it stopped.
- An entry's article is its page (fetched like `ingest URL`, kept in the ledger), credited to the page's
  outlet, else the feed's title; when the page cannot be had, the entry's own text, if it has any. A page
  that times out or cannot be reached is tried again at the next poll when the entry has no text of its own.
- A feed that fails is polled again after `every` x 2^(failures), at most `max_backoff`; the others go on.
- Each poll prints one summary line; Ctrl-C stops between two writes (each batch is one transaction).
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urljoin

from lxml import etree

from .errors import Failure, InputError, NewsledgerError
from .extract import Extractor
from .ingest.common import parse_date, text_article
from .ingest.feeds import entry_key, is_json_feed, json_items, json_title, xml_feed
from .ingest.fetch import Fetcher, is_url
from .ingest.ids import article_id
from .ingest.readers import MAX_ARTICLE_BYTES
from .ingest.web import page_article
from .models import Article
from .pipeline import ingest_articles, stored_fetch
from .store import Ledger, live

# A page that could not be reached may be reached later; any other failure is the page's for good.
_TRANSIENT = ("NL122", "NL123")


@dataclass(frozen=True)
class WatchOptions:
    every: float = 900.0  # seconds between two polls of a feed
    max_backoff: float = 6 * 3600.0  # the longest a failing feed waits


@dataclass
class FeedPoll:
    feed: str
    state: str  # new | unchanged | waiting | failed
    entries: int = 0  # new entries seen
    stored: int = 0
    failures: list[Failure] = field(default_factory=list)
    warnings: list[NewsledgerError] = field(default_factory=list)  # stored, not extracted (NL129)


@dataclass
class PollReport:
    number: int
    feeds: list[FeedPoll]
    totals: dict[str, int]

    @property
    def stored(self) -> int:
        return sum(f.stored for f in self.feeds)

    def line(self) -> str:
        """The summary line printed after each poll."""
        by = {s: sum(f.state == s for f in self.feeds) for s in ("new", "unchanged", "waiting", "failed")}
        t = self.totals
        return (
            f"poll {self.number} at {datetime.now(UTC).strftime('%H:%M:%SZ')}: {len(self.feeds)} feeds "
            f"({by['new']} with new entries, {by['unchanged']} unchanged, {by['failed']} failed, "
            f"{by['waiting']} backing off); {sum(f.entries for f in self.feeds)} new entries, {self.stored} "
            f"stored, {sum(len(f.failures) for f in self.feeds)} failed; ledger: {t['articles']} articles, "
            f"{t['claims']} claims, {t['stories']} stories, {t['figures']} figures"
        )


def opml_feeds(data: bytes, where: str) -> list[str]:
    """The feed URLs an OPML document lists (every outline's xmlUrl), in order."""
    try:
        parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
        root = etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError as e:
        raise InputError("NL131", f"is not a well-formed OPML file ({e})", where) from None
    if root is None or etree.QName(root).localname != "opml":
        raise InputError("NL131", "is not an OPML file (its root is not <opml>)", where)
    urls = [u.strip() for u in root.xpath("//outline/@xmlUrl") if u.strip()]
    if not urls:
        raise InputError("NL131", "lists no feed (no outline with an xmlUrl)", where)
    return list(dict.fromkeys(urls))


def _is_opml(name: str, data: bytes) -> bool:
    return (
        name.lower().endswith(".opml")
        or data.lstrip()[:200].lower().startswith((b"<opml", b"<?xml"))
        and (b"<opml" in data[:500].lower())
    )


class Watcher:
    """Polls feeds into a ledger. `poll()` once, or `run()` until stopped."""

    def __init__(
        self,
        sources: list[str],
        ledger: Ledger,
        extractor: Extractor,
        fetcher: Fetcher | None = None,
        options: WatchOptions | None = None,
        clock: Callable[[], float] = time.time,
    ):
        self.ledger = ledger
        self.extractor = extractor
        self.fetcher = fetcher or Fetcher()
        self.options = options or WatchOptions()
        self.clock = clock
        self.polls = 0
        self.setup_failures: list[Failure] = []
        self.feeds = self._expand(sources)
        self._fetch = stored_fetch(ledger, self.fetcher)

    def _expand(self, sources: list[str]) -> list[str]:
        out: list[str] = []
        for src in sources:
            try:
                data = self._read(src, {}) if src.lower().endswith(".opml") or not is_url(src) else None
                if data is not None and _is_opml(src, data):
                    out.extend(opml_feeds(data, src))
                else:
                    out.append(src)
            except InputError as e:
                self.setup_failures.append(Failure(e))
        return list(dict.fromkeys(out))

    def _read(self, src: str, headers: dict[str, str]) -> bytes | None:
        """A feed's bytes, or None when unchanged since the validators in `headers` (304)."""
        if is_url(src):
            page = self.fetcher.fetch(src, headers)
            return None if page.status == 304 else page.body
        p = Path(src)
        if not p.is_file():
            raise InputError("NL101", "does not exist (a feed is a URL, a feed file or an OPML file)", src)
        if p.stat().st_size > MAX_ARTICLE_BYTES:
            raise InputError("NL107", f"is larger than {MAX_ARTICLE_BYTES // 2**20} MB", src)
        return p.read_bytes()

    # -- one poll ----------------------------------------------------------------------------------------

    def poll(self) -> PollReport:
        self.polls += 1
        results = [self._poll_feed(f) for f in self.feeds]
        return PollReport(self.polls, results, live.totals(self.ledger))

    def _poll_feed(self, feed: str) -> FeedPoll:
        st = live.feed_state(self.ledger, feed)
        now = self.clock()
        if st.next_poll > now:
            return FeedPoll(feed, "waiting")
        headers = {}
        if st.etag:
            headers["If-None-Match"] = st.etag
        if st.last_modified:
            headers["If-Modified-Since"] = st.last_modified
        try:
            page = self.fetcher.fetch(feed, headers) if is_url(feed) else None
            data = (None if page.status == 304 else page.body) if page else self._read(feed, {})
            if data is None:
                live.save_feed_state(self.ledger, replace(st, polled_at=_now(), next_poll=now + self.options.every))
                return FeedPoll(feed, "unchanged")
            title, items = _parse(data, feed)
        except InputError as e:
            return self._failed(st, now, e)
        st = replace(
            st,
            title=title or st.title,
            etag=page.header("etag") or None if page else None,
            last_modified=page.header("last-modified") or None if page else None,
            polled_at=_now(),
            next_poll=now + self.options.every,
            failures=0,
            last_error=None,
        )
        live.save_feed_state(self.ledger, st)  # the feed row first: entries refer to it
        seen = live.seen_entries(self.ledger, feed)
        new = [(k, it) for it in items if (k := _key(it)) not in seen]
        result = FeedPoll(feed, "new" if new else "unchanged", entries=len(new))
        if new:
            self._ingest(feed, st.title, new, result)
        return result

    def _failed(self, st: live.FeedState, now: float, e: InputError) -> FeedPoll:
        n = st.failures + 1
        wait = min(self.options.every * 2**n, self.options.max_backoff)
        live.save_feed_state(
            self.ledger, replace(st, polled_at=_now(), next_poll=now + wait, failures=n, last_error=str(e))
        )
        err = NewsledgerError(
            "NL130", f"{e.code}: {e.message} (failed {n} times in a row; next poll in {wait:.0f} s)", st.url
        )
        return FeedPoll(st.url, "failed", failures=[Failure(err)])

    def _ingest(self, feed: str, outlet: str | None, new: list[tuple[str, dict]], result: FeedPoll) -> None:
        articles: list[tuple[str, dict, Article | None]] = []
        for key, item in new:
            art, failure = self._entry_article(item, outlet, feed)
            if failure is not None:
                result.failures.append(failure)
                if art is None and failure.error.code in _TRANSIENT:
                    continue  # not marked: tried again at the next poll
            articles.append((key, item, art))
        stream = [a for _, _, a in articles if a is not None]
        rep = ingest_articles(stream, self.ledger, self.extractor)
        result.stored = rep.stored
        result.failures.extend(rep.failures)
        result.warnings.extend(rep.warnings)
        ids = iter(rep.ids)
        live.mark_entries(
            self.ledger, feed, [(k, it["url"], next(ids, None) if a is not None else None) for k, it, a in articles]
        )

    def _entry_article(self, item: dict, outlet: str | None, feed: str) -> tuple[Article | None, Failure | None]:
        when = parse_date(item["date"])
        failure = None
        link = urljoin(feed, item["url"]) if item["url"] and is_url(feed) else item["url"]  # a relative href
        if link and is_url(link):
            try:
                art = page_article(self._fetch(link), when, outlet=outlet, source=link)
                return (replace(art, title=art.title or item["title"]), None)
            except InputError as e:
                failure = Failure(e)
        if item["text"]:
            try:
                src = link or item["id"] or feed
                key = None if item["full"] else entry_key(item)
                return text_article(item["text"], src, when, item["title"], link, outlet=outlet, key=key), failure
            except InputError as e:
                return None, failure or Failure(e)
        return None, failure or Failure(InputError("NL112", "is an entry with no link to fetch and no text", feed))

    # -- running -----------------------------------------------------------------------------------------

    def run(self, polls: int | None = None, sleep: Callable[[float], None] = time.sleep) -> Iterator[PollReport]:
        """Poll every feed, then wait until the next one is due, again and again (or `polls` times)."""
        while True:
            yield self.poll()
            if polls is not None and self.polls >= polls:
                return
            due = [live.feed_state(self.ledger, f).next_poll for f in self.feeds]
            sleep(max(0.0, min(due, default=self.clock() + self.options.every) - self.clock()))


def _key(item: dict) -> str:
    return entry_key(item) or "text:" + article_id(f"{item['title'] or ''}\n{item['text'] or ''}")


def _parse(data: bytes, where: str) -> tuple[str | None, list[dict]]:
    if data.lstrip()[:1] == b"{":
        try:
            doc = json.loads(data)
        except (json.JSONDecodeError, UnicodeDecodeError) as e:
            raise InputError("NL112", f"is not a valid JSON Feed ({e})", where) from None
        if not is_json_feed(doc):
            raise InputError("NL112", "is JSON but not a JSON Feed (no version and items)", where)
        return json_title(doc), json_items(doc)
    return xml_feed(data, where)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
