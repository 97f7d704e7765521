"""HTML cascade steps: standfirst, inline furniture, navigation fallback."""

from __future__ import annotations

import pytest

from newsledger.errors import InputError
from newsledger.ingest.html import BOILERPLATE_LINE, clean_lines, html_article, navigation_like

DESC = "Volunteers fill sandbags as the Kessel rises for a third day."
BODY = "".join(
    f"<p>{t}</p>"
    for t in (
        "Floodwater reached the old town of Brenn on Tuesday, the Veridian interior ministry said, and some "
        "400 residents spent the night in a school gym while volunteers filled sandbags along the quay.",
        '"We expect the river to fall by Thursday," said Lina Marsh, the town\'s mayor, who asked residents '
        "of the lower streets to stay with relatives until the water has gone down.",
        "Related: Kessel bridge to reopen in spring",
        "The ministry said a second pumping station would be running by the weekend, and that damage to the "
        "quay walls would be assessed once the river had fallen below its spring level.",
        "3 comments",
        "Sign up for our Morning Brief newsletter to get the day's news in your inbox.",
    )
)


def page(head_extra: str, article_start: str) -> str:
    return (
        f"<html><head><title>Floodwater reaches Brenn</title>"
        f'<meta name="description" content="{DESC}">{head_extra}</head><body>'
        f"<article><header><h1>Floodwater reaches Brenn</h1>{article_start}</header>{BODY}</article>"
        "</body></html>"
    )


def test_standfirst_heading_is_dropped():
    art = html_article(page("", f"<h2 class='dek'>{DESC}</h2>"), "p.html")
    assert not art.text.startswith("Volunteers fill sandbags")
    assert art.text.startswith("Floodwater reached the old town")


def test_description_that_is_the_first_paragraph_stays():
    html = (
        page("", "")
        .replace("<article><header>", "<article><header></header>")
        .replace("</header><p>", f"<p>{DESC}</p><p>", 1)
    )
    art = html_article(html, "p.html")
    assert art.text.startswith(DESC)


def test_inline_furniture_lines_are_dropped():
    art = html_article(page("", ""), "p.html")
    assert "Related: Kessel bridge" not in art.text
    assert "3 comments" not in art.text and "newsletter" not in art.text
    assert "pumping station" in art.text


@pytest.mark.parametrize(
    "line",
    [
        "READ MORE: Kessel bridge to reopen",
        "Related: Ferry strike ends",
        "Related story: Dam inquiry opens",
        "Also on wire.example Ferry strike ends after two weeks",
        "DON'T MISS",
        "You may also like...",
        "Most read in world news",
        "Popular on Courier",
        "12 Comments",
        "Advertisement",
        "Thanks for signing up!",
        "Print Article",
        "Like this story? Share it with a friend!",
        "Sign up for our Morning Brief newsletter here.",
        "Subscribe to the Courier's newsletters.",
    ],
)
def test_boilerplate_line_patterns(line):
    assert BOILERPLATE_LINE.match(line)


@pytest.mark.parametrize(
    "line",
    [
        "Related coverage of the flood led the news for a week.",
        "She said the newsletter had been sent to 4,000 subscribers before the vote.",
        "Comments from residents were collected by the council on Monday.",
        "Most residents returned home on Friday.",
        "See the full report at the ministry's website.",
    ],
)
def test_prose_is_not_boilerplate(line):
    assert not BOILERPLATE_LINE.match(line)


def test_clean_lines_title_and_own_url():
    text = "Floodwater reaches Brenn\nhttps://courier.example/brenn\nThe river rose.\nhttps://other.example/x"
    assert (
        clean_lines(text, "Floodwater reaches Brenn | Courier".split(" | ")[0], ("https://courier.example/brenn", None))
        == "The river rose.\nhttps://other.example/x"
    )


def test_navigation_like():
    assert navigation_like("Home\nWorld\nSport\nWeather\nContact us")
    # A brief: one paragraph under short lines (byline, time) is still an article.
    assert not navigation_like("By Lina Marsh\nUpdated 5 min\nThe river rose on Tuesday, the ministry said.")


def test_page_of_links_only_is_no_article():
    links = "".join(f"<li><a href='/{n}'>Section {n}</a></li>" for n in range(40))
    with pytest.raises(InputError) as e:
        html_article(f"<html><body><ul>{links}</ul></body></html>", "index.html")
    assert e.value.code == "NL106" and e.value.where == "index.html"
