-- Atelier schema: indexes so that no frequent query grows with the
-- database (recording, listing, loading). Only indexes: an older program
-- reads this file as before. `IF NOT EXISTS` keeps the step harmless
-- whichever order it lands in beside other steps.

-- Siblings in order: the next position of a new item, the neighbour to
-- swap with, the places after a lifted sub-point.
CREATE INDEX IF NOT EXISTS contributions_by_siblings
    ON contributions(stage_id, parent_id, position);

-- `list` counts the live contributions of each session from this index
-- alone (a covering index), without reading a row; sessions come in the
-- list's order.
CREATE INDEX IF NOT EXISTS contributions_by_session_state
    ON contributions(session_id, deleted_at);
CREATE INDEX IF NOT EXISTS sessions_by_date ON sessions(date, created_at);

-- A session's stages and roster read in their order, without a sort.
CREATE INDEX IF NOT EXISTS stages_by_session ON stages(session_id, position);
DROP INDEX IF EXISTS participants_by_session;
CREATE INDEX participants_by_session ON participants(session_id, position, id);
