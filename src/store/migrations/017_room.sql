-- Atelier schema: the room joins in (phones on the local network).
-- A contribution says where it came from: typed by the facilitator, sent
-- from a phone in the room, or imported from written notes. Phone input
-- waits in the session's inbox until the facilitator accepts it (maybe
-- edited), merges it into an existing item, or declines it; a session can
-- let it go straight in instead. An anonymous input stores no participant
-- and nothing that identifies the phone. While a room is open, its
-- address and join code are kept here so that a projector view in
-- another process can show the QR code; the server refreshes
-- `heartbeat_at` so a crashed server's row reads as closed.

ALTER TABLE contributions ADD COLUMN origin TEXT NOT NULL DEFAULT 'facilitator'
    CHECK (origin IN ('facilitator', 'room', 'notes'));

ALTER TABLE sessions ADD COLUMN room_accept_all INTEGER NOT NULL DEFAULT 0
    CHECK (room_accept_all IN (0, 1));
-- Whether the room (phones, projector) sees the session's contributions.
ALTER TABLE sessions ADD COLUMN room_show_items INTEGER NOT NULL DEFAULT 1
    CHECK (room_show_items IN (0, 1));

CREATE TABLE room_inbox (
    id              TEXT PRIMARY KEY,
    session_id      TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    stage_id        TEXT NOT NULL REFERENCES stages(id) ON DELETE CASCADE,
    kind            TEXT NOT NULL,
    text            TEXT NOT NULL,
    participant_id  TEXT REFERENCES participants(id),
    anonymous       INTEGER NOT NULL DEFAULT 0
        CHECK (anonymous IN (0, 1) AND (anonymous = 0 OR participant_id IS NULL)),
    received_at     TEXT NOT NULL,
    state           TEXT NOT NULL DEFAULT 'pending'
        CHECK (state IN ('pending', 'accepted', 'merged', 'declined')),
    decided_at      TEXT,
    -- The contribution it became (accepted) or was merged into (merged).
    contribution_id TEXT REFERENCES contributions(id) ON DELETE SET NULL
);
CREATE INDEX room_inbox_by_session ON room_inbox(session_id, state, received_at);

CREATE TABLE room_status (
    session_id   TEXT PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,
    url          TEXT NOT NULL,
    code         TEXT NOT NULL,
    opened_at    TEXT NOT NULL,
    heartbeat_at TEXT NOT NULL
);
