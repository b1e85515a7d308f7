-- Atelier schema: themes, to converge. A theme is a named group of a
-- session's contributions; each contribution sits in at most one theme
-- (the primary key of `theme_items`), the others are "unsorted". A theme
-- taken back (removed, merged into another, an undo) is kept, marked
-- `removed_at`, as an action is; its items go back to unsorted.

CREATE TABLE themes (
    id         TEXT PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    name       TEXT NOT NULL,
    position   INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    removed_at TEXT
);
CREATE INDEX themes_by_session ON themes(session_id, position, id);

CREATE TABLE theme_items (
    contribution_id TEXT PRIMARY KEY REFERENCES contributions(id) ON DELETE CASCADE,
    theme_id        TEXT NOT NULL REFERENCES themes(id) ON DELETE CASCADE,
    position        INTEGER NOT NULL
);
CREATE INDEX theme_items_by_theme ON theme_items(theme_id, position);
