"""Datasette's metadata.json for a ledger: what each table and column holds (`newsledger datasette-metadata`)."""

from __future__ import annotations

from .store import Ledger
from .store.catalog import tables

# table -> (description, {column: description}); a column shared by many tables is described in COMMON.
COMMON = {
    "article_id": "the article (articles.id)",
    "start": "offset into the article's text (code points)",
    "end": "end offset, exclusive",
    "text": "the span as written: article.text[start:end]",
}
DESCRIPTIONS: dict[str, tuple[str, dict[str, str]]] = {
    "articles": (
        "One row per stored article; every other record points into its text",
        {
            "id": "16 hex digits of the SHA-1 of the normalised text",
            "source": "path, URL or JSONL source it came from",
            "title": "the title",
            "published": "publication date, YYYY-MM-DD",
            "url": "the page's URL",
            "text": "the article's text (what every offset points into)",
            "body_end": "where the spans that close the text begin",
            "ingested_at": "when it was stored",
            "outlet": "the publisher",
            "language": "ISO 639-1 code of the text",
            "outside": "JSON [[start, end, kind], ...]: spans that are not the article's body",
            "original_text": "the text as it arrived, where repairing its characters changed it",
            "original_title": "the title as it arrived, where repairing it changed it",
        },
    ),
    "articles_fts": ("Full-text index (FTS5) over articles' titles and texts", {}),
    "publications": ("Every source an article was seen under (syndicated copies, reprints)", {}),
    "entities": (
        "Named entities, one per entity per article",
        {
            "key": "label:slug, e.g. person:ngozi-okafor",
            "label": "spaCy label: PERSON, ORG, GPE, NORP, LOC, FAC, ...",
            "canonical": "the canonical entity across articles (canonical_entities.id)",
            "mentions": "how many times the article names it",
        },
    ),
    "mentions": ("Each place an entity is named: its offsets", {"entity_id": "the entity (entities.id)"}),
    "quotes": (
        "Quotes and attributions with their speakers",
        {
            "kind": "direct, indirect or mixed",
            "speaker_name": "the speaker, as named",
            "speaker_entity": "the speaker's entity key",
            "cue_text": "the reporting verb",
        },
    ),
    "claims": (
        "Numeric claims: a figure as stated, what it counts and measures, who states it",
        {
            "point": "the stated value",
            "low": "the lowest value the statement allows",
            "high": "the highest value the statement allows",
            "qualifier": "about, more than, at least, ...",
            "change": "up, down or empty",
            "unit": "person, USD, percent, ...",
            "counted": "what is counted, as written",
            "measure": "killed, injured, displaced, ...",
            "source_name": "who makes the claim, as named",
            "source_entity": "the source's entity key",
            "time": "TIMEX3 value of the date the claim's sentence refers to",
        },
    ),
    "times": ("Time expressions, normalised", {"type": "DATE, TIME, DURATION or SET", "value": "TIMEX3 value"}),
    "events": (
        "Events coded in PLOVER: who did what to whom, where and when, and whether it happened",
        {
            "trigger": "the trigger as written",
            "type": "the PLOVER event type (ASSAULT, PROTEST, ...)",
            "status": "happened, negated, hypothetical, future or denied",
            "place": "index into the article's places (ordered by offset)",
        },
    ),
    "places": (
        "Place mentions, geocoded where the gazetteer can tell which place they are",
        {
            "name": "the resolved place's name",
            "country": "ISO 3166-1 alpha-3 code",
            "admin1": "the first-level region",
            "lat": "latitude (null when not resolved)",
            "lon": "longitude (null when not resolved)",
            "feature": "GeoNames feature class: A region, P city, L area, H water, T terrain, S spot",
        },
    ),
    "failures": ("Inputs that could not be read, with their error code", {"code": "NLnnn (docs/errors.md)"}),
    "duplicates": ("Near-duplicate articles: syndicated copies and their original", {}),
    "stories": ("Stories: articles about the same event", {"label": "the story's title"}),
    "story_articles": ("Which story each article is in", {"story_id": "the story (stories.id)"}),
    "story_terms": ("Document frequencies of the terms stories are matched on", {}),
    "canonical_entities": (
        "Entities across articles, with how many articles and mentions name them",
        {"country": "ISO 3166-1 alpha-3 code"},
    ),
    "entity_aliases": ("Every name a canonical entity goes by", {}),
    "entity_days": ("Articles and mentions per canonical entity per day", {}),
    "figures": (
        "Figures: claims of one quantity across articles, with low, best and high estimates",
        {
            "low": "lowest estimate",
            "best": "best estimate (one vote per independent party)",
            "high": "highest estimate",
            "sources": "independent parties behind it",
            "part_of": "the figure this one is a part of",
            "founded": "1 once one of its claims founds it (opening or report's days, not quoted); 0: not shown",
        },
    ),
    "figure_claims": (
        "Which claims each figure holds, with their party and stance",
        {"founds": "1: this claim founds its figure (docs/figures.md)"},
    ),
    "claim_readings": ("Why a claim was read as it was for figures (its role and reason)", {}),
    "attributions": ("Names sources and speakers go by, with how many rows use each", {}),
    "attributions_fts": ("Full-text (trigram) index over attribution names", {}),
    "canonical_progress": ("How far the entity reconciliation has read", {}),
    "step_state": ("Which version and options of each step made the ledger's rows", {}),
    "step_options": ("Options set for a step", {}),
    "article_steps": ("Which step version made each article's rows", {}),
    "pages": ("Every page fetched: raw body, headers, final URL, fetch time", {}),
    "feeds": ("Feeds `watch` polls, with when to poll next", {}),
    "feed_entries": ("Entries seen in each feed", {}),
    "schema_migrations": ("Migrations applied to this ledger", {}),
}


def metadata(ledger: Ledger, database: str) -> dict:
    """Datasette metadata (https://docs.datasette.io/en/stable/metadata.html) for the ledger's tables;
    `database` is the name Datasette gives the file (its name without .db)."""
    out: dict[str, dict] = {}
    for table, columns in tables(ledger).items():
        about, own = DESCRIPTIONS.get(table, ("", {}))
        described = {c: own.get(c) or COMMON.get(c) for c in columns}
        out[table] = {"description": about, "columns": {c: d for c, d in described.items() if d}}
    return {
        "title": "newsledger",
        "description": "A source-attributed ledger of news articles (docs/exports.md, docs/schema.md)",
        "databases": {database: {"tables": out}},
    }
