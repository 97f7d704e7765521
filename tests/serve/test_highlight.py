"""Overlapping marks become properly nested HTML, with every character of the text kept and escaped."""

from __future__ import annotations

import html
import re

from newsledger.serve.highlight import Mark, render


def plain(markup: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", markup))


def balanced(markup: str) -> bool:
    stack = []
    for close, tag in re.findall(r"<(/?)(a|span)\b", markup):
        if close:
            if not stack or stack.pop() != tag:
                return False
        else:
            stack.append(tag)
    return not stack


def test_nested_marks_keep_the_text():
    text = 'He said "23 <b>bodies</b> were found" on Monday.'
    marks = [
        Mark(8, 38, "quote", "speaker: He"),
        Mark(9, 11, "claim", "23", "/figures/x"),
        Mark(3, 7, "cue"),
        Mark(42, 48, "time", "date"),
    ]
    out = str(render(text, marks))
    assert plain(out) == text and balanced(out)
    assert "&lt;b&gt;bodies&lt;/b&gt;" in out
    assert '<a class="m m-claim" data-tip="23" href="/figures/x">23</a>' in out


def test_crossing_marks_are_split_not_broken():
    text = "abcdefghij"
    out = str(render(text, [Mark(0, 6, "quote"), Mark(4, 9, "claim", href="/f")]))
    assert plain(out) == text and balanced(out)
    assert out.count('class="m m-claim"') == 2  # closed at the quote's end and reopened after it


def test_links_are_never_nested():
    out = str(render("Anna Berg said", [Mark(0, 9, "claim", href="/figures/1"), Mark(0, 4, "entity", href="/e")]))
    assert balanced(out) and out.count("<a ") == 1


def test_attributes_are_escaped_and_bad_marks_dropped():
    out = str(render("x", [Mark(0, 1, "claim", tip='"><script>'), Mark(0, 5, "time"), Mark(1, 1, "cue")]))
    assert "<script>" not in out and 'data-tip="&quot;&gt;&lt;script&gt;"' in out
    assert out.count("<span") + out.count("<a ") == 1
