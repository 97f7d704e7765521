"""End to end in a real browser (Debian's chromium driven by Playwright): home, search, an article, hover
a claim, follow it to its figure, and see the chart drawn. Screenshots go to test-artifacts/."""

from __future__ import annotations

import socket
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

from newsledger.serve import create_app
from newsledger.serve.app import STATIC

from .conftest import ROOT

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = ROOT / "test-artifacts"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

pytestmark = [
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"needs Debian's chromium at {CHROMIUM} (apt install chromium)"),
    pytest.mark.skipif(
        not (STATIC / "vendor" / "vega-lite.min.js").exists(),
        reason="needs the vendored chart libraries: run scripts/vendor_js.sh (make install does)",
    ),
]


@contextmanager
def _serving(db):
    """The app on a loopback port, in a thread of this process."""
    import uvicorn

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert srv.started, "the server did not start"
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def server(demo_db):
    with _serving(demo_db) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        yield b
        b.close()


def test_read_the_demo_ledger_as_a_report(server, browser, client):
    assert client.get("/api/figures").json()["items"], "the demo ledger holds no figures"
    ARTIFACTS.mkdir(exist_ok=True)
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    problems: list[str] = []
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    # Nothing may be fetched from anywhere but the server (no CDN: the pages work offline).
    page.on("request", lambda r: problems.append(f"off-site request {r.url}") if not r.url.startswith(server) else None)

    page.goto(server + "/")
    assert page.locator("h1").inner_text() == "The ledger"
    page.screenshot(path=str(ARTIFACTS / "1-home.png"), full_page=True)

    page.fill("form.big-search input[name=q]", "Red Cross toll")
    page.click("form.big-search button")
    page.wait_for_url("**/search?q=*")
    hits = page.locator("ol.hits a.hit-title")
    assert hits.count() >= 1
    page.screenshot(path=str(ARTIFACTS / "2-search.png"), full_page=True)

    hits.first.click()
    page.wait_for_url("**/articles/*")
    claim = page.locator('.text a.m-claim[href^="/figures/"]').first
    claim.hover()
    tip = claim.evaluate("el => getComputedStyle(el, '::after').content")
    assert "source:" in tip, tip
    page.screenshot(path=str(ARTIFACTS / "3-article-hover.png"))

    claim.click()
    page.wait_for_url("**/figures/*")
    page.wait_for_selector("#figure-chart[data-rendered=true] svg", timeout=20_000)
    points = page.locator("#figure-chart svg .mark-symbol path").count()
    band = page.locator("#figure-chart svg .mark-rect path").count()
    assert points >= 3 and band >= 1, (points, band)
    assert page.locator("table.grid tbody tr").count() >= 3
    page.screenshot(path=str(ARTIFACTS / "4-figure.png"), full_page=True)

    page.locator("table.grid tbody a[href^='/articles/']").first.click()
    page.wait_for_url("**/articles/*")
    page.locator(".text a.m-entity").first.click()
    page.wait_for_url("**/entities/*")
    page.screenshot(path=str(ARTIFACTS / "5-entity.png"), full_page=True)
    assert not problems, problems


def test_filter_the_articles_share_the_url_and_download_what_is_shown(server, browser):
    import csv

    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(server + "/articles")
    every = int(page.locator("#total").inner_text())
    page.fill("form.filters input[name=since]", "2025-03-07")
    page.click("form.filters button")
    page.wait_for_url("**/articles?since=2025-03-07*")
    shown = int(page.locator("#total").inner_text())
    assert 0 < shown < every and page.locator("table.grid tbody tr").count() == shown
    assert all(d >= "2025-03-07" for d in page.locator("table.grid tbody td.d").all_inner_texts())
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "6-articles-filtered.png"), full_page=True)
    with page.expect_download() as download:
        page.locator("a.download", has_text="CSV").click()
    with open(download.value.path(), encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == shown and all(r["published"] >= "2025-03-07" for r in rows)
    shared = browser.new_page()  # the URL alone gives the same view
    shared.goto(page.url)
    assert int(shared.locator("#total").inner_text()) == shown
    assert shared.locator("form.filters input[name=since]").input_value() == "2025-03-07"


LISTS = [  # a page, how a reader sets one filter on it, and what the URL then holds
    ("articles", lambda p: p.select_option("form.filters select[name=measure]", "killed"), "measure=killed"),
    ("claims", lambda p: p.select_option("form.filters select[name=measure]", "killed"), "measure=killed"),
    ("quotes", lambda p: p.fill("form.filters input[name=party]", "Ferreira"), "party=Ferreira"),
    ("figures", lambda p: p.fill("form.filters input[name=party]", "Government"), "party=Government"),
    ("events", lambda p: p.fill("form.filters input[name=since]", "2025-03-09"), "since=2025-03-09"),
    ("events", lambda p: p.fill("form.filters input[name=party]", "opposition"), "party=opposition"),
]


@pytest.mark.parametrize(("table", "set_filter", "query"), LISTS, ids=[f"{t}-{q.split('=')[0]}" for t, _, q in LISTS])
def test_each_list_filters_counts_and_downloads_what_it_shows(server, browser, table, set_filter, query):
    import csv

    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{server}/{table}")
    every = int(page.locator("#total").inner_text())
    set_filter(page)
    page.click("form.filters button")
    page.wait_for_url(f"**/{table}?*{query}*")
    shown = int(page.locator("#total").inner_text())
    assert 0 < shown < every, (shown, every)
    assert page.locator("table.grid tbody tr").count() == shown  # one page: fewer than 50
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"7-{table}-filtered.png"), full_page=True)
    with page.expect_download() as download:
        page.locator("a.download", has_text="CSV").click()
    with open(download.value.path(), encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert len({r["figure"] for r in rows} if table == "figures" else rows) == shown
    shared = browser.new_page()  # the URL alone gives the same view
    shared.goto(page.url)
    assert int(shared.locator("#total").inner_text()) == shown


@pytest.fixture(scope="module")
def places_server(places_db):
    with _serving(places_db) as url:
        yield url


def test_an_articles_places_are_drawn_on_the_offline_world_map(places_server, browser, places_client):
    """The map: the vendored world outline (no tile server, nothing off-site) under one circle per place."""
    server = places_server
    with_places = places_client.get("/api/articles").json()["items"][0]
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    problems: list[str] = []
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on("request", lambda r: problems.append(f"off-site request {r.url}") if not r.url.startswith(server) else None)
    page.goto(f"{server}/articles/{with_places['id']}")
    page.wait_for_selector("#place-map[data-rendered=true] svg", timeout=20_000)
    outline = page.locator("#place-map svg path").count()
    circles = page.locator("#place-map svg .mark-symbol path").count()
    ARTIFACTS.mkdir(exist_ok=True)
    page.locator("section.places").screenshot(path=str(ARTIFACTS / "places-map.png"))
    listed = page.locator(".place-list li").count()
    page.close()
    assert outline > 100, "the world outline (about 177 countries) is not drawn"
    assert circles == listed > 0
    assert not problems, problems
