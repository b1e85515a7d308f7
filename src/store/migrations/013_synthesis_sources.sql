-- Atelier schema: where the synthesis comes from. Each row says that a
-- part of a session's synthesis (its text, one building block, its
-- proposal) builds on a contribution, so the report can trace the proposal
-- back to its observations. `block` is the building block's position
-- (building_blocks.position, from 1), 0 for the text and the proposal.
-- Saved with the synthesis, as one value: its rows are rewritten together.

CREATE TABLE synthesis_sources (
    session_id      TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    part            TEXT NOT NULL CHECK (part IN ('text', 'block', 'proposal')),
    block           INTEGER NOT NULL DEFAULT 0,
    contribution_id TEXT NOT NULL REFERENCES contributions(id) ON DELETE CASCADE,
    position        INTEGER NOT NULL,
    PRIMARY KEY (session_id, part, block, contribution_id),
    CHECK ((part = 'block') = (block > 0))
);
CREATE INDEX synthesis_sources_by_contribution ON synthesis_sources(contribution_id);

-- A source is a contribution of the same session: the store checks it
-- too; this keeps any other writer from breaking it.
CREATE TRIGGER synthesis_sources_same_session BEFORE INSERT ON synthesis_sources
WHEN (SELECT session_id FROM contributions WHERE id = NEW.contribution_id) IS NOT NEW.session_id
BEGIN
    SELECT RAISE(ABORT, 'synthesis source outside its session');
END;
