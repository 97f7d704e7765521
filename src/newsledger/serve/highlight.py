"""An article's text as HTML with its extractions marked: quotes, claims, speakers and cues, times, entities.

Marks overlap (a claim inside a quote, an entity inside a claim), so they are written as properly nested
elements: a mark that crosses the end of an enclosing one is closed and reopened. Every piece of text and
every attribute is escaped here (html.escape: attributes with quotes); the result is the only Markup the pages
build outside Jinja.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from urllib.parse import quote as urlquote

from markupsafe import Markup

from ..models import Extraction
from ..present import claim_figure, party

# Outer before inner when two marks start at the same place and are as long.
RANK = {"quote": 0, "claim": 1, "speaker": 2, "time": 3, "entity": 4, "cue": 5}


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    kind: str  # a key of RANK
    tip: str = ""
    href: str | None = None
    css: str = ""
    anchor: str | None = None  # an id to link to (set on the first element of the mark only)


def _open(m: Mark, link: bool, first: bool) -> str:
    attrs = [f'class="m m-{m.kind}{" " + m.css if m.css else ""}"']
    if m.tip:
        attrs.append(f'data-tip="{escape(m.tip)}"')
    if link:
        attrs.append(f'href="{escape(m.href)}"')
    elif m.kind in ("claim", "quote"):
        attrs.append('tabindex="0"')  # keyboard focus shows the tip too
    if first and m.anchor:
        attrs.append(f'id="{escape(m.anchor)}"')
    return f"<{'a' if link else 'span'} {' '.join(attrs)}>"


def render(text: str, marks: list[Mark]) -> Markup:
    """`text` escaped, with `marks` as nested elements (links never nested in links)."""
    marks = sorted(
        (m for m in marks if 0 <= m.start < m.end <= len(text)), key=lambda m: (m.start, -m.end, RANK[m.kind])
    )
    starts: dict[int, list[Mark]] = {}
    for m in marks:
        starts.setdefault(m.start, []).append(m)
    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    out: list[str] = []
    stack: list[tuple[Mark, bool]] = []  # open marks, and whether each was opened as a link
    pos = 0
    for cut in cuts:
        out.append(escape(text[pos:cut]))
        pos = cut
        ended = next((i for i, (m, _) in enumerate(stack) if m.end <= cut), None)
        if ended is not None:
            popped = stack[ended:]
            del stack[ended:]
            out.extend("</a>" if link else "</span>" for _, link in reversed(popped))
            for m, _ in popped:  # marks that go on past this cut are reopened inside the enclosing ones
                if m.end > cut:
                    link = bool(m.href) and not any(lk for _, lk in stack)
                    out.append(_open(m, link, first=False))
                    stack.append((m, link))
        for m in starts.get(cut, ()):
            link = bool(m.href) and not any(lk for _, lk in stack)
            out.append(_open(m, link, first=True))
            stack.append((m, link))
    out.append(escape(text[pos:]))
    out.extend("</a>" if link else "</span>" for _, link in reversed(stack))
    return Markup("".join(out))


def entity_href(key: str) -> str:
    return "/entities/" + urlquote(key, safe="")


def marks_of(x: Extraction, figure_of: dict[int, str]) -> list[Mark]:
    """The marks of one article; claims link to their figure (`figure_of`: claim start -> figure id)."""
    out: list[Mark] = []
    for e in x.entities:
        tip, href, css = f"{e.label}: {e.name}", entity_href(e.canonical or e.id), f"m-{e.label.lower()}"
        out.extend(Mark(s, t, "entity", tip, href, css=css) for s, t in e.mentions)
    for i, q in enumerate(x.quotes):
        bits = [f"{q.kind} quote", f"speaker: {party(q.speaker)}"]
        if q.cue:
            bits.append(f"cue: “{q.cue.text}”")
        out.append(Mark(q.start, q.end, "quote", " · ".join(bits), css=f"m-{q.kind}", anchor=f"quote-{i}"))
        if q.speaker and q.speaker.start is not None and q.speaker.end is not None:
            out.append(Mark(q.speaker.start, q.speaker.end, "speaker", f"speaker of quote {i + 1}"))
        if q.cue:
            out.append(Mark(q.cue.start, q.cue.end, "cue", f"cue of quote {i + 1}"))
    for i, c in enumerate(x.claims):
        bits = [claim_figure(c), c.qualifier.replace("_", " ")]
        if c.measure or c.counted:
            bits.append(" ".join(b for b in (c.measure, c.counted and f"({c.counted})") if b))
        bits.append(f"source: {party(c.source)}")
        if c.time:
            bits.append(f"when: {c.time}")
        fig = figure_of.get(c.start)
        out.append(
            Mark(
                c.start,
                c.end,
                "claim",
                " · ".join(bits),
                "/figures/" + urlquote(fig, safe="") if fig else f"#claim-{i}",
                anchor=f"c-{i}",
            )
        )
        if c.source and c.source.start is not None and c.source.end is not None:
            out.append(Mark(c.source.start, c.source.end, "speaker", f"source of claim {claim_figure(c)}"))
    for t in x.times:
        out.append(Mark(t.start, t.end, "time", f"{t.type.lower()}: {t.value}"))
    # A speaker who is also a claim's source is marked once.
    return list({(m.start, m.end, m.kind): m for m in reversed(out)}.values())[::-1]
