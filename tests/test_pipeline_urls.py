"""`ingest URL...` / `extract URL`: pages fetched once and kept, canonical URLs as identity, non-English
articles stored with their language and no extraction, one bad URL never stopping the run."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from newsledger.ingest.fetch import Fetcher, FetchOptions
from newsledger.pipeline import ingest
from newsledger.store import Ledger, live

BIN = Path(sys.executable).parent / "newsledger"
ROOT = Path(__file__).resolve().parents[1]

ENGLISH = """<html><head><title>Pass road reopens | Valley Post</title>
<meta property="og:site_name" content="Valley Post">
<link rel="canonical" href="https://valleypost.example/pass-road">
<script type="application/ld+json">{"@type": "NewsArticle", "publisher": {"@type": "Organization",
"name": "Valley Post Media"}}</script></head><body><article>
<p>The pass road above Kessel reopened on Friday after crews cleared 14 landslides, the regional roads
office said, ending a closure that had cut off three villages for nine days.</p>
<p>Some 1,200 residents had been supplied by helicopter during the closure, according to the office.</p>
</article></body></html>"""

UPDATED = ENGLISH.replace("14 landslides", "fourteen landslides")

PORTUGUESE = """<html><head><title>Resultados finais</title></head><body><article>
<p>A comissão eleitoral divulgou na segunda-feira os resultados finais da votação em todos os 245
municípios da região, com uma participação de 61 por cento, a mais alta dos últimos vinte anos.</p>
<p>O partido do governo obteve 412 mil votos, contra 388 mil da oposição, segundo os números oficiais
publicados pela comissão depois da contagem de todas as mesas de voto.</p></article></body></html>"""

NO_NAME = """<html><head><title>Ferry timetable changes</title></head><body><article>
<p>The lake ferry will run every forty minutes from Monday, the harbour office said, after two new boats
entered service this month on the route between the northern and southern piers.</p></article></body></html>"""


def fetcher() -> Fetcher:
    return Fetcher(FetchOptions(allow_private=True, backoff=0.01, retries=1))


def serve(site) -> None:
    h = {"Content-Type": "text/html; charset=utf-8"}
    site.routes["/en"] = site.Reply(ENGLISH.encode(), headers=h)
    site.routes["/pt"] = site.Reply(PORTUGUESE.encode(), headers=h)
    site.routes["/plain"] = site.Reply(NO_NAME.encode(), headers=h)
    site.routes["/moved"] = site.Reply(status=301, headers={"Location": "/en"})


def test_urls_are_fetched_once_and_kept(site, tmp_path, extractor):
    serve(site)
    with Ledger(tmp_path / "l.db") as led:
        rep = ingest([site.url("/en"), site.url("/plain")], led, extractor, fetcher=fetcher())
        assert (rep.stored, rep.failures) == (2, [])
        page = live.page(led, site.url("/en"))
        assert page is not None and page.body == ENGLISH.encode() and page.fetched_at
        assert page.header("content-type").startswith("text/html")
        by_source = {a.source: a for a in led.articles()}
        assert by_source[site.url("/en")].outlet == "Valley Post"  # og:site_name
        assert by_source[site.url("/plain")].outlet == "127.0.0.1"  # no name: the URL's host
        assert led.count("claims") > 0
        hits = site.hits("/en")
        again = ingest([site.url("/en")], led, extractor, fetcher=fetcher())
        assert (again.stored, again.already) == (0, 1)
        assert site.hits("/en") == hits  # read from the ledger, not fetched again


def test_canonical_url_is_the_identity_of_an_updated_page(site, tmp_path, extractor):
    serve(site)
    with Ledger(tmp_path / "l.db") as led:
        ingest([site.url("/en")], led, extractor, fetcher=fetcher())
        site.routes["/en-updated"] = site.Reply(UPDATED.encode(), headers={"Content-Type": "text/html"})
        rep = ingest([site.url("/en-updated")], led, extractor, fetcher=fetcher())
        assert (rep.stored, rep.already) == (0, 1)  # same canonical URL, edited text: the same article
        assert led.count("articles") == 1


def test_redirected_url_is_found_under_either_address(site, tmp_path, extractor):
    serve(site)
    with Ledger(tmp_path / "l.db") as led:
        ingest([site.url("/moved")], led, extractor, fetcher=fetcher())
        assert live.page(led, site.url("/moved")).final_url == site.url("/en")
        assert live.page(led, site.url("/en")) is not None


def test_portuguese_article_is_stored_unextracted_with_a_warning(site, tmp_path, extractor):
    serve(site)
    with Ledger(tmp_path / "l.db") as led:
        rep = ingest([site.url("/pt"), site.url("/en")], led, extractor, fetcher=fetcher())
        assert rep.stored == 2 and rep.failures == []
        assert [(w.code, w.where) for w in rep.warnings] == [("NL129", site.url("/pt"))]
        assert "Portuguese (pt)" in rep.warnings[0].message
        pt = led.articles(language="pt")
        assert len(pt) == 1 and pt[0].claims == 0 and pt[0].quotes == 0
        assert led.count("entities") > 0  # the English one was extracted
        x = led.extraction(pt[0].id)
        assert x.entities == () and x.article.language == "pt"


def test_a_bad_url_is_reported_and_the_run_goes_on(site, tmp_path, extractor):
    serve(site)
    site.routes["/down"] = site.Reply(b"", 503)
    with Ledger(tmp_path / "l.db") as led:
        rep = ingest(
            [site.url("/down"), "http://169.254.169.254/latest/", site.url("/en")], led, extractor, fetcher=fetcher()
        )
        assert rep.stored == 1
        assert [(f.error.code, f.error.where) for f in rep.failures] == [
            ("NL126", site.url("/down")),
            ("NL121", "http://169.254.169.254/latest/"),
        ]
        assert [r["code"] for r in led.failures()] == ["NL126", "NL121"]


def test_cli_ingest_url_articles_language_and_extract(site, tmp_path):
    serve(site)
    db = tmp_path / "l.db"
    r = subprocess.run(
        [str(BIN), "ingest", site.url("/en"), site.url("/pt"), "--db", str(db), "--quiet", "--allow-private"],
        capture_output=True,
        text=True,
    )
    assert r.returncode == 0, r.stderr
    assert "warning: NL129" in r.stderr and site.url("/pt") in r.stderr
    r = subprocess.run(
        [str(BIN), "articles", "--db", str(db), "--language", "pt", "--json"], capture_output=True, text=True
    )
    rows = [json.loads(ln) for ln in r.stdout.splitlines()]
    assert [(x["source"], x["language"], x["claims"]) for x in rows] == [(site.url("/pt"), "pt", 0)]
    r = subprocess.run(
        [str(BIN), "articles", "--db", str(db)], capture_output=True, text=True, env={**os.environ, "COLUMNS": "200"}
    )
    assert "Valley Post" in r.stdout and site.url("/en") not in r.stdout  # the outlet, not the URL
    # Without --allow-private the local server is refused, with a coded error naming the URL; exit 1.
    r = subprocess.run([str(BIN), "extract", site.url("/en")], capture_output=True, text=True)
    assert r.returncode == 1 and f"NL121: '{site.url('/en')}'" in r.stderr
    r = subprocess.run([str(BIN), "extract", site.url("/en"), "--allow-private"], capture_output=True, text=True)
    out = json.loads(r.stdout)
    assert r.returncode == 0 and out["article"]["outlet"] == "Valley Post" and out["article"]["language"] == "en"
