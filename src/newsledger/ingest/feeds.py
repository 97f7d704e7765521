"""Feeds: RSS 2.0, RSS 1.0 (RDF), Atom and JSON Feed; each item that carries text becomes an article.

An item's text is its full content (`content:encoded`, Atom `content`, JSON Feed `content_text` or
`content_html`), else its summary (`description`, `summary`); HTML is turned into plain text with one
blank line between blocks. Title, link (Atom: the alternate link) and date (`pubDate`, `published`,
`updated`, `dc:date`, `date_published`) come with it; the source is the link, else the item's id, else
`FILE#N`. Items with no text (titles and links only) are skipped; a feed with no item that has text,
or that is not a feed at all, is NL112. XML is parsed without resolving entities or fetching anything.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

import lxml.html
from lxml import etree

from ..errors import Failure, InputError
from ..models import Article
from .common import parse_date, text_article

_BLOCK = frozenset(
    """p div li ul ol h1 h2 h3 h4 h5 h6 blockquote pre table tr section article header
footer figure figcaption dl dt dd hr""".split()
)
_SKIP = frozenset(("script", "style", "noscript", "template"))
_HTML_TAG = re.compile(r"<(?:[a-zA-Z][\w-]*|/[a-zA-Z]|!--)")
_SPACES = re.compile(r"[^\S\n]+")
_BLANKS = re.compile(r"\n{3,}")
# Child names (local, without namespace) in order of preference.
_CONTENT = ("encoded", "content")
_SUMMARY = ("description", "summary")
_DATES = ("pubDate", "published", "date", "issued", "updated", "modified")
_IDS = ("guid", "id")


def fragment_text(html: str) -> str:
    """Plain text of an HTML fragment: inline text joined, one blank line between blocks."""
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError):
        return html.strip()
    out: list[str] = []

    def walk(el) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag not in _SKIP and tag:
            if tag in _BLOCK:
                out.append("\n\n")
            elif tag == "br":
                out.append("\n")
            out.append(el.text or "")
            for child in el:
                walk(child)
            if tag in _BLOCK:
                out.append("\n\n")
        out.append(el.tail or "")

    walk(root)
    text = _SPACES.sub(" ", "".join(out))
    text = "\n".join(line.strip() for line in text.split("\n"))
    return _BLANKS.sub("\n\n", text).strip()


def _as_text(value: str, html: bool | None = None) -> str:
    if html is None:
        html = bool(_HTML_TAG.search(value))
    return fragment_text(value) if html else value.strip()


def _local(el) -> str:
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


def _xml_item(item) -> dict:
    """The fields of one RSS item or Atom entry."""
    kids: dict[str, list] = {}
    for child in item:
        kids.setdefault(_local(child), []).append(child)

    def first(names) -> tuple[str, object] | None:
        for name in names:
            for el in kids.get(name, ()):
                if _local(el) in ("content", "summary") and el.get("type") == "xhtml":
                    inner = "".join(etree.tostring(c, encoding="unicode") for c in el)
                    return inner, el
                if (el.text or "").strip():
                    return el.text, el
        return None

    text = None
    full = False
    for names in (_CONTENT, _SUMMARY):
        if found := first(names):
            value, el = found
            kind = el.get("type", "")
            text = _as_text(
                value,
                True
                if kind in ("html", "xhtml") or kind.endswith("html")
                else False
                if kind in ("text", "plain")
                else None,
            )
            if text:
                full = names is _CONTENT
                break
    link = None
    for el in kids.get("link", ()):
        href = el.get("href") or (el.text or "").strip()
        if href and el.get("rel", "alternate") == "alternate":
            link = href
            break
        link = link or href
    title = first(("title",))
    when = first(_DATES)
    ident = first(_IDS)
    return {
        "text": text,
        "title": _as_text(title[0]) if title else None,
        "url": link,
        "date": when[0].strip() if when else None,
        "id": ident[0].strip() if ident else None,
        "full": full,
    }


def xml_items(data: bytes, where: str) -> list[dict]:
    return xml_feed(data, where)[1]


def xml_feed(data: bytes, where: str) -> tuple[str | None, list[dict]]:
    """(the feed's title, its items) of an RSS or Atom document."""
    try:
        # A parser per call: lxml parsers must not be shared between threads (the web layer ingests too).
        parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=True, huge_tree=False)
        root = etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError as e:
        raise InputError("NL112", f"is not a well-formed XML feed ({e})", where) from None
    if root is None or _local(root) not in ("rss", "RDF", "feed"):
        raise InputError(
            "NL112",
            f"is not an RSS or Atom feed (its root is <{_local(root) if root is not None else 'nothing'}>)",
            where,
        )
    head = next((el for el in root if _local(el) == "channel"), root)  # RSS: the channel's; Atom: the feed's
    title = next((_as_text(el.text) for el in head if _local(el) == "title" and (el.text or "").strip()), None)
    try:
        return title, [_xml_item(el) for el in root.iter() if _local(el) in ("item", "entry")]
    except ValueError as e:  # lxml's recovering parser can keep a tag name QName refuses ("linkVhttps:")
        raise InputError("NL112", f"is not a well-formed XML feed ({e})", where) from None


def is_json_feed(doc) -> bool:
    return (
        isinstance(doc, dict)
        and isinstance(doc.get("items"), list)
        and str(doc.get("version", "")).startswith("https://jsonfeed.org/")
    )


def json_items(doc: dict) -> list[dict]:
    out = []
    for item in doc["items"]:
        if not isinstance(item, dict):
            continue
        text = None
        full = False
        for key, html in (("content_text", False), ("content_html", True), ("summary", None)):
            if isinstance(item.get(key), str) and item[key].strip():
                text = _as_text(item[key], html)
                if text:
                    full = key != "summary"
                    break
        # Only strings are taken: a feed may put a list or an object where the spec says string.
        url = next((item[k] for k in ("url", "external_url") if isinstance(item.get(k), str) and item[k]), None)
        when = next((item[k] for k in ("date_published", "date_modified") if isinstance(item.get(k), str)), None)
        out.append(
            {
                "text": text,
                "title": item.get("title") if isinstance(item.get("title"), str) else None,
                "url": url,
                "date": when,
                "id": str(item["id"]) if item.get("id") is not None else None,
                "full": full,
            }
        )
    return out


def json_title(doc: dict) -> str | None:
    return doc["title"].strip() or None if isinstance(doc.get("title"), str) else None


def entry_key(item: dict) -> str | None:
    """What identifies a feed entry: its id, else its link (never its text)."""
    return item["id"] or item["url"]


def feed_articles(
    items: list[dict], where: str, published: date | None, outlet: str | None = None
) -> Iterator[Article | Failure]:
    """Articles from parsed items (`xml_items`, `json_items`); `outlet` is the feed's title. An item with only a
    summary is identified by its id or link with that text: a new entry that repeats a summary is not dropped."""
    found = 0
    for n, item in enumerate(items, 1):
        if not item["text"]:
            continue
        found += 1
        source = item["url"] or item["id"] or f"{where}#{n}"
        yield text_article(
            item["text"],
            source,
            parse_date(item["date"]) or published,
            (item["title"] or "").strip() or None,
            item["url"],
            outlet=outlet,
            key=None if item["full"] else entry_key(item),
        )
    if not found:
        yield Failure(InputError("NL112", f"holds no item with text ({len(items)} items, titles or links only)", where))
