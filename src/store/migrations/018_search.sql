-- Atelier schema: full-text search over every session (FTS5).
--
-- What is searchable: a session's title, question and context (one
-- document), its live contributions (parked ones too; deleted ones not),
-- its synthesis text, proposal and building blocks, its standing actions
-- and decisions. Never the facilitator's stage notes, revisions, room
-- inbox input or report remarks: they have no document here.
--
-- The text is not copied: `search_index` is an external-content FTS5
-- table whose content is the view `search_content`, which reads each
-- document's text from its own table. A document is a row of
-- `search_docs` with an INTEGER PRIMARY KEY (a stable rowid for the
-- index, which VACUUM never renumbers), naming its session, its source
-- and the source row. The view leaves out a deleted contribution and a
-- removed action or decision, so a 'rebuild' and the 'integrity-check'
-- agree with what the triggers below keep in the index.
--
-- A later migration that rebuilds one of the source tables (create, copy,
-- drop, rename) drops its triggers with it: it must create them again,
-- then 'rebuild' the index.
--
-- `unicode61 remove_diacritics 2` folds case and accents: "cooperation"
-- finds "coopération". A prefix query ("coop"*) reads the index's terms
-- that start so, in order; no separate prefix index (it would hold every
-- posting again).

CREATE TABLE search_docs (
    id         INTEGER PRIMARY KEY,
    session_id TEXT NOT NULL,
    source     TEXT NOT NULL CHECK (source IN
        ('session', 'contribution', 'synthesis', 'proposal', 'block', 'action', 'decision')),
    -- The source row: a session, contribution, action or decision id, or
    -- a building block's integer id (as text).
    source_id  TEXT NOT NULL,
    UNIQUE (source, source_id)
);

CREATE VIEW search_content (id, text) AS
SELECT id, text FROM (SELECT d.id AS id, CASE d.source
    WHEN 'contribution' THEN
        (SELECT c.text FROM contributions c WHERE c.id = d.source_id AND c.deleted_at IS NULL)
    WHEN 'session' THEN
        (SELECT s.title || char(10) || s.question || char(10) || s.context
         FROM sessions s WHERE s.id = d.source_id)
    WHEN 'synthesis' THEN (SELECT y.text FROM synthesis y WHERE y.session_id = d.source_id)
    WHEN 'proposal' THEN (SELECT y.proposal FROM synthesis y WHERE y.session_id = d.source_id)
    WHEN 'block' THEN
        (SELECT b.title || char(10) || b.text FROM building_blocks b
         WHERE b.id = CAST(d.source_id AS INTEGER))
    WHEN 'action' THEN
        (SELECT a.text FROM actions a WHERE a.id = d.source_id AND a.removed_at IS NULL)
    WHEN 'decision' THEN
        (SELECT x.text FROM decisions x WHERE x.id = d.source_id AND x.removed_at IS NULL)
    END AS text
FROM search_docs d) WHERE text IS NOT NULL;

CREATE VIRTUAL TABLE search_index USING fts5(
    text,
    content = 'search_content',
    content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);

-- Sessions: title, question and context as one document.
CREATE TRIGGER search_session_added AFTER INSERT ON sessions BEGIN
    INSERT INTO search_docs (session_id, source, source_id) VALUES (NEW.id, 'session', NEW.id);
    INSERT INTO search_index (rowid, text)
    SELECT id, NEW.title || char(10) || NEW.question || char(10) || NEW.context
    FROM search_docs WHERE source = 'session' AND source_id = NEW.id;
END;
CREATE TRIGGER search_session_changed AFTER UPDATE OF title, question, context ON sessions BEGIN
    INSERT INTO search_index (search_index, rowid, text)
    SELECT 'delete', id, OLD.title || char(10) || OLD.question || char(10) || OLD.context
    FROM search_docs WHERE source = 'session' AND source_id = OLD.id;
    INSERT INTO search_index (rowid, text)
    SELECT id, NEW.title || char(10) || NEW.question || char(10) || NEW.context
    FROM search_docs WHERE source = 'session' AND source_id = NEW.id;
END;
CREATE TRIGGER search_session_removed AFTER DELETE ON sessions BEGIN
    INSERT INTO search_index (search_index, rowid, text)
    SELECT 'delete', id, OLD.title || char(10) || OLD.question || char(10) || OLD.context
    FROM search_docs WHERE source = 'session' AND source_id = OLD.id;
    DELETE FROM search_docs WHERE source = 'session' AND source_id = OLD.id;
