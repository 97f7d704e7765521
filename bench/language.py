"""Accuracy and cost of the language detector (newsledger.ingest.language, py3langid) on a mixed sample.

usage: python bench/language.py [--allsides 1000] [--no-write]

Sample: the 181 news pages of ../shared/data/warc (English, Russian, Portuguese, Korean, Japanese, German,
Italian, Indonesian ...), each page's main text as `html_article` extracts it, with the page's own declared
language (`<html lang>`) as the reference, pages declaring none left out; and the first N allsides
articles (English news), where every article called other than English would lose its extraction.
Cost: the model's load time and resident memory, and the time per article.
Results go to BENCHMARKS.md (section "Language detection") unless --no-write.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import resource
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
sys.path.insert(0, str(ROOT / "bench"))
from _report import machine, write_section  # noqa: E402

_LANG = re.compile(r"""<html[^>]*\slang\s*=\s*["']?([A-Za-z]{2,3})""", re.I)


def warc_sample() -> list[tuple[str, str]]:
    """(declared language, main text) of every WARC page that declares one and holds an article."""
    from newsledger.errors import InputError
    from newsledger.ingest import warc
    from newsledger.ingest.html import extract_main

    out = []
    with gzip.open(DATA / "warc" / "scrapinghub-aeb-181-news.warc.gz") as f:
        for rec in warc.records(f, "warc", 1 << 27):
            if not isinstance(rec, warc.Record) or (html := warc.page(rec)) is None:
                continue
            m = _LANG.search(html[:8000])
            try:
                doc = extract_main(html)
            except (InputError, ValueError):
                continue
            if m and doc is not None and doc.text:
                out.append((m.group(1).lower()[:2], doc.text))
    return out


def allsides_sample(n: int) -> list[str]:
    texts = []
    with gzip.open(DATA / "allsides" / "articles.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            t = json.loads(line).get("content_original") or ""
            if t.strip():
                texts.append(t)
            if len(texts) >= n:
                break
    return texts


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--allsides", type=int, default=1000)
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args()
    pages = warc_sample()
    news = allsides_sample(args.allsides)

    from newsledger.ingest import language

    before = rss_mb()
    t0 = time.perf_counter()
    language.detect("A first sentence, so that the model is loaded before anything is timed.")
    load_s = time.perf_counter() - t0
    model_mb = rss_mb() - before

    t0 = time.perf_counter()
    got = [language.detect(text) for _, text in pages]
    warc_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    en = [language.detect(text) for text in news]
    news_s = time.perf_counter() - t0

    right = sum(g == want for (want, _), g in zip(pages, got))
    unsure = sum(g is None for g in got)
    wrong = [(want, g) for (want, _), g in zip(pages, got) if g is not None and g != want]
    langs = Counter(want for want, _ in pages)
    other = [(w, g) for (w, _), g in zip(pages, got) if w != "en"]
    other_right = sum(w == g for w, g in other)
    en_lost = sum(g not in (None, "en") for g in en)
    en_unsure = sum(g is None for g in en)
    chars = sum(len(t) for t in news) / max(1, len(news))
    body = f"""`bench/language.py` on {machine()}, {time.strftime("%Y-%m-%d")}; py3langid 0.4.0, an article's
language set when the model's normalised probability is at least {language.MIN_PROBABILITY} over at least
{language.MIN_LETTERS} letters (else null, and the English extractors run).

| sample | articles | agree with the reference | detector unsure (null) | other language called |
|---|---|---|---|---|
| WARC pages, declared `<html lang>` | {len(pages)} ({", ".join(f"{k} {v}" for k, v in langs.most_common())}) | {right} ({right / len(pages):.1%}) | {unsure} | {len(wrong)} |
| of them not declared English | {len(other)} | {other_right} | {sum(g is None for _, g in other)} | {sum(g is not None and g != w for w, g in other)} |
| allsides (English news) | {len(news)} | {len(news) - en_lost - en_unsure} called en | {en_unsure} | {en_lost} (would go unextracted) |

Where a page and the detector disagree: {", ".join(f"declared {w} / detected {g}" for w, g in wrong) or "none"}
(read by hand at commit 7b70ef7: in each of these four the page's declaration is wrong, the detector right).

Cost: the model loads in {load_s:.2f} s and holds {model_mb:.0f} MB of resident memory (once per process);
detection takes {1000 * news_s / max(1, len(news)):.2f} ms per allsides article (mean {chars:,.0f} characters, the
first 4,000 read) and {1000 * warc_s / max(1, len(pages)):.2f} ms per WARC page."""
    print(body)
    if not args.no_write:
        write_section("Language detection", body)


if __name__ == "__main__":
    main()
