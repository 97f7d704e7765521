"""Fetching pages and feeds over HTTP(S), with httpx, safely.

Every fetch:
- goes only to http(s) URLs whose host resolves to public addresses: loopback, private, link-local (the
  cloud metadata address 169.254.169.254 among them), multicast, reserved and unspecified addresses are
  refused (NL121), every resolved address checked before connecting, again for each redirect
  (`allow_private` lets loopback and private addresses through, for a local test server; link-local and
  metadata addresses stay refused). The check is on the address resolved just before the request: a DNS
  answer that changes between the check and the connection is not caught;
- follows at most `max_redirects` redirects (NL125);
- gives up after `timeout` seconds in all, however slowly the server trickles (NL123);
- reads at most `max_bytes` of body, after gzip/deflate is undone, so a small compressed bomb is cut off
  like a large page (NL124);
- sends a user agent that names newsledger, and asks the site's robots.txt first (NL127; a robots.txt that
  is absent allows all, one that fails with a server error disallows, as RFC 9309 says);
- retries 429 and 5xx answers and dropped connections `retries` times with a doubling backoff, a
  Retry-After of up to `max_retry_after` seconds honoured; another error status is NL126.
Every failure is an InputError naming the URL; nothing else escapes.
"""

from __future__ import annotations

import ipaddress
import socket
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from importlib.metadata import version
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from ..errors import InputError
from ..models import FetchedPage

_REDIRECTS = (301, 302, 303, 307, 308)
_RETRY = (429, 500, 502, 503, 504)
_ROBOTS_BYTES = 512 * 1024


def _user_agent() -> str:
    return f"newsledger/{version('newsledger')} (news ledger; fetches one page per article)"


@dataclass(frozen=True)
class FetchOptions:
    timeout: float = 20.0  # seconds for the whole fetch of one URL, redirects included
    max_bytes: int = 10 * 1024 * 1024  # of body, after decompression
    max_redirects: int = 5
    retries: int = 3  # of a 429, a 5xx or a dropped connection
    backoff: float = 1.0  # seconds before the first retry, doubled for each next one
    max_retry_after: float = 30.0  # a longer Retry-After is not waited for: the URL fails
    robots: bool = True  # ask robots.txt first
    allow_private: bool = False  # fetch loopback and private addresses (local testing only; never link-local)
    user_agent: str = ""  # empty: newsledger's own


def is_url(text: str) -> bool:
    return text.lower().startswith(("http://", "https://"))


def _refused(addr: ipaddress.IPv4Address | ipaddress.IPv6Address, allow_private: bool) -> bool:
    if isinstance(addr, ipaddress.IPv6Address) and addr.ipv4_mapped:
        addr = addr.ipv4_mapped
    if addr.is_link_local or addr.is_multicast or addr.is_unspecified:
        return True  # link-local holds the cloud metadata address: never a test server either
    if addr.is_loopback or addr.is_private:
        return not allow_private
    return addr.is_reserved or not addr.is_global


