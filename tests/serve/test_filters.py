"""The articles page filters by date range, outlet and story (in the URL), counts what it keeps, and its
downloads are what `newsledger export` writes for the same filter."""

from __future__ import annotations

import csv
import io
import re

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


def test_bad_filters_are_refused_and_nothing_matching_says_so(client):
    assert client.get("/articles?since=2025-13-01").status_code == 422
    body = client.get("/articles?since=2031-01-01").text
    assert '<span id="total">0</span>' in body and "No article matches" in body
    assert client.get("/download/claims.xml").status_code == 404
