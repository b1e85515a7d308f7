-- Atelier schema, version 1.
-- Times are RFC 3339 UTC strings with milliseconds; ids are UUIDv7 strings.

CREATE TABLE sessions (
    id          TEXT PRIMARY KEY,
    title       TEXT NOT NULL,
    event       TEXT NOT NULL DEFAULT '',
    date        TEXT NOT NULL,
    language    TEXT NOT NULL CHECK (language IN ('fr', 'en')),
    template    TEXT NOT NULL,
    question    TEXT NOT NULL DEFAULT '',
    context     TEXT NOT NULL DEFAULT '',
    lead        TEXT NOT NULL DEFAULT '',
    anonymity   TEXT NOT NULL DEFAULT 'named' CHECK (anonymity IN ('named', 'anonymous')),
    status      TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'running', 'closed')),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    archived_at TEXT
);

CREATE TABLE participants (
    id         TEXT PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    name       TEXT NOT NULL,
    role       TEXT NOT NULL DEFAULT '',
    position   INTEGER NOT NULL,
    -- Removing someone from the roster keeps what they said.
    removed_at TEXT
);
CREATE INDEX participants_by_session ON participants(session_id, position);

CREATE TABLE stages (
    id              TEXT PRIMARY KEY,
    session_id      TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    key             TEXT NOT NULL,
    title           TEXT NOT NULL,
    position        INTEGER NOT NULL,
    planned_minutes INTEGER NOT NULL DEFAULT 0,
    started_at      TEXT,
    ended_at        TEXT,
    notes           TEXT NOT NULL DEFAULT '',
    UNIQUE (session_id, key)
);

CREATE TABLE contributions (
    id             TEXT PRIMARY KEY,
    session_id     TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    stage_id       TEXT NOT NULL REFERENCES stages(id) ON DELETE CASCADE,
    participant_id TEXT REFERENCES participants(id),
    kind           TEXT NOT NULL,
    text           TEXT NOT NULL,
    parent_id      TEXT REFERENCES contributions(id) ON DELETE CASCADE,
    position       INTEGER NOT NULL,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    deleted_at     TEXT
);
CREATE INDEX contributions_by_session ON contributions(session_id, stage_id, position);
CREATE INDEX contributions_by_parent ON contributions(parent_id);

-- Every earlier text of an edited contribution.
CREATE TABLE revisions (
    id              INTEGER PRIMARY KEY,
    contribution_id TEXT NOT NULL REFERENCES contributions(id) ON DELETE CASCADE,
    text            TEXT NOT NULL,
    replaced_at     TEXT NOT NULL
);
CREATE INDEX revisions_by_contribution ON revisions(contribution_id, id);

CREATE TABLE synthesis (
    session_id TEXT PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,
    text       TEXT NOT NULL DEFAULT '',
    proposal   TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL
);

CREATE TABLE building_blocks (
    id         INTEGER PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    title      TEXT NOT NULL,
    text       TEXT NOT NULL DEFAULT ''
);

-- Small application facts, e.g. whether the sample session was offered.
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
