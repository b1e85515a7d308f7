-- Atelier schema: the review cycle of a session's report. A published
-- version keeps the participants' report data it was (the report JSON,
-- stored as text: a few hundred kilobytes at most, readable with any
-- SQLite tool, and what `atelier diff` compares) with its SHA-256. A
-- remark (feedback) and a sign-off belong to one version. Rows taken back
-- by an undo are kept, marked `removed_at`; a number is unique among a
-- session's standing versions.

CREATE TABLE report_versions (
    id           TEXT PRIMARY KEY,
    session_id   TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    number       INTEGER NOT NULL CHECK (number >= 1),
    validated    INTEGER NOT NULL CHECK (validated IN (0, 1)),
    note         TEXT NOT NULL,
    sha256       TEXT NOT NULL,
    report       TEXT NOT NULL,
    published_at TEXT NOT NULL,
    removed_at   TEXT
);
CREATE UNIQUE INDEX report_versions_number
    ON report_versions(session_id, number) WHERE removed_at IS NULL;
CREATE INDEX report_versions_by_session ON report_versions(session_id, number);

CREATE TABLE report_feedback (
    id              TEXT PRIMARY KEY,
    session_id      TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    version_id      TEXT NOT NULL REFERENCES report_versions(id) ON DELETE CASCADE,
    participant_id  TEXT REFERENCES participants(id) ON DELETE SET NULL,
    name            TEXT NOT NULL,
    contribution_id TEXT REFERENCES contributions(id) ON DELETE SET NULL,
    section         TEXT NOT NULL,
    text            TEXT NOT NULL,
    at              TEXT NOT NULL,
    applied_at      TEXT,
    removed_at      TEXT
);
CREATE INDEX report_feedback_by_session ON report_feedback(session_id, at, id);

CREATE TABLE report_sign_offs (
    id             TEXT PRIMARY KEY,
    session_id     TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    version_id     TEXT NOT NULL REFERENCES report_versions(id) ON DELETE CASCADE,
    participant_id TEXT REFERENCES participants(id) ON DELETE SET NULL,
    name           TEXT NOT NULL,
    at             TEXT NOT NULL,
    removed_at     TEXT
);
CREATE INDEX report_sign_offs_by_session ON report_sign_offs(session_id, at, id);
