-- Places (#15): every GPE/LOC/FAC mention of an article, resolved to a gazetteer (GeoNames) record where
-- the extractor could tell which place it is; every resolved column NULL otherwise. Made by the extract
-- step like the other extracted rows (article_steps says which version).
CREATE TABLE places (
    id         INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start      INTEGER NOT NULL,
    end        INTEGER NOT NULL,
    text       TEXT NOT NULL,
    name       TEXT,
    country    TEXT,        -- ISO 3166 alpha-3
    admin1     TEXT,
    lat        REAL,
    lon        REAL,
    feature    TEXT,        -- GeoNames feature class: A country/region, P city, L continent
    geonameid  INTEGER,
    population INTEGER
);
CREATE INDEX places_article ON places(article_id);
CREATE INDEX places_country ON places(country);
