-- Near-duplicates and stories: derived from the articles by newsledger.reconcile (dedup, then stories).
-- A row here means the article has been reconciled; articles without one are what the next update does.

-- Every reconciled article: the first-stored article of its near-duplicate (syndicated) group.
CREATE TABLE duplicates (
    article_id  TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    original_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,  -- itself for an original
    similarity  REAL,                   -- estimated Jaccard of word shingles with the article it matched
    shingles    INTEGER NOT NULL,       -- how many distinct word shingles its body has
    signature   BLOB                    -- MinHash values (uint32), to rebuild the LSH index; NULL: too short
);
CREATE INDEX duplicates_original ON duplicates(original_id);

-- Articles about the same real-world event. The id is that of the article that started the story.
CREATE TABLE stories (
    id              TEXT PRIMARY KEY,
    label           TEXT,               -- the title of the article that started it
    first_published TEXT,               -- YYYY-MM-DD, over its articles
    last_published  TEXT,
    created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX stories_span ON stories(last_published, first_published);

CREATE TABLE story_articles (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    story_id   TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    similarity REAL,                    -- to the story when the article joined it; NULL: it started it
    terms      BLOB NOT NULL            -- its wording, so later updates need not re-read texts: n little-endian
                                        -- int32 story_terms ids, then their n float32 counts
);
CREATE INDEX story_articles_story ON story_articles(story_id);

-- How many reconciled articles use each term (the document frequency behind the TF-IDF weights).
CREATE TABLE story_terms (
    id   INTEGER PRIMARY KEY,
    term TEXT NOT NULL UNIQUE,
    df   INTEGER NOT NULL
);
