"""The report pages, in-process: each renders, links where it should, and keeps hostile text inert."""

from __future__ import annotations

import html
import json
import re


def page(client, url, status=200):
    r = client.get(url)
    assert r.status_code == status, (url, r.status_code, r.text[:500])
    assert r.headers["content-type"].startswith("text/html")
    assert "script-src 'self'" in r.headers["content-security-policy"]
    return r.text


def first_article(client, source):
    return client.get(f"/api/articles?source={source}").json()["items"][0]["id"]


def test_home_has_search_figures_and_articles(client):
    body = page(client, "/")
    assert 'action="/search"' in body and "Most disputed figures" in body
    assert "/articles/" in body
    figs = client.get("/api/figures").json()["items"]
    if figs:
        assert f"/figures/{figs[0]['id']}" in body


def test_article_page_marks_claims_quotes_entities_times(client):
    aid = first_article(client, "Veridia Daily Wire")
    body = page(client, f"/articles/{aid}")
    assert 'class="m m-claim' in body and 'class="m m-quote' in body
    assert 'class="m m-entity' in body and 'class="m m-time' in body
    # Hovering a claim shows who gave it; a quote, its speaker and cue.
    assert re.search(r'class="m m-claim[^"]*" data-tip="[^"]*source: [^"]+"', body)
    assert re.search(r'class="m m-quote[^"]*" data-tip="[^"]*speaker: Halvard Rusk · cue: “[a-z]+”', body)
    assert 'href="/entities/' in body
    # The marked text is the article's text, character for character.
    x = client.get(f"/api/articles/{aid}").json()
    shown = re.search(r'<div class="text">(.*?)</div>', body, re.S).group(1)
    assert html.unescape(re.sub(r"<[^>]+>", "", shown)) == x["article"]["text"]


def test_article_claims_link_to_their_figure(client):
    figs = client.get("/api/figures").json()["items"]
    assert figs, "the demo ledger holds no figures"
    fig = client.get(f"/api/figures/{figs[0]['id']}").json()
    body = page(client, f"/articles/{fig['claims'][0]['article']}")
    assert f'href="/figures/{fig["id"]}"' in body


def test_figure_page_has_chart_data_and_table(client):
    figs = client.get("/api/figures").json()["items"]
    assert figs, "the demo ledger holds no figures"
    fig = client.get(f"/api/figures/{figs[0]['id']}").json()
    body = page(client, f"/figures/{fig['id']}")
    block = re.search(r'<script type="application/json" data-chart="figure-chart">(.*?)</script>', body, re.S)
    spec = json.loads(block.group(1))
    points = [l for l in spec["layer"] if "layer" in l and any(m["mark"]["type"] == "point" for m in l["layer"])]
    rows = points[0]["data"]["values"]
    assert {r["source"] for r in rows} >= {c["source"] or "unattributed" for c in fig["claims"]}
    assert any(l.get("mark", {}).get("type") == "rect" for l in spec["layer"])  # the low–high band
    assert '<script src="/static/vendor/vega-lite.min.js">' in body and "/static/chart.js" in body
    assert body.count("<tr>") >= len(fig["claims"]) + 1


def test_entity_page(client):
    rusk = client.get("/api/entities?q=rusk").json()["items"][0]
    body = page(client, f"/entities/{rusk['id']}")
    assert "What Halvard Rusk said" in body and "<blockquote>" in body
    assert 'data-chart="entity-chart"' in body


def test_lists_search_and_docs(client):
    for url in (
        "/articles",
        "/entities",
        "/entities?label=PERSON",
        "/figures",
        "/figures?about=killed",
        "/stories",
        "/docs",
    ):
        page(client, url)
    body = page(client, "/search?q=inquiry")
    assert "<mark>" in body and "/articles/" in body
    assert "Nothing matches" in page(client, "/search?q=zzzyyyxxx")


def test_search_counts_every_page_of_its_hits(client):
    def total(url: str) -> int:
        return int(re.search(r'<span id="total">(\d+)</span>', page(client, url)).group(1))

    every = client.get("/api/articles", params={"limit": 500}).json()["items"]
    assert total("/search?q=dam") == len(every) > 2  # every demo article names the dam
    assert total("/search?q=inquiry") == 2 and "</span> articles match" in page(client, "/search?q=inquiry")
    hits = re.findall(r'class="hit-title" href="/articles/', page(client, "/search?q=dam&offset=2"))
    assert len(hits) == len(every) - 2  # a later page: the count stays that of the whole search
    assert total("/search?q=dam&offset=2") == len(every)
    assert total('/search?q="unbalanced') == 0 and total("/search?q=zzzyyyxxx") == 0


