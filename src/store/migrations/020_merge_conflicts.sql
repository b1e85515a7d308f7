-- Conflicts found when a bundle was merged into a session this database
-- already held: one contribution changed on two laptops. Both texts stay
-- in the session (an edit on both sides: the bundle's text as a copy
-- right after ours, `copy_id`) until the organiser settles which to keep.
-- `mine`/`theirs` NULL: deleted on that side.
CREATE TABLE merge_conflicts (
    id              TEXT PRIMARY KEY,
    session_id      TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    contribution_id TEXT NOT NULL REFERENCES contributions(id) ON DELETE CASCADE,
    copy_id         TEXT REFERENCES contributions(id) ON DELETE SET NULL,
    mine            TEXT,
    theirs          TEXT,
    file            TEXT NOT NULL,
    found_at        TEXT NOT NULL,
    settled_at      TEXT,
    kept            TEXT CHECK (kept IN ('mine', 'theirs'))
);
CREATE INDEX merge_conflicts_by_session ON merge_conflicts(session_id, found_at);
CREATE INDEX merge_conflicts_by_contribution ON merge_conflicts(contribution_id);
