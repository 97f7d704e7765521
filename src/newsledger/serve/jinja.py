"""The Jinja2 environment of the pages: autoescape on for everything, and the filters the templates use."""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import quote, urlsplit

from jinja2 import Environment, PackageLoader, StrictUndefined

from ..present import number


def safe_url(url: str | None) -> str | None:
    """An article's own URL only when it is http(s): a `javascript:` or `data:` URL from the web is dropped."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None


def path(*parts: object) -> str:
    """A URL path built from ids, each quoted (ids may hold any character)."""
    return "/" + "/".join(quote(str(p), safe="") for p in parts)


def num(x) -> str:
    return number(x) if x is not None else "–"


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("newsledger.serve", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["safe_url"] = safe_url
    env.filters["num"] = num
    env.globals["path"] = path
    return env


def render(name: str, **context) -> str:
    return environment().get_template(name).render(**context)
