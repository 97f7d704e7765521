-- A figure is shown once one of its claims founds it (reconcile.figures.founding: a count in the article's
-- opening or dated to the report's days, not quoted). Other claims still join it; a figure none of whose
-- claims founds it stays stored, out of every list, until one does. Existing rows count as founded until
-- the figures step (version 14) rebuilds them.
ALTER TABLE figure_claims ADD COLUMN founds INTEGER NOT NULL DEFAULT 1;
ALTER TABLE figures ADD COLUMN founded INTEGER NOT NULL DEFAULT 1;
CREATE INDEX figures_founded ON figures(founded);
