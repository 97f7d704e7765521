-- Counts the entity pages and lists read without aggregating: at tens of thousands of articles a head of
-- state has tens of thousands of entity rows, and a page must not count them on every request.

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

-- Canonical entities ranked by how widely they are named (kept by reconcile.entities).
ALTER TABLE canonical_entities ADD COLUMN articles INTEGER NOT NULL DEFAULT 0;
ALTER TABLE canonical_entities ADD COLUMN mentions INTEGER NOT NULL DEFAULT 0;
UPDATE canonical_entities
   SET (articles, mentions) = (SELECT count(DISTINCT article_id), coalesce(sum(mentions), 0) FROM entities
                                WHERE canonical = canonical_entities.id);
CREATE INDEX canonical_entities_rank ON canonical_entities(articles DESC, mentions DESC);
