"""Hostile inputs through the whole ingest (read, extract, store), each batch under a watchdog.

    python bench/fuzz.py                 # 10,000 generated hostile inputs + the big cases; writes BENCHMARKS.md
    python bench/fuzz.py --n 500 --no-big --no-write

Every input kind is generated (text, HTML, JSON, JSONL, .jsonl.gz, RSS/Atom/JSON feeds, WARC and .warc.gz,
hostile file names, special files: FIFOs, links to /dev/zero, broken links, a folder named x.txt), from
seeds mutated at random (flipped and inserted bytes, cuts, hostile tokens: lone surrogates, 5,000-digit
integers, deep nesting, escape sequences, bogus charsets and lengths). Each batch of inputs, with good
articles before, between and after them, is ingested by a worker process into a fresh ledger; the parent
kills a worker that runs past its wall-time budget (a hang) or whose memory passes 1.5 GB. Reported:
tracebacks (a worker that died, or an NL140 the per-input guard caught: a reader bug to fix), hangs,
peak memory, and good articles kept (each one's id must be in the ledger).

The big cases (long articles, walls of emoji and quote marks, split-body pages, decompression bombs) run
one per worker, each with the 60 s / 1.5 GB budget.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).parent))

from _report import machine, write_section  # noqa: E402

MEM_LIMIT = 1.5 * 2**30
BIG_SECONDS = 60.0

WORDS = (
    "the dam ferry port inquiry minister said officials Kessel Orvin Brenn Veridia engineers water "
    "flood people killed injured displaced homes according to police Red Cross on Monday Tuesday at least "
    "about more than 1,200 300 twenty dozens percent million"
).split()
HOSTILE_TOKENS = [
    "\ud800",
    "\udfff",
    "\x1b[31m",
    "\x1b]8;;http://evil.example\x07",
    "[blink]",
    "[/link]",
    "\x00",
    "\u202e",
    "\ufeff",
    "😀" * 50,
    '"' * 300,
    "\u201c" * 100,
    "9" * 5000,
    "[" * 3000,
    "{" * 3000,
    "&amp;" * 500,
    "<div>" * 500,
    "1e999999",
    "-0",
    "NaN",
    "\r\r\n",
    "\\ud800",
    "\\udc00",
]
CHARSETS = ["rot13", "base64", "zlib", "idna", "punycode", "uu", "hex", "utf-16", "bogus", "utf-8", "cp1252", ""]
LENGTHS = ["²", "-1", "99999999999999999999", " 12 ", "0x10", "", "1e3", "٣"]


def sentence(rng: random.Random, n: int = 12) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def good_text(rng: random.Random, tag: str) -> str:
    return f"Report {tag}: " + " ".join(sentence(rng) for _ in range(4)) + "\n"


def mutate(rng: random.Random, data: bytes) -> bytes:
    b = bytearray(data)
    for _ in range(rng.randint(1, 6)):
        op = rng.random()
        if op < 0.25 and b:
            b[rng.randrange(len(b))] = rng.randrange(256)
        elif op < 0.45:
            tok = rng.choice(HOSTILE_TOKENS).encode("utf-8", "surrogatepass")
            at = rng.randint(0, len(b))
            b[at:at] = tok
        elif op < 0.6 and b:
            del b[rng.randint(0, len(b)) :]
        elif op < 0.7:
            at = rng.randint(0, len(b))
            b[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 64)))
        elif op < 0.8 and b:
            a = rng.randrange(len(b))
            b[a:a] = b[a : a + rng.randint(1, 200)] * rng.randint(2, 50)
        else:
            tok = rng.choice(HOSTILE_TOKENS)
            at = rng.randint(0, len(b))
            b[at:at] = json.dumps(tok).encode()
    return bytes(b)


def hostile_value(rng: random.Random):
    choices = [
        None,
        [],
        {},
        ["a", "b"],
        {"x": 1},
        12,
        1e308,
        True,
        "",
        "   ",
        "\ud800 x",
        "x" * rng.randint(1, 300),
        int("9" * 90),
        [[[[]]]],
    ]
    return rng.choice(choices)


def record(rng: random.Random) -> dict:
    rec = {
        "text": sentence(rng, 20),
        "title": sentence(rng, 4),
        "url": "https://ex.example/a",
        "published": "2025-03-01",
    }
    for key in rng.sample(["text", "title", "url", "published", "source", "id", "html", "content", "date"], 3):
        rec[key] = hostile_value(rng) if rng.random() < 0.7 else rng.choice(HOSTILE_TOKENS)
    return rec


def jsonl_bytes(rng: random.Random) -> bytes:
    lines = []
    for _ in range(rng.randint(0, 6)):
        r = rng.random()
        if r < 0.5:
            lines.append(json.dumps(record(rng), ensure_ascii=rng.random() < 0.5).encode("utf-8", "surrogatepass"))
        elif r < 0.7:
            lines.append(mutate(rng, json.dumps(record(rng)).encode()))
        elif r < 0.8:
            lines.append(b"[" * rng.choice([10, 999, 5000, 100_000]))
        elif r < 0.9:
            lines.append(b'{"text": "x", "n": ' + b"9" * rng.choice([50, 4301, 10_000]) + b"}")
        else:
            lines.append(b"")
    return b"\n".join(lines) + (b"\n" if rng.random() < 0.7 else b"")


def html_bytes(rng: random.Random) -> bytes:
    body = "".join(f"<p>{sentence(rng, 15)}</p>" for _ in range(rng.randint(1, 5)))
    kinds = [
        f"<html><head><title>{sentence(rng, 4)}</title></head><body><article>{body}</article></body></html>",
        "<div class='article-body'><p>" + sentence(rng, 30) + "</p></div>" * rng.randint(1, 100),
        "<div>" * rng.choice([10, 100, 1000]) + body,
        "<p>" + "&amp;&#x1F600;&nbsp;" * rng.randint(10, 3000) + "</p>",
        f"<html><head><meta charset='{rng.choice(CHARSETS)}'></head><body>{body}</body></html>",
        "<html><body><script>" + "x" * 1000 + "</script><!-- " + body,
        "<html><body><table>" + "<tr><td>1</td></tr>" * rng.randint(1, 500) + "</table></body></html>",
    ]
    return mutate(rng, rng.choice(kinds).encode()) if rng.random() < 0.6 else rng.choice(kinds).encode()


def feed_bytes(rng: random.Random, kind: str) -> bytes:
    items = "".join(
        f"<item><title>{sentence(rng, 3)}</title><link>https://ex.example/{i}</link>"
        f"<description>{sentence(rng, 15)}</description><pubDate>{rng.choice(['Mon, 03 Mar 2025', 'x', ''])}</pubDate></item>"
        for i in range(rng.randint(0, 4))
    )
    docs = [
        f"<?xml version='1.0'?><rss version='2.0'><channel>{items}</channel></rss>",
        f"<feed xmlns='http://www.w3.org/2005/Atom'><entry><title>t</title><content type='{rng.choice(['html', 'xhtml', 'text', 'x'])}'>"
        f"{sentence(rng, 20)}</content></entry></feed>",
        "<?xml version='1.0'?><!DOCTYPE r [<!ENTITY a 'aaaaaaaaaa'><!ENTITY b '&a;&a;&a;&a;&a;&a;&a;&a;'>"
        "<!ENTITY c '&b;&b;&b;&b;&b;&b;&b;&b;'>]><rss><channel><item><description>&c;&c;&c;</description></item></channel></rss>",
        "<rss>" + "<channel>" * rng.randint(10, 5000),
        "<html><body>not a feed</body></html>",
    ]
    doc = rng.choice(docs).encode()
    return mutate(rng, doc) if rng.random() < 0.5 else doc


def json_feed_bytes(rng: random.Random) -> bytes:
    item = {
        "id": hostile_value(rng),
        "url": hostile_value(rng),
        "content_text": rng.choice([sentence(rng, 20), hostile_value(rng)]),
        "title": hostile_value(rng),
        "date_published": hostile_value(rng),
    }
    doc = rng.choice(
        [
            {"version": "https://jsonfeed.org/version/1.1", "items": [item, hostile_value(rng)]},
            {"version": "https://jsonfeed.org/version/1.1", "items": hostile_value(rng)},
            [record(rng) for _ in range(rng.randint(0, 3))],
            record(rng),
            hostile_value(rng),
        ]
    )
    data = json.dumps(doc).encode("utf-8", "surrogatepass")
    return mutate(rng, data) if rng.random() < 0.4 else data


def warc_record(rng: random.Random) -> bytes:
    page = f"<html><body><article><p>{sentence(rng, 30)}</p></article></body></html>".encode()
    headers = [b"HTTP/1.1 200 OK", b"Content-Type: text/html; charset=" + rng.choice(CHARSETS).encode()]
    r = rng.random()
    if r < 0.2:
        headers.append(b"Transfer-Encoding: chunked")
        page = b"%x\r\n" % len(page) + page + (b"\r\n0\r\n\r\n" if rng.random() < 0.5 else b"")
    elif r < 0.35:
        headers.append(b"Content-Encoding: " + rng.choice([b"gzip", b"deflate", b"br", b"x-gzip"]))
        page = gzip.compress(page) if rng.random() < 0.7 else page
    http = b"\r\n".join(headers) + b"\r\n\r\n" + page
    length = str(len(http)) if rng.random() < 0.8 else rng.choice(LENGTHS)
    head = (
        f"WARC/1.0\r\nWARC-Type: {rng.choice(['response', 'response', 'resource', 'request'])}\r\n"
        f"WARC-Target-URI: https://ex.example/{rng.randrange(10**6)}\r\n"
        f"Content-Type: application/http; msgtype=response\r\nContent-Length: {length}\r\n\r\n"
    )
    return head.encode() + http + b"\r\n\r\n"


def warc_bytes(rng: random.Random) -> bytes:
    data = b"".join(warc_record(rng) for _ in range(rng.randint(0, 4)))
    if rng.random() < 0.2:
        data = b"\r\n" * rng.randint(10, 5000) + data
    return mutate(rng, data) if rng.random() < 0.4 else data


def text_bytes(rng: random.Random) -> bytes:
    r = rng.random()
    if r < 0.1:
        return bytes(rng.randrange(256) for _ in range(rng.randint(0, 500)))
    if r < 0.2:
        return good_text(rng, "u").encode("utf-16")
    if r < 0.3:
        return b""
    return mutate(rng, good_text(rng, str(rng.random())).encode())


GZ_CORRUPTIONS = ("flip", "cut", "garbage", "none", "empty", "bomb")


def gz_bytes(rng: random.Random) -> bytes:
    how = rng.choice(GZ_CORRUPTIONS)
    if how == "empty":
        return gzip.compress(b"")
    if how == "bomb":
        return gzip.compress(b"\n" * rng.choice([2**16, 2**20, 4 * 2**20]))
    data = bytearray(gzip.compress(jsonl_bytes(rng)))
    if how == "flip" and len(data) > 12:
        for _ in range(rng.randint(1, 4)):
            data[rng.randrange(10, len(data))] ^= 0xFF
    elif how == "cut":
        del data[rng.randint(0, len(data)) :]
    elif how == "garbage":
        data[10:] = bytes(rng.randrange(256) for _ in range(64))
    return bytes(data)


KINDS = {
    "txt": (".txt", text_bytes),
    "html": (".html", html_bytes),
    "json": (".json", json_feed_bytes),
    "jsonl": (".jsonl", jsonl_bytes),
    "gz": (".jsonl.gz", gz_bytes),
    "rss": (".rss", lambda rng: feed_bytes(rng, "rss")),
    "atom": (".atom", lambda rng: feed_bytes(rng, "atom")),
    "warc": (".warc", warc_bytes),
    "warcgz": (".warc.gz", lambda rng: gzip.compress(warc_bytes(rng))),
}
NAME_PARTS = [
    b"caf\xe9",
    b"\x1b[2J",
    b"\x1b]8;;x\x07",
    b"new\nline",
    b"-rf",
    b"\xff\xfe",
    b" ",
    b"[red]x[/red]",
    b"a" * 200,
]


def make_batch(rng: random.Random, folder: Path, n: int, b: int) -> tuple[list[str], list[str]]:
    """n hostile inputs and good articles around them in `folder`; returns (input paths, good article ids)."""
    from newsledger.ingest.ids import article_id

    paths: list[str] = []
    good: list[str] = []
    base = os.fsencode(folder)

    def put_good(i: int) -> None:
        text = good_text(rng, f"good-{b}-{i}")
        if rng.random() < 0.5:
            name = base + b"/good-%d.txt" % i
            Path(os.fsdecode(name)).write_text(text, encoding="utf-8")
        else:
            name = base + b"/good-%d.jsonl" % i
            Path(os.fsdecode(name)).write_text(
                json.dumps({"text": text, "source": f"good {b}-{i}"}) + "\n", encoding="utf-8"
            )
        paths.append(os.fsdecode(name))
        good.append(article_id(text))

    put_good(0)
    for i in range(n):
        kind = rng.choice(list(KINDS))
        suffix, gen = KINDS[kind]
        stem = b"h%d" % i
        if rng.random() < 0.05:
            stem = rng.choice(NAME_PARTS) + stem
        name = base + b"/" + stem + suffix.encode()
        special = rng.random()
        try:
            if special < 0.005:
                os.mkfifo(name)
            elif special < 0.01:
                os.symlink(b"/dev/zero", name)
            elif special < 0.013:
                os.symlink(base + b"/missing", name)
            elif special < 0.015:
                os.mkdir(name)
            else:
                with open(name, "wb") as f:
                    f.write(gen(rng))
        except OSError:
            continue
        paths.append(os.fsdecode(name))
        if i % 50 == 25:
            put_good(i)
    put_good(n)
    return paths, good


def run_worker(paths_file: str, db: str) -> None:
    """In the child: ingest the listed inputs; print a JSON summary (an escaping exception is a traceback)."""
    from newsledger.extract import Extractor
    from newsledger.pipeline import ingest
    from newsledger.store import Ledger

    paths = json.loads(Path(paths_file).read_text(encoding="utf-8", errors="surrogateescape"))
    t = time.monotonic()
    with Ledger(db) as ledger:
        rep = ingest(paths, ledger, Extractor())
        ids = ledger.article_ids()
    print(
        json.dumps(
            {
                "stored": rep.stored,
                "ids": ids,
                "codes": Counter(f.error.code for f in rep.failures),
                "guard": [str(f.error) for f in rep.failures if f.error.code in ("NL140", "NL501")][:20],
                "seconds": time.monotonic() - t,
                "rss": _hwm(),
            }
        )
    )


def _hwm() -> int:
    """This process's peak RSS. Not ru_maxrss: Linux carries that over from the parent across fork+exec."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024
    return 0


