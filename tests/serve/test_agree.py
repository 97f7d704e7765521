"""The CLI, the JSON API and the pages list figures through one function: the same figures in the same
order, the same `about` filter, and `sources` the same count everywhere."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from newsledger.cli import main


def cli_figures(db, *args) -> list[dict]:
    r = CliRunner().invoke(main, ["figures", "--db", str(db), "--json", *args])
    assert r.exit_code == 0, r.output
    return [json.loads(line) for line in r.output.splitlines() if line.strip()]


def api_ids(client, query: str = "") -> list[str]:
    return [f["id"] for f in client.get(f"/api/figures?limit=500{query}").json()["items"]]


def page_ids(client, url: str) -> list[str]:
    body = client.get(url).text
    table = body[body.index('<table class="grid">') : body.index("</table>")]
    return re.findall(r'href="/figures/([^"/?]+)"', table)


def test_cli_api_and_pages_list_the_same_figures_in_the_same_order(client, demo_db):
    cli = cli_figures(demo_db)
    assert len(cli) > 1, "the demo ledger holds too few figures to compare orders"
    ids = [f["id"] for f in cli]
    assert api_ids(client) == ids
    assert page_ids(client, "/figures") == ids[:50]
    # The home page's most disputed: the same order, figures with more than one statement, the first six.
    disputed = [f["id"] for f in cli if len(f["claims"]) > 1]
    assert disputed, "the demo ledger holds no disputed figure"
    assert page_ids(client, "/") == disputed[:6]
    assert api_ids(client, "&disputed=true") == disputed


def test_sources_is_the_count_the_cli_gives(client, demo_db):
    cli = {f["id"]: f for f in cli_figures(demo_db)}
    api = client.get("/api/figures?limit=500").json()["items"]
    assert {f["id"]: f["sources"] for f in api} == {i: f["sources"] for i, f in cli.items()}
    for f in api:
        assert f["parties"] == sorted(
            {c["party_name"] or c["source"] or "unattributed" for c in cli[f["id"]]["claims"]}
        )
        assert len({c["party"] for c in cli[f["id"]]["claims"]}) == f["sources"]  # the count is of parties
        detail = client.get(f"/api/figures/{f['id']}").json()
        assert detail["sources"] == f["sources"] and detail["parties"] == f["parties"]


@pytest.mark.parametrize("about", ["killed", "people", "Red Cross", "dam", "bodies", "no-such-thing"])
def test_about_filters_alike(client, demo_db, about):
    ids = [f["id"] for f in cli_figures(demo_db, "--about", about)]
    assert api_ids(client, f"&about={about}") == ids
    body = client.get(f"/figures?about={about}").text
    if ids:
        assert page_ids(client, f"/figures?about={about}") == ids[:50]
    else:
        assert "No figures about" in body
