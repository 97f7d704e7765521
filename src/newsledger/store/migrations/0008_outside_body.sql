-- What is not the article, kept verbatim but marked (ingest.boilerplate): spans outside the body, and the
-- text and title as they arrived where repairing their characters changed them. body_end stays: it is
-- where the spans that close the text begin, what the cross-article steps read up to.

ALTER TABLE articles ADD COLUMN outside TEXT;         -- JSON [[start, end, kind], ...] in text order; NULL = none
ALTER TABLE articles ADD COLUMN original_text TEXT;   -- the text before mojibake was repaired; NULL = unchanged
ALTER TABLE articles ADD COLUMN original_title TEXT;  -- the same for the title

-- A ledger written before: its trailing related-headlines block is the one span it has.
UPDATE articles SET outside = json_array(json_array(body_end, length(text), 'related')) WHERE body_end IS NOT NULL;
