"""Exports: every table in every format, slices, TimeML, and the columns docs/exports.md promises."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsledger.cli import main
from newsledger.export import EXPORTS, TABLES

ROOT = Path(__file__).resolve().parents[1]
pq = pytest.importorskip("pyarrow.parquet")


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("exports") / "demo.db"
    args = ["ingest", str(ROOT / "samples"), "--db", str(db), "--published", "2025-03-10", "--quiet"]
    assert CliRunner().invoke(main, args).exit_code == 0
    return str(db)


def export(db, *args, ok=True):
    r = CliRunner().invoke(main, ["export", "--db", db, *map(str, args)])
    if ok:
        assert r.exit_code == 0, r.output
    return r


def csv_rows(db, *args):
    return list(csv.DictReader(io.StringIO(export(db, "--format", "csv", *args).output)))


@pytest.mark.parametrize("table", sorted(TABLES))
def test_every_table_has_the_same_rows_in_csv_jsonl_and_parquet(demo_db, table, tmp_path):
    rows = csv_rows(demo_db, "--table", table)
    assert rows, f"the demo ledger has {table}"
    assert list(rows[0]) == list(TABLES[table].columns)
    out = tmp_path / "t.parquet"
    export(demo_db, "--table", table, "--format", "parquet", "-o", out)
    t = pq.read_table(out)
    assert t.column_names == list(TABLES[table].columns) and t.num_rows == len(rows)
    # the same values (CSV writes them as text)
    assert [{k: "" if v is None else str(v) for k, v in r.items()} for r in t.to_pylist()] == rows
    if table not in {"articles", "figures", "stories"}:  # those three are nested in JSON lines
        lines = [json.loads(l) for l in export(demo_db, "--table", table).output.splitlines()]
        assert len(lines) == len(rows) and list(lines[0]) == list(TABLES[table].columns)


def test_figures_one_row_per_claim_with_its_party(demo_db):
    figs = [json.loads(l) for l in export(demo_db, "--table", "figures").output.splitlines()]
    rows = csv_rows(demo_db, "--table", "figures")
    assert len(rows) == sum(len(f["claims"]) for f in figs)
    killed = next(f for f in figs if f["measure"] == "killed")
    assert {r["party_name"] for r in rows if r["figure"] == killed["id"]} == {
        "Government",
        "Opposition",
        "Veridian Red Cross",
    }


def test_since_until_cut_every_table(demo_db):
    every = csv_rows(demo_db, "--table", "articles")
    dates = sorted({r["published"] for r in every})
    assert len(dates) >= 3
    mid = dates[len(dates) // 2]
    later = csv_rows(demo_db, "--table", "articles", "--since", mid)
    assert later and {r["published"] for r in later} == {d for d in dates if d >= mid}
    upto = csv_rows(demo_db, "--table", "claims", "--until", mid)
    assert upto and all(r["published"] <= mid for r in upto)
    assert len(upto) < len(csv_rows(demo_db, "--table", "claims"))
    one_day = csv_rows(demo_db, "--table", "quotes", "--since", mid, "--until", mid)
    assert {r["published"] for r in one_day} <= {mid}
    assert csv_rows(demo_db, "--table", "claims", "--since", "2031-01-01") == []
    # a figure in the slice comes whole: claims from articles outside the slice too
    figs = csv_rows(demo_db, "--table", "figures", "--since", dates[-1])
    assert figs and any(r["published"] < dates[-1] for r in figs)
    assert len({r["figure"] for r in figs}) <= len({r["figure"] for r in csv_rows(demo_db, "--table", "figures")})


def test_story_slice_keeps_its_articles(demo_db):
    stories = csv_rows(demo_db, "--table", "stories")
    by_story: dict[str, set] = {}
    for r in stories:
        by_story.setdefault(r["story"], set()).add(r["article"])
    sid, members = max(by_story.items(), key=lambda kv: len(kv[1]))
    assert len(members) > 1 and len(by_story) > 1
    assert {r["id"] for r in csv_rows(demo_db, "--table", "articles", "--story", sid)} == members
    assert {r["story"] for r in csv_rows(demo_db, "--table", "stories", "--story", sid)} == {sid}
    r = export(demo_db, "--table", "claims", "--story", "no-such-story", ok=False)
    assert r.exit_code == 1 and "newsledger: NL301:" in r.output


def test_timeml_is_xml_with_every_time_inline(demo_db):
    times = csv_rows(demo_db, "--table", "times")
    root = ET.fromstring(export(demo_db, "--table", "times", "--format", "timeml").output.encode())
    docs = root.findall("TimeML")
    assert len(docs) == len(csv_rows(demo_db, "--table", "articles"))
    tagged = [(d.findtext("DOCID"), t.text, t.get("value")) for d in docs for t in d.iter("TIMEX3") if t.text]
    assert sorted(tagged) == sorted((r["article"], r["text"], r["value"]) for r in times)
    assert all(d.find("DCT/TIMEX3").get("functionInDocument") == "CREATION_TIME" for d in docs)


def test_a_table_without_that_format_is_a_coded_error(demo_db, tmp_path):
    out = tmp_path / "x.xml"
    r = export(demo_db, "--table", "claims", "--format", "timeml", "-o", out, ok=False)
    assert r.exit_code == 1 and "newsledger: NL160: --table claims has no --format timeml" in r.output
    assert not out.exists()  # refused before the file is made
    r = export(demo_db, "--since", "2025-03-09", "--until", "2025-03-01", ok=False)
    assert r.exit_code == 1 and "newsledger: NL162:" in r.output


def test_every_flat_table_has_every_tabular_format_and_events_have_room_for_more():
    for t in TABLES:
        assert {(t, f) for f in ("csv", "jsonl", "parquet")} <= set(EXPORTS)


def test_docs_list_every_column_of_every_table():
    doc = (ROOT / "docs" / "exports.md").read_text()
    for table, flat in TABLES.items():
        section = doc.split(f"\n## {table}\n", 1)[1].split("\n## ", 1)[0]
        assert re.findall(r"^\| `(\w+)` \|", section, re.M) == list(flat.columns), table
    assert "listed table by table in `docs/exports.md`" in (ROOT / "docs" / "schema.md").read_text()


def test_events_export_as_plover_records_like_the_cli(demo_db):
    recs = [json.loads(l) for l in export(demo_db, "--table", "events", "--format", "plover").output.splitlines()]
    rows = csv_rows(demo_db, "--table", "events")
    assert recs and len(recs) == len(rows)
    cli = CliRunner().invoke(main, ["events", "--db", demo_db, "--format", "plover", "--limit", "100000"]).output
    fields = {k for line in cli.splitlines() for k in json.loads(line)}
    assert all(set(r) == fields for r in recs)  # the fields of `newsledger events --format plover`
    assert {r["event"] for r in recs} == {r["type"] for r in rows}
