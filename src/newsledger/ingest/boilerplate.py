"""Trailing boilerplate in plain-text articles.

Scraped pages often end with a block of "related stories": short headline-like lines with no final
punctuation, about other stories. That block stays in `Article.text` (offsets must hold) but is marked off
by `body_end`, so nothing is extracted from it. The rule (docs/ingest.md, "Related headlines"):

- a headline line is short (at most 20 words) and has no final sentence punctuation (a `?` or `!` only
  when the line is in title case; a trailing ellipsis marks a teaser); a line led by a date (a
  schedule) or that is a bare URL is never a headline;
- the block is the longest run of headline lines and marker lines ("Related", "More stories",
  "Read more", "Trending", "Also on ...") at the end of the text, blank lines allowed;
- it is cut only when it holds at least two headlines, or one with a marker, and follows prose: a line
  that ends like a sentence, or a sign-off ("Reporting by ...; Editing by ...", "-- The Associated
  Press"). Sign-offs are never headlines, so they stay in the body;
- without a marker, a block that only repeats the body (80% of its content words occur before it) is
  the body's own ending, a list or a closing line, and is not cut.
"""

from __future__ import annotations

import re

_END_PUNCT = tuple(".!?:;,\"'”’)]»…")
_MAX_HEADLINE_WORDS = 20
_REPEAT_SHARE = 0.8
_WORD = re.compile(r"[^\W\d_]{4,}")
# Frequent long words that say nothing about a story's topic.
_STOP = frozenset(
    """about above after again against also among another around because been before being
below between both could does doing down during each even every first from further have having here
into just last later like made make many more most much must next only other over said says same should
since some still such than that their them then there these they this those through under until very
were what when where which while will with within without would year years your""".split()
)
_SIGNOFF = re.compile(
    r"""^\W*(?:(?:additional\ )?(?:reporting|editing|writing|written|compiled|translated|research)
              (?:\ and\ \w+)?\ by\b
         | (?:contact|email|e-mail|follow)\b.{0,60}[:@]
         | (?:--|—|–)\s*\S                          # "-- The Associated Press", "— Jane Doe"
         | \(?(?:ap|afp|reuters|bloomberg|cnn|upi)\)?\W*$)""",
    re.I | re.X,
)
_MARKER = re.compile(
    r"""^\W*(?:related(?:\ (?:stories|articles|news|coverage|links|content|posts|reading))?
         | more\ (?:stories|news|headlines|coverage|from\b.{0,40}|on\b.{0,40}|like\ this)
         | (?:read|see)\ (?:more|next|also) | also\ (?:read|see) | also\ on\b.{0,40} | further\ reading
         | trending(?:\ now|\ stories)? | most\ (?:read|popular|viewed|shared)
         | you\ (?:may|might)\ also\ (?:like|enjoy) | recommended(?:\ for\ you|\ stories)?
         | top\ stories | latest(?:\ news|\ stories)? | popular(?:\ stories)?)\W*$""",
    re.I | re.X,
)


# Lines led by a date ("June 9 -- Brenn arena", "2025-10-23: ...") are a schedule, and a bare URL is a
# link: both are lists that belong to the article, never headlines.
_NOT_HEADLINE = re.compile(
    r"""^\W*(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b
         | \d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}\b
         | (?:https?://|www\.)\S+\s*$)""",
    re.I | re.X,
)


def _words(s: str) -> set[str]:
    return {w for w in (m.lower() for m in _WORD.findall(s)) if w not in _STOP}


def _headline_like(line: str) -> bool:
    s = line.strip()
    words = s.split()
    if not s or len(words) > _MAX_HEADLINE_WORDS or _SIGNOFF.match(s) or _NOT_HEADLINE.match(s):
        return False
    if s.endswith(("...", "…")):
        return True
    if s.endswith(("?", "!")):
        caps = sum(1 for w in words if w[:1].isupper())
        return caps >= 0.6 * len(words)
    return not s.endswith(_END_PUNCT)


def _repeats_body(lines: str, body_words: set[str]) -> bool:
    words = _words(lines)
    return len(words) >= 2 and len(words & body_words) >= _REPEAT_SHARE * len(words)


def _ends_prose(line: str) -> bool:
    s = line.strip()
    return s.endswith(_END_PUNCT) or bool(_SIGNOFF.match(s))


def body_end(text: str) -> int:
    """Offset where the body ends: before a trailing block of related headlines, else len(text)."""
    lines = text.splitlines(keepends=True)
    offsets, pos = [], 0
    for line in lines:
        offsets.append(pos)
        pos += len(line)
    end = len(lines)
    while end > 0 and not lines[end - 1].strip():
        end -= 1
    start = end  # the block is lines[start:end]
    while start > 0 and (
        not lines[start - 1].strip() or _headline_like(lines[start - 1]) or _MARKER.match(lines[start - 1])
    ):
        start -= 1
    while start < end and not lines[start].strip():
        start += 1
    if start >= end or start == 0:
        return len(text)
    block = [ln for ln in lines[start:end] if ln.strip()]
    marker = any(_MARKER.match(ln) for ln in block)
    headlines = [ln for ln in block if not _MARKER.match(ln)]
    # Without a marker, a block whose words the body already uses throughout is the body's own ending
    # (a list, a closing line), not other stories.
    if not marker and _repeats_body(" ".join(headlines), _words(text[: offsets[start]])):
        return len(text)
    prev = next((ln for ln in reversed(lines[:start]) if ln.strip()), "")
    if len(headlines) >= (1 if marker else 2) and _ends_prose(prev):
        cut = offsets[start]
        while cut > 0 and text[cut - 1].isspace():
            cut -= 1
        return cut
    return len(text)


def headline_title(text: str) -> str | None:
    """The first line as a title when it reads like one: short, unpunctuated, followed by a blank line."""
    m = re.match(r"\s*([^\n]{3,200})\n\s*\n", text)
    if m and _headline_like(m.group(1)) and not _MARKER.match(m.group(1)):
        return m.group(1).strip()
    return None
