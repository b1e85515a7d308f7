-- Atelier schema: a phone's retry is recognised across a restart of the
-- room. The phone page gives each text its own random id and resends it
-- until the server answers; the first copy to arrive is recorded here in
-- the same transaction as the input, so a copy that arrives after the
-- laptop restarted the room records nothing twice. The id is the page's,
-- one per text: it says nothing of the device that sent it.

CREATE TABLE room_posts (
    session_id      TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    post_id         TEXT NOT NULL,
    -- What the phone was told: the input went straight in, or waits.
    state           TEXT NOT NULL CHECK (state IN ('recorded', 'pending')),
    inbox_id        TEXT REFERENCES room_inbox(id) ON DELETE SET NULL,
    contribution_id TEXT REFERENCES contributions(id) ON DELETE SET NULL,
    received_at     TEXT NOT NULL,
    PRIMARY KEY (session_id, post_id)
) WITHOUT ROWID;
