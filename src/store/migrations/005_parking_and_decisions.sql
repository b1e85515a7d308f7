-- Atelier schema, version 5: follow-through. A parked contribution leaves
-- its stage's list but keeps its author and place (`parked_at` is when it
-- was parked; NULL when it is in its stage). A session keeps a log of the
-- decisions taken in the room; one taken back (an undo) is kept, marked
-- `removed_at`, as a deleted contribution is.

ALTER TABLE contributions ADD COLUMN parked_at TEXT;

CREATE TABLE decisions (
    id         TEXT PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    text       TEXT NOT NULL,
    decided_at TEXT NOT NULL,
    removed_at TEXT
);
CREATE INDEX decisions_by_session ON decisions(session_id, decided_at, id);