def check_address(url: str, allow_private: bool) -> None:
    """Refuse a URL that is not http(s), or whose host resolves to any non-public address."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise InputError("NL120", "is not an http(s) URL with a host", url)
    try:
        port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
    except ValueError:
        raise InputError("NL120", "has an invalid port", url) from None
    try:
        infos = socket.getaddrinfo(parts.hostname, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as e:
        raise InputError("NL122", f"names a host that cannot be resolved ({e})", url) from None
    for info in infos:
        addr = ipaddress.ip_address(str(info[4][0]).split("%")[0])
        if _refused(addr, allow_private):
            raise InputError(
                "NL121",
                f"resolves to {addr}, a loopback, private, link-local or metadata address (refused"
                + ("" if allow_private else "; --allow-private lets loopback and private ones through, for testing")
                + ")",
                url,
            )


def _retry_after(value: str) -> float | None:
    if not value:
        return None
    if value.strip().isdigit():
        return float(value.strip())
    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError, IndexError):
        return None


class Fetcher:
    """Fetches URLs under FetchOptions. One client, one robots.txt per site, for many URLs."""

    def __init__(self, options: FetchOptions | None = None, sleep: Callable[[float], None] = time.sleep):
        self.options = options or FetchOptions()
        self._sleep = sleep
        self._robots: dict[str, RobotFileParser | bool] = {}
        self.client = httpx.Client(
            follow_redirects=False,
            headers={"User-Agent": self.options.user_agent or _user_agent(), "Accept-Encoding": "gzip, deflate"},
            timeout=httpx.Timeout(self.options.timeout),
            trust_env=False,  # no proxy from the environment: the address checked is the address fetched
        )

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def user_agent(self) -> str:
        return self.client.headers["User-Agent"]

    def fetch(self, url: str, headers: dict[str, str] | None = None, robots: bool | None = None) -> FetchedPage:
        """The page at `url` after redirects. A 304 (to conditional `headers`) is returned as it is."""
        o = self.options
        deadline = time.monotonic() + o.timeout
        check_address(url, o.allow_private)  # before robots.txt: a refused host is asked nothing
        if (o.robots if robots is None else robots) and not self.allowed(url, deadline):
            raise InputError("NL127", f"is disallowed for {self.user_agent.split()[0]} by the site's robots.txt", url)
        current = url
        for _ in range(o.max_redirects + 1):
            status, resp_headers, body = self._get(current, headers or {}, deadline, url, o.max_bytes)
            if status in _REDIRECTS and "location" in resp_headers:
                current = urljoin(current, resp_headers["location"])
                continue
            if status >= 400:
                raise InputError(
                    "NL126", f"answered HTTP {status}" + (f" (after {current})" if current != url else ""), url
                )
            return FetchedPage(
                url, current, status, tuple(resp_headers.items()), body, datetime.now(UTC).isoformat(timespec="seconds")
            )
        raise InputError("NL125", f"redirects more than {o.max_redirects} times (last to {current})", url)

    def _get(
        self, target: str, headers: dict[str, str], deadline: float, url: str, limit: int
    ) -> tuple[int, dict[str, str], bytes]:
        o = self.options
        wait = o.backoff
        for attempt in range(o.retries + 1):
            try:
                check_address(target, o.allow_private)
            except InputError as e:
                if target == url:
                    raise
                raise InputError(e.code, f"redirects to {target}, which {e.message}", url) from None
            left = deadline - time.monotonic()
            if left <= 0:
                raise InputError("NL123", f"did not answer within {o.timeout:g} s", url)
            try:
                status, got, body = self._once(target, headers, deadline, url, limit, left)
            except (httpx.ConnectError, httpx.RemoteProtocolError, httpx.ReadError) as e:
                if attempt == o.retries:
                    raise InputError("NL122", f"cannot be reached ({e.__class__.__name__}: {e})", url) from None
                status, got, body = 0, {}, b""
            if status not in _RETRY and status != 0:
                return status, got, body
            if attempt == o.retries:
                break
            pause = _retry_after(got.get("retry-after", "")) if status == 429 or status == 503 else None
            if pause is not None and pause > o.max_retry_after:
                break
            pause = max(pause or 0.0, wait)
            if time.monotonic() + pause >= deadline:
                raise InputError("NL123", f"did not answer within {o.timeout:g} s (HTTP {status}, retrying)", url)
            self._sleep(pause)
            wait *= 2
        raise InputError("NL126", f"answered HTTP {status} after {o.retries} retries", url)

    def _once(
        self, target: str, headers: dict[str, str], deadline: float, url: str, limit: int, left: float
    ) -> tuple[int, dict[str, str], bytes]:
        o = self.options
        try:
            with self.client.stream("GET", target, headers=headers, timeout=httpx.Timeout(left)) as r:
                got = {k.lower(): v for k, v in r.headers.items()}
                if r.status_code in _REDIRECTS or r.status_code >= 400 or r.status_code == 304:
                    return r.status_code, got, b""
                size = got.get("content-length", "")
                if size.isdigit() and int(size) > limit and not got.get("content-encoding"):
                    raise _too_large(url, limit, int(size))
                chunks: list[bytes] = []
                n = 0
                for chunk in r.iter_bytes():  # content encoding undone: the cap is on what it unpacks to
                    n += len(chunk)
                    if n > limit:
                        raise _too_large(url, limit)
                    if time.monotonic() > deadline:
                        raise InputError("NL123", f"did not finish within {o.timeout:g} s", url)
                    chunks.append(chunk)
                return r.status_code, got, b"".join(chunks)
        except httpx.TimeoutException:
            raise InputError("NL123", f"did not answer within {o.timeout:g} s", url) from None
        except httpx.DecodingError as e:
            raise InputError("NL110", f"sent a body that cannot be decompressed ({e})", url) from None
        except (httpx.TooManyRedirects, httpx.UnsupportedProtocol, httpx.InvalidURL) as e:
            raise InputError("NL120", f"cannot be fetched ({e})", url) from None
        except zlib.error as e:
            raise InputError("NL110", f"sent a body that cannot be decompressed ({e})", url) from None

    # -- robots.txt --------------------------------------------------------------------------------------

    def allowed(self, url: str, deadline: float | None = None) -> bool:
        """Whether the site's robots.txt lets newsledger fetch `url` (read once per site)."""
        parts = urlsplit(url)
        site = f"{parts.scheme}://{parts.netloc}"
        if site not in self._robots:
            self._robots[site] = self._read_robots(site + "/robots.txt", url, deadline)
        rules = self._robots[site]
        if isinstance(rules, bool):
            return rules
        return rules.can_fetch(self.user_agent.split("/")[0], url)

    def _read_robots(self, robots_url: str, url: str, deadline: float | None) -> RobotFileParser | bool:
        o = self.options
        try:
            status, _, body = self._get(
                robots_url, {}, deadline or time.monotonic() + o.timeout, robots_url, _ROBOTS_BYTES
            )
        except InputError as e:
            if e.code == "NL124":  # too large to be a robots.txt: no rules to read
                return True
            if e.code == "NL126":  # a server error after retries: the site disallows (RFC 9309 2.3.1.4)
                return False
            raise InputError(e.code, e.message, url) from None  # the page cannot be had either
        if status in _REDIRECTS or 400 <= status < 500:  # absent (or moved): everything is allowed
            return True
        parser = RobotFileParser()
        parser.parse(body.decode("utf-8", "replace").splitlines())
        return parser


def _too_large(url: str, limit: int, size: int | None = None) -> InputError:
    what = f"is {size / 2**20:.1f} MB" if size is not None else "is larger than the limit"
    return InputError("NL124", f"{what}; a fetched page may be at most {limit / 2**20:g} MB (--max-bytes)", url)
