-- The ledger: articles and everything extracted from them, each row with its offsets into the article text.
CREATE TABLE articles (
    id          TEXT PRIMARY KEY,           -- from the normalised text: the same article twice is one row
    source      TEXT NOT NULL,              -- path, URL or feed id it first came from
    title       TEXT,
    published   TEXT,                       -- YYYY-MM-DD
    url         TEXT,
    text        TEXT NOT NULL,
    body_end    INTEGER,                    -- where extraction stopped (trailing related headlines)
    ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX articles_published ON articles(published);

-- Every place the same article was seen (a re-run, another outlet with the very same text).
CREATE TABLE publications (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    source     TEXT NOT NULL,
    url        TEXT,
    published  TEXT,
    PRIMARY KEY (article_id, source)
);

CREATE TABLE entities (
    id         INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    key        TEXT NOT NULL,               -- Entity.id, e.g. person:ngozi-okafor
    name       TEXT NOT NULL,
    label      TEXT NOT NULL,
    canonical  TEXT,
    UNIQUE (article_id, key)
);
CREATE INDEX entities_key ON entities(key);

CREATE TABLE mentions (
    entity_id  INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start      INTEGER NOT NULL,
    end        INTEGER NOT NULL
);
CREATE INDEX mentions_entity ON mentions(entity_id);

CREATE TABLE quotes (
    id             INTEGER PRIMARY KEY,
    article_id     TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start          INTEGER NOT NULL,
    end            INTEGER NOT NULL,
    text           TEXT NOT NULL,
    kind           TEXT NOT NULL,
    speaker_name   TEXT,
    speaker_entity TEXT,
    speaker_start  INTEGER,
    speaker_end    INTEGER,
    cue_text       TEXT,
    cue_start      INTEGER,
    cue_end        INTEGER
);
CREATE INDEX quotes_article ON quotes(article_id);
CREATE INDEX quotes_speaker ON quotes(speaker_name);

CREATE TABLE claims (
    id             INTEGER PRIMARY KEY,
    article_id     TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start          INTEGER NOT NULL,
    end            INTEGER NOT NULL,
    text           TEXT NOT NULL,
    point          REAL,
    low            REAL,
    high           REAL,
    qualifier      TEXT NOT NULL,
    change         TEXT,
    unit           TEXT,
    counted        TEXT,
    measure        TEXT,
    source_name    TEXT,
    source_entity  TEXT,
    source_start   INTEGER,
    source_end     INTEGER,
    sentence_start INTEGER,
    sentence_end   INTEGER,
    time           TEXT
);
CREATE INDEX claims_article ON claims(article_id);
CREATE INDEX claims_measure ON claims(measure);

CREATE TABLE times (
    id         INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start      INTEGER NOT NULL,
    end        INTEGER NOT NULL,
    text       TEXT NOT NULL,
    type       TEXT NOT NULL,
    value      TEXT NOT NULL
);
CREATE INDEX times_article ON times(article_id);

CREATE TABLE events (
    id         INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start      INTEGER NOT NULL,
    end        INTEGER NOT NULL,
    trigger    TEXT NOT NULL,
    kind       TEXT NOT NULL,
    actor      TEXT,
    target     TEXT,
    time       TEXT
);
CREATE INDEX events_article ON events(article_id);

-- Inputs that could not be ingested, so a user can see what was left out and why.
CREATE TABLE failures (
    id      INTEGER PRIMARY KEY,
    input   TEXT NOT NULL,
    code    TEXT NOT NULL,
    message TEXT NOT NULL,
    at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

-- Full-text search over titles and texts (external content: the text is stored once, in articles).
CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='rowid');
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
END;
