"""What a figure must not do, on real sentences: tests/reconcile/data/figure_phenomena.jsonl.

The data file holds pointers only (an allsides article ID or a news_cluster file name, character offsets
into the text as newsledger stores it) and the expected behaviour; the article text stays in ../shared.
Each figure must hold one quantity of one incident, each value credited to one party:

- two_incidents  {"separate_from": [s, e]}  the other incident's claim is never in the same figure
- background     {"not_in_figure": true}    history ("the 2004 tsunami killed ...") is in no figure
- part           {"part_of": [s, e] | null} a part ("three of the dead") is not in the whole's figure
                                            (and is linked to it where figures record parts)
- tally_or_rate  {"not_in_figure"} | {"separate_from"}  running totals and rates beside an incident
- not_a_claim    {"not_in_figure": true}    hypotheticals, needs, opinions, names, durations, ordinals
- party          {"party": name} | {"party_of": [s, e]} | {"not_source": name}
- hedge          {"qualifier": q} | {"preliminary": true} | {"stance": s} | {"best": v} (the figure's best)

A span is [s, e] in the item's article, or [article, s, e] in another one (a split story). "same_figure_as"
(a span): both claims are in one figure; "party_not" (a name): the claim is not credited to it; "measure": the
figure's measure.

One test per item, so that each one's state shows. Items the figure layer still gets wrong are listed in
KNOWN_WRONG with why; they are strict xfails, so fixing one shows (and the entry must then go).
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data" / "figure_phenomena.jsonl"
ITEMS = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]
PHENOMENA = ("two_incidents", "background", "part", "tally_or_rate", "not_a_claim", "party", "hedge")
# What the figure layer still gets wrong (docs/figures.md, "Limits"), and why.
KNOWN_WRONG = {
    "va-acknowledged-23": "read as a nationwide tally and left out of figures: no figure claim holds its stance",
    "kabul-health-ministry-spokesperson": "credited to the Government of Afghanistan: a ministry's spokesperson is "
    "read as the government's, not as the ministry's",
    "gaza-2012-relayed-health-ministry": "a figure relayed by a broadcaster credited to the broadcaster",
    "africom-acknowledged": "a command ('Africa Command') is not read as a party of its own",
    "bardo-twelve-of-dead": "linked as a part of another figure of the 21 dead than the sentence's (the story holds "
    "two figures of that toll)",
    "africom-acknowledged-stance": "the stance of a cue outside the claim's sentence",
}


def _cases(phenomenon):
    return [
        pytest.param(
            i,
            id=i["id"],
            marks=[pytest.mark.xfail(strict=True, reason=KNOWN_WRONG[i["id"]])] if i["id"] in KNOWN_WRONG else [],
        )
        for i in ITEMS
        if i["phenomenon"] == phenomenon
    ]


def _texts(shared: Path) -> dict[tuple[str, str], dict]:
    """(corpus, article) -> the record newsledger would read, for every article the items point to."""
    want = {(i["corpus"], i["article"]) for i in ITEMS} | {
        (i["corpus"], v[0]) for i in ITEMS for v in i["expect"].values() if isinstance(v, list) and len(v) == 3
    }
    out: dict[tuple[str, str], dict] = {}
    allsides = {a for c, a in want if c == "allsides"}
    if allsides:
        with gzip.open(shared / "allsides" / "articles.jsonl.gz", "rt", encoding="utf-8") as f:
            for line in f:
                if not any(a in line for a in allsides):  # cheap filter before parsing
                    continue
                rec = json.loads(line)
                if rec.get("ID") in allsides:
                    out[("allsides", rec["ID"])] = {
                        "text": rec["content_original"],
                        "title": rec.get("title"),
                        "published": rec.get("date") or None,
                    }
    for c, a in want:
        if c == "news_cluster":
            from newsledger.ingest.readers import article_from_record

            path = shared / "giveme5w1h" / "news_cluster" / "data" / a
            art = article_from_record(json.loads(path.read_text(encoding="utf-8")), str(path))
            out[(c, a)] = {
                "text": art.text,
                "title": art.title,
                "published": art.published.isoformat() if art.published else None,
            }
    return out


@pytest.fixture(scope="module")
def texts(shared_data):
    return _texts(shared_data)


def test_data_is_well_formed():
    ids = [i["id"] for i in ITEMS]
    assert len(ids) == len(set(ids)), "ids must be unique"
    keys = {
        "not_in_figure",
        "separate_from",
        "part_of",
        "party_of",
        "party",
        "not_source",
        "qualifier",
        "preliminary",
        "stance",
        "same_figure_as",
        "party_not",
        "best",
        "measure",
    }
    for i in ITEMS:
        assert i["phenomenon"] in PHENOMENA, i["id"]
        assert i["corpus"] in ("allsides", "news_cluster"), i["id"]
        assert len(i["expect"]) == 1 and set(i["expect"]) <= keys, i["id"]
    for p in PHENOMENA[:6]:
        assert sum(i["phenomenon"] == p for i in ITEMS) >= 3, p


def _spans(item) -> list[tuple[str, str, list[int]]]:
    """(name, article, [s, e]) of every span an item points to."""
    out = [("claim", item["article"], item["claim"])]
    for k in ("separate_from", "part_of", "party_of", "same_figure_as"):
        v = item["expect"].get(k)
        if isinstance(v, list):
            out.append((k, v[0], v[1:]) if len(v) == 3 else (k, item["article"], v))
    return out


@pytest.mark.parametrize("item", ITEMS, ids=[i["id"] for i in ITEMS])
def test_offsets_hold_the_text(item, texts):
    text = texts[(item["corpus"], item["article"])]["text"]
    s, e = item["claim"]
    assert text[s:e] == item["text"]
    for name, article, (s, e) in _spans(item):
        text = texts[(item["corpus"], article)]["text"]
        assert 0 <= s < e <= len(text) and text[s:e].strip() == text[s:e], (name, text[s:e])


# -- end to end: ingest the items' articles into one ledger, then read its figures -------------------------


@pytest.fixture(scope="module")
def built(texts, extractor, tmp_path_factory):
    from newsledger.pipeline import ingest
    from newsledger.reconcile.figures import get_figure, list_figures
    from newsledger.store import Ledger

    tmp = tmp_path_factory.mktemp("phenomena")
    src = tmp / "articles.jsonl"
    with open(src, "w", encoding="utf-8") as f:
        for (corpus, article), rec in sorted(texts.items()):
            f.write(json.dumps({**rec, "source": f"{corpus}:{article}"}) + "\n")
    led = Ledger(tmp / "ledger.db")
    rep = ingest([str(src)], led, extractor)
    assert not rep.failures, rep.failures
    by_source = {s.source: s.id for s in led.articles()} if hasattr(led, "articles") else {}
    figures = list_figures(led)
    # a party is credited when a claim is filed, shown or not: figures none of whose claims founds them too
    shown = {f.id for f in figures}
    stored = [get_figure(led, fid) for (fid,) in led.conn.execute("SELECT id FROM figures")]
    everything = figures + [f for f in stored if f is not None and f.id not in shown]
    yield led, by_source, figures, everything
    led.close()


def _article_id(led, by_source, item) -> str:
    key = f"{item['corpus']}:{item['article']}"
    if key in by_source:
        return by_source[key]
    row = led.conn.execute("SELECT id FROM articles WHERE source = ?", (key,)).fetchone()
    assert row, f"article {key} was not stored"
    return row[0]


def _claim_at(led, by_source, item, span):
    """The stored claim whose span covers `span` (the tightest one), else None. A span of three is
    [article, s, e] in another article."""
    if len(span) == 3:
        item, span = {**item, "article": span[0]}, span[1:]
    aid = _article_id(led, by_source, item)
    s, e = span
    hits = [c for c in led.claims(article=aid) if c.record.start <= s and e <= c.record.end]
    if not hits:  # a claim that overlaps the number at all
        hits = [c for c in led.claims(article=aid) if c.record.start < e and s < c.record.end]
    return min(hits, key=lambda c: c.record.end - c.record.start) if hits else None


def _rows(fc) -> set[int]:
    return {fc.claim} | {m.claim for m in getattr(fc, "mentions", ()) or ()}


def _figure_of(figures, row):
    """(figure, figure claim) holding claim row `row`, else (None, None)."""
    for f in figures:
        for fc in f.claims:
            if row in _rows(fc):
                return f, fc
    return None, None


def _same_party(shown: str | None, want: str) -> bool:
    if not shown:
        return False
    a, b = shown.lower(), want.lower()
    return b in a or a in b


def _check(item, built):
    led, by_source, figures, everything = built
    exp = item["expect"]
    ((key, val),) = exp.items()
    cited = _claim_at(led, by_source, item, item["claim"])
    if key == "not_in_figure":
        if cited is None:
            return  # not even a claim: in no figure
        f, _ = _figure_of(figures, cited.row)
        assert f is None, f"{item['text']!r} is in figure {f.id} ({f.measure} {f.counted})"
        return
    assert cited is not None, f"no stored claim at {item['claim']} ({item['text']!r})"
    row = cited.row
    if key in ("separate_from", "part_of"):
        f, _ = _figure_of(figures, row)
        if val is not None:
            other = _claim_at(led, by_source, item, val)
            if other is not None and f is not None:
                g, _ = _figure_of(figures, other.row)
                assert g is None or g.id != f.id, f"both claims are in figure {f.id}"
            if key == "part_of" and f is not None and hasattr(f, "part_of"):
                assert other is not None and f.part_of is not None
                whole, _ = _figure_of(figures, other.row)
                assert whole is not None and f.part_of == whole.id
        elif key == "part_of" and f is not None and hasattr(f, "part_of"):
            pass  # the whole is not in the text: nothing to link
        return
    if key == "same_figure_as":
        f, _ = _figure_of(figures, row)
        other = _claim_at(led, by_source, item, val)
        assert f is not None and other is not None, "a claim is missing or in no figure"
        g, _ = _figure_of(figures, other.row)
        assert g is not None and g.id == f.id, f"in figures {f.id} and {g.id if g else None}"
        return
    if key == "party_not":
        _, fc = _figure_of(everything, row)
        assert fc is not None, f"{item['text']!r} is in no figure"
        assert not _same_party(fc.party_name or fc.source, val), f"credited to {fc.party_name or fc.source!r}"
        return
    if key == "measure":  # what the claim counts, whether or not its figure is shown
        f, _ = _figure_of(everything, row)
        assert f is not None and f.measure == val, f"measure {f.measure if f else None}"
        return
    if key == "best":
        f, _ = _figure_of(figures, row)
        assert f is not None and f.best == val, f"best {f.best if f else None}"
        return
    if key in ("party", "party_of"):
        f, fc = _figure_of(everything, row)
        assert fc is not None, f"{item['text']!r} is in no figure"
        if key == "party":
            shown = (fc.source, getattr(fc, "party_name", None))
            assert any(_same_party(n, val) for n in shown), f"credited to {shown!r}, not {val!r}"
        else:
            other = _claim_at(led, by_source, item, val)
            assert other is not None
            _, oc = _figure_of(everything, other.row)
            assert oc is not None, "the other claim is in no figure"
            assert fc.party and fc.party == oc.party, (fc.party, oc.party)  # one party, however it is named
        return
    if key == "not_source":
        bad = [(f.id, fc.text) for f in figures for fc in f.claims if (fc.source or "").lower() == val.lower()]
        assert not bad, f"{val!r} is a figure source: {bad}"
        return
    if key == "qualifier":
        assert cited.record.qualifier == val, cited.record.qualifier
        return
    if key in ("preliminary", "stance"):
        _, fc = _figure_of(figures, row)
        have = [getattr(o, key) for o in (cited.record, fc) if o is not None and hasattr(o, key)]
        assert have, f"neither the claim nor its figure claim records {key}"
        assert val in have, have
        return
    raise AssertionError(f"unknown expectation {key}")


@pytest.mark.parametrize("item", _cases("two_incidents"))
def test_two_incidents(item, built):
    _check(item, built)


@pytest.mark.parametrize("item", _cases("background"))
def test_background(item, built):
    _check(item, built)


@pytest.mark.parametrize("item", _cases("part"))
def test_part(item, built):
    _check(item, built)


@pytest.mark.parametrize("item", _cases("tally_or_rate"))
def test_tally_or_rate(item, built):
    _check(item, built)


@pytest.mark.parametrize("item", _cases("not_a_claim"))
def test_not_a_claim(item, built):
    _check(item, built)


@pytest.mark.parametrize("item", _cases("party"))
def test_party(item, built):
    _check(item, built)


@pytest.mark.parametrize("item", _cases("hedge"))
def test_hedge(item, built):
    _check(item, built)
