"""Stories: articles about one event grouped, wire copies marked, every article in exactly one story."""

from __future__ import annotations

import importlib.util
import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsledger.cli import main
from newsledger.errors import NotFound
from newsledger.ingest.ids import article_id
from newsledger.models import Article, Extraction
from newsledger.reconcile import stories
from newsledger.store import Ledger

# An invented event: the wire story, an outlet's copy of it, and an outlet's own report a day later.
WIRE = (
    "The passenger ferry Maren Star capsized on Lake Tarsin early on Tuesday with 212 people on board, "
    "the Norland coast guard said. Rescue boats from the port of Velda pulled 180 survivors from the cold "
    "water by midday, and divers were searching the hull for those still missing. Coast guard spokeswoman "
    "Ilse Brandvik said the ferry had left Velda at dawn and turned over about four kilometres from the "
    "shore after its cargo shifted in high winds. The ferry operator, Tarsin Lines, said it was "
    "cooperating fully with investigators and had set up a hotline for relatives."
)
COPY = WIRE + " Reporting by the Norland Press Agency; editing by the Velda Courier news desk."
OWN = (
    "Divers on Lake Tarsin recovered nine more bodies from the capsized ferry Maren Star on Wednesday, and "
    "relatives waiting at the port of Velda demanded to know why the ferry sailed in high winds. Tarsin "
    "Lines said the cargo had been secured, while the Norland coast guard said 23 passengers were still "
    "missing. Survivors described the ferry listing minutes after leaving Velda."
)
# Another event: different place, people and wording.
TRAM = (
    "The city council of Orsk approved a new tram line on Monday after a three-year debate, clearing the way "
    "for construction to start in the spring. The line will link the northern suburbs with the old market "
    "square and the railway station, the mayor told reporters, and should carry 40,000 riders a day once "
    "it opens. Shopkeepers on the route asked for help during the works."
)
TRAM_LATER = (
    "Work on the Orsk tram line began on Thursday at the old market square, where the mayor laid the "
    "first rail. The council says the line to the northern suburbs and the railway station will open "
    "in two years; shopkeepers on the route have been promised help while streets are closed."
)


def article(text: str, source: str, title: str, day: int) -> Extraction:
    return Extraction(Article(id=article_id(text), source=source, text=text, title=title, published=date(2025, 3, day)))


ARTICLES = [
    article(WIRE, "wire", "Ferry capsizes on Lake Tarsin", 4),
    article(COPY, "courier", "Ferry capsizes on Lake Tarsin, 180 rescued", 4),
    article(TRAM, "orsk-news", "Orsk approves tram line", 3),
    article(OWN, "gazette", "Nine more bodies found in Lake Tarsin ferry", 5),
]


@pytest.fixture
def ledger(tmp_path):
    with Ledger(tmp_path / "l.db") as led:
        yield led


def _groups(ledger) -> list[set[str]]:
    return sorted(({a.source for a in s.articles} for s in stories.list_stories(ledger)), key=len)


def test_articles_about_one_event_are_one_story(ledger):
    ledger.write(ARTICLES)
    assert stories.update(ledger) == 4
    assert _groups(ledger) == [{"orsk-news"}, {"wire", "courier", "gazette"}]
    ferry = stories.get_story(ledger, article_id(OWN))
    assert ferry.id == article_id(WIRE)  # named after the article that started it
    assert ferry.title == "Ferry capsizes on Lake Tarsin"
    assert (ferry.first, ferry.last) == ("2025-03-04", "2025-03-05")
    copies = {a.source: a.copy_of for a in ferry.articles}
    assert copies == {"wire": None, "courier": article_id(WIRE), "gazette": None}
    assert ferry.independent == 2  # the copy is not a second source
    assert [a.published for a in ferry.articles] == sorted(a.published for a in ferry.articles)


def test_update_places_only_new_articles_and_keeps_old_ones(ledger):
    ledger.write(ARTICLES[:3])
    assert stories.update(ledger) == 3
    before = {s.id: {a.id for a in s.articles} for s in stories.list_stories(ledger)}
    assert stories.update(ledger) == 0
    ledger.write([ARTICLES[3], article(TRAM_LATER, "orsk-news/2", "Tram works begin in Orsk", 6)])
    assert stories.update(ledger) == 2
    after = {s.id: {a.id for a in s.articles} for s in stories.list_stories(ledger)}
    assert set(after) == set(before)
    assert all(before[k] <= after[k] for k in before)
    placed = [a.id for s in stories.list_stories(ledger) for a in s.articles]
    assert sorted(placed) == sorted(r[0] for r in ledger.conn.execute("SELECT id FROM articles"))
    assert stories.get_story(ledger, article_id(TRAM_LATER)).id == article_id(TRAM)


def test_update_inside_a_caller_transaction_and_from_a_second_connection(ledger, tmp_path):
    ledger.write(ARTICLES[:2])
    ledger.conn.execute("BEGIN")  # a caller (the ingest pipeline) may already hold a transaction
    assert stories.update(ledger) == 2
    assert not ledger.conn.in_transaction
    ledger.write(ARTICLES[2:])
    with Ledger(ledger.path) as other:  # e.g. the web server's ingest: sees the work done and does the rest
        assert stories.update(other) == 2
    assert stories.update(ledger) == 0
    assert len(stories.list_stories(ledger)) == 2


