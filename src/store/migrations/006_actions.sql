-- Atelier schema, version 6: actions ("qui fait quoi"). Who does it is a
-- participant of the session or a name typed in (someone from outside, the
-- whole group); the due date is a calendar day. An action taken back is
-- kept, marked `removed_at`, as a deleted contribution is.

CREATE TABLE actions (
    id              TEXT PRIMARY KEY,
    session_id      TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    text            TEXT NOT NULL,
    who_participant TEXT REFERENCES participants(id),
    who_name        TEXT NOT NULL DEFAULT '',
    due             TEXT,
    status          TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done')),
    created_at      TEXT NOT NULL,
    removed_at      TEXT
);
CREATE INDEX actions_by_session ON actions(session_id, created_at, id);
