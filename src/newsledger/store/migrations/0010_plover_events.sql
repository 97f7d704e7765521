-- Events coded in PLOVER (#15): type and mode, whether it happened, actor and target as the entity and the
-- span that names them (with sector and country where the text says), the place as an index into the
-- article's places, and the magnitude from the claims of the sentence. `kind` stays: the type in lower case.

ALTER TABLE events ADD COLUMN type TEXT;            -- a PLOVER type: ASSAULT, PROTEST, COERCE, ...
ALTER TABLE events ADD COLUMN mode TEXT;            -- a PLOVER 2021 mode: heavy-weapons, demo, arrest, ...
ALTER TABLE events ADD COLUMN status TEXT NOT NULL DEFAULT 'happened';  -- happened|negated|hypothetical|future|denied
ALTER TABLE events ADD COLUMN actor_entity TEXT;
ALTER TABLE events ADD COLUMN actor_start INTEGER;
ALTER TABLE events ADD COLUMN actor_end INTEGER;
ALTER TABLE events ADD COLUMN actor_sector TEXT;    -- government|military|rebels|civilians|police
ALTER TABLE events ADD COLUMN actor_country TEXT;   -- ISO 3166 alpha-3
ALTER TABLE events ADD COLUMN target_entity TEXT;
ALTER TABLE events ADD COLUMN target_start INTEGER;
ALTER TABLE events ADD COLUMN target_end INTEGER;
ALTER TABLE events ADD COLUMN target_sector TEXT;
ALTER TABLE events ADD COLUMN target_country TEXT;
ALTER TABLE events ADD COLUMN place INTEGER;        -- index into the article's places
ALTER TABLE events ADD COLUMN dead REAL;
ALTER TABLE events ADD COLUMN injured REAL;
ALTER TABLE events ADD COLUMN size REAL;            -- a crowd's size

-- Rows of the old lexicon: the kind upper-cased is the nearest type; `reprocess` recodes them (extract v6).
UPDATE events SET type = upper(kind) WHERE type IS NULL;

CREATE INDEX events_type ON events(type, status);
