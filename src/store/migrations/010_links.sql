-- Atelier schema: links between contributions. `from_id` answers (builds
-- on) `to_id`: a stake the observations behind it, an idea the stakes it
-- addresses, a proposal its ideas. Both ends sit in the link's session; a
-- link taken back (an unlink or an undo) is kept, marked `removed_at`, so
-- at most one link per pair stands at a time.

CREATE TABLE links (
    id         TEXT PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    from_id    TEXT NOT NULL REFERENCES contributions(id) ON DELETE CASCADE,
    to_id      TEXT NOT NULL REFERENCES contributions(id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    removed_at TEXT,
    CHECK (from_id <> to_id)
);
CREATE UNIQUE INDEX links_live_pair ON links(from_id, to_id) WHERE removed_at IS NULL;
CREATE INDEX links_by_session ON links(session_id, created_at, id);
CREATE INDEX links_to ON links(to_id);

-- Both ends in the link's session: the command layer checks it too, this
-- keeps any other writer (an import, a hand-made change) from breaking it.
CREATE TRIGGER links_same_session BEFORE INSERT ON links
WHEN (SELECT session_id FROM contributions WHERE id = NEW.from_id) IS NOT NEW.session_id
  OR (SELECT session_id FROM contributions WHERE id = NEW.to_id) IS NOT NEW.session_id
BEGIN
    SELECT RAISE(ABORT, 'link ends outside its session');
END;
