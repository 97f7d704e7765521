"""Every command has help text and works on the shipped samples, through click's CliRunner."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsledger.cli import main

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"

COMMANDS = sorted(main.commands)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("demo") / "demo.db"
    r = CliRunner().invoke(main, ["ingest", str(SAMPLES), "--db", str(db), "--published", "2025-03-10", "--quiet"])
    assert r.exit_code == 0, r.output
    assert "6 stored, 0 already" in r.output
    return str(db)


def run(*args, ok=True):
    r = CliRunner().invoke(main, [str(a) for a in args])
    if ok:
        assert r.exit_code == 0, r.output
    return r


@pytest.mark.parametrize("cmd", COMMANDS)
def test_every_command_has_help(cmd):
    r = run(cmd, "--help")
    assert "Usage:" in r.output
    assert len(main.commands[cmd].help or "") > 20


def test_every_command_is_documented_in_the_readme():
    readme = (ROOT / "README.md").read_text()
    missing = [c for c in COMMANDS if f"newsledger {c}" not in readme]
    assert not missing, f"undocumented in README.md: {missing}"


def test_ingest_again_is_idempotent(demo_db):
    r = run("ingest", SAMPLES, "--db", demo_db, "--published", "2025-03-10", "--quiet")
    assert "0 stored, 6 already" in r.output


def test_articles(demo_db):
    rows = [json.loads(l) for l in run("articles", "--db", demo_db, "--json").output.splitlines()]
    assert len(rows) == 6
    assert [r["published"] for r in rows] == sorted(r["published"] for r in rows)
    assert {r["outlet"] for r in rows} >= {"Veridia Daily Wire", "kesselcourier.example"}
    assert {r["language"] for r in rows} == {"en"}
    out = run("articles", "--db", demo_db).output  # 80 columns: titles wrap
    assert rows[0]["id"] in out and "Orvin" in out and "Veridia" in out
    assert run("articles", "--db", demo_db, "--language", "pt", "--json").output == ""


def test_show_marks_the_article(demo_db):
    aid = json.loads(run("articles", "--db", demo_db, "--json").output.splitlines()[0])["id"]
    out = run("show", aid[:8], "--db", demo_db).output
    assert "Veridia" in out and "PORT ANSELM" in out
    x = json.loads(run("show", aid, "--db", demo_db, "--json").output)
    assert x["schema"] == "newsledger/1" and x["article"]["id"] == aid
    r = run("show", "no-such-article", "--db", demo_db, ok=False)
    assert r.exit_code == 1 and "NL301" in r.output


def test_claims_filters(demo_db):
    rows = [json.loads(l) for l in run("claims", "--db", demo_db, "--json").output.splitlines()]
    assert rows, "the samples hold numeric claims"
    about = [
        json.loads(l) for l in run("claims", "--db", demo_db, "--json", "--about", "volunteers").output.splitlines()
    ]
    assert about and all(r["article"] for r in about) and len(about) < len(rows)
    assert run("claims", "--db", demo_db, "--about", "zeppelins", "--json").output == ""


def test_quotes_by_speaker(demo_db):
    rows = [json.loads(l) for l in run("quotes", "--db", demo_db, "--json").output.splitlines()]
    assert rows
    assert run("quotes", "--db", demo_db, "--by", "nobody-at-all", "--json").output == ""


def test_entities(demo_db):
    rows = [json.loads(l) for l in run("entities", "--db", demo_db, "--json").output.splitlines()]
    names = {r["name"] for r in rows}
    assert "Orvin" in " ".join(names) and "Veridia" in names


def test_search(demo_db):
    rows = [json.loads(l) for l in run("search", "volunteers", "--db", demo_db, "--json").output.splitlines()]
    assert {r["source"] for r in rows} == {"Harbour Times", "Lakeside Post"}  # the report and its reprint
    assert all("[volunteers]" in r["snippet"].lower() for r in rows)
    assert run("search", "zeppelin", "--db", demo_db, "--json").output == ""


def test_export_jsonl_and_csv(demo_db):
    lines = run("export", "--db", demo_db, "--format", "jsonl").output.splitlines()
    assert len(lines) == 6 and all(json.loads(l)["schema"] == "newsledger/1" for l in lines)
    rows = list(
        csv.DictReader(io.StringIO(run("export", "--db", demo_db, "--format", "csv", "--table", "claims").output))
    )
    assert rows and {"point", "qualifier", "counted", "source"} <= set(rows[0])


def test_the_figures_table_says_which_rows_are_parts(demo_db, monkeypatch):
    monkeypatch.setenv("COLUMNS", "240")  # a table wide enough not to wrap the cell
    out = run("figures", "--db", demo_db).output
    assert "bodies recovered" in out and "part of" in out, out  # the 23 bodies: no second toll of the dam


def test_export_figures_with_their_parts_incidents_and_parties(demo_db):
    figs = [json.loads(l) for l in run("export", "--db", demo_db, "--table", "figures").output.splitlines()]
    killed = [f for f in figs if f["measure"] == "killed" and f["part_of"] is None]
    assert len(killed) == 1 and killed[0]["incident"]["title"] and "part_of" in killed[0]
    parts = [f for f in figs if f["measure"] == "killed" and f["part_of"] is not None]
    assert [p["part_of"] for p in parts] == [killed[0]["id"]]  # the 23 bodies recovered
    assert {c["party"] for c in killed[0]["claims"]} and len({c["party"] for c in killed[0]["claims"]}) == 3
    out = run("export", "--db", demo_db, "--table", "figures", "--format", "csv").output
    rows = list(csv.DictReader(io.StringIO(out)))
    mine = [r for r in rows if r["figure"] == killed[0]["id"]]
    assert len(mine) == len(killed[0]["claims"])
    assert {r["party_name"] for r in mine} == {"Government", "Opposition", "Veridian Red Cross"}
    assert {"incident", "part_of", "stance", "relayed_by"} <= set(rows[0])


def test_search_keeps_the_matched_word_and_errors_read_alike(demo_db):
    out = run("search", "inquiry", "--db", demo_db).output
    assert "[inquiry]" in out  # the snippet's mark, not taken for a style tag
    r = run("figure", "nope", "--db", demo_db, ok=False)
    assert r.exit_code == 1 and "newsledger: NL301" in r.output and "Error:" not in r.output


def test_missing_database_is_a_clear_error(tmp_path):
    r = run("claims", "--db", tmp_path / "none.db", ok=False)
    assert r.exit_code == 1 and "NL201" in r.output and "Traceback" not in r.output


def test_extract_needs_no_database(tmp_path):
    (tmp_path / "a.txt").write_text("Some 40 people were hurt in Brenn on Monday, police said.\n")
    r = CliRunner().invoke(main, ["extract", str(tmp_path / "a.txt"), "--published", "2025-03-10"])
    assert r.exit_code == 0
    d = json.loads(r.output)
    assert d["article"]["published"] == "2025-03-10" and d["article"]["source"].endswith("a.txt")
    assert not list(tmp_path.glob("*.db"))


def test_parallel_workers_give_the_same_output():
    import subprocess
    import sys

    bin_ = Path(sys.executable).parent / "newsledger"
    runs = [
        subprocess.run(
            [str(bin_), "extract", str(SAMPLES), "--published", "2025-03-10", "--workers", w],
            capture_output=True,
            text=True,
            timeout=300,
        )
        for w in ("1", "2")
    ]
    assert all(r.returncode == 0 for r in runs), runs[1].stderr
    assert runs[0].stdout == runs[1].stdout and runs[0].stdout.count("\n") == 6


def test_a_user_finds_who_said_what_on_the_demo(demo_db):
    ferreira = [json.loads(l) for l in run("quotes", "--db", demo_db, "--by", "Ferreira", "--json").output.splitlines()]
    assert ferreira and all(q["speaker"]["name"] == "Tomas Ferreira" for q in ferreira)
    assert any("Many of the missing" in q["text"] for q in ferreira)  # the quote continued with "he said"
    red_cross = [
        json.loads(l) for l in run("claims", "--db", demo_db, "--source", "Red Cross", "--json").output.splitlines()
    ]
    values = {(c["measure"], c["value"]["point"], c["qualifier"]) for c in red_cross}
    assert ("killed", 90, "approx") in values and ("injured", 200, "more_than") in values
    governor = [
        json.loads(l) for l in run("claims", "--db", demo_db, "--source", "governor", "--json").output.splitlines()
    ]
    assert [(c["value"]["point"], c["measure"]) for c in governor] == [(2000, "displaced")]


def test_events_lists_filters_and_exports_plover(demo_db, shared_data):
    import json as _json

    rows = [_json.loads(line) for line in run("events", "--db", demo_db, "--format", "jsonl").output.splitlines()]
    assert rows and all({"type", "status", "actor", "target", "place", "time"} <= set(r) for r in rows)
    some = rows[0]["type"]
    typed = run("events", "--db", demo_db, "--format", "jsonl", "--type", some.lower()).output.splitlines()
    assert typed and all(_json.loads(line)["type"] == some for line in typed)
    gold = [r for r in _json.loads((shared_data / "plover" / "PLOVER_GSR_CAMEO.txt").read_text()) if r.get("text")]
    always = set.intersection(*(set(r) for r in gold if r["event"] != "DOCUMENT"))
    recs = [_json.loads(line) for line in run("events", "--db", demo_db, "--format", "plover").output.splitlines()]
    assert len(recs) == len(rows) and all(always <= set(r) for r in recs)
    assert all(isinstance(r["source"], list) and r["event"] == r["event"].upper() for r in recs)
    assert all(r["eventText"] in r["text"] for r in recs)


def test_events_bad_filters_are_coded_errors(demo_db):
    r = run("events", "--db", demo_db, "--type", "NOPE", ok=False)
    assert r.exit_code != 0 and "NL155" in r.output and "Traceback" not in r.output
    r = run("events", "--db", demo_db, "--since", "last week", ok=False)
    assert r.exit_code != 0 and "NL156" in r.output


def test_about_finds_the_claims_of_the_measure_it_names(demo_db):
    def keys(*args):
        rows = run("claims", "--db", demo_db, "--json", *args).output.splitlines()
        return {(r["article"], r["start"]) for r in map(json.loads, rows)}

    killed = keys("--measure", "killed")
    assert len(killed) > 4 and keys("--about", "dead") >= killed and keys("--about", "deaths") >= killed
    assert not keys("--about", "dead") & keys("--measure", "deployed")  # a measure word, not every claim
    assert keys("--about", "volunteers") and not keys("--about", "volunteers") >= killed
    figs = [
        json.loads(l)
        for l in run("figures", "--db", demo_db, "--about", "dead", "--format", "jsonl").output.splitlines()
    ]
    assert {f["measure"] for f in figs} == {"killed"}


@pytest.mark.parametrize("cmd", ["ingest", "extract"])
def test_help_names_every_input_kind(cmd):
    from newsledger.ingest.readers import KINDS

    text = " ".join(run(cmd, "--help").output.split())
    assert [k for k in KINDS.split(", ") if k not in text] == [] and "URLs" in text and "stdin" in text


def test_progress_has_a_total_and_comes_before_the_summary(tmp_path):
    db = tmp_path / "p.db"
    r = run("ingest", SAMPLES, tmp_path / "missing.txt", "--db", db, "--published", "2025-03-10", ok=False)
    lines = r.output.splitlines()
    assert r.exit_code == 1 and lines[-1] == f"6 stored, 0 already in the ledger, 1 failed -> {db}"
    assert any("7/7 read" in l and "ETA" in l for l in lines[:-1])  # six articles and the failure
    quiet = run("ingest", SAMPLES, "--db", db, "--quiet").output
    assert quiet == f"0 stored, 6 already in the ledger, 0 failed -> {db}\n"
    unknown = CliRunner().invoke(main, ["ingest", "-", "--db", str(db)], input="Some text of an article.\n").output
    assert "read" in unknown and "ETA" not in unknown  # stdin: no total to give
