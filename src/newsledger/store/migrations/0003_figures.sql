-- Cross-article reconciliation: canonical entities with their aliases, and figures built from claims.
-- Everything here is derived from the ledger and can be rebuilt from it (reconcile.entities / figures).

-- One row per real-world entity: a person, a country (id country:ISO3), an organisation (with its country).
CREATE TABLE canonical_entities (
    id      TEXT PRIMARY KEY,               -- person:ngozi-okafor, country:COD, org:fra:ministry-of-defence
    kind    TEXT NOT NULL,                  -- person | country | org | place | norp | ...
    name    TEXT NOT NULL,                  -- how it is shown
    country TEXT                            -- ISO 3166-1 alpha-3: the country itself, or an organisation's
);
CREATE INDEX canonical_entities_kind ON canonical_entities(kind);

-- Every form an entity has been named by (and a person's surname), for resolving new names.
CREATE TABLE entity_aliases (
    canonical TEXT NOT NULL REFERENCES canonical_entities(id) ON DELETE CASCADE ON UPDATE CASCADE,
    norm      TEXT NOT NULL,                -- folded form: no case, accents, titles or leading "the"
    alias     TEXT NOT NULL,                -- as written
    label     TEXT NOT NULL,                -- the NER label it was seen with
    PRIMARY KEY (canonical, norm, label)
);
CREATE INDEX entity_aliases_norm ON entity_aliases(norm, label);
CREATE INDEX entities_canonical ON entities(canonical);

-- A figure: claims about one quantity (same measure, counted group, story and time) from several sources.
CREATE TABLE figures (
    id       TEXT PRIMARY KEY,
    measure  TEXT NOT NULL,
    counted  TEXT NOT NULL,                 -- the canonical counted group as shown: "people", "Congolese soldiers"
    grp      TEXT NOT NULL,                 -- its key: people | soldiers | children | ...
    country  TEXT,                          -- ISO alpha-3 of the counted group, when it names one
    anchor   TEXT NOT NULL,                 -- the first article: the figure's story is this article's story
    low      REAL,
    best     REAL,
    high     REAL,
    first    TEXT,                          -- YYYY-MM-DD of the first and last report
    last     TEXT,
    sources  INTEGER NOT NULL DEFAULT 0     -- independent sources behind it
);
CREATE INDEX figures_key ON figures(measure, grp, country);

-- Which claims make a figure. A statement is one source giving one value: repeats of it in other
-- articles (or in syndicated copies) share the statement key and count once.
CREATE TABLE figure_claims (
    claim_id   INTEGER PRIMARY KEY REFERENCES claims(id) ON DELETE CASCADE,
    figure_id  TEXT NOT NULL REFERENCES figures(id) ON DELETE CASCADE ON UPDATE CASCADE,
    source_key TEXT NOT NULL,               -- canonical entity, folded name, or article:<id> when unattributed
    source     TEXT,                        -- the source as shown
    statement  TEXT NOT NULL,               -- source_key + value
    origin     TEXT NOT NULL,               -- the article, or the original of its near-duplicate group
    day        TEXT                         -- the date the claim was reported (YYYY-MM-DD)
);
CREATE INDEX figure_claims_figure ON figure_claims(figure_id);

-- How far each incremental step has read (the last row id it handled).
CREATE TABLE canonical_progress (
    step    TEXT PRIMARY KEY,
    last_id INTEGER NOT NULL
);
