"""An article's outlet: the publisher's name from the page's own metadata, else the URL's registered domain.

In order: `og:site_name`, the JSON-LD publisher and the other names trafilatura's metadata finds on a page;
a feed's title for its items; an outlet field of a JSONL record; else the registered domain of the article's
URL ("bbc.co.uk" for news.bbc.co.uk), read with tldextract's bundled copy of the Public Suffix List (no
network: `suffix_list_urls=()`). A file path names no outlet: None.
"""

from __future__ import annotations

import re
from functools import cache
from urllib.parse import urlsplit

import tldextract

_DOMAIN_LIKE = re.compile(r"^(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)+(?::\d+)?/?$", re.I)


@cache
def _extractor() -> tldextract.TLDExtract:
    # The snapshot shipped with the package: no fetch of the suffix list, no cache written anywhere.
    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


def registered_domain(url: str | None) -> str | None:
    """The registered domain of an http(s) URL ("example.co.uk"), or None for anything else."""
    if not url or not url.lower().startswith(("http://", "https://")):
        return None
    host = urlsplit(url).hostname or ""
    ext = _extractor()(host)
    return ext.top_domain_under_public_suffix or (host or None)


def outlet(url: str | None, *names: str | None) -> str | None:
    """The first of `names` (in order of preference) that is a name, else the URL's registered domain. A name
    that is only a domain (what a page's title or its host gave) counts as one only when there is no URL."""
    found = [n.strip() for n in names if n and n.strip()]
    named = next((n for n in found if not _DOMAIN_LIKE.match(n)), None)
    if named:
        return named
    return registered_domain(url) or next(
        (registered_domain("http://" + n.split("//")[-1].strip("/")) for n in found), None
    )
