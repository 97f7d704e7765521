-- What the web pages need to read a large ledger fast: at tens of thousands of articles a head of state
-- has tens of thousands of entity rows and the ledger a million quotes, and a page must not aggregate or
-- sort them on every request.

-- Each entity row carries its article's date and how often the article names it, so one index answers
-- an entity's mentions per day, its latest articles and its keys (for what it said) without the table.
ALTER TABLE entities ADD COLUMN published TEXT;
ALTER TABLE entities ADD COLUMN mentions INTEGER NOT NULL DEFAULT 0;
UPDATE entities SET published = (SELECT published FROM articles WHERE id = entities.article_id),
                    mentions = (SELECT count(*) FROM mentions WHERE entity_id = entities.id);
DROP INDEX entities_canonical;
CREATE INDEX entities_canonical ON entities(canonical, published, article_id, mentions, key);
DROP INDEX entities_key;
CREATE INDEX entities_key ON entities(key, canonical, published, article_id, mentions);

-- Lists of quotes and claims walk articles newest first and probe each article's rows: these indexes
-- answer the probes for a speaker or source entity, a measure or a speaker's name without the rows.
-- (The per-article indexes they extend go: same prefix.)
CREATE INDEX quotes_by_speaker ON quotes(article_id, speaker_entity, speaker_name);
DROP INDEX quotes_article;
CREATE INDEX claims_by_source ON claims(article_id, source_entity, measure);
DROP INDEX claims_article;

-- Canonical entities ranked by how widely they are named, with the per-article keys they gather, and
-- their mentions per day (kept by reconcile.entities; the largest span thousands of days).
ALTER TABLE canonical_entities ADD COLUMN articles INTEGER NOT NULL DEFAULT 0;
ALTER TABLE canonical_entities ADD COLUMN mentions INTEGER NOT NULL DEFAULT 0;
ALTER TABLE canonical_entities ADD COLUMN keys TEXT NOT NULL DEFAULT '[]';  -- JSON array
UPDATE canonical_entities
   SET (articles, mentions, keys) = (SELECT count(DISTINCT article_id), coalesce(sum(mentions), 0),
                                            json_group_array(DISTINCT key)
                                       FROM entities WHERE canonical = canonical_entities.id);
CREATE INDEX canonical_entities_rank ON canonical_entities(articles DESC, mentions DESC);
CREATE TABLE entity_days (
    canonical TEXT NOT NULL REFERENCES canonical_entities(id) ON DELETE CASCADE ON UPDATE CASCADE,
    day       TEXT,                         -- YYYY-MM-DD; NULL: undated articles
    articles  INTEGER NOT NULL,
    mentions  INTEGER NOT NULL
);
INSERT INTO entity_days(canonical, day, articles, mentions)
    SELECT canonical, published, count(DISTINCT article_id), sum(mentions) FROM entities
     WHERE canonical IS NOT NULL GROUP BY canonical, published;
CREATE INDEX entity_days_canonical ON entity_days(canonical, day);

-- Every distinct name or entity key that quotes' speakers and claims' sources go by, with how many rows
-- carry it (kept by triggers). A filter by part of a name matches here first, through a trigram index,
-- and then reads only the rows of the names it found, or nothing when none matched.
CREATE TABLE attributions (
    id   INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,                     -- quotes | claims
    name TEXT NOT NULL,                     -- a speaker_name / speaker_entity, or source_name / source_entity
    rows INTEGER NOT NULL,
    UNIQUE (kind, name)
);
CREATE VIRTUAL TABLE attributions_fts USING fts5(name, content='attributions', content_rowid='id',
                                                 tokenize='trigram');
CREATE TRIGGER attributions_fts_insert AFTER INSERT ON attributions BEGIN
    INSERT INTO attributions_fts(rowid, name) VALUES (new.id, new.name);
END;
INSERT INTO attributions(kind, name, rows)
    SELECT 'quotes', v, count(*) FROM (SELECT id, speaker_name AS v FROM quotes UNION
                                       SELECT id, speaker_entity FROM quotes) WHERE v IS NOT NULL GROUP BY v;
INSERT INTO attributions(kind, name, rows)
    SELECT 'claims', v, count(*) FROM (SELECT id, source_name AS v FROM claims UNION
                                       SELECT id, source_entity FROM claims) WHERE v IS NOT NULL GROUP BY v;
INSERT INTO attributions_fts(attributions_fts) VALUES ('optimize');  -- one segment, not one per row
CREATE TRIGGER attributions_quotes AFTER INSERT ON quotes BEGIN
    INSERT INTO attributions(kind, name, rows)
        SELECT 'quotes', v, 1 FROM (SELECT new.speaker_name AS v UNION SELECT new.speaker_entity) WHERE v IS NOT NULL
        ON CONFLICT(kind, name) DO UPDATE SET rows = rows + 1;
END;
CREATE TRIGGER attributions_claims AFTER INSERT ON claims BEGIN
    INSERT INTO attributions(kind, name, rows)
        SELECT 'claims', v, 1 FROM (SELECT new.source_name AS v UNION SELECT new.source_entity) WHERE v IS NOT NULL
        ON CONFLICT(kind, name) DO UPDATE SET rows = rows + 1;
END;
CREATE INDEX quotes_speaker_entity ON quotes(speaker_entity);
CREATE INDEX claims_source_name ON claims(source_name);
CREATE INDEX claims_source_entity ON claims(source_entity);

-- An article by the path or URL it came from (`newsledger show PATH`, the article pages).
CREATE INDEX articles_source ON articles(source);
