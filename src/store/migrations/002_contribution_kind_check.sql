-- Atelier schema, version 2: the database itself refuses a contribution
-- kind this program cannot read (sessions.status already had its CHECK).
-- SQLite cannot add a CHECK to an existing table, so the table is rebuilt
-- as https://sqlite.org/lang_altertable.html#otheralter describes; the
-- store runs migrations with foreign_keys OFF and checks them afterwards.

CREATE TABLE contributions_v2 (
    id             TEXT PRIMARY KEY,
    session_id     TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    stage_id       TEXT NOT NULL REFERENCES stages(id) ON DELETE CASCADE,
    participant_id TEXT REFERENCES participants(id),
    kind           TEXT NOT NULL CHECK (kind IN ('context', 'observation', 'stake',
                       'question', 'resource', 'idea', 'proposal', 'action')),
    text           TEXT NOT NULL,
    parent_id      TEXT REFERENCES contributions(id) ON DELETE CASCADE,
    position       INTEGER NOT NULL,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    deleted_at     TEXT
);

INSERT INTO contributions_v2 (id, session_id, stage_id, participant_id, kind, text,
                              parent_id, position, created_at, updated_at, deleted_at)
SELECT id, session_id, stage_id, participant_id, kind, text,
       parent_id, position, created_at, updated_at, deleted_at
FROM contributions ORDER BY rowid;

DROP TABLE contributions;
ALTER TABLE contributions_v2 RENAME TO contributions;

CREATE INDEX contributions_by_session ON contributions(session_id, stage_id, position);
CREATE INDEX contributions_by_parent ON contributions(parent_id);
