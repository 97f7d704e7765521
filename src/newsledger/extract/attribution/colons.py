"""Attributions marked by punctuation: a headline or paragraph that opens with its speaker and a colon
("Okafor: We will not sign"), a short name and a colon before a quotation ("- Ana Ruiz: \"...\""), and a
name after a quotation and a dash, as an epigraph or a reader's reply is signed ('"..." ― Ana Ruiz')."""

from __future__ import annotations

import re

from .rules import Found

# "Kasich: 'We will go all the way'" -- a headline or paragraph that opens with its speaker and a colon
_HEADLINE = re.compile(
    r"^(?:[A-Z]+ [–—-] )?([A-Z][\w.'’&-]*(?: [\w.'’&-]+){0,4}):[ \t]+(\S[^\n]*?)[.]?[ \t]*$", re.MULTILINE
)
_NOT_SPEAKERS = frozenset(
    {
        "update",
        "updated",
        "related",
        "note",
        "editor's note",
        "editor’s note",
        "watch",
        "read more",
        "photo",
        "photos",
        "video",
        "source",
        "sources",
        "q",
        "a",
        "by",
        "the result",
        "the answer",
        "bottom line",
        "the bottom line",
        "question",
        "answer",
        "correction",
        "abstract",
        "summary",
        "background",
        "why",
        "what",
        "when",
        "where",
        "how",
        "who",
        "the problem",
        "the point",
        "the upshot",
        "the reason",
        "the lesson",
        "the takeaway",
        "the catch",
        "the verdict",
        "the latest",
        "still to come",
        "coming up",
        "a reminder",
        "reminder",
        "paid notice",
        "stat of the week",
        "delegate update",
        "live updates",
        "breaking",
        "breaking news",
        "exclusive",
    }
)


_NOT_NAMES = frozenset(
    "their his her its our my your this that these those there here it they we i you he she "
    "what which who one some".split()
)
_VERBS = frozenset("is are was were be been has have had said says do does did will would".split())


def headline_quotes(text: str, end: int) -> list[Found]:
    out = []
    for m in _HEADLINE.finditer(text, 0, end):
        who = m.group(1)
        words = who.lower().split()
        if (
            who.lower() in _NOT_SPEAKERS
            or len(m.group(2).split()) < 3
            or words[0] in _NOT_NAMES
            or any(w in _VERBS for w in words)
            or m.group(2).count(",") >= 4
            or words[0] == "follow"
        ):
            continue  # "Their short answer is: yes" is a sentence, "Iowa: Ann, Bo, ..." a list
        colon = m.end(1)
        out.append(Found(m.start(2), m.end(2), (colon, colon + 1), (m.start(1), m.end(1)), who.split()[-1].lower()))
    return out


# '- Ana Ruiz: "..."', 'From the report: "..."': a short name and a colon right before a quotation
_COLON_SOURCE = re.compile(
    r"(?:^|\n|[-–—] |\b[Ff]rom |\b[Ss]tated )((?:the )?[A-Z][\w.'’&-]*(?: (?:and |of )?"
    r"[A-Z][\w.'’&-]*){0,4}):[ \t]*\n*[ \t]*$"
)


def colon_quotes(text: str, regions: list[tuple[int, int]]) -> list[Found]:
    out = []
    for qs, qe in regions:
        m = _COLON_SOURCE.search(text, max(0, qs - 80), qs)
        if m and m.group(1).lower() not in _NOT_SPEAKERS:
            colon = m.end(1)
            out.append(Found(qs, qe, (colon, colon + 1), (m.start(1), m.end(1)), m.group(1).split()[-1].lower()))
    return out


# '"We will not sign." ― Ana Ruiz': a name (capitalised words, up to five) right after a quotation and a dash,
# ending its line or followed by the next quotation, a comma or a period
DASHES = "―—–"
_DASH_SOURCE = re.compile(
    r"[^\S\n]*([―—–])[^\S\n]*([A-Z][\w.'’-]*(?: (?:[A-Z][\w.'’-]*|de|del|la|van|von|da)){0,4})"
    r"(?=[^\S\n]*(?:[.,]|$|[“\"]))",
    re.MULTILINE,
)


def dash_quotes(text: str, regions: list[tuple[int, int]]) -> list[Found]:
    out = []
    for qs, qe in regions:
        m = _DASH_SOURCE.match(text, qe)
        if m and m.group(2).lower() not in _NOT_SPEAKERS and m.group(2).split()[0].lower() not in _NOT_NAMES:
            dash, who_end = m.start(1), m.end(2)
            if text[who_end - 1] == "." and not re.search(r"\b[A-Z]\.$", m.group(2)):
                who_end -= 1  # the sentence's period, not an initial's
            out.append(Found(qs, qe, (dash, dash + 1), (m.start(2), who_end), m.group(2).split()[-1].lower()))
    return out
