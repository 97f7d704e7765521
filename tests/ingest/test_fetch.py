"""Fetching URLs against a local server on 127.0.0.1 (the `site` fixture): limits, redirects, gzip, retries,
charsets, robots.txt, and the refusal of private and metadata addresses."""

from __future__ import annotations

import gzip
import time

import pytest

from newsledger.errors import InputError
from newsledger.ingest.fetch import Fetcher, FetchOptions, check_address
from newsledger.ingest.web import page_article

PAGE = """<!doctype html><html lang="en"><head><title>Dam inquiry opens | Kessel Courier</title>
<meta property="og:site_name" content="Kessel Courier">
<link rel="canonical" href="https://kesselcourier.example/2025/03/12/dam-inquiry">
</head><body><article><h1>Dam inquiry opens</h1>
<p>PORT ANSELM - An inquiry into the collapse of the Orvin dam opened on Wednesday, with engineers from the
regional water authority called as the first witnesses before a panel of three judges.</p>
<p>The authority's chief engineer, Mara Vell, told the panel that inspections in 2023 had found cracks in the
spillway, and that repairs had been postponed twice for lack of funds.</p>
<p>Families of the victims gathered outside the court house, holding photographs of relatives who died when
the water swept through the valley villages in the early hours of Sunday.</p>
</article></body></html>"""

PORTUGUESE = """<!doctype html><html lang="pt"><head><title>Resultados</title>
<meta property="og:site_name" content="Diário do Vale"></head><body><article>
<p>A comissão eleitoral divulgou na segunda-feira os resultados finais da votação em todos os municípios da
região, com uma participação de 61 por cento, a mais alta dos últimos vinte anos.</p>
<p>O partido do governo obteve 412 mil votos, contra 388 mil da oposição, segundo os números oficiais
publicados pela comissão depois da contagem de todas as mesas de voto.</p>
</article></body></html>"""


def local(**kw) -> Fetcher:
    kw.setdefault("allow_private", True)
    kw.setdefault("backoff", 0.01)
    return Fetcher(FetchOptions(**kw))


def html(body: str, **headers) -> dict:
    return {"Content-Type": "text/html; charset=utf-8", **headers}


def fails(fetcher: Fetcher, url: str, code: str) -> InputError:
    with pytest.raises(InputError) as e:
        fetcher.fetch(url)
    assert e.value.code == code, str(e.value)
    assert e.value.where == url  # every failure names the URL
    return e.value


def test_page_is_fetched_with_user_agent_and_read_as_an_article(site):
    site.routes["/a"] = site.Reply(PAGE.encode(), headers=html(PAGE))
    with local() as f:
        page = f.fetch(site.url("/a"))
    assert page.status == 200 and page.final_url == site.url("/a") and page.fetched_at
    ua = dict(site.requests)["/a"]["user-agent"]
    assert ua.startswith("newsledger/")
    art = page_article(page)
    assert art.source == site.url("/a")  # the URL as given: the contract's source
    assert art.url == "https://kesselcourier.example/2025/03/12/dam-inquiry"  # the canonical link
    assert art.outlet == "Kessel Courier" and art.language == "en"
    assert "Mara Vell" in art.text


def test_loopback_is_refused_by_default_and_no_request_is_sent(site):
    site.routes["/a"] = site.Reply(PAGE.encode(), headers=html(PAGE))
    with Fetcher() as f:
        fails(f, site.url("/a"), "NL121")
    assert site.requests == []


@pytest.mark.parametrize(
    "url",
    ["http://10.1.2.3/x", "http://192.168.0.7/", "http://[::1]:8080/", "http://[fd00::1]/", "http://0.0.0.0/"],
)
def test_private_addresses_are_refused_before_connecting(url):
    with pytest.raises(InputError) as e:
        check_address(url, allow_private=False)
    assert e.value.code == "NL121"


@pytest.mark.parametrize("url", ["http://169.254.169.254/latest/meta-data/", "http://[fe80::1]/"])
def test_metadata_and_link_local_stay_refused_even_for_local_testing(url):
    with pytest.raises(InputError) as e:
        check_address(url, allow_private=True)
    assert e.value.code == "NL121"


def test_redirect_to_the_metadata_address_is_refused(site):
    site.routes["/go"] = site.Reply(status=302, headers={"Location": "http://169.254.169.254/latest/meta-data/"})
    with local() as f:
        e = fails(f, site.url("/go"), "NL121")
    assert "169.254.169.254" in e.message


def test_redirect_chain_is_followed_within_the_limit(site):
    for i in range(3):
        site.routes[f"/r{i}"] = site.Reply(status=301 if i % 2 else 302, headers={"Location": f"/r{i + 1}"})
    site.routes["/r3"] = site.Reply(PAGE.encode(), headers=html(PAGE))
    with local(max_redirects=3) as f:
        assert f.fetch(site.url("/r0")).final_url == site.url("/r3")
    with local(max_redirects=2) as f:
        fails(f, site.url("/r0"), "NL125")


def test_redirect_loop_ends(site):
    site.routes["/loop"] = site.Reply(status=302, headers={"Location": "/loop"})
    with local() as f:
        fails(f, site.url("/loop"), "NL125")