def test_story_page_lists_articles_outlets_and_figures(client):
    stories = client.get("/api/stories").json()["items"]
    assert stories, "the demo ledger holds no stories"
    top = max(stories, key=lambda s: s["articles"])
    s = client.get(f"/api/stories/{top['id']}").json()
    body = page(client, f"/stories/{top['id']}")
    assert all(f"/articles/{a['id']}" in body for a in s["articles"])
    assert all(html.escape(o) in body for o in s["outlets"])
    assert all(f"/figures/{f['id']}" in body for f in s["figures"])


def test_missing_pages_are_404_pages(client):
    for url in ("/articles/ffffffffffffffff", "/figures/nope", "/entities/person:nobody", "/stories/nope", "/nope"):
        assert "Not found" in page(client, url, 404)


def test_static_files_are_served(client):
    assert client.get("/static/style.css").status_code == 200
    js = client.get("/static/chart.js").headers["content-type"]
    assert js.startswith(("application/javascript", "text/javascript"))


# -- hostile content ----------------------------------------------------------------------------------


def _scripts(body: str) -> list[str]:
    return re.findall(r"<script\b[^>]*>", body, re.I)


def _assert_inert(body: str) -> None:
    """No element or attribute the article brought: only our own scripts, no handlers, no javascript: links."""
    assert all('src="/static/' in s or 'type="application/json"' in s for s in _scripts(body)), _scripts(body)
    assert not re.search(r"<[a-z]+\b[^>]*\son[a-z]+\s*=", body, re.I)
    assert not re.search(r"""(href|src)\s*=\s*["']?\s*javascript:""", body, re.I)
    assert "<img" not in body and "<b " not in body
    assert not re.search(r">\s*49\s*<", body)  # a template in the text is never evaluated


def test_hostile_article_is_inert_everywhere(hostile_client):
    aid = hostile_client.get("/api/articles").json()["items"][0]["id"]
    urls = [
        "/",
        "/articles",
        f"/articles/{aid}",
        "/search?q=ministry",
        "/search?q=script",
        "/entities",
        "/figures",
        "/stories",
    ]
    urls += [f"/entities/{e['id']}" for e in hostile_client.get("/api/entities").json()["items"]]
    urls += [f"/figures/{f['id']}" for f in hostile_client.get("/api/figures").json()["items"]]
    for url in urls:
        _assert_inert(page(hostile_client, url))
    body = page(hostile_client, f"/articles/{aid}")
    assert "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;" in body  # shown as text, not run
    assert "&lt;img src=x onerror=" in body
    assert "original</a>" not in body  # the javascript: URL is not made a link


def test_hostile_text_in_chart_json_cannot_close_the_block(hostile_client):
    figs = hostile_client.get("/api/figures").json()["items"]
    assert figs, "the hostile ledger holds no figures"
    body = page(hostile_client, f"/figures/{figs[0]['id']}")
    block = re.search(r'<script type="application/json" data-chart="figure-chart">(.*?)</script>', body, re.S).group(1)
    assert "<" not in block and json.loads(block)["layer"]


def test_hostile_search_query_is_escaped(client):
    body = page(client, "/search?q=%3Cscript%3Ealert(1)%3C/script%3E")
    assert "<script>alert(1)" not in body and "&lt;script&gt;alert(1)" in body


def test_pages_show_the_outlet_not_the_file(client):
    body = page(client, "/articles")
    assert "Veridia Daily Wire" in body and "kesselcourier.example" in body
    assert "kessel-courier-troops.html" not in body  # the HTML file's outlet, not its path
    x = client.get("/api/articles").json()
    assert {a.get("outlet") for a in x["items"]} >= {"Veridia Daily Wire", "kesselcourier.example"}


def test_story_pages_show_the_outlet_not_the_file(client):
    stories = client.get("/api/stories").json()["items"]
    bodies = [page(client, f"/stories/{s['id']}") for s in stories]
    outlets = [o for s in stories for o in client.get(f"/api/stories/{s['id']}").json()["outlets"]]
    assert not any("kessel-courier-troops.html" in b for b in bodies)
    assert not any(o.endswith(".html") for o in outlets)


def test_events_list_and_event_page(client):
    body = page(client, "/events")
    ids = re.findall(r'href="/events/(\d+)"', body)
    assert ids
    one = page(client, f"/events/{ids[0]}")
    assert "<mark>" in one and "actor" in one and "/articles/" in one
    assed = page(client, "/events?type=ASSAULT&status=happened")
    assert all(t == "ASSAULT" for t in re.findall(r'href="/events/\d+">(\w+)<', assed))
    page(client, "/events/999999999", status=404)
