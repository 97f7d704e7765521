"""Places on the article, story and figure pages (#15): the map's spec and the list beside it."""

from __future__ import annotations

import json
import re

from newsledger.models import Place
from newsledger.serve import charts


def _map_spec(html: str) -> dict:
    m = re.search(r'<script type="application/json" data-chart="place-map">(.*?)</script>', html, re.S)
    assert m, "no place map on the page"
    return json.loads(m.group(1))


def test_place_rows_count_mentions_and_skip_unresolved():
    ps = [
        Place("a", 0, 5, "Paris", "Paris", "FRA", "Ile-de-France", 48.85, 2.35),
        Place("a", 9, 14, "Paris", "Paris", "FRA", "Ile-de-France", 48.85, 2.35),
        Place("a", 20, 31, "Zorbavindel"),
    ]
    rows = charts.place_rows(ps)
    assert [(r["place"], r["mentions"]) for r in rows] == [("Paris", 2)]


def test_map_spec_draws_the_vendored_outline_under_the_points():
    spec = charts.place_map([{"place": "Kyiv", "lat": 50.45, "lon": 30.52, "mentions": 3}])
    outline, points = spec["layer"]
    assert outline["data"]["url"] == charts.WORLD and outline["mark"]["type"] == "geoshape"
    assert points["data"]["values"][0]["place"] == "Kyiv"
    assert not any(k.startswith("http") for k in json.dumps(spec).split('"') if k != charts.SCHEMA)


def test_demo_articles_fictional_places_are_left_off_the_map(client):
    for a in client.get("/api/articles?limit=200").json()["items"]:
        x = client.get(f"/api/articles/{a['id']}").json()
        assert all(p["lat"] is None for p in x["places"]), x["places"]  # "Veridia" is no real place
        assert "No place resolved." in client.get(f"/articles/{a['id']}").text


def test_article_story_and_figure_pages_show_their_places(places_client):
    client = places_client
    shown = 0
    for a in client.get("/api/articles?limit=200").json()["items"]:
        x = client.get(f"/api/articles/{a['id']}").json()
        resolved = {p["name"] for p in x.get("places", []) if p["lat"] is not None}
        html = client.get(f"/articles/{a['id']}").text
        if not resolved:
            assert "No place resolved." in html
            continue
        shown += 1
        spec = _map_spec(html)
        assert {r["place"] for r in spec["layer"][1]["data"]["values"]} == resolved
    assert shown == 2
    for story in client.get("/api/stories").json()["items"]:
        assert _map_spec(client.get(f"/stories/{story['id']}").text)["layer"][1]["data"]["values"]
    figures = client.get("/api/figures").json()["items"]
    assert figures
    for f in figures:
        rows = _map_spec(client.get(f"/figures/{f['id']}").text)["layer"][1]["data"]["values"]
        assert {r["country"] for r in rows} in ({"IDN"}, {"IRN"})  # each quake's own country, not both


def test_an_event_page_maps_the_place_where_it_happened(places_client):
    body = places_client.get("/events?type=ASSAULT").text + places_client.get("/events").text
    ids = sorted(set(re.findall(r'href="/events/(\d+)"', body)))
    assert ids, "the quake articles hold events (the looters arrested; a quake killing is no ASSAULT)"
    mapped = []
    for i in ids:
        html = places_client.get(f"/events/{i}").text
        m = re.search(r'<script type="application/json" data-chart="event-map">(.*?)</script>', html, re.S)
        if m:
            points = json.loads(m.group(1))["layer"][1]["data"]["values"]
            assert len(points) == 1  # the event's own place, not every place of its article
            mapped.append(points[0]["country"])
    assert mapped and set(mapped) <= {"IDN", "IRN"}


def test_plover_records_carry_the_event_s_place(places_db):
    from click.testing import CliRunner

    from newsledger.cli import main

    out = CliRunner().invoke(main, ["events", "--db", str(places_db), "--format", "plover"]).output
    locs = [r["eventLoc"] for r in map(json.loads, out.splitlines()) if r["eventLoc"]]
    assert locs and {loc["country"] for loc in locs} <= {"IDN", "IRN"} and all(loc["lat"] for loc in locs)
