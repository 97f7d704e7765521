"""The articles page filters by date range, outlet and story (in the URL), counts what it keeps, and its
downloads are what `newsledger export` writes for the same filter."""

from __future__ import annotations

import csv
import io
import re

import pytest
from click.testing import CliRunner

from newsledger.cli import main


def export(db, *args) -> str:
    r = CliRunner().invoke(main, ["export", "--db", str(db), "--table", "articles", *args])
    assert r.exit_code == 0, r.output
    return r.output


def listed(body: str) -> list[str]:
    table = body[body.index('<table class="grid">') : body.index("</table>")]
    return re.findall(r'href="/articles/([0-9a-f]+)"', table)


def test_a_filtered_page_counts_lists_and_downloads_the_same_articles(client, demo_db):
    every = list(csv.DictReader(io.StringIO(export(demo_db, "--format", "csv"))))
    dates = sorted({r["published"] for r in every})
    since = dates[len(dates) // 2]
    kept = {r["id"] for r in every if r["published"] >= since}
    assert 0 < len(kept) < len(every)
    body = client.get(f"/articles?since={since}").text
    assert set(listed(body)) == kept
    assert f'<span id="total">{len(kept)}</span>' in body
    assert f'value="{since}"' in body and f'href="/download/articles.csv?since={since}"' in body
    got = client.get(f"/download/articles.csv?since={since}")
    assert got.status_code == 200 and got.headers["content-type"].startswith("text/csv")
    assert got.text == export(demo_db, "--format", "csv", "--since", since)
    assert client.get(f"/download/articles.jsonl?since={since}").text == export(demo_db, "--since", since)


def test_outlet_and_story_filters_agree_with_the_cli(client, demo_db):
    every = list(csv.DictReader(io.StringIO(export(demo_db, "--format", "csv"))))
    outlet = max({r["outlet"] for r in every} - {""}, key=lambda o: sum(r["outlet"] == o for r in every))
    body = client.get("/articles", params={"outlet": outlet, "until": "2025-03-31"}).text
    assert set(listed(body)) == {r["id"] for r in every if r["outlet"] == outlet}
    cli = export(demo_db, "--format", "csv", "--outlet", outlet, "--until", "2025-03-31")
    assert client.get("/download/articles.csv", params={"outlet": outlet, "until": "2025-03-31"}).text == cli
    args = ["export", "--db", str(demo_db), "--table", "stories", "--format", "csv"]
    stories = list(csv.DictReader(io.StringIO(CliRunner().invoke(main, args).output)))
    sid = stories[-1]["story"]
    members = {r["article"] for r in stories if r["story"] == sid}
    assert set(listed(client.get(f"/articles?story={sid}").text)) == members


def test_articles_by_a_measure_their_claims_hold_and_a_country_their_places_name(
    client, demo_db, places_client, places_db
):
    killed = {r["article"] for r in rows_of(demo_db, "claims", "--measure", "killed")}
    every = listed(client.get("/articles").text)
    assert 0 < len(killed) < len(every)
    body = client.get("/articles?measure=killed").text
    assert set(listed(body)) == killed and f'<span id="total">{len(killed)}</span>' in body
    assert "<option selected>killed</option>" in body  # the form keeps the choice
    csv_text = client.get("/download/articles.csv?measure=killed").text
    assert csv_text == export(demo_db, "--format", "csv", "--measure", "killed")
    assert {r["id"] for r in csv.DictReader(io.StringIO(csv_text))} == killed
    for country in ("IRN", "IDN"):
        named = {r["article"] for r in rows_of(places_db, "places") if r["country"] == country}
        page = places_client.get(f"/articles?country={country.lower()}").text
        assert named and set(listed(page)) == named
        assert places_client.get(f"/download/articles.csv?country={country}").text == export(
            places_db, "--format", "csv", "--country", country
        )
    # the other per-article tables ignore them, as before: the times of every article
    assert len(rows_of(demo_db, "times", "--measure", "killed")) == len(rows_of(demo_db, "times"))


def test_bad_filters_are_refused_and_nothing_matching_says_so(client):
    assert client.get("/articles?since=2025-13-01").status_code == 422
    body = client.get("/articles?since=2031-01-01").text
    assert '<span id="total">0</span>' in body and "No article matches" in body
    assert client.get("/download/claims.xml").status_code == 404


# -- the figures, claims, quotes and events pages: one filter (store/slices.Slice) for page, count, download --

TOTAL = re.compile(r'<span id="total">(\d+)</span>')


def rows_of(db, table: str, *args) -> list[dict]:
    r = CliRunner().invoke(main, ["export", "--db", str(db), "--table", table, "--format", "csv", *args])
    assert r.exit_code == 0, r.output
    return list(csv.DictReader(io.StringIO(r.output)))


def shown(client, url: str, params: dict) -> tuple[int, int, str]:
    """The page's count, its table's rows, and its CSV download's text."""
    body = client.get(url, params=params).text
    grid = body[body.find('<table class="grid">') : body.find("</table>")]  # figures: no table when none
    rows = max(grid.count("<tr>") - 1 - ('class="muted">No ' in grid), 0)
    link = re.search(r'class="download" href="([^"]+\.csv[^"]*)"', body).group(1).replace("&amp;", "&")
    return int(TOTAL.search(body).group(1)), rows, client.get(link).text


def kept(rows: list[dict], table: str) -> int:
    return len({r["figure"] for r in rows}) if table == "figures" else len(rows)


CASES = [  # page, filter, the CLI's options for it, a column of the export that says the filter holds
    ("claims", {"measure": "killed"}, ["--measure", "killed"], lambda r: r["measure"] == "killed"),
    ("claims", {"party": "Ferreira"}, ["--party", "Ferreira"], lambda r: "Ferreira" in r["source"]),
    ("claims", {"since": "2025-03-09"}, ["--since", "2025-03-09"], lambda r: r["published"] >= "2025-03-09"),
    ("quotes", {"party": "Ferreira"}, ["--party", "Ferreira"], lambda r: "Ferreira" in r["speaker"]),
    ("quotes", {"until": "2025-03-06"}, ["--until", "2025-03-06"], lambda r: r["published"] <= "2025-03-06"),
    ("figures", {"party": "Government"}, ["--party", "Government"], None),
    ("figures", {"measure": "killed"}, ["--measure", "killed"], lambda r: r["measure"] == "killed"),
    ("figures", {"since": "2025-03-09"}, ["--since", "2025-03-09"], None),
    ("events", {"since": "2025-03-09"}, ["--since", "2025-03-09"], lambda r: r["published"] >= "2025-03-09"),
    (
        "events",
        {"party": "opposition"},
        ["--party", "opposition"],
        lambda r: "opposition" in (r["actor"] + r["target"]).lower(),
    ),
]


@pytest.mark.parametrize(("table", "params", "cli", "holds"), CASES, ids=[f"{c[0]}-{next(iter(c[1]))}" for c in CASES])
def test_a_filter_cuts_the_list_its_count_and_its_download_alike(client, demo_db, table, params, cli, holds):
    every, _, _ = shown(client, f"/{table}", {})
    assert every == kept(rows_of(demo_db, table), table)
    total, listed, download = shown(client, f"/{table}", params)
    assert 0 < total < every, (table, params, total, every)
    assert listed == total  # one page: the demo holds fewer than 50 of each
    assert (
        download
        == CliRunner().invoke(main, ["export", "--db", str(demo_db), "--table", table, "--format", "csv", *cli]).output
    )
    got = list(csv.DictReader(io.StringIO(download)))
    assert kept(got, table) == total and (holds is None or all(holds(r) for r in got))
    jsonl = client.get(f"/download/{table}.jsonl", params=params).text.splitlines()
    assert len(jsonl) == (total if table == "figures" else len(got))


def test_the_figures_party_is_a_party_behind_the_figure(client, demo_db):
    rows = rows_of(demo_db, "figures", "--party", "Government")
    figures = {r["figure"] for r in rows}
    every = rows_of(demo_db, "figures")
    assert figures == {r["figure"] for r in every if "Government" in (r["party_name"] or r["source"])}


def test_the_country_of_an_event_is_its_place_and_of_a_figure_its_incident(places_client, places_db):
    for table in ("events", "figures"):
        every, _, _ = shown(places_client, f"/{table}", {})
        by = {c: shown(places_client, f"/{table}", {"country": c}) for c in ("IDN", "irn")}
        assert all(0 < n < every for n, _, _ in by.values()) and sum(n for n, _, _ in by.values()) == every
        assert shown(places_client, f"/{table}", {"country": "FRA"})[0] == 0
    _, _, download = shown(places_client, "/events", {"country": "IRN"})
    (event,) = csv.DictReader(io.StringIO(download))
    args = ["export", "--db", str(places_db), "--table", "events", "--format", "csv", "--country", "irn"]
    assert CliRunner().invoke(main, args).output == download
    assert event["article"] in {a["id"] for a in places_client.get("/api/articles").json()["items"]}


def test_the_country_of_a_claim_is_its_figure_s_incident(places_client, places_db):
    every, _, _ = shown(places_client, "/claims", {})
    for country in ("IRN", "IDN"):
        figures = rows_of(places_db, "figures", "--country", country)
        total, listed, download = shown(places_client, "/claims", {"country": country.lower()})
        assert 0 < total == listed < every
        got = {(r["article"], r["text"]) for r in csv.DictReader(io.StringIO(download))}
        assert got == {(r["article"], r["text"]) for r in figures}
        assert (
            download
            == CliRunner()
            .invoke(
                main, ["export", "--db", str(places_db), "--table", "claims", "--format", "csv", "--country", country]
            )
            .output
        )
    assert shown(places_client, "/claims", {"country": "FRA"})[0] == 0


def test_a_page_s_own_refinements_are_in_its_downloads_too(client):
    for table, params in (("events", {"type": "ACCUSE", "since": "2025-03-04"}), ("figures", {"about": "killed"})):
        total, listed, download = shown(client, f"/{table}", params)
        rows = list(csv.DictReader(io.StringIO(download)))
        assert 0 < total == listed == kept(rows, table) < shown(client, f"/{table}", {})[0]
    body = client.get("/events", params={"type": "ACCUSE", "since": "2025-03-04"}).text
    assert 'href="/download/events.csv?since=2025-03-04&amp;type=ACCUSE"' in body
    assert int(TOTAL.search(body).group(1)) < int(TOTAL.search(client.get("/events?since=2025-03-04").text).group(1))


def test_pages_of_a_filtered_list_carry_the_filter(client):
    total, listed, _ = shown(client, "/claims", {"since": "2025-03-06", "offset": 5})
    assert listed == total - 5


def test_the_pager_s_links_keep_the_filter(client, monkeypatch):
    from newsledger.serve import pages

    monkeypatch.setattr(pages, "PER_PAGE", 2)  # the demo holds fewer than 50 of each: pages of 2
    for table in ("claims", "articles", "events"):
        body = client.get(f"/{table}", params={"since": "2025-03-04"}).text
        assert 'href="?offset=2&amp;since=2025-03-04">older' in body, table
        later = client.get(f"/{table}", params={"since": "2025-03-04", "offset": 2}).text
        assert 'href="?offset=0&amp;since=2025-03-04">' in later, table


def test_the_api_lists_take_the_same_filters(client):
    def items(path: str, **params) -> list[dict]:
        r = client.get(path, params={"limit": 500, **params})
        assert r.status_code == 200, r.text
        return r.json()["items"]

    for table, params, _, _ in CASES:
        page, _, _ = shown(client, f"/{table}", params)
        assert len(items(f"/api/{table}", **params)) == page, (table, params)
    outlet = items("/api/articles")[0]["outlet"]
    assert {a["outlet"] for a in items("/api/articles", outlet=outlet)} == {outlet}
    assert client.get("/api/claims", params={"measure": "bogus"}).json()["error"]["code"] == "NL422"
    assert client.get("/api/figures", params={"country": "U1"}).status_code == 422


def test_bad_filter_values_are_refused_on_every_page(client):
    for table in ("claims", "quotes", "figures", "events"):
        assert client.get(f"/{table}?since=2025-13-01").status_code == 422
        assert client.get(f"/{table}?measure=bogus").status_code == 422
        assert client.get(f"/{table}?country=12").status_code == 422
        assert "No " in client.get(f"/{table}?since=2031-01-01").text


def test_plover_records_of_a_slice_are_its_events(demo_db):
    def plover(*args) -> list[str]:
        cmd = ["export", "--db", str(demo_db), "--table", "events", "--format", "plover", *args]
        return CliRunner().invoke(main, cmd).output.splitlines()

    since = rows_of(demo_db, "events", "--since", "2025-03-09")
    assert 0 < len(plover("--since", "2025-03-09")) == len(since) < len(plover())
