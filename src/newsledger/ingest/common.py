"""What every reader shares: bytes to text (`decode`), date strings to dates (`parse_date`), repaired
characters (`repair`) and plain text to an Article (`text_article`).

Kept apart so that readers, html, feeds and warc all import it and none of them imports another to get
these: readers imports the format modules, never the reverse.
"""

from __future__ import annotations

import codecs
import json
import re
from dataclasses import replace
from datetime import date, datetime
from email.utils import parsedate_to_datetime

import ftfy

from ..errors import InputError, printable
from ..models import Article
from .boilerplate import headline_title, outside
from .ids import article_id
from .language import detect
from .outlet import outlet as outlet_of

# Share of C0 control characters (other than whitespace) above which bytes are not text.
_MAX_CONTROL_SHARE = 0.05
_CONTROL = bytes(c for c in range(32) if c not in b"\t\n\r\f\v\x1b")

# Codecs that decode bytes to text but are no page encoding: refused as charsets (rot13, base64 and zlib
# are not text encodings at all; idna and punycode refuse the 'replace' error handler).
_NOT_CHARSETS = {"idna", "punycode", "raw_unicode_escape", "unicode_escape"}
_CHARSET = re.compile(rb"""charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)
# JSON past these is refused (NL141): a 5,000-digit integer costs quadratic time to convert, and nesting
# deeper than Python's recursion limit (about 1,000 levels) exhausts the parser; no article needs either.
MAX_JSON_DIGITS = 100
_SURROGATE = re.compile("[\ud800-\udfff]")

_DATE_FORMATS = ("%Y/%m/%d", "%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y")


# Only what undoes broken decoding (mojibake such as "Ã¢â‚¬â„¢" for "’", stray C1 controls); curly quotes,
# ligatures, widths, line breaks and Unicode normalisation are left as the publisher wrote them.
_REPAIR = ftfy.TextFixerConfig(
    unescape_html=False,
    fix_latin_ligatures=False,
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    remove_control_chars=False,
    normalization=None,
    explain=False,
)


def repair(text: str) -> str:
    """`text` with its mojibake undone (ftfy); unchanged when it has none."""
    return ftfy.fix_text(text, _REPAIR)


def parse_date(value) -> date | None:
    """The calendar date of a date string: ISO ("2024-06-01", "2024-06-01T10:00:00Z", "2024-06-01 10:00"),
    RFC 2822 as feeds write it, "2024/06/01", "June 1, 2024" or "1 June 2024". Anything else: None
    (numeric day/month orders such as 6/1/24 are ambiguous and are not guessed)."""
    if not isinstance(value, str) or len(value.strip()) < 8:
        return None
    s = value.strip()
    try:
        return date.fromisoformat(s[:10])
    except ValueError:
        pass
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(s, fmt).date()
        except ValueError:
            continue
    try:
        return parsedate_to_datetime(s).date()
    except (TypeError, ValueError, IndexError):
        return None


def clean(text: str) -> str:
    """Text with every lone surrogate (a JSON escape such as "\\ud800", which UTF-8 cannot encode)
    replaced by U+FFFD, so that it can be stored, printed and hashed."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


def _int(digits: str) -> int:
    if len(digits.lstrip("-")) > MAX_JSON_DIGITS:
        raise ValueError(f"an integer of {len(digits)} digits")
    return int(digits)


def load_json(text: str, where: str, line: bool = False):
    """`json.loads` with bounds: NL141 for an integer over MAX_JSON_DIGITS digits or nesting past the
    recursion limit; NL108 for what is not JSON."""
    try:
        return json.loads(text, parse_int=_int)
    except json.JSONDecodeError as e:
        at = f"column {e.colno}" if line else f"line {e.lineno}, column {e.colno}"
        raise InputError("NL108", f"is not valid JSON ({e.msg} at {at})", where) from None
    except (ValueError, RecursionError) as e:
        what = str(e) if isinstance(e, ValueError) else "nesting deeper than the parser's recursion limit"
        raise InputError(
            "NL141", f"holds JSON beyond the limits ({what}; integers have at most {MAX_JSON_DIGITS} digits)", where
        ) from None


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def decode(data: bytes, where: str) -> str:
    """Bytes to text, refusing what is not a UTF-8 text article."""
    if not data.strip():
        raise InputError("NL103", "is empty", where)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise InputError("NL105", "is UTF-16 text, not UTF-8 (convert it to UTF-8 first)", where)
    head = data[:8192]
    if b"\x00" in head or sum(head.count(c) for c in _CONTROL) > _MAX_CONTROL_SHARE * len(head):
        raise InputError("NL104", "looks binary (NUL or control bytes), not a text article", where)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError(
            "NL105",
            f"is not valid UTF-8: byte 0x{data[e.start]:02x} at offset {e.start}, "
            f"line {_line_of(data, e.start)} (convert it to UTF-8 first)",
            where,
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def text_article(
    text: str,
    source: str,
    published: date | None = None,
    title: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
    key: str | None = None,
) -> Article:
    """An article from plain text: its characters repaired (the original kept where that changed it), then
    kept verbatim, with what is not the article marked outside the body (`boilerplate.outside`). Its outlet
    is `outlet`, else the URL's registered domain; its language is detected from the body. `key` (a feed
    entry's id or link) joins the text in the article's id: a summary is not the article, two entries with
    one summary are two."""
    if not text.strip():
        raise InputError("NL103", "has no text", source)
    text, source = clean(text), printable(source)
    title, url = title and clean(title), url and clean(url)
    fixed = repair(text)
    fixed_title = repair(title) if title else None
    article = Article(
        id=article_id(fixed if key is None else f"{key}\n{fixed}"),
        source=source,
        text=fixed,
        title=fixed_title or headline_title(fixed),
        published=published,
        url=url,
        outside=outside(fixed),
        original_text=text if fixed != text else None,
        original_title=title if fixed_title != title else None,
        outlet=outlet_of(url, outlet),
    )
    return replace(article, language=detect(article.body))


def html_text(body: bytes, content_type: str) -> str:
    """The text of an HTML body: UTF-8 when it is valid UTF-8, else the charset of `content_type`, then of a
    <meta> tag, else cp1252 (an unknown charset too)."""
    # Valid UTF-8 with non-ASCII bytes is almost never another encoding, whatever the page declares
    # (declarations are often stale); otherwise the HTTP header's charset, then the page's <meta>.
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        pass
    m = _CHARSET.search(content_type.encode("latin-1", "replace")) or _CHARSET.search(body[:4096])
    charset = m.group(1).decode("ascii") if m else "cp1252"
    try:
        info = codecs.lookup(charset)
        if not info._is_text_encoding or info.name in _NOT_CHARSETS:
            raise LookupError(charset)
        return body.decode(info.name, "replace")
    except (LookupError, UnicodeError, ValueError, TypeError):
        return body.decode("cp1252", "replace")
