"""Pages fetched from the web (`FetchedPage`) to Articles, as an HTML file is read.

The article's source is the URL as given; its URL the page's canonical link (or og:url), else the URL it
was finally fetched from after redirects. The body is decoded as a web archive's page is (`html_text`).
"""

from __future__ import annotations

from datetime import date

from ..errors import InputError
from ..models import Article, FetchedPage
from .common import html_text
from .html import html_article

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def page_article(
    page: FetchedPage, published: date | None = None, outlet: str | None = None, source: str | None = None
) -> Article:
    """The article of a fetched page; `outlet` (a feed's title) when the page names none."""
    ctype = page.header("content-type")
    if ctype and not ctype.lower().startswith(_HTML_TYPES):
        raise InputError("NL128", f"is {ctype.split(';')[0]}, not an HTML page", page.url)
    if not page.body.strip():
        raise InputError("NL103", "answered with an empty page", page.url)
    return html_article(html_text(page.body, ctype), source or page.url, published, url=page.final_url, outlet=outlet)