END;

-- Contributions: indexed while not deleted (a soft delete, an undo).
CREATE TRIGGER search_contribution_added AFTER INSERT ON contributions BEGIN
    INSERT INTO search_docs (session_id, source, source_id)
    VALUES (NEW.session_id, 'contribution', NEW.id);
    INSERT INTO search_index (rowid, text)
    SELECT id, NEW.text FROM search_docs
    WHERE source = 'contribution' AND source_id = NEW.id AND NEW.deleted_at IS NULL;
END;
CREATE TRIGGER search_contribution_changed AFTER UPDATE OF text, deleted_at ON contributions BEGIN
    INSERT INTO search_index (search_index, rowid, text)
    SELECT 'delete', id, OLD.text FROM search_docs
    WHERE source = 'contribution' AND source_id = OLD.id AND OLD.deleted_at IS NULL;
    INSERT INTO search_index (rowid, text)
    SELECT id, NEW.text FROM search_docs
    WHERE source = 'contribution' AND source_id = NEW.id AND NEW.deleted_at IS NULL;
END;
CREATE TRIGGER search_contribution_removed AFTER DELETE ON contributions BEGIN
    INSERT INTO search_index (search_index, rowid, text)
    SELECT 'delete', id, OLD.text FROM search_docs
    WHERE source = 'contribution' AND source_id = OLD.id AND OLD.deleted_at IS NULL;
    DELETE FROM search_docs WHERE source = 'contribution' AND source_id = OLD.id;
END;

-- The synthesis: its text and its proposal, two documents.
CREATE TRIGGER search_synthesis_added AFTER INSERT ON synthesis BEGIN
    INSERT INTO search_docs (session_id, source, source_id) VALUES
        (NEW.session_id, 'synthesis', NEW.session_id),
        (NEW.session_id, 'proposal', NEW.session_id);
    INSERT INTO search_index (rowid, text)
    SELECT id, CASE source WHEN 'synthesis' THEN NEW.text ELSE NEW.proposal END
    FROM search_docs WHERE source IN ('synthesis', 'proposal') AND source_id = NEW.session_id;
END;
CREATE TRIGGER search_synthesis_changed AFTER UPDATE OF text, proposal ON synthesis BEGIN
    INSERT INTO search_index (search_index, rowid, text)
    SELECT 'delete', id, CASE source WHEN 'synthesis' THEN OLD.text ELSE OLD.proposal END
    FROM search_docs WHERE source IN ('synthesis', 'proposal') AND source_id = OLD.session_id;
    INSERT INTO search_index (rowid, text)
    SELECT id, CASE source WHEN 'synthesis' THEN NEW.text ELSE NEW.proposal END
    FROM search_docs WHERE source IN ('synthesis', 'proposal') AND source_id = NEW.session_id;
END;
CREATE TRIGGER search_synthesis_removed AFTER DELETE ON synthesis BEGIN
    INSERT INTO search_index (search_index, rowid, text)
    SELECT 'delete', id, CASE source WHEN 'synthesis' THEN OLD.text ELSE OLD.proposal END
    FROM search_docs WHERE source IN ('synthesis', 'proposal') AND source_id = OLD.session_id;
    DELETE FROM search_docs
    WHERE source IN ('synthesis', 'proposal') AND source_id = OLD.session_id;
END;

-- Building blocks: title and text as one document.
CREATE TRIGGER search_block_added AFTER INSERT ON building_blocks BEGIN
    INSERT INTO search_docs (session_id, source, source_id)
    VALUES (NEW.session_id, 'block', CAST(NEW.id AS TEXT));
    INSERT INTO search_index (rowid, text)
    SELECT id, NEW.title || char(10) || NEW.text FROM search_docs
    WHERE source = 'block' AND source_id = CAST(NEW.id AS TEXT);
END;
CREATE TRIGGER search_block_changed AFTER UPDATE OF title, text ON building_blocks BEGIN
    INSERT INTO search_index (search_index, rowid, text)
    SELECT 'delete', id, OLD.title || char(10) || OLD.text FROM search_docs
    WHERE source = 'block' AND source_id = CAST(OLD.id AS TEXT);
    INSERT INTO search_index (rowid, text)
    SELECT id, NEW.title || char(10) || NEW.text FROM search_docs
    WHERE source = 'block' AND source_id = CAST(NEW.id AS TEXT);
