-- Atelier schema: round-robin passes. A pass is a turn without text: who
-- passed, in which stage, when. One taken back (an undo) is kept, marked
-- `removed_at`, as a decision is.

CREATE TABLE passes (
    id             TEXT PRIMARY KEY,
    session_id     TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    stage_id       TEXT NOT NULL REFERENCES stages(id) ON DELETE CASCADE,
    participant_id TEXT NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
    at             TEXT NOT NULL,
    removed_at     TEXT
);
CREATE INDEX passes_by_session ON passes(session_id, at, id);
