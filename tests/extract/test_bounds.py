"""Bounded work per article (issue 18): windows join back into the body, long bodies are cut before
parsing, and walls of one character or endless sentences stay cheap."""

from __future__ import annotations

import time

from newsledger.extract import pipeline
from newsledger.extract.pipeline import MAX_RUN, parse_end, windows
from newsledger.ingest.readers import text_article

PARA = "The Orvin dam held on Monday, engineers said. About 300 people were moved to Brenn, police said.\n\n"


def test_windows_join_back_and_are_bounded():
    text = PARA * 2000 + "x" * 5000 + " tail " + "😀" * 1000
    parts = windows(text, 5000)
    assert "".join(parts) == text
    assert max(map(len, parts)) <= 5000
    assert all(p.endswith(("\n\n", "x", "😀", " ")) or p is parts[-1] for p in parts)
    assert max(len(w) for p in parts for w in p.split()) <= MAX_RUN


def test_parse_end_cuts_by_chars_or_tokens():
    assert parse_end(PARA * 10) == len(PARA * 10)
    long = PARA * 5000
    assert parse_end(long) <= pipeline.MAX_PARSE_CHARS and long[parse_end(long) - 1] in " \n"
    emoji = "😀" * 100_000
    assert parse_end(emoji) <= pipeline.MAX_PARSE_TOKENS + 1


def test_a_windowed_article_keeps_its_offsets(extractor, monkeypatch):
    monkeypatch.setattr(pipeline, "WINDOW_CHARS", 400)
    art = text_article(PARA * 12, "w.txt")
    x = extractor.extract(art)
    assert x.article == art and x.claims and x.quotes is not None
    for c in x.claims:
        assert art.text[c.start : c.end] == c.text
    [piped] = list(extractor.pipe([art]))
    assert [c.text for c in piped.claims] == [c.text for c in x.claims]


def test_a_long_article_is_stored_whole_and_parsed_in_part(extractor, monkeypatch):
    monkeypatch.setattr(pipeline, "MAX_PARSE_CHARS", 1000)
    art = text_article(PARA * 40, "long.txt")
    x = extractor.extract(art)
    assert x.article.text == art.text and x.article.body_end == art.body_end
    assert x.claims and max(c.end for c in x.claims) <= 1000


def test_walls_of_one_character_and_endless_sentences_are_cheap(extractor):
    for text in ("😀" * 20_000, '"' * 20_000, " ".join(str(i) for i in range(4000))):
        t = time.monotonic()
        x = extractor.extract(text_article(text, "wall.txt"))
        assert time.monotonic() - t < 60
        assert all(e - s <= len(text) for s, e in x.sentences)
    x = extractor.extract(text_article(" ".join(str(i) for i in range(1000)), "n.txt"))
    assert max(len(x.article.text[s:e].split()) for s, e in x.sentences) <= 160


def test_a_number_of_5000_digits_is_no_figure(extractor):
    # what bench/fuzz.py found: runs of 165 nines read as infinity, and is_score called int() on it
    text = "Twenty people fled. " + ("9" * 165 + 'people cross kessel twenty"') * 40 + "9" * 400
    x = extractor.extract(text_article(text, "n.txt"))
    assert all(c.value.point is None or c.value.point < float("inf") for c in x.claims)
