"""Every JSON endpoint, in-process: shapes, filters, pages, and errors as JSON with status codes."""

from __future__ import annotations

import pytest


def get(client, url, status=200):
    r = client.get(url)
    assert r.status_code == status, (url, r.status_code, r.text[:500])
    assert r.headers["content-type"].startswith("application/json")
    return r.json()


def test_index_counts_and_endpoints(client):
    body = get(client, "/api/")
    assert body["counts"]["articles"] == 6
    assert body["ingest"] is False
    assert "/api/articles" in body["endpoints"] and "/api/ingest" not in body["endpoints"]


def test_articles_newest_first_with_pages(client):
    body = get(client, "/api/articles")
    days = [a["published"] for a in body["items"]]
    assert len(days) == 6 and days == sorted(days, reverse=True)
    assert body["next_offset"] is None
    first = get(client, "/api/articles?limit=2")
    assert len(first["items"]) == 2 and first["next_offset"] == 2
    second = get(client, f"/api/articles?limit=2&offset={first['next_offset']}")
    assert {a["id"] for a in first["items"]}.isdisjoint(a["id"] for a in second["items"])
    assert get(client, "/api/articles?source=wire.example")["items"] == []  # source, not url
    assert len(get(client, "/api/articles?source=Northern")["items"]) == 1


def test_article_has_every_extraction_with_offsets(client):
    aid = get(client, "/api/articles?source=Veridia Daily Wire")["items"][0]["id"]
    x = get(client, f"/api/articles/{aid[:8]}")  # a unique prefix is enough
    text = x["article"]["text"]
    assert x["schema"] == "newsledger/1" and x["article"]["id"] == aid
    assert x["entities"] and x["quotes"] and x["claims"] and x["times"]
    for c in x["claims"]:
        assert text[c["start"] : c["end"]] == c["text"] and c["figure"]
    for q in x["quotes"]:
        assert text[q["start"] : q["end"]] == q["text"]
    for e in x["entities"]:
        assert all(text[s:t] for s, t in e["mentions"])


def test_missing_article_is_a_json_404(client):
    body = get(client, "/api/articles/ffffffffffffffff", 404)
    assert body["error"]["code"] == "NL301" and body["error"]["status"] == 404


def test_claims_filters(client):
    killed = get(client, "/api/claims?measure=killed&limit=500")["items"]
    assert killed and all(c["measure"] == "killed" for c in killed)
    red = get(client, "/api/claims?source=Red Cross")["items"]
    assert red and all("Red Cross" in (c["source"]["name"] or c["source"]["entity"] or "") for c in red)
    text = get(client, "/api/claims?text=bodies")["items"]
    assert text and all(c["article"] for c in text)
    one = get(client, f"/api/claims?article={killed[0]['article']}")["items"]
    assert one and {c["article"] for c in one} == {killed[0]["article"]}
    assert get(client, "/api/claims?measure=bogus", 422)["error"]["code"] == "NL422"


def test_claims_page_through_all(client):
    everything = get(client, "/api/claims?limit=500")["items"]
    seen, offset = [], 0
    while offset is not None:
        page = get(client, f"/api/claims?limit=7&offset={offset}")
        seen += page["items"]
        offset = page["next_offset"]
    assert seen == everything


def test_quotes_by_speaker(client):
    rusk = get(client, "/api/quotes?speaker=Rusk")["items"]
    assert rusk and all("Rusk" in q["speaker"]["name"] for q in rusk)
    assert get(client, "/api/quotes?speaker=nobody-at-all")["items"] == []


def test_entities_and_one_entity(client):
    body = get(client, "/api/entities?limit=5")
    assert len(body["items"]) == 5 and body["next_offset"] == 5
    people = get(client, "/api/entities?label=PERSON&limit=500")["items"]
    assert people and all(e["label"] == "PERSON" for e in people)
    rusk = get(client, "/api/entities?q=rusk")["items"][0]
    e = get(client, f"/api/entities/{rusk['id']}")
    assert e["name"].endswith("Rusk") and e["keys"]
    assert e["timeline"] and sum(d["mentions"] for d in e["timeline"]) == e["mentions"]
    assert e["quotes"] and all("Rusk" in q["speaker"]["name"] for q in e["quotes"])
    assert e["recent_articles"]
    assert get(client, "/api/entities/person:nobody", 404)["error"]["code"] == "NL301"


