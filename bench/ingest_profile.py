"""Where `newsledger ingest` spends its time, stage by stage, on N allsides articles (one process).

usage: python bench/ingest_profile.py [--n 200] [--html 40] [--no-write]

Stages, each timed alone over the same articles:
  reading        JSONL -> Article (read_inputs), of which boilerplate marking (`ingest.common.outside`)
  trafilatura    --html pages of ../shared/data/article-extraction through read_inputs (HTML input only;
                 allsides is plain text, so this is per page, not part of the allsides total)
  parse          the tokenizer, then each spaCy component on the tokenized docs
  extractors     entities, times, quotes (of which the attribution CRF: features + tagging), claims, events
  sqlite         Ledger.write of the extractions, in ingest's batches of 64
  reconcile      each cross-article step (dedup, stories, entities, figures) over the fresh ledger
Also: the share of sentences the selective parse (extract/needs.py, when present) sends to the full pipeline.
Results go to BENCHMARKS.md (section "Ingest profile") unless --no-write.
"""

from __future__ import annotations

import argparse
import gzip
import sys
import tempfile
import time
from collections import defaultdict
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HTML = ROOT.parent / "shared" / "data" / "article-extraction" / "html"
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "src"))
from _report import machine, write_section  # noqa: E402
from throughput import DEFAULT_CORPUS, sample  # noqa: E402

COST: dict[str, float] = defaultdict(float)


def timed(name: str, fn):
    def wrapper(*a, **k):
        t = time.perf_counter()
        try:
            return fn(*a, **k)
        finally:
            COST[name] += time.perf_counter() - t

    return wrapper


def clock(name: str, fn, *a, **k):
    return timed(name, fn)(*a, **k)


class _TimedTagger:
    def __init__(self, inner):
        self.inner = inner

    def tag(self, xs):
        return clock("attribution CRF tag", self.inner.tag, xs)


def read(path: Path) -> list:
    from newsledger.ingest import common, read_inputs

    outside = common.outside
    common.outside = timed("boilerplate", outside)
    try:
        return clock("reading", lambda: list(read_inputs([str(path)])))
    finally:
        common.outside = outside


def trafilatura_pages(k: int) -> int:
    from newsledger.ingest import read_inputs

    pages = sorted(HTML.glob("*.html.gz"))[:k]
    with tempfile.TemporaryDirectory() as d:
        for gz in pages:
            (Path(d) / gz.name[:-3]).write_bytes(gzip.decompress(gz.read_bytes()))
        clock("trafilatura (HTML pages)", lambda: list(read_inputs([d])))
    return len(pages)


def parse(nlp, articles: list, batch: int) -> list:
    docs = [clock("tokenizer", nlp.make_doc, a.body) for a in articles]
    for name, proc in nlp.pipeline:
        docs = clock(name, _apply, proc, docs, batch)
    return docs


def _apply(proc, docs: list, batch: int) -> list:
    return list(proc.pipe(docs, batch_size=batch)) if hasattr(proc, "pipe") else [proc(d) for d in docs]


def extract(docs: list, articles: list) -> list:
    from newsledger.extract import Extractor, pipeline
    from newsledger.extract.attribution import model
    from newsledger.extract.pipeline import parsed_part

    tagger, features = model.tagger, model.features
    model.tagger = lambda: _TimedTagger(tagger())
    model.features = timed("attribution CRF features", features)
    names = ("entities", "times", "quotes", "claims", "events")
    saved = {n: getattr(pipeline, f"extract_{n}") for n in names}  # from_doc calls the names pipeline.py imported
    for n in names:
        setattr(pipeline, f"extract_{n}", timed(n, saved[n]))
    try:
        return [Extractor.from_doc(d, parsed_part(a)) for d, a in zip(docs, articles)]
    finally:
        model.tagger, model.features = tagger, features
        for n in names:
            setattr(pipeline, f"extract_{n}", saved[n])


