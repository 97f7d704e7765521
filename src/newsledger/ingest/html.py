"""HTML pages to articles: main text and metadata through trafilatura, with a small cascade around it.

The cascade, in order (each step measured by bench/eval_html.py on the 181-page benchmark):

1. Parse with trafilatura's own loader (it handles encodings and broken markup as its extractor expects).
2. Merge split bodies: some sites cut the article body into several containers of the same class with
   ads in between; trafilatura takes only the first match of its body XPath, so later chunks that hold
   prose in the same section are moved into the first before extraction.
3. Extract in trafilatura's fast mode (its main extractor alone, comments excluded): on news pages the
   readability/justext comparison it runs otherwise adds more boilerplate than it recovers.
4. If the result reads like navigation (most lines, and most of the text, in menu-sized lines), the
   extractor latched onto a menu: rerun trafilatura's full cascade and keep that unless it is a menu too.
5. Line clean-up: drop leading lines that repeat the page title (the title is metadata), lines that are
   only the page's own URL (share widgets), and known inline furniture (`BOILERPLATE_LINE`).
6. Standfirst: drop a first line equal to the meta description when the page sets it as a heading or
   in its <header> (a description that is the body's first paragraph stays).

A page left with fewer than MIN_ARTICLE_WORDS words, or with navigation only, holds no article (NL106).
Metadata: title, publication date (original, not modified; only when the page states one) and the page's
URL (canonical link or og:url) come from trafilatura's metadata extraction.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from typing import Any

import trafilatura
from lxml.etree import LxmlError, XPath
from trafilatura.settings import Document
from trafilatura.utils import load_html
from trafilatura.xpaths import BODY_XPATH

from ..errors import InputError, printable
from ..models import Article
from .common import clean, parse_date, text_article
from .outlet import outlet as outlet_of

# trafilatura's first body expression without its "[1]": every container that looks like an article body.
_BODY_CONTAINERS = XPath(
    BODY_XPATH[0].path.replace("][1]", "]"), namespaces={"re": "http://exslt.org/regular-expressions"}
)
_CHUNK_MIN_CHARS = 80
_STANDFIRST = XPath("//h2|//h3|//h4|//h5|//h6|//header//*[self::p or self::div or self::span]")
_URL_LINE = re.compile(r"^\s*(?:https?://|www\.)\S+\s*$")
_WORD = re.compile(r"\w+")
# Whole lines that are page furniture, never article prose. Kept narrow: copyright lines are not here
# because wire stories carry them as part of the story.
BOILERPLATE_LINE = re.compile(
    r"""^\W*(?:
     (?:read|see|watch)\ (?:more|also)\s*:\s*\S            # inline teaser of another story
   | related(?:\ (?:post|story|article|video))?\s*:\s*\S
   | also\ on\ \S+\.[a-z]{2,}\b                           # "Also on example.com <headline>"
   | (?:related|more)\ (?:articles?|stories|coverage|news)\s*:?\s*$
   | (?:most\ (?:read|popular|viewed|shared)|popular\ on)\b.{0,30}$
   | \d*\s*comments?\W*$
   | like\ this\ (?:story|article)\?.{0,40}$
   | .{0,80}\bsign\ up\b.{0,80}\bnewsletters?\b.{0,40}$
   | .{0,60}\bsubscribe\ to\b.{0,60}\bnewsletters?\W*$
   | don'?t\ miss\W*$
   | you\ (?:may|might)\ also\ (?:like|enjoy)\W*$
   | recommended\ for\ you\W*$
   | advertisement\W*$
   | thanks?\ (?:you\ )?for\ (?:signing\ up|subscribing)\W*$
   | (?:sorry!?\ )?there\ was\ an\ error\ processing\ your\ subscription\W*$
   | an\ error\ has\ occurred,?\ please\ try\ again\ later\W*$
   | keep\ an\ eye\ on\ your\ inbox\b
   | (?:order\ reprints|print\ article|share\ this\ (?:article|story))\W*$
)""",
    re.I | re.X,
)
_BOILERPLATE_MAX_WORDS = 30
# Fewer words than this is a page without an article (an index, an error page), not a news brief.
MIN_ARTICLE_WORDS = 10
# A result where more than this share of lines are menu-sized is navigation, not an article.
_NAV_SHARE = 0.6
_NAV_CHAR_SHARE = 0.5

_OPTIONS: dict[str, Any] = dict(
    include_comments=False,
    include_tables=True,
    with_metadata=True,
    date_extraction_params={"extensive_search": False, "original_date": True},
)


def _norm(s: str) -> str:
    return " ".join(_WORD.findall(s.lower()))


def merge_split_body(tree) -> None:
    """Move the children of later same-class body containers into the first one (in place).

    Only containers that hold prose (a paragraph of `_CHUNK_MIN_CHARS`) and sit in the same section as
    the first (a common ancestor below <body>) are merged: a same-class block elsewhere on the page is
    another story's teaser, not a chunk of this one."""
    found = _BODY_CONTAINERS(tree)
    if len(found) < 2:
        return
    first = found[0]
    cls = first.get("class")
    above_first = [a for a in first.iterancestors() if a.tag not in ("body", "html")]
    for other in found[1:]:
        if (
            other.get("class") != cls
            or other in above_first
            or first in other.iterancestors()
            or not any(a in above_first for a in other.iterancestors())
            or not any(len(p.text_content()) >= _CHUNK_MIN_CHARS for p in other.iter("p"))
        ):
            continue
        for child in list(other):
            first.append(child)


