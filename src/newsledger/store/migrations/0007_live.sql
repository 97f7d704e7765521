-- Live news: each article's outlet and language, the pages fetched from the web, and the feeds watched.

ALTER TABLE articles ADD COLUMN outlet TEXT;     -- the publisher ("BBC News"), from metadata or the URL's domain
ALTER TABLE articles ADD COLUMN language TEXT;   -- ISO 639-1 code of the text; NULL: unknown or not sure
CREATE INDEX articles_language ON articles(language);
-- The canonical URL is part of an article's identity: the same page fetched again is the same article.
CREATE INDEX articles_url ON articles(url);

-- Every page fetched, as it came: re-extraction reads it here and never fetches again.
CREATE TABLE pages (
    url        TEXT PRIMARY KEY,                 -- the URL as asked for
    final_url  TEXT NOT NULL,                    -- after redirects
    status     INTEGER NOT NULL,
    headers    TEXT NOT NULL,                    -- JSON object, names lower-cased
    body       BLOB NOT NULL,                    -- the raw bytes (content encoding undone)
    fetched_at TEXT NOT NULL                     -- ISO 8601, UTC
);

-- The feeds `newsledger watch` polls: conditional-request validators and backoff survive a restart.
CREATE TABLE feeds (
    url           TEXT PRIMARY KEY,
    title         TEXT,
    etag          TEXT,
    last_modified TEXT,
    polled_at     TEXT,
    next_poll     REAL NOT NULL DEFAULT 0,       -- Unix time before which the feed is not polled again
    failures      INTEGER NOT NULL DEFAULT 0,    -- consecutive failed polls (the backoff doubles with each)
    last_error    TEXT
);

-- The entries already handled, by the entry's id (else its link): never by its summary text.
CREATE TABLE feed_entries (
    feed       TEXT NOT NULL REFERENCES feeds(url) ON DELETE CASCADE,
    key        TEXT NOT NULL,
    link       TEXT,
    article_id TEXT,                             -- NULL: the entry gave no article (its failure is recorded)
    seen_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    PRIMARY KEY (feed, key)
);
