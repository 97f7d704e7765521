-- The full-text tables named the way sqlite-utils writes them (content=[table]): Datasette finds a table's
-- FTS by that spelling only, and offers its search box. Same columns and tokenizers; the index is rebuilt
-- from the tables, and the triggers that keep it current are unchanged (they name the FTS table, not its SQL).
DROP TABLE articles_fts;
CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content=[articles], content_rowid=[rowid]);
INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');

DROP TABLE attributions_fts;
CREATE VIRTUAL TABLE attributions_fts USING fts5(name, content=[attributions], content_rowid=[id], tokenize='trigram');
INSERT INTO attributions_fts(attributions_fts) VALUES ('rebuild');
INSERT INTO attributions_fts(attributions_fts) VALUES ('optimize');