def test_figures_most_disputed_first(client):
    figs = get(client, "/api/figures")["items"]
    assert figs, "the demo ledger holds no figures"
    assert figs[0]["sources"] == max(f["sources"] for f in figs)
    assert all(
        1 <= f["sources"] <= len(f["parties"]) + ("unattributed" in f["parties"]) * f["claims"]
        and f["parties"] == sorted(set(f["parties"]))
        for f in figs
    )
    top = get(client, f"/api/figures/{figs[0]['id']}")
    assert top["measure"] == "killed" and top["low"] <= top["best"] <= top["high"]
    assert len(top["claims"]) >= 3 and all(c["figure"] and c["mentions"] for c in top["claims"])
    assert get(client, "/api/figures?about=killed")["items"]
    assert get(client, "/api/figures?about=no-such-thing")["items"] == []
    assert get(client, "/api/figures/000000000000", 404)["error"]["code"] == "NL301"


def test_stories(client):
    body = get(client, "/api/stories")
    assert body["next_offset"] is None
    reported = set()
    for s in body["items"]:
        one = get(client, f"/api/stories/{s['id']}")
        assert len(one["articles"]) == s["articles"] and one["outlets"]
        ids = {a["id"] for a in one["articles"]}
        for f in one["figures"]:  # each figure listed is reported in one of the story's articles
            claims = get(client, f"/api/figures/{f['id']}")["claims"]
            assert ids & {m["article"] for c in claims for m in c["mentions"]}
            reported.add(f["id"])
    assert reported == {f["id"] for f in get(client, "/api/figures?limit=500")["items"]}  # and none is left out
    assert get(client, "/api/stories/no-such-story", 404)["error"]["code"] == "NL301"


def test_search_with_offsets_into_the_snippet(client):
    hits = get(client, "/api/search?q=inquiry")["items"]
    assert hits
    for h in hits:
        assert h["marks"] and all(h["snippet"][m["start"] : m["end"]].lower().startswith("inquir") for m in h["marks"])
    assert get(client, '/api/search?q="unbalanced')["items"] is not None  # bad FTS5 syntax is a phrase
    assert get(client, "/api/search", 422)["error"]["detail"][0]["loc"] == ["query", "q"]


@pytest.mark.parametrize(
    "url", ["/api/articles?limit=0", "/api/articles?limit=501", "/api/claims?offset=-1", "/api/quotes?limit=abc"]
)
def test_bad_pages_are_422(client, url):
    assert get(client, url, 422)["error"]["status"] == 422


def test_unknown_api_path_is_json(client):
    assert get(client, "/api/nothing-here", 404)["error"]["status"] == 404


def test_openapi_document_lists_every_endpoint(client):
    paths = set(get(client, "/openapi.json")["paths"])
    assert {
        "/api/articles",
        "/api/articles/{article_id}",
        "/api/entities",
        "/api/entities/{entity_id}",
        "/api/quotes",
        "/api/claims",
        "/api/figures",
        "/api/figures/{figure_id}",
        "/api/stories",
        "/api/stories/{story_id}",
        "/api/search",
    } <= paths
    assert not any(p.startswith("/articles") for p in paths)  # pages are not API


def test_figure_pages_follow_the_order(client):
    """`order` and `disputed` page through the same list the CLI prints."""
    latest = get(client, "/api/figures?order=latest&limit=500")["items"]
    days = [f["last"] for f in latest if f["last"]]
    assert days == sorted(days, reverse=True)
    disputed = get(client, "/api/figures?disputed=true&limit=500")["items"]
    assert disputed and all(f["claims"] > 1 for f in disputed)
    everything = get(client, "/api/figures?limit=500")["items"]
    assert [f["id"] for f in everything if f["claims"] > 1] == [f["id"] for f in disputed]
    seen, offset = [], 0
    while offset is not None:
        page = get(client, f"/api/figures?limit=2&offset={offset}")
        seen += page["items"]
        offset = page["next_offset"]
    assert seen == everything
    assert get(client, "/api/figures?order=biggest", 422)["error"]["code"] == "NL422"