def _rss(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def watch(paths: list[str], db: str, seconds: float) -> dict:
    """Run a worker on `paths` under the watchdog: killed past `seconds` or MEM_LIMIT."""
    with tempfile.NamedTemporaryFile(
        "w", suffix=".json", delete=False, encoding="utf-8", errors="surrogateescape"
    ) as f:
        json.dump(paths, f, ensure_ascii=False)
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.Popen(
        [sys.executable, __file__, "--worker", f.name, db], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env
    )
    start, peak, killed = time.monotonic(), 0, None
    while proc.poll() is None:
        peak = max(peak, _rss(proc.pid))
        if peak > MEM_LIMIT:
            killed = "memory"
        elif time.monotonic() - start > seconds:
            killed = "hang"
        if killed:
            proc.kill()
            break
        time.sleep(0.2)
    out, err = proc.communicate()
    os.unlink(f.name)
    result = {"killed": killed, "rc": proc.returncode, "wall": time.monotonic() - start, "peak": peak}
    if not killed and proc.returncode == 0:
        result.update(json.loads(out.decode().strip().splitlines()[-1]))
        result["peak"] = max(peak, result["rss"])
    else:
        result["stderr"] = err.decode(errors="replace")[-3000:]
    return result


def big_cases(folder: Path) -> dict[str, list[str]]:
    """The issue's big and slow inputs, generated (invented text)."""
    rng = random.Random(7)
    out: dict[str, list[str]] = {}

    def put(name: str, data: bytes) -> None:
        p = folder / name
        p.write_bytes(data)
        out[name] = [str(p)]

    para = lambda: " ".join(sentence(rng, 18) for _ in range(5))  # noqa: E731
    text = ""
    while len(text) < 2_000_000:
        text += para() + "\n\n"
    put("half-mb.txt", text[:500_000].encode())
    put("three-mb-one-line.txt", text.replace("\n", " ")[:3_000_000].encode() + text[:100_000].encode())
    put("emoji-800kb.txt", ("😀" * 200_000).encode())
    put("quotes-100k.txt", b'"' * 100_000)
    put("numbers-wall.txt", " ".join(str(i) for i in range(100_000)).encode())
    put("entities-50k.html", b"<html><body><p>" + b"&amp;&#x1F600;&lt;" * 50_000 + b"</p></body></html>")
    split = "".join(f"<div class='article-body'><p>{sentence(rng, 20)}</p></div><div>ad</div>" for _ in range(3000))
    put("split-body-3000.html", f"<html><body><section>{split}</section></body></html>".encode())
    nested = "".join("<div class='article-body'>" for _ in range(3000)) + "<p>" + sentence(rng, 30) + "</p>"
    put("nested-bodies-3000.html", f"<html><body>{nested}</body></html>".encode())
    put("newlines-512mb.jsonl.gz", gzip.compress(b"\n" * (512 * 2**20), 9))
    page = b"<html><body><p>" + b" " * (200 * 2**20) + b"</p></body></html>"
    bomb = gzip.compress(page, 9)
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n" + bomb
    head = f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://ex.example/bomb\r\nContent-Type: application/http\r\nContent-Length: {len(http)}\r\n\r\n"
    put("content-encoding-bomb.warc", head.encode() + http + b"\r\n\r\n")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=10_000, help="hostile inputs in all")
    ap.add_argument("--batch", type=int, default=500, help="hostile inputs per worker")
    ap.add_argument("--seed", type=int, default=18)
    ap.add_argument("--no-big", action="store_true")
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    totals = Counter()
    hangs, tracebacks, guard, peak, good_total, good_kept = [], [], [], 0, 0, 0
    t0 = time.monotonic()
    with tempfile.TemporaryDirectory() as tmp:
        for b in range(0, args.n, args.batch):
            folder = Path(tmp) / f"batch{b}"
            folder.mkdir()
            paths, good = make_batch(rng, folder, min(args.batch, args.n - b), b)
            res = watch(paths, str(folder / "ledger.db"), seconds=600)
            peak = max(peak, res["peak"])
            good_total += len(good)
            if res["killed"] == "hang":
                hangs.append(f"batch {b}")
            elif res["killed"] or res["rc"] != 0:
                tracebacks.append(f"batch {b}: {res.get('killed') or ''} {res.get('stderr', '')[-800:]}")
            else:
                totals.update(res["codes"])
                good_kept += len(set(good) & set(res["ids"]))
                guard += res["guard"]
            print(
                f"batch {b}: {res['wall']:.0f}s peak {res['peak'] / 2**20:.0f} MB "
                f"{'killed: ' + res['killed'] if res['killed'] else ''} rc {res['rc']}",
                flush=True,
            )
        big_rows = []
        if not args.no_big:
            big = Path(tmp) / "big"
            big.mkdir()
            for name, paths in big_cases(big).items():
                res = watch(paths, str(big / f"{name}.db"), seconds=BIG_SECONDS)
                peak = max(peak, res["peak"])
                outcome = res["killed"] or (
                    "traceback" if res["rc"] != 0 else ", ".join(f"{c}" for c in res["codes"]) or "stored"
                )
                if res["killed"] == "hang":
                    hangs.append(name)
                elif res["killed"] or res["rc"] != 0:
                    tracebacks.append(f"{name}: {res.get('stderr', '')[-800:]}")
                big_rows.append(f"| {name} | {res['wall']:.1f} | {res['peak'] / 2**20:.0f} | {outcome} |")
                print(big_rows[-1], flush=True)
    wall = time.monotonic() - t0
    print(json.dumps({"codes": totals, "hangs": hangs, "tracebacks": tracebacks, "guard": guard[:10]}, indent=1))
    summary = (
        f"`python bench/fuzz.py --n {args.n} --seed {args.seed}` on {time.strftime('%Y-%m-%d')} ({machine()}), "
        f"{wall / 60:.1f} min. {args.n:,} generated hostile inputs ({', '.join(KINDS)}; hostile file names, "
        "FIFOs, links to /dev/zero, broken links, folders named like files) in batches of "
        f"{args.batch}, with good articles before, between and after them; each batch ingested (read, "
        "extract, store) by a worker process under a watchdog (600 s per batch, 60 s per big case, 1.5 GB).\n\n"
        "| measure | result | goal |\n|---|---|---|\n"
        f"| tracebacks (a worker died) | {len(tracebacks)} | 0 |\n"
        f"| failures caught by the per-input guard (NL140) or extraction (NL501) | {len(guard)} | 0 |\n"
        f"| hangs (watchdog kills) | {len(hangs)} | 0 |\n"
        f"| peak memory of a worker | {peak / 2**20:,.0f} MB | < 1,536 MB |\n"
        f"| good articles kept | {good_kept} of {good_total} | all |\n\n"
        "Coded failures by code: " + ", ".join(f"{c} {n:,}" for c, n in sorted(totals.items())) + ".\n"
    )
    if big_rows:
        summary += (
            "\nThe big cases, one worker each:\n\n| input | seconds | peak MB | outcome |\n|---|---|---|---|\n"
            + "\n".join(big_rows)
            + "\n"
        )
    if args.n == 0:
        summary = (
            f"`python bench/fuzz.py --n 0` on {time.strftime('%Y-%m-%d')} ({machine()}), {wall / 60:.1f} min: the "
            "issue's big and slow inputs (generated, invented text), each ingested by its own worker process "
            "under the watchdog (60 s, 1.5 GB; the time includes loading spaCy). Peak memory is the worker's "
            f"VmHWM. Tracebacks {len(tracebacks)}, hangs {len(hangs)}.\n\n"
            "| input | seconds | peak MB | outcome |\n|---|---|---|---|\n" + "\n".join(big_rows) + "\n"
        )
    print(summary)
    if not args.no_write:
        write_section("Hostile inputs: big cases" if args.n == 0 else "Hostile inputs (fuzz)", summary)


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--worker":
        run_worker(sys.argv[2], sys.argv[3])
    else:
        main()