def navigation_like(text: str) -> bool:
    """Most lines menu-sized (at most three words) and holding most of the text: a menu, not an article."""
    lines = [ln for ln in text.split("\n") if ln.strip()]
    short = [ln for ln in lines if len(ln.split()) <= 3 and len(ln) < 30]
    return (
        bool(lines)
        and len(short) / len(lines) > _NAV_SHARE
        and sum(map(len, short)) / sum(map(len, lines)) > _NAV_CHAR_SHARE
    )


def standfirst(html: str, text: str, description: str) -> bool:
    """Whether the text opens with the page's standfirst: a line equal to its meta description that the
    page sets as a heading or in its <header>. A description that is the body's first paragraph stays."""
    first = _norm(text.split("\n", 1)[0])
    if not first or first != _norm(description):
        return False
    tree = load_html(html)
    return tree is not None and any(_norm(el.text_content()) == first for el in _STANDFIRST(tree))


def clean_lines(text: str, title: str | None, urls: tuple[str | None, ...]) -> str:
    own = {_norm(u) for u in urls if u}
    lines = [
        ln
        for ln in text.split("\n")
        if not (_URL_LINE.match(ln) and _norm(ln) in own)
        and not (len(ln.split()) <= _BOILERPLATE_MAX_WORDS and BOILERPLATE_LINE.match(ln))
    ]
    head = _norm(title) if title else ""
    while lines and head and _norm(lines[0]) == head:
        lines.pop(0)
    return "\n".join(lines).strip()


def _document(tree, url: str | None, fast: bool) -> Document | None:
    doc = trafilatura.bare_extraction(tree, url=url, fast=fast, **_OPTIONS)
    return doc if isinstance(doc, Document) else None  # with_metadata: a Document, never a dict


def extract_main(html: str, url: str | None = None) -> Document | None:
    """trafilatura's document (text and metadata) for a page, through the cascade above; None if nothing."""
    tree = load_html(html)
    if tree is None:
        return None
    merge_split_body(tree)
    doc = _document(tree, url, fast=True)
    if doc is not None and navigation_like(doc.text or ""):
        tree = load_html(html)  # parsed again: trafilatura prunes the tree it is given
        merge_split_body(tree)
        full = _document(tree, url, fast=False)
        if full is not None and full.text and not navigation_like(full.text):
            doc = full
    if doc is None:
        return None
    doc.text = clean_lines(doc.text or "", doc.title, (doc.url, url))
    if doc.description and standfirst(html, doc.text, doc.description):
        doc.text = doc.text.split("\n", 1)[1].strip() if "\n" in doc.text else doc.text
    return doc


def html_article(
    html: str, source: str, published: date | None = None, url: str | None = None, outlet: str | None = None
) -> Article:
    """The article of a page. Its outlet is the page's own name for its publisher (og:site_name, JSON-LD
    publisher: trafilatura's sitename), else `outlet` (a feed's title), else the URL's registered domain."""
    html, source, url = clean(html), printable(source), url and clean(url)
    try:
        doc = extract_main(html, url)
    except (ValueError, TypeError, AttributeError, RecursionError, LxmlError) as e:  # malformed markup
        raise InputError("NL106", f"could not be parsed as HTML ({e.__class__.__name__})", source) from None
    if doc is None or not doc.text:
        raise InputError("NL106", "holds no article text that could be extracted", source)
    text = doc.text
    if len(text.split()) < MIN_ARTICLE_WORDS or navigation_like(text):
        raise InputError("NL106", f"holds no article text, only navigation or a few words ({text[:60]!r})", source)
    article = text_article(
        text,
        source,
        parse_date(doc.date) or published,
        doc.title or None,
        doc.url or url,
        outlet=outlet_of(doc.url or url, doc.sitename, outlet),
    )
    return article if doc.title else replace(article, title=None)
