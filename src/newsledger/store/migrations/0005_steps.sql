-- Steps: which version of each derived layer, with which options, made what the ledger holds
-- (newsledger.steps; `newsledger status` compares it with the running newsledger, `reprocess` catches up).

-- Cross-article steps (dedup, stories, entities, figures): one row each, written when the step first runs
-- on a ledger or is rebuilt. version NULL: made by a newsledger that recorded no versions.
CREATE TABLE step_state (
    step         TEXT PRIMARY KEY,
    version      INTEGER,
    options_hash TEXT,
    options      TEXT,                      -- JSON of the options that made it
    updated_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

-- Options a user chose for a step (`newsledger reprocess --set`); a step without a row runs on its defaults.
CREATE TABLE step_options (
    step    TEXT PRIMARY KEY,
    options TEXT NOT NULL                   -- JSON object: option name -> value
);

-- Per-article steps (extraction): the version and options hash that made an article's rows.
-- An article without a row was stored by a newsledger that recorded none.
CREATE TABLE article_steps (
    article_id   TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    step         TEXT NOT NULL,
    version      INTEGER NOT NULL,
    options_hash TEXT NOT NULL,
    PRIMARY KEY (article_id, step)
) WITHOUT ROWID;
CREATE INDEX article_steps_made ON article_steps(step, version, options_hash);

-- A ledger written before steps were versioned: its cross-article rows were made by unknown versions.
INSERT INTO step_state(step)
    SELECT s FROM (SELECT 'dedup' AS s UNION ALL SELECT 'stories' UNION ALL SELECT 'entities'
                   UNION ALL SELECT 'figures')
     WHERE EXISTS (SELECT 1 FROM articles);

-- Re-extraction deletes an article's quotes and claims: the name counts follow.
CREATE TRIGGER attributions_quotes_delete AFTER DELETE ON quotes BEGIN
    UPDATE attributions SET rows = rows - 1
     WHERE kind = 'quotes' AND name IN (old.speaker_name, old.speaker_entity);
END;
CREATE TRIGGER attributions_claims_delete AFTER DELETE ON claims BEGIN
    UPDATE attributions SET rows = rows - 1
     WHERE kind = 'claims' AND name IN (old.source_name, old.source_entity);
END;