def store_and_reconcile(extractions: list, db: Path) -> None:
    from newsledger import steps
    from newsledger.pipeline import made_by
    from newsledger.store import Ledger
    from newsledger.store import steps as made

    with Ledger(db) as led:
        for i in range(0, len(extractions), 64):
            clock("sqlite writes", led.write, extractions[i : i + 64], made_by=made_by(_EX[0]))
        for s in steps.ordered():
            if s.per_article or s.update is None:
                continue
            opts = steps.options_for(led, s)
            if made.state(led, s.name) is None:
                made.record(led, s.name, s.version, s.options_hash(opts), s.result_options(opts))
            clock(f"reconcile {s.name}", s.update, led, opts)


_EX: list = []


def sentence_share(nlp, articles: list) -> str:
    """What the selective parse runs: candidate sentences (and their tokens) sent to the full pipeline or NER."""
    try:
        from newsledger.extract.selective import candidates, plan
    except ImportError:
        return ""
    sents: dict[str, int] = defaultdict(int)
    tokens: dict[str, int] = defaultdict(int)
    for a in articles:
        doc = nlp.make_doc(a.body)
        spans, paras = candidates(doc)
        for (i, j), kind in zip(spans, plan([doc[i:j].text for i, j in spans], paras)):
            sents[kind] += 1
            tokens[kind] += j - i
    n, t = sum(sents.values()), sum(tokens.values())
    return (
        " · ".join(
            f"{k} {sents[k] / n * 100:.0f}% of sentences ({tokens[k] / t * 100:.0f}% of tokens)" for k in sorted(sents)
        )
        + f", of {n:,} candidate sentences"
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--html", type=int, default=40)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args()
    if not args.corpus.exists():
        print(f"corpus {args.corpus} is absent", file=sys.stderr)
        return 2
    from newsledger.extract import Extractor

    ex = Extractor()
    _EX.append(ex)
    list(ex.nlp.pipe(["A warm-up sentence, so no stage pays the start-up cost."] * 8))
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "sample.jsonl"
        n, words = sample(args.corpus, args.n, path)
        articles = read(path)
        docs = parse(ex.nlp, articles, ex.options.batch_size)
        extractions = extract(docs, articles)
        store_and_reconcile(extractions, Path(d) / "ledger.db")
    share = sentence_share(ex.nlp, articles)
    pages = trafilatura_pages(args.html) if HTML.exists() and args.html else 0
    text = report(n, words, pages, share, args)
    print(text)
    if not args.no_write:
        write_section("Ingest profile", text)
    return 0


def report(n: int, words: int, pages: int, share: str, args) -> str:
    groups = {
        "parse": ["tokenizer", *[k for k in _EX[0].nlp.pipe_names]],
        "extractors": ["entities", "times", "quotes", "claims", "events"],
    }
    total = sum(v for k, v in COST.items() if k not in ("boilerplate", "trafilatura (HTML pages)") and "CRF" not in k)
    rows = []
    for k, v in COST.items():
        if k == "trafilatura (HTML pages)":
            continue
        part = next((g for g, ks in groups.items() if k in ks), "")
        within = " (within reading)" if k == "boilerplate" else " (within quotes)" if "CRF" in k else ""
        rows.append(f"| {k}{within} | {part} | {v:.2f} | {v / total * 100:.1f}% | {v / n * 1000:.1f} |")
    lines = [
        f"{date.today().isoformat()} · {machine()} · {n} allsides articles ({words:,} words), one process, each stage "
        f"timed alone · `python bench/ingest_profile.py --n {args.n} --html {args.html}`",
        "",
        "| stage | group | seconds | share of total | ms/article |",
        "|---|---|---|---|---|",
        *rows,
        "",
        f"Total {total:.1f} s ({n / total:.2f} articles/s).",
    ]
    if pages:
        t = COST["trafilatura (HTML pages)"]
        lines.append(
            f"HTML input only: reading {pages} article-extraction pages (trafilatura and the cascade) took "
            f"{t:.2f} s, {t / pages * 1000:.0f} ms/page."
        )
    if share:
        lines.append(f"The selective parse (extract/needs.py) on these articles: {share}.")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
