-- Figures of one incident (reconcile.incidents, reconcile.parties; figures step version 2): a figure is one
-- quantity of one incident of a story, its claims credited to parties, its parts linked to their whole.

ALTER TABLE figures ADD COLUMN incident TEXT NOT NULL DEFAULT '';  -- within its story: '' = the main incident
ALTER TABLE figures ADD COLUMN part TEXT;            -- a part of a whole: "of the dead", "seriously", "children"
ALTER TABLE figures ADD COLUMN part_of TEXT;         -- the figure this one is a part of
ALTER TABLE figures ADD COLUMN title TEXT;           -- the incident, as a person names it
ALTER TABLE figures ADD COLUMN place TEXT;           -- where it happened, as the articles name it
ALTER TABLE figures ADD COLUMN incident_country TEXT;  -- ISO alpha-3
ALTER TABLE figures ADD COLUMN incident_date TEXT;   -- YYYY-MM-DD
CREATE INDEX figures_part_of ON figures(part_of);
CREATE INDEX mentions_article ON mentions(article_id, start);  -- the places a sentence names

ALTER TABLE figure_claims ADD COLUMN party TEXT;       -- one key per party across articles (= source_key)
ALTER TABLE figure_claims ADD COLUMN party_name TEXT;  -- how the party is shown
ALTER TABLE figure_claims ADD COLUMN relayed_by TEXT;  -- the party that relayed another's figure
ALTER TABLE figure_claims ADD COLUMN stance TEXT;      -- confirmed | acknowledged | claimed | estimated | reported
ALTER TABLE figure_claims ADD COLUMN preliminary INTEGER NOT NULL DEFAULT 0;

-- Counted claims the figures step read and left out of every figure, and why (background, a rate, ...).
CREATE TABLE claim_readings (
    claim_id INTEGER PRIMARY KEY REFERENCES claims(id) ON DELETE CASCADE,
    role     TEXT NOT NULL,
    reason   TEXT NOT NULL
);