def test_stories_are_compared_only_within_the_window(ledger):
    ledger.write([ARTICLES[0]])
    stories.update(ledger)
    late = Extraction(
        Article(id=article_id(OWN), source="gazette", text=OWN, title="Ferry", published=date(2027, 3, 5))
    )
    ledger.write([late])
    stories.update(ledger)
    assert len(stories.list_stories(ledger)) == 2


def test_an_undated_article_is_compared_with_every_story(ledger):
    ledger.write(ARTICLES[:3])
    stories.update(ledger)
    ledger.write([Extraction(Article(id=article_id(OWN), source="gazette", text=OWN, title="Ferry"))])
    stories.update(ledger)
    assert stories.get_story(ledger, "gazette").id == article_id(WIRE)


def test_dates_at_the_ends_of_the_calendar(ledger):
    # Corpora carry bogus dates (year 1, year 9999): the time windows must not step outside the calendar.
    odd = [
        Extraction(Article(id=article_id(t), source=s, text=t, title=None, published=d))
        for t, s, d in ((WIRE, "a", date(1, 1, 1)), (TRAM, "b", date(9999, 12, 31)))
    ]
    ledger.write(odd)
    assert stories.update(ledger) == 2
    assert len(stories.list_stories(ledger)) == 2


def test_exact_repeats_show_as_publications(ledger):
    ledger.write(ARTICLES[:1])
    ledger.note_publication(Article(id=article_id(WIRE), source="herald", text=WIRE))
    stories.update(ledger)
    (story,) = stories.list_stories(ledger)
    assert story.articles[0].publications == ("herald",)


def test_get_story_by_id_prefix_or_source_and_unknown(ledger):
    ledger.write(ARTICLES)
    stories.update(ledger)
    sid = article_id(WIRE)
    assert stories.get_story(ledger, sid).id == sid
    assert stories.get_story(ledger, "courier").id == sid
    assert stories.get_story(ledger, article_id(OWN)[:10]).id == sid
    assert stories.story_of(ledger, article_id(TRAM)) == article_id(TRAM)
    with pytest.raises(NotFound):
        stories.get_story(ledger, "no-such-story")


def test_terms_weigh_the_title_and_drop_stop_words():
    options = stories.StoryOptions(title_weight=3)
    t = stories.terms("The ferry's crew and the ferry.", "Ferry lost", options)
    assert t["ferry"] == 5 and t["crew"] == 1 and t["lost"] == 3
    assert "the" not in t and "and" not in t


def test_cli_stories_jsonl_holds_the_contract(tmp_path):
    db = tmp_path / "l.db"
    with Ledger(db) as led:
        led.write(ARTICLES)
    result = CliRunner().invoke(main, ["stories", "--db", str(db), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(x) for x in result.output.splitlines()]
    assert len(lines) == 2
    seen = []
    for s in lines:
        assert isinstance(s["id"], str)
        for a in s["articles"]:
            assert isinstance(a["id"], str) and isinstance(a["source"], str)
            seen.append(a["id"])
    assert sorted(seen) == sorted(x.article.id for x in ARTICLES)  # each article exactly once


def test_cli_stories_table_and_story(tmp_path):
    db = tmp_path / "l.db"
    with Ledger(db) as led:
        led.write(ARTICLES)
    runner = CliRunner()
    out = runner.invoke(main, ["stories", "--db", str(db)])
    assert out.exit_code == 0 and article_id(TRAM) in out.output and article_id(WIRE) in out.output
    one = runner.invoke(main, ["story", "gazette", "--db", str(db), "--json"])
    assert one.exit_code == 0, one.output
    story = json.loads(one.output)
    assert story["id"] == article_id(WIRE) and story["independent"] == 2
    missing = runner.invoke(main, ["story", "nope", "--db", str(db)])
    assert missing.exit_code != 0 and "NL301" in missing.output


def test_cli_stories_needs_an_existing_ledger(tmp_path):
    db = tmp_path / "typo.db"
    result = CliRunner().invoke(main, ["stories", "--db", str(db)])
    assert result.exit_code != 0 and "NL201" in result.output
    assert not db.exists()  # a listing creates no ledger


# -- gate: story grouping on the shared news_cluster set ---------------------------------------------

BENCH = Path(__file__).resolve().parents[2] / "bench" / "eval_stories.py"
# The floor is 0.85. Measured 0.906 with 375 of 383 articles stored, 0.919 with 381 (docs/stories.md);
# pinned below that so a real regression fails while a threshold-edge article or two may move.
FLOOR_F1 = 0.88


def _bench():
    spec = importlib.util.spec_from_file_location("eval_stories", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.gate
def test_story_grouping_b_cubed_floor(shared_data, tmp_path):
    data = shared_data / "giveme5w1h" / "news_cluster"
    if not data.is_dir():
        pytest.skip(f"needs {data}, which is absent")
    result = _bench().run(data, tmp_path)  # builds the ledger once (~90 s of ingest)
    assert result["placed"] >= 0.97 * result["articles"], result["ingest_errors"]
    assert result["f1"] >= FLOOR_F1, result
    assert result["ari"] >= 0.8, result
    if result["reference"] is not None:  # our scoring and the reference scorer's agree
        assert f"F1 {result['f1']:.3f} " in result["reference"]
