"""No extractor reads a span marked outside the body, and every record's text is the stored text's."""

from __future__ import annotations

from datetime import date

from newsledger.ingest.readers import text_article

TEXT = (
    "BRENN, Veridia (Courier) — The Orvin dam gave way on Sunday, killing 12 people, the interior ministry said.\n\n"
    "JUST WATCHED Mayor: 40 missing in Lusk Replay More Videos ... MUST WATCH Mayor: 40 missing in Lusk 01:51\n\n"
    '"We are still searching for 30 people," said Ana Ruiz, the mayor of Brenn.\n\n'
    "Rescuers in Brenn on Monday. 200 homes were lost, officials said. (Photo: Tom Reyes/Courier)\n\n"
    "Sign up for the Courier's morning newsletter\n\n"
    "Tom Reyes, Veridia Courier\n\n"
    "Seoul says 3 missiles fired toward the east\n"
    "Tallin port strike enters second week\n"
)


def test_nothing_is_extracted_from_marked_spans(extractor):
    art = text_article(TEXT, "t.txt", date(2025, 3, 10))
    kinds = {k for _, _, k in art.outside}
    assert {"dateline", "widget", "caption", "prompt"} <= kinds
    x = extractor.extract(art)
    records = [*x.quotes, *x.claims, *x.times, *x.events]
    assert records and x.claims and x.quotes
    for r in records:
        assert not art.in_outside(r.start, r.end), r
    for e in x.entities:
        assert e.mentions and not any(art.in_outside(*m) for m in e.mentions), e
        assert all(art.text[s:t] for s, t in e.mentions)
    for q in x.quotes:
        assert q.text == art.text[q.start : q.end]
    values = {c.value.point for c in x.claims}
    assert 12 in values and 30 in values
    assert not values & {40, 200, 3}  # the widget's, the caption's and a trailing headline's numbers
    assert not any("Seoul" in (q.speaker.name or "") for q in x.quotes if q.speaker)
    assert x.article.text == TEXT  # stored verbatim