END;
CREATE TRIGGER search_block_removed AFTER DELETE ON building_blocks BEGIN
    INSERT INTO search_index (search_index, rowid, text)
    SELECT 'delete', id, OLD.title || char(10) || OLD.text FROM search_docs
    WHERE source = 'block' AND source_id = CAST(OLD.id AS TEXT);
    DELETE FROM search_docs WHERE source = 'block' AND source_id = CAST(OLD.id AS TEXT);
END;

-- Actions: indexed while standing (not taken back).
CREATE TRIGGER search_action_added AFTER INSERT ON actions BEGIN
    INSERT INTO search_docs (session_id, source, source_id) VALUES (NEW.session_id, 'action', NEW.id);
    INSERT INTO search_index (rowid, text)
    SELECT id, NEW.text FROM search_docs
    WHERE source = 'action' AND source_id = NEW.id AND NEW.removed_at IS NULL;
END;
CREATE TRIGGER search_action_changed AFTER UPDATE OF text, removed_at ON actions BEGIN
    INSERT INTO search_index (search_index, rowid, text)
    SELECT 'delete', id, OLD.text FROM search_docs
    WHERE source = 'action' AND source_id = OLD.id AND OLD.removed_at IS NULL;
    INSERT INTO search_index (rowid, text)
    SELECT id, NEW.text FROM search_docs
    WHERE source = 'action' AND source_id = NEW.id AND NEW.removed_at IS NULL;
END;
CREATE TRIGGER search_action_removed AFTER DELETE ON actions BEGIN
    INSERT INTO search_index (search_index, rowid, text)
    SELECT 'delete', id, OLD.text FROM search_docs
    WHERE source = 'action' AND source_id = OLD.id AND OLD.removed_at IS NULL;
    DELETE FROM search_docs WHERE source = 'action' AND source_id = OLD.id;
END;

-- Decisions: indexed while standing (not taken back).
CREATE TRIGGER search_decision_added AFTER INSERT ON decisions BEGIN
    INSERT INTO search_docs (session_id, source, source_id)
    VALUES (NEW.session_id, 'decision', NEW.id);
    INSERT INTO search_index (rowid, text)
    SELECT id, NEW.text FROM search_docs
    WHERE source = 'decision' AND source_id = NEW.id AND NEW.removed_at IS NULL;
END;
CREATE TRIGGER search_decision_changed AFTER UPDATE OF text, removed_at ON decisions BEGIN
    INSERT INTO search_index (search_index, rowid, text)
    SELECT 'delete', id, OLD.text FROM search_docs
    WHERE source = 'decision' AND source_id = OLD.id AND OLD.removed_at IS NULL;
    INSERT INTO search_index (rowid, text)
    SELECT id, NEW.text FROM search_docs
    WHERE source = 'decision' AND source_id = NEW.id AND NEW.removed_at IS NULL;
END;
CREATE TRIGGER search_decision_removed AFTER DELETE ON decisions BEGIN
    INSERT INTO search_index (search_index, rowid, text)
    SELECT 'delete', id, OLD.text FROM search_docs
    WHERE source = 'decision' AND source_id = OLD.id AND OLD.removed_at IS NULL;
    DELETE FROM search_docs WHERE source = 'decision' AND source_id = OLD.id;
END;

-- The documents of what is already in the file, then the index built
-- from them (the view skips what is deleted or taken back).
INSERT INTO search_docs (session_id, source, source_id)
SELECT id, 'session', id FROM sessions;
INSERT INTO search_docs (session_id, source, source_id)
SELECT session_id, 'contribution', id FROM contributions;
INSERT INTO search_docs (session_id, source, source_id)
SELECT session_id, 'synthesis', session_id FROM synthesis;
INSERT INTO search_docs (session_id, source, source_id)
SELECT session_id, 'proposal', session_id FROM synthesis;
INSERT INTO search_docs (session_id, source, source_id)
SELECT session_id, 'block', CAST(id AS TEXT) FROM building_blocks;
INSERT INTO search_docs (session_id, source, source_id)
SELECT session_id, 'action', id FROM actions;
INSERT INTO search_docs (session_id, source, source_id)
SELECT session_id, 'decision', id FROM decisions;
INSERT INTO search_index (search_index) VALUES ('rebuild');