def test_slow_response_is_cut_at_the_timeout(site):
    # A byte every 0.3 s: each read is quick, the whole takes far longer than the limit.
    site.routes["/slow"] = site.Reply([b"<p>x</p>"] * 100, headers={"Content-Type": "text/html"}, delay=0.3)
    t0 = time.monotonic()
    with local(timeout=1.0) as f:
        fails(f, site.url("/slow"), "NL123")
    assert time.monotonic() - t0 < 5


def test_huge_body_is_cut_at_the_size_limit(site):
    site.routes["/huge"] = site.Reply([b"a" * 65536] * 400, headers={"Content-Type": "text/html"})  # 25 MB
    site.routes["/declared"] = site.Reply(b"a" * 2_000_000, headers={"Content-Type": "text/html"})
    with local(max_bytes=1_000_000) as f:
        fails(f, site.url("/huge"), "NL124")
        e = fails(f, site.url("/declared"), "NL124")
    assert "1.9 MB" in e.message  # refused from its Content-Length, before reading


def test_gzip_is_undone_and_a_gzip_bomb_is_cut(site):
    site.routes["/gz"] = site.Reply(gzip.compress(PAGE.encode()), headers=html(PAGE, **{"Content-Encoding": "gzip"}))
    bomb = gzip.compress(b"\0" * 50_000_000)
    assert len(bomb) < 100_000
    site.routes["/bomb"] = site.Reply(bomb, headers={"Content-Type": "text/html", "Content-Encoding": "gzip"})
    with local(max_bytes=1_000_000) as f:
        assert f.fetch(site.url("/gz")).body == PAGE.encode()
        fails(f, site.url("/bomb"), "NL124")


def test_429_then_200_is_retried(site):
    site.routes["/busy"] = [
        site.Reply(b"slow down", 429, {"Retry-After": "0"}),
        site.Reply(b"", 503),
        site.Reply(PAGE.encode(), headers=html(PAGE)),
    ]
    with local(retries=3) as f:
        assert f.fetch(site.url("/busy")).status == 200
    assert site.hits("/busy") == 3


def test_server_error_fails_after_the_retries(site):
    site.routes["/down"] = site.Reply(b"", 503)
    site.routes["/gone"] = site.Reply(b"", 404)
    with local(retries=2) as f:
        fails(f, site.url("/down"), "NL126")
        fails(f, site.url("/gone"), "NL126")
    assert site.hits("/down") == 3 and site.hits("/gone") == 1  # a 404 is not retried


def test_long_retry_after_is_not_waited_for(site):
    site.routes["/later"] = site.Reply(b"", 429, {"Retry-After": "3600"})
    t0 = time.monotonic()
    with local() as f:
        fails(f, site.url("/later"), "NL126")
    assert time.monotonic() - t0 < 5


def test_charsets_from_header_meta_and_a_bogus_one(site):
    latin = PAGE.replace("Mara Vell", "Mara Conceição").encode("iso-8859-1")
    site.routes["/latin"] = site.Reply(latin, headers={"Content-Type": "text/html; charset=iso-8859-1"})
    site.routes["/meta"] = site.Reply(
        latin.replace(b"<head>", b'<head><meta charset="iso-8859-1">'), headers={"Content-Type": "text/html"}
    )
    site.routes["/bogus"] = site.Reply(latin, headers={"Content-Type": "text/html; charset=no-such-charset"})
    with local() as f:
        for path in ("/latin", "/meta", "/bogus"):  # bogus: cp1252, which reads these bytes the same
            assert "Mara Conceição" in page_article(f.fetch(site.url(path))).text, path


def test_robots_disallow_is_respected_unless_told(site):
    site.routes["/robots.txt"] = site.Reply(
        b"User-agent: *\nDisallow: /private/\n", headers={"Content-Type": "text/plain"}
    )
    site.routes["/private/a"] = site.Reply(PAGE.encode(), headers=html(PAGE))
    site.routes["/a"] = site.Reply(PAGE.encode(), headers=html(PAGE))
    with local() as f:
        fails(f, site.url("/private/a"), "NL127")
        assert f.fetch(site.url("/a")).status == 200
    assert site.hits("/robots.txt") == 1 and site.hits("/private/a") == 0  # read once per site
    with local(robots=False) as f:
        assert f.fetch(site.url("/private/a")).status == 200


def test_robots_server_error_disallows(site):
    site.routes["/robots.txt"] = site.Reply(b"", 500)
    site.routes["/a"] = site.Reply(PAGE.encode(), headers=html(PAGE))
    with local(retries=0) as f:
        fails(f, site.url("/a"), "NL127")


def test_not_html_and_not_http(site):
    site.routes["/pdf"] = site.Reply(b"%PDF-1.4", headers={"Content-Type": "application/pdf"})
    with local() as f:
        with pytest.raises(InputError) as e:
            page_article(f.fetch(site.url("/pdf")))
        assert e.value.code == "NL128"
        fails(f, "ftp://example.org/x", "NL120")


def test_unreachable_host_is_a_coded_error():
    with local(retries=0, timeout=3) as f:
        # a port nothing listens on, on this machine
        fails(f, "http://127.0.0.1:9/", "NL122")


def test_portuguese_page_is_detected():
    from newsledger.models import FetchedPage

    page = FetchedPage("https://diario.example/r", "https://diario.example/r", 200, (), PORTUGUESE.encode(), "now")
    art = page_article(page)
    assert art.language == "pt" and art.outlet == "Diário do Vale"
