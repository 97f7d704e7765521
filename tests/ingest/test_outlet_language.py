"""Outlets (page metadata, JSON-LD publisher, JSONL outlet fields, the URL's registered domain) and languages."""

from __future__ import annotations

import pytest

from newsledger.ingest.html import html_article
from newsledger.ingest.language import detect, name
from newsledger.ingest.outlet import outlet, registered_domain
from newsledger.ingest.readers import article_from_record

BODY = (
    "<p>The harbour office in Tallin said on Monday that the new breakwater would be finished by the end of "
    "the year, two years later than planned, after storms damaged the works twice.</p>"
)


def test_registered_domain_needs_no_network():
    assert registered_domain("https://news.bbc.co.uk/world") == "bbc.co.uk"
    assert registered_domain("http://www.example.com.au:8080/x") == "example.com.au"
    assert registered_domain("samples/a.html") is None and registered_domain(None) is None


def test_outlet_prefers_a_name_to_a_domain():
    assert outlet("https://www.nytimes.com/x", "nytimes.com", "The New York Times") == "The New York Times"
    assert outlet("https://www.nytimes.com/x", "www.nytimes.com") == "nytimes.com"
    assert outlet(None, None) is None


def test_json_ld_publisher_names_the_outlet():
    html = (
        '<html><head><title>Breakwater late</title><script type="application/ld+json">{"@context": '
        '"https://schema.org", "@type": "NewsArticle", "headline": "Breakwater late", "publisher": '
        '{"@type": "Organization", "name": "Tallin Harbour Gazette"}}</script></head><body><article>'
        f"{BODY}</article></body></html>"
    )
    assert html_article(html, "p.html", url="https://gazette.example/b").outlet == "Tallin Harbour Gazette"
    plain = f"<html><head><title>Breakwater late</title></head><body><article>{BODY}</article></body></html>"
    assert html_article(plain, "p.html", url="https://www.gazette.example.org/b").outlet == "example.org"
    assert html_article(plain, "p.html").outlet is None  # a file names no outlet


def test_jsonl_outlet_fields():
    text = "Some 40 families were moved from the river bank on Friday, the town's mayor said."
    allsides = {"source": "New York Times - News", "url": "http://www.nytimes.com/2016/a", "content_original": text}
    assert article_from_record(allsides, "x:1").outlet == "New York Times - News"
    assert article_from_record({"text": text, "url": "https://www.lemonde.fr/a"}, "x:2").outlet == "lemonde.fr"
    assert article_from_record({"text": text, "source": "feeds/a.txt"}, "x:3").outlet is None
    assert article_from_record({"text": text, "outlet": "Le Monde", "source": "lm"}, "x:4").outlet == "Le Monde"


@pytest.mark.parametrize(
    "text, code",
    [
        ("The council said on Tuesday that the bridge would stay closed until the repairs are finished.", "en"),
        ("Der Stadtrat teilte am Dienstag mit, dass die Brücke bis zum Ende der Reparaturen gesperrt bleibt.", "de"),
        ("Le conseil a annoncé mardi que le pont resterait fermé jusqu'à la fin des réparations prévues.", "fr"),
        ("O conselho disse na terça-feira que a ponte ficará fechada até ao fim das obras de reparação.", "pt"),
    ],
)
def test_language_is_detected(text, code):
    assert detect(text) == code


def test_short_text_is_not_guessed():
    assert detect("Ok 12") is None and detect("") is None
    assert name("pt") == "Portuguese" and name("xx") == "xx"
