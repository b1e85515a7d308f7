-- Atelier schema: dot voting. A participant's dot is a row of one dot; a
-- tally (a show of hands) is a row without a participant carrying its
-- count. A dot taken back (an undo, a removal, a replaced tally) is kept,
-- marked `removed_at`, as a pass is. `voting` holds a session's settings
-- once they differ from the defaults: dots per participant, and whether
-- the screen shows the counts.

CREATE TABLE votes (
    id              TEXT PRIMARY KEY,
    session_id      TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    contribution_id TEXT NOT NULL REFERENCES contributions(id) ON DELETE CASCADE,
    participant_id  TEXT REFERENCES participants(id) ON DELETE CASCADE,
    dots            INTEGER NOT NULL CHECK (dots > 0),
    at              TEXT NOT NULL,
    removed_at      TEXT
);
CREATE INDEX votes_by_session ON votes(session_id, at, id);

CREATE TABLE voting (
    session_id           TEXT PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,
    dots_per_participant INTEGER NOT NULL CHECK (dots_per_participant BETWEEN 1 AND 99),
    revealed             INTEGER NOT NULL CHECK (revealed IN (0, 1))
);
